"""What people call an economic indicator, and what a release calls it: "retail inflation" is what the
Consumer Price Index measures, "थोक महंगाई" the Wholesale Price Index, "factory output" the Index of
Industrial Production.

The statistics releases name the index, never the everyday name ("All India Year-on-year inflation
rate based on CPI"), while the monthly releases beside them share every other word of the question
("inflation", the month): so "retail inflation in July 2026" found the WPI release, and "थोक महंगाई"
the CPI one. A question that uses an everyday name, and not the index's own, is searched with the
index's names beside it, in both languages (a Hindi question often meets only the English release).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.lexical import terms

_INFLATION = r"(?:inflation|महंगाई|महँगाई|मुद्रास्फीति|मुद्रा\s*स्फीति)"


@dataclass(frozen=True)
class Indicator:
    everyday: re.Pattern  # what a question may call it
    named: re.Pattern  # the index's own names: a question that uses them needs no help, a release that does answers
    names: str  # the index's names as releases write them, in both languages
    short: str  # as a refusal names it: "the closest release does not mention CPI"


def _indicator(everyday: str, named: str, names: str) -> Indicator:
    return Indicator(re.compile(everyday, re.IGNORECASE), re.compile(named, re.IGNORECASE), names,
                     names[names.index("(") + 1:names.index(")")])


INDICATORS: tuple[Indicator, ...] = (
    _indicator(rf"\bretail\s+(?:price\s+)?{_INFLATION}|खुदरा\s+(?:मूल्य\s+)?{_INFLATION}",
               r"\bCPI|consumer\s+(?:food\s+)?price|उपभोक्ता\s+(?:खाद्य\s+)?मूल्य|सीपीआई",
               "Consumer Price Index (CPI), उपभोक्ता मूल्य सूचकांक (सीपीआई)"),
    _indicator(rf"\bwholesale\s+(?:price\s+)?{_INFLATION}|थोक\s+(?:मूल्य\s+)?{_INFLATION}",
               r"\bWPI|wholesale\s+price\s+index|थोक\s+मूल्य\s+सूचकांक|डब्ल्यूपीआई",
               "Wholesale Price Index (WPI), थोक मूल्य सूचकांक (डब्ल्यूपीआई)"),
    _indicator(r"\b(?:factory|industrial)\s+(?:output|production)\b|औद्योगिक\s+उत्पादन",
               r"\bIIP\b|index\s+of\s+industrial|औद्योगिक\s+उत्पादन\s+सूचकांक|आईआईपी",
               "Index of Industrial Production (IIP), औद्योगिक उत्पादन सूचकांक (आईआईपी)"),
)


@lru_cache(maxsize=4096)
def asked_indicators(question: str) -> tuple[Indicator, ...]:
    """The indices `question` calls by an everyday name only."""
    return tuple(i for i in INDICATORS if i.everyday.search(question) and not i.named.search(question))


def indicator_names(question: str) -> tuple[str, ...]:
    """The names of each index `question` calls by an everyday name only."""
    return tuple(i.names for i in asked_indicators(question))


def with_indicator_names(question: str) -> str:
    """The question as it is searched, by meaning and by words: with the names of the indices it calls
    by everyday names only."""
    named = indicator_names(question)
    return f"{question} ({'; '.join(named)})" if named else question
