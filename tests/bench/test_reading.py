"""bench/reading.py on a small hand-written set: a time read as meant, one misread, an open time."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_reading_counts_the_times_and_kinds_read_as_meant(tmp_path):
    rows = [
        {"q": "How many houses were built in July 2026?", "ids": ["1"], "figure_kind": "count",
         "time": {"start": "2026-07-01", "end": "2026-07-31"}, "time_words": "July 2026"},
        {"q": "How many airports since 2014?", "ids": ["1"], "figure_kind": "count",
         "time": {"start": "2014-01-01", "end": "2026-08-10"}, "time_words": "since 2014"},
        {"q": "What share of GVA was manufacturing in FY26 under the 2022-23 base series?", "ids": ["1"],
         "figure_kind": "percent", "time": {"start": "2025-04-01", "end": "2026-03-31"}, "time_words": "FY26"},
        {"q": "Who chaired the meeting?", "ids": ["1"], "figure_kind": "count", "time": None, "time_words": None},
    ]
    path = tmp_path / "reading.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, str(REPO / "bench/reading.py"), str(path), "--json"],
                         capture_output=True, text=True, timeout=120, cwd=REPO, check=True)
    report = json.loads(out.stdout)
    assert (report["questions"], report["time_right"], report["kind_right"]) == (4, 3, 3)
    assert [m["q"][:10] for m in report["misread"]] == ["What share", "Who chaire"]
    assert report["misread"][0]["read"]["start"] == "2022-04-01"  # a base series' year is still read as a time
