"""The time a question asks about, and how well a passage's dates agree with it.

PIB repeats itself: a daily bulletin for every day, a monthly collection for every month, with
near-identical words and different numbers. "How many had recovered as on 3 June 2020?" must be
answered from the 3 June figures, not a neighbour's. So the question's time is read as a window of
days (a date, a month, a year, a financial year, a quarter or half of one, a range, a time "since"
which up to today, or a relative expression such as "last month" / "पिछले महीने" / "पिछले वित्त वर्ष",
resolved with dateparser against today), and each passage is scored by how
its release date and the dates it states agree with that window. Releases report the past: a
bulletin posted on the 4th gives figures "as on" the 3rd, a month's collection is announced in the
first days of the next month; so a release may follow its window by a little (`lag_days`).
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from index.figures import FigureExtractor
from index.figures.figure import TIME_KINDS, column_label
from index.figures.inline import is_inline_cell
from index.figures.patterns import _MONTH_PAT, _MONTHS_EN, _MONTHS_HI, _MONTHS_HI_RAW, _alts
from index.figures.rows import is_cell
from index.lexical import DEVANAGARI
from index.numbers_hi import norm_word

# Relative expressions: Hindi and English words → the English phrase dateparser reads, and the
# size of the window the resolved day falls in.
_RELATIVE = [
    (r"\blast month\b|\bprevious month\b|पिछले (?:महीने|माह)|पिछला (?:महीना|माह)|गत (?:महीने|माह)", "last month", "month"),
    (r"\bthis month\b|\bcurrent month\b|इस (?:महीने|माह)|चालू (?:महीने|माह)", "today", "month"),
    (r"\blast year\b|\bprevious year\b|पिछले (?:साल|वर्ष)|पिछला (?:साल|वर्ष)|गत (?:साल|वर्ष)|बीते (?:साल|वर्ष)", "last year", "year"),
    (r"\bthis year\b|\bcurrent year\b|इस (?:साल|वर्ष)|चालू (?:साल|वर्ष)", "today", "year"),
    (r"\b(?:last|previous)\s+(?:financial\s+year|fiscal(?:\s+year)?)\b|(?:पिछले|पिछला|गत|बीते)\s+वित्त(?:ीय)?\s+वर्ष",
     "last year", "financial-year"),
    (r"\b(?:this|current|present)\s+(?:financial\s+year|fiscal(?:\s+year)?)\b|(?:इस|चालू|मौजूदा|वर्तमान)\s+वित्त(?:ीय)?\s+वर्ष",
     "today", "financial-year"),
    (r"\blast week\b|\bprevious week\b|पिछले (?:सप्ताह|हफ्ते|हफ़्ते)", "last week", "week"),
    (r"\byesterday\b", "yesterday", "day"),
    (r"\btoday\b|आज", "today", "day"),
]
# A Hindi word is whole: "आज" (today) stands in आजीविका (livelihood) and आज़ादी, "वर्ष" in वर्षों (years).
_RELATIVE_RE = [(re.compile(rf"(?<![\u0900-\u097f])(?:{p})(?![\u0900-\u097f])", re.I), phrase, size)
                for p, phrase, size in _RELATIVE]


@dataclass(frozen=True)
class TimeWindow:
    """The days a question asks about (inclusive) and the words that said so."""

    start: dt.date
    end: dt.date
    text: str
    granularity: str  # day, week, month, year, financial-year, range
    # The question named no year ("in July"): the latest such day or month was taken. It ranks the
    # releases; it refuses none (a question about 3 June of the only year the index holds is answered).
    year_assumed: bool = False
    # ... and the answer is of that day or month in another year, the one this window now names
    # (`answered_window`).
    year_answered: bool = False
    # A year or financial year the question asks a target for ("the target for 2030", "2024 तक ...
    # लक्ष्य"), or any time it asks a forecast for ("the forecast for August 2020"): a release posted
    # before it sets, restates or foresees it (`release_time_fit`).
    target: bool = False
    # It runs from the time named on to today ("since 2014-15", "2014 से अब तक", `_since`): a change asked
    # over it is no figure of its first year ("an increase of 60.32 lakh from 1.57 crore in 2014-15").
    since: bool = False

    def to_dict(self) -> dict:
        out = {"start": self.start.isoformat(), "end": self.end.isoformat(), "text": self.text,
               "granularity": self.granularity}
        if self.year_assumed:
            out["year_assumed"] = True
        if self.year_answered:
            out["year_answered"] = True
        return out


@dataclass(frozen=True)
class QuestionTime:
    """How the question's time was read: a window of days; or, for a question that names no time
    but asks how things stand now ("so far", "अब तक"), the words that asked for the latest; or none."""

    window: TimeWindow | None = None
    latest: str | None = None

    def to_dict(self) -> dict | None:
        if self.window is not None:
            return self.window.to_dict()
        if self.latest is not None:
            return {"start": None, "end": None, "text": self.latest, "granularity": "latest"}
        return None


# Words that ask how things stand now: the running total, the present state. Hindi's completed
# "... चुके हैं" (have already been) asks the same.
_LATEST = re.compile(
    r"\b(?:so far|till date|to date|till now|until now|as of now|as of today|currently|at present|presently)\b|"
    r"अब तक|अभी तक|आज तक|वर्तमान में|फ़?िलहाल|इस समय|चुक[ाीे] (?:हैं|है)(?![\w\u0900-\u097f])", re.I)


def asks_latest(question: str) -> str | None:
    """The words by which a question asks for the current state, if it does."""
    m = _LATEST.search(question)
    return m.group(0) if m else None


def recency(release_date: str | None, newest: dt.date, horizon_days: int = 365) -> float:
    """1 for a release of the newest date among those compared, falling to 0 over `horizon_days`."""
    if not release_date:
        return 0.0
    age = (newest - dt.date.fromisoformat(release_date)).days
    return max(0.0, 1.0 - age / horizon_days)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_start(year: int, month: int) -> dt.date:
    """The first day of a month counted from `year`'s January: month 0 is the December before, 13 the
    next January."""
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


@lru_cache(maxsize=65536)  # the same days come back in passage after passage
def _window_of_iso(iso: str, kind: str) -> tuple[dt.date, dt.date, str] | None:
    """A figure's iso (2020-06-03, 2020-06, 2020, 2019/2020) → (first day, last day, granularity)."""
    try:
        if kind == "period" and "/" in iso:  # a financial year: April to March
            first = int(iso.split("/")[0])
            return dt.date(first, 4, 1), dt.date(first + 1, 3, 31), "financial-year"
        if kind == "year" or re.fullmatch(r"\d{4}", iso):
            y = int(iso[:4])
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        if re.fullmatch(r"\d{4}-\d{2}", iso):
            y, m = int(iso[:4]), int(iso[5:7])
            return dt.date(y, m, 1), _month_end(y, m), "month"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            d = dt.date.fromisoformat(iso)
            return d, d, "day"
    except ValueError:
        return None
    return None


