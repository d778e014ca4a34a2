"""The row label and column header of a number in a table whose rows stand on one line, as the
scrape flattens many PIB tables: "State Target Sanctioned Completed Pending 13 Maharashtra 33,72,896
31,40,198 11,08,084 20,32,114 14 Manipur 79,518 ...". 11,08,084 is Maharashtra's, in the column
"Completed": its label is "Maharashtra | Completed". The words around it are its neighbours' cells
and the next row's label. A header of several words a column is told apart by a word that begins
(or ends) each column's words: "Target Houses Sanctioned Houses Completed Houses under Construction"
heads four columns, "Total Societies Audited Societies Non-Audited Societies" three. A header of years
heads a column a year ("State/UT 2023-24 2024-25 2025-26 Total"), and the first row's label may follow
it with no serial between ("... 2025-26 Total Andaman And Nicobar Islands 0.03 ..."). Or by the names
the release lists in its prose: "Coal Natural Gas Crude Oil ... Iron Ore Overall Index" heads ten
columns where the release says "Iron Ore, Cement, Electricity, Coal, ... whereas Natural Gas, Crude
Oil, and Fertilizers ...". A header that cannot be told apart gives no column; " |" ends a row's
label either way, and marks a cell's label.

A row is a run of words (its label, led by a serial "13" or "b" at most) followed by as many cells
(numbers, or "-" for an empty one) as the rows beside it; three rows or more with as many cells as the
first (one more or fewer: a cell left out) are a table; rows of fewer cells part it ("17 Ladakh 0.43 0.45
0.30"), and the rows after them are still under its header. A long line is cut into several passages, so a row's label may end one passage
and its numbers begin the next: the rows are found over the whole release text. A cell of seven digits
or more is a count ("2 Assam 4604112 32471"), which in prose would be an id; a row's serial is no figure.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from index.figures.declared import PERCENT_WORDS, in_declared_unit, parse_declaration
from index.figures.figure import CELL_MARK, TOTAL_LABELS, Figure, row_label
from index.figures.tables import _FY_ABBR, _ascii_digits
from index.names import place_ending

_TOKEN = re.compile(r"\S+")
_CELL = re.compile(r"^\(?[-−–+]?[0-9\u0966-\u096f][0-9\u0966-\u096f,]*(?:\.[0-9\u0966-\u096f]+)?%?\)?[*,;]?$|^[-–—]$|^N\.?A\.?$")
_SERIAL = re.compile(r"^[0-9]{1,3}\.?$")
_LETTER = re.compile(r"[A-Za-z\u0900-\u097f]")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s|[:।;]\s|\n")
_HEADER_DROP = re.compile(r"(?i)^(?:s\.?|sr\.?|sl\.?|no\.?|s\.no\.?|sl\.no\.?|sr\.no\.?|क्र\.?|सं\.?|क्रम|संख्या)$")
MIN_ROWS = 3  # this many rows with as many cells are a table
MIN_CELLS = 2
MAX_LABEL_WORDS = 8  # a longer run of words is prose, which ends the table
MAX_HEADER_WORDS = 30
MAX_COLUMN_WORDS = 5
_YEAR_CELL = re.compile(r"^(?:1[89]|2[01])[0-9]{2}$")  # as the number reader takes a bare year
_YEARISH = re.compile(r"^(?:19|20)[0-9]{2}(?:[-–/][0-9]{2,4})?$")
# a column headed by a financial or crop year: "2023-24", "2026-27*" (the year so far)
_PERIOD_HEAD = re.compile(r"^(?:19|20)[0-9]{2}[-–/](?:[0-9]{2}|(?:19|20)[0-9]{2})\*?$")
_TOTAL_HEADS = frozenset(("total", "कुल", "योग"))
# a column headed by a month: "Jun-26", "Apr-2026"; and what may qualify a time heading a column:
# "(P)" provisional, "(F)" final, "*"
_MONTH_HEAD = re.compile(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}[-'’](?:[0-9]{2}|20[0-9]{2})$")
# a financial year's abbreviation before a column's year: "FY", "F.Y", "F.Y.", "F. Y."
_FY_WORDS = re.compile(rf"(?i)^{_FY_ABBR}$")
_QUALIFIER = re.compile(r"^(?:\([A-Za-z]{1,3}\)|\*+)$")
_YEARISH_IN = re.compile(r"(?:19|20)[0-9]{2}")
_ROW_HEADS = frozenset("state states ut uts state/ut states/uts name of crop crops district districts sector sectors "
                       "item items category particulars scheme schemes year month".split())
_LONG_COUNT = re.compile(r"^[0-9\u0966-\u096f]{7,15}$")
# rows that may stand right after the header, on its line: a total, or a statistical table's weights
# ("... Iron Ore Overall Index Weight 5.596 3.841 ...")
_FIRST_ROW_LABELS = TOTAL_LABELS | {"weight", "weights", "भार"}
# words that repeat in a header without heading its columns ("Haveli And Daman And Diu")
_FUNCTION_WORDS = frozenset("of in and to the for by under on at with from upto as per or total "
                            "की के का में से को और तक कुल".split())
# a list's items: "Iron Ore, Cement, Electricity, Coal, Steel, and Refinery Products observed ..."
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_CLAUSE_END = re.compile(r"(?<=[a-z0-9)]{2})[.!?;:]\s|\n|\(|\)")
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z&-]*$")
MAX_ITEM_WORDS = 3


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[tuple[int, int], ...]  # (start, end) of each cell with a number, in the text given
    width: int  # its cells, empty ones ("-") included
    # a cell's start → its column (None: not known, a cell of the row being left out before it)
    cell_columns: dict = dataclasses.field(default_factory=dict, compare=False)
    serial: int | None = None  # the start of the serial number that leads it ("13 Maharashtra ...")


@dataclass(frozen=True)
class InlineTable:
    header_text: str  # what stands before its first row, back to the sentence or line before it
    rows: tuple[Row, ...]
    listed: frozenset[str] = frozenset()  # the names the release lists in its prose (`listed_names`)

    @property
    def header(self) -> str:
        """The header's words but its numbers, other than years heading columns ("" if none)."""
        words = self.header_text.split()
        words = [w for i, w in enumerate(words)  # "No of EHTP Units" heads a column; "Sl. No." the serials
                 if not (_HEADER_DROP.match(w) and words[i + 1:i + 2] != ["of"])
                 and (_LETTER.search(w) or _PERIOD_HEAD.match(w))]
        return " ".join(words[-MAX_HEADER_WORDS:])

    def columns(self) -> list[str] | None:
        """Each column's header, where the header has one word a column (after the rows' own, "State"):
        "State 2023-24 2024-25", "Crop Cases Recovered Deaths"; or where one word begins or ends each
        column's words (`repeated_word_columns`); or where the names the release lists split it
        (`listed_columns`)."""
        words = self.header.split()
        width = max(row.width for row in self.rows)
        if times := time_columns(words, width):
            return times
        if ended := year_ended_columns(self.header_text.split(), width):
            return ended
        words = [w for w in words if not _PERIOD_HEAD.match(w)]
        if len(words) in (width, width + 1):
            return words[len(words) - width:]
        return repeated_word_columns(words, width) or listed_columns(words, width, self.listed)

    def counts_like_years(self, text: str) -> set[int]:
        """The cells (by start) of four digits between 1800 and 2199 in a column whose cells are mostly
        no years ("Assam 57367 2038": 2,038 schools), which the number reader took for years. A row of
        years only is the header's ("Crop Area Sown 2026 2025"), not counts."""
        rows = [row for row in self.rows if not all(_YEARISH.match(text[a:b]) for a, b in row.cells)]
        column: dict[int, list[str]] = {}
        for row in rows:
            for a, b in row.cells:
                column.setdefault(row.cell_columns[a], []).append(text[a:b])
        years = {j for j, cells in column.items() if 2 * sum(bool(_YEARISH.match(c)) for c in cells) > len(cells)}
        return {a for row in rows for a, b in row.cells
                if row.cell_columns[a] not in years and _YEAR_CELL.match(text[a:b])}

    def labels(self) -> dict[int, str]:
        """Each cell's start → its row's label, then its column's header where the header says which
        word heads which column. Not the whole header otherwise: it would give every cell of the table
        the same words, and a table's cells would outbid the one figure of prose that is asked for."""
        columns = self.columns()
        return {start: f"{row.label}{CELL_MARK} {columns[j] if columns and (j := row.cell_columns[start]) is not None else ''}"
                .rstrip() for row in self.rows for start, _ in row.cells}


