"""What a text's one-line tables (`index.figures.oneline`) say of the figures in its passages: a
cell's label is its row's and its column's, not the neighbouring cells' words around it; a row's serial
numbers the row and counts nothing; a cell of seven digits is a count, where prose would make it an id;
a bare cell takes the unit its row's or column's heading declares. And where a passage's table and a
cell's row stand, for an answer that quotes the row rather than the whole line."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from index.figures.declared import PER_CENT, PERCENT_WORDS, Declared, in_declared_unit, opening_caption, parse_declaration
from index.figures.figure import CELL_MARK, LABEL_KINDS, TIME_KINDS, Figure, row_label
from index.figures.oneline import InlineTable, inline_tables, listed_columns
from index.figures.oneline.times import untimed
from index.figures.oneline.words import MAX_LABEL_WORDS
from index.figures.patterns import ascii_digits

__all__ = ["InlineCells", "InlineTable", "cells_region", "heading_unit", "inline_labels", "inline_row", "inline_tables",
           "is_inline_cell", "listed_columns", "table_numbers", "with_caption_times", "with_inline_labels"]

_LONG_COUNT = re.compile(r"^[0-9\u0966-\u096f]{7,15}$")


def is_inline_cell(figure: Figure) -> bool:
    return bool(figure.label) and CELL_MARK in figure.label


def cells_region(text: str, figures: list[Figure]) -> tuple[int, int] | None:
    """Where a passage's one-line table stands: its first cell to its last, and on to the passage's
    end when only a row's label follows (a row whose cells begin the next passage)."""
    cells = [f for f in figures if is_inline_cell(f)]
    if not cells:
        return None
    a, b = cells[0].start, cells[-1].end
    rest = text[b:]
    if "\n" not in rest and len(rest.split()) <= MAX_LABEL_WORDS + 1:
        b = len(text)
    return a, b


@dataclass(frozen=True)
class InlineCells:
    """What a text's one-line tables say of their cells, each by its start offset in the text."""
    labels: dict[int, str]  # its row's label and its column's header
    counts: frozenset[int] = frozenset()  # four digits in a column of counts ("Assam 57367 2038"): no year
    # seven digits or more, which the number reader takes for an id, but in a table are a count
    # ("2 Assam 4604112 32471": domestic tourist visits): start → end
    long_counts: dict[int, int] = dataclasses.field(default_factory=dict)
    serials: frozenset[int] = frozenset()  # the numbers that lead rows ("13 Maharashtra ..."): no figures
    # where the unit a table's header opens with holds (`opening_caption`): its first cell to its last,
    # as index.figures.declared's spans
    captioned: tuple[tuple[int, int, Declared], ...] = ()
    # the cells of columns that declare no unit in a table whose other columns declare theirs: each
    # cell's start → those units, which do not hold for it (`units_elsewhere`)
    units_elsewhere: dict[int, frozenset[Declared]] = dataclasses.field(default_factory=dict)
    # the cells of a table under a header repeated without its units (`_repeated_units`) whose column
    # declared one in the header first written: (start, end, that unit), as index.figures.declared's spans
    carried: tuple[tuple[int, int, Declared], ...] = ()
    # each cell's (by start) table caption, where it has one (`InlineTable.caption`): its (start, end)
    captions: dict[int, tuple[int, int]] = dataclasses.field(default_factory=dict)
    # the time each cell is of by its table's caption, as the caption words it ("for January-June, 2026";
    # `with_caption_times`): its label ends with it
    caption_times: dict[int, str] = dataclasses.field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.labels)


def inline_labels(text: str) -> InlineCells:
    """The cells of the one-line tables in `text` (see `InlineCells`)."""
    labels: dict[int, str] = {}
    counts: set[int] = set()
    long_counts: dict[int, int] = {}
    serials: set[int] = set()
    captioned: list[tuple[int, int, Declared]] = []
    units_elsewhere: dict[int, frozenset[Declared]] = {}
    carried: list[tuple[int, int, Declared]] = []
    captions: dict[int, tuple[int, int]] = {}
    first_units: dict[tuple[str, ...], list[Declared | None]] = {}  # a header's columns by name → their units
    for table in inline_tables(text):
        labels.update(table.labels())
        counts.update(table.counts_like_years(text))
        long_counts.update((a, b) for row in table.rows for a, b in row.cells if _LONG_COUNT.match(text[a:b]))
        serials.update(row.serial for row in table.rows if row.serial is not None)
        if (d := opening_caption(table.header_text)) and (cells := [c for row in table.rows for c in row.cells]):
            captioned.append((min(a for a, _ in cells), max(b for _, b in cells), d))
        columns = table.columns() or []
        declared = _repeated_units(columns, first_units)
        units_elsewhere.update(_units_elsewhere(table, columns, declared))
        if declared is not None:
            carried.extend((a, b, d) for row in table.rows for a, b in row.cells
                           if (j := row.cell_columns.get(a)) is not None and (d := declared[j]))
        if table.caption is not None:
            captions.update((a, table.caption) for row in table.rows for a, _ in row.cells)
    return InlineCells(labels, frozenset(counts), long_counts, frozenset(serials), tuple(captioned), units_elsewhere,
                       tuple(carried), captions)


