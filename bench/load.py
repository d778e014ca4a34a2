"""Load benchmark (issue 5, acceptance 3): N concurrent clients ask /ask for D seconds while releases
are being ingested through POST /releases; reports errors and latency percentiles.

    .venv/bin/python bench/load.py                       # starts its own server on a scratch index
    .venv/bin/python bench/load.py --url http://HOST:PORT --key ADMIN_KEY   # against a running server

Without --url it starts `vigyapti serve --no-build` on a scratch index (rate limit off, a random admin
key), seeds it with --seed releases of the bundled corpus through the API, then runs the load.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUESTIONS = [
    "How many sellers from Madhya Pradesh completed their profile on GeM?",
    "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?",
    "EPFO subscribers KYC",
    "How much was allocated for rural roads?",
    "प्रधानमंत्री ने किस योजना का शुभारंभ किया?",
    "What did the cabinet approve for railways?",
    "कितने किसानों को लाभ मिला?",
    "When was the agreement signed?",
    "What percentage growth in exports was reported?",
    "स्वच्छ भारत मिशन के तहत कितने शौचालय बने?",
    "Which ministry launched the portal?",
    "How many vaccine doses were administered?",
]


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))] if s else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bundled_releases(langs=("hi", "en")) -> list[dict]:
    from corpus.readers import bundled_corpus_dir, read_paths

    out = []
    for r in read_paths([bundled_corpus_dir()], langs=set(langs), on_error=lambda e: None):
        out.append({"release_id": r.release_id, "lang": r.lang, "title": r.title, "text": r.text,
                    "ministry": r.ministry, "date": r.date, "url": r.url})
    return out


def revision(release: dict, n: int) -> dict:
    """`release` as a new version on every other `n` (a closing line added): the store leaves a
    release sent exactly as stored as it is, so sending the same one again would write nothing."""
    return {**release, "text": release["text"] + "\n\nRevised." * (n % 2)}


def start_server(workdir: Path, key: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "VIGYAPTI_INDEX_DIR": str(workdir / "index"), "VIGYAPTI_QUERYLOG": str(workdir / "q.db"),
           "VIGYAPTI_ADMIN_KEYS": key, "VIGYAPTI_ASK_RATE": "0", "VIGYAPTI_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--no-build", "--port", str(port)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=open(workdir / "server.log", "w"))
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: see {workdir / 'server.log'}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.kill()
    raise SystemExit("server did not start in 180 s")


def ingest_loop(url: str, key: str, releases: list[dict], batch: int, stop: threading.Event, out: dict) -> None:
    """Keep POSTing batches (new releases, then replacements of them) until told to stop."""
    headers = {"X-API-Key": key, "Content-Type": "application/x-ndjson"}
    i = 0
    with httpx.Client(base_url=url, timeout=300) as c:
        while not stop.is_set():
            chunk = [revision(releases[(i + j) % len(releases)], (i + j) // len(releases)) for j in range(batch)]
            i += batch
            body = "\n".join(json.dumps(r, ensure_ascii=False) for r in chunk).encode()
            t = time.perf_counter()
            try:
                r = c.post("/releases", content=body, headers=headers)
                ok = r.status_code == 200
                if ok:
                    out["releases"] += r.json()["releases"]
                else:
                    out["error_samples"].append(f"{r.status_code} {r.text[:200]}")
            except httpx.HTTPError as exc:
                ok = False
                out["error_samples"].append(repr(exc))
            out["requests"] += 1
            out["errors"] += not ok
            out["latencies"].append(time.perf_counter() - t)


async def ask_client(url: str, n: int, until: float, out: dict, repeat: bool = False) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=120) as c:
        k = n
        while time.perf_counter() < until:
            q = QUESTIONS[k % len(QUESTIONS)]
            if not repeat:  # a question never asked before: no cached question vector
                q = f"{q} #{n}-{k}"
            k += 1
            t = time.perf_counter()
            try:
                r = await c.post("/ask", json={"question": q, "top_k": 5})
                ok = r.status_code == 200 and "passages" in r.json()
                if not ok:
                    out["error_samples"].append(f"{r.status_code} {r.text[:200]}")
            except httpx.HTTPError as exc:
                ok = False
                out["error_samples"].append(repr(exc))
            out["latencies"].append(time.perf_counter() - t)
            out["errors"] += not ok


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", help="a running server (default: start one on a scratch index)")
    p.add_argument("--key", help="its admin key (with --url)")
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    p.add_argument("--seed", type=int, default=40, help="releases to index before the load (own server only)")
    p.add_argument("--batch", type=int, default=4, help="releases per POST /releases during the load")
    p.add_argument("--repeat", action="store_true",
                   help="ask the same dozen questions over and over (question vectors come from the cache)")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)

    releases = bundled_releases()
    proc = None
    tmp = None
    if args.url:
        url, key = args.url.rstrip("/"), args.key or os.environ.get("VIGYAPTI_ADMIN_KEY", "")
    else:
        tmp = tempfile.TemporaryDirectory(prefix="vigyapti-load-")
        key, port = secrets.token_urlsafe(24), free_port()
        print(f"starting a server on a scratch index in {tmp.name} ...", file=sys.stderr)
        proc = start_server(Path(tmp.name), key, port)
        url = f"http://127.0.0.1:{port}"
    try:
        seed, rest = releases[: args.seed], releases[args.seed:]
        if proc is not None and seed:
            t = time.perf_counter()
            with httpx.Client(base_url=url, timeout=600) as c:
                for i in range(0, len(seed), 8):
                    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in seed[i:i + 8]).encode()
                    r = c.post("/releases", content=body,
                               headers={"X-API-Key": key, "Content-Type": "application/x-ndjson"})
                    r.raise_for_status()
            print(f"seeded {len(seed)} releases in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        before = httpx.get(f"{url}/health").json()

        ingest = {"requests": 0, "errors": 0, "releases": 0, "latencies": [], "error_samples": []}
        asks = {"errors": 0, "latencies": [], "error_samples": []}
        stop = threading.Event()
        t_ingest = threading.Thread(target=ingest_loop, args=(url, key, rest or releases, args.batch, stop, ingest))
        started = time.perf_counter()
        t_ingest.start()
        until = started + args.duration

        async def run():
            await asyncio.gather(*(ask_client(url, n, until, asks, args.repeat) for n in range(args.clients)))

        asyncio.run(run())
        elapsed = time.perf_counter() - started
        stop.set()
        t_ingest.join()
        after = httpx.get(f"{url}/health").json()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
        if tmp is not None:
            tmp.cleanup()

    lat = asks["latencies"]
    report = {
        "clients": args.clients, "seconds": round(elapsed, 1),
        "ask": {"requests": len(lat), "errors": asks["errors"], "rps": round(len(lat) / elapsed, 2),
                "p50_ms": round(percentile(lat, 0.50) * 1000), "p95_ms": round(percentile(lat, 0.95) * 1000),
                "p99_ms": round(percentile(lat, 0.99) * 1000), "max_ms": round(max(lat, default=0) * 1000),
                "mean_ms": round(statistics.fmean(lat) * 1000) if lat else None,
                "error_samples": asks["error_samples"][:5]},
        "ingest": {"requests": ingest["requests"], "releases": ingest["releases"], "errors": ingest["errors"],
                   "p50_ms": round(percentile(ingest["latencies"], 0.5) * 1000) if ingest["latencies"] else None,
                   "error_samples": ingest["error_samples"][:5]},
        "index": {"passages_before": before["passages"], "passages_after": after["passages"],
                  "releases_after": after["releases"]},
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        a, g = report["ask"], report["ingest"]
        print(f"/ask: {a['requests']} requests from {args.clients} clients in {report['seconds']} s "
              f"({a['rps']}/s), errors {a['errors']}; latency p50 {a['p50_ms']} ms, p95 {a['p95_ms']} ms, "
              f"p99 {a['p99_ms']} ms, max {a['max_ms']} ms")
        print(f"POST /releases meanwhile: {g['requests']} requests, {g['releases']} releases ingested, "
              f"errors {g['errors']}, p50 {g['p50_ms']} ms; index {report['index']['passages_before']} → "
              f"{report['index']['passages_after']} passages")
        for s in a["error_samples"] + g["error_samples"]:
            print("  error:", s)
    return 0 if not asks["errors"] and not ingest["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
