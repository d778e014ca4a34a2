"""The release record that crosses every module line."""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

LANGS = ("hi", "en")  # the languages Vigyapti reads, answers and stores; every channel refuses others by lang_problem
# What one release may hold, however it arrives (a file, a PIB page, POST /releases). The longest
# real releases are tens of thousands of characters; a text of millions is a mistake (a concatenated
# dump, a binary blob) that would take hours to embed.
MAX_TEXT_CHARS = 1_000_000
MAX_TITLE_CHARS = 1000


# An id as a link, a path segment and a log line can carry it: PIB's PRIDs, and ids of our own format.
RELEASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}")
# A release's link: a web address, never "javascript:" or "data:", which a client might follow. The
# spaces are spelled so that Python's re and a schema's readers agree (their \s differ on U+001C-U+001F,
# NEL and BOM).
WEB_URL = re.compile(r"https?://[^\s\x1c-\x1f\x85\ufeff<>\"]+")
# The years a release may be dated in: a date outside them is a typo or a placeholder (9999-12-31),
# and days counted from it overflow the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2100
YEARS = re.compile(r"(?:19[0-9]{2}|20[0-9]{2}|2100)")  # the same years, as a schema's pattern says them


def date_problem(day: _dt.date) -> str | None:
    """What is wrong with a release's date, else None."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return f"date {day.isoformat()} is not between {FIRST_YEAR} and {LAST_YEAR}"
    return None


def lang_problem(lang: str, kept: Iterable[str] = LANGS) -> str | None:
    """Why a release in `lang` is left out when only `kept` are taken (by default the languages Vigyapti
    supports), else None: one wording for files, POST /releases and the PIB sync."""
    if lang in kept:
        return None
    if lang not in LANGS:
        return f"language {lang!r} is not supported (supported: {', '.join(sorted(LANGS))})"
    return f"language {lang!r} is left out (taking only {', '.join(sorted(kept))})"


def id_problem(release_id: str) -> str | None:
    """What makes `release_id` no id a release may have, else None."""
    if not RELEASE_ID.fullmatch(release_id):
        return "letters, digits and '_.-' only, at most 40, beginning with a letter or digit"
    return None


def url_problem(url: str) -> str | None:
    """What makes `url` no link a release may have, else None."""
    if not WEB_URL.fullmatch(url):
        return "not an http(s) address"
    return None


def oversize(title: str, text: str) -> str | None:
    """What makes a release too large to take, else None."""
    if len(text) > MAX_TEXT_CHARS:
        return f"text of {len(text):,} characters, over the {MAX_TEXT_CHARS:,} a release may hold"
    if len(title) > MAX_TITLE_CHARS:
        return f"title of {len(title):,} characters, over the {MAX_TITLE_CHARS:,} a release may hold"
    return None


def pib_url(release_id: str) -> str:
    return f"https://pib.gov.in/PressReleasePage.aspx?PRID={release_id}"


@dataclass(frozen=True)
class Release:
    """One press release in one language.

    `release_id` is a string because PIB ids are opaque labels, not numbers to add up;
    (`release_id`, `lang`) is the identity: ingesting the same pair again replaces it.
    """

    release_id: str
    lang: str
    title: str
    text: str
    ministry: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    url: str | None = None
    source: str | None = None
    # The other language versions of this release as its source names them, ((lang, release_id), ...).
    # On pib.gov.in each language version has its own PRID and the page links to the others.
    translations: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not self.release_id or not str(self.release_id).strip():
            raise ValueError("release_id is empty")
        if not self.lang or len(self.lang) > 8:
            raise ValueError(f"bad lang {self.lang!r}")
        if self.date is not None:
            if problem := date_problem(_dt.date.fromisoformat(self.date)):  # ValueError on a malformed date too
                raise ValueError(problem)
        if not self.text or not self.text.strip():
            raise ValueError(f"release {self.release_id}/{self.lang} has no text")

    @property
    def key(self) -> tuple[str, str]:
        return (self.release_id, self.lang)

    def to_dict(self) -> dict:
        return asdict(self)
