"""The label of a number in a line of label–value pairs, as PIB's pages flatten a two-column table:
"Daily Average tickets 10 lakhs Reserved tickets 2.79 lakhs Unreserved tickets 7.24 lakhs Downloads
4.76 crores". 10 lakhs is "Daily Average tickets": in such a line a label stands before its value, and
the words after a value are the next value's label, which prose's reading (the words after a number)
would give it.

A line is read so when it is nothing but pairs: it begins with words and ends with a value, a few
words (no function word, no punctuation) stand between each two values, and it holds three pairs
or more. A sentence has function words ("and", "of", "में") between its numbers, or ends with a
full stop.
"""
from __future__ import annotations

import dataclasses
import re

from index.figures.figure import Figure
from index.figures.respectively import LABEL_KINDS
from index.figures.patterns import _EN_FUNC, _HI_FUNC
from index.numbers_hi import norm_word

MIN_PAIRS = 3
MAX_LABEL_WORDS = 4
_LABEL = re.compile(r"^[A-Za-z\u0900-\u097f][A-Za-z\u0900-\u097f\u200c\u200d'’-]*$")


def _label_words(gap: str) -> str | None:
    words = gap.split()
    if not 0 < len(words) <= MAX_LABEL_WORDS:
        return None
    for w in words:
        if not _LABEL.match(w) or w.lower() in _EN_FUNC or norm_word(w) in _HI_FUNC:
            return None
    return " ".join(words)


def _pairs_in_line(figs: list[Figure], inside: list[int], text: str, a: int, b: int) -> dict[int, str] | None:
    """The figures `inside` the line text[a:b] (by index) → the words before each, if the line is pairs."""
    if len(inside) < MIN_PAIRS or text[figs[inside[-1]].end:b].strip():
        return None
    labels: dict[int, str] = {}
    at = a
    for i in inside:
        f = figs[i]
        label = _label_words(text[at:f.start])
        if label is None or f.kind not in LABEL_KINDS:
            return None
        labels[i] = label
        at = f.end
    return labels


def paired_labels(figs: list[Figure], text: str) -> list[Figure]:
    """`figs` of `text` (in order), each figure of a line of label–value pairs labelled by the words before it."""
    if len(figs) < MIN_PAIRS:
        return figs
    out = list(figs)
    k = 0
    at = 0
    for line in text.split("\n"):
        b = at + len(line)
        inside = []
        while k < len(figs) and figs[k].start < b:
            if figs[k].start >= at and figs[k].end <= b:
                inside.append(k)
            k += 1
        if labels := _pairs_in_line(figs, inside, text, at, b):
            for i, label in labels.items():
                out[i] = dataclasses.replace(figs[i], label=label)
        at = b + 1
    return out
