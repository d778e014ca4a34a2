"""Hybrid search: dense and keyword evidence combined, aware of the question and of translations.

Dense search alone misses exact names and numbers; keyword search alone cannot cross languages.
Each proposes up to `depth` passages; every candidate is scored by its dense cosine plus a bonus
for the keywords it holds (see HybridSearcher). When the question is in another language than the
passages asked for, it is also searched in its own language and each release found there lends its
score to its translation (PIB publishes the Hindi and English versions of a release under one id).
A "how many / कितने" question lifts passages that hold a figure of the kind asked for. Finally one
passage per release, with releases published twice under two ids folded together.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice

import numpy as np

from corpus import Release
from index.acronyms import asked_definitions, held_acronyms, with_phrases
from index.answerable import AnswerabilityCheck, NoAnswer
from index.askedwords import asked_words_refusal
from index.noanswer import AnswerSignals, answer_signals, load_model
from index.passagechoice import PassageSignals, load_model as load_choice_model
from index.bilingual import TermList, bundled_term_list
from index.embeddings import Embedder
from index.unnamed import unnamed_places
from index.figures.figure import TIME_KINDS, row_label
from index.figures.inline import cells_region, inline_row, is_inline_cell
from index.figures.rows import is_cell, is_cell_line, is_label_line, row_span
from index.figures.tables import _TIME_UNITS
from index.indicators import with_indicator_names
from index.lexical import normalise, terms
from index.loanwords import LatinSpellings, loanword_keys, with_loanwords
from index.names import Name, NameIndex, question_names, short_text_names
from index.records import Answer, Hit, Passage
from index.scripts import unread_reason, unread_script
from index.segment import split_sentences
from index.sentencevectors import SentenceVectors
from index.filters import SearchFilters
from index.stores.base import Store
from index.answerable import asked_spans, asked_unit, sentence_dates, states_time
from index.timeq import (QuestionTime, StatedTimes, TimeWindow, agreement, answered_window, read_time, recency,
                         stated_time_fit, stated_times, stated_windows, title_figures, without_time)

# A sum of money named as such ("What was the value of minor forest produce procured", "स्टाइपेंड की
# कितनी राशि") asks for money alone: a count or a tonnage beside it is not the answer. An index's value
# is not money. Read only with the `money_cue` setting.
_MONEY_CUE = re.compile(
    r"\bwhat(?: (?:was|is|were|are|will be|has been|had been))?(?: the)?"
    r"(?: total| gross| net| estimated| approved| sanctioned)?(?: [A-Z]{2,})? "
    r"(?:value(?! of (?:the )?ind(?:ex|ices)\b)|cost|outlay|revenue|budget|allocation|investment|"
    r"expenditure|turnover)\b|"
    r"कितने रुपये|कितनी राशि|कितना धन|कितनी लागत|कितना निवेश|कितना राजस्व|कितना व्यय|कितना खर्च", re.I)
# Expected figure kinds by the question's interrogative (checked in order; first match wins).
_KIND_CUES: list[tuple[re.Pattern, frozenset[str]]] = [
    (re.compile(r"\b(what|which) (percent|percentage|share|proportion)\b|\bhow much percent|"
                r"\bpercent(age)?\b|\bper cent\b|\b(rate|ratio)\b|\bgrowth\b|\binflation\b|"
                r"कितने प्रतिशत|कितना प्रतिशत|कितनी प्रतिशत|(?<!शत-)(?<!शत )प्रतिशत|फीसदी|(?<![\u0900-\u097f])दर(?![\u0900-\u097f])", re.I),
     frozenset({"percent"})),
    # "When was ...", "... and when did ...": not "since 15 April, when the season began"
    (re.compile(r"^\W*when\b|\bwhen\s+(?:was|were|is|are|did|does|do|will|would|has|have|had|can|could)\b|\bwhat date\b|\bwhich (day|date)\b|\bon what day\b|(?<![\u0900-\u097f])कब(?![\u0900-\u097f])|किस तारीख|किस दिन|किस तिथि", re.I),
     frozenset({"date"})),
    (re.compile(r"\b(which|what) year\b|\bin what year\b|किस वर्ष|किस साल", re.I), frozenset({"year", "date"})),
    (_MONEY_CUE, frozenset({"money"})),
    # "By how much did cement output grow?": a rate or an amount
    (re.compile(r"\bby how much\b.*?\b(?:grow|grew|grown|rise|rose|risen|increase|decrease|decline|fall|fell|fallen|"
                r"drop|jump|climb|expand|shrink|shrank)", re.I),
     frozenset({"percent", "money", "quantity", "count"})),
    # "How much below normal was the rainfall?", "सामान्य से कितनी कम बारिश हुई?": a difference, often a rate
    (re.compile(r"\bhow much\s+(?:more|less|lower|higher|below|above|greater|smaller|fewer)\b|"
                r"(?:कितना|कितनी|कितने)\s+(?:कम|अधिक|ज़्यादा|ज्यादा)(?![\u0900-\u097f])", re.I),
     frozenset({"percent", "money", "quantity", "count"})),
    (re.compile(r"\bhow much\b|\bwhat (was|is|were|are) (the )?(total |gross |net )?([A-Z]{2,} )?(cost|outlay|amount|revenue|value|"
                r"budget|allocation|investment|expenditure|collection|turnover)|कितने रुपये|कितनी राशि|कितना धन|"
                r"कितनी लागत|कितना निवेश|कितना राजस्व", re.I),
     frozenset({"money", "quantity", "count"})),
    # "What is the expected sugar production", "What investment is projected": a measure asked for by its name.
    (re.compile(r"\bwhat\b(?: (?:is|was|were|are|will be|has been|had been))?(?: the)?(?: [\w'’-]+){0,4}? "
                r"(?:production|output|area|investment|cost|outlay|amount|revenue|value|budget|allocation|"
                r"expenditure|collection|turnover|exports?|imports?|demand|capacity|sales|deficit|surplus|"
                r"procurement|disbursement|subsidy|size|length|distance|volume|quantity|population|price|yield)\b", re.I),
     frozenset({"money", "quantity", "count"})),
    # "How many tigers": a count or a quantity, not a sum of money, unless money or a scale word
    # follows within three words ("how many crore rupees", "how many lakh houses": the next cue).
    (re.compile(r"(?i)\bhow many\b(?!(?:\s+\S+){0,2}?\s+(?:rupees?|crores?|lakhs?|dollars?|rs\.?|inr|usd)\b)"),
     frozenset({"count", "quantity"})),
    (re.compile(r"\bhow many\b|\bnumber of\b|\bhow large\b|\bhow long\b|\bhow far\b|\bhow big\b|\bsize of\b|"
                r"कितने|कितनी|कितना|कितनों|संख्या", re.I),
     frozenset({"count", "quantity", "money"})),
]
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_LATIN = re.compile(r"[A-Za-z]")
# Within a release: how much a figure in the unit the question names, and one whose sentence states
# only other times than the question's, count beside the share of the question's words around it (0..1).
FIGURE_UNIT_FIT = 0.5
FIGURE_TIME_FIT = 0.5
# How far before a passage its paragraph's head may name the place it is about, for the passage choice's
# signal (a bulletin's "· तेलंगाना- ..." whose figures a later window of sentences holds).
LEAD_IN_CHARS = 300


def question_lang(question: str) -> str:
    """'hi' when the question has Devanagari and no fewer Latin letters, else 'en' (a question with
    no letters at all, a bare number or date, included). The channels answer in this language too."""
    deva = len(_DEVANAGARI.findall(question))
    return "hi" if deva and deva >= len(_LATIN.findall(question)) else "en"


def expected_kinds(question: str, *, money_cue: bool = False) -> frozenset[str]:
    for pattern, kinds in _KIND_CUES:
        if pattern is _MONEY_CUE and not money_cue:
            continue
        if pattern.search(question):
            return kinds
    return frozenset()


NOTHING_ASKED = ("the question names nothing to look for: ask about a scheme, a place or a figure, "
                 "with its time if it matters")


@dataclass(frozen=True)
class SearchSettings:
    """Chosen on XQuAD and the dev questions (see docs/retrieval.md for the numbers)."""

    depth: int = 40  # candidates taken from each of dense and keyword search (100 ranked no better here)
    keyword_weight: float = 0.08  # bonus for covering the question's idf mass (0..1), one language
    mixed_keyword_weight: float = 0.02  # ... when the candidates are in both languages
    keyword_power: float = 1.0  # >1 rewards holding most of the question's keywords over holding a few
    baseline_n: int = 10  # ... above the mean of this many dense-nearest passages of its language
    # ... lifting a language by at most this much: e5's own gap between a question's cosine with a
    # paragraph in its language and with the same paragraph in the other stays under it for 95% of
    # XQuAD's questions (docs/retrieval.md#an-english-release-under-hindi-ones-seventeenth-session)
    max_language_shift: float = 0.09
    language_calibration: bool = True  # compare languages by how far a passage stands out in its own
    year_boost: float = 0.02  # the question names the year the release was published in
    time_weight: float = 0.04  # × agreement (-1..1) of the release's and passage's dates with the question's time
    # The time agreement reads the release title's dates beside the passage's ("Progress of area
    # coverage under Kharif crops as on 14.08.2026"), as the answerability check does
    # (docs/retrieval.md#time-in-the-question).
    title_time: bool = True
    # × recency (0..1) of the release, for a question asking how things stand now ("so far", "अब तक").
    # Off: it changed nothing on the blind test set (0.01 measured); while off, no reply says "latest".
    recency_weight: float = 0.0
    translation_weight: float = 0.5  # share of a cross-language score taken from the release's translation
    kind_boost: float = 0.02  # a figure of the kind asked for ("how many" → count, ...)
    # A sum of money named as such in the question ("the value of", "कितनी राशि") asks for money alone
    # (`_MONEY_CUE`). Off: it lost a release on the second test set (docs/retrieval.md).
    money_cue: bool = False
    # × the share of the question's places and acronyms the passage's release holds; off: it lifts the
    # releases the no-answer check then passes (docs/retrieval.md, "No answer").
    names_weight: float = 0.0
    figure_weight: float = 0.075  # within a release: the words around that figure match the question
    # within a release, added to a figure's fit × the share of the question's words its label holds,
    # besides its title's: "Cement" for 13.1 in a "respectively" list far from the word (a candidate, off)
    figure_label_weight: float = 0.0
    own_language_bonus: float = 0.045  # within a release: its version in the question's language
    # Within a release, the passage shown is chosen by the fitted model over all the signals above and
    # more (index/passagechoice.py) instead of by the score and those bonuses.
    passage_model: bool = False
    # Within a release, a figure in the unit the question names, and against one whose sentence states
    # only other dates; off: neither chose the asked figure more often (docs/retrieval.md).
    figure_unit: bool = False
    figure_time: bool = False
    # Within a release, a figure with the initials of a phrase of the question around it ("LPA") has the
    # phrase's words ("long period average") around it (index/acronyms.py). Off: it changed nothing on
    # the blind test set (docs/retrieval.md, Measured and left off).
    acronym_phrases: bool = False
    # Within a release, an acronym it spells out for a phrase the question asks ("Unemployment Rate
    # (UR)") holds the phrase's words wherever the release writes it (index/acronyms.py). Off: it lost
    # a figure on the first test set (docs/retrieval.md).
    defined_acronyms: bool = False
    passage_names_weight: float = 0.075  # within a release: × the share of the question's places the passage holds
    # ... counting the places named where the passage's paragraph begins, this many characters before
    # it or fewer: a bulletin's paragraph per state names its state once, at its head ("· तेलंगाना- ..."),
    # and a window of sentences may begin after it (0: the passage's own places only). Off (300 was
    # measured): it changed nothing on the blind test set (docs/retrieval.md).
    lead_in_chars: int = 0
    # within the answer's passage: × the share of the question's places a sentence names, in either script
    # (a Hindi bulletin's "मुंबई में 322 मौतें" for "How many deaths had Mumbai reported?")
    sentence_names_weight: float = 0.1
    # within the answer's passage: × a sentence's cosine with the question, each sentence embedded on
    # its own (index/sentencevectors.py): the sentence that answers may say it in other words or the
    # other language ("Cargo transported till date is around 795.86 tons" for "कितने टन मेडिकल कार्गो
    # ढोया गया?"). Needs the searcher's `sentences`.
    sentence_similarity_weight: float = 3.0
    # within the answer's passage: the weight of the question's words that the release's title holds
    # ("लाइफलाइन उड़ान" in a release titled so): they say what the whole release is about, not which of
    # its sentences answers (1.0: as any word; unless the title holds every word of the question)
    sentence_title_words_weight: float = 0.0
    # The answer to a cell of a table written one cell a line is its row, label and all, not the cell alone.
    answer_table_rows: bool = True
    # ... and where the answer would be a row's label on the passage's last line, the passage that
    # begins with that row is shown instead (a one-cell-a-line table cut between a label and its cells).
    row_after_label: bool = True
    # Within a release, a table cell whose row is the question's time ("Apr-26" for "अप्रैल 2026"):
    # the row is the figure asked for. Off until the blind test set measures it.
    row_time: bool = False
    # Within a release, a figure of years, days or hours (an age, a scheme's span) answers only a
    # question that names that unit or asks an age: "youth aged 15–29" is no count of youth.
    spans_asked: bool = True
    # The answer is the release's title when its figure of the asked kind fits the question by this much
    # more than the answer sentence's (None: never): a headline's figure may stand nowhere in the body.
    title_answer_margin: float | None = 0.2
    # Within a release, a Hindi question's loanwords count as held by the English words around a
    # figure that spell the same consonants (सोयाबीन, Soybean: index/loanwords.py).
    loanwords: bool = True
    # A question that calls an economic indicator by its everyday name ("retail inflation", "थोक महंगाई")
    # is searched, by meaning and by words, with the index's own names beside it (CPI, WPI), in both
    # languages (index/indicators.py).
    indicator_names: bool = True
    # A Hindi question's loanwords are looked up as the corpus's Latin terms spell them (हैंडलूम: handloom),
    # and a passage holding that term holds the question's (index/loanwords.py, LatinSpellings).
    latin_loanwords: bool = True
    # The question's terms translated by the learned term list (index/bilingual.py) are looked up and
    # count as held in the other language's passages. Off: it lost a release and two figures on the
    # blind test set (docs/retrieval.md, Measured and left off).
    bilingual_terms: bool = False
    # No answer below this score of the best passage: calibrated on questions about things the
    # corpus does not hold (bench/data/absent-questions.jsonl) against the dev and held-out sets.
    min_answer_score: float = 0.85
    # Above that score, no answer either when the best release lacks a place, acronym, time or unit
    # the question names (index/answerable.py).
    check_answerable: bool = True
    # ... and when the passage that would answer does not name a place the question names (only the
    # release does). Off: a candidate beside names_weight, which lifts the releases that name the
    # question's places and so lets more of them through (docs/retrieval.md).
    check_passage_places: bool = False
    # ... and when the release and its versions name a place the question names only in bare lists of
    # places ("1023 cases across 17 States, which include Tamil Nadu, Delhi, ..."): none of its figures is
    # that place's (index/names.py, `_places_alone`). The release's titles count as naming it. Off: it
    # changed nothing on the blind test set (docs/retrieval.md).
    check_listed_places: bool = False
    # ... and when the answer found names none of the places the question names, in its sentence, what
    # precedes it in its paragraph, its figures' labels or its release's title (index/unnamed.py). Off:
    # it changed nothing on the first blind test set (docs/retrieval.md, A bulletin's line headed by a state).
    check_answer_places: bool = False
    # ... and when no version of it names the index the question calls by its everyday name ("retail
    # inflation" asks the CPI's figure; index/indicators.py).
    check_indicators: bool = True
    # ... and when none of its versions names the part of the population the question asks about
    # ("How many women sellers ...?": index/answerable.py, `asked_groups`). Off: it changed nothing on
    # the blind test set (docs/retrieval.md, Found by asking, twentieth session).
    check_groups: bool = False
    # ... and when the words its versions never hold weigh half the question's (index/askedwords.py). A candidate, off.
    check_asked_words: bool = False
    # ... and when every figure of the asked kind in the best passage is dated to another day or month.
    check_figure_time: bool = True
    # ... and when its versions in the question's language do not name the thing the question counts
    # ("how many samples" against a release that gives cases and deaths). Off: it changed nothing on
    # the blind test set.
    check_measure: bool = False
    # ... and when its date cannot tell (a year asked; or a day or week, and it was posted after it) and
    # none of its versions states the asked time,
    # ... and when every figure of the asked kind in the best passage is dated to another year. Both
    # off: they changed nothing on the blind test set.
    check_stated_time: bool = False
    check_figure_years: bool = False
    # Decide instead by the no-answer model (index/noanswer.py): the floor's score, the margin and the
    # check's findings weighed together, with weights fitted on the tuning sets.
    no_answer_model: bool = False


# A sentence of nothing but web addresses (a release's closing list of links: "https://www.pib.gov.in/
# PressReleasePage.aspx?PRID=2291173&reg=48&lang=2 https://...").
_ADDRESS = re.compile(r"(?:https?|htts|www\.)\S", re.I)  # "htts": a typo PIB's pages carry


def links_only(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` is web addresses alone (a release's "Links:" list). Word by word: one
    pattern over the whole run backtracks through every way of cutting its addresses (seconds for a
    passage of a dozen)."""
    words = text[start:end].split()
    return bool(words) and all(_ADDRESS.match(w) for w in words)


