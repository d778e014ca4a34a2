"""Where every channel's questions are answered: the web API's `/ask` and the Telegram bot alike.

One component, so a question costs the same wherever it comes from: the client's rate limit (an
address bucket for HTTP, one per chat for Telegram), the bounded search queue, the metrics, the
query log, and the reply with the sources chosen by `bot.replies`.
"""
from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.observability import new_request_id
from bot.replies import ask_reply
from bot.schemas import AskRequest, AskResponse
from bot.service import SearchQueueFull
from index.search import question_lang

if TYPE_CHECKING:
    from bot.observability import Metrics
    from bot.querylog import QueryLog
    from bot.security import ClientHasher, TokenBucket
    from bot.service import Service

log = logging.getLogger("vigyapti")


class Answerer:
    def __init__(self, service: Callable[[], Service], *, limiter: TokenBucket, metrics: Metrics,
                 querylog: QueryLog | None, client_hash: ClientHasher, max_queued: int):
        self.service, self.limiter, self.metrics = service, limiter, metrics
        self.querylog, self.client_hash = querylog, client_hash
        self.max_queued = max_queued  # VIGYAPTI_MAX_QUEUED_SEARCHES

    def admit(self, client: str) -> int:
        """0 when `client` (a rate-limit key) may ask now, else the whole seconds to wait."""
        wait = self.limiter.take(client)
        if wait <= 0:
            return 0
        self.metrics.rate_limited.inc()
        return max(1, math.ceil(wait))

    async def answer(self, req: AskRequest, *, channel: str, client: str,
                     request_id: str | None = None) -> AskResponse:
        """Search, count and log one admitted question. Raises SearchQueueFull when the queue is."""
        started = time.perf_counter()
        try:
            result = await self.service().ask_async(
                req.question, top_k=req.top_k, lang=req.lang, ministry=req.ministry,
                date_from=req.date_from.isoformat() if req.date_from else None,
                date_to=req.date_to.isoformat() if req.date_to else None,
                release_id=req.release_id, per_release=req.per_release, max_queued=self.max_queued)
        except SearchQueueFull:
            self.metrics.search_queue_full.inc()
            raise
        seconds = time.perf_counter() - started
        answered = result.answer is not None
        self.metrics.asks.labels(str(answered).lower(), channel).inc()
        if not answered:
            self.metrics.no_answer.inc()
        request_id = request_id or new_request_id()  # a channel without HTTP's (Telegram polling)
        reply = ask_reply(req.question, result, request_id, explain=bool(req.explain))
        if self.querylog is not None:
            filters = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                       for k, v in req.model_dump(exclude={"question"}).items() if v is not None}
            try:  # only queues the row: the log writes in batches on its own thread
                self.querylog.record(
                    answer_id=reply.answer_id, request_id=request_id, question=req.question, lang=question_lang(req.question),
                    filters=filters, top_release=result.hits[0].release.release_id if result.hits else None,
                    answered=answered, latency_ms=seconds * 1000, hits=len(result.hits),
                    client=self.client_hash.of(client), channel=channel)
            except Exception as exc:  # noqa: BLE001 - a log line must not cost the user the answer
                log.warning("query log write failed: %s", exc)
        return reply
