"""Ingestion and search, wired explicitly from the parts: segmenter, figures, embedder, store."""
from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from corpus import Release
from index.embeddings import Embedder
from index.figures import FigureExtractor
from index.knownvectors import SHIPPED_ENCODERS, KnownVectors, VectorSource, VectorsStamp, bundled_vectors_file
from index.segment import PassageSettings, Segmenter, passages_of
from index.sentencevectors import SentenceVectors, model_stamp, sentence_texts
from index.records import ReleaseEntry
from index.store import IndexStamp
from index.stores import Store, open_backend
from index.translations import TranslationLinker

log = logging.getLogger("vigyapti")


class ReleaseReader:
    """A release's text → its passages, each with its figures: what an index stores of a release
    besides its vectors.

    `VERSION` names what this reading finds. An index remembers the version that read its releases
    (`Store.readers_version`), so a server can tell that a newer reader (a unit, a date form, a
    table's row label) has not reached them, and `vigyapti refresh` (index/refresh.py) can bring it.
    Raise it with every change to what the segmenter or the figure reader finds:
    tests/index/test_pipeline.py fails until it is raised and the new reading recorded."""

    VERSION = 67

    def __init__(self, segmenter: Segmenter | None = None, figures: FigureExtractor | None = None):
        self.segmenter = segmenter or Segmenter()
        self.figures = figures or FigureExtractor()

    def run(self, release: Release) -> list:
        passages = passages_of(release.release_id, release.lang, release.text, self.segmenter)
        # a table's unit and a row's label may stand before the passage its rows run into
        for p, figures in zip(passages, self.figures.run_passages(release.text, [(p.start, p.end) for p in passages])):
            p.figures = figures
        return passages


def passage_input(title: str, text: str) -> str:
    """What gets embedded: the title gives every window of a release its topic."""
    return f"{title}\n{text}" if title else text


