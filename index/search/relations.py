"""How the figures of one sentence stand to each other, which tells the one a question asks for
from its neighbours (`index.search.answer.answering_figure`): a value changed from one to the next, a
whole and a part taken from it, a one-line table's serial numbers, the time each figure of such a table
stands for by its place, a day's figure beside a running total."""
from __future__ import annotations

import re

from index.figures.figure import TIME_KINDS
from index.figures.inline import is_inline_cell


def _neighbours(figures, inside: list[int]):
    """Each two figures of `inside` next to each other, neither a time and nothing but times between
    them: (index of the first, index of the second)."""
    for j, k in zip(inside, inside[1:]):
        x, y = figures[j], figures[k]
        if x.kind not in TIME_KINDS and y.kind not in TIME_KINDS and not any(
                x.end <= g.start and g.end <= y.start and g.kind not in TIME_KINDS for g in figures):
            yield j, k


# A value's change from one figure to the next: "from 50.7% to 50.4%", "from ₹2.36 lakh crore under the 15th
# Finance Commission (2021–26) to ₹4.35 lakh crore", "from 375 MW in 2020 to current capacity of about 1575 MW"
# (a few words without a number after "to"), "640 दिनों से कम करके 108 दिनों", "2.5 लाख से बढ़कर 4 लाख".
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s*$")
_TO_BETWEEN = re.compile(r"(?i)^[^.;]{0,80}?\bto(?:\s+[^\d\s.;,()]+){0,5}\s*$")
_CHANGED_TO_HI = re.compile(r"से\s*(?:बढ़|बढ\u093c|घट|कम)\S*\s*(?:(?:करके|कर|होकर|हो कर)\s*)?$")
# How much a value a sentence says was changed away from counts against it as the answer.
CHANGED_FROM = 0.5


def changed_from(text: str, figures, inside: list[int]) -> set[tuple[int, int]]:
    """The figures among `inside` a sentence says a value was changed from, each with the one it was
    changed to: "from X ... to Y" or "X से बढ़कर/घटकर/कम करके Y"."""
    found = set()
    for j, k in _neighbours(figures, inside):
        x, y = figures[j], figures[k]
        gap = text[x.end:y.start]
        if (_FROM_BEFORE.search(text, max(0, x.start - 8), x.start) and _TO_BETWEEN.match(gap)
                or len(gap) <= 40 and _CHANGED_TO_HI.search(text, x.start, y.start)):
            found.add((j, k))
    return found


# A whole and a part taken from it: "out of 5,86,944 villages 5,63,809 villages", "5,63,809 out of 5,86,944",
# "199 units ... approved, out of which 124 units have been completed", "5,86,944 गांवों में से 5,63,809", "IGST is
# ₹ 48,503crore (including ₹ 20,745crore collected on imports)". Not "including" outside brackets: "13 teams in
# Gujarat including 2 kept as reserve" is asked for its 13.
_WHOLE_BEFORE = re.compile(r"(?i)\b(?:out of|of (?:a |the )?total(?: of)?)\s*$")
_PART_BETWEEN = re.compile(r"(?i)\b(?:out of which|of which|of these|of them|among them|among these|comprising|"
                           r"consisting of)\b|\(\s*including\b|"
                           r"में से|जिनमें|इनमें|जिसमें")
# How much the whole a sentence takes the asked part from counts against it as the answer.
WHOLE_OF_PART = 0.5


def wholes(text: str, figures, inside: list[int]) -> set[int]:
    """The figures among `inside` that are a whole the one beside them is a part of, by the words between
    them or by its value, the sum of the figures right before or after it (`_sums_its_neighbours`)."""
    found = set()
    for j, k in _neighbours(figures, inside):
        x, y = figures[j], figures[k]
        if _WHOLE_BEFORE.search(text, x.end, y.start):
            found.add(k)
        elif _WHOLE_BEFORE.search(text, max(0, x.start - 20), x.start) or _PART_BETWEEN.search(text, x.end, y.start):
            found.add(j)
    return found | {j for i, j in enumerate(inside) if _sums_its_neighbours(figures, inside, i)}


MAX_PARTS = 4


