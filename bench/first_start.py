"""Seconds from `make serve` on a fresh clone to the first answered `/ask`, then for a restart.

    .venv/bin/python bench/first_start.py [--no-amx] [--cold-model] [--out bench/results/first-start.json]

Clones this repository (its committed state) into a temporary folder whose `.venv` is this one's
(issue 15 counts from "dependencies already installed"), runs `make serve` there with an empty
index, and asks one question every half second until the answer comes; then stops the server and
times `make serve` again over the index it built. `--no-amx` runs both under bench/no_amx.py, as
on a CPU without AMX. The model cache is the usual one unless `--cold-model`, which gives the
clone an empty cache, so the first start also rebuilds the model and its ONNX/OpenVINO files.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from encode import FLAGS

from index.embeddings import cpu_flags

QUESTION = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def timed_start(clone: Path, env: dict, no_amx: bool, timeout: float, log: Path) -> dict:
    """Start `make serve`, poll `/ask` until it answers 200; the server is stopped on return."""
    port = free_port()
    command = ["make", "serve", f"PORT={port}"]
    if no_amx:
        command = [sys.executable, str(REPO / "bench" / "no_amx.py"), *command]
    started = time.monotonic()
    with open(log, "ab") as out:
        server = subprocess.Popen(command, cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    result: dict = {"answered": False}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            while time.monotonic() - started < timeout:
                if server.poll() is not None:
                    result["exit_code"] = server.returncode
                    break
                try:
                    reply = client.post("/ask", json={"question": QUESTION})
                    if reply.status_code == 200:
                        body = reply.json()
                        result.update(answered=True, seconds=round(time.monotonic() - started, 1),
                                      answer_release=(body.get("answer") or {}).get("release_id"))
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.5)
            if not result["answered"]:
                result["seconds"] = round(time.monotonic() - started, 1)
            try:
                result["encoder"] = client.get("/health").json().get("encoder")
            except (httpx.HTTPError, ValueError):
                pass
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-amx", action="store_true", help="as on a CPU without AMX (bench/no_amx.py)")
    ap.add_argument("--cold-model", action="store_true", help="an empty model cache: the model is built too")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--keep", action="store_true", help="keep the clone (its server log is in it)")
    ap.add_argument("--out", type=Path, help="write the figures here as JSON")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="vigyapti-first-start-"))
    clone = work / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    venv = REPO / ".venv"
    (clone / ".venv").symlink_to(venv.resolve())
    env = {**os.environ, "PYTHONPATH": str(clone)}  # the clone's code, not the editable install's
    env.pop("VIGYAPTI_INDEX_DIR", None)  # the clone's own var/index, empty
    if args.cold_model:
        env["VIGYAPTI_CACHE"] = str(work / "cache")
    # make must not reinstall into the shared venv: its stamp is newer than the clone's pyproject
    (venv / ".installed").touch()
    log = work / "serve.log"
    try:
        first = timed_start(clone, env, args.no_amx, args.timeout, log)
        restart = timed_start(clone, env, args.no_amx, args.timeout, log)
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        report = {
            "cpu_flags": " ".join(f for f in FLAGS if f in cpu_flags()), "amx_refused": args.no_amx, "cold_model": args.cold_model,
            "load_average_at_end": round(os.getloadavg()[0], 2), "commit": subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], cwd=clone, capture_output=True, text=True, check=True).stdout.strip(),
            "first_start": first, "restart": restart,
            "indexed": next((ln.strip() for ln in lines if "Indexed" in ln), None),
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
        if args.out:
            args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
