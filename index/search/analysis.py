"""What answering reads of a passage beyond its text, kept beside it in the index's cache: a stored
passage never changes under its id, so each is read once however many questions reach it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from index.filters import SearchFilters
from index.figures.figure import TIME_KINDS, column_label, row_label
from index.figures.inline import cells_region, is_inline_cell
from index.figures.rows import is_cell, is_cell_line
from index.lexical import terms
from index.names import Name, NameIndex, short_text_names
from index.records import Passage
from index.segment import split_sentences
from index.stores.base import Store
from index.timeq import StatedTimes, column_times, stated_times, stated_windows, title_figures


# A word that is a web address ("htts": a typo PIB's pages carry).
_ADDRESS = re.compile(r"(?:https?|htts|www\.)\S", re.I)
_WORD = re.compile(r"\S+")


def links_only(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` is web addresses alone (a release's closing "Links:" list), which says
    nothing. Word by word: one pattern over the whole run backtracks through every way of cutting its
    addresses (seconds for a passage of a dozen). Read lazily, as it is asked of every candidate of
    every search: most passages stop at their first word."""
    words = _WORD.finditer(text, start, len(text) if end is None else end)
    first = next(words, None)
    return first is not None and bool(_ADDRESS.match(first.group())) and all(_ADDRESS.match(m.group()) for m in words)


@dataclass(frozen=True)
class PassageAnalysis:
    """What answering needs of a passage beyond its text: the words around each figure, and its
    sentences with their words. A stored passage never changes (ids are never reused), so kept."""

    figure_contexts: tuple[tuple[str, frozenset[str]], ...]  # (kind, terms around the figure)
    sentences: tuple[tuple[int, int, frozenset[str]], ...]  # (start, end, terms)
    names: frozenset[str] = frozenset()  # the names it holds, in either script (index/names.py keys)
    places_alone: frozenset[str] = frozenset()  # the places that choose it (see _names_of): none only listed
    row_times: tuple[tuple[dt.date, dt.date] | None, ...] = ()  # each figure's: the time its table row is of
    column_times: tuple[tuple[tuple[dt.date, dt.date], ...], ...] = ()  # each figure's: the times its column's header names

    @property
    def terms(self) -> frozenset[str]:
        """All its sentences' terms: derived when a check asks (kept, it cost every analysed passage a set)."""
        return frozenset().union(*(words for _, _, words in self.sentences))


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
            column_times=tuple(column_times(column_label(f.label)) if i in cells and column_label(f.label) else ()
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
        sentences = [(a, b) for a, b, _ in analyse(p, cache=cache).sentences] if title else None
        times = stated_times(release_date, p.figures, p.text if title else None, title, sentences)
        if key is not None:
            cache.put(key, times)
    return times


def untitled_places(places, title: str) -> tuple[Name, ...]:
    """The places (the question's) a release's title does not name: the ones it does are what all of
    it is about, and its sentences and paragraphs call them "the State"."""
    titled = short_text_names(title)
    return tuple(n for n in places if not n.keys & titled)


def passages_of(store: Store, release_id: str, lang: str) -> list[Passage]:
    """Every passage of one language version of a release."""
    pids = store.passage_releases(SearchFilters(lang=lang, release_id=release_id), [release_id])
    return list(store.passages(list(pids)).values())
