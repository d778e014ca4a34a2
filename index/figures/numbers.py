"""Numbers and ranges: digits and number words, their scale, currency, unit and qualifier, ranges of
two numbers, and what is not a figure (versions, phone numbers, list markers, codes)."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext

from index.numbers_hi import (
    ALL_WORDS, EN_UNITS, HI_FRACTION_PREFIX, HI_FRACTION_VALUES, HI_UNITS, norm_word, parse_words
)
from index.figures.figure import TIME_KINDS, Figure
from index.figures.patterns import (
    _AMPM_RE, _BETWEEN_RE, _CAPS_AFTER_RE, _CTX, _CUR_PREFIX_RE, _CUR_SUFFIX_RE, _D, _DATE_DMY_RE, _DAY_ORDINAL_HEADS,
    _DATE_MDY_RE, _DATE_NUM_RE, _DEV_WORD_RE, _DIGITS_RE, _EN_FUNC, _FY_PREFIX_RE, _GLUED_HI_OK,
    _AGE_BEFORE_RE, _SPEED_BEFORE_RE, _COUNT_BEFORE_RE, _COUNTED_ACRONYM_AFTER_RE, _HELPLINE_AFTER_RE, _HELPLINE_BEFORE_RE, _HI_FUNC, _ID_BEFORE_RE, _KEYWORD_BEFORE, _KEYWORD_BEFORE_CAP,
    _KEYWORD_RANGE_RE, _KI, _LIST_AFTER_RE, _MONTH_RANGE_RE, _MONTH_YEAR_SHORT_RE, _MONTH_YY_RANGE_RE,
    _NUMLIT_RE, _ORDINAL_HI_RE, _ORDINAL_RE,
    _ORD_HI_SPACED, _PERCENT_RE, _PHONE_AFTER_RE, _PHONE_DASH_RE, _PHONE_PLUS_RE, _PIN_BEFORE_RE,
    _NOUN_AFTER_RE, _QUAL_POST_RE, _QUAL_PRE_RE, _RANGE_CONN_RE, _Res, _SANKHYA, _SCALE_RE, _TIMES_RE,
    _RATIO_AFTER_RE, _RATIO_WORD_BEFORE_RE, _TIME_RE, _TOKEN_RE, _UNIT_EN_CI, _UNIT_RE_LIST, _WORDNUM_STOP_UNITS, _YEAR4_RE, ascii_digits,
    _is_dev_letter, _is_letter, _year_like, scale_value
)
from index.figures.dates import _mk_date, _month_num, fy_month_year, fy_tail
from index.figures.labels import _TIME_BEFORE, _TIME_WORDS
from index.lexical import STOPWORDS
from index.names import place_ending
from index.ordinals import ENGLISH as ORDINAL_WORDS_EN, HINDI as ORDINAL_WORDS_HI


_WORD_BEFORE_BRACKET = re.compile(r"([^\s\d()]+)\s?$")
# a decimal point typed a space after the digits before it, glued to those after: "9 .16 crore MSMEs"
# is 9.16 crore, not 9 and 16 crore. Not where the digits after go on as a date's ("as on 30
# .06.2026") or another number follows, as a table's next cell would (".5" typed for 0.5).
_SPACED_POINT = re.compile(rf" \.({_D}+)(?!{_D}|\.{_D}|\s+{_D})")
# a space typed after a grouping comma: "Rs.25, 000/-" is 25,000 and "1,64, 902 internships" 1,64,902. Only
# where no list could be meant: a group of three starting with a zero (no list's item is written "000"), or
# one ending a grouping whose last group, of two, is no number's end ("1,64").
_SPACED_GROUP = re.compile(rf", ({_D}{{3}})(?!{_D}|[.,]{_D})")
# a number word that picks out of a group rather than counting: "two of the ten", "दो में से"
_PART_OF_AFTER_RE = re.compile(r"\s+(?:of|among|में\s+से)(?![\w\u0900-\u097F])")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\s+$")
# "second" is an ordinal of a series only before one of its members ("the second edition", "a second round"):
# elsewhere a time unit ("per second") or a rank ("the second largest"). Not "first", nor a phase: "the first
# phase", "the second phase" are a plan's stages, which the hand-checked figure sets count no figure.
_ORDINAL_BEFORE_A_SERIES = {"second": 2}
_ONE_OF_A_SERIES_AFTER = re.compile(r"(?i)[ ]+(?:[A-Za-z-]+[ ]+)?(?:edition|round|meeting|session|summit|plenary|"
                                    r"conference|congress|convocation|anniversary|instal+ment|tranche|batch|cycle)s?\b")
# a number word after these tells a stretch of time ("the last five years", "पिछले तीन वर्षों")
_SPAN_BEFORE = _TIME_BEFORE | {"past", "recent"}
# a number word before these multiplies ("three fold", "दो गुना") or describes ("तीन सदस्यीय समिति", "पांच
# वर्षीय योजना"), as a hyphen does in English ("three-member"); "पांच दिवसीय" is a span where it reads as one
# (`_SPAN_ADJECTIVE_RE`), and no count where it does not ("दो - दिवसीय")
_SPELLED_NO_COUNT = {norm_word(w) for w in "fold times गुना गुणा दिवसीय वर्षीय सदस्यीय स्तरीय".split()}
# A span written as an adjective of the thing it lasts, "a five-day exercise", "तीन दिवसीय सम्मेलन": how
# long that event is, where a number word before a time unit is otherwise prose ("within five years");
# not years, which give a period's figures their time ("457 during the three-year period").
_SPAN_ADJECTIVE_RE = re.compile(r"(?i)-(?:day|week|month|hour)\b|[\s-]*दिवसीय(?![\u0900-\u097f])")


# "Uttar Pradesh (62), Haryana (52)": a bracketed number after a known place, its list item closed by a
# comma, "and", a dash or a full stop, is the place's count; "(2) Uttar Pradesh" numbers a list, and a
# place's name follows its bracket.
_PLACE_ITEM_AFTER = re.compile(r"\)\s*(?:[,;.\u2014\u2013]|and\b|और|एवं|$)")


def _place_item(text: str, p: int, q: int) -> bool:
    """Whether the bracketed number at `text[p:q]` is a place's count in a list (`_PLACE_ITEM_AFTER`)."""
    return bool(_PLACE_ITEM_AFTER.match(text, q)) and place_ending(text[max(0, p - 41):p - 1].rstrip()) is not None


