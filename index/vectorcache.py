"""The FAISS side of the store: shards per committed generation, so a search pairs its SQLite
snapshot with the vectors of that very state.

What a generation holds is all in SQLite: the pointer to the saved bases (`meta.vector_base`:
their files, the generation they were built from, the highest passage id they cover), the
tombstones of base rows deleted since, and the passages above that id (the delta, fp16 vectors).
A base file is written once, completely, before the transaction that points to it commits
(index/compaction.py), and never changed; a write adds rows and tombstones in its own transaction.
So a crash leaves the old state or the new one, and no write rewrites the vectors of the index.

A writer builds the shards of the generation it is about to commit from the previous ones before
it commits, so every snapshot a reader of this process can take already has its shards here. A
generation committed by another process is built from its snapshot: the bases (loaded once per
file) plus the delta and tombstones it reads.
"""
from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from index.vectorindex import Base, LanguageShards, load_index

BASE_PREFIX = "vectors-"
OLD_FAISS_NAMES = ("vectors.faiss", "vectors.generation", "vectors-by-lang.generation",
                   "vectors-by-lang.faiss")  # earlier layouts: whole-index files rewritten on every write
POINTER_KEY = "vector_base"


@dataclass(frozen=True)
class BasePointer:
    """Which saved bases a committed state uses: built from `generation`, covering passage ids up
    to `max_id` (every passage above is in the delta), one file per language."""

    generation: int = 0
    max_id: int = 0
    files: dict[str, str] = field(default_factory=dict)
    previous: tuple[str, ...] = ()  # the files of the pointer before, kept for readers still on it

    def to_json(self) -> str:
        return json.dumps({"generation": self.generation, "max_id": self.max_id, "files": self.files,
                           "previous": list(self.previous)}, sort_keys=True)

    @classmethod
    def read(cls, con) -> "BasePointer":
        row = con.execute("SELECT value FROM meta WHERE key=?", (POINTER_KEY,)).fetchone()
        if row is None:
            return cls()
        raw = json.loads(row[0])
        return cls(int(raw["generation"]), int(raw["max_id"]), dict(raw["files"]), tuple(raw.get("previous", ())))


def base_file_name(index_id: str, generation: int, lang: str) -> str:
    return f"{BASE_PREFIX}{index_id}-{generation}-{lang}.faiss"


class VectorCache:
    """Shards of the last few generations of one index (one index id), and its loaded bases."""

    KEEP = 4  # a search still running on an older snapshot finds its shards without a rebuild

    def __init__(self, path: Path, dim: int, index_id: str):
        self.dir = Path(path)
        self.dim = dim
        self.index_id = index_id
        self._by_generation: OrderedDict[int, LanguageShards] = OrderedDict()
        self._bases: OrderedDict[str, Base] = OrderedDict()  # by file name: a base file never changes
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()

    def cached(self, generation: int) -> LanguageShards | None:
        with self._lock:
            return self._by_generation.get(generation)

    def publish(self, generation: int, shards: LanguageShards, *, alone: bool = False) -> None:
        """`alone`: drop the older generations (after a compaction they hold the previous bases)."""
        with self._lock:
            if alone:
                self._by_generation.clear()
            self._by_generation[generation] = shards
            self._by_generation.move_to_end(generation)
            while len(self._by_generation) > self.KEEP:
                self._by_generation.popitem(last=False)

    def forget(self, generation: int) -> None:
        """A generation whose transaction rolled back: another writer may commit that number."""
        with self._lock:
            self._by_generation.pop(generation, None)

    def shards(self, generation: int, from_sqlite: Callable[[], LanguageShards]) -> LanguageShards:
        """The shards of `generation`; `from_sqlite` must read the same snapshot as the caller."""
        found = self.cached(generation)
        if found is not None:
            return found
        with self._build_lock:  # one build per generation, not one per waiting thread
            found = self.cached(generation)
            if found is None:
                found = from_sqlite()
                self.publish(generation, found)
            return found

    def bases(self, pointer: BasePointer) -> dict[str, Base] | None:
        """The pointer's bases, loaded once per file (mapped where approximate); None when a file is
        missing or broken (then the snapshot's vectors come from SQLite alone)."""
        out = {}
        for lang, name in pointer.files.items():
            with self._lock:
                base = self._bases.get(name)
            if base is None:
                index = load_index(self.dir / name, self.dim)
                if index is None:
                    return None
                base = Base.of(index)
                self.keep_base(name, base)
            out[lang] = base
        return out

    def keep_base(self, name: str, base: Base) -> None:
        with self._lock:
            self._bases[name] = base
            self._bases.move_to_end(name)
            while len(self._bases) > 8:  # two pointers' worth for a few languages; older ones unused
                self._bases.popitem(last=False)

    def remove_unused(self, pointer: "BasePointer") -> None:
        """Base files of other indexes or of pointers before the previous one (a reader in another
        process may still load the previous one), and temporary files of writers killed mid-save
        (each names its process). A base newer than the pointer may be a compaction about to commit."""
        keep = set(pointer.files.values()) | set(pointer.previous)
        for file in self.dir.glob(f"{BASE_PREFIX}*.faiss"):
            parts = file.name[len(BASE_PREFIX):].split("-", 2)
            stale = (len(parts) < 3 or parts[0] != self.index_id or not parts[1].isdigit()
                     or int(parts[1]) < pointer.generation)
            if stale and file.name not in keep:
                file.unlink(missing_ok=True)
        for tmp in self.dir.glob(f"{BASE_PREFIX}*.faiss.*-*.tmp"):
            pid = tmp.name.rsplit(".faiss.", 1)[1].split("-")[0]
            if pid.isdigit() and not _running(int(pid)):
                tmp.unlink(missing_ok=True)
        for name in OLD_FAISS_NAMES:
            (self.dir / name).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
