"""Scoring a question set the way the product is judged (see ../shared/eval/README.md)."""
from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path


def figure_hit(figures, value) -> bool:
    """One figure of the passage within 0.5% of the expected value."""
    if value is None:
        return False
    target = Decimal(str(value))
    for f in figures:
        if f.value is None:
            continue
        if target == 0:
            if f.value == 0:
                return True
        elif abs(f.value - target) <= abs(target) * Decimal("0.005"):
            return True
    return False


def load_questions(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("q"), str) or not isinstance(row.get("ids"), list):
            raise ValueError(f"{path}:{n}: needs at least 'q' (text) and 'ids' (list)")
        rows.append(row)
    return rows


def evaluate_questions(service, path: Path, *, top_k: int = 5) -> dict:
    rows = []
    for q in load_questions(path):
        started = time.perf_counter()
        hits = service.ask(q["q"], top_k=top_k, lang=q.get("lang"))
        ms = (time.perf_counter() - started) * 1000
        ids = {str(i) for i in q["ids"]}
        got = [h.release.release_id for h in hits]
        rows.append({
            "q": q["q"], "lang": q.get("lang"), "ids": sorted(ids), "value": q.get("value"),
            "top": got[0] if got else None, "returned": got,
            "hit1": bool(got) and got[0] in ids,
            "hit3": any(g in ids for g in got[:3]),
            "figure_hit": bool(hits) and figure_hit(hits[0].passage.figures, q.get("value")),
            "ms": round(ms, 1),
        })
    n = len(rows) or 1
    with_value = [r for r in rows if r["value"] is not None]
    scores = {
        "n": len(rows),
        "hit1": sum(r["hit1"] for r in rows) / n,
        "hit3": sum(r["hit3"] for r in rows) / n,
        "n_value": len(with_value),
        "figure_hit": sum(r["figure_hit"] for r in with_value) / (len(with_value) or 1),
        "mean_ms": sum(r["ms"] for r in rows) / n,
    }
    return {"scores": scores, "questions": rows}
