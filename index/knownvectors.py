"""Passage vectors encoded before, looked up by the exact text that was embedded.

The bundled corpus ships with its passages' vectors (`vigyapti model bundle-vectors` writes them,
float16, beside the corpus), so a first start indexes it without encoding 10,000 passages
(docs/encoders.md#shipped-vectors). The file is stamped with what decides a vector: the model's
weights, the code path that encoded (graph and recipe, runtime version), the passage settings and
the dimension. It is used only when all of them are the running encoder's; any passage it does not
hold (a new release, an edited one) is encoded as usual.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import threading
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.readers import bundled_corpus_dir
from index.segment import PassageSettings

log = logging.getLogger("vigyapti")

VECTORS_DIR = bundled_corpus_dir() / "vectors"
# One file per passage path `auto` picks without AMX: int8 on Intel, float32 on AMD (index/encoders.py).
SHIPPED_ENCODERS = ("onnx-int8", "onnx-fp32")


def bundled_vectors_file(encoder: str) -> Path:
    """Where the bundled corpus's vectors of a passage path are shipped (`onnx-int8` →
    multilingual-e5-small-int8.npz)."""
    return VECTORS_DIR / f"multilingual-e5-small-{encoder.removeprefix('onnx-')}.npz"

_FORMAT = 1
_UNREADABLE = (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile)  # a broken file


@dataclass(frozen=True)
class VectorsStamp:
    """What decides a passage's vector, besides its text."""

    encoder: str  # the passage path's identity (graph_identity in index/onnx_export.py or openvino_export.py), as JSON
    passage_settings: str  # PassageSettings as JSON: which texts are embedded at all
    dim: int
    format: int = _FORMAT

    @classmethod
    def of(cls, encoder_identity: dict, settings: PassageSettings, dim: int) -> VectorsStamp:
        return cls(json.dumps(encoder_identity, sort_keys=True),
                   json.dumps(dataclasses.asdict(settings), sort_keys=True), dim)


def text_key(text: str) -> int:
    """64 bits of the text's SHA-1: no two of a corpus's passages share one in practice, and a
    passage changed by a single character gets another."""
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "little")