@dataclass(frozen=True)
class TimeHeader:
    """A header's run of times, a column each ("2023-24 2024-25 2025-26 Total", "Weight Mar-26 (F)
    Apr-26 (F) May-26 (P)"), maybe each over the same few columns ("2023-24 2024-25 Import Export
    Import Export"): where it stands in the header's words, and its columns' headers."""

    start: int
    end: int
    columns: tuple[str, ...]


def _head(word: str) -> tuple[str, bool] | None:
    """A word that is a time heading a column ("2023-24", "2026-27*", "Jun-26") → (the time, whether a
    qualifier in brackets opens glued to it: "2026-27(till July)")."""
    time, bracket, _ = word.partition("(")
    time = time.rstrip("*")
    if _PERIOD_HEAD.match(time) or _MONTH_HEAD.match(time):
        return time, bool(bracket)
    return None


def _head_at(words: list[str], i: int) -> tuple[str, bool, int] | None:
    """`_head` of the time heading a column at words[i], and how many words it takes: "FY 2023-24" two,
    "F.Y. 2023-24" two, "F. Y. 2023-24" three."""
    for n in (1, 2):  # the abbreviation's words
        if (i + n < len(words) and _FY_WORDS.match(" ".join(words[i:i + n]))
                and (head := _head(words[i + n]))):
            return " ".join((*words[i:i + n], head[0])), head[1], n + 1
    return (*head, 1) if (head := _head(words[i])) else None


