"""Where one /ask's time goes inside the service: encoding the question, and the search after it.

    .venv/bin/python bench/search_time.py [--n 300] [--questions xquad|pib] [--repeat] [--profile 40]

Opens the index in $VIGYAPTI_INDEX_DIR as `vigyapti serve` does and waits for its cache warm-up, then
asks distinct questions one at a time, each on the model's thread as `/ask` runs it: the model encodes
the question on the thread beside it while the search reads the question and looks up its words, then
the search goes on with its vector. The encoding is timed apart (wall and CPU time of its thread), and
the search is what a question takes beyond it: its wall time less the encoding's, and its own thread's
CPU time (less the encoding's where both ran on one thread: a process with one core). So the search's
cost is read without HTTP (bench/latency.py measures what the client sees) and without the noise of a
second process. `--repeat` asks the same
questions again: what a question reads for the first time (a passage's stated times, a term's
document frequency) shows as the difference. `--profile K` runs the questions once more under cProfile
and prints the K functions with the most cumulative time.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from encode import FLAGS  # noqa: E402
from latency import pct, pib_questions, questions  # noqa: E402

def speed_flags() -> list[str]:
    """The CPU's flags that decide an encoder's speed (bench/encode.py's `FLAGS`), as this process may
    use them (`index.embeddings.cpu_flags`): every figure is given beside them."""
    from index.embeddings import cpu_flags

    flags = cpu_flags()
    return [f for f in FLAGS if f in flags]


def summary(encode_ms: list[float], search_ms: list[float], search_cpu_ms: list[float]) -> dict:
    """p50 / p90 / mean of each, in milliseconds, and how many questions. `encode_ms` holds only the
    questions the model encoded (none when all were asked before: then None)."""
    def stats(values: list[float]) -> dict:
        return {"p50": round(statistics.median(values), 2), "p90": round(pct(values, 90), 2),
                "mean": round(statistics.fmean(values), 2)}
    return {"n": len(search_ms), "encode": stats(encode_ms) if encode_ms else None, "search": stats(search_ms),
            "search_cpu": stats(search_cpu_ms)}


class TimedSearches:
    """Each question encoded and searched on the model's thread; the encoder's time taken apart by
    timing its public `encode_queries`, which the searcher calls once for a question it has not seen."""

    def __init__(self, service):
        self.service = service
        self.embedder = service.searcher.embedder
        self._encode = self.embedder.encode_queries
        self.encoded: list[tuple[float, float]] = []
        self.embedder.encode_queries = self._timed_encode

    def _timed_encode(self, texts):
        wall, cpu = time.perf_counter(), time.thread_time()
        vectors = self._encode(texts)
        self.encoded.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000,
                             threading.get_ident()))
        return vectors

    def _one(self, question: str, profiler: cProfile.Profile | None) -> tuple[float, float, float]:
        self.encoded.clear()
        wall, cpu = time.perf_counter(), time.thread_time()
        if profiler is None:
            self.service.ask(question)
        else:
            profiler.runcall(self.service.ask, question)
        wall, cpu = (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000
        enc_wall = sum(w for w, _, _ in self.encoded)
        enc_cpu_here = sum(c for _, c, thread in self.encoded if thread == threading.get_ident())
        return enc_wall, wall - enc_wall, cpu - enc_cpu_here

    def run(self, qs: list[str], profiler: cProfile.Profile | None = None) -> dict:
        rows = [self.embedder.run_beside_queries(self._one, q, profiler) for q in qs]
        encode, search, search_cpu = (list(col) for col in zip(*rows))
        return summary([e for e in encode if e > 0], search, search_cpu)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--questions", choices=("xquad", "pib"), default="xquad",
                    help="xquad: XQuAD and the dev questions; pib: the blind tuning sets' PIB questions")
    ap.add_argument("--repeat", action="store_true", help="ask the same questions a second time")
    ap.add_argument("--profile", type=int, default=0, metavar="K",
                    help="once more under cProfile; print the K functions with the most cumulative time")
    args = ap.parse_args()

    from bot.service import Service
    from bot.settings import Settings

    qs = pib_questions(args.n) if args.questions == "pib" else questions(args.n)
    service = Service(Settings())
    try:
        service.start_warming()  # its last step asks the searcher's warm-up questions
        while service.warming:
            time.sleep(0.2)
        timed = TimedSearches(service)
        report = {"questions": args.questions, "cpu_flags": speed_flags(), "first": timed.run(qs)}
        if args.repeat:
            report["again"] = timed.run(qs)
        print(json.dumps(report))
        for name in ("first", "again"):
            if name in report:
                r = report[name]
                encode = f"{r['encode']['p50']} ms" if r["encode"] else "none (asked before)"
                print(f"{name}: n={r['n']}  encode p50 {encode}  search p50 {r['search']['p50']} / "
                      f"p90 {r['search']['p90']} / mean {r['search']['mean']} ms (CPU p50 {r['search_cpu']['p50']} ms)",
                      file=sys.stderr)
        if args.profile:
            profiler = cProfile.Profile()
            timed.run(qs, profiler)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.profile)
            print(out.getvalue(), file=sys.stderr)
    finally:
        service.close()


if __name__ == "__main__":
    main()
