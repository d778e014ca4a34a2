"""A header's run of times, a column each ("State/UT 2023-24 2024-25 2025-26 Total", "Weight Mar-26
(F) Apr-26 (F)"), maybe each over the same few columns ("2023-24 2024-25 Import Export Import
Export"). Times are read apart from other header words because a time heads exactly one column (or one
group of columns) however its words are spaced, and because the first row's label may follow the last
time on its line with no serial between."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.figures.oneline.columns import capitalised_columns, opens_column
from index.figures.oneline.words import LETTER, MAX_COLUMN_WORDS, PERIOD_HEAD, TOTAL_HEADS, YEAR_CELL
from index.figures.patterns import FY_ABBR


# a column headed by a month: "Jun-26", "Apr-2026"; and what may qualify a time heading a column:
# "(P)" provisional, "(F)" final, "*"
_MONTH_HEAD = re.compile(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}[-'’](?:[0-9]{2}|20[0-9]{2})$")
# a financial year's abbreviation before a column's year: "FY", "F.Y", "F.Y.", "F. Y."
_FY_WORDS = re.compile(rf"(?i)^{FY_ABBR}$")
_QUALIFIER = re.compile(r"^(?:\([A-Za-z]{1,3}\)|\*+)$")


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
    if PERIOD_HEAD.match(time) or _MONTH_HEAD.match(time):
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


def time_header(words: list[str], width: int | None = None) -> TimeHeader | None:
    """The last run of two times or more in a header's `words` that head its columns (`TimeHeader`),
    each with what qualifies it ("(P)", "*", "(till July)"), and a "Total" right after them; None
    where there is none. `width`: how many cells the table's rows have, where known, of which each
    time heads as many (`_repeated_group`)."""
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
            if group := _repeated_group(words[i:], len(times), width // len(times) if width else None):
                taken, sub = group
                columns = [f"{t} {w}" for t in times for w in sub]
                i += taken
            while i < len(words) and words[i].casefold() in TOTAL_HEADS:
                columns.append(words[i])
                i += 1
            found = TimeHeader(start, i, tuple(columns))
    return found


def _repeated_group(words: list[str], times: int, each: int | None = None) -> tuple[int, list[str]] | None:
    """The words each time heads, when the words after the times are the same group over again for
    each ("Import Export Import Export Import Export" under three years; "*" aside, "Exports*" the
    year so far; however spaced, "Foodgrains distributed" under one year and "Food grains distributed"
    under the next, `_group_name`): how many words the groups take, and the first group's columns. A
    group's columns are a word each, or, where its words say where columns part (`_group_columns`),
    several words each: "No of EHTP Units Exports (In Rs. Crore)" is two columns. `each`: how many
    columns a group has, where the rows' cells tell."""
    for size in range(1, 2 * MAX_COLUMN_WORDS + 1):
        if size + times - 1 > len(words):
            break
        sub = words[:size]
        if not any(LETTER.search(w) for w in sub) or (taken := _groups_taken(words, size, times)) is None:
            continue
        if columns := _group_columns(sub, each):
            return taken, columns
        if size <= MAX_COLUMN_WORDS and all(LETTER.search(w) for w in sub) and each in (None, size):
            return taken, sub
    return None


def _groups_taken(words: list[str], size: int, times: int) -> int | None:
    """How many words `times` groups take where the first is words[:size] and each after it names the
    same columns (`_group_name`), in as many words as it is written in; None where they do not. A group
    opens with a word that names something, and a mark alone after it ("*") is its own."""
    name, at = _group_name(words[:size]), size
    for _ in range(times - 1):
        if not _group_name(words[at:at + 1]):
            return None
        n = next((n for n in range(1, len(words) - at + 1) if len(_group_name(words[at:at + n])) >= len(name)), None)
        if n is None or _group_name(words[at:at + n]) != name:
            return None
        at += n
        while at < len(words) and not _group_name(words[at:at + 1]):
            at += 1
    return at


def _group_name(words: list[str]) -> str:
    """A group of header words as it names its columns, whatever its spacing and case: a header repeats
    a group under each year as its cells were typed, "Children Foodgrains distributed" under one and
    "Children Food grains distributed" under the next ("*" aside, which marks a year's figures)."""
    return "".join(words).replace("*", "").casefold()


def _group_columns(words: list[str], each: int | None = None) -> list[str] | None:
    """The columns of a group of header words where its words say where they part: a unit in brackets
    ends its column and follows the column's name, which a capital opens ("Exports (In Rs. Crore)",
    "Foodgrains distributed (in MTs)"), and "No of" / "Number of" begins a column of counts ("No. of
    beneficiaries" under each year is one column). None where they part no columns, or give one of
    more than `MAX_COLUMN_WORDS` words besides its brackets.
    Where the rows' cells tell how many columns the group has (`each`) and these words part it into
    other than as many, its capitals may (`capitalised_columns`): "Number of Beneficiaries Fund
    released" is two columns, not one of counts."""
    found = _marked_columns(words)
    if each is None or found is not None and len(found) == each:
        return found
    return capitalised_columns(words, each)


def _marked_columns(words: list[str]) -> list[str] | None:
    """`_group_columns` by what its words say: brackets and "No of"."""
    starts = {0}
    for k, w in enumerate(words):
        if w.startswith("(") and k > 0 and not words[k - 1].endswith(")"):
            starts.add(_name_before(words, k))
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


def _name_before(words: list[str], k: int) -> int:
    """Where the name of the column whose unit opens at words[k] begins: at the capital that opens it
    (`opens_column`), "Exports (In Rs. Crore)", "Foodgrains distributed (in MTs)", "Loan amount
    sanctioned (Rs. in lakh)"; at the word before the unit where no capital does within a column's
    words."""
    for j in range(k - 1, max(-1, k - 1 - MAX_COLUMN_WORDS), -1):
        if words[j].endswith(")"):
            break
        if opens_column(words, j):
            return j
    return k - 1


def _number_of(words: list[str], k: int) -> bool:
    """Whether words[k] begins "No of" / "No. of" / "Number of": a column of counts."""
    return words[k].casefold().rstrip(".") in ("no", "number") and words[k + 1:k + 2] == ["of"]


def untimed(words: list[str]) -> list[str]:
    """A column's header but its times and what qualifies them ("2024-25", "FY 2023-24", "Jun-26 (F)",
    "July 2025"): "2023-24 Children" → "Children", what the column holds of its time. A column of a
    time holds what its neighbours of other times do, by which words name it besides."""
    kept: list[str] = []
    i = 0
    while i < len(words):
        if head := _head_at(words, i):
            i += head[2]
            while i < len(words) and _QUALIFIER.match(words[i]):
                i += 1
        else:
            if not YEAR_CELL.match(words[i].rstrip("*")):
                kept.append(words[i])
            i += 1
    return kept


def time_columns(words: list[str], width: int) -> list[str] | None:
    """The columns of a header that ends with its times (`time_header`), when they are as many as the
    rows have cells, or one fewer and one word stands before them ("Weight Mar-26 (F) Apr-26 (F)")."""
    header = time_header(words, width)
    if header is None or header.end != len(words):
        return None
    if len(header.columns) == width:
        return list(header.columns)
    if len(header.columns) == width - 1 and header.start > 0 and LETTER.search(words[header.start - 1]):
        return [words[header.start - 1], *header.columns]
    return None
