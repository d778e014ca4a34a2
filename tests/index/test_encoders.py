"""The ONNX Runtime and OpenVINO paths against the torch float32 reference, on real passages and questions."""
import json
import shutil

import numpy as np
import pytest

from index.encoders import OPENVINO_SPLIT, EncoderUnavailableError, choose_encoder, load_embedder
from index.onnx_embedder import FolderLayout, OnnxEmbedder, UnsupportedModelError
from index import openvino_export
from index.onnx_export import FP32_FILE, INT8_FILE, QUESTION_INT8_FILE, UNFUSED, is_ready, onnx_dir
from index.openvino_embedder import OpenVinoEmbedder
from index.pipeline import passage_input
from index.segment import Segmenter, passages_of

QUESTIONS = [
    "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?",
    "How much gross GST revenue was collected in February 2020?",
    "EPFO ने कितने ग्राहकों के केवाईसी अपडेट किए?",
    "What was the model error of the monsoon forecast?",
]


@pytest.fixture(scope="module")
def passages(corpus_slice):
    """Real passages, as the indexer embeds them, from both languages."""
    seg = Segmenter()
    out = []
    for r in corpus_slice[::4]:
        out += [passage_input(r.title, p.text) for p in passages_of(r.release_id, r.lang, r.text, seg)][:3]
    assert {r.lang for r in corpus_slice[::4]} == {"hi", "en"} and len(out) >= 40
    return out


@pytest.fixture(scope="module")
def reference(torch_embedder, passages):
    return torch_embedder.encode_passages(passages), torch_embedder.encode_queries(QUESTIONS)


def _onnx(model_path, file, encoder, **options):
    return OnnxEmbedder(model_path, onnx_dir(model_path) / file, name="multilingual-e5-small", encoder=encoder,
                        **options)


def test_onnx_float32_is_the_torch_model(model_path, passages, reference):
    embedder = _onnx(model_path, FP32_FILE, "onnx-fp32")
    p, q = embedder.encode_passages(passages), embedder.encode_queries(QUESTIONS)
    assert (p * reference[0]).sum(1).min() >= 0.9999
    assert (q * reference[1]).sum(1).min() >= 0.9999


def test_onnx_int8_stays_within_cosine_099(model_path, passages, reference):
    embedder = _onnx(model_path, INT8_FILE, "onnx-int8")
    p, q = embedder.encode_passages(passages), embedder.encode_queries(QUESTIONS)
    cos = (p * reference[0]).sum(1)
    assert cos.min() >= 0.99 and np.median(cos) >= 0.997
    assert (q * reference[1]).sum(1).min() >= 0.99


def test_only_the_question_session_spins_and_it_stops_after_each_run(model_path, passages):
    folder = onnx_dir(model_path)
    embedder = _onnx(model_path, INT8_FILE, "onnx-int8", question_graph=folder / QUESTION_INT8_FILE)
    embedder.encode_passages(passages[:1])
    sessions = {kind: s.get_session_options() for kind, s in embedder._loaded.items()}
    spin = {kind: (o.get_session_config_entry("session.intra_op.allow_spinning"),
                   o.get_session_config_entry("session.force_spinning_stop")) for kind, o in sessions.items()}
    assert spin == {"query": ("1", "1"), "passage": ("0", "0")}


def test_passage_runs_side_by_side_give_the_vectors_of_runs_one_after_another(model_path, passages):
    questions = onnx_dir(model_path) / QUESTION_INT8_FILE  # passages have a graph of their own, as in `auto`
    side_by_side = _onnx(model_path, INT8_FILE, "onnx-int8", threads=2, question_graph=questions)
    in_turn = _onnx(model_path, INT8_FILE, "onnx-int8", threads=1, question_graph=questions)
    assert side_by_side._runs_at_once("passage") == 1  # nothing loaded for passages yet
    together = side_by_side.encode_passages(passages)
    assert side_by_side._runs_at_once("passage") == 2 and in_turn._runs_at_once("passage") == 1
    assert np.array_equal(together, in_turn.encode_passages(passages))
    assert side_by_side._loaded["passage"].get_session_options().intra_op_num_threads == 1


def test_one_graph_for_both_kinds_still_runs_passages_side_by_side(model_path, passages):
    """The float32 graph serves questions on every core and passages on one core a run."""
    both = _onnx(model_path, FP32_FILE, "onnx-fp32", threads=2)
    together = both.encode_passages(passages)
    assert both._runs_at_once("passage") == 2
    options = {kind: s.get_session_options().intra_op_num_threads for kind, s in both._loaded.items()}
    assert options == {"query": 2, "passage": 1}
    in_turn = _onnx(model_path, FP32_FILE, "onnx-fp32", threads=1)
    assert (together * in_turn.encode_passages(passages)).sum(1).min() >= 0.99999


def _op_types(path):
    import onnx

    return {n.op_type for n in onnx.load(str(path), load_external_data=False).graph.node}


def _optimised_op_types(path, tmp_path, disabled):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.optimized_model_filepath = str(tmp_path / "optimised.onnx")
    ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"], disabled_optimizers=disabled)
    return _op_types(options.optimized_model_filepath)


