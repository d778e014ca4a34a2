"""/releases over real HTTP: POST's bodies under the API's one rule (bot/http.py) — on a scratch index
of real releases."""
from __future__ import annotations

import json

import httpx
import pytest

from ops_support import ADMIN_KEY, app_for, scratch_service

AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}
TEXT = "The ministry said that 4,210 new anganwadi centres were opened in Odisha in 2025."


def release(rid: str, **kw) -> dict:
    return {"release_id": rid, "lang": "en", "title": f"Release {rid}", "text": TEXT, "date": "2025-01-15", **kw}


@pytest.fixture(scope="module")
def releases_service(tmp_path_factory, embedder, corpus_slice):
    svc = scratch_service(tmp_path_factory.mktemp("releases"), embedder, corpus_slice)
    yield svc
    svc.close()


@pytest.fixture(scope="module")
def client(releases_service, serve_app):
    with httpx.Client(base_url=serve_app(app_for(releases_service)), timeout=120) as c:
        yield c


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


def test_an_ingested_releases_date_is_a_day_and_nothing_else(client):
    r = client.post("/releases", json=release("960030", date="2025-01-15T00:00:00"), headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"]["lines"][0]["errors"] == [
        "date: a day as yyyy-mm-dd, without a time"], r.text
    assert client.get("/releases/960030").status_code == 404
