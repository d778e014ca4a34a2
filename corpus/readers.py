"""Readers that turn press-release files into `Release` records.

Formats (see corpus/README.md): PIB pages copied as plain text, the scraped folder tree
`<year>/<Month>/<day>/[<Ministry>/]<id>/<Language>.txt`, two PIB JSON-lines shapes and our
own JSON-lines ingest format. Bad input never raises out of `read_paths`: each unreadable
file or line is reported as a `ReadError` and skipped, so one broken line cannot stop an
ingest of thousands.
"""
from __future__ import annotations

import csv
import datetime as _dt
import functools
import json
import logging
import pathlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from corpus.pib_page import clean_body, detect_lang, normalize_text, parse_date, parse_page, squeeze_blank_lines
from corpus.release import Release, id_problem, lang_problem, oversize, pib_url, url_problem

__all__ = [
    "ReadError",
    "LANGUAGE_CODES",
    "bundled_corpus_dir",
    "ministry_names",
    "read_path",
    "read_paths",
]

logger = logging.getLogger(__name__)

# Language names used by PIB and the scraped tree -> ISO 639-1 (Manipuri has none: 639-2).
LANGUAGE_CODES = {
    "english": "en", "hindi": "hi", "urdu": "ur", "marathi": "mr", "bengali": "bn", "tamil": "ta",
    "telugu": "te", "punjabi": "pa", "gujarati": "gu", "kannada": "kn", "malayalam": "ml",
    "odia": "or", "oriya": "or", "assamese": "as", "manipuri": "mni", "konkani": "kok",
}
_LANG_CODES = set(LANGUAGE_CODES.values())

TEXT_SUFFIXES = {".txt"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}

_TREE_NAME = re.compile(r"^(?P<id>\d+)?(?P<lang>[A-Za-z]+)\.txt$")  # English.txt, 1598474Hindi.txt
_ID_NAME = re.compile(r"^(?P<id>\d{4,})(?:[-_. ]?(?P<lang>[A-Za-z]{2,10}))?\.txt$", re.I)  # 2184082-hi.txt
_MONTH_DIRS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}


@dataclass(frozen=True)
class ReadError:
    """A file or line that was skipped, with a reason a person can act on. `lang`: the language it was
    left out for (not supported, or not among the languages asked for), which a report may group by."""

    path: str
    line: int | None
    reason: str
    lang: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class _Skip(Exception):
    """Internal: this file or line cannot become a Release (`lang`: it is one, in a language not taken)."""

    def __init__(self, reason: str, lang: str | None = None):
        super().__init__(reason)
        self.lang = lang


def _check_lang(lang: str, kept: set[str] | None, release_id: str | None = None) -> None:
    if kept is not None and (problem := lang_problem(lang, kept)):
        raise _Skip(f"release {release_id}: {problem}" if release_id else problem, lang)


# --------------------------------------------------------------------------- public API


def bundled_corpus_dir() -> pathlib.Path:
    """The PIB releases shipped with the package (corpus/data)."""
    return pathlib.Path(__file__).resolve().parent / "data"


@functools.lru_cache(maxsize=1)
def ministry_names() -> tuple[tuple[str, str], ...]:
    """(English, Hindi) ministry name pairs from the bundled ministries-en-hi.csv."""
    path = bundled_corpus_dir() / "ministries-en-hi.csv"
    if not path.exists():
        return ()
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = csv.DictReader(f)
        return tuple(
            (normalize_text(r["English_Ministry_Name"]), normalize_text(r["Hindi_Ministry_Name"]))
            for r in rows
            if r.get("English_Ministry_Name") and r.get("Hindi_Ministry_Name")
        )


@functools.lru_cache(maxsize=1)
def _ministry_in_other_language() -> dict[tuple[str, str], str]:
    pairs = ministry_names()
    return {**{("hi", en): hi for en, hi in pairs}, **{("en", hi): en for en, hi in pairs}}