def test_layer_normalisation_and_gelu_stay_unfused_in_the_files_and_the_sessions(model_path, tmp_path):
    """ONNX Runtime's fused SkipLayerNormalization and BiasGelu kernels are the slow ones."""
    fused = {"SkipLayerNormalization", "BiasGelu"}
    for file in (FP32_FILE, INT8_FILE, QUESTION_INT8_FILE):
        assert not _op_types(onnx_dir(model_path) / file) & fused
    float32 = onnx_dir(model_path) / FP32_FILE  # where a session would fuse both
    assert not _optimised_op_types(float32, tmp_path, list(UNFUSED)) & fused
    assert _optimised_op_types(float32, tmp_path, []) >= fused  # the names in UNFUSED are what stops it


@pytest.fixture(scope="module")
def openvino_int8(model_path):
    return load_embedder(model_path, name="multilingual-e5-small", encoder="openvino-int8")


def test_openvino_int8_passages_stay_as_close_to_float32_as_onnx_int8s(openvino_int8, model_path, passages, reference):
    # Passages on OpenVINO's IR; questions on ONNX Runtime's int8 question graph (docs/encoders.md).
    # How close int8 comes to float32 depends on the CPU's int8 kernels (min 0.9992 on an Intel Xeon,
    # 0.9948 on an AMD EPYC reporting family 25 model 1): the bound is ONNX Runtime int8's, and the
    # typical passage must be as close as ONNX Runtime's on this CPU.
    assert openvino_int8.encoder == "onnx-int8+openvino-int8" and openvino_int8._passages is None
    p = openvino_int8.encode_passages(passages)
    assert isinstance(openvino_int8._passages, OpenVinoEmbedder)
    cos = (p * reference[0]).sum(1)
    assert cos.min() >= 0.99 and np.median(cos) >= 0.997
    onnx_int8 = (_onnx(model_path, INT8_FILE, "onnx-int8").encode_passages(passages) * reference[0]).sum(1)
    assert np.median(cos) >= np.median(onnx_int8) - 0.0005
    q = openvino_int8.encode_queries(QUESTIONS)
    np.testing.assert_array_equal(q, load_embedder(model_path, name="m", encoder="onnx-int8").encode_queries(QUESTIONS))


def test_openvino_padding_to_a_length_step_is_hidden_by_the_mask(openvino_int8, passages):
    # Runs are padded to a multiple of 16 tokens so OpenVINO meets few input shapes; the vectors
    # must be those of the exact lengths.
    runner = openvino_int8._passage_embedder()
    assert runner.length_step == 16
    padded = runner.encode_passages(passages[:12])
    try:
        runner.length_step = 1
        exact = runner.encode_passages(passages[:12])
    finally:
        runner.length_step = 16
    assert (padded * exact).sum(1).min() >= 0.9995


def test_sorting_by_length_keeps_each_vector_in_its_row(model_path, passages):
    embedder = _onnx(model_path, FP32_FILE, "onnx-fp32", batch_size=4)
    mixed = passages[:12]
    together = embedder.encode_passages(mixed)
    alone = np.vstack([embedder.encode_passages([t]) for t in mixed])
    assert (together * alone).sum(1).min() >= 0.9999


@pytest.mark.parametrize("encoder", ["onnx-int8", "openvino-int8"])
def test_an_int8_passage_vector_depends_on_its_own_text_only(model_path, passages, encoder):
    # Dynamic int8 scales activations per batch; passages run one at a time by default, so the
    # shipped vectors and a fresh ingest agree whatever a passage was sent with.
    embedder = load_embedder(model_path, name="multilingual-e5-small", encoder=encoder)
    mixed = passages[:12]
    together = embedder.encode_passages(mixed)
    alone = np.vstack([embedder.encode_passages([t]) for t in mixed])
    np.testing.assert_array_equal(together, alone)


