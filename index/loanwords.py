"""A Hindi question's loanwords in an English passage: सोयाबीन is Soybean, बाजरा is Bajra, खरीफ is
Kharif, कोविड is COVID.

A Hindi question about an English-only release (a weekly crop report's table) shares none of its
words, so nothing tells the table's soybean row from its rice row. A word Hindi borrowed is spelled
with the same consonants in both scripts, and `index.names.skeleton` already compares names that
way; here it compares a question's Devanagari words with the Latin words around a figure. Only
skeletons of three consonants or more count: two (कुल "kl", मक्का "mk") match too much by chance.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from index.lexical import STOPWORDS
from index.names import skeleton

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN_TERM = re.compile(r"[a-z]{3,}")
MIN_CONSONANTS = 3


def loanword_keys(question_terms) -> dict[str, str]:
    """Each Devanagari question term → its consonant skeleton, when that is long enough to tell."""
    keys = {}
    for term in question_terms:
        if _DEVANAGARI.match(term) and len(key := skeleton(term)) >= MIN_CONSONANTS:
            keys[term] = key
    return keys


@lru_cache(maxsize=65536)  # a figure's words come back with every Hindi question that reaches it
def latin_skeletons(words: frozenset[str]) -> frozenset[str]:
    return frozenset(skeleton(w) for w in words if w[:1].isascii() and w[:1].isalpha())


def with_loanwords(around: frozenset[str], loans: dict[str, str]) -> frozenset[str]:
    """A figure's words, with each question term (`loanword_keys`) whose skeleton a Latin word among
    them has."""
    if not loans:
        return around
    latin = latin_skeletons(around)
    held = [term for term, key in loans.items() if key in latin]
    return around.union(held) if held else around


# -- a Devanagari word's Latin spelling among the corpus's terms, for keyword search -------------------

LATIN_SPELLINGS_FILE = Path(__file__).with_name("latin-spellings.tsv")
MAX_PASSAGES = 300  # a Latin term in more passages is a common word a skeleton meets by chance


def latin_spellings(term_passages: Iterable[tuple[str, int]], max_passages: int = MAX_PASSAGES) -> dict[str, tuple[str, int]]:
    """Each consonant skeleton → the Latin term that spells it in the most passages, with their
    number; a skeleton whose most frequent term is in more than `max_passages` is left out (कतर
    would meet "hectar", संख्य "scienc"). `term_passages`: (term as `index.lexical.terms` writes it,
    the passages holding it)."""
    best: dict[str, tuple[int, str]] = {}
    for term, passages in term_passages:
        if _LATIN_TERM.fullmatch(term) and term not in STOPWORDS and len(key := skeleton(term)) >= MIN_CONSONANTS:
            best[key] = max(best.get(key, (0, "")), (passages, term))
    return {key: (term, n) for key, (n, term) in sorted(best.items()) if n <= max_passages}


class LatinSpellings:
    """A Hindi question's loanwords as the English releases spell them: हैंडलूम is "handloom", सोयाबीन
    "soybean", बीएसएनएल "bsnl". Keyword search looks them up, and a passage holding the Latin term
    holds the question's (as the bilingual term list's translations do; index/search.py).

    The Latin terms are those of the bundled corpus's passages (`vigyapti terms latin` writes
    LATIN_SPELLINGS_FILE)."""

    def __init__(self, by_skeleton: dict[str, str]):
        self.by_skeleton = by_skeleton

    def translate(self, question_terms: Iterable[str]) -> dict[str, str]:
        """Each Devanagari term of MIN_CONSONANTS or more (`loanword_keys`) whose skeleton a Latin term
        spells → that term."""
        return {term: latin for term, key in loanword_keys(question_terms).items()
                if (latin := self.by_skeleton.get(key))}


def write_latin_spellings(spellings: dict[str, tuple[str, int]]) -> str:
    return "".join(f"{key}\t{term}\t{n}\n" for key, (term, n) in spellings.items())


@lru_cache(maxsize=1)
def bundled_latin_spellings() -> LatinSpellings:
    rows = (line.split("\t") for line in LATIN_SPELLINGS_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip()) if LATIN_SPELLINGS_FILE.exists() else ()
    return LatinSpellings({key: term for key, term, _ in rows})


def corpus_term_passages(releases: Iterable) -> Counter:
    """How many passages of `releases` hold each term, the passages cut as the indexer cuts them."""
    from index.lexical import terms
    from index.pipeline import ReleaseReader

    reader, counts = ReleaseReader(), Counter()
    for release in releases:
        for passage in reader.run(release):
            counts.update(set(terms(passage.text)))
    return counts
