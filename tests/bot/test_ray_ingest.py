"""`vigyapti ingest --ray` (issue 13): a real local Ray instance of 2 actors, real processes.

One run does double duty, to stay within a couple of minutes on 2 cores: while it embeds, one of
its Ray actor processes is killed with SIGKILL, and the index it ends with must still equal the
in-process path's (same releases once each, same passages and figures, vectors within cosine
0.9999). bench/compare_indexes.py does the comparing, as it does for the whole bundled corpus.
"""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.knownvectors import text_key
from index.sentencevectors import INDEX_FILE, KeptSentences, model_stamp
from tests.bot.test_processes import REPO, _env, cli

pytest.importorskip("ray")

PER_LANGUAGE = 6
NEW_SENTENCE = {"en": "Ferries made 4,120 trips across the Brahmaputra in October.",
                "hi": "अक्टूबर में ब्रह्मपुत्र पर नौकाओं ने 4,120 फेरे लगाए।"}


def _small_corpus(tmp_path: Path) -> tuple[str, set[tuple[str, str]]]:
    """The shortest bundled releases of each language with at least three passages' worth of text."""
    from corpus.readers import bundled_corpus_dir, read_paths

    releases = list(read_paths([bundled_corpus_dir()], langs={"hi", "en"}, on_error=lambda e: None))
    chosen = []
    for lang in ("hi", "en"):
        pool = sorted((r for r in releases if r.lang == lang and len(r.text) > 1500), key=lambda r: len(r.text))
        chosen += pool[:PER_LANGUAGE]
    # One release of each language with a sentence the shipped sentence vectors do not hold.
    for lang in ("hi", "en"):
        i = next(i for i, r in enumerate(chosen) if r.lang == lang)
        chosen[i] = dataclasses.replace(chosen[i], text=chosen[i].text + "\n" + NEW_SENTENCE[lang])
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"release_id": r.release_id, "lang": r.lang, "title": r.title, "text": r.text,
                                        "ministry": r.ministry, "date": r.date, "url": r.url}, ensure_ascii=False) + "\n"
                            for r in chosen), encoding="utf-8")
    return str(path), {(r.release_id, r.lang) for r in chosen}


def _store_summary(index_dir: Path) -> tuple[dict[str, int], int, set[tuple[str, str]]]:
    from index.store import IndexStore

    store = IndexStore(index_dir, IndexStore.read_stamp(index_dir))
    try:
        ids = [int(i) for i in store.passage_ids()]
        keys = {(p.release_id, p.lang) for p in store.passages(ids).values()}
        return store.count_releases(), len(ids), keys
    finally:
        store.close()


def test_ray_ingest_survives_a_killed_actor_and_matches_the_in_process_index(tmp_path, embedder):
    from bench.compare_indexes import compare
    from bench.ray_ingest import embedding_actors

    corpus, keys = _small_corpus(tmp_path)
    (tmp_path / "inproc").mkdir()
    (tmp_path / "ray").mkdir()
    cli(tmp_path / "inproc", "ingest", corpus, "--quiet")

    env = _env(tmp_path / "ray")
    log = open(tmp_path / "ray.log", "w")
    run = subprocess.Popen([sys.executable, "-m", "bot.cli", "ingest", corpus, "--ray", "--ray-actors", "2",
                            "--ray-batch-size", "2", "--quiet"], cwd=REPO, env=env, stdout=log,
                           stderr=subprocess.STDOUT)
    killed = None
    try:
        deadline = time.time() + 300
        while run.poll() is None and time.time() < deadline:
            actors = embedding_actors(run.pid)
            busy = [pid for pid, title in actors.items() if title.endswith(".submit")]
            if killed is None and busy:
                time.sleep(1.0)  # well into a batch
                os.kill(busy[0], signal.SIGKILL)
                killed = busy[0]
            time.sleep(0.2)
        rc = run.wait(timeout=max(1, deadline - time.time()))
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        log.close()
    output = (tmp_path / "ray.log").read_text()
    assert rc == 0, output[-3000:]
    assert killed is not None, "no actor was seen embedding: " + output[-3000:]
    assert f"ingested {len(keys)} releases" in output, output[-3000:]

    releases, passages, stored = _store_summary(tmp_path / "ray" / "index")
    assert stored == keys
    assert sum(releases.values()) == len(keys)  # each release once
    c = compare(tmp_path / "inproc" / "index", tmp_path / "ray" / "index", min_cosine=0.9999)
    assert c.agrees(), c
    assert c.passages == passages
    # The sentences no shipped file holds were encoded on the pool too, as the in-process ingest does.
    assert "2 sentences encoded" in output, output[-3000:]
    kept = {}
    for where in ("inproc", "ray"):
        sentences = KeptSentences(tmp_path / where / "index" / INDEX_FILE, model_stamp(embedder))
        kept[where] = sentences.get_many([text_key(t) for t in NEW_SENTENCE.values()])
        sentences.close()
    assert len(kept["ray"]) == 2 and min(float(kept["ray"][k] @ v) for k, v in kept["inproc"].items()) > 0.999

    # Running it again (as after a crash) stores nothing twice: every release is already there unchanged.
    again = cli(tmp_path / "ray", "ingest", corpus, "--ray", "--quiet")
    assert "ingested 0 releases (0 passages; 0 replaced)" in again.stdout and f"{len(keys)} already stored unchanged" in again.stdout
    assert _store_summary(tmp_path / "ray" / "index")[:2] == (releases, passages)


def test_ray_ingest_refuses_bad_settings_and_an_address_where_no_cluster_listens(tmp_path):
    from tests.bot.conftest import free_port

    corpus, _ = _small_corpus(tmp_path)
    for flag in (["--ray-actors", "0"], ["--ray-batch-size", "many"]):
        r = subprocess.run([sys.executable, "-m", "bot.cli", "ingest", corpus, "--ray", *flag], cwd=REPO,
                           env=_env(tmp_path), capture_output=True, text=True, timeout=120)
        assert r.returncode == 2 and "not a whole number of at least 1" in r.stderr, r.stderr[-2000:]
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    r = subprocess.run([sys.executable, "-m", "bot.cli", "ingest", corpus, "--ray", address, "--quiet"], cwd=REPO,
                       env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stderr[-2000:]
    assert f"no Ray cluster answers at {address}" in r.stderr and "Traceback" not in r.stderr, r.stderr[-2000:]
    assert "not stored: " in r.stderr
