"""`vigyapti ingest --ray` against the in-process path on the bundled corpus (issue 13, acceptance 2).

    .venv/bin/python bench/ray_ingest.py                      # in-process, then Ray (2 actors), then compare
    .venv/bin/python bench/ray_ingest.py --kill-after 60      # ... and SIGKILL one Ray actor 60 s into its run
    .venv/bin/python bench/ray_ingest.py --workdir var/bench-ray --keep   # keep both indexes

Both runs are the real CLI in a subprocess, each on an index folder of its own; bench/compare_indexes.py
then checks the two hold the same releases once each, the same passages and figures, and vectors
within cosine 0.9999. A Ray run whose actor was killed must still store every release, once.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ACTOR = "ray::MapWorker(MapBatches(PassageEncoder))"  # the title Ray gives an actor process of our pool


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def embedding_actors(pid: int) -> dict[int, str]:
    """The pool's actor processes under the run `pid` (which started the local Ray): pid → title,
    which ends in `.submit` while the actor embeds a batch."""
    out = {}
    for child in descendants(pid):
        try:
            title = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
        except OSError:
            continue
        if title.startswith(ACTOR):
            out[child] = title
    return out


def run_ingest(workdir: Path, name: str, extra: list[str], kill_after: float | None = None,
               timeout: float = 7200) -> tuple[str, int | None, float]:
    """The CLI's ingest of the bundled corpus into workdir/name/index: (output, killed actor, seconds)."""
    env = {**os.environ, "VIGYAPTI_INDEX_DIR": str(workdir / name / "index"), "PYTHONPATH": str(REPO),
           "VIGYAPTI_QUERYLOG": str(workdir / name / "querylog.db")}
    log_path = workdir / f"{name}.log"
    started = time.perf_counter()
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "ingest", "--quiet", *extra], cwd=REPO, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
        killed, first_busy = None, None
        try:
            while proc.poll() is None and time.perf_counter() - started < timeout:
                if kill_after is not None and killed is None:
                    busy = [p for p, title in embedding_actors(proc.pid).items() if title.endswith(".submit")]
                    if busy and first_busy is None:
                        first_busy = time.perf_counter()
                    if busy and time.perf_counter() - first_busy >= kill_after:
                        os.kill(busy[0], signal.SIGKILL)
                        killed = busy[0]
                        print(f"  killed Ray actor {killed} after {time.perf_counter() - started:.0f} s", file=sys.stderr)
                time.sleep(0.5)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
    output = log_path.read_text()
    if proc.returncode != 0:
        raise SystemExit(f"{name} ingest failed ({proc.returncode}):\n{output[-3000:]}")
    return output, killed, time.perf_counter() - started


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--workdir", type=Path, help="where the two indexes go (default: a scratch folder)")
    p.add_argument("--keep", action="store_true", help="keep the workdir")
    p.add_argument("--actors", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--kill-after", type=float, help="SIGKILL one Ray actor this many seconds after it starts embedding")
    p.add_argument("--skip-in-process", action="store_true", help="reuse WORKDIR/in-process/index from an earlier run")
    args = p.parse_args(argv)
    from bench.compare_indexes import compare

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="vigyapti-ray-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        if not args.skip_in_process:
            shutil.rmtree(workdir / "in-process", ignore_errors=True)
            out, _, secs = run_ingest(workdir, "in-process", [])
            print(f"in-process: {out.strip().splitlines()[-1]} (wall {secs:.0f} s)")
        shutil.rmtree(workdir / "ray", ignore_errors=True)
        out, killed, secs = run_ingest(workdir, "ray", ["--ray", "--ray-actors", str(args.actors),
                                                         "--ray-batch-size", str(args.batch_size)], args.kill_after)
        print(f"Ray ({args.actors} actors, batch {args.batch_size}): {out.strip().splitlines()[-1]} (wall {secs:.0f} s)")
        if args.kill_after is not None:
            retried = len(re.findall(r"will be retried", out))
            print(f"killed actor: {killed or 'none (the run ended first)'}; Ray's retry notices: {retried}")
        c = compare(workdir / "in-process" / "index", workdir / "ray" / "index", min_cosine=0.9999)
        print(f"releases per language: in-process {c.releases_a}, Ray {c.releases_b}; {c.passages} passages compared, "
              f"lowest cosine {c.min_cosine:.6f}; passages or figures differ in {len(c.different_passages)} releases; "
              f"only in one: {len(c.only_in_a) + len(c.only_in_b)}")
        print("AGREE" if c.agrees() else "DIFFER")
        return 0 if c.agrees() and (args.kill_after is None or killed) else 1
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
