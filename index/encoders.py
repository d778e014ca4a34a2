"""Which code path encodes text: torch (the reference, any sentence-transformers model), ONNX
Runtime on the prepared model's exported graphs (float32 or dynamic int8), or OpenVINO on its
statically quantised int8 IR.

The rule for ``auto`` is in :func:`choose_encoder`; docs/encoders.md has the measurements behind it.
"""
from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from index.embeddings import Embedder, SentenceTransformerEmbedder, T, cpu_flags, cpu_vendor

log = logging.getLogger("vigyapti")

Encoder = Literal["auto", "torch", "onnx-fp32", "onnx-int8", "openvino-int8"]
ENCODERS: tuple[str, ...] = get_args(Encoder)
# int8 matrix products that neither saturate nor crawl: VNNI dot products or AMX tiles. Without
# them onnxruntime's x86 int8 kernels fall back to AVX2 pairs that can saturate.
_INT8_FLAGS = {"avx512_vnni", "avx_vnni", "amx_int8"}
# Where bfloat16 runs in AMX tiles, torch encodes bulk passages faster than ONNX Runtime's int8
# (docs/encoders.md). Questions run on the float32 graph: int8 rounding on the question side as well
# as bf16 on the passages' tipped near ties. OpenVINO runs that graph's question in AMX's bf16 tiles
# in two thirds of ONNX Runtime's float32 time, within a cosine of 0.9999 of its vector, so it does
# where it is installed (docs/encoders.md, Questions in bf16 on AMX); ONNX Runtime where it is not.
AMX_SPLIT = "openvino-bf16+torch-bf16"
SPLIT = "onnx-fp32+torch-bf16"
# OpenVINO's statically quantised IR for passages, questions on ONNX Runtime's question graph
# (OpenVINO's int8 lost XQuAD hi→hi R@1 on questions). Only on request (VIGYAPTI_ENCODER=openvino-int8):
# faster than onnx-int8 on VNNI CPUs without AMX, but its passages lost XQuAD hi→en by more than
# issue 15's 0.005 (docs/encoders.md, OpenVINO).
OPENVINO_SPLIT = "onnx-int8+openvino-int8"


class EncoderUnavailableError(RuntimeError):
    """The requested encoder cannot run this model (no exported graph, or another model)."""


@dataclass(frozen=True)
class EncoderChoice:
    # "torch", "onnx-fp32", "onnx-int8", AMX_SPLIT or SPLIT (questions on the float32 graph in
    # OpenVINO bf16 or ONNX Runtime, passages in torch bf16), or OPENVINO_SPLIT (questions in onnx-int8,
    # passages in OpenVINO int8)
    encoder: str
    reason: str


def choose_encoder(requested: str, *, onnx_ready: bool, openvino_ready: bool = False,
                   flags: frozenset[str] | None = None, vendor: str | None = None,
                   openvino_installed: bool | None = None) -> EncoderChoice:
    """``auto``: ONNX Runtime wherever the graphs are exported (float32 there gives torch's vectors,
    and a question runs faster); torch otherwise. int8 only where float32 is not fast enough: int8
    passages, however close by cosine, lose XQuAD questions that float32 answers. On AMD's CPUs the
    float32 graph is fast enough by itself, on Intel's without AMX it is not, so int8 runs on Intel
    CPUs with int8 dot products (VNNI) and no AMX; with AMX, passages go to torch bfloat16 and
    questions to OpenVINO's bf16 when it is installed (docs/encoders.md, "Float32 on AMD" and "The
    rule behind auto"). OpenVINO's int8 IR is never picked by ``auto``: faster, but not as faithful
    on XQuAD hi→en. `openvino_ready`: that IR is prepared; `openvino_installed`: the runtime is."""
    if requested not in ENCODERS:
        raise ValueError(f"unknown encoder {requested!r}; one of {', '.join(ENCODERS)}")
    if requested == "torch":
        return EncoderChoice("torch", "asked for (VIGYAPTI_ENCODER=torch)")
    ready = onnx_ready and (openvino_ready or requested != "openvino-int8")
    if not ready:
        if requested != "auto":
            raise EncoderUnavailableError(
                f"VIGYAPTI_ENCODER={requested} needs the ONNX export (and for openvino-int8 the OpenVINO IR) of "
                f"the default model; run `VIGYAPTI_ENCODER={requested} vigyapti model prepare` (it makes them), "
                "or unset VIGYAPTI_ENCODER")
        return EncoderChoice("torch", "no ONNX export for this model")
    if requested != "auto":
        return EncoderChoice(OPENVINO_SPLIT if requested == "openvino-int8" else requested,
                             f"asked for (VIGYAPTI_ENCODER={requested})")
    flags = cpu_flags() if flags is None else flags
    vendor = cpu_vendor() if vendor is None else vendor
    int8 = sorted(_INT8_FLAGS & flags)
    if int8 and "amx_bf16" in flags:
        if openvino_installed if openvino_installed is not None else importlib.util.find_spec("openvino") is not None:
            return EncoderChoice(AMX_SPLIT, "CPU has AMX: questions in OpenVINO bfloat16, passages in torch bfloat16")
        return EncoderChoice(SPLIT, "CPU has AMX, OpenVINO is not installed: questions in onnx-fp32, "
                                    "passages in torch bfloat16")
    if int8 and vendor == "AuthenticAMD":
        return EncoderChoice("onnx-fp32", "AMD CPU: float32 is fast enough here, and int8 costs quality")
    if int8:
        return EncoderChoice("onnx-int8", f"CPU has int8 dot products ({', '.join(int8)}) and no AMX")
    return EncoderChoice("onnx-fp32", "CPU has no VNNI or AMX for int8")