# a caption's time that is not its cells' own: where a count starts or a span reaches ("Progress since 2014")
_NOT_CELLS_TIME = frozenset("since from after before between than over till until upto".split())
_TIME_RANGE = re.compile(r"^\s*(?:[-–—]|to)\s*$")


def with_caption_times(cells: InlineCells, text: str, read: Callable[[str], list[Figure]]) -> InlineCells:
    """`cells` with the time each cell is of by its table's caption (`caption_times`), where the caption
    names one time or one range of times ("Tourist Footfall in NER for January-June, 2026"), and neither
    the cell's column nor its row names one of its own. Two tables with the same rows and columns,
    "... in 2025" and "... for January-June, 2026", are told apart by nothing else. `read`: the number
    reader's figures of a short text."""
    if not cells.captions:
        return cells
    times: dict[tuple[int, int], str | None] = {}
    timed: dict[str, bool] = {}

    def caption_time(a: int, b: int) -> str | None:
        found = [f for f in read(text[a:b]) if f.kind in TIME_KINDS]
        if not 1 <= len(found) <= 2 or (len(found) == 2 and not _TIME_RANGE.match(text[a + found[0].end:a + found[1].start])):
            return None
        before = text[a:a + found[0].start].split()
        said = text[a + found[0].start:a + found[-1].end]
        if before and before[-1].casefold() in _NOT_CELLS_TIME:
            return None
        return f"{before[-1]} {said}" if before and before[-1].isalpha() and before[-1].islower() else said

    def holds_time(words: str) -> bool:
        if words not in timed:
            timed[words] = any(f.kind in TIME_KINDS for f in read(words))
        return timed[words]

    caption_times: dict[int, str] = {}
    for start, span in cells.captions.items():
        if span not in times:
            times[span] = caption_time(*span)
        label = cells.labels.get(start, "")
        if times[span] and not any(holds_time(part) for part in label.split(CELL_MARK)):
            caption_times[start] = times[span]
    return dataclasses.replace(cells, caption_times=caption_times) if caption_times else cells


def _column_names(columns: list[str]) -> tuple[str, ...]:
    """A header's columns as they name what they hold, whatever their units and spacing: "Foodgrains
    distributed (in MTs)" and "Food grains distributed" name one column."""
    return tuple("".join(_HEADING_UNIT.sub("", column).split()).casefold() for column in columns)


def _repeated_units(columns: list[str], first_units: dict[tuple[str, ...], list[Declared | None]]) -> list[Declared | None] | None:
    """The units a header repeated without them carries on from where it was first written: a long table
    parted into several writes its header again over each part, and its units in brackets ("Children
    Foodgrains distributed (in MTs) ...") only over the first, so a later part's children were read in
    the tonnes its line's declaration holds for the whole line. None where the header declares units of
    its own or repeats none; `first_units` learns a header that declares some."""
    if len(columns) < 2:
        return None
    names, units = _column_names(columns), [_bracketed_unit(column) for column in columns]
    if any(units):
        first_units.setdefault(names, units)
        return None
    return first_units.get(names)


def _units_elsewhere(table: InlineTable, columns: list[str],
                     carried: list[Declared | None] | None = None) -> dict[int, frozenset[Declared]]:
    """A table whose header gives named columns a unit of their own in brackets ("State/UTs Students
    benefitted Amount disbursed (Rs.in Cr.)") declares it for them, not for a column that gives none:
    the cells of such a column, each with the units the others declare, which a declaration read from
    the same words (index/figures/declared.py) does not hold for. A column of a time is no such
    column where it names nothing else, or what a column of another time that declares one does:
    "2023-24 2024-25 (Rs crore)" writes one unit after its last time for every one; but "2023-24
    Children" beside "2023-24 Foodgrains distributed (in MTs)" is a column of counts. `carried`: the
    columns' units where the header repeats one written with them (`_repeated_units`)."""
    declared = carried or [_bracketed_unit(column) for column in columns]
    own = {d for d in declared if d}
    unit_named = {"", *(_name_apart_from_time(column) for column, d in zip(columns, declared) if d)}
    bare = {j for j, (column, d) in enumerate(zip(columns, declared))
            if not d and not (untimed(column.split()) != column.split() and _name_apart_from_time(column) in unit_named)}
    if not own or not bare:
        return {}
    units = frozenset(own)
    return {a: units for row in table.rows for a, _ in row.cells if row.cell_columns.get(a) in bare}