def time_header(words: list[str]) -> TimeHeader | None:
    """The last run of two times or more in a header's `words` that head its columns (`TimeHeader`),
    each with what qualifies it ("(P)", "*", "(till July)"), and a "Total" right after them; None
    where there is none."""
    found: TimeHeader | None = None
    i = 0
    while i < len(words):
        if _head_at(words, i) is None:
            i += 1
            continue
        start, times = i, []
        while i < len(words) and (head := _head_at(words, i)):
            times.append(head[0])
            i += head[2]
            opened = head[1] and not words[i - 1].endswith(")")
            while i < len(words) and (opened or _QUALIFIER.match(words[i])):  # "(till July)", "(P)"
                opened = opened and not words[i].endswith(")")
                i += 1
        if len(times) >= 2:
            columns = list(times)
            if group := _repeated_group(words[i:], len(times)):
                size, sub = group
                columns = [f"{t} {w}" for t in times for w in sub]
                i += size * len(times)
            while i < len(words) and words[i].casefold() in _TOTAL_HEADS:
                columns.append(words[i])
                i += 1
            found = TimeHeader(start, i, tuple(columns))
    return found


def _repeated_group(words: list[str], times: int) -> tuple[int, list[str]] | None:
    """The words each time heads, when the words after the times are the same group over again for
    each ("Import Export Import Export Import Export" under three years; "*" aside, "Exports*" the
    year so far): how many words a group, and its columns. A group's columns are a word each, or,
    where its words say where columns part (`_group_columns`), several words each: "No of EHTP
    Units Exports (In Rs. Crore)" is two columns."""
    for size in range(1, 2 * MAX_COLUMN_WORDS + 1):
        if size * times > len(words):
            break
        groups = [[w.casefold().replace("*", "") for w in words[k * size:(k + 1) * size]] for k in range(times)]
        if all(g == groups[0] for g in groups) and any(_LETTER.search(w) for w in groups[0]):
            sub = words[:size]
            if columns := _group_columns(sub):
                return size, columns
            if size <= MAX_COLUMN_WORDS and all(_LETTER.search(w) for w in sub):
                return size, sub
    return None