@dataclass(frozen=True)
class Decision:
    """Answer from the top hit or not, why not, and what the no-answer model weighed."""

    answers: bool
    reason: str | None = None
    signals: AnswerSignals | None = None
    probability: float | None = None
    why: NoAnswer | None = None  # the reason's kind, for the channels


@dataclass
class SearchResult:
    hits: list[Hit]
    answer: Answer | None
    reason: str | None = None
    kinds: frozenset[str] = field(default_factory=frozenset)
    time: QuestionTime | None = None  # how the question's time was read
    signals: AnswerSignals | None = None  # what the no-answer decision weighed (index/noanswer.py)
    answer_probability: float | None = None  # ... and the model's verdict, when it decided
    no_answer: NoAnswer | None = None  # when there is no answer, why, for a channel to say


@dataclass(frozen=True)
class PassageAnalysis:
    """What answering needs of a passage beyond its text: the words around each figure, and its
    sentences with their words. A stored passage never changes (ids are never reused), so kept."""

    figure_contexts: tuple[tuple[str, frozenset[str]], ...]  # (kind, terms around the figure)
    sentences: tuple[tuple[int, int, frozenset[str]], ...]  # (start, end, terms)
    names: frozenset[str] = frozenset()  # the names it holds, in either script (index/names.py keys)
    places_alone: frozenset[str] = frozenset()  # the places that choose it (see _names_of): none only listed
    row_times: tuple[tuple[dt.date, dt.date] | None, ...] = ()  # each figure's: the time its table row is of

    @property
    def terms(self) -> frozenset[str]:
        """All its sentences' terms: derived when a check asks (kept, it cost every analysed passage a set)."""
        return frozenset().union(*(words for _, _, words in self.sentences))


