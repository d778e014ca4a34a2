"""The query log: what was asked, through which channel, how it went, and what users said about it.

Its own SQLite file (VIGYAPTI_QUERYLOG, default querylog.db beside the index folder), so it
survives index rebuilds. Feedback names a question by its answer id, the server's own: a request id
may be the client's, and clients repeat theirs. Client addresses are stored only as a keyed hash (bot.security.ClientHasher).
Questions older than VIGYAPTI_QUERYLOG_RETENTION_DAYS are pruned, with their feedback.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("vigyapti")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS queries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL, ts REAL NOT NULL, question TEXT NOT NULL, lang TEXT,
    filters TEXT NOT NULL, top_release TEXT, answered INTEGER NOT NULL, latency_ms REAL NOT NULL,
    hits INTEGER NOT NULL, client TEXT, channel TEXT, answer_id TEXT
);
CREATE INDEX IF NOT EXISTS queries_request ON queries (request_id);
CREATE INDEX IF NOT EXISTS queries_ts ON queries (ts);
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT PRIMARY KEY, ts REAL NOT NULL, helpful INTEGER NOT NULL, comment TEXT
);
"""
_INSERT = ("INSERT INTO queries (answer_id, request_id, ts, question, lang, filters, top_release, answered, "
           "latency_ms, hits, client, channel) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")


class QueryLog:
    """Questions are queued and written in batches by one thread: answering never waits for the
    disk, and a burst of questions costs one transaction, not one each.

    A batch that fails is rolled back and written row by row: a row SQLite refuses is dropped (and
    logged); when the file itself cannot be written (locked, read-only, full), the rows wait for the
    next flush, up to MAX_PENDING of them."""

    FLUSH_SECONDS = 0.5
    PRUNE_SECONDS = 3600.0
    MAX_PENDING = 100_000

    def __init__(self, path: Path, *, retention_days: float | None = None, busy_timeout: float = 10.0):
        self.path = Path(path)
        self.retention_days = retention_days
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=busy_timeout)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        with self._transaction():  # another process opening the file meanwhile waits, then finds it done
            self._upgrade()
        self._pending: list[tuple] = []
        self._wake = threading.Event()
        self._closed = False
        self._writer = threading.Thread(target=self._write_loop, name="querylog-writer", daemon=True)
        self._writer.start()

    def _upgrade(self) -> None:
        """Bring a log an older version wrote up to this schema."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(queries)")}
        if "channel" not in columns:  # a log written before questions came from several channels
            self._db.execute("ALTER TABLE queries ADD COLUMN channel TEXT")
        if "answer_id" not in columns:  # before answers had ids: their questions keep none
            self._db.execute("ALTER TABLE queries ADD COLUMN answer_id TEXT")
        if "request_id" in {row[1] for row in self._db.execute("PRAGMA table_info(feedback)")}:
            # Its rows named request ids; they still count in the stats and are pruned with the rest.
            self._db.execute("ALTER TABLE feedback RENAME COLUMN request_id TO answer_id")
        self._db.execute("CREATE UNIQUE INDEX IF NOT EXISTS queries_answer ON queries (answer_id)")

    def record(self, *, answer_id: str, request_id: str, question: str, lang: str | None, filters: dict, top_release: str | None,
               answered: bool, latency_ms: float, hits: int, client: str | None, channel: str = "http") -> None:
        row = (answer_id, request_id, time.time(), question, lang, json.dumps(filters, ensure_ascii=False, sort_keys=True),
               top_release, int(answered), round(latency_ms, 2), hits, client, channel)
        with self._lock:
            if self._closed:
                return
            self._pending.append(row)
            if len(self._pending) > self.MAX_PENDING:  # the disk has refused rows for a long while
                del self._pending[: len(self._pending) - self.MAX_PENDING]
            if len(self._pending) >= 100:
                self._wake.set()

    def flush(self) -> None:
        """Write what is queued. Never raises for SQLite's sake: failures are logged."""
        with self._lock:
            rows, self._pending = self._pending, []
            if not rows or self._closed:
                return
            try:
                with self._transaction():
                    self._db.executemany(_INSERT, rows)
                return
            except sqlite3.Error as exc:
                log.warning("query log: a batch of %d rows failed (%s); writing them one by one", len(rows), exc)
            for i, row in enumerate(rows):
                try:
                    self._db.execute(_INSERT, row)
                except (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError) as exc:
                    log.warning("query log: dropped a row SQLite refused (request %s): %s", row[1], exc)
                except sqlite3.Error as exc:  # the file, not the row: keep the rest for the next flush
                    log.warning("query log: %d rows wait for the next flush, the file cannot be written "
                                "now (%s)", len(rows) - i, exc)
                    self._pending[:0] = rows[i:]
                    return

    @contextmanager
    def _transaction(self):
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:  # never leave the connection inside a failed transaction
                self._db.execute("ROLLBACK")
            raise

    def prune(self, now: float | None = None) -> int:
        """Delete questions (and their feedback) older than the retention; returns how many."""
        if not self.retention_days:
            return 0
        cutoff = (time.time() if now is None else now) - self.retention_days * 86400
        with self._lock:
            if self._closed:
                return 0
            with self._transaction():
                self._db.execute("DELETE FROM feedback WHERE ts < ?", (cutoff,))
                return self._db.execute("DELETE FROM queries WHERE ts < ?", (cutoff,)).rowcount

    def _write_loop(self) -> None:
        next_prune = 0.0
        while not self._closed:
            try:
                if self.retention_days and time.monotonic() >= next_prune:
                    next_prune = time.monotonic() + self.PRUNE_SECONDS
                    n = self.prune()
                    if n:
                        log.info("query log: pruned %d questions older than %g days", n, self.retention_days)
                self.flush()
            except Exception as exc:  # noqa: BLE001 - the writer must outlive one bad moment of the disk
                log.warning("query log: %s", exc)
            self._wake.wait(self.FLUSH_SECONDS)
            self._wake.clear()

    def writer_alive(self) -> bool:
        return self._writer.is_alive()

    def add_feedback(self, answer_id: str, helpful: bool, comment: str | None) -> bool:
        """False when no question was logged under this answer id."""
        self.flush()  # the question may still be queued
        with self._lock:
            if self._closed:
                return False
            if self._db.execute("SELECT 1 FROM queries WHERE answer_id=?", (answer_id,)).fetchone() is None:
                return False
            self._db.execute(
                "INSERT INTO feedback (answer_id, ts, helpful, comment) VALUES (?,?,?,?) ON CONFLICT (answer_id) "
                "DO UPDATE SET ts=excluded.ts, helpful=excluded.helpful, comment=excluded.comment",
                (answer_id, time.time(), int(helpful), comment))
            return True

    def close(self) -> None:
        """Write the last queued rows, stop the writer and close the file. Safe to call twice."""
        self.flush()
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._wake.set()
        self._writer.join(timeout=30)
        with self._lock:
            self._db.close()


