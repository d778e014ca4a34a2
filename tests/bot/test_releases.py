"""/releases over real HTTP: what GET shows of a release (no path of the server's), its ETag and 304,
and POST's bodies under the API's one rule (bot/protocol.py) — on a scratch index of real releases."""
from __future__ import annotations

import json

import httpx
import pytest

from corpus import Release
from ops_support import ADMIN_KEY, app_for, scratch_service

AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}
TEXT = "The ministry said that 4,210 new anganwadi centres were opened in Odisha in 2025."


def release(rid: str, **kw) -> dict:
    return {"release_id": rid, "lang": "en", "title": f"Release {rid}", "text": TEXT, "date": "2025-01-15", **kw}


@pytest.fixture(scope="module")
def releases_service(tmp_path_factory, embedder, corpus_slice):
    svc = scratch_service(tmp_path_factory.mktemp("releases"), embedder, corpus_slice)
    # As other ingestions stored them: a path given whole, and a page the sync fetched from a mirror.
    svc.ingest([Release(release_id="960001", lang="en", title="From a whole path", text=TEXT,
                        source="/srv/vigyapti/corpus/data/pib/en-2026.jsonl:12"),
                Release(release_id="960002", lang="en", title="From the sync", text=TEXT,
                        url="https://pib.gov.in/PressReleasePage.aspx?PRID=960002",
                        source="http://10.0.0.7:8080/PressReleasePage.aspx?PRID=960002")])
    yield svc
    svc.close()


@pytest.fixture(scope="module")
def client(releases_service, serve_app):
    with httpx.Client(base_url=serve_app(app_for(releases_service)), timeout=120) as c:
        yield c


# -- what a release shows -----------------------------------------------------------------------

def test_a_releases_source_names_its_collection_never_a_server_path(client, corpus_slice):
    bundled = next(r for r in corpus_slice if r.release_id == "2184082")
    assert "/" in bundled.source  # stored with the folders it was read from
    got = {d["lang"]: d["source"] for d in client.get("/releases/2184082").json()["languages"]}
    assert got[bundled.lang] == bundled.source.rsplit("/", 1)[-1]
    whole = client.get("/releases/960001").json()["languages"][0]
    assert whole["source"] == "en-2026.jsonl:12"
    synced = client.get("/releases/960002").json()["languages"][0]
    assert synced["source"] == "sync" and synced["url"] == "https://pib.gov.in/PressReleasePage.aspx?PRID=960002"
    assert client.post("/releases", json=release("960003"), headers=AUTH).status_code == 200
    assert client.get("/releases/960003").json()["languages"][0]["source"] == "api"
    for rid in ("2184082", "960001", "960002", "960003"):
        text = client.get(f"/releases/{rid}").text
        assert "/srv/" not in text and "10.0.0.7" not in text and "data/pib" not in text


# -- ETag and 304 -------------------------------------------------------------------------------

def test_a_release_has_a_strong_etag_and_a_copy_still_good_gets_304(client):
    r = client.get("/releases/2184082")
    tag = r.headers["etag"]
    assert r.status_code == 200 and tag.startswith('"') and not tag.startswith("W/")
    assert r.headers["cache-control"] == "no-cache"
    again = client.get("/releases/2184082")
    assert again.headers["etag"] == tag and again.content == r.content
    for sent in (tag, f'"other", {tag}', f"W/{tag}", "*"):
        same = client.get("/releases/2184082", headers={"If-None-Match": sent})
        assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == tag, sent
    other = client.get("/releases/2184082", headers={"If-None-Match": '"not-this-one"'})
    assert other.status_code == 200 and other.content == r.content
    both = client.get("/releases/1620635").headers["etag"]  # in English and Hindi
    one_lang = client.get("/releases/1620635", params={"lang": "hi"}, headers={"If-None-Match": both})
    assert one_lang.status_code == 200 and one_lang.headers["etag"] != both  # another representation
    missing = client.get("/releases/no-such-release", headers={"If-None-Match": "*"})
    assert missing.status_code == 404


def test_the_etag_follows_the_content(client):
    assert client.post("/releases", json=release("960010"), headers=AUTH).status_code == 200
    first = client.get("/releases/960010").headers["etag"]
    client.post("/releases", json=release("960010", title="Release 960010, corrected"), headers=AUTH)
    changed = client.get("/releases/960010", headers={"If-None-Match": first})
    assert changed.status_code == 200 and changed.headers["etag"] != first
    assert changed.json()["languages"][0]["title"] == "Release 960010, corrected"


