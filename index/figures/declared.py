"""Table numbers in the unit their table declares once: "(₹ crore)", "(US$ Billion)", "Area: In lakh
hectare", "(करोड़ रुपये में)".

A PIB table states its unit in its caption or header and then gives bare numbers: "Maharashtra 14,092
15,735 12%" under "(₹ crore)" is ₹15,735 crore, not 15,735 things. The declaration often stands in an
earlier passage than the rows (a long table is cut into several), so the extractor is given the
text before a passage as well. A declaration holds for the table it heads: up to the first line of
prose (many words, few numbers). A caption is prose, but one that ends with the unit ("State-wise
disbursement made by NCDC during the last 5 years (Rs in Crore)") declares it for the table below; a
line of only the unit right under a table that declared none is that table's ("(Rupees in crores)").

Many releases arrive with a table flattened onto one line, and often prose after it on the same line
("Area: In lakh hectare S. No. Crop ... Total 1104.46 1134.27 ... Rice : About 379.07 lakh ha ...").
There the line is no unit: the declaration holds from where it stands to where prose begins
(``table_runs``).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

from index.figures.figure import CELL_MARK, Figure
from index.figures.oneline.words import MAX_LABEL_WORDS
from index.figures.patterns import _COUNTED_ACRONYM_AFTER_RE, _SCALE_TABLE, _UNITS_EN, _UNITS_HI, TIME_UNITS, _nk
from index.lexical import STOPWORDS


def _words(table) -> list[tuple]:
    """(pattern, what it means...) → (the pattern as a whole word at the start, compiled, what it means...)."""
    return [(re.compile(rf"(?i)(?:{p})(?![\w\u0900-\u097f])\.?\s*"), *meaning) for p, *meaning in table]


_CURRENCIES = _words([(r"₹|rs\.?|inr|rupees?|" + "|".join(_nk(w) for w in ("रुपये", "रुपए", "रुपयों", "रु.", "रु")), "INR"),
                      (r"us\s?\$|\$|usd|us\s+dollars?|dollars?|" + _nk("डॉलर"), "USD"),
                      (r"€|eur|euros?", "EUR")])
_SCALE_WORDS = [(re.escape(w), m) for w, m, _dev in sorted(_SCALE_TABLE, key=lambda t: -len(t[0]))]
_SCALES = _words(_SCALE_WORDS)
_HAS_SCALE = re.compile(r"(?i)(?<![\w\u0900-\u097f])(?:" + "|".join(p for p, _ in _SCALE_WORDS) + r")(?![\w\u0900-\u097f])")
_UNITS = _words([(p, u, m) for p, u, m in _UNITS_EN + [(_nk(p), u, m) for p, u, m in _UNITS_HI]
                 if u not in TIME_UNITS])
# Words a declaration may hold beside its currency, scale and unit.
_FILLER = re.compile(r"(?i)^(?:in|all|figures?|amounts?|values?|area|quantity|are|of|" + "|".join(
    _nk(w) for w in ("में", "सभी", "आंकड़े", "राशि", "क्षेत्र", "मात्रा")) + r")$")
_PAREN = re.compile(r"\(([^()\d\n]{1,40})\)")
# one capital in brackets, as a section or row is lettered: "(M). Manufacture of ...", "(B) Non-Food Articles"
_SECTION_LETTER = re.compile(r"\([A-Z]\)")
_AFTER_LETTER = ".:-–"
_LINE = re.compile(r"^(?:[^:\n\d]{0,30}:\s*)?([^:\n\d]{1,40})$")
_WORD = re.compile(r"[^\s():,]+(?:\s+[^\s():,]+)*")
# Inside a line: where a declaration may open a flattened table (the line's start, after a sentence or
# a caption's colon), how many words it may take, and what counts as prose after it.
_OPENING = re.compile(r"(?:^|(?<=[.:;।])\s+)(?:[^:\n\d.;।]{0,30}:\s*)?")
_MAX_DECLARED_WORDS = 6
_PROSE_WINDOW, _PROSE_NUMBERS = 12, 1
_MIN_TABLE_NUMBERS, _MAX_HEADER_WORDS, _HEADER_CHARS = 6, 30, 300


@dataclasses.dataclass(frozen=True)
class Declared:
    """A table's unit: currency (or None), canonical unit (or None) and the multiplier of its numbers."""

    currency: str | None
    unit: str | None
    scale: Decimal


