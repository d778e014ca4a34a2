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
from functools import lru_cache

from index.names import skeleton

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
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
