"""What the bench scripts share: waiting for a server they started to answer."""
from __future__ import annotations

import time

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
