"""Which releases a reply cites beside its answer, on the blind TUNING sets (never a test set).

    VIGYAPTI_INDEX_DIR=... .venv/bin/python bench/sources.py [--sets blind,blind2,...]

For each answered question, every release `sources` cites besides the answer's own is counted as one
of the question's right releases or not, and as stating one of the answer's figures (the same value
in its passage) or not: a cited release that is neither is a release about something else.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.evaluate import TUNING_SETS, load_questions, set_kind  # noqa: E402
from bot.replies import choose_sources  # noqa: E402
from bot.service import Service  # noqa: E402
from bot.settings import Settings  # noqa: E402

DEFAULT_SETS = "blind,blind2,blind3,blind4,blind5,reading"


def count(service: Service, paths: list[Path]) -> Counter:
    counts: Counter = Counter()
    for path in paths:
        for q in load_questions(path, need_ids=False):
            result = service.ask(q["q"], top_k=5, lang=q.get("lang"))
            if result.answer is None:
                continue
            counts["answered"] += 1
            values = {f.value for f in result.answer.figures if f.value is not None}
            right = {str(i) for i in q.get("ids") or []}
            for cited in choose_sources(result)[1:]:
                is_right = cited.release.release_id in right
                states = bool(values & {f.value for f in cited.passage.figures})
                counts["others"] += 1
                counts["right release"] += is_right
                counts["states a figure of the answer"] += states
                counts["neither"] += not is_right and not states
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=DEFAULT_SETS, help=f"tuning sets by name (default {DEFAULT_SETS})")
    args = ap.parse_args()
    paths = [TUNING_SETS[name] for name in args.sets.split(",")]
    for path in paths:
        if set_kind(path) != "tuning":
            raise SystemExit(f"{path.name} is not a tuning set")
    counts = count(Service(Settings()), paths)
    print(f"answered {counts['answered']}; other releases cited beside an answer: {counts['others']}")
    for key in ("right release", "states a figure of the answer", "neither"):
        print(f"  {key}: {counts[key]}")


if __name__ == "__main__":
    main()
