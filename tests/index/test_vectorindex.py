import faiss
import numpy as np
import pytest

from index.vectorindex import Base, LanguageShards, load_index, new_approximate, save_index

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


def approximate_sample(n: int = 4000):
    """A base over `n` vectors in 40 tight clusters (near-duplicates, as in the archive)."""
    rng = np.random.default_rng(11)
    centres = unit_rows(40, 12)
    v = centres[rng.integers(0, 40, n)] + 0.15 * rng.normal(size=(n, DIM)).astype(np.float32) / np.sqrt(DIM)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    ids = np.arange(1, n + 1, dtype=np.int64)
    index = new_approximate(DIM, v[:2000], n)
    index.add_with_ids(v, ids)
    return Base.of(index), ids, v


def test_an_approximate_base_with_tombstones_and_delta_answers_like_exact_search():
    base, ids, v = approximate_sample()
    shards = LanguageShards(DIM, bases={"en": base})
    assert shards.approximate("en") and not shards.approximate("hi")
    exact = lambda found: v[np.asarray(found) - 1]  # noqa: E731 - the stored vectors, by id
    new = unit_rows(3, 13)
    changed = shards.changed([1, 2, 3], [9001, 9002, 9003], ["en"] * 3, new)
    assert changed.ntotal == len(ids) and changed.delta_size == 3 and shards.delta_size == 0
    assert changed.bases["en"] is base  # a write copies the delta, never the base
    assert 1 not in changed.ids() and 9001 in changed.ids() and 1 in shards.ids()
    allv = np.vstack([v, new])
    allids = np.concatenate([ids, [9001, 9002, 9003]])
    keep = ~np.isin(allids, [1, 2, 3])
    hits = 0
    for qi in range(50):
        q = v[qi * 37] if qi % 5 else new[qi % 3]
        truth = set(brute_force(q, allids, allv, keep, 10))
        got = changed.search(q, 10, exact=lambda found: allv[np.searchsorted(allids, found)])
        assert not {1, 2, 3} & {i for i, _ in got}
        hits += len(truth & {i for i, _ in got})
    assert hits / 500 >= 0.9
    assert shards.search(v[0], 1, exact=exact)[0][0] == 1
    np.testing.assert_allclose(changed.vector(9001), new[0], atol=1e-3)
    with pytest.raises(KeyError):
        changed.vector(1)


def test_saved_bases_load_back_mapped_and_a_broken_file_is_none(tmp_path):
    base, ids, v = approximate_sample()
    path = tmp_path / "base.faiss"
    save_index(base.index, path)
    loaded = load_index(path, DIM)
    assert loaded is not None and Base.of(loaded).ids.tolist() == ids.tolist()
    q = v[5]
    assert LanguageShards(DIM, bases={"en": Base.of(loaded)}).search(q, 3) == \
        LanguageShards(DIM, bases={"en": base}).search(q, 3)
    assert load_index(path, DIM + 1) is None  # another model's dimension
    del loaded  # unmapped first: truncating a file this process maps is a SIGBUS (a crash renames, never truncates)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # truncated by a crash
    assert load_index(path, DIM) is None
    assert load_index(tmp_path / "missing", DIM) is None
    exact, _, _, _ = sample()
    save_index(exact._delta["en"], tmp_path / "exact.faiss")
    assert load_index(tmp_path / "exact.faiss", DIM).ntotal == 40


def test_indexes_of_another_layout_are_not_loaded(tmp_path):
    flat = faiss.IndexIDMap2(faiss.IndexFlatIP(DIM))  # what an older version saved
    flat.add_with_ids(unit_rows(3, 7), np.arange(3, dtype=np.int64))
    faiss.write_index(flat, str(tmp_path / "old.faiss"))
    assert load_index(tmp_path / "old.faiss", DIM) is None


def test_rows_go_to_the_list_faiss_itself_would_choose():
    from index.vectorindex import add_to_lists

    _, ids, v = approximate_sample()
    index = new_approximate(DIM, v[:2000], len(v))
    add_to_lists(index, v, ids)
    ivf = faiss.extract_index_ivf(index)
    _, chosen = ivf.quantizer.search(v, 1)
    held = {}
    for lst in range(ivf.nlist):
        n = ivf.invlists.list_size(lst)
        for pid in faiss.rev_swig_ptr(ivf.invlists.get_ids(lst), n):
            held[int(pid)] = lst
    assert len(held) == len(ids)
    centroids = ivf.quantizer.reconstruct_n(0, ivf.nlist)
    for pid, lst in held.items():  # the same list, or one exactly as near (a tie)
        row = v[pid - 1]
        assert lst == chosen[pid - 1, 0] or abs(row @ centroids[lst] - row @ centroids[chosen[pid - 1, 0]]) < 1e-5
