"""The extractor's patterns and the words they are built of: Devanagari-tolerant pattern helpers,
scale words, currencies, units, qualifiers, months, and the compiled patterns built from them; shared
by every part of index.figures."""
from __future__ import annotations

import re
from decimal import Context

from index.numbers_hi import norm_word


_CTX = Context(prec=80)


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
_CENTURY = "(?:19|20|\u0967\u096f|\u0968\u0966)"  # in either script's digits: 20, २०
_SP = "[ \t\u00a0\u202f\u2009]"  # same-line spaces
_END_LAT = r"(?![A-Za-z])"
_END_DEV = f"(?![{_DEV_LETTER}])"
_END_ANY = f"(?![A-Za-z{_DEV_LETTER}])"

_DIGIT_TR = str.maketrans("\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f", "0123456789")


def ascii_digits(s: str) -> str:
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

SCALE_WORD = _SCALE_RE


def scale_value(word: str) -> int | None:
    """The multiplier of a scale word as `_SCALE_RE` matches it ("crore", "लाख", "Cr.")."""
    word = word.rstrip(".")
    return _SCALE_VALUE.get(norm_word(word)) or _SCALE_VALUE.get(word.lower())


def scale_at(text: str, at: int = 0) -> int | None:
    """The multiplier of the scale word that starts at `at`, if one does."""
    m = _SCALE_RE.match(text, at)
    return scale_value(m.group()) if m else None


def written_scale(text: str) -> int | None:
    """The multiplier of the scale word a figure is written in ("753.60 crore", "4.34 lakh"), if any;
    of a compound, its last: "12 हजार करोड़ रुपये" is written in crore, as "how many crore rupees" asks."""
    found = [scale_at(text, m.start()) for m in _SCALE_RE.finditer(text)]
    return found[-1] if found else None


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

# "Gram Panchayat", "ग्राम पंचायत", "ग्राम सभा": the village, not grams. What follows a gram where it is the
# village, in either script; the figure reader and the question's asked unit (index/answerable.py) both skip it.
GRAM_AS_VILLAGE_EN = r"(?!\s+(?:Panchayats?|Sabhas?|Swaraj|Sadak|Pradhans?|Vikas|Udaya|Sevaks?|Nyayalayas?|Sachivalayas?))"
GRAM_AS_VILLAGE_HI = (r"(?!" + _SP + "*(?:" + "|".join(_nk(w) for w in (
    "पंचायत", "सभा", "स्वराज", "प्रधान", "सड़क", "विकास", "उदय", "स्तर", "सेवक", "न्यायालय", "सचिवालय")) + "))")