def _name_apart_from_time(column: str) -> str:
    """What a column names but its time and unit, as `_column_names` compares names: "2024-25 Food
    grains distributed (in MTs)" → "foodgrainsdistributed"."""
    return "".join(untimed(_HEADING_UNIT.sub("", column).split())).casefold()


def _bracketed_unit(heading: str) -> Declared | None:
    """The unit a heading declares in brackets at its end ("Amount disbursed (Rs.in Cr.)"), if any."""
    m = _HEADING_UNIT.search(heading.strip())
    return parse_declaration(m.group(1).strip()) if m else None


def table_numbers(figures: list[Figure], text: str, cells: InlineCells, offset: int) -> list[Figure]:
    """`figures` of the passage `text` (at `offset` in the text `cells` were found in), as its one-line
    tables' numbers are: with the cells of seven digits or more that the number reader left out as ids,
    and without the rows' serials, which number the rows as a list's numbers do its items."""
    if not cells.long_counts and not cells.serials:
        return figures
    figures = [f for f in figures if not (f.start + offset in cells.serials and f.kind == "count" and f.unit is None)]
    taken = {f.start for f in figures}
    added = [Figure(text[a - offset:b - offset], a - offset, b - offset, Decimal(ascii_digits(text[a - offset:b - offset])),
                    None, "count")
             for a, b in cells.long_counts.items() if offset <= a and b <= offset + len(text) and a - offset not in taken]
    return sorted(figures + added, key=lambda f: f.start) if added else figures


# what a row's or column's heading ends with in brackets: "Stunted (%)", "Share in GVA (in %)", "Cost (Rs. Crore)",
# and with the time it is a rate over after them: "Milk Production (Million Metric Tonnes)/Year"
_HEADING_UNIT = re.compile(r"\(([^()]{1,30})\)(?:\s*/\s*[A-Za-z]{1,10})?\s*$")


def heading_unit(figure: Figure) -> Figure:
    """A bare number of a table cell in the unit its row's heading, else its column's, declares in
    brackets at its end ("Children under 5 – Stunted (%) 31.2 25.0": 31.2%); the figure as it was
    where neither declares one, or it has a unit already (its table's, or its own)."""
    if figure.kind != "count" or figure.unit is not None or figure.value is None or not figure.label:
        return figure
    for heading in figure.label.split(CELL_MARK, 1):
        if not (m := _HEADING_UNIT.search(heading.strip())):
            continue
        words = m.group(1).strip()
        if PERCENT_WORDS.match(words):
            return in_declared_unit(figure, PER_CENT)
        if (d := parse_declaration(words)) is not None and (d.currency or d.unit):
            return in_declared_unit(figure, d)
    return figure


def with_inline_labels(figures: list[Figure], cells: InlineCells, offset: int) -> list[Figure]:
    """`figures` of a passage that starts at `offset` in the text `cells` were found in
    (`inline_labels`), each cell of a one-line table labelled with its row and header: its own label
    was the next cell's or the next row's words. A count that reads like a year is a count there; a
    bare number is in the unit its row's or column's heading declares (`heading_unit`)."""
    if not cells:
        return figures
    out = []
    for f in figures:
        at = f.start + offset
        label = cells.labels.get(at) or cells.labels.get(at - 1)
        if f.kind == "year" and at in cells.counts:
            f = dataclasses.replace(f, kind="count", iso=None)
        if not (label and f.kind in LABEL_KINDS):
            out.append(f)
            continue
        f = heading_unit(dataclasses.replace(f, label=label))  # its heading's unit ends the heading
        time = cells.caption_times.get(at) or cells.caption_times.get(at - 1)
        out.append(dataclasses.replace(f, label=f"{f.label} {time}") if time else f)
    return out


def inline_row(text: str, figures: list[Figure], at: int) -> tuple[int, int] | None:
    """Where the row of `figures[at]` (a cell of one of `text`'s one-line tables) stands: its label's
    words to its last cell; None where `text` does not hold its label. A line of a dozen rows is no
    answer to a reader; the row is."""
    own = row_label(figures[at].label)

    def same_row(i: int) -> bool:
        return 0 <= i < len(figures) and is_inline_cell(figures[i]) and row_label(figures[i].label) == own

    first = last = at
    while same_row(first - 1):
        first -= 1
    while same_row(last + 1):
        last += 1
    start = figures[first].start
    label_at = text.rfind(own, figures[first - 1].end if first else 0, start) if own else -1
    return (label_at, figures[last].end) if label_at >= 0 else None
