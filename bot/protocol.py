"""What the API makes of HTTP itself, one rule each: which request body is read, and how a client's
copy of a reply is found still good.

A JSON body, on every endpoint that takes one:
- 415 when it is not sent as JSON (`application/json` or `+json`; no Content-Type is not JSON either);
- 400 when it cannot be read as JSON: empty, not UTF-8, led by a byte order mark, malformed, a bare
  NaN or Infinity, nested past reading, or an object that names one key twice (parsers differ on which
  one counts: we pick none);
- 422 when it is JSON but not the request: not an object, or a field missing, unknown, of the wrong
  type or out of range (the route's model says which).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel


def media_type(content_type: str) -> str:
    """A Content-Type header's media type, without its parameters: "application/json; charset=utf-8"
    is "application/json"."""
    return content_type.split(";")[0].strip().lower()


def is_json(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


class BodyError(ValueError):
    """A text that is not JSON as we read it; the message says what is wrong, for a client to fix."""


def unreadable(error: BodyError) -> str:
    """A 400's detail for a body that is not JSON as we read it."""
    return f"The body cannot be read as JSON: {error}."


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise BodyError(f"the key {key!r} stands twice in one object: send it once")
        seen.add(key)
    return dict(pairs)


def _no_constant(name: str):
    raise BodyError(f"{name} is not a JSON value")


def utf8_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BodyError(f"it is not UTF-8 ({exc.reason} at byte {exc.start})") from None


def read_json(data: bytes | str) -> object:
    """`data` as JSON, strictly: Python's json module also takes NaN and Infinity, and a key named
    twice, keeping the last: a body another parser would read otherwise must not be answered as if
    it were clear."""
    text = utf8_text(data) if isinstance(data, bytes) else data
    if not text.strip():
        raise BodyError("it is empty")
    if text.startswith("\ufeff"):  # Python's words for it advise a decoding the server would do
        raise BodyError("it starts with a byte order mark (U+FEFF): send UTF-8 without one")
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise BodyError(f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise BodyError("it is nested too deeply to read") from None
    except BodyError:
        raise
    except ValueError:  # an integer of more digits than Python converts; its message advises sys.*
        raise BodyError(f"it holds a number of more than {sys.get_int_max_str_digits()} digits") from None


def _kind(value: object) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


def not_an_object(value: object, fields: str = "the request's fields") -> dict:
    """The 422 problem of JSON that is not an object, in pydantic's shape: the JSON routes and the
    Telegram webhook, which reads its own body, say it alike."""
    return {"type": "json_object", "loc": ("body",), "msg": f"the body must be a JSON object of {fields}, "
                                                           f"not {_kind(value)}"}


class _JsonRequest(Request):
    """FastAPI's handler reads the body through `json()`: this one reads it as `read_json` does."""

    async def json(self) -> object:
        if not hasattr(self, "_read"):
            try:
                self._read = read_json(await self.body())
            except BodyError as exc:
                raise HTTPException(400, unreadable(exc)) from None
        return self._read


class JsonRoute(APIRoute):
    """A route whose body is a model reads it by the module's rule, before FastAPI does: FastAPI took
    a key named twice, answered an empty body with a missing field, malformed JSON with a 422 and
    a body that is not UTF-8 with a 400, and checked the Content-Type only after reading."""

    def get_route_handler(self):
        handle = super().get_route_handler()
        if self.body_field is None:
            return handle

        async def read_then_handle(request: Request) -> Response:
            request = _JsonRequest(request.scope, request.receive)
            media = media_type(request.headers.get("content-type", ""))
            if not is_json(media):
                raise HTTPException(415, f"Send the request as application/json, not {media or 'no Content-Type'!r}.")
            body = await request.json()
            if not isinstance(body, dict):
                raise RequestValidationError([not_an_object(body)])
            return await handle(request)

        return read_then_handle


# -- a reply's validator -------------------------------------------------------------------------

_ENTITY_TAG = re.compile(r'(?:W/)?("[^"]*")|(\*)')


def entity_tag(body: bytes) -> str:
    """A strong ETag: the digest of the reply's bytes, so it changes whenever they do and is the same
    for the same content in any process, before or after a restart."""
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def still_fresh(if_none_match: str | None, tag: str) -> bool:
    """Whether If-None-Match names `tag` (or is `*`), compared weakly as RFC 9110 (13.1.2) says."""
    return any(star or quoted == tag for quoted, star in _ENTITY_TAG.findall(if_none_match or ""))


# Stored, but asked about again before each use: an admin may replace or delete a release any time.
REVALIDATE = "no-cache"


def validated_json(model: BaseModel, if_none_match: str | None) -> Response:
    """`model` as JSON with its ETag, or 304 without a body when the client's copy is that one."""
    body = model.model_dump_json().encode()
    headers = {"ETag": entity_tag(body), "Cache-Control": REVALIDATE}
    if still_fresh(if_none_match, headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


# The OpenAPI description of a reply `validated_json` makes, and of its 304.
VALIDATED_RESPONSES = {
    200: {"headers": {
        "ETag": {"description": "strong: the same for the same content, whichever process serves it",
                 "schema": {"type": "string"}},
        "Cache-Control": {"description": f"{REVALIDATE}: keep it, but ask with If-None-Match before using it",
                          "schema": {"type": "string"}}}},
    304: {"description": "not modified: If-None-Match named the current ETag (no body)"},
}