def _series_number(lit: str) -> int | None:
    """The number of an ordinal written in digits ("26" of "26th"), where it can number a series."""
    return int(lit) if lit.isdigit() and len(lit) <= 3 else None


def _spelled_before(text: str, bracket: int, value: int) -> int | None:
    """Where the number word before the bracket at `bracket` starts, when it spells `value`: PIB writes
    a small count in words and then in digits, "three (3)", "seven (07)", "तीन (3)"; a bracketed
    number after anything else is list numbering ("(3)")."""
    m = _WORD_BEFORE_BRACKET.search(text, max(0, bracket - 30), bracket)
    if not m:
        return None
    word = norm_word(m.group(1).lower())
    spelled = EN_UNITS.get(word, HI_UNITS.get(word))
    return m.start(1) if spelled == value else None


def _qualifier_before(text: str, start: int, kind: str | None = None) -> str | None:
    """The qualifier written before a figure starting at `start` ("more than", "about", "लगभग"). Given
    its `kind`: "some" or "estimated" qualifies only a count, an amount or a quantity."""
    qm = _QUAL_PRE_RE.search(text, max(0, start - 24), start)
    if not qm:
        return None
    qual = "about" if qm.lastgroup == "about_hi" else qm.lastgroup
    if (kind is not None and qual == "about" and qm.group().strip().lower() in ("some", "estimated", "an estimated")
            and kind not in ("count", "money", "quantity")):
        return None
    return qual


def _counts_things(text: str, start: int, end: int) -> bool:
    """Whether a number that could be a year counts things instead (`_COUNTED_ACRONYM_AFTER_RE`)."""
    if _COUNTED_ACRONYM_AFTER_RE.match(text, end):
        return True
    noun = _NOUN_AFTER_RE.match(text, end)
    return bool(noun and noun.group(1).casefold() not in STOPWORDS
                and _COUNT_BEFORE_RE.search(text, max(0, start - 24), start))


def _dec(s: str) -> Decimal | None:
    s = ascii_digits(s).replace(",", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _norm_value(v: Decimal) -> Decimal:
    with localcontext(_CTX):
        if v == v.to_integral_value():
            return Decimal(int(v))
        return v.normalize()


def _kind_and_unit(pct, currency, unit) -> tuple[str, str | None]:
    """A percent sign makes a percent, else a currency money, else a unit a quantity, else a count."""
    if pct:
        return "percent", pct
    if currency:
        return "money", currency
    if unit:
        return "quantity", unit[0]
    return "count", None


def _valid_grouping(lit: str) -> bool:
    intpart = lit.split(".")[0]
    groups = intpart.split(",")
    if len(groups) == 1:
        return True
    if not (1 <= len(groups[0]) <= 3) or len(groups[-1]) != 3:
        return False
    return all(len(g) in (2, 3) for g in groups[1:-1])


def _month_span(text: str, rm: re.Match, first_end: int, first: tuple[int, int], last: tuple[int, int],
                end: int | None = None) -> _Res:
    """A range of months matched by `rm` (its second month at group "m2") as two date figures: the
    first up to `first_end`, the last from its month to the match's end (or `end`). `first`, `last`:
    (year, month)."""
    end = rm.end() if end is None else end
    return _Res([Figure(text[rm.start():first_end], rm.start(), first_end, None, None, "date",
                        iso=_mk_date(first[0], first[1], None)),
                 Figure(text[rm.start("m2"):end], rm.start("m2"), end, None, None, "date",
                        iso=_mk_date(last[0], last[1], None))], end)



# A list's section numbers, "1.1. Kirti Chakra 03 ... 1.2. Bar to Shaurya Chakra 01 ... 1.3.": a number
# with one decimal part, a full stop and a space after it, in a series of three or more ("1.1.", "1.2.",
# "1.3.") no further apart than SECTION_REACH characters. "a B:C ratio of 4.57. In Bihar" is in none.
_SECTION = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})")
SECTION_REACH = 400


