"""bench/scale.py at a small N (issue 12): the whole path, build to measurement, in real processes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KEYS = {"passages", "build_s", "disk_bytes", "rss_mb", "search_p50_ms", "search_p99_ms", "recall_at_10",
        "ingest_100_s", "delete_s", "open_s"}


def test_scale_bench_builds_measures_and_prints_one_json_object(service, settings, tmp_path):
    n = 3000  # more than the session index holds: copies of its releases under new ids
    assert service.store.count_passages() < n
    out = subprocess.run([sys.executable, str(REPO / "bench/scale.py"), "--passages", str(n), "--json",
                          "--source", str(settings.index_dir), "--work", str(tmp_path)],
                         capture_output=True, text=True, timeout=900, cwd=REPO, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert KEYS <= set(result)
    assert result["passages"] == n
    # Below the size where a base turns approximate the search is exhaustive: it must find exactly
    # the top 10 the build computed from the vectors it stored, up to a tie within float32 rounding
    # (a wrong id or vector would not).
    assert result["recall_at_10"] == 1.0
    assert result["disk_bytes"] > 0 and result["rss_mb"] > 0
    assert 0 < result["search_p50_ms"] <= result["search_p99_ms"]
    assert result["ingest_100_s"] > 0 and result["delete_s"] > 0 and result["open_s"] > 0
