"""Each passage sentence's own e5 vector, for choosing the answer sentence (index/search/answer.py).

A passage's vector cannot tell its sentences apart, and the question's words do not always stand in
the sentence that answers: they are in the other language, or the figure's sentence says what it
counts in other words ("Cargo transported till date is around 795.86 tons" for "कितने टन मेडिकल
कार्गो ढोया गया"). A sentence's closeness to the question in meaning tells them apart.

The vectors are a cache by the sentence's text, not by a passage id, so they serve whichever store
holds the index and never have to agree with it: the bundled corpus's sentences are shipped
(`vigyapti model bundle-vectors --sentences`), ingest encodes a new release's and keeps them in the
index's folder (a SQLite file, a row a sentence: written as they come, read by key), and a sentence
held by neither is encoded when an answer first needs it. Which of the three gave a vector never
changes an answer, only how long the first one takes.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.embeddings import Embedder
from index.inlists import select_in
from index.knownvectors import VECTORS_DIR, KnownVectors, VectorsStamp, text_key
from index.segment import split_sentences

log = logging.getLogger("vigyapti")

SHIPPED_SENTENCES = VECTORS_DIR / "multilingual-e5-small-sentences.npz"
INDEX_FILE = "sentence-vectors.db"  # in the index's folder: the sentences encoded for it
_BUSY_TIMEOUT = 30.0


def sentence_texts(text: str, lang: str) -> list[str]:
    """A passage's sentences as the answer sentence is chosen among them (index/search/analysis.py, analyse)."""
    return [text[s.start:s.end] for s in split_sentences(text, lang)]


def model_stamp(embedder: Embedder) -> VectorsStamp:
    """What decides a sentence's vector: the model's weights. Unlike a passage's, not the code path
    that ran them (torch bf16 on an AMX CPU, int8 on Intel's without): the paths of one model differ
    by far less than two sentences of a passage do, and a passage's int8 vector already meets a
    float32 question. Without known weights (a model folder we did not build) no file made
    elsewhere is used."""
    identity = embedder.model_identity or {}
    model = {"name": embedder.name, "model": identity.get("model"), "model_format": identity.get("model_format")}
    return VectorsStamp(json.dumps(model, sort_keys=True), json.dumps({"unit": "sentence"}), embedder.dim)


def _signed(key: int) -> int:
    """A 64-bit text key as SQLite's signed INTEGER."""
    return key - (1 << 64) if key >= 1 << 63 else key


def _quantised(v: np.ndarray) -> tuple[float, bytes]:
    scale = max(float(np.abs(v).max()), 1e-12) / 127
    return scale, np.round(v / scale).astype(np.int8).tobytes()


class KeptSentences:
    """The index folder's sentence vectors, int8 with a scale each. Another process's writes (an
    ingest beside a running server) are read as soon as they are committed. A file of another model
    is emptied; a broken one is replaced: it only ever holds what can be encoded again."""

    def __init__(self, path: Path, stamp: VectorsStamp):
        self.path = Path(path)
        self.stamp = stamp
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            try:
                self._con = self._open()
            except sqlite3.DatabaseError as exc:  # not a database, or a damaged one
                log.warning("sentence vectors %s unreadable (%s): starting it again", self.path, exc)
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                self._con = self._open()
        return self._con

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=_BUSY_TIMEOUT)
        try:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            con.execute("CREATE TABLE IF NOT EXISTS vectors (key INTEGER PRIMARY KEY, scale REAL NOT NULL, "
                        "vector BLOB NOT NULL)")
            wanted = json.dumps(dataclasses.asdict(self.stamp), sort_keys=True)
            row = con.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
            if row is None or row[0] != wanted:
                if row is not None:
                    log.info("sentence vectors %s were made by another model: emptied", self.path)
                con.execute("BEGIN IMMEDIATE")
                con.execute("DELETE FROM vectors")
                con.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (wanted,))
                con.execute("COMMIT")
        except BaseException:
            con.close()
            raise
        return con

    def get_many(self, keys: Sequence[int]) -> dict[int, np.ndarray]:
        """{key: float32 unit vector} for the keys held."""
        out: dict[int, np.ndarray] = {}
        by_signed = {_signed(k): k for k in keys}
        signed = list(by_signed)
        with self._lock:
            con = self._connection()
            for key, scale, blob in select_in(con, lambda marks: (
                    f"SELECT key, scale, vector FROM vectors WHERE key IN ({marks})"), signed):
                v = np.frombuffer(blob, dtype=np.int8).astype(np.float32) * scale
                out[by_signed[key]] = v / max(float(np.linalg.norm(v)), 1e-12)
        return out

    def put_many(self, vectors: dict[int, np.ndarray]) -> None:
        rows = [(_signed(k), *_quantised(v)) for k, v in vectors.items()]
        with self._lock:
            con = self._connection()
            con.execute("BEGIN IMMEDIATE")
            try:
                con.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def merge_into(self, target: Path) -> int:
        """Add this file's vectors to `target`'s (a rebuilt index's, into the live one's); returns
        the rows added."""
        with self._lock:
            rows = self._connection().execute("SELECT key, scale, vector FROM vectors").fetchall()
        other = KeptSentences(target, self.stamp)
        try:
            with other._lock:
                con = other._connection()
                con.execute("BEGIN IMMEDIATE")
                before = con.total_changes
                con.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)", rows)
                con.execute("COMMIT")
                return con.total_changes - before
        finally:
            other.close()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


