"""Reading an index's releases again (index/refresh.py): an index stored by older readers gets this
version's passages and figures, keeps its vectors, and a second reading changes nothing."""
import dataclasses

import numpy as np
import pytest

from index.pipeline import Indexer, ReleaseReader, open_store, passage_input
from index.records import ReleaseEntry
from index.refresh import ReadersState, Refresher, StoredVectors


@pytest.fixture
def releases(corpus_slice):
    by_key = {(r.release_id, r.lang): r for r in corpus_slice}
    return [by_key[("2184082", "hi")], by_key[("1628922", "en")], by_key[("1620635", "en")]]


def _store_as_older_readers_did(store, embedder, releases, *, stale):
    """Each release with this version's passages, and figures as a reader that found none wrote
    them for the `stale` ones: what an index built before a figure fix holds."""
    indexer = Indexer(store, embedder)
    entries = []
    for release in releases:
        _, passages = indexer.prepare(release)
        vectors = embedder.encode_passages([passage_input(release.title, p.text) for p in passages])
        if release.release_id in stale:
            passages = [dataclasses.replace(p, figures=[]) for p in passages]
        entries.append(ReleaseEntry(release, passages, vectors))
    store.upsert(entries)
    store.set_readers_version(None)  # an index from before the readers' version was kept
    return indexer


def _stored(store):
    out = {}
    for release_id, lang in store.release_keys():
        [detail] = store.release_detail(release_id, lang)
        vectors = store.vectors([p.passage_id for p in detail.passages])
        out[(release_id, lang)] = [(p.text, p.figures, v.tobytes(), p.passage_id) for p, v in zip(detail.passages, vectors)]
    return out


def test_a_release_stored_by_older_readers_gets_this_versions_figures_and_keeps_its_vectors(tmp_path, embedder, releases):
    store = open_store(tmp_path / "index", embedder)
    indexer = _store_as_older_readers_did(store, embedder, releases, stale={"2184082", "1628922"})
    before = _stored(store)

    dry = Refresher(store, indexer).run(dry_run=True)
    assert (dry.releases, dry.changed, dry.passages) == (3, 2, 0)
    assert _stored(store) == before  # a dry run writes nothing
    assert ReadersState.of(store) == ReadersState(None)

    report = Refresher(store, indexer).run(batch_size=2)
    assert (report.releases, report.changed, report.encoded) == (3, 2, 0)
    assert ReadersState.of(store) == ReadersState(ReleaseReader.VERSION) and ReadersState.of(store).up_to_date
    after = _stored(store)
    assert report.passages == sum(len(after[k]) for k in after if k[0] != "1620635")
    for key, rows in after.items():
        fresh = indexer.prepare(store.release(*key))[1]
        assert [(text, figures) for text, figures, _, _ in rows] == [(p.text, p.figures) for p in fresh]
        assert [v for _, _, v, _ in rows] == [v for _, _, v, _ in before[key]]  # no model ran
    assert any(figures for _, figures, _, _ in after[("2184082", "hi")])
    assert [pid for *_, pid in after[("1620635", "en")]] == [pid for *_, pid in before[("1620635", "en")]]  # untouched

    again = Refresher(store, indexer).run()
    assert (again.releases, again.changed) == (3, 0)
    store.close()


def test_a_release_ingested_again_as_older_readers_stored_it_is_left_to_the_refresh(tmp_path, embedder, releases):
    """The index says its releases were read by older readers until a refresh has read them all: an
    ingest of one unchanged leaves it, and that mark, as they were; the refresh brings both."""
    store = open_store(tmp_path / "index", embedder)
    indexer = _store_as_older_readers_did(store, embedder, releases, stale={"2184082"})
    before = _stored(store)
    report = indexer.run([releases[0]])
    assert report.unchanged == 1 and report.passages == 0
    assert _stored(store) == before and not ReadersState.of(store).up_to_date
    assert Refresher(store, indexer).run().changed == 1
    assert ReadersState.of(store).up_to_date and any(figures for _, figures, _, _ in _stored(store)[releases[0].key])
    store.close()

def test_the_answer_comes_from_the_figures_read_again(tmp_path, embedder, releases):
    from index.search import HybridSearcher

    store = open_store(tmp_path / "index", embedder)
    indexer = _store_as_older_readers_did(store, embedder, releases, stale={"2184082"})
    question = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?"
    stale = HybridSearcher(store, embedder).run(question)
    assert stale.hits[0].release.release_id == "2184082"
    assert not stale.hits[0].passage.figures
    Refresher(store, indexer).run()
    fresh = HybridSearcher(store, embedder).run(question)
    assert fresh.answer is not None and any(f.value == 86000 for f in fresh.answer.figures)
    store.close()


