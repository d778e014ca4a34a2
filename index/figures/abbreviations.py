"""A unit a release writes out once beside its abbreviation and abbreviates after: "India has about
4,00,715 million tonnes (MT) of coal reserves ... India produced 1,047.52 MT of coal in FY2024-25".

"MT" is a metric tonne in most PIB releases ("a godown of 1,500 MT capacity", "63,910 Metric Tonnes
(MT)"), but the coal ministry and many national totals mean a million tonnes by it. Where a release
says which, and says it one way only, its figures in "MT" take that meaning; elsewhere "MT" stays a
tonne, as the unit table reads it (index/figures/patterns.py).
"""
from __future__ import annotations

import dataclasses
import re

from index.figures.figure import Figure

_DEFINITION = re.compile(r"(?i)(?<![\w])(?:(?P<scale>million|lakh|thousand)\s{1,3})?(?:metric\s{1,3})?(?:tonnes?|tons?)"
                         r"\s{0,3}\(\s{0,3}MT\s{0,3}\)")
_SCALES = {"million": 10**6, "lakh": 10**5, "thousand": 10**3}
_IN_MT = re.compile(r"(?<![A-Za-z])MTs?\s*$")  # a figure written in the abbreviation: "1,047.52 MT"


def tonnes_per_mt(text: str) -> int:
    """How many tonnes the release's "MT" stands for: what its definition says, when it gives one
    and only one; else 1."""
    defined = {_SCALES.get((m.group("scale") or "").lower(), 1) for m in _DEFINITION.finditer(text)}
    return defined.pop() if len(defined) == 1 else 1


def in_defined_tonnes(figures: list[Figure], tonnes: int) -> list[Figure]:
    """`figures` with those written in "MT" scaled to `tonnes` (from `tonnes_per_mt`)."""
    if tonnes == 1:
        return figures
    return [dataclasses.replace(f, value=f.value * tonnes)
            if f.unit == "tonne" and f.value is not None and _IN_MT.search(f.text) else f for f in figures]
