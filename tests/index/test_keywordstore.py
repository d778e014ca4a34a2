"""The keyword side at archive size: common terms left out of the BM25 ranking, document
frequencies kept per generation (docs/scale.md)."""
from collections import Counter

import pytest

from index import keywordstore
from index.pipeline import Indexer, open_store


@pytest.fixture
def store(tmp_path, embedder, corpus_slice):
    by_id = {r.release_id: r for r in corpus_slice if r.lang == "hi"}
    store = open_store(tmp_path, embedder)
    Indexer(store, embedder).run([by_id["2184082"], by_id["1628922"], by_id["1620635"]])
    yield store
    store.close()


def _held(store) -> dict[int, frozenset[str]]:
    return store.passage_terms([int(i) for i in store.passage_ids()])


def test_document_frequencies_follow_each_write(store):
    held = _held(store)
    counts = Counter(t for ts in held.values() for t in ts)
    term = counts.most_common(1)[0][0]
    assert store.document_frequencies([term]) == {term: counts[term]}
    assert store.document_frequencies([term]) == {term: counts[term]}  # from the cache
    store.delete("2184082")
    after = Counter(t for ts in _held(store).values() for t in ts)
    assert after[term] < counts[term]
    assert store.document_frequencies([term]).get(term, 0) == after[term]
    assert store.document_frequencies(["कोईऐसाशब्दनहीं"]) == {}


def test_a_common_term_is_not_ranked_while_a_rarer_one_is_asked(store, monkeypatch):
    held = _held(store)
    counts = Counter(t for ts in held.values() for t in ts)
    common = counts.most_common(1)[0][0]
    rare = next(t for t, n in counts.items() if n == 1)
    asked = [common, rare]
    everything = {pid for pid, _ in store.keyword_search(asked, 50)}
    assert everything == {pid for pid, ts in held.items() if common in ts or rare in ts}

    monkeypatch.setattr(keywordstore, "COMMON_ROWS", counts[common] - 1)
    bounded = {pid for pid, _ in store.keyword_search(asked, 50)}
    assert bounded == {pid for pid, ts in held.items() if rare in ts}
    # every asked term common: the rarest is still ranked
    assert {pid for pid, _ in store.keyword_search([common], 50)} == {pid for pid, ts in held.items() if common in ts}


def test_rankable_terms_keep_the_rarest_when_all_are_common():
    df = {"a": 30, "b": 10, "c": 5}
    assert keywordstore.rankable_terms(["a", "b", "c"], df, common=10) == ["b", "c"]
    assert keywordstore.rankable_terms(["a", "b"], df, common=9) == ["b"]
    assert keywordstore.rankable_terms(["a", "zzz"], df, common=9) == ["zzz"]


def _segments(store) -> int:
    """FTS5's segments (its shadow table's, read for the test only)."""
    return store._reader().execute("SELECT COUNT(DISTINCT segid) FROM passages_fts_idx").fetchone()[0]


def test_a_large_run_leaves_one_keyword_segment_and_every_score_as_it_was(tmp_path, embedder, corpus_slice,
                                                                            monkeypatch):
    releases = [r for r in corpus_slice if r.lang == "hi"][:12]
    store = open_store(tmp_path, embedder)
    try:
        Indexer(store, embedder).run(releases, batch_size=1)  # a transaction, so a segment, a release
        assert _segments(store) == 1  # the run stored the whole index: laid out anew
        again = open_store(tmp_path / "again", embedder)
        try:
            monkeypatch.setattr(again, "optimize_keywords", lambda: None)  # as runs left an index before
            Indexer(again, embedder).run(releases, batch_size=1)
            assert _segments(again) > 1
            counts = Counter(t for ts in _held(again).values() for t in ts)
            asked = [t for t, _ in counts.most_common()[::7]][:12]
            before = again.keyword_search(asked, 50)
            monkeypatch.undo()
            indexer = Indexer(again, embedder)
            assert not indexer.settle(len(again.passage_ids()) // 20)  # a small run: left to FTS5's merging
            assert _segments(again) > 1
            assert indexer.settle(len(again.passage_ids()))
            assert _segments(again) == 1
            after = again.keyword_search(asked, 50)
            assert after == before  # the same passages, order and BM25 scores, to the last bit
            assert after == store.keyword_search(asked, 50)
        finally:
            again.close()
    finally:
        store.close()
