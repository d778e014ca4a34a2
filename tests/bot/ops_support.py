"""Shared by the issue 5 tests: a scratch index of a few real releases, served with admin keys set."""
from __future__ import annotations

import json
from pathlib import Path

import httpx

ADMIN_KEY = "test-admin-key-0123456789"
OTHER_KEY = "second-admin-key"
# Small real releases (the GeM one is asked about in test_api); a handful keeps embedding quick.
SCRATCH_IDS = ("2184082", "1628922", "1620635")


def assert_json_error(r: httpx.Response, status: int, *words: str) -> dict:
    """The API's error body (ErrorOut) with this status, its detail holding `words` (any case)."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["error"] and body["detail"] and body["request_id"] == r.headers["x-request-id"]
    text = json.dumps(body["detail"], ensure_ascii=False).lower()
    for w in words:
        assert w.lower() in text, (w, body)
    return body


def scratch_service(root: Path, embedder, corpus_slice, **settings):
    """A Service over its own index (so writes never disturb the session index other tests rely on)."""
    from bot.service import Service
    from bot.settings import Settings

    s = Settings(index_dir=root / "index", querylog=root / "querylog.db",
                 admin_keys=f"{ADMIN_KEY},{OTHER_KEY}", **settings)
    service = Service(s, embedder=embedder)
    if service.is_empty():
        service.ingest([r for r in corpus_slice if r.release_id in SCRATCH_IDS])
    return service


def app_for(service, **overrides):
    """An app over `service` with its settings changed (rate limits, body limits, keys...)."""
    from bot.api import create_app

    return create_app(service, service.settings.model_copy(update=overrides))