def _letters_a_row(text: str, pm: re.Match) -> bool:
    """Whether brackets in `text` letter the section or row they open rather than declare a unit: one
    capital with a full stop, colon or dash after it ("(M). Manufacture of ...", "(P)-Provisional"), or
    before a row's words with only a number or the line's start before it ("102.2 (N) Manufacture of
    Basic Metals"). A wholesale price table letters its groups so, and "(M)" is not metres there; a
    unit follows its column's name ("Height (M)") or stands alone ("Storm surge\n(m)")."""
    if not _SECTION_LETTER.fullmatch(pm.group(0)):
        return False
    after = text[pm.end():pm.end() + 2]
    if after[:1] and after[0] in _AFTER_LETTER:
        return True
    before = text[:pm.start()].rsplit("\n", 1)[-1].split()
    opens_row = not before or any(c.isdigit() for c in before[-1])
    return opens_row and after[:1] == " " and after[1:].isupper()


def _bracketed(text: str, pos: int = 0, endpos: int | None = None):
    """The words in brackets in `text[pos:endpos]` that may declare a unit (`_PAREN`), those that letter
    a row (`_letters_a_row`) left out."""
    matches = _PAREN.finditer(text, pos, len(text) if endpos is None else endpos)
    return (pm for pm in matches if not _letters_a_row(text, pm))


def _take(rest: str, patterns) -> tuple[str, object] | None:
    for pattern, value, *more in patterns:
        if m := pattern.match(rest):
            return rest[m.end():], (value, *more)
    return None


@lru_cache(maxsize=8192)  # a table's header words come back on every line and in every passage
def parse_declaration(words: str) -> Declared | None:
    """"₹ crore", "US$ Billion", "In lakh hectare", "करोड़ रुपये में" → what it declares; None when the
    words are not only a currency, a scale, a unit and filler, or declare nothing."""
    rest = words.strip()
    currency, unit, scale = None, None, Decimal(1)
    while rest:
        if (got := _take(rest, _CURRENCIES)) and currency is None:
            rest, (currency,) = got
        elif got := _take(rest, _SCALES):
            rest, (multiplier,) = got
            scale *= multiplier
        elif (got := _take(rest, _UNITS)) and unit is None:
            rest, (unit, multiplier) = got
            scale *= multiplier
        elif (m := re.match(r"[^\s]+\s*", rest)) and _FILLER.match(m.group(0).strip()):
            rest = rest[m.end():]
        else:
            return None
    if currency is None and unit is None and scale == 1:
        return None
    return Declared(currency, unit, scale)


def _is_prose(line: str) -> bool:
    words = line.split()
    numbers = sum(any(c.isdigit() for c in w) for w in words)
    return len(words) >= 8 and numbers < 0.25 * len(words)


def _declared_prefix(line: str, at: int) -> tuple[int, Declared] | None:
    """The longest run of words from `at` that is a declaration ("In lakh hectare" of "In lakh hectare
    S. No. Crop ..."): where it ends and what it declares."""
    words = list(re.finditer(r"\S+", line[at:at + 200]))[:_MAX_DECLARED_WORDS]
    for n in range(len(words), 0, -1):
        if d := parse_declaration(line[at:at + words[n - 1].end()]):
            return at + words[n - 1].end(), d
    return None


# a heading's words in brackets that say its numbers are percentages: "(%)", "(in %)", "(प्रतिशत)"
PERCENT_WORDS = re.compile(r"(?i)^(?:in\s+)?(?:%|per\s*cent|percent(?:age)?|प्रतिशत)$")
# a heading's words in brackets that say its numbers count things: "(No.)", "(Nos)", "(Number)"
_COUNT_WORDS = re.compile(r"(?i)^(?:in\s+)?(?:no|nos|numbers?)\.?$")
_COUNTED_COLUMN = re.compile(r"(?i)(?<![\w\u0900-\u097f])(?:no\.?\s+of|number\s+of|nos\.)(?![\w\u0900-\u097f])|संख्या")


_SHARE_COLUMN = re.compile(r"(?i)%|(?<![\w\u0900-\u097f])(?:per\s*cent|percent(?:age)?|प्रतिशत)(?![\w\u0900-\u097f])")


