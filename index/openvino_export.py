"""The prepared model as an OpenVINO int8 IR, quantised statically on real passages.

Built once at ``vigyapti model prepare`` time into ``<model folder>-openvino/``: torch's export of
the BertModel (index/onnx_export.py's :func:`export_raw`, before ONNX Runtime's fusions, which
OpenVINO does not read) is read by OpenVINO and quantised by NNCF's post-training quantisation
(:data:`INT8_RECIPE`), calibrated on real passages of the bundled corpus sent one at a time as the
indexer sends them. Unlike ONNX Runtime's dynamic int8, activation scales are fixed at build time,
so a vector depends on its own text and the IR only. Measurements in docs/encoders.md.

The stamp names the source model's stamp, this format, the recipe and the OpenVINO and NNCF
versions; anything else means "build again", and a server never uses an IR whose stamp does not
match (``auto`` then falls back to ONNX Runtime).
"""
from __future__ import annotations

import json
import logging
import sys
import time
from importlib import metadata
from pathlib import Path

from index.onnx_export import FLOAT_FEED_FORWARD, build_folder, export_raw, model_identity, source_stamp

INT8_FILE = "model-int8.xml"  # with its weights in model-int8.bin
_STAMP = "vigyapti-openvino.json"
_FORMAT = 1
CALIBRATION_PASSAGES = 256
# As in the ONNX recipe, the feed-forward output projections of layers 0-5 (inputs with outliers)
# stay in float: cosine to float32 min 0.9992 instead of 0.9982, at the same speed (docs/encoders.md).
INT8_RECIPE = {"quantizer": "nncf.quantize", "model_type": "transformer", "preset": "mixed",
               "calibration": f"{CALIBRATION_PASSAGES} bundled-corpus passages, one a run",
               "float": "feed-forward output of layers 0-5"}


def openvino_dir(model_folder: Path) -> Path:
    """Where :func:`prepare_openvino` puts the IR for a sentence-transformers folder."""
    model_folder = Path(model_folder)
    return model_folder.with_name(model_folder.name + "-openvino")


def _log(msg: str) -> None:
    print(f"[openvino] {msg}", file=sys.stderr, flush=True)


def _versions() -> dict:
    """Read from the installed packages' metadata, so checking a stamp imports neither."""
    return {"openvino": metadata.version("openvino"), "nncf": metadata.version("nncf")}


def _wanted_stamp(model_folder: Path) -> dict:
    return {"format": _FORMAT, "source": source_stamp(model_folder), "int8": INT8_RECIPE, **_versions()}


def graph_identity(model_folder: Path) -> dict | None:
    """What decides the IR's vectors besides the text (index/knownvectors.py stamps shipped vectors
    with it): the source weights, this format, the recipe, the versions that built and run it."""
    model = model_identity(model_folder)
    if model is None:
        return None
    return {**model, "export": _FORMAT, "graph": f"openvino/{INT8_FILE}", "int8": INT8_RECIPE, **_versions()}


def is_ready(model_folder: Path) -> bool:
    """The IR exists and was built from this folder with this recipe and these versions."""
    folder = openvino_dir(model_folder)
    try:
        stamp = json.loads((folder / _STAMP).read_text(encoding="utf-8"))
        wanted = _wanted_stamp(model_folder)
    except (OSError, ValueError, metadata.PackageNotFoundError):  # no IR, a broken stamp, not installed
        return False
    built = {k: stamp.get(k) for k in wanted}
    return built == wanted and all((folder / f).is_file() for f in (INT8_FILE, INT8_FILE[:-4] + ".bin"))


def prepare_openvino(model_folder: Path, *, force: bool = False) -> Path:
    """Build the int8 IR once for a prepared model folder; later calls only check the stamp."""
    model_folder = Path(model_folder)
    if not force and is_ready(model_folder):
        return openvino_dir(model_folder)
    try:
        _versions()
    except metadata.PackageNotFoundError as missing:
        raise RuntimeError(f"the openvino-int8 path needs {missing.name}: pip install -e '.[openvino]'") from None

    def make(tmp: Path) -> list[str]:
        t0 = time.perf_counter()
        _log(f"exporting {model_folder} for OpenVINO")
        raw = tmp / "raw.onnx"
        export_raw(model_folder, raw)
        _log(f"quantising to int8 on {CALIBRATION_PASSAGES} real passages (about a minute on 2 cores)")
        _quantise(model_folder, raw, tmp / INT8_FILE)
        raw.unlink()
        _log(f"int8 IR ready ({time.perf_counter() - t0:.0f}s)")
        return [INT8_FILE, INT8_FILE[:-4] + ".bin"]

    return build_folder(openvino_dir(model_folder), make, _wanted_stamp(model_folder), _STAMP, log=_log)


def _quantise(model_folder: Path, raw: Path, out: Path) -> None:
    import nncf
    import numpy as np
    import openvino as ov

    from index.onnx_embedder import FolderLayout, folder_tokenizer
    from index.pipeline import bundled_passages

    layout = FolderLayout(model_folder)
    tokenizer = folder_tokenizer(model_folder, layout)
    items = []
    # every fifth release from the third: bench/encode.py times passages of those from the first
    calibration = bundled_passages(CALIBRATION_PASSAGES, first=2)
    for encoding in tokenizer.encode_batch([layout.prompts["passage"] + t for t in calibration]):
        ids = np.array([encoding.ids], dtype=np.int64)
        items.append({"input_ids": ids, "attention_mask": np.ones_like(ids)})
    nncf_log = logging.getLogger("nncf")
    level = nncf_log.level
    nncf_log.setLevel(logging.WARNING)  # its progress bars and notes would flood `model prepare`
    try:
        quantised = nncf.quantize(ov.Core().read_model(str(raw)), nncf.Dataset(items), subset_size=len(items),
                                  model_type=nncf.ModelType.TRANSFORMER, preset=nncf.QuantizationPreset.MIXED,
                                  ignored_scope=nncf.IgnoredScope(patterns=[".*" + FLOAT_FEED_FORWARD]))
    finally:
        nncf_log.setLevel(level)
    # The weights left in float (the embedding table, norms) are stored as float16 (save_model's
    # default; half the file) and run in float32; the cosines in docs/encoders.md include it.
    ov.save_model(quantised, str(out))
