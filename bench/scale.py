"""The store at archive size (issue 12): an index of N passages built without the encoder.

    PYTHONPATH=. .venv/bin/python bench/scale.py --passages 1000000 [--json] [--source DIR] [--work DIR]

The passages are the real ones of a built index (`--source`, default $VIGYAPTI_INDEX_DIR or
var/index: the bundled corpus), copied over and over under new release ids, their texts as they are
(so FTS5 sees real terms and their real spread) and their vectors moved by a small random
perturbation (‖noise‖ ≈ 0.1, cosine ≈ 0.995 to the original) and renormalised: every copy of a
passage is a near-duplicate, which makes recall strict. The build goes through IndexStore.upsert
in batches and ends with one compaction (training the inverted lists).

Then a fresh process opens the index and reports: the open time (to the first answered search),
RSS after the questions (`rss_mb`) and after open, the dense search time per question (each language searched
for the searcher's depth of candidates, as HybridSearcher does; no encoding), recall@10 of those
results against an exact search of the stored vectors (computed during the build; a passage as
close to the 10th as float32 rounding counts as found), the time to
ingest a batch of 100 releases and to delete one (no encoding), and the whole HybridSearcher
search per question with its question vector given (`hybrid_*`: dense + keyword + ranking).

The questions are TUNING questions (the dev set and bench/data's held-out, absent and absent-near
sets), encoded once by the real model; never the blind test set. The index lives in
`--work`/scale-N (outside the repository); `--keep` reuses one already built.
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from index import keywordstore  # noqa: E402
from index.embeddings import Embedder  # noqa: E402
from index.search import HybridSearcher, SearchSettings  # noqa: E402
from index.store import IndexStore, ReleaseEntry, SearchFilters  # noqa: E402

NOISE = 0.1
BATCH = 5000  # releases per transaction while building
QUESTION_SETS = [REPO.parent / "shared/eval/dev-questions.jsonl", REPO / "bench/data/heldout-questions.jsonl",
                 REPO / "bench/data/absent-questions.jsonl", REPO / "bench/data/absent-near-questions.jsonl"]
N_QUESTIONS = 100
K = 10
TIE = 1e-6  # scores this close are one score to recall@K (float32 sums in another order)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


# -- the source: real releases, passages and vectors -------------------------------------------


@dataclasses.dataclass
class Source:
    stamp: object
    releases: list  # [(Release, [Passage], vectors)]

    @classmethod
    def read(cls, path: Path) -> "Source":
        stamp = IndexStore.read_stamp(path)
        if stamp is None:
            sys.exit(f"no index in {path}: build one (vigyapti ingest) or pass --source")
        store = IndexStore(path, stamp)
        try:
            with store.snapshot():
                ids = [int(i) for i in store.passage_ids()]
                passages = store.passages(ids)
                vectors = store.vectors(ids)
                by_release: dict = {}
                for pid, v in zip(ids, vectors):
                    p = passages[pid]
                    by_release.setdefault((p.release_id, p.lang), []).append((p, v))
                releases = []
                for (rid, lang), rows in sorted(by_release.items()):
                    release = store.release(rid, lang)
                    releases.append((release, [p for p, _ in rows], np.vstack([v for _, v in rows])))
        finally:
            store.close()
        return cls(stamp, releases)

    def copies(self, start: int, rng: np.random.Generator):
        """Releases copied under new ids (copy `start`, `start`+1, ...), vectors perturbed."""
        copy = start
        while True:
            for release, passages, vectors in self.releases:
                rid = f"s{copy:07d}-{release.release_id}"  # later copies sort after earlier ones, as PIB ids grow with time
                new = dataclasses.replace(release, release_id=rid)
                ps = [dataclasses.replace(p, release_id=rid, passage_id=None) for p in passages]
                noisy = vectors + NOISE * rng.standard_normal(vectors.shape, dtype=np.float32) / np.sqrt(vectors.shape[1])
                noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
                yield ReleaseEntry(new, ps, noisy.astype(np.float16).astype(np.float32))  # as stored
            copy += 1


def question_vectors(work: Path, model: str) -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    for path in QUESTION_SETS:
        if path.exists():
            texts += [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = list(dict.fromkeys(texts))[:N_QUESTIONS]
    cache = work / f"questions-{model}-{len(texts)}.npy"
    if cache.exists():
        return texts, np.load(cache)
    from bot.service import load_embedder
    from bot.settings import Settings

    vectors = load_embedder(Settings()).encode_queries(texts)
    np.save(cache, vectors)
    return texts, vectors


class GivenQuestionVectors(Embedder):
    """The question vectors computed once: the searcher runs without the model (no encoding in the times)."""

    def __init__(self, texts: list[str], vectors: np.ndarray, name: str):
        self._by_text = dict(zip(texts, vectors))
        self.name, self.dim = name, vectors.shape[1]

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self._by_text[t] for t in texts])

    def encode_passages(self, texts, *, progress=False):
        raise NotImplementedError("the scale bench never encodes passages")


# -- build ---------------------------------------------------------------------------------------


def build(source: Source, target: Path, n: int, questions: np.ndarray) -> dict:
    """The index of `n` passages, and the exact top-K per (question, language) of what it stores.

    A copied text's keyword terms are the original's: analysed once per distinct text (the
    stemmer is most of an ingest without the model; a real batch pays it, see ingest_100_s)."""
    keywordstore.document_terms = functools.lru_cache(maxsize=None)(keywordstore.document_terms)
    shutil.rmtree(target, ignore_errors=True)
    store = IndexStore(target, source.stamp)
    store.COMPACT_ROWS = None  # one compaction at the end, not one per 20,000 rows
    rng = np.random.default_rng(12)
    truth: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    next_id, batch, done = 1, [], 0
    started = time.perf_counter()

    def flush():
        nonlocal next_id
        store.upsert(batch)
        # ids follow insertion order in a fresh index (AUTOINCREMENT, nothing deleted); the exact top K
        # per question and language is merged once per batch
        ids = np.arange(next_id, next_id + sum(len(e.passages) for e in batch), dtype=np.int64)
        next_id += len(ids)
        langs = np.concatenate([np.full(len(e.passages), e.release.lang) for e in batch])
        vectors = np.vstack([e.vectors for e in batch])
        for lang in np.unique(langs):
            mine = langs == lang
            scores = questions @ vectors[mine].T
            best_s, best_i = truth.get(str(lang), (np.full((len(questions), 0), -2.0, np.float32),
                                                   np.zeros((len(questions), 0), np.int64)))
            s = np.hstack([best_s, scores])
            i = np.hstack([best_i, np.broadcast_to(ids[mine], scores.shape)])
            keep = np.argsort(-s, axis=1, kind="stable")[:, :K]
            truth[str(lang)] = (np.take_along_axis(s, keep, 1), np.take_along_axis(i, keep, 1))
        batch.clear()

    for entry in source.copies(0, rng):
        if done >= n:
            break
        if done + len(entry.passages) > n:
            m = n - done
            entry = ReleaseEntry(entry.release, entry.passages[:m], entry.vectors[:m])
        batch.append(entry)
        done += len(entry.passages)
        if len(batch) >= BATCH:
            flush()
            print(f"  {done:,} passages, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    if batch:
        flush()
    inserted = time.perf_counter() - started
    store.compact()
    build_s = time.perf_counter() - started
    assert store.count_passages() == n, (store.count_passages(), n)
    store.close()
    return {"build_s": round(build_s, 1), "insert_s": round(inserted, 1), "compact_s": round(build_s - inserted, 1),
            "truth": {lang: ids.tolist() for lang, (_, ids) in truth.items()},
            "truth_last": {lang: scores[:, -1].tolist() for lang, (scores, _) in truth.items()}}


# -- measure (in a fresh process) ----------------------------------------------------------------


def recall(found: list[tuple[int, float]], truth: set[int], last: float, q: np.ndarray, store: IndexStore) -> float:
    """The share of the exact top K found. A passage outside it counts when its stored vector scores
    as high as the K-th within float32 rounding: two near-duplicates 3e-7 apart swap places between
    one way of summing and another. Its score is recomputed from the store, so a wrong id still counts
    as a miss."""
    others = [pid for pid, _ in found if pid not in truth]
    tied = sum(float(v @ q) >= last - TIE for v in store.vectors(others)) if others else 0
    return (len(found) - len(others) + tied) / K


def measure(work: Path, source_path: Path) -> dict:
    meta = json.loads((work / "build.json").read_text())
    stamp = IndexStore.read_stamp(work / "index")
    texts, questions = question_vectors(work.parent, stamp.model)
    depth = SearchSettings().depth
    started = time.perf_counter()
    store = IndexStore(work / "index", stamp)
    store.search(questions[0], 1)  # the vectors load with the first search
    open_s = time.perf_counter() - started
    rss_open = rss_mb()
    langs = store.languages()
    times, recalls = [], []
    for qi, q in enumerate(questions):
        t = time.perf_counter()
        found = {lang: store.search(q, depth, filters=SearchFilters(lang=lang)) for lang in langs}
        times.append((time.perf_counter() - t) * 1000)
        for lang in langs:
            recalls.append(recall(found[lang][:K], set(meta["truth"][lang][qi]), meta["truth_last"][lang][qi], q, store))
    rss_after = rss_mb()

    searcher = HybridSearcher(store, GivenQuestionVectors(texts, questions, stamp.model))
    hybrid = []
    for text in texts:
        t = time.perf_counter()
        searcher.run(text)
        hybrid.append((time.perf_counter() - t) * 1000)

    source = Source.read(source_path)
    fresh = source.copies(10_000_000, np.random.default_rng(99))  # ids no build uses
    entries = [next(fresh) for _ in range(100)]
    t = time.perf_counter()
    store.upsert(entries)
    ingest_s = time.perf_counter() - t
    assert store.search(entries[0].vectors[0], 1, filters=SearchFilters(lang=entries[0].release.lang))[0][1] > 0.999
    t = time.perf_counter()
    store.delete(entries[0].release.release_id)
    delete_s = time.perf_counter() - t
    store.close()
    disk = sum(f.stat().st_size for f in (work / "index").iterdir() if f.is_file())
    return {"passages": meta["passages"], "build_s": meta["build_s"], "disk_bytes": disk,
            "rss_mb": round(rss_after), "rss_open_mb": round(rss_open),
            "search_p50_ms": round(statistics.median(times), 2), "search_p99_ms": round(pct(times, 99), 2),
            "recall_at_10": round(statistics.mean(recalls), 4),
            "ingest_100_s": round(ingest_s, 3), "delete_s": round(delete_s, 3), "open_s": round(open_s, 3),
            "hybrid_p50_ms": round(statistics.median(hybrid), 1), "hybrid_p99_ms": round(pct(hybrid, 99), 1),
            "questions": len(questions), "languages": langs, "insert_s": meta["insert_s"],
            "compact_s": meta["compact_s"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, required=True)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--source", type=Path, default=Path(os.environ.get("VIGYAPTI_INDEX_DIR", REPO / "var/index")))
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("VIGYAPTI_SCALE_DIR", "/work/scale-data")))
    ap.add_argument("--keep", action="store_true", help="measure the index already built for this N")
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the fresh process
    args = ap.parse_args()
    work = args.work / f"scale-{args.passages}"
    if args.measure:
        print(json.dumps(measure(work, args.source)))
        return
    if not (args.keep and (work / "build.json").exists()):
        source = Source.read(args.source)
        work.mkdir(parents=True, exist_ok=True)
        _, questions = question_vectors(args.work, source.stamp.model)
        built = build(source, work / "index", args.passages, questions)
        (work / "build.json").write_text(json.dumps({"passages": args.passages, **built}))
    out = subprocess.run([sys.executable, __file__, "--passages", str(args.passages), "--measure",
                          "--source", str(args.source), "--work", str(args.work)],
                         capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(out.stderr)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>16}: {value}")


if __name__ == "__main__":
    main()
