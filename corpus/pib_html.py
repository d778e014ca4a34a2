"""A release page of pib.gov.in (`PressReleasePage.aspx?PRID=...`, ASP.NET HTML) → a `Release`.

The page's furniture rules (star rules, officers' initials, the footer) are the text-level ones
of `corpus.pib_page`, so a page read as HTML and the same page copied as text end up alike.
A page that does not have PIB's release layout, or that stops before its release-id footer
(a truncated download), is refused with `PageLayoutError`: never a half release.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import lxml.etree
import lxml.html

from corpus.pib_page import POSTED_ON, clean_body, detect_lang, normalize_text, parse_date, squeeze_blank_lines
from corpus.readers import LANGUAGE_CODES
from corpus.release import Release, oversize, pib_url

# PIB's own spelling of the container class.
_CONTAINER = "//div[contains(concat(' ', normalize-space(@class), ' '), ' innner-page-main-about-us-content-right-part ')]"
_IST = _dt.timezone(_dt.timedelta(hours=5, minutes=30), "IST")
# The language links name each language in English or in its own script.
_LANGUAGE_NAMES = {
    **LANGUAGE_CODES,
    "हिन्दी": "hi", "हिंदी": "hi", "اردو": "ur", "मराठी": "mr", "বাংলা": "bn", "தமிழ்": "ta",
    "తెలుగు": "te", "ਪੰਜਾਬੀ": "pa", "ગુજરાતી": "gu", "ಕನ್ನಡ": "kn", "മലയാളം": "ml", "ଓଡ଼ିଆ": "or",
    "অসমীয়া": "as", "कोंकणी": "kok",
}
# Elements that hold paragraphs rather than run inside one.
_NESTING = {"p", "div", "section", "article", "center", "ul", "ol", "dl", "li", "dd", "dt", "table", "blockquote",
            "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "main", "form"}
_SKIP = {"script", "style", "noscript", "input", "button", "select", "textarea", "iframe", "img", "object"}
_TIME = re.compile(r"(\d{1,2}):(\d{2})\s*([AaPp])?\.?[Mm]?")


class PageLayoutError(ValueError):
    """The page is not a whole PIB release page; the message says what is missing."""


class TruncatedPageError(PageLayoutError):
    """The page has PIB's layout but stops before its end: a cut download, worth fetching again."""


@dataclass(frozen=True)
class PibPage:
    """What a release page says: the release, plus what `Release` has no field for."""

    release: Release
    posted_at: str | None = None  # ISO date and time, Indian Standard Time
    office: str | None = None  # "PIB Delhi"


def prid_of(url: str) -> str | None:
    """The PRID in a release link (`...PressReleasePage.aspx?PRID=2161803`), or None."""
    query = parse_qs(urlparse(url.strip()).query)
    for key, values in query.items():
        if key.lower() == "prid" and values and values[0].strip().isdigit():
            return values[0].strip()
    return None


def language_code(name: str) -> str | None:
    """PIB's name of a language ("Hindi", "हिन्दी", "Urdu") → our code (hi, ur), or None."""
    return _LANGUAGE_NAMES.get(" ".join(name.split()).casefold())


def posted_at(when: str) -> str | None:
    """"29 AUG 2025 2:27PM" → "2025-08-29T14:27:00+05:30" (PIB posts in IST)."""
    day = parse_date(when)
    if day is None:
        return None
    m = _TIME.search(when)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    if m.group(3):
        hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return _dt.datetime.combine(_dt.date.fromisoformat(day), _dt.time(hour, minute), _IST).isoformat()


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _by_id(root, element_id: str):
    found = root.xpath(f".//*[@id='{element_id}']")
    return found[0] if found else None


