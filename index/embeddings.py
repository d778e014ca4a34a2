"""Text → vectors. One small base class, so another backend is one subclass away."""
from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import numpy as np

T = TypeVar("T")

# How long torch's OpenMP workers (GNU libgomp) busy-wait for more work before they sleep. libgomp's
# default, 300,000 spins, keeps a worker burning a core for milliseconds after each question; on a
# 2-core server that core is what the search, the event loop and the HTTP reply then need.
# bench/latency.py, /ask p50 over HTTP: 27 ms at 100,000 spins, 43 ms at 3,000,000, 22-23 ms at
# 5,000-20,000, while the model alone stays at 15-16 ms; at 1,000 the model itself slows to 25 ms.
# libgomp reads this once, when torch loads it, so it is set here, before any torch import; a
# value in the environment wins.
os.environ.setdefault("GOMP_SPINCOUNT", "20000")


class Embedder(ABC):
    """Encodes questions and passages into L2-normalised float32 vectors of one dimension."""

    name: str
    dim: int

    @abstractmethod
    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    @abstractmethod
    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray: ...

    def submit_beside_queries(self, fn: Callable[..., T], *args) -> Future[T]:
        """Run `fn`, work that encodes a question and goes on, on the thread that encodes questions
        (here: right away, on the caller's)."""
        done: Future[T] = Future()
        try:
            done.set_result(fn(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on the future
            done.set_exception(exc)
        return done

    def run_beside_queries(self, fn: Callable[..., T], *args) -> T:
        return self.submit_beside_queries(fn, *args).result()


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, by name or folder.

    e5-style models need "query: " / "passage: " prefixes; we use the model's own prompts
    when its config names them, so a model without prompts gets plain text.
    """

    def __init__(self, model: str, *, name: str | None = None, batch_size: int = 32,
                 threads: int | None = None, bf16: bool | None = None):
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self.name = name or model
        self.batch_size = batch_size
        self._model = SentenceTransformer(model, device="cpu")
        # Bulk passage encoding in bfloat16 where the CPU does it natively (AMX / AVX512-BF16):
        # about twice as fast here, vectors within cosine 0.9999 of float32. Questions stay float32.
        self.bf16 = _cpu_has_bf16(torch) if bf16 is None else bf16
        self.dim = int(self._model.get_embedding_dimension())
        # torch's OpenMP thread team belongs to the thread that calls it: a web server calling from
        # ever-changing pool threads pays to set one up again and again (measured here: a question
        # took 32 ms instead of 16). One long-lived thread each for questions and for passages.
        self._query_thread_id: int | None = None  # known once the thread has started
        self._query_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode-questions",
                                                initializer=self._note_query_thread)
        self._passage_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode-passages")
        prompts = getattr(self._model, "prompts", None) or {}
        self._query_prompt = "query" if "query" in prompts else None
        self._passage_prompt = "passage" if "passage" in prompts else ("document" if "document" in prompts else None)

    def _encode(self, texts: list[str], prompt_name: str | None, progress: bool, bf16: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch

        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            vectors = self._model.encode(
                texts,
                prompt_name=prompt_name,
                batch_size=self.batch_size,
                normalize_embeddings=False,
                convert_to_numpy=True,
                show_progress_bar=progress,
            )
        vectors = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12))

    def _note_query_thread(self) -> None:
        self._query_thread_id = threading.get_ident()

    def submit_beside_queries(self, fn: Callable[..., T], *args) -> Future[T]:
        return self._query_thread.submit(fn, *args)

    def run_beside_queries(self, fn: Callable[..., T], *args) -> T:
        if threading.get_ident() == self._query_thread_id:  # already there: waiting on itself would hang
            return fn(*args)
        return self.submit_beside_queries(fn, *args).result()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.run_beside_queries(self._encode, texts, self._query_prompt, False)

    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        return self._passage_thread.submit(self._encode, texts, self._passage_prompt, progress, self.bf16).result()


def _cpu_has_bf16(torch) -> bool:
    try:
        return bool(torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported())
    except AttributeError:
        return False
