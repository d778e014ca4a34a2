"""Store backends behind one interface (index/stores/base.py), chosen by a location string.

Unset: the embedded FAISS + SQLite index in the index folder. A path ending in `.db`: Milvus Lite
in that file. `http(s)://host:port`: a Milvus server or cluster. See docs/stores.md.
"""
from __future__ import annotations

from pathlib import Path

from index.stores.base import Store, StoreError

__all__ = ["Store", "StoreError", "is_milvus", "open_backend"]


def is_milvus(location: str | None) -> bool:
    return bool(location) and (location.endswith(".db") or location.startswith(("http://", "https://")))


def open_backend(location: str | None, index_dir: Path, stamp) -> Store:
    """The store at `location` (VIGYAPTI_STORE), or the embedded one in `index_dir` when unset."""
    if not location:
        from index.store import IndexStore

        return IndexStore(index_dir, stamp)
    if not is_milvus(location):
        raise StoreError(f"VIGYAPTI_STORE={location!r}: expected a Milvus Lite file ending in .db "
                         "or a Milvus server URL (http://host:19530); unset it for the embedded store")
    from index.stores.milvus import MilvusStore

    return MilvusStore(location, stamp)
