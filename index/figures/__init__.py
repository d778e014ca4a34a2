"""Every number in a press-release passage: found, normalised and labelled (Hindi + English).

    >>> [f.to_dict()["value"] for f in extract_figures("राज्य के 86,000 से ज्यादा विक्रेताओं ने ...")]
    [86000]

What is a figure
----------------
* ``money``     value in currency units (₹5,523 करोड़ -> 55230000000, unit "INR"; $/USD/डॉलर -> "USD",
                €/यूरो -> "EUR", £ -> "GBP").
* ``percent``   value as written (48.31% -> 48.31), unit "%" ("percentage point(s)" -> unit "pp").
* ``ratio``     value = the first number over the second ("24:1" -> 24, a 60:40 funding pattern -> 1.5); a
                colon that could be a time of day ("10:30", "14:30 hours") is one, unless the words
                before it call it a ratio ("शिक्षक-छात्र अनुपात 1:30").
* ``quantity``  value with a canonical unit: tonne, kg, quintal, MW, GW, kW, MWh, GWh, kWh, MU, km, m,
                sq km, sq m, cu m, hectare, acre, litre, MLD, hour, minute, day, week, month, year, degC, GB, TB, Mbps...
                "LMT" is 1e5 tonne, "MMT" 1e6 tonne, "lakh tonnes" the same.
* ``count``     a bare number of things (86,000 sellers), scale words multiplied out (6 crore farmers).
* ``ordinal``   which one of a series, valued as its number: "26th session", "16 th", "107वें", "23 वीं";
                the words third to twentieth in either language ("sixth", "पांचवें"; not "first",
                "second", "दूसरे", which are as often a manner of speaking). An ordinal day of a date
                stays the date's ("21st June").
* ``date``      value None; ``iso`` is "YYYY-MM-DD", or "YYYY-MM" (month + year, "October 2025"),
                or "--MM-DD" (day + month without a year, "30 अक्टूबर"); a month range takes a
                two-digit year too ("Apr-July 25" -> 2025-04, 2025-07), and so do
                its two months each with one for half a year or longer ("Jan 25- Dec 25" -> 2025-01,
                2025-12; "Jul 24 - Jun 25"; a shorter "Jan 25 - Mar 25" stays two days).
* ``year``      value = the year (2020); iso "2020".  A 4-digit 1900..2100 integer with nothing
                attached is a year, never a count.
* ``period``    fiscal/academic year spans "2025-26", "FY 2025-26", "2019-2020", "FY25": value = first
                year (2025; FY25 -> 2024), the end is carried in ``iso`` as an ISO-8601 year interval
                "2025/2026" (``end`` stays the character offset, like every figure's).
A minus sign glued to a decimal ("5.0 -0.3 -2.2" in a flattened table, "Balance -15.03", "(-47%)",
"−4") gives a negative value; a glued hyphen before an integer after a space is a range ("96 -104").
Ranges ("96 से 104 प्रतिशत", "10-15 lakh", "2025-26 to 2030-31", "between 5 and 10 per cent",
"1-5 April") give two figures, both with the shared scale / unit / currency.  Year spans that are not
one consecutive period ("2014-2019") are two years.

Qualifiers (``qualifier``), English before the number, Hindi mostly after it:
    more_than  more than, over, above, exceeding, in excess of, upwards of, "500+", "-plus",
               से अधिक, से ज्यादा/ज़्यादा, से ऊपर, से भी अधिक
    less_than  less than, under, below, fewer than, से कम
    about      about, around, approximately, approx., roughly, some, लगभग, करीब/क़रीब, तकरीबन, के आसपास
    nearly     nearly, almost, close to, के करीब, करीब-करीब
    up_to      up to, upto, a maximum of, at most, not more than, अधिकतम, तक (not on dates/years:
               "2025 तक" is "by 2025")
    at_least   at least, a minimum of, or more, and above, कम से कम, न्यूनतम
Not figures (by design): COVID-19 / G20 / H1N1 / Chandrayaan-3 (letter-glued or letter-hyphen
numbers), name-space-hyphen codes ("मिग -29", "एन -95", "NFHS -5"), versions ("Lockdown 3.0",
"PMKVY (1.0 to 3.0)"; but "5.0%", "Rs.6.0 lakh" and an N.0 inside a run of numbers are figures), list
numbering ("1.", "2)", "(3)", a table row's serial "13 Maharashtra ..."; but "three (3) Bulk Drug Parks", a
count written in words and again in digits, is one figure), release ids ("Release ID: 2184082", PRID=), URLs/handles, phone numbers
(also hyphenated: "1800-180-3333"), pin codes after "-"/PIN, times (11:37AM, 10 बजे),
24x7 (24*7, 24 × 7, 7X7X7), fractions written a/b, decades ("1990s"),
numbers after section/article/clause/chapter/phase/class/धारा/अनुच्छेद/चरण/कक्षा..., bare ungrouped
integers of 7+ digits (ids; a table's cell of 7+ digits is a count), anything with more than 15 integer digits.  Number *words* are figures
when they carry a scale/hundred/fraction word (पांच हजार, डेढ़ लाख, five lakh, two million) or
a currency/percent/non-time unit (दो प्रतिशत, five per cent), and a small one (2-99) is a count of
the thing named after it ("three countries", "दो देशों"; `Figure.spelled_count`), but not "one"/"एक",
"two of them", "दो में से", "a four-pronged", "three fold", "पांच दिवसीय" or "the last five years".

Label heuristic (``label``, money/percent/quantity/count only): the 1-3 content words right after
the figure (after its scale, unit, currency and a trailing Hindi qualifier), skipping leading
function words ("of", "the", "की", "के" ...) and stopping at the next function word, verb-like
auxiliary, number or punctuation.  For money/percent, when the figure is introduced by "of"/"at"/
"worth"/"is" (English) the 1-2 content words before that word are used instead ("project outlay of
₹3,473 crore" -> "project outlay"); Hindi uses the noun after ("5,523 करोड़ रुपए की लागत" -> "लागत").
A time right after the figure is no label: "US$ 1.02 Billion in July 2025", "... a year before", "last year".

In a table written one cell per line, a number's label is its row's label instead (the nearest
digit-free cell above it, below the header: ``index.figures.rows``); in a table whose rows stand on one
line, its row's label and its column's header ("Maharashtra | Completed": the tables read by
``index.figures.oneline``, their cells labelled by ``index.figures.inline``); in
a "respectively" list, the item it is paired with (``index.figures.respectively``); and a table's bare numbers take
the currency, scale and unit its caption or header declares ("(₹ crore)", "(US$ Billion)", "Area: In
lakh hectare": ``index.figures.declared``); and a release that writes "million tonnes (MT)" once means a
million tonnes by every "MT" (``index.figures.abbreviations``). All may stand before the passage: ``run(text, before=...)``
is given the text that precedes it, ``run_passages(release_text, spans)`` the whole release.

All patterns are linear (no nested unbounded quantifiers); every look-back uses a bounded window, so a
100 KB line or 10,000 digits is processed in linear time.  dateparser is imported lazily and only
for numeric dates with a two-digit year ("31.03.20"); everything else uses the built-in parser.
"""
from __future__ import annotations

