"""The PIB connector against a PIB-shaped site on loopback, with the real model and index."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from bot.sync import SyncState, Syncer, parse_prid_range, sync_summary
import pib_site
from pib_site import PibSite, Route

REPO = Path(__file__).resolve().parents[2]
SEEI_QUESTION = "How many indicators does the State Energy Efficiency Index 2024 have?"


@pytest.fixture
def site():
    s = PibSite()
    server, url = pib_site.serve(s)
    s.url = url
    yield s
    server.shutdown()


@pytest.fixture
def make_service(settings, embedder, tmp_path):
    """A Service on a scratch index of its own, synced from the loopback site."""
    from bot.service import Service

    made = []

    def make(site_url: str, **overrides):
        cfg = settings.model_copy(update={
            "index_dir": tmp_path / "index", "pib_base_url": site_url, "sync_delay": 0.0, "sync_timeout": 1.0,
            "sync_retries": 1, "querylog": tmp_path / "querylog.db", "ask_rate": 0.0, **overrides})
        svc = Service(cfg, embedder=embedder)
        made.append(svc)
        return svc

    yield make
    for svc in made:
        svc.close()


def _syncer(service) -> Syncer:
    syncer = Syncer(service)
    syncer.fetcher.backoff = 0.05
    return syncer


def test_feed_sync_ingests_and_a_second_sync_fetches_nothing(site, make_service):
    site.add("2161803", pib_site.saved_page(), feed="en")
    site.add(pib_site.SEEI_HI, pib_site.hindi_seei_page(), feed="hi")
    service = make_service(site.url)
    syncer = _syncer(service)
    report = syncer.run()
    assert (report.listed, report.fetched, report.ingested, report.failures) == (2, 2, 2, [])

    result = service.ask(SEEI_QUESTION, lang="en")
    top = result.hits[0]
    assert top.release.release_id == "2161803"
    assert any(f.value == 66 for f in top.passage.figures)
    assert top.release.url == "https://pib.gov.in/PressReleasePage.aspx?PRID=2161803"
    assert (top.release.ministry, top.release.date) == ("Ministry of Power", "2025-08-29")
    hindi = service.store.release(pib_site.SEEI_HI, "hi")
    assert hindi is not None and hindi.ministry == "विद्युत मंत्रालय"
    assert all(ua.startswith("Vigyapti-sync/") for ua in site.user_agents)

    before = list(site.requests)
    again = syncer.run()
    syncer.close()
    new = site.requests[len(before):]
    assert again.fetched == 0 and again.known == 2
    assert not [r for r in new if "PressReleasePage" in r], new  # only the two feeds were read
    summary = sync_summary(service.settings.sync_state_path())
    assert summary["releases"]["ingested"] == 2
    assert summary["newest_release"]["release_id"] == pib_site.SEEI_HI  # posted 3:10PM, after 2:27PM
    assert {f["items"] for f in summary["feeds"]} == {1}


def test_faults_are_failures_with_reasons_and_the_rest_is_ingested(site, make_service):
    real = pib_site.saved_page()
    site.add("2161803", real, feed="en")
    site.add("2162001", pib_site.table_page("2162001"), feed="en")
    site.feeds["en"].insert(0, ("2169404", "gone"))  # never published: 404
    site.fault("2169500", Route(500, b"<html>Server Error in '/' Application.</html>"))
    site.fault("2169501", Route(body=pib_site.table_page("2169501"), delay=3.0))  # beyond the 1 s timeout
    site.fault("2169502", Route(body=real[: real.index(b'id="ReleaseId"') - 300]))
    site.fault("2169503", Route(body=pib_site.OTHER_LAYOUT))
    service = make_service(site.url)
    syncer = _syncer(service)
    report = syncer.run()

    assert report.ingested == 2
    assert service.store.release("2162001", "en").text.split("\n")[-1] == "SCCL | 5.61 | 5.40"
    reasons = dict(report.failures)
    assert reasons["2169404"] == "HTTP 404"
    assert reasons["2169500"] == "HTTP 500 after 2 tries"
    assert reasons["2169501"].startswith("timeout (1 s) after 2 tries")
    assert "truncated" in reasons["2169502"]
    assert "not a PIB release page" in reasons["2169503"]
    assert site.page_fetches("2169500") == 2 and site.page_fetches("2169404") == 1

    status = sync_summary(service.settings.sync_state_path())
    assert status["releases"] == {"ingested": 2, "fetched": 0, "skipped": 0, "failed": 5}
    retry = {f["release_id"]: f["will_retry"] for f in status["failures"]}
    assert retry == {"2169404": False, "2169500": True, "2169501": True, "2169502": True, "2169503": False}

    # The next run tries the passing faults again, not the 404 nor the other layout, nor what it has.
    site.pages["2169500"] = Route(body=pib_site.numbered_page("2169500", 1))
    again = syncer.run()
    syncer.close()
    assert again.ingested == 1 and {p for p, _ in again.failures} == {"2169501", "2169502"}
    assert site.page_fetches("2169404") == 1 and site.page_fetches("2169503") == 1
    assert site.page_fetches("2161803") == 1


def test_a_failing_feed_is_recorded_and_the_others_still_read(site, make_service):
    site.add("2162001", pib_site.table_page("2162001"), feed="hi")
    service = make_service(site.url, sync_feeds=f"/RssMain.aspx?ModId=6&Lang=9&Regid=3,{pib_site.feed_path('hi')},"
                                                "http://127.0.0.1:9/closed")
    syncer = _syncer(service)
    report = syncer.run()
    syncer.close()
    assert report.ingested == 1 and len(report.feed_errors) == 2
    feeds = {f["url"].split("/")[-1]: f for f in sync_summary(service.settings.sync_state_path())["feeds"]}
    assert feeds["RssMain.aspx?ModId=6&Lang=9&Regid=3"]["error"] == "HTTP 404"
    assert feeds["closed"]["error"].startswith("connection error")
    assert feeds["RssMain.aspx?ModId=6&Lang=2&Regid=3"]["ok"]


def _cut_short(feed: bytes) -> bytes:
    """A feed whose download stopped inside its first item's link: "...PRID=2161" of 2161803."""
    return feed[:feed.index(b"</link>") - 3]


