"""The query log against real SQLite failures: a row that breaks a constraint, a file another
process holds locked, retention of old questions, and closing with the app."""
from __future__ import annotations

import logging
import socket
import sqlite3
import time

import pytest

from bot.querylog import QueryLog


def entry(n: int, **kw) -> dict:
    row = dict(answer_id=f"ans-{n}", request_id=f"req-{n}", question=f"question {n}", lang="en", filters={"top_k": 5},
               top_release="2184082", answered=True, latency_ms=12.5, hits=5, client="abc")
    row.update(kw)
    return row


def stored(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT request_id FROM queries ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def qlog(tmp_path):
    log = QueryLog(tmp_path / "querylog.db", busy_timeout=0.2)
    yield log
    log.close()


def test_a_bad_row_is_dropped_and_the_rest_of_its_batch_kept(qlog, caplog):
    qlog.record(**entry(1))
    qlog.record(**entry(2, question=None))  # NOT NULL: SQLite refuses this row
    qlog.record(**entry(3))
    with caplog.at_level(logging.WARNING, logger="vigyapti"):
        qlog.flush()
    assert stored(qlog.path) == ["req-1", "req-3"]
    assert any("query log" in r.getMessage() and "dropped" in r.getMessage() for r in caplog.records)
    qlog.record(**entry(4))  # the connection is usable again: no transaction left open
    qlog.flush()
    assert stored(qlog.path) == ["req-1", "req-3", "req-4"]


def test_a_locked_file_keeps_the_rows_for_the_next_flush(qlog, caplog):
    other = sqlite3.connect(qlog.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process writing: our writes cannot get the lock
    try:
        qlog.record(**entry(1))
        qlog.record(**entry(2))
        with caplog.at_level(logging.WARNING, logger="vigyapti"):
            qlog.flush()  # logs, rolls back, raises nothing
        assert any("query log" in r.getMessage() and "locked" in r.getMessage() for r in caplog.records)
    finally:
        other.execute("ROLLBACK")
        other.close()
    qlog.record(**entry(3))
    qlog.flush()
    assert stored(qlog.path) == ["req-1", "req-2", "req-3"]


def test_questions_older_than_the_retention_are_pruned(tmp_path):
    path = tmp_path / "querylog.db"
    first = QueryLog(path)
    first.record(**entry(1))
    first.close()
    con = sqlite3.connect(path)  # a question asked 40 days ago, with its feedback
    con.execute("INSERT INTO queries (request_id, ts, question, lang, filters, answered, latency_ms, hits) "
                "VALUES ('old', ?, 'an old question', 'en', '{}', 1, 10, 1)", (time.time() - 40 * 86400,))
    con.execute("INSERT INTO feedback VALUES ('old', ?, 1, 'thanks')", (time.time() - 40 * 86400,))
    con.commit()
    con.close()
    assert stored(path) == ["req-1", "old"]

    log = QueryLog(path, retention_days=30)  # pruned when opened, then periodically
    try:
        deadline = time.time() + 10
        while "old" in stored(path) and time.time() < deadline:
            time.sleep(0.05)
        assert stored(path) == ["req-1"]
        con = sqlite3.connect(path)
        assert con.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 0
        con.close()
        log.record(**entry(2))
        log.flush()
        assert log.prune(now=time.time() + 31 * 86400) == 2  # both are now past 30 days
        assert stored(path) == []
    finally:
        log.close()


def test_feedback_names_one_answer_when_request_ids_repeat(qlog):
    qlog.record(**entry(1, request_id="same"))
    qlog.record(**entry(2, request_id="same"))  # a client that sends one X-Request-ID every time
    assert qlog.add_feedback("ans-2", False, "wrong figure")
    assert not qlog.add_feedback("same", True, None)  # a request id names no answer
    con = sqlite3.connect(qlog.path)
    try:
        rows = con.execute("SELECT q.question, f.helpful, f.comment FROM feedback f "
                           "JOIN queries q ON q.answer_id = f.answer_id").fetchall()
    finally:
        con.close()
    assert rows == [("question 2", 0, "wrong figure")]


def test_a_log_an_older_version_wrote_is_upgraded_and_keeps_its_feedback(tmp_path):
    path = tmp_path / "querylog.db"
    con = sqlite3.connect(path)  # the schema before answers had ids, with a question and its feedback
    con.executescript("""
        CREATE TABLE queries (id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL, ts REAL NOT NULL,
            question TEXT NOT NULL, lang TEXT, filters TEXT NOT NULL, top_release TEXT, answered INTEGER NOT NULL,
            latency_ms REAL NOT NULL, hits INTEGER NOT NULL, client TEXT);
        CREATE TABLE feedback (request_id TEXT PRIMARY KEY, ts REAL NOT NULL, helpful INTEGER NOT NULL, comment TEXT);
    """)
    con.execute("INSERT INTO queries (request_id, ts, question, filters, answered, latency_ms, hits) "
                "VALUES ('old', ?, 'an old question', '{}', 1, 10, 1)", (time.time(),))
    con.execute("INSERT INTO feedback VALUES ('old', ?, 1, 'thanks')", (time.time(),))
    con.commit()
    con.close()
    log = QueryLog(path)
    try:
        log.record(**entry(1))
        assert log.add_feedback("ans-1", False, None)
        assert not log.add_feedback("old", True, None)  # the old question has no answer id
    finally:
        log.close()
    from bot.querylog import summarize

    s = summarize(path)
    assert s["queries"] == 2 and s["feedback"] == {"helpful": 1, "not_helpful": 1}
    assert stored(path) == ["old", "req-1"]


def test_close_writes_what_is_queued_and_stops_the_writer(tmp_path):
    log = QueryLog(tmp_path / "querylog.db")
    log.record(**entry(1))
    log.close()
    assert stored(log.path) == ["req-1"]
    assert not log.writer_alive()
    log.record(**entry(2))  # after close: ignored, not an error
    log.close()  # twice is fine


def test_the_app_closes_its_query_log_at_shutdown(tmp_path, embedder, corpus_slice):
    import threading

    import httpx
    import uvicorn

    from ops_support import app_for, scratch_service

    service = scratch_service(tmp_path, embedder, corpus_slice)
    app = app_for(service)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.time() + 30
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        r = httpx.post(f"http://127.0.0.1:{port}/ask", json={"question": "GeM sellers", "top_k": 1}, timeout=60)
        assert r.status_code == 200
        qlog = app.state.querylog
        assert qlog.writer_alive()
        server.should_exit = True
        thread.join(timeout=30)
        assert not qlog.writer_alive()  # closed with the app, its last rows on disk
        assert stored(qlog.path) == [r.headers["x-request-id"]]
    finally:
        server.should_exit = True
        service.close()


def test_retention_setting_reaches_the_log(tmp_path, embedder, corpus_slice):
    from ops_support import app_for, scratch_service

    service = scratch_service(tmp_path, embedder, corpus_slice)
    try:
        app = app_for(service, querylog_retention_days=7)
        assert app.state.querylog.retention_days == 7
        app.state.querylog.close()
    finally:
        service.close()
