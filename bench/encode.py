"""Passages/s and question latency of every encoder path, on real passages of the bundled corpus.

    .venv/bin/python bench/encode.py [--n 512] [--questions 100] [--threads 2] [--no-amx] [--gap-ms 7]
                                     [--paths torch-fp32,torch-bf16,onnx-fp32,onnx-int8,openvino-int8,auto]

Each path runs in its own process (so none inherits another's threads or AMX state) and reports
passages/s (wall clock and per CPU-second, which is steadier on a shared machine), the p50 of one
question encoded alone, and the cosine of its passage vectors to torch float32's (median, min).
Passages go in chunks of about the size the indexer sends (16 releases), in corpus order. `auto` is
what the service loads on this CPU (on an AMX CPU two paths: OpenVINO bf16 questions, torch bf16
passages). `--gap-ms` idles that long before each question, as a server does between questions: a
core left idle runs the next question slower than one kept busy by a tight loop of questions.

`--no-amx` shows what a CPU without AMX gets: each worker refuses itself AMX (bench/no_amx.py)
before torch or ONNX Runtime load; `ONEDNN_VERBOSE=1` shows torch's choice.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from no_amx import refuse_amx  # noqa: E402

PATHS = ("torch-fp32", "torch-bf16", "onnx-fp32", "onnx-int8", "openvino-int8", "auto")
FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_tile", "amx_int8", "amx_bf16")


def questions(n: int) -> list[str]:
    shared = REPO.parent / "shared"
    qs: list[str] = []
    for lang in ("hi", "en"):
        f = shared / f"data/xquad/xquad.{lang}.json"
        if f.exists():
            data = json.loads(f.read_text(encoding="utf-8"))["data"]
            qs += [qa["question"] for a in data for p in a["paragraphs"] for qa in p["qas"]][: n // 2]
    return qs or ["मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?"] * n


def question_file(vectors: str) -> str:
    return vectors.removesuffix(".npy") + "-questions.npy"


def worker(path: str, args) -> dict:
    if args.no_amx:
        refuse_amx()
    from bot.settings import Settings
    from index.embeddings import SentenceTransformerEmbedder
    from index.encoders import load_embedder
    from index.pipeline import bundled_passages

    settings = Settings()
    source, name = settings.model_source()
    t = time.perf_counter()
    if path.startswith("torch"):
        embedder = SentenceTransformerEmbedder(source, name=name, threads=args.threads, bf16=path == "torch-bf16")
    else:
        embedder = load_embedder(source, name=name, encoder=path, threads=args.threads)
    load_s = time.perf_counter() - t
    texts = bundled_passages(args.n)
    embedder.encode_passages(texts[:32])  # warm-up
    t, c = time.perf_counter(), time.process_time()
    vectors = [embedder.encode_passages(texts[i:i + args.chunk]) for i in range(0, len(texts), args.chunk)]
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    import numpy as np

    np.save(args.vectors, np.vstack(vectors))
    qs = questions(args.questions)
    for q in qs[:5]:
        embedder.encode_queries([q])
    ms, question_vectors = [], []
    for q in qs:
        time.sleep(args.gap_ms / 1000)
        t = time.perf_counter()
        question_vectors.append(embedder.encode_queries([q]))
        ms.append((time.perf_counter() - t) * 1000)
    np.save(question_file(args.vectors), np.vstack(question_vectors))
    return {"path": embedder.encoder, "load_s": round(load_s, 1), "passages": len(texts),
            "passages_per_s": round(len(texts) / wall, 1), "passages_per_cpu_s": round(len(texts) / cpu, 1),
            "question_p50_ms": round(statistics.median(ms), 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=512, help="passages (default 512)")
    ap.add_argument("--questions", type=int, default=100)
    ap.add_argument("--chunk", type=int, default=160, help="passages per encode call, as the indexer sends")
    ap.add_argument("--threads", type=int, default=None, help="model threads (default: the runtime's choice)")
    ap.add_argument("--paths", default=",".join(PATHS))
    ap.add_argument("--no-amx", action="store_true", help="refuse AMX to torch and ONNX Runtime (see above)")
    ap.add_argument("--gap-ms", type=float, default=0, help="idle before each question (default 0: back to back)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--vectors", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args)))
        return

    from bot.settings import Settings
    from index import onnx_export, openvino_export
    from index.embeddings import bf16_pays, cpu_flags
    from index.encoders import choose_encoder

    flags = cpu_flags()
    if args.no_amx:
        flags = frozenset(f for f in flags if not f.startswith("amx"))
    print(f"CPU: {' '.join(f for f in FLAGS if f in flags)}{' (AMX refused)' if args.no_amx else ''}; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}")
    model = Path(Settings().model_source()[0])
    auto = choose_encoder("auto", onnx_ready=onnx_export.is_ready(model), openvino_ready=openvino_export.is_ready(model),
                          flags=flags)
    print(f"auto picks {auto.encoder} ({auto.reason}); torch would use bf16: "
          f"{'amx_bf16' in flags if args.no_amx else bf16_pays()}")
    import numpy as np

    rows, reference = [], None
    with tempfile.TemporaryDirectory() as tmp:
        for path in [p for p in args.paths.split(",") if p]:
            out = Path(tmp) / f"{path}.npy"
            cmd = [sys.executable, __file__, "--worker", path, "--vectors", str(out), "--n", str(args.n),
                   "--questions", str(args.questions), "--chunk", str(args.chunk), "--gap-ms", str(args.gap_ms)]
            cmd += ["--no-amx"] * args.no_amx + (["--threads", str(args.threads)] if args.threads else [])
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
            if done.returncode:
                print(f"{path}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            vectors = (np.load(out), np.load(question_file(str(out))))
            if path == "torch-fp32":
                reference = vectors
            if reference is not None:
                cos = (vectors[0] * reference[0]).sum(1)
                row["cosine_median"], row["cosine_min"] = round(float(np.median(cos)), 4), round(float(cos.min()), 4)
                row["question_cosine_min"] = round(float((vectors[1] * reference[1]).sum(1).min()), 5)
            rows.append(row)
            if not args.json:
                print(f"{row['path']:>11}: {row['passages_per_s']:6.1f} passages/s ({row['passages_per_cpu_s']:.1f} "
                      f"per CPU-second), question p50 {row['question_p50_ms']:5.1f} ms, load {row['load_s']} s"
                      + (f", cosine to float32 median {row['cosine_median']:.4f} min {row['cosine_min']:.4f}"
                         f" (questions: min {row['question_cosine_min']:.5f})" if "cosine_min" in row else ""),
                      flush=True)
    if args.json:
        print(json.dumps({"flags": sorted(flags), "no_amx": args.no_amx, "auto": auto.encoder, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
