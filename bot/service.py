"""The running product: one model, one index, and the ingest and search pipelines on them.

The API, the CLI and (later) the channels all call this one object, so they answer alike.
"""
from __future__ import annotations

import asyncio
import gc
import logging
import math
import os
import shutil
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from bot.settings import Settings
from corpus import Release
from index.embeddings import Embedder
from index.pipeline import Indexer, IngestReport, open_store
from index.rayembed import EmbedderSpec, RayIndexer, RayIngestReport, RayOptions
from index.refresh import ReadersState, Refresher, RefreshReport
from index.search import HybridSearcher, SearchResult
from index.sentencevectors import INDEX_FILE as SENTENCES_FILE
from index.sentencevectors import SentenceVectors, keep_rebuilt_sentences
from index.store import SearchFilters, swap_in_rebuilt
from index.stores import Store, StoreError, is_milvus
from index.translations import fold_name as _fold

log = logging.getLogger("vigyapti")


class ModelMissingError(Exception):
    """The default model folder has not been prepared yet."""


class SearchQueueFull(Exception):
    """More questions wait for the model than VIGYAPTI_MAX_QUEUED_SEARCHES allows: refusing one now,
    with a time to come back, serves people better than answering it seconds late."""

    def __init__(self, depth: int, retry_after: int):
        super().__init__(f"{depth} questions are waiting for the search")
        self.depth, self.retry_after = depth, retry_after


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


