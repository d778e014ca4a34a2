"""Wires running in public into the app: limits, CORS, request ids, metrics, JSON errors, the query
log, the Answerer every channel asks through, /releases, /feedback and /metrics. `create_app` calls
`install_ops` once."""
from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from bot.observability import (Metrics, RequestContext, current_request_id, error_responses,  # noqa: F401
                               install_error_handlers)
from bot.answering import Answerer
from bot.protocol import JsonRoute
from bot.querylog import QueryLog
from bot.security import BodyLimit, ClientHasher, TokenBucket, add_cors, key_digest, rate_limited  # noqa: F401
from bot.settings import Settings

log = logging.getLogger("vigyapti")


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is named, not dropped

    answer_id: str = Field(min_length=1, max_length=128, description="`answer_id` of the /ask reply")
    helpful: bool = Field(strict=True)
    comment: str | None = Field(default=None, max_length=2000)


class FeedbackOut(BaseModel):
    status: str = "recorded"
    answer_id: str


router = APIRouter(route_class=JsonRoute)


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)


@router.post("/feedback", response_model=FeedbackOut, dependencies=[Depends(rate_limited)],
             responses=error_responses(400, 404, 413, 415, 422, 429), summary="Was an answer helpful?")
async def feedback(request: Request, body: FeedbackIn) -> FeedbackOut:
    qlog: QueryLog | None = request.app.state.querylog
    ok = qlog is not None and await run_in_threadpool(qlog.add_feedback, body.answer_id, body.helpful, body.comment)
    if not ok:
        raise HTTPException(404, f"No answer has the id {body.answer_id!r}: send the `answer_id` of an /ask reply.")
    request.app.state.metrics.feedback.labels(str(body.helpful).lower()).inc()
    return FeedbackOut(answer_id=body.answer_id)


def install_ops(app: FastAPI, settings: Settings) -> None:
    from bot.releases import router as releases_router

    app.state.admin_key_digests = [key_digest(k) for k in settings.admin_key_list()]
    app.state.rate_limiter = TokenBucket(settings.ask_rate, settings.ask_burst)
    app.state.client_hash = ClientHasher(settings.querylog_salt_value())
    app.state.metrics = Metrics(app)
    app.state.querylog = (QueryLog(settings.querylog_path(), retention_days=settings.querylog_retention_days)
                          if settings.querylog_enabled else None)
    app.state.questions = Answerer(lambda: app.state.service, limiter=app.state.rate_limiter,
                                   metrics=app.state.metrics, querylog=app.state.querylog,
                                   client_hash=app.state.client_hash, max_queued=settings.max_queued_searches)
    install_error_handlers(app)
    app.include_router(releases_router)
    app.include_router(router)
    # Outermost last: RequestContext → CORS → BodyLimit → the app.
    app.add_middleware(BodyLimit, default=settings.max_body_bytes, larger={"/releases": settings.max_ingest_bytes})
    add_cors(app, settings.cors_origin_list())
    app.add_middleware(RequestContext, metrics=app.state.metrics, client_hash=app.state.client_hash)
