"""N `vigyapti serve` replicas on one shared store (issue 13, acceptance 3).

    .venv/bin/python bench/replicas.py                               # scratch store seeded with 60 bundled releases
    .venv/bin/python bench/replicas.py --from-index var/index         # a copy of a built index (e.g. the whole corpus)
    .venv/bin/python bench/replicas.py --store milvus-lite            # one `milvus-lite server` started here
    .venv/bin/python bench/replicas.py --store http://HOST:19530      # a Milvus server (its collections are written)

1. Consistency: two replicas answer the seed question, asked of both at once, round after round,
   while a third process (`vigyapti ingest`) keeps rewriting releases of the same store, the seed
   question's own release among them (same content, so the right answer never changes, but its
   passages are deleted and stored again under new ids, in new generations). Every reply must be
   identical to the one both gave before the ingest began, request id aside. With Milvus (no
   snapshots: docs/stores.md) the third process rewrites other releases only, and the replies are
   compared twice: whole, and with scores aside (the answer, its release, figures and sources): a
   write landing mid-search moves the passage count and the candidate pool, and so scores a little.
2. Throughput: for 1, 2 and 4 replicas, closed-loop clients (each sends its next question when the
   last is answered, every question new so none is a cached vector) spread round-robin over the
   replicas, the load balancer being the clients' own rotation.

The store: `--store` (default: VIGYAPTI_STORE if set, else the embedded store in VIGYAPTI_INDEX_DIR
or a scratch folder). `milvus-lite` starts one `milvus-lite server` in the scratch folder, the way
several processes share Milvus Lite, and fills it (seed releases ingested, or `--from-index` copied
in without encoding). Every replica and the ingesting process get the same environment.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
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

from bench._serving import milvus_lite_server, wait_until_healthy  # noqa: E402
from bench.load import QUESTIONS, bundled_releases, free_port, percentile  # noqa: E402

SEED_ID = "2184082"
SEED_QUESTION = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?"


def store_env(workdir: Path, index_dir: Path, threads: int, store: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "VIGYAPTI_STORE"}
    if store:
        env["VIGYAPTI_STORE"] = store
    return {**env, "VIGYAPTI_INDEX_DIR": str(index_dir), "PYTHONPATH": str(REPO),
            "VIGYAPTI_QUERYLOG_ENABLED": "false", "VIGYAPTI_ASK_RATE": "0", "VIGYAPTI_LOG_LEVEL": "WARNING",
            "VIGYAPTI_MAX_QUEUED_SEARCHES": "0", "VIGYAPTI_THREADS": str(threads)}


def write_jsonl(path: Path, releases: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in releases), encoding="utf-8")
    return path


# The consistency check's writer: the releases of a file stored again as they are, in one
# transaction. `vigyapti ingest` leaves a release stored exactly as sent as it is, and any other
# version of it would change the replies the check compares.
REWRITER = """
import sys
from pathlib import Path
from bot.service import Service
from bot.settings import Settings
from corpus.readers import read_paths
from index.pipeline import IngestReport

service = Service(Settings())
try:
    service.indexer.store_releases(list(read_paths([Path(sys.argv[1])])), IngestReport())
finally:
    service.close()
