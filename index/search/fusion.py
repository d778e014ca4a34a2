"""Dense and keyword evidence made one score: how much of the question a passage holds, and how
that weighs against its cosine when the candidates come in two languages."""
from __future__ import annotations

import math

from index.names import Name
from index.search.analysis import analyse
from index.search.settings import SearchSettings
from index.stores.base import Store


def idf_of(store: Store, q_terms: list[str]) -> dict[str, float]:
    """Each term's BM25 idf over the store's passages: how much its presence says."""
    n = max(store.count_passages(), 1)
    df = store.document_frequencies(q_terms)
    return {t: math.log(1.0 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in q_terms}


def coverage(have: frozenset[str], idf: dict[str, float]) -> float:
    """Share of the question's idf mass among `have`, a passage's or sentence's terms."""
    total = sum(idf.values())
    if not total:
        return 0.0
    return sum([w for t, w in idf.items() if t in have]) / total  # a list is cheaper than a generator here; the same sum


def names_held(names: tuple[Name, ...], passages, cache=None) -> dict[int, float]:
    """Each passage (by id) → the share of `names` its release holds in any of its candidate
    passages: evidence that does not depend on the language, where keywords only match the question's."""
    by_release: dict[tuple[str, str], set[str]] = {}
    for p in passages:
        by_release.setdefault((p.release_id, p.lang), set()).update(analyse(p, cache=cache).names)
    share = {key: sum(bool(n.keys & keys) for n in names) / len(names) for key, keys in by_release.items()}
    return {p.passage_id: share[(p.release_id, p.lang)] for p in passages}


def coverages(held: dict[int, frozenset[str]], ids, idf: dict[str, float],
              translated: dict[str, str] | None = None) -> dict[int, float]:
    """`coverage` of each passage of `ids` (its terms in `held`, none when missing), a
    question term counting as held where its translation is (`translated`: question term → translation):
    a Hindi question's विक्रेता is held by an English passage that says seller. One pass over the
    question's terms a passage, the same sum in the same order: a search asks it of a hundred."""
    total = sum(idf.values())
    if not total:
        return {pid: 0.0 for pid in ids}
    translated = translated or {}
    asked = [(w, t, translated.get(t)) for t, w in idf.items()]
    none = frozenset()
    out = {}
    for pid in ids:
        have = held.get(pid, none)
        out[pid] = sum([w for w, t, other in asked if t in have or other in have]) / total
    return out


def fuse(dense: dict[int, float], coverage: dict[int, float], lang_of: dict[int, str], s: SearchSettings,
         question_lang: str | None = None, text_of: dict[int, str] | None = None) -> dict[int, dict[str, float]]:
    """Dense and keyword evidence of each candidate, as the parts of its score.

    `dense`: cosine with the question; `coverage`: share of the question's idf mass the passage
    holds (0..1); `lang_of`: the passage's language; `question_lang`: the question's; `text_of`: the
    passage's text."""
    by_lang: dict[str, list[int]] = {}
    for pid in sorted(lang_of, key=dense.get, reverse=True):
        by_lang.setdefault(lang_of[pid], []).append(pid)

    def baseline(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    # Keyword evidence reorders passages within a language, relative to that language's
    # dense-nearest candidates; it never lifts one language over the other, which it cannot match.
    kw_base = {lang: baseline([coverage[p] for p in ids[:s.baseline_n]]) for lang, ids in by_lang.items()}
    # e5 rates a passage in the question's own language closer than an equally good one in the
    # other language. Across languages we compare how far a passage stands above the nearest
    # candidates of its own language instead of raw cosines.
    shift = {lang: 0.0 for lang in by_lang}
    if s.language_calibration and len(by_lang) > 1:
        # A text counts once among the nearest: a release published twice would count each passage twice
        # and raise its language's baseline by its own closeness.
        nearest = {lang: _first_of_each_text(ids, text_of) if text_of else ids for lang, ids in by_lang.items()}
        dense_base = {lang: baseline([dense[p] for p in nearest[lang][:s.baseline_n]]) for lang in by_lang}
        # Another language is lifted towards the question's, never the question's own: e5's bias always
        # favours it, so where another language's nearest stand higher (its releases are the ones about
        # the question), nothing is lifted. Without the question's language, towards the highest.
        anchor = dense_base.get(question_lang, max(dense_base.values()))
        # ... and no further than e5's own gap between languages reaches: beyond it the other language's
        # passages are not rated lower for their language, they are further from the question.
        shift = {lang: max(0.0, min(anchor - b, s.max_language_shift)) for lang, b in dense_base.items()}
    # Where candidates come in both languages, keywords (which only the question's language can
    # match) must weigh less than where all are in one, or they would favour that language.
    kw_weight = s.mixed_keyword_weight if len(by_lang) > 1 else s.keyword_weight
    return {pid: {"dense": dense[pid], "language": shift[lang],
                  "keyword": kw_weight * (coverage[pid] - kw_base[lang])} for pid, lang in lang_of.items()}


def _first_of_each_text(ids: list[int], text_of: dict[int, str]) -> list[int]:
    first: dict[str, int] = {}
    for pid in ids:
        first.setdefault(text_of[pid], pid)
    return list(first.values())
