"""Crash safety for real (issue 5, acceptance 2; issue 12, acceptance 4): a subprocess adds, replaces and
deletes releases in a scratch index, and compacts it (explicitly, and in the background past a tiny delta),
and is SIGKILLed at random moments, again and again. After every kill the index must open, FAISS (bases,
tombstones and delta) must hold exactly SQLite's passages and vectors, FTS exactly its passages, and the
whole state must be the one before the interrupted write or the one after it: every release fully old or
fully new (text, passages, vectors), every batch all-or-nothing.

Real parts throughout: real releases segmented with our segmenter and figure extractor, vectors from the
real model (computed once and saved to .npy), the real IndexStore (SQLite + FAISS) in the child.
"""
from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from index.database import blob_vector

REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("VIGYAPTI_CRASH_KILLS", "60"))
N_RELEASES = 8
VERSIONS = 3

CHILD = r"""
import json, pickle, random, sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
from index.store import IndexStore, ReleaseEntry

work, seed, oplog = sys.argv[2], int(sys.argv[3]), sys.argv[4]
with open(f"{work}/data.pkl", "rb") as f:
    data = pickle.load(f)
vectors = np.load(f"{work}/vectors.npy")
store = IndexStore(f"{work}/index", data["stamp"])
store.COMPACT_ROWS = 40  # background compactions while the writes go on
print("ready", flush=True)
rng = random.Random(seed)
keys = sorted(data["versions"])
log = open(oplog, "a", buffering=1)
n = 0
while True:
    n += 1
    if rng.random() < 0.15:
        log.write(json.dumps({"n": n, "op": "compact"}) + "\n")
        store.compact()
    elif rng.random() < 0.2:
        rid, lang = rng.choice(keys)
        lang = lang if rng.random() < 0.5 else None
        log.write(json.dumps({"n": n, "op": "delete", "release_id": rid, "lang": lang}) + "\n")
        store.delete(rid, lang)
    else:
        batch = rng.sample(keys, rng.randint(1, 4))
        chosen = [(k, rng.randrange(len(data["versions"][k]))) for k in batch]
        entries = []
        for k, v in chosen:
            release, passages, lo, hi = data["versions"][k][v]
            entries.append(ReleaseEntry(release, passages, vectors[lo:hi]))
        log.write(json.dumps({"n": n, "op": "upsert", "items": [[k[0], k[1], v] for k, v in chosen]}) + "\n")
        store.upsert(entries)
    log.write(json.dumps({"n": n, "done": True}) + "\n")
"""