@lru_cache(maxsize=1)
def _extractor() -> FigureExtractor:
    return FigureExtractor()


def _relative(question: str, today: dt.date) -> TimeWindow | None:
    import dateparser

    for pattern, phrase, size in _RELATIVE_RE:
        m = pattern.search(question)
        if not m:
            continue
        day = dateparser.parse(phrase, languages=["en"], settings={
            "RELATIVE_BASE": dt.datetime.combine(today, dt.time()), "PREFER_DATES_FROM": "past"})
        if day is None:
            continue
        d = day.date()
        if size == "month":
            return TimeWindow(d.replace(day=1), _month_end(d.year, d.month), m.group(0), "month")
        if size == "year":
            named = (_MONTH_OF_BEFORE.search(question, max(0, m.start() - 20), m.start())
                     or _MONTH_OF_AFTER.match(question, m.end()))
            month = _month_number(named.group("m")) if named else None
            if month is not None:  # "July last year", "पिछले साल जुलाई में": that month of that year
                words = question[min(named.start(), m.start()):max(named.end(), m.end())]
                return TimeWindow(dt.date(d.year, month, 1), _month_end(d.year, month), words, "month")
            return TimeWindow(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), m.group(0), "year")
        if size == "financial-year":  # April to March: the one today falls in, or the one before
            first = today.year - (today.month < 4) - (phrase == "last year")
            return TimeWindow(dt.date(first, 4, 1), dt.date(first + 1, 3, 31), m.group(0), "financial-year")
        if size == "week":
            monday = d - dt.timedelta(days=d.weekday())
            return TimeWindow(monday, monday + dt.timedelta(days=6), m.group(0), "week")
        return TimeWindow(d, d, m.group(0), "day")
    return None


# A bare year right after a capitalised word that is not a month or a time preposition names an
# edition of something (an index, a survey, a vision document), as PIB titles do.
_NAME_BEFORE = re.compile(
    r"(?<![\w.])(?!(?:In|During|For|Of|Since|By|Until|Till|From|Before|After|Through|Year|FY|Q[1-4]|H[12]|"
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\s+$)[A-Z][A-Za-z0-9&-]*\s+$")


# After a time, the release it dates: "June 2020 forecast", "4 April bulletin", "जून 2020 के पूर्वानुमान".
_DATES_A_RELEASE = re.compile(
    r"\s*(?:'s\s+)?(?:(?:के|की|का)\s+)?(?:[\w-]+\s+){0,2}?(?:forecast|release|bulletin|update|announcement|report|"
    r"press note|statement|पूर्वानुमान|बुलेटिन|विज्ञप्ति|अपडेट|रिपोर्ट|घोषणा)", re.I)
# The time a figure is compared with: "compared with Feb-19", "over June 2025", "as against 2024-25",
# "जून 2025 की तुलना में", "पिछले साल के मुकाबले".
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|as\s+against|against|over|vis-[aà]-vis|than)\s+"
                              r"(?:(?:that\s+of|the\s+same\s+(?:month|period|quarter|day)\s+(?:of|in)|the)\s+)?$", re.I)
_COMPARED_AFTER = re.compile(r"\s*(?:की\s+तुलना\s+में|के\s+मुकाबले|की\s+अपेक्षा|से\s+तुलना)", re.I)


def comparison_base(text: str, start: int, end: int) -> bool:
    """Whether the time written at `text[start:end]` is the time another figure is compared with ("a
    growth of 2% as compared to February, 2019", "फरवरी 2019 की तुलना में"), in a question or a passage."""
    return bool(_COMPARED_BEFORE.search(text, max(0, start - 40), start) or _COMPARED_AFTER.match(text, end))


