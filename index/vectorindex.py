"""The FAISS side of the store: one exhaustive (no approximation) inner-product index per language.

Every question is searched language by language (a Hindi question must find English-only
releases too), so one shard per language means each vector is scanned once per question and the
common filter, a language, needs no per-id selector. Vectors are held in half precision
(IndexScalarQuantizer, fp16): half the memory to stream per question, with cosines within 1e-4 of
float32 (SQLite keeps the float32 originals). The measurements are in docs/retrieval.md#latency.

Shards are never changed in place: `changed` returns new ones, so a search holding the old object
sees the old or the new state, never half of a write.
"""
from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import faiss
import numpy as np


def _new_shard(dim: int) -> faiss.IndexIDMap2:
    return faiss.IndexIDMap2(faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT))


class LanguageShards:
    def __init__(self, dim: int, shards: dict[str, faiss.IndexIDMap2] | None = None):
        self.dim = dim
        self._shards: dict[str, faiss.IndexIDMap2] = dict(shards or {})

    @classmethod
    def build(cls, dim: int, ids: np.ndarray, langs: list[str], vectors: np.ndarray) -> "LanguageShards":
        return cls(dim).changed([], ids, langs, vectors)

    @property
    def ntotal(self) -> int:
        return sum(s.ntotal for s in self._shards.values())

    def languages(self) -> list[str]:
        return sorted(lang for lang, s in self._shards.items() if s.ntotal)

    def ids(self) -> np.ndarray:
        return np.sort(np.concatenate([faiss.vector_to_array(s.id_map) for s in self._shards.values()]
                                      or [np.zeros(0, dtype=np.int64)]))

    def vector(self, passage_id: int) -> np.ndarray:
        for shard in self._shards.values():
            try:
                return shard.reconstruct(int(passage_id))
            except RuntimeError:
                continue
        raise KeyError(passage_id)

    def search(self, vector: np.ndarray, k: int, *, lang: str | None = None,
               selector: faiss.IDSelector | None = None) -> list[tuple[int, float]]:
        """The k nearest (passage id, cosine), best first; in one language's shard, or in all."""
        q = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        params = faiss.SearchParameters(sel=selector) if selector is not None else None
        found: list[tuple[int, float]] = []
        for name in ([lang] if lang else list(self._shards)):
            shard = self._shards.get(name)
            if shard is None or shard.ntotal == 0:
                continue
            scores, ids = shard.search(q, min(k, shard.ntotal), params=params)
            found += [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i != -1]
        found.sort(key=lambda hit: hit[1], reverse=True)
        return found[:k]

    def changed(self, removed: list[int], ids, langs: list[str], vectors) -> "LanguageShards":
        """New shards with `removed` taken out and the (id, lang, vector) rows added; these very
        shards when nothing changes (a write of links alone): shards are never changed in place."""
        if not len(removed) and not len(ids):
            return self
        shards = {lang: faiss.clone_index(s) for lang, s in self._shards.items()}
        if len(removed):
            gone = np.asarray(removed, dtype=np.int64)
            for shard in shards.values():
                shard.remove_ids(gone)
        if len(ids):
            ids = np.asarray(ids, dtype=np.int64)
            vectors = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).reshape(len(ids), self.dim))
            langs = np.asarray(langs)
            for lang in np.unique(langs):
                mine = langs == lang
                shard = shards.setdefault(str(lang), _new_shard(self.dim))
                shard.add_with_ids(vectors[mine], ids[mine])
        return LanguageShards(self.dim, shards)

    # -- one file on disk, replaced atomically --------------------------------------------------

    def save(self, path: Path, label: str = "") -> None:
        """Write the shards and `label` (what state they hold) into one file, replaced atomically:
        a reader never pairs one writer's label with another's shards."""
        tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")  # writers in other processes
        arrays = {lang: faiss.serialize_index(s) for lang, s in self._shards.items()}
        arrays[_LABEL] = np.frombuffer(label.encode("utf-8"), dtype=np.uint8)
        try:
            with open(tmp, "wb") as fh:
                np.savez(fh, **arrays)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path, dim: int, label: str | None = None) -> "LanguageShards | None":
        """The saved shards, or None when the file is missing, truncated, not ours, or (given
        `label`) saved for another state."""
        try:
            with np.load(io.BytesIO(path.read_bytes()), allow_pickle=False) as data:
                saved = data[_LABEL].tobytes().decode("utf-8") if _LABEL in data.files else ""
                if label is not None and saved != label:
                    return None
                shards = {lang: faiss.deserialize_index(data[lang]) for lang in data.files if lang != _LABEL}
        except Exception:  # noqa: BLE001 - an unreadable cache is rebuilt from SQLite, whatever broke it
            return None
        if not all(_is_our_shard(s, dim) for s in shards.values()):
            return None  # another layout (an older version's float32 shards): rebuilt from SQLite
        return cls(dim, shards)


_LABEL = "__label__"  # not a language code


def _is_our_shard(shard, dim: int) -> bool:
    if not isinstance(shard, faiss.IndexIDMap2) or shard.d != dim:
        return False
    inner = faiss.downcast_index(shard.index)
    return isinstance(inner, faiss.IndexScalarQuantizer) and inner.sq.qtype == faiss.ScalarQuantizer.QT_fp16