def _unmeasured_cell(label: str | None) -> bool:
    """Whether a table cell's row or column says it counts things or gives a share ("Kerala | F.Y.
    2021-22 Number of Beneficiaries", "Mavli | % ST of Total"): a caption's "Amounts In Lakhs" or
    "(Rs in crore)" measures the table's amounts, and 58 beneficiaries are not 58 lakh. Only a cell
    whose row and column are known (`CELL_MARK`) is told apart so; prose's labels are the words
    after a number, often the next cell's."""
    return bool(label) and CELL_MARK in label and any(
        _COUNTED_COLUMN.search(part) or _SHARE_COLUMN.search(part)
        or any(_COUNT_WORDS.match(pm.group(1).strip()) for pm in _bracketed(part))
        for part in label.split(CELL_MARK, 1))


def _mixed_header(header: str, declared: Declared) -> bool:
    """A header that also names a counted column ("No. of GPDP uploaded ... (in Cr.)") or another unit
    ("Capacity (MW) ... Cost (Rs. Crore)", "Kgs. Nos. Ltrs.") declares its unit for some columns only."""
    if _COUNTED_COLUMN.search(header):
        return True
    bracketed = [pm.group(1) for pm in _bracketed(header)]
    if any(PERCENT_WORDS.match(w.strip()) or _COUNT_WORDS.match(w.strip()) for w in bracketed):
        return True  # "Length (km) Share (%)", "Roads sanction (in KM) ... Sanctioned (No.)"
    return _other_unit(header, declared)


def _other_unit(header: str, declared: Declared) -> bool:
    """Whether a header declares a unit besides `declared`: "Capacity (MW) ... Cost (Rs. Crore)"."""
    words = [pm.group(1) for pm in _bracketed(header)] + header.split()
    return any((d := parse_declaration(w)) is not None and (d.currency or d.unit) and (
        (d.currency, d.unit) != (declared.currency, declared.unit)) for w in words)


def opening_caption(header: str) -> Declared | None:
    """The unit a one-line table's header opens with, a caption run into it ("Amounts In lakhs FY
    2020-21 ... Number of Beneficiaries Fund released ..."); None where the header opens otherwise or
    declares another unit too. A line's reading (`table_runs`) misses it where the header's words run
    on as prose does; the table's reader knows them for its header, and its cells' columns, so that a
    column of counts keeps its numbers (`in_spans`)."""
    at = len(header) - len(header.lstrip())
    if (got := _declared_prefix(header, at)) is None or _other_unit(header[got[0]:], got[1]):
        return None
    return got[1]


def _header(line: str, start: int, end: int, since: int = 0) -> str:
    """The words about a declaration at line[start:end]: back to the number before it (not before
    `since`), on to the number after it. Rows before it ("Total No of STP Units 2059 2042 Total
    Investment (In Rs. Crore) 10,709.92") are not its header."""
    before = line[max(since, start - _HEADER_CHARS):start]
    last = None
    for last in re.finditer(r"\S*\d\S*", before):
        pass
    digit = re.search(r"\d", line[end:end + _HEADER_CHARS])
    return (before[last.end():] if last else before) + line[start:end + (digit.start() if digit else _HEADER_CHARS)]


@dataclasses.dataclass(frozen=True)
class _LineWords:
    """A line's words, with where its numbers and its stretches of prose stand."""

    starts: list[int]
    numbers: list[int]  # numbers[i]: how many of the first i words hold a digit
    next_prose: list[int]  # the first word at or after i that opens a stretch of prose
    next_number: list[int]  # the first word with a digit at or after i

    @classmethod
    def of(cls, line: str) -> "_LineWords":
        words = [(m.start(), any(c.isdigit() for c in m.group())) for m in re.finditer(r"\S+", line)]
        numbers = [0]
        for _, digit in words:
            numbers.append(numbers[-1] + digit)
        next_prose = [len(words)] * (len(words) + 1)
        next_number = [len(words)] * (len(words) + 1)
        for i in range(len(words) - 1, -1, -1):
            end = min(i + _PROSE_WINDOW, len(words))
            prose = end - i == _PROSE_WINDOW and numbers[end] - numbers[i] <= _PROSE_NUMBERS
            next_prose[i] = i if prose else next_prose[i + 1]
            next_number[i] = i if words[i][1] else next_number[i + 1]
        return cls([w[0] for w in words], numbers, next_prose, next_number)

    def prose_after_numbers(self) -> int | None:
        """Where prose begins after the line's first numbers (a flattened table's end), if it does."""
        stop = self.next_prose[self.next_number[0]]
        return None if stop == len(self.starts) else self.starts[stop]


