"""The prepared model as ONNX files for ONNX Runtime: a float32 graph and an int8 one.

Why a separate export step instead of sentence-transformers' ``backend="onnx"``: that backend
needs optimum-onnx, whose releases pin a transformers older than the one sentence-transformers 6
needs. So the export runs once, at ``vigyapti model prepare`` time, with torch's own exporter and
onnxruntime's own tools, into ``<model folder>-onnx/`` beside the sentence-transformers folder:

* ``model-fp32.onnx``: the BertModel (input ids + attention mask → token vectors), exported with
  eager attention and fused by onnxruntime's transformer optimizer where its CPU kernels are the
  fastest (Attention, EmbedLayerNorm; not :data:`UNFUSED`);
* ``model-int8.onnx``: the same graph with dynamic int8 quantisation (:data:`INT8_RECIPE`):
  per-channel int8 weights, uint8 activations quantised per batch, the embedding table and the
  most sensitive products left in float32, for passages;
* ``model-int8-questions.onnx``: the same with more left in float32 (:data:`QUESTION_INT8_RECIPE`),
  for questions. Measurements in docs/encoders.md.

Pooling and normalisation stay outside the graph (index/onnx_embedder.py reads the pooling the
model's folder declares), so the graph is the transformer alone. The stamp, written last, names
the source model's stamp, this format and the recipe; anything else means "build again".
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

FP32_FILE = "model-fp32.onnx"
INT8_FILE = "model-int8.onnx"  # passages
QUESTION_INT8_FILE = "model-int8-questions.onnx"
_STAMP = "vigyapti-onnx.json"
# ONNX Runtime's CPU kernels for the residual add fused into layer normalisation
# (SkipLayerNormalization) and for the bias fused into GELU (BiasGelu) ran several times slower
# than the plain LayerNormalization, Add and Gelu they replace, so neither the export nor a
# session fuses them (docs/encoders.md, Unfused normalisation). The arithmetic is the same.
UNFUSED = ("SkipLayerNormFusion", "BiasGeluFusion")
_FORMAT = 2
# The feed-forward output projections (1536 -> 384, after GELU: inputs with outliers) of the first
# half of the layers stay in float32; quantising them cost most of the lost cosine (docs/encoders.md).
INT8_RECIPE = {"weights": "int8 per-channel", "activations": "uint8 dynamic", "ops": ["Attention", "MatMul"],
               "float": "embeddings; feed-forward output of layers 0-5"}
# Questions are one short text at a time, so a few more float products cost little time, and a
# question's vector decides the ranking of every passage: the attention of layers 0-5 stays in
# float32 too (XQuAD measurements in docs/encoders.md).
QUESTION_INT8_RECIPE = {**INT8_RECIPE, "float": "embeddings; attention and feed-forward output of layers 0-5"}
# The torch export's names of those products (index/openvino_export.py keeps the same ones in float).
FLOAT_FEED_FORWARD = r"/layer\.([0-5])/output/dense/MatMul$"
_FLOAT_NODES = {INT8_FILE: (re.compile(FLOAT_FEED_FORWARD), 6),
                QUESTION_INT8_FILE: (re.compile(FLOAT_FEED_FORWARD + r"|^Attention_[0-5]$"), 12)}
_RECIPES = {INT8_FILE: INT8_RECIPE, QUESTION_INT8_FILE: QUESTION_INT8_RECIPE}


def onnx_dir(model_folder: Path) -> Path:
    """Where :func:`prepare_onnx` puts the files for a sentence-transformers folder."""
    model_folder = Path(model_folder)
    return model_folder.with_name(model_folder.name + "-onnx")


def _log(msg: str) -> None:
    print(f"[onnx] {msg}", file=sys.stderr, flush=True)


def source_stamp(model_folder: Path) -> str:
    """What identifies the source folder's contents: its own stamp (index/e5model.py writes
    one), else the weights' size and modification time."""
    from index.e5model import STAMP_FILE

    stamp = model_folder / STAMP_FILE
    if stamp.is_file():
        return stamp.read_text(encoding="utf-8")
    weights = model_folder / "model.safetensors"
    st = weights.stat()
    return f"{weights.name}:{st.st_size}:{st.st_mtime_ns}"


def _wanted_stamp(model_folder: Path) -> dict:
    import onnxruntime

    return {"format": _FORMAT, "source": source_stamp(model_folder), "int8": INT8_RECIPE,
            "int8_questions": QUESTION_INT8_RECIPE, "onnxruntime": onnxruntime.__version__}


