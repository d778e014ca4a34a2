"""Dates and periods: day-month-year in either order and language, numeric dates, month ranges,
fiscal years ("2025-26", "FY25") and bare years."""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from index.numbers_hi import norm_word
from index.figures.figure import Figure
from index.figures.patterns import (
    _DATE_CONT_RE, _DATE_DMY_RE, _DATE_ISO_RE, _DATE_NUM_RE, _DATE_RANGE_RE, _DATE_WORD_DMY_RE, _DAY_ORDINALS,
    _DURING_BEFORE_RE, _FY_ABBR_BEFORE_RE, _FY_SHORT_RE, _FY_TAIL_RE, _SHORT_PERIOD_RE,
    _MONTHS_EN, _MONTHS_HI, _ORDINAL_RE, _PERIOD_RE, _Res, _YEAR4_RE, ascii_digits
)


def _mk_date(y: int | None, m: int, d: int | None) -> str | None:
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}" if y else None
    if y is None:
        if not 1 <= d <= (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31):
            return None
        return f"--{m:02d}-{d:02d}"
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def fy_tail(text: str, at: int, year: int) -> int | None:
    """Where a financial year's second year ends, when one follows `year` at `at` ("2026-27")."""
    m = _FY_TAIL_RE.match(text, at)
    return m.end() if m and int(ascii_digits(m.group("yy"))) == (year + 1) % 100 else None


def fy_month_year(year: int, month: int) -> int:
    """The calendar year of a month of the financial year that begins in April of `year`."""
    return year if month >= 4 else year + 1


def _month_num(s: str) -> int | None:
    k = s.lower().rstrip(".")
    if k in _MONTHS_EN:
        return _MONTHS_EN[k]
    return _MONTHS_HI.get(norm_word(s))


_dateparser = None


def _dateparser_iso(span: str) -> str | None:
    """Lazy dateparser fallback (DMY order) for shapes the built-in parser leaves unsure."""
    global _dateparser
    if _dateparser is None:
        try:
            import dateparser  # slow import: only when needed
            _dateparser = dateparser
        except Exception:  # pragma: no cover
            _dateparser = False
    if not _dateparser:
        return None
    try:
        d = _dateparser.parse(span, settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True}, languages=["en", "hi"])
    except Exception:
        return None
    return d.date().isoformat() if d else None


