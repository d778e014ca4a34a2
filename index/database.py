"""The SQLite side of the store: the schema, the stamp of what built an index, write transactions,
read snapshots, and swapping in a rebuilt index.

SQLite is the one source of truth. Every change is one transaction that bumps `generation`, so a
generation names one committed state. `index_id` names one built index: `vigyapti ingest
--rebuild` copies a fresh index into the live file in one transaction, which gives it a new
index_id, and a process that sees another index_id drops everything it derived from the old one.
The file itself is never renamed or deleted under a running server.
"""
from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.lexical import FTS5_TOKENIZER
from index.links import LINKS_SCHEMA

SCHEMA_VERSION = 2
DB_NAME = "index.db"
BUSY_TIMEOUT = 60.0  # seconds a write waits for another process's transaction (or a rebuild's copy)
WRITER_CACHE_KB = 262_144  # the write connection's page cache: a bulk write's index pages stay in memory
VECTORS_TABLE_KEY = "vectors_table"  # meta: the vectors are in passage_vectors (set once they are)
LATIN_TERMS_KEY = "latin_terms"  # meta: latin_terms holds every stored passage's (set once it does)

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
    figures TEXT NOT NULL,
    FOREIGN KEY (release_id, lang) REFERENCES releases (release_id, lang) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS passages_release ON passages (release_id, lang);