def _group_columns(words: list[str]) -> list[str] | None:
    """The columns of a group of header words where its words say where they part: a unit in brackets
    ends its column and follows the column's one-word name ("Exports (In Rs. Crore)"), and "No of" /
    "Number of" begins a column of counts ("No. of beneficiaries" under each year is one column). None
    where they part no columns, or give one of more than `MAX_COLUMN_WORDS` words besides its brackets."""
    starts = {0}
    for k, w in enumerate(words):
        if w.startswith("(") and k > 0 and not words[k - 1].endswith(")"):
            starts.add(k - 1)  # the column's name, before its unit
        if w.endswith(")") and k + 1 < len(words):
            starts.add(k + 1)
        if _number_of(words, k):
            starts.add(k)
    bounds = sorted(starts) + [len(words)]
    columns = [words[a:b] for a, b in zip(bounds, bounds[1:])]
    if len(columns) < 2 and not _number_of(words, 0) or any(len([w for w in c if "(" not in w and ")" not in w]) > MAX_COLUMN_WORDS
                               for c in columns):
        return None
    return [" ".join(c) for c in columns]


def _number_of(words: list[str], k: int) -> bool:
    """Whether words[k] begins "No of" / "No. of" / "Number of": a column of counts."""
    return words[k].casefold().rstrip(".") in ("no", "number") and words[k + 1:k + 2] == ["of"]


def time_columns(words: list[str], width: int) -> list[str] | None:
    """The columns of a header that ends with its times (`time_header`), when they are as many as the
    rows have cells, or one fewer and one word stands before them ("Weight Mar-26 (F) Apr-26 (F)")."""
    header = time_header(words)
    if header is None or header.end != len(words):
        return None
    if len(header.columns) == width:
        return list(header.columns)
    if len(header.columns) == width - 1 and header.start > 0 and _LETTER.search(words[header.start - 1]):
        return [words[header.start - 1], *header.columns]
    return None


def year_ended_columns(words: list[str], width: int) -> list[str] | None:
    """`width` column headers out of a header as written (`words`, numbers and all) where each column's
    words end with its year, or with the brackets that give its years: "S. No. Crop Normal Area
    (2020-21 to 2024-25) Final Area Coverage 2025 Area Sown 2026 2025 Increase(+)/ Decrease(-) over
    2025" heads five columns, the fourth a year alone (the last year's area sown). The words before
    the serial-number heading ("S. No.") are a caption's; at least two columns must end with a year,
    and none may follow the last."""
    drops = [i for i, w in enumerate(words) if _HEADER_DROP.match(w)]
    words = words[drops[-1] + 1 if drops else 0:]
    while words and words[0].casefold() in _ROW_HEADS:  # the rows' own heading: "Crop", "State/UT"
        words = words[1:]
    columns: list[str] = []
    column: list[str] = []
    depth = years = 0
    for w in words:
        column.append(w)
        depth = max(0, depth + w.count("(") - w.count(")"))
        if depth:
            continue
        if _YEAR_CELL.match(w.rstrip("*")) or _PERIOD_HEAD.match(w):
            years += 1
        elif not (w.endswith(")") and _YEARISH_IN.search(w)):
            continue
        if columns and column[0].startswith("(") and (close := next(
                (k for k, c in enumerate(column) if c.endswith(")")), None)) is not None and close + 1 < len(column):
            # a unit in brackets ends the column before: "July 2026 (US$ Billion) July 2025"
            columns[-1] += " " + " ".join(column[:close + 1])
            column = column[close + 1:]
        columns.append(" ".join(column))
        column = []
    if columns and column and column[0].startswith("(") and column[-1].endswith(")"):
        columns[-1] += " " + " ".join(column)  # the last column's unit
        column = []
    return columns if not column and years >= 2 and len(columns) == width else None