# units: (pattern, canonical unit, multiplier)
_UNITS_EN: list[tuple[str, str, int]] = [
    (r"lakh\s{1,3}metric\s{1,3}tonnes?|LMTs?", "tonne", 10**5), (r"million\s{1,3}metric\s{1,3}tonnes?|MMTs?", "tonne", 10**6),
    (r"MTPA", "MTPA", 1), (r"[Kk]ilo\s{0,3}[Tt]onnes?\s{1,3}[Pp]er\s{1,3}[Aa]nnum|KTPA", "KTPA", 1),
    (r"[Kk]ilo\s{0,3}[Tt]onnes?", "tonne", 10**3), (r"metric\s{1,3}tonnes?|metric\s{1,3}tons?|tonnes?|tons?|MTs?", "tonne", 1),
    (r"kilograms?|kgs?", "kg", 1), (r"quintals?|qtls?", "quintal", 1), (r"grams?" + GRAM_AS_VILLAGE_EN + "|gms?", "g", 1),
    (r"GWh", "GWh", 1), (r"MWh", "MWh", 1), (r"kWh|KWh|kwh", "kWh", 1), (r"MU", "MU", 1),
    (r"GW", "GW", 1), (r"MW", "MW", 1), (r"kW|KW", "kW", 1), (r"MWp", "MWp", 1), (r"kWp", "kWp", 1),
    (r"gigawatts?", "GW", 1), (r"megawatts?", "MW", 1), (r"kilowatts?", "kW", 1),
    (r"MVA", "MVA", 1), (r"kV|KV", "kV", 1),
    (r"sq\.?\s?kms?|square\s{1,3}kilomet(?:er|re)s?|km2|km²", "sq km", 1),
    # a volume, before metres; not "cum", which joins words ("Search-cum-Selection") and shortens "cumulative"
    (r"m³|m3|cu(?:\.\s?|\s)m|cubic\s{1,3}met(?:er|re)s?", "cu m", 1),
    (r"m²|m2", "sq m", 1), (r"sq\.?\s?ft|square\s{1,3}f(?:ee|oo)t", "sq ft", 1), (r"sq\.?\s?m|square\s{1,3}met(?:er|re)s?", "sq m", 1),
    (r"[Rr]oute\s{1,3}(?:[Kk]ilomet(?:er|re)s?|[Kk]ms?)|RKM|RKm|Rkm", "km", 1),  # a railway's route length
    (r"kilomet(?:er|re)s?|kms?", "km", 1), (r"met(?:er|re)s?|mtrs?|m(?![²³])", "m", 1),
    (r"centimet(?:er|re)s?|cm", "cm", 1), (r"millimet(?:er|re)s?|mm", "mm", 1),
    (r"hectares?|ha", "hectare", 1), (r"acres?|(?-i:ac)", "acre", 1),  # "238 AC EMU rakes" are air-conditioned
    (r"MLD", "MLD", 1), (r"kilolit(?:er|re)s?|KL|kl", "kl", 1), (r"lit(?:er|re)s?|ltrs?", "litre", 1),
    (r"lpcd", "litre", 1),  # litres per capita per day: "55 lpcd"
    (r"BCM", "BCM", 1), (r"MMSCMD", "MMSCMD", 1), (r"TMC|tmcft", "TMC", 1),
    (r"hours?|hrs?", "hour", 1), (r"minutes?|mins?", "minute", 1), (r"seconds?|secs?", "second", 1),
    (r"days?(?!\s+[Cc]are)", "day", 1), (r"weeks?", "week", 1), (r"months?", "month", 1), (r"years?|yrs?", "year", 1),
    (r"°\s?C|degrees?\s{1,3}(?:C|Celsius|centigrade)" , "degC", 1),
    (r"GB", "GB", 1), (r"TB", "TB", 1), (r"Mbps", "Mbps", 1), (r"Gbps", "Gbps", 1),
    (r"nautical\s{1,3}miles?", "nautical mile", 1), (r"knots?", "knot", 1), (r"km/h|kmph", "km/h", 1),
]
_UNITS_HI: list[tuple[str, str, int]] = [
    ("लाख मीट्रिक टन", "tonne", 10**5), ("मीट्रिक टन", "tonne", 1), ("मी. टन", "tonne", 1), ("मी.टन", "tonne", 1),
    ("टन", "tonne", 1), ("एमटी", "tonne", 1), ("जीडब्ल्यू", "GW", 1), ("एमडब्ल्यू", "MW", 1),
    ("किलोग्राम", "kg", 1), ("किग्रा", "kg", 1), ("किलो", "kg", 1), ("क्विंटल", "quintal", 1), ("ग्राम", "g", 1),
    ("मेगावाट", "MW", 1), ("गीगावाट", "GW", 1), ("किलोवाट", "kW", 1), ("मेगावॉट", "MW", 1), ("गीगावॉट", "GW", 1),
    ("वर्ग किलोमीटर", "sq km", 1), ("वर्ग किमी", "sq km", 1), ("वर्ग फुट", "sq ft", 1), ("वर्ग फीट", "sq ft", 1),
    ("वर्ग मीटर", "sq m", 1), ("घन मीटर", "cu m", 1),
    ("किलोमीटर", "km", 1), ("किमी", "km", 1), ("कि.मी.", "km", 1), ("मीटर", "m", 1), ("सेंटीमीटर", "cm", 1),
    ("मिलीमीटर", "mm", 1), ("मिमी", "mm", 1),
    ("हेक्टेयर", "hectare", 1), ("हैक्टेयर", "hectare", 1), ("एकड़", "acre", 1),
    ("लीटर", "litre", 1), ("किलोलीटर", "kl", 1), ("एलपीसीडी", "litre", 1),
    ("घंटे", "hour", 1), ("घंटा", "hour", 1), ("घंटों", "hour", 1), ("मिनट", "minute", 1),
    ("सेकंड", "second", 1), ("दिन", "day", 1), ("दिनों", "day", 1), ("सप्ताह", "week", 1), ("हफ्ते", "week", 1),
    ("महीने", "month", 1), ("महीनों", "month", 1), ("महीना", "month", 1), ("माह", "month", 1),
    ("वर्ष", "year", 1), ("वर्षों", "year", 1), ("साल", "year", 1), ("सालों", "year", 1),
    ("डिग्री सेल्सियस", "degC", 1), ("समुद्री मील", "nautical mile", 1), ("नॉट", "knot", 1),
    # "तीन दिवसीय सम्मेलन", "19 वर्षीय छात्र": a span or an age written as an adjective, as "three-day", "19-year-old"
    ("दिवसीय", "day", 1), ("वर्षीय", "year", 1),
]
TIME_UNITS = {"hour", "minute", "second", "day", "week", "month", "year"}
# Units of one measure: a question may ask in one what a release states in another ("in MW" of "25 GW",
# "kitne km" of a "3,400 m" runway). Not masses nor areas: "रुपये क्विंटल" asks a price per its unit, and
# "how many hectares" of a loss stated in square kilometres asks what the release leaves unsaid.
_MEASURES = ({"kW", "MW", "GW", "kWp", "MWp"}, {"kWh", "MWh", "GWh", "MU"}, {"mm", "cm", "m", "km"},
             {"MTPA", "KTPA"}, {"GB", "TB"}, {"Mbps", "Gbps"})
