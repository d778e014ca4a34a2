"""Choose the hybrid-search weights on XQuAD and the dev questions (tuning sets only: never the
blind test set, bench/data/test-questions.jsonl).

    .venv/bin/python bench/tune_retrieval.py [--dev ../shared/eval/dev-questions.jsonl] [--xquad ../shared/data/xquad]

Uses the index in $VIGYAPTI_INDEX_DIR (the bundled corpus) for the dev questions and a scratch XQuAD
index beside it; question vectors are computed once and reused across the grid.
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.evaluate import evaluate_questions, evaluate_xquad, xquad_service  # noqa: E402
from bot.service import Service  # noqa: E402
from bot.settings import Settings  # noqa: E402
from index.search import SearchSettings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", default="../shared/eval/dev-questions.jsonl")
    ap.add_argument("--xquad", default="../shared/data/xquad")
    ap.add_argument("--quick", action="store_true", help="a small grid")
    args = ap.parse_args()
    settings = Settings()
    main_service = Service(settings)
    xq = xquad_service(main_service, Path(args.xquad), shared_ids=False)  # an id per language, as PIB publishes
    xq.searcher.share_question_vectors(main_service.searcher)
    grid = {
        "keyword_weight": [0.0, 0.5, 0.7, 1.0],
        "translation_weight": [0.0, 1.0, 2.0],
        "kind_boost": [0.0, 0.004],
    }
    if args.quick:
        grid = {"keyword_weight": [0.0, 0.7], "translation_weight": [0.0, 1.0], "kind_boost": [0.004]}
    print("kw  tr  kind | hi->hi en->en en->hi hi->en | dev hit1 hit3 fig")
    for values in itertools.product(*grid.values()):
        s = dataclasses.replace(SearchSettings(), **dict(zip(grid, values)))
        for svc in (main_service, xq):
            svc.searcher.settings = s
        x = evaluate_xquad(xq, Path(args.xquad), shared_ids=False)
        d = evaluate_questions(main_service, Path(args.dev))["scores"]
        print(f"{values[0]:<3} {values[1]:<3} {values[2]:<5}| "
              + " ".join(f"{x[k]['R@1']:.3f} " for k in ("hi->hi", "en->en", "en->hi", "hi->en"))
              + f"| {d['hit1']:.2f} {d['hit3']:.2f} {d['figure_hit']:.2f}", flush=True)


if __name__ == "__main__":
    main()
