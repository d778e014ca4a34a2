"""The HTTP API: a thin layer that validates, delegates to the Service and shapes the reply."""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Literal

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from bot.service import Service
from bot.settings import Settings
from index.records import Hit

VERSION = "0.1.0"


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=1000)
    top_k: int = Field(default=5, ge=1, le=50)
    lang: Literal["hi", "en"] | None = None


class FigureOut(BaseModel):
    text: str
    value: float | int | None
    unit: str | None
    kind: str
    start: int
    end: int
    qualifier: str | None = None
    label: str | None = None
    iso: str | None = None


class PassageOut(BaseModel):
    release_id: str
    lang: str
    title: str
    ministry: str | None
    date: str | None
    url: str | None
    text: str
    score: float
    figures: list[FigureOut]


class AskResponse(BaseModel):
    question: str
    passages: list[PassageOut]


class HealthResponse(BaseModel):
    status: str
    version: str
    model: str
    passages: int
    releases: dict[str, int]
    uptime_s: float


def passage_out(hit: Hit) -> PassageOut:
    r, p = hit.release, hit.passage
    return PassageOut(
        release_id=r.release_id, lang=r.lang, title=r.title, ministry=r.ministry, date=r.date,
        url=r.url, text=p.text, score=round(hit.score, 4),
        figures=[FigureOut(**f.to_dict()) for f in p.figures],
    )


def create_app(service: Service | None = None, settings: Settings | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if getattr(app.state, "service", None) is None:
            app.state.service = Service(settings)
        yield

    app = FastAPI(title="Vigyapti", version=VERSION, lifespan=lifespan,
                  description="Questions in Hindi or English over PIB press releases; passages with their figures.")
    app.state.service = service

    @app.get("/health", response_model=HealthResponse)
    def health() -> HealthResponse:
        import time

        s: Service = app.state.service
        return HealthResponse(status="ok", version=VERSION, model=s.embedder.name,
                              passages=s.store.count_passages(), releases=s.store.count_releases(),
                              uptime_s=round(time.time() - s.started, 1))

    @app.post("/ask", response_model=AskResponse)
    async def ask(req: AskRequest) -> AskResponse:
        s: Service = app.state.service
        hits = await run_in_threadpool(s.ask, req.question, top_k=req.top_k, lang=req.lang)
        return AskResponse(question=req.question, passages=[passage_out(h) for h in hits])

    return app
