"""The label of a number in a line of label–value pairs, as PIB's pages flatten a two-column table:
"Daily Average tickets 10 lakhs Reserved tickets 2.79 lakhs Unreserved tickets 7.24 lakhs Downloads
4.76 crores". 10 lakhs is "Daily Average tickets": in such a line a label stands before its value, and
the words after a value are the next value's label, which prose's reading (the words after a number)
would give it.

A line is read so when it is nothing but pairs: it begins with words and ends with a value, a few
words (no function word, no punctuation) stand between each two values, and it holds three pairs
or more. A sentence has function words ("and", "of", "में") between its numbers, or ends with a
full stop after a word. A table's header may open the line, and a stop stand alone after its last
value ("City Average Daily rides Delhi- NCR 5574 Gujarat 3817 ... Pune 632 Total 11,106 ."): the first
label is then the capitalised words that end the opening ones.
"""
from __future__ import annotations

import dataclasses
import re

from index.figures.figure import LABEL_KINDS, TIME_KINDS, Figure
from index.figures.patterns import _EN_FUNC, _HI_FUNC
from index.names import is_place
from index.numbers_hi import norm_word

MIN_PAIRS = 3
MAX_LABEL_WORDS = 4
_TOTAL_WORDS = frozenset({"total", "grand"})  # a pair's label ("Total 11,106"), though a function word in prose
_ENDS = ("", ".")  # after the last value: nothing, or a stop standing alone
_LABEL = re.compile(r"^[A-Za-z\u0900-\u097f][A-Za-z\u0900-\u097f\u200c\u200d'’.-]*$")
# A place's name may join its words with "&" and end with its kind in brackets: "Daman & Diu (U.T.)".
_NAME_SIGN = re.compile(r"^(?:&|\((?:[A-Za-z]\.){1,3}\))$")


def _label_words(gap: str) -> str | None:
    words = gap.split()
    if not 0 < len(words) <= MAX_LABEL_WORDS:
        return None
    if is_place(" ".join(words)):
        return " ".join(words)  # "ANDAMAN AND NICOBAR", "Jammu and Kashmir": a place's own "and"
    for w in words:
        if _NAME_SIGN.match(w) and w is not words[0]:
            continue
        if not _LABEL.match(w) or w.lower() in _EN_FUNC - _TOTAL_WORDS or norm_word(w) in _HI_FUNC:
            return None
    return " ".join(words)


def _first_label(gap: str, width: int) -> str | None:
    """The first pair's label: the words before the first value, or, after a header, as many of the
    capitalised words that end them as the longest other label has ("City Average Daily rides Delhi-
    NCR": "Delhi- NCR", a word that ends with a hyphen being one with the next)."""
    if label := _label_words(gap):
        return label
    words: list[str] = []
    for w in gap.split():
        if words and words[-1].endswith("-"):
            words[-1] += " " + w
        else:
            words.append(w)
    named = []
    for w in reversed(words):
        if not (w[:1].isupper() and all(_LABEL.match(part) for part in w.split())) or len(named) == width:
            break
        named.insert(0, w)
    return " ".join(named) if named and len(named) < len(words) else None


def _pairs_in_line(figs: list[Figure], inside: list[int], text: str, a: int, b: int) -> dict[int, str] | None:
    """The figures `inside` the line text[a:b] (by index) → the words before each, if the line is pairs.
    The dates of a header that opens the line ("... under EEZ Rules, 2025 (as on 5 th August, 2026)
    KARNATAKA 2563 ...") are the table's, no pair's; a place's value that reads as a year ("ANDHRA
    PRADESH 1952") is a pair's all the same (`counted`); a total may end the line unlabelled."""
    while inside and figs[inside[0]].kind in TIME_KINDS:
        a, inside = figs[inside[0]].end, inside[1:]
    if len(inside) < MIN_PAIRS or text[figs[inside[-1]].end:b].strip() not in _ENDS:
        return None
    if len(inside) > MIN_PAIRS and not text[figs[inside[-2]].end:figs[inside[-1]].start].strip():
        inside = inside[:-1]  # a total standing last with no label of its own: "... UK 21 USA 589 662"
    labels: dict[int, str] = {}
    for at, i in zip([figs[j].end for j in inside[:-1]], inside[1:]):
        label = _label_words(text[at:figs[i].start])
        if label is None or figs[i].kind not in LABEL_KINDS and not _place_year(figs[i], label):
            return None
        labels[i] = label
    first = figs[inside[0]]
    label = _first_label(text[a:first.start], max(len(w.split()) for w in labels.values()))
    if label is None or first.kind not in LABEL_KINDS and not _place_year(first, label):
        return None
    return {inside[0]: label, **labels}


def _place_year(figure: Figure, label: str) -> bool:
    """A year-like number whose pair's label is a place: the place's count, not a year."""
    return figure.kind == "year" and figure.text.isdigit() and is_place(label)


def counted(figure: Figure, label: str) -> Figure:
    """The figure labelled `label`, a count where it read as a place's year (`_place_year`)."""
    if _place_year(figure, label):
        return dataclasses.replace(figure, kind="count", iso=None, label=label)
    return dataclasses.replace(figure, label=label)


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
                out[i] = counted(figs[i], label)
        at = b + 1
    return out
