"""A question's words in the other language's table: कपास is Cotton, दावे खारिज are Claims Rejected.

A Hindi question about an English-only release (a weekly crop report, an annexure of claims by
State) shares none of its words with the table's rows and columns, so nothing tells the cotton row
from the rice row, or the rejected claims from the received. The learned term list
(index/bilingual.py) holds few such words: PIB's parallel releases are too few to count crops and
measures by. Loanwords (index/loanwords.py) cover the words Hindi borrowed (सोयाबीन, Soybean), not
the ones it has its own word for. The glossary (corpus/data/glossary-en-hi.csv) names them: a crop,
a produce or a measure by its spellings in each language. A question's term counts as held by a
figure whose words hold one of its spellings in the other language; only for choosing among the
figures and passages of a release, never for finding releases.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from corpus.readers import bilingual_glossary, bilingual_names
from index.lexical import terms
from index.names import CASED

Spelling = frozenset[str]  # a spelling's stemmed terms ("Pigeon pea": pigeon, pea)


def _spelled(rows) -> tuple[tuple[tuple[Spelling, ...], tuple[Spelling, ...]], ...]:
    """Each row's (English spellings, Hindi spellings), as stemmed terms."""
    def spelled(spellings: str) -> tuple[Spelling, ...]:
        return tuple(dict.fromkeys(s for s in (frozenset(terms(w)) for w in spellings.split("|")) if s))

    return tuple((spelled(en), spelled(hi)) for en, hi, _ in rows)


@lru_cache(maxsize=1)
def _spellings() -> tuple[tuple[tuple[Spelling, ...], tuple[Spelling, ...]], ...]:
    return _spelled(bilingual_glossary())


def _long_names() -> tuple[tuple[str, str, str], ...]:
    """names-en-hi.csv without the spellings a name is only in its own case (`index.names.CASED`): "UP"
    is Uttar Pradesh only in capitals, and a stemmed term has none ("set up")."""
    def long(spellings: str) -> str:
        return "|".join(s for s in spellings.split("|") if len(s) > CASED)

    return tuple((long(en), long(hi), kind) for en, hi, kind in bilingual_names() if long(en) and long(hi))


@lru_cache(maxsize=1)
def _name_spellings() -> tuple[tuple[tuple[Spelling, ...], tuple[Spelling, ...]], ...]:
    return _spelled(_long_names())


def glossed_terms(question_terms: Iterable[str]) -> tuple[tuple[Spelling, tuple[Spelling, ...]], ...]:
    """Each glossary word the question spells in one language: (its terms as the question has them,
    its spellings in the other language)."""
    return _glossed(question_terms, _spellings())


def glossed_names(question_terms: Iterable[str]) -> tuple[tuple[Spelling, tuple[Spelling, ...]], ...]:
    """`glossed_terms` of the places and organisations of names-en-hi.csv: बिहार is Bihar, मध्य प्रदेश
    Madhya Pradesh, in a table's row as in a sentence. Their consonants are too few to tell a loanword
    by (बिहार "br", मध्य "md": index/loanwords.py), and a name is never a word of the other language."""
    return _glossed(question_terms, _name_spellings())


def _glossed(question_terms: Iterable[str], rows) -> tuple[tuple[Spelling, tuple[Spelling, ...]], ...]:
    held = frozenset(question_terms)
    found = []
    for en, hi in rows:
        for ours, theirs in ((en, hi), (hi, en)):
            asked = [s for s in ours if s <= held]
            if asked:
                found.append((frozenset().union(*asked), theirs))
    return tuple(found)


def with_glossary(words: frozenset[str], glossed) -> frozenset[str]:
    """`words` with the question's terms (`glossed_terms`) whose other language's spelling they hold."""
    if not glossed:
        return words
    held = [asked for asked, theirs in glossed if any(s <= words for s in theirs) and not asked <= words]
    return words.union(*held) if held else words