from index.figures.abbreviations import in_defined_tonnes, tonnes_per_mt
from index.figures.dates import DatesAndPeriods
from index.figures.declared import declarations, in_spans
from index.figures.inline import inline_labels, table_numbers, with_caption_times, with_inline_labels
from index.figures.pairs import paired_labels
from index.figures.parts import part_labels
from index.figures.respectively import respective_labels
from index.figures.fromto import from_to_labels
from index.figures.rows import labelled, table_cells
from index.figures.figure import KINDS, Figure
from index.figures.labels import Labels
from index.figures.numbers import NumbersAndRanges
from index.figures.scan import TextScan
from index.figures.patterns import _TOKEN_RE

__all__ = ["KINDS", "Figure", "FigureExtractor", "extract_figures"]


class FigureExtractor(NumbersAndRanges, DatesAndPeriods, Labels, TextScan):
    """Finds figures in a passage.  Stateless apart from compiled patterns; safe to share."""

    max_int_digits = 15

    def run(self, text: str, before: str = "") -> list[Figure]:
        """`before`: the text that precedes `text` (a passage's, in its release), where the unit of a
        table that runs on into `text` may be declared (index/figures/declared.py)."""
        if not text:
            return []
        if not isinstance(text, str):
            text = str(text)
        whole = before + text
        return in_defined_tonnes(self._in_tables(self._numbers(text), text, declarations(whole), table_cells(whole),
                                                 len(before), self._inline_labels(whole)), tonnes_per_mt(whole))

    def run_line(self, text: str) -> list[Figure]:
        """The figures of a text too short to hold a table, such as a release's title: its numbers and
        dates, without the passes over tables (declared units, row and column labels, "respectively"
        lists), which cost ten times the rest on a title."""
        return self._numbers(text) if text else []

    def run_passages(self, text: str, spans: list[tuple[int, int]]) -> list[list[Figure]]:
        """The figures of each passage (start, end) of one release's `text`. Its tables' declared units
        and row labels are found once, over the whole text, rather than again over the text before
        every passage: a long release's tables were rescanned for each of its passages."""
        declared, cells, inline = declarations(text), table_cells(text), self._inline_labels(text)
        tonnes = tonnes_per_mt(text)
        return [in_defined_tonnes(self._in_tables(self._numbers(text[a:b]), text[a:b], declared, cells, a, inline),
                                  tonnes) for a, b in spans]

    def _inline_labels(self, text: str):
        """`inline_labels` of `text`, with the times its tables' captions name read as its numbers are."""
        return with_caption_times(inline_labels(text), text, self.run_line)

    @staticmethod
    def _in_tables(figs: list[Figure], text: str, declared, cells, offset: int, inline) -> list[Figure]:
        figs = from_to_labels(paired_labels(part_labels(respective_labels(figs, text), text), text), text)
        figs = table_numbers(figs, text, inline, offset)
        return in_spans(with_inline_labels(labelled(figs, text, cells, offset), inline, offset),
                        [*declared, *inline.captioned, *inline.carried], offset, inline.units_elsewhere, text)

    def _numbers(self, text: str) -> list[Figure]:
        if not text:
            return []
        figs: list[Figure] = []
        pos = 0
        for m in _TOKEN_RE.finditer(text):
            s = m.start()
            if s < pos:
                continue
            if m.lastgroup == "num":
                res = self._at_digit(text, s)
            else:
                res = self._at_word(text, m)
            if res is None:
                continue
            if res.figs:
                figs.extend(res.figs)
            pos = max(pos, res.end)
        return figs


_SHARED = FigureExtractor()


def extract_figures(text: str) -> list[Figure]:
    """Module-level convenience over a shared :class:`FigureExtractor`."""
    return _SHARED.run(text)