_MEASURE_OF = {unit: i for i, units in enumerate(_MEASURES) for unit in units}


def same_measure(unit: str | None, asked: str | None) -> bool:
    """Whether a figure in `unit` states what a question asks in `asked`: the same unit, or one of its
    measure (`_MEASURES`)."""
    return unit is not None and (unit == asked or _MEASURE_OF.get(unit, -1) == _MEASURE_OF.get(asked, -2))


_UNIT_RE_LIST = [(re.compile("(?:" + p + ")" + _END_LAT + "(?![0-9])"), u, m) for p, u, m in _UNITS_EN] + \
                [(re.compile(_nk(p.replace(".", "\\.")).replace(" ", _SP + "{0,3}") + (GRAM_AS_VILLAGE_HI if u == "g" else "")
                             + "(?:" + _END_DEV + "|(?=" + _alts(["से", "में", "के", "की", "का", "को", "तक"]) + "))"), u, m)
                 for p, u, m in _UNITS_HI]
_UNIT_LOWER_OK = re.compile(r"[a-z]")  # english units are case sensitive except full words (handled below)
_UNIT_EN_CI = [(re.compile("(?:" + p + ")" + _END_LAT, re.IGNORECASE), u, m) for p, u, m in _UNITS_EN if re.search("[a-z]{3}", p)]

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
# a day written as an ordinal word, before its month and year: "as on first June 2020" (1629032)
_DAY_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                      "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_DAY_ORDINALS = {**{w: n for n, w in enumerate(_DAY_ORDINAL_WORDS, 1)}, "thirtieth": 30,
                **{f"twenty-{w}": 20 + n for n, w in enumerate(_DAY_ORDINAL_WORDS[:9], 1)}, "thirty-first": 31}
