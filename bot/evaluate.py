"""Scoring a question set the way the product is judged (see ../shared/eval/README.md)."""
from __future__ import annotations

import dataclasses
import json
import re
import time
from decimal import Decimal
from pathlib import Path

from tqdm import tqdm


# A scale the question asks its figure in: the question sets keep a value in it ("कितने मिलियन वाक्य-जोड़े":
# 246), as in a unit the question names, where the figure reads 246 million as 246000000.
_ASKED_SCALE = [(re.compile(r"(?i)\bmillions?\b|मिलियन"), 10**6), (re.compile(r"(?i)\bbillions?\b|बिलियन"), 10**9),
                (re.compile(r"(?i)\blakhs?\b|लाख"), 10**5), (re.compile(r"(?i)\bcrores?\b|करोड़"), 10**7)]


def figure_hit(figures, value, question: str = "") -> bool:
    """One figure of the passage within 0.5% of the expected value, or of that many of a scale the
    question asks its figure in (`_ASKED_SCALE`); for a date asked ("2026-08-11"), one stating that
    day, or that day of a year left unsaid ("11 August": "--08-11")."""
    if value is None:
        return False
    if isinstance(value, str):
        return any(f.iso == value or (f.iso or "").startswith("--") and value[4:] == f.iso[1:] for f in figures)
    targets = [Decimal(str(value))] + [Decimal(str(value)) * scale for pattern, scale in _ASKED_SCALE
                                       if pattern.search(question)]
    for f in figures:
        if f.value is None:
            continue
        for target in targets:
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


