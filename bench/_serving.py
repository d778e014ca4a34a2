"""What the bench scripts (and the tests that run them) share: waiting for a server they started
to answer, and a Milvus Lite server for several processes."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def wait_until_healthy(client: httpx.Client, timeout: float) -> bool:
    """True once GET /health answers 200; False after `timeout` seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if client.get("/health").status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    return False


def wait_until_warm(client: httpx.Client, timeout: float) -> bool:
    """True once GET /health says the cache warm-up has ended; False after `timeout` seconds. A
    measurement of speed begun while it runs measures it too."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if not client.get("/health").json().get("warming"):
            return True
        time.sleep(0.5)
    return False


@contextmanager
def milvus_lite_server(data_dir: Path, timeout: float = 120) -> Iterator[str]:
    """One `milvus-lite server` on a free loopback port, its data in `data_dir`: yields its URL
    (VIGYAPTI_STORE for every process that shares it) and stops it on leaving."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).with_name("milvus-lite")), "server", "--host", "127.0.0.1",
                               "--port", str(port), "--data-dir", str(data_dir)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"milvus-lite server did not start (exit status {server.poll()})") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