# the words such a day begins with, one of which must stand where `_DATE_WORD_DMY_RE` is tried
_DAY_ORDINAL_HEADS = frozenset(w.split("-")[0] for w in _DAY_ORDINALS)
_DATE_WORD_DMY_RE = re.compile(
    r"(?P<d>" + "|".join(sorted((w.replace("-", f"(?:-|{_SP})") for w in _DAY_ORDINALS), key=len, reverse=True)) + r")"
    rf"{_SP}{{1,3}}(?:of{_SP}{{1,3}})?(?P<m>{_MONTH_PAT}){_SP}{{0,3}},?{_SP}{{0,3}}(?P<y>{_D}{{4}})(?!{_D})", re.IGNORECASE)
_DATE_NUM_RE = re.compile(rf"(?P<d>{_D}{{1,2}})(?P<s>[./-])(?P<m>{_D}{{1,2}})(?P=s)(?P<y>{_D}{{4}}|{_D}{{2}})(?!{_D}|\.{_D})"
                          # "30 .06.2026", "30. 06.2026": a space typed beside a dot, with a four-digit year
                          rf"|(?P<d_>{_D}{{1,2}}) ?\. ?(?P<m_>{_D}{{1,2}}) ?\. ?(?P<y_>{_D}{{4}})(?!{_D}|\.{_D})")
_DATE_ISO_RE = re.compile(rf"(?P<y>{_CENTURY}{_D}{{2}})-(?P<m>{_D}{{2}})-(?P<d>{_D}{{2}})(?!{_D})")
# month first: "June 3, 2020", "June 2020", "October, 2025"; two days "December 23 and 24, 2019" only
# with their year ("June 2 and 3 more cases" is a day and a count)
_DATE_MDY_RE = re.compile(
    rf"(?P<m>{_MONTH_PAT}){_SP}{{0,3}}(?:(?P<d>{_D}{{1,2}}){_ORD}(?!{_D})(?:{_SP}{{0,3}}(?:-|–|to){_SP}{{0,3}}(?P<d2>{_D}{{1,2}}){_ORD}"
    rf"|{_SP}{{0,3}}(?:and|&){_SP}{{0,3}}(?P<d2_and>{_D}{{1,2}}){_ORD}(?={_SP}{{0,3}},?{_SP}{{0,3}}{_D}{{4}}(?!{_D})))?"
    rf"(?:{_SP}{{0,3}},?{_SP}{{0,3}}(?P<y>{_D}{{4}})(?!{_D}))?|,?{_SP}{{0,3}}(?P<y2>{_D}{{4}})(?!{_D}))",
    re.IGNORECASE)
# a statistical table's month: "Jun-26", "May-2026" (June 2026, May 2026)
_MONTH_YEAR_SHORT_RE = re.compile(r"(?P<m>[A-Z][a-z]{2,8}|[\u0900-\u097f]+)[-'’](?P<y>[0-9]{4}|[0-9]{2})(?![0-9]|-[0-9])")  # Jun-26, Aug'26, फरवरी-19
# A financial year's second year right after a month's year: "April-July 2026-27", "January 2025-26".
_FY_TAIL_RE = re.compile(rf"{_SP}?[-–]{_SP}?(?P<yy>{_D}{{2}})(?!{_D}|[-–.,/:]{_D})")
_DATE_CONT_RE = re.compile(rf"{_SP}{{0,3}}(?:-|–|to|till|until|{_nk('से')}|and|&){_SP}{{0,3}}(?={_D})", re.IGNORECASE)
_MONTH_RANGE_RE = re.compile(
    rf"(?P<m1>{_MONTH_PAT}){_SP}{{0,3}}(?:-|–|—|to|{_nk('से')}){_SP}{{0,3}}(?P<m2>{_MONTH_PAT}){_SP}{{0,3}},?{_SP}{{0,3}}(?:(?P<y>{_D}{{4}})(?!{_D})|['’]?(?P<yy>{_D}{{2}})(?!{_D}|{_ORD_SFX}|{_SP}{{0,3}},?{_SP}{{0,3}}(?:19|20){_D}{{2}}(?!{_D})))",
    re.IGNORECASE)
