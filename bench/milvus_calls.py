"""Calls a Milvus store gets per question, and how long a question takes in process.

    VIGYAPTI_STORE=var/milvus.db .venv/bin/python bench/milvus_calls.py [QUESTIONS.jsonl] [--json]

Opens the store `VIGYAPTI_STORE` names (a Milvus Lite file or a server), counts every call the
backend makes through its pymilvus client (each page of a query iterator counts as one), and asks
each question twice: the first pass with this process's caches empty (what a fresh replica, or a
question about releases not asked of before, costs), the second with them filled. Questions: the
dev questions by default (a TUNING set); never a TEST set (bench/data/test-questions.jsonl, test2-questions.jsonl).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEV = REPO.parent / "shared" / "eval" / "dev-questions.jsonl"


class CountingClient:
    """A pymilvus client that counts the calls made through it, by method."""

    def __init__(self, client):
        self._client, self.calls = client, Counter()

    def __getattr__(self, name):
        method = getattr(self._client, name)
        if not callable(method):
            return method

        def counted(*args, **kwargs):
            self.calls[name] += 1
            out = method(*args, **kwargs)
            return self._paged(out) if name == "query_iterator" else out

        return counted

    def _paged(self, iterator):
        calls = self.calls

        class Paged:
            def next(self):
                calls["query_iterator.next"] += 1
                return iterator.next()

            def close(self):
                return iterator.close()

        return Paged()


def main(argv=None) -> int:
    from bot.service import load_embedder
    from bot.settings import Settings
    from index.pipeline import open_store
    from index.search import HybridSearcher

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("questions", nargs="?", type=Path, default=DEV, help="a JSONL of {q: ...} (default: dev, TUNING)")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    from bot.evaluate import set_kind

    if set_kind(args.questions) == "test":
        raise SystemExit(f"{args.questions} is a frozen TEST set: not for benchmarks")
    settings = Settings()
    if not settings.store:
        raise SystemExit("set VIGYAPTI_STORE to a Milvus Lite file or a Milvus server")
    questions = [json.loads(line)["q"] for line in args.questions.read_text(encoding="utf-8").splitlines() if line]
    embedder = load_embedder(settings)
    store = open_store(settings.index_dir, embedder, location=settings.store)
    client = store._client = CountingClient(store._client)
    searcher = HybridSearcher(store, embedder)
    for q in questions:
        searcher._encode(q)  # the model's time is not the store's
    report = {"store": settings.store, "questions": len(questions), "passes": []}
    for name in ("cold", "warm"):
        calls, seconds, by_method = [], [], Counter()
        for q in questions:
            client.calls.clear()
            t = time.perf_counter()
            searcher.run(q)
            seconds.append(time.perf_counter() - t)
            calls.append(sum(client.calls.values()))
            by_method.update(client.calls)
        report["passes"].append({
            "pass": name, "calls_mean": round(statistics.fmean(calls), 1), "calls_max": max(calls),
            "seconds_p50": round(statistics.median(seconds), 3), "seconds_mean": round(statistics.fmean(seconds), 3),
            "calls_by_method": dict(by_method.most_common())})
    store.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"store: {report['store']}, {report['questions']} questions (vectors computed beforehand)")
    for r in report["passes"]:
        print(f"{r['pass']}: {r['calls_mean']} calls a question (max {r['calls_max']}), "
              f"p50 {r['seconds_p50'] * 1000:.0f} ms, mean {r['seconds_mean'] * 1000:.0f} ms; {r['calls_by_method']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
