"""The index on disk: SQLite holds releases, passages, figures and vectors; FAISS searches them.

SQLite is the one source of truth and every change is one transaction, so a crash leaves the
old state or the new one (index/database.py). The vectors are FAISS bases saved by compaction
plus the delta and tombstones SQLite holds since (index/vectorcache.py); a search reads SQLite
and FAISS of the same state. The keyword side is index/keywordstore.py. Nothing is half-written.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import json
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import faiss
import numpy as np

from corpus import Release
from index import compaction, keywordstore
from index.database import (DB_NAME, SCHEMA_VERSION, CommittedState, IndexDatabase, IndexMismatchError,
                            IndexStamp, blob_matrix, check_stamp, committed_state, has_vector_column,
                            read_stamp, swap_in_rebuilt, vector_blob)
from index.figures import Figure
from index.filters import PASSAGES_OF_RELEASES, SearchFilters
from index.inlists import select_in
from index.links import TranslationLinksMixin
from index.records import IndexCheck, Passage, ReleaseEntry, StoredRelease
from index.stores.base import NOTE_PREFIX, Store, checked_entries, still_as_read
from index.vectorcache import POINTER_KEY, BasePointer, VectorCache, base_file_name
from index.vectorindex import Base, LanguageShards, is_approximate, load_index, save_index

__all__ = ["DB_NAME", "SCHEMA_VERSION", "IndexMismatchError", "IndexStamp", "IndexStore",
           "ReleaseEntry", "SearchFilters", "StoredRelease", "figure_to_json", "figures_from_json",
           "fingerprint", "swap_in_rebuilt"]

_JOIN = PASSAGES_OF_RELEASES


_FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(Figure))


def figure_to_json(figures: Sequence[Figure]) -> str:
    rows = []
    for f in figures:  # flat fields: no deep copy (dataclasses.asdict was a third of an ingest without the model)
        d = {name: getattr(f, name) for name in _FIGURE_FIELDS}
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


class _Derived:
    """Everything this process derived from one index (one index id). Passage ids are never
    reused within an index, so values keyed by them never go stale; a rebuilt index has another
    index id and gets a fresh _Derived, so nothing of the old one is served for the new."""

    def __init__(self, path: Path, dim: int, index_id: str):
        self.index_id = index_id
        self.vectors = VectorCache(path, dim, index_id)
        self.passages = _LRU(50_000)
        self.terms = _LRU(50_000)
        self.filters = _LRU(64)
        self.per_generation = _LRU(8192)
        self.selectors = _LRU(64)
        self.analyses = _LRU(60_000)  # for the searcher: what answering needs of each passage
        self.vector_blobs = _LRU(20_000)  # stored vectors of keyword-only candidates, as stored
        self.dates = _LRU(60_000)  # each passage's release date ("" when undated)


@dataclass
class _View:
    """What one thread's open snapshot reads: a committed state and what was derived from its index."""

    state: CommittedState
    derived: _Derived
    shards: LanguageShards | None = None


def _generation_key(name: str, generation: int, args: tuple) -> tuple:
    """A @_per_generation read's cache key: the read, the generation it saw, its arguments."""
    return (name, generation, *args)


def _handed_out(value):
    """A cached read's answer for a caller: a copy when the caller could change it (a list), the
    cached one itself when it cannot (a Release, a number, None)."""
    if value is None or isinstance(value, (Release, int, str, tuple, frozenset)):
        return value
    return copy.copy(value)  # a caller may change its list; the cached one stays


def _per_generation(read):
    """Keep a read's answer until the index changes. Such reads (the languages, a release's
    duplicates and translations) come back on every question; each was a SQL query per hit."""

    @functools.wraps(read)
    def cached(self, *args):
        with self.snapshot() as view:
            key = _generation_key(read.__name__, view.state.generation, args)
            value = view.derived.per_generation.get(key)
            if value is None:
                value = read(self, *args)
                view.derived.per_generation.put(key, value)
        return _handed_out(value)

    return cached


def _in_snapshot(read):
    """A read that needs one committed state: inside the caller's snapshot, or in one of its own."""

    @functools.wraps(read)
    def within(self, *args, **kwargs):
        with self.snapshot():
            return read(self, *args, **kwargs)

    return within


