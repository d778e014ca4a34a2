"""Request ids, JSON logs, Prometheus metrics and JSON errors (docs/operations.md).

One pure-ASGI middleware (`RequestContext`) gives every request an id (`X-Request-ID` in and out),
times it, counts it per route for Prometheus, writes one JSON access-log line and turns any
unexpected exception into a JSON 500 that names the request id. Metrics live in a registry per
app, so several apps in one process (the tests) do not collide.
"""
from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import traceback
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("vigyapti")
access_log = logging.getLogger("vigyapti.access")

REQUEST_ID_HEADER = "X-Request-ID"
_GOOD_ID = re.compile(r"[A-Za-z0-9._:\-]{1,128}")
request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    return request_id_var.get()


def new_request_id(incoming: str | None = None) -> str:
    """The client's id when it is a sane token, else a fresh one."""
    if incoming and _GOOD_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


# -- errors ------------------------------------------------------------------------------------

class ErrorOut(BaseModel):
    """Every error the API returns: a short code, what was wrong, and the request id to quote."""

    error: str = Field(description="short machine-readable code, e.g. unauthorized, rate_limited")
    detail: Any = Field(description="what was wrong: a message, or a list of problems")
    request_id: str | None = None


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 406: "not_acceptable", 413: "body_too_large", 415: "unsupported_media_type",
          422: "invalid_request", 429: "rate_limited", 500: "internal_error", 503: "unavailable"}


def error_body(status: int, detail: Any, error: str | None = None) -> dict:
    return {"error": error or _CODES.get(status, "error"), "detail": detail, "request_id": current_request_id()}


def error_response(status: int, detail: Any, *, error: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, detail, error), status_code=status, headers=headers)


def error_responses(*codes: int) -> dict[int, dict]:
    """OpenAPI `responses=` for these error codes, all with the ErrorOut body."""
    return {c: {"model": ErrorOut, "description": _CODES.get(c, "error").replace("_", " ")} for c in codes}


def problems(errors) -> list[dict]:
    """A 422's `detail` from pydantic's errors, for the routes FastAPI validates and for those that read
    their body themselves (the Telegram webhook): one shape for every 422. `input` may hold bytes or
    huge values and `ctx` exceptions: the useful part, as JSON can carry it."""
    out = []
    for e in errors:
        e = {k: v for k, v in e.items() if k in ("type", "loc", "msg", "ctx")}
        if "ctx" in e:
            e["ctx"] = {k: str(v) for k, v in e["ctx"].items()}
        out.append(e)
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if exc.detail is not None else _CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, problems(exc.errors()))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:  # normally caught in RequestContext
        log.error("unhandled error", exc_info=exc)
        return error_response(500, "internal error; quote the request id when reporting it")


# -- logging -----------------------------------------------------------------------------------

