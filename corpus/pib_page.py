"""Text-level handling of PIB press releases: Unicode clean-up, page layout, furniture, dates, script.

Everything here works on strings only, so the same rules apply whether a release came
from a copied page, a scraped tree or a JSON record.
"""
from __future__ import annotations

import datetime as _dt
import html
import re
import unicodedata
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- unicode

# Zero-width characters, BOM, soft hyphen, word joiner, bidi marks: invisible junk from
# copy-paste that splits words for search. ZWJ/ZWNJ only pick a Devanagari glyph form
# (न्‍ह vs न्ह) and make the same word look different to a tokenizer, so they go too.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
    None,
)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HTML_TAGS = (
    "a|b|big|blockquote|br|center|div|em|figcaption|figure|font|h[1-6]|hr|i|img|li|o:p|ol|p|pre|small|"
    "span|strong|sub|sup|table|tbody|td|tfoot|th|thead|tr|u|ul|"
    "script|style|iframe|object|embed|svg|link|meta|form|input|button|textarea"  # markup no release means
)
# Only real HTML tag names, so "x<y and y>z" in a text survives; "<>" is an emptied tag.
_TAG = re.compile(rf"</?(?:{_HTML_TAGS})(?:\s[^<>\n]*)?/?>|<>|<!--.*?-->", re.S | re.I)


# An entity written out with its closing semicolon. HTML also reads some names without one ("&reg"),
# which in a release's text only ever begins a link's parameter: "...PRID=2210154&reg=3&lang=1".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def normalize_text(text: str) -> str:
    """NFC, LF line ends, no invisible or control characters, single spaces, no stray markup."""
    if "&" in text:  # first: an escaped tag, control or bidi override is cleaned as a written one is
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def squeeze_blank_lines(text: str) -> str:
    """At most one blank line between paragraphs, none at the ends."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n ")


# --------------------------------------------------------------------------- script

_SCRIPTS = (  # (first, last code point, language the script most likely means on PIB)
    (0x0900, 0x097F, "hi"),  # Devanagari (Marathi too; PIB Hindi is the common case)
    (0x0980, 0x09FF, "bn"),  # Bengali-Assamese
    (0x0A00, 0x0A7F, "pa"),  # Gurmukhi
    (0x0A80, 0x0AFF, "gu"),
    (0x0B00, 0x0B7F, "or"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0600, 0x06FF, "ur"),  # Arabic script
    (0xABC0, 0xABFF, "mni"),  # Meetei Mayek
)


def detect_lang(text: str) -> str | None:
    """Language from the dominant script; Latin counts as English.

    English releases quote Hindi tweets and Hindi releases carry English acronyms, so the
    majority of letters decides, not the first one.
    """
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        if cp < 0x0250:
            lang = "en"
        else:
            lang = next((code for lo, hi, code in _SCRIPTS if lo <= cp <= hi), None)
            if lang is None:
                continue
        counts[lang] = counts.get(lang, 0) + 1
    return max(counts, key=counts.get) if counts else None


# --------------------------------------------------------------------------- dates

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})")


def parse_date(value: str | None) -> str | None:
    """ISO yyyy-mm-dd from the date forms PIB data uses, or None when it cannot tell."""
    if not value:
        return None
    value = str(value).strip()
    try:
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    m = _DMY.search(value)  # "30 OCT 2025 11:37AM", "30 Sep 2019", "1st March, 2020"
    if m and m.group(2)[:3].lower() in _MONTHS:
        try:
            return _dt.date(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1))).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d", value):  # "NaN", "tomorrow": a day is written with digits
        return None
    try:  # anything else (Hindi month names, "16.08.2026"): day first, as in India
        import dateparser

        # absolute dates only: "tomorrow" or "2 days ago" would date a release by when it was read
        parsed = dateparser.parse(value, settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                                   "PARSERS": ["custom-formats", "absolute-time"]})
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        return None
    return parsed.date().isoformat() if parsed else None


# --------------------------------------------------------------------------- furniture


def _re(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile on NFC text: the text is NFC, where ज़ is ज + nukta, so patterns must be too."""
    return re.compile(unicodedata.normalize("NFC", pattern), flags)


