"""The ordinal a question asks about ("the 10th convocation", "11वें दीक्षांत समारोह", "the fifth edition"),
and whether a release names it in any of the ways PIB writes one.

A release of the 11th convocation holds every word of a question about the 10th, and its figures
are of the kinds asked; only the ordinal tells them apart, and a release that names the asked one
nowhere cannot answer. A release writes it as digits ("10th", "10वें"), as a word in either language
("tenth", "दसवें"), as a Roman numeral ("Phase-II") or as a number after the thing counted ("Phase 2",
"चरण 2"), so each of these counts as holding it. Two and one are left out: "दूसरे" is as often
"other" ("दूसरे राज्यों से"), "second" a time unit, and "first"/"पहली बार" a manner of speaking.
"""
from __future__ import annotations

import re

from index.figures.patterns import _DAY_ORDINALS, _MONTH_PAT

# the figure reader's ordinal words for a day ("as on first June 2020"), third to twentieth
ENGLISH = {word: n for word, n in _DAY_ORDINALS.items() if 3 <= n <= 20 and "-" not in word}
# Hindi ordinals: a few of their own, the rest a cardinal's stem and -वां/-वें/-वीं
_OWN_HI = {3: ("तीसरा", "तीसरे", "तीसरी"), 4: ("चौथा", "चौथे", "चौथी"), 6: ("छठा", "छठे", "छठी", "छठवें", "छठवां")}
_STEMS_HI = {5: ("पांच", "पाँच"), 7: ("सात",), 8: ("आठ",), 9: ("नौ", "नव"), 10: ("दस",), 11: ("ग्यारह",),
             12: ("बारह",), 13: ("तेरह",), 14: ("चौदह",), 15: ("पंद्रह", "पन्द्रह"), 16: ("सोलह",), 17: ("सत्रह",),
             18: ("अठारह",), 19: ("उन्नीस",), 20: ("बीस",)}
_ENDINGS_HI = ("वां", "वाँ", "वें", "वीं", "वे", "वा")
HINDI = {**{w: n for n, ws in _OWN_HI.items() for w in ws},
         **{stem + end: n for n, stems in _STEMS_HI.items() for stem in stems for end in _ENDINGS_HI}}
_ROMAN = {3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X", 11: "XI", 12: "XII",
          13: "XIII", 14: "XIV", 15: "XV", 16: "XVI", 17: "XVII", 18: "XVIII", 19: "XIX", 20: "XX"}

_B, _E = r"(?<![\w\u0900-\u097f])", r"(?![\w\u0900-\u097f])"
_DIGITS = re.compile(_B + r"(\d{1,3})\s?(?:st|nd|rd|th|वें|वां|वाँ|वीं|वे|वा)" + _E, re.I)
_WORD = re.compile(_B + "(" + "|".join(sorted([*ENGLISH, *HINDI], key=len, reverse=True)) + ")" + _E, re.I)
# a day of a month is no ordinal of a thing: "1st June", "June 21st", "21st of May", "in August up to
# the 12th?" (an ordinal before no word), "12वीं तारीख"
_DAY_AFTER = re.compile(rf"\s*(?:of\s+)?(?:{_MONTH_PAT})|\s*(?=[^\s\w\u0900-\u097f]|$)|\s*(?:तारीख|तिथि|date)", re.I)
_DAY_BEFORE = re.compile(rf"(?:{_MONTH_PAT})\s*,?\s*$", re.I)
# the number after the thing it counts: "Phase 2", "चरण-2", "edition 5"
_COUNTED = (r"(?:phase|edition|round|stage|batch|session|season|series|cycle|term|chapter|part|tranche|"
            r"चरण|संस्करण|दौर|सत्र|किस्त|भाग)")


def _named(text: str):
    """(the ordinal, its match) for each written in digits or as a word in `text`."""
    for m in _DIGITS.finditer(text):
        yield int(m.group(1)), m
    for m in _WORD.finditer(text):
        yield ENGLISH.get(m.group(1).lower()) or HINDI[m.group(1)], m


def asked_ordinals(question: str) -> dict[int, str]:
    """The ordinals of three or more the question names, not a day of a month, each as written."""
    found = {}
    for n, m in _named(question):
        if m.re is _DIGITS and (_DAY_AFTER.match(question, m.end()) or _DAY_BEFORE.search(question, 0, m.start())):
            continue
        found.setdefault(n, m.group(0))
    return {n: said for n, said in found.items() if n >= 3}


def holds_ordinal(text: str, n: int) -> bool:
    """Whether `text` names the ordinal `n` in any way PIB writes it."""
    if any(k == n for k, _ in _named(text)):
        return True
    if n in _ROMAN and re.search(rf"(?<![A-Za-z]){_ROMAN[n]}(?![A-Za-z])", text):
        return True
    if n <= 4 and re.search(rf"(?<![A-Za-z])Q{n}(?!\d)", text):  # "the fourth quarter": Q4
        return True
    return bool(re.search(rf"{_COUNTED}\s*[-–:]?\s*{n}(?!\d)", text, re.I))
