"""The HTTP API: a thin layer that validates, delegates to the Service and shapes the reply."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi_offline import FastAPIOffline
from fastapi.responses import Response
from pydantic import BaseModel, Field

from bot.observability import current_request_id
from bot.protocol import JsonRoute
from bot.replies import answer_out, passage_out  # noqa: F401 - importable from here as before
from bot.schemas import AskRequest, AskResponse
from bot.security import client_address, rate_key
from bot.service import SearchQueueFull, Service
from bot.settings import Settings

VERSION = "0.1.0"


class ReadersHealth(BaseModel):
    version: int = Field(description="this version's readers (segmenter and figure reader)")
    index: int | None = Field(description="the readers' version that read the stored releases; null when "
                                          "not known (an index from before versions were kept)")
    up_to_date: bool = Field(description="false: `vigyapti refresh` would read the stored releases again")


class HealthResponse(BaseModel):
    status: str
    version: str
    model: str
    encoder: str | None = None  # the code path that encodes text: torch-fp32, torch-bf16, onnx-fp32, onnx-int8,
    # or questions+passages on two (openvino-bf16+torch-bf16 on an AMX CPU)
    passages: int
    releases: dict[str, int]
    uptime_s: float = Field(description="seconds since the service began answering (0 before): a first start's "
                                         "model loading and index build are not in it")
    ready_after_s: float | None = Field(default=None, description="seconds from the process's start until it "
                                                                  "began answering: the model loaded, the index "
                                                                  "built or read again if it had to be")
    warming: bool = Field(default=False, description="true while the caches are still being warmed after the "
                                                      "start: answers are the same, some of them slower")
    last_sync: dict | None = Field(default=None, description="the PIB sync's last run, newest release and counts")
    readers: ReadersHealth | None = None


def create_app(service: Service | None = None, settings: Settings | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if getattr(app.state, "service", None) is None:
            app.state.service = Service(settings)
        app.state.service.start_warming()
        scheduler = start_sync(app, settings or app.state.service.settings)  # the PIB sync, when scheduled
        try:
            # The Telegram bot starts and stops with the app (only when a token is set).
            async with telegram_lifespan(app, settings or app.state.service.settings):
                app.state.service.mark_ready()  # uptime counts from here, not from the index build
                yield
        finally:
            if scheduler is not None:
                scheduler.stop()
            if getattr(app.state, "querylog", None) is not None:
                app.state.querylog.close()  # the last queued questions reach the disk

    # /docs and /redoc load Swagger UI and ReDoc from the package, not a CDN: the service runs offline.
    app = FastAPIOffline(title="Vigyapti", version=VERSION, lifespan=lifespan,
                         description="Questions in Hindi or English over PIB press releases; passages with their figures.")
    app.state.service = service
    app.router.route_class = JsonRoute  # a body is read by one rule (bot/protocol.py), 415, 400, then 422
    # The channels: the web widget (/, /widget.js, /widget.css) and the Telegram webhook.
    from bot.sync import start_sync, sync_summary
    from bot.telegram import router as telegram_router, telegram_lifespan
    from bot.web import router as web_router

    app.include_router(web_router)
    app.include_router(telegram_router)
    # Running in public: CORS, limits, request ids, metrics, JSON errors, the query log,
    # /releases, /feedback, /metrics (bot/ops.py).
    from bot.ops import install_ops, rate_limited, error_responses

    install_ops(app, settings or (service.settings if service is not None else Settings()))

    # Uptime monitors and load balancers probe with HEAD: a process that answers is up. Out of the
    # schema: one operation per route there (GET and HEAD on one function gave two of one id).
    @app.head("/health", include_in_schema=False)
    def health_probe() -> Response:
        return Response(media_type="application/json")

    @app.get("/health", response_model=HealthResponse)
    def health() -> HealthResponse:
        s: Service = app.state.service
        readers = s.readers
        uptime, ready_after = s.uptime()
        return HealthResponse(status="ok", version=VERSION, model=s.embedder.name,
                              encoder=s.embedder.encoder, passages=s.store.count_passages(),
                              releases=s.store.count_releases(), uptime_s=round(uptime, 1),
                              ready_after_s=None if ready_after is None else round(ready_after, 1),
                              warming=s.warming,
                              last_sync=sync_summary(s.settings.sync_state_path(), failures=0, feeds=False),
                              readers=ReadersHealth(version=readers.current, index=readers.index,
                                                    up_to_date=readers.up_to_date))

    @app.post("/ask", response_model=AskResponse, dependencies=[Depends(rate_limited)],
              responses=error_responses(400, 413, 415, 422, 429, 503))
    async def ask(req: AskRequest, request: Request) -> Response:
        try:
            reply = await app.state.questions.answer(
                req, channel="http", client=rate_key(client_address(request.scope)),
                request_id=current_request_id())
        except SearchQueueFull as busy:
            raise HTTPException(503, f"The service is busy: {busy.depth} questions are waiting. "
                                     f"Retry after {busy.retry_after} s.",
                                headers={"Retry-After": str(busy.retry_after)}) from None
        # Already validated by construction: FastAPI would validate it again and serialise it through
        # a dict (docs/retrieval.md, Latency). `response_model` still documents it.
        return Response(reply.model_dump_json(), media_type="application/json")

    return app