def _sums_its_neighbours(figures, inside: list[int], i: int) -> bool:
    """Whether figure inside[i] is the sum of two to `MAX_PARTS` figures of its kind and unit right before
    or right after it: "480 सरकारी और 208 निजी प्रयोगशालाओं (कुल 688 प्रयोगशालाओं)", "11,90,400, comprising
    7,67,800 ... and 4,22,600"; a sentence states a whole beside its parts with no word for it as often."""
    whole = figures[inside[i]]
    if whole.kind in TIME_KINDS or whole.value is None or whole.value <= 0 or is_inline_cell(whole):
        return False  # a table's row sums its cells otherwise ("2025 6.22, increase 0.12, 2026 6.34")
    for size in range(2, MAX_PARTS + 1):
        for parts in (inside[i - size:i] if i >= size else [], inside[i + 1:i + 1 + size]):
            if len(parts) == size and all(
                    figures[k].kind == whole.kind and figures[k].unit == whole.unit and figures[k].value is not None
                    and 0 < figures[k].value < whole.value for k in parts) \
                    and sum(figures[k].value for k in parts) == whole.value:
                return True
    return False


def serial_numbers(figures, span: list[int]) -> set[int]:
    """The figures of `span` (indices in text order) that number a one-line table's rows, not a
    thing: whole numbers one apart ("1 2020-21 147.25 2 2021-22 162.48 3 2022-23 175.45", "1
    Alappuzha 138 2 Ernakulam 221 3 Idukki 62"), at least three, as many other figures between each
    two, or once there are three, one fewer where a row's cell is a dash."""
    def whole(j: int) -> int | None:
        """The number as written, when it is a bare whole number (a table's declared unit may scale it)."""
        f = figures[j]
        return int(f.text) if f.kind not in TIME_KINDS and f.text.isascii() and f.text.isdigit() and len(f.text) <= 3 else None

    best: list[int] = []
    for i, j in enumerate(span):
        if (first := whole(j)) is None:
            continue
        for stride in range(2, 6):  # a serial, then one to four cells
            chain = [j]
            at = i + stride
            while True:
                if at < len(span) and whole(span[at]) == first + len(chain):
                    found = at
                elif len(chain) >= 3 and at - 1 < len(span) and whole(span[at - 1]) == first + len(chain):
                    found = at - 1  # a row short of a cell ("13 Ladakh - 14 Madhya Pradesh 71")
                else:
                    break
                chain.append(span[found])
                at = found + stride
            if len(chain) >= 3 and len(chain) > len(best):
                best = chain
    return set(best)


_A_WORD = re.compile(r"[A-Za-z\u0900-\u097f]")
# The word between the two ends of a span: "from 9,977 to 14,688", "between 2014 and 2025", "2014 से 2026 तक".
_SPAN_WORD = re.compile(r"\s*(?:to|and|till|until|से)\s*", re.I)
# Where one clause gives way to the next between two figures: a comma or semicolon, a contrast.
CLAUSE_BREAK = re.compile(r"[,;]|\b(?:whereas|while|against|compared (?:to|with))\b|की तुलना में|जबकि|वहीं", re.I)


def _runs_on(text: str, start: int, end: int) -> bool:
    """Whether a run of figures or times goes on across `text[start:end]`: no word, or a span's own."""
    return not _A_WORD.search(text, start, end) or bool(_SPAN_WORD.fullmatch(text, start, end))


def _breaks_after_figures(text: str, figures, run: list[int]) -> bool:
    """Whether a run of figures and times taking turns, a figure at each end, breaks its clauses
    (`CLAUSE_BREAK`) only between a figure and the time after it: each time then opens the clause of
    the figure after it."""
    gaps = [(figures[j].kind in TIME_KINDS, bool(CLAUSE_BREAK.search(text, figures[j].end, figures[k].start)))
            for j, k in zip(run, run[1:])]
    return any(broken for after_time, broken in gaps if not after_time) and not any(
        broken for after_time, broken in gaps if after_time)


def _gaps(figures, span: list[int], timed: list[bool], start: int, end: int, step: int) -> int:
    """The characters between each figure of `span[start:end]` and its time, `step` before it (-1: after it);
    `timed`: whether each of `span` is a time."""
    total = 0
    for i in range(start, end):
        t = i - step
        if not timed[i] and start <= t < end:
            a, b = sorted((span[i], span[t]))
            total += figures[b].start - figures[a].end
    return total


