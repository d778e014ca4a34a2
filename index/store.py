"""The index on disk: SQLite holds releases, passages, figures and vectors; FAISS searches them.

SQLite is the one source of truth and every change is one transaction, so a crash leaves the
old state or the new one. The FAISS file is a derived cache stamped with the SQLite
generation that produced it: when the two disagree (a crash between the commit and the file
write), the FAISS index is rebuilt from the vectors in SQLite on open. Nothing is half-written.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import faiss
import numpy as np

from corpus import Release
from index.figures import Figure
from index.lexical import FTS5_TOKENIZER, document_terms
from index.links import LINKS_SCHEMA, TranslationLinksMixin
from index.records import Passage
from index.vectorindex import LanguageShards

SCHEMA_VERSION = 2
DB_NAME = "index.db"
FAISS_NAME = "vectors-by-lang.faiss"
OLD_FAISS_NAMES = ("vectors.faiss", "vectors.generation")  # before the per-language shards

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS releases (
    release_id TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL, ministry TEXT,
    date TEXT, url TEXT, source TEXT, text TEXT NOT NULL, fingerprint TEXT NOT NULL,
    PRIMARY KEY (release_id, lang)
);
CREATE INDEX IF NOT EXISTS releases_fingerprint ON releases (fingerprint, lang);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    release_id TEXT NOT NULL, lang TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    figures TEXT NOT NULL, vector BLOB NOT NULL,
    FOREIGN KEY (release_id, lang) REFERENCES releases (release_id, lang) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS passages_release ON passages (release_id, lang);
CREATE INDEX IF NOT EXISTS passages_lang ON passages (lang);
"""
# Keyword search over our own normalised terms (see index/lexical.py), rowid = passages.id.
_FTS_SCHEMA = f"""CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(terms, tokenize="{FTS5_TOKENIZER}")"""
_VOCAB_SCHEMA = "CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab(passages_fts, 'row')"


class IndexMismatchError(Exception):
    """The index on disk was built with another model or settings than this run's."""


@dataclass(frozen=True)
class IndexStamp:
    """What built an index. Vectors from another model or segmentation are not comparable."""

    model: str
    dim: int
    passage_settings: str
    schema: int = SCHEMA_VERSION

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, raw: str) -> "IndexStamp":
        return cls(**json.loads(raw))


def figure_to_json(figures: Sequence[Figure]) -> str:
    rows = []
    for f in figures:
        d = dataclasses.asdict(f)
        d["value"] = None if f.value is None else str(f.value)
        rows.append(d)
    return json.dumps(rows, ensure_ascii=False)


def figures_from_json(raw: str) -> list[Figure]:
    out = []
    names = {f.name for f in dataclasses.fields(Figure)}
    for d in json.loads(raw):
        d = {k: v for k, v in d.items() if k in names}
        if d.get("value") is not None:
            d["value"] = Decimal(d["value"])
        out.append(Figure(**d))
    return out


