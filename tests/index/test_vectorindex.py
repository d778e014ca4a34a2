import faiss
import numpy as np

from index.vectorindex import LanguageShards

DIM = 16


def unit_rows(n: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def sample() -> tuple[LanguageShards, np.ndarray, list[str], np.ndarray]:
    ids = np.arange(100, 160, dtype=np.int64)
    langs = ["hi" if i % 3 == 0 else "en" for i in range(len(ids))]
    vectors = unit_rows(len(ids), 1)
    return LanguageShards.build(DIM, ids, langs, vectors), ids, langs, vectors


def brute_force(q, ids, vectors, keep, k):
    scores = vectors.astype(np.float16).astype(np.float32) @ q  # the shards hold half precision
    order = [i for i in np.argsort(-scores) if keep[i]][:k]
    return [int(ids[i]) for i in order]


def test_half_precision_cosines_stay_within_1e4_of_float32():
    dim = 384  # the model's: the finer the spread over dimensions, the smaller the rounding error
    v = np.random.default_rng(6).normal(size=(2000, dim)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    shards = LanguageShards.build(dim, np.arange(2000), ["en"] * 2000, v)
    q = v[0] + 0.5 * v[1]
    q /= np.linalg.norm(q)
    exact = v @ q
    got = shards.search(q, 2000)
    assert got[0][0] == 0 and len(got) == 2000
    assert max(abs(score - exact[pid]) for pid, score in got) < 1e-4


def test_each_language_is_searched_exactly_and_all_together():
    shards, ids, langs, vectors = sample()
    q = unit_rows(1, 2)[0]
    for lang in ("hi", "en"):
        got = shards.search(q, 7, lang=lang)
        assert [i for i, _ in got] == brute_force(q, ids, vectors, [x == lang for x in langs], 7)
        assert all(b <= a for (_, a), (_, b) in zip(got, got[1:]))
    assert [i for i, _ in shards.search(q, 10)] == brute_force(q, ids, vectors, [True] * len(ids), 10)
    assert shards.search(q, 5, lang="ta") == []
    assert shards.languages() == ["en", "hi"] and shards.ntotal == len(ids)


def test_a_selector_narrows_within_the_shard():
    shards, ids, langs, vectors = sample()
    q = unit_rows(1, 3)[0]
    allowed = np.asarray([i for i, lang in zip(ids, langs) if lang == "en"][::2], dtype=np.int64)
    got = shards.search(q, 5, lang="en", selector=faiss.IDSelectorBatch(allowed))
    assert [i for i, _ in got] == brute_force(q, ids, vectors, [i in set(allowed.tolist()) for i in ids], 5)


def test_changes_make_new_shards_and_leave_the_old_ones_whole():
    shards, ids, langs, vectors = sample()
    new_vec = unit_rows(1, 4)
    changed = shards.changed([int(ids[0]), int(ids[1])], [999], ["ta"], new_vec)
    assert shards.ntotal == len(ids) and int(ids[0]) in shards.ids()  # a search holding the old object is unaffected
    assert changed.ntotal == len(ids) - 1
    assert int(ids[0]) not in changed.ids() and 999 in changed.ids()
    assert changed.languages() == ["en", "hi", "ta"]
    assert changed.search(new_vec[0], 1, lang="ta")[0][0] == 999
    np.testing.assert_allclose(changed.vector(999), new_vec[0], atol=1e-3)


def test_saved_shards_load_back_and_a_broken_file_is_none(tmp_path):
    shards, ids, _, vectors = sample()
    path = tmp_path / "v.faiss"
    shards.save(path)
    loaded = LanguageShards.load(path, DIM)
    assert loaded is not None and loaded.ids().tolist() == ids.tolist()
    for pid, v in zip(ids[:5], vectors[:5]):
        np.testing.assert_allclose(loaded.vector(pid), v, atol=1e-3)
    assert LanguageShards.load(path, DIM + 1) is None  # another model's dimension
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # truncated by a crash
    assert LanguageShards.load(path, DIM) is None
    assert LanguageShards.load(tmp_path / "missing", DIM) is None


def test_shards_of_another_layout_are_not_loaded(tmp_path):
    flat = faiss.IndexIDMap2(faiss.IndexFlatIP(DIM))  # what an older version saved
    flat.add_with_ids(unit_rows(3, 7), np.arange(3, dtype=np.int64))
    LanguageShards(DIM, {"en": flat}).save(tmp_path / "old.faiss")
    assert LanguageShards.load(tmp_path / "old.faiss", DIM) is None