def _caption_unit(line: str) -> Declared | None:
    """The unit a caption declares at its end for the table below it: "State-wise disbursement made
    by NCDC during the last 5 years (Rs in Crore)"."""
    last = None
    for last in _bracketed(line):
        pass
    if last is None or line[last.end():].strip(" .:-–") or not (d := parse_declaration(last.group(1))):
        return None
    return None if _mixed_header(line, d) else d


# a caption that names a rate of change alone: its table's bare numbers are per cent ("Table 2: YoY growth
# rate of ICI for last 13 months"); not one of indices and rates ("Index and growth rate of ...")
_RATE_CAPTION = re.compile(r"(?i)\b(?:growth|inflation)\s+rates?\b|\brates?\s+of\s+(?:growth|inflation)\b|"
                           r"(?:वृद्धि|मुद्रास्फीति|महंगाई)\s+दर")
_INDEX_AND = re.compile(r"(?i)\bind(?:ex|ices)\s+and\b|\band\s+(?:corresponding\s+)?(?:growth|inflation)\b|सूचकांक\s+(?:और|एवं)")
PER_CENT = Declared(None, "%", Decimal(1))


def _rate_caption(lines: list[str], n: int) -> Declared | None:
    """Per cent, for the table below a caption that names a rate of change alone, where the table's own
    header declares nothing (its "(%)" or "(Index)" column would say which of its columns are rates)."""
    line = lines[n]
    if not _RATE_CAPTION.search(line) or _INDEX_AND.search(line):
        return None
    below = next((other for other in lines[n + 1:] if other.strip()), "")
    if not _table_line(below) or any(True for _ in _bracketed(below[:_HEADER_CHARS])):
        return None
    return PER_CENT


def table_runs(line: str, lw: _LineWords | None = None) -> list[tuple[int, int | None, Declared]]:
    """The flattened tables of one line that declare their unit: (from, to, what), `to` where prose
    begins after the table's numbers (twelve words with at most one number), None when the table runs
    to the line's end. A declaration counts only when numbers follow it within a header's length,
    there are enough of them to be a table, and the header declares nothing else. `lw`: the line's
    words, where already read."""
    lw = lw or _LineWords.of(line)
    if lw.numbers[-1] < _MIN_TABLE_NUMBERS:
        return []
    starts, numbers, next_prose, next_number = lw.starts, lw.numbers, lw.next_prose, lw.next_number
    runs, after = [], 0
    for m in _OPENING.finditer(line):
        prefix = None if m.end() < after else _declared_prefix(line, m.end())
        candidates = [(m.end(), *prefix)] if prefix else []
        candidates += [(pm.start(), pm.end(), d) for pm in _bracketed(line, m.end(), m.end() + 200)
                       if pm.start() >= after and (d := parse_declaration(pm.group(1)))][:1]
        for start, end, d in candidates:
            first = bisect.bisect_left(starts, end)
            number = next_number[first]
            if number - first > _MAX_HEADER_WORDS or number == len(starts):
                continue
            if _mixed_header(_header(line, start, end, since=after), d):
                continue
            stop = next_prose[number]
            if numbers[stop] - numbers[number] < _MIN_TABLE_NUMBERS:
                continue
            runs.append((end, None if stop == len(starts) else starts[stop], d))
            after = len(line) if stop == len(starts) else starts[stop]
            break
    return runs


def _table_line(line: str) -> bool:
    return not _is_prose(line) and _LineWords.of(line).numbers[-1] >= _MIN_TABLE_NUMBERS


def _table_follows(lines: list[str], n: int) -> bool:
    """Whether the first line after `lines[n]` that holds anything is a table's: a unit between two
    tables is the caption of the one below."""
    return next((_table_line(line) for line in lines[n + 1:] if line.strip()), False)


