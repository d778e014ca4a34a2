"""bench/translation_memory.py at a small N: a real index built, detection measured in fresh processes."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_translation_memory_bench_measures_detection_and_names_its_links(tmp_path):
    out = subprocess.run([sys.executable, str(REPO / "bench/translation_memory.py"), "--per-lang", "300", "--per-day",
                          "100", "--work", str(tmp_path / "work"), "--dump", str(tmp_path / "links"), "--json"],
                         capture_output=True, text=True, timeout=600, cwd=REPO, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert (result["per_lang"], result["days"], result["releases"]) == (300, 3, 600)
    assert result["links"] == 300  # each synthetic pair is far closer to its own version than to others
    assert 0 < result["peak_rss_before_mb"] <= result["peak_rss_mb"] and result["tracemalloc_peak_mb"] > 0
    dumped = (tmp_path / "links" / "links-300.txt").read_bytes()
    assert len(dumped.splitlines()) == 300 and hashlib.sha256(dumped).hexdigest() == result["sha256"]
    assert all(b"source='detected'" in line for line in dumped.splitlines())
