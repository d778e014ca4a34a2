"""No answer from a release that never says most of what the question asks about (`check_asked_words`,
a candidate, off).

A question passes the score floor on a release of another subject that shares its time, its place or
its kind of figure: "What was the area sown under cotton as on 21 August 2026?" was answered from
PM-AASHA's wheat MSP, "2019-20 में छत्तीसगढ़ में कितना मछली उत्पादन हुआ?" from GST's state table. The names
check asks only for places, organisations and acronyms; the thing asked about (cotton, मछली) is a
common word. Here the question's words, less its time and numbers, are weighed by their idf, as the
keyword search weighs them; when the words that no version of the release holds (any passage or
title, either language) carry at least `share` of that weight, the release does not answer. A word is
held in a form a letter longer or shorter (a stemmer leaves "sowing" and "sown" apart), and the words
that only frame a question ("what percentage", "in the update") are held by every release.

Only where the best release is in the question's language: across languages a word is held by its
translation, which no list here knows well enough (a Hindi question's मछली in an English release).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from index.answerable import KIND_WORDS, NoAnswer
from index.lexical import terms
from index.records import Hit
from index.search.analysis import analyse, passages_of
from index.search.fusion import coverage, idf_of
from index.search.question import question_lang
from index.stores.base import Store
from index.timeq import QuestionTime, without_time

# At least half of the question's weight unheld: the release says less than half of what is asked.
SHARE = 0.5

_DIGIT = re.compile(r"\d")
# Words that frame a question, not what it asks about, which a release need not repeat: the kind of
# figure ("how much money", "what percentage") and where the asker saw it ("in the update", "the single
# day reported"). A release states a percentage with "%" and never calls itself an update.
FRAMING_WORDS = KIND_WORDS | frozenset(terms("""percentage percent report reported update updates bulletin
    latest now currently single figure figures data प्रतिशत अपडेट रिपोर्ट बुलेटिन आंकड़ा आंकड़े ताजा"""))
# A stem held by a longer form of itself, as a plain stemmer leaves irregular forms apart (sow, sown;
# lab, labs): at least this long, and the other at most `_LONGER_BY` characters longer.
_SHORTEST_STEM = 3
_LONGER_BY = 1


def asked_words(question: str, qtime: QuestionTime | None) -> list[str]:
    """The question's terms that say what it asks about: without its time, stopwords and numbers."""
    return [t for t in dict.fromkeys(terms(without_time(question, qtime), drop_stopwords=True))
            if not _DIGIT.search(t)]


def held_forms(words: Iterable[str], held: frozenset[str]) -> frozenset[str]:
    """`words` that `held` holds as they are, or in a form up to `_LONGER_BY` letters longer or shorter
    that begins the same (sow: sown); and the words that frame a question, which every release holds."""
    ordered = sorted(held)
    return frozenset(w for w in words if w in held or w in FRAMING_WORDS or (len(w) >= _SHORTEST_STEM and (
        any(w[:-k] in held for k in range(1, _LONGER_BY + 1) if len(w) - k >= _SHORTEST_STEM)
        or _begins_one(ordered, w))))


def _begins_one(ordered: list[str], stem: str) -> bool:
    """Whether some term of `ordered` (sorted) begins with `stem` and is at most `_LONGER_BY` longer."""
    i = bisect.bisect_left(ordered, stem)
    while i < len(ordered) and ordered[i].startswith(stem):
        if len(ordered[i]) - len(stem) <= _LONGER_BY:
            return True
        i += 1
    return False


def unheld_share(idf: dict[str, float], held: Iterable[str] | frozenset[str]) -> float:
    """The share of the question's idf weight (`idf`: its asked words → idf) whose word `held` lacks:
    the keyword coverage of the words it lacks."""
    return coverage(frozenset(idf.keys() - held), idf)


def unheld_words(question: str, qtime: QuestionTime | None, release_lang: str, question_lang: str,
                 idf: Callable[[list[str]], dict[str, float]],
                 held: Callable[[], frozenset[str]], share: float = SHARE) -> tuple[str, ...]:
    """The asked words the best release's versions never hold, when they weigh at least `share` of
    the question's; else (); () too across languages. `idf`: terms → idf; `held`: every term of the
    release's versions (called only when needed)."""
    if release_lang != question_lang:
        return ()
    words = asked_words(question, qtime)
    if not words:
        return ()
    weights = idf(words)
    have = held_forms(words, held())
    if unheld_share(weights, have) < share:
        return ()
    return said(question, [t for t in words if t not in have])


def said(question: str, stems: list[str]) -> tuple[str, ...]:
    """The question's own words for its terms `stems` ("sown" for sown, "मछली" for मछल), in its order."""
    out = []
    for token in question.split():
        word = token.strip(".,;:!?()[]{}\"'‘’“”।")
        if word and any(t in stems for t in terms(word, drop_stopwords=True)) and word not in out:
            out.append(word)
    return tuple(out) or tuple(stems)


def release_terms(store: Store, hit: Hit) -> frozenset[str]:
    """Every term of the hit's release, its other-language versions and its duplicates: their
    passages' (as analysed for answering) and their titles'."""
    r = hit.release
    others = store.releases([*((t["release_id"], t["lang"]) for t in hit.translations),
                             *((d, r.lang) for d in hit.also_released_as)])
    cache = store.passage_analyses()
    held: set[str] = set()
    for release in [r, *(o for o in others.values() if o is not None)]:
        held |= set(terms(release.title or "", drop_stopwords=True))
        for p in passages_of(store, release.release_id, release.lang):
            held |= analyse(p, cache=cache).terms
    return frozenset(held)


def asked_words_refusal(store: Store, question: str, qtime: QuestionTime | None, hit: Hit
                        ) -> tuple[str, NoAnswer] | None:
    """Why the best hit does not answer (the reason, and its kind for the channels), or None: the one
    call the decision makes (`check_asked_words`)."""
    unheld = unheld_words(question, qtime, hit.release.lang, question_lang(question),
                          lambda words: idf_of(store, words), lambda: release_terms(store, hit))
    if not unheld:
        return None
    return "the closest release does not say " + ", ".join(unheld), NoAnswer("not_held")