"""


def cli(env: dict, *args: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bot.cli", *args], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=open(log, "a"))


class Replicas:
    """N `vigyapti serve --no-build` processes on one store, each on its own loopback port."""

    def __init__(self, n: int, env: dict, workdir: Path):
        self.procs, self.urls = [], []
        for i in range(n):
            port = free_port()
            self.procs.append(cli(env, "serve", "--no-build", "--port", str(port), log=workdir / f"replica-{i}.log"))
            self.urls.append(f"http://127.0.0.1:{port}")
        for url, proc in zip(self.urls, self.procs):
            with httpx.Client(base_url=url) as c:
                if not wait_until_healthy(c, 600) or proc.poll() is not None:
                    self.stop()
                    raise SystemExit(f"replica {url} did not start: see {workdir}/replica-*.log")

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def comparable(reply: dict, *, scores: bool = True) -> str:
    """A reply as text to compare, the ids of its request and its answer aside (and every score, unless
    `scores`)."""
    def kept(value):
        if isinstance(value, dict):
            return {k: kept(v) for k, v in value.items()
                    if k not in ("request_id", "answer_id") and (scores or k not in ("score", "release_score", "similarity", "components"))}
        return [kept(v) for v in value] if isinstance(value, list) else value

    return json.dumps(kept(reply), ensure_ascii=False, sort_keys=True)


def copy_index(index_dir: Path, location: str) -> dict:
    """A built embedded index into the (empty) Milvus store at `location`, passages and vectors as
    they are: nothing encoded again (bot/evaluate.py, copy_relabelled)."""
    from bot.evaluate import copy_relabelled
    from index.database import read_stamp
    from index.stores import open_backend

    stamp = read_stamp(index_dir)
    if stamp is None:
        raise SystemExit(f"no index in {index_dir}")
    source, target = open_backend(None, index_dir, stamp), open_backend(location, index_dir, stamp)
    try:
        started = time.perf_counter()
        copy_relabelled(source, target, lambda r: r.release_id)
        return {"releases": sum(target.count_releases().values()), "passages": target.count_passages(),
                "seconds": round(time.perf_counter() - started, 1)}
    finally:
        source.close()
        target.close()


async def ask_all(urls: list[str], question: str) -> list[dict]:
    async with httpx.AsyncClient(timeout=120) as c:
        replies = await asyncio.gather(*(c.post(f"{u}/ask", json={"question": question}) for u in urls))
    for r in replies:
        r.raise_for_status()
    return [r.json() for r in replies]


def consistency(env: dict, workdir: Path, releases: list[dict], seconds: float, *, rewrite_seed: bool) -> dict:
    """Two replicas, the seed question, a third process rewriting releases all along (the seed
    question's own among them when `rewrite_seed`)."""
    others = [r for r in releases if r["release_id"] != SEED_ID][:15]
    rewrite = write_jsonl(workdir / "rewrite.jsonl",
                          [r for r in releases if r["release_id"] == SEED_ID and rewrite_seed] + others)
    # Once before the replicas start, so that the store already holds every release the loop rewrites
    # (a release new to it would change the keyword statistics, and so the scores, legitimately).
    if cli(env, "ingest", str(rewrite), "--quiet", log=workdir / "ingest.log").wait() != 0:
        raise SystemExit((workdir / "ingest.log").read_text()[-3000:])
    replicas = Replicas(2, env, workdir)
    try:
        before = asyncio.run(ask_all(replicas.urls, SEED_QUESTION))
        reference, answer = comparable(before[0]), comparable(before[0], scores=False)
        assert before[0]["answer"] and before[0]["answer"]["release_id"] == SEED_ID, before[0]["answer"]
        assert comparable(before[1]) == reference, "the replicas disagree before any ingest"
        stop, runs, failures = threading.Event(), [], []

        def ingest_loop():
            while not stop.is_set():
                proc = subprocess.Popen([sys.executable, "-c", REWRITER, str(rewrite)], cwd=REPO, env=env,
                                        stdout=subprocess.DEVNULL, stderr=open(workdir / "ingest.log", "a"))
                runs.append(proc.wait())

        thread = threading.Thread(target=ingest_loop)
        thread.start()
        rounds, differing, answers_differing, pairs_differing, until = 0, 0, 0, 0, time.time() + seconds
        try:
            while time.time() < until or not any(rc == 0 for rc in runs):
                pair = asyncio.run(ask_all(replicas.urls, SEED_QUESTION))
                for reply in pair:
                    if comparable(reply) != reference:
                        differing += 1
                        failures.append(reply)
                    answers_differing += comparable(reply, scores=False) != answer
                pairs_differing += comparable(pair[0], scores=False) != comparable(pair[1], scores=False)
                rounds += 1
                if time.time() > until + 600:
                    break
        finally:
            stop.set()
            thread.join()
        after = asyncio.run(ask_all(replicas.urls, SEED_QUESTION))
        return {"rounds": rounds, "replies_compared": 2 * rounds, "differing": differing,
                "answers_differing": answers_differing, "pairs_answering_differently": pairs_differing,
                "seed_rewritten": rewrite_seed, "same_after": all(comparable(r) == reference for r in after),
                "ingest_runs": len(runs), "ingest_failures": sum(rc != 0 for rc in runs),
                "answer": before[0]["answer"]["text"][:120], "reference": json.loads(reference),
                "samples": failures[:2]}
    finally:
        replicas.stop()


async def closed_loop(urls: list[str], clients: int, seconds: float) -> dict:
    latencies, errors = [], 0
    until = time.perf_counter() + seconds

    async def client(n: int, c: httpx.AsyncClient):
        nonlocal errors
        k = 0
        while time.perf_counter() < until:
            url = urls[(n + k) % len(urls)]  # the clients' own round-robin is the load balancer
            q = f"{QUESTIONS[(n + k) % len(QUESTIONS)]} #{n}-{k}"
            k += 1
            t = time.perf_counter()
            try:
                r = await c.post(f"{url}/ask", json={"question": q})
                errors += r.status_code != 200
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - t)

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=120, limits=httpx.Limits(max_connections=clients * 2)) as c:
        await asyncio.gather(*(client(n, c) for n in range(clients)))
    elapsed = time.perf_counter() - started
    return {"requests": len(latencies), "errors": errors, "rps": round(len(latencies) / elapsed, 2),
            "p50_ms": round(percentile(latencies, 0.5) * 1000), "p99_ms": round(percentile(latencies, 0.99) * 1000),
            "mean_ms": round(statistics.fmean(latencies) * 1000) if latencies else None}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--store", default=os.environ.get("VIGYAPTI_STORE") or "embedded",
                   help="embedded (default), milvus-lite (one `milvus-lite server` started for the run) or a "
                        "Milvus server's URL (default: VIGYAPTI_STORE if set)")
    p.add_argument("--replicas", default="1,2,4", help="replica counts to measure (default 1,2,4; '' for none)")
    p.add_argument("--clients", type=int, default=8, help="closed-loop clients")
    p.add_argument("--duration", type=float, default=30.0, help="seconds of load per replica count")
    p.add_argument("--check-seconds", type=float, default=60.0, help="seconds of the consistency check")
    p.add_argument("--seed", type=int, default=60, help="bundled releases in a scratch store")
    p.add_argument("--from-index", type=Path, help="copy this built index folder instead of seeding one")
    p.add_argument("--threads", type=int, help="model threads per replica (default: cores / replicas, at least 1)")
    p.add_argument("--rounds", type=int, default=1,
                   help="measure the replica counts this many times, interleaved (1,2,4,1,2,4…), so load from "
                        "other jobs on a shared machine falls on each count alike")
    p.add_argument("--skip-check", action="store_true", help="throughput only, no consistency check")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)

    releases = bundled_releases()
    tmp = tempfile.TemporaryDirectory(prefix="vigyapti-replicas-")
    workdir = Path(tmp.name)
    embedded = args.store == "embedded"
    index_dir = workdir / "index"  # a copy of --from-index, or seeded
    if "VIGYAPTI_INDEX_DIR" in os.environ and not args.from_index:
        index_dir = Path(os.environ["VIGYAPTI_INDEX_DIR"])
    report = {"store": f"embedded ({index_dir})" if embedded else args.store, "cpus": os.cpu_count()}
    try:
        with contextlib.ExitStack() as stack:
            store = None if embedded else args.store
            if args.store == "milvus-lite":
                store = stack.enter_context(milvus_lite_server(workdir / "milvus"))
                report["store"] = f"milvus-lite server ({store})"
            if args.from_index and embedded:
                shutil.copytree(args.from_index, index_dir)
            elif args.from_index:
                print(f"copying {args.from_index} into {store} ...", file=sys.stderr)
                report["copied"] = copy_index(args.from_index, store)
            else:
                seed = [r for r in releases if r["release_id"] == SEED_ID] + \
                       [r for r in releases if r["release_id"] != SEED_ID][: args.seed]
                proc = cli(store_env(workdir, index_dir, os.cpu_count() or 1, store), "ingest",
                           str(write_jsonl(workdir / "seed.jsonl", seed)), "--quiet", log=workdir / "seed.log")
                if proc.wait() != 0:
                    raise SystemExit((workdir / "seed.log").read_text()[-3000:])
            measure(args, report, workdir, index_dir, store, releases)
    finally:
        tmp.cleanup()

    c = report.get("consistency")
    ok = all(t["errors"] == 0 for t in report["throughput"]) and (c is None or (
        c["differing" if embedded else "answers_differing"] == 0 and c["same_after"] and c["ingest_failures"] == 0))
    if c and c["differing"]:
        (Path.cwd() / "replicas-differing.json").write_text(json.dumps(c, ensure_ascii=False, indent=2), encoding="utf-8")
        print("the reply before and the differing ones: replicas-differing.json", file=sys.stderr)
    if c:
        report["consistency"] = c = {k: v for k, v in c.items() if k not in ("reference", "samples")}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0 if ok else 1
    print(f"store: {report['store']}")
    if c:
        print(f"consistency: {c['replies_compared']} replies of 2 replicas to the seed question over {c['rounds']} rounds, "
              f"while {c['ingest_runs']} `vigyapti ingest` runs rewrote releases ({c['ingest_failures']} failed; "
              f"the seed's own: {c['seed_rewritten']}): {c['differing']} differed from the reply before, "
              f"{c['answers_differing']} with scores aside; the same after: {c['same_after']}")
        print(f"  answer: {c['answer']}")
    for t in report["throughput"]:
        print(f"{t['replicas']} replica(s), {args.clients} closed-loop clients, {t['threads_each']} model threads "
              f"each: {t['rps']} /ask per s, p50 {t['p50_ms']} ms, p99 {t['p99_ms']} ms, errors {t['errors']} "
              f"({t['requests']} requests)")
    return 0 if ok else 1


def measure(args, report: dict, workdir: Path, index_dir: Path, store: str | None, releases: list[dict]) -> None:
    """The consistency check, then throughput for each replica count, into `report`."""
    cores = os.cpu_count() or 1
    if not args.skip_check:
        print("consistency: 2 replicas while a third process ingests ...", file=sys.stderr)
        report["consistency"] = consistency(store_env(workdir, index_dir, max(1, cores // 2), store), workdir,
                                            releases, args.check_seconds, rewrite_seed=store is None)
    report["throughput"] = []
    for _ in range(args.rounds):
        for n in [int(x) for x in args.replicas.split(",") if x]:
            threads = args.threads or max(1, cores // n)
            print(f"throughput: {n} replicas ({threads} model threads each) ...", file=sys.stderr)
            replicas = Replicas(n, store_env(workdir, index_dir, threads, store), workdir)
            try:
                asyncio.run(closed_loop(replicas.urls, min(args.clients, 2), 5))  # warm-up, not counted
                report["throughput"].append({"replicas": n, "threads_each": threads, **asyncio.run(
                    closed_loop(replicas.urls, args.clients, args.duration))})
            finally:
                replicas.stop()


if __name__ == "__main__":
    sys.exit(main())