# a span of months each with its two-digit year: "Jan 25- Dec 25", "Jul 24 - Jun 25" (a survey's year)
_MONTH_YY_RANGE_RE = re.compile(
    rf"(?P<m1>{_MONTH_PAT}){_SP}{{0,3}}['’]?(?P<y1>{_D}{{2}})(?!{_D}|{_ORD_SFX})"
    rf"{_SP}{{0,3}}(?:-|–|—|to){_SP}{{0,3}}"
    rf"(?P<m2>{_MONTH_PAT}){_SP}{{0,3}}['’]?(?P<y2>{_D}{{2}})(?!{_D}|{_ORD_SFX}|{_SP}{{0,3}},?{_SP}{{0,3}}{_D}{{4}})",
    re.IGNORECASE)
_PERIOD_RE = re.compile(rf"(?P<a>{_CENTURY}{_D}{{2}}){_SP}?[-–—/]{_SP}?(?P<b>{_D}{{4}}|{_D}{{2}})(?!{_D})(?!-{_D})")
# "FY", and the same with stops: "F.Y", "F.Y.", "F. Y." (2298080: "F.Y 2023-24 F.Y 2024-25 ...")
FY_ABBR = rf"F(?:\.{_SP}?)?Y\.?"
# an FY abbreviation right before a number, glued or a space apart: where a period's text begins
_FY_ABBR_BEFORE_RE = re.compile(rf"\b{FY_ABBR}{_SP}?$", re.IGNORECASE)
_FY_SHORT_RE = re.compile(rf"{FY_ABBR}{_SP}?['’]?(?P<y>{_D}{{2}})(?!{_D})(?:{_SP}?[-–]{_SP}?(?P<b>{_D}{{2}})(?!{_D}))?")
# a fiscal year in two digits after "during", as a table's header writes it: "Fund Released during 24-25
# (Rs. in Lakhs)" (2298082); its two years were two numbers, the second in the column's lakhs
_DURING_BEFORE_RE = re.compile(rf"\bduring{_SP}{{1,3}}$", re.IGNORECASE)
_SHORT_PERIOD_RE = re.compile(rf"(?P<a>{_D}{{2}})[-–](?P<b>{_D}{{2}})(?!{_D}|[-–.,/:]{_D})")
_FY_PREFIX_RE = re.compile(r"(?:\b" + FY_ABBR + r"|" + _nk("वित्त वर्ष").replace(" ", r"\s{1,3}") + r"|financial\s{1,3}year|fiscal\s{1,3}year|fiscal)" + _SP + r"{0,3}$", re.IGNORECASE)

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
# what numbers a thing rather than counting it: a release id, a notification ("S.O. 2489 (E)",
# "G.S.R. 12"), a question, case or gate ("Unstarred Question No. 2050")
_ID_BEFORE_RE = re.compile(r"(?:\bID|PRID|Id|\bNo\.|\bS\.\s?O\.|\bG\.\s?S\.\s?R\.)\s{0,3}[:=-]?\s{0,3}$")
# what makes a number of four digits that could be a year a count instead: the things it counts,
# an acronym in the plural ("1833 JAKs", "1927 SHGs"), or an estimate or a share of a whole before
# it and a noun after it ("About 1800 data layers", "out of which 1833 ..."); "around 2035 with"
# and "over 2025 1 Rice" stay years
_COUNTED_ACRONYM_AFTER_RE = re.compile(r"\s{1,3}[A-Z][A-Za-z]*[A-Z]s\b")
_COUNT_BEFORE_RE = re.compile(
    r"(?:\b(?:about|around|approximately|nearly|almost|some|as\s{1,3}many\s{1,3}as|a\s{1,3}total\s{1,3}of"
    r"|(?:out\s{1,3})?of\s{1,3}(?:which|these|them))|" + _alts(["लगभग", "करीब", "क़रीब", "कुल"]) + r")\s{1,3}$",
    re.IGNORECASE)
