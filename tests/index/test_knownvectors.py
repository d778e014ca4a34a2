"""The bundled corpus's shipped vectors: current for the ONNX passage paths `auto` picks (onnx-int8 on
Intel without AMX, onnx-fp32 on AMD; the float32 file stands in for torch bf16 on AMX), equal to a
fresh encoding, and used only when every part of their stamp is the running encoder's or the one it
stands in for."""
import dataclasses
import logging

import numpy as np
import pytest

from corpus import Release
from index.encoders import load_embedder
from index.knownvectors import SHIPPED_ENCODERS, KnownVectors, VectorsStamp, bundled_vectors_file
from index.pipeline import Indexer, bundle_vectors, open_store, passage_input, shipped_vectors
from index.segment import PassageSettings, Segmenter, passages_of


@pytest.fixture(scope="module")
def int8(model_path):
    return load_embedder(model_path, name="multilingual-e5-small", encoder="onnx-int8")


@pytest.fixture(scope="module", params=SHIPPED_ENCODERS)
def shipped_path(request, model_path):
    return load_embedder(model_path, name="multilingual-e5-small", encoder=request.param)


@pytest.fixture(scope="module")
def bundled_releases():
    from corpus.readers import bundled_corpus_dir, read_paths

    return list(read_paths([bundled_corpus_dir()], langs={"hi", "en"}))


def _texts(releases):
    seg = Segmenter()
    return [passage_input(r.title, p.text) for r in releases for p in passages_of(r.release_id, r.lang, r.text, seg)]


def test_each_shipped_file_is_stamped_for_its_path_of_the_prepared_model(shipped_path):
    # Fails when the model, the int8 recipe, onnxruntime or the passage settings change and
    # `vigyapti model bundle-vectors --encoder ...` was not run again.
    path = bundled_vectors_file(shipped_path.encoder)
    stamp = VectorsStamp.of(shipped_path.passage_identity, PassageSettings(), shipped_path.dim)
    assert KnownVectors.read_stamp(path) == stamp
    assert path.stat().st_size < 12_000_000


