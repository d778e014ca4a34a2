"""The bilingual term list learned from each parallel source alone and from both, on question sets.

    .venv/bin/python bench/term_sources.py QUESTIONS.jsonl...

Same index ($VIGYAPTI_INDEX_DIR), model and ranking as shipped; only the searcher's term list
changes. For tuning sets only (docs/retrieval.md, "Bilingual term list").
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.evaluate import evaluate_questions, set_kind  # noqa: E402
from bot.service import Service  # noqa: E402
from bot.settings import Settings  # noqa: E402
from index.bilingual import TermList, learn, learning_pairs  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", nargs="+")
    args = ap.parse_args()
    if any(set_kind(q) == "test" for q in args.questions):
        sys.exit("term_sources.py compares term lists: a tuning measurement, never run on the test set")
    sources = learning_pairs()
    lists = {**{f"{name} alone": learn(pairs) for name, pairs in sources.items()},
             "both (as shipped)": learn([p for pairs in sources.values() for p in pairs])}
    service = Service(Settings())
    for name, pairs in lists.items():
        service.searcher.term_list = TermList(pairs)
        print(f"{name}: {len(pairs)} term pairs")
        for questions in args.questions:
            sc = evaluate_questions(service, Path(questions))["scores"]
            print(f"  {questions}: hit@1 {sc['hit1']:.3f}  figure {sc['figure_hit']:.3f}  "
                  f"in the answer sentence {sc['answer_figure_hit']:.3f}  answered {sc['answered']:.3f}  "
                  f"null on no-answer {sc.get('null_on_no_answer', float('nan')):.3f}", flush=True)


if __name__ == "__main__":
    main()
