"""Wires issue 5 into the app: limits, CORS, request ids, metrics, JSON errors, the query log,
/releases, /feedback and /metrics. `create_app` calls `install_ops` once."""
from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from bot.observability import (Metrics, RequestContext, current_request_id, error_responses,  # noqa: F401
                               install_error_handlers)
from bot.querylog import QueryLog
from bot.security import BodyLimit, ClientHasher, TokenBucket, add_cors, rate_limited  # noqa: F401
from bot.settings import Settings

log = logging.getLogger("vigyapti")


class FeedbackIn(BaseModel):
    request_id: str = Field(min_length=1, max_length=128, description="X-Request-ID of the /ask reply")
    helpful: bool = Field(strict=True)
    comment: str | None = Field(default=None, max_length=2000)


class FeedbackOut(BaseModel):
    status: str = "recorded"
    request_id: str


router = APIRouter()


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)


@router.post("/feedback", response_model=FeedbackOut, dependencies=[Depends(rate_limited)],
             responses=error_responses(400, 404, 413, 422, 429), summary="Was an answer helpful?")
async def feedback(request: Request, body: FeedbackIn) -> FeedbackOut:
    qlog: QueryLog | None = request.app.state.querylog
    ok = qlog is not None and await run_in_threadpool(qlog.add_feedback, body.request_id, body.helpful, body.comment)
    if not ok:
        raise HTTPException(404, f"No question was asked under request id {body.request_id!r}.")
    request.app.state.metrics.feedback.labels(str(body.helpful).lower()).inc()
    return FeedbackOut(request_id=body.request_id)


async def record_ask(request: Request, req, result, seconds: float) -> str | None:
    """Count the question for Prometheus and write it to the query log; returns the request id."""
    app = request.app
    rid = current_request_id()
    answered = result.answer is not None
    app.state.metrics.asks.labels(str(answered).lower()).inc()
    if not answered:
        app.state.metrics.no_answer.inc()
    qlog: QueryLog | None = app.state.querylog
    if qlog is not None and rid:
        from index.search import question_lang

        filters = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                   for k, v in req.model_dump(exclude={"question"}).items() if v is not None}
        top = result.hits[0].release.release_id if result.hits else None
        entry = dict(request_id=rid, question=req.question, lang=question_lang(req.question),
                     filters=filters, top_release=top, answered=answered, latency_ms=seconds * 1000,
                     hits=len(result.hits), client=app.state.client_hash(request.scope))

        def write() -> None:
            try:
                qlog.record(**entry)
            except Exception as exc:  # noqa: BLE001 - a full disk must not cost the user the answer
                log.warning("query log write failed: %s", exc)

        write()  # only queues the row: QueryLog writes in batches on its own thread
    return rid


def install_ops(app: FastAPI, settings: Settings) -> None:
    from bot.releases import router as releases_router

    app.state.admin_keys = settings.admin_key_list()
    app.state.rate_limiter = TokenBucket(settings.ask_rate, settings.ask_burst)
    app.state.client_hash = ClientHasher(settings.querylog_salt)
    app.state.metrics = Metrics(app)
    app.state.querylog = QueryLog(settings.querylog_path()) if settings.querylog_enabled else None
    install_error_handlers(app)
    app.include_router(releases_router)
    app.include_router(router)
    # Outermost last: RequestContext → CORS → BodyLimit → the app.
    app.add_middleware(BodyLimit, default=settings.max_body_bytes, larger={"/releases": settings.max_ingest_bytes})
    add_cors(app, settings.cors_origin_list())
    app.add_middleware(RequestContext, metrics=app.state.metrics, client_hash=app.state.client_hash)