@pytest.mark.parametrize("fault,reason", [
    (Route(body=b""), "empty feed body"),
    (Route(body=b"<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>Try later</body></html>",
           content_type="text/html"), "not an RSS feed: an HTML page ('Service Unavailable')"),
    (Route(body=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"), "not an RSS feed: not XML"),
    ("cut short", "feed is not well-formed XML: "),
])
def test_a_malformed_feed_is_a_failed_fetch_with_its_reason_and_a_feed_without_items_is_empty(
        site, make_service, fault, reason):
    site.add("2161803", pib_site.saved_page(), feed="en")
    site.feed_faults["en"] = Route(body=_cut_short(pib_site.rss("en", site.feeds["en"]))) if fault == "cut short" else fault
    service = make_service(site.url)  # the Hindi feed is well-formed and lists nothing
    syncer = _syncer(service)
    report = syncer.run()
    syncer.close()
    assert (report.listed, report.fetched, report.failures) == (0, 0, [])  # no "PRID=2161" read from the cut link
    [error] = report.feed_errors
    assert error.startswith(f"{site.url}/RssMain.aspx?ModId=6&Lang=1&Regid=3: {reason}") and "\n" not in error
    feeds = {f["url"].split("Lang=")[1][0]: f for f in sync_summary(service.settings.sync_state_path())["feeds"]}
    assert not feeds["1"]["ok"] and feeds["1"]["error"].startswith(reason)
    assert feeds["2"]["ok"] and feeds["2"]["items"] == 0 and feeds["2"]["error"] is None


def test_sync_exit_status_tells_all_taken_from_some_failed_from_nothing_taken(site, settings, tmp_path):
    site.add("2161803", pib_site.saved_page(), feed="en")
    site.add(pib_site.SEEI_HI, pib_site.hindi_seei_page(), feed="hi")
    env = {**os.environ, "PYTHONPATH": str(REPO), "VIGYAPTI_PIB_BASE_URL": site.url, "VIGYAPTI_SYNC_DELAY": "0",
           "VIGYAPTI_SYNC_RETRIES": "0", "VIGYAPTI_QUERYLOG_ENABLED": "false", "VIGYAPTI_CACHE": str(settings.cache)}

    def sync(name: str, *args: str):
        where = {"VIGYAPTI_INDEX_DIR": str(tmp_path / name / "index"), "VIGYAPTI_SYNC_STATE": str(tmp_path / name / "sync.db")}
        out, err = (run := _vigyapti({**env, **where}, "sync", *args)).communicate(timeout=600)
        return run.returncode, out, err

    cut = Route(body=_cut_short(pib_site.rss("en", site.feeds["en"])))
    site.feed_faults["en"] = cut  # one feed cut short; the Hindi one's release (and its English link) taken
    code, out, err = sync("partial")
    assert code == 3, err
    assert "2 feeds polled, 1 failed;" in out and "ingested 2" in out
    assert "not well-formed XML" in err
    site.feed_faults["hi"] = cut  # every feed fails: nothing could be taken
    code, out, err = sync("none", "--json")
    assert code == 1, err
    report = json.loads(out)
    assert (report["feeds_failed"], report["releases_failed"], report["ingested"], report["exit_status"]) == (2, 0, 0, 1)
    site.feed_faults.clear()
    code, out, err = sync("all")
    assert code == 0 and "2 feeds polled, 0 failed;" in out, err
    site.feed_faults["en"] = Route(500, b"Internal Server Error")  # the Hindi feed read, its release known
    code, out, err = sync("all", "--json")
    report = json.loads(out)
    assert code == 3 and report["exit_status"] == 3, err
    assert (report["feeds_failed"], report["known"], report["fetched"], report["ingested"]) == (1, 1, 0, 0)
    site.feed_faults.clear()
    site.feeds["en"].insert(0, ("2169404", "never published"))  # a page that fails beside ones taken
    site.add("2162001", pib_site.table_page("2162001"), feed="en")
    code, out, err = sync("all")
    assert code == 3 and "failed 2169404: HTTP 404" in err and "ingested 1" in out
    assert "exit status:" in _vigyapti(env, "sync", "--help").communicate(timeout=120)[0]


def test_a_feed_read_counts_as_taken_beside_one_that_failed_though_it_listed_nothing_new(site, make_service):
    from bot.cli import FAILED, OK, PARTIAL, outcome

    service = make_service(site.url)

    def status() -> int:
        syncer = _syncer(service)
        report = syncer.run()
        syncer.close()
        assert report.listed == 0
        return outcome(report.taken, report.failed)

    assert status() == OK  # both feeds read, neither lists anything
    site.feed_faults["en"] = Route(500, b"Internal Server Error")
    assert status() == PARTIAL  # the Hindi feed was read: the run did part of its work
    site.feed_faults["hi"] = Route(body=b"<html><head><title>Error</title></head><body>down</body></html>")
    assert status() == FAILED  # every feed failed and nothing else was fetched


def test_backfill_follows_language_links_and_skips_other_languages(site, make_service):
    site.add("2161803", pib_site.saved_page())
    site.add(pib_site.SEEI_HI, pib_site.hindi_seei_page())
    urdu = pib_site.build_page("2161901", ministry="بجلی کی وزارت", title="توانائی کی کارکردگی کا انڈیکس 2024",
                               posted="29 AUG 2025 4:00PM by PIB Delhi",
                               paragraphs=["انڈیکس میں 66 اشاریے شامل ہیں۔"], links={"en": "2161803"})
    site.add("2161901", urdu)
    service = make_service(site.url)
    syncer = _syncer(service)
    report = syncer.run(parse_prid_range("2161900-2161901"))
    status, lang, reason = syncer.state.get("2161901")[:3]  # in the words `vigyapti ingest` and the API use
    assert (status, lang, reason) == ("skipped", "ur", "language 'ur' is not supported (supported: en, hi)")
    syncer.close()
    assert report.listed == 2 and report.fetched == 3 and report.ingested == 2 and report.skipped == 1
    assert service.store.has_release("2161803", "en")  # reached through the Hindi page's link
    assert service.store.release(pib_site.SEEI_HI, "hi") is not None
    assert not service.store.has_release("2161901", "ur")
    assert site.page_fetches("2161803") == 1


def test_status_tells_why_pages_were_skipped_a_reason_at_a_time(site, make_service, tmp_path, monkeypatch, capsys):
    """`vigyapti sync --status` said only "5 skipped (other languages)"; the reasons were stored and not
    shown. Now they are, as `vigyapti ingest` says them: a reason of at most three pages a line each, more
    in one line with their count and the first three ids; and in --json."""
    from bot.cli import main

    for n in range(4):
        prid = str(2161901 + n)
        site.add(prid, pib_site.build_page(prid, ministry="بجلی کی وزارت", title=f"توانائی کا انڈیکس {n}",
                                           posted="29 AUG 2025 4:00PM by PIB Delhi",
                                           paragraphs=["انڈیکس میں 66 اشاریے شامل ہیں۔"]))
    site.add("2161910", pib_site.build_page("2161910", ministry="ऊर्जा मंत्रालय", title="ऊर्जा कार्यक्षमता निर्देशांक",
                                            posted="29 AUG 2025 4:00PM by PIB Delhi",
                                            paragraphs=["निर्देशांकात 66 निर्देशक आहेत."], links={"hi": pib_site.SEEI_HI}))
    service = make_service(site.url)
    syncer = _syncer(service)
    report = syncer.run(["2161901", "2161902", "2161903", "2161904", "2161910"])
    state = syncer.state.path
    syncer.close()
    assert report.skipped == 5, report
    ur = "language 'ur' is not supported (supported: en, hi)"
    summary = sync_summary(state)
    assert summary["skipped"] == [
        {"lang": "ur", "reason": ur, "count": 4, "release_ids": ["2161901", "2161902", "2161903"]},
        {"lang": "mr", "reason": "language 'mr' is not supported (supported: en, hi)", "count": 1,
         "release_ids": ["2161910"]}]
    assert "skipped" not in sync_summary(state, failures=0, feeds=False)  # /health: public, no ids

    monkeypatch.setenv("VIGYAPTI_SYNC_STATE", str(state))
    assert main(["sync", "--status"]) == 0
    out = capsys.readouterr().out
    assert "5 skipped (other languages)" in out
    assert (f"skipped 4 releases: {ur}; 2161901, 2161902, 2161903 and 1 more\n"
            "skipped 2161910: language 'mr' is not supported (supported: en, hi)\n") in out, out
    assert main(["sync", "--status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["skipped"] == summary["skipped"]


def test_a_sync_language_the_index_does_not_support_is_refused_at_start(site, make_service, settings, tmp_path,
                                                                        monkeypatch, capsys):
    """VIGYAPTI_SYNC_LANGS=hi,ur was taken, and the sync stored the feed's Urdu pages in the index
    (which POST /releases and `vigyapti ingest` refuse). Now the setting is refused before anything is
    fetched, in lang_problem's words, naming the setting and its value; exit status 2 as for bad usage."""
    from pydantic import ValidationError

    from bot.settings import Settings

    urdu = pib_site.build_page("2161901", ministry="بجلی کی وزارت", title="توانائی کی کارکردگی کا انڈیکس 2024",
                               posted="29 AUG 2025 4:00PM by PIB Delhi", paragraphs=["انڈیکس میں 66 اشاریے شامل ہیں۔"])
    site.add("2161901", urdu, feed="en")
    state = tmp_path / "cli" / "sync.db"
    env = {**os.environ, "PYTHONPATH": str(REPO), "VIGYAPTI_PIB_BASE_URL": site.url, "VIGYAPTI_SYNC_DELAY": "0",
           "VIGYAPTI_INDEX_DIR": str(tmp_path / "cli" / "index"), "VIGYAPTI_SYNC_STATE": str(state),
           "VIGYAPTI_QUERYLOG_ENABLED": "false", "VIGYAPTI_CACHE": str(settings.cache), "VIGYAPTI_SYNC_LANGS": "hi,ur"}
    for args in (("sync",), ("sync", "--status")):
        out, err = (run := _vigyapti(env, *args)).communicate(timeout=300)
        assert run.returncode == 2 and out == "" and "Traceback" not in err, (args, err)
        assert err == ("vigyapti: bad setting VIGYAPTI_SYNC_LANGS='hi,ur': language 'ur' is not supported "
                       "(supported: en, hi)\n"), err
    assert site.requests == [] and not state.exists()
    with pytest.raises(ValidationError, match="names no language"):
        Settings(sync_langs=" , ")
    assert Settings(sync_langs="HI, en").sync_lang_set() == {"hi", "en"}
    service = make_service(site.url, sync_langs="ur")  # model_copy does not validate: the Syncer checks again
    with pytest.raises(ValueError, match="VIGYAPTI_SYNC_LANGS='ur': language 'ur' is not supported"):
        Syncer(service)
    assert site.requests == []
    from bot.cli import main

    monkeypatch.setenv("VIGYAPTI_SYNC_STATE", str(state))  # any setting out of its range: the same way, each named
    monkeypatch.setenv("VIGYAPTI_SYNC_CONCURRENCY", "99")
    assert main(["sync", "--status"]) == 2
    err = capsys.readouterr().err
    assert "vigyapti: bad setting VIGYAPTI_SYNC_CONCURRENCY='99': Input should be less than or equal to 16" in err
    assert "VIGYAPTI_SYNC_LANGS" not in err and "Traceback" not in err


def test_prid_ranges():
    assert parse_prid_range("2161800-2161802") == ["2161800", "2161801", "2161802"]
    assert parse_prid_range("5, 7-8") == ["5", "7", "8"]
    for bad in ("x-3", "9-3", "1-", "", "1-2000000"):
        with pytest.raises(ValueError):
            parse_prid_range(bad)


def _vigyapti(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bot.cli", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _ingested(path: Path) -> set[str]:
    if not path.exists():
        return set()
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return {r[0] for r in con.execute("SELECT prid FROM releases WHERE status='ingested'")}
        finally:
            con.close()
    except sqlite3.OperationalError:
        return set()


def test_sigkill_mid_backfill_then_rerun_leaves_every_release_whole_and_once(site, settings, embedder, tmp_path):
    from bot.service import Service
    from corpus.pib_html import parse_release_page
    from index.segment import Segmenter, passages_of

    prids = [str(2180000 + n) for n in range(50)]
    pages = {p: pib_site.numbered_page(p, n) for n, p in enumerate(prids)}
    for prid, body in pages.items():
        site.add(prid, body)
    site.page_delay = 0.05
    index_dir, state = tmp_path / "index", tmp_path / "sync.db"
    env = {**os.environ, "PYTHONPATH": str(REPO), "VIGYAPTI_INDEX_DIR": str(index_dir),
           "VIGYAPTI_PIB_BASE_URL": site.url, "VIGYAPTI_SYNC_DELAY": "0", "VIGYAPTI_SYNC_STATE": str(state),
           "VIGYAPTI_QUERYLOG_ENABLED": "false", "VIGYAPTI_CACHE": str(settings.cache)}
    first = _vigyapti(env, "sync", "--prids", f"{prids[0]}-{prids[-1]}")
    deadline = time.time() + 300
    while len(_ingested(state)) < 8 and first.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert first.poll() is None, f"the sync ended before it could be killed: {first.communicate()}"
    first.send_signal(signal.SIGKILL)
    first.wait()
    before = _ingested(state)
    assert 8 <= len(before) < 50
    fetched_before = {p: site.page_fetches(p) for p in prids}

    second = _vigyapti(env, "sync", "--prids", f"{prids[0]}-{prids[-1]}")
    out, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    for prid in before:  # what the killed run ingested is not fetched again
        assert site.page_fetches(prid) == fetched_before[prid] == 1

    status = _vigyapti(env, "sync", "--status", "--json")
    out, err = status.communicate(timeout=120)
    summary = json.loads(out)
    assert summary["releases"] == {"ingested": 50, "fetched": 0, "skipped": 0, "failed": 0}
    print(f"\nkilled after {len(before)} of 50 releases were ingested; the re-run fetched "
          f"{sum(site.page_fetches(p) for p in prids) - sum(fetched_before.values())} pages")

    service = Service(settings.model_copy(update={"index_dir": index_dir}), embedder=embedder)
    try:
        assert service.store.count_releases() == {"en": 50}
        per_release: dict[str, int] = {}
        for passage in service.store.passages(service.store.passage_ids()).values():
            per_release[passage.release_id] = per_release.get(passage.release_id, 0) + 1
        segmenter = Segmenter()
        for prid in prids:  # whole (same text, every passage) and once (no passage twice)
            expected = parse_release_page(pages[prid]).release
            stored = service.store.release(prid, "en")
            assert (stored.text, stored.title, stored.date) == (expected.text, expected.title, expected.date)
            assert per_release[prid] == len(passages_of(prid, "en", expected.text, segmenter))
    finally:
        service.close()


def test_schedule_ingests_a_new_feed_release_within_two_intervals_while_ask_answers(site, make_service, serve_app):
    from bot.api import create_app

    site.add("2161803", pib_site.saved_page(), feed="en")
    interval = 4.0
    service = make_service(site.url, sync_interval=interval)
    url = serve_app(create_app(service, service.settings))
    with httpx.Client(base_url=url, timeout=30) as client:
        deadline = time.time() + 120
        while client.get("/health").json().get("last_sync") is None or not service.store.has_release("2161803", "en"):
            assert time.time() < deadline, "the first scheduled sync did not happen"
            time.sleep(0.2)

        latencies, errors, stop = [], [], threading.Event()

        def ask_loop():
            with httpx.Client(base_url=url, timeout=30) as c:
                while not stop.is_set():
                    t = time.perf_counter()
                    r = c.post("/ask", json={"question": SEEI_QUESTION})
                    latencies.append((time.perf_counter() - t) * 1000)
                    if r.status_code != 200 or r.json()["passages"][0]["release_id"] != "2161803":
                        errors.append((r.status_code, r.text[:200]))

        asker = threading.Thread(target=ask_loop)
        asker.start()
        try:
            added = time.time()
            site.add("2180777", pib_site.numbered_page("2180777", 777), feed="en", title="District 777")
            answered_after = None
            while time.time() < added + 2 * interval:
                r = client.post("/ask", json={"question": "How many rural roads has district number 777 completed?"})
                assert r.status_code == 200
                if r.json()["passages"] and r.json()["passages"][0]["release_id"] == "2180777":
                    answered_after = time.time() - added
                    break
                time.sleep(0.2)
        finally:
            stop.set()
            asker.join()
        assert answered_after is not None, f"not answerable within two intervals ({2 * interval} s)"
        assert not errors and len(latencies) > 5
        metrics = client.get("/metrics").text
        health = client.get("/health").json()
    print(f"\nnew release answerable after {answered_after:.1f} s (interval {interval} s); /ask meanwhile: "
          f"{len(latencies)} answers, p50 {statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms")
    assert 'vigyapti_sync_releases{status="ingested"} 2.0' in metrics
    assert "vigyapti_sync_newest_release_age_seconds" in metrics
    assert health["last_sync"]["releases"]["ingested"] == 2
    assert health["last_sync"]["last_run"]["kind"] == "feeds"


def test_state_keeps_a_parsed_release_until_it_is_ingested(tmp_path):
    from corpus.pib_html import parse_release_page

    state = SyncState(tmp_path / "sync.db")
    page = parse_release_page(pib_site.hindi_seei_page())
    state.mark_fetched(page, "test")
    [kept] = state.pending()
    assert kept == page.release and kept.translations == (("en", "2161803"),)
    state.mark_ingested([kept.release_id])
    assert state.pending() == [] and tuple(state.get(kept.release_id))[0] == "ingested"
    state.close()


def test_cli_status_without_state_and_bad_ranges(tmp_path, monkeypatch, capsys):
    from bot.cli import main

    monkeypatch.setenv("VIGYAPTI_SYNC_STATE", str(tmp_path / "none.db"))
    assert main(["sync", "--status"]) == 0
    assert "no sync has run here yet" in capsys.readouterr().out
    assert main(["sync", "--status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) is None
    assert main(["sync", "--prids", "2161900-2161800"]) == 2
    assert "FROM is after TO" in capsys.readouterr().err


def test_a_stop_fetches_no_new_page_but_ingests_what_was_fetched(site, make_service):
    for n in range(6):
        site.add(str(2181000 + n), pib_site.numbered_page(str(2181000 + n), n))
    service = make_service(site.url, sync_concurrency=1)
    site.page_delay = 0.5
    syncer = _syncer(service)
    stop = threading.Event()

    def stop_at_first_request():  # as the server's shutdown would, while the first page is on its way
        while not site.requests:
            time.sleep(0.01)
        stop.set()

    threading.Thread(target=stop_at_first_request, daemon=True).start()
    report = syncer.run(parse_prid_range("2181000-2181005"), stop=stop)
    syncer.close()
    assert 1 <= report.fetched <= 2 and report.ingested == report.fetched  # the one under way and one queued
    assert len(site.requests) == report.fetched
    assert service.store.has_release("2181000", "en")