def model_identity(model_folder: Path) -> dict | None:
    """The source weights (not where they were read from) and the folder's format; None for a
    folder index/e5model.py did not build."""
    from index.e5model import STAMP_FILE

    try:
        source = json.loads((Path(model_folder) / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {"model": source.get("source_sha256"), "model_format": source.get("format")}


def graph_identity(model_folder: Path, graph_file: str) -> dict | None:
    """What decides the vectors a graph gives, besides the text: the source weights, this
    export's format, the graph and its int8 recipe, the runtime."""
    import onnxruntime

    model = model_identity(model_folder)
    if model is None:
        return None
    identity = {**model, "export": _FORMAT, "graph": graph_file, "onnxruntime": onnxruntime.__version__}
    if graph_file in _RECIPES:
        identity["int8"] = _RECIPES[graph_file]
    return identity


def is_ready(model_folder: Path) -> bool:
    """The files exist and were built from this folder with this recipe."""
    folder = onnx_dir(model_folder)
    try:
        stamp = json.loads((folder / _STAMP).read_text(encoding="utf-8"))
        wanted = _wanted_stamp(model_folder)
    except (OSError, ValueError, ImportError):  # no export, a broken stamp, or no onnxruntime installed
        return False
    built = {k: stamp.get(k) for k in wanted}
    return built == wanted and all((folder / f).is_file() for f in (FP32_FILE, INT8_FILE, QUESTION_INT8_FILE))


def prepare_onnx(model_folder: Path, *, force: bool = False) -> Path:
    """Build the ONNX files once for a prepared model folder; later calls only check the stamp."""
    model_folder = Path(model_folder)

    def make(tmp: Path) -> list[str]:
        t0 = time.perf_counter()
        _log(f"exporting {model_folder} to ONNX")
        raw = tmp / "raw.onnx"
        config = export_raw(model_folder, raw)
        _optimise(raw, tmp / FP32_FILE, config)
        raw.unlink()
        _log(f"float32 graph ready ({time.perf_counter() - t0:.0f}s); quantising to int8")
        for graph in (INT8_FILE, QUESTION_INT8_FILE):
            _quantise(tmp / FP32_FILE, tmp / graph)
        return [FP32_FILE, INT8_FILE, QUESTION_INT8_FILE]

    if not force and is_ready(model_folder):
        return onnx_dir(model_folder)
    return build_folder(onnx_dir(model_folder), make, _wanted_stamp(model_folder), _STAMP, log=_log)


def build_folder(target: Path, make: Callable[[Path], list[str]], stamp: dict, stamp_file: str, *,
                 log: Callable[[str], None]) -> Path:
    """`make(folder)` writes the files it names into an empty folder; the stamp is written last
    and the folder renamed into place, as index/e5model.py does, so an interrupted build never
    looks finished and a reader never sees half of one."""
    from index.e5model import remove_stale_builds

    if target.parent.is_dir():
        remove_stale_builds(target)
    t0 = time.perf_counter()
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        for f in make(tmp):
            (tmp / f).chmod(0o644)
        stamp = {**stamp, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        (tmp / stamp_file).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log(f"done in {time.perf_counter() - t0:.0f}s")
    return target


def export_raw(model_folder: Path, out: Path) -> dict:
    """BertModel → ONNX with dynamic batch and length. torch's TorchScript exporter
    (``dynamo=False``) needs no onnxscript and gives the graph onnxruntime's fusions recognise."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        model = AutoModel.from_pretrained(str(model_folder), attn_implementation="eager").eval()
    finally:
        if bars:
            hf_logging.enable_progress_bar()

    class TokenVectors(torch.nn.Module):
        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    # Two rows of different lengths, so padding is traced as a real mask.
    ids = torch.tensor([[0, 41, 1294, 12, 33600, 31, 2], [0, 46692, 12, 2, 1, 1, 1]])
    mask = (ids != 1).long()
    axes = {0: "batch", 1: "tokens"}
    import warnings

    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about Python-level shape checks
        torch.onnx.export(TokenVectors(model), (ids, mask), str(out), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask"], output_names=["token_vectors"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_vectors": axes})
    return model.config.to_dict()


def _optimise(src: Path, dst: Path, config: dict) -> None:
    from onnxruntime.transformers import optimizer

    from onnxruntime.transformers.fusion_options import FusionOptions

    options = FusionOptions("bert")
    options.enable_skip_layer_norm = False
    options.enable_bias_gelu = False
    fused = optimizer.optimize_model(str(src), model_type="bert", num_heads=config["num_attention_heads"],
                                     hidden_size=config["hidden_size"], opt_level=0, optimization_options=options)
    if fused.get_fused_operator_statistics().get("Attention", 0) != config["num_hidden_layers"]:
        raise RuntimeError("onnxruntime's optimizer did not fuse every attention layer")
    fused.save_model_to_file(str(dst))


def _quantise(src: Path, dst: Path) -> None:
    """`dst`'s name says which recipe (_RECIPES)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(src), load_external_data=False).graph
    pattern, expected = _FLOAT_NODES[dst.name]
    excluded = [n.name for n in graph.node if n.op_type in INT8_RECIPE["ops"] and pattern.search(n.name)]
    if len(excluded) != expected:
        raise RuntimeError(f"{dst.name}: expected {expected} products to keep in float "
                           f"({_RECIPES[dst.name]['float']}), found {excluded}")
    logging.disable(logging.WARNING)  # its advice to pre-process applies to static quantisation
    try:
        quantize_dynamic(str(src), str(dst), per_channel=True, weight_type=QuantType.QInt8,
                         op_types_to_quantize=list(INT8_RECIPE["ops"]), nodes_to_exclude=excluded,
                         extra_options={"MatMulConstBOnly": True,
                                        "DefaultTensorType": onnx.TensorProto.FLOAT})
    finally:
        logging.disable(logging.NOTSET)
