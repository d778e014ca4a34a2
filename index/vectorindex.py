"""The FAISS side of the store: per language, a base index saved at one committed generation plus
the delta committed since (new rows, and tombstones for base rows deleted since).

Every question is searched language by language (a Hindi question must find English-only
releases too), so one index per language means each vector is scanned once per question and the
common filter, a language, needs no per-id selector.

A base below `EXACT_BELOW` vectors is exhaustive (fp16 scalar quantiser: exact up to 1e-4 in the
cosine); above it, an inverted file over 8-bit scalar codes, trained once on a sample and probed
in `NPROBE` lists, whose candidates the store re-scores from the stored fp16 vectors. The delta is
always exhaustive and small: compaction (index/compaction.py) folds it into a new base. Why these
kinds and sizes: docs/scale.md.

Bases are never changed after they are built (a mapped one cannot be), and `changed` copies only
the delta, so a search holding an older LanguageShards sees the old state or the new one, never
half of a write, and a write costs the size of the delta, not of the index.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import faiss
import numpy as np

EXACT_BELOW = 50_000  # vectors per language: below, a base is exhaustive (exact and fast enough)
NPROBE = 24  # inverted lists probed per question in an approximate base (recall and cost: docs/scale.md)
RERANK = 1  # an approximate base proposes RERANK * k candidates, re-scored exactly by the store
SEARCH_THREADS = 1  # FAISS threads of a question's search (docs/scale.md: two were 8x slower on a busy machine)
TRAIN_SAMPLE = 40  # vectors per inverted list used to train the coarse quantiser
TRAIN_ITERATIONS = 12  # k-means passes (FAISS's default is 25; the training is most of a first compaction)
CODES_SAMPLE = 20_000  # vectors that set the 8-bit codes' ranges
ASSIGN_CHUNK = 8192  # vectors assigned to lists at a time (a chunk × 4,096 lists of scores: 128 MB)


def new_exact(dim: int) -> faiss.IndexIDMap2:
    return faiss.IndexIDMap2(faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT))


def lists_for(n: int) -> int:
    """Inverted lists for a base of `n` vectors (about 4·√n, the usual balance of probe and scan)."""
    return int(min(4096, max(256, 4 * math.sqrt(max(n, 1)))))


def new_approximate(dim: int, sample: np.ndarray, n_expected: int) -> faiss.IndexIVFScalarQuantizer:
    """An empty inverted-file index whose lists are trained on `sample` (its ids are the passage
    ids themselves)."""
    sample = np.ascontiguousarray(sample, dtype=np.float32)
    nlist = min(lists_for(n_expected), max(1, len(sample) // 39))
    quantizer = faiss.IndexFlatIP(dim)
    quantizer.add(train_lists(sample, nlist))
    index = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit,
                                          faiss.METRIC_INNER_PRODUCT)
    # the quantizer holds its lists already: this trains the 8-bit codes' ranges only
    index.train(sample[np.random.default_rng(1).permutation(len(sample))[:CODES_SAMPLE]])
    return index


def train_lists(sample: np.ndarray, nlist: int, seed: int = 0) -> np.ndarray:
    """Spherical k-means (unit centroids, inner product): the inverted lists' centroids."""
    rng = np.random.default_rng(seed)
    centroids = sample[rng.choice(len(sample), size=nlist, replace=False)].copy()
    for _ in range(TRAIN_ITERATIONS):
        assigned = nearest_lists(centroids, sample)
        order = np.argsort(assigned, kind="stable")
        counts = np.bincount(assigned, minlength=nlist)
        held = np.nonzero(counts)[0]
        sums = np.add.reduceat(sample[order], np.concatenate([[0], np.cumsum(counts)[:-1]])[held], axis=0)
        centroids[held] = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
        empty = np.nonzero(counts == 0)[0]  # a list nothing chose: a random sample vector instead
        centroids[empty] = sample[rng.choice(len(sample), size=len(empty), replace=False)]
    return centroids


