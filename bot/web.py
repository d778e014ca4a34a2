"""The web channel: the demo page (`GET /`) and the embeddable chat widget (`/widget.js`, `/widget.css`).

Embedding it on any page is one line (docs/widget.md):
    <script src="https://HOST/widget.js" data-api="https://HOST"></script>
so `/ask` must be callable from other origins: the CORS set-up (bot/security.py) allows
that and exposes `Retry-After` for the widget's rate-limit message.
"""
from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request, Response

from bot.schemas import MAX_QUESTION

STATIC = Path(__file__).resolve().parent / "static"

# name -> (content type, Cache-Control). The widget URL is unversioned (it is pasted into other
# sites), so caches keep it briefly and revalidate with the ETag; the page itself always revalidates.
FILES = {
    "index.html": ("text/html; charset=utf-8", "no-cache"),
    "widget.js": ("text/javascript; charset=utf-8", "public, max-age=600, stale-while-revalidate=86400"),
    "widget.css": ("text/css; charset=utf-8", "public, max-age=600, stale-while-revalidate=86400"),
}
# The demo page runs no inline script and talks only to its own origin; its one inline <style>
# is allowed by hash.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' {styles}; connect-src 'self'; "
            "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _page_csp(page: bytes) -> str:
    hashes = ["'sha256-" + base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() + "'"
              for m in re.finditer(rb"<style>(.*?)</style>", page, re.S)]
    return PAGE_CSP.format(styles=" ".join(hashes)).replace("  ", " ")


# What the server decides and the widget needs before it asks, written into widget.js where it
# names them: an embedding page sets only where the API is and the first language.
RENDERED = {"widget.js": {b"__VIGYAPTI_MAX_QUESTION__": str(MAX_QUESTION).encode()}}


@lru_cache(maxsize=None)
def _load(name: str, mtime_ns: int) -> tuple[bytes, str]:
    data = (STATIC / name).read_bytes()
    for token, value in RENDERED.get(name, {}).items():
        data = data.replace(token, value)
    return data, '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def _serve(name: str, request: Request) -> Response:
    path = STATIC / name
    data, etag = _load(name, path.stat().st_mtime_ns)
    ctype, cache = FILES[name]
    headers = {"ETag": etag, "Cache-Control": cache, "X-Content-Type-Options": "nosniff"}
    if name == "index.html":
        headers["Content-Security-Policy"] = _page_csp(data)
        headers["Referrer-Policy"] = "no-referrer"
    else:
        headers["Cross-Origin-Resource-Policy"] = "cross-origin"  # meant to be loaded by other sites
    inm = request.headers.get("if-none-match", "")
    if etag in [t.strip().removeprefix("W/") for t in inm.split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(content=data, media_type=ctype, headers=headers)


router = APIRouter()


@router.get("/", include_in_schema=False)
def demo_page(request: Request) -> Response:
    return _serve("index.html", request)


@router.get("/widget.js", include_in_schema=False)
def widget_js(request: Request) -> Response:
    return _serve("widget.js", request)


@router.get("/widget.css", include_in_schema=False)
def widget_css(request: Request) -> Response:
    return _serve("widget.css", request)