def ministry_in(lang: str, name: str) -> str:
    """A known ministry's name in the release's language: the 2020 scrape gives Hindi releases their
    English ministry ("Ministry of Finance" above a Hindi text), where pib.gov.in writes "वित्त मंत्रालय"."""
    return _ministry_in_other_language().get((lang, name), name)


@functools.lru_cache(maxsize=1)
def bilingual_names() -> tuple[tuple[str, str, str], ...]:
    """(English spellings, Hindi spellings, kind) of Indian states, union territories, cities, some
    countries, organisations and schemes, from the bundled names-en-hi.csv; spellings of one name are joined by "|"."""
    return _english_hindi_rows("names-en-hi.csv")


@functools.lru_cache(maxsize=1)
def bilingual_glossary() -> tuple[tuple[str, str, str], ...]:
    """(English spellings, Hindi spellings, kind) of the crops, produce and measures PIB's tables are
    written in, from the bundled glossary-en-hi.csv; spellings of one word are joined by "|"."""
    return _english_hindi_rows("glossary-en-hi.csv")


def _english_hindi_rows(name: str) -> tuple[tuple[str, str, str], ...]:
    """(English, Hindi, kind) of each row of a bundled CSV of words in both languages."""
    with (bundled_corpus_dir() / name).open(encoding="utf-8", newline="") as f:
        return tuple((normalize_text(r["English"]), normalize_text(r["Hindi"]), r["kind"]) for r in csv.DictReader(f))


@functools.lru_cache(maxsize=1)
def _known_ministries() -> frozenset[str]:
    return frozenset(name for pair in ministry_names() for name in pair)


def read_paths(
    paths: Iterable[str | pathlib.Path] | str | pathlib.Path,
    *,
    langs: set[str] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
) -> Iterator[Release]:
    """Yield the releases in files and folders, in a stable (sorted) order.

    `langs` keeps only those language codes (None keeps all); a release of another language is
    reported, as every skipped file or line is, with its `lang`. Problems go to `on_error`
    (default: a logged warning) and the reading goes on.
    """
    if isinstance(paths, (str, pathlib.Path)):
        paths = [paths]
    report = on_error or (lambda err: logger.warning("skipped %s", err))
    for path in paths:
        yield from read_path(path, langs=langs, on_error=report)


def read_path(
    path: str | pathlib.Path,
    *,
    langs: set[str] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
) -> Iterator[Release]:
    """Yield the releases in one file, or in every .txt/.jsonl/.json file under a folder."""
    report = on_error or (lambda err: logger.warning("skipped %s", err))
    path = pathlib.Path(path)
    if path.is_dir():
        root = path.parent
        for file in _walk(path):
            yield from _read_file(file, root, langs, report)
    elif path.is_file():
        if path.suffix.lower() not in TEXT_SUFFIXES | JSON_SUFFIXES:
            report(ReadError(str(path), None, f"not a release file ({path.suffix or 'no extension'}): "
                                              "expected .txt, .jsonl or .json"))
            return
        yield from _read_file(path, path.parent, langs, report)
    else:
        report(ReadError(str(path), None, "no such file or folder"))


def _walk(folder: pathlib.Path) -> Iterator[pathlib.Path]:
    """Release files under a folder, sorted; hidden folders (.ipynb_checkpoints) and other
    files (the scraper's parallel-name CSVs, scripts, READMEs) are passed over silently."""
    for file in sorted(folder.rglob("*")):
        rel = file.relative_to(folder).parts
        if any(part.startswith(".") for part in rel) or not file.is_file():
            continue
        if file.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES and file.name.lower() != "readme.txt":
            yield file


def _read_file(path: pathlib.Path, root: pathlib.Path, langs: set[str] | None, report) -> Iterator[Release]:
    source = _relative(path, root)
    try:
        if path.suffix.lower() in JSON_SUFFIXES:
            yield from _read_json_file(path, source, langs, report)
        else:
            yield _read_text_file(path, source, langs)
    except _Skip as exc:
        report(ReadError(str(path), None, str(exc), exc.lang))
    except OSError as exc:
        report(ReadError(str(path), None, f"cannot open: {exc.strerror or exc}"))


