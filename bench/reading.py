"""How questions are read, against what their writer meant: the time each asks about, and whether
the figure kinds it is read as asking for hold the kind of its answer (a TUNING measurement).

    .venv/bin/python bench/reading.py [FILE] [--today YYYY-MM-DD] [--json]

FILE (default `bench/data/reading-questions.jsonl`, written blind for this) holds questions with
"time" ({"start", "end"} or null), "time_words" and "figure_kind". A relative time ("last month") is
read against --today, the day the writer resolved it against. An open time ("since 2014", "2014 से
अब तक") is read up to today; its writer ended it on the release's date, so there only its start is
compared. Nothing is searched: no index or model is needed. A test set prints its counts only,
unless --per-question (as `vigyapti eval` does).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.evaluate import load_questions, set_kind  # noqa: E402
from index.search import expected_kinds  # noqa: E402
from index.timeq import read_time  # noqa: E402

DEFAULT = Path(__file__).resolve().parent / "data" / "reading-questions.jsonl"
_OPEN = re.compile(r"(?i)\bsince\b|onwards?|till date|to date|अब तक|आज तक|बाद से")


def time_read_as_meant(row: dict, today: dt.date) -> tuple[bool, dict | None]:
    """(whether the question's time is read as its writer meant it, the window read)."""
    window = read_time(row["q"], today).window
    got = window.to_dict() if window else None
    meant = row.get("time")
    if got is None or meant is None:
        return got is None and meant is None, got
    if (got["start"], got["end"]) == (meant["start"], meant["end"]):
        return True, got
    return bool(_OPEN.search(row.get("time_words") or "")) and got["start"] == meant["start"] \
        and got["end"] >= meant["end"], got


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 12, 1))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--per-question", action="store_true", help="list the misread questions of a test set too")
    args = ap.parse_args()
    rows = load_questions(args.questions)
    misread = []
    for row in rows:
        right, got = time_read_as_meant(row, args.today)
        kinds = sorted(expected_kinds(row["q"]))
        kind_right = row["figure_kind"] in kinds
        if not (right and kind_right):
            misread.append({"q": row["q"], "time_words": row.get("time_words"), "meant": row.get("time"),
                            "read": got, "time_right": right, "figure_kind": row["figure_kind"], "kinds_read": kinds})
    report = {"set": str(args.questions), "set_kind": set_kind(args.questions), "questions": len(rows),
              "time_right": len(rows) - sum(not m["time_right"] for m in misread),
              "kind_right": len(rows) - sum(m["figure_kind"] not in m["kinds_read"] for m in misread),
              "misread": misread}
    if report["set_kind"] == "test" and not args.per_question:
        del report["misread"]
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    print(f"{report['set_kind'].upper()} set {args.questions}: {len(rows)} questions; time read as meant "
          f"{report['time_right']}, figure kind among those read {report['kind_right']}")
    for m in report.get("misread", []):
        what = "time" if not m["time_right"] else "kind"
        read = (f"{m['read']['start']}..{m['read']['end']}" if m["read"] else "no time") if what == "time" \
            else ",".join(m["kinds_read"]) or "no kind"
        meant = (f"{m['meant']['start']}..{m['meant']['end']}" if m["meant"] else "no time") if what == "time" \
            else m["figure_kind"]
        print(f"  {what}: read {read}, meant {meant} ({m['time_words'] or ''}) | {m['q']}")


if __name__ == "__main__":
    main()