def nearest_lists(centroids: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Each vector's list (the centroid of largest inner product), by NumPy's BLAS in chunks:
    FAISS's own flat search did this several times slower here (docs/scale.md)."""
    out = np.empty(len(vectors), dtype=np.int64)
    for at in range(0, len(vectors), ASSIGN_CHUNK):
        out[at:at + ASSIGN_CHUNK] = np.argmax(vectors[at:at + ASSIGN_CHUNK] @ centroids.T, axis=1)
    return out


def add_to_lists(index, vectors: np.ndarray, ids: np.ndarray) -> None:
    """Add rows to an inverted-file index, assigned to their lists by `nearest_lists`."""
    ivf = faiss.extract_index_ivf(index)
    centroids = ivf.quantizer.reconstruct_n(0, ivf.nlist)
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    ids = np.ascontiguousarray(ids, dtype=np.int64)
    assigned = nearest_lists(centroids, vectors)
    ivf.add_core(len(ids), faiss.swig_ptr(vectors), faiss.swig_ptr(ids), faiss.swig_ptr(assigned))


def is_approximate(index) -> bool:
    return isinstance(faiss.downcast_index(index), faiss.IndexIVF)


def _empty_ids() -> np.ndarray:
    return np.zeros(0, dtype=np.int64)


@dataclass
class Base:
    """One language's base index and the ids it holds (sorted; tombstones do not change it)."""

    index: faiss.Index
    ids: np.ndarray = field(default_factory=_empty_ids)

    @classmethod
    def of(cls, index) -> "Base":
        return cls(index, np.sort(index_ids(index)))

    @property
    def approximate(self) -> bool:
        return is_approximate(self.index)

    def holds(self, ids: np.ndarray) -> np.ndarray:
        """Which of `ids` this base holds (a mask; binary search in the sorted ids, no set of them)."""
        ids = np.asarray(ids, dtype=np.int64)
        if not len(self.ids):
            return np.zeros(len(ids), dtype=bool)
        at = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        return self.ids[at] == ids


def index_ids(index) -> np.ndarray:
    """The ids an exact (id-mapped) or inverted-file index holds."""
    if isinstance(index, faiss.IndexIDMap2):
        return faiss.vector_to_array(index.id_map).astype(np.int64)
    ivf = faiss.extract_index_ivf(index)
    invlists = ivf.invlists
    parts = [faiss.rev_swig_ptr(invlists.get_ids(i), invlists.list_size(i)).copy()
             for i in range(ivf.nlist) if invlists.list_size(i)]
    return np.concatenate(parts).astype(np.int64) if parts else _empty_ids()


def save_index(index, path: Path) -> None:
    """Write `index` to `path` atomically (a temporary file naming this process, fsynced, renamed)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{id(index)}.tmp")
    try:
        faiss.write_index(index, str(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def load_index(path: Path, dim: int, *, mapped: bool = True):
    """A saved base, or None when missing, broken or not one of ours. `mapped`: the inverted lists
    stay in the file (opened in milliseconds, paged in by the lists questions probe); such an
    index is read-only."""
    try:
        if is_approximate_file(path) and mapped:
            index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
        else:
            index = faiss.read_index(str(path))
    except Exception:  # noqa: BLE001 - an unreadable base is rebuilt from SQLite, whatever broke it
        return None
    return index if _is_ours(index, dim) else None


def is_approximate_file(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) in (b"IwSq", b"IwSQ")


def _is_ours(index, dim: int) -> bool:
    if index.d != dim:
        return False
    if isinstance(index, faiss.IndexIDMap2):
        inner = faiss.downcast_index(index.index)
        return isinstance(inner, faiss.IndexScalarQuantizer) and inner.sq.qtype == faiss.ScalarQuantizer.QT_fp16
    return isinstance(index, faiss.IndexIVFScalarQuantizer) and index.metric_type == faiss.METRIC_INNER_PRODUCT


class LanguageShards:
    """The vectors of one committed generation: per language a base, the delta rows added since
    the base (exhaustive), and the tombstoned base ids (deleted since)."""

    def __init__(self, dim: int, shards: dict[str, faiss.IndexIDMap2] | None = None, *,
                 bases: dict[str, Base] | None = None, tombstones: np.ndarray | None = None):
        self.dim = dim
        self._delta: dict[str, faiss.IndexIDMap2] = dict(shards or {})
        self._bases: dict[str, Base] = dict(bases or {})
        self._tombstones = np.sort(np.asarray(tombstones if tombstones is not None else _empty_ids(), dtype=np.int64))
        # FAISS's wrappers keep a selector's parts alive as long as the selector
        self._not_tombstoned = faiss.IDSelectorNot(faiss.IDSelectorBatch(self._tombstones)) if len(self._tombstones) else None

    @classmethod
    def build(cls, dim: int, ids: np.ndarray, langs: list[str], vectors: np.ndarray, *,
              bases: dict[str, Base] | None = None, tombstones: np.ndarray | None = None) -> "LanguageShards":
        return cls(dim, bases=bases, tombstones=tombstones).changed([], ids, langs, vectors)

    @property
    def bases(self) -> dict[str, Base]:
        return dict(self._bases)

    @property
    def tombstones(self) -> np.ndarray:
        return self._tombstones

    @property
    def delta_size(self) -> int:
        return sum(s.ntotal for s in self._delta.values())

    @property
    def ntotal(self) -> int:
        return self.delta_size + sum(b.index.ntotal for b in self._bases.values()) - len(self._tombstones)

    def approximate(self, lang: str | None = None) -> bool:
        """Whether a search (in `lang`, or in any language) goes through an approximate base."""
        return any(b.approximate for name, b in self._bases.items() if lang in (None, name))

    def languages(self) -> list[str]:
        return sorted(lang for lang in set(self._delta) | set(self._bases) if len(self.ids(lang)))

    def ids(self, lang: str | None = None) -> np.ndarray:
        parts = [faiss.vector_to_array(s.id_map) for name, s in self._delta.items() if lang in (None, name)]
        parts += [np.setdiff1d(b.ids, self._tombstones, assume_unique=True)
                  for name, b in self._bases.items() if lang in (None, name)]
        return np.sort(np.concatenate(parts or [_empty_ids()]))

    def vector(self, passage_id: int) -> np.ndarray:
        """The held vector (exact bases and the delta hold fp16; an approximate base its 8-bit code)."""
        pid = int(passage_id)
        for shard in self._delta.values():
            try:
                return shard.reconstruct(pid)
            except RuntimeError:
                continue
        if pid not in self._tombstones:
            for base in self._bases.values():
                if base.holds([pid])[0]:
                    return _reconstruct(base.index, pid)
        raise KeyError(passage_id)

    def search(self, vector: np.ndarray, k: int, *, lang: str | None = None,
               selector: faiss.IDSelector | None = None, exact=None, share: float = 1.0) -> list[tuple[int, float]]:
        """The k nearest (passage id, cosine), best first; in one language, or in all.

        `exact(ids) -> vectors`: the stored vectors, to re-score an approximate base's candidates.
        `share`: the part of the index `selector` allows; an approximate base probes more lists
        for a narrower filter, so that about as many allowed vectors are scanned."""
        q = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        faiss.omp_set_num_threads(SEARCH_THREADS)  # this thread's setting only: a compaction's thread keeps all cores
        found: list[tuple[int, float]] = []
        for name in ([lang] if lang else sorted(set(self._delta) | set(self._bases))):
            shard = self._delta.get(name)
            if shard is not None and shard.ntotal:
                params = faiss.SearchParameters(sel=selector) if selector is not None else None
                found += _hits(*shard.search(q, min(k, shard.ntotal), params=params))
            base = self._bases.get(name)
            if base is not None and base.index.ntotal:
                found += self._search_base(base, q, k, selector, exact, share)
        found.sort(key=lambda hit: hit[1], reverse=True)
        return found[:k]

    def _search_base(self, base: Base, q: np.ndarray, k: int, selector, exact, share: float) -> list[tuple[int, float]]:
        sel = self._not_tombstoned
        if selector is not None:
            sel = selector if sel is None else faiss.IDSelectorAnd(sel, selector)
        if not base.approximate:
            params = faiss.SearchParameters(sel=sel) if sel is not None else None
            return _hits(*base.index.search(q, min(k, base.index.ntotal), params=params))
        depth = min(RERANK * k, base.index.ntotal)
        nprobe = min(faiss.extract_index_ivf(base.index).nlist, int(math.ceil(NPROBE / max(share, 1e-9))))
        params = faiss.SearchParametersIVF(nprobe=nprobe, sel=sel) if sel is not None else faiss.SearchParametersIVF(nprobe=nprobe)
        hits = _hits(*base.index.search(q, depth, params=params))
        if exact is None or not hits:
            return hits[:k]
        ids = [pid for pid, _ in hits]
        scores = np.asarray(exact(ids), dtype=np.float32) @ q[0]
        return sorted(zip(ids, map(float, scores)), key=lambda hit: hit[1], reverse=True)[:k]

    def changed(self, removed, ids, langs: list[str], vectors) -> "LanguageShards":
        """New shards with `removed` taken out (from the delta, or tombstoned in a base) and the
        (id, lang, vector) rows added to the delta; these very shards when nothing changes."""
        if not len(removed) and not len(ids):
            return self
        delta = {lang: faiss.clone_index(s) for lang, s in self._delta.items()}
        tombstones = self._tombstones
        if len(removed):
            gone = np.asarray(removed, dtype=np.int64)
            for shard in delta.values():
                shard.remove_ids(gone)
            in_base = [gone[b.holds(gone)] for b in self._bases.values()]
            tombstones = np.union1d(tombstones, np.concatenate(in_base or [_empty_ids()]))
        if len(ids):
            ids = np.asarray(ids, dtype=np.int64)
            vectors = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).reshape(len(ids), self.dim))
            langs = np.asarray(langs)
            for lang in np.unique(langs):
                mine = langs == lang
                shard = delta.setdefault(str(lang), new_exact(self.dim))
                shard.add_with_ids(vectors[mine], ids[mine])
        return LanguageShards(self.dim, delta, bases=self._bases, tombstones=tombstones)


def _hits(scores: np.ndarray, ids: np.ndarray) -> list[tuple[int, float]]:
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i != -1]


def _reconstruct(index, pid: int) -> np.ndarray:
    if isinstance(index, faiss.IndexIDMap2):
        return index.reconstruct(pid)
    ivf = faiss.extract_index_ivf(index)  # no direct map (it would cost memory per vector): a scan, for checks only
    invlists = ivf.invlists
    for lst in range(ivf.nlist):
        n = invlists.list_size(lst)
        if n:
            at = np.nonzero(faiss.rev_swig_ptr(invlists.get_ids(lst), n) == pid)[0]
            if len(at):
                out = np.zeros(ivf.d, dtype=np.float32)
                ivf.reconstruct_from_offset(lst, int(at[0]), faiss.swig_ptr(out))
                return out
    raise KeyError(pid)
