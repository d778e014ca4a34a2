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
# 2-core server that core is what the search, the event loop and the HTTP reply then need (the
# measurements are in docs/retrieval.md, Latency). libgomp reads this once, when torch loads it, so it is set here, before any torch import; a
# value in the environment wins.
os.environ.setdefault("GOMP_SPINCOUNT", "20000")


class Embedder(ABC):
    """Encodes questions and passages into L2-normalised float32 vectors of one dimension."""

    name: str
    dim: int
    encoder: str = "custom"  # which code path runs the model, for /health and the startup log
    # What decides the vectors of encode_passages besides the text (model weights, code path and
    # recipe), where known: shipped vectors are used only for an equal one (index/knownvectors.py).
    passage_identity: dict | None = None
    # A path whose passages agree with another path's vectors to within their float16 storage (torch
    # bf16 on AMX against the float32 graph) names that path here: its shipped vectors stand in for
    # its own. Never a stamp for vectors this path makes (bundle-vectors reads passage_identity).
    stand_in_identity: dict | None = None
    # The model's weights, where known, whatever path runs them: what decides a sentence's vector
    # for the answer sentence (index/sentencevectors.py).
    model_identity: dict | None = None

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

    def submit_alongside(self, fn: Callable[..., T], *args) -> Future[T]:
        """Run `fn`, work that encodes a question, while the caller (a search, on the thread that encodes
        questions) goes on reading the question: what it looks up by words needs no vector (here:
        right away, on the caller's thread)."""
        return Embedder.submit_beside_queries(self, fn, *args)


class ModelThreadEmbedder(Embedder):
    """An embedder whose model runs on two long-lived threads: one for questions (and the search
    work the caller runs beside them), one for bulk passages.

    torch's OpenMP thread team belongs to the thread that calls it: a web server calling from
    ever-changing pool threads pays to set one up again and again (docs/retrieval.md, Latency).
    ONNX Runtime keeps its pool per session, but the one-thread queue still keeps questions from
    overlapping on 2 cores and keeps each search's steps together. A third long-lived thread, where
    the process has two cores or more, encodes a search's question while the search looks up its
    words (`submit_alongside`): both release the GIL for most of their time.
    """

    def __init__(self) -> None:
        # Known once the thread has started. Noted into a holder, not by a method of the embedder: a pool
        # thread keeps its initializer for life, and through a bound method it would keep the embedder,
        # its pools and its model, alive after everything else let them go.
        self._query_thread_ids: list[int] = []
        self._query_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode-questions",
                                                initializer=_note_thread, initargs=(self._query_thread_ids,))
        self._passage_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode-passages")
        # a question thread too: encoding there runs the model on its own, as on the one above
        self._alongside_thread = (ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode-alongside",
                                                     initializer=_note_thread, initargs=(self._query_thread_ids,))
                                  if len(os.sched_getaffinity(0)) >= 2 else None)

    @abstractmethod
    def _encode(self, texts: list[str], kind: str, progress: bool) -> np.ndarray:
        """`kind` is "query" or "passage"; returns L2-normalised float32 rows."""

    def submit_beside_queries(self, fn: Callable[..., T], *args) -> Future[T]:
        return self._query_thread.submit(fn, *args)

    def run_beside_queries(self, fn: Callable[..., T], *args) -> T:
        if threading.get_ident() in self._query_thread_ids:  # already there: waiting on itself would hang
            return fn(*args)
        return self.submit_beside_queries(fn, *args).result()

    def submit_alongside(self, fn: Callable[..., T], *args) -> Future[T]:
        if self._alongside_thread is None:  # one core: the caller's thread, one step after another
            return Embedder.submit_beside_queries(self, fn, *args)
        return self._alongside_thread.submit(fn, *args)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self.run_beside_queries(self._encode, texts, "query", False)

    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._passage_thread.submit(self._encode, texts, "passage", progress).result()


def _note_thread(ids: list[int]) -> None:
    ids.append(threading.get_ident())


def l2_normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12))


class SentenceTransformerEmbedder(ModelThreadEmbedder):
    """Any sentence-transformers model, by name or folder, in torch: the reference path.

    e5-style models need "query: " / "passage: " prefixes; we use the model's own prompts
    when its config names them, so a model without prompts gets plain text.
    """

    def __init__(self, model: str, *, name: str | None = None, batch_size: int = 32,
                 threads: int | None = None, bf16: bool | None = None):
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        from sentence_transformers import SentenceTransformer

        super().__init__()
        if threads:
            torch.set_num_threads(threads)
        self.name = name or model
        self.batch_size = batch_size
        self._model = SentenceTransformer(model, device="cpu")
        # Bulk passage encoding in bfloat16 only where it pays (bf16_pays). Questions stay float32.
        self.bf16 = bf16_pays() if bf16 is None else bf16
        self.dim = int(self._model.get_embedding_dimension())
        prompts = getattr(self._model, "prompts", None) or {}
        self._prompts = {
            "query": "query" if "query" in prompts else None,
            "passage": "passage" if "passage" in prompts else ("document" if "document" in prompts else None),
        }

    @property
    def encoder(self) -> str:
        return "torch-bf16" if self.bf16 else "torch-fp32"

    def _encode(self, texts: list[str], kind: str, progress: bool) -> np.ndarray:
        import torch

        # sentence-transformers sorts the texts by length before batching, so batches carry little padding.
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16 and kind == "passage"):
            vectors = self._model.encode(
                texts,
                prompt_name=self._prompts[kind],
                batch_size=self.batch_size,
                normalize_embeddings=False,
                convert_to_numpy=True,
                show_progress_bar=progress,
            )
        return l2_normalised(vectors)


def cpu_flags() -> frozenset[str]:
    """The CPU's feature flags as Linux reports them (empty elsewhere), without the AMX ones when
    this process may not use AMX: the kernel hands out AMX tile state only on request, and where
    that request is refused (a sandbox, bench/no_amx.py) oneDNN and ONNX Runtime run without AMX."""
    flags = frozenset(_cpuinfo("flags").split())
    if any(f.startswith("amx") for f in flags) and not _amx_permitted():
        flags = frozenset(f for f in flags if not f.startswith("amx"))
    return flags


def _amx_permitted() -> bool:
    """Ask the kernel for AMX tile data, as oneDNN and ONNX Runtime do before they use AMX."""
    import ctypes
    import sys

    if sys.platform != "linux":
        return False
    arch_prctl, req_xcomp_perm, xfeature_xtiledata = 158, 0x1023, 18  # x86-64 syscall number, asm/prctl.h
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.syscall(arch_prctl, req_xcomp_perm, xfeature_xtiledata) == 0
    except (OSError, AttributeError):
        return False


def _cpuinfo(field: str) -> str:
    """The first CPU's `field` line of /proc/cpuinfo ("" where there is none)."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(field):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return ""


def cpu_vendor() -> str:
    """`vendor_id` as Linux reports it ("GenuineIntel", "AuthenticAMD"; "" elsewhere)."""
    return _cpuinfo("vendor_id")


def bf16_pays() -> bool:
    """bfloat16 autocast pays where the CPU multiplies bfloat16 in AMX tiles (about 2x float32), and
    on AMD's AVX512-BF16 (2.5x on an EPYC without AMX), but not on Intel's AVX512-BF16 without AMX
    (0.67x: issue 15's Xeon). So the flag alone does not say; the vendor with it does (docs/encoders.md)."""
    flags = cpu_flags()
    return "amx_bf16" in flags or ("avx512_bf16" in flags and cpu_vendor() == "AuthenticAMD")