@dataclass(frozen=True)
class FigureCues:
    """What the question says of the figure it asks for besides its words, each set by its setting."""
    unit: str | None = None  # figure_unit: the unit it names
    window: TimeWindow | None = None  # figure_time: against a figure whose sentence states only other times
    row_window: TimeWindow | None = None  # row_time: for a table cell whose row is that time ("Apr-26")
    acronyms: dict[str, frozenset[str]] | None = None  # acronym_phrases (index/acronyms.py)
    loans: dict[str, str] | None = None  # loanwords (index/loanwords.py)
    label_weight: float = 0.0  # figure_label_weight: for the question's words in the figure's label
    # defined_acronyms: the question's terms, whose phrases a release may write as an acronym it defines
    asked: frozenset[str] | None = None
    # spans_asked: the time units the question names (`asked_spans`); None: any span answers
    spans: frozenset[str] | None = None

    def of_release(self, release: Release | None) -> "FigureCues":
        """These cues, with the acronyms `release` defines for a phrase the question asks
        ("Unemployment Rate (UR)": its "UR" beside 5.1% holds "unemployment rate")."""
        if self.asked is None or release is None:
            return self
        found = asked_definitions(release.text, self.asked)
        return dataclasses.replace(self, acronyms={**(self.acronyms or {}), **found}) if found else self


NO_CUES = FigureCues()


def analyse(p: Passage, window: int = 80, *, cache=None) -> PassageAnalysis:
    """`cache`: the one of the passage's own index (Store.passage_analyses); passage ids are
    unique only within one index."""
    cached = cache.get(p.passage_id) if cache is not None and p.passage_id is not None else None
    if cached is None:
        cells = {i for i, f in enumerate(p.figures) if is_cell(p.text, f) or is_inline_cell(f)}
        region = cells_region(p.text, p.figures)
        cached = PassageAnalysis(
            # a table cell's words are its row's label (and its column's header), not its neighbours'
            # (index/figures/rows.py, index/figures/inline.py)
            figure_contexts=tuple((f.kind, frozenset(terms(f.label if i in cells else
                                                           p.text[max(0, f.start - window):f.end + window])))
                                  for i, f in enumerate(p.figures)),
            sentences=tuple((sp.start, sp.end, frozenset(terms(p.text[sp.start:sp.end])))
                            for sp in split_sentences(p.text, p.lang)),
            **_names_of(p.text, [row_label(p.figures[i].label) for i in sorted(cells)], region),
            row_times=tuple(_row_time(row_label(f.label)) if i in cells and f.label else None
                            for i, f in enumerate(p.figures)),
        )
        if cache is not None and p.passage_id is not None:
            cache.put(p.passage_id, cached)
    return cached


