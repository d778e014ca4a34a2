"""The index round trip on disk: FAISS + SQLite, replace, delete, stamps and recovery."""
import dataclasses

import numpy as np
import pytest

from index.pipeline import Indexer, open_store
from index.search import HybridSearcher
from index.segment import PassageSettings
from index.store import IndexMismatchError, SearchFilters
from index.vectorcache import BASE_PREFIX


@pytest.fixture
def three(corpus_slice):
    by_id = {r.release_id: r for r in corpus_slice if r.lang == "hi"}
    return [by_id["2184082"], by_id["1628922"], by_id["1620635"]]


def test_round_trip_survives_reopen(tmp_path, embedder, three):
    store = open_store(tmp_path, embedder)
    report = Indexer(store, embedder).run(three)
    assert report.releases == 3 and report.passages == store.count_passages() > 3
    before = HybridSearcher(store, embedder).run("जेम पर विक्रेताओं की प्रोफाइल", top_k=3).hits
    store.close()

    reopened = open_store(tmp_path, embedder)
    assert reopened.count_passages() == report.passages
    assert reopened.count_releases() == {"hi": 3}
    after = HybridSearcher(reopened, embedder).run("जेम पर विक्रेताओं की प्रोफाइल", top_k=3).hits
    assert [h.passage.passage_id for h in after] == [h.passage.passage_id for h in before]
    assert after[0].release.release_id == "2184082"
    assert any(f.value == 86000 for f in after[0].passage.figures)
    reopened.close()


def test_ingesting_again_replaces(tmp_path, embedder, three):
    store = open_store(tmp_path, embedder)
    indexer = Indexer(store, embedder)
    indexer.run(three)
    n = store.count_passages()
    changed = dataclasses.replace(three[0], text="जेम पर अब 99,000 विक्रेता हैं।")
    report = indexer.run([changed, dataclasses.replace(three[1], source="elsewhere.jsonl")])
    assert (report.releases, report.replaced, report.unchanged) == (2, 1, 1)  # said, not silent
    assert store.count_releases() == {"hi": 3}
    assert store.release("2184082", "hi").text == changed.text
    ids = store.passage_ids()
    texts = [p.text for p in store.passages(list(ids)).values()]
    assert "जेम पर अब 99,000 विक्रेता हैं।" in texts
    assert not any("86,000" in t for t in texts)
    assert store.count_passages() < n
    assert store.delete("2184082") == 1
    assert not store.has_release("2184082", "hi")
    store.close()


def test_a_read_only_store_reads_and_checks_and_writes_nothing(tmp_path, embedder, three):
    import sqlite3

    from index.store import IndexStore

    store = open_store(tmp_path, embedder)
    Indexer(store, embedder).run(three[:2])
    assert store.compact()
    Indexer(store, embedder).run(three[2:])  # in the delta, above the saved base
    store.close()
    files = {f.name: f.stat().st_mtime_ns for f in tmp_path.iterdir() if not f.name.startswith("index.db-")}
    stamp = IndexStore.read_stamp(tmp_path)

    read_only = IndexStore(tmp_path, stamp, read_only=True)
    found = read_only.check()
    assert found.problems == [] and found.passages == found.vectors == {"hi": read_only.count_passages()}
    assert list(found.bases) == ["hi"]
    with pytest.raises(sqlite3.OperationalError, match="read-only"):
        read_only.delete("2184082")
    read_only.close()
    assert {f.name: f.stat().st_mtime_ns for f in tmp_path.iterdir() if not f.name.startswith("index.db-")} == files
    with pytest.raises(FileNotFoundError):
        IndexStore(tmp_path / "none", stamp, read_only=True)
    assert not (tmp_path / "none").exists()


def test_other_model_or_settings_is_a_clear_error(tmp_path, embedder, three):
    store = open_store(tmp_path, embedder)
    Indexer(store, embedder).run(three[:1])
    store.close()
    with pytest.raises(IndexMismatchError, match="vigyapti ingest --rebuild"):
        open_store(tmp_path, embedder, PassageSettings(max_chars=300))


def test_a_broken_base_file_is_replaced_by_the_vectors_in_sqlite(tmp_path, embedder, three):
    store = open_store(tmp_path, embedder)
    Indexer(store, embedder).run(three)
    n = store.count_passages()
    q = embedder.encode_queries(["EPFO KYC"])[0]
    expected = store.search(q, 5)
    assert store.compact()
    bases = sorted(tmp_path.glob(f"{BASE_PREFIX}*.faiss"))
    assert bases and store.vector_shards().delta_size == 0
    store.close()
    for base in bases:  # a disk error, or a hand that truncated it
        base.write_bytes(b"garbage")
    reopened = open_store(tmp_path, embedder)
    assert reopened.count_passages() == n
    got = reopened.search(q, 5)
    assert [i for i, _ in got] == [i for i, _ in expected]
    np.testing.assert_allclose([s for _, s in got], [s for _, s in expected], rtol=1e-5)
    reopened.close()


