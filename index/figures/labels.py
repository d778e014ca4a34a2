"""Labels: what a figure counts, taken from the words of its sentence."""
from __future__ import annotations

import re

from index.numbers_hi import ALL_WORDS, norm_word
from index.figures.patterns import _EN_FUNC, _HI_FUNC, _LABEL_WORD_RE, _MONTHS_EN, _MONTHS_HI, _SCALE_VALUE


_EN_VERBS = set("""got get gets received receive receives benefit benefits rose fell grew grow grows
reach reaches crossed cross crosses make made makes take took takes give gave gives saw see sees
were was is are be been has have had will would can could may might shall should""".split())
_EN_SKIP = {"of", "the", "a", "an", "for", "in", "on", "worth", "towards", "new", "additional", "more", "total"}
_HI_SKIP = {norm_word(w) for w in "का की के को में पर".split()}
_LABEL_BREAK_TOK = {"Rs", "INR", "USD", "Rs.", "crore", "lakh"}
# What ends a label: punctuation, a digit, a dash between clauses ("across 14 states — Uttar Pradesh (62)": states)
_LABEL_GAP_BREAK = re.compile(r"[.,;:!?()\[\]{}|।\"“”\n/%₹$—–]|\d")
# "&" alone between two words of a label, which it joins as "and" would ("Jammu & Kashmir Government",
# "R&D budget"): "and" is a function word that ends a label, so the sign is kept by a rule of its own
_JOINING_GAP = re.compile(r"[ ]*&[ ]*")
_GLUED_NUMBER = re.compile(r"\d+(?:[-–]\d+)*")
_PERIOD_WORD = re.compile(r"(?i)FY|Q|H|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*-")
# Words that say when, not what: "US$ 1.02 Billion in July 2025", "US$ 1.02 Billion a year before".
_TIME_WORDS = frozenset("year years month months week weeks day days decade decades".split()) | {
    norm_word(w) for w in "साल वर्ष वर्षों महीने महीना महीनों माह दिन दिनों सप्ताह हफ्ते".split()}
_TIME_BEFORE = frozenset("last previous preceding next".split()) | {norm_word(w) for w in "पिछले पिछला अगले गत".split()}
_LABEL_BEFORE_RE = re.compile(
    r"([A-Za-z][A-Za-z\-]*(?:[ ][A-Za-z][A-Za-z\-]*){0,3})[ ]+(?:of|at|worth|stood at|amounting to)[ ]+$")

# A name in capitals that a sum or a share is of, written before it: in brackets after it ("Certification
# (30%), Job Placement (40%)") or with what it went from and to ("the Penury Grant has been doubled from
# Rs 4,000 to Rs 8,000, the Marriage Grant from Rs 50,000 to Rs 1,00,000"), where the words after the
# figure are the next item's or none.
_NAME_BEFORE_BRACKET_RE = re.compile(r"(?<![\w-])((?:[A-Z][\w\-]*[ ]){0,2}[A-Z][\w\-]*)[ ]?\($")
_NAME_FROM_RE = re.compile(r"(?<![\w-])((?:[A-Z][\w\-]*[ ]){0,2}[A-Z][\w\-]*)"
                           r"(?:[ ]+(?:has|have|had|was|were|is|are)(?:[ ]+been)?[ ]+[a-z]+ed)?"
                           r"[ ]+from[ ]+(?:[^\s,;()]+[ ]+){0,3}?(?:to[ ]+)?$")

# ... and, where no words follow the sum or share, what it is said to be of: "the revenue to Centre was only
# Rs. 82,000 crores."; not where a bracket follows, whose part ("IGST is ₹ 48,503crore (including ₹ 20,745crore
# collected on imports)") the words before would name as well.
_SAID_TO_BE_RE = re.compile(r"([A-Za-z][A-Za-z\-]*(?:[ ][A-Za-z][A-Za-z\-]*){0,3})[ ]+(?:was|were|is|are|stood|stands)"
                            r"(?:[ ]+(?:only|just|about|around|nearly|approximately|over|at))?[ ]+$")