def test_shipped_vectors_are_what_each_path_encodes_now(shipped_path, bundled_releases):
    floor = FLOOR[shipped_path.encoder]
    known = shipped_vectors(shipped_path).known()  # of the shipped files, the one for this path
    assert known is not None and len(known) > 10_000
    # Batches as the indexer sends them: the first one, and one from the middle of the corpus.
    for start in (0, len(bundled_releases) // 2 // 16 * 16):
        texts = _texts(bundled_releases[start:start + 16])
        shipped = known.lookup(texts)
        assert len(shipped) == len(texts)
        fresh = shipped_path.encode_passages(texts)
        cos = np.array([fresh[i] @ v for i, v in shipped.items()])
        assert cos.min() >= floor, cos.min()


# float32 is the same on every CPU; int8's kernels are the CPU's (an AMD EPYC reporting family 25
# model 1 gives cosine 0.9963 at worst to the int8 vectors shipped from another CPU: docs/encoders.md).
# A stale file (another model, graph or recipe) is caught by its stamp, above, before any cosine.
FLOOR = {"onnx-fp32": 0.999, "onnx-int8": 0.995}


def test_vectors_of_another_encoder_or_settings_are_not_used(int8, model_path, tmp_path, caplog):
    texts = ["passage: one", "passage: two"]
    stamp = VectorsStamp.of(int8.passage_identity, PassageSettings(), int8.dim)
    path = tmp_path / "v.npz"
    KnownVectors.encode(stamp, texts, np.eye(2, int8.dim, dtype=np.float16)).save(path)
    assert KnownVectors.load(path, stamp) is not None
    fp32 = load_embedder(model_path, name="multilingual-e5-small", encoder="onnx-fp32")
    caplog.set_level(logging.INFO, logger="vigyapti")
    assert shipped_vectors(fp32, path=path).known() is None
    assert "another encoder" in caplog.text
    other_windows = dataclasses.replace(PassageSettings(), max_sentences=3)
    assert shipped_vectors(int8, other_windows, path=path).known() is None
    torch = load_embedder(model_path, name="multilingual-e5-small", encoder="torch")
    assert torch.passage_identity is None and shipped_vectors(torch, path=path).known() is None


def test_the_amx_path_takes_the_float32_file_and_never_stamps_its_own(model_path, bundled_releases, amx_cpu,
                                                                     tmp_path):
    """On an AMX CPU passages run in torch bf16, which agree with the float32 graph's to within the
    file's float16: a first start there reuses the float32 file instead of encoding the corpus, and
    bundle-vectors still refuses to stamp bf16 vectors as float32 ones."""
    import index.encoders as encoders

    split = load_embedder(model_path, name="multilingual-e5-small", encoder="auto")
    assert split.encoder == encoders.AMX_SPLIT and split.passage_identity is None
    known = shipped_vectors(split).known()
    fp32 = load_embedder(model_path, name="multilingual-e5-small", encoder="onnx-fp32")
    assert known is not None and known.stamp == VectorsStamp.of(fp32.passage_identity, PassageSettings(), fp32.dim)
    texts = _texts(bundled_releases[:2])
    shipped = known.lookup(texts)
    assert len(shipped) == len(texts)
    fresh = split.encode_passages(texts)
    assert min(fresh[i] @ v for i, v in shipped.items()) >= FLOOR["onnx-fp32"]
    with pytest.raises(ValueError):
        bundle_vectors(bundled_releases[:1], split, tmp_path / "v.npz")


def test_a_broken_file_is_ignored_not_fatal(int8, tmp_path):
    path = tmp_path / "v.npz"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    source = shipped_vectors(int8, path=path)
    assert source.known() is None
    calls = []
    out = source.vectors(["passage text"], lambda t: calls.append(t) or np.ones((len(t), int8.dim), np.float32))
    assert calls == [["passage text"]] and out.shape == (1, int8.dim)


def test_ingest_reuses_shipped_vectors_and_encodes_new_releases(int8, bundled_releases, tmp_path):
    releases = bundled_releases[:16]
    path = tmp_path / "v.npz"
    bundle_vectors(releases, int8, path)
    store = open_store(tmp_path / "index", int8)
    new = Release(release_id="9990001", lang="en", title="A release after the shipped vectors",
                  text="The ministry said 4,200 new wells were dug in 2025. Work goes on.")
    try:
        report = Indexer(store, int8, vectors=shipped_vectors(int8, path=path)).run([*releases, new])
        assert report.reused_vectors == report.passages - 1  # all but the new release's one passage
        ids = store.passage_ids()
        stored = store.vectors(list(ids))
        # One call for all of them: dynamic int8 scales activations per batch, so a vector depends
        # slightly on its batch (docs/encoders.md).
        expected = int8.encode_passages(_texts(releases) + _texts([new]))
        assert (stored * expected).sum(1).min() >= 0.995
    finally:
        store.close()


def test_vectors_saved_as_int8_read_back_within_a_cosine_of_1e_4(int8, tmp_path):
    rng = np.random.default_rng(0)
    v = rng.normal(size=(50, int8.dim)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    stamp = VectorsStamp.of(int8.passage_identity, PassageSettings(), int8.dim)
    texts = [f"passage {i}" for i in range(50)]
    KnownVectors.encode(stamp, texts, v.astype(np.float16)).save(tmp_path / "v.npz", int8=True)
    back = KnownVectors.load(tmp_path / "v.npz", stamp).lookup(texts)
    assert min(float(back[i] @ v[i]) for i in range(50)) > 0.9999
    assert (tmp_path / "v.npz").stat().st_size < 50 * int8.dim * 1.2


def test_a_bundle_reusing_the_file_it_replaces_encodes_only_the_texts_it_lacks(int8, bundled_releases, tmp_path):
    releases = bundled_releases[:3]
    texts = _texts(releases)
    stamp = VectorsStamp.of(int8.passage_identity, PassageSettings(), int8.dim)
    path = tmp_path / "v.npz"
    # Marker vectors no encoding would give: a text taken from the file keeps its marker.
    markers = np.eye(len(texts), int8.dim, dtype=np.float16)
    KnownVectors.encode(stamp, texts, markers).save(path)
    edited = dataclasses.replace(releases[0], text=releases[0].text + " One sentence more, 42 words.")
    known = bundle_vectors([edited, *releases[1:]], int8, path, reuse=path)
    new_texts = _texts([edited, *releases[1:]])
    kept = known.lookup(new_texts)
    assert len(kept) == len(new_texts)
    reused = [i for i, t in enumerate(new_texts) if t in texts]
    assert reused and all(np.argmax(kept[i]) == texts.index(new_texts[i]) for i in reused)
    fresh = [i for i, t in enumerate(new_texts) if t not in texts]
    assert fresh and all(float(kept[i] @ int8.encode_passages([new_texts[i]])[0]) > 0.99 for i in fresh)