def fingerprint(text: str) -> str:
    """Equal for the same release text published twice (PIB often does, under two ministries)."""
    folded = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SearchFilters:
    """Which passages a search may return; all given conditions must hold."""

    lang: str | None = None
    ministries: tuple[str, ...] = ()  # any of these names (English and Hindi forms of one ministry)
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None
    release_id: str | None = None

    def is_empty(self) -> bool:
        return not (self.lang or self.ministries or self.date_from or self.date_to or self.release_id)

    def with_lang(self, lang: str | None) -> "SearchFilters":
        return dataclasses.replace(self, lang=lang)

    def where(self) -> tuple[str, list]:
        """SQL over `passages p JOIN releases r`."""
        clauses, args = [], []
        if self.lang:
            clauses.append("p.lang = ?")
            args.append(self.lang)
        if self.release_id:
            clauses.append("p.release_id = ?")
            args.append(self.release_id)
        if self.ministries:
            clauses.append(f"lower(r.ministry) IN ({','.join('?' * len(self.ministries))})")
            args += [m.lower() for m in self.ministries]
        if self.date_from:
            clauses.append("r.date >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("r.date <= ?")
            args.append(self.date_to)
        return (" AND ".join(clauses) or "1"), args


_JOIN = "passages p JOIN releases r ON p.release_id = r.release_id AND p.lang = r.lang"


class _LRU:
    """A small thread-safe LRU map for values that never go stale (or whose key says when)."""

    def __init__(self, size: int):
        self.size = size
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def split(self, keys) -> tuple[dict, list]:
        """(the cached values by key, the keys not cached), for a batch lookup."""
        found, missing = {}, []
        with self._lock:  # once for the batch: a search looks up about a hundred passages
            data = self._data
            for key in keys:
                value = data.get(key)
                if value is None:
                    missing.append(key)
                else:
                    found[key] = value
                    data.move_to_end(key)
        return found, missing

    def values(self) -> list:
        with self._lock:
            return list(self._data.values())

    def put(self, key, value) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


def _per_generation(read):
    """Keep a read's answer until the index changes. Such reads (the languages, a release's
    duplicates and translations) come back on every question; each was a SQL query per hit."""

    @functools.wraps(read)
    def cached(self, *args):
        key = (read.__name__, self._read_generation(), *args)
        value = self._generation_cache.get(key)
        if value is None:
            value = read(self, *args)
            self._generation_cache.put(key, value)
        return copy.copy(value)  # a caller may change its list; the cached one stays

    return cached


@dataclass(frozen=True)
class ReleaseEntry:
    """A release ready to store: its passages (with figures) and one vector per passage."""

    release: Release
    passages: list[Passage]
    vectors: np.ndarray


class IndexStore(TranslationLinksMixin):
    """Releases, passages and vectors in `path/`; safe to read from many threads while one writes."""

    KEYWORD_POOL = 5000  # keyword matches ranked before filters are applied

    def __init__(self, path: Path, stamp: IndexStamp):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.stamp = stamp
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path / DB_NAME, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)
        self._db.executescript(LINKS_SCHEMA)
        self._db.execute(_FTS_SCHEMA)
        self._db.execute(_VOCAB_SCHEMA)
        self._local = threading.local()
        self._passage_cache = _LRU(50_000)
        self._terms_cache = _LRU(50_000)
        self._filter_cache = _LRU(64)
        self._generation_cache = _LRU(8192)
        self._selector_cache = _LRU(64)
        self._check_stamp()
        self._faiss = self._load_faiss()

    # -- opening -----------------------------------------------------------------------------

    @staticmethod
    def read_stamp(path: Path) -> IndexStamp | None:
        db = Path(path) / DB_NAME
        if not db.exists():
            return None
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
        except sqlite3.DatabaseError:
            return None
        finally:
            con.close()
        return IndexStamp.from_json(row[0]) if row else None

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _check_stamp(self) -> None:
        raw = self._meta("stamp")
        if raw is None:
            self._db.execute("INSERT INTO meta VALUES ('stamp', ?), ('generation', '0')", (self.stamp.to_json(),))
            return
        built = IndexStamp.from_json(raw)
        if built != self.stamp:
            raise IndexMismatchError(
                f"The index in {self.path} was built with model {built.model!r} (dim {built.dim}, "
                f"passages {built.passage_settings}, schema {built.schema}), but this run uses "
                f"model {self.stamp.model!r} (dim {self.stamp.dim}, passages {self.stamp.passage_settings}, "
                f"schema {self.stamp.schema}). Rebuild it with `vigyapti ingest --rebuild PATH...` "
                f"(or delete {self.path}), or set VIGYAPTI_MODEL / VIGYAPTI_INDEX_DIR to match."
            )

    @property
    def generation(self) -> int:
        return int(self._meta("generation") or 0)

    def _faiss_file(self) -> Path:
        return self.path / FAISS_NAME

    def _load_faiss(self) -> LanguageShards:
        f = self._faiss_file()
        gen_file = f.with_suffix(".generation")
        if f.exists() and gen_file.exists() and gen_file.read_text().strip() == str(self.generation):
            shards = LanguageShards.load(f, self.stamp.dim)  # None when truncated or corrupt
            if shards is not None and shards.ntotal == self.count_passages():
                return shards
        return self._rebuild_faiss()

    def _rebuild_faiss(self) -> LanguageShards:
        """The FAISS cache again from SQLite, which has every vector."""
        ids, langs, vecs = [], [], []
        for pid, lang, blob in self._db.execute("SELECT id, lang, vector FROM passages ORDER BY id"):
            ids.append(pid)
            langs.append(lang)
            vecs.append(np.frombuffer(blob, dtype=np.float32))
        dim = self.stamp.dim
        self._faiss = LanguageShards.build(dim, np.asarray(ids, dtype=np.int64), langs,
                                           np.vstack(vecs) if vecs else np.zeros((0, dim), np.float32))
        self._save_faiss()
        for name in OLD_FAISS_NAMES:
            (self.path / name).unlink(missing_ok=True)
        return self._faiss

    def _save_faiss(self) -> None:
        f = self._faiss_file()
        self._faiss.save(f)
        gen_tmp = f.with_suffix(".generation.tmp")
        gen_tmp.write_text(str(self.generation))
        os.replace(gen_tmp, f.with_suffix(".generation"))

    # -- writing -----------------------------------------------------------------------------

    def upsert(self, entries: Iterable[ReleaseEntry]) -> int:
        """Add or replace releases (same release_id and lang) in one transaction; returns passages added."""
        # The same release twice in one batch: the last one wins (and FAISS never gets ids that
        # the batch itself deleted again).
        entries = list({e.release.key: e for e in entries}.values())
        if not entries:
            return 0
        with self._lock:
            removed: list[int] = []
            added_ids: list[int] = []
            added_vecs: list[np.ndarray] = []
            added_langs: list[str] = []
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for e in entries:
                    r = e.release
                    if e.vectors.shape != (len(e.passages), self.stamp.dim):
                        raise ValueError(f"release {r.release_id}/{r.lang}: {len(e.passages)} passages but vectors {e.vectors.shape}")
                    old = [row[0] for row in self._db.execute(
                        "SELECT id FROM passages WHERE release_id=? AND lang=?", (r.release_id, r.lang))]
                    self._delete_passages(old)
                    removed += old
                    self._db.execute(
                        "INSERT INTO releases VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (release_id, lang) DO UPDATE SET "
                        "title=excluded.title, ministry=excluded.ministry, date=excluded.date, url=excluded.url, "
                        "source=excluded.source, text=excluded.text, fingerprint=excluded.fingerprint",
                        (r.release_id, r.lang, r.title, r.ministry, r.date, r.url, r.source, r.text,
                         fingerprint(r.text)),
                    )
                    for p, v in zip(e.passages, e.vectors):
                        cur = self._db.execute(
                            'INSERT INTO passages (release_id, lang, start, "end", text, figures, vector) VALUES (?,?,?,?,?,?,?)',
                            (r.release_id, r.lang, p.start, p.end, p.text, figure_to_json(p.figures),
                             np.asarray(v, dtype=np.float32).tobytes()),
                        )
                        self._db.execute("INSERT INTO passages_fts (rowid, terms) VALUES (?, ?)",
                                         (cur.lastrowid, document_terms(p.text)))
                        added_ids.append(cur.lastrowid)
                        added_vecs.append(v)
                        added_langs.append(r.lang)
                self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._apply_to_faiss(removed, added_ids, added_langs, added_vecs)
            return len(added_ids)

    def delete(self, release_id: str, lang: str | None = None) -> int:
        """Remove a release (all languages unless `lang`); returns releases removed."""
        with self._lock:
            where, args = ("release_id=?", (release_id,)) if lang is None else ("release_id=? AND lang=?", (release_id, lang))
            self._db.execute("BEGIN IMMEDIATE")
            try:
                removed = [row[0] for row in self._db.execute(f"SELECT id FROM passages WHERE {where}", args)]
                self._delete_passages(removed)
                n = self._db.execute(f"DELETE FROM releases WHERE {where}", args).rowcount
                self._delete_links(release_id, lang)
                self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._apply_to_faiss(removed, [], [], [])
            return n

    def _delete_passages(self, ids: list[int]) -> None:
        for pid in ids:
            self._db.execute("DELETE FROM passages_fts WHERE rowid=?", (pid,))
            self._db.execute("DELETE FROM passages WHERE id=?", (pid,))

    def _apply_to_faiss(self, removed: list[int], ids: list[int], langs: list[str], vecs: list[np.ndarray]) -> None:
        # New shards beside the live ones, then one swap: concurrent searches see the old or the
        # new state, never a half-applied change.
        self._faiss = self._faiss.changed(removed, ids, langs, np.vstack(vecs) if vecs else [])
        self._save_faiss()

    # -- reading -----------------------------------------------------------------------------

    @contextmanager
    def snapshot(self):
        """Reads inside see one committed state, even while another thread writes."""
        con = self._reader()
        if con.in_transaction:  # nested: the outer snapshot holds
            yield
            return
        con.execute("BEGIN")
        try:
            self._local.generation = self._query_generation(con)  # the first read fixes the snapshot
            yield
        finally:
            self._local.generation = None
            con.execute("COMMIT")

    @staticmethod
    def _query_generation(con: sqlite3.Connection) -> str:
        row = con.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return row[0] if row else "0"

    def _read_generation(self) -> str:
        """The generation this thread reads: its snapshot's, or the latest outside one."""
        return getattr(self._local, "generation", None) or self._query_generation(self._reader())

    def _reader(self) -> sqlite3.Connection:
        """One read connection per thread: WAL gives each a consistent committed snapshot."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(self.path / DB_NAME, check_same_thread=False)
            con.execute("PRAGMA query_only=ON")
            self._local.con = con
        return con

    @_per_generation
    def count_passages(self) -> int:
        return self._reader().execute("SELECT COUNT(*) FROM passages").fetchone()[0]

    def count_releases(self) -> dict[str, int]:
        return dict(self._reader().execute("SELECT lang, COUNT(*) FROM releases GROUP BY lang ORDER BY lang").fetchall())

    def has_release(self, release_id: str, lang: str) -> bool:
        return self._reader().execute(
            "SELECT 1 FROM releases WHERE release_id=? AND lang=?", (release_id, lang)).fetchone() is not None

    def passage_ids(self, *, lang: str | None = None) -> np.ndarray:
        sql, args = ("SELECT id FROM passages", ()) if lang is None else ("SELECT id FROM passages WHERE lang=?", (lang,))
        return np.fromiter((r[0] for r in self._reader().execute(sql, args)), dtype=np.int64)

    def search(self, vector: np.ndarray, k: int, *, filters: SearchFilters | None = None) -> list[tuple[int, float]]:
        """The k passages nearest to `vector` among those that pass `filters`: (id, cosine)."""
        shards = self._faiss  # one reference: a concurrent swap cannot change it under us
        if shards.ntotal == 0 or k <= 0:
            return []
        filters = filters or SearchFilters()
        selector = None
        if not filters.with_lang(None).is_empty():  # a language alone is a shard; the rest a selector
            allowed = self.filter_ids(filters)
            if len(allowed) == 0:
                return []
            selector = self._selector(allowed)
        return shards.search(vector, k, lang=filters.lang, selector=selector)

    def _selector(self, allowed: np.ndarray):
        """An IDSelectorBatch for `allowed`, reused while the same array (a cached filter) comes back."""
        key = id(allowed)
        hit = self._selector_cache.get(key)
        if hit is not None and hit[0] is allowed:
            return hit[1]
        selector = faiss.IDSelectorBatch(allowed)
        self._selector_cache.put(key, (allowed, selector))  # holds `allowed`, so its id stays unique
        return selector

    def filter_ids(self, filters: SearchFilters) -> np.ndarray | None:
        """Passage ids that pass `filters`, or None when there is nothing to filter.

        Cached per committed generation: the common filters (a language) repeat on every question.
        """
        if filters.is_empty():
            return None
        key = (filters, self._read_generation())
        ids = self._filter_cache.get(key)
        if ids is None:
            where, args = filters.where()
            rows = self._reader().execute(f"SELECT p.id FROM {_JOIN} WHERE {where}", args)
            ids = np.fromiter((r[0] for r in rows), dtype=np.int64)
            self._filter_cache.put(key, ids)
        return ids

    def keyword_search(self, match: str, k: int, *, filters: SearchFilters | None = None
                       ) -> list[tuple[int, float]]:
        """BM25 over the passages' terms; scores are positive, higher is better."""
        args: list = [match]
        if filters is None or filters.is_empty():
            sql = ("SELECT rowid, -bm25(passages_fts) AS s FROM passages_fts WHERE passages_fts MATCH ? "
                   "ORDER BY bm25(passages_fts) LIMIT ?")
        else:
            # Rank first, filter after: a filter inside the MATCH query makes SQLite re-run the
            # match for every passage of the filter (seconds instead of a millisecond).
            where, wargs = filters.where()
            sql = ("WITH m AS (SELECT rowid AS id, bm25(passages_fts) AS s FROM passages_fts "
                   f"WHERE passages_fts MATCH ? ORDER BY s LIMIT {int(self.KEYWORD_POOL)}) "
                   f"SELECT m.id, -m.s FROM m JOIN {_JOIN} ON p.id = m.id WHERE {where} ORDER BY m.s LIMIT ?")
            args += wargs
        args.append(k)
        try:
            return [(int(i), float(s)) for i, s in self._reader().execute(sql, args)]
        except sqlite3.OperationalError:  # a query FTS5 cannot parse finds nothing rather than failing
            return []

    def cached_passages(self) -> list[Passage]:
        return self._passage_cache.values()

    def warm(self) -> int:
        """Load passages and their terms into memory, so the first questions are as fast as later ones."""
        ids = [r[0] for r in self._reader().execute("SELECT id FROM passages ORDER BY id LIMIT ?",
                                                    (self._passage_cache.size,))]
        for at in range(0, len(ids), 500):
            self.passages(ids[at:at + 500])
            self.passage_terms(ids[at:at + 500])
        return len(ids)

    def passage_terms(self, passage_ids: Sequence[int]) -> dict[int, frozenset[str]]:
        """The keyword terms stored for each passage at ingest (no stemming at query time)."""
        out, missing = self._terms_cache.split(int(pid) for pid in passage_ids)
        if missing:
            marks = ",".join("?" * len(missing))
            for pid, t in self._reader().execute(
                    f"SELECT rowid, terms FROM passages_fts WHERE rowid IN ({marks})", missing):
                out[pid] = frozenset(t.split())
                self._terms_cache.put(pid, out[pid])
        return out

    def document_frequencies(self, terms: list[str]) -> dict[str, int]:
        """How many passages hold each term (for idf weights)."""
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        rows = self._reader().execute(f"SELECT term, doc FROM passages_vocab WHERE term IN ({marks})", terms)
        return dict(rows.fetchall())

    @_per_generation
    def languages(self) -> list[str]:
        return [r[0] for r in self._reader().execute("SELECT DISTINCT lang FROM releases ORDER BY lang")]

    def release_dates(self, passage_ids: Sequence[int]) -> dict[int, str]:
        """{passage id: the day its release was published (ISO)}, for passages of dated releases."""
        if not passage_ids:
            return {}
        marks = ",".join("?" * len(passage_ids))
        rows = self._reader().execute(
            f"SELECT p.id, r.date FROM {_JOIN} WHERE r.date IS NOT NULL AND p.id IN ({marks})",
            [int(i) for i in passage_ids])
        return dict(rows.fetchall())

    def passage_releases(self, filters: SearchFilters, release_ids: list[str]) -> dict[int, str]:
        """{passage id: release id} of the given releases' passages that pass `filters`."""
        if not release_ids:
            return {}
        where, args = filters.where()
        marks = ",".join("?" * len(release_ids))
        rows = self._reader().execute(
            f"SELECT p.id, p.release_id FROM {_JOIN} WHERE {where} AND p.release_id IN ({marks})",
            args + list(release_ids))
        return dict(rows.fetchall())

    def vectors(self, passage_ids: Sequence[int]) -> np.ndarray:
        """Stored vectors in the order asked (zeros for a passage deleted meanwhile)."""
        out = np.zeros((len(passage_ids), self.stamp.dim), dtype=np.float32)
        if not passage_ids:
            return out
        at = {int(pid): i for i, pid in enumerate(passage_ids)}
        marks = ",".join("?" * len(at))
        for pid, blob in self._reader().execute(f"SELECT id, vector FROM passages WHERE id IN ({marks})", list(at)):
            out[at[pid]] = np.frombuffer(blob, dtype=np.float32)
        return out

    @_per_generation
    def duplicates_of(self, release_id: str, lang: str) -> list[str]:
        """Other ids under which the very same text was published."""
        rows = self._reader().execute(
            "SELECT b.release_id FROM releases a JOIN releases b ON a.fingerprint = b.fingerprint AND a.lang = b.lang "
            "WHERE a.release_id = ? AND a.lang = ? AND b.release_id != a.release_id ORDER BY b.release_id",
            (release_id, lang))
        return [r[0] for r in rows]

    @_per_generation
    def translations_of(self, release_id: str, lang: str) -> list[dict]:
        """The same release in other languages, by its translation links (index/links.py)."""
        return self._translations_of(release_id, lang)

    def passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        """Passages by id. A passage id is never reused (AUTOINCREMENT), so its row never changes
        and parsed passages are kept for the next question."""
        out, missing = self._passage_cache.split(int(pid) for pid in ids)
        if missing:
            marks = ",".join("?" * len(missing))
            rows = self._reader().execute(
                f'SELECT id, release_id, lang, start, "end", text, figures FROM passages WHERE id IN ({marks})', missing)
            for r in rows:
                p = Passage(release_id=r[1], lang=r[2], start=r[3], end=r[4], text=r[5],
                            figures=figures_from_json(r[6]), passage_id=r[0])
                self._passage_cache.put(r[0], p)
                out[r[0]] = p
        return out

    @_per_generation
    def release(self, release_id: str, lang: str) -> Release | None:
        row = self._reader().execute(
            "SELECT release_id, lang, title, ministry, date, url, source, text FROM releases "
            "WHERE release_id=? AND lang=?", (release_id, lang)).fetchone()
        if row is None:
            return None
        return Release(release_id=row[0], lang=row[1], title=row[2], ministry=row[3], date=row[4],
                       url=row[5], source=row[6], text=row[7])

    def close(self) -> None:
        with self._lock:
            self._db.close()
