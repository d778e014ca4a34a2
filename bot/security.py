"""Keeping the public out of the admin side: API keys, rate limits, body limits, CORS.

- Write endpoints need one of VIGYAPTI_ADMIN_KEYS, as `Authorization: Bearer KEY` or `X-API-Key: KEY`,
  compared as SHA-256 digests in constant time (so neither the bytes nor the key's length leak through
  timing) and never logged. No key sent → 401, a wrong one → 403; with no keys
  configured the write endpoints are off (403 saying how to turn them on).
- `/ask` (and `/feedback`) are public but each client has a token bucket (VIGYAPTI_ASK_RATE per second,
  VIGYAPTI_ASK_BURST at once); over it → 429 with Retry-After. A client is an IPv4 address or an IPv6
  /64 (one subscriber's prefix: rotating addresses inside it buys no fresh bucket).
- Bodies over VIGYAPTI_MAX_BODY_BYTES (VIGYAPTI_MAX_INGEST_BYTES for POST /releases) → 413, checked on
  Content-Length and on the bytes actually received.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections import OrderedDict

from fastapi import FastAPI, HTTPException, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from bot.observability import error_response

_bearer = HTTPBearer(auto_error=False, description="an admin key from VIGYAPTI_ADMIN_KEYS")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="an admin key from VIGYAPTI_ADMIN_KEYS")


# -- who is asking -------------------------------------------------------------------------------

def client_address(scope) -> str:
    """The client's address. Behind a reverse proxy, run uvicorn with --forwarded-allow-ips (or
    FORWARDED_ALLOW_IPS) naming the proxy, and it puts the X-Forwarded-For address here."""
    client = scope.get("client")
    return client[0] if client else "unknown"


def rate_key(address: str) -> str:
    """The rate-limit bucket of an address: IPv4 by address (an IPv4-mapped IPv6 address is its
    IPv4), IPv6 by /64; anything else (a test client's name) as it is."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class ClientHasher:
    """A client (an address's rate-limit key, a Telegram chat) → a short keyed hash: stable for one
    salt, not reversible without it."""

    def __init__(self, salt: str | None):
        self._key = (salt or secrets.token_hex(32)).encode()

    def __call__(self, scope) -> str:
        return self.of(rate_key(client_address(scope)))

    def of(self, client: str) -> str:
        return hmac.new(self._key, client.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest()[:16]


# -- admin keys --------------------------------------------------------------------------------

def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).digest()


def matches_secret(given: str, digests: list[bytes]) -> bool:
    """Whether `given` is one of the secrets these digests were made from. Every digest is compared,
    each in constant time over 32 bytes whatever the secret's length."""
    sent = key_digest(given)
    ok = False
    for digest in digests:
        ok |= hmac.compare_digest(sent, digest)
    return ok


def require_admin(request: Request,
                  bearer: HTTPAuthorizationCredentials | None = Security(_bearer),
                  api_key: str | None = Security(_api_key)) -> None:
    """Dependency of the write endpoints."""
    keys: list[bytes] = request.app.state.admin_key_digests
    if not keys:
        raise HTTPException(403, "Write endpoints are disabled: set VIGYAPTI_ADMIN_KEYS (comma-separated keys) "
                                 "to enable them.")
    sent = (bearer.credentials if bearer else None) or api_key
    if not sent:
        raise HTTPException(401, "An API key is required: send `Authorization: Bearer KEY` or `X-API-Key: KEY`.",
                            headers={"WWW-Authenticate": "Bearer"})
    if not matches_secret(sent, keys):
        raise HTTPException(403, "The API key is not valid.")


# -- rate limits -------------------------------------------------------------------------------

class TokenBucket:
    """Per-client token buckets in memory: `rate` tokens a second, up to `burst`.

    Buckets are kept in least-recently-used order, so forgetting clients is cheap at any size: an
    idle one from the old end while it is full again anyway, and past `max_clients` the least
    recent one (it gets a fresh bucket if it comes back)."""

    def __init__(self, rate: float, burst: int, *, max_clients: int = 100_000):
        self.rate, self.burst, self.max_clients = rate, burst, max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, client: str, now: float | None = None) -> float:
        """0 when allowed, else the seconds to wait. Runs on the event loop: no lock needed."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
        self._buckets[client] = (tokens - 1 if tokens >= 1 else tokens, now)
        self._prune(now)
        return wait

    def _prune(self, now: float) -> None:
        full = self.burst / self.rate  # a bucket idle this long is full again: forgetting it changes nothing
        buckets = self._buckets
        while buckets:
            oldest = next(iter(buckets))
            if len(buckets) <= self.max_clients and now - buckets[oldest][1] < full:
                break
            del buckets[oldest]


async def rate_limited(request: Request) -> None:
    """Dependency of the public endpoints: 429 with Retry-After when the client's bucket is empty."""
    app = request.app
    retry = app.state.questions.admit(rate_key(client_address(request.scope)))
    if retry:
        s = app.state.rate_limiter
        raise HTTPException(429, f"Too many requests: {s.rate:g} per second allowed (bursts of {s.burst}). "
                                 f"Retry after {retry} s.", headers={"Retry-After": str(retry)})


# -- body size ---------------------------------------------------------------------------------

class BodyLimit:
    """413 (JSON) for bodies over the limit; the ingest path has a larger one."""

    def __init__(self, app, default: int, larger: dict[str, int]):
        self.app, self.default, self.larger = app, default, larger

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        limit = self.larger.get(scope["path"].rstrip("/") or "/", self.default)
        length = None
        for k, v in scope.get("headers", []):
            if k.lower() == b"content-length":
                length = v
        if length is not None:
            try:
                n = int(length)
                if n < 0:
                    raise ValueError
            except ValueError:
                return await error_response(400, "Content-Length is not a number")(scope, receive, send)
            if n > limit:
                return await self._too_large(limit, scope, receive, send)
            return await self.app(scope, receive, send)  # the server holds the body to Content-Length
        # No Content-Length (chunked): read up to the limit here, then replay it to the app.
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                return await self._too_large(limit, scope, receive, send)
            chunks.append(body)
            if not message.get("more_body", False):
                break
        data = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    @staticmethod
    async def _too_large(limit: int, scope, receive, send):
        resp = error_response(413, f"The request body is larger than {limit} bytes.")
        await resp(scope, receive, send)


# -- CORS --------------------------------------------------------------------------------------

def add_cors(app: FastAPI, origins: list[str]) -> None:
    """Browsers on these origins may call the public API (no credentials; admin keys are not allowed
    headers, so the write endpoints cannot be called from a web page)."""
    from fastapi.middleware.cors import CORSMiddleware

    app.add_middleware(CORSMiddleware, allow_origins=origins or ["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type", "X-Request-ID"],
                       expose_headers=["Retry-After", "X-Request-ID"], max_age=86400)