def repeated_word_columns(words: list[str], width: int) -> list[str] | None:
    """`width` column headers out of a header's `words`, where one content word begins every column's
    words ("Houses Sanctioned Houses Completed Houses under Construction", the column before the first
    of them taking the words before it) or ends every one ("Total Societies Audited Societies
    Non-Audited Societies"). None when no word, or more than one, splits the header so: columns of
    two to `MAX_COLUMN_WORDS` words, alike in length within one word."""
    keys = [w.rstrip("*,:;") for w in words]  # the same word in the same case: "drive ... Drive" is prose
    found: list[list[str]] = []
    for key in set(keys):
        if (len(key) < 3 or key.casefold() in _FUNCTION_WORDS or not _LETTER.search(key)
                or any(c in key for c in "()[]")):  # "(Rs. in Crore)": a unit, in words of its own
            continue
        at = [i for i, k in enumerate(keys) if k == key]
        if len(at) < 2:
            continue
        splits = []
        # the word begins each column's words; with one column fewer, the first column is the words before
        heads = [words[a:b] for a, b in zip(at, at[1:] + [len(words)])]
        if len(at) == width:
            splits.append((heads, []))
        elif len(at) == width - 1 and at[0] > 0:
            splits.append((heads, [words[max(0, at[0] - MAX_COLUMN_WORDS):at[0]]]))
        # the word ends each column's words (and the header)
        if len(at) == width >= 3 and at[-1] == len(words) - 1:  # two columns alike, besides the first
            tails = [words[a + 1:b + 1] for a, b in zip(at, at[1:])]
            splits.append((tails, [words[max(0, at[0] + 1 - MAX_COLUMN_WORDS):at[0] + 1]]))
        for columns, first in splits:
            lengths = [len(c) for c in columns]
            if min(lengths) >= 2 and max(lengths) <= MAX_COLUMN_WORDS and max(lengths) - min(lengths) <= 1:
                found.append([" ".join(c) for c in first + columns])
    return found[0] if len(found) == 1 else None


def listed_names(text: str) -> frozenset[str]:
    """The names of one to three capitalised words that stand as items of the lists in `text`'s prose
    ("Iron Ore", "Cement", "Refinery Products"), casefolded. An item that is not all capitalised words
    lends a name the capitalised words next to its neighbour item ("whereas Natural Gas, Crude Oil,
    and Fertilizers witnessed")."""
    names: set[str] = set()
    for clause in _CLAUSE_END.split(text):
        parts = [part.split() for part in _LIST_SEPARATOR.split(clause)]
        if len(parts) < 3:
            continue
        for i, words in enumerate(parts):
            if not words:
                continue
            runs = []
            if all(_NAME_WORD.match(w) for w in words):
                runs.append(words)
            else:
                if i + 1 < len(parts) and parts[i + 1] and _NAME_WORD.match(parts[i + 1][0]):
                    k = next(k for k, w in enumerate(reversed(words)) if not _NAME_WORD.match(w))
                    runs.append(words[len(words) - k:])
                if i > 0 and parts[i - 1] and _NAME_WORD.match(parts[i - 1][-1]):
                    runs.append(words[:next(k for k, w in enumerate(words) if not _NAME_WORD.match(w))])
            names.update(" ".join(run).casefold() for run in runs if 1 <= len(run) <= MAX_ITEM_WORDS)
    return frozenset(names)


def listed_columns(words: list[str], width: int, listed: frozenset[str]) -> list[str] | None:
    """`width` column headers out of a header's `words` where each column's words are a name the release
    lists (`listed_names`), but for at most one column of one to three words ("Overall Index"), after up
    to two words heading the rows' labels ("Sector"). Of the readings with the fewest such columns,
    there must be exactly one, and more than half its columns listed names; else None."""
    if not listed:
        return None
    keys = [w.casefold() for w in words]
    readings: dict[bool, list[list[str]]] = {False: [], True: []}  # by whether a column is not listed

    def read(at: int, columns: list[str], unknown: bool) -> None:
        if len(columns) > width or len(readings[unknown]) > 1:
            return
        if at == len(words):
            if len(columns) == width:
                readings[unknown].append(columns)
            return
        for n in range(1, min(MAX_ITEM_WORDS, len(words) - at) + 1):
            column = " ".join(words[at:at + n])
            if " ".join(keys[at:at + n]) in listed:
                read(at + n, columns + [column], unknown)
            elif not unknown:
                read(at + n, columns + [column], True)

    for lead in range(0, 3):
        read(lead, [], False)
    found = readings[False] or readings[True]
    if len(found) != 1:
        return None
    return found[0] if 2 * sum(c.casefold() in listed for c in found[0]) > width else None