def bundled_passages(n: int, *, first: int = 0) -> list[str]:
    """n real passages, as the indexer embeds them, spread over every fifth release of the bundled
    corpus from the `first`: a sample to time or calibrate an encoder on (two samples with different
    `first` share no release)."""
    from corpus.readers import bundled_corpus_dir, read_paths

    segmenter = Segmenter()
    releases = list(read_paths([bundled_corpus_dir()], langs={"hi", "en"}))[first::5]
    texts = [passage_input(r.title, p.text) for r in releases
             for p in passages_of(r.release_id, r.lang, r.text, segmenter)]
    step = max(1, len(texts) // n)
    return texts[::step][:n]


def index_stamp(model: str, dim: int, settings: PassageSettings | None = None) -> IndexStamp:
    """What an index of `model`'s vectors over passages cut by `settings` is stamped with."""
    passages = json.dumps(dataclasses.asdict(settings or PassageSettings()), sort_keys=True)
    return IndexStamp(model=model, dim=dim, passage_settings=passages)


def open_store(index_dir: Path, embedder: Embedder, settings: PassageSettings | None = None,
               location: str | None = None) -> Store:
    """The index: embedded in `index_dir`, or the backend `location` names (VIGYAPTI_STORE, index/stores/)."""
    store = open_backend(location, index_dir, index_stamp(embedder.name, embedder.dim, settings))
    if not store.count_releases() and store.readers_version() != ReleaseReader.VERSION:
        store.set_readers_version(ReleaseReader.VERSION)  # whatever it stores is read by this version
    if not store.has_translation_links() and len(store.count_releases()) > 1:
        TranslationLinker(store).link_stored()  # an index from before links were stored
    return store


@dataclass
class IngestReport:
    releases: int = 0  # taken, those stored already as they are included
    passages: int = 0  # stored: none of a release stored already as it is
    seconds: float = 0.0
    translation_links: int = 0  # links to other-language versions made or confirmed
    reused_vectors: int = 0  # passages whose vector was shipped (index/knownvectors.py), not encoded
    encoded_sentences: int = 0  # sentences encoded for the answer sentence (index/sentencevectors.py)
    # (release id, language) of those of `releases` that replaced a stored release of other content,
    # and of those stored already as they are
    replaced_keys: set[tuple[str, str]] = field(default_factory=set)
    unchanged_keys: set[tuple[str, str]] = field(default_factory=set)

    @property
    def passages_per_second(self) -> float:
        return self.passages / self.seconds if self.seconds else 0.0

    @property
    def replaced(self) -> int:
        return len(self.replaced_keys)

    @property
    def unchanged(self) -> int:
        return len(self.unchanged_keys)


@dataclass(frozen=True)
class StoredVersions:
    """Which releases about to be stored replace one of the same id and language, and which are
    stored already as they are. A release given twice counts as its last version, the one a store
    keeps: `latest` are the releases given, each once (its last version), in the order first given."""

    replaced: frozenset[tuple[str, str]]
    unchanged: frozenset[tuple[str, str]]
    latest: tuple[Release, ...]

    def to_store(self) -> list[Release]:
        """Those of `latest` to read, embed and store: all but the ones stored already as they are.

        Storing such a release again would give its passages new ids (which replies and ETags name)
        and grow the index towards a compaction, for the very passages it holds, unless older readers
        stored them. Then the index's readers mark says so already, since an ingest never sets it
        (only an index opened empty and a finished `vigyapti refresh` do), and the server and /health
        advise a refresh. Reading the release again here would still leave the mark stale while any
        other release is, and would embed it anew, where the refresh keeps each unchanged passage's
        vector, reads every release, and then marks the index."""
        return [r for r in self.latest if r.key not in self.unchanged]


def _same_record(stored: Release | None, new: Release) -> bool:
    """Whether `new` is what is stored: the same words and what names them (the file or request it
    came from may differ)."""
    return stored is not None and all(getattr(stored, f) == getattr(new, f)
                                      for f in ("title", "text", "ministry", "date", "url"))


def stored_versions(store: Store, releases: Iterable[Release]) -> StoredVersions:
    """Compare `releases` with what the store holds under their keys, naming each replacement in the
    log: storing a release replaces the one of its id and language, which a user should hear of. A
    release given twice is compared as its last version, the one a store keeps."""
    latest = tuple({r.key: r for r in releases}.values())
    stored = store.releases(r.key for r in latest)
    replaced, unchanged = set(), set()
    for r in latest:
        if _same_record(stored[r.key], r):
            unchanged.add(r.key)
        elif stored[r.key] is not None:
            replaced.add(r.key)
            log.info("replacing release %s/%s: the stored version differs", r.release_id, r.lang)
    return StoredVersions(frozenset(replaced), frozenset(unchanged), latest)


def _batches(items: Iterable[Release], size: int) -> Iterator[list[Release]]:
    batch: list[Release] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# A run that stored at least this share of the index's passages lays its keyword index out anew
# (Store.optimize_keywords): a first build, a rebuild, a large backfill. Smaller runs leave it to
# FTS5's own merging; each such layout rewrites the whole keyword index.
OPTIMIZE_SHARE = 0.1


class Indexer:
    """Releases → passages with figures → vectors → store, a batch of releases per transaction."""

    def __init__(self, store: Store, embedder: Embedder, segmenter: Segmenter | None = None,
                 figures: FigureExtractor | None = None, vectors: VectorSource | None = None,
                 sentences: SentenceVectors | None = None):
        self.store = store
        self.embedder = embedder
        self.reader = ReleaseReader(segmenter, figures)
        self.segmenter = self.reader.segmenter
        self.linker = TranslationLinker(store)
        self.vectors = vectors or shipped_vectors(embedder, self.segmenter.settings)
        self.sentences = sentences  # encoded here so that no answer waits for them

    def sentences_to_encode(self, prepared: list[tuple[Release, list]]) -> list[str]:
        """The distinct sentences of prepared releases' passages that no shipped or kept file holds."""
        if self.sentences is None:
            return []
        return self.sentences.missing([t for _, ps in prepared for p in ps for t in sentence_texts(p.text, p.lang)])

    def encode_sentences(self, prepared: list[tuple[Release, list]]) -> int:
        """Encode and keep the sentences `sentences_to_encode` names; returns how many."""
        texts = self.sentences_to_encode(prepared)
        if texts:
            self.sentences.keep(texts, self.embedder.encode_passages(texts))
        return len(texts)

    def prepare(self, release: Release) -> tuple[Release, list]:
        return release, self.reader.run(release)

    def store_prepared(self, prepared: list[tuple[Release, list]], vectors: list[np.ndarray]) -> int:
        """One transaction of prepared releases, each with its passages' vectors; returns passages stored."""
        return self.store.upsert(ReleaseEntry(r, ps, v) for (r, ps), v in zip(prepared, vectors))

    def link(self, taken: list[Release]) -> int:
        """Translation links for the releases of a whole run, those left as stored included (a page
        may name its other-language versions only once they are published, and `_same_record` does
        not compare them): called once at its end, so both versions of a release ingested together
        are decided together. Returns links made or confirmed."""
        links = self.linker.run(taken)
        return links.page + links.shared_id + links.detected

    def settle(self, stored_passages: int) -> bool:
        """After a run that stored `stored_passages`: when they are at least OPTIMIZE_SHARE of the
        index, merge its keyword index into one segment, which each question's keyword search then
        reads once (docs/retrieval.md#latency). Returns whether it did."""
        if not stored_passages or stored_passages < OPTIMIZE_SHARE * self.store.count_passages():
            return False
        self.store.optimize_keywords()
        return True

    def run(self, releases: Iterable[Release], *, batch_size: int = 16, total: int | None = None,
            progress: bool = False) -> IngestReport:
        report = IngestReport()
        started = time.perf_counter()
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="release", desc="indexing", dynamic_ncols=True)
        taken: list[Release] = []
        try:
            for batch in _batches(releases, batch_size):
                versions = stored_versions(self.store, batch)
                report.replaced_keys |= versions.replaced
                report.unchanged_keys |= versions.unchanged
                self.store_releases(versions.to_store(), report)
                report.releases += len(batch)
                taken += batch
                if bar is not None:
                    bar.update(len(batch))
                    bar.set_postfix(passages=report.passages)
            report.translation_links = self.link(taken)
            self.settle(report.passages)
        finally:
            if bar is not None:
                bar.close()
        report.seconds = time.perf_counter() - started
        return report

    def store_releases(self, batch: list[Release], report: IngestReport) -> None:
        """Read, embed and store `batch` in one transaction, counting in `report` what it took: every
        release of it, stored already or not (`run` leaves those out), and without linking."""
        if not batch:
            return
        prepared = [self.prepare(r) for r in batch]
        texts = [passage_input(r.title, p.text) for r, ps in prepared for p in ps]
        reused = self.vectors.reused
        vectors = self.vectors.vectors(texts, self.embedder.encode_passages)
        report.reused_vectors += self.vectors.reused - reused
        bounds = np.cumsum([0] + [len(ps) for _, ps in prepared])
        report.passages += self.store_prepared(prepared, [vectors[a:b] for a, b in zip(bounds[:-1], bounds[1:])])
        report.encoded_sentences += self.encode_sentences(prepared)


