"""The index on Milvus (a server or cluster at `http://host:19530`, or Milvus Lite in a `.db` file).

Five collections: passages (one row per passage: the dense vector, the release's filter fields
copied in, text, figures, keyword terms and the BM25 sparse vector Milvus derives from them),
releases (metadata and text, the text in parts of at most TEXT_PART characters since a VARCHAR
holds 65,535 bytes; the first part lists the release's passages), translation links, terms (how
many passages hold each term) and meta (the stamp, the known languages and a change token).
Milvus needs a vector field in every collection; all but the passages carry a two-number
placeholder.

Keyword search: Milvus's analyzers do not keep Devanagari words whole (Milvus Lite's `standard`
analyzer is Python's `\\w+`, which cuts at every vowel sign: "विक्रेता" becomes "व", "क", "र", "त"
and matches "केंद्र"; docs/stores.md has the measurement). So each passage's own terms
(index/lexical.py, the ones FTS5 indexes in the embedded store) are written as ASCII keys, one per
term, that every analyzer keeps whole, and Milvus's BM25 function ranks over those keys.

Consistency (docs/stores.md): every collection is created with Strong consistency, so each read
sees every write acknowledged before it; Milvus has no transaction across rows, so a search's
several reads are not one snapshot, and a release being replaced may briefly show old and new
passages. A replacement writes the new passages first, then the release rows that name them, and
removes the old passages last: a crash leaves extra passages, never missing ones.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import threading
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from corpus import Release
from index.database import IndexStamp, stamp_mismatch
from index.filters import SearchFilters
from index.lexical import terms as text_terms
from index.loanwords import spelling_rows
from index.links import ReleaseProfile, TranslationLink, outranked, release_profiles_of
from index.records import Passage, ReleaseEntry, StoredRelease
from index.store import _LRU, figure_to_json, figures_from_json, fingerprint
from index.stores.base import NOTE_PREFIX, Store, StoreError, checked_entries, still_as_read, weighed_blocks

PREFIX = "vigyapti"
TEXT_MAX = 65535  # bytes in a Milvus VARCHAR
TEXT_PART = 16000  # characters of release text per row: at most 4 bytes each in UTF-8
QUERY_WINDOW = 16384  # Milvus's cap on the rows of one query
IN_BATCH = 1000  # values in one `in [...]` filter
RELEASE_BATCH = 100  # releases whose rows one query reads
INSERT_BATCH = 500  # rows in one insert
MAX_KEYWORD_TERMS = 64
PLACEHOLDER = [1.0, 0.0]


class _NoMvccWarning(logging.Filter):
    """Milvus Lite's iterators fall back to a client timestamp and say so on every scan."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "mvccTs" not in record.getMessage()


logging.getLogger("pymilvus.client.iterator.query_iterator").addFilter(_NoMvccWarning())


