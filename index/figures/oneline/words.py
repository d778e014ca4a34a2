"""The words a one-line table's header and rows are told apart by, which its rows, its columns and
its time headings all read alike. A letter, a row's serial number and how many rows make a table are
read so in a table written one cell a line too (index/figures/rows.py), and a row's longest label
tells a table line under a header of its own in a table's declared unit (index/figures/declared.py)."""
from __future__ import annotations

import re


LETTER = re.compile(r"[A-Za-z\u0900-\u097f]")
SERIAL = re.compile(r"^\s*[0-9]{1,3}\.?\s*$")  # a row's serial number, a word or a line alone: "9", "14."
MIN_ROWS = 3  # this many rows of the same shape (as many cells each) are a table
HEADER_DROP = re.compile(r"(?i)^(?:s\.?|sr\.?|sl\.?|no\.?|s\.no\.?|sl\.no\.?|sr\.no\.?|क्र\.?|सं\.?|क्रम|संख्या)$")
# a sign alone between two words, which it joins as "and" or "or" does: "looms & accessories", "Dadra &
# Nagar Haveli", "State / UT"
JOINERS = frozenset(("&", "/"))
# a closing bracket standing apart, which ends the word before it: "Medical (Cr. Rs. )"
CLOSER = re.compile(r"^\)+$")
# words that join others and name nothing: a header's (`columns`) and a sentence's alike
FUNCTION_WORDS = frozenset("of in and to the for by under on at with from upto as per or की के का में से को और तक".split())
# words that join a sentence's figures and are no row's label alone: "57 suicides in 2021, 43 in 2022, 57 in
# 2023" is prose, not rows labelled "in"
PROSE_WORDS = FUNCTION_WORDS | {"during", "till", "than"}
MAX_LABEL_WORDS = 8  # a row's label at most: a longer run of words is a header, or prose, which ends the table
MAX_COLUMN_WORDS = 5
YEAR_CELL = re.compile(r"^(?:1[89]|2[01])[0-9]{2}$")  # as the number reader takes a bare year
# a column headed by a financial or crop year: "2023-24", "2026-27*" (the year so far)
PERIOD_HEAD = re.compile(r"^(?:19|20)[0-9]{2}[-–/](?:[0-9]{2}|(?:19|20)[0-9]{2})\*?$")
TOTAL_HEADS = frozenset(("total", "कुल", "योग"))
ROW_HEADS = frozenset("state states ut uts state/ut states/uts name of crop crops district districts sector sectors "
                      "item items category particulars scheme schemes year month".split())


def joined(words: list[str]) -> list[str]:
    """`words` with a joining sign (`JOINERS`) and the words either side of it made one word: "No. of
    upgraded looms & accessories" heads one column of five words, as "looms-and-accessories" would, and
    "State / UT" the rows as "State/UT" does; the sign is neither left out of its column's name nor a
    column's word of its own. A closing bracket standing apart ends the word before it."""
    out: list[str] = []
    glue = False
    for w in words:
        if CLOSER.match(w) and out:
            out[-1] += f" {w}"
        elif w in JOINERS and out:
            out[-1] += f" {w}"
            glue = True
        elif glue:
            out[-1] += f" {w}"
            glue = False
        else:
            out.append(w)
    return out
