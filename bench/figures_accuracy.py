"""Precision / recall of index.figures on a hand-checked set (default: the gold set).

    python bench/figures_accuracy.py [PATH] [-q]
    python bench/figures_accuracy.py tests/index/data/figures_blind.jsonl   # the blind set

The gold set was largely pre-filled from the extractor's own output; the blind set (120 sentences,
60 hi + 60 en, stratified random sample, seed 20250717) was annotated by hand before the extractor
was run on it.

A figure matches when (key, kind) agree within the same sentence, where key is the ISO string for
dates (gold "iso") and the exact Decimal value otherwise (years and periods: the first year).
Matching is a multiset intersection per sentence.  Prints P/R overall, per language and per kind
(per-kind precision counts predictions of that kind), then the misses and false hits.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from index.figures import FigureExtractor  # noqa: E402

GOLD = ROOT / "tests" / "index" / "data" / "figures_gold.jsonl"
BLIND = ROOT / "tests" / "index" / "data" / "figures_blind.jsonl"


def _key(kind: str, value, iso) -> tuple:
    if kind == "date":
        return (kind, iso)
    if value is None:
        return (kind, None)
    return (kind, Decimal(str(value)).normalize())


def load_gold(path: Path | str = GOLD) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def score(rows: list[dict] | None = None, extractor: FigureExtractor | None = None) -> dict:
    rows = load_gold() if rows is None else rows
    ex = extractor or FigureExtractor()
    tp = defaultdict(int)
    npred = defaultdict(int)
    ngold = defaultdict(int)
    misses, false_hits = [], []
    for i, r in enumerate(rows):
        gold = Counter(_key(f["kind"], f.get("value"), f.get("iso")) for f in r["figures"])
        preds = ex.run(r["text"])
        pred = Counter(_key(f.kind, f.value, f.iso) for f in preds)
        inter = gold & pred
        lang = r["lang"]
        for scope in ("all", lang):
            tp[scope] += sum(inter.values())
            npred[scope] += sum(pred.values())
            ngold[scope] += sum(gold.values())
        for (kind, _), c in gold.items():
            ngold["kind:" + kind] += c
        for (kind, _), c in pred.items():
            npred["kind:" + kind] += c
        for (kind, _), c in inter.items():
            tp["kind:" + kind] += c
        for k, c in (gold - pred).items():
            misses.append((i, lang, k, c, r["text"]))
        for k, c in (pred - gold).items():
            false_hits.append((i, lang, k, c, r["text"]))
    out = {}
    for scope in sorted(set(ngold) | set(npred)):
        p = tp[scope] / npred[scope] if npred[scope] else 1.0
        rc = tp[scope] / ngold[scope] if ngold[scope] else 1.0
        out[scope] = {"precision": p, "recall": rc, "tp": tp[scope], "pred": npred[scope], "gold": ngold[scope]}
    out["misses"] = misses
    out["false_hits"] = false_hits
    out["sentences"] = len(rows)
    return out


def main(argv: list[str]) -> int:
    quiet = "-q" in argv
    paths = [a for a in argv if not a.startswith("-")]
    rows = load_gold(paths[0] if paths else GOLD)
    res = score(rows)
    print(f"gold sentences: {res['sentences']}  (hi {sum(r['lang'] == 'hi' for r in rows)}, "
          f"en {sum(r['lang'] == 'en' for r in rows)})")
    print(f"{'scope':16} {'P':>7} {'R':>7} {'tp':>6} {'pred':>6} {'gold':>6}")
    order = ["all", "hi", "en"] + sorted(k for k in res if k.startswith("kind:"))
    for k in order:
        if k in res:
            v = res[k]
            print(f"{k:16} {v['precision']:7.3f} {v['recall']:7.3f} {v['tp']:6d} {v['pred']:6d} {v['gold']:6d}")
    if not quiet:
        print(f"\nmisses ({len(res['misses'])}):")
        for i, lang, k, c, t in res["misses"]:
            print(f"  [{i} {lang}] {k[0]} {k[1]} x{c} :: {t[:160]}")
        print(f"\nfalse hits ({len(res['false_hits'])}):")
        for i, lang, k, c, t in res["false_hits"]:
            print(f"  [{i} {lang}] {k[0]} {k[1]} x{c} :: {t[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
