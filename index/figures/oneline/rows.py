"""A one-line table's rows: a run of words (its label, led by a serial "13" or "b" at most) followed
by its cells. The line holds no row breaks, so where a row's label begins is read from its words: the
serial that ends the row before, the header of times or the rows' heading it follows, or a known place
ending a run too long for a label."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from index.figures.figure import TOTAL_LABELS
from index.figures.oneline.columns import place_columns
from index.figures.oneline.times import time_columns, time_header
from index.figures.oneline.words import LETTER, MAX_LABEL_WORDS, PERIOD_HEAD, PROSE_WORDS, ROW_HEADS, SERIAL, joined
from index.names import place_ending


_TOKEN = re.compile(r"\S+")
_CELL = re.compile(r"^\(?[-−–+]?[0-9\u0966-\u096f][0-9\u0966-\u096f,]*(?:\.[0-9\u0966-\u096f]+)?%?\)?[*,;]?$|^[-–—]$|^N\.?A\.?$")
MIN_CELLS = 2
_DIGIT, _LATIN = re.compile(r"[0-9\u0966-\u096f]"), re.compile(r"[A-Za-z]")
MIN_SHARED_WORDS = 3  # a header that several tables' lines open with
# rows that may stand right after the header, on its line: a total, or a statistical table's weights
# ("... Iron Ore Overall Index Weight 5.596 3.841 ...")
_FIRST_ROW_LABELS = TOTAL_LABELS | {"weight", "weights", "भार"}


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[tuple[int, int], ...]  # (start, end) of each cell with a number, in the text given
    width: int  # its cells, empty ones ("-") included
    # a cell's start → its column (None: not known, a cell of the row being left out before it)
    cell_columns: dict = dataclasses.field(default_factory=dict, compare=False)
    serial: int | None = None  # the start of the serial number that leads it ("13 Maharashtra ...")


def line_runs(line: str, offset: int):
    """The line's tokens as alternating runs: ("w", [(start, end, token)...]) and ("n", [...])."""
    runs: list[tuple[str, list[tuple[int, int, str]]]] = []
    for m in _TOKEN.finditer(line):
        tok = m.group()
        kind = "n" if _CELL.match(tok) else "w"
        item = (offset + m.start(), offset + m.end(), tok)
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(item)
        else:
            runs.append((kind, [item]))
    return runs


def _numbered(runs) -> bool:
    """Whether the line's rows are led by serial numbers: the small numbers that end its runs of
    numbers before a label mostly count up by one ("... 20,32,114 14 Manipur ... 47,546 15 Meghalaya").
    A table without them ends a row with a small count ("Assam 57367 2038 ... Goa 4719 133")."""
    ends = [int(items[-1][2].rstrip(".")) for i, (kind, items) in enumerate(runs)
            if kind == "n" and len(items) > 1 and i + 1 < len(runs) and SERIAL.match(items[-1][2])
            and "," not in items[-1][2]]
    steps = sum(b == a + 1 for a, b in zip(ends, ends[1:]))
    return len(ends) < 2 or 2 * steps >= len(ends) - 1


def _too_long(words: list[str]) -> bool:
    """Whether a run of words is too long for a row's label, "&" no word of its own: "29 The Dadra &
    Nagar Haveli & Daman & Diu 2 0.02" is a row of six words, not nine."""
    return len(joined(words)) > MAX_LABEL_WORDS


