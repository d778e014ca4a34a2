"""The running product: one model, one index, and the ingest and search pipelines on them.

The API, the CLI and (later) the channels all call this one object, so they answer alike.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from bot.settings import Settings
from corpus import Release
from index.embeddings import SentenceTransformerEmbedder
from index.pipeline import IngestReport, Indexer, Searcher, open_store
from index.records import Hit
from index.store import IndexStore

log = logging.getLogger("vigyapti")


class ModelMissingError(Exception):
    """The default model folder has not been prepared yet."""


def load_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    source, name = settings.model_source()
    if not settings.model and not Path(source).exists():
        raise ModelMissingError(
            f"The model is not prepared in {source}. Run `vigyapti model prepare` (make does it for you).")
    return SentenceTransformerEmbedder(source, name=name, threads=settings.threads)


class Service:
    def __init__(self, settings: Settings | None = None, *, embedder=None):
        self.settings = settings or Settings()
        self.started = time.time()
        self.embedder = embedder or load_embedder(self.settings)
        self.store: IndexStore = open_store(self.settings.index_dir, self.embedder)
        self.searcher = Searcher(self.store, self.embedder)
        self.indexer = Indexer(self.store, self.embedder)

    def ask(self, question: str, *, top_k: int = 5, lang: str | None = None) -> list[Hit]:
        return self.searcher.run(question, top_k=top_k, lang=lang)

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