@lru_cache(maxsize=4096)
def _row_time(label: str) -> tuple[dt.date, dt.date] | None:
    """The days a table row's label names when the label is a date and nothing else ("Apr-26",
    "31.03.2020", "2022-23"); a row of a state or a crop has none."""
    figures = title_figures(label.strip())  # a short text's figures, as a title's are read
    if len(figures) != 1 or figures[0].kind not in TIME_KINDS or figures[0].text != label.strip():
        return None
    windows = stated_windows(figures, None)
    return windows[0] if windows else None


def _row_in(asked: TimeWindow, row: tuple[dt.date, dt.date]) -> int:
    """1 when a row's time lies in the asked window and is no longer than it (a month's row for a
    month, a day's for a day). A row of one day is that day's only: a daily table's next rows are
    the days after."""
    start, end = row
    return int(asked.start <= start and end <= asked.end + dt.timedelta(days=3 if end > start else 0))


def lead_in_places(text: str, start: int, reach: int) -> frozenset[str]:
    """The places named alone (outside bare lists) in the part of `text` before `start` that is still
    the line `start` stands in, if that line begins at most `reach` characters before it."""
    begin = text.rfind("\n", 0, start) + 1
    if not reach or begin >= start or start - begin > reach:
        return frozenset()
    return frozenset(NameIndex(text[begin:start]).alone)


def _names_of(text: str, row_labels: list[str], table: tuple[int, int] | None = None) -> dict[str, frozenset[str]]:
    """Its names, and the places that choose it within its release: those it names outside bare lists
    of places, and, in a table, the row labels of its numbers rather than a label line whose row runs on
    into the next passage (`table`: where its one-line table stands, index/figures/inline.py)."""
    index = NameIndex(text)
    places = set(index.alone)
    if row_labels:
        if table:
            text = text[:table[0]] + " " + text[table[1]:]
        prose = "\n".join(line for line in text.split("\n") if not is_cell_line(line))
        places = NameIndex(prose).alone | NameIndex("\n".join(row_labels)).alone
    return {"names": frozenset(index.keys), "places_alone": frozenset(places)}


