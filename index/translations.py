"""Which releases are one release in two languages, when they do not share an id.

On pib.gov.in the Hindi and English versions of a release have their own ids. Once releases come
from PIB pages, the page names its other-language versions (`Release.translations`); otherwise
the evidence is what does not depend on the language: the date (the same day, or the next), the
figures (86,000 is 86,000 in both), and how close the two texts are for a multilingual model (the
mean of their passage vectors). Pairs are decided one to one, best first, above a floor chosen on
`en-hi-2020` with its shared ids hidden (docs/retrieval.md, "Translation links").
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from corpus import Release
from index.links import ReleaseProfile, TranslationLink


@dataclass(frozen=True)
class LinkSettings:
    max_days: int = 1  # a translation is posted the same day or the next
    min_score: float = 0.86  # below this, two releases are not taken for one
    figure_weight: float = 0.1  # × the share of figure values the two have in common (Jaccard)
    # The same ministry in both languages (ministries-en-hi.csv): what tells the versions of a text
    # PIB published twice, under two ministries, apart; another known ministry counts against.
    ministry_weight: float = 0.02


@dataclass
class LinkReport:
    page: int = 0
    shared_id: int = 0
    detected: int = 0


def fold_name(name: str) -> str:
    """A name as compared: NFC, no joiners, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).replace("\u200d", "").replace("\u200c", "").casefold().split())


@lru_cache(maxsize=1)
def _ministry_keys() -> dict[str, str]:
    """Every known ministry name, English or Hindi (folded) → one key for the ministry."""
    from corpus.readers import ministry_names

    out = {}
    for en, hi in ministry_names():
        out[fold_name(en)] = out[fold_name(hi)] = fold_name(en)
    return out


def ministry_key(name: str | None) -> str | None:
    """One key for a ministry's English and Hindi names; None when the name is not a known one."""
    return _ministry_keys().get(fold_name(name)) if name else None


def _day(iso: str | None) -> int | None:
    return dt.date.fromisoformat(iso).toordinal() if iso else None


def pair_score(a: ReleaseProfile, b: ReleaseProfile, settings: LinkSettings) -> float | None:
    """How surely `a` and `b` are one release; None when their dates rule it out."""
    da, db = _day(a.date), _day(b.date)
    if (da is None) != (db is None) or (da is not None and abs(da - db) > settings.max_days):
        return None
    shared = len(a.values & b.values) / len(a.values | b.values) if (a.values or b.values) else 0.0
    score = float(np.dot(a.vector, b.vector)) + settings.figure_weight * shared
    ma, mb = ministry_key(a.ministry), ministry_key(b.ministry)
    if ma and mb:
        score += settings.ministry_weight if ma == mb else -settings.ministry_weight
    return score


# A block of similarities computed at once: at most this many rows × columns (16 MB of float32).
BLOCK_ROWS, BLOCK_COLUMNS = 1024, 4096


