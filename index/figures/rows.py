"""The row label of a number in a table written one cell per line, as PIB's pages flatten them:
"4\nGujarat\n23-Mar\n33\n367\n1,470\n10,49,319\n03-Apr" is Gujarat's row, and 10,49,319 is Gujarat's.

The words around such a number are its neighbours' cells, the next row's label among them; its own
label is the nearest cell above it that holds no digit; in a table whose rows hold no words at all
("9.\n31.03.2020\n28861\n1292"), the nearest date above it. A long table is cut into several passages,
so the extractor is given the text before a passage as well: a row may begin in the one before.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from index.figures.declared import PERCENT_WORDS, parse_declaration
from index.figures.figure import CELL_MARK, LABEL_KINDS, TOTAL_LABELS, Figure, row_label
from index.figures.oneline.words import LETTER, MIN_ROWS, SERIAL

CELL_CHARS = 60  # a line this short, of few words, is a table cell
MIN_CELLS = 6  # this many cell lines in a row are a table
_DIGIT = re.compile(r"[0-9\u0966-\u096f]")
# a cell that is a day and nothing else: "31.03.2020", "24-03-2020", "23-Mar", "3 May 2020"
_DAY = re.compile(r"^(?:[0-9]{1,2}[./-][0-9]{1,2}[./-](?:[0-9]{2}|[0-9]{4})|[0-9]{1,2}[ -][A-Za-z]{3,9}\.?(?:[ ,-]+[0-9]{2,4})?)$")
_EMPTY_CELLS = re.compile(r"(?m)^\s*(?:[-–—]+|NA|N\.A\.|\*)\s*$")  # a cell with no value: "-", "NA"


def is_label_line(line: str) -> bool:
    """A row's label: letters and no digit ("Gujarat", "तूर (अरहर)")."""
    return bool(LETTER.search(line)) and not _DIGIT.search(line)


# Hindi's case markers, which a label writes as words of their own where English writes none or fewer
# ("उम्मीदवारों की नाम वापसी की अंतिम तिथि", "Last date for withdrawal of candidatures"): not counted.
_CASE_MARKERS = frozenset("का की के को में से पर ने".split())


