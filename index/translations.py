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


def one_to_one(pairs: list[tuple[float, object, object]]) -> list[tuple[float, object, object]]:
    """The best pairs first, each side in at most one: `pairs` (score, a, b) sorted in place by
    (score, a, b) descending, then each kept unless its a or its b is already taken.

    Greedy over every candidate pair of the run at once: which pairs win does not depend on how, in
    what blocks or in what order the candidates were found, only on the list. Detection names a side
    by its id, the index of its release among the language's free releases sorted by id did before:
    the same order, so the same pairs win and come in the same order."""
    pairs.sort(reverse=True)
    used_a, used_b, out = set(), set(), []
    for score, a, b in pairs:
        if a in used_a or b in used_b:
            continue
        used_a.add(a)
        used_b.add(b)
        out.append((score, a, b))
    return out


def match_one_to_one(left: Sequence[ReleaseProfile], right: Sequence[ReleaseProfile],
                     settings: LinkSettings) -> list[tuple[ReleaseProfile, ReleaseProfile, float]]:
    """The best pairs first, each release in at most one pair, none below the floor (one_to_one)."""
    return [(left[i], right[j], score) for score, i, j in one_to_one(candidate_pairs(left, right, settings))]


def id_pairs(left: Sequence[ReleaseProfile], right: Sequence[ReleaseProfile],
             settings: LinkSettings) -> list[tuple[float, str, str]]:
    """candidate_pairs named by the releases' ids: a pair outlives the block its profiles came in."""
    return [(score, left[i].release_id, right[j].release_id) for score, i, j in candidate_pairs(left, right, settings)]


# Releases whose profiles are read at once, of each language: detection holds a block of one
# language's and a block of the other's, whatever the run's length or a day's size (2.5 KB a release).
RELEASES_AT_ONCE = 2048


class TranslationLinker:
    """Releases just stored → their links to the other language versions, stored in the index."""

    def __init__(self, store, settings: LinkSettings | None = None, *, releases_at_once: int = RELEASES_AT_ONCE):
        self.store = store
        self.settings = settings or LinkSettings()
        self.releases_at_once = releases_at_once

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
        langs = self.store.languages()
        wanted = list(keys)
        out = []
        for i, lang in enumerate(langs):
            for other in langs[i + 1:]:
                with self.store.snapshot():  # the links, the run's dates and the blocks of one state
                    out += self._detect_between(lang, other, keys, wanted)
        return out

    def _detect_between(self, lang: str, other: str, keys: set[tuple[str, str]],
                        wanted: list[tuple[str, str]]) -> list[TranslationLink]:
        """The run's releases of the two languages not linked yet (fresh) against every free release
        of their date range, and the undated against the undated when any of them is undated: the
        pairs chosen one to one over all of it (one_to_one), those with a fresh side kept.

        Only the fresh releases' dates are read first; profiles come a block at a time
        (`_pairs_in`), and a pair keeps its score and the two ids, not the profiles."""
        s = self.settings
        linked = {lang: self.store.linked_sides(lang, other), other: self.store.linked_sides(other, lang)}
        first = last = None
        undated = False
        for rid, rlang, date in self.store.profile_dates(wanted):
            if rlang not in linked or rid in linked[rlang]:
                continue
            if date:
                first, last = min(first or date, date), max(last or date, date)
            elif date is None:
                undated = True
        pairs = []
        if first is not None:
            lo = dt.date.fromordinal(_day(first) - s.max_days).isoformat()
            hi = dt.date.fromordinal(_day(last) + s.max_days).isoformat()
            pairs += self._pairs_in(lang, other, linked, lo, hi)
        if undated:  # an undated release links only to an undated one (pair_score)
            pairs += self._pairs_in(lang, other, linked, None, None)
        return [TranslationLink(a, lang, b, other, "detected", round(score, 4))
                for score, a, b in one_to_one(pairs) if (a, lang) in keys or (b, other) in keys]

    def _pairs_in(self, lang: str, other: str, linked: dict[str, set[str]], date_from: str | None,
                  date_to: str | None) -> list[tuple[float, str, str]]:
        """id_pairs of the free releases dated within [date_from, date_to] (None, None: the
        undated), a block of `lang` releases at a time in date order, each against the `other`
        releases of its days and the max_days either side (within the range; all the undated for an
        undated block), read a block at a time (`release_profile_blocks`). So each allowed pair is
        scored once, and what is held is two blocks: a day of any size is split, and its `lang`
        releases meet its `other` ones block by block."""
        reach, at_once, store = self.settings.max_days, self.releases_at_once, self.store
        undated = date_from is None
        pairs = []
        for block in store.release_profile_blocks([lang], date_from, date_to, at_once, undated=undated):
            left = [p for p in block.values() if p.release_id not in linked[lang]]
            del block  # let go of the linked before the other language's are read
            if not left:
                continue
            near_from = near_to = None
            if not undated:
                days = [_day(p.date) for p in left]
                near_from = max(date_from, dt.date.fromordinal(min(days) - reach).isoformat())
                near_to = min(date_to, dt.date.fromordinal(max(days) + reach).isoformat())
            for near in store.release_profile_blocks([other], near_from, near_to, at_once, undated=undated):
                pairs += id_pairs(left, [p for p in near.values() if p.release_id not in linked[other]], self.settings)
                del near  # before the next is read
        return pairs
