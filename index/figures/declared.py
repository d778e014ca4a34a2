"""Table numbers in the unit their table declares once: "(₹ crore)", "(US$ Billion)", "Area: In lakh
hectare", "(करोड़ रुपये में)".

A PIB table states its unit in its caption or header and then gives bare numbers: "Maharashtra 14,092
15,735 12%" under "(₹ crore)" is ₹15,735 crore, not 15,735 things. The declaration often stands in an
earlier passage than the rows (a long table is cut into several), so the extractor is given the
text before a passage as well. A declaration holds for the table it heads: up to the first line of
prose (many words, few numbers).
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from index.figures.figure import Figure
from index.figures.tables import _SCALE_TABLE, _UNITS_EN, _UNITS_HI, _TIME_UNITS, _nk

_CURRENCIES = [(r"₹|rs\.?|inr|rupees?|" + "|".join(_nk(w) for w in ("रुपये", "रुपए", "रुपयों", "रु.", "रु")), "INR"),
               (r"us\s?\$|\$|usd|us\s+dollars?|dollars?|" + _nk("डॉलर"), "USD"),
               (r"€|eur|euros?", "EUR")]
_SCALES = [(re.escape(w), m) for w, m, _dev in sorted(_SCALE_TABLE, key=lambda t: -len(t[0]))]
_UNITS = [(p, u, m) for p, u, m in _UNITS_EN + [(_nk(p), u, m) for p, u, m in _UNITS_HI] if u not in _TIME_UNITS]
# Words a declaration may hold beside its currency, scale and unit.
_FILLER = re.compile(r"(?i)^(?:in|all|figures?|amounts?|values?|area|quantity|are|of|" + "|".join(
    _nk(w) for w in ("में", "सभी", "आंकड़े", "राशि", "क्षेत्र", "मात्रा")) + r")$")
_PAREN = re.compile(r"\(([^()\d\n]{1,40})\)")
_LINE = re.compile(r"^(?:[^:\n\d]{0,30}:\s*)?([^:\n\d]{1,40})$")
_WORD = re.compile(r"[^\s():,]+(?:\s+[^\s():,]+)*")


@dataclasses.dataclass(frozen=True)
class Declared:
    """A table's unit: currency (or None), canonical unit (or None) and the multiplier of its numbers."""

    currency: str | None
    unit: str | None
    scale: Decimal


def _take(rest: str, patterns) -> tuple[str, object] | None:
    for pattern, value, *more in patterns:
        m = re.match(rf"(?i)(?:{pattern})(?![\w\u0900-\u097f])\.?\s*", rest)
        if m:
            return rest[m.end():], (value, *more)
    return None


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


def declarations(text: str) -> list[tuple[int, int, Declared]]:
    """Where each declared unit holds in `text`: (from, to, what), to the end of its table. A table
    that declares two different units (one per column) is left alone: which column a number is in is
    not known here."""
    spans = []
    current: tuple[int, Declared | None] | None = None  # None as what: two units, not used

    def close(to: int) -> None:
        if current is not None and current[1] is not None:
            spans.append((current[0], to, current[1]))

    at = 0
    for line in text.split("\n"):
        prose = _is_prose(line)
        found = None
        m = _LINE.match(line.strip())
        if m and (d := parse_declaration(m.group(1))):
            found = (at, d)
        elif not prose:
            for pm in _PAREN.finditer(line):
                if d := parse_declaration(pm.group(1)):
                    found = (at + pm.end(), d)
                    break
        if found is not None:
            if current is None:
                current = found
            elif current[1] != found[1]:
                current = (current[0], None)
        elif prose:
            close(at)
            current = None
        at += len(line) + 1
    close(len(text))
    return spans


def in_spans(figures: list[Figure], spans: list[tuple[int, int, Declared]], offset: int) -> list[Figure]:
    """`figures` of a passage that starts at `offset` in the text `spans` were found in (`declarations`),
    the bare numbers among them in the unit their table declares."""
    if not spans:
        return figures
    out = []
    for f in figures:
        d = next((d for a, b, d in spans if a <= f.start + offset < b), None)
        if d is None or f.kind != "count" or f.unit is not None or f.value is None:
            out.append(f)
            continue
        scaled = any(re.search(rf"(?i)(?<![\w\u0900-\u097f])(?:{p})(?![\w\u0900-\u097f])", f.text) for p, _ in _SCALES)
        value = f.value if scaled else f.value * d.scale
        kind = "money" if d.currency else "quantity" if d.unit else "count"
        out.append(dataclasses.replace(f, value=value, unit=d.currency or d.unit, kind=kind))
    return out
