"""The label of a number that counts a part of a whole written right after it: in "Women secured 37 of
the 50 Gold Medals", 37 counts Gold Medals as 50 does, but the words after 37 are "of the 50", which
prose's reading (the words after a number) stops at. Hindi writes the whole first: "50 में से 37 स्वर्ण
पदक", where 50 counts what 37 does. A number the words after it already label keeps its label
("02 games out of 23 games"), and only a count (or a quantity in the same unit) stands for a part or
a whole: "(52 of 1962)" numbers an Act of a year.
"""
from __future__ import annotations

import dataclasses
import re

from index.figures.figure import Figure

# what stands between a part and its whole: "of", "of the", "out of", "out of a total of"
_PART_OF_WHOLE = re.compile(r"(?i)^\s+(?:out\s+)?of(?:\s+(?:the\s+total\s+of|a\s+total\s+of|the|total))?\s+$")
# between a whole and its part, in Hindi: "50 में से 37"
_WHOLE_THEN_PART = re.compile(r"^\s+में\s+से\s+$")
# a Hindi label that says where its number comes from, not what it counts: "30 कुरनूल जिले से हैं" (30 of
# them are from Kurnool district)
_FROM_PLACE = re.compile(r"\s*(?:\S+\s+)?से(?!\S)")
_KINDS = ("count", "quantity")


def _alike(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and a.kind in _KINDS and a.unit == b.unit


def part_labels(figs: list[Figure], text: str) -> list[Figure]:
    """`figs` of `text` (in order), a number without a label that a part-of-whole phrase joins to a
    labelled one ("37 of the 50 Gold Medals", "50 में से 37 स्वर्ण पदक") labelled as that one is."""
    out = list(figs)
    for i, (a, b) in enumerate(zip(figs, figs[1:])):
        if a.label is not None or not b.label or not _alike(a, b):
            continue
        gap = text[a.end:b.start]
        if _PART_OF_WHOLE.match(gap) or _WHOLE_THEN_PART.match(gap) and not _from_place(b, text):
            out[i] = dataclasses.replace(a, label=b.label)
    return out


def _from_place(figure: Figure, text: str) -> bool:
    """Whether the words of a Hindi figure's label go on to say where it comes from (`_FROM_PLACE`)."""
    at = text.find(figure.label, figure.end, figure.end + 80)
    return at >= 0 and bool(_FROM_PLACE.match(text, at + len(figure.label)))
