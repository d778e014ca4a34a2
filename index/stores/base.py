"""What the search, ingest and bot code need from a store, in the domain's terms.

Two backends implement it: the embedded FAISS + SQLite `IndexStore` (index/store.py, the default)
and `MilvusStore` (index/stores/milvus.py). Everything above them (HybridSearcher, Indexer,
TranslationLinker, the bot) talks to this interface only, so the ranking is the same code whichever
backend holds the index. Passage ids are the backend's own; a backend never reuses one, so anything
derived from a passage id may be kept for as long as the index lives. See docs/stores.md for what
each backend guarantees.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from corpus import Release
    from index.filters import SearchFilters
    from index.links import ReleaseProfile, TranslationLink
    from index.records import Passage, ReleaseEntry, StoredRelease


class StoreError(Exception):
    """The configured store cannot be opened, or cannot do what was asked (a message for the user)."""


def checked_entries(entries: Iterable[ReleaseEntry], dim: int) -> list[ReleaseEntry]:
    """A write's releases, the last one winning when a release comes twice (so a backend never
    gets ids that the batch itself deleted again); a release whose vectors do not fit is an error."""
    unique = list({e.release.key: e for e in entries}.values())
    for e in unique:
        if e.vectors.shape != (len(e.passages), dim):
            r = e.release
            raise ValueError(f"release {r.release_id}/{r.lang}: {len(e.passages)} passages but vectors {e.vectors.shape}")
    return unique


def still_as_read(stored_ids: Sequence[int], read_ids: Sequence[int]) -> bool:
    """Whether a release's stored passages are still those it was read with (`replace_if_current`):
    ids are never reused, so any write of it since gave other ones."""
    return sorted(stored_ids) == sorted(read_ids)


def weighed_blocks(weighed: Iterable[tuple[int, object]], at_once: int) -> Iterator[list]:
    """`weighed`: (weight, item) → lists of their items in the same order, each of weight at most
    `at_once` (an item heavier than that alone): what translation detection holds of a backfill at
    once (`Store.release_profile_blocks`)."""
    block: list = []
    weight = 0
    for w, item in weighed:
        if block and weight + w > at_once:
            yield block
            block, weight = [], 0
        block.append(item)
        weight += w
    if block:
        yield block


NOTE_PREFIX = "note:"  # a note's key among a backend's own meta rows (its stamp, generation, ...)


class Store(ABC):
    """Releases, their passages (text, figures, one vector each, keyword terms) and the translation
    links between releases; searched by vector and by terms under `SearchFilters`."""

    # -- writing -----------------------------------------------------------------------------

    @abstractmethod
    def upsert(self, entries: Iterable[ReleaseEntry]) -> int:
        """Add or replace releases (same release_id and lang); returns passages added."""

    @abstractmethod
    def replace_if_current(self, entries: Iterable[ReleaseEntry],
                           read: Mapping[tuple[str, str], Sequence[int]]) -> tuple[int, list[tuple[str, str]]]:
        """`upsert` each release of `entries` only while its stored passages are still those `read`
        names (their ids, as read before the new version was made): one another writer replaced
        meanwhile is newer than the text it was made from, and is left as that writer stored it. The
        check is part of the write. Returns (passages added, the keys left)."""

    @abstractmethod
    def delete(self, release_id: str, lang: str | None = None) -> int:
        """Remove a release (all languages unless `lang`) and its non-page links; returns releases removed."""

    @abstractmethod
    def save_translation_links(self, links: Iterable[TranslationLink], *,
                               replace_detected: Iterable[tuple[str, str]] = ()) -> int:
        """Store links; a stronger source (links.SOURCE_RANK) replaces a weaker one, never the reverse.
        `replace_detected`: releases whose detected links are dropped first. Returns links written."""

    # -- reading: one state --------------------------------------------------------------------

    @abstractmethod
    def snapshot(self) -> AbstractContextManager:
        """Reads inside see one state as far as the backend can give it (docs/stores.md); nested
        snapshots are the outer one."""

    # -- searching -------------------------------------------------------------------------------

    @abstractmethod
    def search(self, vector: np.ndarray, k: int, *, filters: SearchFilters | None = None) -> list[tuple[int, float]]:
        """The k passages nearest to `vector` (exact cosine) among those that pass `filters`: (id, cosine)."""

    @abstractmethod
    def keyword_search(self, terms: Sequence[str], k: int, *, filters: SearchFilters | None = None
                       ) -> list[tuple[int, float]]:
        """BM25 over the passages' terms (index/lexical.py), matching any of `terms`: (id, score),
        scores positive, higher is better. A term is data, never query syntax."""

    @abstractmethod
    def document_frequencies(self, terms: list[str]) -> dict[str, int]:
        """How many passages hold each term (for idf weights); terms in no passage may be left out."""

    @abstractmethod
    def passage_terms(self, passage_ids: Sequence[int]) -> dict[int, frozenset[str]]:
        """The keyword terms stored for each passage at ingest."""

    @abstractmethod
    def latin_terms(self, skeletons: Sequence[str]) -> dict[str, list[str]]:
        """The Latin terms the stored passages have held with each consonant skeleton
        (index/loanwords.py, `spelling_rows`): kept as passages are written, never removed (a term
        whose passages are gone has no document frequency, and so spells nothing)."""

    # -- passages ------------------------------------------------------------------------------

    @abstractmethod
    def count_passages(self) -> int: ...

    @abstractmethod
    def passage_ids(self, *, lang: str | None = None) -> np.ndarray: ...

    @abstractmethod
    def passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        """Passages by id (ids no longer stored are left out)."""

    @abstractmethod
    def vectors(self, passage_ids: Sequence[int]) -> np.ndarray:
        """Stored vectors in the order asked (zeros for a passage deleted meanwhile)."""

    @abstractmethod
    def release_dates(self, passage_ids: Sequence[int]) -> dict[int, str]:
        """{passage id: the day its release was published (ISO)}, for passages of dated releases."""

    @abstractmethod
    def passage_releases(self, filters: SearchFilters, release_ids: list[str]) -> dict[int, str]:
        """{passage id: release id} of the given releases' passages that pass `filters`."""

    @abstractmethod
    def passage_counts(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """{(release_id, lang): passages stored}, 0 for a release not in the index."""

    # -- releases ------------------------------------------------------------------------------

    @abstractmethod
    def count_releases(self) -> dict[str, int]:
        """{lang: releases}, languages with none left out."""

    @abstractmethod
    def languages(self) -> list[str]:
        """The languages that have releases, sorted."""

    @abstractmethod
    def has_release(self, release_id: str, lang: str) -> bool: ...

    @abstractmethod
    def release(self, release_id: str, lang: str) -> Release | None: ...

    @abstractmethod
    def release_keys(self) -> list[tuple[str, str]]: ...

    @abstractmethod
    def release_keys_by_id(self, release_ids: Iterable[str]) -> list[tuple[str, str]]: ...

    @abstractmethod
    def release_detail(self, release_id: str, lang: str | None = None) -> list[StoredRelease]:
        """Each language version of a release (or only `lang`) with its passages in order and its translations."""

    @abstractmethod
    def duplicates_of(self, release_id: str, lang: str) -> list[str]:
        """Other ids under which the very same text was published (same language)."""

    def duplicates_of_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
        """`duplicates_of` for each (release_id, lang) of `keys` (see `translations_of_many`)."""
        return {key: self.duplicates_of(*key) for key in dict.fromkeys(keys)}

    def releases(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Release | None]:
        """`release` for each (release_id, lang) of `keys` (see `translations_of_many`)."""
        return {key: self.release(*key) for key in dict.fromkeys(keys)}

    # -- what operations keep beside the index --------------------------------------------------

    @abstractmethod
    def note(self, key: str) -> str | None:
        """A small value an operation keeps with the index (the readers' version, a refresh's
        progress), apart from the backend's own bookkeeping; None when none is kept."""

    @abstractmethod
    def set_note(self, key: str, value: str | None) -> None:
        """Keep `value` under `key` (None: forget it)."""

    def readers_version(self) -> int | None:
        """The `ReleaseReader.VERSION` that read every stored release (index/pipeline.py); None for an
        index from before versions were kept, or one whose releases were not all read by one version."""
        raw = self.note("readers")
        return int(raw) if raw is not None and raw.isdigit() else None  # a hand-edited value is not one

    def set_readers_version(self, version: int | None) -> None:
        self.set_note("readers", None if version is None else str(version))

    # -- translation links ---------------------------------------------------------------------

    @abstractmethod
    def translations_of(self, release_id: str, lang: str) -> list[dict]:
        """[{release_id, lang, title, url}] of the linked releases in the index, sorted by (lang, id)."""

    def translations_of_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[dict]]:
        """`translations_of` for each (release_id, lang) of `keys`: a search asks it of every candidate,
        so a backend whose every read is a network call (Milvus) reads them in one query."""
        return {key: self.translations_of(*key) for key in dict.fromkeys(keys)}

    @abstractmethod
    def translation_links(self) -> list[TranslationLink]: ...

    @abstractmethod
    def has_translation_links(self) -> bool: ...

    @abstractmethod
    def linked_sides(self, lang: str, other_lang: str) -> set[str]:
        """Ids of `lang` releases that already have a link to an `other_lang` release."""

    @abstractmethod
    def release_profiles(self, *, langs: Iterable[str] | None = None, date_from: str | None = None,
                         date_to: str | None = None, undated: bool = False,
                         keys: Iterable[tuple[str, str]] | None = None) -> dict[tuple[str, str], ReleaseProfile]:
        """What linking compares, per release: date, mean passage vector, figure values. Either
        `keys`, or releases of `langs` dated within [date_from, date_to] (undated ones when `undated`)."""

    @abstractmethod
    def release_profile_blocks(self, langs: Sequence[str], date_from: str | None, date_to: str | None, at_once: int,
                               *, undated: bool = False) -> Iterator[dict[tuple[str, str], ReleaseProfile]]:
        """`release_profiles(langs=langs, date_from=date_from, date_to=date_to)` (the undated releases'
        when `undated`) a block at a time, in date order, at most `at_once` releases a block (Milvus:
        passages; a release of more alone), a release's profile whole in one block, a day's releases
        in as many blocks as they fill: a backfill's profiles, 2.5 KB a release, are never all in
        memory at once, nor a day's of any size."""

    @abstractmethod
    def profile_dates(self, keys: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str, str | None]]:
        """(release_id, lang, date) of those of `keys` that have a profile (a stored passage with its
        vector), each at least once: where a run's releases fall, without reading their vectors."""

    # -- this process's caches -------------------------------------------------------------------

    @abstractmethod
    def passage_analyses(self):
        """A cache (get/put by passage id, or by a tuple that begins with what is kept and holds the
        passage id) for what a searcher derives from a passage, for this index."""

    @abstractmethod
    def cached_passages(self) -> list[Passage]: ...

    def optimize_keywords(self) -> None:
        """Lay the keyword index out for reading after a large write (IndexStore: its FTS5 segments
        merged into one); nothing where the store has no such index."""

    @abstractmethod
    def warm(self) -> int:
        """Load passages and their terms into memory; returns passages loaded."""

    @abstractmethod
    def close(self) -> None: ...