class KnownVectors:
    """{text key: float16 vector}, with the stamp they were made under."""

    def __init__(self, stamp: VectorsStamp, keys: np.ndarray, vectors: np.ndarray):
        if len(keys) != len(vectors) or vectors.ndim != 2 or vectors.shape[1] != stamp.dim:
            raise ValueError(f"{len(keys)} keys for vectors of shape {vectors.shape}, stamp dim {stamp.dim}")
        self.stamp = stamp
        self.keys = np.asarray(keys, dtype=np.uint64)
        self.vectors = np.asarray(vectors, dtype=np.float16)
        self._row = {int(k): i for i, k in enumerate(self.keys)}

    @classmethod
    def encode(cls, stamp: VectorsStamp, texts: Sequence[str], vectors: np.ndarray) -> KnownVectors:
        return cls(stamp, np.array([text_key(t) for t in texts], dtype=np.uint64), vectors)

    def __len__(self) -> int:
        return len(self.keys)

    def lookup(self, texts: Iterable[str]) -> dict[int, np.ndarray]:
        """{position in `texts`: its float32 unit vector} for the texts held."""
        out = {}
        for i, text in enumerate(texts):
            v = self.get(text_key(text))
            if v is not None:
                out[i] = v
        return out

    def get(self, key: int) -> np.ndarray | None:
        """The float32 unit vector of the text whose `text_key` is `key`, if held."""
        row = self._row.get(key)
        if row is None:
            return None
        v = self.vectors[row].astype(np.float32)
        return v / max(float(np.linalg.norm(v)), 1e-12)

    def save(self, path: Path, *, int8: bool = False) -> None:
        """Written under a temporary name and renamed into place: never half a file. `int8`: each
        vector as int8 with its own scale, half the size of float16 (a cosine moves by under 1e-4)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
        arrays = {"vectors": self.vectors}
        if int8:
            v = self.vectors.astype(np.float32)
            scales = np.maximum(np.abs(v).max(axis=1, keepdims=True), 1e-12) / 127
            arrays = {"vectors": np.round(v / scales).astype(np.int8), "scales": scales.astype(np.float32)}
        try:
            with open(tmp, "wb") as f:
                np.savez(f, stamp=np.array(json.dumps(dataclasses.asdict(self.stamp), sort_keys=True)),
                         keys=self.keys, **arrays)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    @staticmethod
    def read_stamp(path: Path) -> VectorsStamp | None:
        """The file's stamp (without reading its vectors), or None for a missing or broken file."""
        try:
            with np.load(path, allow_pickle=False) as data:
                return VectorsStamp(**json.loads(str(data["stamp"])))
        except _UNREADABLE as exc:
            if Path(path).exists():
                log.warning("shipped vectors %s unreadable: %s", path, exc)
            return None

    @classmethod
    def load(cls, path: Path, wanted: VectorsStamp) -> KnownVectors | None:
        """The file's vectors when its stamp is `wanted`, else None (and the log says why)."""
        stamp = cls.read_stamp(path)
        if stamp is None:
            return None
        if stamp != wanted:
            _log_not_used(path, stamp, wanted)
            return None
        return cls._read(path, stamp)

    @classmethod
    def _read(cls, path: Path, stamp: VectorsStamp) -> KnownVectors | None:
        """The vectors of a file whose stamp was read as `stamp`."""
        try:
            with np.load(path, allow_pickle=False) as data:
                vectors = data["vectors"]
                if "scales" in data:  # saved as int8 (save(int8=True))
                    vectors = vectors.astype(np.float32) * data["scales"]
                return cls(stamp, data["keys"], vectors)
        except _UNREADABLE as exc:
            log.warning("shipped vectors %s unreadable: %s", path, exc)
            return None


def _log_not_used(path: Path, stamp: VectorsStamp, wanted: VectorsStamp) -> None:
    differ = [f.name for f in dataclasses.fields(VectorsStamp) if getattr(stamp, f.name) != getattr(wanted, f.name)]
    log.info("shipped vectors %s not used: made with another %s", Path(path).name, ", ".join(differ))


class VectorSource:
    """Passage vectors for the indexer: those shipped for the same encoder first, the embedder for
    the rest. The files are opened on the first passages, so a server that never ingests never
    reads them; of several, the one whose stamp is the encoder's is used."""

    def __init__(self, paths: Path | Sequence[Path], wanted: VectorsStamp | None):
        self.paths = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
        self.wanted = wanted
        self._known: KnownVectors | None = None
        self._opened = wanted is None
        self.reused = 0  # passages whose vector came from the file

    def known(self) -> KnownVectors | None:
        if not self._opened:
            self._opened = True
            stamps = {path: KnownVectors.read_stamp(path) for path in self.paths}
            path = next((p for p, stamp in stamps.items() if stamp == self.wanted), None)
            if path is None:  # none is this encoder's: the log says why for each
                for p, stamp in stamps.items():
                    if stamp is not None:
                        _log_not_used(p, stamp, self.wanted)
                return None
            self._known = KnownVectors._read(path, stamps[path])
            if self._known is not None:
                log.info("using %d shipped passage vectors from %s", len(self._known), path)
        return self._known

    def vectors(self, texts: list[str], encode) -> np.ndarray:
        """One unit vector per text: shipped where held, `encode(texts)` for the others."""
        known = self.known()
        found = known.lookup(texts) if known is not None and texts else {}
        if not found:
            return encode(texts)
        rest = [i for i in range(len(texts)) if i not in found]
        out = np.empty((len(texts), known.stamp.dim), dtype=np.float32)
        for i, v in found.items():
            out[i] = v
        if rest:
            out[rest] = encode([texts[i] for i in rest])
        self.reused += len(found)
        return out
