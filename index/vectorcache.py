"""The FAISS side of the store: shards per committed generation, so a search pairs its SQLite
snapshot with the vectors of that very state.

A writer builds the shards of the generation it is about to commit before it commits, so every
snapshot a reader can take already has its shards here. A generation committed by another process
(`vigyapti ingest` beside a server) is not here: its shards come from the file that process saved,
when the file's label names that generation, or else from the vectors in the reader's own snapshot.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from index.vectorindex import LanguageShards

FAISS_NAME = "vectors-by-lang.faiss"


def file_label(index_id: str, generation: int) -> str:
    """What a saved FAISS file says it holds: which index, which committed generation."""
    return f"{index_id}:{generation}"


class VectorCache:
    """Shards of the last few generations of one index (one index id)."""

    KEEP = 4  # a search still running on an older snapshot finds its shards without a rebuild

    def __init__(self, path: Path, dim: int, index_id: str):
        self.file = Path(path) / FAISS_NAME
        self.dim = dim
        self.index_id = index_id
        self._by_generation: OrderedDict[int, LanguageShards] = OrderedDict()
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()

    def cached(self, generation: int) -> LanguageShards | None:
        with self._lock:
            return self._by_generation.get(generation)

    def publish(self, generation: int, shards: LanguageShards) -> None:
        with self._lock:
            self._by_generation[generation] = shards
            self._by_generation.move_to_end(generation)
            while len(self._by_generation) > self.KEEP:
                self._by_generation.popitem(last=False)

    def forget(self, generation: int) -> None:
        """A generation whose transaction rolled back: another writer may commit that number."""
        with self._lock:
            self._by_generation.pop(generation, None)

    def shards(self, generation: int, from_sqlite: Callable[[], LanguageShards]) -> tuple[LanguageShards, bool]:
        """The shards of `generation`, and whether they had to be built from SQLite (then worth saving).

        `from_sqlite` must read the same snapshot as the caller."""
        found = self.cached(generation)
        if found is not None:
            return found, False
        with self._build_lock:  # one build per generation, not one per waiting thread
            found = self.cached(generation)
            built = False
            if found is None:
                found = LanguageShards.load(self.file, self.dim, label=file_label(self.index_id, generation))
                if found is None:
                    found, built = from_sqlite(), True
                self.publish(generation, found)
            return found, built

    def save(self, generation: int, shards: LanguageShards) -> None:
        shards.save(self.file, file_label(self.index_id, generation))

    def remove_orphans(self) -> None:
        """Temporary files of writers that were killed mid-save (each names its process)."""
        for tmp in self.file.parent.glob(f"{self.file.name}.*-*.tmp"):
            pid = tmp.name[len(self.file.name) + 1:].split("-")[0]
            if pid.isdigit() and not _running(int(pid)):
                tmp.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
