"""A header's run of times, a column each ("State/UT 2023-24 2024-25 2025-26 Total", "Weight Mar-26
(F) Apr-26 (F)"), maybe each over the same few columns ("2023-24 2024-25 Import Export Import
Export"). Times are read apart from other header words because a time heads exactly one column (or one
group of columns) however its words are spaced, and because the first row's label may follow the last
time on its line with no serial between."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.figures.oneline.columns import capitalised_columns
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
                size, sub = group
                columns = [f"{t} {w}" for t in times for w in sub]
                i += size * len(times)
            while i < len(words) and words[i].casefold() in TOTAL_HEADS:
                columns.append(words[i])
                i += 1
            found = TimeHeader(start, i, tuple(columns))
    return found


def _repeated_group(words: list[str], times: int, each: int | None = None) -> tuple[int, list[str]] | None:
    """The words each time heads, when the words after the times are the same group over again for
    each ("Import Export Import Export Import Export" under three years; "*" aside, "Exports*" the
    year so far): how many words a group, and its columns. A group's columns are a word each, or,
    where its words say where columns part (`_group_columns`), several words each: "No of EHTP
    Units Exports (In Rs. Crore)" is two columns. `each`: how many columns a group has, where the
    rows' cells tell."""
    for size in range(1, 2 * MAX_COLUMN_WORDS + 1):
        if size * times > len(words):
            break
        groups = [[w.casefold().replace("*", "") for w in words[k * size:(k + 1) * size]] for k in range(times)]
        if all(g == groups[0] for g in groups) and any(LETTER.search(w) for w in groups[0]):
            sub = words[:size]
            if columns := _group_columns(sub, each):
                return size, columns
            if size <= MAX_COLUMN_WORDS and all(LETTER.search(w) for w in sub) and each in (None, size):
                return size, sub
    return None


def _group_columns(words: list[str], each: int | None = None) -> list[str] | None:
    """The columns of a group of header words where its words say where they part: a unit in brackets
    ends its column and follows the column's one-word name ("Exports (In Rs. Crore)"), and "No of" /
    "Number of" begins a column of counts ("No. of beneficiaries" under each year is one column). None
    where they part no columns, or give one of more than `MAX_COLUMN_WORDS` words besides its brackets.
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


def names_a_time(words: list[str]) -> bool:
    """Whether a column's header holds a time ("2024-25", "FY 2023-24 Exports", "Jun-26", "July 2025"):
    a column of a time holds what its neighbours of other times do."""
    return any(_head_at(words, i) or YEAR_CELL.match(w.rstrip("*")) for i, w in enumerate(words))


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