POSTED_ON = _re(
    r"^(?:Posted On|प्रविष्टि तिथि|पोस्ट किया गया|द्वारा प्रकाशित)\s*:\s*(?P<when>.+?)(?:\s+(?:by|द्वारा)\s+(?P<office>.+))?$",
    re.I,
)
RELEASE_ID = _re(r"\(?\s*(?:Release ID|रिलीज़? आईडी|रिलीज आई\.?डी\.?)\s*:\s*(?P<id>\d+)\s*\)?", re.I)
# Everything from the release id on is the page footer: visitor counter, "read this in".
_FOOTER = _re(
    r"\(?\s*(?:Release ID|रिलीज़? आईडी)\s*:|Visitor Counter\s*:|आगंतुक पटल\s*:"
    r"|Read this release in\s*:|इस विज्ञप्ति को इन भाषाओं में पढ़ें",
    re.I,
)
_JUNK_LINE = _re(
    r"^(?:azadi ka amrit mahotsav|आज़?ादी का अमृत महोत्सव|g20[- ]india[- ]2023|swachh bharat|"
    r"Read this release in\s*:.*|इस विज्ञप्ति को इन भाषाओं में पढ़ें.*)$",
    re.I,
)
_STARS = re.compile(r"^[*\s]*\*[*\s]*\*[*\s]*\*[*\s]*$")  # "***", "* * *", "*****"
_RULE = re.compile(r"^(?:[_=~]{5,}|[-–—]{5,})$")  # "_______", "-----": drawn separators
_INLINE_STARS_TAIL = re.compile(r"\s*\*{3,}\s*(?P<tail>[^*\n]{0,80})$")
_DATE_LINE = re.compile(r"^Date\s*:\s*[\d./ -]+$", re.I)
_CAPS_WORD = re.compile(r"^[A-Z]{2,12}\.?$")  # "RRTN", "SR", "JP."
_LATIN_TOKEN = re.compile(r"^[A-Z0-9.&]+(?: [A-Z0-9.&]+){0,2}$")
_INDIC_TOKEN = re.compile(r"^[\u0900-\u0963\u0966-\u0DFF.0-9]+(?: [\u0900-\u0963\u0966-\u0DFF.0-9]+){0,3}$")  # no danda


def is_initials_line(line: str) -> bool:
    """Sign-off codes of the PIB officers: "PK/KC/VU/YB", "पीके/केसी", "SS-25-TAR-KV-GA", "आर.के./सीएल– 5122"."""
    line = line.strip()
    if not line or len(line) > 80:
        return False
    if _CAPS_WORD.match(line) or _DATE_LINE.match(line):
        return True
    tokens = [t.strip() for t in re.split(r"\s*[/\-–—]\s*", line) if t.strip()]
    if not tokens or not any(re.search(r"[^\W\d_]", t) for t in tokens):
        return False
    if "/" in line:  # "VG/SNC/BM", "एएम / जेके/ डीसी", "RN/"
        return all(_LATIN_TOKEN.match(t) or _INDIC_TOKEN.match(t) for t in tokens)
    # dash-only codes need several parts, so "COVID-19" or "बहुत-बहुत" never match
    return len(tokens) >= 3 and all(_LATIN_TOKEN.match(t) for t in tokens)


def _cut_footer(text: str) -> tuple[str, str | None]:
    """Split off the page footer; return the text before it and the release id found there."""
    found = RELEASE_ID.search(text)
    release_id = found.group("id") if found else None
    cut = _FOOTER.search(text)
    return (text[: cut.start()] if cut else text), release_id


