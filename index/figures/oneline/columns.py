"""A one-line table's column headers out of a header that is not a run of times: its words run
together, so a column's words are told apart only by what repeats or is known: a year ending each
column, one word beginning or ending each, the names the release lists in its prose, or the places it
names, the country among them. A header none of these splits gives no columns, since a wrong split
labels every cell of the table wrongly."""
from __future__ import annotations

import re

from index.figures.oneline.words import (FUNCTION_WORDS, HEADER_DROP, LETTER, MAX_COLUMN_WORDS, PERIOD_HEAD, ROW_HEADS,
                                         YEAR_CELL)
from index.names import place_ending


_YEARISH_IN = re.compile(r"(?:19|20)[0-9]{2}")
# words that repeat in a header without heading its columns ("Haveli And Daman And Diu")
_FUNCTION_WORDS = FUNCTION_WORDS | {"total", "कुल"}
# a list's items: "Iron Ore, Cement, Electricity, Coal, Steel, and Refinery Products observed ..."
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_CLAUSE_END = re.compile(r"(?<=[a-z0-9)]{2})[.!?;:]\s|\n|\(|\)")
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z&-]*$")
# the whole country, which heads a column as a place does: "All India", "India", "अखिल भारत"
_NATION = re.compile(r"(?i)(?<!\S)(?:(?:all|अखिल)\s+)?(?:india|भारत)$")
MAX_ITEM_WORDS = 3
# a past participle in title case that ends a column's words: "Raised", "Suspended", "Settled", not "Speed"
_PARTICIPLE = re.compile(r"^[A-Z][a-z]{2,}(?<!e)ed$")
# the rows' heading that may open a header before its columns: "FY", "Financial Year", "Name Of States"
_ROWS_HEADING = ROW_HEADS | {"fy", "f.y.", "financial", "programme", "programmes"}
# the numbers of a header's columns, under their names: "(i) (ii) (iii)"
_COLUMN_NUMBER = re.compile(r"^\([ivx]+\)$")


def before_column_numbers(words: list[str]) -> list[str]:
    """A header's words before the numbers of its columns ("State/UT CPI Inflation Rural Urban Combined
    Rural Urban Combined (i) (ii) ... (viii)"): they name no column, and what follows them on the line
    is the first row's ("Andaman And Nicobar Islands 111.13 ...") where the rows have no serials."""
    at = next((i for i in range(len(words) - 1) if words[i] == "(i)" and words[i + 1] == "(ii)"), None)
    return words if at is None else words[:at]


