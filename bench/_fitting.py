"""The command line both fitting scripts share (bench/fit_no_answer.py, bench/fit_passage_choice.py):
gather signals from the tuning sets, fit the stored weights from them, or check set by set."""
from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def run(*, gather: Callable[[Path], None], read_signals: Callable[[Path], list], weights_file: Callable[[list], str],
        check: Callable[[list], None], signals: Path, weights: Path) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=["gather", "fit", "check"])
    ap.add_argument("--signals", type=Path, default=signals)
    args = ap.parse_args()
    if args.step == "gather":
        gather(args.signals)
    elif args.step == "fit":
        weights.write_text(weights_file(read_signals(args.signals)), encoding="utf-8")
        print(f"written {weights}")
    else:
        check(read_signals(args.signals))