def clean_body(text: str) -> tuple[str, str | None]:
    """Body text without the page furniture; also the release id if the footer named one.

    Drops the footer (release id, visitor counter, "read this release in"), star rules,
    the officers' sign-off after the last star rule and trailing initials lines. A short
    sign-off after the last "***" is dropped even when it is a name, since PIB puts
    nothing but contacts there.
    """
    text, release_id = _cut_footer(normalize_text(text))
    lines = [ln for ln in text.split("\n") if not _JUNK_LINE.match(ln)]

    # "... last sentence. *** MJPS/SS/PRK" on one line (pages flattened to one paragraph)
    for i in range(len(lines) - 1, -1, -1):
        if lines[i]:
            m = _INLINE_STARS_TAIL.search(lines[i])
            if m and m.start() > 0:
                lines[i] = lines[i][: m.start()].rstrip()
            break

    stars = [i for i, ln in enumerate(lines) if _STARS.match(ln)]
    if stars:
        tail = [ln for ln in lines[stars[-1] + 1 :] if ln]
        if len(tail) <= 4 and all(len(ln) <= 120 for ln in tail):
            lines = lines[: stars[-1]]
    lines = ["" if _STARS.match(ln) or _RULE.match(ln) else ln for ln in lines]

    while lines and (not lines[-1] or is_initials_line(lines[-1])):
        lines.pop()
    return squeeze_blank_lines("\n".join(lines)), release_id


# --------------------------------------------------------------------------- page layout


_SENTENCE_END = re.compile(r"[.।?!:;\"”’)\]|]$")


def unwrap_lines(text: str) -> str:
    """Re-join paragraphs that a copy from the old PIB page hard-wrapped at ~80 columns.

    A paragraph counts as wrapped when all its lines but the last are of medium length
    and most of them stop mid-sentence; one-sentence-a-line text and short lists stay.
    """
    blocks = text.split("\n\n")
    for n, block in enumerate(blocks):
        lines = block.split("\n")
        head = lines[:-1]
        if len(head) >= 2 and all(35 <= len(ln) <= 110 for ln in head):
            open_ended = sum(1 for ln in head if not _SENTENCE_END.search(ln))
            if open_ended >= 0.6 * len(head):
                blocks[n] = " ".join(lines)
    return "\n\n".join(blocks)


@dataclass
class Page:
    """What a PIB page says about itself; any part may be missing."""

    title: str = ""
    text: str = ""
    ministry: str | None = None
    date: str | None = None
    office: str | None = None
    release_id: str | None = None
    subtitles: list[str] = field(default_factory=list)


def _looks_like_ministry(line: str, known: frozenset[str]) -> bool:
    if line in known:
        return True
    return len(line) <= 80 and bool(
        re.match(r"^(?:Ministry|Department) of \w", line) or re.search(r"(?:मंत्रालय|विभाग|सचिवालय)$", line)
    )


def parse_page(raw: str, known_ministries: frozenset[str] = frozenset()) -> Page:
    """Split a PIB page copied as plain text into header fields and body.

    Layout: ministry, [junk], title, [subtitles], "Posted On: ...", body, footer. Scraped
    Hindi files have only title and body; then the first line is taken as ministry only
    when it looks like one (a known name, "Ministry of ...", "... मंत्रालय").
    """
    text = normalize_text(raw)
    lines = text.split("\n")
    page = Page()
    posted = next((i for i, ln in enumerate(lines) if POSTED_ON.match(ln)), None)
    if posted is not None:
        m = POSTED_ON.match(lines[posted])
        page.date = parse_date(m.group("when"))
        page.office = m.group("office")
        header = [ln for ln in lines[:posted] if ln and not _JUNK_LINE.match(ln)]
        body_lines = lines[posted + 1 :]
        if len(header) >= 2 and len(header[0]) <= 100:
            page.ministry, header = header[0], header[1:]
    else:
        nonblank = [i for i, ln in enumerate(lines) if ln and not _JUNK_LINE.match(ln)]
        header = []
        if nonblank:
            first = nonblank[0]
            if len(nonblank) > 2 and _looks_like_ministry(lines[first], known_ministries):
                page.ministry = lines[first]
                first = nonblank[1]
            header = [lines[first]]
            body_lines = lines[first + 1 :]
        else:
            body_lines = []
    if header:
        page.title, page.subtitles = header[0], header[1:]
    body, page.release_id = clean_body("\n".join(body_lines))
    body = unwrap_lines(body)
    page.text = squeeze_blank_lines("\n\n".join([*page.subtitles, body])) if page.subtitles else body
    return page