def _table_rows(table) -> list[str]:
    """A table as one line per row, cells joined by " | ", so a figure keeps its row's labels."""
    rows = []
    for tr in table.iter("tr"):
        cells = [" ".join(c.text_content().split()) for c in tr if c.tag in ("td", "th")]
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _blocks(el) -> list[str]:
    """The body's paragraphs in reading order; a table gives one paragraph of its rows."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag or tag in _SKIP:
        return []
    if tag == "table":
        rows = _table_rows(el)
        return ["\n".join(rows)] if rows else []
    if not any(isinstance(c.tag, str) and c.tag in _NESTING for c in el):
        return [_line_text(el)]
    out = [" ".join(el.text.split())] if el.text and el.text.strip() else []
    for child in el:
        out += _blocks(child)
        if child.tail and child.tail.strip():
            out.append(" ".join(child.tail.split()))
    return out


def _line_text(el) -> str:
    """Text of one block; a <br> is a line break, everything else runs on."""
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return "\n".join(" ".join(line.split()) for line in el.text_content().split("\n"))


def _language_links(root, own_prid: str) -> tuple[tuple[str, str], ...]:
    """Links to the same release in other languages: an anchor to another PRID whose text is a language."""
    links: dict[str, str] = {}
    for a in root.iter("a"):
        prid = prid_of(a.get("href") or "")
        lang = language_code(_text(a))
        if prid and lang and prid != own_prid and lang not in links:
            links[lang] = prid
    return tuple(links.items())


def _page_lang(text: str, linked: dict[str, str]) -> str | None:
    """The page's language from its script. A page cannot be in a language it links to under another
    PRID: a Devanagari page that links to a Hindi version is Marathi (PIB's other Devanagari language)."""
    lang = detect_lang(text)
    if lang is not None and lang in linked:
        return "mr" if lang == "hi" and "mr" not in linked else "und"
    return lang


def parse_release_page(html: str | bytes, *, expected_prid: str | None = None, source: str | None = None) -> PibPage:
    """Parse one release page; raises PageLayoutError when it is not a whole PIB release page."""
    if not html or not (html.strip() if isinstance(html, str) else html.strip()):
        raise PageLayoutError("empty page")
    if isinstance(html, str):  # already decoded (by the HTTP client): tell lxml, whatever the page declares
        html = html.encode("utf-8")
        parser = lxml.html.HTMLParser(encoding="utf-8")
    else:
        parser = None  # bytes: lxml reads the page's own <meta charset>
    try:
        root = lxml.html.fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise PageLayoutError(f"not HTML: {exc}") from None
    found = root.xpath(_CONTAINER)
    if not found:
        raise PageLayoutError("not a PIB release page (no release container)")
    container = found[0]
    title_el, when_el = _by_id(container, "Titleh2"), _by_id(container, "PrDateTime")
    if title_el is None or when_el is None:
        raise PageLayoutError("not a PIB release page (no title or no 'Posted On' line)")
    id_el = _by_id(container, "ReleaseId")
    prid = None
    if id_el is not None:
        m = re.search(r"\d+", _text(id_el))
        prid = m.group(0) if m else None
    if prid is None:
        raise TruncatedPageError("truncated: the page ends before its release id")
    if expected_prid is not None and prid != str(expected_prid):
        raise PageLayoutError(f"page is release {prid}, not {expected_prid}")

    ministry_el, subtitle_el = _by_id(container, "MinistryName"), _by_id(container, "ltrSubtitle")
    ministry = normalize_text(_text(ministry_el)) if ministry_el is not None else None
    title = normalize_text(_text(title_el))
    subtitle = normalize_text(_line_text(subtitle_el)) if subtitle_el is not None else ""
    posted = POSTED_ON.match(normalize_text(_text(when_el)))
    if not title or not posted:
        raise PageLayoutError("not a PIB release page (empty title or unreadable 'Posted On' line)")

    blocks: list[str] = []
    after_date = False
    for child in container:
        if child is when_el:
            after_date = True
            continue
        if child is id_el or (isinstance(child.tag, str) and _by_id(child, "ReleaseId") is not None):
            break
        if after_date:
            blocks += _blocks(child)
    body, _ = clean_body("\n\n".join(b for b in blocks if b.strip()))
    text = squeeze_blank_lines(f"{subtitle}\n\n{body}") if subtitle and body else body
    if not body.strip():
        raise PageLayoutError(f"release {prid} has no body text")
    if problem := oversize(title, text):
        raise PageLayoutError(f"release {prid}: {problem}")
    translations = _language_links(root, prid)
    lang = _page_lang(f"{title}\n{text}", dict(translations))
    if lang is None:
        raise PageLayoutError(f"release {prid}: cannot tell its language")
    release = Release(release_id=prid, lang=lang, title=title, text=text, ministry=ministry or None,
                      date=parse_date(posted.group("when")), url=pib_url(prid), source=source or pib_url(prid),
                      translations=translations)
    return PibPage(release=release, posted_at=posted_at(posted.group("when")),
                   office=(posted.group("office") or "").strip() or None)


@dataclass(frozen=True)
class FeedItem:
    prid: str
    title: str


def parse_feed(xml: str | bytes) -> list[FeedItem]:
    """The release links of a PIB RSS feed (`<item><title/><link/></item>`), in feed order.

    A feed must be whole, well-formed XML: lxml's recovery would read a cut-off feed as its first
    items, the last link cut mid-PRID, and an error page as a feed with none. Raises
    PageLayoutError, with a one-line reason, for anything that is not an RSS feed; a feed
    without items is an empty list."""
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    if problem := _not_xml(xml):
        raise PageLayoutError(problem)
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(xml, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise PageLayoutError(f"feed is not well-formed XML: {' '.join(exc.msg.split())}") from None
    if root.find(".//channel") is None and root.tag != "channel":
        raise PageLayoutError(f"not an RSS feed: no <channel> in its <{root.tag}>")
    items, seen = [], set()
    for item in root.iter("item"):
        link = (item.findtext("link") or "").strip()
        prid = prid_of(link) if link else None
        if prid and prid not in seen:
            seen.add(prid)
            items.append(FeedItem(prid=prid, title=" ".join((item.findtext("title") or "").split())))
    return items


_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)


def _not_xml(body: bytes) -> str | None:
    """Why a feed's body is plainly not one, told in words an operator acts on; None when it may be."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return "empty feed body"
    if _HTML_START.match(head):
        title = _HTML_TITLE.search(head)
        said = " ".join(title.group(1).decode("utf-8", "replace").split())[:80] if title else ""
        return "not an RSS feed: an HTML page" + (f" ({said!r})" if said else "")
    if not head.startswith(b"<"):
        return "not an RSS feed: not XML (it does not begin with a tag)"
    return None