def _process_started() -> float:
    """`time.monotonic()` at this process's start: on Linux from /proc (its start in clock ticks since
    boot, against the clock since boot), elsewhere now, when the Service is made."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic()
    return time.monotonic() - max(age, 0.0)


def embedder_spec(settings: Settings) -> EmbedderSpec:
    source, name = settings.model_source()
    if not settings.model and not Path(source).exists():
        raise ModelMissingError(
            f"The model is not prepared in {source}. Run `vigyapti model prepare` (make does it for you).")
    return EmbedderSpec(source, name=name, encoder=settings.encoder, onnx=not settings.model,
                        threads=settings.threads, bf16=settings.bf16)


def load_embedder(settings: Settings) -> Embedder:
    return embedder_spec(settings).load()


class Service:
    def __init__(self, settings: Settings | None = None, *, embedder=None, readers_advice: bool = True):
        """`readers_advice`: log that the stored releases were read by older readers, when they were
        (not for `refresh`, which reads them again)."""
        self.settings = settings or Settings()
        self._process_started = _process_started()
        self._ready_at: float | None = None  # time.monotonic() when the app began answering (mark_ready)
        self.embedder = embedder or load_embedder(self.settings)
        self.store: Store = open_store(self.settings.index_dir, self.embedder, location=self.settings.store)
        self.store.COMPACT_ROWS = self.settings.compact_rows or None
        # Kept in the embedded index's folder; beside a Milvus store, in this process's memory once
        # an answer needs them (the folder stays untouched; the shipped ones cover the bundled corpus).
        milvus = is_milvus(self.settings.store)
        self.sentences = SentenceVectors(self.embedder, None if milvus else Path(self.settings.index_dir) / SENTENCES_FILE)
        self.searcher = HybridSearcher(self.store, self.embedder, sentences=self.sentences)
        self.indexer = Indexer(self.store, self.embedder, sentences=None if milvus else self.sentences)
        self._queue_lock = threading.Lock()
        self._warming: threading.Thread | None = None
        self._closing = threading.Event()
        self._queued = 0
        self._search_seconds = 0.05  # a running mean, for the Retry-After of a refused question
        self._last_answered = 0.0
        if readers_advice and not (readers := self.readers).up_to_date and not self.is_empty():
            log.warning(readers.advice())

    def mark_ready(self) -> None:
        """The app serves from now on: the model loaded, the index built or read again if it had to
        be. Uptime counts from the first call; later ones (another app on this Service) change nothing."""
        if self._ready_at is None:
            self._ready_at = time.monotonic()

    def uptime(self) -> tuple[float, float | None]:
        """(seconds since the service began answering, 0 before; seconds from the process's start
        until then, None before): what /health reports as `uptime_s` and `ready_after_s`."""
        if self._ready_at is None:
            return 0.0, None
        return time.monotonic() - self._ready_at, self._ready_at - self._process_started

    @property
    def readers(self) -> ReadersState:
        """Whether this version's readers read the stored releases (`refresh` brings them)."""
        return ReadersState.of(self.store)

    @property
    def queued_searches(self) -> int:
        """Questions submitted to the model's thread and not yet answered (the running one included)."""
        return self._queued

    def start_warming(self) -> None:
        """Warm the passage caches in the background; the service answers meanwhile. Only worth it
        for a long-running server: a one-off `ask`, `eval` or `ingest` would pay for nothing."""
        self._warming = threading.Thread(target=self._warm, name="warm-caches", daemon=True)
        self._warming.start()

    @property
    def warming(self) -> bool:
        """Whether the cache warm-up still runs: answers are the same meanwhile, some of them slower."""
        return self._warming is not None and self._warming.is_alive()

    def _warm(self) -> None:
        try:
            n = self.store.warm()
            self.searcher.warm(stop=self._closing)  # it looks at the event before each step
            log.info("warmed %d passages", n)
        except Exception as exc:  # noqa: BLE001 - a cold cache is slower, not wrong
            log.warning("cache warm-up failed: %s", exc)
        if not self._closing.is_set():
            # What the warm-up read (the passages, their analyses, the model) lives as long as the
            # service: moved out of the collector's generations, a full collection no longer walks it
            # in the middle of the answer it falls on (`close` hands it back).
            gc.collect()
            gc.freeze()

    def ask(self, question: str, *, top_k: int = 5, lang: str | None = None, ministry: str | None = None,
            date_from: str | None = None, date_to: str | None = None, release_id: str | None = None,
            per_release: int = 1) -> SearchResult:
        filters = _filters(lang, ministry, date_from, date_to, release_id)
        return self.searcher.run(question, top_k=top_k, filters=filters, per_release=per_release)

    async def ask_async(self, question: str, *, top_k: int = 5, lang: str | None = None, ministry: str | None = None,
                        date_from: str | None = None, date_to: str | None = None, release_id: str | None = None,
                        per_release: int = 1, max_queued: int | None = None) -> SearchResult:
        """`ask` from the event loop: awaits the search on the model's thread, with no worker
        thread in between (each hop between threads cost a wake-up on every question).
        Raises SearchQueueFull when `max_queued` questions (default: the max_queued_searches
        setting; 0: no bound) are already waiting."""
        filters = _filters(lang, ministry, date_from, date_to, release_id)
        bound = self.settings.max_queued_searches if max_queued is None else max_queued
        with self._queue_lock:
            if bound and self._queued >= bound:
                wait = max(1, math.ceil(self._queued * self._search_seconds))
                raise SearchQueueFull(self._queued, wait)
            self._queued += 1
        started = time.perf_counter()
        try:
            future = self.searcher.submit(question, top_k=top_k, filters=filters, per_release=per_release)
        except BaseException:
            self._dequeue(started)
            raise
        future.add_done_callback(lambda _: self._dequeue(started))  # also when the asker has gone
        return await asyncio.wrap_future(future)

    def _dequeue(self, started: float) -> None:
        now = time.perf_counter()
        with self._queue_lock:
            self._queued -= 1
            # Searches run one after another: from the later of its submission and the previous
            # answer to its own answer is the time this one took, without its wait in the queue.
            took = now - max(started, self._last_answered)
            self._last_answered = now
            self._search_seconds = 0.8 * self._search_seconds + 0.2 * took

    def ingest(self, releases: Iterable[Release], *, total: int | None = None, progress: bool = False) -> IngestReport:
        return self.indexer.run(releases, total=total, progress=progress)

    def refresh(self, *, dry_run: bool = False, progress: bool = False, from_start: bool = False) -> RefreshReport:
        """Read the stored releases again with this version's readers (index/refresh.py)."""
        return Refresher(self.store, self.indexer).run(dry_run=dry_run, progress=progress, from_start=from_start)

    def ingest_on_ray(self, releases: Iterable[Release], options: RayOptions, *,
                      progress: bool = False) -> RayIngestReport:
        """Embed on a Ray actor pool (index/rayembed.py); this process stays the one writer."""
        return RayIndexer(self.indexer, embedder_spec(self.settings), options).run(releases, progress=progress)

    def is_empty(self) -> bool:
        return self.store.count_passages() == 0

    def close(self) -> None:
        # The warm-up reads the store and asks questions on the model's thread: closing the store
        # under a read in flight would crash the process, so it stops at its next step and is awaited.
        self._closing.set()
        if self._warming is not None:
            self._warming.join()
            gc.unfreeze()  # what the warm-up froze is this service's, and goes with it
        self.store.close()
        self.sentences.close()


def rebuild(settings: Settings, releases: list[Release], *, progress: bool = True,
            ray: RayOptions | None = None) -> IngestReport:
    """Build a fresh index beside the live one and swap it in only when complete (embedding on
    Ray with `ray`)."""
    if is_milvus(settings.store):
        raise StoreError(f"`--rebuild` builds a fresh embedded index and swaps it in; with VIGYAPTI_STORE={settings.store} "
                         "ingest without it (a release ingested again replaces itself), or point VIGYAPTI_STORE at a "
                         "new Milvus Lite file or server and ingest there")
    target = Path(settings.index_dir)
    staging = target.with_name(target.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    staged = settings.model_copy(update={"index_dir": staging})
    service = Service(staged)
    try:
        if ray is not None:
            report = service.ingest_on_ray(releases, ray, progress=progress)
        else:
            report = service.ingest(releases, total=len(releases), progress=progress)
    finally:
        service.close()
    keep_rebuilt_sentences(staging, target, service.embedder)
    swap_in_rebuilt(staging, target)  # one transaction of the live file: a running server follows
    return report
