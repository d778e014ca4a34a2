"""Every tuning set through one service, and what a change gained and lost, question by question.

    .venv/bin/python bench/tuning.py OUT.json [--against BEFORE.json] [--set NAME=VALUE ...] [--sets a,b]

Asks every question of the tuning sets (`bot.evaluate.TUNING_SETS`: the blind tuning sets, reading,
held-out, the dev questions and the three no-answer sets) of the index in $VIGYAPTI_INDEX_DIR, as
`vigyapti eval` does, and writes each question's row to OUT.json. `--set` runs with search settings
changed (`--set sentence_names_weight=0.2`), so a candidate is measured without editing code.
`--against` compares with an earlier run: for each column the questions it gained and lost, and which.
This project drops a change that loses any tuning question before its test run, so the comparison
is by question, not by the sets' rates (two changes of one set cancel in a rate). The test sets are
never run here: they are run once a change is decided (`bench/ablation.py`).
"""
from __future__ import annotations

import argparse
import ast
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.evaluate import TUNING_SETS, evaluate_absent, evaluate_questions  # noqa: E402

# What an answerable question gets right, each a column of the comparison; a question the corpus
# cannot answer is right when its answer is null.
ANSWERABLE_COLUMNS = ("hit1", "hit3", "figure_hit", "answer_figure_hit", "asked_figure_hit", "answered")
NULL = "null"
ABSENT_SETS = ("absent", "absent-near", "near-miss")


@dataclasses.dataclass
class Change:
    """One column's questions that a run got right and the earlier one did not (gained), and the reverse."""

    gained: list[str] = dataclasses.field(default_factory=list)
    lost: list[str] = dataclasses.field(default_factory=list)


def run(service, sets: dict[str, Path]) -> dict[str, dict]:
    """Each set's evaluation (its scores and a row per question), by the set's short name."""
    return {name: (evaluate_absent if name in ABSENT_SETS else evaluate_questions)(service, path)
            for name, path in sets.items()}


def right(row: dict) -> dict[str, bool]:
    """The columns a question's row gets right: an answerable one's, or a null for one that is not."""
    if row.get("ids"):
        return {c: bool(row.get(c)) for c in ANSWERABLE_COLUMNS}
    return {NULL: not row.get("answered")}


def _key(row: dict) -> tuple:
    return row["q"], tuple(row.get("ids") or ())


def compare(before: dict[str, dict], after: dict[str, dict]) -> dict[str, Change]:
    """For each column, the questions (as "set: question") gained and lost between two runs of the same
    sets; a set or question in only one of them is not compared."""
    changes = {c: Change() for c in (*ANSWERABLE_COLUMNS, NULL)}
    for name in before.keys() & after.keys():
        # a set may ask one question twice of different releases ("When was the Ministry of Cooperation set up?")
        earlier = {_key(row): row for row in before[name]["questions"]}
        for row in after[name]["questions"]:
            if _key(row) not in earlier:
                continue
            was = right(earlier[_key(row)])
            for column, now in right(row).items():
                if column in was and now != was[column]:
                    (changes[column].gained if now else changes[column].lost).append(f"{name}: {row['q']}")
    return changes


def report(changes: dict[str, Change]) -> str:
    """One line of counts, then each question that moved."""
    lines = [" ".join(f"{c} +{len(ch.gained)} -{len(ch.lost)}" for c, ch in changes.items())]
    for column, change in changes.items():
        lines += [f"  {column} +  {q}" for q in change.gained] + [f"  {column} -  {q}" for q in change.lost]
    return "\n".join(lines)


def settings_changed(pairs: list[str]) -> dict[str, object]:
    """`NAME=VALUE` pairs as settings, each value a Python literal (0.2, None, True)."""
    changed = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            changed[name] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            raise SystemExit(f"--set {pair}: the value is not a Python literal")
    return changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="the run's rows, as JSON")
    ap.add_argument("--against", type=Path, help="an earlier run's OUT.json to compare with")
    ap.add_argument("--set", dest="changed", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--sets", help="comma-separated short names (default: all of them)")
    args = ap.parse_args()

    from bot.service import Service
    from bot.settings import Settings

    names = args.sets.split(",") if args.sets else list(TUNING_SETS)
    unknown = [n for n in names if n not in TUNING_SETS]
    if unknown:
        raise SystemExit(f"unknown sets {unknown}; known: {', '.join(TUNING_SETS)}")
    service = Service(Settings())
    if args.changed:
        service.searcher.settings = dataclasses.replace(service.searcher.settings, **settings_changed(args.changed))
    results = run(service, {n: TUNING_SETS[n] for n in names})
    args.out.write_text(json.dumps(results, ensure_ascii=False))
    for name, result in results.items():
        scores = result["scores"]
        print(f"{name:<12} " + " ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in scores.items()))
    if args.against:
        print(report(compare(json.loads(args.against.read_text()), results)))


if __name__ == "__main__":
    main()
