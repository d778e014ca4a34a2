"""A question's phrase and the acronym a release writes for it: "long period average" is "LPA" in
"97% of LPA during August", "minor forest produce" is "MFPs" in "31.35 MTs of MFPs with a value of
Rs. 1.11 Cr". PIB spells a measure out once and then writes its initials beside the figures, so the
words of the question's phrase are not around the figure asked for, while another figure has them.

The question's runs of common English words give candidate initials; only those the index holds as a
word are kept (one look-up of their document frequencies), and a figure with the initials around it
counts as having the phrase's words around it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from index.lexical import STOPWORDS, terms

MIN_LETTERS = 3  # two initials collide with too many words ("pa", "ar")
MAX_WORDS = 4
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S+")


def initial_candidates(question: str) -> dict[str, frozenset[str]]:
    """The initials of each run of MIN_LETTERS to MAX_WORDS common words (as a stemmed term, the way
    `index.lexical.terms` writes "LPA" or "MFPs") → the terms of the run's words."""
    runs, run = [], []
    for word in _WORD.findall(question):
        if re.fullmatch(r"[a-z][a-z-]*", word) and word not in STOPWORDS:
            run.append(word)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    out: dict[str, frozenset[str]] = {}
    for run in runs:
        for a in range(len(run)):
            for b in range(a + MIN_LETTERS, min(len(run), a + MAX_WORDS) + 1):
                words = run[a:b]
                initials = terms("".join(w[0] for w in words))
                if initials:
                    out[initials[0]] = frozenset(t for w in words for t in terms(w))
    return out


def held_acronyms(question: str, document_frequencies) -> dict[str, frozenset[str]]:
    """`initial_candidates` that the index holds as a word (`document_frequencies`: the store's)."""
    candidates = initial_candidates(question)
    if not candidates:
        return {}
    df = document_frequencies(list(candidates))
    return {term: words for term, words in candidates.items() if df.get(term, 0)}


def with_phrases(around: frozenset[str], acronyms: dict[str, frozenset[str]]) -> frozenset[str]:
    """A figure's words, with the words of each phrase whose initials stand among them."""
    found = [words for term, words in acronyms.items() if term in around]
    return around.union(*found) if found else around


# "Labour Force Participation Rate (LFPR)", "Jan Aushadhi Kendras (JAKs)", "Ministry of Statistics and
# Programme Implementation (MoSPI)": up to eight words before an acronym in brackets.
_DEFINED = re.compile(r"((?:[A-Za-z][A-Za-z'’-]*[ \t,]+){1,8})\(\s*([A-Z][A-Za-z&]{1,7})\s*\)")
# words a definition may leave out of the initials ("Index of Core Industries (ICI)")
_JOINING = frozenset({"of", "and", "the", "for", "in", "on", "to", "&", "at", "by"})


def _initials_phrase(words: list[str], acronym: str) -> list[str] | None:
    """The words ending `words` whose initials spell `acronym`'s capitals, joining words aside."""
    letters = [c.lower() for c in acronym if c.isupper()]
    if len(letters) < 2:
        return None
    i = len(words) - 1
    for letter in reversed(letters):
        while i >= 0 and words[i][0].lower() != letter:
            if words[i].lower() not in _JOINING:
                return None
            i -= 1
        if i < 0:
            return None
        i -= 1
    return words[i + 1:]


@lru_cache(maxsize=2048)
def defined_acronyms(text: str) -> dict[str, frozenset[str]]:
    """The acronyms a release spells out ("Unemployment Rate (UR)"), as terms → the terms of their
    phrase. Defined by the release itself, a two-letter acronym is no chance collision, as it would
    be for `held_acronyms`: the release's "UR" beside 5.1% is its unemployment rate."""
    out: dict[str, frozenset[str]] = {}
    for m in _DEFINED.finditer(text):
        phrase = _initials_phrase(re.findall(r"[A-Za-z][A-Za-z'’-]*", m.group(1)), m.group(2))
        acronym = terms(m.group(2))
        if phrase and acronym:
            words = frozenset(terms(" ".join(phrase), drop_stopwords=True))
            if words and acronym[0] not in words:
                out.setdefault(acronym[0], words)
    return out


def asked_definitions(text: str, asked: frozenset[str]) -> dict[str, frozenset[str]]:
    """`defined_acronyms` of a release whose phrase the question asks in full and whose acronym it
    does not use: a passage or figure with the acronym holds the phrase's words."""
    return {a: words for a, words in defined_acronyms(text).items() if words <= asked and a not in asked}
