"""Every number in a press-release passage: found, normalised and labelled (Hindi + English).

    >>> [f.to_dict()["value"] for f in extract_figures("राज्य के 86,000 से ज्यादा विक्रेताओं ने ...")]
    [86000]

What is a figure
----------------
* ``money``     value in currency units (₹5,523 करोड़ -> 55230000000, unit "INR"; $/USD/डॉलर -> "USD",
                €/यूरो -> "EUR", £ -> "GBP").
* ``percent``   value as written (48.31% -> 48.31), unit "%" ("percentage point(s)" -> unit "pp").
* ``quantity``  value with a canonical unit: tonne, kg, quintal, MW, GW, kW, MWh, GWh, kWh, MU, km, m,
                sq km, hectare, acre, litre, MLD, hour, minute, day, week, month, year, degC, GB, TB, Mbps...
                "LMT" is 1e5 tonne, "MMT" 1e6 tonne, "lakh tonnes" the same.
* ``count``     a bare number of things (86,000 sellers), scale words multiplied out (6 crore farmers).
* ``date``      value None; ``iso`` is "YYYY-MM-DD", or "YYYY-MM" (month + year, "October 2025"),
                or "--MM-DD" (day + month without a year, "30 अक्टूबर"); a month range takes a
                two-digit year too ("Apr-July 25" -> 2025-04, 2025-07).
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
numbering ("1.", "2)", "(3)"), release ids ("Release ID: 2184082", PRID=), URLs/handles, phone numbers
(also hyphenated: "1800-180-3333"), pin codes after "-"/PIN, times (11:37AM, 10 बजे),
24x7, fractions written a/b, ordinals (3rd, 10th, 5वीं — except inside dates), decades ("1990s"),
numbers after section/article/clause/chapter/phase/class/धारा/अनुच्छेद/चरण/कक्षा..., bare ungrouped
integers of 7+ digits (ids), anything with more than 15 integer digits.  Number *words* are figures
only when they carry a scale/hundred/fraction word (पांच हजार, डेढ़ लाख, five lakh, two million) or
a currency/percent/non-time unit (दो प्रतिशत, five per cent); a bare "दो देशों"/"three countries" is
not extracted.

Label heuristic (``label``, money/percent/quantity/count only): the 1-3 content words right after
the figure (after its scale, unit, currency and a trailing Hindi qualifier), skipping leading
function words ("of", "the", "की", "के" ...) and stopping at the next function word, verb-like
auxiliary, number or punctuation.  For money/percent, when the figure is introduced by "of"/"at"/
"worth"/"is" (English) the 1-2 content words before that word are used instead ("project outlay of
₹3,473 crore" -> "project outlay"); Hindi uses the noun after ("5,523 करोड़ रुपए की लागत" -> "लागत").

All patterns are linear (no nested unbounded quantifiers); every look-back uses a bounded window, so a
100 KB line or 10,000 digits is processed in linear time.  dateparser is imported lazily and only
for numeric dates with a two-digit year ("31.03.20"); everything else uses the built-in parser.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation, localcontext

from index.numbers_hi import norm_word, parse_words, ALL_WORDS, HI_UNITS, EN_UNITS, HI_FRACTION_VALUES, HI_FRACTION_PREFIX

__all__ = ["Figure", "FigureExtractor", "extract_figures"]

KINDS = ("money", "percent", "quantity", "count", "date", "year", "period")
_CTX = Context(prec=80)


@dataclass(frozen=True)
class Figure:
    text: str  # the exact source span, text[start:end]
    start: int
    end: int
    value: Decimal | None
    unit: str | None
    kind: str
    qualifier: str | None = None
    label: str | None = None
    iso: str | None = None  # dates: "YYYY-MM-DD" / "YYYY-MM" / "--MM-DD"; years "2020"; periods "2025/2026"

    def to_dict(self) -> dict:
        v = self.value
        if v is None:
            jv = None
        elif v == v.to_integral_value():
            jv = int(v)
        else:
            jv = float(v)
        d = {"text": self.text, "start": self.start, "end": self.end, "value": jv, "unit": self.unit,
             "kind": self.kind, "qualifier": self.qualifier, "label": self.label}
        if self.iso is not None:
            d["iso"] = self.iso
        return d


# --------------------------------------------------------------------------- pattern helpers

_NUKTA = {"\u0958": "\u0915", "\u0959": "\u0916", "\u095a": "\u0917", "\u095b": "\u091c",
          "\u095c": "\u0921", "\u095d": "\u0922", "\u095e": "\u092b", "\u095f": "\u092f"}
_DEV_LETTER = "\u0900-\u0963\u0971-\u097f\u200c\u200d"
_ZW = "[\u200c\u200d\u00ad]?"


def _nk(p: str) -> str:
    """Make a Devanagari literal pattern tolerant: nukta precomposed / decomposed / missing,
    chandrabindu vs anusvara, zero-width joiners after virama."""
    for pre, base in _NUKTA.items():
        p = p.replace(base + "\u093c", pre)
    out = []
    for ch in p:
        if ch in _NUKTA:
            out.append(f"(?:{ch}|{_NUKTA[ch]}\u093c?)")
        elif ch == "\u093c":
            out.append("\u093c?")
        elif ch in "\u0901\u0902":
            out.append("[\u0901\u0902]")
        elif ch == "\u094d":
            out.append("\u094d" + _ZW)
        else:
            out.append(ch)
    return "".join(out)


def _alts(words: list[str], dev: bool = True) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(_nk(w) if dev else w for w in words) + ")"


_D = "[0-9\u0966-\u096f]"
_SP = "[ \t\u00a0\u202f\u2009]"  # same-line spaces
_END_LAT = r"(?![A-Za-z])"
_END_DEV = f"(?![{_DEV_LETTER}])"
_END_ANY = f"(?![A-Za-z{_DEV_LETTER}])"

_DIGIT_TR = str.maketrans("\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f", "0123456789")


def _ascii_digits(s: str) -> str:
    return s.translate(_DIGIT_TR)


# scale words
_SCALE_TABLE: list[tuple[str, int, bool]] = [  # (surface, multiplier, devanagari)
    ("thousand", 10**3, False), ("lakhs", 10**5, False), ("lakh", 10**5, False), ("lacs", 10**5, False),
    ("lac", 10**5, False), ("crores", 10**7, False), ("crore", 10**7, False), ("cr", 10**7, False),
    ("million", 10**6, False), ("millions", 10**6, False), ("mn", 10**6, False),
    ("billion", 10**9, False), ("bn", 10**9, False), ("trillion", 10**12, False),
    ("हज़ार", 10**3, True), ("हजार", 10**3, True), ("लाख", 10**5, True), ("करोड़", 10**7, True),
    ("अरब", 10**9, True), ("खरब", 10**11, True), ("मिलियन", 10**6, True), ("बिलियन", 10**9, True),
    ("ट्रिलियन", 10**12, True), ("lack", 10**5, False), ("lacks", 10**5, False),
]
_SCALE_VALUE = {norm_word(w): m for w, m, _ in _SCALE_TABLE}
_SCALE_RE = re.compile(
    "(?:" + "|".join(
        (_nk(w) + _END_DEV) if dev else (w + r"\.?" + _END_LAT if w == "cr" else w + "(?!s)" if w == "crore" else w + _END_LAT)
        for w, _, dev in sorted(_SCALE_TABLE, key=lambda t: -len(t[0]))) + ")",
    re.IGNORECASE)

_PERCENT_RE = re.compile(
    r"(?:%|per\s?cent(?:age)?\s{1,3}points?|percentage\s{1,3}points?|per\s?cent" + _END_LAT + r"|pc" + _END_LAT + "|"
    + _nk("प्रतिशत") + "(?:" + _SP + "{0,3}" + _nk("अंक") + ")?" + _END_DEV + "|" + _alts(["फ़ीसदी", "फ़ीसद", "फीसदी", "फीसद"]) + _END_DEV + ")",
    re.IGNORECASE)

# currency suffixes (after number+scale) and prefixes (before the number)
_CUR_SUFFIX = [
    (r"(?:US\s{1,3})?dollars?" + _END_LAT, "USD", False), (r"rupees?" + _END_LAT, "INR", False),
    (r"euros?" + _END_LAT, "EUR", False), (r"USD" + _END_LAT, "USD", False), (r"INR" + _END_LAT, "INR", False),
    (_alts(["रुपये", "रुपए", "रूपये", "रूपए", "रुपया", "रुपयों", "रूपयों", "रुपयो", "रुपय", "रुपिया", "रुपेया", "रूपया"]) + _END_DEV, "INR", True),
    (_nk("रु") + r"\.?(?![" + _DEV_LETTER + "])", "INR", True),
    (_alts(["अमेरिकी डॉलर", "अमरीकी डॉलर", "डॉलर", "डालर"]) + _END_DEV, "USD", True),
    (_nk("यूरो") + _END_DEV, "EUR", True),
]
_CUR_SUFFIX_RE = [(re.compile(p, re.IGNORECASE), c) for p, c, _ in _CUR_SUFFIX]
_CUR_PREFIX_RE = re.compile(
    r"(?:(?P<inr>₹|\bRs\.?|\bINR|\bRupees|" + _nk("रु") + r"\.|" + _nk("रू") + r"\.|" + _nk("रुपये") + ")"
    r"|(?P<usd>US\s?\$|\$|\bUSD|\bUS\s?dollars?)|(?P<eur>€|\bEUR)|(?P<gbp>£|\bGBP))"
    + _SP + r"{0,3}\.?" + _SP + "*$")

# units: (pattern, canonical unit, multiplier)
_UNITS_EN: list[tuple[str, str, int]] = [
    (r"lakh\s{1,3}metric\s{1,3}tonnes?|LMT", "tonne", 10**5), (r"million\s{1,3}metric\s{1,3}tonnes?|MMT", "tonne", 10**6),
    (r"MTPA", "MTPA", 1), (r"metric\s{1,3}tonnes?|metric\s{1,3}tons?|tonnes?|tons?|MT", "tonne", 1),
    (r"kilograms?|kgs?", "kg", 1), (r"quintals?|qtls?", "quintal", 1), (r"grams?|gms?", "g", 1),
    (r"GWh", "GWh", 1), (r"MWh", "MWh", 1), (r"kWh|KWh|kwh", "kWh", 1), (r"MU", "MU", 1),
    (r"GW", "GW", 1), (r"MW", "MW", 1), (r"kW|KW", "kW", 1), (r"MWp", "MWp", 1), (r"kWp", "kWp", 1),
    (r"MVA", "MVA", 1), (r"kV|KV", "kV", 1),
    (r"sq\.?\s?kms?|square\s{1,3}kilomet(?:er|re)s?|km2|km²", "sq km", 1),
    (r"m²|m2", "sq m", 1), (r"sq\.?\s?ft|square\s{1,3}f(?:ee|oo)t", "sq ft", 1), (r"sq\.?\s?m|square\s{1,3}met(?:er|re)s?", "sq m", 1),
    (r"kilomet(?:er|re)s?|kms?", "km", 1), (r"met(?:er|re)s?|mtrs?|m(?![²³])", "m", 1),
    (r"centimet(?:er|re)s?|cm", "cm", 1), (r"millimet(?:er|re)s?|mm", "mm", 1),
    (r"hectares?|ha", "hectare", 1), (r"acres?|ac", "acre", 1),
    (r"MLD", "MLD", 1), (r"kilolit(?:er|re)s?|KL|kl", "kl", 1), (r"lit(?:er|re)s?|ltrs?", "litre", 1),
    (r"BCM", "BCM", 1), (r"MMSCMD", "MMSCMD", 1), (r"TMC|tmcft", "TMC", 1),
    (r"hours?|hrs?", "hour", 1), (r"minutes?|mins?", "minute", 1), (r"seconds?|secs?", "second", 1),
    (r"days?", "day", 1), (r"weeks?", "week", 1), (r"months?", "month", 1), (r"years?|yrs?", "year", 1),
    (r"°\s?C|degrees?\s{1,3}(?:C|Celsius|centigrade)" , "degC", 1),
    (r"GB", "GB", 1), (r"TB", "TB", 1), (r"Mbps", "Mbps", 1), (r"Gbps", "Gbps", 1),
    (r"knots?", "knot", 1), (r"km/h|kmph", "km/h", 1),
]
_UNITS_HI: list[tuple[str, str, int]] = [
    ("लाख मीट्रिक टन", "tonne", 10**5), ("मीट्रिक टन", "tonne", 1), ("मी. टन", "tonne", 1), ("मी.टन", "tonne", 1),
    ("टन", "tonne", 1), ("जीडब्ल्यू", "GW", 1), ("एमडब्ल्यू", "MW", 1),
    ("किलोग्राम", "kg", 1), ("किग्रा", "kg", 1), ("किलो", "kg", 1), ("क्विंटल", "quintal", 1), ("ग्राम", "g", 1),
    ("मेगावाट", "MW", 1), ("गीगावाट", "GW", 1), ("किलोवाट", "kW", 1), ("मेगावॉट", "MW", 1), ("गीगावॉट", "GW", 1),
    ("वर्ग किलोमीटर", "sq km", 1), ("वर्ग किमी", "sq km", 1), ("वर्ग फुट", "sq ft", 1), ("वर्ग फीट", "sq ft", 1),
    ("वर्ग मीटर", "sq m", 1),
    ("किलोमीटर", "km", 1), ("किमी", "km", 1), ("कि.मी.", "km", 1), ("मीटर", "m", 1), ("सेंटीमीटर", "cm", 1),
    ("मिलीमीटर", "mm", 1), ("मिमी", "mm", 1),
    ("हेक्टेयर", "hectare", 1), ("हैक्टेयर", "hectare", 1), ("एकड़", "acre", 1),
    ("लीटर", "litre", 1), ("किलोलीटर", "kl", 1),
    ("घंटे", "hour", 1), ("घंटा", "hour", 1), ("घंटों", "hour", 1), ("मिनट", "minute", 1),
    ("सेकंड", "second", 1), ("दिन", "day", 1), ("दिनों", "day", 1), ("सप्ताह", "week", 1), ("हफ्ते", "week", 1),
    ("महीने", "month", 1), ("महीनों", "month", 1), ("महीना", "month", 1), ("माह", "month", 1),
    ("वर्ष", "year", 1), ("वर्षों", "year", 1), ("साल", "year", 1), ("सालों", "year", 1),
    ("डिग्री सेल्सियस", "degC", 1), ("समुद्री मील", "knot", 1), ("नॉट", "knot", 1),
]
_TIME_UNITS = {"hour", "minute", "second", "day", "week", "month", "year"}
_UNIT_RE_LIST = [(re.compile(p + _END_LAT + "(?![0-9])"), u, m) for p, u, m in _UNITS_EN] + \
                [(re.compile(_nk(p.replace(".", "\\.")).replace(" ", _SP + "{0,3}") + "(?:" + _END_DEV + "|(?=" + _alts(["से", "में", "के", "की", "का", "को", "तक"]) + "))"), u, m)
                 for p, u, m in _UNITS_HI]
_UNIT_LOWER_OK = re.compile(r"[a-z]")  # english units are case sensitive except full words (handled below)
_UNIT_EN_CI = [(re.compile(p + _END_LAT, re.IGNORECASE), u, m) for p, u, m in _UNITS_EN if re.search("[a-z]{3}", p)]

# qualifiers
_QUAL_PRE_RE = re.compile(
    r"(?:(?P<more_than>more\s{1,3}than|over|above|exceeding|in\s{1,3}excess\s{1,3}of|upwards\s{1,3}of)"
    r"|(?P<less_than>less\s{1,3}than|under|below|fewer\s{1,3}than)"
    r"|(?P<about>about|around|approximately|approx\.?|roughly|some|an\s{1,3}estimated|estimated)"
    r"|(?P<nearly>nearly|almost|close\s{1,3}to)"
    r"|(?P<up_to>up\s{0,3}-?\s{0,3}to|upto|a\s{1,3}maximum\s{1,3}of|maximum\s{1,3}of|at\s{1,3}most|not\s{1,3}more\s{1,3}than|" + _nk("अधिकतम") + ")"
    r"|(?P<at_least>at\s{0,3}least|a\s{1,3}minimum\s{1,3}of|minimum\s{1,3}of|" + _nk("कम से कम").replace(" ", r"\s{1,3}") + "|" + _nk("न्यूनतम") + ")"
    r"|(?P<about_hi>" + _alts(["लगभग", "क़रीब", "तक़रीबन", "तकरीबन"]) + "))"
    + r"\s{0,3}$", re.IGNORECASE)
_QUAL_POST_RE = re.compile(
    r"\s{0,3}(?:(?P<more_than>" + _nk("से") + r"\s{1,3}(?:" + _nk("भी") + r"\s{1,3})?" + _alts(["अधिक", "ज़्यादा", "ज्यादा", "ऊपर", "अधिक्"]) + _END_DEV
    + r"|\+|-?\s?plus" + _END_LAT + ")"
    r"|(?P<less_than>" + _nk("से") + r"\s{1,3}(?:" + _nk("भी") + r"\s{1,3})?" + _nk("कम") + _END_DEV + ")"
    r"|(?P<at_least>or\s{1,3}more|and\s{1,3}above|or\s{1,3}above|" + _nk("या उससे अधिक").replace(" ", r"\s{1,3}") + ")"
    r"|(?P<about>" + _nk("के आसपास").replace(" ", r"\s{1,3}") + "|" + _nk("के लगभग").replace(" ", r"\s{1,3}") + ")"
    r"|(?P<nearly>" + _nk("के करीब").replace(" ", r"\s{1,3}") + "|" + _nk("के क़रीब").replace(" ", r"\s{1,3}") + ")"
    r"|(?P<up_to>" + _nk("तक") + _END_DEV + "))", re.IGNORECASE)

# months
_MONTHS_EN = {"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
              "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "feburary": 2,
              "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}
_MONTHS_HI_RAW = {1: ["जनवरी"], 2: ["फ़रवरी", "फरवरी"], 3: ["मार्च"], 4: ["अप्रैल", "अप्रेल", "अप्रल"], 5: ["मई"],
                  6: ["जून"], 7: ["जुलाई"], 8: ["अगस्त"], 9: ["सितंबर", "सितम्बर"], 10: ["अक्टूबर", "अक्तूबर", "अक्तुबर"],
                  11: ["नवंबर", "नवम्बर"], 12: ["दिसंबर", "दिसम्बर"]}
_MONTHS_HI = {norm_word(w): m for m, ws in _MONTHS_HI_RAW.items() for w in ws}
_MONTH_PAT = ("(?:" + "|".join(sorted(_MONTHS_EN, key=len, reverse=True)) + r")\.?" + _END_LAT + "|"
              + _alts([w for ws in _MONTHS_HI_RAW.values() for w in ws]) + _END_DEV)
_MONTH_RE = re.compile(_MONTH_PAT, re.IGNORECASE)
_ORD = r"(?: ?(?:st|nd|rd|th)(?-i:(?![a-z])))?"
_ORD_SFX = r"[.:/][0-9]| ?(?:st|nd|rd|th)(?![a-z])"  # what may not follow a 2-digit year (decimals, times, ordinals)
_NUMLIT = f"{_D}{{1,3}}(?:,{_D}{{2,3}})+(?:\\.{_D}+)?(?!{_D})|{_D}+(?:\\.{_D}+)?"
_NUMLIT_RE = re.compile(_NUMLIT)

# date shapes anchored at a digit
_DATE_DMY_RE = re.compile(
    rf"(?P<d>{_D}{{1,2}}){_ORD}{_SP}{{0,3}}(?:-|of{_SP}{{1,3}})?{_SP}{{0,3}}(?P<m>{_MONTH_PAT})(?:{_SP}{{0,3}}[,-]?{_SP}{{0,3}}(?P<y>{_D}{{4}})(?!{_D}))?",
    re.IGNORECASE)
_DATE_RANGE_RE = re.compile(
    rf"(?P<d1>{_D}{{1,2}}){_ORD}{_SP}{{0,3}}(?:-|–|to|{_nk('से')}|and|&){_SP}{{0,3}}(?P<d2>{_D}{{1,2}}){_ORD}{_SP}{{0,3}}(?:of{_SP}{{1,3}})?"
    rf"(?P<m>{_MONTH_PAT})(?:{_SP}{{0,3}},?{_SP}{{0,3}}(?P<y>{_D}{{4}})(?!{_D}))?", re.IGNORECASE)
_DATE_NUM_RE = re.compile(rf"(?P<d>{_D}{{1,2}})(?P<s>[./-])(?P<m>{_D}{{1,2}})(?P=s)(?P<y>{_D}{{4}}|{_D}{{2}})(?!{_D}|\.{_D})")
_DATE_ISO_RE = re.compile(rf"(?P<y>(?:19|20){_D}{{2}})-(?P<m>{_D}{{2}})-(?P<d>{_D}{{2}})(?!{_D})")
# month first: "June 3, 2020", "June 2020", "October, 2025"
_DATE_MDY_RE = re.compile(
    rf"(?P<m>{_MONTH_PAT}){_SP}{{0,3}}(?:(?P<d>{_D}{{1,2}}){_ORD}(?!{_D})(?:{_SP}{{0,3}}(?:-|–|to){_SP}{{0,3}}(?P<d2>{_D}{{1,2}}){_ORD})?(?:{_SP}{{0,3}},?{_SP}{{0,3}}(?P<y>{_D}{{4}})(?!{_D}))?|,?{_SP}{{0,3}}(?P<y2>{_D}{{4}})(?!{_D}))",
    re.IGNORECASE)
_DATE_CONT_RE = re.compile(rf"{_SP}{{0,3}}(?:-|–|to|till|until|{_nk('से')}|and|&){_SP}{{0,3}}(?={_D})", re.IGNORECASE)
_MONTH_RANGE_RE = re.compile(
    rf"(?P<m1>{_MONTH_PAT}){_SP}{{0,3}}(?:-|–|—|to|{_nk('से')}){_SP}{{0,3}}(?P<m2>{_MONTH_PAT}){_SP}{{0,3}},?{_SP}{{0,3}}(?:(?P<y>{_D}{{4}})(?!{_D})|['’]?(?P<yy>{_D}{{2}})(?!{_D}|{_ORD_SFX}|{_SP}{{0,3}},?{_SP}{{0,3}}(?:19|20){_D}{{2}}(?!{_D})))",
    re.IGNORECASE)
_PERIOD_RE = re.compile(rf"(?P<a>(?:19|20){_D}{{2}}){_SP}?[-–—/]{_SP}?(?P<b>{_D}{{4}}|{_D}{{2}})(?!{_D})(?!-{_D})")
_FY_SHORT_RE = re.compile(rf"FY{_SP}?['’]?(?P<y>{_D}{{2}})(?!{_D})(?:{_SP}?[-–]{_SP}?(?P<b>{_D}{{2}})(?!{_D}))?")
_FY_PREFIX_RE = re.compile(r"(?:\bFY|\bF\.Y\.?|" + _nk("वित्त वर्ष").replace(" ", r"\s{1,3}") + r"|financial\s{1,3}year|fiscal\s{1,3}year|fiscal)" + _SP + r"{0,3}$", re.IGNORECASE)

_RANGE_CONN_RE = re.compile(rf"{_SP}{{0,3}}(?:-|–|—|to|till|{_nk('से')}|and|or|{_nk('और')}|{_nk('या')}){_SP}{{0,3}}(?P<cur>₹|Rs\.?{_SP}{{0,3}}|INR{_SP}{{0,3}}|\${_SP}{{0,3}})?(?={_D})", re.IGNORECASE)

_DIGITS_RE = re.compile(f"{_D}+")
_BETWEEN_RE = re.compile(r"between\s{1,3}(?:₹|Rs\.?\s{0,3}|INR\s{0,3}|\$)?$", re.IGNORECASE)

# candidate tokens: digits, words (for number words and month-first dates)
_TOKEN_RE = re.compile(rf"(?P<num>{_D})|(?P<w>[A-Za-z{_DEV_LETTER}]+)")

_KEYWORD_BEFORE = {norm_word(w) for w in (
    "article articles section sections clause clauses rule rules chapter chapters schedule para paragraph item "
    "no no. number phase tier class classes grade grades version lockdown unlock covid sector room gate platform flight "
    "level stage round wave ward booth model mk mark vande page pages annexure annex table figure fig "
    "धारा अनुच्छेद खंड नियम अध्याय अनुसूची कक्षा चरण क्रमांक नंबर नं लॉकडाउन अनलॉक कोविड सेक्टर वार्ड तालिका पृष्ठ"
).split()}
_KEYWORD_BEFORE_CAP = {"Day", "Week", "Rank", "Team", "Group", "Zone", "Block", "Plot", "House", "Unit"}
_SANKHYA = norm_word("संख्या")
_KI = {norm_word("की"), norm_word("कुल")}
_GLUED_HI_OK = {norm_word(w) for w in "में से के की का को तक वर्ष साल दिन करोड़ लाख हजार हज़ार प्रतिशत".split()}
_HELPLINE_BEFORE_RE = re.compile(r"(?:\b(?:helpline|toll[- ]?free|dial|call|phone|tel\.?|fax|mobile|whatsapp|number)\b|नंबर|नम्बर|" + _alts(["हेल्पलाइन", "हैल्पलाइन", "डायल", "कॉल", "फोन", "फ़ोन"]) + r")[^\n.।]{0,25}$", re.IGNORECASE)
_HELPLINE_AFTER_RE = re.compile(r"\s{0,3}(?:\(?\s{0,2}(?:toll[- ]?free|" + _alts(["टोल फ्री", "टोल-फ्री"]) + r")|" + _nk("पर") + r"\s{1,3}(?:" + _alts(["कॉल", "संपर्क", "डायल", "फोन"]) + "))", re.IGNORECASE)
_YEAR4_RE = re.compile(rf"(?:19|20){_D}{{2}}(?!{_D})")
_PHONE_PLUS_RE = re.compile(rf"{_D}{{1,3}}[-\s]{_D}")
_PHONE_AFTER_RE = re.compile(rf"{_SP}?[-–]{_SP}?{_D}{{6,}}")
_PHONE_DASH_RE = re.compile(rf"{_D}{{2,5}}(?:-{_D}{{2,5}}){{2,3}}(?!{_D}|[-.,]{_D})")  # "1800-180-3333"
_ID_BEFORE_RE = re.compile(r"(?:\bID|PRID|Id)\s{0,3}[:=-]?\s{0,3}$")
_TIME_RE = re.compile(rf"{_D}{{1,2}}(?::{_D}{{2}}){{1,2}}(?:{_SP}?(?:[AaPp]\.?[Mm]\.?|hrs|IST|{_nk('बजे')}))?")
_AMPM_RE = re.compile(rf"{_SP}?(?:[AaPp]\.[Mm]\.|[AaPp][Mm](?![A-Za-z])|hrs?\b\.?|IST\b|{_nk('बजे')})")
_TIMES_RE = re.compile(rf"{_SP}?[xX×*]{_SP}?{_D}")
_ORDINAL_RE = re.compile(r" ?(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_ORDINAL_HI_RE = re.compile(f"{_SP}?(?:" + _alts(["वां", "वीं", "वें"]) + "|(?:वा|वी|वे))" + _END_DEV)
_ORD_HI_SPACED = {"वां", "वीं", "वें", "वाँ", "वीँ", "वेँ"}
_DEV_WORD_RE = re.compile(f"[{_DEV_LETTER}]+")
_LIST_AFTER_RE = re.compile(r"[.)](?:\s|$)")
_KEYWORD_RANGE_RE = re.compile(rf"(?:{_SP}{{0,2}}(?:-|–|to|and|&|,|{_nk('से')}|{_nk('और')}|{_nk('तथा')}){_SP}{{0,2}}{_D}{{1,4}}(?!{_D}|[.,]{_D}|{_SP}?%))+")
_PIN_BEFORE_RE = re.compile(r"(?:[A-Za-z\u0900-\u097f]\s?[-–]\s?|PIN\s{0,3}(?:code)?\s{0,3}:?\s{0,3}|Pin\s{0,3}(?:code|Code)?\s{0,3}:?\s{0,3}|" + _nk("पिन") + r"\s{0,3}:?\s{0,3})$")
_CAPS_AFTER_RE = re.compile(r"[ \t]{1,2}[A-Z]{3,}(?![a-z])")


def _year_like(lit: str) -> bool:
    return len(lit) == 4 and lit.isdigit() and 1800 <= int(_ascii_digits(lit)) <= 2100


def _is_dev_letter(c: str) -> bool:
    return "\u0900" <= c <= "\u0963" or "\u0971" <= c <= "\u097f"


def _is_letter(c: str) -> bool:
    return (c.isascii() and c.isalpha()) or _is_dev_letter(c) or c in "\u200c\u200d"


_YEAR_WORDS_BEFORE = {norm_word(w) for w in "in since by year of from till until during वर्ष साल सन् सन".split()}

_EN_FUNC = set("""of the a an for in on to towards with by at from as and or is are was were be been being has have had
will would shall should can could may might this that these those its their his her our your it which who whom whose
than per each every into under over about around nearly almost more less up also only such other than during till until
while when where so its across against between among within without through after before since not no yet but if all
both including include includes included while respectively worth total aggregate estimated approximately some new further
additional around out says said""".split())
_HI_FUNC = {norm_word(w) for w in """का की के को में से पर तक ने है हैं था थी थे हो होगा होगी होंगे और एवं तथा या भी ही
यह ये वह वे इस इन उस उन जो जिस जिन कि लिए द्वारा साथ बाद पहले अपनी अपने अपना कुल लगभग करीब अधिक ज्यादा ज़्यादा कम
गया गई गए किया किए की दिया दी दिए रहा रही रहे रूप प्रति हुआ हुई हुए करने करना कर होने वाले वाली वाला जा जाएगा जाएगी
सहित व एक अन्य मात्र केवल अब तो ऊपर नीचे बीच दौरान""".split()}
_LABEL_WORD_RE = re.compile(rf"[A-Za-z][A-Za-z\-']*|[{_DEV_LETTER}]+")

_WORDNUM_STOP_UNITS = _TIME_UNITS


class _Res:
    __slots__ = ("figs", "end")

    def __init__(self, figs, end):
        self.figs = figs
        self.end = end


def _dec(s: str) -> Decimal | None:
    s = _ascii_digits(s).replace(",", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _norm_value(v: Decimal) -> Decimal:
    with localcontext(_CTX):
        if v == v.to_integral_value():
            return Decimal(int(v))
        return v.normalize()


def _valid_grouping(lit: str) -> bool:
    intpart = lit.split(".")[0]
    groups = intpart.split(",")
    if len(groups) == 1:
        return True
    if not (1 <= len(groups[0]) <= 3) or len(groups[-1]) != 3:
        return False
    return all(len(g) in (2, 3) for g in groups[1:-1])


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


class FigureExtractor:
    """Finds figures in a passage.  Stateless apart from compiled patterns; safe to share."""

    max_int_digits = 15

    def run(self, text: str) -> list[Figure]:
        if not text:
            return []
        if not isinstance(text, str):
            text = str(text)
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

    # ------------------------------------------------------------------ words
    def _at_word(self, text: str, m: re.Match) -> _Res | None:
        w = m.group()
        # month-first English dates: "June 3, 2020", "June 2020"; Hindi "अक्टूबर 2025"
        mon = _month_num(w)
        if mon is not None and (w[0].isupper() or not w.isascii()):
            rm = _MONTH_RANGE_RE.match(text, m.start())
            if rm:
                m1, m2 = _month_num(rm.group("m1")), _month_num(rm.group("m2"))
                y = int(_ascii_digits(rm.group("y"))) if rm.group("y") else 2000 + int(_ascii_digits(rm.group("yy")))
                if m1 and m2 and 1800 <= y <= 2199:
                    y1 = y if m1 <= m2 else y - 1
                    return _Res([Figure(rm.group("m1"), rm.start(), rm.end("m1"), None, None, "date", iso=_mk_date(y1, m1, None)),
                                 Figure(text[rm.start("m2"):rm.end()], rm.start("m2"), rm.end(), None, None, "date",
                                        iso=_mk_date(y, m2, None))], rm.end())
            dm = _DATE_MDY_RE.match(text, m.start())
            if dm:
                return self._mdy(text, dm)
        fw = norm_word(w)
        if fw not in ALL_WORDS:
            return _Res([], m.end())
        return self._wordnum(text, m)

    def _mdy(self, text: str, dm: re.Match) -> _Res | None:
        mon = _month_num(dm.group("m"))
        if dm.group("d"):
            d = int(_ascii_digits(dm.group("d")))
            ys = dm.group("y")
            y = int(_ascii_digits(ys)) if ys else None
            if not dm.group("m")[0].isupper() and y is None:
                return None
            iso = _mk_date(y, mon, d)
            if iso is None:
                return None
            if dm.group("d2"):
                d2 = int(_ascii_digits(dm.group("d2")))
                iso2 = _mk_date(y, mon, d2)
                if iso2 and d2 > d:
                    s2 = dm.start("d2")
                    return _Res([Figure(text[dm.start():dm.end("d")], dm.start(), dm.end("d"), None, None, "date", iso=iso),
                                 Figure(text[s2:dm.end()], s2, dm.end(), None, None, "date", iso=iso2)], dm.end())
                if y is None:  # not a day range ("July 25 -3.0"): the date ends at the day
                    e = dm.end("d")
                    om = _ORDINAL_RE.match(text, e)
                    e = om.end() if om else e
                    return _Res([Figure(text[dm.start():e], dm.start(), e, None, None, "date", iso=iso)], e)
            return _Res([Figure(dm.group(), dm.start(), dm.end(), None, None, "date", iso=iso)], dm.end())
        y = int(_ascii_digits(dm.group("y2")))
        if not 1800 <= y <= 2199:
            return None
        iso = _mk_date(y, mon, None)
        return _Res([Figure(dm.group(), dm.start(), dm.end(), None, None, "date", iso=iso)], dm.end())

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
        if not (has_mult and has_mult_en) and fig.kind not in ("money", "percent"):
            if fig.kind != "quantity" or fig.unit in _WORDNUM_STOP_UNITS:
                return _Res([], end)
        if is_en and not has_mult_en and fig.kind == "count":
            return _Res([], end)
        return _Res([fig], fend)

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
            elif _is_dev_letter(c):
                return _Res([], self._skip_alnum(text, p))  # "एन95", "जी20"
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
        intpart = lit.split(".")[0].replace(",", "")
        if len(intpart) > self.max_int_digits:
            return _Res([], self._skip_alnum(text, p))
        # right-context traps
        rest = text[q:q + 12]
        if not rest:
            pass
        elif rest[0].isdigit():
            return _Res([], self._skip_alnum(text, p))
        elif rest[0] == ":" and len(rest) > 1 and rest[1].isdigit():  # time / ratio
            tm = _TIME_RE.match(text, p)
            if tm:
                return _Res([], tm.end())
            return _Res([], self._skip_alnum(text, p))
        tm = _AMPM_RE.match(rest)
        if tm and (tm.group().strip().lower() not in ("hr", "hrs") or len(intpart) == 4):
            if len(intpart) <= 2 or len(intpart) == 4 or "." in lit:
                return _Res([], q + tm.end())
        if _TIMES_RE.match(rest):
            return _Res([], self._skip_alnum(text, p))
        if rest[:1] == "/" and len(rest) > 1 and (rest[1].isdigit() or _is_dev_letter(rest[1]) or rest[1].isupper()):
            return _Res([], self._skip_token(text, p))  # fractions, "318/सीएस-मल्टी/2020"
        om = _ORDINAL_RE.match(rest)
        if om:
            return _Res([], q + om.end())
        if rest[:1] == "s" and len(intpart) == 4 and not rest[1:2].isalpha():
            return _Res([], q + 1)  # decades: "1990s"
        om = _ORDINAL_HI_RE.match(rest)
        if om and (not om.group().startswith((" ", "\u00a0")) or om.group().strip() in _ORD_HI_SPACED):
            return _Res([], q + om.end())
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
            if p > 0 and text[p - 1] == "(" and rest.startswith(")") and not (len(intpart) == 2 and intpart[0] in "0०"):
                return _Res([], q + 1)
        is_year_like = len(intpart) == 4 and "," not in lit and "." not in lit and 1800 <= int(_ascii_digits(intpart)) <= 2100
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
                if kb and len(kb) >= 2 and kb.isascii() and kb.isupper():
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
            word = sm.group().rstrip(".")
            mult = _SCALE_VALUE.get(norm_word(word))
            if mult is None:
                mult = _SCALE_VALUE.get(word.lower(), None)
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
        if pct:
            kind, u = "percent", pct
        elif currency:
            kind, u = "money", currency
        elif unit:
            kind, u = "quantity", unit[0]
        else:
            kind, u = "count", None
        value = v
        with localcontext(_CTX):
            if scale:
                value = value * scale
            if unit and unit[1] != 1:
                value = value * unit[1]
        value = _norm_value(value)
        if kind == "count" and not from_words and not scale:
            ip = lit.split(".")[0]
            if "," not in ip and "." not in lit and len(ip) == 4 and 1800 <= int(_ascii_digits(ip)) <= 2100:
                return Figure(text[s:q], s, q, Decimal(int(_ascii_digits(ip))), None, "year",
                              iso=_ascii_digits(ip)), q
            if "," not in ip and "." not in lit and len(ip) >= 7:
                return None, q  # long ungrouped integers are ids, not counts
        if kind == "money" and pre_cur is None and not (scale or cur):
            pass
        # qualifiers
        qual = None
        qm = _QUAL_PRE_RE.search(text, max(0, start - 24), start)
        if qm:
            qual = qm.lastgroup
            if qual == "about_hi":
                qual = "about"
            if qual == "about" and qm.group().strip().lower() in ("some", "estimated", "an estimated") and kind not in ("count", "money", "quantity"):
                qual = None
        pm = _QUAL_POST_RE.match(text, end)
        if pm and (qual is None or pm.lastgroup != "up_to"):
            if not (pm.lastgroup == "up_to" and kind in ("date", "year", "period")):
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
            if u_pct:
                kind, u = "percent", u_pct
            elif currency:
                kind, u = "money", currency
            elif u_unit:
                kind, u = "quantity", u_unit[0]
            else:
                kind, u = "count", None
            sc1 = scale1 or scale2 or 1
            sc2 = scale2 or 1
            um = u_unit[1] if u_unit else 1
            with localcontext(_CTX):
                a = _norm_value(v1 * sc1 * um)
                b = _norm_value(v2 * sc2 * um)
            qual = None
            qm = _QUAL_PRE_RE.search(text, max(0, start1 - 24), start1)
            if qm:
                qual = "about" if qm.lastgroup == "about_hi" else qm.lastgroup
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

    # ------------------------------------------------------------------ dates / periods
    def _date_at(self, text: str, p: int) -> _Res | None:
        m = _DATE_RANGE_RE.match(text, p)
        if m:
            mon = _month_num(m.group("m"))
            y = int(_ascii_digits(m.group("y"))) if m.group("y") else None
            d1, d2 = int(_ascii_digits(m.group("d1"))), int(_ascii_digits(m.group("d2")))
            i1, i2 = _mk_date(y, mon, d1), _mk_date(y, mon, d2)
            if i1 and i2 and d1 < d2:
                s2 = m.start("d2")
                return _Res([Figure(text[p:m.end("d1")], p, m.end("d1"), None, None, "date", iso=i1),
                             Figure(text[s2:m.end()], s2, m.end(), None, None, "date", iso=i2)], m.end())
        m = _DATE_DMY_RE.match(text, p)
        if m:
            mon = _month_num(m.group("m"))
            y = int(_ascii_digits(m.group("y"))) if m.group("y") else None
            d = int(_ascii_digits(m.group("d")))
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
                        y2 = int(_ascii_digits(m2.group("y")))
                        mon2 = _month_num(m2.group("m"))
                        y = y2 if mon2 is None or mon <= mon2 else y2 - 1
            iso = _mk_date(y, mon, d)
            if iso:
                return _Res([Figure(m.group(), p, m.end(), None, None, "date", iso=iso)], m.end())
        m = _DATE_ISO_RE.match(text, p)
        if m:
            iso = _mk_date(int(_ascii_digits(m.group("y"))), int(_ascii_digits(m.group("m"))), int(_ascii_digits(m.group("d"))))
            if iso:
                return _Res([Figure(m.group(), p, m.end(), None, None, "date", iso=iso)], m.end())
        m = _DATE_NUM_RE.match(text, p)
        if m:
            d, mo = int(_ascii_digits(m.group("d"))), int(_ascii_digits(m.group("m")))
            ys = _ascii_digits(m.group("y"))
            if len(ys) == 4:
                iso = _mk_date(int(ys), mo, d)
            else:
                iso = _dateparser_iso(_ascii_digits(m.group())) if 1 <= d <= 31 and 1 <= mo <= 12 else None
            if iso:
                return _Res([Figure(m.group(), p, m.end(), None, None, "date", iso=iso)], m.end())
        return None

    def _period_at(self, text: str, p: int) -> _Res | None:
        start = p
        fy = _FY_PREFIX_RE.search(text, max(0, p - 20), p)
        if p >= 2 and text[p - 2:p].upper() == "FY" or (fy and fy.group().strip().upper().startswith("FY") and p - fy.start() <= 3):
            if fy:
                start = fy.start()
        m = _PERIOD_RE.match(text, p)
        if m:
            a = int(_ascii_digits(m.group("a")))
            bs = _ascii_digits(m.group("b"))
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
        if fy is not None and fy.group().strip().upper().startswith("FY") and p - fy.start() <= 3:
            m = _FY_SHORT_RE.match(text, fy.start())
            if m and m.start("y") == p:
                y2 = int(_ascii_digits(m.group("y")))
                if m.group("b"):
                    a = 2000 + y2
                    b = a + 1
                else:
                    b = 2000 + y2
                    a = b - 1
                return _Res([self._temporal(text, fy.start(), m.end(), a, "period", f"{a}/{b}")], m.end())
        if start != p and fy is not None:
            ym = _YEAR4_RE.match(text, p)
            if ym and fy.group().strip().upper().startswith("FY"):
                b = int(_ascii_digits(ym.group()))
                return _Res([self._temporal(text, start, ym.end(), b - 1, "period", f"{b - 1}/{b}")], ym.end())
        return None

    def _temporal(self, text, s, e, year, kind, iso):
        return Figure(text[s:e], s, e, Decimal(year), None, kind, None, None, iso)

    # ------------------------------------------------------------------ small helpers
    @staticmethod
    def _letters_before(text: str, p: int) -> str:
        i = p
        lo = max(0, p - 40)
        while i > lo and text[i - 1].isascii() and text[i - 1].isalpha():
            i -= 1
        return text[i:p]

    @staticmethod
    def _skip_token(text: str, p: int) -> int:
        n = len(text)
        j = p
        lim = min(n, p + 300)
        while j < lim and not text[j].isspace():
            j += 1
        return j

    @staticmethod
    def _skip_run(text: str, p: int, limit: int, part, joiners: str) -> int:
        """Past the run at p of characters that are `part`, or `joiners` followed by a digit (at least one)."""
        n = len(text)
        j = p
        lim = min(n, p + limit)
        while j < lim and (part(text[j]) or (text[j] in joiners and j + 1 < n and text[j + 1].isdigit())):
            j += 1
        return max(j, p + 1)

    @classmethod
    def _skip_alnum(cls, text: str, p: int) -> int:
        return cls._skip_run(text, p, 300, str.isalnum, ".,-:")

    @classmethod
    def _skip_phone(cls, text: str, p: int) -> int:
        return cls._skip_run(text, p, 40, str.isdigit, "- /")

    @staticmethod
    def _currency_before(text: str, p: int) -> bool:
        return bool(_CUR_PREFIX_RE.search(text, max(0, p - 14), p))

    @staticmethod
    def _word_before(text: str, p: int):
        j = p
        lo = max(0, p - 30)
        while j > lo and text[j - 1] in " \t\u00a0:-–,":
            j -= 1
        i = j
        while i > lo and (text[i - 1].isalpha() or text[i - 1] == "." or _is_dev_letter(text[i - 1]) or text[i - 1] in "\u200c\u200d"):
            i -= 1
        return (text[i:j], i) if i < j else (None, p)

    @staticmethod
    def _in_url(text: str, p: int) -> bool:
        a = p
        lo = max(0, p - 120)
        while a > lo and not text[a - 1].isspace():
            a -= 1
        b = p
        hi = min(len(text), p + 120)
        while b < hi and not text[b].isspace():
            b += 1
        tok = text[a:b]
        return "@" in tok or "://" in tok or "www." in tok or ".gov" in tok or ".com" in tok or ".in/" in tok

    def _label(self, text: str, start: int, end: int, kind: str) -> str | None:
        if kind not in ("money", "percent", "quantity", "count"):
            return None
        if kind in ("money", "percent"):
            before = text[max(0, start - 60):start]
            bm = _LABEL_BEFORE_RE.search(before)
            if bm:
                bw = [w for w in bm.group(1).split() if w.lower() not in _EN_FUNC]
                if bw:
                    return " ".join(bw[-2:])
        after = text[end:end + 80]
        content: list[str] = []
        prev_end = 0
        hindi = False
        for wm in _LABEL_WORD_RE.finditer(after):
            gap = after[prev_end:wm.start()]
            prev_end = wm.end()
            if _LABEL_GAP_BREAK.search(gap):
                break
            w = wm.group()
            lw = w.lower()
            fw = norm_word(w)
            if not content:
                if lw in _EN_SKIP or fw in _HI_SKIP:
                    continue
            if lw in _EN_FUNC or fw in _HI_FUNC or fw in ALL_WORDS or fw in _SCALE_VALUE or w in _LABEL_BREAK_TOK:
                break
            if content and w.isascii() and (lw.endswith("ed") or lw in _EN_VERBS):
                break
            if not w.isascii():
                hindi = True
            content.append(w)
            if hindi or len(content) >= 3:
                break
        return " ".join(content) if content else None


_EN_VERBS = set("""got get gets received receive receives benefit benefits rose fell grew grow grows
reach reaches crossed cross crosses make made makes take took takes give gave gives saw see sees
were was is are be been has have had will would can could may might shall should""".split())
_EN_SKIP = {"of", "the", "a", "an", "for", "in", "on", "worth", "towards", "new", "additional", "more", "total"}
_HI_SKIP = {norm_word(w) for w in "का की के को में पर".split()}
_LABEL_BREAK_TOK = {"Rs", "INR", "USD", "Rs.", "crore", "lakh"}
_LABEL_GAP_BREAK = re.compile(r"[.,;:!?()\[\]{}|।\"“”\n/%₹$]|\d")
_LABEL_BEFORE_RE = re.compile(
    r"([A-Za-z][A-Za-z\-]*(?:[ ][A-Za-z][A-Za-z\-]*){0,3})[ ]+(?:of|at|worth|stood at|amounting to)[ ]+$")


_SHARED = FigureExtractor()


def extract_figures(text: str) -> list[Figure]:
    """Module-level convenience over a shared :class:`FigureExtractor`."""
    return _SHARED.run(text)