# Every question set is for tuning (weights or thresholds were chosen on it) or for testing (written
# blind and frozen before any tuning, never tuned on). `vigyapti eval` says which one it reports.
SET_KINDS = {
    "dev-questions.jsonl": "tuning",  # the weights were chosen on it
    "heldout-questions.jsonl": "tuning",  # used to choose weights since it was written
    "absent-questions.jsonl": "tuning",  # the no-answer threshold was calibrated on it
    "absent-near-questions.jsonl": "tuning",  # PIB-like questions the corpus cannot answer (no-answer work)
    "near-miss-questions.jsonl": "tuning",  # answerable questions with one place, time or unit changed (no-answer work)
    "tuning-blind-questions.jsonl": "tuning",  # written blind like the test set, for tuning
    "tuning-blind2-questions.jsonl": "tuning",  # a second one, written blind while the first was tuned on
    "tuning-blind3-questions.jsonl": "tuning",  # a third, mostly cross-language, written blind in the eighth session
    "tuning-blind4-questions.jsonl": "tuning",  # a fourth, 30 of 80 unanswerable, written blind in the twentieth session
    "tuning-blind5-questions.jsonl": "tuning",  # a fifth, written blind in the twenty-fourth session; its first run is the "before"
    "tuning-blind6-questions.jsonl": "tuning",  # a sixth, 25 of 60 unanswerable, written blind in the twenty-seventh session
    "tuning-blind7-questions.jsonl": "tuning",  # a seventh, 25 of 60 unanswerable, written blind in the thirty-eighth session
    "tuning-blind8-questions.jsonl": "tuning",  # an eighth, 23 of 60 unanswerable, written blind in the thirty-ninth session
    "tuning-blind9-questions.jsonl": "tuning",  # a ninth, 22 of 60 unanswerable, prose facts, written blind in the forty-first session
    "tuning-blind10-questions.jsonl": "tuning",  # a tenth, 26 of 60 unanswerable near misses of five shapes, written blind in the forty-first session
    "tuning-blind11-questions.jsonl": "tuning",  # an eleventh, 24 of 60 unanswerable, in the shapes users type, written blind in the forty-second session
    "tuning-blind12-questions.jsonl": "tuning",  # a twelfth, 24 of 60 unanswerable, a figure among its neighbours, written blind in the forty-fourth session
    "tuning-blind13-questions.jsonl": "tuning",  # a thirteenth, 28 of 220 unanswerable, four helpers' user-typed questions, fifty-fourth session
    "tuning-blind14-questions.jsonl": "tuning",  # a fourteenth, 27 of 220 unanswerable, four helpers' user-typed questions, fifty-fifth session
    "tuning-blind15-questions.jsonl": "tuning",  # a fifteenth, 26 of 220 unanswerable, the same session's second round of four helpers
    "tuning-blind16-questions.jsonl": "tuning",  # a sixteenth, 27 of 220 unanswerable, the same session's third round
    "tuning-blind17-questions.jsonl": "tuning",  # a seventeenth, 25 of 220 unanswerable, some typed as searches, fifty-sixth session
    "tuning-blind18-questions.jsonl": "tuning",  # an eighteenth, 27 of 220 unanswerable, the same session's second round
    "tuning-blind19-questions.jsonl": "tuning",  # a nineteenth, 25 of 220 unanswerable, the same session's third round
    "tuning-blind20-questions.jsonl": "tuning",  # a twentieth, 25 of 220 unanswerable, the fifty-seventh session's first round
    "tuning-blind21-questions.jsonl": "tuning",  # a twenty-first, 26 of 220 unanswerable, the same session's second round
    "tuning-blind22-questions.jsonl": "tuning",  # a twenty-second, 28 of 220 unanswerable, the same session's third round
    "tuning-blind23-questions.jsonl": "tuning",  # a twenty-third, 25 of 215 unanswerable, time and comparison; short releases, fifty-eighth session
    "tuning-blind24-questions.jsonl": "tuning",  # a twenty-fourth, 42 of 220 unanswerable, time; no-answer and cross-language, the same session's second round
    "tuning-blind25-questions.jsonl": "tuning",  # a twenty-fifth, 24 of 220 unanswerable, fifty-ninth session
    "tuning-blind26-questions.jsonl": "tuning",  # a twenty-sixth, 25 of 220 unanswerable, the same session's second round
    "tuning-blind27-questions.jsonl": "tuning",  # a twenty-seventh, 26 of 200 unanswerable, sixtieth session
    "tuning-blind28-questions.jsonl": "tuning",  # a twenty-eighth, 27 of 200 unanswerable, its second round
    "tuning-blind29-questions.jsonl": "tuning",  # a twenty-ninth, 28 of 200 unanswerable, sixty-first session
    "tuning-hinglish-questions.jsonl": "tuning",  # Hindi typed in Latin letters, 12 of 40 unanswerable, written blind in the forty-fourth session
    "tuning-dated-questions.jsonl": "tuning",  # the time named decides among a release's times, 10 of 40 unanswerable, written blind in the forty-eighth session
    "reading-questions.jsonl": "tuning",  # written blind in the fourteenth session to test how a question's time and kind are read
    "reading-test-questions.jsonl": "test",  # the same, written blind after it and frozen before its first run
    "test-questions.jsonl": "test",  # bench/data: written blind, frozen before tuning
    "test2-questions.jsonl": "test",  # a second one, written blind in the ninth session, after the first was used to decide
    "test3-questions.jsonl": "test",  # a third, written blind in the tenth session: the first is used to decide
    "test4-questions.jsonl": "test",  # a fourth, written blind in the eleventh session and frozen unrun (docs/retrieval.md)
    "test-hinglish-questions.jsonl": "test",  # Hindi typed in Latin letters, written blind with its tuning twin, frozen before either ran
    "test-dated-questions.jsonl": "test",  # the time named decides among a release's times, written blind with its tuning twin, frozen before either ran
    "xquad": "tuning",
}


def set_kind(path: Path | str) -> str:
    return SET_KINDS.get(Path(path).name, "unmarked")


