"""Which passage shows each release: releases rank by their best passage, but the one shown is the
passage that answers (its figure, its places, its language), and a release published twice, or in
both languages, is shown once."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from corpus import Release
from index.names import Name
from index.passagechoice import PassageSignals, load_model as load_choice_model
from index.records import Hit, Passage
from index.search.analysis import lead_in_places
from index.search.fits import FIGURE_TIME_FIT, figure_fit, group_fit, has_row_of, passage_signals, place_fit, stated_fits
from index.search.question import FigureCues
from index.search.settings import SearchSettings
from index.stores.base import Store
from index.timeq import QuestionTime

# How far before a passage its paragraph's head may name the place it is about, for the passage choice's
# signal (a bulletin's "· तेलंगाना- ..." whose figures a later window of sentences holds).
LEAD_IN_CHARS = 300


class PassageChoice:
    """`run`: the hits, one release at a time, each shown by the passage of it that `fit`s the question
    best. Made for each search: it keeps that search's scores and the releases it has read."""

    def __init__(self, store: Store, settings: SearchSettings, *, scores: dict[int, float],
                 dense: dict[int, float], kinds: frozenset[str], idf: dict[str, float], cues: FigureCues,
                 qlang: str, qtime: QuestionTime, names: tuple[Name, ...], pivot_values: dict[str, frozenset]):
        self.store = store
        self.settings = settings
        self.scores = scores
        self.dense = dense
        self.kinds = kinds
        self.idf = idf
        self.cues = cues
        self.qlang = qlang
        self.qtime = qtime
        # each release found in the question's language → the values of its figures (see `shared_values`)
        self.pivot_values = pivot_values
        self.analyses = store.passage_analyses()  # one cache for the whole search, fetched once
        # Acronyms name what a release is about and stand in its lead; places tell its paragraphs
        # apart (a bulletin's paragraph per state), unless the release is about the place (its title).
        self.places = [n for n in names if n.kind == "known"]
        self._releases: dict[tuple[str, str], Release | None] = {}
        self._lead_ins: dict[tuple[int, int], frozenset[str]] = {}  # (passage, reach) →
        # each release version among the candidates → whether a row of one of its passages is of the
        # asked time (`beside_a_row_of_the_time`)
        self.dated_rows: dict[tuple[str, str], bool] = {}

    def fit(self, p: Passage) -> float:
        """Within a release: its version in the question's language, the passage whose figure is asked
        for, the passage that names the question's places (a bulletin's paragraph per state)."""
        s, cues = self.settings, self.cues
        if s.passage_model:
            return load_choice_model().preference(self.signals(p))
        return (self.scores[p.passage_id]
                + s.figure_weight * figure_fit(p, self.kinds, self.idf, cues.of_release(self.release_of(p)),
                                               cache=self.analyses, title=self.title_of(p) if cues.label_weight else "")
                - s.figure_weight * FIGURE_TIME_FIT * self.beside_a_row_of_the_time(p)
                + (s.own_language_bonus if p.lang == self.qlang else 0.0)
                + s.figure_weight * self.shared_values(p)
                + (s.passage_names_weight * self.place_share(p) if self.places else 0.0)
                + (s.passage_groups_weight * group_fit(p.text, cues.groups, self.title_of(p)) if cues.groups else 0.0))

    def beside_a_row_of_the_time(self, p: Passage) -> bool:
        """Whether the passage's figures of the asked kind all stand in sentences of other times while
        a table row of its release is of the asked time: "During last 12 days from 23rd March to 3rd
        April 2020, Railways loaded and carried 250020 wagons of coal" beside the row "26.03.2020 20784"
        asked for the 26th. Where no row is of that time, such a passage is what a near miss finds, and
        the no-answer check reads its times."""
        window = self.cues.row_window
        if window is None or not self.settings.dated_row_over_prose or has_row_of(p, window, self.kinds,
                                                                                  cache=self.analyses):
            return False
        stated = stated_fits(p, self.kinds, window, cache=self.analyses)
        return bool(stated) and all(fit < 0 for fit in stated) and self.dated_rows.get((p.release_id, p.lang), False)

    def release_of(self, p: Passage) -> Release | None:
        key = (p.release_id, p.lang)
        if key not in self._releases:
            self._releases[key] = self.store.release(*key)
        return self._releases[key]

    def title_of(self, p: Passage) -> str:
        release = self.release_of(p)
        return release.title if release else ""

    def lead_in(self, p: Passage, reach: int | None = None) -> frozenset[str]:
        """`lead_in_places` of the passage within its release; `reach`: the setting's unless given."""
        reach = self.settings.lead_in_chars if reach is None else reach
        if not reach:
            return frozenset()
        if (p.passage_id, reach) not in self._lead_ins:
            release = self.release_of(p)
            self._lead_ins[p.passage_id, reach] = (lead_in_places(release.text, p.start, reach)
                                                   if release is not None and p.start <= len(release.text)
                                                   else frozenset())
        return self._lead_ins[p.passage_id, reach]

    def place_share(self, p: Passage) -> float:
        return place_fit(p, self.places, self.title_of(p), cache=self.analyses, lead_in=self.lead_in(p))

    def shared_values(self, p: Passage) -> float:
        """The share of the figures of its release found in the question's language (the pivot) it holds."""
        shared = self.pivot_values.get(p.release_id)
        return len(shared & {f.value for f in p.figures}) / len(shared) if shared else 0.0

    def signals(self, p: Passage) -> PassageSignals:
        """What the passage choice's model weighs (index/passagechoice.py)."""
        release, title = self.release_of(p), self.title_of(p)
        places, analyses = self.places, self.analyses
        held = passage_signals(p, self.kinds, self.idf, self.cues.of_release(release), self.qtime.window,
                               cache=analyses, title=title)
        return PassageSignals(
            score=self.scores[p.passage_id], similarity=float(self.dense.get(p.passage_id, 0.0)), **held,
            own_language=p.lang == self.qlang, shared_values=self.shared_values(p),
            places=place_fit(p, places, title, cache=analyses),
            lead_in_places=place_fit(p, places, title, cache=analyses,
                                     lead_in=self.lead_in(p, LEAD_IN_CHARS) if places else frozenset()))

    def run(self, ordered: list[Passage], top_k: int, per_release: int) -> list[Hit]:
        """Releases in the order of their best passage; for each, the passage(s) that `fit` best."""
        hits: list[Hit] = []
        versions: dict[tuple[str, str], tuple[str, str]] = {}
        # One read of each kind for every candidate, not one a candidate: with Milvus every read is a call.
        keys = [(p.release_id, p.lang) for p in ordered]
        linked = self.store.translations_of_many(keys)
        duplicates = self.store.duplicates_of_many(keys)

        def translations(release_id: str, lang: str) -> list[dict]:
            found = linked.get((release_id, lang))
            return self.store.translations_of(release_id, lang) if found is None else found

        def version_key(release_id: str, lang: str) -> tuple[str, str]:
            """One key for a release and its translations (by their links)."""
            key = versions.get((release_id, lang))
            if key is None:
                key = min([(release_id, lang), *((t["release_id"], t["lang"]) for t in translations(release_id, lang))])
                versions[(release_id, lang)] = key
            return key

        of_release: dict[tuple[str, str], list[Passage]] = {}  # all language versions of a release
        for p in ordered:
            of_release.setdefault(version_key(p.release_id, p.lang), []).append(p)
        if (window := self.cues.row_window) is not None and self.settings.dated_row_over_prose:
            for p in ordered:
                key = (p.release_id, p.lang)
                self.dated_rows[key] = self.dated_rows.get(key, False) or has_row_of(p, window, self.kinds,
                                                                                     cache=self.analyses)
        shown: set[int] = set()
        taken: dict[tuple[str, str], int] = {}  # group key -> passages taken
        group_of: dict[tuple[str, str], tuple[str, str]] = {}  # version key -> group (duplicates share one)
        group_best: dict[tuple[str, str], float] = {}  # group -> its best passage's score

        def chosen() -> Iterator[tuple[float, Passage]]:
            for p in ordered:
                vk = version_key(p.release_id, p.lang)
                if vk not in group_of:
                    members = [vk, *(version_key(t, p.lang) for t in duplicates[(p.release_id, p.lang)])]
                    for m in members:
                        group_of.setdefault(m, min(members))
                group = group_of[vk]
                if taken.get(group, 0) >= per_release or p.passage_id in shown:
                    continue
                taken[group] = taken.get(group, 0) + 1
                # the group's best passage ranks it, and each passage shown of it says so (with
                # per_release > 1, the next ones come later in `ordered`, with lower scores)
                best = group_best.setdefault(group, self.scores[p.passage_id])
                p = max((c for c in of_release[vk] if c.passage_id not in shown), key=self.fit)
                shown.add(p.passage_id)
                yield best, p

        candidates = chosen()
        while len(hits) < top_k and (batch := list(islice(candidates, top_k - len(hits)))):
            releases = self.store.releases((p.release_id, p.lang) for _, p in batch)  # one read for the batch
            for best, p in batch:
                release = releases[(p.release_id, p.lang)]
                if release is None:  # deleted meanwhile
                    continue
                hits.append(Hit(
                    passage=p, release=release, score=self.scores[p.passage_id], release_score=best,
                    similarity=min(max(self.dense.get(p.passage_id, 0.0), -1.0), 1.0),
                    also_released_as=list(duplicates[(p.release_id, p.lang)]),
                    translations=list(translations(p.release_id, p.lang)),
                ))
        return hits