_NOUN_AFTER_RE = re.compile(r"\s{1,3}([a-z]{3,}|[\u0900-\u097f]{2,})")
# A speed before a distance at sea: Hindi bulletins write knots as "हवा की गति 20 समुद्री मील तक".
_SPEED_BEFORE_RE = re.compile(r"(?i)(?:गति|रफ्तार|रफ़्तार|वेग|\bspeed)[^।.\n\d]{0,30}$")
# a person's age, however written ("youth aged 15–29", "children aged between 6 and 14", "above the
# age of 60"): years, not a count
_AGE_BEFORE_RE = re.compile(
    r"\b(?:aged|ages?\s{1,3}(?:group\s{1,3})?of|age\s{1,3}group|ages)"
    r"(?:\s{1,3}(?:between|above|over|below|under|upto|up\s{1,3}to|from))?\s{1,3}"
    rf"(?:{_D}{{1,3}}\s{{0,3}}(?:[-–]|to|and)\s{{0,3}})?$", re.IGNORECASE)
_TIME_RE = re.compile(rf"{_D}{{1,2}}(?::{_D}{{2}}){{1,2}}(?:{_SP}?(?:[AaPp]\.?[Mm]\.?|hrs|IST|{_nk('बजे')}))?")
# "24:1", "60:40", "1:25,000": the number after a ratio's colon, not a time of day's minutes or seconds
_RATIO_AFTER_RE = re.compile(rf":({_D}{{1,3}}(?:,{_D}{{2,3}})*(?:\.{_D}+)?)(?!{_D}|:|[.,]{_D}|{_SP}?(?:[AaPp]\.?[Mm]|hrs?\b|hours\b|HOURS\b|IST\b|{_nk('बजे')}))")
# The words that call the figure after them a ratio, where it could read as a time ("in the ratio of 20:80",
# "शिक्षक-छात्र अनुपात 1:30"): within the clause before it, no other number between.
_RATIO_WORD_BEFORE_RE = re.compile(r"(?:ratio|proportion|pattern|sharing|split|scale|PTR|अनुपात)(?![A-Za-z])[^.;।\n\d]{0,30}$", re.I)
# "p.m." and "p.m" alike: "between 12.30 p.m – 2.30 p.m. today" (1629096)
_AMPM_RE = re.compile(rf"{_SP}?(?:[AaPp]\.[Mm](?:\.|(?![A-Za-z]))|[AaPp][Mm](?![A-Za-z])|hrs?\b\.?|IST\b|{_nk('बजे')})")
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
    return len(lit) == 4 and lit.isdigit() and 1800 <= int(ascii_digits(lit)) <= 2100


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
additional around out says said viz""".split())
_HI_FUNC = {norm_word(w) for w in """का की के को में से पर तक ने है हैं था थी थे हो होगा होगी होंगे और एवं तथा या भी ही
यह ये वह वे इस इन उस उन जो जिस जिन कि लिए द्वारा साथ बाद पहले अपनी अपने अपना कुल लगभग करीब अधिक ज्यादा ज़्यादा कम
गया गई गए किया किए की दिया दी दिए रहा रही रहे रूप प्रति हुआ हुई हुए करने करना कर होने वाले वाली वाला जा जाएगा जाएगी
सहित व एक अन्य मात्र केवल अब तो ऊपर नीचे बीच दौरान""".split()}
# a label's word, one across its hyphens in Hindi as in English: "गैर-हॉटस्पॉट जिले" is no "गैर" (non-) alone
_LABEL_WORD_RE = re.compile(rf"[A-Za-z][A-Za-z\-']*|[{_DEV_LETTER}]+(?:-[{_DEV_LETTER}]+)*")

_WORDNUM_STOP_UNITS = TIME_UNITS


class _Res:
    __slots__ = ("figs", "end")

    def __init__(self, figs, end):
        self.figs = figs
        self.end = end
