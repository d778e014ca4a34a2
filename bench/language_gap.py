"""How much closer e5 rates a question to a paragraph in its own language than to the same paragraph
in the other: the bound of the language calibration's lift (`SearchSettings.max_language_shift`).

    .venv/bin/python bench/language_gap.py

XQuAD's paragraphs are parallel in English and Hindi; each question is encoded as the service encodes
questions and compared with its paragraph in both languages (as passages are encoded). Prints the gap's
distribution for each question language and for both together.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.service import load_embedder  # noqa: E402
from bot.settings import Settings  # noqa: E402


def main() -> None:
    embedder = load_embedder(Settings())
    data = {lang: json.loads((REPO.parent / f"shared/data/xquad/xquad.{lang}.json").read_text(encoding="utf-8"))["data"]
            for lang in ("en", "hi")}
    paragraphs = {lang: [p for article in data[lang] for p in article["paragraphs"]] for lang in data}
    vectors = {lang: embedder.encode_passages([p["context"] for p in paragraphs[lang]]) for lang in data}
    gaps = []
    for lang, other in (("en", "hi"), ("hi", "en")):
        asked = [(i, qa["question"]) for i, p in enumerate(paragraphs[lang]) for qa in p["qas"]]
        questions = np.vstack([embedder.encode_queries([q])[0] for _, q in asked])
        at = np.array([i for i, _ in asked])
        gap = (questions * vectors[lang][at]).sum(1) - (questions * vectors[other][at]).sum(1)
        gaps.append(gap)
        print(f"{lang} questions ({len(gap)}): gap mean {gap.mean():.4f}, median {np.median(gap):.4f}, "
              f"p90 {np.quantile(gap, 0.9):.4f}, p95 {np.quantile(gap, 0.95):.4f}, max {gap.max():.4f}")
    both = np.concatenate(gaps)
    print(f"both ({len(both)}): p90 {np.quantile(both, 0.9):.4f}, p95 {np.quantile(both, 0.95):.4f}, "
          f"p99 {np.quantile(both, 0.99):.4f}; encoder {embedder.encoder}")


if __name__ == "__main__":
    main()
