"""The searcher: a question → ranked hits and the answer, wiring the parts of this package.

Dense search alone misses exact names and numbers; keyword search alone cannot cross languages.
Each proposes up to `depth` passages; every candidate is scored by its dense cosine plus a bonus
for the keywords it holds (fusion.py). When the question is in another language than the
passages asked for, it is also searched in its own language and each release found there lends its
score to its other language's version, found by the translation links (index/translations.py), since
pib.gov.in gives each language version a PRID of its own.
A "how many / कितने" question lifts passages that hold a figure of the kind asked for. Finally one
passage per release (choice.py), with releases published twice under two ids folded together, then
whether to answer (decision.py) and the answer sentence (answer.py).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from functools import cached_property, lru_cache

import numpy as np

from index.acronyms import held_acronyms
from index.answerable import NoAnswer, asked_groups, asked_spans, asked_unit
from index.bilingual import TermList, bundled_term_list
from index.embeddings import Embedder
from index.filters import SearchFilters
from index.glossary import glossed_names, glossed_terms
from index.indicators import with_indicator_names
from index.lexical import terms
from index.loanwords import LatinSpellings, acronym_spellings, latin_name_keys, loanword_keys
from index.names import Name, question_names
from index.noanswer import AnswerSignals, load_model
from index.passagechoice import load_model as load_choice_model
from index.records import Hit, Passage
from index.romanised import Reading, reading
from index.search.analysis import analyse, links_only, stated_times_of
from index.search.answer import AnswerReader, best_sentence, table_row
from index.search.choice import PassageChoice
from index.search.decision import AnswerDecision
from index.search.fits import figure_fit, figure_fits, group_fit, has_row_of, holds_asked_kind, passage_signals, place_fit
from index.search.fusion import coverage, coverages, fuse, idf_of, names_held
from index.search.question import (FigureCues, asked_figure, asked_years, expected_kinds, question_lang, searched_kinds,
                                   without_markup)
from index.search.records import SearchResult
from index.search.settings import SearchSettings
from index.sentencevectors import SentenceVectors
from index.stores.base import Store
from index.timeq import POSTED_LATE, QuestionTime, TimeWindow, agreement, answered_window, read_time, recency

# One question in each language, with a place, a relative time and a unit, so that every reader runs.
WARM_UP_QUESTIONS = ("How many tonnes of wheat did Punjab procure last month?",
                     "पिछले साल उत्तर प्रदेश में कितने लाख टन गेहूं खरीदा गया?")


def as_typed(qtime: QuestionTime, typed: Reading | None) -> QuestionTime:
    """The question's time, read from the words as the user typed them ("pichhle saal", not "पिछले साल"),
    for the reply to say."""
    if typed is None or not typed.words or qtime.window is None:
        return qtime
    return dataclasses.replace(qtime, window=dataclasses.replace(qtime.window, text=typed.typed_text(qtime.window.text)))


class HybridSearcher:
    """A question → hits (one per release by default) and the single best answer sentence.

    A passage's score is its dense cosine with the question, plus a bonus for the share of the
    question's idf mass it contains (names, numbers, rare words) above the average of the
    dense-nearest candidates in its language, plus a bonus when it holds a figure of the kind asked for. Scores,
    unlike ranks, keep the dense margin, and the keyword bonus is relative within a language, so a
    keyword match in the question's language cannot push aside a better passage in the other.
    """

    def __init__(self, store: Store, embedder: Embedder, settings: SearchSettings | None = None,
                 sentences: SentenceVectors | None = None):
        self.store = store
        self.embedder = embedder
        self.settings = settings or SearchSettings()
        self.sentences = sentences  # without them, the answer sentence is chosen without its similarity
        # A model switched on is read now: weights that are missing or for other signals stop the
        # start with their error, not every question after it.
        if self.settings.no_answer_model:
            load_model()
        if self.settings.passage_model:
            load_choice_model()
        # Popular questions come back; their vectors need not be computed again.
        self._encode = lru_cache(maxsize=4096)(lambda q: embedder.encode_queries([q])[0])
        # Called with each question and its top release's candidate passages with their signals
        # (index/passagechoice.py): how bench/fit_passage_choice.py gathers what it fits on.
        self.choice_recorder = None

    def warm(self, stop: threading.Event | None = None) -> int:
        """Analyse every cached passage ahead of the questions that will need it, and ask what loads
        on first use. `stop`: when set, warming ends at its next step (the store is closing)."""
        stopped = stop.is_set if stop is not None else (lambda: False)
        n = 0
        with self.store.snapshot():
            cache = self.store.passage_analyses()
            passages = list(self.store.cached_passages())
            for p in passages:
                if n % 500 == 0 and stopped():
                    return n
                analysis = analyse(p, cache=cache)
                if self.settings.loanwords:
                    # a Hindi question compares its loanwords with the Latin words around each figure
                    # it meets (index/loanwords.py): read once, not by the first question to meet them
                    for _, around in analysis.figure_contexts:
                        latin_name_keys(around)
                n += 1
            if self.settings.time_weight:
                self._warm_stated_times(passages, cache, stopped)
        if self.sentences is not None and not stopped():
            self.sentences.load()
        # A first search loads what it needs on first use (dateparser's and the place names' patterns,
        # the vector shards): a tenth to half a second that the warm-up pays, not the first asker.
        for question in WARM_UP_QUESTIONS:
            if stopped():
                break
            self.run(question, top_k=1)
        return n

    def _warm_stated_times(self, passages: list[Passage], cache, stopped: Callable[[], bool]) -> None:
        """The times each passage states, with its release's day and title, as a question that names
        a time reads them of every candidate (`_scored`): read once per passage, they cost the first
        dated questions a millisecond or more each."""
        dates = self.store.release_dates([p.passage_id for p in passages])
        titles = self._titles(passages) if self.settings.title_time else {}
        for i, p in enumerate(passages):
            if i % 500 == 0 and stopped():
                return
            stated_times_of(p, dates.get(p.passage_id), titles.get((p.release_id, p.lang)), cache)

    def _titles(self, passages: Iterable[Passage]) -> dict[tuple[str, str], str]:
        """Each passage's release's title, by (release id, language): its times count for the passage."""
        return {key: r.title for key, r in self.store.releases({(p.release_id, p.lang) for p in passages}).items()
                if r is not None}

    @cached_property
    def latin_spellings(self) -> LatinSpellings:
        """The index's Latin terms by consonant skeleton, as the store keeps them."""
        return LatinSpellings(self.store.latin_terms, self.store.document_frequencies)

    @cached_property
    def term_list(self) -> TermList:
        """English↔Hindi terms for keywords across languages, read on first use: `bilingual_terms` is
        off by default, and a measurement may set another list."""
        return bundled_term_list()

    def share_question_vectors(self, other: "HybridSearcher") -> None:
        """Use `other`'s cache of question vectors (same model): an evaluation asking the same
        questions of two indexes encodes each once."""
        if other.embedder is self.embedder:
            self._encode = other._encode

    # -- retrieval ---------------------------------------------------------------------------

    def _idf(self, q_terms: list[str]) -> dict[str, float]:
        return idf_of(self.store, q_terms)

    coverage = staticmethod(coverage)

    def _scored(self, vector: np.ndarray, keyword: list[tuple[int, float]], idf: dict[str, float], kinds: frozenset[str],
                filters: SearchFilters, extra: list[int] = (), years: frozenset[str] = frozenset(),
                qtime: QuestionTime | None = None, parts: dict[int, dict[str, float]] | None = None,
                names: tuple[Name, ...] = (), translated: dict[str, str] | None = None, qlang: str | None = None,
                ) -> tuple[dict[int, float], dict[int, Passage], dict[int, float]]:
        """(score, passage, dense cosine) of every candidate passage under `filters`; each score's
        components go to `parts` when given. `translated`: a question term → its translation, which
        a passage may hold in its stead. `qlang`: the question's language (see `fuse`)."""
        s = self.settings
        # Without a language filter each language brings its own dense candidates: a Hindi
        # question must be able to find an English-only release, and the reverse.
        langs = [filters.lang] if filters.lang else (self.store.languages() or [None])
        dense: dict[int, float] = {}
        for lang in langs:
            f = filters.with_lang(lang) if lang else filters
            dense.update(self.store.search(vector, s.depth, filters=f))
        ids = list(dict.fromkeys([*dense, *(pid for pid, _ in keyword), *extra]))
        passages = self.store.passages(ids)
        missing = [pid for pid in passages if pid not in dense]
        if missing:
            vectors = self.store.vectors(missing)
            dense.update({pid: float(v @ vector) for pid, v in zip(missing, vectors)})
        stored = self.store.passage_terms(list(passages))
        cov = {pid: c ** s.keyword_power for pid, c in coverages(stored, passages, idf, translated).items()}

        fused = fuse(dense, cov, {pid: p.lang for pid, p in passages.items()}, s, qlang,
                     {pid: p.text for pid, p in passages.items()})
        window = qtime.window if qtime else None
        timed = window is not None and s.time_weight
        latest = bool(qtime and qtime.latest and s.recency_weight)
        dated = self.store.release_dates(list(passages)) if (years or timed or latest) else {}
        # "So far" is measured from the newest release among the candidates: in a growing archive
        # that is about today; in a corpus frozen years ago it is what that corpus calls now.
        newest = max((dt.date.fromisoformat(d) for d in dated.values() if d), default=None) if latest else None
        analyses = self.store.passage_analyses()
        held = (names_held(names, passages.values(), analyses)
                if names and s.names_weight else {})
        titles = self._titles(passages.values()) if timed and s.title_time else {}
        by_rows = timed and window.granularity in POSTED_LATE  # a day-wise table's row (`agreement`)
        scores = {}
        for pid, p in passages.items():
            part = fused[pid]
            if pid in held:
                part["names"] = s.names_weight * held[pid]
            if kinds and holds_asked_kind(p, kinds):
                part["kind"] = s.kind_boost
            if years and (dated.get(pid) or "")[:4] in years:
                part["year"] = s.year_boost
            if timed:
                title = titles.get((p.release_id, p.lang))
                part["time"] = s.time_weight * agreement(window, stated_times_of(p, dated.get(pid), title, analyses),
                                                           kinds, beside_kind=s.time_beside_kind,
                                                           plans_aside=s.time_plans_aside,
                                                           row_of_the_day=by_rows and has_row_of(p, window, kinds or None,
                                                                                                 cache=analyses))
            if newest is not None:
                part["recency"] = s.recency_weight * recency(dated.get(pid), newest)
            scores[pid] = sum(part.values())
            if parts is not None:
                parts[pid] = part
        return scores, passages, dense

    def _pivot(self, vector: np.ndarray, keyword: list[tuple[int, float]], idf: dict[str, float],
               kinds: frozenset[str], filters: SearchFilters, qlang: str, years: frozenset[str],
               qtime: QuestionTime, names: tuple[Name, ...], translated: dict[str, str],
               ) -> tuple[dict[str, float], dict[str, frozenset]]:
        """Cross-language: the question is searched in its own language too; each release found there
        lends its score to its translation among the passages asked for (`filters.lang`). Returns each
        translation's borrowed score, and the values of the figures of the passage found for it."""
        pivot: dict[str, float] = {}
        pivot_values: dict[str, frozenset] = {}
        p_scores, p_passages, _ = self._scored(vector, keyword, idf, kinds, filters.with_lang(qlang), years=years,
                                               qtime=qtime, names=names, translated=translated)
        found: dict[str, float] = {}
        best: dict[str, Passage] = {}  # each release's best passage in the question's language
        for pid, score in p_scores.items():
            rid = p_passages[pid].release_id
            if score >= found.get(rid, -math.inf):
                found[rid], best[rid] = score, p_passages[pid]
        linked = self.store.translations_of_many((rid, qlang) for rid in found)
        for rid, score in found.items():  # its translation links, not a shared id, name the version
            for t in linked[(rid, qlang)]:
                if t["lang"] == filters.lang:
                    pivot[t["release_id"]] = max(pivot.get(t["release_id"], score), score)
                    # Figures are the same in both versions: they say which passage of the
                    # translation is the one found in the question's language.
                    pivot_values[t["release_id"]] = frozenset(
                        f.value for f in best[rid].figures if f.value is not None and f.kind not in ("year", "date"))
        return pivot, pivot_values

    def run(self, question: str, *, top_k: int = 5, filters: SearchFilters | None = None,
            per_release: int = 1) -> SearchResult:
        # The search runs where the model encodes questions, and its question is encoded alongside
        # (`_run`): a hop between threads costs a wake-up, so the search makes no other
        # (docs/retrieval.md#latency).
        return self.embedder.run_beside_queries(self._search, question, top_k, filters, per_release)

    def submit(self, question: str, *, top_k: int = 5, filters: SearchFilters | None = None,
               per_release: int = 1) -> Future[SearchResult]:
        """`run`, for a caller that should not wait on a thread of its own (the web server's loop)."""
        return self.embedder.submit_beside_queries(self._search, question, top_k, filters, per_release)

    def _search(self, question: str, top_k: int, filters: SearchFilters | None, per_release: int) -> SearchResult:
        question = without_markup(question)
        with self.store.snapshot():  # every read of one search sees one committed state
            return self._run(question, top_k, filters, per_release)

    def _run(self, question: str, top_k: int, filters: SearchFilters | None, per_release: int) -> SearchResult:
        s = self.settings
        filters = filters or SearchFilters()
        qlang = question_lang(question)
        typed = reading(question) if s.romanised_hindi else None
        question = typed.text if typed else question  # a romanised Hindi question's grammar in Devanagari
        searched = with_indicator_names(question) if s.indicator_names else question
        # encoded while the rest of the question is read and its words looked up (Embedder.submit_alongside)
        vector_soon = self.embedder.submit_alongside(self._encode, searched)
        kinds = expected_kinds(question, money_cue=s.money_cue)
        asked = terms(question, drop_stopwords=True)
        q_terms = list(dict.fromkeys(asked if searched == question else terms(searched, drop_stopwords=True)))
        idf = self._idf(q_terms)
        translated = {**(acronym_spellings(question) if s.latin_loanwords else {}),
                      **(self.latin_spellings.translate(q_terms) if s.latin_loanwords else {}),
                      **(self.term_list.translate(q_terms) if s.bilingual_terms else {})}
        looked_up = list(dict.fromkeys([*q_terms, *translated.values()]))
        years = asked_years(question)
        qtime = read_time(question)
        if qtime.latest and not s.recency_weight:
            qtime = QuestionTime(qtime.window)
        names = tuple(n for n in question_names(question) if n.kind != "name")
        unit = asked_unit(question) or asked_unit(question, spans=True)
        cues = FigureCues(unit=unit if s.figure_unit else None,
                          window=qtime.window if s.figure_time else None,
                          row_window=qtime.window if s.row_time else None,
                          acronyms=held_acronyms(question, self.store.document_frequencies) if s.acronym_phrases else {},
                          loans=loanword_keys(asked) if s.loanwords else {},
                          glossed=((glossed_terms(asked) if s.glossary else ())
                                   + (glossed_names(asked) if s.known_names else ())),
                          label_weight=s.figure_label_weight,
                          asked=frozenset(q_terms) if s.defined_acronyms else None,
                          spans=asked_spans(question) if s.spans_asked else None,
                          groups=tuple(named for _, named in asked_groups(question))
                          if s.passage_groups_weight or s.sentence_groups_weight or s.figure_groups_weight else ())
        parts: dict[int, dict[str, float]] = {}
        cross = bool(filters.lang and filters.lang != qlang and s.translation_weight)
        keyword = {f: self.store.keyword_search(looked_up, s.depth, filters=f) if looked_up else []
                   for f in ([filters, filters.with_lang(qlang)] if cross else [filters])}
        figure_asked = asked_figure(question)  # read while the question is still being encoded, as all above
        vector = vector_soon.result()

        pivot, pivot_values = (self._pivot(vector, keyword[filters.with_lang(qlang)], idf, kinds, filters, qlang,
                                           years, qtime, names, translated) if cross else ({}, {}))
        extra = list(self.store.passage_releases(filters, list(pivot))) if pivot else []
        scores, passages, dense = self._scored(vector, keyword[filters], idf, kinds, filters, extra, years,
                                               qtime, parts, names, translated, qlang=qlang)
        if pivot:
            w = s.translation_weight
            for pid, p in passages.items():
                if p.release_id in pivot:
                    mixed = (1 - w) * scores[pid] + w * pivot[p.release_id]
                    parts[pid]["translation"] = mixed - scores[pid]
                    scores[pid] = mixed
        if not scores:
            return SearchResult([], None, filters.nothing_matches(), kinds, as_typed(qtime, typed), no_answer=NoAnswer("no_match"))
        # Equal scores (a release published twice: the same text) in the order the passages were stored,
        # not in the order a cache happened to hand them out: the same question shows the same release.
        ordered = sorted(passages.values(), key=lambda p: (scores[p.passage_id], -p.passage_id), reverse=True)
        # A release's list of links says nothing: e5 puts it near any text that looks like an address or
        # markup ("<script>alert(1)</script>"), and it would stand as the answer and the source.
        ordered = [p for p in ordered if not links_only(p.text)]
        choice = PassageChoice(self.store, s, scores=scores, dense=dense, kinds=kinds, idf=idf, cues=cues,
                               qlang=qlang, qtime=qtime, names=names, pivot_values=pivot_values)
        places = choice.places
        hits = choice.run(ordered, top_k, per_release)
        if self.choice_recorder is not None and hits:
            top = hits[0]
            versions = {(top.release.release_id, top.release.lang), *((d, top.release.lang) for d in top.also_released_as),
                        *((t["release_id"], t["lang"]) for t in top.translations)}
            self.choice_recorder(question, [(p, choice.signals(p)) for p in ordered if (p.release_id, p.lang) in versions])
        answers = self._answers()

        # what the answer is asked for: the question's kinds, or those a search phrase asks of its answer
        answer_kinds = kinds or searched_kinds(question)

        def shown(hit: Hit) -> Hit:
            """The first hit, shown by its release's passage that states the asked figure where its own states
            none (`passage_with_the_figure`), and by the window that holds its row (`window_with_the_row`,
            `row_after_its_label`)."""
            if s.figure_elsewhere:
                hit = answers.passage_with_the_figure(hit, idf, answer_kinds, cues, vector)
            if s.neighbour_window:
                hit = answers.window_with_the_row(hit, idf, kinds, cues)
            if s.row_after_label:
                hit = answers.row_after_its_label(hit, idf, kinds, cues, tuple(places), vector, unit,
                                                  qtime.window if qtime else None)
            return hit

        if hits:
            hits[0] = shown(hits[0])
        for hit in hits:
            hit.components = {k: round(v, 4) for k, v in parts.get(hit.passage.passage_id, {}).items()}
        decision = self._decision().run(question, qtime, hits, kinds, translated,
                                        tuple(t for t in q_terms if t not in asked))
        if decision.answered_by:  # a release just below the first names what it does not (`runner_up_margin`)
            hits.insert(0, shown(hits.pop(decision.answered_by)))
        answer, reason, why = answers.run(answer_kinds, hits, idf, decision, cues,
                                          places=tuple(places), vector=vector,
                                          window=qtime.window if qtime else None, unit=unit,
                                          asked_figure=figure_asked)
        if answer is not None and qtime.window is not None and qtime.window.year_assumed:
            top = hits[0]
            stated = stated_times_of(top.passage, top.release.date, top.release.title, self.store.passage_analyses())
            qtime = dataclasses.replace(qtime, window=answered_window(qtime.window, stated))
        return SearchResult(hits, answer, reason, kinds, as_typed(qtime, typed), decision.signals, decision.probability, why)

    # -- the parts, made with the settings of the moment, and their entry points under the names
    # -- the tests and tools call them by ---------------------------------------------------

    def _decision(self) -> AnswerDecision:
        return AnswerDecision(self.store, self.settings)

    def _answers(self) -> AnswerReader:
        return AnswerReader(self.store, self.settings, self.sentences)

    place_fit = staticmethod(place_fit)
    group_fit = staticmethod(group_fit)
    figure_fit = staticmethod(figure_fit)
    figure_fits = staticmethod(figure_fits)
    passage_signals = staticmethod(passage_signals)
    table_row = staticmethod(table_row)
    best_sentence = staticmethod(best_sentence)

    def signals_of(self, question: str, result: SearchResult) -> AnswerSignals | None:
        """`AnswerDecision.signals_of`."""
        return self._decision().signals_of(question, result)

    def check_answerable(self, question: str, qtime: QuestionTime | None, top: Hit,
                         kinds: frozenset[str] = frozenset(), *, all_findings: bool = False):
        """`AnswerDecision.check_answerable`."""
        return self._decision().check_answerable(question, qtime, top, kinds, all_findings=all_findings)

    def sentence_similarity(self, passage: Passage, vector: np.ndarray | None, *, cache=None) -> tuple[float, ...]:
        """`AnswerReader.sentence_similarity`."""
        return self._answers().sentence_similarity(passage, vector, cache=cache)

    def title_answers(self, hit: Hit, a: int, b: int, idf: dict[str, float], kinds: frozenset[str],
                      cues: FigureCues, places: tuple[Name, ...], window: TimeWindow | None = None,
                      unit: str | None = None) -> bool:
        """`AnswerReader.title_answers`."""
        return self._answers().title_answers(hit, a, b, idf, kinds, cues, places, window, unit)

    def _row_after_its_label(self, hit: Hit, idf: dict[str, float], kinds: frozenset[str], cues: FigureCues,
                             places: tuple[Name, ...], vector: np.ndarray | None) -> Hit:
        """`AnswerReader.row_after_its_label`."""
        return self._answers().row_after_its_label(hit, idf, kinds, cues, places, vector)
