"""Scoring a question set the way the product is judged (see ../shared/eval/README.md)."""
from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

from tqdm import tqdm


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


def load_questions(path: Path, *, need_ids: bool = True) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("q"), str) or (
                need_ids and not isinstance(row.get("ids"), list)):
            raise ValueError(f"{path}:{n}: needs at least 'q' (text)" + (" and 'ids' (list)" if need_ids else ""))
        rows.append(row)
    return rows


def evaluate_questions(service, path: Path, *, top_k: int = 5) -> dict:
    rows = []
    for q in load_questions(path):
        started = time.perf_counter()
        result = service.ask(q["q"], top_k=top_k, lang=q.get("lang"))
        hits = result.hits
        ms = (time.perf_counter() - started) * 1000
        ids = {str(i) for i in q["ids"]}
        got = [h.release.release_id for h in hits]
        rows.append({
            "q": q["q"], "lang": q.get("lang"), "ids": sorted(ids), "value": q.get("value"),
            "top": got[0] if got else None, "returned": got,
            "hit1": bool(got) and got[0] in ids,
            "hit3": any(g in ids for g in got[:3]),
            "figure_hit": bool(hits) and figure_hit(hits[0].passage.figures, q.get("value")),
            "answered": result.answer is not None,
            "similarity": round(hits[0].similarity, 4) if hits else None,
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
        "answered": sum(r["answered"] for r in rows) / n,
        "mean_ms": sum(r["ms"] for r in rows) / n,
    }
    return {"scores": scores, "questions": rows}


# -- XQuAD: passage retrieval in Hindi, in English and across the two ----------------------------

XQUAD_DIRECTIONS = (("hi", "hi"), ("en", "en"), ("en", "hi"), ("hi", "en"))


def xquad_releases(folder: Path):
    """XQuAD paragraphs as releases; the Hindi and English versions of a paragraph share an id,
    as the two versions of a PIB release do."""
    from corpus import Release

    releases, questions = [], []
    for lang in ("en", "hi"):
        data = json.loads((Path(folder) / f"xquad.{lang}.json").read_text(encoding="utf-8"))["data"]
        for a, article in enumerate(data):
            for p, para in enumerate(article["paragraphs"]):
                rid = f"xquad-{a:02d}-{p:02d}"
                releases.append(Release(release_id=rid, lang=lang, title="", text=para["context"],
                                        source=f"xquad.{lang}.json"))
                questions += [{"q": qa["question"], "qlang": lang, "id": rid} for qa in para["qas"]]
    return releases, questions


def evaluate_xquad(service, folder: Path) -> dict:
    """R@1, R@5 and MRR@10 for each direction (question language → paragraph language)."""
    releases, questions = xquad_releases(folder)
    if service.is_empty():
        service.ingest(releases, total=len(releases), progress=True)
    out = {}
    for qlang, plang in XQUAD_DIRECTIONS:
        asked = [q for q in questions if q["qlang"] == qlang]
        r1 = r5 = mrr = 0.0
        started = time.perf_counter()
        for q in tqdm(asked, desc=f"XQuAD {qlang}->{plang}", unit="q", leave=False):
            got = [h.release.release_id for h in service.ask(q["q"], top_k=10, lang=plang).hits]
            if q["id"] in got:
                rank = got.index(q["id"]) + 1
                r1 += rank == 1
                r5 += rank <= 5
                mrr += 1.0 / rank
        n = len(asked) or 1
        out[f"{qlang}->{plang}"] = {"n": len(asked), "R@1": round(r1 / n, 4), "R@5": round(r5 / n, 4),
                                   "MRR@10": round(mrr / n, 4),
                                   "mean_ms": round((time.perf_counter() - started) * 1000 / n, 1)}
    return out


def evaluate_absent(service, path: Path) -> dict:
    """Questions the corpus cannot answer: how often the service rightly says it found nothing."""
    rows = []
    for q in load_questions(path, need_ids=False):
        result = service.ask(q["q"], top_k=3, lang=q.get("lang"))
        top = result.hits[0] if result.hits else None
        rows.append({"q": q["q"], "answered": result.answer is not None,
                     "top": top.release.release_id if top else None,
                     "score": round(top.similarity, 4) if top else None})
    n = len(rows) or 1
    return {"scores": {"n": len(rows), "no_answer": sum(not r["answered"] for r in rows) / n}, "questions": rows}