def _relative(path: pathlib.Path, root: pathlib.Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# --------------------------------------------------------------------------- bytes -> text


def _nul_bytes(head: bytes, kind: str) -> str:
    """Why a file whose first bytes (`head`) hold NULs is refused. UTF-16 text has its NULs in one byte
    of each pair (the high byte of Latin letters, digits and spaces) and almost none in the other; a
    binary file (an executable, an image) has them in both."""
    pairs = max(1, len(head) // 2)
    low, high = head[0::2].count(0) / pairs, head[1::2].count(0) / pairs
    if max(low, high) >= 0.2 and min(low, high) < 0.02:
        return "looks like UTF-16 without a byte-order mark; save the file as UTF-8"
    return f"binary file (contains NUL bytes), not {kind}"


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused with the reason."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _Skip(f"broken UTF-16 text at byte {exc.start}") from None
    if b"\x00" in data[:4096]:
        raise _Skip(_nul_bytes(data[:4096], "text"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise _Skip(f"not UTF-8 text (byte 0x{bad} at offset {exc.start}); save the file as UTF-8") from None


def _check_text(text: str) -> None:
    """Refuse decoded text that is mostly control characters (a binary file that happens to decode)."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t")
    if sample and controls / len(sample) > 0.05:
        raise _Skip("binary file (control characters), not text")


# --------------------------------------------------------------------------- plain-text pages


def _read_text_file(path: pathlib.Path, source: str, langs: set[str] | None) -> Release:
    tree = _tree_info(path)
    name = _ID_NAME.match(path.name)
    lang = tree.get("lang") or (_lang_code(name.group("lang")) if name and name.group("lang") else None)
    if lang is not None:
        _check_lang(lang, langs)  # before reading, e.g. the 12 other languages of the tree
    data = path.read_bytes()
    if not data.strip():
        raise _Skip("empty file")
    text = _decode(data)
    _check_text(text)
    if not text.strip():
        raise _Skip("empty file")

    page = parse_page(text, _known_ministries())
    release_id = page.release_id or tree.get("release_id") or (name.group("id") if name else None)
    if not release_id:
        raise _Skip("no release id: no '(Release ID: N)' line and the file name has no id (e.g. 2184082-hi.txt)")
    if not page.text:
        raise _Skip(f"release {release_id}: no body text (title only)" if page.title else "no text")
    lang = lang or detect_lang(page.title + "\n" + page.text)
    if not lang:
        raise _Skip("cannot tell the language (no letters)")
    _check_lang(lang, langs)
    ministry = page.ministry or tree.get("ministry") or _sibling_ministry(path, tree)
    return _make(
        release_id=release_id,
        lang=lang,
        title=page.title,
        text=page.text,
        ministry=ministry,
        date=page.date or tree.get("date"),
        url=None,
        source=source,
    )


def _lang_code(name: str | None) -> str | None:
    if not name:
        return None
    name = name.lower()
    if name in LANGUAGE_CODES:
        return LANGUAGE_CODES[name]
    return name if name in _LANG_CODES else None


def _tree_info(path: pathlib.Path) -> dict:
    """Release id, language, ministry and date from `2020/<Month>/<day>/[<Ministry>/]<id>/<Language>.txt`."""
    m = _TREE_NAME.match(path.name)
    lang = _lang_code(m.group("lang")) if m else None
    if not m or m.group("lang").lower() not in LANGUAGE_CODES or not path.parent.name.isdigit():
        return {}
    info: dict = {"lang": lang, "release_id": path.parent.name}
    parts = path.parent.parts[:-1]  # folders above the release id
    for i in range(len(parts) - 2, 0, -1):  # find .../<year>/<Month>/<day>
        year, month, day = parts[i - 1], parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        if re.fullmatch(r"\d{4}", year) and month.lower() in _MONTH_DIRS and day.isdigit():
            try:
                info["date"] = _dt.date(int(year), _MONTH_DIRS[month.lower()], int(day)).isoformat()
            except ValueError:
                pass
            rest = parts[i + 2 :]
            if rest:
                info["ministry"] = rest[-1]
            break
    return info


def _sibling_ministry(path: pathlib.Path, tree: dict) -> str | None:
    """Scraped Hindi files have no ministry line; the English file of the same release has."""
    if not tree or tree.get("lang") == "en":
        return None
    for sibling in sorted(path.parent.glob("*English.txt")):
        try:
            page = parse_page(_decode(sibling.read_bytes()))
        except (_Skip, OSError):
            return None
        return page.ministry
    return None


# --------------------------------------------------------------------------- JSON lines


def _read_json_file(path: pathlib.Path, source: str, langs: set[str] | None, report) -> Iterator[Release]:
    data = path.read_bytes()
    if not data.strip():
        raise _Skip("empty file")
    for lineno, record in _json_records(path, data, report):
        try:
            release = _from_record(record, f"{source}:{lineno}" if lineno else source)
            _check_lang(release.lang, langs, release.release_id)
        except _Skip as exc:
            report(ReadError(str(path), lineno, str(exc), exc.lang))
            continue
        yield release


def _json_records(path: pathlib.Path, data: bytes, report) -> Iterator[tuple[int | None, object]]:
    """(line number, parsed value) per JSON line; a whole-file JSON array or object also works.

    Decoding is per line so that one line with bad bytes costs that line only.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        lines = [ln.encode("utf-8") for ln in _decode(data).split("\n")]
    else:
        if b"\x00" in data[:4096]:
            raise _Skip(_nul_bytes(data[:4096], "JSON lines"))
        lines = data.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    first = next((ln.strip() for ln in lines if ln.strip()), b"")
    if first.startswith(b"[") or (path.suffix.lower() == ".json" and first.startswith(b"{") and not first.endswith(b"}")):
        try:
            value = json.loads(_decode(b"\n".join(lines)))
        except json.JSONDecodeError as exc:
            raise _Skip(f"broken JSON: {exc.msg} at line {exc.lineno}") from None
        if value == []:  # else nothing would be said of the file: no record, so no record's error
            raise _Skip("no releases: an empty JSON array")
        for item in value if isinstance(value, list) else [value]:
            yield None, item
        return
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            report(ReadError(str(path), lineno, f"not UTF-8 text (byte 0x{raw[exc.start:exc.start + 1].hex()} "
                                                f"at column {exc.start + 1}); save the file as UTF-8"))
            continue
        try:
            yield lineno, json.loads(text)
        except json.JSONDecodeError as exc:
            report(ReadError(str(path), lineno, f"broken JSON: {exc.msg} at column {exc.colno}"))


def _from_record(record: object, source: str) -> Release:
    """Pick the record shape by its keys."""
    if not isinstance(record, dict):
        raise _Skip(f"expected a JSON object, got {type(record).__name__}")
    if "body_text" in record:
        return _from_pib_2026(record, source)
    if "release_id" in record:
        return _from_ingest(record, source)
    if "prid" in record:
        return _from_pib_2020(record, source)
    keys = ", ".join(sorted(record)[:8]) or "none"
    raise _Skip(f"unknown record shape (keys: {keys}); expected release_id, lang, title, text")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _field(record: dict, key: str, *, required: bool = True) -> str | None:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _Skip(f"missing field '{key}'" if key not in record else f"empty field '{key}'")
        return None
    if isinstance(value, (dict, list)):
        raise _Skip(f"field '{key}' should be text, not {type(value).__name__}")
    if isinstance(value, str) and (lone := _SURROGATE.search(value)):  # JSON's "\ud800" alone: no character
        raise _Skip(f"field '{key}' is not valid Unicode (a lone surrogate, U+{ord(lone.group()):04X})")
    return normalize_text(str(value)) if isinstance(value, str) else str(value)


def _from_pib_2020(record: dict, source: str) -> Release:
    """Scraped 2020 records: prid, lang, ministry, title, posted_on, folder_date, text, source_path."""
    release_id = _field(record, "prid")
    _field(record, "text")
    body, _ = clean_body(record["text"])
    date = parse_date((_field(record, "posted_on", required=False) or "").partition(":")[2]) or parse_date(
        _field(record, "folder_date", required=False))
    return _make(
        release_id=release_id,
        lang=_field(record, "lang", required=False) or detect_lang(body) or "",
        title=_field(record, "title", required=False) or "",
        text=body,
        ministry=_field(record, "ministry", required=False),
        date=date,
        url=_field(record, "source_url", required=False),
        source=source,
    )


def _from_pib_2026(record: dict, source: str) -> Release:
    """PIB-Direct records: prid, title, subtitle, body_text, ministry, pib_office, release_datetime, source_url.

    The subtitle goes at the start of the text: it often carries the key figure.
    """
    release_id = _field(record, "prid")
    _field(record, "body_text")
    body, _ = clean_body(record["body_text"])
    subtitle = _field(record, "subtitle", required=False)
    text = squeeze_blank_lines(f"{subtitle}\n\n{body}") if subtitle and body else body
    return _make(
        release_id=release_id,
        lang=_field(record, "lang", required=False) or detect_lang(text) or "en",
        title=_field(record, "title", required=False) or "",
        text=text,
        ministry=_field(record, "ministry", required=False),
        date=parse_date(_field(record, "release_datetime", required=False)),
        url=_field(record, "source_url", required=False),
        source=source,
    )


def _from_ingest(record: dict, source: str) -> Release:
    """Our own format: release_id, lang, title, text; ministry, date, url optional."""
    release_id = _field(record, "release_id")
    lang = _field(record, "lang").lower()
    title = _field(record, "title")
    _field(record, "text")
    body, _ = clean_body(record["text"])
    raw_date = _field(record, "date", required=False)
    date = parse_date(raw_date)
    if raw_date and not date:
        raise _Skip(f"field 'date' is not a date: {raw_date!r} (use yyyy-mm-dd)")
    return _make(
        release_id=release_id,
        lang=lang,
        title=title,
        text=body,
        ministry=_field(record, "ministry", required=False),
        date=date,
        url=_field(record, "url", required=False),
        source=source,
    )


def _make(*, release_id: str, lang: str, title: str, text: str, ministry: str | None,
          date: str | None, url: str | None, source: str) -> Release:
    """Build the Release, filling what the source left out; turn validation errors into skips."""
    release_id = str(release_id).strip()
    if problem := id_problem(release_id):
        raise _Skip(f"release id {release_id[:60]!r}: {problem}")
    if not text.strip():
        raise _Skip(f"release {release_id}: no body text" + (" (title only)" if title else ""))
    if not lang or not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,4})?", lang):
        raise _Skip(f"release {release_id}: bad language code {lang!r}")
    if problem := oversize(title, text):
        raise _Skip(f"release {release_id}: {problem}")
    if url and (problem := url_problem(url)):
        raise _Skip(f"release {release_id}: url {url[:60]!r} is {problem}")
    if not title:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= 160 else first[:157].rsplit(" ", 1)[0] + "…"
    try:
        return Release(
            release_id=release_id,
            lang=lang,
            title=" ".join(title.split()),
            text=text,
            ministry=ministry_in(lang, " ".join(ministry.split())) if ministry else None,  # scraped names wrap lines
            date=date,
            url=url or (pib_url(release_id) if release_id.isdigit() else None),
            source=source,
        )
    except ValueError as exc:
        raise _Skip(f"release {release_id}: {exc}") from None
