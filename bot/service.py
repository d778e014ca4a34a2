"""The running product: one model, one index, and the ingest and search pipelines on them.

The API, the CLI and (later) the channels all call this one object, so they answer alike.
"""
from __future__ import annotations

import asyncio
import logging
import os
import shutil
import threading
import time
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from bot.settings import Settings
from corpus import Release
from index import encoders
from index.embeddings import Embedder
from index.pipeline import Indexer, IngestReport, open_store
from index.search import HybridSearcher, SearchResult
from index.store import IndexStore, SearchFilters

log = logging.getLogger("vigyapti")


class ModelMissingError(Exception):
    """The default model folder has not been prepared yet."""


def _fold(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).replace("\u200d", "").replace("\u200c", "").casefold().split())


@lru_cache(maxsize=1)
def _ministry_pairs() -> list[tuple[str, str]]:
    from corpus.readers import ministry_names

    return [(_fold(en), _fold(hi)) for en, hi in ministry_names()]


def ministry_names_for(name: str) -> tuple[str, ...]:
    """A ministry named in English or Hindi → every name it goes by (exact, else partial matches)."""
    want = _fold(name)
    pairs = _ministry_pairs()
    exact = [p for p in pairs if want in p]
    found = exact or [p for p in pairs if want and (want in p[0] or want in p[1])]
    return tuple(sorted({n for p in found for n in p} | {want}))


def _filters(lang: str | None, ministry: str | None, date_from: str | None, date_to: str | None,
             release_id: str | None) -> SearchFilters:
    return SearchFilters(lang=lang, ministries=ministry_names_for(ministry) if ministry else (),
                         date_from=date_from, date_to=date_to, release_id=release_id)


def load_embedder(settings: Settings) -> Embedder:
    source, name = settings.model_source()
    if not settings.model and not Path(source).exists():
        raise ModelMissingError(
            f"The model is not prepared in {source}. Run `vigyapti model prepare` (make does it for you).")
    return encoders.load_embedder(source, name=name, encoder=settings.encoder, onnx=not settings.model,
                                  threads=settings.threads, bf16=settings.bf16)


class Service:
    def __init__(self, settings: Settings | None = None, *, embedder=None):
        self.settings = settings or Settings()
        self.started = time.time()
        self.embedder = embedder or load_embedder(self.settings)
        self.store: IndexStore = open_store(self.settings.index_dir, self.embedder)
        self.searcher = HybridSearcher(self.store, self.embedder)
        self.indexer = Indexer(self.store, self.embedder)

    def start_warming(self) -> None:
        """Warm the passage caches in the background; the service answers meanwhile. Only worth it
        for a long-running server: a one-off `ask`, `eval` or `ingest` would pay for nothing."""
        threading.Thread(target=self._warm, name="warm-caches", daemon=True).start()

    def _warm(self) -> None:
        try:
            n = self.store.warm()
            self.searcher.warm()
            log.info("warmed %d passages", n)
        except Exception as exc:  # noqa: BLE001 - a cold cache is slower, not wrong
            log.warning("cache warm-up failed: %s", exc)

    def ask(self, question: str, *, top_k: int = 5, lang: str | None = None, ministry: str | None = None,
            date_from: str | None = None, date_to: str | None = None, release_id: str | None = None,
            per_release: int = 1) -> SearchResult:
        filters = _filters(lang, ministry, date_from, date_to, release_id)
        return self.searcher.run(question, top_k=top_k, filters=filters, per_release=per_release)

    async def ask_async(self, question: str, *, top_k: int = 5, lang: str | None = None, ministry: str | None = None,
                        date_from: str | None = None, date_to: str | None = None, release_id: str | None = None,
                        per_release: int = 1) -> SearchResult:
        """`ask` from the event loop: awaits the search on the model's thread, with no worker
        thread in between (each hop between threads cost a wake-up on every question)."""
        filters = _filters(lang, ministry, date_from, date_to, release_id)
        return await asyncio.wrap_future(
            self.searcher.submit(question, top_k=top_k, filters=filters, per_release=per_release))

    def ingest(self, releases: Iterable[Release], *, total: int | None = None, progress: bool = False) -> IngestReport:
        return self.indexer.run(releases, total=total, progress=progress)

    def is_empty(self) -> bool:
        return self.store.count_passages() == 0

    def close(self) -> None:
        self.store.close()


def rebuild(settings: Settings, releases: list[Release], *, progress: bool = True) -> IngestReport:
    """Build a fresh index beside the live one and swap it in only when complete."""
    target = Path(settings.index_dir)
    staging = target.with_name(target.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    staged = settings.model_copy(update={"index_dir": staging})
    service = Service(staged)
    try:
        report = service.ingest(releases, total=len(releases), progress=progress)
    finally:
        service.close()
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
    return report