def _runs(line: str, offset: int):
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
            if kind == "n" and len(items) > 1 and i + 1 < len(runs) and _SERIAL.match(items[-1][2])
            and "," not in items[-1][2]]
    steps = sum(b == a + 1 for a, b in zip(ends, ends[1:]))
    return len(ends) < 2 or 2 * steps >= len(ends) - 1


def _rows(runs) -> list[tuple[Row, int, int]]:
    """Candidate rows of one line's runs: (row, start of its label, index of the run it ends)."""
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
        if numbered and len(cells) > 1 and i + 1 < len(runs) and _SERIAL.match(cells[-1][2]) and "," not in cells[-1][2]:
            nxt = cells.pop()
        label_words = words
        # The words that open the line (or too many for a label) may be a header of times and the first
        # row's label after it; the words after a row's cells are the next row's, years and all
        # ("... 450 2 Adilabad Narnoor 1997-98 1998-99 Completed Functional 232 188 420").
        header = time_header([w[2] for w in words]) if i == 1 or len(words) > MAX_LABEL_WORDS else None
        if header is not None and 0 < header.end < len(words):
            label_words = words[header.end:]
        elif len(words) > MAX_LABEL_WORDS and words[-1][2].casefold() in _FIRST_ROW_LABELS:
            label_words = words[-1:]  # a total row right after the header: "... Houses Completed Total 2,13,48,133"
        elif len(words) > MAX_LABEL_WORDS and serial is None and (place := _place_label(words)):
            label_words = place
        if len(label_words) > MAX_LABEL_WORDS or not any(_LETTER.search(w[2]) for w in label_words):
            serial = nxt
            continue
        label = " ".join(w[2] for w in label_words).strip(" :")
        if len(cells) >= MIN_CELLS:
            if not (serial and serial[1] <= label_words[0][0]) and label_words is words and i >= 2:
                before = runs[i - 2][1]  # the first row's serial, alone between the header and its label
                serial = before[-1] if len(before) == 1 and _SERIAL.match(before[-1][2]) else None
            first = serial[0] if serial and serial[1] <= label_words[0][0] else label_words[0][0]
            rows.append((Row(label, tuple((a, b) for a, b, tok in cells if tok not in "-–—"), len(cells),
                             {a: j for j, (a, b, tok) in enumerate(cells)}, serial[0] if serial else None), first, i))
        serial = nxt
    return rows