def test_a_release_posted_again_as_stored_keeps_its_passages_and_its_etag(client):
    assert client.post("/releases", json=release("960011"), headers=AUTH).status_code == 200
    first = client.get("/releases/960011")
    ids = [p["passage_id"] for p in first.json()["languages"][0]["passages"]]
    again = client.post("/releases", json=release("960011"), headers=AUTH).json()
    assert again["releases"] == 1 and again["passages"] == 0  # taken, nothing stored anew
    assert again["items"] == [{"release_id": "960011", "lang": "en", "passages": len(ids), "replaced": False,
                               "unchanged": True}]
    same = client.get("/releases/960011", headers={"If-None-Match": first.headers["etag"]})
    assert same.status_code == 304 and same.headers["etag"] == first.headers["etag"]
    assert [p["passage_id"] for p in client.get("/releases/960011").json()["languages"][0]["passages"]] == ids

def test_a_file_release_posted_again_unchanged_keeps_the_source_of_the_version_stored(client, releases_service,
                                                                                     tmp_path):
    from corpus.readers import read_paths

    path = tmp_path / "en-2026.jsonl"
    path.write_text(json.dumps(release("960040")) + "\n", encoding="utf-8")
    releases_service.ingest(read_paths([path], langs={"en"}))  # as `vigyapti ingest en-2026.jsonl`
    first = client.get("/releases/960040")
    (held,) = first.json()["languages"]
    assert held["source"] == "en-2026.jsonl:1"
    # a client sends back what it read: the release is stored already exactly so
    sent = {k: held[k] for k in ("release_id", "lang", "title", "text", "ministry", "date", "url")}
    r = client.post("/releases", json=sent, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["passages"] == 0 and r.json()["items"] == [
        {"release_id": "960040", "lang": "en", "passages": len(held["passages"]), "replaced": False, "unchanged": True}]
    # left as stored: the file's version, so its source, its passages' ids and its ETag
    assert client.get("/releases/960040", headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    assert client.get("/releases/960040").json()["languages"][0]["source"] == "en-2026.jsonl:1"
    # other content is a new version, and that one came from the API
    r = client.post("/releases", json={**sent, "title": "Release 960040, corrected"}, headers=AUTH)
    assert r.json()["items"][0]["replaced"] is True
    (now,) = client.get("/releases/960040").json()["languages"]
    assert now["source"] == "api" and now["title"] == "Release 960040, corrected"


def test_the_etag_is_the_same_from_another_process(client, releases_service, serve_app):
    tag = client.get("/releases/1628922").headers["etag"]
    other = serve_app(app_for(releases_service))  # a second app over the same index: as after a restart
    r = httpx.get(f"{other}/releases/1628922", headers={"If-None-Match": tag}, timeout=60)
    assert r.status_code == 304 and r.headers["etag"] == tag


def test_the_openapi_document_states_the_etag_and_the_304(client):
    get = client.get("/openapi.json").json()["paths"]["/releases/{release_id}"]["get"]
    assert {"ETag", "Cache-Control"} <= get["responses"]["200"]["headers"].keys() and "304" in get["responses"]
    assert any(p["in"] == "header" and p["name"].lower() == "if-none-match" for p in get["parameters"])


# -- POST's bodies ------------------------------------------------------------------------------

def test_a_key_named_twice_in_an_ingested_release_is_refused(client):
    twice = b'{"release_id": "960020", "lang": "en", "title": "A", "title": "B", "text": "' + TEXT.encode() + b'"}'
    r = client.post("/releases", content=twice, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 400 and "'title' stands twice" in r.json()["detail"], r.text
    r = client.post("/releases", content=b"[" + twice + b"]", headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 400 and "'title' stands twice" in r.json()["detail"], r.text
    lines = json.dumps(release("960021")).encode() + b"\n" + twice
    r = client.post("/releases", content=lines, headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert r.status_code == 422, r.text
    [bad] = r.json()["detail"]["lines"]
    assert bad["line"] == 2 and "'title' stands twice" in bad["errors"][0]
    assert client.get("/releases/960020").status_code == client.get("/releases/960021").status_code == 404


def test_a_release_in_a_language_not_supported_is_refused_in_the_words_ingest_uses(client):
    r = client.post("/releases", json=release("960050", lang="ur"), headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"]["lines"][0]["errors"] == [
        "lang: language 'ur' is not supported (supported: en, hi)"], r.text  # before: "Input should be 'hi' or 'en'"
    assert client.get("/releases/960050").status_code == 404


def test_an_ingested_releases_date_is_a_day_and_nothing_else(client):
    r = client.post("/releases", json=release("960030", date="2025-01-15T00:00:00"), headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"]["lines"][0]["errors"] == [
        "date: a day as yyyy-mm-dd, without a time"], r.text
    assert client.get("/releases/960030").status_code == 404
