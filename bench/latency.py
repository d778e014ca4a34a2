"""/ask latency over HTTP against the cost of encoding the question alone.

    .venv/bin/python bench/latency.py [--n 200] [--port 8765] [--questions xquad|pib]

Starts `vigyapti serve --no-build` on the index in $VIGYAPTI_INDEX_DIR (build it first with
`make serve` or `vigyapti ingest`), then asks distinct questions (XQuAD questions in Hindi and
English, and the dev questions; or, with `--questions pib`, the PIB questions of the blind tuning
sets) one at a time, so no answer comes from a cache. The same
questions are encoded by the model alone in this process for the baseline.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from _serving import wait_until_healthy, wait_until_warm  # noqa: E402


# PIB-shaped questions: the blind tuning sets, never a test set. They name dates, places and units,
# so every reader and the time agreement run, as for the questions users ask.
PIB_SETS = ("tuning-blind-questions.jsonl", "tuning-blind2-questions.jsonl", "tuning-blind3-questions.jsonl",
            "reading-questions.jsonl")


def pib_questions(n: int) -> list[str]:
    qs = [json.loads(line)["q"] for name in PIB_SETS
          for line in (REPO / "bench/data" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(7).shuffle(qs)
    return list(dict.fromkeys(qs))[:n]


def questions(n: int) -> list[str]:
    shared = REPO.parent / "shared"
    qs: list[str] = []
    for lang in ("en", "hi"):
        data = json.loads((shared / f"data/xquad/xquad.{lang}.json").read_text(encoding="utf-8"))["data"]
        qs += [qa["question"] for a in data for p in a["paragraphs"] for qa in p["qas"]]
    random.Random(7).shuffle(qs)
    dev = [json.loads(line)["q"] for line in (shared / "eval/dev-questions.jsonl").read_text().splitlines() if line]
    return list(dict.fromkeys(dev + qs))[:n]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--settle", type=float, default=20,
                    help="seconds to let the server settle after its cache warm-up ends (default 20)")
    ap.add_argument("--questions", choices=("xquad", "pib"), default="xquad",
                    help="xquad: XQuAD and the dev questions (the goal's set); pib: the blind tuning sets' PIB questions")
    args = ap.parse_args()
    qs = pib_questions(args.n) if args.questions == "pib" else questions(args.n)
    half = len(qs) // 2
    http_qs, enc_qs = qs[:half], qs[half:]

    server = subprocess.Popen([str(REPO / ".venv/bin/vigyapti"), "serve", "--no-build", "--port", str(args.port)],
                              cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={"VIGYAPTI_ASK_RATE": "0", **os.environ})  # one client: no rate limit
    try:
        url = f"http://127.0.0.1:{args.port}"
        with httpx.Client(base_url=url, timeout=60) as client:
            if not wait_until_healthy(client, 120):
                raise SystemExit("server did not start")
            if not wait_until_warm(client, 600):
                raise SystemExit("server still warming its caches after 600 s")
            time.sleep(args.settle)
            # The baseline, measured while the server idles: the model alone, in this process.
            from bot.service import load_embedder
            from bot.settings import Settings

            embedder = load_embedder(Settings())
            for q in enc_qs[:5]:
                embedder.encode_queries([q])  # warm-up
            encode_ms = []
            for q in enc_qs:
                t = time.perf_counter()
                embedder.encode_queries([q])
                encode_ms.append((time.perf_counter() - t) * 1000)
            del embedder
            for q in ["warm-up question", "गर्म करने वाला प्रश्न", "another warm-up"]:
                client.post("/ask", json={"question": q})
            ask_ms, errors = [], 0
            for q in http_qs:
                t = time.perf_counter()
                r = client.post("/ask", json={"question": q})
                ask_ms.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    errors += 1
                    print(f"error {r.status_code}: {r.text[:200]}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)

    enc50, ask50 = statistics.median(encode_ms), statistics.median(ask_ms)
    print(f"encode question alone: p50 {enc50:.1f} ms  p90 {pct(encode_ms, 90):.1f} ms  (n={len(encode_ms)})")
    print(f"POST /ask over HTTP:   p50 {ask50:.1f} ms  p90 {pct(ask_ms, 90):.1f} ms  p99 {pct(ask_ms, 99):.1f} ms  "
          f"(n={len(ask_ms)}, errors={errors})")
    print(f"ratio p50: {ask50 / enc50:.2f}x")


if __name__ == "__main__":
    main()