def is_cell_line(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= CELL_CHARS and sum(word not in _CASE_MARKERS for word in line.split()) <= 6


# A remark in brackets after a cell's figure, of words alone: "19 जून, 2020 (शुक्रवार)", "09th June, 2020 (Tuesday)".
_REMARK = re.compile(r"\s*\([^()\d]*\)")


def is_cell(text: str, figure: Figure) -> bool:
    """Whether `figure` is a labelled cell of a one-cell-per-line table: alone on its line, but for a
    remark in brackets after it."""
    a = text.rfind("\n", 0, figure.start) + 1
    b = text.find("\n", figure.end)
    line, own = text[a:b if b >= 0 else len(text)].strip(), figure.text.strip()
    return bool(figure.label) and line.startswith(own) and (
        len(line) == len(own) or _REMARK.fullmatch(line, len(own)) is not None)


def _serial_of(line: str) -> int | None:
    return int(line.strip().rstrip(".")) if SERIAL.match(line) else None


def _rows_in(run: list[tuple[int, str]]) -> tuple[list[int], int]:
    """Where each row of one run of cell lines begins (indexes into `run`), and the rows' width,
    where the run's rows are known: rows of one width, each led by its serial number (1, 2, 3, ...)
    or, in a table without them, by a label followed by cells that hold no words."""
    best: list[int] = []
    best_width = 0
    serials = [_serial_of(line) for _, line in run]
    for first in (i for i, v in enumerate(serials) if v == 1):
        second = next((i for i in range(first + 1, len(run)) if serials[i] == 2), None)
        if second is None or second - first < 3:
            continue
        width, chain = second - first, [first]
        while chain[-1] + width < len(run) and serials[chain[-1] + width] == len(chain) + 1:
            chain.append(chain[-1] + width)
        if len(chain) >= MIN_ROWS and len(chain) > len(best):
            best, best_width = chain, width
    if best:
        return best, best_width
    labels = [is_label_line(line) for _, line in run]
    for first in (i for i, is_label in enumerate(labels) if is_label):
        for width in range(3, 13):
            chain = [first]
            while (chain[-1] + width <= len(run) and not any(labels[chain[-1] + 1:chain[-1] + width])
                   and (chain[-1] + width == len(run) or labels[chain[-1] + width])):
                chain.append(chain[-1] + width)
            if len(chain) - 1 >= MIN_ROWS and len(chain) - 1 > len(best):
                best, best_width = chain[:-1], width
    return best, best_width


def _cell_runs(text: str) -> list[list[tuple[int, str]]]:
    """The runs of `MIN_CELLS` or more cell lines of `text`, each line with its start offset."""
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        if is_cell_line(line):
            run.append((at, line))
        else:
            if len(run) >= MIN_CELLS:
                runs.append(run)
            run = []
        at += len(line) + 1
    if len(run) >= MIN_CELLS:
        runs.append(run)
    return runs


def row_labels(text: str) -> dict[int, str]:
    """Each cell line that holds a number (by its start offset in `text`) → its row's label: the
    nearest cell line above it in the same table with letters and no digit, below the table's header
    (its first cells, before any number); then its column's header, where `column_headers` knows it
    ("Kerala | Masks produced")."""
    out: dict[int, str] = {}
    for run in _cell_runs(text):
        body = run[next((i for i, (_, line) in enumerate(run) if _DIGIT.search(line)), len(run)):]
        # a table whose rows have no words (serial, date, counts) is labelled by its dates; its total
        # row ("Total Flights") is no row of words
        dated = not any(is_label_line(line) and not _total_row(line) for _, line in body)
        label = None
        for k, (start, line) in enumerate(body):
            if dated and _DAY.match(line.strip()):
                label = line.strip()
            elif dated and SERIAL.match(line) and k + 1 < len(body) and _DAY.match(body[k + 1][1].strip()):
                continue  # the next row's serial ("2" before "27.3.2020"), not the row's before it
            elif _DIGIT.search(line):
                if label is not None:
                    out[start] = label
            elif LETTER.search(line):
                label = line.strip()
        for start, column in column_headers(run).items():
            if start in out:
                out[start] = f"{out[start]}{CELL_MARK} {column}"
    return out


def _total_row(line: str) -> bool:
    """A table's total row: "Total", "Grand Total", "Total Flights", "कुल"."""
    words = line.strip().casefold().split()
    return " ".join(words) in TOTAL_LABELS or bool(words) and words[0] in ("total", "grand", "कुल")


def column_headers(run: list[tuple[int, str]]) -> dict[int, str]:
    """Each cell line of a table's rows (by its start offset) → its column's header, where the
    table's rows are known (`_rows_in`) and the lines above its first row read as many cells as its
    columns: "उत्पादित मास्क (संख्या)" heads Kerala's 15,77,770, which its row's label alone does not
    say. Lines above a unit alone ("State-wise GST revenue in February\n(₹ crore)\nState\nFeb-19\n...")
    are a title, no column's; a header cell cut over lines is joined where the cut shows
    (`joined_header`), and a header of another count gives none."""
    starts, width = _rows_in(run)
    if not starts:
        return {}
    lines = [line.strip() for _, line in run[:starts[0]]]
    top = max((i + 1 for i, line in enumerate(lines) if _unit_alone(line)), default=0)
    header = joined_header(lines[top:], width)
    if header is None or any(SERIAL.match(h) for h in header) or len({h.casefold() for h in header}) < width:
        return {}
    return {run[row + k][0]: header[k] for row in starts for k in range(width) if row + k < len(run)}


# A header line cut before its end: it ends on a word that needs the next ("No. of wagons of\ncoal",
# "एमएसपी में\nवृद्धि"), or the next line goes on from it (lower case, a postposition, a bracket).
_GOES_ON = re.compile(r"(?i)(?:\b(?:of|in|for|and|to|the|per|on|by)|[&/(-]|(?<![\u0900-\u097f])"
                      r"(?:के|की|का|में|एवं|और|तथा|से|पर))\s*$")
_GOES_ON_FROM = re.compile(r"^(?:[a-z(]|(?:में|के|की|का|से|पर|को)(?![\u0900-\u097f]))")
_SERIAL_HEADING = re.compile(r"(?i)^(?:s|sl|sr)\.?\s*no\.?$")  # "Sl.\nNo."


def joined_header(lines: list[str], width: int) -> list[str] | None:
    """A header's `lines` as `width` cells, where they are as many, or where joining the lines cut
    mid-cell makes them so: a line that goes on in the next (`_GOES_ON`, `_GOES_ON_FROM`, "Sl." and
    "No."), or a line that heads two columns in turn ("वैगनों की संख्या\nकोयला\nवैगनों की संख्या\nपेट्रोलियम
    उत्पाद", "Old\nCapital\nOld\nTurnover"), each with the line after it. None otherwise."""
    if len(lines) <= width:
        return lines if len(lines) == width else None
    cells: list[str] = []
    whole = False  # whether the last cell is one line that may still take the next
    for line in lines:
        if cells and (_GOES_ON.search(cells[-1]) or _GOES_ON_FROM.match(line)
                      or _SERIAL_HEADING.match(f"{cells[-1]} {line}")
                      or whole and lines.count(cells[-1]) > 1):
            cells[-1] = f"{cells[-1]} {line}"
            whole = False
        else:
            cells.append(line)
            whole = True
    return cells if len(cells) == width else None


def _unit_alone(line: str) -> bool:
    """A line of only a unit in brackets: "(₹ crore)", "(करोड़ रुपये में)", "(in %)"."""
    m = re.fullmatch(r"\s*\(([^()]{1,40})\)\s*", line)
    return bool(m) and (parse_declaration(m.group(1)) is not None or bool(PERCENT_WORDS.match(m.group(1).strip())))


@dataclass(frozen=True)
class TableCells:
    """What a text's tables written one cell a line say of their cells, each by its line's start."""
    labels: dict[int, str]  # its row's label, and its column's header where known (`row_labels`)
    serials: frozenset[int] = frozenset()  # the numbers that lead known rows ("9\nKerala\n..."): no figures


def table_cells(text: str) -> TableCells:
    serials = set()
    for run in _cell_runs(text):
        starts, _ = _rows_in(run)
        serials.update(run[row][0] for row in starts if SERIAL.match(run[row][1]))
    return TableCells(row_labels(text), frozenset(serials))


def labelled(figures: list[Figure], text: str, cells: TableCells, offset: int) -> list[Figure]:
    """`figures` of the passage `text`, which starts at `offset` in the text `cells` were found in
    (`table_cells`), each table cell among them labelled with its row's label, and a row's serial
    number gone: "9" leads Kerala's row and counts nothing, yet read as a count it was labelled by
    the row above it ("9 — Karnataka")."""
    if not cells.labels and not cells.serials:
        return figures
    out = []
    for f in figures:
        line_start = text.rfind("\n", 0, f.start) + 1 + offset
        if line_start in cells.serials:
            continue
        label = cells.labels.get(line_start)
        out.append(dataclasses.replace(f, label=label) if label and f.label is None and (
            f.kind in LABEL_KINDS
            # a schedule's day is its row's ("मतदान की तिथि\n19 जून, 2020"), not a day of a table labelled by its days
            or f.kind == "date" and not _DIGIT.search(row_label(label))) else f)
    return out


def _next_is_label(text: str, at: int) -> bool:
    """Whether the line after the one ending at `at` is a row's label: words and no digit."""
    end = text.find("\n", at + 1)
    return is_label_line(text[at + 1:end if end >= 0 else len(text)])


def row_span(text: str, figures: list[Figure], start: int, end: int) -> tuple[int, int]:
    """The span `start:end` of `text` (a passage), or, when it is one cell line of such a table, its
    row: the cells above it up to its label's line (where the passage holds it) and below it up to
    the next row's label. A cell alone ("367", "8.19 Cr") says nothing to a reader; its row
    ("Gujarat 23-Mar 33 367 1,470 10,49,319") is the table's sentence."""
    cells = [f for f in figures if start <= f.start and f.end <= end and is_cell(text, f)]
    if cells:
        label = row_label(cells[0].label)
    else:  # the row's label line itself ("Front-loaded payments to farmers under PM-KISAN"): its cells follow
        first = min((f for f in figures if f.start >= end and is_cell(text, f)), key=lambda f: f.start, default=None)
        if (first is None or not first.label or row_label(first.label) != text[start:end].strip()
                or _EMPTY_CELLS.sub("", text[end:first.start]).strip()):
            return start, end
        label = row_label(first.label)

    def other_row(line_start: int, line_end: int) -> bool:
        return any(f.label and row_label(f.label) != label for f in figures if line_start <= f.start and f.end <= line_end)

    a, b = start, end
    while a > 0 and cells:
        above = text.rfind("\n", 0, a - 1) + 1
        line = text[above:a - 1]
        if not is_cell_line(line) or other_row(above, a - 1):
            break
        a = above
        if line.strip() == label:
            break
    while b < len(text):
        below = text.find("\n", b + 1)
        below = len(text) if below < 0 else below
        line = text[b + 1:below]
        if (not is_cell_line(line) or other_row(b + 1, below)
                or is_label_line(line)  # the next row's label
                or SERIAL.match(line) and _next_is_label(text, below)):  # ... or its serial number
            break
        b = below
    return a, b