# A month beside a relative year: "July last year", "in July of this year", "पिछले साल जुलाई में".
_MONTH_OF_BEFORE = re.compile(rf"(?P<m>{_MONTH_PAT})\s*(?:of\s+)?$", re.I)
_MONTH_OF_AFTER = re.compile(rf"\s*(?:(?:के|की|का)\s+)?(?P<m>{_MONTH_PAT})", re.I)
# A period that ends in a month: "the quarter ending June 2026", "the year ended March 2026", "जून 2026 को
# समाप्त तिमाही".
_PERIOD_MONTHS = {"quarter": 3, "three months": 3, "half year": 6, "six months": 6, "year": 12, "twelve months": 12,
                  "तिमाही": 3, "छमाही": 6, "वर्ष": 12, "साल": 12}
_ENDING_IN = re.compile(r"(?i)\b(?P<period>quarter|three months|half[- ]year|six months|year|twelve months)"
                        r"\s+(?:ending|ended)\s+(?:(?:on|in)\s+)?$")
_ENDING_IN_HI = re.compile(r"\s*(?:को|में)?\s*समाप्त\s+(?:हुई\s+|हुए\s+|होने\s+वाली\s+|होने\s+वाले\s+)?"
                           r"(?P<period>तिमाही|छमाही|वर्ष|साल)(?![\u0900-\u097f])")
# "end-March 2026", "March-end 2026": the month (its words blanked, so that what is read keeps its place).
_MONTH_END = re.compile(rf"(?i)\bend-(?=(?:{_MONTH_PAT}))|(?<=[a-z])-end\b(?=\s*,?\s*\d{{4}})")
# A month without a year joined to a month with one: "March and April 2020", "मार्च और अप्रैल 2020".
_MONTH_JOINED = re.compile(rf"(?P<m>{_MONTH_PAT})\s*(?:,|and|&|और|तथा|एवं|व)\s*$", re.I)


def _month_number(word: str) -> int | None:
    """A month's name, English (May only capitalised: "may" is a verb) or Hindi, → its number."""
    word = word.rstrip(".")
    if word == "may":
        return None
    return _MONTHS_EN.get(word.lower()) or _MONTHS_HI.get(norm_word(word))


# What joins two times into one range: "from 1 to 15 May", "जनवरी से मार्च 2021", "between April and June".
_RANGE_JOIN = re.compile(r"\s*(?:to|till|until|through|and|-|–|—|से)\s*", re.I)


# A quarter or a half of the year or financial year that follows or precedes it: "Q1 2026-27", "Q2 of FY
# 2026-27", "the first quarter of 2026-27", "2026-27 की पहली तिमाही", "H1 2026", "the second half of FY26",
# "2025-26 की पहली छमाही". A financial year's first quarter is April to June, its first half April to September.
_ORDINALS = {"1": 1, "2": 2, "3": 3, "4": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "पहली": 1, "दूसरी": 2, "तीसरी": 3, "चौथी": 4}
# ... with the months it spans in brackets between: "the first half (January-June) of 2025"
_OF_YEAR = r"(?:\s*\([^()]{1,30}\))?(?:\s*,?\s*(?:of|in)?\s*(?:the\s+)?(?:FY|financial\s+year|fiscal(?:\s+year)?)?\s*)$"
_QUARTER_BEFORE = re.compile(r"(?:\bQ([1-4])|\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)" + _OF_YEAR, re.I)
_QUARTER_AFTER = re.compile(r"\s*(?:की|के|का)\s+(पहली|दूसरी|तीसरी|चौथी)\s+तिमाही(?![\u0900-\u097f])")
_HALF_BEFORE = re.compile(r"(?:\bH([12])|\b(first|second|1st|2nd)\s+half)" + _OF_YEAR, re.I)
_HALF_AFTER = re.compile(r"\s*(?:की|के|का)\s+(पहली|दूसरी)\s+छमाही(?![\u0900-\u097f])")


def _part_of_year(question: str, first: dt.date, start: int, end: int) -> tuple[dt.date, dt.date, int, int] | None:
    """The quarter or half of the year or financial year that begins on `first` (read from
    question[start:end]) the question names beside it: (its first day, its last day, where the words
    of both begin and end); None where it names neither."""
    for before_re, after_re, size in ((_QUARTER_BEFORE, _QUARTER_AFTER, 3), (_HALF_BEFORE, _HALF_AFTER, 6)):
        before = before_re.search(question, max(0, start - 40), start)
        after = after_re.match(question, end)
        if before or after:
            break
    else:
        return None
    n = _ORDINALS[(before.group(1) or before.group(2)).lower() if before else after.group(1)]
    last = _month_start(first.year, first.month + size * n - 1)
    return (_month_start(first.year, first.month + size * (n - 1)), _month_end(last.year, last.month),
            before.start() if before else start, after.end() if after else end)


# "since 2014", "since its launch on 5 January 2015", "from 2019-20 onwards", "2014 से अब तक", "2020 के बाद
# से": from that time to today.
_SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+(?:(?:the\s+)?(?:(?:FY|financial\s+year|fiscal(?:\s+year)?)\s*)?|"
                           r"(?:[\w'’-]+\s+){1,4}?(?:on|in)\s+)$", re.I)
_SINCE_AFTER = re.compile(r"\s*(?:onwards?\b|till\s+(?:date|now)\b|to\s+date\b|until\s+now\b|"
                          r"(?:से|से\s+लेकर)\s+(?:अब|आज)\s+तक(?![\u0900-\u097f])|के\s+बाद\s+से(?![\u0900-\u097f]))", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:FY|financial\s+year|fiscal(?:\s+year)?)\s*)?$", re.I)