class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id and any `extra` fields."""

    _SKIP = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        rid = getattr(record, "request_id", None) or current_request_id()
        if rid:
            out["request_id"] = rid
        for k, v in vars(record).items():
            if k not in self._SKIP and k not in out and not k.startswith("_"):
                out[k] = v if isinstance(v, (str, int, float, bool, type(None))) else str(v)
        if record.exc_info:
            out["error"] = "".join(traceback.format_exception(*record.exc_info)).strip()
        return json.dumps(out, ensure_ascii=False)


def configure_logging(settings) -> None:
    """For the serving process: the vigyapti loggers (and uvicorn's errors) as JSON lines on stderr."""
    level = getattr(logging, str(settings.log_level).upper(), logging.INFO)
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if settings.log_json else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    for name in ("vigyapti", "uvicorn.error"):
        lg = logging.getLogger(name)
        lg.handlers = [h for h in lg.handlers if not getattr(h, "_vigyapti", False)]
        handler._vigyapti = True  # type: ignore[attr-defined]
        lg.addHandler(handler)
        lg.setLevel(level)
        lg.propagate = False


# -- metrics -----------------------------------------------------------------------------------

class Metrics:
    """The app's Prometheus metrics, in a registry of its own."""

    def __init__(self, app: FastAPI | None):
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("vigyapti_http_requests", "HTTP requests", ["method", "route", "status"], registry=r)
        self.latency = Histogram("vigyapti_http_request_duration_seconds", "HTTP request latency",
                                 ["method", "route"], registry=r,
                                 buckets=(.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60))
        self.asks = Counter("vigyapti_ask", "Questions answered, by /ask (channel http) or the Telegram bot",
                            ["answered", "channel"], registry=r)
        self.no_answer = Counter("vigyapti_ask_no_answer", "Questions /ask found no answer for", registry=r)
        self.ingested_releases = Counter("vigyapti_ingest_releases", "Releases added or replaced", registry=r)
        self.ingested_passages = Counter("vigyapti_ingest_passages", "Passages added", registry=r)
        self.ingest_rejected = Counter("vigyapti_ingest_rejected", "POST /releases requests rejected as invalid",
                                       registry=r)
        self.deleted_releases = Counter("vigyapti_deleted_releases", "Releases deleted", registry=r)
        self.rate_limited = Counter("vigyapti_rate_limited", "Questions refused over a client's rate limit (429)",
                                    registry=r)
        self.search_queue_full = Counter("vigyapti_search_queue_full",
                                         "Questions refused because the search queue was full (503)", registry=r)
        self.feedback = Counter("vigyapti_feedback", "Feedback received", ["helpful"], registry=r)
        r.register(_IndexCollector(app, self))


class _IndexCollector:
    """Uptime, index size, the search queue and the no-answer rate, read when Prometheus scrapes."""

    def __init__(self, app: FastAPI | None, metrics: Metrics):
        self.app, self.metrics = app, metrics

    def describe(self):
        return []

    def collect(self):
        state = getattr(self.app, "state", None)
        service = getattr(state, "service", None)
        if service is not None:
            # The Service's own clock, as /health reads it: a restart shows as the gauge falling, and the
            # first start's model loading and index build stay out of the uptime, in ready_after.
            uptime, ready_after = service.uptime()
            yield GaugeMetricFamily("vigyapti_uptime_seconds", "Seconds since the service began answering (0 before)",
                                    value=uptime)
            if ready_after is not None:  # null in /health until then: no sample rather than a made-up 0
                yield GaugeMetricFamily("vigyapti_ready_after_seconds",
                                        "Seconds from the process's start until the service began answering",
                                        value=ready_after)
            yield GaugeMetricFamily("vigyapti_search_queue_depth",
                                    "Questions waiting for the search, the one being answered included",
                                    value=service.queued_searches)
            yield GaugeMetricFamily("vigyapti_search_queue_limit", "VIGYAPTI_MAX_QUEUED_SEARCHES (0: no bound)",
                                    value=state.questions.max_queued)
            yield GaugeMetricFamily("vigyapti_index_passages", "Passages in the index",
                                    value=service.store.count_passages())
            g = GaugeMetricFamily("vigyapti_index_releases", "Releases in the index", labels=["lang"])
            for lang, n in service.store.count_releases().items():
                g.add_metric([lang], n)
            yield g
        total = sum(self.metrics.asks.labels(a, c)._value.get() for a in ("true", "false")
                    for c in ("http", "telegram"))
        no = self.metrics.no_answer._value.get()
        yield GaugeMetricFamily("vigyapti_ask_no_answer_ratio", "Share of questions without an answer since start",
                                value=(no / total) if total else 0.0)


# -- the middleware ----------------------------------------------------------------------------

class RequestContext:
    """Request id in and out, metrics, a JSON access-log line, and a JSON 500 for anything unexpected."""

    def __init__(self, app, metrics: Metrics, client_hash=None):
        self.app = app
        self.metrics = metrics
        self.client_hash = client_hash

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope.get("headers", []))
        rid = new_request_id(headers.get("x-request-id"))
        token = request_id_var.set(rid)
        scope.setdefault("state", {})["request_id"] = rid
        started = time.perf_counter()
        status = {"code": 500, "sent": False}

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                status["code"], status["sent"] = message["status"], True
                hdrs = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                hdrs.append((b"x-request-id", rid.encode()))
                message = {**message, "headers": hdrs}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:  # noqa: BLE001 - the last line of defence: JSON, with the id
            log.error("unhandled error on %s %s", scope.get("method"), scope.get("path"), exc_info=exc)
            if not status["sent"]:
                resp = error_response(500, "internal error; quote the request id when reporting it")
                await resp(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            label = getattr(route, "path", None) or ("unmatched" if status["code"] == 404 else "other")
            method = scope.get("method", "")
            self.metrics.requests.labels(method, label, str(status["code"])).inc()
            self.metrics.latency.labels(method, label).observe(elapsed)
            extra = {"method": method, "path": scope.get("path"), "route": label, "status": status["code"],
                     "duration_ms": round(elapsed * 1000, 1)}
            if self.client_hash is not None and scope.get("client"):
                extra["client"] = self.client_hash(scope)
            access_log.info("%s %s %s", method, scope.get("path"), status["code"], extra=extra)
            request_id_var.reset(token)
