"""Issue 5 over real HTTP: live ingestion, keys, rate limits, body limits, request ids, metrics,
the query log and feedback — against the real model and a scratch index of real releases."""
from __future__ import annotations

import json
import logging
import threading

import httpx
import pytest

from ops_support import ADMIN_KEY, OTHER_KEY, app_for, assert_json_error, scratch_service

GEM_Q = "How many sellers from Madhya Pradesh completed their profile on GeM?"
AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}


def release(rid: str, lang: str = "en", text: str | None = None, **kw) -> dict:
    return {"release_id": rid, "lang": lang, "title": kw.pop("title", f"Test release {rid}"),
            "text": text or f"The ministry announced that {rid} new wells were dug in Rajasthan this year. "
                            f"The scheme covers 12 districts.",
            "ministry": "Ministry of Jal Shakti", "date": "2025-01-15", **kw}


@pytest.fixture(scope="module")
def ops_service(tmp_path_factory, embedder, corpus_slice):
    svc = scratch_service(tmp_path_factory.mktemp("ops"), embedder, corpus_slice)
    yield svc
    svc.close()


@pytest.fixture(scope="module")
def url(ops_service, serve_app):
    return serve_app(app_for(ops_service, ask_rate=1000.0, ask_burst=1000))


@pytest.fixture(scope="module")
def client(url):
    with httpx.Client(base_url=url, timeout=120) as c:
        yield c


# -- auth --------------------------------------------------------------------------------------

@pytest.mark.parametrize("method,path", [("POST", "/releases"), ("DELETE", "/releases/2184082")])
def test_write_endpoints_need_a_key(client, method, path):
    body = json.dumps(release("900001")).encode()
    hdr = {"Content-Type": "application/json"}
    r = client.request(method, path, content=body, headers=hdr)
    assert_json_error(r, 401, "API key", "Bearer")
    assert r.headers["www-authenticate"] == "Bearer"
    r = client.request(method, path, content=body, headers={**hdr, "Authorization": "Bearer wrong"})
    assert_json_error(r, 403, "not valid")
    r = client.request(method, path, content=body, headers={**hdr, "X-API-Key": ADMIN_KEY + "x"})
    assert_json_error(r, 403, "not valid")
    r = client.request(method, path, content=body, headers={**hdr, "X-API-Key": "ключ".encode()})  # non-ASCII: still 403
    assert r.status_code == 403
    assert client.get("/releases/2184082").status_code == 200  # the release is still there


def test_without_configured_keys_writes_are_disabled(ops_service, serve_app):
    url = serve_app(app_for(ops_service, admin_keys=None))
    r = httpx.post(f"{url}/releases", json=release("900002"), headers=AUTH)
    assert_json_error(r, 403, "VIGYAPTI_ADMIN_KEYS")