def test_auto_picks_by_cpu_and_export():
    vnni, intel, amd = frozenset({"avx512f", "avx512_vnni"}), "GenuineIntel", "AuthenticAMD"
    assert choose_encoder("auto", onnx_ready=True, flags=vnni, vendor=intel).encoder == "onnx-int8"
    # float32 on AMD: fast enough there, and int8 costs XQuAD hi→en (docs/encoders.md).
    assert choose_encoder("auto", onnx_ready=True, flags=vnni, vendor=amd).encoder == "onnx-fp32"
    # OpenVINO's IR only on request: its passages lost XQuAD hi→en (docs/encoders.md).
    assert choose_encoder("auto", onnx_ready=True, openvino_ready=True, flags=vnni, vendor=intel).encoder == "onnx-int8"
    amx = vnni | {"amx_tile", "amx_int8", "amx_bf16"}
    # With AMX, questions in OpenVINO's bf16 wherever its runtime is installed (the IR is not needed).
    assert choose_encoder("auto", onnx_ready=True, flags=amx, vendor=intel,
                          openvino_installed=True).encoder == "openvino-bf16+torch-bf16"
    assert choose_encoder("auto", onnx_ready=True, openvino_ready=True, flags=amx,
                          openvino_installed=False).encoder == "onnx-fp32+torch-bf16"
    no_vnni = frozenset({"avx2", "fma"})
    for vendor in (intel, amd, ""):
        assert choose_encoder("auto", onnx_ready=True, openvino_ready=True, flags=no_vnni,
                              vendor=vendor).encoder == "onnx-fp32"
    assert choose_encoder("auto", onnx_ready=False, flags=vnni).encoder == "torch"
    assert choose_encoder("onnx-fp32", onnx_ready=True, flags=vnni).encoder == "onnx-fp32"
    assert choose_encoder("torch", onnx_ready=True, flags=vnni).encoder == "torch"
    with pytest.raises(EncoderUnavailableError, match="model prepare"):
        choose_encoder("onnx-int8", onnx_ready=False)
    for onnx_ready, openvino_ready in ((True, False), (False, True)):
        with pytest.raises(EncoderUnavailableError, match="OpenVINO"):
            choose_encoder("openvino-int8", onnx_ready=onnx_ready, openvino_ready=openvino_ready)
    assert choose_encoder("openvino-int8", onnx_ready=True, openvino_ready=True, flags=amx).encoder == OPENVINO_SPLIT
    with pytest.raises(ValueError, match="unknown encoder"):
        choose_encoder("gpu", onnx_ready=True)


def test_the_service_runs_the_auto_choice(embedder):
    assert embedder.encoder == choose_encoder("auto", onnx_ready=True, openvino_ready=True).encoder


def test_split_path_encodes_questions_in_bf16_and_passages_in_torch_bf16(model_path, passages, reference, amx_cpu):
    """What `auto` loads on an AMX CPU: the float32 graph for questions, run by OpenVINO in bf16
    (within a cosine of 0.9999 of torch float32's vectors), torch with bf16 autocast for passages,
    loaded on the first passage."""
    import index.encoders as encoders

    split = load_embedder(model_path, name="multilingual-e5-small", encoder="auto")
    assert split.encoder == encoders.AMX_SPLIT == "openvino-bf16+torch-bf16" and split._passages is None
    assert split.questions.precision == "bf16"
    questions = split.encode_queries(QUESTIONS)
    assert (questions * reference[1]).sum(1).min() >= 0.9999
    got = split.encode_passages(passages[:8])
    assert split._passages.encoder == "torch-bf16"
    assert got.shape == reference[0][:8].shape and (got * reference[0][:8]).sum(1).min() >= 0.99
    assert split.run_beside_queries(lambda: 7) == 7
    # bf16 turned off: both in int8, as on a VNNI CPU without AMX
    assert load_embedder(model_path, name="m", encoder="auto", bf16=False).encoder == "onnx-int8"


def test_another_model_runs_in_torch(model_path):
    # A model that `model prepare` does not export (VIGYAPTI_MODEL) is never sent to ONNX.
    embedder = load_embedder(model_path, name="other", encoder="auto", onnx=False)
    assert embedder.encoder in ("torch-fp32", "torch-bf16")
    for encoder in ("onnx-int8", "openvino-int8"):
        with pytest.raises(EncoderUnavailableError):
            load_embedder(model_path, name="other", encoder=encoder, onnx=False)


@pytest.mark.parametrize("built", [(onnx_dir, is_ready), (openvino_export.openvino_dir, openvino_export.is_ready)],
                         ids=["onnx", "openvino"])
def test_export_is_used_only_for_the_folder_it_was_built_from(model_path, tmp_path, built):
    place, ready = built
    # A copy of the model folder's small files and the export's stamp, with the graphs linked.
    folder = tmp_path / "m"
    folder.mkdir()
    for f in model_path.iterdir():
        if f.is_file() and f.suffix == ".json":
            shutil.copy(f, folder / f.name)
    exported = place(folder)
    exported.mkdir()
    for f in place(model_path).iterdir():
        (exported / f.name).symlink_to(f) if f.suffix != ".json" else shutil.copy(f, exported / f.name)
    assert ready(folder)
    stamp = folder / "vigyapti-e5model.json"
    stamp.write_text(json.dumps({**json.loads(stamp.read_text()), "source_sha256": "another model"}))
    assert not ready(folder)


def test_folder_with_other_modules_is_refused(model_path, tmp_path):
    for f in ("config_sentence_transformers.json", "tokenizer_config.json", "config.json"):
        shutil.copy(model_path / f, tmp_path / f)
    shutil.copytree(model_path / "1_Pooling", tmp_path / "1_Pooling")
    modules = json.loads((model_path / "modules.json").read_text())
    assert FolderLayout(model_path).pooling == "mean"
    modules.append({"idx": 3, "name": "3", "path": "3_Dense", "type": "sentence_transformers.models.Dense"})
    (tmp_path / "modules.json").write_text(json.dumps(modules))
    with pytest.raises(UnsupportedModelError, match="Dense"):
        FolderLayout(tmp_path)