def year_ended_columns(words: list[str], width: int) -> list[str] | None:
    """`width` column headers out of a header as written (`words`, numbers and all) where each column's
    words end with its year, or with the brackets that give its years: "S. No. Crop Normal Area
    (2020-21 to 2024-25) Final Area Coverage 2025 Area Sown 2026 2025 Increase(+)/ Decrease(-) over
    2025" heads five columns, the fourth a year alone (the last year's area sown). The words before
    the serial-number heading ("S. No.") are a caption's; at least two columns must end with a year,
    and none may follow the last."""
    drops = [i for i, w in enumerate(words) if HEADER_DROP.match(w)]
    words = words[drops[-1] + 1 if drops else 0:]
    while words and words[0].casefold() in ROW_HEADS:  # the rows' own heading: "Crop", "State/UT"
        words = words[1:]
    columns: list[str] = []
    column: list[str] = []
    years = 0
    for w, depth in zip(words, _bracket_depths(words)):
        column.append(w)
        if depth:
            continue
        if YEAR_CELL.match(w.rstrip("*")) or PERIOD_HEAD.match(w):
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
        if (len(key) < 3 or key.casefold() in _FUNCTION_WORDS or not LETTER.search(key)
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
    return found[0] if len(found) == 1 else None if found else _two_ending_alike(words, keys, width)


def _two_ending_alike(words: list[str], keys: list[str], width: int) -> list[str] | None:
    """Two columns that end with the same word and are as long, the first right after the rows'
    heading at most: "Block Total Population ST Population" is "Total Population" and "ST
    Population". With two columns there is no third to tell how far back the first reaches, so it
    takes as many words as the second, and only where no more than one word (the rows' heading,
    "Block") stands before it: more would be a caption's or rows' words run into the header."""
    if width != 2 or len(keys) < 4:
        return None
    last = keys[-1]
    at = [i for i, k in enumerate(keys) if k == last]
    if len(last) < 3 or last.casefold() in _FUNCTION_WORDS or not LETTER.search(last) or len(at) != 2:
        return None
    tail = words[at[0] + 1:]
    first = at[0] + 1 - len(tail)
    return [" ".join(words[first:at[0] + 1]), " ".join(tail)] if first in (0, 1) and len(tail) >= 2 else None


def bracket_ended_columns(words: list[str], width: int) -> list[str] | None:
    """`width` column headers out of a header whose columns each end with brackets, but for the last
    maybe: "FY Total Order Value (₹ in Cr) MSME Order Value (₹ in Cr) Proportion of Procurement" is
    three columns, the last with no unit. The first takes the rows' heading ("FY"), as a header's
    first column does where one word begins each (`repeated_word_columns`). None where the brackets
    part it into other than `width` columns, or one of no words or more than `MAX_COLUMN_WORDS`
    besides its brackets."""
    bounds = [0] + [i + 1 for i, (w, depth) in enumerate(zip(words, _bracket_depths(words)))
                    if not depth and ")" in w and i + 1 < len(words)]
    parts = [words[a:b] for a, b in zip(bounds, bounds[1:] + [len(words)])]
    if len(parts) != width or not all(0 < len(_unbracketed(part)) <= MAX_COLUMN_WORDS for part in parts):
        return None
    return [" ".join(part) for part in parts]


def capitalised_columns(words: list[str], width: int, rows_heading: bool = False) -> list[str] | None:
    """`width` column headers out of a header written as a sentence is, a capital opening each column's
    words and no other: "Students benefitted Amount disbursed (Rs.in Cr.)" is two columns, and so is
    "Number of Beneficiaries Fund released" (a capital after "of" goes on with its column). Words in
    brackets go with the column before them. `rows_heading`: whether the header may open with the
    rows' heading, one opening more than `width` ("State/UTs Students benefitted ..."). None where
    the openings are not as many, or a column takes more than `MAX_COLUMN_WORDS` words besides its
    brackets: a header in title case ("Fund Released Number of Beneficiaries") says nothing so."""
    openings = [i for i, depth in enumerate([0, *_bracket_depths(words)][:len(words)]) if not depth and opens_column(words, i)]
    if not openings or openings[0] != 0 or len(openings) not in (width, width + rows_heading):
        return None
    bounds = openings + [len(words)]
    parts = [words[a:b] for a, b in zip(bounds, bounds[1:])]  # the rows' heading, where there is one, and the columns
    if any(len(_unbracketed(part)) > MAX_COLUMN_WORDS for part in parts):
        return None
    return [" ".join(column) for column in parts[len(parts) - width:]]


def participle_ended_columns(words: list[str], width: int) -> list[str] | None:
    """`width` column headers out of a header in title case whose columns each end with what was done
    ("FY Incident Raised Seller Suspended", "Name Of States No of Fishers Insured Claims Settled Amount
    Settled"), the last maybe not ("State/UT Name Central Share Released Utilization*"): a column ends
    at a past participle that a column's opening follows, and the words after the last such column may
    be a column each ("Students Selected Male Female"). The rows' heading ("FY", "Name Of States")
    goes first. None where that parts it into other than `width` columns, or a column so ended but the
    last of one word or more than `MAX_COLUMN_WORDS` besides its brackets."""
    while words and all(part in _ROWS_HEADING for part in words[0].casefold().split("/") if part):
        words = words[1:]
    while words and _COLUMN_NUMBER.match(words[-1]):
        words = words[:-1]
    depths = [0, *_bracket_depths(words)]
    if not words or depths[-1]:  # a bracket left open: the header runs on into what is not its
        return None
    ends = [i + 1 for i, w in enumerate(words[:-1])
            if not depths[i + 1] and _PARTICIPLE.match(w.rstrip("*,:;")) and opens_column(words, i + 1)]
    bounds = [0, *ends, len(words)]
    parts = [words[a:b] for a, b in zip(bounds, bounds[1:])]
    ended = parts[:-1]
    if len(parts) != width and ends and len(parts[-1]) == width - len(parts) + 1 and all(
            opens_column(parts[-1], i) and not depths[bounds[-2] + i] for i in range(len(parts[-1]))):
        # after the last column so ended, a word a column where they are as many as the columns left: "Financial
        # Year Students Selected Male Female" is "Students Selected", "Male", "Female"
        parts = [*ended, *([w] for w in parts[-1])]
    if len(parts) != width or width < 2 or any(len(_unbracketed(part)) < 2 for part in ended) or any(
            not 0 < len(_unbracketed(part)) <= MAX_COLUMN_WORDS for part in parts):
        return None
    return [" ".join(part) for part in parts]


def opens_column(words: list[str], i: int) -> bool:
    """Whether words[i] opens a column of a header written as a sentence is: a capital, but for one
    after a function word, which goes on with its column ("Number of Beneficiaries")."""
    return words[i][:1].isupper() and not (i and words[i - 1].split()[-1].casefold() in _FUNCTION_WORDS)


def _unbracketed(words: list[str]) -> list[str]:
    """`words` but those in brackets ("Amount disbursed (Rs.in Cr.)": "Amount", "disbursed")."""
    return [w for w, depth in zip(words, [0, *_bracket_depths(words)]) if not depth and not w.startswith("(")]


def _bracket_depths(words: list[str]) -> list[int]:
    """How many brackets are open after each word: "Amount (Rs. in Cr.) Beneficiaries" → 0 1 1 0 0."""
    depths, depth = [], 0
    for w in words:
        depth = max(0, depth + w.count("(") - w.count(")"))
        depths.append(depth)
    return depths


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


def place_columns(words: list[str], width: int) -> list[str] | None:
    """`width` column headers that are the places ending a header after the rows' heading, the
    country among them: "Seller Group All India Karnataka Bengaluru" heads the country's column, a
    State's and a city's (known places, index.names.place_ending). None where fewer places end it, no
    word of the rows' heading comes before them, or none is the country: a run of places alone is
    more often the rows' labels before a part of a table ("... Kerala Ladakh Lakshadweep") than a header."""
    columns: list[str] = []
    text = " ".join(words)
    for _ in range(width):
        at = place_ending(text)
        if at is None and (nation := _NATION.search(text)):
            at = nation.start()
        if not at:  # none, or no word before it
            return None
        columns.insert(0, text[at:])
        text = text[:at].rstrip()
    return columns if any(_NATION.search(c) for c in columns) else None