def candidate_rows(runs, shared: int = 0) -> list[tuple[Row, int, int]]:
    """Candidate rows of one line's runs: (row, start of its label, index of the run it ends).
    `shared`: how many of the words that open the line are a header other lines open with too
    (`shared_headers`), which the first row's label follows."""
    numbered = _numbered(runs)
    rows: list[tuple[Row, int, int]] = []
    serial: tuple[int, int, str] | None = None  # a number that leads the next row's label
    for i, (kind, items) in enumerate(runs):
        if kind != "n" or i == 0 or runs[i - 1][0] != "w":
            continue
        words = runs[i - 1][1]
        cells = list(items)
        # the next row's serial ends this run of numbers ("... 20,32,114 14 Manipur")
        nxt: tuple[int, int, str] | None = None
        if numbered and len(cells) > 1 and i + 1 < len(runs) and SERIAL.match(cells[-1][2]) and "," not in cells[-1][2]:
            nxt = cells.pop()
        label_words = words
        # The words that open the line (or too many for a label) may be a header of times and the first
        # row's label after it; the words after a row's cells are the next row's, years and all
        # ("... 450 2 Adilabad Narnoor 1997-98 1998-99 Completed Functional 232 188 420").
        long = _too_long([w[2] for w in words])
        header = time_header([w[2] for w in words]) if i == 1 or long else None
        if i == 1 == len(runs) - 1 and header is not None and header.end == len(words):
            # a header of times and one row of cells, as many as its columns, and no row's label: a
            # table of one row, its columns those times ("FY 2020-21 FY 2021-22 Number of Beneficiaries
            # Fund released Number of Beneficiaries Fund released 421 10.81 1439 44.63")
            if time_columns([w[2] for w in words], len(cells)) and len(cells) >= MIN_CELLS:
                rows.append((Row("", tuple((a, b) for a, b, tok in cells if tok not in "-–—"), len(cells),
                                 {a: j for j, (a, b, tok) in enumerate(cells)}), cells[0][0], i))
            continue
        elif header is not None and 0 < header.end < len(words):
            label_words = words[header.end:]
        elif long and words[-1][2].casefold() in _FIRST_ROW_LABELS:
            label_words = words[-1:]  # a total row right after the header: "... Houses Completed Total 2,13,48,133"
        elif long and serial is None and (place := _place_label(words)):
            label_words = place
        elif long and i == 1 and shared:
            label_words = words[shared:]
        elif (long or len(words) > 1 and _is_time(words[-1][2])) and i == 1 and (
                alike := _written_as_next_label(words, runs, i)):
            label_words = alike
        if not rows and i >= 2:
            label_words = _after_unit([w for _, run in runs[:i - 1] for w in run] + words[:len(words) - len(label_words)],
                                      label_words)
        if _too_long([w[2] for w in label_words]) or not (
                any(LETTER.search(w[2]) and w[2].casefold() not in PROSE_WORDS for w in label_words)
                or len(label_words) == 1 and _is_time(label_words[0][2])):
            serial = nxt
            continue
        label = " ".join(w[2] for w in label_words).strip(" :")
        if len(cells) >= MIN_CELLS:
            if not (serial and serial[1] <= label_words[0][0]) and label_words is words and i >= 2:
                before = runs[i - 2][1]  # the first row's serial, alone between the header and its label
                serial = before[-1] if len(before) == 1 and SERIAL.match(before[-1][2]) else None
            first = serial[0] if serial and serial[1] <= label_words[0][0] else label_words[0][0]
            rows.append((Row(label, tuple((a, b) for a, b, tok in cells if tok not in "-–—"), len(cells),
                             {a: j for j, (a, b, tok) in enumerate(cells)}, serial[0] if serial else None), first, i))
        serial = nxt
    return rows


def shared_headers(lines: list[list[str]]) -> list[int]:
    """For each line's opening words (those before its first number; [] for a line that opens
    otherwise), how many are a header other lines open with too: several tables under one header,
    each on its line with its first row's label right after the header and no serial between ("Block
    Total Population ST Population % ST of Total Mavli 2,30,532 ..." and "... % ST of Total Bichhiwara
    3,04,032 ..."). The header is what all the lines that open alike share: two of them may share
    their first rows' first words too ("Department of Justice", "Department of Land Resources"), which
    a third does not. 0 where the words after the header are no row's label."""
    groups: dict[tuple[str, ...], list[int]] = {}  # the lines that open alike
    for k, words in enumerate(lines):
        if len(words) > MIN_SHARED_WORDS:
            groups.setdefault(tuple(words[:MIN_SHARED_WORDS]), []).append(k)
    found = [0] * len(lines)
    for members in groups.values():
        if len(members) < 2:
            continue
        first = lines[members[0]]
        n = min(next((n for n, w in enumerate(first[:len(lines[k])]) if lines[k][n] != w), min(len(first), len(lines[k])))
                for k in members)
        for k in members:
            rest = lines[k][n:]
            if rest and not _too_long(rest) and any(LETTER.search(w) for w in rest):
                found[k] = n
    return found