def stated_times_of(p: Passage, release_date: str | None, title: str | None, cache) -> StatedTimes:
    """The passage's `stated_times`, kept in `cache` (Store.passage_analyses) beside its analysis:
    its release's day and title never change under its id."""
    key = ("stated-times", p.passage_id, bool(title)) if cache is not None and p.passage_id is not None else None
    times = cache.get(key) if key is not None else None
    if times is None:
        times = stated_times(release_date, p.figures, p.text if title else None, title)
        if key is not None:
            cache.put(key, times)
    return times


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
    """`HybridSearcher.coverage` of each passage of `ids` (its terms in `held`, none when missing), a
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


def untitled_places(places, title: str) -> tuple[Name, ...]:
    """The places (the question's) a release's title does not name: the ones it does are what all of
    it is about, and its sentences and paragraphs call them "the State"."""
    titled = short_text_names(title)
    return tuple(n for n in places if not n.keys & titled)


def title_weighted(idf: dict[str, float], title: str, weight: float) -> dict[str, float]:
    """`idf` with the terms `title` holds weighing `weight` × theirs, unless it holds them all."""
    if weight == 1.0 or not title:
        return idf
    titled = frozenset(terms(title))
    if all(t in titled for t in idf):
        return idf
    return {t: w * weight if t in titled else w for t, w in idf.items()}


# One question in each language, with a place, a relative time and a unit, so that every reader runs.
WARM_UP_QUESTIONS = ("How many tonnes of wheat did Punjab procure last month?",
                     "पिछले साल उत्तर प्रदेश में कितने लाख टन गेहूं खरीदा गया?")


class HybridSearcher:
    """A question → hits (one per release by default) and the single best answer sentence.

    A passage's score is its dense cosine with the question, plus a bonus for the share of the
    question's idf mass it contains (names, numbers, rare words) above the average of the
    dense-nearest candidates in its language, plus a bonus when it holds a figure of the kind asked for. Scores,
    unlike ranks, keep the dense margin, and the keyword bonus is relative within a language, so a
    keyword match in the question's language cannot push aside a better passage in the other.
    """

    def warm(self, stop: threading.Event | None = None) -> int:
        """Analyse every cached passage ahead of the questions that will need it, and ask what loads
        on first use. `stop`: when set, warming ends at its next step (the store is closing)."""
        stopped = stop.is_set if stop is not None else (lambda: False)
        n = 0
        with self.store.snapshot():
            cache = self.store.passage_analyses()
            for p in self.store.cached_passages():
                if n % 500 == 0 and stopped():
                    return n
                analyse(p, cache=cache)
                n += 1
        if self.sentences is not None and not stopped():
            self.sentences.load()
        # A first search loads what it needs on first use (dateparser's and the place names' patterns,
        # the vector shards): a tenth to half a second that the warm-up pays, not the first asker.
        for question in WARM_UP_QUESTIONS:
            if stopped():
                break
            self.run(question, top_k=1)
        return n

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
        n = max(self.store.count_passages(), 1)
        df = self.store.document_frequencies(q_terms)
        return {t: math.log(1.0 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in q_terms}

    @staticmethod
    def coverage(have: frozenset[str], idf: dict[str, float]) -> float:
        """Share of the question's idf mass among `have`, a passage's or sentence's terms."""
        total = sum(idf.values())
        if not total:
            return 0.0
        return sum([w for t, w in idf.items() if t in have]) / total  # a list is cheaper than a generator here; the same sum

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
        titles = ({key: r.title for key, r in self.store.releases({(p.release_id, p.lang) for p in passages.values()}).items()
                   if r is not None} if timed and s.title_time else {})
        scores = {}
        for pid, p in passages.items():
            part = fused[pid]
            if pid in held:
                part["names"] = s.names_weight * held[pid]
            if kinds and any(f.kind in kinds for f in p.figures):
                part["kind"] = s.kind_boost
            if years and (dated.get(pid) or "")[:4] in years:
                part["year"] = s.year_boost
            if timed:
                title = titles.get((p.release_id, p.lang))
                part["time"] = s.time_weight * agreement(window, stated_times_of(p, dated.get(pid), title, analyses))
            if newest is not None:
                part["recency"] = s.recency_weight * recency(dated.get(pid), newest)
            scores[pid] = sum(part.values())
            if parts is not None:
                parts[pid] = part
        return scores, passages, dense

    def run(self, question: str, *, top_k: int = 5, filters: SearchFilters | None = None,
            per_release: int = 1) -> SearchResult:
        # The whole search runs where the model encodes questions, one step after another. On
        # two cores, looking up words while the model ran only slowed the model (its thread team
        # wants both cores), and every hop between threads cost a wake-up (docs/retrieval.md#latency).
        return self.embedder.run_beside_queries(self._search, question, top_k, filters, per_release)

    def submit(self, question: str, *, top_k: int = 5, filters: SearchFilters | None = None,
               per_release: int = 1) -> Future[SearchResult]:
        """`run`, for a caller that should not wait on a thread of its own (the web server's loop)."""
        return self.embedder.submit_beside_queries(self._search, question, top_k, filters, per_release)

    def _search(self, question: str, top_k: int, filters: SearchFilters | None, per_release: int) -> SearchResult:
        with self.store.snapshot():  # every read of one search sees one committed state
            return self._run(question, top_k, filters, per_release)

    def _run(self, question: str, top_k: int, filters: SearchFilters | None, per_release: int) -> SearchResult:
        s = self.settings
        filters = filters or SearchFilters()
        qlang = question_lang(question)
        kinds = expected_kinds(question, money_cue=s.money_cue)
        asked = terms(question, drop_stopwords=True)
        searched = with_indicator_names(question) if s.indicator_names else question
        q_terms = list(dict.fromkeys(asked if searched == question else terms(searched, drop_stopwords=True)))
        idf = self._idf(q_terms)
        translated = {**(self.latin_spellings.translate(q_terms) if s.latin_loanwords else {}),
                      **(self.term_list.translate(q_terms) if s.bilingual_terms else {})}
        looked_up = list(dict.fromkeys([*q_terms, *translated.values()]))
        years = frozenset(_YEAR.findall(normalise(question)))
        qtime = read_time(question)
        if qtime.latest and not s.recency_weight:
            qtime = QuestionTime(qtime.window)
        names = tuple(n for n in question_names(question) if n.kind != "name")
        unit = asked_unit(question)
        cues = FigureCues(unit=unit if s.figure_unit else None,
                          window=qtime.window if s.figure_time else None,
                          row_window=qtime.window if s.row_time else None,
                          acronyms=held_acronyms(question, self.store.document_frequencies) if s.acronym_phrases else {},
                          loans=loanword_keys(asked) if s.loanwords else {},
                          label_weight=s.figure_label_weight,
                          asked=frozenset(q_terms) if s.defined_acronyms else None,
                          spans=asked_spans(question) if s.spans_asked else None)
        parts: dict[int, dict[str, float]] = {}
        cross = bool(filters.lang and filters.lang != qlang and s.translation_weight)
        keyword = {f: self.store.keyword_search(looked_up, s.depth, filters=f) if looked_up else []
                   for f in ([filters, filters.with_lang(qlang)] if cross else [filters])}
        vector = self._encode(searched)

        pivot: dict[str, float] = {}
        pivot_values: dict[str, frozenset] = {}
        if cross:
            # Cross-language: the question is searched in its own language too; each release
            # found there lends its score to its translation among the passages asked for.
            p_scores, p_passages, _ = self._scored(vector, keyword[filters.with_lang(qlang)], idf, kinds,
                                                   filters.with_lang(qlang), years=years, qtime=qtime, names=names,
                                                   translated=translated)
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
            return SearchResult([], None, filters.nothing_matches(), kinds, qtime, no_answer=NoAnswer("no_match"))
        # Equal scores (a release published twice: the same text) in the order the passages were stored,
        # not in the order a cache happened to hand them out: the same question shows the same release.
        ordered = sorted(passages.values(), key=lambda p: (scores[p.passage_id], -p.passage_id), reverse=True)
        # A release's list of links says nothing: e5 puts it near any text that looks like an address or
        # markup ("<script>alert(1)</script>"), and it would stand as the answer and the source.
        ordered = [p for p in ordered if not links_only(p.text)]
        analyses = self.store.passage_analyses()  # one cache for the whole search, fetched once

        def fit(p: Passage) -> float:
            """Within a release: its version in the question's language, the passage whose figure is asked
            for, the passage that names the question's places (a bulletin's paragraph per state)."""
            if s.passage_model:
                return load_choice_model().preference(signals(p))
            return (scores[p.passage_id]
                    + s.figure_weight * self.figure_fit(p, kinds, idf, cues.of_release(release_of(p)), cache=analyses,
                                                        title=title_of(p) if cues.label_weight else "")
                    + (s.own_language_bonus if p.lang == qlang else 0.0)
                    + s.figure_weight * shared_values(p)
                    + (s.passage_names_weight * place_share(p) if places else 0.0))

        # Acronyms name what a release is about and stand in its lead; places tell its paragraphs
        # apart (a bulletin's paragraph per state), unless the release is about the place (its title).
        places = [n for n in names if n.kind == "known"]
        releases: dict[tuple[str, str], Release | None] = {}
        lead_ins: dict[tuple[int, int], frozenset[str]] = {}  # (passage, reach) →

        def release_of(p: Passage) -> Release | None:
            key = (p.release_id, p.lang)
            if key not in releases:
                releases[key] = self.store.release(*key)
            return releases[key]

        def title_of(p: Passage) -> str:
            release = release_of(p)
            return release.title if release else ""

        def lead_in(p: Passage, reach: int = s.lead_in_chars) -> frozenset[str]:
            if not reach:
                return frozenset()
            if (p.passage_id, reach) not in lead_ins:
                release = release_of(p)
                lead_ins[p.passage_id, reach] = (lead_in_places(release.text, p.start, reach)
                                                 if release is not None and p.start <= len(release.text) else frozenset())
            return lead_ins[p.passage_id, reach]

        def place_share(p: Passage) -> float:
            return self.place_fit(p, places, title_of(p), cache=analyses, lead_in=lead_in(p))

        def shared_values(p: Passage) -> float:
            """The share of the figures of its release found in the question's language (the pivot) it holds."""
            shared = pivot_values.get(p.release_id)
            return len(shared & {f.value for f in p.figures}) / len(shared) if shared else 0.0

        def signals(p: Passage) -> PassageSignals:
            release, title = release_of(p), title_of(p)
            held = self.passage_signals(p, kinds, idf, cues.of_release(release), qtime.window, cache=analyses,
                                        title=title)
            return PassageSignals(
                score=scores[p.passage_id], similarity=float(dense.get(p.passage_id, 0.0)), **held,
                own_language=p.lang == qlang, shared_values=shared_values(p),
                places=self.place_fit(p, places, title, cache=analyses),
                lead_in_places=self.place_fit(p, places, title, cache=analyses,
                                              lead_in=lead_in(p, LEAD_IN_CHARS) if places else frozenset()))

        hits = self._one_per_release(ordered, scores, dense, top_k, per_release, fit)
        if self.choice_recorder is not None and hits:
            top = hits[0]
            versions = {(top.release.release_id, top.release.lang), *((d, top.release.lang) for d in top.also_released_as),
                        *((t["release_id"], t["lang"]) for t in top.translations)}
            self.choice_recorder(question, [(p, signals(p)) for p in ordered if (p.release_id, p.lang) in versions])
        if hits and s.row_after_label:
            hits[0] = self._row_after_its_label(hits[0], idf, kinds, cues, tuple(places), vector)
        for hit in hits:
            hit.components = {k: round(v, 4) for k, v in parts.get(hit.passage.passage_id, {}).items()}
        decision = self._decide(question, qtime, hits, kinds)
        answer, reason, why = self._answer(kinds, hits, idf, decision, cues, places=tuple(places), vector=vector,
                                      window=qtime.window if qtime else None, unit=unit)
        if answer is not None and qtime.window is not None and qtime.window.year_assumed:
            top = hits[0]
            stated = stated_times_of(top.passage, top.release.date, top.release.title, self.store.passage_analyses())
            qtime = dataclasses.replace(qtime, window=answered_window(qtime.window, stated))
        return SearchResult(hits, answer, reason, kinds, qtime, decision.signals, decision.probability, why)

    @staticmethod
    def place_fit(p: Passage, places: list[Name], title: str, *, cache=None,
                  lead_in: frozenset[str] = frozenset()) -> float:
        """The share of the question's places (`places`) the passage names, in either script, leaving
        out those the release's title names: they are what the whole release is about. `lead_in`: the
        places of its paragraph's head before it (`lead_in_places`)."""
        if not places:
            return 0.0
        held = analyse(p, cache=cache).places_alone | lead_in
        return sum(bool(n.keys & held) for n in untitled_places(places, title)) / len(places)

    @classmethod
    def figure_fit(cls, p: Passage, kinds: frozenset[str], idf: dict[str, float], cues: FigureCues = NO_CUES, *,
                   cache=None, title: str = "") -> float:
        """How well the passage's best figure of the asked kind fits the question: the words around
        it, and what `cues` the settings give (its unit, its time). `cache`: the passage's own index's
        analyses (see `analyse`)."""
        return max(cls.figure_fits(p, kinds, idf, cues, cache=cache, title=title).values(), default=0.0)

    @classmethod
    def figure_fits(cls, p: Passage, kinds: frozenset[str], idf: dict[str, float], cues: FigureCues = NO_CUES, *,
                    cache=None, title: str = "") -> dict[int, float]:
        """Each figure of the asked kind (by its index in `p.figures`) → how well it fits the question.
        `title`: the release's, whose words say what every passage is about, not which figure."""
        unit = cues.unit
        if not kinds and unit is None:
            return {}
        analysis = analyse(p, cache=cache)
        titled = frozenset(terms(title)) if cues.label_weight else frozenset()
        fits = {}
        for i, (f, (kind, around)) in enumerate(zip(p.figures, analysis.figure_contexts)):
            row = analysis.row_times[i] if cues.row_window is not None else None
            in_row = row is not None and _row_in(cues.row_window, row)
            # a dated row's cells are asked for whatever their kind: "Inflation (%)" heads them, not a "%"
            if kind not in kinds and not (unit and f.unit == unit) and not in_row:
                continue
            if cues.spans is not None and f.unit in _TIME_UNITS and f.unit not in cues.spans:
                continue  # "youth aged 15–29", "within 21 days": no count of youth
            fit = cls.coverage(with_loanwords(with_phrases(around, cues.acronyms) if cues.acronyms else around,
                                              cues.loans), idf)
            if unit:
                fit += FIGURE_UNIT_FIT if f.unit == unit else -FIGURE_UNIT_FIT
            if cues.window is not None:
                # Only against: in a monthly release every passage states the month, and a bonus
                # would favour the headline over the figure asked for.
                fit -= FIGURE_TIME_FIT * (stated_time_fit(cues.window, sentence_dates(p, f, analysis.sentences)) < 0)
            if in_row:
                # For: a table's row of that month is the figure asked for, whatever its words
                # ("Apr-26" for "अप्रैल 2026"); the headline of another month is not a row.
                fit += FIGURE_TIME_FIT
            if cues.label_weight and f.label:
                fit += cues.label_weight * cls.coverage(frozenset(terms(f.label)) - titled, idf)
            fits[i] = fit
        return fits

    @classmethod
    def passage_signals(cls, p: Passage, kinds: frozenset[str], idf: dict[str, float], cues: FigureCues,
                        window: TimeWindow | None, *, cache=None, title: str = "") -> dict:
        """The passage choice's signals (index/passagechoice.py) that its figures give: their fit, their
        labels' share of the question's words (besides the title's), a row of the asked time, and the
        times their sentences state."""
        analysis = analyse(p, cache=cache)
        titled = frozenset(terms(title))
        asked = [f for f in p.figures if f.kind in kinds]
        dated = [stated_time_fit(window, sentence_dates(p, f, analysis.sentences)) for f in asked] if window else []
        return dict(
            figure_fit=cls.figure_fit(p, kinds, idf, cues, cache=cache, title=title if cues.label_weight else ""),
            label_fit=max((cls.coverage(with_loanwords(frozenset(terms(f.label)) - titled, cues.loans), idf)
                           for f in asked if f.label), default=0.0),
            row_time=window is not None and any(row is not None and _row_in(window, row) for row in analysis.row_times),
            dated_for=any(d > 0 for d in dated),
            dated_against=bool(dated) and all(d < 0 for d in dated),
            kind_held=bool(asked))

    def _one_per_release(self, ordered: list[Passage], scores: dict[int, float], dense: dict[int, float],
                         top_k: int, per_release: int, fit) -> list[Hit]:
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
                best = group_best.setdefault(group, scores[p.passage_id])
                p = max((c for c in of_release[vk] if c.passage_id not in shown), key=fit)
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
                    passage=p, release=release, score=scores[p.passage_id], release_score=best,
                    similarity=min(max(dense.get(p.passage_id, 0.0), -1.0), 1.0),
                    also_released_as=list(duplicates[(p.release_id, p.lang)]),
                    translations=list(translations(p.release_id, p.lang)),
                ))
        return hits

    # -- the answer sentence -----------------------------------------------------------------

    def _decide(self, question: str, qtime: QuestionTime | None, hits: list[Hit],
                kinds: frozenset[str]) -> "Decision":
        """Whether the top hit answers the question: the one place this is decided. By the score floor
        and the answerability check, or, with `no_answer_model`, by the model over their signals."""
        s = self.settings
        if script := unread_script(question):
            # Tamil, Bengali, Urdu: the releases are in Hindi and English, whatever passage e5 puts near it
            return Decision(False, unread_reason(script), why=NoAnswer("unsupported_language", script=script))
        if not hits:
            return Decision(False, "no passage found", why=NoAnswer("no_match"))
        if not terms(without_time(question, qtime), drop_stopwords=True):
            # "why?", "tell me more", "क्या", "2024": e5 finds some passage near any text, however empty
            return Decision(False, NOTHING_ASKED, why=NoAnswer("nothing_asked"))
        top = hits[0]
        floor_reason = (f"nothing relevant enough: the closest passage scores {top.relevance:.3f}, "
                        f"below {s.min_answer_score}")
        if not s.no_answer_model:
            if top.relevance < s.min_answer_score:
                return Decision(False, floor_reason, why=NoAnswer("not_relevant"))
            if s.check_answerable:
                verdict = self.check_answerable(question, qtime, top, kinds)
                if not verdict.answerable:
                    return Decision(False, verdict.reason, why=verdict.no_answer())
                if s.check_asked_words and (refused := asked_words_refusal(self, question, qtime, top)):
                    return Decision(False, refused[0], why=refused[1])
            return Decision(True)
        verdict = self.check_answerable(question, qtime, top, kinds)
        signals = answer_signals(question, qtime, hits, kinds, verdict, question_lang(question))
        answers, p = load_model().run(signals)
        if answers:
            return Decision(True, signals=signals, probability=p)
        found = verdict.findings()
        return Decision(False, f"the closest release is unlikely to answer it (p = {p:.2f}, score {top.score:.3f})"
                        + (": " + "; ".join(found) if found else ""), signals, p,
                        why=verdict.no_answer(counted=False) if found else NoAnswer("not_relevant"))

    def _answer(self, kinds: frozenset[str], hits: list[Hit], idf: dict[str, float], decision: "Decision",
                cues: FigureCues = NO_CUES, places: tuple[Name, ...] = (),
                vector: np.ndarray | None = None, window: TimeWindow | None = None,
                unit: str | None = None) -> tuple[Answer | None, str | None, NoAnswer | None]:
        """The answer sentence of the top hit, or why there is none."""
        if not decision.answers:
            return None, decision.reason, decision.why
        top = hits[0]
        a, b = self._answer_sentence(top, idf, kinds, cues, places, vector)
        if self.settings.answer_table_rows:
            a, b = self.table_row(top.passage, a, b, idf, cues, places)
        if self.settings.title_answer_margin is not None and self.title_answers(top, a, b, idf, kinds, cues, places,
                                                                                           window, unit):
            title = top.release.title
            return Answer(text=title, start=0, end=len(title), figures=list(title_figures(title)),
                          release_id=top.release.release_id, lang=top.release.lang, score=top.score,
                          in_title=True), None, None
        figures = [f for f in top.passage.figures if a <= f.start and f.end <= b]
        answer = Answer(text=top.passage.text[a:b], start=a, end=b, figures=figures,
                        release_id=top.release.release_id, lang=top.release.lang, score=top.score)
        if self.settings.check_answer_places and (unnamed := unnamed_places(places, top, answer)):
            return None, f"the passage that would answer does not name {', '.join(unnamed)}", NoAnswer(
                "not_named", names=tuple(unnamed))
        return answer, None, None

    def title_answers(self, hit: Hit, a: int, b: int, idf: dict[str, float], kinds: frozenset[str],
                      cues: FigureCues, places: tuple[Name, ...], window: TimeWindow | None = None,
                      unit: str | None = None) -> bool:
        """Whether the release's title answers better than the sentence `a:b` of the hit's passage: a
        headline's figure may stand nowhere in the body ("Rs 812 Crore approved for Odisha under Jal
        Jeevan Mission"). The title's figure of the asked kind that fits the question best (its words
        around it, all of them counted here), of those whose label holds a word of the question, must be
        such a one, in the `unit` the question asks for if it names one, and fit by `title_answer_margin`
        more than the sentence's best; the title must name every place the question names, and state
        the time it names."""
        title = hit.release.title or ""
        figures = list(title_figures(title))
        if not figures or not kinds:
            return False
        if places and not all(n.keys & short_text_names(title) for n in places):
            return False
        if window is not None and not window.year_assumed and not states_time(window, [(figures, hit.release.date)]):
            return False
        headline = Passage(passage_id=None, release_id=hit.release.release_id, lang=hit.release.lang,
                           start=0, end=len(title), text=title, figures=figures)
        # A headline's words stand around each of its figures: a figure's label ("30 media houses")
        # says which one the question asks for.
        fits = {i: fit for i, fit in self.figure_fits(headline, kinds, idf, cues).items()
                if figures[i].label and not idf.keys().isdisjoint(terms(figures[i].label))}
        if not fits:
            return False
        best = max(fits, key=fits.get)
        if unit is not None and figures[best].unit != unit:
            return False
        p = hit.passage
        sentence_fit = max((fit for i, fit in self.figure_fits(p, kinds, idf, cues,
                                                               cache=self.store.passage_analyses()).items()
                            if a <= p.figures[i].start and p.figures[i].end <= b), default=0.0)
        if fits[best] <= sentence_fit + self.settings.title_answer_margin:
            return False
        # the body states the headline's figure that fits best: its sentence says more
        return not any(f.value == figures[best].value
                       for q in self._passages_of(hit.release.release_id, hit.release.lang) for f in q.figures)

    def _passages_of(self, release_id: str, lang: str) -> list[Passage]:
        """Every passage of one language version of a release."""
        pids = self.store.passage_releases(SearchFilters(lang=lang, release_id=release_id), [release_id])
        return list(self.store.passages(list(pids)).values())

    def _answer_sentence(self, hit: Hit, idf: dict[str, float], kinds: frozenset[str], cues: FigureCues,
                         places: tuple[Name, ...], vector: np.ndarray | None) -> tuple[int, int]:
        """The sentence of the hit's passage that answers (`best_sentence`, as the settings weigh it)."""
        title = hit.release.title or ""
        cache = self.store.passage_analyses()
        cues = cues.of_release(hit.release)
        return self.best_sentence(hit.passage, title_weighted(idf, title, self.settings.sentence_title_words_weight),
                                  kinds, cues, cache=cache, title=title, places=untitled_places(places, title),
                                  places_weight=self.settings.sentence_names_weight,
                                  similarity=self.sentence_similarity(hit.passage, vector, cache=cache),
                                  similarity_weight=self.settings.sentence_similarity_weight)

    def _row_after_its_label(self, hit: Hit, idf: dict[str, float], kinds: frozenset[str], cues: FigureCues,
                             places: tuple[Name, ...], vector: np.ndarray | None) -> Hit:
        """The hit, or, where its answer would be a table's row label on the passage's last line with the
        row's cells in the next passage ("...\n2\nPaddy (Grade A)^" then "Paddy (Grade A)^\n-\n1,888"),
        the hit with that next passage: a label alone answers nothing."""
        p = hit.passage

        def ends_on_label(a: int, b: int) -> bool:
            label = p.text[a:b]
            return not (p.text[b:].strip() or "\n" in label.strip() or not is_label_line(label)
                        or not is_cell_line(label) or not is_cell_line(p.text[:a].rstrip().rsplit("\n", 1)[-1]))

        # The answer sentence is one of the passage's sentences: only where one of them ends it on a
        # label is it worth choosing (most passages, most questions: none does).
        spans = [(a, b) for a, b, _ in analyse(p, cache=self.store.passage_analyses()).sentences] or [(0, len(p.text))]
        if not any(ends_on_label(a, b) for a, b in spans):
            return hit
        a, b = self._answer_sentence(hit, idf, kinds, cues, places, vector)
        if not ends_on_label(a, b):
            return hit
        label = p.text[a:b]
        at = p.start + a + (len(label) - len(label.lstrip()))  # the label's offset in the release's text
        following = [q for q in self._passages_of(p.release_id, p.lang) if q.start <= at < q.end and q.end > p.end]
        if not following:
            return hit
        return dataclasses.replace(hit, passage=min(following, key=lambda q: (q.start != at, q.start)))

    def signals_of(self, question: str, result: SearchResult) -> AnswerSignals | None:
        """What the no-answer decision weighs for a search's result, whichever way it was decided (for
        `vigyapti eval --absent` and fitting the no-answer model)."""
        if result.signals is not None or not result.hits:
            return result.signals
        verdict = self.check_answerable(question, result.time, result.hits[0], result.kinds, all_findings=True)
        return answer_signals(question, result.time, result.hits, result.kinds, verdict, question_lang(question))

    def check_answerable(self, question: str, qtime: QuestionTime | None, top: Hit,
                         kinds: frozenset[str] = frozenset(), *, all_findings: bool = False):
        """The best release, its other-language versions and its duplicates, judged against what the
        question names (index/answerable.py). `all_findings`: also what only a setting that is off would
        count (the thing counted: it reads every passage's terms; the asked time stated nowhere: their dates)."""
        r = top.release
        others = self.store.releases([*((t["release_id"], t["lang"]) for t in top.translations),
                                      *((d, r.lang) for d in top.also_released_as)])
        releases = [r, *(other for other in others.values() if other is not None)]
        cache = self.store.passage_analyses()
        figures, held, titles, alone = [], set(), set(), set()
        reported = self.settings.no_answer_model or all_findings  # every finding, counted or not
        # a window whose year the question did not name ranks releases and turns none away
        window = qtime.window if qtime and qtime.window and not qtime.window.year_assumed else None
        # Each passage's date figures, with its release's date: only for what reads them.
        dated = [] if window is not None and (self.settings.check_stated_time or reported) else None
        qlang = question_lang(question)
        # Only where the answer would be read in the question's language: its words are the question's.
        counts_measure = self.settings.check_measure or reported
        measured: set[str] | None = set() if counts_measure and kinds and r.lang == qlang else None
        for release in releases:  # the names each passage holds are kept with its analysis
            titled = short_text_names(release.title)
            held |= titled
            titles |= titled
            if release is not r and release.lang == r.lang and release.text == r.text:
                continue  # the same text: its passages are the top release's own, names and all
            for p in self._passages_of(release.release_id, release.lang):
                analysis = analyse(p, cache=cache)
                held |= analysis.names
                alone |= analysis.places_alone
                if release is r:
                    figures += p.figures
                if dated is not None:
                    dated.append(([f for f in p.figures if f.kind in TIME_KINDS], release.date))
                if measured is not None and release.lang == qlang:
                    measured |= analysis.terms
        answering = analyse(top.passage, cache=cache)
        return AnswerabilityCheck().run(question, window, top.passage, releases, figures,
                                        frozenset(held), kinds=kinds, sentences=answering.sentences,
                                        measured=frozenset(measured) if measured is not None else None,
                                        figure_time=self.settings.check_figure_time, count_measure=self.settings.check_measure,
                                        dated=dated, stated_time=self.settings.check_stated_time,
                                        figure_years=self.settings.check_figure_years,
                                        passage_names=(answering.names | titles
                                                       if self.settings.check_passage_places else None),
                                        places_alone=(frozenset(alone | titles)
                                                      if self.settings.check_listed_places else None),
                                        indicators=self.settings.check_indicators,
                                        groups=self.settings.check_groups)

    @classmethod
    def table_row(cls, passage: Passage, a: int, b: int, idf: dict[str, float], cues: FigureCues = NO_CUES,
                  places: tuple[Name, ...] = ()) -> tuple[int, int]:
        """The answer sentence `a:b`, or the table row it stands for: a cell written alone on its line
        widens to its row; a one-line table narrows to the one row that names the question's place, or
        else whose label holds most of the question's words (and its place, if it names one), where a
        single row does."""
        a, b = row_span(passage.text, passage.figures, a, b)
        rows: dict[str, int] = {}  # each row's label → its first cell's index
        for i, f in enumerate(passage.figures):
            if a <= f.start and f.end <= b and is_inline_cell(f):
                rows.setdefault(row_label(f.label), i)
        # the one row that names the question's place, in either script ("बिहार": "4 Bihar 311304.40 ...")
        placed = [label for label in rows if any(n.keys & NameIndex(label).alone for n in places)] if places else []
        if len(placed) == 1:
            return inline_row(passage.text, passage.figures, rows[placed[0]]) or (a, b)
        held = {label: cls.coverage(with_loanwords(frozenset(terms(label)), cues.loans), idf) for label in rows}
        if not held:
            return a, b
        best = max(held.values())
        chosen = [label for label, h in held.items() if h == best]
        if best <= 0 or len(chosen) > 1:
            return a, b
        label_places = NameIndex(chosen[0]).alone
        if places and label_places and not any(n.keys & label_places for n in places):
            return a, b  # another state's row: the asked one may be in the rest of the line
        return inline_row(passage.text, passage.figures, rows[chosen[0]]) or (a, b)

    def sentence_similarity(self, passage: Passage, vector: np.ndarray | None, *, cache=None) -> tuple[float, ...]:
        """Each sentence of `passage`'s cosine with the question (`vector`); empty where not weighed."""
        if self.sentences is None or vector is None or not self.settings.sentence_similarity_weight:
            return ()
        texts = [passage.text[a:b] for a, b, _ in analyse(passage, cache=cache).sentences]
        if not texts:
            return ()
        return tuple(float(x) for x in self.sentences.vectors(texts) @ vector)

    @classmethod
    def best_sentence(cls, passage: Passage, idf: dict[str, float], kinds: frozenset[str],
                      cues: FigureCues = NO_CUES, *, cache=None, title: str = "",
                      places: tuple[Name, ...] = (), places_weight: float = 0.0,
                      similarity: tuple[float, ...] = (), similarity_weight: float = 0.0) -> tuple[int, int]:
        """The sentence of `passage` that answers: the question's words, a figure of the asked kind that
        fits, and `places_weight` × the share of `places` (the question's) it names in either script,
        which tells a bulletin's sentences apart where the question's words are in the other language;
        and `similarity_weight` × its cosine with the question (`similarity`, a value per sentence),
        which tells them apart where a sentence says what is asked in other words."""
        sentences = analyse(passage, cache=cache).sentences
        if not sentences:
            return 0, len(passage.text)
        fits = cls.figure_fits(passage, kinds, idf, cues, cache=cache, title=title)
        helds = [[fit for j, fit in fits.items() if a <= passage.figures[j].start and passage.figures[j].end <= b]
                 for a, b, _ in sentences]
        if similarity and any(helds):
            # Asked for a figure: meaning tells apart the sentences that hold one of its kind; a
            # sentence without one ("The details are as under:") may be nearer, and is no answer.
            similarity = tuple(sim if held else min(similarity) for sim, held in zip(similarity, helds))
        best, best_score = (sentences[0][0], sentences[0][1]), -math.inf
        for i, ((a, b, words), held) in enumerate(zip(sentences, helds)):
            if links_only(passage.text, a, b):
                continue  # a release's list of links says nothing; its words are the address's
            covered = cls.coverage(with_phrases(words, cues.acronyms) if cues.acronyms else words, idf)
            score = covered
            if held:  # a figure of the asked kind; the better it fits, the better the sentence
                score += 0.5 + 0.5 * max(0.0, max(held) - covered)
            score -= 0.01 * i  # earlier sentences win ties: PIB leads with the news
            if places and places_weight:
                named = NameIndex(passage.text[a:b]).keys
                score += places_weight * sum(bool(n.keys & named) for n in places) / len(places)
            if similarity and similarity_weight:
                score += similarity_weight * similarity[i]
            if score > best_score:
                best, best_score = (a, b), score
        return best
