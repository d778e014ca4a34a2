"""Reading an index's releases again with this version's readers.

A release is stored with what the readers of its day found in it: its passages and their figures. A
newer reader (a unit, a date form, a table's row label) changes nothing already stored, so an index
built before it keeps answering with the old figures, and an archive fed every day by the PIB sync
would keep them for good. Ingesting the source files again would not read them: a release stored
exactly as sent is left as it is (index/pipeline.py, `StoredVersions.to_store`), and encoding every
passage anew would take hours for an archive on a CPU without AMX.

`Refresher` reads each stored release's own text again (segments, figures), and replaces the release
only where something differs. A passage whose text is unchanged keeps its stored vector, so no model
runs unless the segmentation itself changed; the sentences' vectors are a cache by text
(index/sentencevectors.py) and stay valid. Each replacement is one transaction, as an ingest's is:
a search sees a release before or after, never half of it, and a stopped refresh leaves every
release whole. The release's translation links stay: its text, date and id are the same.

An index keeps the version of the readers that read its releases (`ReleaseReader.VERSION`): a
refresh that reads them all records its own, and `ReadersState` tells a server whether one is due.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from corpus import Release
from index.pipeline import Indexer, ReleaseReader, passage_input
from index.records import Passage, ReleaseEntry
from index.store import figure_to_json
from index.stores.base import Store


PROGRESS = "refresh"  # the note of the last release a run has finished: a stopped run is taken up there


@dataclass
class RefreshReport:
    releases: int = 0  # read again
    changed: int = 0  # whose passages or figures differ from the stored ones (replaced unless a dry run)
    passages: int = 0  # stored for the changed releases
    encoded: int = 0  # passages whose text is new (the segmentation changed), so encoded
    superseded: int = 0  # replaced by another writer while being read again: left as that writer stored it
    resumed_after: tuple[str, str] | None = None  # a stopped run's last release, after which this one began
    seconds: float = 0.0


@dataclass(frozen=True)
class ReadersState:
    """Whether this version's readers read the index's releases."""

    index: int | None  # the version that read them; None: not known (an index from before versions were kept)
    current: int = ReleaseReader.VERSION

    @property
    def up_to_date(self) -> bool:
        return self.index == self.current

    @classmethod
    def of(cls, store: Store) -> "ReadersState":
        return cls(store.readers_version())

    def advice(self) -> str:
        read_by = "an unknown version of the readers" if self.index is None else f"readers version {self.index}"
        return (f"The index's releases were read by {read_by}; this version's are {self.current}, and their "
                "passages and figures may differ. Run `vigyapti refresh` to read them again "
                "(docs/operations.md#reading-the-stored-releases-again).")


def _stored_form(passages: Iterable[Passage]) -> list[tuple]:
    return [(p.start, p.end, p.text, figure_to_json(p.figures)) for p in passages]


class StoredVectors:
    """The vectors of the passages being replaced, by the exact text that was embedded; the
    embedder for a text none of them had."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._by_text: dict[str, np.ndarray] = {}
        self.encoded = 0

    def hold(self, texts: list[str], vectors: np.ndarray) -> None:
        """A store returns zeros for a vector it lacks: such a passage is encoded, not stored blank."""
        self._by_text.update((t, v) for t, v in zip(texts, vectors) if np.any(v))

    def clear(self) -> None:
        self._by_text.clear()

    def vectors(self, texts: list[str], encode) -> np.ndarray:
        rest = [i for i, t in enumerate(texts) if t not in self._by_text]
        encoded = encode([texts[i] for i in rest]) if rest else None
        self.encoded += len(rest)
        out = [self._by_text.get(t) for t in texts]
        for at, i in enumerate(rest):
            out[i] = encoded[at]
        return np.vstack(out).astype(np.float32) if out else np.zeros((0, self.dim), dtype=np.float32)


class Refresher:
    """Stored releases → read again → those that differ replaced, a batch per transaction."""

    def __init__(self, store: Store, indexer: Indexer):
        self.store = store
        self.indexer = indexer

    def run(self, *, dry_run: bool = False, batch_size: int = 16, progress: bool = False,
            from_start: bool = False) -> RefreshReport:
        """A run stopped part way is taken up after the last release it finished, when this version's
        readers did the reading (`PROGRESS` keeps that release); `from_start` reads every release."""
        report = RefreshReport()
        started = time.perf_counter()
        keys = sorted(self.store.release_keys())
        version = self.indexer.reader.VERSION
        done = None if dry_run or from_start else self._finished_before(version)
        if done is not None:
            report.resumed_after = done
            keys = [k for k in keys if k > done]
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(keys), unit="release", desc="reading again", dynamic_ncols=True)
        source = StoredVectors(self.indexer.embedder.dim)
        try:
            for at in range(0, len(keys), batch_size):
                batch = keys[at:at + batch_size]
                changed: list[tuple[Release, list[Passage]]] = []
                read: dict[tuple[str, str], list[int]] = {}  # each changed release's passage ids as read
                for release_id, lang in batch:
                    stored = self.store.release_detail(release_id, lang)
                    if not stored:  # deleted meanwhile
                        continue
                    report.releases += 1
                    old = stored[0]
                    release, passages = self.indexer.prepare(old.release)
                    if _stored_form(passages) == _stored_form(old.passages):
                        continue
                    changed.append((release, passages))
                    read[(release_id, lang)] = [p.passage_id for p in old.passages]
                    if not dry_run:
                        source.hold([passage_input(release.title, p.text) for p in old.passages],
                                    self.store.vectors([p.passage_id for p in old.passages]))
                report.changed += len(changed)
                if changed and not dry_run:
                    self._replace(changed, read, source, report)
                source.clear()
                if not dry_run:
                    self.store.set_note(PROGRESS, json.dumps({"version": version, "after": list(batch[-1])}))
                if bar is not None:
                    bar.update(len(batch))
                    bar.set_postfix(changed=report.changed)
        finally:
            if bar is not None:
                bar.close()
        if not dry_run:
            self.store.set_readers_version(version)
            self.store.set_note(PROGRESS, None)
        report.encoded = source.encoded
        report.seconds = time.perf_counter() - started
        return report

    def _finished_before(self, version: int) -> tuple[str, str] | None:
        """The last release a stopped run of `version`'s readers finished; None to start afresh."""
        try:
            kept = json.loads(self.store.note(PROGRESS) or "null")
            return tuple(kept["after"]) if kept and kept["version"] == version else None
        except (ValueError, KeyError, TypeError):  # not written by us: start afresh
            return None

    def _replace(self, changed: list[tuple[Release, list[Passage]]], read: dict[tuple[str, str], list[int]],
                 source: StoredVectors, report: RefreshReport) -> None:
        """Store the changed releases, but not one another writer (an ingest, the sync) replaced since
        it was read: its version is newer than the text read again (`Store.replace_if_current`)."""
        texts = [passage_input(r.title, p.text) for r, ps in changed for p in ps]
        vectors = source.vectors(texts, self.indexer.embedder.encode_passages)
        bounds = np.cumsum([0] + [len(ps) for _, ps in changed])
        entries = [ReleaseEntry(r, ps, vectors[a:b]) for (r, ps), a, b in zip(changed, bounds[:-1], bounds[1:])]
        stored, left = self.store.replace_if_current(entries, read)
        report.passages += stored
        report.superseded += len(left)
        self.indexer.encode_sentences([(r, ps) for r, ps in changed if r.key not in left])