def _place_label(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """The words of a known place that ends a run of words too long for a row's label: the first
    row's label right after the header, "District No. of VDVKs sanctioned No. of beneficiaries
    benefitted Udaipur 110 33,189" (index.names.place_ending); None where no known place ends it. Not
    for a run led by a row's serial: that is a long label whole ("29 Dadra and Nagar Haveli and Daman and Diu")."""
    joined = " ".join(w[2] for w in words)
    place = place_ending(joined)
    return words[len(joined[:place].split()):] if place is not None else None


def _header_folded(row: Row, words: list[tuple[int, int, str]], start: int, width: int) -> tuple[Row, int] | None:
    """A table's first row whose label holds the header too, a word a column, for no serial parts them:
    "District e-2W e-3Ws Total Agar Malwa 64 64" is the header "District e-2W e-3Ws Total" (the rows'
    heading, then three columns) and Agar Malwa's row. Its row without the header, and where its label
    begins; None where the label does not open with the rows' heading ("District", "State") followed
    by more words than the table has columns."""
    label = [w for w in words if w[0] >= start]
    if (row.serial is not None or len(label) <= width + 1
            or label[0][2].casefold().rstrip(":") not in _ROW_HEADS - {"name", "of"}
            or not all(_LETTER.search(w[2]) for w in label[1:width + 1])):
        return None
    rest = label[width + 1:]
    return dataclasses.replace(row, label=" ".join(w[2] for w in rest).strip(" :")), rest[0][0]


def _value(text: str) -> Decimal | None:
    """A cell's number ("1,162", "9,677.98"), None for another ("-", "49.88%")."""
    try:
        return Decimal(_ascii_digits(text).replace(",", "").rstrip("*"))
    except ArithmeticError:
        return None


def _sums(total: list[Decimal | None], parts: list[list[Decimal | None]]) -> bool:
    """Whether each of `total` is the sum of the `parts` in its place (up to a rounding of each)."""
    for k, t in enumerate(total):
        values = [p[k] for p in parts if p[k] is not None]
        if t is None or not values or abs(sum(values) - t) > Decimal("0.01") * len(values):
            return False
    return True


def _last_is_sum(values: list[Decimal | None]) -> bool:
    return _sums(values[-1:], [[v] for v in values[:-1]])


def _row_values(row: Row, text: str, width: int) -> list[Decimal | None]:
    """A row's numbers by column (None for an empty cell)."""
    values: list[Decimal | None] = [None] * width
    for a, b in row.cells:
        if (j := row.cell_columns[a]) is not None and j < width:
            values[j] = _value(text[a:b])
    return values


def _split_totals(row: Row, rows: list[Row], text: str) -> tuple[Row, Row | None]:
    """The last row of a table that holds twice its cells, the table's totals after its own with no
    label between ("14 West Bengal 1 - 1 - 1 - 70 9,677.98 73 11,442.66 79 11,101.81", 2299340): the
    row's own cells, and the totals as a row "Total" where each is the sum of its column above; else
    None, the totals no row's (they were West Bengal's, by position)."""
    width = row.width // 2
    own = dataclasses.replace(row, cells=tuple(c for c in row.cells if row.cell_columns[c[0]] < width), width=width)
    rest = [c for c in row.cells if row.cell_columns[c[0]] >= width]
    total = Row("Total", tuple(rest), width, {a: j - width for a, j in row.cell_columns.items() if j >= width})
    full = [_row_values(r, text, width) for r in [*rows, own] if r.width == width]
    return own, total if rest and _sums(_row_values(total, text, width), full) else None


def _total_column(table: InlineTable, text: str) -> InlineTable:
    """A table whose last column is headed Total and whose full rows' last cell is the sum of their
    others, with its rows of a cell left out ("Agar Malwa 64 64" under "District e-2W e-3Ws Total",
    2298053) read by that sum: a last cell that is the sum of the row's others is its Total; which
    column the others are in is not known, so they have none. Before, the cells took the columns in
    order, and Agar Malwa's total 64 was its e-3Ws."""
    columns = table.columns()
    width = max(r.width for r in table.rows)
    if not columns or columns[-1].split()[-1].casefold() not in _TOTAL_HEADS:
        return table
    full = [_row_values(r, text, width) for r in table.rows if r.width == width and len(r.cells) == width]
    if len(full) < 2 or not all(_last_is_sum(v) for v in full if None not in v):
        return table
    rows = []
    for row in table.rows:
        values = [_value(text[a:b]) for a, b in row.cells]
        if (row.width < width and len(values) >= 2 and row.cells[-1][0] == max(row.cell_columns)
                and None not in values and _last_is_sum(values)):
            row = dataclasses.replace(row, cell_columns={a: width - 1 if a == row.cells[-1][0] else None
                                                         for a in row.cell_columns})
        rows.append(row)
    return dataclasses.replace(table, rows=tuple(rows))


def _header_text(text: str, start: int) -> str:
    """What stands before a table's first row, back to the end of the sentence or line before it."""
    before = text[max(0, start - 400):start]
    ends = list(_SENTENCE_END.finditer(before))
    return before[ends[-1].end():] if ends else before


def inline_tables(text: str) -> list[InlineTable]:
    """The tables of `text` whose rows stand on one line (see the module's docstring)."""
    tables: list[InlineTable] = []
    listed: frozenset[str] | None = None
    at = 0
    for line in text.split("\n"):
        if len(line) > 40:
            runs = _runs(line, at)
            found = _rows(runs)
            group: list[tuple[Row, int, int]] = []
            first: InlineTable | None = None  # the line's first table, whose header heads its later parts

            def close() -> None:
                nonlocal listed, first
                if len(group) >= MIN_ROWS and any(r.cells for r, _, _ in group):
                    if listed is None:
                        listed = listed_names(text)
                    rows = tuple(r for r, _, _ in group)
                    start = group[0][1]
                    if unfolded := _header_folded(rows[0], runs[group[0][2] - 1][1], start, max(r.width for r in rows)):
                        rows, start = (unfolded[0], *rows[1:]), unfolded[1]
                    table = InlineTable(_header_text(text, start), rows, listed)
                    # rows of fewer cells ("17 Ladakh 0.43 0.45 0.30") part a table: the rest is still its
                    if (first is not None and table.columns() is None
                            and max(r.width for r in rows) == max(r.width for r in first.rows)):
                        table = dataclasses.replace(table, header_text=first.header_text)
                    tables.append(_total_column(table, text))
                    first = first or table

            for row in found:
                same = (group and row[2] == group[-1][2] + 2
                        and abs(row[0].width - group[0][0].width) <= 1)  # a cell left out
                if (group and row[2] == group[-1][2] + 2 == len(runs) - 1 and row[0].width == 2 * group[0][0].width
                        and all(r.width == group[0][0].width for r, _, _ in group)):  # the line's last row, and its totals
                    own, total = _split_totals(row[0], [r for r, _, _ in group], text)
                    group.append((own, *row[1:]))
                    if total is not None:
                        group.append((total, *row[1:]))
                    continue
                if not same:
                    close()
                    group = []
                group.append(row)
            close()
        at += len(line) + 1
    return tables


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

    def __bool__(self) -> bool:
        return bool(self.labels)


def inline_labels(text: str) -> InlineCells:
    """The cells of the one-line tables in `text` (see `InlineCells`)."""
    labels: dict[int, str] = {}
    counts: set[int] = set()
    long_counts: dict[int, int] = {}
    serials: set[int] = set()
    for table in inline_tables(text):
        labels.update(table.labels())
        counts.update(table.counts_like_years(text))
        long_counts.update((a, b) for row in table.rows for a, b in row.cells if _LONG_COUNT.match(text[a:b]))
        serials.update(row.serial for row in table.rows if row.serial is not None)
    return InlineCells(labels, frozenset(counts), long_counts, frozenset(serials))


def table_numbers(figures: list[Figure], text: str, cells: InlineCells, offset: int) -> list[Figure]:
    """`figures` of the passage `text` (at `offset` in the text `cells` were found in), as its one-line
    tables' numbers are: with the cells of seven digits or more that the number reader left out as ids,
    and without the rows' serials, which number the rows as a list's numbers do its items."""
    if not cells.long_counts and not cells.serials:
        return figures
    figures = [f for f in figures if not (f.start + offset in cells.serials and f.kind == "count" and f.unit is None)]
    taken = {f.start for f in figures}
    added = [Figure(text[a - offset:b - offset], a - offset, b - offset, Decimal(_ascii_digits(text[a - offset:b - offset])),
                    None, "count")
             for a, b in cells.long_counts.items() if offset <= a and b <= offset + len(text) and a - offset not in taken]
    return sorted(figures + added, key=lambda f: f.start) if added else figures



# what a row's or column's heading ends with in brackets: "Stunted (%)", "Share in GVA (in %)", "Cost (Rs. Crore)"
_HEADING_UNIT = re.compile(r"\(([^()]{1,30})\)\s*$")


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
            return dataclasses.replace(figure, unit="%", kind="percent")
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
        out.append(heading_unit(dataclasses.replace(f, label=label))
                   if label and f.kind in ("money", "percent", "quantity", "count") else f)
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