def times_in_order(text: str, figures, span: list[int]) -> dict[int, int]:
    """Each figure of `span` (indices in text order) a time of it stands for by order alone, as a
    one-line table lays them out: a run of times and then a run of as many figures, words ending each
    run ("Year 2024-25 2025-26 Total share 63252.86 65890.50"), or times and figures taking turns ("2021-22 225 2022-23
    178 2023-24 289", each figure after its time; "550 m in 2017, 1470 m in 2018", each before it)."""
    timed = [figures[j].kind in TIME_KINDS for j in span]
    paired: dict[int, int] = {}
    # taking turns: two pairs or more, each figure with the time on the side the run begins
    start = 0
    while start < len(span) - 1:
        end = start + 1
        while end < len(span) and timed[end] != timed[end - 1]:
            end += 1
        if end - start >= 4:
            step = 1 if timed[start] else -1  # each figure with the time on the side the run begins
            if timed[start] == timed[end - 1]:
                # a time or a figure at both ends: the side whose gaps are the shorter ("report 2025-26, ... from 13%
                # in 2000–01 to 18.6% in 2020–21 and further to 29% in 2023-24": each figure before its time)
                step = min((1, -1), key=lambda d: _gaps(figures, span, timed, start, end, d))
            if step == -1 and not timed[end - 1] and _breaks_after_figures(text, figures, span[start:end]):
                step = 1  # "8 प्रतिशत से वर्ष 2018-19 में बढ़ाकर 14 प्रतिशत, 2019-20 में 17 प्रतिशत": each time its next figure's
            first = start if timed[start] else start + 1  # the run's first time
            for t in range(first, end, 2):
                if 0 <= t + step < len(span) and start <= t + step < end and not timed[t + step]:
                    paired[span[t + step]] = span[t]
        start = end
    # a run of times, then runs of as many figures before the next time; a word ends a run, but the one
    # word of a span ("Between 2014 and 2025, ITIs increased from 9,977 to 14,688")
    runs, k = [], 0
    while k < len(span):
        e = k + 1
        while (e < len(span) and timed[e] == timed[k]
               and _runs_on(text, figures[span[e - 1]].end, figures[span[e]].start)):
            e += 1
        runs.append((timed[k], k, e))
        k = e
    for n, (is_time, k, e) in enumerate(runs):
        if not is_time and e - k >= 2 and n + 1 < len(runs):
            # ... or a run of figures and right after it a run of as many times: "LPG consumers increased from
            # 14.51 crore to 33.18 crore from 2014 to 2026"
            next_is_time, k2, e2 = runs[n + 1]
            if next_is_time and e2 - k2 == e - k:
                for figure, time in zip(span[k:e], span[k2:e2]):
                    paired.setdefault(figure, time)
        if not is_time or e - k < 2:
            continue
        for is_time_after, k2, e2 in runs[n + 1:]:
            if is_time_after and e2 - k2 > 1:  # the next run of times; a date alone is a note ("(As on 06.08.2026)")
                break
            if e2 - k2 == e - k:
                for i in range(e - k):
                    paired.setdefault(span[k2 + i], span[k + i])
    return paired


# A day's figure and a running total in a bulletin: "1,00,180 samples were tested yesterday", "38,37,207 ... so far".
_ONE_DAY = re.compile(r"(?i)\b(?:yesterday|today|in (?:the )?(?:last|past) 24 hours|per day|a day|daily|single day)\b|"
                      r"पिछले 24 घंटों|पिछले 24 घंटे|प्रतिदिन|एक दिन में|(?<![\u0900-\u097f])कल(?![\u0900-\u097f])")
_SO_FAR = re.compile(r"(?i)\b(?:cumulative(?:ly)?|so far|till date|till now|to date|in all)\b|अब तक|संचयी|कुल मिलाकर")
# How much a figure's own words saying it is a single day's, or a running total, weigh for a question about one day.
ONE_DAY = 0.5


# A figure of each period beside a running total: "around 500 training slots every year, while
# approximately 5,600 Mauritians have been trained since 2007".
# A day's own words (`_ONE_DAY`: "daily", "प्रतिदिन") say it too.
_EACH_PERIOD = re.compile(r"(?i)\b(?:every|each|per|a) (?:year|month|week|day)\b|\b(?:annually|yearly|monthly)\b|"
                          r"प्रति ?(?:वर्ष|माह|दिन)|हर (?:साल|वर्ष|महीने|दिन)|सालाना")
_SINCE = re.compile(r"(?i)\bsince\b|शुरुआत से|स्थापना से")


def one_day_words(text: str, start: int, end: int) -> int:
    """1 when the words of `text[start:end]` say a figure is one day's ("tested yesterday"), -1 when
    they say it is a running total ("so far"), 0 when both or neither."""
    return bool(_ONE_DAY.search(text, start, end)) - bool(_SO_FAR.search(text, start, end))


def running_total_words(text: str, start: int, end: int) -> int:
    """1 when the words of `text[start:end]` say a figure is a running total ("so far", "since 2007"),
    -1 when they say it is each period's ("every year", "daily"), 0 when both or neither."""
    return (bool(_SO_FAR.search(text, start, end) or _SINCE.search(text, start, end))
            - bool(_EACH_PERIOD.search(text, start, end) or _ONE_DAY.search(text, start, end)))