def shipped_vectors(embedder: Embedder, settings: PassageSettings | None = None,
                    path: Path | None = None) -> VectorSource:
    """The bundled corpus's shipped vectors (or `path`'s), for an embedder whose passages they were made
    by, or whose passages they stand in for (`Embedder.stand_in_identity`)."""
    identity = embedder.passage_identity or embedder.stand_in_identity
    wanted = VectorsStamp.of(identity, settings or PassageSettings(), embedder.dim) if identity else None
    paths = [path] if path is not None else [bundled_vectors_file(e) for e in SHIPPED_ENCODERS]
    return VectorSource(paths, wanted)


def bundle_vectors(releases: Iterable[Release], embedder: Embedder, path: Path, *,
                   settings: PassageSettings | None = None, batch_size: int = 16, progress: bool = False,
                   reuse: Path | None = None) -> KnownVectors:
    """Encode the releases' passages as `Indexer.run` does (the same batches of releases, so the
    same vectors) and write them, stamped, to `path`. `reuse`: a file of this encoder's vectors whose
    texts are taken from it, not encoded again (after a reader fix changed a few passages)."""
    if embedder.passage_identity is None:
        raise ValueError(f"encoder {embedder.encoder} does not say what decides its vectors; "
                         "shipped vectors need an ONNX or OpenVINO passage path (VIGYAPTI_ENCODER=openvino-int8)")
    settings = settings or PassageSettings()
    segmenter = Segmenter(settings)
    releases = list(releases)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(releases), unit="release", desc="encoding", dynamic_ncols=True)
    texts: list[str] = []
    vectors = []
    stamp = VectorsStamp.of(embedder.passage_identity, settings, embedder.dim)
    source = VectorSource(reuse if reuse is not None else [], stamp)
    for batch in _batches(releases, batch_size):
        batch_texts = [passage_input(r.title, p.text) for r in batch
                       for p in passages_of(r.release_id, r.lang, r.text, segmenter)]
        vectors.append(source.vectors(batch_texts, embedder.encode_passages))
        texts += batch_texts
        if bar is not None:
            bar.update(len(batch))
    if bar is not None:
        bar.close()
    last = dict(zip(texts, range(len(texts))))  # a text met twice keeps the vector of its last batch
    rows = sorted(last.values())
    known = KnownVectors.encode(stamp, [texts[i] for i in rows], np.vstack(vectors)[rows].astype(np.float16))
    known.save(path)
    return known


def bundle_sentence_vectors(releases: Iterable[Release], embedder: Embedder, path: Path, *,
                            settings: PassageSettings | None = None, chunk: int = 512,
                            progress: bool = False, reuse: Path | None = None) -> int:
    """Encode the distinct sentences of the releases' passages and write them to `path`, int8,
    stamped by the model alone (index/sentencevectors.py). Returns the sentences written. `reuse`:
    as for `bundle_vectors`."""
    segmenter = Segmenter(settings or PassageSettings())
    texts = list(dict.fromkeys(t for r in releases for p in passages_of(r.release_id, r.lang, r.text, segmenter)
                               for t in sentence_texts(p.text, p.lang)))
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(texts), unit="sentence", desc="encoding", dynamic_ncols=True)
    vectors = []
    source = VectorSource(reuse if reuse is not None else [], model_stamp(embedder))
    for at in range(0, len(texts), chunk):
        vectors.append(source.vectors(texts[at:at + chunk], embedder.encode_passages))
        if bar is not None:
            bar.update(len(texts[at:at + chunk]))
    if bar is not None:
        bar.close()
    known = KnownVectors.encode(model_stamp(embedder), texts, np.vstack(vectors).astype(np.float16))
    known.save(path, int8=True)
    return len(known)
