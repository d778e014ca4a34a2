"""Fit the passage choice (index/passagechoice.py) on the TUNING sets, and check it set by set.

    .venv/bin/python bench/fit_passage_choice.py gather   # every tuning question with a figure: bench/data/passage-choice-signals.jsonl
    .venv/bin/python bench/fit_passage_choice.py fit      # the signals → index/passage-choice-weights.json
    .venv/bin/python bench/fit_passage_choice.py check    # leave one set out: fit on the others, score it

`gather` searches each question with the hand-weighted choice and keeps, for the top release (with its
other-language versions and duplicates), every candidate passage's signals and whether it holds the
asked figure, and which one the hand choice showed. `fit` and `check` read only that file, so a test
can refit and compare with the stored weights. Only tuning sets are read: no test set is gathered.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.evaluate import TUNING_SETS  # noqa: E402
from index.passagechoice import FEATURES, PassageChoiceModel, bundled_weights_file, fit  # noqa: E402

SIGNALS = ROOT / "bench" / "data" / "passage-choice-signals.jsonl"
# The tuning sets whose questions name the figure they ask for (`value`).
SETS = {name: TUNING_SETS[name] for name in ("blind", "blind2", "blind3", "blind4", "reading", "heldout", "near-miss", "dev")}
# The regularisation, fixed before any leave-one-set-out run.
L2 = 1.0


def gather(out: Path) -> None:
    from bot.evaluate import figure_hit, load_questions, set_kind
    from bot.service import Service
    from bot.settings import Settings

    service = Service(Settings())
    searcher = service.searcher
    if searcher.settings.passage_model:
        raise SystemExit("gather with the hand-weighted choice (passage_model off): it is what the check compares")
    rows = []
    for name, path in SETS.items():
        if set_kind(path) != "tuning":
            raise SystemExit(f"{path} is not a tuning set")
        for n, q in enumerate(load_questions(path, need_ids=False), 1):
            if q.get("value") is None or not q.get("ids"):
                continue
            seen: list = []
            searcher.choice_recorder = lambda question, candidates: seen.append(candidates)
            try:
                result = service.ask(q["q"], top_k=5, lang=q.get("lang"))
            finally:
                searcher.choice_recorder = None
            if not result.hits or not seen:
                continue
            ids = {str(i) for i in q["ids"]}
            # A set kept outside the repo (the shared dev questions) is named by line, not copied in.
            rows.append({"set": name, "q": q["q"] if path.is_relative_to(ROOT) else f"{path.name}:{n}",
                         "hit1": result.hits[0].release.release_id in ids,
                         "shown": result.hits[0].passage.passage_id,
                         "passages": [p.passage_id for p, _ in seen[-1]],
                         "holds": [int(figure_hit(p.figures, q["value"])) for p, _ in seen[-1]],
                         # a row of signals a candidate, in the order of FEATURES (the file's first line)
                         "x": [[round(float(v), 5) for v in signals.values()] for _, signals in seen[-1]]})
        print(f"{name}: {sum(r['set'] == name for r in rows)} questions", flush=True)
    lines = [{"features": list(FEATURES)}, *rows]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    print(f"written {out}")


def read_signals(path: Path = SIGNALS) -> list[dict]:
    header, *rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if tuple(header.get("features", ())) != FEATURES:
        raise SystemExit(f"{path} holds the signals {header.get('features')}, not {list(FEATURES)}: gather again")
    return rows


def group(row: dict) -> tuple[np.ndarray, np.ndarray]:
    return np.array(row["x"], dtype=float), np.array(row["holds"], dtype=float)


def fitted(rows: list[dict]) -> PassageChoiceModel:
    """Fitted on the questions whose top release is the right one: only there does its passage matter."""
    return fit([group(r) for r in rows if r["hit1"]], l2=L2)


def weights_file(rows: list[dict]) -> str:
    """The stored weights, as `fit` writes them: what the test compares a refit with."""
    model = fitted(rows)
    sets = sorted({r["set"] for r in rows})
    return json.dumps({"about": "passage choice (index/passagechoice.py), fitted by bench/fit_passage_choice.py fit on "
                                "the TUNING sets " + ", ".join(sets) + f" ({sum(r['hit1'] for r in rows)} questions "
                                "whose top release is right)", "model": model.to_dict()}, indent=1) + "\n"


def chosen(model: PassageChoiceModel, row: dict) -> int:
    """The index of the candidate `model` shows (ties to the higher score, as the search's order)."""
    x, _ = group(row)
    preference = model.preferences(x)
    score = x[:, FEATURES.index("score")]
    return max(range(len(x)), key=lambda i: (preference[i], score[i]))


def held(rows: list[dict], model: PassageChoiceModel | None) -> int:
    """How many of the right releases show a passage holding the asked figure: by the hand choice
    (`model` None) or by `model`."""
    right = [r for r in rows if r["hit1"]]
    if model is None:
        return sum(bool(h) for r in right for p, h in zip(r["passages"], r["holds"]) if p == r["shown"])
    return sum(r["holds"][chosen(model, r)] for r in right)


def check(rows: list[dict]) -> None:
    """Leave one set out: fit on all the others, score the one left out, beside the hand choice."""
    print(f"{'left out':<12} {'right releases':>14} {'hand choice':>12} {'model fitted on the others':>28}")
    totals = [0, 0, 0]
    for name in SETS:
        out = [r for r in rows if r["set"] == name]
        if not out:
            continue
        counts = (sum(r["hit1"] for r in out), held(out, None), held(out, fitted([r for r in rows if r["set"] != name])))
        totals = [t + c for t, c in zip(totals, counts)]
        print(f"{name:<12} {counts[0]:>14} {counts[1]:>12} {counts[2]:>28}")
    print(f"{'all':<12} {totals[0]:>14} {totals[1]:>12} {totals[2]:>28}")


def main() -> None:
    from _fitting import run

    run(gather=gather, read_signals=read_signals, weights_file=weights_file, check=check, signals=SIGNALS,
        weights=bundled_weights_file())


if __name__ == "__main__":
    main()
