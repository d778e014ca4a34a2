"""Several processes on one index (issue 10): a running server and the `vigyapti ingest` command.

Real processes throughout: `vigyapti serve` as a subprocess on a scratch index, the CLI writing beside
it, questions over real HTTP. The English questions ask for Hindi passages (`lang: hi`), so only the
vectors can find the release: a server reading stale vectors, or the files of a directory that was
replaced, does not.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.bot.conftest import free_port

REPO = Path(__file__).resolve().parents[2]
KEY = "processes-admin-key-0123456789"
GEM_EN = "How many sellers from Madhya Pradesh completed their profile on GeM?"
COAL = {"release_id": "900001", "lang": "en", "title": "Coal production in March",
        "text": "The Ministry of Coal said that coal production reached 90 million tonnes in March."}
SOLAR = {"release_id": "900002", "lang": "hi", "title": "सौर ऊर्जा क्षमता",
         "text": "नवीन और नवीकरणीय ऊर्जा मंत्रालय ने बताया कि देश में सौर ऊर्जा क्षमता 100 गीगावाट से अधिक हो गई है।"}


def _env(tmp_path: Path) -> dict:
    return {**os.environ, "VIGYAPTI_INDEX_DIR": str(tmp_path / "index"), "VIGYAPTI_ADMIN_KEYS": KEY,
            "VIGYAPTI_QUERYLOG": str(tmp_path / "querylog.db"), "PYTHONPATH": str(REPO)}


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    r = subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=REPO, env=_env(tmp_path),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return r


def jsonl(tmp_path: Path, name: str, *releases: dict) -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in releases), encoding="utf-8")
    return str(path)


@contextmanager
def server(tmp_path: Path, **env: str):
    port = free_port()
    log = open(tmp_path / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--no-build", "--port", str(port)],
                            cwd=REPO, env={**_env(tmp_path), **env}, stdout=log, stderr=subprocess.STDOUT)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            deadline = time.time() + 300
            while True:
                assert proc.poll() is None, (tmp_path / "server.log").read_text()[-3000:]
                assert time.time() < deadline, "the server did not start"
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.5)
            yield client
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def top_release(client: httpx.Client, question: str, lang: str) -> str | None:
    r = client.post("/ask", json={"question": question, "lang": lang})
    assert r.status_code == 200, r.text
    passages = r.json()["passages"]
    return passages[0]["release_id"] if passages else None


@pytest.fixture
def gem_file(shared_data) -> str:
    return str(shared_data / "pib/single/2184082-hi.txt")


def test_cli_ingest_beside_a_running_server(tmp_path, model_path, gem_file):
    cli(tmp_path, "ingest", jsonl(tmp_path, "coal.jsonl", COAL), "--quiet")
    with server(tmp_path) as client:
        assert top_release(client, GEM_EN, "hi") is None  # no Hindi release yet
        cli(tmp_path, "ingest", gem_file, "--quiet")  # another process writes
        assert top_release(client, GEM_EN, "hi") == "2184082"
        assert client.get("/health").json()["releases"] == {"en": 1, "hi": 1}
        # and the server's own writes still go to the same index after the other writer's
        r = client.post("/releases", json=SOLAR, headers={"Authorization": f"Bearer {KEY}"})
        assert r.status_code == 200, r.text
        assert top_release(client, "How much solar power capacity does the country have?", "hi") == "900002"
    assert "900002" in cli(tmp_path, "ask", "सौर ऊर्जा क्षमता कितनी है?", "--json").stdout


def test_rebuild_beside_a_running_server(tmp_path, model_path, gem_file):
    cli(tmp_path, "ingest", jsonl(tmp_path, "coal.jsonl", COAL), "--quiet")
    with server(tmp_path) as client:
        assert top_release(client, "How much coal was produced in March?", "en") == "900001"
        cli(tmp_path, "ingest", "--rebuild", gem_file, "--quiet")  # a new directory replaces the index
        assert top_release(client, GEM_EN, "hi") == "2184082"
        assert client.get("/health").json()["releases"] == {"hi": 1}
        assert client.get("/releases/900001").status_code == 404
        detail = client.get("/releases/2184082")
        assert detail.status_code == 200 and detail.json()["languages"][0]["passages"]
        # the server's writes after the rebuild land in the new directory, not in deleted files
        r = client.post("/releases", json=SOLAR, headers={"Authorization": f"Bearer {KEY}"})
        assert r.status_code == 200, r.text
    assert not list(tmp_path.glob("index.*"))  # no staging or old directory left behind
    out = json.loads(cli(tmp_path, "ask", "सौर ऊर्जा क्षमता कितनी है?", "--json").stdout)
    assert out["passages"][0]["release_id"] == "900002"


def test_serve_reads_a_small_index_older_readers_read_again_before_it_answers(tmp_path, model_path, gem_file,
                                                                            embedder):
    from index.pipeline import open_store

    cli(tmp_path, "ingest", gem_file, jsonl(tmp_path, "coal.jsonl", COAL), "--quiet")

    def read_by_older_readers():
        store = open_store(tmp_path / "index", embedder)
        store.set_readers_version(None)  # as an index from before the readers' version was kept
        store.close()

    read_by_older_readers()
    with server(tmp_path, VIGYAPTI_REFRESH_AT_START="0") as client:  # too many releases to read at start
        assert client.get("/health").json()["readers"]["up_to_date"] is False
    assert "Run `vigyapti refresh`" in (tmp_path / "server.log").read_text()
    with server(tmp_path) as client:
        assert client.get("/health").json()["readers"]["up_to_date"] is True
        assert top_release(client, GEM_EN, "hi") == "2184082"
    log = (tmp_path / "server.log").read_text()
    assert "reading them again before serving" in log and "0 of 2 releases changed" in log


def test_serve_reports_how_long_it_took_to_answer_from_its_process_start(tmp_path, model_path):
    launched = time.monotonic()
    with server(tmp_path) as client:  # an empty index, --no-build: the model loads, then it answers
        before = time.monotonic() - launched
        health = client.get("/health").json()
        after = time.monotonic() - launched
    # ready_after_s counts from the process's start (its imports and model loading included), uptime_s
    # from when it began answering: together, the time since it was launched (each rounded to 0.1 s).
    assert health["ready_after_s"] > 0.5 and health["uptime_s"] < before
    assert before - 0.25 <= health["ready_after_s"] + health["uptime_s"] <= after + 0.15
