"""Each passage sentence's own e5 vector, for choosing the answer sentence (index/search.py).

A passage's vector cannot tell its sentences apart, and the question's words do not always stand in
the sentence that answers: the figure is often in the sentence after the one that names what it
counts ("Out of these, 44 were international cargo flights"), or in the other language. A
sentence's closeness to the question in meaning tells them apart where the words cannot.

The vectors are a cache by the sentence's text, not by a passage id, so they serve whichever store
holds the index and never have to agree with it: the bundled corpus's sentences are shipped
(`vigyapti model bundle-vectors --sentences`), ingest encodes a new release's and keeps them in the
index's folder, and a sentence held by neither is encoded when an answer first needs it. Which of
the three gave a vector never changes an answer, only how long the first one takes.
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.embeddings import Embedder
from index.knownvectors import VECTORS_DIR, KnownVectors, VectorsStamp, text_key
from index.segment import split_sentences

log = logging.getLogger("vigyapti")

SHIPPED_SENTENCES = VECTORS_DIR / "multilingual-e5-small-sentences.npz"
INDEX_FILE = "sentence-vectors.npz"  # in the index's folder: the sentences ingest encoded


def sentence_texts(text: str, lang: str) -> list[str]:
    """A passage's sentences as the answer sentence is chosen among them (index/search.py analyse)."""
    return [text[s.start:s.end] for s in split_sentences(text, lang)]


def model_stamp(embedder: Embedder) -> VectorsStamp:
    """What decides a sentence's vector: the model's weights. Unlike a passage's, not the code path
    that ran them (torch bf16 on an AMX CPU, int8 on Intel's without): the paths of one model differ
    by far less than two sentences of a passage do, and a passage's int8 vector already meets a
    float32 question. Without known weights (a model folder we did not build) no file made
    elsewhere is used."""
    identity = embedder.model_identity or {}
    model = {"name": embedder.name, "model": identity.get("model"), "model_format": identity.get("model_format")}
    return VectorsStamp(json.dumps(model, sort_keys=True), json.dumps({"unit": "sentence"}), embedder.dim)


class SentenceVectors:
    """Sentence text → unit vector: the index's file, then the shipped one, then the embedder."""

    def __init__(self, embedder: Embedder, path: Path | None = None,
                 shipped: Sequence[Path] = (SHIPPED_SENTENCES,)):
        self.embedder = embedder
        self.path = Path(path) if path is not None else None
        self.shipped = [Path(p) for p in shipped]
        self.stamp = model_stamp(embedder)
        self._lock = threading.Lock()
        self._files: list[KnownVectors] | None = None  # read on first use
        self._mtime: float | None = None  # of the index's file when read
        self._new: dict[int, np.ndarray] = {}  # encoded by this process, not yet in the index's file
        self.encoded = 0  # sentences this process has encoded

    def load(self) -> int:
        """Read the files now (a server warms up with it); returns the vectors they hold."""
        with self._lock:
            return sum(len(k) for k in self._loaded())

    def _loaded(self) -> list[KnownVectors]:
        if self._files is None:
            own = self._read_own()
            shipped = [k for k in (KnownVectors.load(p, self.stamp) for p in self.shipped if p.exists()) if k is not None]
            self._files = [k for k in (own, *shipped) if k is not None]
        return self._files

    def _read_own(self) -> KnownVectors | None:
        if self.path is None or not self.path.exists():
            self._mtime = None
            return None
        self._mtime = self.path.stat().st_mtime
        return KnownVectors.load(self.path, self.stamp)

    def _own_changed(self) -> bool:
        """Another process (an ingest beside a running server) has written the index's file since."""
        if self.path is None:
            return False
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            return False
        return mtime != self._mtime

    def _held(self, key: int) -> np.ndarray | None:
        v = self._new.get(key)
        if v is None:
            for known in self._loaded():
                if (v := known.get(key)) is not None:
                    break
        return v

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, in order; texts held nowhere are encoded as passages and kept."""
        keys = [text_key(t) for t in texts]
        out = np.empty((len(texts), self.stamp.dim), dtype=np.float32)
        with self._lock:
            missing = []
            for i, key in enumerate(keys):
                v = self._held(key)
                if v is None:
                    missing.append(i)
                else:
                    out[i] = v
            if missing and self._own_changed():
                self._files = None  # re-read: it may hold them now
                still = []
                for i in missing:
                    v = self._held(keys[i])
                    if v is None:
                        still.append(i)
                    else:
                        out[i] = v
                missing = still
        if missing:
            wanted = list(dict.fromkeys(texts[i] for i in missing))
            encoded = dict(zip(wanted, self.embedder.encode_passages(wanted)))
            with self._lock:
                for i in missing:
                    out[i] = encoded[texts[i]]
                    self._new[keys[i]] = out[i]
                self.encoded += len(wanted)
        return out

    def save(self) -> int:
        """Write what this process encoded, with what the index's file held, to that file (never the
        shipped one). Returns the sentences written; 0 when there was nothing new or no file."""
        if self.path is None:
            return 0
        with self._lock:
            if not self._new:
                return 0
            own = self._read_own()
            held = {} if own is None else {int(k): own.vectors[i] for i, k in enumerate(own.keys)}
            held.update({k: v.astype(np.float16) for k, v in self._new.items()})
            keys = np.fromiter(held, dtype=np.uint64, count=len(held))
            known = KnownVectors(self.stamp, keys, np.stack(list(held.values())))
            known.save(self.path, int8=True)
            self._new.clear()
            self._files = None
            return len(known)
