"""Fit the no-answer model (index/noanswer.py) on the TUNING sets, and check it set by set.

    .venv/bin/python bench/fit_no_answer.py gather   # search every tuning question: bench/data/no-answer-signals.jsonl
    .venv/bin/python bench/fit_no_answer.py fit      # the signals → index/no-answer-weights.json
    .venv/bin/python bench/fit_no_answer.py check    # leave one set out: fit on the others, score it

`gather` needs the index ($VIGYAPTI_INDEX_DIR, the bundled corpus) and the model; `fit` and `check`
read only the signals file, so a test can refit and compare with the stored weights. Only tuning
sets are read: the blind test set is never gathered (docs/retrieval.md).
"""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.evaluate import TUNING_SETS  # noqa: E402
from index.noanswer import FEATURES, NoAnswerModel, bundled_weights_file, fit  # noqa: E402

SIGNALS = ROOT / "bench" / "data" / "no-answer-signals.jsonl"

# Each set by the name it is reported under; answerable ones hold `ids`, the others none.
SETS = {name: TUNING_SETS[name] for name in ("blind", "blind2", "near-miss", "absent", "absent-near", "heldout", "dev")}
# The regularisation and the threshold, fixed before any leave-one-set-out run.
L2 = 1.0
THRESHOLD = 0.5


def gather(out: Path) -> None:
    from bot.evaluate import load_questions, set_kind
    from bot.service import Service
    from bot.settings import Settings

    service = Service(Settings())
    searcher = service.searcher
    rows = []
    for name, path in SETS.items():
        if set_kind(path) != "tuning":
            raise SystemExit(f"{path} is not a tuning set")
        for n, q in enumerate(load_questions(path, need_ids=False), 1):
            result = service.ask(q["q"], top_k=5, lang=q.get("lang"))
            ids = {str(i) for i in q.get("ids") or []}
            # A set kept outside the repo (the shared dev questions) is named by line, not copied in.
            row = {"set": name, "q": q["q"] if path.is_relative_to(ROOT) else f"{path.name}:{n}", "answerable": bool(ids),
                   "hit1": bool(result.hits) and result.hits[0].release.release_id in ids,
                   "check_answers": result.answer is not None}
            signals = searcher.signals_of(q["q"], result)
            if signals is not None:
                row["signals"] = {k: round(v, 6) if isinstance(v, float) else v
                                  for k, v in dataclasses.asdict(signals).items()}
            rows.append(row)
        print(f"{name}: {sum(r['set'] == name for r in rows)} questions", flush=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"written {out}")


def read_signals(path: Path = SIGNALS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def matrix(rows: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[float(r["signals"][f]) for f in FEATURES] for r in rows])
    y = np.array([float(r["answerable"]) for r in rows])
    return x, y


def fitted(rows: list[dict]) -> NoAnswerModel:
    usable = [r for r in rows if "signals" in r]
    return fit(*matrix(usable), l2=L2, threshold=THRESHOLD)


def weights_file(rows: list[dict]) -> str:
    """The stored weights, as `fit` writes them: what the test compares a refit with."""
    model = fitted(rows)
    sets = sorted({r["set"] for r in rows})
    return json.dumps({"about": "no-answer model (index/noanswer.py), fitted by bench/fit_no_answer.py fit on the "
                                "TUNING sets " + ", ".join(sets) + f" ({len(rows)} questions)",
                       "model": model.to_dict()}, indent=1) + "\n"


def decide(model: NoAnswerModel, row: dict) -> bool:
    if "signals" not in row:
        return False
    from index.noanswer import AnswerSignals

    return model.run(AnswerSignals(**row["signals"]))[0]


def tally(rows: list[dict], answered: list[bool]) -> str:
    ans = [a for r, a in zip(rows, answered) if r["answerable"]]
    null = [not a for r, a in zip(rows, answered) if not r["answerable"]]
    right = [a and r["hit1"] for r, a in zip(rows, answered) if r["answerable"]]
    parts = []
    if null:
        parts.append(f"null {sum(null)}/{len(null)}")
    if ans:
        parts.append(f"answered {sum(ans)}/{len(ans)} (on the right release {sum(right)})")
    return ", ".join(parts)


def check(rows: list[dict]) -> None:
    """Leave one set out: fit on all the others, score the one left out, beside the current check."""
    print(f"{'left out':<12} {'current check':<48} model fitted on the others")
    for name in SETS:
        held = [r for r in rows if r["set"] == name]
        model = fitted([r for r in rows if r["set"] != name])
        print(f"{name:<12} {tally(held, [r['check_answers'] for r in held]):<48} "
              f"{tally(held, [decide(model, r) for r in held])}")


def main() -> None:
    from _fitting import run

    run(gather=gather, read_signals=read_signals, weights_file=weights_file, check=check, signals=SIGNALS,
        weights=bundled_weights_file())


if __name__ == "__main__":
    main()