_ROOT = Path(__file__).resolve().parents[1]
# The tuning sets by the short name the fitting scripts report them under (bench/fit_*.py); bench/tuning.py
# runs them all.
TUNING_SETS = {
    "blind": _ROOT / "bench/data/tuning-blind-questions.jsonl",
    "blind2": _ROOT / "bench/data/tuning-blind2-questions.jsonl",
    "blind3": _ROOT / "bench/data/tuning-blind3-questions.jsonl",
    "blind4": _ROOT / "bench/data/tuning-blind4-questions.jsonl",
    "blind5": _ROOT / "bench/data/tuning-blind5-questions.jsonl",
    "blind6": _ROOT / "bench/data/tuning-blind6-questions.jsonl",
    "blind7": _ROOT / "bench/data/tuning-blind7-questions.jsonl",
    "blind8": _ROOT / "bench/data/tuning-blind8-questions.jsonl",
    "blind9": _ROOT / "bench/data/tuning-blind9-questions.jsonl",
    "blind10": _ROOT / "bench/data/tuning-blind10-questions.jsonl",
    "blind11": _ROOT / "bench/data/tuning-blind11-questions.jsonl",
    "blind12": _ROOT / "bench/data/tuning-blind12-questions.jsonl",
    "blind13": _ROOT / "bench/data/tuning-blind13-questions.jsonl",
    "blind14": _ROOT / "bench/data/tuning-blind14-questions.jsonl",
    "blind15": _ROOT / "bench/data/tuning-blind15-questions.jsonl",
    "blind16": _ROOT / "bench/data/tuning-blind16-questions.jsonl",
    "blind17": _ROOT / "bench/data/tuning-blind17-questions.jsonl",
    "blind18": _ROOT / "bench/data/tuning-blind18-questions.jsonl",
    "blind19": _ROOT / "bench/data/tuning-blind19-questions.jsonl",
    "blind20": _ROOT / "bench/data/tuning-blind20-questions.jsonl",
    "blind21": _ROOT / "bench/data/tuning-blind21-questions.jsonl",
    "blind22": _ROOT / "bench/data/tuning-blind22-questions.jsonl",
    "blind23": _ROOT / "bench/data/tuning-blind23-questions.jsonl",
    "blind24": _ROOT / "bench/data/tuning-blind24-questions.jsonl",
    "blind25": _ROOT / "bench/data/tuning-blind25-questions.jsonl",
    "blind26": _ROOT / "bench/data/tuning-blind26-questions.jsonl",
    "blind27": _ROOT / "bench/data/tuning-blind27-questions.jsonl",
    "blind28": _ROOT / "bench/data/tuning-blind28-questions.jsonl",
    "blind29": _ROOT / "bench/data/tuning-blind29-questions.jsonl",
    "hinglish": _ROOT / "bench/data/tuning-hinglish-questions.jsonl",
    "dated": _ROOT / "bench/data/tuning-dated-questions.jsonl",
    "reading": _ROOT / "bench/data/reading-questions.jsonl",
    "near-miss": _ROOT / "bench/data/near-miss-questions.jsonl",
    "absent": _ROOT / "bench/data/absent-questions.jsonl",
    "absent-near": _ROOT / "bench/data/absent-near-questions.jsonl",
    "heldout": _ROOT / "bench/data/heldout-questions.jsonl",
    "dev": _ROOT.parent / "shared/eval/dev-questions.jsonl",
}