class SentenceVectors:
    """Sentence text → unit vector: the shipped file, the index's own, then the embedder."""

    def __init__(self, embedder: Embedder, path: Path | None = None,
                 shipped: Sequence[Path] = (SHIPPED_SENTENCES,)):
        self.embedder = embedder
        self.stamp = model_stamp(embedder)
        self.kept = KeptSentences(path, self.stamp) if path is not None else None
        self.shipped_paths = [Path(p) for p in shipped]
        self._lock = threading.Lock()
        self._shipped: list[KnownVectors] | None = None  # read on first use
        self._memory: dict[int, np.ndarray] = {}  # encoded here, where there is no file to keep them
        self.encoded = 0  # sentences this process has encoded

    def load(self) -> int:
        """Read the shipped file now (a server warms up with it); returns the vectors it holds."""
        return sum(len(k) for k in self._shipped_files())

    def _shipped_files(self) -> list[KnownVectors]:
        with self._lock:
            if self._shipped is None:
                found = (KnownVectors.load(p, self.stamp) for p in self.shipped_paths if p.exists())
                self._shipped = [k for k in found if k is not None]
            return self._shipped

    def _held(self, keys: Sequence[int]) -> dict[int, np.ndarray]:
        found: dict[int, np.ndarray] = {}
        shipped = self._shipped_files()
        for key in keys:
            v = self._memory.get(key)
            if v is None:
                v = next((got for known in shipped if (got := known.get(key)) is not None), None)
            if v is not None:
                found[key] = v
        rest = [k for k in keys if k not in found]
        if rest and self.kept is not None:
            try:
                found.update(self.kept.get_many(rest))
            except sqlite3.Error as exc:  # a file damaged or locked meanwhile: encode, and keep in memory
                self._lose_kept(exc)
        return found

    def _lose_kept(self, exc: Exception) -> None:
        """The index folder's file failed while this process used it: the answers go on without it."""
        log.warning("sentence vectors %s failed (%s): kept in memory from now on", self.kept.path, exc)
        self.kept.close()
        self.kept = None

    def missing(self, texts: Sequence[str]) -> list[str]:
        """The distinct texts held nowhere: what an ingest should encode (elsewhere, on Ray)."""
        unique = list(dict.fromkeys(texts))
        held = self._held([text_key(t) for t in unique])
        return [t for t in unique if text_key(t) not in held]

    def keep(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Keep vectors encoded elsewhere (as passages, by this model) for their texts."""
        self._keep({text_key(t): np.asarray(v, dtype=np.float32) for t, v in zip(texts, vectors)})

    def _keep(self, new: dict[int, np.ndarray]) -> None:
        if self.kept is not None:
            try:
                self.kept.put_many(new)
            except sqlite3.Error as exc:
                self._lose_kept(exc)
        if self.kept is None:
            with self._lock:
                self._memory.update(new)
        with self._lock:
            self.encoded += len(new)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, in order; texts held nowhere are encoded as passages and kept."""
        keys = [text_key(t) for t in texts]
        held = self._held(keys)
        wanted = {k: t for t, k in zip(texts, keys) if k not in held}  # each text once
        if wanted:
            new = dict(zip(wanted, self.embedder.encode_passages(list(wanted.values()))))
            self._keep(new)
            held.update(new)
        out = np.empty((len(texts), self.stamp.dim), dtype=np.float32)
        for i, key in enumerate(keys):
            out[i] = held[key]
        return out

    def close(self) -> None:
        if self.kept is not None:
            self.kept.close()


def keep_rebuilt_sentences(staged_dir: Path, live_dir: Path, embedder: Embedder) -> int:
    """Before a rebuilt index (in `staged_dir`) replaces the live one: the sentences it encoded join
    the live folder's file, which a server on it reads as it goes (a first build takes the folder
    whole). Returns the sentences added."""
    staged, live = Path(staged_dir) / INDEX_FILE, Path(live_dir)
    if not staged.exists() or not live.is_dir():
        return 0
    kept = KeptSentences(staged, model_stamp(embedder))
    try:
        return kept.merge_into(live / INDEX_FILE)
    finally:
        kept.close()