def test_keys_are_never_logged(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.delete("/releases/nope-1", headers={"X-API-Key": ADMIN_KEY})
        client.delete("/releases/nope-2", headers={"Authorization": f"Bearer {OTHER_KEY}"})
    assert caplog.records and all(ADMIN_KEY not in r.getMessage() and OTHER_KEY not in str(vars(r))
                                  for r in caplog.records)


# -- live ingestion ----------------------------------------------------------------------------

def test_post_get_replace_delete_one_release(client):
    r = client.post("/releases", json=release("910001"), headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["releases"] == 1 and body["passages"] >= 1
    assert body["items"] == [{"release_id": "910001", "lang": "en", "passages": body["passages"], "replaced": False,
                             "unchanged": False}]

    got = client.get("/releases/910001").json()
    (en,) = got["languages"]
    assert en["title"] == "Test release 910001" and en["date"] == "2025-01-15"
    assert en["url"] == "https://pib.gov.in/PressReleasePage.aspx?PRID=910001"
    fig = next(f for p in en["passages"] for f in p["figures"] if f["value"] == 910001)
    assert fig["text"] == "910001"
    assert "910001 new wells" in en["passages"][0]["text"]

    # searchable at once
    r = client.post("/ask", json={"question": "How many wells were dug in Rajasthan?", "release_id": "910001"})
    assert r.json()["passages"][0]["release_id"] == "910001"

    # replaced: old text gone, new text searchable, a Hindi translation linked
    new_text = "The ministry announced that 777 solar pumps were installed in Gujarat. The scheme covers 3 districts."
    r = client.post("/releases", json=[release("910001", text=new_text),
                                       release("910001", lang="hi", text="मंत्रालय ने बताया कि गुजरात में 777 सौर पंप लगाए गए।",
                                               title="परीक्षण विज्ञप्ति")], headers=AUTH)
    assert r.status_code == 200, r.text
    assert [i["replaced"] for i in r.json()["items"]] == [True, False]
    # sent again as it is stored: not a replacement
    same = client.post("/releases", json=release("910001", text=new_text), headers=AUTH).json()["items"]
    assert [(i["replaced"], i["unchanged"]) for i in same] == [(False, True)]
    en = client.get("/releases/910001", params={"lang": "en"}).json()["languages"]
    assert len(en) == 1 and en[0]["text"] == new_text and "wells" not in json.dumps(en[0]["passages"])
    assert en[0]["translations"] == [{"release_id": "910001", "lang": "hi", "title": "परीक्षण विज्ञप्ति",
                                      "url": "https://pib.gov.in/PressReleasePage.aspx?PRID=910001"}]

    r = client.delete("/releases/910001", params={"lang": "hi"}, headers=AUTH)
    assert r.json() == {"release_id": "910001", "lang": "hi", "deleted": 1}
    assert [x["lang"] for x in client.get("/releases/910001").json()["languages"]] == ["en"]
    assert client.delete("/releases/910001", headers=AUTH).json()["deleted"] == 1
    assert_json_error(client.get("/releases/910001"), 404, "910001")
    assert_json_error(client.delete("/releases/910001", headers=AUTH), 404, "910001")
    r = client.post("/ask", json={"question": "solar pumps Gujarat", "release_id": "910001"})
    assert r.status_code == 200 and r.json()["passages"] == []


def test_ndjson_batch_with_a_bad_line_ingests_nothing(client):
    lines = [json.dumps(release("920001")), json.dumps(release("920002", lang="fr")), "{not json",
             json.dumps(release("920003", date="2025-13-45")), json.dumps(release("920004", text=" \n ")), ""]
    r = client.post("/releases", content="\n".join(lines).encode(),
                    headers={**AUTH, "Content-Type": "application/x-ndjson"})
    body = assert_json_error(r, 422, "nothing was ingested")
    by_line = {e["line"]: e for e in body["detail"]["lines"]}
    assert set(by_line) == {2, 3, 4, 5}
    assert "lang" in by_line[2]["errors"][0] and "not JSON" in by_line[3]["errors"][0]
    assert "date" in by_line[4]["errors"][0] and "text" in by_line[5]["errors"][0]
    assert client.get("/releases/920001").status_code == 404  # line 1 was fine, but not stored
    # Characters Python strips but a schema's \S would take (U+001D, a BOM) are no text by the schema either.
    r = client.post("/releases", json=release("920005", text="\x1d\ufeff"), headers=AUTH)
    error = assert_json_error(r, 422)["detail"]["lines"][0]["errors"][0]
    assert error == "text: text is empty"  # the schema's rule, not a later check

    # A date the calendar holds but no release can have: days counted from it would overflow (it was a 500).
    r = client.post("/releases", json=release("920006", date="9999-12-31"), headers=AUTH)
    assert "not between 1900 and 2100" in assert_json_error(r, 422)["detail"]["lines"][0]["errors"][0]
    assert client.get("/releases/920006").status_code == 404

    good = "\n".join(json.dumps(release(f"92000{i}")) for i in (1, 2, 3, 1)) + "\n"  # twice: the last wins
    r = client.post("/releases", content=good.encode(), headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert r.status_code == 200 and r.json()["releases"] == 3
    for i in (1, 2, 3):
        assert client.delete(f"/releases/92000{i}", headers=AUTH).status_code == 200


@pytest.mark.parametrize("field,value,said", [
    ("text", "   ", "text: text is empty"),
    ("text", "", "text: text is empty"),
    ("title", "\u200b\u00a0", "title: title is empty"),
    ("release_id", "../../etc/passwd", "release_id: letters, digits and '_.-' only, at most 40, beginning with a letter or digit"),
    ("url", "javascript:alert(1)", "url: not an http(s) address"),
])
def test_a_refused_field_is_said_in_words_not_as_the_schemas_pattern(client, field, value, said):
    r = client.post("/releases", json={**release("920010"), field: value}, headers=AUTH)
    body = assert_json_error(r, 422)
    assert body["detail"]["lines"][0]["errors"] == [said]
    assert "pattern" not in r.text  # no regular expression quoted at the client
    schema = client.get("/openapi.json").json()["paths"]["/releases"]["post"]["requestBody"]["content"]
    assert "pattern" in schema["application/json"]["schema"]["oneOf"][0]["properties"][field]  # stated there still


@pytest.mark.parametrize("content,ctype,status", [
    (b'{"release_id": ', "application/json", 400),
    (b"release_id=1", "application/x-www-form-urlencoded", 415),
    (b"\xff\xfe", "application/json", 400),
    (b"[]", "application/json", 422),
    (b"[1, 2]", "application/json", 422),
    (b"", "application/x-ndjson", 422),
])
def test_malformed_ingest_bodies_are_4xx_json(client, content, ctype, status):
    assert_json_error(client.post("/releases", content=content, headers={**AUTH, "Content-Type": ctype}), status)


def test_queries_keep_answering_during_ingestion(client):
    """/ask never fails and always sees a release whole (old or new) while it is replaced again and again."""
    versions = {v: f"Version {v}: the board approved {v}01 crore rupees for {v}0 new bridges in Assam."
                for v in range(1, 5)}
    assert client.post("/releases", json=release("930001", text=versions[1]), headers=AUTH).status_code == 200
    stop, problems = threading.Event(), []

    def ask():
        with httpx.Client(base_url=str(client.base_url), timeout=120) as c:
            while not stop.is_set():
                r = c.post("/ask", json={"question": "bridges in Assam crore", "release_id": "930001", "top_k": 3})
                if r.status_code != 200:
                    problems.append(r.text)
                    continue
                texts = [p["text"] for p in r.json()["passages"]]
                if not all(any(t in v for v in versions.values()) for t in texts):
                    problems.append(f"a passage of no version? {texts}")
                got = c.get("/releases/930001").json()["languages"][0]
                if not got["passages"] or not all(p["text"] in got["text"] for p in got["passages"]):
                    problems.append(f"GET saw passages of another version: {got}")

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for t in threads:
        t.start()
    for v in (2, 3, 4, 1, 2):
        r = client.post("/releases", json=release("930001", text=versions[v]), headers=AUTH)
        assert r.status_code == 200, r.text
    stop.set()
    for t in threads:
        t.join()
    assert not problems, problems[:3]
    client.delete("/releases/930001", headers=AUTH)


# -- limits ------------------------------------------------------------------------------------

def test_rate_limit_gives_429_with_retry_after(ops_service, serve_app):
    url = serve_app(app_for(ops_service, ask_rate=0.2, ask_burst=3))
    with httpx.Client(base_url=url, timeout=60) as c:
        codes = [c.post("/ask", json={"question": "GeM sellers", "top_k": 1}).status_code for _ in range(3)]
        assert codes == [200, 200, 200]
        r = c.post("/ask", json={"question": "GeM sellers", "top_k": 1})
        body = assert_json_error(r, 429, "too many requests", "per second")
        assert 1 <= int(r.headers["retry-after"]) <= 5 and body["error"] == "rate_limited"
        assert c.get("/health").status_code == 200  # only /ask (and /feedback) are limited
        # clients are told apart by address; behind a proxy uvicorn takes it from X-Forwarded-For
        # (FORWARDED_ALLOW_IPS, loopback by default), and such a client has a bucket of its own
        xff = {"X-Forwarded-For": "203.0.113.9"}
        r = c.post("/ask", json={"question": "GeM sellers", "top_k": 1}, headers=xff)
        assert r.status_code == 200, r.text


@pytest.mark.parametrize("chunked", [False, True])
def test_2mb_body_gets_413(client, chunked):
    big = json.dumps({"question": "x" * (2 * 1024 * 1024)}).encode()
    content = iter([big[i:i + 65536] for i in range(0, len(big), 65536)]) if chunked else big
    r = client.post("/ask", content=content, headers={"Content-Type": "application/json"})
    assert_json_error(r, 413, "larger than 1000000 bytes")
    r = client.post("/feedback", content=big, headers={"Content-Type": "application/json"})
    assert_json_error(r, 413)


def test_ingest_body_limit_is_separate(ops_service, serve_app):
    url = serve_app(app_for(ops_service, max_ingest_bytes=100_000))
    big = json.dumps(release("940001", text="Water. " * 30_000)).encode()  # ~210 kB: over 100 kB, under 1 MB
    r = httpx.post(f"{url}/releases", content=big, headers={**AUTH, "Content-Type": "application/json"})
    assert_json_error(r, 413, "100000")


def test_errors_are_json(client):
    assert_json_error(client.get("/nope"), 404)
    assert_json_error(client.put("/ask", json={}), 405)
    r = client.post("/ask", content=b'{"question": ', headers={"Content-Type": "application/json"})
    assert_json_error(r, 400, "cannot be read as JSON")
    r = client.post("/ask", content=b"question=hi", headers={"Content-Type": "text/plain"})
    assert 400 <= r.status_code < 500 and r.json()["detail"]
    r = client.post("/ask", json={"question": "x" * 1001})
    assert_json_error(r, 422, "1000")


def test_unexpected_errors_are_json_500_with_the_request_id(ops_service, serve_app):
    app = app_for(ops_service)

    @app.get("/boom")
    def boom():
        raise RuntimeError("kaboom")

    url = serve_app(app)
    r = httpx.get(f"{url}/boom", headers={"X-Request-ID": "trace-42"})
    body = assert_json_error(r, 500, "request id")
    assert body["request_id"] == "trace-42" and "kaboom" not in r.text


def test_cors_allow_list(ops_service, serve_app):
    url = serve_app(app_for(ops_service, cors_origins="https://pib.example.in, https://news.example.org"))
    pre = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    r = httpx.options(f"{url}/ask", headers={"Origin": "https://news.example.org", **pre})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "https://news.example.org"
    r = httpx.options(f"{url}/ask", headers={"Origin": "https://evil.example.com", **pre})
    assert r.status_code == 400 and "access-control-allow-origin" not in r.headers
    # admin keys are not an allowed header: a web page cannot call the write endpoints
    r = httpx.options(f"{url}/releases", headers={"Origin": "https://news.example.org",
                                                   "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "x-api-key"})
    assert r.status_code == 400
    r = httpx.post(f"{url}/ask", json={"question": "GeM"}, headers={"Origin": "https://pib.example.in"})
    assert r.headers["access-control-allow-origin"] == "https://pib.example.in"
    assert "x-request-id" in r.headers["access-control-expose-headers"].lower()


# -- observability -----------------------------------------------------------------------------

def test_request_id_query_log_feedback_and_stats(client, ops_service):
    r = client.post("/ask", json={"question": GEM_Q, "top_k": 3, "date_from": "2020-01-01"},
                    headers={"X-Request-ID": "abc-123"})
    assert r.status_code == 200 and r.headers["x-request-id"] == "abc-123" and r.json()["request_id"] == "abc-123"
    r2 = client.post("/ask", json={"question": "Who won the 1987 cricket world cup on the moon?"},
                     headers={"X-Request-ID": "bad id with spaces"})
    rid2 = r2.headers["x-request-id"]
    assert rid2 != "bad id with spaces" and r2.json()["request_id"] == rid2 and len(rid2) == 32

    answer = r.json()["answer_id"]
    assert client.post("/feedback", json={"answer_id": answer, "helpful": True,
                                          "comment": "सही जवाब"}).json() == {"status": "recorded", "answer_id": answer}
    assert client.post("/feedback", json={"answer_id": r2.json()["answer_id"], "helpful": False}).status_code == 200
    assert_json_error(client.post("/feedback", json={"answer_id": "never-asked", "helpful": True}), 404, "never-asked")
    assert_json_error(client.post("/feedback", json={"answer_id": answer, "helpful": True,
                                                     "comment": "x" * 2001}), 422)

    import sqlite3

    from bot.querylog import summarize

    path = ops_service.settings.querylog_path()
    con = sqlite3.connect(path)
    row = con.execute("SELECT question, lang, filters, top_release, answered, latency_ms, client FROM queries "
                      "WHERE request_id='abc-123'").fetchone()
    assert row[0] == GEM_Q and row[1] == "en"
    assert json.loads(row[2]) == {"top_k": 3, "date_from": "2020-01-01", "per_release": 1}
    assert row[3] == r.json()["passages"][0]["release_id"] and row[4] == (r.json()["answer"] is not None)
    assert row[5] > 0
    assert row[6] and "127.0.0.1" not in row[6] and len(row[6]) == 16  # hashed, never in clear
    assert "127.0.0.1" not in path.read_bytes().decode("latin-1")
    assert con.execute("SELECT helpful, comment FROM feedback WHERE answer_id=?", (answer,)).fetchone() == (1, "सही जवाब")
    con.close()
    s = summarize(path)
    assert s["queries"] >= 2 and s["no_answer"] >= 1 and 0 < s["no_answer_rate"] < 1
    assert s["latency_ms"]["p50"] > 0 and s["latency_ms"]["p99"] >= s["latency_ms"]["p50"]
    assert s["feedback"]["helpful"] >= 1 and s["feedback"]["not_helpful"] >= 1
    assert any(q["question"] == GEM_Q for q in s["top_questions"])

    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "bot.cli", "stats", "--json"], capture_output=True, text=True,
                         env={"VIGYAPTI_QUERYLOG": str(path), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert out.returncode == 0, out.stderr
    # Apps of earlier tests in this module log to the same file from writer threads of their own
    # and may still flush a row or two meanwhile: the CLI must count between the two readings.
    assert s["queries"] <= json.loads(out.stdout)["queries"] <= summarize(path)["queries"]
    out = subprocess.run([sys.executable, "-m", "bot.cli", "stats"], capture_output=True, text=True,
                         env={"VIGYAPTI_QUERYLOG": str(path), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert "no-answer rate" in out.stdout and "p99" in out.stdout, out.stdout + out.stderr


def test_a_repeated_request_id_leaves_feedback_naming_one_answer(client, ops_service):
    replies = [client.post("/ask", json={"question": q, "top_k": 1}, headers={"X-Request-ID": "same-every-time"})
               for q in (GEM_Q, "How many wells were dug in Rajasthan?")]
    assert [(r.headers["x-request-id"], r.json()["request_id"]) for r in replies] == [("same-every-time",) * 2] * 2
    first, second = (r.json()["answer_id"] for r in replies)
    assert first != second and len(first) == len(second) == 32  # the server's own, whatever the client sent
    assert client.post("/feedback", json={"answer_id": second, "helpful": False}).status_code == 200
    assert_json_error(client.post("/feedback", json={"answer_id": "same-every-time", "helpful": True}), 404,
                      "answer_id")
    assert_json_error(client.post("/feedback", json={"request_id": "same-every-time", "helpful": True}), 422,
                      "request_id", "answer_id")  # the field of before: refused by name, not taken

    import sqlite3

    con = sqlite3.connect(ops_service.settings.querylog_path())
    try:
        rated = con.execute("SELECT q.question, f.helpful FROM feedback f JOIN queries q ON q.answer_id = f.answer_id "
                            "WHERE q.request_id = 'same-every-time'").fetchall()
    finally:
        con.close()
    assert rated == [("How many wells were dug in Rajasthan?", 0)]


def test_health_and_metrics(client, ops_service):
    h = client.get("/health").json()
    assert set(h) >= {"status", "version", "model", "passages", "releases", "uptime_s"}
    assert h["passages"] == ops_service.store.count_passages() and h["releases"]["hi"] >= 1
    client.post("/ask", json={"question": GEM_Q})
    client.post("/ask", json={"question": "zzzz qqqq"})
    assert client.get("/no-such-page-3f9a").status_code == 404
    m = client.get("/metrics")
    assert m.status_code == 200 and m.headers["content-type"].startswith("text/plain")
    text = m.text
    for needle in ['vigyapti_http_requests_total{method="POST",route="/ask",status="200"}',
                   'vigyapti_http_request_duration_seconds_bucket{le="0.5",method="POST",route="/ask"}',
                   f"vigyapti_index_passages {float(h['passages'])}", 'vigyapti_index_releases{lang="hi"}',
                   "vigyapti_ingest_releases_total", "vigyapti_ask_no_answer_total", "vigyapti_ask_no_answer_ratio",
                   'vigyapti_ask_total{answered="true",channel="http"}', "vigyapti_rate_limited_total"]:
        assert needle in text, needle
    assert 'route="unmatched"' in text  # 404s do not make a label per random path


def test_json_log_lines_carry_the_request_id():
    from bot.observability import JsonFormatter, request_id_var

    token = request_id_var.set("rid-9")
    try:
        rec = logging.makeLogRecord({"name": "vigyapti.access", "levelname": "INFO", "msg": "POST %s",
                                     "args": ("/ask",), "status": 200, "duration_ms": 12.5})
        line = json.loads(JsonFormatter().format(rec))
    finally:
        request_id_var.reset(token)
    assert line["request_id"] == "rid-9" and line["msg"] == "POST /ask" and line["status"] == 200
    assert line["duration_ms"] == 12.5 and line["level"] == "info"


def test_token_bucket_refills():
    from bot.security import TokenBucket

    b = TokenBucket(rate=2, burst=2)
    assert b.take("a", now=0) == 0 and b.take("a", now=0) == 0
    assert b.take("a", now=0) == pytest.approx(0.5)
    assert b.take("b", now=0) == 0  # per client
    assert b.take("a", now=0.6) == 0
    assert TokenBucket(rate=0, burst=1).take("a") == 0  # 0 = no limit