@pytest.fixture(scope="module")
def versions(embedder, corpus_slice):
    """Two versions of a few real releases (different passage counts), segmented and embedded once."""
    from index.pipeline import passage_input
    from index.store import ReleaseEntry

    indexer = Indexer(store=None, embedder=embedder)
    small = sorted((r for r in corpus_slice if r.lang == "hi"), key=lambda r: len(r.text))[:3]
    out = []
    for v in range(2):
        entries = []
        for r in small:
            lines = [s for s in r.text.split("\n") if s.strip()] or [r.text]
            release = dataclasses.replace(r, text="\n".join(lines[: max(1, len(lines) * (v + 1) // 2)]))
            _, passages = indexer.prepare(release)
            vectors = embedder.encode_passages([passage_input(release.title, p.text) for p in passages])
            entries.append(ReleaseEntry(release, passages, vectors))
        out.append(entries)
    return out


def test_a_search_sees_the_vectors_of_its_own_snapshot_while_writes_race(tmp_path, embedder, versions):
    """Replacing releases gives their passages new ids: a search whose FAISS side came from another
    state than its SQLite snapshot finds ids that snapshot does not hold, or misses ids it does."""
    import threading

    store = open_store(tmp_path, embedder)
    store.upsert(versions[0])
    q = embedder.encode_queries(["सरकार की योजना"])[0]
    stop = threading.Event()
    mismatches, searches, errors = [], [0], []

    def search_loop():
        try:
            while not stop.is_set():
                with store.snapshot():
                    found = {pid for pid, _ in store.search(q, 10_000)}
                    held = set(store.passage_ids().tolist())
                if found != held:
                    mismatches.append((len(found - held), len(held - found)))
                searches[0] += 1
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    readers = [threading.Thread(target=search_loop) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        for n in range(150):
            store.upsert(versions[n % 2])
    finally:
        stop.set()
        for t in readers:
            t.join()
    store.close()
    assert not errors, errors
    assert searches[0] > 50
    assert not mismatches, f"{len(mismatches)} of {searches[0]} searches mixed two states, e.g. {mismatches[:3]}"


def test_release_detail_and_passage_counts_come_from_one_snapshot(tmp_path, embedder, versions):
    store = open_store(tmp_path, embedder)
    store.upsert(versions[1])
    release = versions[1][0].release
    detail = store.release_detail(release.release_id)
    assert [d.release.lang for d in detail] == [release.lang]
    assert detail[0].release.text == release.text
    assert [p.text for p in detail[0].passages] == [p.text for p in versions[1][0].passages]
    assert detail[0].passages == sorted(detail[0].passages, key=lambda p: p.start)
    assert store.release_detail(release.release_id, "en") == []
    keys = [e.release.key for e in versions[1]] + [("no-such-release", "hi")]
    counts = store.passage_counts(keys)
    assert counts == {**{e.release.key: len(e.passages) for e in versions[1]}, ("no-such-release", "hi"): 0}
    store.close()


def test_compaction_into_an_approximate_base_keeps_answers_filters_and_deletes(tmp_path, embedder, corpus_slice,
                                                                             monkeypatch):
    """Past the size where a base is exhaustive, searches go through the inverted lists and re-score
    from the stored vectors: the same answers as the exhaustive index, deletions hidden by tombstones
    before the next compaction, filters kept."""
    import index.compaction

    store = open_store(tmp_path, embedder)
    Indexer(store, embedder).run(corpus_slice)
    questions = embedder.encode_queries(["EPFO KYC", "सरकार की योजना", "GeM sellers Madhya Pradesh", "किसान"])
    exact = [store.search(q, 10) for q in questions]
    monkeypatch.setattr(index.compaction, "EXACT_BELOW", 10)
    assert store.compact()
    shards = store.vector_shards()
    assert shards.approximate() and shards.delta_size == 0 and shards.ntotal == store.count_passages()
    found = [store.search(q, 10) for q in questions]
    overlap = sum(len({i for i, _ in a} & {i for i, _ in b}) for a, b in zip(exact, found)) / (10 * len(questions))
    assert overlap >= 0.9
    for a, b in zip(exact, found):  # re-scored: a passage found by both has the same cosine
        scores = dict(a)
        assert all(abs(scores[i] - s) < 1e-5 for i, s in b if i in scores)
    top = found[0][0][0]
    release = store.passages([top])[top]
    one = SearchFilters(release_id=release.release_id)
    got = store.search(questions[0], 5, filters=one)
    assert got[0][0] == top and {i for i, _ in got} <= set(store.filter_ids(one).tolist())
    store.delete(release.release_id, release.lang)
    after = store.search(questions[0], 10)
    assert top not in {i for i, _ in after} and len(after) == 10
    assert len(store.vector_shards().tombstones) > 0
    store.close()
    reopened = open_store(tmp_path, embedder)  # the tombstones are SQLite's: a new process sees them too
    assert [i for i, _ in reopened.search(questions[0], 10)] == [i for i, _ in after]
    assert reopened.compact() and len(reopened.vector_shards().tombstones) == 0
    assert [i for i, _ in reopened.search(questions[0], 10)] == [i for i, _ in after]
    reopened.close()


def _to_layout_before_the_vectors_table(path, float32_ids=()):
    """Turn an index into the layout written before passage_vectors (issue 12): the vectors in
    passages.vector, fp16, or float32 as indexes written before fp16 hold them."""
    import sqlite3

    con = sqlite3.connect(path / "index.db")
    with con:
        con.execute("ALTER TABLE passages ADD COLUMN vector BLOB NOT NULL DEFAULT x''")
        con.execute("UPDATE passages SET vector = (SELECT v.vector FROM passage_vectors v WHERE v.id = passages.id)")
        for pid in float32_ids:
            blob = con.execute("SELECT vector FROM passages WHERE id=?", (pid,)).fetchone()[0]
            wide = np.frombuffer(blob, dtype=np.float16).astype(np.float32).tobytes()
            con.execute("UPDATE passages SET vector=? WHERE id=?", (wide, pid))
        con.execute("DROP TABLE passage_vectors")
        con.execute("DELETE FROM meta WHERE key='vectors_table'")
    con.close()


def test_an_index_with_vectors_in_the_passages_table_moves_them_on_open_and_keeps_working(tmp_path, embedder, three):
    store = open_store(tmp_path, embedder)
    Indexer(store, embedder).run(three[:2])
    q = embedder.encode_queries(["जेम पर विक्रेताओं की प्रोफाइल"])[0]
    expected = store.search(q, 10)
    ids = [int(i) for i in store.passage_ids()]
    store.close()
    _to_layout_before_the_vectors_table(tmp_path, float32_ids=ids[:2])

    reopened = open_store(tmp_path, embedder)
    got = reopened.search(q, 10)
    assert [i for i, _ in got] == [i for i, _ in expected]
    np.testing.assert_allclose([s for _, s in got], [s for _, s in expected], rtol=1e-5)
    # later writes, deletes and a compaction work on the old table (its column left empty)
    Indexer(reopened, embedder).run(three[2:])
    assert reopened.count_releases() == {"hi": 3}
    assert reopened.compact()
    assert reopened.search(q, 1)[0][0] == expected[0][0]
    assert reopened.delete(three[0].release_id) == 1
    assert reopened.compact()
    left = set(int(i) for i in reopened.passage_ids())
    assert left == set(int(i) for i in reopened.vector_shards().ids())
    stored = reopened.vectors(sorted(left))
    np.testing.assert_allclose(np.linalg.norm(stored, axis=1), 1.0, atol=1e-2)  # none lost, none empty
    reopened.close()
    again = open_store(tmp_path, embedder)  # moved once: a second open copies nothing again
    assert again.count_passages() == len(left)
    assert again.vectors(sorted(left)).shape == (len(left), embedder.dim)
    again.close()


def test_a_process_on_a_moved_index_keeps_writing_after_a_rebuild_is_swapped_in(tmp_path, embedder, three):
    from index.store import swap_in_rebuilt

    live, staged = tmp_path / "live", tmp_path / "staged"
    store = open_store(live, embedder)
    Indexer(store, embedder).run(three[:1])
    store.close()
    _to_layout_before_the_vectors_table(live)
    server = open_store(live, embedder)  # moved on open; its passages keep the old column
    rebuilt = open_store(staged, embedder)  # a rebuild: written with passage_vectors only
    Indexer(rebuilt, embedder).run(three[1:2])
    rebuilt.close()
    swap_in_rebuilt(staged, live)
    Indexer(server, embedder).run(three[2:])
    assert server.count_releases() == {"hi": 2}
    assert {p.release_id for p in server.passages([int(i) for i in server.passage_ids()]).values()} == \
        {three[1].release_id, three[2].release_id}
    server.close()


def test_an_index_without_the_latin_terms_fills_them_from_its_vocabulary_on_open(tmp_path, embedder, corpus_slice):
    import sqlite3

    from index.database import DB_NAME, LATIN_TERMS_KEY
    from index.lexical import terms
    from index.loanwords import latin_spellings
    from index.names import skeleton

    english = [r for r in corpus_slice if r.lang == "en"][:3]
    store = open_store(tmp_path, embedder)
    Indexer(store, embedder).run(english)
    govern = terms("government")[0]  # as the keyword index stems it
    assert govern in store.latin_terms([skeleton(govern)])[skeleton(govern)]
    store.close()
    con = sqlite3.connect(tmp_path / DB_NAME)  # as written before the table was kept
    vocabulary = con.execute("SELECT term, doc FROM passages_vocab").fetchall()
    with con:
        con.execute("DROP TABLE latin_terms")
        con.execute("DELETE FROM meta WHERE key=?", (LATIN_TERMS_KEY,))
    con.close()

    reopened = open_store(tmp_path, embedder)
    expected = latin_spellings(vocabulary, max_passages=10**9)
    found = reopened.latin_terms(list(expected))
    assert set(expected) == set(found)
    assert all(term in found[key] for key, (term, _) in expected.items())
    reopened.close()
