"""bench/replicas.py on Milvus at a small scale (issue 13, acceptance 3): one real `milvus-lite
server`, two `vigyapti serve` replicas on it and a third process ingesting into it, all real processes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_two_replicas_on_one_milvus_lite_server_answer_alike_while_a_third_process_ingests(model_path):
    out = subprocess.run([sys.executable, str(REPO / "bench/replicas.py"), "--store", "milvus-lite", "--seed", "3",
                          "--check-seconds", "5", "--replicas", "", "--json"],
                         capture_output=True, text=True, timeout=1500, cwd=REPO, check=False)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-3000:]
    report = json.loads(out.stdout)
    assert report["store"].startswith("milvus-lite server (http://127.0.0.1:")
    c = report["consistency"]
    assert c["rounds"] >= 1 and c["ingest_runs"] >= 1 and c["ingest_failures"] == 0
    # The same answer (sentence, release, figures, sources) from both replicas, in every round, as
    # before the ingests began; the whole reply again once they ended.
    assert c["answers_differing"] == 0 and c["pairs_answering_differently"] == 0
    assert c["same_after"]
    assert "86,000" in c["answer"] or "86000" in c["answer"], c["answer"]