def literal(value: str) -> str:
    """A string as a Milvus expression literal: data, never syntax."""
    escaped = (str(value).replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def is_in(field: str, values: Iterable) -> str:
    return f"{field} in [{', '.join(literal(v) if isinstance(v, str) else str(int(v)) for v in values)}]"


def date_number(iso: str | None) -> int:
    """2020-06-03 → 20200603; 0 for an undated release (below every date, so a range leaves it out)."""
    return int(iso[:10].replace("-", "")) if iso else 0


def iso_date(number: int) -> str | None:
    if not number:
        return None
    text = f"{int(number):08d}"
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def filter_expression(filters: SearchFilters | None) -> str:
    """`filters` as a Milvus boolean expression over the passages collection ("" for none)."""
    if filters is None:
        return ""
    clauses = []
    if filters.lang:
        clauses.append(f"lang == {literal(filters.lang)}")
    if filters.release_id:
        clauses.append(f"release_id == {literal(filters.release_id)}")
    if filters.ministries:
        clauses.append(is_in("ministry_folded", [m.lower() for m in filters.ministries]))
    if filters.date_from:
        clauses.append(f"date >= {date_number(filters.date_from)}")
    if filters.date_to:
        clauses.append(f"date > 0 and date <= {date_number(filters.date_to)}")
    return " and ".join(clauses)


def term_key(term: str) -> str:
    """An ASCII key for a term that any analyzer keeps as one token (letters and digits, 17 of them)."""
    return "k" + hashlib.blake2b(term.encode("utf-8"), digest_size=8).hexdigest()


def row_key(*parts) -> str:
    """A primary key for a row named by `parts`: plain hex, since pymilvus's iterators put the last
    key into a filter unescaped."""
    return hashlib.blake2b(json.dumps(parts, ensure_ascii=False).encode("utf-8"), digest_size=16).hexdigest()


def _and(*clauses: str) -> str:
    return " and ".join(f"({c})" for c in clauses if c)


def _per_change(read):
    """Keep a read's answer until a writer changes the index (its change token), like the embedded
    store's per-generation reads: the languages, a release's duplicates and translations come back
    on every question."""

    @functools.wraps(read)
    def cached(self, *args):
        key = (read.__name__, self._token(), *args)
        value = self._per_change.get(key)
        if value is None:
            value = read(self, *args)
            self._per_change.put(key, value)
        return list(value) if isinstance(value, list) else value

    return cached


class _PassageRow:
    __slots__ = ("passage", "terms", "date")

    def __init__(self, passage: Passage, terms: frozenset[str], date: str | None):
        self.passage, self.terms, self.date = passage, terms, date


class MilvusStore(Store):
    """The index in Milvus; safe for many threads and, on a Milvus server, for many processes."""

    def __init__(self, location: str, stamp: IndexStamp, *, prefix: str = PREFIX):
        from pymilvus import MilvusClient
        from pymilvus.exceptions import MilvusException

        self.location, self.stamp = location, stamp
        self._lite = location.endswith(".db")
        if location.endswith(".db"):
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._client = MilvusClient(uri=location)
        except MilvusException as exc:
            hint = (" Milvus Lite serves a .db file to one process at a time: for several, run "
                    "`milvus-lite server --data-dir DIR --port 19530` and set VIGYAPTI_STORE=http://127.0.0.1:19530."
                    if location.endswith(".db") else "")
            raise StoreError(f"cannot open Milvus at {location}: {exc.message}.{hint}") from exc
        self._names = {kind: f"{prefix}_{kind}" for kind in ("passages", "releases", "links", "terms", "meta",
                                                              "latin_terms")}
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._rows = _LRU(50_000)
        self._per_change = _LRU(8192)
        self._analyses = _LRU(60_000)
        self._vectors = _LRU(10_000)  # keyword-only candidates' vectors; a passage id is never reused
        try:
            created = self._create_collections()
            self._check_stamp()
            if "latin_terms" in created:
                self._latin_terms_of_older_store()
        except BaseException:
            self._client.close()  # Milvus Lite would keep the file locked for this process
            raise

    # -- schema ----------------------------------------------------------------------------------

    def _create_collections(self) -> set[str]:
        """Creates those missing and loads all; returns the kinds it created."""
        from pymilvus import DataType, Function, FunctionType, MilvusClient

        c = self._client

        def varchar(schema, name, length=TEXT_MAX, **kw):
            schema.add_field(name, DataType.VARCHAR, max_length=length, **kw)

        def placeholder(schema, index):
            schema.add_field("placeholder", DataType.FLOAT_VECTOR, dim=len(PLACEHOLDER))
            index.add_index(field_name="placeholder", index_type="FLAT", metric_type="L2")

        passages = MilvusClient.create_schema(auto_id=True)
        passages.add_field("id", DataType.INT64, is_primary=True)
        for name in ("release_id", "lang", "ministry_folded"):
            varchar(passages, name, 1024)
        varchar(passages, "ministry", 1024)
        passages.add_field("date", DataType.INT64)
        passages.add_field("start_offset", DataType.INT64)
        passages.add_field("end_offset", DataType.INT64)
        for name in ("text", "figures", "terms"):
            varchar(passages, name)
        varchar(passages, "term_keys", enable_analyzer=True)
        passages.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        passages.add_field("vector", DataType.FLOAT_VECTOR, dim=self.stamp.dim)
        passages.add_function(Function(name="bm25", function_type=FunctionType.BM25,
                                       input_field_names=["term_keys"], output_field_names=["sparse"]))
        p_index = c.prepare_index_params()
        p_index.add_index(field_name="vector", index_type="FLAT", metric_type="COSINE")  # exact, as the embedded store
        p_index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
        for name in ("release_id", "lang"):  # a release's rows are found by index, not by scanning them all
            p_index.add_index(field_name=name, index_type="INVERTED")

        releases = MilvusClient.create_schema(auto_id=False)
        varchar(releases, "key", 2048, is_primary=True)
        for name in ("release_id", "lang", "fingerprint", "date"):
            varchar(releases, name, 1024)
        releases.add_field("part", DataType.INT64)
        for name in ("title", "ministry", "url", "source", "text", "passage_ids"):
            varchar(releases, name)
        r_index = c.prepare_index_params()
        placeholder(releases, r_index)
        r_index.add_index(field_name="release_id", index_type="INVERTED")

        links = MilvusClient.create_schema(auto_id=False)
        varchar(links, "key", 2048, is_primary=True)
        for name in ("a_id", "a_lang", "b_id", "b_lang", "source"):
            varchar(links, name, 1024)
        links.add_field("score", DataType.DOUBLE)  # -1: none (page and shared-id links)
        l_index = c.prepare_index_params()
        placeholder(links, l_index)
        for name in ("a_id", "b_id"):
            l_index.add_index(field_name=name, index_type="INVERTED")

        term_rows = MilvusClient.create_schema(auto_id=False)
        varchar(term_rows, "key", 64, is_primary=True)
        term_rows.add_field("df", DataType.INT64)
        t_index = c.prepare_index_params()
        placeholder(term_rows, t_index)

        latin = MilvusClient.create_schema(auto_id=False)
        varchar(latin, "key", 64, is_primary=True)
        varchar(latin, "skeleton", 1024)
        varchar(latin, "term", 1024)
        s_index = c.prepare_index_params()
        placeholder(latin, s_index)
        s_index.add_index(field_name="skeleton", index_type="INVERTED")

        meta = MilvusClient.create_schema(auto_id=False)
        varchar(meta, "key", 256, is_primary=True)
        varchar(meta, "value")
        m_index = c.prepare_index_params()
        placeholder(meta, m_index)

        created = set()
        for kind, schema, index in (("passages", passages, p_index), ("releases", releases, r_index),
                                    ("links", links, l_index), ("terms", term_rows, t_index), ("meta", meta, m_index),
                                    ("latin_terms", latin, s_index)):
            name = self._names[kind]
            if not c.has_collection(name):
                c.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
                created.add(kind)
            c.load_collection(name)
        return created

    def _latin_terms_of_older_store(self) -> None:
        """Fill `latin_terms` from the stored passages' terms, for a store written before it was kept
        (once, at the open that creates it)."""
        words: set[str] = set()
        for row in self._scan("passages", "id >= 0", ["terms"]):
            words.update(row["terms"].split())
        self._add_latin_terms(words)

    def _check_stamp(self) -> None:
        found = self._meta("stamp")
        if found is None:
            self._set_meta("stamp", self.stamp.to_json())
            return
        built = IndexStamp.from_json(found)
        if built != self.stamp:
            raise stamp_mismatch(built, self.stamp, f"in Milvus at {self.location}",
                                 f"Drop its collections ({', '.join(self._names.values())}) or point "
                                 "VIGYAPTI_STORE elsewhere and ingest again, or set VIGYAPTI_MODEL to match.")

    # -- low level ---------------------------------------------------------------------------------

    def _query(self, kind: str, expr: str, fields: list[str], limit: int | None = None) -> list[dict]:
        kwargs = {"limit": limit} if limit else {}
        return list(self._client.query(self._names[kind], filter=expr, output_fields=fields, **kwargs))

    def _scan(self, kind: str, expr: str, fields: list[str]) -> Iterator[dict]:
        """Every row that matches, in pages (a query returns at most QUERY_WINDOW rows)."""
        it = self._client.query_iterator(self._names[kind], batch_size=QUERY_WINDOW // 4, filter=expr,
                                         output_fields=fields)
        try:
            while rows := it.next():
                yield from rows
        finally:
            it.close()

    def _matching(self, kind: str, expr: str, fields: list[str]) -> list[dict]:
        """Every row that matches, in one call when they fit one query's window (the few rows of a
        search's candidates), else by scanning: an iterator costs three calls however few rows."""
        rows = self._query(kind, expr, fields, limit=QUERY_WINDOW)
        return rows if len(rows) < QUERY_WINDOW else list(self._scan(kind, expr, fields))

    def _cached_many(self, read: str, keys: Iterable[tuple], fetch) -> dict[tuple, object]:
        """{key: the per-key read `read` of key} for `keys`, kept until the next change (as
        `_per_change` keeps one key's); `fetch(missing keys)` reads those not kept, in one go."""
        token, keys = self._token(), list(dict.fromkeys(keys))
        found, missing = self._per_change.split((read, token, *key) for key in keys)
        if missing:
            fetched = fetch([m[2:] for m in missing])
            for m in missing:
                if (value := fetched.get(m[2:])) is not None:
                    self._per_change.put(m, value)
                found[m] = value
        return {key: (list(v) if isinstance(v := found[(read, token, *key)], list) else v) for key in keys}

    def _release_heads(self, keys: Iterable[tuple[str, str]], fields: list[str]) -> dict[tuple[str, str], dict]:
        """The first row (part 0) of each release of `keys` that is stored, by primary key."""
        heads, keys = {}, list(dict.fromkeys(keys))
        fields = list(dict.fromkeys(["release_id", "lang", *fields]))
        for at in range(0, len(keys), IN_BATCH):
            expr = is_in("key", [row_key(rid, lang, 0) for rid, lang in keys[at:at + IN_BATCH]])
            heads.update({(r["release_id"], r["lang"]): r for r in self._matching("releases", expr, fields)})
        return heads

    def _count(self, kind: str, expr: str) -> int:
        rows = self._query(kind, expr, ["count(*)"])
        return int(rows[0]["count(*)"]) if rows else 0

    def _meta(self, key: str) -> str | None:
        rows = self._query("meta", f"key == {literal(key)}", ["value"])
        return rows[0]["value"] if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self._client.upsert(self._names["meta"], [{"key": key, "value": value, "placeholder": PLACEHOLDER}])

    def _changed(self, *, passages: bool = False) -> None:
        """Every write ends by setting a new change token, after its rows: caches keyed by the old one go.
        A write of passages first seals them (`flush`): Milvus Lite searches rows not yet sealed by
        brute force in Python, 1.7 s a search over the bundled corpus against 0.06-0.2 s sealed
        (docs/stores.md), and does not seal them by itself."""
        if passages:
            self._client.flush(self._names["passages"])
        self._set_meta("change", uuid.uuid4().hex)

    def _token(self) -> str:
        token = getattr(self._local, "token", None)
        return token if token is not None else (self._meta("change") or "")

    @contextmanager
    def snapshot(self):
        """Reads inside share one change token (what this process's caches are keyed by); each read
        sees every write acknowledged before it (Strong consistency), not one frozen state."""
        token = getattr(self._local, "token", None)
        if token is not None:
            yield token
            return
        self._local.token = token = self._meta("change") or ""
        try:
            yield token
        finally:
            self._local.token = None

    # -- writing -------------------------------------------------------------------------------------

    def upsert(self, entries: Iterable[ReleaseEntry]) -> int:
        return self._upsert(entries, None)[0]

    def replace_if_current(self, entries: Iterable[ReleaseEntry],
                           read: Mapping[tuple[str, str], Sequence[int]]) -> tuple[int, list[tuple[str, str]]]:
        """Checked under this process's write lock: Milvus has no transactions, so a writer in
        another process (beside a Milvus server) may still replace a release between check and write."""
        return self._upsert(entries, read)

    def _upsert(self, entries: Iterable[ReleaseEntry],
                read: Mapping[tuple[str, str], Sequence[int]] | None) -> tuple[int, list[tuple[str, str]]]:
        entries = checked_entries(entries, self.stamp.dim)
        with self._write_lock:
            left = []
            if read is not None:
                current = {e.release.key: self._passages_of(*e.release.key) for e in entries}
                left = [key for key, ids in current.items() if not still_as_read(ids, read.get(key, ()))]
                entries = [e for e in entries if e.release.key not in left]
            return self._write_entries(entries), left

    def _write_entries(self, entries: list[ReleaseEntry]) -> int:
        if not entries:
            return 0
        passage_rows = []
        for e in entries:
            r = e.release
            for p, v in zip(e.passages, e.vectors):
                words = text_terms(p.text)
                passage_rows.append({
                    "release_id": r.release_id, "lang": r.lang, "ministry": r.ministry or "",
                    "ministry_folded": (r.ministry or "").lower(), "date": date_number(r.date),
                    "start_offset": p.start, "end_offset": p.end, "text": p.text, "figures": figure_to_json(p.figures),
                    "terms": " ".join(words), "term_keys": " ".join(term_key(w) for w in words),
                    "vector": np.asarray(v, dtype=np.float32).tolist()})
        with self._write_lock:
            old_passages, old_parts = self._old_rows({e.release.key: len(self._text_parts(e.release.text))
                                                      for e in entries})
            ids: list[int] = []
            for at in range(0, len(passage_rows), INSERT_BATCH):
                ids += self._client.insert(self._names["passages"], passage_rows[at:at + INSERT_BATCH])["ids"]
            release_rows, at = [], 0
            for e in entries:
                release_rows += self._release_rows(e.release, ids[at:at + len(e.passages)])
                at += len(e.passages)
            for at in range(0, len(release_rows), INSERT_BATCH):
                self._client.upsert(self._names["releases"], release_rows[at:at + INSERT_BATCH])
            self._count_terms(Counter(k for row in passage_rows for k in set(row["term_keys"].split())), old_passages)
            self._add_latin_terms({w for row in passage_rows for w in row["terms"].split()})
            # The old version goes last: a crash before leaves both, never neither.
            self._delete_keys("passages", old_passages)
            self._delete_keys("releases", old_parts)
            known = set(json.loads(self._meta("languages") or "[]"))
            langs = known | {e.release.lang for e in entries}
            if langs != known:
                self._set_meta("languages", json.dumps(sorted(langs)))
            self._changed(passages=True)
        return len(passage_rows)

    def _release_rows(self, r: Release, passage_ids: list[int]) -> list[dict]:
        """A release's rows: its text in parts; the first part also names its passages."""
        return [{"key": row_key(r.release_id, r.lang, i), "release_id": r.release_id, "lang": r.lang, "part": i,
                 "title": r.title or "", "ministry": r.ministry or "", "date": r.date or "", "url": r.url or "",
                 "source": r.source or "", "text": part, "fingerprint": fingerprint(r.text),
                 "passage_ids": json.dumps([int(x) for x in passage_ids]) if i == 0 else "[]",
                 "placeholder": PLACEHOLDER}
                for i, part in enumerate(self._text_parts(r.text))]

    @staticmethod
    def _text_parts(text: str) -> list[str]:
        return [text[at:at + TEXT_PART] for at in range(0, len(text), TEXT_PART)] or [""]

    def _old_rows(self, parts: dict[tuple[str, str], int]) -> tuple[list[int], list[str]]:
        """The passage ids and release rows that a write of these releases (and their new number of
        text parts) replaces, read from the release rows (which name their passages) and removed by
        key: a Milvus delete or query by filter over the passages scans them all."""
        ids = sorted({rid for rid, _ in parts})
        passages, releases = [], []
        for at in range(0, len(ids), RELEASE_BATCH):
            for r in self._query("releases", is_in("release_id", ids[at:at + RELEASE_BATCH]),
                                 ["key", "release_id", "lang", "part", "passage_ids"]):
                key = (r["release_id"], r["lang"])
                if key in parts:
                    passages += json.loads(r["passage_ids"])
                    if r["part"] >= parts[key]:
                        releases.append(r["key"])
        return passages, releases

    def _count_terms(self, added: Counter, removed_passages: list[int]) -> None:
        """Keep `vigyapti_terms` (passages holding each term key) in step with a write: Milvus Lite
        can only count a term's passages by scanning every row. Two writers at once can leave a
        count off by the passages they changed together (read, then written)."""
        change = Counter(added)
        for at in range(0, len(removed_passages), IN_BATCH):
            for row in self._query("passages", is_in("id", removed_passages[at:at + IN_BATCH]), ["term_keys"]):
                change.subtract(set(row["term_keys"].split()))
        keys = [k for k, n in change.items() if n]
        for at in range(0, len(keys), IN_BATCH):
            batch = keys[at:at + IN_BATCH]
            df = {r["key"]: r["df"] for r in self._query("terms", is_in("key", batch), ["key", "df"])}
            rows = [{"key": k, "df": df.get(k, 0) + change[k], "placeholder": PLACEHOLDER} for k in batch]
            if keep := [r for r in rows if r["df"] > 0]:
                self._client.upsert(self._names["terms"], keep)
            self._delete_keys("terms", [r["key"] for r in rows if r["df"] <= 0])

    def _add_latin_terms(self, words: Iterable[str]) -> None:
        """Only the spellings not kept yet: most of a release's terms are, and an upsert of a kept row
        is a delete and an insert that compaction must clear."""
        rows = {row_key(key, term): {"key": row_key(key, term), "skeleton": key, "term": term,
                                     "placeholder": PLACEHOLDER}
                for key, term in sorted(spelling_rows(words))}
        keys = list(rows)
        for at in range(0, len(keys), IN_BATCH):
            for row in self._matching("latin_terms", is_in("key", keys[at:at + IN_BATCH]), ["key"]):
                rows.pop(row["key"], None)
        new = list(rows.values())
        for at in range(0, len(new), INSERT_BATCH):
            self._client.upsert(self._names["latin_terms"], new[at:at + INSERT_BATCH])

    def _delete_keys(self, kind: str, keys: list) -> None:
        for at in range(0, len(keys), IN_BATCH):
            self._client.delete(self._names[kind], ids=keys[at:at + IN_BATCH])

    def _delete_where(self, kind: str, expr: str) -> None:
        pk = "id" if kind == "passages" else "key"
        self._delete_keys(kind, [r[pk] for r in self._scan(kind, expr, [pk])])

    @staticmethod
    def _release_expr(release_id: str, lang: str | None) -> str:
        expr = f"release_id == {literal(release_id)}"
        return expr if lang is None else f"{expr} and lang == {literal(lang)}"

    def delete(self, release_id: str, lang: str | None = None) -> int:
        of = self._release_expr(release_id, lang)
        with self._write_lock:
            rows = self._query("releases", of, ["key", "part", "passage_ids"])
            old = [pid for r in rows for pid in json.loads(r["passage_ids"])]
            self._count_terms(Counter(), old)
            self._delete_keys("passages", old)
            self._delete_keys("releases", [r["key"] for r in rows])
            side_a = _and(f"a_id == {literal(release_id)}", f"a_lang == {literal(lang)}" if lang else "")
            side_b = _and(f"b_id == {literal(release_id)}", f"b_lang == {literal(lang)}" if lang else "")
            self._delete_where("links", f'source != "page" and ({side_a} or {side_b})')
            self._changed(passages=True)
        return sum(r["part"] == 0 for r in rows)

    def save_translation_links(self, links: Iterable[TranslationLink], *,
                               replace_detected: Iterable[tuple[str, str]] = ()) -> int:
        links, drop = list(links), list(replace_detected)
        if not links and not drop:
            return 0
        written = 0
        with self._write_lock:
            for rid, lang in drop:
                self._delete_where("links", (
                    f'source == "detected" and ((a_id == {literal(rid)} and a_lang == {literal(lang)}) or '
                    f"(b_id == {literal(rid)} and b_lang == {literal(lang)}))"))
            for link in links:
                a_id, a_lang, b_id, b_lang = link.ordered()
                clash = self._query("links", (
                    f"(a_id == {literal(a_id)} and a_lang == {literal(a_lang)} and b_lang == {literal(b_lang)}) or "
                    f"(b_id == {literal(b_id)} and b_lang == {literal(b_lang)} and a_lang == {literal(a_lang)})"),
                    ["key", "source"])
                if outranked(link, (row["source"] for row in clash)):
                    continue
                self._delete_keys("links", [row["key"] for row in clash])
                self._client.upsert(self._names["links"], [{
                    "key": row_key(a_id, a_lang, b_lang), "a_id": a_id, "a_lang": a_lang, "b_id": b_id,
                    "b_lang": b_lang, "source": link.source, "score": -1.0 if link.score is None else float(link.score),
                    "placeholder": PLACEHOLDER}])
                written += 1
            self._changed()
        return written

    # -- searching -----------------------------------------------------------------------------------

    def search(self, vector: np.ndarray, k: int, *, filters: SearchFilters | None = None) -> list[tuple[int, float]]:
        if k <= 0:
            return []
        hits = self._client.search(self._names["passages"], data=[np.asarray(vector, np.float32).tolist()],
                                   anns_field="vector", limit=min(k, QUERY_WINDOW), filter=filter_expression(filters),
                                   search_params={"metric_type": "COSINE"}, output_fields=[])
        return [(int(h["id"]), float(h["distance"])) for h in hits[0]]

    def keyword_search(self, terms: Sequence[str], k: int, *, filters: SearchFilters | None = None
                       ) -> list[tuple[int, float]]:
        keys = [term_key(t) for t in dict.fromkeys(terms)][:MAX_KEYWORD_TERMS]
        if not keys or k <= 0:
            return []
        hits = self._client.search(self._names["passages"], data=[" ".join(keys)], anns_field="sparse",
                                   limit=min(k, QUERY_WINDOW), filter=filter_expression(filters),
                                   search_params={"metric_type": "BM25"}, output_fields=[])
        # Milvus Lite reports BM25 as a negative distance, a server as a positive score.
        return [(int(h["id"]), abs(float(h["distance"]))) for h in hits[0]]

    def document_frequencies(self, terms: list[str]) -> dict[str, int]:
        token = self._token()
        found, missing = self._per_change.split(("df", token, t) for t in dict.fromkeys(terms))
        if missing:
            keys = {term_key(key[2]): key[2] for key in missing}
            counted = {}
            for at in range(0, len(missing), IN_BATCH):
                rows = self._query("terms", is_in("key", list(keys)[at:at + IN_BATCH]), ["key", "df"])
                counted.update({keys[r["key"]]: int(r["df"]) for r in rows})
            for term in keys.values():
                n = counted.get(term, 0)
                self._per_change.put(("df", token, term), n)
                found[("df", token, term)] = n
        return {key[2]: n for key, n in found.items() if n}

    def passage_terms(self, passage_ids: Sequence[int]) -> dict[int, frozenset[str]]:
        return {pid: row.terms for pid, row in self._passage_rows(passage_ids).items()}

    def latin_terms(self, skeletons: Sequence[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        keys = list(dict.fromkeys(skeletons))
        for at in range(0, len(keys), IN_BATCH):
            for row in self._matching("latin_terms", is_in("skeleton", keys[at:at + IN_BATCH]), ["skeleton", "term"]):
                out.setdefault(row["skeleton"], []).append(row["term"])
        return {key: sorted(terms) for key, terms in out.items()}

    # -- passages --------------------------------------------------------------------------------------

    _ROW_FIELDS = ["id", "release_id", "lang", "start_offset", "end_offset", "text", "figures", "terms", "date"]

    def _passage_rows(self, ids: Sequence[int]) -> dict[int, _PassageRow]:
        """Rows by id; a passage id is never reused (Milvus allocates them), so rows are kept."""
        out, missing = self._rows.split(int(pid) for pid in ids)
        for at in range(0, len(missing), IN_BATCH):
            for row in self._query("passages", is_in("id", missing[at:at + IN_BATCH]), self._ROW_FIELDS):
                out[row["id"]] = self._keep(row)
        return out

    def _keep(self, row: dict) -> _PassageRow:
        passage = Passage(release_id=row["release_id"], lang=row["lang"], start=int(row["start_offset"]),
                          end=int(row["end_offset"]), text=row["text"], figures=figures_from_json(row["figures"]),
                          passage_id=int(row["id"]))
        kept = _PassageRow(passage, frozenset(row["terms"].split()), iso_date(row["date"]))
        self._rows.put(passage.passage_id, kept)
        return kept

    @_per_change
    def count_passages(self) -> int:
        if self._lite:  # Lite's statistics count deletes and are read without a scan
            return int(self._client.get_collection_stats(self._names["passages"])["row_count"])
        return self._count("passages", "id >= 0")  # a server's statistics may still hold deleted rows

    def passage_ids(self, *, lang: str | None = None) -> np.ndarray:
        expr = f"lang == {literal(lang)}" if lang else "id >= 0"
        return np.fromiter((r["id"] for r in self._scan("passages", expr, ["id"])), dtype=np.int64)

    def passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        return {pid: row.passage for pid, row in self._passage_rows(ids).items()}

    def vectors(self, passage_ids: Sequence[int]) -> np.ndarray:
        out = np.zeros((len(passage_ids), self.stamp.dim), dtype=np.float32)
        kept, missing = self._vectors.split(int(pid) for pid in passage_ids)
        for lo in range(0, len(missing), IN_BATCH):
            for row in self._query("passages", is_in("id", missing[lo:lo + IN_BATCH]), ["id", "vector"]):
                kept[row["id"]] = vector = np.asarray(row["vector"], dtype=np.float32)
                self._vectors.put(row["id"], vector)
        for i, pid in enumerate(passage_ids):
            if (vector := kept.get(int(pid))) is not None:
                out[i] = vector
        return out

    def release_dates(self, passage_ids: Sequence[int]) -> dict[int, str]:
        return {pid: row.date for pid, row in self._passage_rows(passage_ids).items() if row.date}

    def passage_releases(self, filters: SearchFilters, release_ids: list[str]) -> dict[int, str]:
        if not release_ids:
            return {}
        expr = _and(filter_expression(filters), is_in("release_id", release_ids))
        return {int(r["id"]): r["release_id"] for r in self._matching("passages", expr, ["id", "release_id"])}

    def _passages_of(self, release_id: str, lang: str) -> list[int]:
        head = self._release_heads([(release_id, lang)], ["passage_ids"]).get((release_id, lang))
        return json.loads(head["passage_ids"]) if head else []

    def passage_counts(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
        heads = self._release_heads(keys, ["passage_ids"])
        return {key: len(json.loads(heads[key]["passage_ids"])) if key in heads else 0 for key in keys}

    # -- releases --------------------------------------------------------------------------------------

    @_per_change
    def count_releases(self) -> dict[str, int]:
        counts = {lang: self._count("releases", f"part == 0 and lang == {literal(lang)}")
                  for lang in json.loads(self._meta("languages") or "[]")}
        return {lang: n for lang, n in sorted(counts.items()) if n}

    def languages(self) -> list[str]:
        return list(self.count_releases())

    def note(self, key: str) -> str | None:
        return self._meta(NOTE_PREFIX + key)

    def set_note(self, key: str, value: str | None) -> None:
        if value is None:
            self._delete_keys("meta", [NOTE_PREFIX + key])
        else:
            self._set_meta(NOTE_PREFIX + key, value)

    def has_release(self, release_id: str, lang: str) -> bool:
        return bool(self._query("releases", _and(self._release_expr(release_id, lang), "part == 0"), ["key"], limit=1))

    _RELEASE_FIELDS = ["release_id", "lang", "part", "title", "ministry", "date", "url", "source", "text"]

    def _releases(self, expr: str) -> list[Release]:
        parts: dict[tuple[str, str], list[dict]] = {}
        for row in self._matching("releases", expr, self._RELEASE_FIELDS):
            parts.setdefault((row["release_id"], row["lang"]), []).append(row)
        out = []
        for (rid, lang), rows in sorted(parts.items(), key=lambda kv: kv[0][1]):
            rows.sort(key=lambda r: r["part"])
            head = rows[0]
            out.append(Release(release_id=rid, lang=lang, title=head["title"], ministry=head["ministry"] or None,
                               date=head["date"] or None, url=head["url"] or None, source=head["source"] or None,
                               text="".join(r["text"] for r in rows)))
        return out

    def release(self, release_id: str, lang: str) -> Release | None:
        return self.releases([(release_id, lang)])[(release_id, lang)]

    def releases(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Release | None]:
        def fetch(keys: list[tuple[str, str]]) -> dict[tuple[str, str], Release]:
            ids = sorted({rid for rid, _ in keys})
            found = [r for at in range(0, len(ids), RELEASE_BATCH)
                     for r in self._releases(is_in("release_id", ids[at:at + RELEASE_BATCH]))]
            return {r.key: r for r in found}

        return self._cached_many("release", keys, fetch)

    def release_keys(self) -> list[tuple[str, str]]:
        return [(r["release_id"], r["lang"]) for r in self._scan("releases", "part == 0", ["release_id", "lang"])]

    def release_keys_by_id(self, release_ids: Iterable[str]) -> list[tuple[str, str]]:
        ids = list(release_ids)
        out = []
        for at in range(0, len(ids), IN_BATCH):
            out += [(r["release_id"], r["lang"]) for r in self._matching(
                "releases", _and("part == 0", is_in("release_id", ids[at:at + IN_BATCH])), ["release_id", "lang"])]
        return out

    def release_detail(self, release_id: str, lang: str | None = None) -> list[StoredRelease]:
        with self.snapshot():
            out = []
            for release in self._releases(self._release_expr(release_id, lang)):
                rows = self._passage_rows(self._passages_of(release.release_id, release.lang)).values()
                passages = sorted((r.passage for r in rows), key=lambda p: (p.start, p.passage_id))
                out.append(StoredRelease(release, passages, self.translations_of(release.release_id, release.lang)))
            return out

    def duplicates_of(self, release_id: str, lang: str) -> list[str]:
        return self.duplicates_of_many([(release_id, lang)])[(release_id, lang)]

    def duplicates_of_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
        def fetch(keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
            prints = {key: head["fingerprint"] for key, head in self._release_heads(keys, ["fingerprint"]).items()}
            wanted = sorted(set(prints.values()))
            sharing: dict[tuple[str, str], list[str]] = {}  # (lang, fingerprint) -> release ids
            for at in range(0, len(wanted), IN_BATCH):
                for r in self._matching("releases", _and("part == 0", is_in("fingerprint", wanted[at:at + IN_BATCH])),
                                    ["release_id", "lang", "fingerprint"]):
                    sharing.setdefault((r["lang"], r["fingerprint"]), []).append(r["release_id"])
            return {(rid, lang): sorted(other for other in sharing.get((lang, prints.get((rid, lang))), []) if other != rid)
                    for rid, lang in keys}

        return self._cached_many("duplicates_of", keys, fetch)

    # -- translation links -----------------------------------------------------------------------------

    _LINK_FIELDS = ["a_id", "a_lang", "b_id", "b_lang", "source", "score"]

    @staticmethod
    def _link(row: dict) -> TranslationLink:
        score = row["score"]
        return TranslationLink(row["a_id"], row["a_lang"], row["b_id"], row["b_lang"], row["source"],
                               None if score < 0 else score)

    def translations_of(self, release_id: str, lang: str) -> list[dict]:
        return self.translations_of_many([(release_id, lang)])[(release_id, lang)]

    def translations_of_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[dict]]:
        def fetch(keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[dict]]:
            linked: dict[tuple[str, str], set[tuple[str, str]]] = {key: set() for key in keys}
            ids = sorted({rid for rid, _ in keys})
            for at in range(0, len(ids), IN_BATCH):
                batch = ids[at:at + IN_BATCH]
                for r in self._matching("links", f"{is_in('a_id', batch)} or {is_in('b_id', batch)}", self._LINK_FIELDS):
                    a, b = (r["a_id"], r["a_lang"]), (r["b_id"], r["b_lang"])
                    if a in linked:
                        linked[a].add(b)
                    if b in linked:
                        linked[b].add(a)
            heads = self._release_heads({o for others in linked.values() for o in others}, ["title", "url"])
            return {key: [{"release_id": rid, "lang": lg, "title": heads[(rid, lg)]["title"],
                           "url": heads[(rid, lg)]["url"] or None} for rid, lg in sorted(others, key=lambda o: (o[1], o[0]))
                          if (rid, lg) in heads]
                    for key, others in linked.items()}

        return self._cached_many("translations_of", keys, fetch)

    def translation_links(self) -> list[TranslationLink]:
        return [self._link(r) for r in self._scan("links", 'key != ""', self._LINK_FIELDS)]

    def has_translation_links(self) -> bool:
        return bool(self._query("links", 'key != ""', ["key"], limit=1))

    def linked_sides(self, lang: str, other_lang: str) -> set[str]:
        a, b = sorted((lang, other_lang))
        column = "a_id" if lang == a else "b_id"
        rows = self._scan("links", f"a_lang == {literal(a)} and b_lang == {literal(b)}", [column])
        return {r[column] for r in rows}

    def release_profiles(self, *, langs: Iterable[str] | None = None, date_from: str | None = None,
                         date_to: str | None = None, undated: bool = False,
                         keys: Iterable[tuple[str, str]] | None = None) -> dict[tuple[str, str], ReleaseProfile]:
        if keys is not None:
            exprs = self._key_exprs(keys)
        else:
            if not langs:
                return {}
            dated = "date == 0" if undated else self._date_range(date_from, date_to)
            exprs = [_and(is_in("lang", list(langs)), dated)]
        fields = ["release_id", "lang", "date", "vector", "figures", "ministry"]
        rows = (row for expr in exprs for row in self._scan("passages", expr, fields))
        return release_profiles_of((r["release_id"], r["lang"], iso_date(r["date"]), np.asarray(r["vector"], np.float32),
                                    figures_from_json(r["figures"]), r["ministry"] or None) for r in rows)

    def release_profile_blocks(self, langs: Sequence[str], date_from: str | None, date_to: str | None, at_once: int,
                               *, undated: bool = False) -> Iterator[dict[tuple[str, str], ReleaseProfile]]:
        """Blocks by date range: the passages' days counted first (one row a passage, no vector),
        so a block's weight is its passages, not its releases. A day of more passages than a block
        holds is read by its releases' keys, a block of them at a time."""
        langs = list(langs)
        in_langs = is_in("lang", langs)
        days = Counter(r["date"] for r in self._scan(
            "passages", _and(in_langs, "date == 0" if undated else self._date_range(date_from, date_to)), ["date"]))
        for block in weighed_blocks(((n, day) for day, n in sorted(days.items())), at_once):
            if len(block) > 1 or days[block[0]] <= at_once:
                yield (self.release_profiles(langs=langs, undated=True) if undated else
                       self.release_profiles(langs=langs, date_from=iso_date(block[0]), date_to=iso_date(block[-1])))
                continue
            releases = Counter((r["release_id"], r["lang"]) for r in self._scan(
                "passages", _and(in_langs, f"date == {block[0]}"), ["release_id", "lang"]))
            for keys in weighed_blocks(((n, key) for key, n in sorted(releases.items())), at_once):
                yield self.release_profiles(keys=keys)

    def profile_dates(self, keys: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str, str | None]]:
        for expr in self._key_exprs(keys):  # a row a passage: a release comes once for each of them
            for r in self._scan("passages", expr, ["release_id", "lang", "date"]):
                yield r["release_id"], r["lang"], iso_date(r["date"])

    @staticmethod
    def _key_exprs(keys: Iterable[tuple[str, str]]) -> list[str]:
        """Filters that together match the passages of `keys`, IN_BATCH ids each."""
        by_lang: dict[str, list[str]] = {}
        for rid, lang in keys:
            by_lang.setdefault(lang, []).append(rid)
        return [_and(f"lang == {literal(lang)}", is_in("release_id", ids[at:at + IN_BATCH]))
                for lang, ids in by_lang.items() for at in range(0, len(ids), IN_BATCH)]

    @staticmethod
    def _date_range(date_from: str | None, date_to: str | None) -> str:
        return f"date >= {date_number(date_from)} and date <= {date_number(date_to)}"

    # -- this process's caches -----------------------------------------------------------------------

    def passage_analyses(self) -> _LRU:
        return self._analyses

    def cached_passages(self) -> list[Passage]:
        return [row.passage for row in self._rows.values()]

    def warm(self) -> int:
        n = 0
        for row in self._scan("passages", "id >= 0", self._ROW_FIELDS):
            self._keep(row)
            n += 1
            if n >= self._rows.size:
                break
        return n

    def close(self) -> None:
        self._client.close()
