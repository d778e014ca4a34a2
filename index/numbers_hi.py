"""Hindi (and English) number words -> exact Decimal values.

Used by :mod:`index.figures`.  Lookups go through :func:`norm_word`, which folds the
spelling variants seen in real text (nukta / no nukta, precomposed / decomposed nukta,
chandrabindu / anusvara, zero-width joiners), so one table entry covers them all.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal

_FOLD = str.maketrans({
    "\u093c": None,  # nukta
    "\u0901": "\u0902",  # chandrabindu -> anusvara
    "\u200c": None, "\u200d": None, "\u00ad": None,
})


def norm_word(w: str) -> str:
    """Fold a Devanagari/Latin word for table lookup (NFD, no nukta, ँ->ं, no ZW chars, lower)."""
    return unicodedata.normalize("NFD", w).translate(_FOLD).lower()


# 0..99 with the common spelling variants (folded by norm_word before lookup).
_HI_UNITS_RAW = {
    0: "शून्य", 1: "एक", 2: "दो", 3: "तीन", 4: "चार", 5: "पांच पाँच पाच", 6: "छह छः छ छै छे छेह",
    7: "सात", 8: "आठ", 9: "नौ", 10: "दस", 11: "ग्यारह", 12: "बारह", 13: "तेरह", 14: "चौदह",
    15: "पंद्रह पन्द्रह", 16: "सोलह", 17: "सत्रह", 18: "अठारह", 19: "उन्नीस", 20: "बीस",
    21: "इक्कीस", 22: "बाईस", 23: "तेईस", 24: "चौबीस", 25: "पच्चीस", 26: "छब्बीस",
    27: "सत्ताईस", 28: "अट्ठाईस अठ्ठाईस", 29: "उनतीस", 30: "तीस", 31: "इकतीस इकत्तीस",
    32: "बत्तीस", 33: "तैंतीस तेंतीस", 34: "चौंतीस", 35: "पैंतीस", 36: "छत्तीस",
    37: "सैंतीस", 38: "अड़तीस अडतीस", 39: "उनतालीस उन्तालीस", 40: "चालीस",
    41: "इकतालीस", 42: "बयालीस", 43: "तैंतालीस", 44: "चौवालीस चवालीस",
    45: "पैंतालीस पैंतालिस", 46: "छियालीस", 47: "सैंतालीस", 48: "अड़तालीस अडतालीस",
    49: "उनचास", 50: "पचास", 51: "इक्यावन", 52: "बावन", 53: "तिरेपन तिरपन",
    54: "चौवन", 55: "पचपन", 56: "छप्पन", 57: "सत्तावन", 58: "अट्ठावन", 59: "उनसठ",
    60: "साठ", 61: "इकसठ", 62: "बासठ", 63: "तिरेसठ तिरसठ", 64: "चौंसठ", 65: "पैंसठ",
    66: "छियासठ", 67: "सड़सठ सरसठ", 68: "अड़सठ", 69: "उनहत्तर", 70: "सत्तर",
    71: "इकहत्तर", 72: "बहत्तर", 73: "तिहत्तर", 74: "चौहत्तर", 75: "पचहत्तर",
    76: "छिहत्तर", 77: "सतहत्तर", 78: "अठहत्तर", 79: "उन्यासी उनासी", 80: "अस्सी",
    81: "इक्यासी", 82: "बयासी", 83: "तिरासी", 84: "चौरासी", 85: "पचासी", 86: "छियासी",
    87: "सत्तासी", 88: "अट्ठासी", 89: "नवासी", 90: "नब्बे", 91: "इक्यानवे इक्यानबे",
    92: "बानवे बानबे", 93: "तिरानवे तिरानबे", 94: "चौरानवे चौरानबे", 95: "पचानवे पचानबे",
    96: "छियानवे छियानबे", 97: "सत्तानवे सत्तानबे", 98: "अट्ठानवे अट्ठानबे", 99: "निन्यानवे निन्यानबे",
}
HI_UNITS: dict[str, int] = {}
for _v, _ws in _HI_UNITS_RAW.items():
    for _w in _ws.split():
        HI_UNITS[norm_word(_w)] = _v

# multipliers: सौ is "hundred" (only multiplies the current group); the others close a group.
HI_HUNDRED = {norm_word("सौ"): 100}
HI_SCALES = {norm_word(w): v for w, v in [
    ("हज़ार", 10**3), ("हजार", 10**3), ("लाख", 10**5), ("करोड़", 10**7), ("करोड", 10**7),
    ("अरब", 10**9), ("खरब", 10**11),
]}
# fraction words: value words (डेढ़ = 1.5, ढाई = 2.5) and prefixes that adjust the following number.
HI_FRACTION_VALUES = {norm_word("डेढ़"): Decimal("1.5"), norm_word("डेढ"): Decimal("1.5"),
                      norm_word("ढाई"): Decimal("2.5"), norm_word("अढ़ाई"): Decimal("2.5")}
HI_FRACTION_PREFIX = {norm_word("साढ़े"): Decimal("0.5"), norm_word("साढे"): Decimal("0.5"),
                      norm_word("सवा"): Decimal("0.25"), norm_word("पौने"): Decimal("-0.25")}
HI_POINT = {norm_word("दशमलव")}

EN_UNITS: dict[str, int] = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
for _i, _w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split()):
    EN_UNITS[_w] = 20 + 10 * _i
EN_HUNDRED = {"hundred": 100}
EN_SCALES = {"thousand": 10**3, "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5,
             "crore": 10**7, "crores": 10**7, "million": 10**6, "millions": 10**6,
             "billion": 10**9, "billions": 10**9, "trillion": 10**12}

ALL_WORDS: set[str] = (set(HI_UNITS) | set(HI_HUNDRED) | set(HI_SCALES) | set(HI_FRACTION_VALUES)
                       | set(HI_FRACTION_PREFIX) | HI_POINT | set(EN_UNITS) | set(EN_HUNDRED) | set(EN_SCALES))


def _word_kind(w: str) -> str | None:
    if w in HI_UNITS or w in EN_UNITS:
        return "unit"
    if w in HI_HUNDRED or w in EN_HUNDRED:
        return "hundred"
    if w in HI_SCALES or w in EN_SCALES:
        return "scale"
    if w in HI_FRACTION_VALUES:
        return "fracval"
    if w in HI_FRACTION_PREFIX:
        return "fracpre"
    if w in HI_POINT:
        return "point"
    return None


def _unit_val(w: str) -> int:
    return HI_UNITS[w] if w in HI_UNITS else EN_UNITS[w]


def _mult(w: str) -> int:
    for t in (HI_HUNDRED, EN_HUNDRED, HI_SCALES, EN_SCALES):
        if w in t:
            return t[w]
    raise KeyError(w)


def parse_words(words: list[str]) -> tuple[Decimal, int, bool] | None:
    """Parse a prefix of folded number words.

    Returns (value, n_words_used, has_multiplier) for the longest well-formed prefix, or None.
    ``has_multiplier`` is True when सौ/hundred or a scale word or a fraction word took part, i.e.
    the number is clearly a figure and not an article-like "एक"/"one".

    Grammar (greedy, left to right): [fraction-prefix] unit-or-fracval [सौ] [scale] ... [दशमलव digit+]
    e.g. "दो करोड़ सत्रह लाख पच्चीस हज़ार नौ सौ ग्यारह", "साढ़े सात सौ", "डेढ़ लाख", "दो लाख करोड़".
    """
    total = Decimal(0)
    cur: Decimal | None = None  # current group value (below the last closed scale)
    adj = Decimal(0)  # pending fraction-prefix adjustment for the current group
    last_scale: int | None = None
    used = 0
    good_used = 0
    good_val: Decimal | None = None
    has_mult = False
    good_mult = False
    prev_kind = None
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        k = _word_kind(w)
        if k is None:
            break
        if k == "fracpre":
            if cur is not None or prev_kind == "fracpre":
                break
            adj = HI_FRACTION_PREFIX[w]
            has_mult = True
        elif k in ("unit", "fracval"):
            v = Decimal(_unit_val(w)) if k == "unit" else HI_FRACTION_VALUES[w]
            if (cur is not None and prev_kind == "unit" and k == "unit" and w in EN_UNITS
                    and words[i - 1] in EN_UNITS and cur % 10 == 0 and 20 <= cur <= 90 and v < 10):
                cur = cur + v  # "twenty five"
                prev_kind = k
                i += 1
                used = good_used = i
                good_val = total + cur + adj
                good_mult = has_mult
                continue
            if cur is not None and prev_kind != "hundred":
                break  # two bare units in a row ("दो नौ" is not one number)
            if cur is not None and prev_kind == "hundred":
                if k == "fracval" or adj:
                    break
                cur = cur + v
            else:
                if k == "fracval":
                    if adj:
                        break
                    has_mult = True
                cur = v
        elif k == "hundred":
            if prev_kind == "hundred":
                break
            base = cur if cur is not None else Decimal(1)
            if cur is not None and cur >= 100:
                break
            cur = (base + adj) * 100
            adj = Decimal(0)
            has_mult = True
        elif k == "scale":
            m = _mult(w)
            if cur is None and prev_kind == "scale" and last_scale is not None and m > last_scale and total:
                total = total * m  # compound: "लाख करोड़", "thousand crore"
                last_scale = m
            else:
                if last_scale is not None and m >= last_scale:
                    break
                base = cur if cur is not None else Decimal(1)
                total += (base + adj) * m
                adj = Decimal(0)
                cur = None
                last_scale = m
            has_mult = True
        elif k == "point":
            if cur is None and not total:
                break
            # decimal digits: a run of unit words 0..9
            j = i + 1
            digits = []
            while j < n and words[j] in HI_UNITS and HI_UNITS[words[j]] < 10:
                digits.append(str(HI_UNITS[words[j]]))
                j += 1
            if not digits:
                break
            frac = Decimal("0." + "".join(digits))
            val = total + ((cur or Decimal(0)) + adj) + frac
            return val, j, True
        prev_kind = k
        i += 1
        used = i
        if k != "fracpre":
            good_used = used
            good_val = total + ((cur or Decimal(0)) + adj)
            good_mult = has_mult
    if good_val is None or good_used == 0:
        return None
    return good_val, good_used, good_mult