class Labels:

    def _label(self, text: str, start: int, end: int, kind: str) -> str | None:
        if kind not in ("money", "percent", "ratio", "quantity", "count", "ordinal"):
            return None
        if kind in ("money", "percent", "ratio"):
            before = text[max(0, start - 60):start]
            bm = _LABEL_BEFORE_RE.search(before)
            if bm and (bw := _content_words(bm.group(1))):
                return " ".join(bw[-2:])
            named = _NAME_BEFORE_BRACKET_RE.search(before) if text[end:end + 1] == ")" else None
            if named is None and (bm := _NAME_FROM_RE.search(before)) and (
                    bm.group(0).endswith("from ") or before.endswith(" to ")):
                named = bm
            if named and (words := _content_words(named.group(1))):
                return " ".join(words)
        after = text[end:end + 80]
        content: list[str] = []
        prev_end = 0
        hindi = False
        joins: dict[int, str] = {}  # a word of `content` by its index -> the sign that joins it to the word before
        for wm in _LABEL_WORD_RE.finditer(after):
            gap = after[prev_end:wm.start()]
            prev_end = wm.end()
            if _LABEL_GAP_BREAK.search(gap):
                break
            if content and _JOINING_GAP.fullmatch(gap):
                joins[len(content)] = "&" if gap == "&" else " & "
            w = wm.group()
            if code := _GLUED_NUMBER.match(after, wm.end()):
                # Letters glued to a number: a period ("FY2025-26", "Sep-25") is not what is counted;
                # a name with its number ("COVID-19 cases", "CO2 equivalent", "NFHS-5") is, whole.
                if _PERIOD_WORD.fullmatch(w):
                    break
                w = w + code.group()
                prev_end = code.end()
            lw = w.lower()
            fw = norm_word(w)
            if not content:
                if lw in _EN_SKIP or fw in _HI_SKIP:
                    continue
                if _says_when(w, lw, fw) or (lw in _TIME_BEFORE or fw in _TIME_BEFORE) and (
                        (nxt := _LABEL_WORD_RE.search(after, wm.end())) and _says_when(nxt.group(), nxt.group().lower(),
                                                                                         norm_word(nxt.group()))):
                    break  # the time of the figure ("in July 2025", "last year"), not what it counts
            if lw in _EN_FUNC or fw in _HI_FUNC or fw in ALL_WORDS or fw in _SCALE_VALUE or w in _LABEL_BREAK_TOK:
                break
            if content and w.isascii() and (lw.endswith("ed") or lw in _EN_VERBS):
                break
            if not w.isascii():
                hindi = True
            content.append(w)
            if hindi or len(content) >= 3:
                break
        if not content and kind in ("money", "percent", "ratio") and not after.lstrip().startswith("(") and (
                bm := _SAID_TO_BE_RE.search(before)):
            content = [w for w in _content_words(bm.group(1)) if w not in _LABEL_BREAK_TOK
                       and w.lower() not in _SCALE_VALUE][-2:]
        return _joined_label(content, joins) if content else None


def _content_words(phrase: str) -> list[str]:
    """A phrase's words that can name what a figure is of: all but its function words ("the", "of", "is")."""
    return [w for w in phrase.split() if w.lower() not in _EN_FUNC]


def _joined_label(words: list[str], joins: dict[int, str]) -> str:
    """The label's words as its sentence joins them: "&" kept where it stood between two of them ("Jammu &
    Kashmir", "DoSE&L"), spaced if it was; one after the last word kept goes with the words after it."""
    out = words[0]
    for i, w in enumerate(words[1:], 1):
        out += joins.get(i, " ") + w
    return out


def _says_when(w: str, lw: str, fw: str) -> bool:
    """Whether a label's first word is a time ("July", "year", "फरवरी", "साल"), which a label is not."""
    return (lw in _TIME_WORDS or fw in _TIME_WORDS or fw in _MONTHS_HI
            or w[:1].isupper() and len(lw) > 3 and lw in _MONTHS_EN)  # "Jan Aushadhi Kendras" is no month
