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
Oil, and Fertilizers ...". A header of two rows run into one line, groups' headings and then the
columns under each group ("... No. of Claims Rejected No. of Pending Claims Individual Community Total
Individual Community Total"), is read by its groups and the columns each spans, as its rows' sums tell.
A header that cannot be told apart gives no column; " |" ends a row's
label either way, and marks a cell's label.

A row is a run of words (its label, led by a serial "13" or "b" at most) followed by as many cells
(numbers, or "-" for an empty one) as the rows beside it; three rows or more with as many cells as the
first (one more or fewer: a cell left out) are a table; rows of fewer cells part it ("17 Ladakh 0.43
0.45 0.30"), and the rows after them are still under its header. A long line is cut into several
passages, so a row's label may end one passage and its numbers begin the next: the rows are found over
the whole release text.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from index.figures.figure import CELL_MARK
from index.figures.oneline.columns import (before_column_numbers, bracket_ended_columns, capitalised_columns,
                                           listed_columns, listed_names, participle_ended_columns, place_columns,
                                           repeated_word_columns, year_ended_columns)
from index.figures.oneline.rows import Row, candidate_rows, header_folded, line_runs, places_folded, shared_headers
from index.figures.oneline.times import time_columns
from index.figures.oneline.totals import row_values, split_totals, sums, total_column
from index.figures.oneline.words import (CLOSER, HEADER_DROP, JOINERS, LETTER, MAX_COLUMN_WORDS, MIN_ROWS, PERIOD_HEAD,
                                         ROW_HEADS, TOTAL_HEADS, YEAR_CELL, joined)


# where a header's text begins: after a sentence's stop, but not a header's own abbreviation ("Rural Urban Comb.")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})(?<!\b[A-Z][a-z]{3})\.\s|[:।;]\s|\n")
MAX_HEADER_WORDS = 30
_YEARISH = re.compile(r"^(?:19|20)[0-9]{2}(?:[-–/][0-9]{2,4})?$")
# a header word of no letter that still says what its column holds: "%", "(%)", "₹"; not a cell's
# number that stands in the header's text ("21.46%")
_SIGN = re.compile(r"^[^0-9\u0966-\u096f]*[%₹$€£][^0-9\u0966-\u096f]*$")
_OPENING_SIGNS = frozenset(("%", "₹"))


@dataclass(frozen=True)
class InlineTable:
    header_text: str  # what stands before its first row, back to the sentence or line before it
    rows: tuple[Row, ...]
    listed: frozenset[str] = frozenset()  # the names the release lists in its prose (`listed_names`)
    text: str = dataclasses.field(default="", repr=False, compare=False)  # the text its rows' offsets are in
    # where its own caption stands in `text` (`_caption`): kept apart from `header_text`, which a table
    # parted by rows of fewer cells takes from the line's first table
    caption: tuple[int, int] | None = None

    @property
    def header(self) -> str:
        """The header's last words but its numbers, other than years heading columns ("" if none)."""
        return " ".join(self._header_words()[-MAX_HEADER_WORDS:])

    def _header_words(self, words: list[str] | None = None) -> list[str]:
        """The header's words (or `words` of it) but its numbers, other than years heading columns, each
        word joined by "&" or "/" to the next one (`joined`)."""
        words = self.header_text.split() if words is None else words
        return joined([w for i, w in enumerate(words)  # "No of EHTP Units" heads a column; "Sl. No." the serials
                       if not _serial_heading(words, i)
                       and (LETTER.search(w) or PERIOD_HEAD.match(w) or _SIGN.search(w) or w in JOINERS
                            or CLOSER.match(w))])

    def _words_after_serial_heading(self) -> list[str] | None:
        """The header's words after its serials' heading ("S. No.") and the rows' ("Name of State"): what
        stands before them is the table's caption ("Tourist Footfall in North-Eastern Region (NER) in 2025
        S. No. Name of State Domestic Tourist Visits (DTVs) Foreign Tourist Visits (FTVs)"). None without
        such a heading."""
        words = self.header_text.split()
        heads = [i for i in range(len(words)) if _serial_heading(words, i)]
        if not heads:
            return None
        words = words[heads[-1] + 1:]
        while words and words[0].casefold().rstrip(":") in ROW_HEADS:
            words = words[1:]
        return [w for w in self._header_words(words) if not PERIOD_HEAD.match(w)]

    def columns(self) -> list[str] | None:
        """Each column's header, where the header has one word a column (after the rows' own, "State"):
        "State 2023-24 2024-25", "Crop Cases Recovered Deaths"; or where one word begins or ends each
        column's words (`repeated_word_columns`); or where the names the release lists split it
        (`listed_columns`)."""
        header_words = before_column_numbers(self._header_words())
        words = header_words[-MAX_HEADER_WORDS:]
        width = max(row.width for row in self.rows)
        # a run of times tells where it begins, however many words it takes: five years each over two
        # columns ("F.Y. 2021-22 ... Fund Released Number of Beneficiaries ...") run past the last words;
        # as many as most rows' cells, first: one row that took the next row's serial ("Punjab 88650.97
        # ... 73371.18 29 Rajasthan") would shift every year one column
        if times := time_columns(header_words, self.usual_width) or time_columns(header_words, width):
            return times
        if ended := year_ended_columns(self.header_text.split(), width):
            return ended
        words = [w for w in words if not PERIOD_HEAD.match(w)]
        if found := _columns(words, width, self.listed) or self._grouped_columns(words, width):
            return found
        # after a caption, only brackets that end each column ("Domestic Tourist Visits (DTVs) Foreign Tourist
        # Visits (FTVs)"): a word repeated in each, or a capital opening each, is as likely the caption's
        after = self._words_after_serial_heading()
        return bracket_ended_columns(after, width) if after and after != words else None

    @property
    def usual_width(self) -> int:
        """How many cells its rows have: the most common count, of equals the larger."""
        counts = Counter(row.width for row in self.rows)
        return max(counts, key=lambda w: (counts[w], w))

    def _grouped_columns(self, words: list[str], width: int) -> list[str] | None:
        """The columns of a header of two rows run into one line: headings of groups, then the columns
        each group of them spans, the same words over again for each ("No. of Claims received upto
        30.06.2026 No. of Titles Distributed upto 30.06.2026 No. of Claims Rejected No. of Pending Claims
        Individual Community Total Individual Community Total" is eight columns, the first two groups'
        three each). The groups' headings are read as any header's (`_columns`); where some groups span
        no columns, which do is told by the rows' sums, a total the last of each spanning group's
        columns (`_spans_sum`): the line does not say. A column is named by its group's heading and its own
        word ("No. of Claims received upto Individual")."""
        for size in range(2, MAX_COLUMN_WORDS + 1):
            sub, k = words[len(words) - size:], 1
            while (k + 1) * size <= len(words) and words[len(words) - (k + 1) * size:len(words) - k * size] == sub:
                k += 1
            groups_width = width - k * (size - 1)
            if (k < 2 or len(words) <= k * size or len(set(sub)) < size or not all(LETTER.search(w) for w in sub)
                    or groups_width < k):
                continue
            heads = words[:len(words) - k * size]
            # each group spanning columns: the word a group right before them where the rows' headings come
            # first ("Division code Division name Index Inflation Rural Urban Comb. Rural Urban Comb.")
            groups = _columns(heads, groups_width, self.listed) or (
                heads[-k:] if groups_width == k and len(heads) > k and all(w[:1].isupper() for w in heads[-k:]) else None)
            if not groups:
                continue
            found = [spanning for spanning in combinations(range(groups_width), k)
                     if groups_width == k or self._spans_sum(spanning, groups_width, size, sub)]
            if len(found) == 1:
                return [f"{group} {w}" if j in found[0] else group
                        for j, group in enumerate(groups) for w in (sub if j in found[0] else [""])]
        return None

    def _spans_sum(self, spanning: tuple[int, ...], groups: int, size: int, sub: list[str]) -> bool:
        """Whether in every full row each group of `spanning` (of `groups`) takes `size` cells, the last
        headed Total (`sub`'s) and the sum of the others."""
        width = groups + len(spanning) * (size - 1)
        if sub[-1].casefold() not in TOTAL_HEADS:
            return False
        full = [row_values(r, self.text, width) for r in self.rows if r.width == width and len(r.cells) == width]
        if len(full) < 2:
            return False
        starts = [j + (size - 1) * sum(g < j for g in spanning) for j in spanning]
        return all(sums([v[a + size - 1] for v in full], [[v[a + i] for v in full] for i in range(size - 1)])
                   for a in starts)

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
                if row.cell_columns[a] not in years and YEAR_CELL.match(text[a:b])}

    def labels(self) -> dict[int, str]:
        """Each cell's start → its row's label, then its column's header where the header says which
        word heads which column. Not the whole header otherwise: it would give every cell of the table
        the same words, and a table's cells would outbid the one figure of prose that is asked for."""
        columns = self.columns()
        return {start: f"{label}{CELL_MARK} {columns[j] if columns and (j := row.cell_columns[start]) is not None and j < len(columns) else ''}"
                .rstrip() for row, label in zip(self.rows, grouped_labels([row.label for row in self.rows]))
                for start, _ in row.cells}


def grouped_labels(labels: list[str]) -> list[str]:
    """Row labels with the group a repeated one is under: "Merchandise Exports 44.24 36.98 Imports 76.22
    64.86 Services* Exports 35.89 33.74 Imports 18.94 17.30" has two rows "Imports", each the group's whose
    row stands before it; the row before each names its group and then one word that every such row
    ends with ("Exports"). So the second is "Services* Imports". A label that stands once, or rows before
    it that end alike in no word ("Stunted (%)", "Wasted (%)"), or name no group, keep their label."""
    out = list(labels)
    for label in [label for label, n in Counter(labels).items() if n > 1]:
        at = [k for k, other in enumerate(labels) if other == label]
        before = [labels[k - 1].split() if k else [] for k in at]
        shared = before[0][-1] if before[0] else ""
        if not shared[:1].isalpha() or shared == label or any(len(words) < 2 or words[-1] != shared for words in before) \
                or len({tuple(words[:-1]) for words in before}) < len(before):
            continue
        for k, words in zip(at, before):
            out[k] = f"{' '.join(words[:-1])} {label}"
    return out


def _serial_heading(words: list[str], i: int) -> bool:
    """Whether `words[i]` heads a table's serial numbers ("S.", "No." of "S. No.", "क्र. सं."), not a
    column's count ("No. of EHTP Units")."""
    return bool(HEADER_DROP.match(words[i])) and words[i + 1:i + 2] != ["of"]


def _columns(words: list[str], width: int, listed: frozenset[str]) -> list[str] | None:
    """`width` column headers out of a header's words that hold no times: a word a column, or as
    `repeated_word_columns`, `listed_columns`, `_sign_opened_columns`, `bracket_ended_columns`,
    `capitalised_columns` or `place_columns` split them."""
    if len(words) in (width, width + 1):
        return words[len(words) - width:]
    return (repeated_word_columns(words, width) or listed_columns(words, width, listed)
            or _sign_opened_columns(words, width, listed) or bracket_ended_columns(words, width)
            or capitalised_columns(words, width, rows_heading=True) or participle_ended_columns(words, width)
            or place_columns(words, width))


def _sign_opened_columns(words: list[str], width: int, listed: frozenset[str]) -> list[str] | None:
    """The columns of a header whose last column opens with a sign alone: "Block Total Population ST
    Population % ST of Total" is "% ST of Total" after two columns that end alike. A sign says where a
    column begins, as no word of it need repeat; the words before it are read as any header's."""
    at = max((i for i, w in enumerate(words) if w in _OPENING_SIGNS), default=None)
    if at is None or width < 2 or not 2 <= len(words) - at <= MAX_COLUMN_WORDS:
        return None
    before = _columns(words[:at], width - 1, listed)
    return [*before, " ".join(words[at:])] if before else None


def _folded(row: Row, words: list[tuple[int, int, str]], start: int, width: int, text: str) -> tuple[Row, int] | None:
    """A first row whose label holds the table's header (`header_folded`), or a header of places where
    nothing stands before it on its line (`places_folded`): its row without the header, and where its
    label begins."""
    return header_folded(row, words, start, width) or (
        None if _header_text(text, start).strip() else places_folded(row, words, start, width))


def _header_text(text: str, start: int) -> str:
    """What stands before a table's first row, back to the end of the sentence or line before it."""
    before = text[max(0, start - 400):start]
    ends = list(_SENTENCE_END.finditer(before))
    return before[ends[-1].end():] if ends else before


def _caption(text: str, start: int, header: str, after: int) -> tuple[int, int] | None:
    """Where the caption of a table whose first row is at `start` stands in `text`: its header's words
    before its serials' heading ("Tourist Footfall in NER for January-June, 2026" before "S. No. Name of
    State DTVs FTVs"), after `after`, the end of a table before it. None without a serials' heading:
    there a caption's words and its columns' run on alike."""
    begin = max(start - len(header), after)
    found = list(re.finditer(r"\S+", text[begin:start]))
    words = [m.group() for m in found]
    head = next((i for i in range(len(words)) if _serial_heading(words, i)), None)
    if head is None:
        return None
    end = begin + found[head].start()
    return (begin, end) if text[begin:end].strip() else None


def inline_tables(text: str) -> list[InlineTable]:
    """The tables of `text` whose rows stand on one line (see the module's docstring)."""
    tables: list[InlineTable] = []
    listed: frozenset[str] | None = None
    at = 0
    lines = text.split("\n")
    runs_of = []
    for line in lines:
        runs_of.append(line_runs(line, at) if len(line) > 40 else None)
        at += len(line) + 1
    shared = shared_headers([[w[2] for w in runs[0][1]] if runs and len(runs) > 1 and runs[0][0] == "w" else []
                             for runs in runs_of])
    for runs, opening in zip(runs_of, shared):
        if runs is not None:
            found = candidate_rows(runs, opening)
            group: list[tuple[Row, int, int]] = []
            first: InlineTable | None = None  # the line's first table, whose header heads its later parts

            def close() -> None:
                nonlocal listed, first
                # a row without a label is a table alone, under a header of times (`candidate_rows`)
                if (len(group) >= MIN_ROWS or len(group) == 1 and not group[0][0].label) and any(r.cells for r, _, _ in group):
                    if listed is None:
                        listed = listed_names(text)
                    rows = tuple(r for r, _, _ in group)
                    start = group[0][1]
                    if unfolded := _folded(rows[0], runs[group[0][2] - 1][1], start, max(r.width for r in rows), text):
                        rows, start = (unfolded[0], *rows[1:]), unfolded[1]
                    header = _header_text(text, start)
                    after = tables[-1].rows[-1].cells[-1][1] if tables and tables[-1].rows[-1].cells else 0
                    table = InlineTable(header, rows, listed, text, _caption(text, start, header, after))
                    if not rows[0].label and table.columns() is None:
                        return  # a row without a label is a table only under the columns it is read by
                    # rows of fewer cells ("17 Ladakh 0.43 0.45 0.30") part a table: the rest is still its
                    if (first is not None and table.columns() is None
                            and max(r.width for r in rows) == max(r.width for r in first.rows)):
                        table = dataclasses.replace(table, header_text=first.header_text)
                    tables.append(dataclasses.replace(table, rows=total_column(table.rows, table.columns(), text)))
                    first = first or table

            for row in found:
                same = (group and row[2] == group[-1][2] + 2
                        and abs(row[0].width - group[0][0].width) <= 1)  # a cell left out
                if (group and row[2] == group[-1][2] + 2 == len(runs) - 1 and row[0].width == 2 * group[0][0].width
                        and all(r.width == group[0][0].width for r, _, _ in group)):  # the line's last row, and its totals
                    own, total = split_totals(row[0], [r for r, _, _ in group], text)
                    group.append((own, *row[1:]))
                    if total is not None:
                        group.append((total, *row[1:]))
                    continue
                if not same:
                    close()
                    group = []
                group.append(row)
            close()
    return tables