def test_stored_vectors_encode_only_the_texts_they_do_not_hold(embedder):
    held = embedder.encode_passages(["a", "b"])
    source = StoredVectors(dim=embedder.dim)
    source.hold(["a", "b"], held)
    out = source.vectors(["b", "Gross GST revenue is ₹ 1,05,366 crore", "a"], embedder.encode_passages)
    assert source.encoded == 1
    assert out[0].tobytes() == held[1].tobytes() and out[2].tobytes() == held[0].tobytes()
    assert np.allclose(out[1], embedder.encode_passages(["Gross GST revenue is ₹ 1,05,366 crore"])[0], atol=1e-5)
    assert source.vectors([], embedder.encode_passages).shape == (0, embedder.dim)
    source.clear()
    source.vectors(["a"], embedder.encode_passages)
    assert source.encoded == 2  # let go after its batch
    source.hold(["blank"], np.zeros((1, embedder.dim), dtype=np.float32))  # a vector the store lacked
    assert np.linalg.norm(source.vectors(["blank"], embedder.encode_passages)[0]) > 0.99
    assert source.encoded == 3


def test_a_release_another_writer_replaced_meanwhile_is_left_as_that_writer_stored_it(tmp_path, embedder, releases):
    from index.refresh import RefreshReport

    store = open_store(tmp_path / "index", embedder)
    indexer = _store_as_older_readers_did(store, embedder, releases, stale={"2184082"})
    [detail] = store.release_detail("2184082", "hi")
    release, passages = indexer.prepare(detail.release)
    read = {("2184082", "hi"): [p.passage_id for p in detail.passages]}
    newer = dataclasses.replace(detail.release, text=detail.release.text + "\nएक नया वाक्य जोड़ा गया।")
    indexer.run([newer])  # the sync stores a newer version between the reading and the writing
    report = RefreshReport()
    source = StoredVectors(embedder.dim)
    Refresher(store, indexer)._replace([(release, passages)], read, source, report)
    assert report.superseded == 1 and report.passages == 0
    assert store.release("2184082", "hi").text == newer.text
    store.close()


def test_a_refresh_that_stops_part_way_leaves_the_index_marked_as_read_by_older_readers(tmp_path, embedder, releases,
                                                                                         monkeypatch):
    store = open_store(tmp_path / "index", embedder)
    indexer = _store_as_older_readers_did(store, embedder, releases, stale={"2184082", "1628922"})
    last = sorted(store.release_keys())[-1]
    read = indexer.reader.run

    def failing_on_the_last(release):
        if release.key == last:
            raise OSError("the disk went away")
        return read(release)

    monkeypatch.setattr(indexer.reader, "run", failing_on_the_last)
    with pytest.raises(OSError):
        Refresher(store, indexer).run(batch_size=1)
    assert store.readers_version() is None  # some releases are still as the older readers stored them
    monkeypatch.undo()
    assert last == ("2184082", "hi")  # stale, and read after the other stale release was replaced
    taken_up = Refresher(store, indexer).run()
    # taken up where it stopped: only the release it had not finished is read again
    assert taken_up.resumed_after == sorted(store.release_keys())[-2]
    assert (taken_up.releases, taken_up.changed) == (1, 1) and store.readers_version() == ReleaseReader.VERSION
    again = Refresher(store, indexer).run()  # a finished run leaves nothing to take up
    assert again.resumed_after is None and (again.releases, again.changed) == (3, 0)
    store.close()


def test_a_stopped_run_is_read_from_the_start_when_asked_or_when_other_readers_stopped_it(tmp_path, embedder,
                                                                                          releases):
    import json

    from index.refresh import PROGRESS

    store = open_store(tmp_path / "index", embedder)
    indexer = _store_as_older_readers_did(store, embedder, releases, stale={"2184082"})
    first = sorted(store.release_keys())[0]
    store.set_note(PROGRESS, json.dumps({"version": ReleaseReader.VERSION, "after": list(first)}))
    assert Refresher(store, indexer).run(from_start=True).releases == 3
    store.set_note(PROGRESS, json.dumps({"version": ReleaseReader.VERSION - 1, "after": list(first)}))
    assert Refresher(store, indexer).run().releases == 3  # an older version's reading is not this one's
    store.set_note(PROGRESS, "not ours")
    assert Refresher(store, indexer).run().releases == 3
    store.set_note(PROGRESS, json.dumps({"version": ReleaseReader.VERSION, "after": list(first)}))
    assert Refresher(store, indexer).run(dry_run=True).releases == 3  # a dry run counts every release
    assert store.note(PROGRESS) is not None  # and leaves a stopped run as it was
    store.close()


def test_the_readers_state_says_what_to_run():
    assert ReadersState(ReleaseReader.VERSION).up_to_date
    for older in (None, ReleaseReader.VERSION - 1):
        state = ReadersState(older)
        assert not state.up_to_date and "vigyapti refresh" in state.advice()
    assert "an unknown version" in ReadersState(None).advice()