def _scores(rows: list[dict]) -> dict:
    """hit@1, hit@3 and answered over answerable questions; figure hit over those with a value;
    for questions the corpus cannot answer (`ids: []`), how often the answer is rightly null."""
    answerable = [r for r in rows if r["ids"]]
    absent = [r for r in rows if not r["ids"]]
    with_value = [r for r in answerable if r["value"] is not None]
    n = len(answerable) or 1
    scores = {
        "n": len(answerable),
        "hit1": sum(r["hit1"] for r in answerable) / n,
        "hit3": sum(r["hit3"] for r in answerable) / n,
        "n_value": len(with_value),
        "figure_hit": sum(r["figure_hit"] for r in with_value) / (len(with_value) or 1),
        # the asked figure in the answer sentence itself (no answer: a miss)
        "answer_figure_hit": sum(r.get("answer_figure_hit", False) for r in with_value) / (len(with_value) or 1),
        # ... and is the one figure the answer gives as answering (`answer.figure`)
        "asked_figure_hit": sum(r.get("asked_figure_hit", False) for r in with_value) / (len(with_value) or 1),
        "answered": sum(r["answered"] for r in answerable) / n,
        "mean_ms": sum(r["ms"] for r in rows) / (len(rows) or 1),
    }
    if absent:
        scores["n_no_answer"] = len(absent)
        scores["null_on_no_answer"] = sum(not r["answered"] for r in absent) / len(absent)
    return scores


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
            "kind": q.get("kind"),
            "top": got[0] if got else None, "returned": got,
            "hit1": bool(got) and got[0] in ids,
            "hit3": any(g in ids for g in got[:3]),
            "figure_hit": bool(hits) and figure_hit(hits[0].passage.figures, q.get("value"), q["q"]),
            "answer_figure_hit": result.answer is not None and figure_hit(result.answer.figures, q.get("value"), q["q"]),
            "asked_figure_hit": result.answer is not None and result.answer.figure is not None and figure_hit(
                [result.answer.figures[result.answer.figure]], q.get("value"), q["q"]),
            "answered": result.answer is not None,
            "reason": result.reason,
            "similarity": round(hits[0].similarity, 4) if hits else None,
            "score": round(hits[0].score, 4) if hits else None,
            "time": result.time.to_dict() if getattr(result, "time", None) else None,
            "ms": round(ms, 1),
        })
    report = {"set": set_kind(path), "scores": _scores(rows), "questions": rows}
    kinds = sorted({r["kind"] for r in rows if r["kind"]})
    if kinds:
        report["by_kind"] = {k: _scores([r for r in rows if r["kind"] == k]) for k in kinds}
    return report


# -- XQuAD: passage retrieval in Hindi, in English and across the two ----------------------------

XQUAD_DIRECTIONS = (("hi", "hi"), ("en", "en"), ("en", "hi"), ("hi", "en"))


def xquad_id(article: int, paragraph: int, lang: str, *, shared_ids: bool) -> str:
    """A paragraph's release id: one for both languages (as the 2020 PIB scrape has it), or one per
    language (as pib.gov.in publishes them, each version under its own PRID)."""
    return f"xquad-{article:02d}-{paragraph:02d}" + ("" if shared_ids else f"-{lang}")


def xquad_releases(folder: Path, *, shared_ids: bool = True):
    from corpus import Release

    releases, questions = [], []
    for lang in ("en", "hi"):
        data = json.loads((Path(folder) / f"xquad.{lang}.json").read_text(encoding="utf-8"))["data"]
        for a, article in enumerate(data):
            for p, para in enumerate(article["paragraphs"]):
                rid = xquad_id(a, p, lang, shared_ids=shared_ids)
                releases.append(Release(release_id=rid, lang=lang, title="", text=para["context"],
                                        source=f"xquad.{lang}.json"))
                questions += [{"q": qa["question"], "qlang": lang,
                               "ids": {pl: xquad_id(a, p, pl, shared_ids=shared_ids) for pl in ("en", "hi")}}
                              for qa in para["qas"]]
    return releases, questions


def copy_relabelled(source, target, relabel, keys=None) -> None:
    """`source`'s releases into the empty store `target` under new ids (`relabel(release)`), with
    their stored passages and vectors: nothing is encoded again. Then their translations are linked
    in `target` as ingestion would link them."""
    from index.store import ReleaseEntry, SearchFilters
    from index.translations import TranslationLinker

    stored = []
    keys = sorted(source.release_keys() if keys is None else keys)
    for at in range(0, len(keys), 64):
        entries = []
        for rid, lang in keys[at:at + 64]:
            release = source.release(rid, lang)
            pids = sorted(source.passage_releases(SearchFilters(lang=lang, release_id=rid), [rid]))
            passages = source.passages(pids)
            ps = [dataclasses.replace(passages[pid], release_id=relabel(release), passage_id=None) for pid in pids]
            release = dataclasses.replace(release, release_id=relabel(release))
            entries.append(ReleaseEntry(release, ps, source.vectors(pids)))
            stored.append(release)
        target.upsert(entries)
    return TranslationLinker(target).run(stored)


