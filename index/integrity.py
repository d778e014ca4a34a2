"""`vigyapti check`: whether an embedded index on disk is sound, and whether it is this
configuration's.

The index is opened read-only (no file of it is written; SQLite keeps its shared-memory files
beside a WAL database for any reader), so a check is safe beside a running server and on a copy
kept for inspection. The store checks its own layout
(`IndexStore.check`: SQLite, the FAISS bases and shards, the keyword rows); this module adds what
only the configuration knows: the model and passage settings the index was built with, and the
readers that read its releases. Stale readers are advice, not a problem: the data is whole, and
`vigyapti refresh` (or `serve`) reads the releases again.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from index.database import DB_NAME, IndexStamp, read_stamp, rebuild_advice
from index.pipeline import index_stamp
from index.records import IndexCheck
from index.refresh import ReadersState


class IndexUnreadable(Exception):
    """There is no index to check at the path, or SQLite cannot open it at all."""


@dataclass
class IntegrityReport:
    path: Path
    stamp: IndexStamp
    store: IndexCheck
    readers: ReadersState
    problems: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"path": str(self.path), "sound": self.sound, "model": self.stamp.model, "dim": self.stamp.dim,
                "generation": self.store.generation, "passages": self.store.passages, "vectors": self.store.vectors,
                "bases": self.store.bases, "counted": self.store.counted, "readers": {"index": self.readers.index, "current": self.readers.current},
                "problems": self.problems, "advice": self.advice}


def check_index(index_dir: Path, *, model: str) -> IntegrityReport:
    """Check the embedded index in `index_dir` against the configured `model` (its stamped name).
    Raises IndexUnreadable when there is none, or SQLite cannot open it."""
    from index.store import IndexStore

    db = Path(index_dir) / DB_NAME
    if not db.is_file():
        raise IndexUnreadable(f"no index in {index_dir} (no {DB_NAME})")
    try:
        recorded = read_stamp(index_dir)
        if recorded is None:
            raise IndexUnreadable(f"{db} is no index SQLite can read (it holds no stamp of what built it)")
        store = IndexStore(index_dir, recorded, read_only=True)
    except (sqlite3.DatabaseError, OSError, ValueError, TypeError, KeyError) as exc:  # a file that is no index of ours
        raise IndexUnreadable(f"cannot open the index in {index_dir}: {exc}") from None
    try:
        found, readers = store.check(), ReadersState.of(store)
    except sqlite3.DatabaseError as exc:  # damaged where even the index's bookkeeping cannot be read
        raise IndexUnreadable(f"cannot read the index in {index_dir}: {exc}") from None
    finally:
        store.close()
    report = IntegrityReport(Path(index_dir), recorded, found, readers, problems=list(found.problems))
    report.problems += _stamp_problems(recorded, index_stamp(model, recorded.dim), Path(index_dir))
    if not readers.up_to_date and sum(found.passages.values()):
        report.advice.append(readers.advice())
    return report


def _stamp_problems(recorded: IndexStamp, configured: IndexStamp, path: Path) -> list[str]:
    """What the index was built with that this configuration is not (a search would refuse it). The
    configured model's dimension is not known without loading it: the stored vectors are checked
    against the recorded one instead."""
    return [f"the index was built with {name} {getattr(recorded, name)!r}, this configuration's is "
            f"{getattr(configured, name)!r}. {rebuild_advice(path)}"
            for name in ("model", "passage_settings", "schema") if getattr(recorded, name) != getattr(configured, name)]

