"""How well a passage, and each of its figures, fits what the question asks: the words around a
figure, its kind, unit and time, and the places the passage names. Both the per-release passage
choice and the answer sentence weigh these, so they live apart from either."""
from __future__ import annotations

import datetime as dt
import re

from index.acronyms import with_phrases
from index.answerable import sentence_dates
from index.figures.figure import row_label
from index.figures.patterns import TIME_UNITS, same_measure
from index.glossary import with_glossary
from index.lexical import term_set
from index.loanwords import with_loanwords
from index.names import Name
from index.records import Passage
from index.search.analysis import analyse, untitled_places
from index.search.fusion import coverage
from index.search.question import NO_CUES, FigureCues
from index.timeq import TimeWindow, stated_time_fit

# Within a release: how much a figure in the unit the question names, and one whose sentence states
# only other times than the question's, count beside the share of the question's words around it (0..1).
FIGURE_UNIT_FIT = 0.5
FIGURE_TIME_FIT = 0.5


def row_in(asked: TimeWindow, row: tuple[dt.date, dt.date]) -> int:
    """1 when a row's time lies in the asked window and is no longer than it (a month's row for a
    month, a day's for a day). A row of one day is that day's only: a daily table's next rows are
    the days after."""
    start, end = row
    return int(asked.start <= start and end <= asked.end + dt.timedelta(days=3 if end > start else 0))


def place_fit(p: Passage, places: list[Name], title: str, *, cache=None,
              lead_in: frozenset[str] = frozenset()) -> float:
    """The share of the question's places (`places`) the passage names, in either script, leaving
    out those the release's title names: they are what the whole release is about. `lead_in`: the
    places of its paragraph's head before it (`lead_in_places`)."""
    if not places:
        return 0.0
    held = analyse(p, cache=cache).places_alone | lead_in
    return sum(bool(n.keys & held) for n in untitled_places(places, title)) / len(places)


def group_fit(text: str, groups, title: str) -> float:
    """The share of the parts of the population the question asks about (`groups`: what names each,
    `index.answerable.asked_groups`) a passage or sentence names, leaving out those the release's title
    names: what the whole release is about. "The female LFPR" is not the lead's rate for all persons."""
    if not groups:
        return 0.0
    return sum(bool(g.search(text)) for g in groups if not g.search(title)) / len(groups)


def names_part(text: str, start: int, end: int, at: tuple[int, int], named: re.Pattern,
               other: re.Pattern) -> bool | None:
    """Whether of the part of the population asked (`named`) and its other part (`other`), the one
    `text[start:end]` names nearest the figure at `at` (its start and end) is the asked one; None where
    it names neither. "लड़कों के 89.28 प्रतिशत के मुकाबले लड़कियों का ... 94.32 प्रतिशत": the boys' is nearer."""
    def gap(m: re.Match) -> int:
        return at[0] - m.end() if m.end() <= at[0] else m.start() - at[1]

    found = [(gap(m), True) for m in named.finditer(text, start, end)]
    found += [(gap(m), False) for m in other.finditer(text, start, end)]
    return min(found)[1] if found else None


def holds_asked_kind(p: Passage, kinds: frozenset[str]) -> bool:
    """Whether the passage reports a figure of an asked kind; a small count in words is its prose
    counting its own parts ("built around three core registries"), no report of one."""
    return any(f.kind in kinds and not f.spelled_count for f in p.figures)


def figure_fit(p: Passage, kinds: frozenset[str], idf: dict[str, float], cues: FigureCues = NO_CUES, *,
               cache=None, title: str = "") -> float:
    """How well the passage's best figure of the asked kind fits the question: the words around
    it, and what `cues` the settings give (its unit, its time). `cache`: the passage's own index's
    analyses (see `analyse`)."""
    return max(figure_fits(p, kinds, idf, cues, cache=cache, title=title).values(), default=0.0)


def in_other_language(words: frozenset[str], cues: FigureCues) -> frozenset[str]:
    """A figure's words, with the question's terms they hold in the other language: a loanword's
    spelling (index/loanwords.py) or the glossary's (index/glossary.py)."""
    return with_glossary(with_loanwords(words, cues.loans), cues.glossed)


