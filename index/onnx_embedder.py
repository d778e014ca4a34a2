"""A sentence-transformers folder run outside torch: :class:`GraphEmbedder` holds what every
runtime shares (the folder's own tokenizer, prompts, maximum length and pooling, used as
sentence-transformers uses them, so the float32 graph gives its vectors to cosine 1.0000), and
:class:`OnnxEmbedder` runs the graphs index/onnx_export.py wrote in ONNX Runtime
(index/openvino_embedder.py runs OpenVINO's). torch is not imported: a server on these paths starts
without it.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from index.embeddings import ModelThreadEmbedder, l2_normalised
from index.onnx_export import UNFUSED

_POOLINGS = ("mean", "cls", "max")


class UnsupportedModelError(ValueError):
    """The folder has modules this runner does not reproduce (e.g. a Dense layer)."""


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


class FolderLayout:
    """What a sentence-transformers folder declares about its text side: prompts, maximum
    length, pooling and whether it normalises."""

    def __init__(self, folder: Path):
        folder = Path(folder)
        modules = _read_json(folder / "modules.json")
        kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules] or ["Transformer", "Pooling"]
        if kinds[:2] != ["Transformer", "Pooling"] or any(k != "Normalize" for k in kinds[2:]):
            raise UnsupportedModelError(f"{folder}: modules {kinds}; only Transformer + Pooling (+ Normalize) run in ONNX")
        pooling_dir = next((m.get("path", "") for m in modules if m.get("type", "").endswith("Pooling")), "1_Pooling")
        pooling = _read_json(folder / pooling_dir / "config.json")
        modes = [m for m in _POOLINGS if pooling.get(f"pooling_mode_{m}_tokens") or pooling.get("pooling_mode") == m
                 or (m == "cls" and pooling.get("pooling_mode_cls_token"))]
        if len(modes) != 1:
            raise UnsupportedModelError(f"{folder}: pooling {pooling}; one of {_POOLINGS} is needed")
        if pooling.get("include_prompt") is False:
            raise UnsupportedModelError(f"{folder}: pooling without the prompt tokens is not reproduced")
        self.pooling = modes[0]
        st = _read_json(folder / "config_sentence_transformers.json")
        prompts = st.get("prompts") or {}
        self.prompts = {"query": prompts.get("query", ""),
                        "passage": prompts.get("passage", prompts.get("document", ""))}
        bert = _read_json(folder / "sentence_bert_config.json")
        tok = _read_json(folder / "tokenizer_config.json")
        config = _read_json(folder / "config.json")
        limits = [bert.get("max_seq_length"), tok.get("model_max_length"), config.get("max_position_embeddings")]
        self.max_tokens = int(bert.get("max_seq_length") or min(int(x) for x in limits[1:] if x))
        self.pad_token = tok.get("pad_token") or "<pad>"
        self.dim = int(pooling.get("embedding_dimension") or pooling.get("word_embedding_dimension")
                       or config["hidden_size"])


def folder_tokenizer(model_folder: Path, layout: FolderLayout):
    """The folder's own fast tokenizer, unpadded and cut at the model's maximum length, as
    sentence-transformers runs it."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(model_folder) / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(layout.max_tokens)
    return tokenizer


