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
