"""Extraction speed of index.figures on real corpus lines, one core.

    python bench/figures_speed.py [--lines N] [--repeat R] [--adversarial]

Reads non-empty lines (passages/paragraphs) from the PIB corpus files, runs FigureExtractor.run on
each, and prints lines/s and figures found.  Target: >= 1000 lines/s. `--adversarial` also times
each hostile input of tests/index/figures/test_figures.py (10,000 digits, 100 KB lines, ...): the worst case.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from index.figures import FigureExtractor  # noqa: E402

DATA = Path("/work/shared/data/pib")


def corpus_lines(limit: int) -> list[str]:
    lines: list[str] = []
    for name, field in (("en-hi-2020.jsonl", "text"), ("en-2026.jsonl", "body_text")):
        p = DATA / name
        if not p.exists():
            continue
        with open(p, encoding="utf-8") as fh:
            for row in fh:
                t = json.loads(row).get(field) or ""
                lines.extend(x.strip() for x in t.split("\n") if x.strip())
    for p in sorted((DATA / "single").glob("*.txt")) if (DATA / "single").exists() else []:
        lines.extend(x.strip() for x in p.read_text(encoding="utf-8").split("\n") if x.strip())
    if not lines:
        lines = ["राज्य के 86,000 से ज्यादा विक्रेताओं ने 5,523 करोड़ रुपए के ऑर्डर दिए।",
                 "The Cabinet approved a total outlay of ₹3,473 crore for 2025-26 on 30 OCT 2025."] * 500
    return lines[:limit]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--adversarial", action="store_true", help="also time the hostile inputs the tests check")
    a = ap.parse_args()
    lines = corpus_lines(a.lines)
    ex = FigureExtractor()
    ex.run(lines[0])  # warm up
    chars = sum(len(x) for x in lines)
    best = None
    nfig = 0
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        nfig = 0
        for ln in lines:
            nfig += len(ex.run(ln))
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"lines: {len(lines)}  chars: {chars}  avg chars/line: {chars / max(1, len(lines)):.0f}")
    print(f"figures found: {nfig}")
    print(f"best of {a.repeat}: {best:.3f}s  ->  {len(lines) / best:.0f} lines/s, {chars / best / 1e6:.2f} MB/s")
    if a.adversarial:
        for name, text in adversarial_inputs().items():
            t0 = time.perf_counter()
            found = len(ex.run(text))
            print(f"adversarial {name:>14}: {len(text):>7} chars, {found:>5} figures, {time.perf_counter() - t0:.2f}s")
    return 0


def adversarial_inputs() -> dict[str, str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("figure_tests", ROOT / "tests" / "index" / "figures" / "test_figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ADVERSARIAL


if __name__ == "__main__":
    raise SystemExit(main())