def date_blocks(left: Sequence[ReleaseProfile], right: Sequence[ReleaseProfile], max_days: int
                ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(indices into `left`, indices into `right`) blocks holding every pair whose dates allow a
    link (pair_score: both dated, at most `max_days` apart, or both undated), each pair once: the
    left releases of one day against the right ones of that day and its `max_days` neighbours each
    side, the undated against the undated."""
    left_days = [_day(p.date) for p in left]
    right_days = [_day(p.date) for p in right]
    undated_left = [i for i, d in enumerate(left_days) if d is None]
    undated_right = [j for j, d in enumerate(right_days) if d is None]
    if undated_left and undated_right:
        yield np.array(undated_left), np.array(undated_right)
    dated = np.array([j for j, d in enumerate(right_days) if d is not None], dtype=np.int64)
    days = np.array([right_days[j] for j in dated], dtype=np.int64)
    order = np.argsort(days, kind="stable")
    dated, days = dated[order], days[order]
    rows_of: dict[int, list[int]] = {}
    for i, d in enumerate(left_days):
        if d is not None:
            rows_of.setdefault(d, []).append(i)
    for d, rows in rows_of.items():
        lo, hi = np.searchsorted(days, [d - max_days, d + max_days + 1])
        if hi > lo:
            yield np.array(rows), dated[lo:hi]


def candidate_pairs(left: Sequence[ReleaseProfile], right: Sequence[ReleaseProfile],
                    settings: LinkSettings) -> list[tuple[float, int, int]]:
    """(score, i, j) of every pair of left[i] and right[j] that pair_score puts at the floor or above.

    Only pairs the dates allow are compared (date_blocks), a bounded block of similarities at a
    time, so memory follows a few days' releases, not the run's (the whole matrix of a 10,000-release
    run a language took 400 MB). A pair is scored only when the cosine of its vectors could reach
    the floor (the figures and the ministry add at most figure_weight + ministry_weight). A block's
    matrix product and pair_score's dot round their float32 sums differently, each within
    dim × eps / 2 of the exact cosine of two unit vectors: the bound is lowered by `slack`, twice the
    two together, so no pair pair_score puts at the floor goes unscored."""
    pairs: list[tuple[float, int, int]] = []
    if not left or not right:
        return pairs
    dim = len(left[0].vector)
    slack = 2 * dim * float(np.finfo(np.float32).eps)
    bound = settings.min_score - settings.figure_weight - settings.ministry_weight - slack
    for rows, columns in date_blocks(left, right, settings.max_days):
        for r0 in range(0, len(rows), BLOCK_ROWS):
            some_rows = rows[r0:r0 + BLOCK_ROWS]
            a = np.stack([left[i].vector for i in some_rows])
            for c0 in range(0, len(columns), BLOCK_COLUMNS):
                some_columns = columns[c0:c0 + BLOCK_COLUMNS]
                sims = a @ np.stack([right[j].vector for j in some_columns]).T
                for r, c in zip(*np.nonzero(sims >= bound)):
                    i, j = int(some_rows[r]), int(some_columns[c])
                    score = pair_score(left[i], right[j], settings)
                    if score is not None and score >= settings.min_score:
                        pairs.append((score, i, j))
    return pairs


def match_one_to_one(left: Sequence[ReleaseProfile], right: Sequence[ReleaseProfile],
                     settings: LinkSettings) -> list[tuple[ReleaseProfile, ReleaseProfile, float]]:
    """The best pairs first, each release in at most one pair, none below the floor.

    Greedy over every candidate pair of the run at once, by (score, i, j) descending: which pairs
    win does not depend on how the candidates were found, only on the list."""
    pairs = candidate_pairs(left, right, settings)
    pairs.sort(reverse=True)
    used_l, used_r, out = set(), set(), []
    for score, i, j in pairs:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        out.append((left[i], right[j], score))
    return out


class TranslationLinker:
    """Releases just stored → their links to the other language versions, stored in the index."""

    def __init__(self, store, settings: LinkSettings | None = None):
        self.store = store
        self.settings = settings or LinkSettings()

    def run(self, releases: Sequence[Release]) -> LinkReport:
        declared = [TranslationLink(r.release_id, r.lang, oid, olang, "page")
                    for r in releases for olang, oid in r.translations if olang != r.lang]
        return self.link({r.key for r in releases}, declared)

    def link_stored(self) -> LinkReport:
        """Every stored release decided again (an index built before links were stored)."""
        return self.link(set(self.store.release_keys()), [])

    def link(self, keys: set[tuple[str, str]], declared: list[TranslationLink]) -> LinkReport:
        report = LinkReport()
        if not keys:
            return report
        langs_of: dict[str, list[str]] = {}  # each id's languages in the run, looked up, not searched for
        for rid, lang in keys:
            langs_of.setdefault(rid, []).append(lang)
        shared = [TranslationLink(rid, lang, rid, olang, "shared-id")
                  for rid, olang in self.store.release_keys_by_id(langs_of) for lang in langs_of[rid] if olang != lang]
        report.page = len(declared)
        report.shared_id = len({frozenset([(link.release_id, link.lang), (link.other_id, link.other_lang)])
                                for link in shared})
        # Re-ingested releases are decided again: their detected links go first.
        self.store.save_translation_links(declared + shared, replace_detected=keys)
        detected = self._detect(keys)
        report.detected = len(detected)
        self.store.save_translation_links(detected)
        return report

    def _detect(self, keys: set[tuple[str, str]]) -> list[TranslationLink]:
        s = self.settings
        langs = self.store.languages()
        new = self.store.release_profiles(keys=keys)
        out = []
        for i, lang in enumerate(langs):
            for other in langs[i + 1:]:
                linked = {lang: self.store.linked_sides(lang, other), other: self.store.linked_sides(other, lang)}
                fresh = [p for p in new.values() if p.lang in (lang, other) and p.release_id not in linked[p.lang]]
                if not fresh:
                    continue
                pool = {(p.release_id, p.lang): p for p in fresh}
                days = sorted({p.date for p in fresh if p.date})
                if days:
                    lo = dt.date.fromordinal(_day(days[0]) - s.max_days).isoformat()
                    hi = dt.date.fromordinal(_day(days[-1]) + s.max_days).isoformat()
                    pool.update(self.store.release_profiles(langs=[lang, other], date_from=lo, date_to=hi))
                if any(p.date is None for p in fresh):
                    pool.update(self.store.release_profiles(langs=[lang, other], undated=True))
                # in the order of their keys, not of a set: a tie between two equal scores goes the same way
                # in every process, whatever the hash seed
                free = sorted((p for p in pool.values() if p.release_id not in linked[p.lang]),
                              key=lambda p: (p.release_id, p.lang))
                fresh_keys = {(p.release_id, p.lang) for p in fresh}
                left = [p for p in free if p.lang == lang]
                right = [p for p in free if p.lang == other]
                for a, b, score in match_one_to_one(left, right, s):
                    if (a.release_id, a.lang) in fresh_keys or (b.release_id, b.lang) in fresh_keys:
                        out.append(TranslationLink(a.release_id, a.lang, b.release_id, b.lang, "detected",
                                                   round(score, 4)))
        return out