def evaluate_links(store, truth: set[frozenset]) -> dict:
    """Precision and recall of the store's translation links against true pairs
    (each a frozenset of two (release_id, lang) keys)."""
    found = {frozenset([(link.release_id, link.lang), (link.other_id, link.other_lang)])
             for link in store.translation_links()}
    right = found & truth
    return {"links": len(found), "true_pairs": len(truth), "right": len(right),
            "precision": round(len(right) / (len(found) or 1), 4), "recall": round(len(right) / (len(truth) or 1), 4),
            "wrong": sorted(sorted(p) for p in found - truth), "missed": sorted(sorted(p) for p in truth - found)}


def xquad_service(service, folder: Path, *, shared_ids: bool):
    """A scratch index of XQuAD beside the service's, built once and reused (encoding its 2,400
    paragraphs takes minutes on a shared CPU; the one-id-per-language index is copied from the other)."""
    from bot.service import Service

    base = Path(service.settings.index_dir).parent
    # Scratch indexes are embedded whatever VIGYAPTI_STORE says: XQuAD must never land in the served store.
    shared = Service(service.settings.model_copy(update={"index_dir": base / "eval-xquad", "store": None}),
                     embedder=service.embedder, readers_advice=False)
    if shared.is_empty():
        releases, _ = xquad_releases(folder, shared_ids=True)
        shared.ingest(releases, total=len(releases), progress=True)
    elif not shared.readers.up_to_date:  # kept from an older version: read as this one reads
        shared.refresh(progress=True)
    if shared_ids:
        return shared
    own = Service(service.settings.model_copy(update={"index_dir": base / "eval-xquad-own-ids", "store": None}),
                  embedder=service.embedder, readers_advice=False)
    if own.is_empty():
        copy_relabelled(shared.store, own.store, lambda r: f"{r.release_id}-{r.lang}")
    elif not own.readers.up_to_date:
        own.refresh(progress=True)
    shared.close()
    return own


def evaluate_xquad(service, folder: Path, *, shared_ids: bool = True) -> dict:
    """R@1, R@5 and MRR@10 for each direction (question language → paragraph language)."""
    _, questions = xquad_releases(folder, shared_ids=shared_ids)
    out = {}
    for qlang, plang in XQUAD_DIRECTIONS:
        asked = [q for q in questions if q["qlang"] == qlang]
        r1 = r5 = mrr = 0.0
        started = time.perf_counter()
        for q in tqdm(asked, desc=f"XQuAD {qlang}->{plang}", unit="q", leave=False):
            got = [h.release.release_id for h in service.ask(q["q"], top_k=10, lang=plang).hits]
            if q["ids"][plang] in got:
                rank = got.index(q["ids"][plang]) + 1
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
        signals = service.searcher.signals_of(q["q"], result)
        rows.append({"q": q["q"], "answered": result.answer is not None, "reason": result.reason,
                     "top": top.release.release_id if top else None,
                     # the score the no-answer threshold compares (the top hit's, without the names' bonus)
                     "score": round(top.relevance, 4) if top else None,
                     "similarity": round(top.similarity, 4) if top else None,
                     # everything the no-answer decision weighs (index/noanswer.py), below the floor too
                     "signals": {k: round(v, 4) if isinstance(v, float) else v
                                 for k, v in dataclasses.asdict(signals).items()} if signals else None,
                     "probability": None if result.answer_probability is None else round(result.answer_probability, 3)})
    n = len(rows) or 1
    return {"set": set_kind(path), "threshold": service.searcher.settings.min_answer_score,
            "scores": {"n": len(rows), "no_answer": sum(not r["answered"] for r in rows) / n}, "questions": rows}
