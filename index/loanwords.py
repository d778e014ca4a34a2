"""A Hindi question's loanwords in an English passage: सोयाबीन is Soybean, बाजरा is Bajra, खरीफ is
Kharif, कोविड is COVID.

A Hindi question about an English-only release (a weekly crop report's table) shares none of its
words, so nothing tells the table's soybean row from its rice row. A word Hindi borrowed is spelled
with the same consonants in both scripts, and `index.names.name_key` already compares names that
way (their consonants, and whether they begin with a vowel sound); here it compares a question's
Devanagari words with the Latin words around a figure. Only skeletons of three consonants or more
count: two (कुल "kl", मक्का "mk") match too much by chance.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from index.lexical import DEVANAGARI, STOPWORDS, terms
from index.names import acronym_letters, name_key, skeleton

_DEVANAGARI_WORD = re.compile(r"[\u0900-\u097f]+")
_LATIN_TERM = re.compile(r"[a-z]{3,}")
MIN_CONSONANTS = 3


def loanword_keys(question_terms) -> dict[str, str]:
    """Each Devanagari question term → its key as a name's (`index.names.name_key`: its consonant
    skeleton, marked when it begins with a vowel sound), when the skeleton is long enough to tell. The
    mark keeps a false friend out: करोड is not "accord", क्षेत्र not "extra", अस्पताल not "spatial"."""
    keys = {}
    for term in question_terms:
        if DEVANAGARI.match(term) and len(skeleton(term)) >= MIN_CONSONANTS:
            keys[term] = name_key(term)
    return keys


@lru_cache(maxsize=65536)  # a figure's words come back with every Hindi question that reaches it
def latin_name_keys(words: frozenset[str]) -> frozenset[str]:
    return frozenset(name_key(w) for w in words if w[:1].isascii() and w[:1].isalpha())


def with_loanwords(around: frozenset[str], loans: dict[str, str]) -> frozenset[str]:
    """A figure's words, with each question term (`loanword_keys`) whose key a Latin word among them
    has."""
    if not loans:
        return around
    latin = latin_name_keys(around)
    held = [term for term, key in loans.items() if key in latin]
    return around.union(held) if held else around


def acronym_spellings(question: str) -> dict[str, str]:
    """Each term of a Hindi question's acronym written in English letter names → the letters as a
    Latin term: आईटीआई is "iti", जीएसटी "gst". Its skeleton (आईटीआई: "t") is too short to look it up
    by, and the Hindi stem drops its last letter (आईटी), so the letters are read from the whole word."""
    spelled = {}
    for word in _DEVANAGARI_WORD.findall(question):
        if (letters := acronym_letters(word)) and len(hindi := terms(word)) == 1 and len(latin := terms(letters)) == 1 \
                and latin[0] not in STOPWORDS:  # INS stems to "in"
            spelled[hindi[0]] = latin[0]
    return spelled


# -- a Devanagari word's Latin spelling among the index's terms, for keyword search -------------------

MAX_PASSAGES = 300  # a Latin term in more passages is a common word a skeleton meets by chance


def spelling_rows(terms: Iterable[str]) -> set[tuple[str, str]]:
    """(consonant skeleton, term) of each Latin term that may spell a Devanagari loanword: what a
    store keeps of every passage it writes (`Store.latin_terms`)."""
    return {(key, term) for term in terms
            if _LATIN_TERM.fullmatch(term) and term not in STOPWORDS and len(key := skeleton(term)) >= MIN_CONSONANTS}


def latin_spellings(term_passages: Iterable[tuple[str, int]], max_passages: int = MAX_PASSAGES) -> dict[str, tuple[str, int]]:
    """Each consonant skeleton → the Latin term that spells it in the most passages, with their
    number; a skeleton whose most frequent term is in more than `max_passages` is left out (कतर
    would meet "hectar", संख्य "scienc"), and a term in no passage (its releases gone) spells
    nothing. `term_passages`: (term as `index.lexical.terms` writes it, the passages holding it)."""
    counts = {term: n for term, n in term_passages if n > 0}
    best: dict[str, tuple[int, str]] = {}
    for key, term in spelling_rows(counts):
        best[key] = max(best.get(key, (0, "")), (counts[term], term))
    return {key: (term, n) for key, (n, term) in sorted(best.items()) if n <= max_passages}


class LatinSpellings:
    """A Hindi question's loanwords as the English releases spell them: हैंडलूम is "handloom", सोयाबीन
    "soybean", बीएसएनएल "bsnl". Keyword search looks them up, and a passage holding the Latin term
    holds the question's (as the bilingual term list's translations do; index/search/fusion.py).

    The Latin terms are the index's own, kept by the store as it writes each passage, so a term that
    first comes with today's releases spells a loanword from then on; how many passages hold each
    is read when asked, so the choice follows the index as it grows and loses releases."""

    def __init__(self, terms_of: Callable[[list[str]], dict[str, list[str]]],
                 frequencies: Callable[[list[str]], dict[str, int]], max_passages: int = MAX_PASSAGES):
        """`terms_of`: skeletons → the Latin terms the index holds with each (`Store.latin_terms`);
        `frequencies`: terms → the passages holding each (`Store.document_frequencies`)."""
        self.terms_of, self.frequencies, self.max_passages = terms_of, frequencies, max_passages

    def translate(self, question_terms: Iterable[str]) -> dict[str, str]:
        """Each Devanagari term of MIN_CONSONANTS or more (`loanword_keys`) whose key a Latin term has →
        that term (the index keeps its Latin terms by skeleton: those of the term's mark are read)."""
        keys = loanword_keys(question_terms)
        if not keys:
            return {}
        of_skeleton = self.terms_of(sorted({skeleton(term) for term in keys}))
        counts = self.frequencies([t for ts in of_skeleton.values() for t in ts]) if of_skeleton else {}
        out = {}
        for term, key in keys.items():
            bare = skeleton(term)
            alike = [(t, counts.get(t, 0)) for t in of_skeleton.get(bare, ()) if name_key(t) == key]
            if bare in (spelled := latin_spellings(alike, self.max_passages)):
                out[term] = spelled[bare][0]
        return out