def _written_as_next_label(words: list[tuple[int, int, str]], runs, i: int) -> list[tuple[int, int, str]] | None:
    """The last word of a run too long for a row's label when it is written as the next row's label
    is, a word with digits such as a year: the first row's label right after the header, "FY ... MSME
    Order Value (₹ in Cr) Proportion of Procurement FY21-22 1,06,597 59,033 0.554 FY22-23 2,01,317
    ...". None where the next row's label is not one such word."""
    nxt = runs[i + 1][1] if i + 2 < len(runs) else []
    if len(nxt) != 1 or not _DIGIT.search(nxt[0][2]):
        return None
    return words[-1:] if _shape(words[-1][2]) == _shape(nxt[0][2]) else None


def _is_time(word: str) -> bool:
    """Whether a word of no letters labels a row as its time does: "2023-24" in "FY Incident Raised
    Seller Suspended 2023-24 1,96,793 72,902 2024-25 1,96,803 62,091", a row a year."""
    return bool(PERIOD_HEAD.match(word))


def _shape(word: str) -> str:
    """How a word is written: its letters as "A", its digits as "9" ("FY21-22": "AA99-99")."""
    return _DIGIT.sub("9", _LATIN.sub("A", word))


def _after_unit(header: list[tuple[int, int, str]], words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first row's label after a header of times without the unit in brackets that ends the header's
    last column as it ends the others ("July 2026 (US$ Billion) July 2025 (US$ Billion) Merchandise Exports
    44.24 36.98"): that is the column's, and a row "(US$ Billion) Merchandise Exports" lends it to the rows
    grouped under it."""
    if not words or not words[0][2].startswith("("):
        return words
    close = next((k for k, w in enumerate(words) if w[2].endswith(")")), None)
    if close is None or close + 1 == len(words):
        return words
    unit = [w[2] for w in words[:close + 1]]
    written = [w[2] for w in header]
    repeated = any(written[k:k + len(unit)] == unit for k in range(len(written) - len(unit) + 1))
    return words[close + 1:] if repeated else words


def _place_label(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """The words of a known place that ends a run of words too long for a row's label: the first
    row's label right after the header, "District No. of VDVKs sanctioned No. of beneficiaries
    benefitted Udaipur 110 33,189" (index.names.place_ending); None where no known place ends it. Not
    for a run led by a row's serial: that is a long label whole ("29 Dadra and Nagar Haveli and Daman and Diu")."""
    joined = " ".join(w[2] for w in words)
    place = place_ending(joined)
    return words[len(joined[:place].split()):] if place is not None else None


def header_folded(row: Row, words: list[tuple[int, int, str]], start: int, width: int) -> tuple[Row, int] | None:
    """A table's first row whose label holds the header too, a word a column, for no serial parts them:
    "District e-2W e-3Ws Total Agar Malwa 64 64" is the header "District e-2W e-3Ws Total" (the rows'
    heading, then three columns) and Agar Malwa's row. Its row without the header, and where its label
    begins; None where the label does not open with the rows' heading ("District", "State") followed
    by more words than the table has columns."""
    label = [w for w in words if w[0] >= start]
    if (row.serial is not None or len(label) <= width + 1
            or label[0][2].casefold().rstrip(":") not in ROW_HEADS - {"name", "of"}
            or not all(LETTER.search(w[2]) for w in label[1:width + 1])):
        return None
    rest = label[width + 1:]
    return dataclasses.replace(row, label=" ".join(w[2] for w in rest).strip(" :")), rest[0][0]


def places_folded(row: Row, words: list[tuple[int, int, str]], start: int, width: int) -> tuple[Row, int] | None:
    """A table's first row whose label holds a header of places too, for the header stands on no line
    of its own: "Seller Group All India Karnataka Bengaluru MSMEs 11,75,001 55,053 16,091" is the rows'
    heading "Seller Group", a column for each place (`place_columns`), and the row "MSMEs". Its row
    without the header, and where its label begins; None where a row's serial leads it, or no such
    header comes before a label that names no place."""
    label = [w for w in words if w[0] >= start]
    if row.serial is not None:
        return None
    for n in range(1, len(label) - width):
        rest = [w[2] for w in label[-n:]]
        if place_ending(" ".join(rest)) is None and place_columns([w[2] for w in label[:-n]], width):
            return dataclasses.replace(row, label=" ".join(rest).strip(" :")), label[-n][0]
    return None
