"""Load and limits over real HTTP: the bounded search queue (503), rate-limit buckets per IPv6 /64,
and secrets that never show in reprs or logs."""
from __future__ import annotations

import logging
import threading
import time

import httpx
import pytest

from ops_support import ADMIN_KEY, app_for, scratch_service

QUESTION = "How many sellers from Madhya Pradesh completed their profile on GeM?"


@pytest.fixture(scope="module")
def limits_service(tmp_path_factory, embedder, corpus_slice):
    svc = scratch_service(tmp_path_factory.mktemp("limits"), embedder, corpus_slice)
    yield svc
    svc.close()


# -- the search queue ----------------------------------------------------------------------------

def _burst(url: str, n: int) -> list[httpx.Response]:
    """n questions sent at the same moment from n threads."""
    gate = threading.Barrier(n)
    out: list[httpx.Response] = [None] * n  # type: ignore[list-item]

    def one(i: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as c:
            gate.wait()
            out[i] = c.post("/ask", json={"question": f"{QUESTION} {i}", "top_k": 50, "per_release": 20},
                            headers={"X-Forwarded-For": f"198.51.100.{i + 1}"})

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def _rejected(url: str) -> float:
    lines = [ln for ln in httpx.get(f"{url}/metrics").text.splitlines()
             if ln.startswith("vigyapti_search_queue_full_total ")]
    return float(lines[0].split()[1]) if lines else 0.0


def test_past_the_queue_depth_ask_answers_503_with_retry_after(limits_service, serve_app):
    url = serve_app(app_for(limits_service, max_queued_searches=1, ask_rate=0))
    # The model's thread is held, so the one question let in waits there while the other eleven
    # arrive: the queue is full however fast a search is on this CPU.
    gate = threading.Event()
    held = limits_service.embedder.submit_beside_queries(gate.wait, 60)
    replies: list[httpx.Response] = []
    burst = threading.Thread(target=lambda: replies.extend(_burst(url, 12)))
    try:
        burst.start()
        deadline = time.monotonic() + 60
        while _rejected(url) < 11 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        gate.set()
        held.result(timeout=60)
        burst.join(timeout=120)
    busy = [r for r in replies if r.status_code == 503]
    assert len(busy) == 11 and [r.status_code for r in replies].count(200) == 1, [r.status_code for r in replies]
    r = busy[0]
    assert int(r.headers["retry-after"]) >= 1
    body = r.json()
    assert body["error"] == "unavailable" and "busy" in body["detail"].lower()
    metrics = httpx.get(f"{url}/metrics").text
    assert "vigyapti_search_queue_depth 0.0" in metrics  # a gauge: nothing waits now
    assert "vigyapti_search_queue_limit 1.0" in metrics
    assert _rejected(url) == len(busy)


def test_a_deep_enough_queue_answers_everyone(limits_service, serve_app):
    url = serve_app(app_for(limits_service, max_queued_searches=64, ask_rate=0))
    assert [r.status_code for r in _burst(url, 8)] == [200] * 8


# -- rate-limit buckets -----------------------------------------------------------------------------

def test_an_ipv6_client_rotating_in_its_64_shares_one_bucket(limits_service, serve_app):
    url = serve_app(app_for(limits_service, ask_rate=0.01, ask_burst=2))

    def ask(addr: str) -> int:
        return httpx.post(f"{url}/ask", json={"question": "GeM sellers", "top_k": 1},
                          headers={"X-Forwarded-For": addr}, timeout=60).status_code

    assert [ask(f"2001:db8:aa:bb::{i:x}") for i in range(1, 4)] == [200, 200, 429]
    assert ask("2001:db8:aa:bb:ffff:1:2:3") == 429  # anywhere in the same /64
    assert ask("2001:db8:aa:bc::1") == 200  # the next /64 is another client
    # IPv4 by address; an IPv4-mapped IPv6 address is that IPv4 client
    assert [ask("203.0.113.7"), ask("::ffff:203.0.113.7"), ask("203.0.113.7")] == [200, 200, 429]
    assert ask("203.0.113.8") == 200


def test_bucket_keys():
    from bot.security import rate_key

    assert rate_key("2001:db8:aa:bb::1") == rate_key("2001:db8:aa:bb:1:2:3:4") == "2001:db8:aa:bb::/64"
    assert rate_key("::ffff:192.0.2.1") == rate_key("192.0.2.1") == "192.0.2.1"
    assert rate_key("192.0.2.1") != rate_key("192.0.2.2")
    assert rate_key("testclient") == "testclient"  # not an address: taken as it is
    assert rate_key("fe80::1%eth0") == "fe80::/64"


def test_buckets_stay_bounded_and_keep_the_recent_clients():
    from bot.security import TokenBucket

    bucket = TokenBucket(rate=0.001, burst=1, max_clients=1000)
    for i in range(5000):  # all active: none is idle long enough to be forgotten for free
        assert bucket.take(f"client-{i}", now=float(i) / 1000) == 0.0
    assert len(bucket) <= 1000
    assert bucket.take("client-4999", now=5.0) > 0  # the most recent client still has its (empty) bucket


# -- secrets ----------------------------------------------------------------------------------------

def test_keys_and_token_never_show_in_reprs_or_logs(limits_service, serve_app, caplog):
    from bot.settings import Settings

    token = "123456:SECRET-telegram-token-abcdef"
    s = Settings(admin_keys=f"{ADMIN_KEY},another-key-987", telegram_token=token,
                 telegram_secret="webhook-secret-xyz", querylog_salt="salty-salt-123")
    for text in (repr(s), str(s), str(s.model_dump()), s.model_dump_json()):
        for secret in (ADMIN_KEY, "another-key-987", token, "webhook-secret-xyz", "salty-salt-123"):
            assert secret not in text
    assert s.admin_key_list() == [ADMIN_KEY, "another-key-987"]

    url = serve_app(app_for(limits_service))
    with caplog.at_level(logging.DEBUG):
        ok = httpx.post(f"{url}/releases", content=b"[]", headers={"X-API-Key": ADMIN_KEY}, timeout=60)
        short = httpx.post(f"{url}/releases", content=b"[]", headers={"X-API-Key": ADMIN_KEY[:5]}, timeout=60)
        longer = httpx.post(f"{url}/releases", content=b"[]", headers={"X-API-Key": ADMIN_KEY + "x" * 500},
                            timeout=60)
    assert ok.status_code not in (401, 403) and short.status_code == 403 and longer.status_code == 403
    assert ADMIN_KEY not in caplog.text
