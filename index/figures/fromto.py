"""The label of the value a change went to, where its words are the value's it went from: in "From 523
lions in 2015 to 891 in 2025", 891 counts lions as 523 does, but no words of its own follow it, and the
time beside it is no label. Only a figure of the same kind and unit, with nothing but the first one's
words, times and "to" between them ("from Rs 4,000 crore in 2014 to Rs 9,000 crore": each keeps its own).
"""
from __future__ import annotations

import dataclasses
import re

from index.figures.figure import LABEL_KINDS, TIME_KINDS, Figure

_FROM = re.compile(r"(?i)(?<![\w-])from\s+$")
_TO = re.compile(r"(?i)(?<![\w-])to\s+$")
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]|।\n]")
MAX_GAP = 60  # characters between the two values, the first's label and times included


def from_to_labels(figs: list[Figure], text: str) -> list[Figure]:
    """`figs` of `text` (in order), a value a change went to without a label labelled as the one it went from."""
    out = list(figs)
    counted = [i for i, f in enumerate(figs) if f.kind not in TIME_KINDS]
    for x, y in zip(counted, counted[1:]):
        start, end = figs[x], figs[y]
        if end.label or not start.label or end.kind not in LABEL_KINDS:
            continue
        if (start.kind, start.unit) != (end.kind, end.unit):
            continue
        gap = text[start.end:end.start]
        if len(gap) > MAX_GAP or _CLAUSE_BREAK.search(gap) or not _TO.search(gap) or \
                not _FROM.search(text, max(0, start.start - 10), start.start):
            continue
        out[y] = dataclasses.replace(end, label=start.label)
    return out