def _percentile(sorted_values: list[float], q: float) -> float | None:
    if not sorted_values:
        return None
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[i]


def summarize(path: Path, *, since_days: float | None = None, top: int = 10) -> dict:
    """Top questions, no-answer rate, p50/p99 latency, feedback — what `vigyapti stats` prints."""
    con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        where, args = ("WHERE ts >= ?", [time.time() - since_days * 86400]) if since_days else ("", [])
        has_channel = any(r[1] == "channel" for r in con.execute("PRAGMA table_info(queries)"))
        channel = "channel" if has_channel else "'http'"  # a log from before the bot asked through it
        rows = con.execute(f"SELECT question, answered, latency_ms, lang, {channel} FROM queries {where}",
                           args).fetchall()
        fb = con.execute(
            f"SELECT f.helpful, COUNT(*) FROM feedback f {where.replace('ts', 'f.ts')} GROUP BY f.helpful",
            args).fetchall()
    finally:
        con.close()
    counts: dict[str, list] = {}
    for q, answered, *_ in rows:
        key = " ".join(q.casefold().split())
        c = counts.setdefault(key, [q, 0, 0])
        c[1] += 1
        c[2] += answered
    latencies = sorted(r[2] for r in rows)
    langs: dict[str, int] = {}
    for r in rows:
        langs[r[3] or "-"] = langs.get(r[3] or "-", 0) + 1
    channels: dict[str, int] = {}
    for r in rows:
        channels[r[4] or "http"] = channels.get(r[4] or "http", 0) + 1
    n = len(rows)
    unanswered = sum(1 for r in rows if not r[1])
    feedback = {("helpful" if h else "not_helpful"): c for h, c in fb}
    return {
        "queries": n,
        "no_answer": unanswered,
        "no_answer_rate": round(unanswered / n, 4) if n else None,
        "latency_ms": {"p50": _percentile(latencies, 0.50), "p99": _percentile(latencies, 0.99),
                       "max": latencies[-1] if latencies else None},
        "languages": langs,
        "channels": channels,
        "feedback": {"helpful": feedback.get("helpful", 0), "not_helpful": feedback.get("not_helpful", 0)},
        "top_questions": [{"question": q, "count": k, "answered": a}
                          for q, k, a in sorted(counts.values(), key=lambda c: (-c[1], c[0]))[:top]],
    }
