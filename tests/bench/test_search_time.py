"""bench/search_time.py: its summary and the CPU flags it reports beside every figure."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import search_time  # noqa: E402


def test_summary_gives_p50_p90_and_mean_of_each_and_no_encoding_when_none_was_timed():
    r = search_time.summary([10.0, 12.0, 14.0], [5.0, 6.0, 9.0], [4.0, 6.0, 8.0])
    assert r["n"] == 3
    assert r["encode"] == {"p50": 12.0, "p90": 14.0, "mean": 12.0}
    assert r["search"] == {"p50": 6.0, "p90": 9.0, "mean": 6.67}
    assert r["search_cpu"]["p50"] == 6.0
    # questions asked before: the searcher keeps their vectors, so the model encodes nothing
    assert search_time.summary([], [5.0], [5.0])["encode"] is None


def test_speed_flags_are_the_encoders_flags_lscpu_lists():
    lscpu = shutil.which("lscpu")
    if lscpu is None:
        pytest.skip("no lscpu on this machine")
    out = subprocess.run([lscpu], capture_output=True, text=True, check=True, env={"LC_ALL": "C"}).stdout
    listed = next((line.split(":", 1)[1].split() for line in out.splitlines() if line.startswith("Flags:")), [])
    flags = search_time.speed_flags()
    # AMX's only where this process may use it (index.embeddings.cpu_flags asks the kernel)
    assert [f for f in flags if not f.startswith("amx")] == [
        f for f in search_time.FLAGS if f in listed and not f.startswith("amx")]
    assert set(flags) <= set(listed)
    assert "avx2" in search_time.FLAGS and "amx_tile" in search_time.FLAGS