def _since(question: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the words that run the time at question[start:end] on to today begin and end, if any."""
    if before := _SINCE_BEFORE.search(question, max(0, start - 30), start):
        return before.start(), end
    after = _SINCE_AFTER.match(question, end)
    if after and (not after.group().strip().lower().startswith(("onward", "till", "to ", "until"))
                  or _FROM_BEFORE.search(question, max(0, start - 30), start)):
        return start, after.end()
    return None


def read_time(question: str, today: dt.date | None = None) -> QuestionTime:
    """The window of days the question asks about, if it names one."""
    read = _read_time(question, today or dt.date.today())
    if read.window is not None and (read.window.granularity in _TARGETED and _TARGET.search(question)
                                    or _FORECAST.search(question)):
        return dataclasses.replace(read, window=dataclasses.replace(read.window, target=True))
    return read


# A question about a goal set for a year: its year is when the goal falls due, not when it was set.
_TARGET = re.compile(r"\b(?:targets?|targeted|goals?|aims?|aimed)\b|(?<![\u0900-\u097f])लक्ष्य", re.I)
_TARGETED = frozenset({"year", "financial-year"})
# ... and one about a forecast, of any time: "the rainfall forecast for August 2020" is made before it.
_FORECAST = re.compile(r"\b(?:forecasts?|forecasted|predicted|prediction|projected|projections?|outlook)\b|"
                       r"(?<![\u0900-\u097f])(?:पूर्वानुमान|अनुमानित|भविष्यवाणी)", re.I)


def without_time(question: str, qtime: QuestionTime | None) -> str:
    """The question with the words that named its time blanked: what it asks about that time.
    "2024", "मई 2020", "in FY 2019-20?" ask about nothing, yet e5 puts some passage near any text."""
    if qtime is None or qtime.window is None:
        return question
    return question.replace(qtime.window.text, " ")


@lru_cache(maxsize=4096)  # popular questions come back, and reading a relative one with dateparser is slow
def _read_time(question: str, today: dt.date) -> QuestionTime:
    blanked = _MONTH_END.sub(lambda m: " " * len(m.group()), question)  # "end-March 2026": March 2026
    read = _read_blanked(blanked, today)
    if blanked != question and read.window is not None and (at := blanked.find(read.window.text)) >= 0:
        # the words as the question writes them: "March-end 2026"
        return dataclasses.replace(read, window=dataclasses.replace(
            read.window, text=question[at:at + len(read.window.text)]))
    return read


@lru_cache(maxsize=1024)  # read for the question's time and for the numbers it gives, once a question
def question_figures(question: str) -> tuple:
    """The figures a question states, dates and times among them."""
    return tuple(_extractor().run(question))


def _read_blanked(question: str, today: dt.date) -> QuestionTime:
    spans, yearless = [], []
    for f in question_figures(question):
        if f.kind == "date" and f.iso and f.iso.startswith("--"):
            yearless.append(f)
        elif f.kind in TIME_KINDS and f.iso:
            if f.kind == "year" and _NAME_BEFORE.search(question, 0, f.start):
                continue  # "State Energy Efficiency Index 2024", "SEEI 2024": an edition's name, not a time
            w = _window_of_iso(f.iso, f.kind)
            if w is not None:
                spans.append((w, question[f.start:f.end], f.start, f.end))
    if len(spans) > 1:
        # "IMD's June 2020 forecast for September", "जून 2020 के पूर्वानुमान में सितंबर 2020": a time that
        # dates the release stands beside the one the figure is of, not as the start of a range; and
        # "in Feb-20 compared with Feb-19", "जून 2025 की तुलना में": the time a figure is compared with.
        asked = [sp for sp in spans if not (_DATES_A_RELEASE.match(question, sp[3]) or comparison_base(question, sp[2], sp[3]))]
        if asked and len(asked) < len(spans) and not any(
                _RANGE_JOIN.fullmatch(question, a[3], b[2]) for a, b in zip(spans, spans[1:])):
            spans = asked
    if spans:
        if len(spans) == 1:
            (a, b, gran), text, start, end = spans[0]
            if gran in ("year", "financial-year") and (part := _part_of_year(question, a, start, end)):
                a, b, begins, ends = part
                text = question[begins:ends]
                return QuestionTime(TimeWindow(a, b, text, "range"))
            if (since := _since(question, start, end)) and today > b:
                return QuestionTime(TimeWindow(a, today, question[since[0]:since[1]], "range", since=True))
            ending = gran == "month" and (_ENDING_IN.search(question, max(0, start - 40), start)
                                          or _ENDING_IN_HI.match(question, end))
            if ending:  # "the quarter ending June 2026", "जून 2026 को समाप्त तिमाही"
                months = _PERIOD_MONTHS[ending.group("period").lower().replace("-", " ")]
                words = question[min(ending.start(), start):max(ending.end(), end)].strip()
                return QuestionTime(TimeWindow(_month_start(a.year, a.month - months + 1), b, words, "range"))
            if gran == "month" and (joined := _MONTH_JOINED.search(question, max(0, start - 30), start)):
                month = _month_number(joined.group("m"))
                if month is not None and month != a.month:  # "March and April 2020", "मार्च और अप्रैल 2020"
                    first = _month_start(a.year, month - 12 * (month > a.month))
                    return QuestionTime(TimeWindow(first, b, question[joined.start("m"):end], "range"))
            return QuestionTime(TimeWindow(a, b, text, gran))
        # Two or more: a range from the first to the last ("from 1 to 15 May", "जनवरी से मार्च 2021").
        a = min(sp[0][0] for sp in spans)
        b = max(sp[0][1] for sp in spans)
        finest = min(spans, key=lambda sp: (sp[0][1] - sp[0][0]).days)[0][2]
        text = question[min(sp[2] for sp in spans):max(sp[3] for sp in spans)]
        return QuestionTime(TimeWindow(a, b, text, "range" if b > a else finest))
    window = _relative(question, today) or _without_a_year(question, yearless, today)
    return QuestionTime(window, None if window is not None else asks_latest(question))


# A month named alone, as a time ("in July", "for March", "जुलाई में", "जुलाई माह"): English after a
# preposition, May only capitalised ("may" is a verb); Hindi before a postposition or "माह".
# Full names only: "in Jan Aushadhi Kendras", "in Jan Dhan accounts" name no month.
_MONTH_NAMES_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ALONE_EN = re.compile(rf"\b(?:in|during|for|of|since|till|until|by)\s+(?:the\s+month\s+of\s+)?(?P<m>{_MONTH_NAMES_EN})\b"
                             r"(?![\s,.'’-]*\d)", re.I)
# Two months named as a span without a year ("from April to July", "April-July", "between June and
# August", "अप्रैल से जुलाई", "जून और अगस्त के बीच"): the latest such span that has ended.
_MONTH_SPAN_ALONE = re.compile(
    rf"\b(?:(?:from|between|during|in|for)\s+)?(?P<a>{_MONTH_NAMES_EN})\s*(?:to|till|until|through|-|–|—|and)\s*"
    rf"(?P<b>{_MONTH_NAMES_EN})\b(?![\s,.'’-]*\d)|"
    rf"(?<![\d\u0966-\u096f])(?<![\d\u0966-\u096f]\s)(?P<ha>{_MONTH_PAT})\s*(?:से|-|–)\s*(?P<hb>{_MONTH_PAT})"
    r"(?![\s,.'’-]*[\d\u0966-\u096f])", re.I)
_MONTH_ALONE_HI = re.compile(rf"(?<![\d\u0966-\u096f])(?<![\d\u0966-\u096f]\s)(?P<m>{_MONTH_PAT})\s*(?:में|के\s+दौरान|के\s+महीने|माह|महीने)"
                             r"(?![\u0900-\u097f])")


def _without_a_year(question: str, days, today: dt.date) -> TimeWindow | None:
    """A day and month, a span of two months, or a month, named without a year ("on 3 June", "from
    April to July", "in July", "जुलाई में"): as a person asking today means it, the latest such day up
    to today, or the latest such span or month that has ended (on 2 December, "December" is last
    December's: this month's figures are not out yet).
    `days`: the question's date figures without a year (iso "--MM-DD")."""
    for f in days:
        month, day = int(f.iso[2:4]), int(f.iso[5:7])
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
        for back in range(8):  # 29 February: the latest year that has one
            if month != 2 or day != 29 or calendar.isleap(year - back):
                when = dt.date(year - back, month, day)
                return TimeWindow(when, when, question[f.start:f.end], "day", year_assumed=True)
    if span := _MONTH_SPAN_ALONE.search(question):
        first = _month_number(span.group("a") or span.group("ha"))
        last = _month_number(span.group("b") or span.group("hb"))
        if first is not None and last is not None and first != last:
            year = today.year if last < today.month else today.year - 1
            start = _month_start(year - (first > last), first)  # "November to February": across the new year
            words = question[span.start("a" if span.group("a") else "ha"):span.end()]
            return TimeWindow(start, _month_end(year, last), words, "range", year_assumed=True)
    for pattern in (_MONTH_ALONE_EN, _MONTH_ALONE_HI):
        for m in pattern.finditer(question):
            month = _month_number(m.group("m"))
            if month is None:
                continue
            year = today.year if month < today.month else today.year - 1
            return TimeWindow(_month_start(year, month), _month_end(year, month), m.group("m"), "month",
                              year_assumed=True)
    return None


# How long after its window a release may report on it: a day's bulletin the next morning, a
# month's figures in the first days of the next month, a year's in the following weeks.
LAG_DAYS = {"day": 1, "week": 2, "month": 7, "year": 45, "financial-year": 45, "range": 7}


# What joins two dates into one span: "23rd March to 3rd April 2020", "1 से 15 मई".
_SPAN_JOIN = re.compile(r"\s*(?:to|till|until|through|-|–|—|से)\s*", re.I)


# A month a passage names alone, as its time ("June recorded 35% below-normal rainfall", "अप्रैल में"):
# English capitalised and with no number after it (that is a date figure), May only after a
# preposition ("May" begins sentences as a verb); Hindi not after a number ("3 जून" is a date figure).
_PASSAGE_MONTH_EN = re.compile(rf"(?<!\w)(?:(?P<m>{_MONTH_NAMES_EN.replace('May|', '')})|"
                               r"\b(?i:in|of|during|since|till|until|by|from|to|and|through)\s+(?P<may>May))"
                               r"(?![\w-])(?![\s,.'’-]*\d)")
_PASSAGE_MONTH_HI = re.compile(r"(?<![\d\u0966-\u096f])(?<![\d\u0966-\u096f]\s)(?P<m>"
                               + _alts([w for ws in _MONTHS_HI_RAW.values() for w in ws])
                               + r")(?![\u0900-\u097f])(?![\s,.'’-]*[\d\u0966-\u096f])")
# What a text holds wherever one of them matches: a name spelled as they spell it, or Devanagari. Most
# passages hold neither, and looking for that costs far less than running them.
_PASSAGE_MONTH_CUES = ((_PASSAGE_MONTH_EN, re.compile(_MONTH_NAMES_EN)), (_PASSAGE_MONTH_HI, DEVANAGARI))


# A month followed by what joins two dates into a span, and the span's end: it begins a range.
_RANGE_ON = re.compile(_SPAN_JOIN.pattern + r"(?:\d|[\u0966-\u096f]|" + _MONTH_PAT + ")", re.I)


def months_alone(text: str, released: dt.date | None) -> list[tuple[dt.date, dt.date]]:
    """The months `text` names without a year or a day, up to its release's month (`released`): a
    bulletin of 12 August writes "June" for this year's June. A later month may be this year's to come
    (a forecast for "August" of 1 June) or last year's: it says nothing. Nor does a month that begins a
    range ("जनवरी से 29 फरवरी, 2020 तक"): the range is the time stated, and its end's year may not be
    the release's."""
    if released is None or not text:
        return []
    out = []
    for pattern, cue in _PASSAGE_MONTH_CUES:
        if not cue.search(text):
            continue
        for m in pattern.finditer(text):
            month = _month_number(m.group("m") or m.group("may"))
            if month is None or month > released.month or _RANGE_ON.match(text, m.end()):
                continue
            out.append((_month_start(released.year, month), _month_end(released.year, month)))
    return out


def stated_windows(passage_figures, release_date: dt.date | None, text: str | None = None, *,
                   months: bool = False) -> list[tuple[dt.date, dt.date]]:
    """The days a passage's own dates, years and financial years name (a day and month without a
    year take the release's). Given the passage's `text`, two dates joined by "to" / "से" are one span;
    with `months`, the months it names alone count too (`months_alone`)."""
    out = [w for w, _ in _stated_at(passage_figures, release_date, text)]
    return out + months_alone(text, release_date) if months and text is not None else out


def _stated_at(passage_figures, release_date: dt.date | None, text: str | None) -> list[tuple[tuple[dt.date, dt.date], int]]:
    """`stated_windows` without the months alone, each with where its first date is written."""
    out = []
    previous = None  # (figure, index in out) of the last date
    for f in passage_figures:
        if f.kind not in TIME_KINDS or not f.iso:
            continue
        iso = f.iso
        if iso.startswith("--"):
            if release_date is None:
                continue
            iso = f"{release_date.year}{iso[1:]}"
        w = _window_of_iso(iso, f.kind)
        if w is None:
            continue
        if (text is not None and previous is not None and f.kind == previous[0].kind == "date"
                and _SPAN_JOIN.fullmatch(text, previous[0].end, f.start)):
            (a, b), at = out[previous[1]]
            out[previous[1]] = ((min(a, w[0]), max(b, w[1])), at)
            previous = None
            continue
        out.append(((w[0], w[1]), f.start))
        previous = (f, len(out) - 1)
    return out


def release_time_fit(window: TimeWindow, released: dt.date | None) -> int:
    """1 when a release of that day can report on the window (within it, or just after it by the
    lag), -1 when it cannot, 0 when undated or when it cannot tell (a year's figures may be
    published long after it; a day's or month's are not; a target for a year is set before it)."""
    if released is None:
        return 0
    lag = dt.timedelta(days=LAG_DAYS.get(window.granularity, 7))
    if window.granularity == "range" and not window.target and window.start <= released < window.end - dt.timedelta(days=1):
        return 0  # posted within a span, before its last days: it reports on part of it at most
    if window.start <= released <= window.end + lag:
        return 1
    if released < window.start and window.target:
        return 0
    if released < window.start or window.granularity in ("day", "week", "month"):
        return -1
    return 0


def stated_time_fit(window: TimeWindow, figures, released: dt.date | None = None, *, alike: bool = False,
                    text: str | None = None, months: bool = False) -> int:
    """1 when one of the dates among `figures` falls in the window, -1 when all fall outside it, 0
    when none counts (see `windows_fit`)."""
    return windows_fit(window, stated_windows(figures, released, text, months=months), alike=alike)


def windows_fit(window: TimeWindow, stated, *, alike: bool = False) -> int:
    """1 when one of the `stated` windows (`stated_windows`) falls in the window, -1 when all fall
    outside it, 0 when none counts. Only dates no longer than the window count (a year stated in a
    daily bulletin says nothing of its day), up to a month. `alike`: only dates about as long as the
    window count for it (a month's release names the month it reports on; the days it names are of
    other events), and longer ones up to a month against it when they miss it (a table of July and
    August, for a day in June; a year stated is often of something else: "an officer of the 1987
    batch")."""
    return _fit_and_counted(window, stated, alike)[0]


def overlaps(window: TimeWindow, stated: tuple[dt.date, dt.date]) -> bool:
    """Whether a stated time (its first and last day) shares a day with the window."""
    return stated[0] <= window.end and stated[1] >= window.start


def _fit_and_counted(window: TimeWindow, stated, alike: bool) -> tuple[int, list]:
    """`windows_fit`, and the windows it counted."""
    counted, longest = _counted(window, stated, alike)
    inside = [w for w in counted if overlaps(window, w)]
    if any((b - a).days <= longest for a, b in inside):
        return 1, counted
    return (-1 if len(inside) < len(counted) else 0), counted


def _counted(window: TimeWindow, stated, alike: bool) -> tuple[list, float]:
    """The `stated` windows `windows_fit` counts for `window`, and the longest that fits it."""
    span = (window.end - window.start).days
    shortest, longest = (span / 2 - 3, span + 3) if alike else (0, max(span, 31))
    return [w for w in stated if shortest <= (w[1] - w[0]).days <= (max(longest, 31) if alike else longest)], longest


def stated_instead(window: TimeWindow, stated) -> tuple[dt.date, dt.date] | None:
    """The time the `stated` windows (`stated_windows`) are of instead of the window, when they put
    a passage at another time (`windows_fit`, alike, is -1): of those that count, the one stated most
    often, the first of equals; a passage names the time it reports on again and again, and other
    times in passing (the GST return filings of the month before)."""
    fit, counted = _fit_and_counted(window, stated, True)
    if fit != -1:
        return None
    outside = [w for w in counted if not overlaps(window, w)]
    return max(outside, key=outside.count)


def iso_time(start: dt.date, end: dt.date) -> str:
    """Days as ISO 8601 writes them at the precision they have: a day (2020-02-29), a month
    (2020-02), a calendar year (2020), else the first and last day (2019-04-01/2020-03-31)."""
    if start == end:
        return start.isoformat()
    if start.day == 1 and end == _month_end(start.year, start.month):
        return f"{start:%Y-%m}"
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    return f"{start.isoformat()}/{end.isoformat()}"


_FINANCIAL_YEAR = re.compile(r"(\d{4})-04-01/(\d{4})-03-31")


def financial_year_said(iso: str) -> str | None:
    """An `iso_time` that is India's financial year (1 April to 31 March) as releases write it,
    "2022-23"; else None."""
    if (fy := _FINANCIAL_YEAR.fullmatch(iso)) and int(fy[2]) == int(fy[1]) + 1:
        return f"{fy[1]}-{fy[2][2:]}"
    return None


# A day's or a week's figures are told by the days a release states: it may be posted days after them.
POSTED_LATE = frozenset({"day", "week"})


@dataclass(frozen=True)
class StatedTimes:
    """What a passage says of time, whatever the question asks: its release's day, the days its
    dates name (with its release title's, joined to its text), and its title's alone. Every
    question with a time compares it with the same passages again, so a searcher keeps it."""

    released: dt.date | None
    windows: tuple[tuple[dt.date, dt.date], ...]
    title_windows: tuple[tuple[dt.date, dt.date], ...] = ()
    # the months its text names alone (`months_alone`): a month or longer is asked about them; a
    # day's bulletin names months for other things ("since March")
    months: tuple[tuple[dt.date, dt.date], ...] = ()
    # for each of `windows`, the kinds of the other figures of the sentence that states it (none
    # read: empty); read when the passage's sentences are given
    beside: tuple[frozenset[str], ...] = ()


def stated_times(release_date: str | None, passage_figures=(), text: str | None = None,
                 title: str | None = None, sentences=None) -> StatedTimes:
    """`time_agreement`'s question-independent half (its arguments are the same). `sentences`: the
    (start, end) of each of `text`'s sentences, for `StatedTimes.beside` (a searcher has them from
    the passage's analysis)."""
    released = dt.date.fromisoformat(release_date) if release_date else None
    titled = ()
    spans = list(sentences) if sentences is not None and text is not None else None
    if title and text is not None:
        titled = tuple(stated_windows(title_figures(title), released, title))
        if spans is not None:
            spans.append((len(text) + 1, len(text) + 1 + len(title)))  # the title is a sentence of its own
        text, passage_figures = with_title(text, passage_figures, title)
    stated = _stated_at(passage_figures, released, text)
    return StatedTimes(released, tuple(w for w, _ in stated), titled,
                       tuple(months_alone(text, released)) if text is not None else (),
                       _kinds_beside(stated, passage_figures, text, spans) if spans is not None else ())


def _kinds_beside(stated, figures, text: str, sentences) -> tuple[frozenset[str], ...]:
    """`StatedTimes.beside`: the sentence of each stated time, the kinds of what it measures. A table's
    cells say nothing: their kind is read from a header that often leaves out their unit (a table of
    growth rates read as counts)."""
    measures = [f for f in figures if f.kind not in TIME_KINDS and not (is_inline_cell(f) or is_cell(text, f))]
    out = []
    for _, at in stated:
        a, b = next(((a, b) for a, b in sentences if a <= at < b), (at, at))
        out.append(frozenset(f.kind for f in measures if a <= f.start < b))
    return tuple(out)


def without_plans(window: TimeWindow, stated, released: dt.date | None) -> tuple:
    """The `stated` windows a release can report on: a time after its day, outside the window, is a
    deadline or a plan ("lockdown 3.0 (till May 17, 2020)" in the bulletin of 3 May, "by 2030"), and
    does not put the release at another time than the question's."""
    if released is None:
        return tuple(stated)
    return tuple(w for w in stated if w[0] <= released or overlaps(window, w))


def agreement(window: TimeWindow, times: StatedTimes, kinds: frozenset[str] = frozenset(), *,
              beside_kind: bool = False, plans_aside: bool = False, row_of_the_day: bool = False) -> float:
    """`time_agreement` of a passage's `stated_times`.

    `kinds`, with `beside_kind`: the kinds of figure the question asks for. A release posted after
    the window that names a day of it only beside figures of other kinds recalls it for them: the
    bulletin of 1 June that compares its recovery rate with "3 मई को यह 26.59 प्रतिशत था" is not the
    count of recoveries on 3 May.
    `plans_aside`: the release's plans and deadlines do not count (`without_plans`).
    `row_of_the_day`: the passage holds a table row of the asked day or week ("27.3.2020 04 09 01" in
    a day-wise table of flights): as a title of that day does, it places the release there whatever
    day it was posted."""
    release_fit = release_time_fit(window, times.released)
    if (release_fit < 0 and times.title_windows and window.granularity in POSTED_LATE
            and windows_fit(window, times.title_windows, alike=True) == 1):
        release_fit = 1
    if release_fit < 0 and row_of_the_day and window.granularity in POSTED_LATE:
        release_fit = 0

    stated = times.windows
    if beside_kind and release_fit < 0 and kinds and times.beside:
        stated = tuple(w for w, held in zip(times.windows, times.beside)
                       if not (held and held.isdisjoint(kinds) and overlaps(window, w)))
    if plans_aside:
        stated = without_plans(window, stated, times.released)
    months = times.months if window.granularity not in POSTED_LATE else ()
    return 0.5 * release_fit + 0.5 * windows_fit(window, stated + months)


def time_agreement(window: TimeWindow, release_date: str | None, passage_figures=(), text: str | None = None,
                   title: str | None = None) -> float:
    """From -1 (the passage is about another time) to 1 (its release and its stated dates fit).

    Half comes from the release date (within the window, or just after it by the lag), half from
    the dates the passage states (one inside the window; all of them outside counts against).
    `text`: the text the figures are of, so that two dates joined by "to" are one span.
    `title`: the release's title (with `text`). Its dates count among the passage's, and for a day or
    a week, one as short as the window and in it places the release there whatever day it was
    posted: a weekly report "as on 14.08.2026" may come out on the 17th, past a day's lag. (A
    month's or a year's title names its period whether the release is that period's figures, a plan,
    or a review of it.)"""
    return agreement(window, stated_times(release_date, passage_figures, text, title))


@lru_cache(maxsize=4096)
def column_times(header: str) -> tuple[tuple[dt.date, dt.date], ...]:
    """The times a table column's header names ("Feb-20", "Area Sown 2026", "Normal Area (2020-21 to
    2024-25)"): its cells are of them."""
    return tuple(stated_windows([f for f in title_figures(header) if f.kind in TIME_KINDS], None))


def columns_state(window: TimeWindow, figures) -> bool:
    """Whether a table cell among `figures` stands under a column whose header names a time in the
    window, about as long as it: "फरवरी-19" over हरियाणा's 4,873 states February 2019, whatever month
    the release's title and prose are about."""
    return any(windows_fit(window, column_times(column), alike=True) == 1
               for f in figures if (column := column_label(f.label)))


@lru_cache(maxsize=65536)  # titles come back with every question that finds their release
def title_figures(title: str) -> tuple:
    return tuple(_extractor().run_line(title)) if title else ()


def with_title(text: str, figures, title: str) -> tuple[str, list]:
    """A passage's text and figures followed by its release title's. A weekly report's figures are
    "as on" the day its title names ("... Kharif crops as on 14.08.2026"), not the day it was
    posted; in one text, a span the two share still joins."""
    shift = len(text) + 1
    moved = [dataclasses.replace(f, start=f.start + shift, end=f.end + shift) for f in title_figures(title)]
    return f"{text}\n{title}", [*figures, *moved]


def answered_window(asked: TimeWindow, stated: StatedTimes) -> TimeWindow:
    """The window a reply reports for a question that named no year, once its answer is known. "फरवरी
    में" ranks releases as the latest February, but a corpus without this year's February answers
    from an older one; saying "2026-02" beside February 2020's figure would claim the answer is of a
    month it is not. The window then names the latest year in which the answer's passage (or its
    release's title) states that day or month, unless it states the assumed year too."""
    if not asked.year_assumed or asked.granularity not in ("day", "month"):
        return asked
    month, day = asked.start.month, asked.start.day

    def holds(start: dt.date, end: dt.date) -> int | None:
        if asked.granularity == "month":
            return start.year if (start.year, start.month) == (end.year, end.month) == (start.year, month) else None
        if start.year != end.year or (month, day) == (2, 29) and not calendar.isleap(start.year):
            return None
        return start.year if start <= dt.date(start.year, month, day) <= end else None

    years = {y for start, end in (*stated.windows, *stated.title_windows, *stated.months)
             if (y := holds(start, end)) is not None}
    if not years or asked.start.year in years:
        return asked
    year = max(years)
    if asked.granularity == "month":
        start, end = _month_start(year, month), _month_end(year, month)
    else:
        start = end = dt.date(year, month, day)
    return dataclasses.replace(asked, start=start, end=end, year_answered=True)

