"""The query log: what was asked, how it went, and what users said about it (issue 5).

Its own SQLite file (VIGYAPTI_QUERYLOG, default querylog.db beside the index folder), so it
survives index rebuilds. Client addresses are stored only as a keyed hash (bot.security.ClientHasher).
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS queries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL, ts REAL NOT NULL, question TEXT NOT NULL, lang TEXT,
    filters TEXT NOT NULL, top_release TEXT, answered INTEGER NOT NULL, latency_ms REAL NOT NULL,
    hits INTEGER NOT NULL, client TEXT
);
CREATE INDEX IF NOT EXISTS queries_request ON queries (request_id);
CREATE INDEX IF NOT EXISTS queries_ts ON queries (ts);
CREATE TABLE IF NOT EXISTS feedback (
    request_id TEXT PRIMARY KEY, ts REAL NOT NULL, helpful INTEGER NOT NULL, comment TEXT
);
"""


class QueryLog:
    """Questions are queued and written in batches by one thread: answering never waits for the
    disk, and a burst of questions costs one transaction, not one each."""

    FLUSH_SECONDS = 0.5

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._pending: list[tuple] = []
        self._wake = threading.Event()
        self._closed = False
        self._writer = threading.Thread(target=self._write_loop, name="querylog-writer", daemon=True)
        self._writer.start()

    def record(self, *, request_id: str, question: str, lang: str | None, filters: dict, top_release: str | None,
               answered: bool, latency_ms: float, hits: int, client: str | None) -> None:
        row = (request_id, time.time(), question, lang, json.dumps(filters, ensure_ascii=False, sort_keys=True),
               top_release, int(answered), round(latency_ms, 2), hits, client)
        with self._lock:
            self._pending.append(row)
        if len(self._pending) >= 100:
            self._wake.set()

    def flush(self) -> None:
        with self._lock:
            rows, self._pending = self._pending, []
            if rows and not self._closed:
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT INTO queries (request_id, ts, question, lang, filters, top_release, answered, latency_ms, "
                    "hits, client) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
                self._db.execute("COMMIT")

    def _write_loop(self) -> None:
        while not self._closed:
            self._wake.wait(self.FLUSH_SECONDS)
            self._wake.clear()
            try:
                self.flush()
            except sqlite3.Error:  # a full disk loses log lines, never answers
                pass

    def add_feedback(self, request_id: str, helpful: bool, comment: str | None) -> bool:
        """False when no question was logged under this request id."""
        self.flush()  # the question may still be queued
        with self._lock:
            if self._db.execute("SELECT 1 FROM queries WHERE request_id=?", (request_id,)).fetchone() is None:
                return False
            self._db.execute(
                "INSERT INTO feedback VALUES (?,?,?,?) ON CONFLICT (request_id) DO UPDATE SET "
                "ts=excluded.ts, helpful=excluded.helpful, comment=excluded.comment",
                (request_id, time.time(), int(helpful), comment))
            return True

    def close(self) -> None:
        self.flush()
        with self._lock:
            self._closed = True
            self._db.close()
        self._wake.set()


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
        rows = con.execute(f"SELECT question, answered, latency_ms, lang FROM queries {where}", args).fetchall()
        fb = con.execute(
            f"SELECT f.helpful, COUNT(*) FROM feedback f {where.replace('ts', 'f.ts')} GROUP BY f.helpful",
            args).fetchall()
    finally:
        con.close()
    counts: dict[str, list] = {}
    for q, answered, _, _ in rows:
        key = " ".join(q.casefold().split())
        c = counts.setdefault(key, [q, 0, 0])
        c[1] += 1
        c[2] += answered
    latencies = sorted(r[2] for r in rows)
    langs: dict[str, int] = {}
    for r in rows:
        langs[r[3] or "-"] = langs.get(r[3] or "-", 0) + 1
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
        "feedback": {"helpful": feedback.get("helpful", 0), "not_helpful": feedback.get("not_helpful", 0)},
        "top_questions": [{"question": q, "count": k, "answered": a}
                          for q, k, a in sorted(counts.values(), key=lambda c: (-c[1], c[0]))[:top]],
    }