def declarations(text: str) -> list[tuple[int, int, Declared]]:
    """Where each declared unit holds in `text`: (from, to, what), to the end of its table. A table
    that declares two different units (one per column) is left alone: which column a number is in is
    not known here. A line of only a unit right under a table that declared none is that table's
    ("... 7 Pune/Maharashtra 286.69 250.00 75.00\n(Rupees in crores)"), unless another table follows
    it, whose caption it is. A later table line under a header of its own is another table, which
    the unit does not head ("... (value in INR Crore) ... GRAND TOTAL 249250\nSource: DGCIS\nState
    Wise Total MSMEs Shut Down ... Total number of MSME units Employment 1 ANDAMAN ... 7 10")."""
    spans = []
    current: tuple[int, Declared | None] | None = None  # None as what: two units, not used
    read_its_table = False  # whether a line of the table `current` heads has been read
    undeclared: tuple[int, int] | None = None  # the line before, when it was a table without a unit

    def close(to: int) -> None:
        if current is not None and current[1] is not None:
            spans.append((current[0], to, current[1]))

    at = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        prose = _is_prose(line)
        words = _LineWords.of(line)
        found, alone = None, False
        m = _LINE.match(line.strip())
        if m and (d := parse_declaration(m.group(1))):
            found, alone = (at, d), True
        elif not prose:
            for pm in _bracketed(line):
                if d := parse_declaration(pm.group(1)):
                    if not _mixed_header(_header(line, pm.start(), pm.end()), d):
                        found, alone = (at + pm.end(), d), pm.group(0) == line.strip()
                    break
        elif d := _caption_unit(line) or _rate_caption(lines, n):
            found = (at + len(line), d)
        if found is not None and alone and undeclared is not None and current is None and not _table_follows(lines, n):
            spans.append((*undeclared, found[1]))
        undeclared = None
        if found is None and (runs := table_runs(line, words)):
            close(at + runs[0][0])
            current = None
            for a, b, d in runs:
                if b is None:
                    current, read_its_table = (at + a, d), True
                else:
                    spans.append((at + a, at + b, d))
            at += len(line) + 1
            continue
        table_line = words.numbers[-1] >= _MIN_TABLE_NUMBERS
        if found is not None:
            if current is None:
                current, read_its_table = found, table_line
            elif current[1] != found[1]:
                current = (current[0], None)
        elif prose:
            close(at)
            current = None
        elif table_line:
            # more words before its first number than a row's label takes: a header of its own
            if current is not None and read_its_table and words.next_number[0] > MAX_LABEL_WORDS:
                close(at)  # another table, under it
                current = None
            if current is None:
                prose_at = words.prose_after_numbers()
                undeclared = (at, at + (len(line) if prose_at is None else prose_at))
            read_its_table = True
        at += len(line) + 1
    close(len(text))
    return spans


# a plural noun right after a number: "17,557 students", "2,403 beneficiaries"; an acronym's plural, "37 VDVKs",
# is _COUNTED_ACRONYM_AFTER_RE
_PLURAL_AFTER = re.compile(r"[ \t\u00a0]{1,3}([a-z]{3,}s)\b")


def _counts_what_follows(text: str, f: Figure) -> bool:
    """Whether a table's number counts the things written right after it, as a cell may: "Pre-Matric
    Scholarship 3.62 17,557 students 0.6 19,178 students" under "FR (₹ crore) Ben." holds ₹3.62 crore
    and 17,557 students, whom the table's unit does not measure."""
    if _COUNTED_ACRONYM_AFTER_RE.match(text, f.end):
        return True
    m = _PLURAL_AFTER.match(text, f.end)
    return bool(m) and m.group(1) not in STOPWORDS


def in_spans(figures: list[Figure], spans: list[tuple[int, int, Declared]], offset: int,
             not_for: Mapping[int, frozenset[Declared]] | None = None, text: str = "") -> list[Figure]:
    """`figures` of a passage `text` that starts at `offset` in the text `spans` were found in
    (`declarations`), the bare numbers among them in the unit their table declares, but for the cells
    of a column of counts or shares (`_unmeasured_cell`): their labels must be read first; nor for a
    number of the things written after it (`_counts_what_follows`). `not_for`: a cell's start in that
    text → the units that do not hold for it, which its table declares for other columns."""
    if not spans:
        return figures
    out = []
    for f in figures:
        d = next((d for a, b, d in spans if a <= f.start + offset < b), None)
        if (d is None or f.kind != "count" or f.unit is not None or f.value is None or _unmeasured_cell(f.label)
                or not_for and d in not_for.get(f.start + offset, ()) or _counts_what_follows(text, f)):
            out.append(f)
            continue
        out.append(in_declared_unit(f, d))
    return out


def in_declared_unit(f: Figure, d: Declared) -> Figure:
    """A bare number (a count with a value and no unit) in the unit `d` declares, scaled unless it
    writes its own scale ("2.5 lakh" under "(Rs in crore)" is not multiplied again)."""
    value = f.value if _HAS_SCALE.search(f.text) else f.value * d.scale
    kind = "money" if d.currency else "percent" if d.unit == "%" else "quantity" if d.unit else "count"
    return dataclasses.replace(f, value=value, unit=d.currency or d.unit, kind=kind)
