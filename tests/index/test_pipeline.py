"""What reads a release (index/pipeline.py): its version follows what it reads, and an index opened
empty is marked as read by it."""
import hashlib
import json
from pathlib import Path

from corpus.readers import bundled_corpus_dir, read_paths
from index.pipeline import ReleaseReader, open_store
from index.store import figure_to_json

RECORD = Path(__file__).parent / "data" / "readers-version.json"


def reading_of_the_bundled_corpus() -> str:
    """A digest of every passage's bounds and figures, as this version's readers read the bundled corpus."""
    reader, digest = ReleaseReader(), hashlib.sha256()
    for release in sorted(read_paths([bundled_corpus_dir()]), key=lambda r: r.key):
        for p in reader.run(release):
            row = [release.release_id, release.lang, p.start, p.end, figure_to_json(p.figures)]
            digest.update(json.dumps(row, ensure_ascii=False).encode())
    return digest.hexdigest()


def test_a_change_in_what_the_readers_find_comes_with_a_new_version():
    """Indexes tell that their releases were read by older readers only by this version: a change to
    the segmenter or the figure reader that leaves it as it was would go unnoticed by every index."""
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    found = reading_of_the_bundled_corpus()
    record = f'"version": {ReleaseReader.VERSION}, "bundled_corpus_sha256": "{found}" in {RECORD}'
    if ReleaseReader.VERSION == recorded["version"]:
        assert found == recorded["bundled_corpus_sha256"], (
            "The readers now read the bundled corpus otherwise than their version's recorded reading. Raise "
            "ReleaseReader.VERSION in index/pipeline.py, so that an index read by these readers' predecessors "
            f"says so and `vigyapti refresh --if-needed` reads it again; then record {record}. (If only the "
            "corpus's texts changed, not what is read from them, record the new digest under the same version.)")
    assert (ReleaseReader.VERSION, found) == (recorded["version"], recorded["bundled_corpus_sha256"]), f"record {record}"


def test_an_index_opened_empty_is_read_by_this_version_and_one_with_releases_keeps_its_mark(tmp_path, embedder,
                                                                                               corpus_slice):
    from index.pipeline import Indexer

    store = open_store(tmp_path / "index", embedder)
    assert store.readers_version() == ReleaseReader.VERSION
    Indexer(store, embedder).run(corpus_slice[:2])
    store.set_readers_version(None)  # an index from before versions were kept
    store.close()
    store = open_store(tmp_path / "index", embedder)
    assert store.readers_version() is None
    store.close()