def load_embedder(model_folder: str | Path, *, name: str, encoder: str = "auto", onnx: bool = True,
                  threads: int | None = None, bf16: bool | None = None) -> Embedder:
    """The embedder for a model folder. `onnx` says whether the folder is one whose ONNX export
    `vigyapti model prepare` manages (the default model); any other model runs in torch."""
    from index import openvino_export
    from index.onnx_export import (FP32_FILE, INT8_FILE, QUESTION_INT8_FILE, graph_identity, is_ready,
                                    model_identity, onnx_dir)

    managed = onnx and Path(model_folder).is_dir()
    choice = choose_encoder(encoder, onnx_ready=managed and is_ready(Path(model_folder)),
                            openvino_ready=managed and openvino_export.is_ready(Path(model_folder)))
    if choice.encoder == "torch":
        embedder: Embedder = SentenceTransformerEmbedder(str(model_folder), name=name, threads=threads, bf16=bf16)
    else:
        from index.onnx_embedder import OnnxEmbedder

        folder = onnx_dir(Path(model_folder))
        # With bf16 turned off, an AMX CPU runs both in int8 as a VNNI CPU does.
        if choice.encoder in (AMX_SPLIT, SPLIT) and bf16 is not False:
            if choice.encoder == AMX_SPLIT:
                from index.openvino_embedder import OpenVinoEmbedder

                questions: Embedder = OpenVinoEmbedder(Path(model_folder), folder / FP32_FILE, name=name,
                                                       encoder="openvino-bf16", threads=threads, precision="bf16")
            else:
                questions = OnnxEmbedder(Path(model_folder), folder / FP32_FILE, name=name, encoder="onnx-fp32",
                                         threads=threads)
            embedder = SplitEmbedder(questions, lambda: SentenceTransformerEmbedder(
                str(model_folder), name=name, threads=threads, bf16=True), "torch-bf16")
            # torch's bf16 passages agree with the float32 graph's within the shipped file's float16.
            embedder.stand_in_identity = _with_batch(graph_identity(Path(model_folder), FP32_FILE), 1)
        else:
            int8 = choice.encoder != "onnx-fp32"
            graph = folder / (INT8_FILE if int8 else FP32_FILE)
            embedder = OnnxEmbedder(Path(model_folder), graph, name=name, encoder="onnx-int8" if int8 else "onnx-fp32",
                                    threads=threads, question_graph=folder / QUESTION_INT8_FILE if int8 else None)
            # Dynamic int8 scales activations per batch, so the batch size decides the vectors too.
            embedder.passage_identity = _with_batch(graph_identity(Path(model_folder), graph.name), embedder.batch_size)
        if choice.encoder == OPENVINO_SPLIT:
            from index.openvino_embedder import OpenVinoEmbedder

            ir = openvino_export.openvino_dir(Path(model_folder)) / openvino_export.INT8_FILE
            identity = _with_batch(openvino_export.graph_identity(Path(model_folder)), 1)
            embedder = SplitEmbedder(embedder, lambda: OpenVinoEmbedder(
                Path(model_folder), ir, name=name, encoder="openvino-int8", threads=threads, batch_size=1),
                "openvino-int8", identity and {**identity, "length_step": OpenVinoEmbedder.length_step})
    embedder.model_identity = model_identity(Path(model_folder))
    log.info("encoder: %s (%s)", embedder.encoder, choice.reason)
    return embedder


def _with_batch(identity: dict | None, batch_size: int) -> dict | None:
    """A passage path's identity with the passages per run (shipped vectors are used only when all
    of it matches)."""
    return None if identity is None else {**identity, "batch": batch_size}


class SplitEmbedder(Embedder):
    """Questions on one path, passages on another, for CPUs where no one path is fastest at both.

    The passage path is loaded on first use: a restart over a built index never pays for it; what
    decides its vectors (`passage_identity`) is known without loading it."""

    def __init__(self, questions: Embedder, passages: Callable[[], Embedder], passage_encoder: str,
                 passage_identity: dict | None = None):
        self.questions = questions
        self.passage_identity = passage_identity
        self._make_passages = passages
        self._passages: Embedder | None = None
        self._lock = threading.Lock()
        self.name = questions.name
        self.dim = questions.dim
        self.encoder = f"{questions.encoder}+{passage_encoder}"

    def _passage_embedder(self) -> Embedder:
        with self._lock:
            if self._passages is None:
                self._passages = self._make_passages()
                if self._passages.dim != self.dim:
                    raise ValueError(f"the passage path gives {self._passages.dim} dimensions, questions {self.dim}")
            return self._passages

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.questions.encode_queries(texts)

    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._passage_embedder().encode_passages(texts, progress=progress)

    def submit_beside_queries(self, fn: Callable[..., T], *args) -> Future[T]:
        return self.questions.submit_beside_queries(fn, *args)

    def run_beside_queries(self, fn: Callable[..., T], *args) -> T:
        return self.questions.run_beside_queries(fn, *args)