CREATE INDEX IF NOT EXISTS passages_lang ON passages (lang);
-- A passage's vector (fp16), apart from its text: a compaction scans vectors only, and a search
-- re-scoring its candidates reads 800-byte rows, not whole passages. Same id as the passage.
CREATE TABLE IF NOT EXISTS passage_vectors (id INTEGER PRIMARY KEY, lang TEXT NOT NULL, vector BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS vector_tombstones (passage_id INTEGER PRIMARY KEY, generation INTEGER NOT NULL);
-- The Latin terms by consonant skeleton (index/loanwords.py): a Hindi question's loanwords looked up.
CREATE TABLE IF NOT EXISTS latin_terms (skeleton TEXT NOT NULL, term TEXT NOT NULL, PRIMARY KEY (skeleton, term)) WITHOUT ROWID;
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


@dataclass(frozen=True)
class CommittedState:
    """Which index, and which of its committed states, a snapshot or a write sees."""

    index_id: str
    generation: int


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


def committed_state(con: sqlite3.Connection) -> CommittedState:
    meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('generation', 'index_id')").fetchall())
    return CommittedState(meta.get("index_id", ""), int(meta.get("generation", 0)))


def check_stamp(con: sqlite3.Connection, path: Path, stamp: IndexStamp) -> None:
    row = con.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
    built = IndexStamp.from_json(row[0]) if row else stamp
    if built != stamp:
        raise stamp_mismatch(built, stamp, f"in {path}", rebuild_advice(path))


def rebuild_advice(path: Path) -> str:
    """What to do about an index built with another model or settings than this run's."""
    return (f"Rebuild it with `vigyapti ingest --rebuild PATH...` (or delete {path}), or set VIGYAPTI_MODEL / "
            "VIGYAPTI_INDEX_DIR to match.")


def stamp_mismatch(built: IndexStamp, stamp: IndexStamp, where: str, remedy: str) -> IndexMismatchError:
    return IndexMismatchError(
        f"The index {where} was built with model {built.model!r} (dim {built.dim}, "
        f"passages {built.passage_settings}, schema {built.schema}), but this run uses "
        f"model {stamp.model!r} (dim {stamp.dim}, passages {stamp.passage_settings}, "
        f"schema {stamp.schema}). {remedy}"
    )


class IndexDatabase:
    """One write connection (writes serialised by a lock here and by SQLite across processes) and
    one read connection per thread (WAL gives each a consistent committed snapshot)."""

    def __init__(self, path: Path, stamp: IndexStamp, *, read_only: bool = False):
        """`read_only`: an existing index, read and never written (`vigyapti check`): no folder,
        schema or stamp is made, every connection is SQLite's read-only one, and a write raises."""
        self.path = Path(path)
        self.stamp = stamp
        self.read_only = read_only
        self.lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        if read_only:
            if not (self.path / DB_NAME).is_file():
                raise FileNotFoundError(f"no index in {self.path} (no {DB_NAME})")
            self.writer = None
            return
        self.path.mkdir(parents=True, exist_ok=True)
        self.writer = self._connect()
        self.writer.execute("PRAGMA journal_mode=WAL")
        self.writer.execute("PRAGMA synchronous=FULL")
        self.writer.execute("PRAGMA foreign_keys=ON")
        self.writer.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KB}")
        with self.transaction() as con:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                con.execute(statement)
            for statement in filter(str.strip, LINKS_SCHEMA.split(";")):
                con.execute(statement)
            con.execute(_FTS_SCHEMA)
            con.execute(_VOCAB_SCHEMA)
            con.execute("INSERT OR IGNORE INTO meta VALUES ('stamp', ?)", (stamp.to_json(),))
            con.execute("INSERT OR IGNORE INTO meta VALUES ('generation', '0')")
            con.execute("INSERT OR IGNORE INTO meta VALUES ('index_id', ?)", (uuid.uuid4().hex,))
            check_stamp(con, self.path, stamp)
            _vectors_to_own_table(con)
            _latin_terms_of_older_index(con)

    def next_passage_id(self, con: sqlite3.Connection) -> int:
        """The id AUTOINCREMENT would give the next passage (above every id ever used), so that a
        batch's rows can be inserted with their ids in a few statements."""
        seq = con.execute("SELECT seq FROM sqlite_sequence WHERE name='passages'").fetchone()
        top = con.execute("SELECT MAX(id) FROM passages").fetchone()[0]
        return max(seq[0] if seq else 0, top or 0) + 1

    def _connect(self) -> sqlite3.Connection:
        db = self.path / DB_NAME
        where, uri = (f"{db.resolve().as_uri()}?mode=ro", True) if self.read_only else (db, False)
        return sqlite3.connect(where, uri=uri, check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT)

    @contextmanager
    def transaction(self):
        """One write transaction on the write connection, committed or rolled back as a whole."""
        if self.writer is None:
            raise sqlite3.OperationalError(f"the index in {self.path} was opened read-only")
        with self.lock:
            con = self.writer
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def reader(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._connect()
            con.execute("PRAGMA query_only=ON")
            self._local.con = con
            with self._readers_lock:
                self._readers.append(con)
        return con

    @contextmanager
    def read_transaction(self):
        """This thread's reads inside see one committed state; yields it."""
        con = self.reader()
        con.execute("BEGIN")
        try:
            yield committed_state(con)  # the first read fixes the snapshot
        finally:
            con.execute("COMMIT")

    def close(self) -> None:
        with self.lock, self._readers_lock:
            for con in self._readers:
                con.close()
            self._readers.clear()
            if self.writer is not None:
                self.writer.close()


def _vectors_to_own_table(con: sqlite3.Connection) -> None:
    """Move an index written before passage_vectors existed (its vectors in passages.vector) to
    that table, in the opening transaction: one copy, once."""
    if has_vector_column(con) and con.execute("SELECT 1 FROM meta WHERE key=?", (VECTORS_TABLE_KEY,)).fetchone() is None:
        con.execute("INSERT INTO passage_vectors (id, lang, vector) SELECT id, lang, vector FROM passages ORDER BY id")
    con.execute("INSERT OR IGNORE INTO meta VALUES (?, '1')", (VECTORS_TABLE_KEY,))


def _latin_terms_of_older_index(con: sqlite3.Connection) -> None:
    """Fill `latin_terms` from the keyword index's vocabulary for an index written before the table
    was kept (in the opening transaction: one pass over the vocabulary, once)."""
    if con.execute("SELECT 1 FROM meta WHERE key=?", (LATIN_TERMS_KEY,)).fetchone() is None:
        from index.keywordstore import add_latin_terms

        add_latin_terms(con, (term for term, in con.execute("SELECT term FROM passages_vocab")))
    con.execute("INSERT OR IGNORE INTO meta VALUES (?, '1')", (LATIN_TERMS_KEY,))


def has_vector_column(con: sqlite3.Connection) -> bool:
    """Whether passages still has the column of an index moved to passage_vectors (new rows put an
    empty blob there; nothing reads it). Asked per write: a rebuild swapped in has no such column."""
    return "vector" in {row[1] for row in con.execute("PRAGMA table_info(passages)")}


def swap_in_rebuilt(staged: Path, target: Path) -> None:
    """Make the index at `target` the one built in `staged`, in one transaction of `target`'s file.

    Processes serving `target` keep their connections: they see the old index or the new one (a new
    index_id), and their later writes go to the new one. Renaming the directory instead left them
    reading, and writing into, files that were then deleted.
    """
    staged, target = Path(staged), Path(target)
    if not (target / DB_NAME).exists():
        shutil.rmtree(target, ignore_errors=True)
        staged.rename(target)
        return
    from index.vectorcache import BASE_PREFIX

    # The staged bases are named by the new index id, so they go beside the live ones before it is
    # live (the old index's are removed at a later open or compaction).
    for base in staged.glob(f"{BASE_PREFIX}*.faiss"):
        base.replace(target / base.name)
    source = sqlite3.connect(staged / DB_NAME)  # a fresh index: its own index_id
    live = sqlite3.connect(target / DB_NAME, timeout=BUSY_TIMEOUT)
    try:
        source.backup(live)  # all pages in one step: one write transaction on the live file
    finally:
        source.close()
        live.close()
    shutil.rmtree(staged, ignore_errors=True)


def vector_blob(vector) -> bytes:
    """A passage vector as stored: half precision, the one stored form (the exact bases hold the
    same fp16 values, the approximate ones 8-bit codes of them)."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def blob_vector(blob: bytes, dim: int):
    """A stored vector as float32; an index written before vectors were fp16 holds float32 blobs."""
    dtype = np.float16 if len(blob) == 2 * dim else np.float32
    return np.frombuffer(blob, dtype=dtype).astype(np.float32)


def blob_matrix(blobs: list[bytes], dim: int) -> np.ndarray:
    """Stored vectors as one float32 matrix (one conversion for all rows when all are fp16)."""
    if all(len(b) == 2 * dim for b in blobs):
        return np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), dim).astype(np.float32)
    return np.vstack([blob_vector(b, dim) for b in blobs]) if blobs else np.zeros((0, dim), np.float32)
