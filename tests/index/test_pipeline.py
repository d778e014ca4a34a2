"""What reads a release (index/pipeline.py): its version follows what it reads, and an index opened
empty is marked as read by it; what the Indexer stores of a release sent again."""
import dataclasses
import hashlib
import json
from pathlib import Path

from corpus import Release
from corpus.readers import bundled_corpus_dir, read_paths
from index.pipeline import Indexer, ReleaseReader, open_store
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
    store = open_store(tmp_path / "index", embedder)
    assert store.readers_version() == ReleaseReader.VERSION
    Indexer(store, embedder).run(corpus_slice[:2])
    store.set_readers_version(None)  # an index from before versions were kept
    store.close()
    store = open_store(tmp_path / "index", embedder)
    assert store.readers_version() is None
    store.close()


class CountingEmbedder:
    """The real embedder, keeping every passage text it was asked to encode."""

    def __init__(self, embedder):
        self.embedder = embedder
        self.encoded: list[str] = []

    def __getattr__(self, name):
        return getattr(self.embedder, name)

    def encode_passages(self, texts):
        self.encoded += texts
        return self.embedder.encode_passages(texts)


EN = ("The Ministry of Jal Shakti announced that 4,812 check dams were built in Rajasthan in 2024, "
      "storing 96,000 crore litres of water for 1,250 villages.")
HI = "जल शक्ति मंत्रालय ने बताया कि 2024 में राजस्थान में 4,812 चेक डैम बनाए गए।"


def _passage_ids(store, release: Release) -> list[int]:
    [detail] = store.release_detail(release.release_id, release.lang)
    return [p.passage_id for p in detail.passages]


def test_a_release_sent_again_as_stored_keeps_its_passages_and_is_not_read_or_encoded_again(tmp_path, embedder):
    store = open_store(tmp_path / "index", embedder)
    same = Release("940001", "en", "Check dams in Rajasthan", EN, date="2025-02-03", source="first.jsonl")
    changed = Release("940002", "en", "Wells in Rajasthan", "The ministry dug 120 wells in Rajasthan this year.")
    Indexer(store, embedder).run([same, changed])
    kept = _passage_ids(store, same)
    counting = CountingEmbedder(embedder)

    again = dataclasses.replace(same, source="api")  # from elsewhere, the same release
    new = dataclasses.replace(changed, text="The ministry dug 150 wells in Rajasthan this year.")
    report = Indexer(store, counting).run([again, new])
    assert _passage_ids(store, same) == kept
    assert not any("4,812 check dams" in t for t in counting.encoded) and counting.encoded
    assert (report.releases, report.unchanged_keys, report.replaced_keys) == (2, {same.key}, {changed.key})
    assert report.passages == len(_passage_ids(store, changed))  # only the replacement's
    [stored] = store.release_detail(*changed.key)
    assert "150 wells" in stored.passages[0].text and stored.release.text == new.text
    store.close()


def test_a_release_left_as_stored_is_linked_to_its_translation_ingested_beside_it(tmp_path, embedder):
    """The page of a release may name its other-language version only once that is published: the
    release comes again unchanged, now with the link, beside its translation."""
    store = open_store(tmp_path / "index", embedder)
    en = Release("940011", "en", "Check dams in Rajasthan", EN, date="2025-02-03")
    Indexer(store, embedder).run([en])
    kept = _passage_ids(store, en)
    hi = Release("940012", "hi", "राजस्थान में चेक डैम", HI, date="2025-02-07")  # days later: never detected

    report = Indexer(store, embedder).run([dataclasses.replace(en, translations=(("hi", "940012"),)), hi])
    assert report.unchanged_keys == {en.key} and _passage_ids(store, en) == kept
    assert [(t["release_id"], t["lang"]) for t in store.translations_of(*en.key)] == [("940012", "hi")]
    store.close()