def figure_fits(p: Passage, kinds: frozenset[str], idf: dict[str, float], cues: FigureCues = NO_CUES, *,
                cache=None, title: str = "") -> dict[int, float]:
    """Each figure of the asked kind (by its index in `p.figures`) → how well it fits the question.
    `title`: the release's, whose words say what every passage is about, not which figure."""
    unit = cues.unit
    if not kinds and unit is None:
        return {}
    analysis = analyse(p, cache=cache)
    titled = term_set(title) if cues.label_weight else frozenset()
    fits = {}
    for i, (f, (kind, around)) in enumerate(zip(p.figures, analysis.figure_contexts)):
        window = cues.row_window
        in_time = window is not None and (
            (row := analysis.row_times[i]) is not None and row_in(window, row)
            # a column of the asked time ("Feb-20") holds it for a row the question names ("Rajasthan"),
            # not for every measure in the table
            or any(row_in(window, w) for w in analysis.column_times[i])
            and coverage(in_other_language(term_set(row_label(f.label)), cues), idf) > 0)
        in_unit = bool(unit) and same_measure(f.unit, unit)
        if kind not in kinds and not in_unit and not (in_time and asked_in_a_row(f, kinds)):
            continue
        if cues.spans is not None and f.unit in TIME_UNITS and f.unit not in cues.spans:
            continue  # "youth aged 15–29", "within 21 days": no count of youth
        if f.spelled_count and not in_unit and not coverage(
                in_other_language(term_set(f.label or ""), cues), idf):
            continue  # "three core registries" answers no question but one of registries; "two-day", days asked
        fit = coverage(in_other_language(with_phrases(around, cues.acronyms) if cues.acronyms else around, cues), idf)
        if unit:
            fit += FIGURE_UNIT_FIT if in_unit else -FIGURE_UNIT_FIT
        if cues.window is not None:
            # Only against: in a monthly release every passage states the month, and a bonus
            # would favour the headline over the figure asked for.
            fit -= FIGURE_TIME_FIT * (stated_time_fit(cues.window, sentence_dates(p, f, analysis.sentences)) < 0)
        if in_time:
            # For: a table's row (or the asked row's column) of that month is the figure asked for,
            # whatever its words ("Apr-26" for "अप्रैल 2026"); the headline of another month is not a row.
            fit += FIGURE_TIME_FIT
        if cues.label_weight and f.label:
            fit += cues.label_weight * coverage(in_other_language(term_set(f.label) - titled, cues), idf)
        fits[i] = fit
    return fits


def asked_in_a_row(f, kinds: frozenset[str]) -> bool:
    """Whether a cell of a row of the asked time is asked for: one of an asked kind, or a bare number
    whatever its kind ("Inflation (%)" heads the cells, not a "%"); not a cell of another kind that
    says its own ("2025-26 0.24 2.93" in ₹ crore is no count of babies born)."""
    return f.kind in kinds or (f.kind == "count" and f.unit is None)


def has_row_of(p: Passage, window: TimeWindow, kinds: frozenset[str] | None = None, *, cache=None) -> bool:
    """Whether a table row of the passage is of the asked time ("Jun-26" for June 2026); with `kinds`,
    one whose cell may be asked for (`asked_in_a_row`)."""
    return any(row is not None and row_in(window, row) and (kinds is None or asked_in_a_row(f, kinds))
               for f, row in zip(p.figures, analyse(p, cache=cache).row_times))


def stated_fits(p: Passage, kinds: frozenset[str], window: TimeWindow, *, cache=None) -> list[int]:
    """For each figure of the asked kind, whether its sentence states the asked time (1), only others
    (-1), or neither (0): `stated_time_fit`."""
    sentences = analyse(p, cache=cache).sentences
    return [stated_time_fit(window, sentence_dates(p, f, sentences)) for f in p.figures if f.kind in kinds]


def passage_signals(p: Passage, kinds: frozenset[str], idf: dict[str, float], cues: FigureCues,
                    window: TimeWindow | None, *, cache=None, title: str = "") -> dict:
    """The passage choice's signals (index/passagechoice.py) that its figures give: their fit, their
    labels' share of the question's words (besides the title's), a row of the asked time, and the
    times their sentences state."""
    analysis = analyse(p, cache=cache)
    titled = term_set(title)
    asked = [f for f in p.figures if f.kind in kinds]
    dated = stated_fits(p, kinds, window, cache=cache) if window else []
    return dict(
        figure_fit=figure_fit(p, kinds, idf, cues, cache=cache, title=title if cues.label_weight else ""),
        label_fit=max((coverage(in_other_language(term_set(f.label) - titled, cues), idf)
                       for f in asked if f.label), default=0.0),
        row_time=window is not None and has_row_of(p, window, cache=cache),
        dated_for=any(d > 0 for d in dated),
        dated_against=bool(dated) and all(d < 0 for d in dated),
        kind_held=bool(asked))