class DatesAndPeriods:

    def _mdy(self, text: str, dm: re.Match) -> _Res | None:
        mon = _month_num(dm.group("m"))
        if dm.group("d"):
            d = int(ascii_digits(dm.group("d")))
            ys = dm.group("y")
            y = int(ascii_digits(ys)) if ys else None
            if not dm.group("m")[0].isupper() and y is None:
                return None
            iso = _mk_date(y, mon, d)
            if iso is None:
                return None
            second = "d2" if dm.group("d2") else "d2_and" if dm.group("d2_and") else None
            if second:
                d2 = int(ascii_digits(dm.group(second)))
                iso2 = _mk_date(y, mon, d2)
                if iso2 and d2 > d:
                    s2 = dm.start(second)
                    return _Res([Figure(text[dm.start():dm.end("d")], dm.start(), dm.end("d"), None, None, "date", iso=iso),
                                 Figure(text[s2:dm.end()], s2, dm.end(), None, None, "date", iso=iso2)], dm.end())
                if y is None:  # not a day range ("July 25 -3.0"): the date ends at the day
                    e = dm.end("d")
                    om = _ORDINAL_RE.match(text, e)
                    e = om.end() if om else e
                    return _Res([Figure(text[dm.start():e], dm.start(), e, None, None, "date", iso=iso)], e)
            return _Res([Figure(dm.group(), dm.start(), dm.end(), None, None, "date", iso=iso)], dm.end())
        y = int(ascii_digits(dm.group("y2")))
        if not 1800 <= y <= 2199:
            return None
        if (end := fy_tail(text, dm.end(), y)) is not None:  # "July 2026-27": July of that financial year
            return _Res([Figure(text[dm.start():end], dm.start(), end, None, None, "date",
                                iso=_mk_date(fy_month_year(y, mon), mon, None))], end)
        iso = _mk_date(y, mon, None)
        return _Res([Figure(dm.group(), dm.start(), dm.end(), None, None, "date", iso=iso)], dm.end())

    @staticmethod
    def _day_in_words(text: str, at: int) -> _Res | None:
        """A date whose day is an ordinal word ("as on first June 2020"), read at that word: else
        its month and year alone were the date, the day dropped. Only with a year, as "the second
        May" without one may count Mays."""
        m = _DATE_WORD_DMY_RE.match(text, at)
        if not m:
            return None
        day = _DAY_ORDINALS[" ".join(m.group("d").lower().split()).replace(" ", "-")]
        iso = _mk_date(int(ascii_digits(m.group("y"))), _month_num(m.group("m")), day)
        return _Res([Figure(m.group(), at, m.end(), None, None, "date", iso=iso)], m.end()) if iso else None

    # ------------------------------------------------------------------ dates / periods
    def _date_at(self, text: str, p: int) -> _Res | None:
        m = _DATE_RANGE_RE.match(text, p)
        if m:
            mon = _month_num(m.group("m"))
            y = int(ascii_digits(m.group("y"))) if m.group("y") else None
            d1, d2 = int(ascii_digits(m.group("d1"))), int(ascii_digits(m.group("d2")))
            i1, i2 = _mk_date(y, mon, d1), _mk_date(y, mon, d2)
            if i1 and i2 and d1 < d2:
                s2 = m.start("d2")
                return _Res([Figure(text[p:m.end("d1")], p, m.end("d1"), None, None, "date", iso=i1),
                             Figure(text[s2:m.end()], s2, m.end(), None, None, "date", iso=i2)], m.end())
        m = _DATE_DMY_RE.match(text, p)
        if m:
            mon = _month_num(m.group("m"))
            y = int(ascii_digits(m.group("y"))) if m.group("y") else None
            d = int(ascii_digits(m.group("d")))
            mtxt = m.group("m")
            # "may" lowercase without a year is the verb; Devanagari months always fine
            if y is None and mtxt.isascii() and not mtxt[0].isupper():
                return None
            if y is None and mtxt.isascii() and len(mtxt.rstrip(".")) == 3 and mtxt.lower() in ("mar", "may"):
                if not mtxt[0].isupper():
                    return None
            if y is None:
                cm = _DATE_CONT_RE.match(text, m.end())
                if cm:
                    m2 = _DATE_DMY_RE.match(text, cm.end())
                    if m2 and m2.group("y"):
                        y2 = int(ascii_digits(m2.group("y")))
                        mon2 = _month_num(m2.group("m"))
                        y = y2 if mon2 is None or mon <= mon2 else y2 - 1
            iso = _mk_date(y, mon, d)
            if iso:
                return _Res([Figure(m.group(), p, m.end(), None, None, "date", iso=iso)], m.end())
        m = _DATE_ISO_RE.match(text, p)
        if m:
            iso = _mk_date(int(ascii_digits(m.group("y"))), int(ascii_digits(m.group("m"))), int(ascii_digits(m.group("d"))))
            if iso:
                return _Res([Figure(m.group(), p, m.end(), None, None, "date", iso=iso)], m.end())
        m = _DATE_NUM_RE.match(text, p)
        if m:
            # one of the pattern's two spellings matched: written with no space, or with one beside a dot
            d = int(ascii_digits(m["d"] or m["d_"]))
            mo = int(ascii_digits(m["m"] or m["m_"]))
            ys = ascii_digits(m["y"] or m["y_"])
            if len(ys) == 4:
                iso = _mk_date(int(ys), mo, d)
            else:
                iso = _dateparser_iso(ascii_digits(m.group())) if 1 <= d <= 31 and 1 <= mo <= 12 else None
            if iso:
                return _Res([Figure(m.group(), p, m.end(), None, None, "date", iso=iso)], m.end())
        return None

    def _period_at(self, text: str, p: int) -> _Res | None:
        start = p
        # "FY 2023-24", "F.Y. 2023-24", "FY25": the abbreviation is the period's text too
        abbr = _FY_ABBR_BEFORE_RE.search(text, max(0, p - 8), p)
        if abbr:
            start = abbr.start()
        m = _PERIOD_RE.match(text, p)
        if m:
            a = int(ascii_digits(m.group("a")))
            bs = ascii_digits(m.group("b"))
            b = int(bs) if len(bs) == 4 else (a // 100) * 100 + int(bs)
            if len(bs) == 2 and b < a:
                b += 100
            if b == a + 1:
                return _Res([self._temporal(text, start, m.end(), a, "period", f"{a}/{b}")], m.end())
            if a < b <= 2100 and len(bs) == 4:
                return _Res([self._temporal(text, start, m.start("a") + 4, a, "year", str(a)),
                             self._temporal(text, m.start("b"), m.end(), b, "year", str(b))], m.end())
            if a < b and len(bs) == 2 and b - a <= 10:
                # "2014-19": two years
                s2 = m.start("b")
                return _Res([self._temporal(text, start, m.start("a") + 4, a, "year", str(a)),
                             self._temporal(text, s2, m.end(), b, "year", str(b))], m.end())
            return None
        if _DURING_BEFORE_RE.search(text, max(0, p - 10), p) and (m := _SHORT_PERIOD_RE.match(text, p)):
            a = 2000 + int(ascii_digits(m.group("a")))
            # not a range of a measure: "during 10-11 hours"
            if 2000 + int(ascii_digits(m.group("b"))) == a + 1 and not any(self._suffix(text, m.end())[:4]):
                return _Res([self._temporal(text, p, m.end(), a, "period", f"{a}/{a + 1}")], m.end())
        if abbr:
            m = _FY_SHORT_RE.match(text, abbr.start())
            if m and m.start("y") == p:
                y2 = int(ascii_digits(m.group("y")))
                if m.group("b"):
                    a = 2000 + y2
                    b = a + 1
                else:
                    b = 2000 + y2
                    a = b - 1
                return _Res([self._temporal(text, abbr.start(), m.end(), a, "period", f"{a}/{b}")], m.end())
            ym = _YEAR4_RE.match(text, p)
            if ym:
                b = int(ascii_digits(ym.group()))
                return _Res([self._temporal(text, start, ym.end(), b - 1, "period", f"{b - 1}/{b}")], ym.end())
        return None

    def _temporal(self, text, s, e, year, kind, iso):
        return Figure(text[s:e], s, e, Decimal(year), None, kind, None, None, iso)