class IndexStore(TranslationLinksMixin, Store):
    """Releases, passages and vectors in `path/`; safe to read from many threads while one writes,
    and beside other processes writing the same index (they see each other's commits)."""

    KEYWORD_POOL = keywordstore.KEYWORD_POOL
    # Delta rows past which a write starts a compaction in the background; None: only `compact()`
    # (the service sets it from VIGYAPTI_COMPACT_ROWS).
    COMPACT_ROWS: int | None = 20_000
    EXACT_FILTER = 5000  # a filter allowing at most this many passages is searched exactly

    def __init__(self, path: Path, stamp: IndexStamp, *, read_only: bool = False):
        """`read_only`: open an existing index without changing a file of it (IndexDatabase)."""
        self.path = Path(path)
        self.stamp = stamp
        self._db = IndexDatabase(self.path, stamp, read_only=read_only)
        self._lock = self._db.lock
        self._local = threading.local()
        self._derived: OrderedDict[str, _Derived] = OrderedDict()
        self._derived_lock = threading.Lock()
        self._compacting = threading.Lock()
        self._compactor: threading.Thread | None = None
        if not read_only:
            with self.snapshot() as view:  # the vectors are loaded by the first search (a writer may never search)
                view.derived.vectors.remove_unused(BasePointer.read(self._reader()))

    # -- opening -----------------------------------------------------------------------------

    read_stamp = staticmethod(read_stamp)

    @property
    def generation(self) -> int:
        with self.snapshot() as view:
            return view.state.generation

    def _derived_for(self, index_id: str, con) -> _Derived:
        with self._derived_lock:
            derived = self._derived.get(index_id)
            if derived is None:
                check_stamp(con, self.path, self.stamp)  # a rebuild may have used another model
                derived = self._derived[index_id] = _Derived(self.path, self.stamp.dim, index_id)
                while len(self._derived) > 2:  # the current index, and one a running search may still read
                    self._derived.popitem(last=False)
            return derived

    # -- writing -----------------------------------------------------------------------------

    def upsert(self, entries: Iterable[ReleaseEntry]) -> int:
        """Add or replace releases (same release_id and lang) in one transaction; returns passages added."""
        return self._upsert(entries, None)[0]

    def replace_if_current(self, entries: Iterable[ReleaseEntry],
                           read: Mapping[tuple[str, str], Sequence[int]]) -> tuple[int, list[tuple[str, str]]]:
        return self._upsert(entries, read)

    def _upsert(self, entries: Iterable[ReleaseEntry],
                read: Mapping[tuple[str, str], Sequence[int]] | None) -> tuple[int, list[tuple[str, str]]]:
        entries = checked_entries(entries, self.stamp.dim)
        left: list[tuple[str, str]] = []
        if not entries:
            return 0, left

        def change(con) -> tuple[tuple[int, list], list[int], list[int], list[str], np.ndarray]:
            nonlocal entries
            removed, kept = [], []
            for e in entries:
                stored = [row[0] for row in con.execute(
                    "SELECT id FROM passages WHERE release_id=? AND lang=?", (e.release.release_id, e.release.lang))]
                if read is not None and not still_as_read(stored, read.get(e.release.key, ())):
                    left.append(e.release.key)
                    continue
                removed += stored
                kept.append(e)
            entries = kept
            self._delete_passages(con, removed)
            con.executemany(
                "INSERT INTO releases VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (release_id, lang) DO UPDATE SET "
                "title=excluded.title, ministry=excluded.ministry, date=excluded.date, url=excluded.url, "
                "source=excluded.source, text=excluded.text, fingerprint=excluded.fingerprint",
                [(r.release_id, r.lang, r.title, r.ministry, r.date, r.url, r.source, r.text, fingerprint(r.text))
                 for r in (e.release for e in entries)])
            # The whole batch in a few statements (ids as AUTOINCREMENT would give them): a backfill
            # of many releases is bound by SQLite's work, not by a statement per row.
            first = self._db.next_passage_id(con)
            rows = [(e.release, p) for e in entries for p in e.passages]
            ids = list(range(first, first + len(rows)))
            legacy = ", vector" if has_vector_column(con) else ""
            con.executemany(
                f'INSERT INTO passages (id, release_id, lang, start, "end", text, figures{legacy}) '
                f'VALUES (?,?,?,?,?,?,?{",?" * bool(legacy)})',
                [(pid, r.release_id, r.lang, p.start, p.end, p.text, figure_to_json(p.figures)) + ((b"",) if legacy else ())
                 for pid, (r, p) in zip(ids, rows)])
            vecs = np.vstack([e.vectors for e in entries]).astype(np.float32) if rows else np.zeros((0, self.stamp.dim), np.float32)
            langs = [r.lang for r, _ in rows]
            con.executemany("INSERT INTO passage_vectors (id, lang, vector) VALUES (?,?,?)",
                            zip(ids, langs, map(vector_blob, vecs)))
            keywordstore.add_passages(con, zip(ids, (p.text for _, p in rows)))
            return (len(ids), left), removed, ids, langs, vecs

        return self._write(change)

    def delete(self, release_id: str, lang: str | None = None) -> int:
        """Remove a release (all languages unless `lang`); returns releases removed."""
        where, args = ("release_id=?", (release_id,)) if lang is None else ("release_id=? AND lang=?", (release_id, lang))

        def change(con):
            removed = [row[0] for row in con.execute(f"SELECT id FROM passages WHERE {where}", args)]
            self._delete_passages(con, removed)
            n = con.execute(f"DELETE FROM releases WHERE {where}", args).rowcount
            self._delete_links(con, release_id, lang)
            return n, removed, [], [], np.zeros((0, self.stamp.dim), np.float32)

        return self._write(change)

    def _write(self, change):
        """One transaction: the rows, the generation, and the vectors of that generation (the
        previous generation's plus this change), made before the commit so that every snapshot a
        reader can take finds them. Nothing is saved to FAISS files here: the change is in SQLite."""
        with self._committing() as (con, before, derived, published):
            result, removed, ids, langs, vecs = change(con)
            base = derived.vectors.cached(before.generation)
            if base is not None:  # else built from its snapshot when a search first needs it
                shards = base.changed(removed, ids, langs, vecs)
                derived.vectors.publish(published, shards)
        self._compact_if_due(base is not None and shards.delta_size)
        return result

    @contextmanager
    def _committing(self):
        """A write transaction that commits the next generation: yields (connection, the state
        before, what this process derived from the index, the generation being committed). Vectors
        published for that generation are forgotten if it rolls back."""
        published = None
        try:
            with self._db.transaction() as con:
                before = committed_state(con)
                derived = self._derived_for(before.index_id, con)
                published = before.generation + 1
                con.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
                yield con, before, derived, published
        except BaseException:
            if published is not None:
                derived.vectors.forget(published)
            raise

    @staticmethod
    def _delete_passages(con, ids: list[int]) -> None:
        for pid in ids:
            keywordstore.remove_passage(con, pid)
            con.execute("DELETE FROM passages WHERE id=?", (pid,))
            con.execute("DELETE FROM passage_vectors WHERE id=?", (pid,))
        # A deleted passage may be in a saved base: its tombstone, tagged with the generation being
        # committed, hides it there until a compaction from that generation or later leaves it out.
        if ids:
            generation = committed_state(con).generation
            con.executemany("INSERT OR REPLACE INTO vector_tombstones VALUES (?, ?)", ((pid, generation) for pid in ids))

    # -- compaction --------------------------------------------------------------------------

    def _compact_if_due(self, delta_size: int | None) -> None:
        if self.COMPACT_ROWS is None:
            return
        if not delta_size:  # this process holds no vectors of the index: count the delta in SQLite
            with self.snapshot():
                con = self._reader()
                above = BasePointer.read(con).max_id
                delta_size = con.execute("SELECT COUNT(*) FROM (SELECT 1 FROM passages WHERE id > ? LIMIT ?)",
                                         (above, self.COMPACT_ROWS)).fetchone()[0]
        if delta_size < self.COMPACT_ROWS or (self._compactor is not None and self._compactor.is_alive()):
            return
        self._compactor = threading.Thread(target=self.compact, name="vigyapti-compaction", daemon=True)
        self._compactor.start()

    def compact(self) -> bool:
        """Fold the delta and the tombstones into new bases (index/compaction.py), saved to new files
        and pointed to in one transaction. Returns whether this call committed new bases (not when
        another compaction runs, or another process compacted first)."""
        if not self._compacting.acquire(blocking=False):
            return False
        try:
            with self.snapshot() as view:
                con = self._reader()
                state, pointer = view.state, BasePointer.read(con)
                upto = con.execute("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name='passages'").fetchone()[0]
                old = view.derived.vectors.bases(pointer) or {}  # not the delta: it may be large
                tombstones = np.fromiter((r[0] for r in con.execute("SELECT passage_id FROM vector_tombstones")),
                                         dtype=np.int64)
                files, bases = {}, {}
                for lang in compaction.languages(con):
                    built = compaction.build_base(con, self.stamp.dim, lang, upto=upto, old=old.get(lang),
                                                  old_file=self.path / pointer.files[lang] if lang in old else None,
                                                  above=pointer.max_id, tombstones=tombstones)
                    files[lang] = base_file_name(state.index_id, state.generation, lang)
                    save_index(built, self.path / files[lang])
                    bases[lang] = self._reopened(files[lang], built)
                    del built
            new = BasePointer(state.generation, int(upto), files, tuple(pointer.files.values()))
            with self._committing() as (con, before, derived, published):
                if before.index_id != state.index_id or BasePointer.read(con) != pointer:
                    raise _Superseded
                con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (POINTER_KEY, new.to_json()))
                con.execute("DELETE FROM vector_tombstones WHERE generation <= ?", (state.generation,))
                for lang, name in files.items():
                    derived.vectors.keep_base(name, bases[lang])
                derived.vectors.publish(published, self._shards_from_sqlite(con, derived), alone=True)
            derived.vectors.remove_unused(new)
            return True
        except _Superseded:
            return False
        finally:
            self._compacting.release()

    def _reopened(self, name: str, built) -> Base:
        """A saved base as searches hold it: mapped from its file where approximate (the built copy
        would stay resident)."""
        mapped = load_index(self.path / name, self.stamp.dim) if is_approximate(built) else None
        return Base.of(mapped if mapped is not None else built)

    # -- reading -----------------------------------------------------------------------------

    def _view(self) -> _View | None:
        return getattr(self._local, "view", None)

    @contextmanager
    def snapshot(self):
        """Reads inside see one committed state, even while another thread or process writes:
        SQLite rows and FAISS vectors alike. Yields that view."""
        view = self._view()
        if view is not None:  # nested: the outer snapshot holds
            yield view
            return
        with self._db.read_transaction() as state:
            self._local.view = view = _View(state, self._derived_for(state.index_id, self._reader()))
            try:
                yield view
            finally:
                self._local.view = None

    def _reader(self):
        return self._db.reader()

    def _shards(self, view: _View) -> LanguageShards:
        if view.shards is None:
            view.shards = view.derived.vectors.shards(
                view.state.generation, lambda: self._shards_from_sqlite(self._reader(), view.derived))
        return view.shards

    def _shards_from_sqlite(self, con, derived: _Derived) -> LanguageShards:
        """The vectors of the state `con` reads: the pointed-to bases, their tombstones and the delta.
        A base file missing or broken: every vector from SQLite (exact; the next compaction saves them)."""
        pointer = BasePointer.read(con)
        bases = derived.vectors.bases(pointer)
        if bases is None:
            pointer, bases = BasePointer(), {}
        tombstones = np.fromiter((r[0] for r in con.execute(
            "SELECT passage_id FROM vector_tombstones WHERE passage_id <= ?", (pointer.max_id,))), dtype=np.int64)
        rows = con.execute("SELECT id, lang, vector FROM passage_vectors WHERE id > ? ORDER BY id",
                           (pointer.max_id,)).fetchall()
        dim = self.stamp.dim
        return LanguageShards.build(dim, np.asarray([r[0] for r in rows], dtype=np.int64), [r[1] for r in rows],
                                    blob_matrix([r[2] for r in rows], dim), bases=bases, tombstones=tombstones)

    def vector_shards(self) -> LanguageShards:
        """The FAISS shards of the current snapshot (for checks and tools)."""
        with self.snapshot() as view:
            return self._shards(view)

    def passage_analyses(self) -> _LRU:
        """A per-index cache for what a searcher derives from a passage (keyed by passage id)."""
        with self.snapshot() as view:
            return view.derived.analyses

    @_per_generation
    def count_passages(self) -> int:
        return self._reader().execute("SELECT COUNT(*) FROM passages").fetchone()[0]

    @_in_snapshot
    def count_releases(self) -> dict[str, int]:
        return dict(self._reader().execute("SELECT lang, COUNT(*) FROM releases GROUP BY lang ORDER BY lang").fetchall())

    def note(self, key: str) -> str | None:
        row = self._reader().execute("SELECT value FROM meta WHERE key=?", (NOTE_PREFIX + key,)).fetchone()
        return row[0] if row else None

    def optimize_keywords(self) -> None:
        """Merge the FTS5 index's segments into one (keywordstore.optimize). No generation is
        committed: every row, term and count reads as before, so nothing derived goes stale."""
        with self._db.transaction() as con:
            keywordstore.optimize(con)

    def set_note(self, key: str, value: str | None) -> None:
        with self._db.transaction() as con:
            if value is None:
                con.execute("DELETE FROM meta WHERE key=?", (NOTE_PREFIX + key,))
            else:
                con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (NOTE_PREFIX + key, value))

    @_in_snapshot
    def has_release(self, release_id: str, lang: str) -> bool:
        return self._reader().execute(
            "SELECT 1 FROM releases WHERE release_id=? AND lang=?", (release_id, lang)).fetchone() is not None

    @_in_snapshot
    def passage_ids(self, *, lang: str | None = None) -> np.ndarray:
        sql, args = ("SELECT id FROM passages", ()) if lang is None else ("SELECT id FROM passages WHERE lang=?", (lang,))
        return np.fromiter((r[0] for r in self._reader().execute(sql, args)), dtype=np.int64)

    def search(self, vector: np.ndarray, k: int, *, filters: SearchFilters | None = None) -> list[tuple[int, float]]:
        """The k nearest passages to `vector` among those that pass `filters`: (id, cosine)."""
        with self.snapshot() as view:
            shards = self._shards(view)
            if shards.ntotal == 0 or k <= 0:
                return []
            filters = filters or SearchFilters()
            selector, share = None, 1.0
            if not filters.with_lang(None).is_empty():  # a language alone is a shard; the rest a selector
                allowed = self.filter_ids(filters)
                if len(allowed) == 0:
                    return []
                if shards.approximate(filters.lang) and len(allowed) <= self.EXACT_FILTER:
                    return self._exact_search(vector, k, allowed)  # too few for the probed lists to hold
                selector = self._selector(view.derived, allowed)
                share = len(allowed) / max(shards.ntotal, 1)
            return shards.search(vector, k, lang=filters.lang, selector=selector, exact=self.vectors, share=share)

    def _exact_search(self, vector: np.ndarray, k: int, allowed: np.ndarray) -> list[tuple[int, float]]:
        ids = [int(i) for i in allowed]
        scores = self.vectors(ids) @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-scores, kind="stable")[:k]
        return [(ids[i], float(scores[i])) for i in order]

    @staticmethod
    def _selector(derived: _Derived, allowed: np.ndarray):
        """An IDSelectorBatch for `allowed`, reused while the same array (a cached filter) comes back."""
        key = id(allowed)
        hit = derived.selectors.get(key)
        if hit is not None and hit[0] is allowed:
            return hit[1]
        selector = faiss.IDSelectorBatch(allowed)
        derived.selectors.put(key, (allowed, selector))  # holds `allowed`, so its id stays unique
        return selector

    def filter_ids(self, filters: SearchFilters) -> np.ndarray | None:
        """Passage ids that pass `filters`, or None when there is nothing to filter.

        Cached per committed generation: the common filters (a language) repeat on every question.
        """
        if filters.is_empty():
            return None
        with self.snapshot() as view:
            key = (filters, view.state.generation)
            ids = view.derived.filters.get(key)
            if ids is None:
                where, args = filters.where()
                rows = self._reader().execute(f"SELECT p.id FROM {_JOIN} WHERE {where}", args)
                ids = np.fromiter((r[0] for r in rows), dtype=np.int64)
                view.derived.filters.put(key, ids)
            return ids

    @_in_snapshot
    def keyword_search(self, terms: Sequence[str], k: int, *, filters: SearchFilters | None = None
                       ) -> list[tuple[int, float]]:
        """BM25 over the passages' terms (FTS5), matching any of `terms`; scores are positive, higher is better."""
        ranked = keywordstore.rankable_terms(terms, self.document_frequencies(list(dict.fromkeys(terms))))
        return keywordstore.keyword_search(self._reader(), ranked, k, filters, self.KEYWORD_POOL)

    def cached_passages(self) -> list[Passage]:
        with self.snapshot() as view:
            return view.derived.passages.values()

    @_in_snapshot
    def warm(self) -> int:
        """Load passages and their terms into memory, so the first questions are as fast as later ones."""
        ids = [r[0] for r in self._reader().execute("SELECT id FROM passages ORDER BY id LIMIT ?",
                                                    (self._view().derived.passages.size,))]
        for at in range(0, len(ids), 500):
            self.passages(ids[at:at + 500])
            self.passage_terms(ids[at:at + 500])
        return len(ids)

    def passage_terms(self, passage_ids: Sequence[int]) -> dict[int, frozenset[str]]:
        """The keyword terms stored for each passage at ingest (no stemming at query time)."""
        with self.snapshot() as view:
            out, missing = view.derived.terms.split(int(pid) for pid in passage_ids)
            if missing:
                for pid, found in keywordstore.passage_terms(self._reader(), missing).items():
                    out[pid] = found
                    view.derived.terms.put(pid, found)
            return out

    @_in_snapshot
    def latin_terms(self, skeletons: Sequence[str]) -> dict[str, list[str]]:
        return keywordstore.latin_terms(self._reader(), list(dict.fromkeys(skeletons)))

    def document_frequencies(self, terms: list[str]) -> dict[str, int]:
        """How many passages hold each term (for idf weights). Kept per generation: FTS5 counts a
        term's passages by walking its whole doclist, milliseconds per common term at archive size."""
        with self.snapshot() as view:
            cache = view.derived.per_generation
            keys = [("document_frequency", view.state.generation, t) for t in terms]
            found, missing = cache.split(keys)
            if missing:
                counted = keywordstore.document_frequencies(self._reader(), [key[2] for key in missing])
                for key in missing:
                    found[key] = counted.get(key[2], 0)
                    cache.put(key, found[key])
            return {key[2]: n for key, n in found.items() if n}

    @_per_generation
    def languages(self) -> list[str]:
        return [r[0] for r in self._reader().execute("SELECT DISTINCT lang FROM releases ORDER BY lang")]

    def release_dates(self, passage_ids: Sequence[int]) -> dict[int, str]:
        """{passage id: the day its release was published (ISO)}, for passages of dated releases. Kept
        by passage id: a release published again on another day gets new passages."""
        with self.snapshot() as view:
            found, missing = view.derived.dates.split(int(i) for i in passage_ids)
            if missing:
                rows = dict(select_in(self._reader(), lambda marks: (
                    f"SELECT p.id, r.date FROM {_JOIN} WHERE p.id IN ({marks})"), missing))
                for pid in missing:
                    if pid in rows:  # not a passage deleted meanwhile
                        found[pid] = rows[pid] or ""
                        view.derived.dates.put(pid, found[pid])
            return {pid: date for pid, date in found.items() if date}

    @_in_snapshot
    def passage_releases(self, filters: SearchFilters, release_ids: list[str]) -> dict[int, str]:
        """{passage id: release id} of the given releases' passages that pass `filters`."""
        if not release_ids:
            return {}
        where, args = filters.where()
        return dict(select_in(self._reader(), lambda marks: (
            f"SELECT p.id, p.release_id FROM {_JOIN} WHERE {where} AND p.release_id IN ({marks})"), release_ids, args=args))

    def vectors(self, passage_ids: Sequence[int]) -> np.ndarray:
        """Stored vectors in the order asked (zeros for a passage deleted meanwhile). Kept by passage
        id, as stored (a passage's vector never changes): a question's keyword-only candidates are
        read on every question that finds them, and reading them was a tenth of a search."""
        out = np.zeros((len(passage_ids), self.stamp.dim), dtype=np.float32)
        if not passage_ids:
            return out
        at = {int(pid): i for i, pid in enumerate(passage_ids)}
        with self.snapshot() as view:
            cache = view.derived.vector_blobs
            blobs, missing = cache.split(at)
            for pid, blob in select_in(self._reader(), lambda marks: (
                    f"SELECT id, vector FROM passage_vectors WHERE id IN ({marks})"), missing):
                blobs[pid] = blob
                cache.put(pid, blob)
        if blobs:
            out[[at[pid] for pid in blobs]] = blob_matrix(list(blobs.values()), self.stamp.dim)
        return out

    def _per_generation_many(self, read, keys: Iterable[tuple]) -> dict[tuple, object]:
        """`read` (a @_per_generation read) for each of `keys`, in one snapshot and one look into the
        cache: a search asks it of a hundred candidates, and each call's own snapshot and lock
        cost more than the cached answer."""
        keys = list(dict.fromkeys(keys))
        name = read.__wrapped__.__name__
        with self.snapshot() as view:
            generation = view.state.generation
            found, missing = view.derived.per_generation.split(_generation_key(name, generation, key) for key in keys)
            out = {key[2:]: value for key, value in found.items()}
            for key in missing:
                out[key[2:]] = read(self, *key[2:])
        return {key: _handed_out(out[key]) for key in keys}

    def duplicates_of_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
        return self._per_generation_many(IndexStore.duplicates_of, keys)

    def releases(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Release | None]:
        return self._per_generation_many(IndexStore.release, keys)

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
        with self.snapshot() as view:
            out, missing = view.derived.passages.split(int(pid) for pid in ids)
            if missing:
                rows = select_in(self._reader(), lambda marks: (
                    f'SELECT id, release_id, lang, start, "end", text, figures FROM passages WHERE id IN ({marks})'), missing)
                for r in rows:
                    p = _passage(r)
                    view.derived.passages.put(r[0], p)
                    out[r[0]] = p
            return out

    @_per_generation
    def release(self, release_id: str, lang: str) -> Release | None:
        row = self._reader().execute(
            "SELECT release_id, lang, title, ministry, date, url, source, text FROM releases "
            "WHERE release_id=? AND lang=?", (release_id, lang)).fetchone()
        return None if row is None else _release(row)

    @_in_snapshot
    def release_detail(self, release_id: str, lang: str | None = None) -> list[StoredRelease]:
        """Each language version of a release (or only `lang`) with its passages in order and its
        translations, all from one snapshot: never half of a concurrent replacement."""
        sql = "SELECT release_id, lang, title, ministry, date, url, source, text FROM releases WHERE release_id=?"
        args: list = [release_id]
        if lang:
            sql += " AND lang=?"
            args.append(lang)
        out = []
        for row in self._reader().execute(sql + " ORDER BY lang", args).fetchall():
            release = _release(row)
            rows = self._reader().execute(
                'SELECT id, release_id, lang, start, "end", text, figures FROM passages WHERE release_id=? AND lang=? '
                "ORDER BY start, id", (release.release_id, release.lang)).fetchall()
            out.append(StoredRelease(release, [_passage(r) for r in rows],
                                     self.translations_of(release.release_id, release.lang)))
        return out

    @_in_snapshot
    def passage_counts(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """{(release_id, lang): passages stored}, 0 for a release not in the index."""
        return {(rid, lg): self._reader().execute("SELECT COUNT(*) FROM passages WHERE release_id=? AND lang=?",
                                                  (rid, lg)).fetchone()[0] for rid, lg in keys}

    # -- checking ----------------------------------------------------------------------------

    @_in_snapshot
    def check(self) -> IndexCheck:
        """What `vigyapti check` verifies of the current committed state: SQLite's own checks, that
        each base file it points to loads, and that the passages, their stored vectors and keyword
        rows and the FAISS shards searches read name the same ids, language by language. A missing
        base is not lost data (the shards are then built from SQLite), but it is not the state the
        index records, so it is named too."""
        con, view = self._reader(), self._view()
        pointer = BasePointer.read(con)
        found = IndexCheck(view.state.generation, {}, {}, dict(pointer.files))
        said = [row[0] for row in con.execute("PRAGMA integrity_check(20)")]
        if said != ["ok"]:  # the reads below may fail on a damaged file: what SQLite said is the finding
            found.problems += [f"SQLite integrity_check: {' '.join(line.split())}" for line in said]
            found.counted = False
            return found
        orphans = [row[1] for row in con.execute("PRAGMA foreign_key_check(passages)")]
        if orphans:
            found.problems.append(f"passages of no stored release: {_some(orphans)}")
        odd = con.execute("SELECT COUNT(*) FROM passage_vectors WHERE length(vector) NOT IN (?, ?)",
                          (2 * self.stamp.dim, 4 * self.stamp.dim)).fetchone()[0]
        if odd:
            found.problems.append(f"stored vectors not of the index's {self.stamp.dim} dimensions: {odd}")
        for lang, name in sorted(pointer.files.items()):
            if load_index(self.path / name, self.stamp.dim) is None:
                found.problems.append(f"the {lang} vector base {name} is missing or unreadable (searches build "
                                      "those vectors from SQLite until the next compaction saves them again)")
        passages, stored = _ids_by_lang(con, "passages"), _ids_by_lang(con, "passage_vectors")
        shards = self._shards(view)
        for lang in sorted(set(passages) | set(stored) | set(shards.languages())):
            mine, held = passages.get(lang, _NO_IDS), shards.ids(lang)
            found.passages[lang], found.vectors[lang] = len(mine), len(held)
            found.problems += _unpaired(lang, mine, "stored vector", stored.get(lang, _NO_IDS))
            found.problems += _unpaired(lang, mine, "FAISS vector", held)
        keyword = np.fromiter((row[0] for row in con.execute("SELECT rowid FROM passages_fts")), dtype=np.int64)
        found.problems += _unpaired("keyword index", np.sort(np.concatenate([*passages.values(), _NO_IDS])),
                                    "keyword row", keyword)
        return found

    def close(self) -> None:
        compactor = self._compactor
        if compactor is not None:
            compactor.join()  # it ends with a write transaction on the connection about to close
        self._db.close()


_NO_IDS = np.zeros(0, dtype=np.int64)


def _ids_by_lang(con, table: str) -> dict[str, np.ndarray]:
    """{lang: sorted ids} of the passages or their stored vectors."""
    rows = con.execute(f"SELECT lang, id FROM {table} ORDER BY lang, id").fetchall()
    out: dict[str, list[int]] = {}
    for lang, pid in rows:
        out.setdefault(lang, []).append(pid)
    return {lang: np.asarray(ids, dtype=np.int64) for lang, ids in out.items()}


def _unpaired(where: str, passages: np.ndarray, what: str, held: np.ndarray) -> list[str]:
    """Passages without their `what`, and `what`s without a passage, as problems in words."""
    lacking, stray = np.setdiff1d(passages, held), np.setdiff1d(held, passages)
    return ([f"{where}: passages without a {what}: {_some(lacking)}"] if len(lacking) else []) + (
        [f"{where}: {what}s without a passage: {_some(stray)}"] if len(stray) else [])


def _some(ids) -> str:
    """How many ids, and the first few, for a message."""
    shown = ", ".join(str(int(i)) for i in list(ids)[:5])
    return f"{len(ids)} (id {shown}" + (f" and {len(ids) - 5} more)" if len(ids) > 5 else ")")


class _Superseded(Exception):
    """Another compaction committed first: this one's files are left for the next cleanup."""


def _passage(row) -> Passage:
    return Passage(release_id=row[1], lang=row[2], start=row[3], end=row[4], text=row[5],
                   figures=figures_from_json(row[6]), passage_id=row[0])


def _release(row) -> Release:
    return Release(release_id=row[0], lang=row[1], title=row[2], ministry=row[3], date=row[4],
                   url=row[5], source=row[6], text=row[7])