def _section_number(text: str, p: int, q: int, lit: str) -> bool:
    m = _SECTION.fullmatch(lit)
    if not m or text[q:q + 1] != "." or not text[q + 1:q + 2].isspace() or (p and text[p - 1] in ".,"):
        return False
    major, minor = m.group(1), int(m.group(2))
    near = text[max(0, p - SECTION_REACH):q + SECTION_REACH]
    return sum(bool(re.search(rf"(?<![0-9.,]){major}\.{n}\.\s", near))
               for n in (minor - 2, minor - 1, minor + 1, minor + 2) if n >= 0) >= 2

class NumbersAndRanges:

    # ------------------------------------------------------------------ words
    def _at_word(self, text: str, m: re.Match) -> _Res | None:
        w = m.group()
        # month-first English dates: "June 3, 2020", "June 2020"; Hindi "अक्टूबर 2025"
        mon = _month_num(w)
        if mon is not None and (w[0].isupper() or not w.isascii()):
            rm = _MONTH_RANGE_RE.match(text, m.start())
            if rm:
                m1, m2 = _month_num(rm.group("m1")), _month_num(rm.group("m2"))
                y = int(ascii_digits(rm.group("y"))) if rm.group("y") else 2000 + int(ascii_digits(rm.group("yy")))
                if m1 and m2 and 1800 <= y <= 2199:
                    if rm.group("y") and (end := fy_tail(text, rm.end(), y)) is not None:
                        # "April-July 2026-27", "April-January 2025-26": months of that financial year
                        return _month_span(text, rm, rm.end("m1"), (fy_month_year(y, m1), m1),
                                           (fy_month_year(y, m2), m2), end)
                    return _month_span(text, rm, rm.end("m1"), (y if m1 <= m2 else y - 1, m1), (y, m2))
            if months := self._months_with_short_years(text, m.start()):
                return months
            dm = _DATE_MDY_RE.match(text, m.start())
            if dm:
                return self._mdy(text, dm)
            ym = _MONTH_YEAR_SHORT_RE.match(text, m.start())
            if ym:
                y = int(ym.group("y"))
                iso = _mk_date(y if y > 99 else 2000 + y, mon, None)
                if iso and 1800 <= int(iso[:4]) <= 2199:
                    return _Res([Figure(ym.group(), ym.start(), ym.end(), None, None, "date", iso=iso)], ym.end())
        if w.lower() in _DAY_ORDINAL_HEADS and (day := self._day_in_words(text, m.start())) is not None:
            return day
        if n := ORDINAL_WORDS_EN.get(w.lower()) or ORDINAL_WORDS_HI.get(w):
            return self._ordinal(text, m.start(), m.end(), n)  # "the sixth outreach programme", "नौवें संस्करण"
        if (n := _ORDINAL_BEFORE_A_SERIES.get(w.lower())) and _ONE_OF_A_SERIES_AFTER.match(text, m.end()):
            return self._ordinal(text, m.start(), m.end(), n)  # "The second edition of ICMR-SHINE"
        fw = norm_word(w)
        if fw not in ALL_WORDS:
            return _Res([], m.end())
        return self._wordnum(text, m)

    @staticmethod
    def _months_with_short_years(text: str, at: int) -> _Res | None:
        """"Jan 25- Dec 25" is January to December 2025, not two days: read so only for half a year
        or more within one year, or a year from one month to the month before it ("Jul 24 - Jun
        25"), as a span of days that long is not written so ("March 10 to April 10" is days)."""
        rm = _MONTH_YY_RANGE_RE.match(text, at)
        if not rm:
            return None
        m1, m2 = _month_num(rm.group("m1")), _month_num(rm.group("m2"))
        y1, y2 = (2000 + int(ascii_digits(rm.group(k))) for k in ("y1", "y2"))
        if not (m1 and m2 and (y2 == y1 and m2 - m1 >= 5 or y2 == y1 + 1 and m2 == m1 - 1)):
            return None
        return _month_span(text, rm, rm.end("y1"), (y1, m1), (y2, m2))

    def _wordnum(self, text: str, m: re.Match) -> _Res | None:
        # collect following number words on the same line
        toks = []
        p = m.start()
        it = _TOKEN_RE.finditer(text, p)
        last_end = p
        for tm in it:
            if tm.lastgroup != "w":
                break
            gap = text[last_end:tm.start()]
            if toks and (len(gap) > 3 or not gap.strip(" \t\u00a0-") == ""):
                break
            fw = norm_word(tm.group())
            if fw not in ALL_WORDS:
                break
            toks.append((fw, tm.start(), tm.end()))
            last_end = tm.end()
            if len(toks) > 12:
                break
        if not toks:
            return None
        first = toks[0][0]
        if not (first in HI_UNITS or first in EN_UNITS or first in HI_FRACTION_VALUES or first in HI_FRACTION_PREFIX):
            return _Res([], toks[0][2])
        parsed = parse_words([t[0] for t in toks])
        if parsed is None:
            return _Res([], toks[0][2])
        val, used, has_mult = parsed
        start, end = toks[0][1], toks[used - 1][2]
        # English words: "one"/"a" etc. need a scale; "some" handled as qualifier
        is_en = toks[0][0].isascii()
        if is_en and not any(t[0] in ("thousand", "lakh", "lakhs", "lac", "lacs", "crore", "crores", "million",
                                      "billion", "trillion", "hundred") for t in toks[:used]):
            has_mult_en = False
        else:
            has_mult_en = True
        fig, fend = self._finish(text, start, end, _norm_value(val), prefix_ok=True, from_words=True)
        if fig is None:
            return _Res([], end)
        if not (has_mult and has_mult_en) and fig.kind not in ("money", "percent") and not self._counted_in_words(
                text, fig, end):
            if fig.kind != "quantity" or fig.unit in _WORDNUM_STOP_UNITS and not _SPAN_ADJECTIVE_RE.match(text, end):
                return _Res([], end)
        return _Res([fig], fend)

    def _ordinal(self, text: str, start: int, end: int, value: int | None) -> _Res:
        """"26th", "16 th", "107वें", "sixth": which one of a series, a figure of its own kind (`ordinal`),
        valued as its number, which a question asks by "which edition" or "कितनवां" and no count answers.
        `value` None: no ordinal of a series ("1.5th", "2020th"), nothing."""
        if value is None:
            return _Res([], end)
        return _Res([Figure(text[start:end], start, end, Decimal(value), None, "ordinal",
                            label=self._label(text, start, end, "ordinal"))], end)

    @staticmethod
    def _counted_in_words(text: str, fig: Figure, end: int) -> bool:
        """A small number written in words is a figure where it counts the thing named right after it
        ("six young ICoAS officers", "दो केन्द्रीय प्रयोगशालाओं", "The Alliance's four goals"), as its
        digits would be. "One" and "एक" are the article's words; a number word with nothing it counts
        after it ("two of them", "दो में से", "कर दो"), glued to a word it describes ("a four-pronged
        strategy", "Twenty-foot Equivalent Units", "पांच दिवसीय", "three fold") or counting a stretch of
        time ("during the last five financial years") stays a word: what the release counts is in its
        digits."""
        if fig.kind != "count" or fig.value is None or fig.value < 2 or not fig.label:
            return False
        if text[end:end + 1] == "-" or _PART_OF_AFTER_RE.match(text, end):
            return False
        before = _WORD_BEFORE_RE.search(text, max(0, fig.start - 20), fig.start)
        if before and norm_word(before.group(1)).lower() in _SPAN_BEFORE:
            return False
        words = fig.label.split()
        if norm_word(words[0]) in _SPELLED_NO_COUNT:
            return False
        return not any(word.lower() in _TIME_WORDS or norm_word(word) in _TIME_WORDS for word in words)

    # ------------------------------------------------------------------ digits
    def _at_digit(self, text: str, p: int) -> _Res | None:
        n = len(text)
        # skip the whole digit run if it is part of an identifier / URL / handle / hashtag
        if p > 0:
            c = text[p - 1]
            if c == "@" and _YEAR4_RE.match(text, p):
                pass  # "Viksit Bharat@2047"
            elif c == "=" and p > 1 and not _is_letter(text[p - 2]):
                pass  # "(Base: 2011-12=100)"
            elif c in "#@/=_\\" or c.isdigit():
                return _Res([], self._skip_token(text, p))
            elif c == "+" and _PHONE_PLUS_RE.match(text, p):
                return _Res([], self._skip_phone(text, p))
            elif c.isascii() and c.isalpha():
                lead = self._letters_before(text, p)
                if not (self._currency_before(text, p) or _FY_PREFIX_RE.search(text, max(0, p - 20), p)):
                    if not (len(lead) >= 2 and lead.islower()) or self._in_url(text, p):
                        return _Res([], self._skip_alnum(text, p))
            elif c in "-–" and p > 1 and _is_letter(text[p - 2]):
                lead = self._letters_before(text, p - 1).lower()
                if lead not in ("pre", "post", "mid") and not _YEAR4_RE.match(text, p):
                    return _Res([], self._skip_alnum(text, p))
            elif c == "." and p > 1 and text[p - 2].isdigit():
                return _Res([], self._skip_alnum(text, p))
            elif _is_dev_letter(c) and not ((dm := _DATE_DMY_RE.match(text, p)) and dm.group("y")):
                return _Res([], self._skip_alnum(text, p))  # "एन95", "जी20"; not "ने02 जून, 2020", a date glued on
            elif c in "-–" and p > 2 and text[p - 2] in " \t\u00a0" and _is_letter(text[p - 3]):
                # "मिग -29", "एन -95", "NFHS -5": a name, space, then a hyphen glued to a short integer
                lm = _NUMLIT_RE.match(text, p)
                lit0 = lm.group() if lm else ""
                if lit0.isdigit() and len(lit0) <= 4 and not _YEAR4_RE.fullmatch(lit0) and not _DATE_DMY_RE.match(text, p):
                    kb, _ = self._word_before(text, p - 1)
                    sfx = self._suffix(text, p + len(lit0), lit0)
                    if (kb and norm_word(kb) not in _HI_FUNC and kb.lower() not in _EN_FUNC
                            and sfx[0] is None and sfx[1] is None and sfx[2] is None and sfx[3] is None):
                        return _Res([], self._skip_alnum(text, p))
        pm_ = _PHONE_DASH_RE.match(text, p)
        if pm_ and 10 <= sum(ch.isdigit() for ch in pm_.group()) <= 13:
            return _Res([], pm_.end())  # toll-free / phone numbers written with hyphens
        # release ids / PRID
        if _ID_BEFORE_RE.search(text, max(0, p - 16), p):
            return _Res([], self._skip_alnum(text, p))
        # dates
        r = self._date_at(text, p)
        if r is not None:
            return r
        # periods and FY
        r = self._period_at(text, p)
        if r is not None:
            return r
        lm = _NUMLIT_RE.match(text, p)
        lit = lm.group()
        if "," in lit and not _valid_grouping(lit):
            groups = lit.split(".")[0].split(",")
            if not all(len(g) in (2, 3) for g in groups[1:]):
                lit = _DIGITS_RE.match(text, p).group()  # "1,2,3": a list, take the first run alone
        q = p + len(lit)
        if (group := _SPACED_GROUP.match(text, q)) and "." not in lit and (
                group.group(1)[0] in "0\u0966" or ("," in lit and len(lit.rsplit(",", 1)[1]) == 2)):
            if _valid_grouping(joined := f"{lit},{group.group(1)}"):
                lit, q = joined, group.end()
        if lit.isdigit() and (point := _SPACED_POINT.match(text, q)):
            lit, q = f"{lit}.{point.group(1)}", point.end()
        intpart = lit.split(".")[0].replace(",", "")
        if len(intpart) > self.max_int_digits:
            return _Res([], self._skip_alnum(text, p))
        if _section_number(text, p, q, lit):
            return _Res([], q + 1)
        # right-context traps
        rest = text[q:q + 12]
        if not rest:
            pass
        elif rest[0].isdigit():
            return _Res([], self._skip_alnum(text, p))
        elif rest[0] == ":" and len(rest) > 1 and rest[1].isdigit():  # a ratio or a time of day
            if ratio := self._ratio_at(text, p, q, lit):
                return ratio
            tm = _TIME_RE.match(text, p)
            if tm:
                return _Res([], tm.end())
            return _Res([], self._skip_alnum(text, p))
        tm = _AMPM_RE.match(rest)
        if tm and (tm.group().strip().lower() not in ("hr", "hrs") or len(intpart) == 4):
            if len(intpart) <= 2 or len(intpart) == 4 or "." in lit:
                return _Res([], q + tm.end())
        if times := _TIMES_RE.match(text, q):
            # "24x7", "24*7", "24 × 7", "7X7X7": round the clock or a grid, every number of it
            while more := _TIMES_RE.match(text, times.end()):
                times = more
            return _Res([], max(times.end(), self._skip_alnum(text, p)))
        if rest[:1] == "/" and len(rest) > 1 and (rest[1].isdigit() or _is_dev_letter(rest[1]) or rest[1].isupper()):
            return _Res([], self._skip_token(text, p))  # fractions, "318/सीएस-मल्टी/2020"
        om = _ORDINAL_RE.match(rest)
        if om:
            return self._ordinal(text, p, q + om.end(), _series_number(lit))
        if rest[:1] == "s" and len(intpart) == 4 and not rest[1:2].isalpha():
            return _Res([], q + 1)  # decades: "1990s"
        om = _ORDINAL_HI_RE.match(rest)
        if om and (not om.group().startswith((" ", "\u00a0")) or om.group().strip() in _ORD_HI_SPACED):
            return self._ordinal(text, p, q + om.end(), _series_number(lit))
        if q < n and text[q].isascii() and text[q].isalpha():
            sfx = self._suffix(text, q, lit)
            if sfx[0] is None and sfx[1] is None and sfx[2] is None and sfx[3] is None:
                j = q
                while j < n and j - q < 40 and text[j].isascii() and text[j].isalpha():
                    j += 1
                glued = text[q:j]
                if not (len(glued) >= 2 and glued.islower()) or self._in_url(text, p):
                    return _Res([], self._skip_alnum(text, p))
        elif q < n and _is_dev_letter(text[q]) and not _PERCENT_RE.match(text, q) and not _SCALE_RE.match(text, q):
            sfx = self._suffix(text, q, lit)
            if sfx[3] is None and sfx[2] is None:
                wm = _DEV_WORD_RE.match(text, q)
                w = norm_word(wm.group()) if wm else ""
                if w not in _GLUED_HI_OK and not any(w.startswith(x) for x in _GLUED_HI_OK):
                    return _Res([], self._skip_alnum(text, p))  # "15जी", "15एच"
        # "Lockdown 3.0", "Industry 4.0": a version after a name; "5.0 -0.3 2.8" in a table is a number
        if len(lit) == 3 and lit[1:] == ".0" and self._is_version(text, p, q, lit):
            return _Res([], q)
        # list numbering: "1." / "2)" at line start, "(3)" anywhere
        if len(intpart) <= 2 and "." not in lit:
            ls = text.rfind("\n", max(0, p - 200), p) + 1
            line_head = text[ls:p]
            if line_head.strip(" \t\u00a0•*-–(·○") == "" and _LIST_AFTER_RE.match(rest + " "):
                return _Res([], q + 1)
            if p > 0 and text[p - 1] == "(" and rest.startswith(")"):
                value = int(ascii_digits(intpart))
                if (word_start := _spelled_before(text, p - 1, value)) is not None:
                    return self._spelled_count(text, word_start, q + 1, value)
                if not (len(intpart) == 2 and intpart[0] in "0०") and not _place_item(text, p, q):
                    return _Res([], q + 1)
        is_year_like = len(intpart) == 4 and "," not in lit and "." not in lit and 1800 <= int(ascii_digits(intpart)) <= 2100
        # keyword before (Article 370, Phase 2, धारा 144, Class 10, Section 4-28)
        if "," not in lit and "." not in lit and not is_year_like:
            kb, kb_start = self._word_before(text, p)
            if kb is not None:
                nk = norm_word(kb.rstrip("."))
                hit = nk in _KEYWORD_BEFORE or kb in _KEYWORD_BEFORE_CAP
                if nk == _SANKHYA:
                    prev, _ = self._word_before(text, kb_start)
                    hit = prev is None or norm_word(prev) not in _KI
                if hit:
                    nxt = self._suffix(text, q, lit)
                    if nxt[0] is None and nxt[1] is None and nxt[2] is None:
                        km = _KEYWORD_RANGE_RE.match(text, q)
                        return _Res([], km.end() if km else q)
        # phone numbers / helplines / leading zero ids / long ungrouped ids
        if len(intpart) >= 3 and intpart[0] in "0०" and "." not in lit:
            return _Res([], self._skip_phone(text, p))
        if _PHONE_AFTER_RE.match(rest) or (len(intpart) == 10 and "," not in lit and "." not in lit):
            return _Res([], self._skip_phone(text, p))
        if 3 <= len(intpart) <= 5 and "," not in lit and "." not in lit:
            if _HELPLINE_AFTER_RE.match(text, q) or (not is_year_like and _HELPLINE_BEFORE_RE.search(text, max(0, p - 40), p)):
                sfx = self._suffix(text, q, lit)
                if sfx[0] is None and sfx[1] is None and sfx[2] is None and sfx[3] is None and not self._currency_before(text, p):
                    return _Res([], q)
        if len(intpart) == 6 and "," not in lit and "." not in lit:
            if _PIN_BEFORE_RE.search(text, max(0, p - 12), p):
                return _Res([], q)
        # all-caps lists of unit names: "4 ASSAM RIFLES", "11 PARA"
        if len(intpart) <= 3 and "." not in lit:
            wa = _CAPS_AFTER_RE.match(text, q)
            if wa:
                kb, _ = self._word_before(text, p)
                # ... but not a table of places in capitals: "KARNATAKA 2563 GUJARAT 2524 ODISHA 887"
                if kb and len(kb) >= 2 and kb.isascii() and kb.isupper() and place_ending(text[:p].rstrip(), any_case=True) is None:
                    sfx = self._suffix(text, q, lit)
                    if sfx[0] is None and sfx[1] is None and sfx[2] is None and sfx[3] is None:
                        return _Res([], q)
        v = _dec(lit)
        if v is None:
            return _Res([], q)
        fig, end = self._finish(text, p, q, v, prefix_ok=True, lit=lit)
        if fig is None:
            return _Res([], end)
        if isinstance(fig, list):
            return _Res(fig, end)
        if fig.start == p and self._minus_before(text, p, lit) and (
                fig.kind == "percent" or (fig.kind == "count" and fig.value == _norm_value(v))):
            fig = Figure(text[p - 1:fig.end], p - 1, fig.end, -fig.value, fig.unit, fig.kind, fig.qualifier, fig.label)
        return _Res([fig], end)

    @staticmethod
    def _minus_before(text: str, p: int, lit: str) -> bool:
        """A minus sign glued to a decimal (or a true minus sign "−"): "5.0 -0.3 -2.2", "Balance -15.03"."""
        if p < 1 or text[p - 1] not in "-\u2212":
            return False
        if p >= 2 and text[p - 2] not in " \t\u00a0\n(":
            return False
        if text[p - 1] == "\u2212" or "." in lit or p == 1 or text[p - 2] == "(":  # "(-47%)"
            return True
        return False  # an integer after a space: "96 -104", "5 -10" are ranges

    def _is_version(self, text: str, p: int, q: int, lit: str) -> bool:
        """"Lockdown 3.0", "PMKVY (1.0 to 3.0)": N.0 is a version unless a unit/scale/percent/currency
        makes it a measure ("5.0%", "Rs.6.0 lakhs") or it stands in a run of numbers ("5.0 -0.3 2.8")."""
        sfx = self._suffix(text, q, lit)
        if sfx[0] is not None or sfx[1] is not None or sfx[2] is not None or sfx[3] is not None:
            return False
        if self._currency_before(text, p):
            return False
        j = p - 1
        if j >= 0 and text[j] in "-\u2212":
            j -= 1
        while j >= 0 and p - j < 8 and text[j] in " \t\u00a0":
            j -= 1
        if j >= 0 and text[j].isdigit():
            return False
        k = q
        while k < len(text) and k - q < 8 and text[k] in " \t\u00a0":
            k += 1
        if k < len(text) and text[k] in "-\u2212":
            k += 1
        return not (k > q and k < len(text) and text[k].isdigit())

    # ------------------------------------------------------------------ shared finishing
    def _suffix(self, text: str, q: int, lit: str = ""):
        """Parse percent / scale / currency / unit after position q.
        Returns (percent_unit|None, scale|None, currency|None, (unit, mult)|None, end)."""
        end = q
        i = q
        n = len(text)
        # optional glue hyphen: "5-year", "10-15 lakh" handled elsewhere
        j = i
        while j < n and j - i < 4 and text[j] in " \t\u00a0\u202f\u2009":
            j += 1
        pm = _PERCENT_RE.match(text, j)
        if pm:
            u = "pp" if "point" in pm.group().lower() or "अंक" in pm.group() else "%"
            return (u, None, None, None, pm.end())
        scale = None
        while True:
            k = j
            sm = _SCALE_RE.match(text, k)
            if not sm:
                break
            mult = scale_value(sm.group())
            if mult is None:
                break
            if scale is not None and mult <= scale:
                break
            # "cr"/"mn"/"bn" only glued or after a space when followed by non-letter (already ensured)
            scale = mult if scale is None else scale * mult
            end = sm.end()
            j = end
            while j < n and j - end < 3 and text[j] in " \t\u00a0\u202f\u2009":
                j += 1
        cur = None
        for cre, code in _CUR_SUFFIX_RE:
            cm = cre.match(text, j)
            if cm:
                cur = code
                end = cm.end()
                break
        if cur is None:
            # percent after a scale is not a thing; units
            for ure, unit, mult in _UNIT_RE_LIST:
                um = ure.match(text, j)
                if um:
                    return (None, scale, None, (unit, mult), um.end())
            for ure, unit, mult in _UNIT_EN_CI:
                um = ure.match(text, j)
                if um:
                    return (None, scale, None, (unit, mult), um.end())
        return (None, scale, cur, None, end)

    def _ratio_at(self, text: str, p: int, q: int, lit: str) -> _Res | None:
        """A ratio at text[p:], its first number text[p:q] (`lit`), valued as the first over the second
        ("24:1" 24, "60:40" 1.5). Read as a time of day where it could be one ("10:30", "14:30 hours",
        "9:00 बजे") unless the words before call it a ratio."""
        m = _RATIO_AFTER_RE.match(text, q)
        if not m:
            return None
        first, second = ascii_digits(lit).replace(",", ""), ascii_digits(m.group(1)).replace(",", "")
        try:
            a, b = Decimal(first), Decimal(second)
        except InvalidOperation:
            return None
        clock = len(second) == 2 and "." not in first + second and a <= 24 and b < 60
        if b == 0 or clock and not _RATIO_WORD_BEFORE_RE.search(text, max(0, p - 60), p):
            return None
        with localcontext() as ctx:
            ctx.prec = 6
            value = (a / b).normalize()
        end = m.end()
        return _Res([Figure(text[p:end], p, end, value, None, "ratio", _qualifier_before(text, p, "ratio"),
                            self._label(text, p, end, "ratio"))], end)

    def _spelled_count(self, text: str, start: int, end: int, value: int) -> _Res:
        """A count written in words and again in digits, "three (3) Bulk Drug Parks": one figure over
        both, labelled by the words after the bracket."""
        return _Res([Figure(text[start:end], start, end, Decimal(value), None, "count", _qualifier_before(text, start),
                            self._label(text, start, end, "count"))], end)

    def _finish(self, text: str, s: int, q: int, v: Decimal, prefix_ok: bool = True, lit: str = "",
                from_words: bool = False):
        """Given a number literal text[s:q] with value v, attach prefix currency/qualifier, suffix,
        ranges, and build the Figure(s).  Returns (Figure | list[Figure] | None, end)."""
        n = len(text)
        # glued hyphen before a unit word: "5-year", "10-member"
        q2 = q
        if q < n and text[q] == "-" and q + 1 < n and text[q + 1].isalpha():
            q2 = q + 1
        pct, scale, cur, unit, end = self._suffix(text, q2, lit)
        if pct is None and scale is None and cur is None and unit is None:
            end = q
        # prefix currency
        start = s
        pre_cur = None
        if prefix_ok:
            cm = _CUR_PREFIX_RE.search(text, max(0, s - 14), s)
            if cm:
                pre_cur = "INR" if cm.group("inr") else "USD" if cm.group("usd") else "EUR" if cm.group("eur") else "GBP"
                start = cm.start()
        # range: "10-15 lakh", "96 से 104 प्रतिशत", "5 to 10 per cent", "between 5 and 10"
        if pct is None and cur is None and unit is None:
            rng = self._range_second(text, end if scale else q, s, scale, pre_cur)
            if rng is not None:
                return rng(scale, pre_cur, start, v, lit)
        currency = cur or pre_cur
        if unit and unit[0] == "nautical mile" and _SPEED_BEFORE_RE.search(text, max(0, start - 40), start):
            unit = ("knot", unit[1])
        kind, u = _kind_and_unit(pct, currency, unit)
        if kind == "count" and not scale and _AGE_BEFORE_RE.search(text, max(0, start - 40), start):
            kind, u = "quantity", "year"
        value = v
        with localcontext(_CTX):
            if scale:
                value = value * scale
            if unit and unit[1] != 1:
                value = value * unit[1]
        value = _norm_value(value)
        if kind == "count" and not from_words and not scale:
            ip = lit.split(".")[0]
            if ("," not in ip and "." not in lit and len(ip) == 4 and 1800 <= int(ascii_digits(ip)) <= 2100
                    and not _counts_things(text, start, q)):
                return Figure(text[s:q], s, q, Decimal(int(ascii_digits(ip))), None, "year",
                              iso=ascii_digits(ip)), q
            if "," not in ip and "." not in lit and len(ip) >= 7:
                return None, q  # long ungrouped integers are ids, not counts
        if kind == "money" and pre_cur is None and not (scale or cur):
            pass
        # qualifiers
        qual = _qualifier_before(text, start, kind)
        pm = _QUAL_POST_RE.match(text, end)
        if pm and (qual is None or pm.lastgroup != "up_to"):
            if not (pm.lastgroup == "up_to" and kind in TIME_KINDS):
                if pm.lastgroup == "more_than" and pm.group().strip().startswith("+"):
                    qual = "more_than"
                    end = pm.end()
                elif qual is None:
                    qual = pm.lastgroup
                    end = pm.end()
        label = self._label(text, start, end, kind)
        return Figure(text[start:end], start, end, value, u, kind, qual, label), end

    def _range_second(self, text: str, q: int, s: int, scale1=None, pre_cur=None):
        """If text[q:] continues a range ("-15 lakh", " से 104 प्रतिशत", " to 10 per cent"),
        return a builder closure, else None."""
        rm = _RANGE_CONN_RE.match(text, q)
        if not rm:
            return None
        conn = text[q:rm.start("cur") if rm.group("cur") else rm.end()].strip().lower()
        p2 = rm.end()
        lm = _NUMLIT_RE.match(text, p2)
        if not lm:
            return None
        lit2 = lm.group()
        if "," in lit2 and not _valid_grouping(lit2):
            return None
        q2 = p2 + len(lit2)
        if q2 < len(text) and (text[q2].isdigit() or text[q2] in ":/") or re.match(rf"\.{_D}", text[q2:q2 + 2]):
            return None
        m1 = _NUMLIT_RE.match(text, s)
        if m1 and _year_like(m1.group()) and not _year_like(lit2):
            return None  # "in 2014 to 15 per cent": a year, then a new figure
        pct2, scale2, cur2, unit2, end2 = self._suffix(text, q2, lit2)
        has_suffix = pct2 or scale2 or cur2 or unit2
        if pct2 and (scale1 or pre_cur):
            return None
        if (cur2 or rm.group("cur")) and not pre_cur and scale1 and not scale2:
            return None
        lconn = norm_word(conn)
        if lconn in ("and", "or", norm_word("और"), norm_word("या")):
            between = _BETWEEN_RE.search(text, max(0, s - 24), s)
            if not between and not (pct2 and lconn in ("and", "or")) and not (scale2 and not scale1):
                return None
            if not has_suffix and not pre_cur:
                return None
        if not has_suffix and not pre_cur:
            return None  # "10-15" alone: leave to the two separate parses
        v2 = _dec(lit2)
        if v2 is None:
            return None
        if _DATE_DMY_RE.match(text, p2) or _DATE_NUM_RE.match(text, p2):
            return None

        def build(scale1, pre_cur, start1, v1, lit1):
            u_pct, u_unit = pct2, unit2
            currency = cur2 or pre_cur or (self._cur_from_prefix(rm.group("cur")) if rm.group("cur") else None)
            kind, u = _kind_and_unit(u_pct, currency, u_unit)
            sc1 = scale1 or scale2 or 1
            sc2 = scale2 or 1
            um = u_unit[1] if u_unit else 1
            with localcontext(_CTX):
                a = _norm_value(v1 * sc1 * um)
                b = _norm_value(v2 * sc2 * um)
            qual = _qualifier_before(text, start1)
            end = end2
            label = self._label(text, start1, end, kind)
            end1 = s + len(lit1)
            if scale1:
                # the first figure's own scale word(s)
                sm_end = self._scale_end(text, end1)
                end1 = sm_end
            f1 = Figure(text[start1:end1], start1, end1, a, u, kind, qual, label)
            f2 = Figure(text[p2:end], p2, end, b, u, kind, qual, label)
            return [f1, f2], end

        return build

    def _scale_end(self, text: str, q: int) -> int:
        j = q
        while j < len(text) and text[j] in " \t\u00a0":
            j += 1
        end = q
        while True:
            sm = _SCALE_RE.match(text, j)
            if not sm:
                return end
            end = sm.end()
            j = end
            while j < len(text) and text[j] in " \t\u00a0":
                j += 1

    @staticmethod
    def _cur_from_prefix(s: str) -> str:
        s = s.strip()
        return "USD" if s.startswith("$") else "INR"
