"""The Ray ingest's driver (index/rayembed.py) beside a store: what it does without embedding.

Releases all stored already unchanged need no actor, so these run without starting Ray; the run
that embeds on Ray is tested end to end in tests/bot/test_ray_ingest.py."""
from corpus import Release
from index.pipeline import Indexer, open_store, passage_input
from index.rayembed import EmbedderSpec, RayIndexer

EN = ("The Ministry of Jal Shakti announced that 4,812 check dams were built in Rajasthan in 2024, "
      "storing 96,000 crore litres of water for 1,250 villages.")
HI = "जल शक्ति मंत्रालय ने बताया कि 2024 में राजस्थान में 4,812 चेक डैम बनाए गए।"


def test_a_rerun_links_the_releases_a_failed_run_stored_without_linking(tmp_path, embedder, model_path):
    store = open_store(tmp_path / "index", embedder)
    indexer = Indexer(store, embedder)
    en = Release("950001", "en", "Check dams in Rajasthan", EN, date="2025-02-03", translations=(("hi", "950002"),))
    hi = Release("950002", "hi", "राजस्थान में चेक डैम", HI, date="2025-02-03")
    # What a run that failed after storing both holds: they are stored, and a run links only at its end.
    prepared = [indexer.prepare(en), indexer.prepare(hi)]
    indexer.store_prepared(prepared, [embedder.encode_passages([passage_input(r.title, p.text) for p in ps])
                                      for r, ps in prepared])
    assert store.translations_of(*en.key) == []

    report = RayIndexer(indexer, EmbedderSpec(str(model_path), embedder.name)).run([en, hi])
    assert (report.skipped, report.releases) == (2, 0)
    assert [(t["release_id"], t["lang"]) for t in store.translations_of(*en.key)] == [("950002", "hi")]
    store.close()


def test_a_release_given_twice_is_taken_as_its_last_version(tmp_path, embedder, model_path):
    store = open_store(tmp_path / "index", embedder)
    indexer = Indexer(store, embedder)
    old = Release("950003", "en", "Check dams", EN, date="2025-02-03")
    new = Release("950003", "en", "Check dams in Rajasthan", EN, date="2025-02-03", translations=(("hi", "950004"),))
    hi = Release("950004", "hi", "राजस्थान में चेक डैम", HI, date="2025-02-03")
    indexer.store_prepared([indexer.prepare(new), indexer.prepare(hi)],  # stored, not linked, as after a failed run
                           [embedder.encode_passages([passage_input(r.title, p.text) for p in ps])
                            for r, ps in (indexer.prepare(new), indexer.prepare(hi))])

    # Its last version is stored as it is: nothing to embed, and the earlier one neither stored nor linked.
    report = RayIndexer(indexer, EmbedderSpec(str(model_path), embedder.name)).run([old, hi, new])
    assert (report.skipped, report.releases, report.replaced) == (2, 0, 0)
    assert store.release(*new.key).title == new.title
    assert [(t["release_id"], t["lang"]) for t in store.translations_of(*new.key)] == [("950004", "hi")]
    assert {link.source for link in store.translation_links()} == {"page"}  # the last version's page names it
    store.close()