class GraphEmbedder(ModelThreadEmbedder):
    """A transformer graph run outside torch, with the folder's tokenizer, prompts and pooling on
    the model threads of the base: one graph for passages and, when given, another for questions.
    Subclasses say how a graph is loaded (:meth:`_load`) and run (:meth:`_runner`). The passage
    graph is loaded on the first passage, so a server over a built index never loads it.

    Passages run one at a time by default (``batch_size=1``): a batch pads every row to its longest
    and attention's cost grows with that padded length, so on 2 CPU cores single passages encoded
    1.45x faster than batches of 32 (docs/encoders.md, Batch size); with int8 scaled per batch each
    vector then depends on its own text only. Larger batches are sorted by token count first, so
    each pads to a similar length.
    """

    def __init__(self, model_folder: Path, graph: Path, *, name: str, encoder: str, batch_size: int = 1,
                 threads: int | None = None, question_graph: Path | None = None):
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        super().__init__()
        self.name = name
        self.encoder = encoder
        self.batch_size = batch_size
        self.threads = threads
        self.layout = FolderLayout(model_folder)
        self.dim = self.layout.dim
        self._tokenizer = folder_tokenizer(model_folder, self.layout)
        pad = self._tokenizer.token_to_id(self.layout.pad_token)
        self._pad_id = 0 if pad is None else pad
        self.graphs = {"query": Path(question_graph or graph), "passage": Path(graph)}
        self._graphs_lock = threading.Lock()
        self._loaded: dict[str, object] = {}  # each kind's model, loaded for it (its own threads)
        self._runners: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {}
        self._run_of("query")

    # A runtime that prepares its kernels once per input shape pads each run up to a multiple of
    # this, so a corpus meets a few dozen lengths instead of hundreds (the mask hides the padding).
    length_step = 1

    def _padded_width(self, width: int) -> int:
        step = self.length_step
        return max(width, min(-(-width // step) * step, self.layout.max_tokens))

    def _load(self, path: Path, kind: str):
        """The runtime's model for a graph file, set up for `kind`. Each kind gets its own, even
        from one file: a question runs on every core, passages on one core each, side by side."""
        raise NotImplementedError

    def _runner(self, model) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
        """(input ids, attention mask) → token vectors, for one thread's use."""
        raise NotImplementedError

    def _runs_at_once(self, kind: str) -> int:
        """How many runs of `kind` go on at once, each on a thread of its own (1: one after
        another). Only a runtime whose runner many threads may share says more."""
        return 1

    def _run_of(self, kind: str) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
        with self._graphs_lock:
            if kind not in self._runners:
                if kind not in self._loaded:
                    self._loaded[kind] = self._load(self.graphs[kind], kind)
                self._runners[kind] = self._runner(self._loaded[kind])
            return self._runners[kind]

    def _encode(self, texts: list[str], kind: str, progress: bool) -> np.ndarray:
        run = self._run_of(kind)
        prompt = self.layout.prompts[kind]
        encodings = self._tokenizer.encode_batch([prompt + t for t in texts])
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(-lengths, kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), unit="passage", desc="encoding", dynamic_ncols=True)

        def encode_run(rows: np.ndarray) -> int:
            width = self._padded_width(int(lengths[rows].max()))
            ids = np.full((len(rows), width), self._pad_id, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for i, r in enumerate(rows):
                n = lengths[r]
                ids[i, :n] = encodings[r].ids
                mask[i, :n] = 1
            tokens = run(ids, mask)
            out[rows] = self._pool(tokens, mask)
            return len(rows)

        runs = [order[start:start + self.batch_size] for start in range(0, len(order), self.batch_size)]
        at_once = min(self._runs_at_once(kind), len(runs))
        pool = ThreadPoolExecutor(max_workers=at_once, thread_name_prefix=f"encode-{kind}") if at_once > 1 else None
        try:
            for done in (pool.map(encode_run, runs) if pool else map(encode_run, runs)):
                if bar is not None:
                    bar.update(done)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            if bar is not None:
                bar.close()
        return l2_normalised(out)

    def _pool(self, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self.layout.pooling == "cls":
            return tokens[:, 0]
        m = mask[..., None].astype(np.float32)
        if self.layout.pooling == "max":
            return np.where(m > 0, tokens, -1e9).max(axis=1)
        return (tokens * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)


class OnnxEmbedder(GraphEmbedder):
    """ONNX Runtime sessions on the graphs index/onnx_export.py wrote (float32 or dynamic int8)."""

    def __init__(self, model_folder: Path, graph: Path, *, name: str, encoder: str, batch_size: int = 1,
                 threads: int | None = None, question_graph: Path | None = None):
        super().__init__(model_folder, graph, name=name, encoder=encoder, batch_size=batch_size, threads=threads,
                         question_graph=question_graph)

    def _load(self, path: Path, kind: str):
        import onnxruntime as ort

        options = ort.SessionOptions()
        # A passage session runs on one thread and is run by as many at once (`_runs_at_once`): on
        # 2 cores, two single-thread runs encoded 1.2-1.3x more passages a second than one run on
        # two threads, which meet at every step (docs/encoders.md, Passages side by side).
        options.intra_op_num_threads = 1 if kind == "passage" else self.threads or 0  # 0: one per core
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # A question's run is hundreds of small parallel steps: a pool thread that sleeps between
        # them is woken for each, and on a virtual machine each wake-up is slow. So the question
        # session's threads spin while a run lasts and stop when it ends, leaving the core to the
        # search and the reply; passages' steps are long, and their runs gain nothing from spinning
        # (docs/encoders.md, Spinning).
        spin = kind == "query"
        options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
        options.add_session_config_entry("session.force_spinning_stop", "1" if spin else "0")
        options.log_severity_level = 3
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"],
                                    disabled_optimizers=list(UNFUSED))

    def _runner(self, session):
        return lambda ids, mask: session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    def _runs_at_once(self, kind: str) -> int:
        # ONNX Runtime's run is thread-safe, so the threads share one session (one copy of the
        # passage weights; the float32 graph, used by both kinds, is in memory twice once passages run).
        if kind != "passage" or kind not in self._loaded:
            return 1
        return self.threads or len(os.sched_getaffinity(0))
