"""Ingestion and search, wired explicitly from the parts: segmenter, figures, embedder, store."""
from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus import Release
from index.embeddings import Embedder
from index.figures import FigureExtractor
from index.segment import PassageSettings, Segmenter, passages_of
from index.records import ReleaseEntry
from index.store import IndexStamp
from index.stores import Store, open_backend
from index.translations import TranslationLinker


def passage_input(title: str, text: str) -> str:
    """What gets embedded: the title gives every window of a release its topic."""
    return f"{title}\n{text}" if title else text


def open_store(index_dir: Path, embedder: Embedder, settings: PassageSettings | None = None,
               location: str | None = None) -> Store:
    """The index: embedded in `index_dir`, or the backend `location` names (VIGYAPTI_STORE, index/stores/)."""
    settings = settings or PassageSettings()
    stamp = IndexStamp(model=embedder.name, dim=embedder.dim,
                       passage_settings=json.dumps(dataclasses.asdict(settings), sort_keys=True))
    store = open_backend(location, index_dir, stamp)
    if not store.has_translation_links() and len(store.count_releases()) > 1:
        TranslationLinker(store).link_stored()  # an index from before links were stored
    return store


@dataclass
class IngestReport:
    releases: int = 0
    passages: int = 0
    seconds: float = 0.0
    translation_links: int = 0  # links to other-language versions made or confirmed

    @property
    def passages_per_second(self) -> float:
        return self.passages / self.seconds if self.seconds else 0.0


def _batches(items: Iterable[Release], size: int) -> Iterator[list[Release]]:
    batch: list[Release] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Indexer:
    """Releases → passages with figures → vectors → store, a batch of releases per transaction."""

    def __init__(self, store: Store, embedder: Embedder, segmenter: Segmenter | None = None,
                 figures: FigureExtractor | None = None):
        self.store = store
        self.embedder = embedder
        self.segmenter = segmenter or Segmenter()
        self.figures = figures or FigureExtractor()
        self.linker = TranslationLinker(store)

    def prepare(self, release: Release) -> tuple[Release, list]:
        passages = passages_of(release.release_id, release.lang, release.text, self.segmenter)
        for p in passages:
            p.figures = self.figures.run(p.text)
        return release, passages

    def store_prepared(self, prepared: list[tuple[Release, list]], vectors: list[np.ndarray]) -> int:
        """One transaction of prepared releases, each with its passages' vectors; returns passages stored."""
        return self.store.upsert(ReleaseEntry(r, ps, v) for (r, ps), v in zip(prepared, vectors))

    def link(self, stored: list[Release]) -> int:
        """Translation links for the releases of a whole run: called once at its end, so both versions
        of a release ingested together are decided together. Returns links made or confirmed."""
        links = self.linker.run(stored)
        return links.page + links.shared_id + links.detected

    def run(self, releases: Iterable[Release], *, batch_size: int = 16, total: int | None = None,
            progress: bool = False) -> IngestReport:
        report = IngestReport()
        started = time.perf_counter()
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="release", desc="indexing", dynamic_ncols=True)
        stored: list[Release] = []
        try:
            for batch in _batches(releases, batch_size):
                prepared = [self.prepare(r) for r in batch]
                texts = [passage_input(r.title, p.text) for r, ps in prepared for p in ps]
                vectors = self.embedder.encode_passages(texts)
                bounds = np.cumsum([0] + [len(ps) for _, ps in prepared])
                report.passages += self.store_prepared(
                    prepared, [vectors[a:b] for a, b in zip(bounds[:-1], bounds[1:])])
                report.releases += len(batch)
                stored += batch
                if bar is not None:
                    bar.update(len(batch))
                    bar.set_postfix(passages=report.passages)
            report.translation_links = self.link(stored)
        finally:
            if bar is not None:
                bar.close()
        report.seconds = time.perf_counter() - started
        return report
