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
from collections.abc import Sequence
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


def match_one_to_one(left: Sequence[ReleaseProfile], right: Sequence[ReleaseProfile],
                     settings: LinkSettings) -> list[tuple[ReleaseProfile, ReleaseProfile, float]]:
    """The best pairs first, each release in at most one pair, none below the floor."""
    pairs = []
    if left and right:
        sims = np.stack([p.vector for p in left]) @ np.stack([p.vector for p in right]).T
        for i, a in enumerate(left):
            for j in np.nonzero(sims[i] + settings.figure_weight + settings.ministry_weight >= settings.min_score)[0]:
                score = pair_score(a, right[j], settings)
                if score is not None and score >= settings.min_score:
                    pairs.append((score, i, int(j)))
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
                free = [p for p in pool.values() if p.release_id not in linked[p.lang]]
                fresh_keys = {(p.release_id, p.lang) for p in fresh}
                left = [p for p in free if p.lang == lang]
                right = [p for p in free if p.lang == other]
                for a, b, score in match_one_to_one(left, right, s):
                    if (a.release_id, a.lang) in fresh_keys or (b.release_id, b.lang) in fresh_keys:
                        out.append(TranslationLink(a.release_id, a.lang, b.release_id, b.lang, "detected",
                                                   round(score, 4)))
        return out