@pytest.fixture(scope="module")
def crash_data(tmp_path_factory, embedder, corpus_slice):
    """Three versions of a few real releases (different lengths, so different passage counts),
    segmented and embedded once by the real pipeline parts."""
    import dataclasses

    from index.pipeline import Indexer, open_store, passage_input

    work = tmp_path_factory.mktemp("crash")
    small = sorted(corpus_slice, key=lambda r: len(r.text))[:N_RELEASES]
    indexer = Indexer(store=None, embedder=embedder)
    versions, texts = {}, []
    for r in small:
        sentences = [s for s in r.text.split("\n") if s.strip()] or [r.text]
        for v in range(VERSIONS):
            keep = sentences[: max(1, len(sentences) * (v + 1) // VERSIONS)]
            text = f"संस्करण {v} / version {v}.\n" + "\n".join(keep)
            release = dataclasses.replace(r, text=text, title=f"{r.title} (v{v})")
            _, passages = indexer.prepare(release)
            lo = len(texts)
            texts += [passage_input(release.title, p.text) for p in passages]
            versions.setdefault(r.key, []).append((release, passages, lo, len(texts)))
    vectors = embedder.encode_passages(texts)
    np.save(work / "vectors.npy", vectors)
    stamp = open_store(work / "probe", embedder).stamp
    shutil.rmtree(work / "probe")
    with open(work / "data.pkl", "wb") as f:
        pickle.dump({"stamp": stamp, "versions": versions}, f)
    (work / "child.py").write_text(CHILD)
    return work, stamp, versions, vectors


def actual_state(store) -> dict:
    """{(release_id, lang): (text, [(start, end, text, vector bytes)...])} straight from SQLite."""
    con = sqlite3.connect(store.path / "index.db")
    try:
        out = {}
        for rid, lang, text in con.execute("SELECT release_id, lang, text FROM releases"):
            rows = con.execute('SELECT p.start, p."end", p.text, v.vector FROM passages p LEFT JOIN passage_vectors v '
                               "ON v.id = p.id WHERE p.release_id=? AND p.lang=? ORDER BY p.id", (rid, lang)).fetchall()
            out[(rid, lang)] = (text, rows)
        return out
    finally:
        con.close()


def expected(versions, vectors, model: dict) -> dict:
    out = {}
    for key, v in model.items():
        release, passages, lo, _ = versions[key][v]
        out[key] = (release.text, [(p.start, p.end, p.text, vectors[lo + i].astype(np.float16).tobytes())
                                   for i, p in enumerate(passages)])
    return out


def apply(model: dict, op: dict) -> dict:
    model = dict(model)
    if op["op"] == "compact":
        pass
    elif op["op"] == "delete":
        for key in [k for k in model if k[0] == op["release_id"] and op["lang"] in (None, k[1])]:
            del model[key]
    else:
        for rid, lang, v in op["items"]:
            model[(rid, lang)] = v
    return model


def check_invariants(store) -> bool:
    """FAISS == SQLite passages (ids and vectors), FTS == passages; returns whether FAISS had to be rebuilt."""
    con = sqlite3.connect(store.path / "index.db")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in con.execute("SELECT id FROM passages ORDER BY id")]
        fts = [r[0] for r in con.execute("SELECT rowid FROM passages_fts ORDER BY rowid")]
        vecs = {pid: blob_vector(b, store.stamp.dim) for pid, b in con.execute("SELECT id, vector FROM passage_vectors")}
        assert [r[0] for r in con.execute("SELECT id FROM passage_vectors ORDER BY id")] == ids
        orphans = con.execute("SELECT COUNT(*) FROM passages p LEFT JOIN releases r "
                              "ON p.release_id = r.release_id AND p.lang = r.lang WHERE r.release_id IS NULL").fetchone()[0]
    finally:
        con.close()
    shards = store.vector_shards()
    assert shards.ntotal == len(ids) == store.count_passages()
    assert fts == ids and orphans == 0
    assert shards.ids().tolist() == ids
    for pid in ids:
        np.testing.assert_allclose(shards.vector(pid), vecs[pid], atol=1e-3)  # FAISS holds fp16
    return shards.delta_size < len(ids)


def test_sigkill_during_ingest_leaves_old_or_new_state(crash_data, tmp_path):
    from index.store import IndexStore

    work, stamp, versions, vectors = crash_data
    shutil.rmtree(work / "index", ignore_errors=True)
    rng = random.Random(20260501)
    model: dict = {}
    stats = {"kills": 0, "mid_write": 0, "mid_compaction": 0, "old": 0, "new": 0, "with_base": 0, "ops": 0,
             "compactions": 0, "before_ready": 0}
    started = time.time()
    for round_ in range(KILLS):
        oplog = tmp_path / f"ops-{round_}.jsonl"
        child = subprocess.Popen([sys.executable, str(work / "child.py"), str(REPO), str(work), str(round_), str(oplog)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if rng.random() < 0.15:  # sometimes while it opens (and maybe repairs) the index
            time.sleep(rng.uniform(0.0, 0.6))
            stats["before_ready"] += 1
        else:
            line = child.stdout.readline()
            assert line.strip() == "ready", child.stderr.read()
            time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL, child.stderr.read()
        stats["kills"] += 1

        # What the child did: ops done, and at most one begun and not finished.
        ops, pending = [], None
        if oplog.exists():
            for raw in oplog.read_text().splitlines():
                try:
                    rec = json.loads(raw)
                except json.JSONDecodeError:  # a line cut by the kill: its op never reached the store
                    continue
                if rec.get("done"):
                    ops.append(pending)
                    pending = None
                else:
                    pending = rec
        for op in ops:
            model = apply(model, op)
        stats["ops"] += len(ops)
        candidates = [model] + ([apply(model, pending)] if pending else [])

        # Open a copy (the original stays as the kill left it, so the next child meets the mess).
        check = tmp_path / "check"
        shutil.rmtree(check, ignore_errors=True)
        if (work / "index").exists():
            shutil.copytree(work / "index", check)
        store = IndexStore(check, stamp)
        try:
            stats["with_base"] += check_invariants(store)
            state = actual_state(store)
        finally:
            store.close()
        matches = [i for i, m in enumerate(candidates) if expected(versions, vectors, m) == state]
        assert matches, (f"round {round_}: the index is neither the state before nor after the interrupted "
                         f"write {pending}: {sorted(state)} vs {[sorted(c) for c in candidates]}")
        stats["compactions"] += sum(op["op"] == "compact" for op in ops)
        if pending and pending["op"] == "compact":
            stats["mid_compaction"] += 1
        elif pending:
            stats["mid_write"] += 1
            stats["new" if matches[-1] == 1 else "old"] += 1
            model = candidates[matches[-1]]
    stats["seconds"] = round(time.time() - started, 1)
    print(f"\ncrash safety: {json.dumps(stats)}")
    assert stats["kills"] >= 50 and stats["ops"] > stats["kills"]
    assert stats["mid_write"] > 10  # the kills really do land inside writes
    assert stats["mid_compaction"] >= 3 and stats["compactions"] > 5 and stats["with_base"] > 10
