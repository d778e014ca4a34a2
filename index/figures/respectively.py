"""The item a "respectively" list pairs a figure with: in "Iron Ore, Cement, ... and Refinery Products
observed growth rate of 29.5 per cent, 13.1 per cent, ... and 2.7 per cent, respectively", 13.1 per cent
is Cement's. The words around it are every item's, the first's nearest; its own label is its item.

A second list in the same sentence ("..., respectively in July 2026, compared to 7.0 per cent, 27.41 per
cent and 7.48 per cent, respectively in June 2026") pairs with the same items.
"""
from __future__ import annotations

import bisect
import dataclasses
import re

from index.figures.figure import LABEL_KINDS, Figure

_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?<=[a-z0-9)]{2})[.!?]\s+(?=[A-Z])|\n")
_BETWEEN_FIGURES = re.compile(r"^[\s,;]*(?:(?:and|&)\s+)?$")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?")
# where the last item's words end and the sentence's go on ("Refinery Products observed growth ...")
_ITEM_END = re.compile(r"(?i)^(?:are|is|was|were|has|have|had|observed|recorded|registered|grew|rose|fell|"
                       r"increased|declined|stood|showed|reported|at|of|with|in|during|for|to|by|respectively|"
                       r"receive[sd]?|gets?|got|earn(?:s|ed)?|costs?|reach(?:es|ed)?|account(?:s|ed)?|"
                       r"contribute[sd]?|constitute[sd]?|comprise[sd]?|posted|achieved|attained|witnessed|saw|"
                       r"produced|generated|secured|won|bagged|spent|paid)$")
_LEAD = re.compile(r"^(?:the|of|for|in|on|and|while|whereas|that|by|from|respectively|The|Of|For|In|On|While|Whereas)$")
MAX_ITEM_WORDS = 5
WINDOW = 600  # how far back a list's sentence may begin


def _items(prefix: str, n: int) -> list[str] | None:
    """The n items of the list that `prefix` ends with, or None when it holds no such list."""
    pieces = [p for p in _ITEM_SPLIT.split(prefix.strip())]
    if len(pieces) == n - 1 and " and " in pieces[-1]:  # "X and Y were 12 and 34 respectively"
        last = pieces.pop()
        pieces += last.split(" and ", 1)
    if len(pieces) < n:
        return None
    items = []
    for k, piece in enumerate(pieces[-n:]):
        words = piece.split()
        if k == 0:  # the sentence's lead before the first item
            lead = [j for j, w in enumerate(words) if _LEAD.match(w)]
            words = words[lead[-1] + 1:] if lead else words[-MAX_ITEM_WORDS:]
        if k == n - 1:  # the sentence's words after the last item
            for j, w in enumerate(words):
                if _ITEM_END.match(w):
                    words = words[:j]
                    break
        if not words or len(words) > MAX_ITEM_WORDS:
            return None
        items.append(" ".join(words))
    return _with_shared_head(items)


def _with_shared_head(items: list[str]) -> list[str]:
    """Items that name only what tells them apart, the last one the thing all of them are: "MBBS
    and PG seats increased to 1,28,976 and 85,822, respectively" are MBBS seats and PG seats. Only a
    last item of one word and a plain lower-case noun after it, the others one word of letters each:
    "Delhi and Tamil Nadu" share nothing."""
    *firsts, last = items
    words = last.split()
    if len(words) != 2 or not words[1].isalpha() or not words[1].islower() or not all(item.isalpha() for item in firsts):
        return items
    return [f"{item} {words[1]}" if not item.endswith(words[1]) else item for item in firsts] + [last]


def respective_labels(figures: list[Figure], text: str) -> list[Figure]:
    """`figures` of `text`, each one of a "respectively" list labelled with the item it is paired with."""
    labels: dict[int, str] = {}
    starts, ends = [f.start for f in figures], [f.end for f in figures]  # in order, as the extractor finds them
    for m in _RESPECTIVELY.finditer(text):
        lo = max(0, m.start() - WINDOW)
        sentences = [s.end() for s in _SENTENCE_START.finditer(text, lo, m.start())]
        begin = sentences[-1] if sentences else lo
        run: list[int] = []  # the figures just before "respectively", only commas and "and" between them
        for i in range(bisect.bisect_right(ends, m.start()) - 1, -1, -1):
            f = figures[i]
            if f.start < begin:
                break
            after = figures[run[-1]].start if run else m.start()
            if not _BETWEEN_FIGURES.match(text[f.end:after]) or f.kind not in LABEL_KINDS:
                break
            run.append(i)
        run.reverse()
        if len(run) < 2:
            continue
        prefix = text[begin:figures[run[0]].start]
        earlier = list(_RESPECTIVELY.finditer(prefix))
        if earlier:  # a second list in the sentence pairs with the first list's items
            items = _first_list_items(prefix[:earlier[0].start()], len(run), figures, starts, begin)
        else:
            items = _items(prefix, len(run))
        if items:
            labels.update({figures[i].start: item for i, item in zip(run, items)})
    if not labels:
        return figures
    return [dataclasses.replace(f, label=labels[f.start]) if f.start in labels else f for f in figures]


def _first_list_items(prefix: str, n: int, figures: list[Figure], starts: list[int], begin: int) -> list[str] | None:
    """The items of the sentence's first list: the words before its first figure."""
    lo = bisect.bisect_left(starts, begin)
    first = [f for f in figures[lo:bisect.bisect_left(starts, begin + len(prefix))] if f.kind in LABEL_KINDS]
    if not first:
        return None
    return _items(prefix[:first[0].start - begin], n)
