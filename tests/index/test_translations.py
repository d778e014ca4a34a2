"""Translation links without shared ids: the page's own links, and detection by date, figures and
similarity; translations_of, the cross-language pivot and folding follow the links."""
import dataclasses

import pytest

from corpus import Release


@pytest.fixture(scope="module")
def linked(tmp_path_factory, settings, embedder, corpus_slice):
    from bot.service import Service

    svc = Service(settings.model_copy(update={"index_dir": tmp_path_factory.mktemp("links") / "index"}),
                  embedder=embedder)
    pair = [r for r in corpus_slice if r.release_id == "1628922"]
    assert {r.lang for r in pair} == {"en", "hi"}
    # Each language version under its own id, as pib.gov.in publishes them, plus a release of the
    # same day in Hindi that is not a translation.
    own = [dataclasses.replace(r, release_id=f"{r.release_id}-{r.lang}") for r in pair]
    same_day = [dataclasses.replace(r, release_id="same-day-hi", date=pair[0].date)
                for r in corpus_slice if r.lang == "hi" and r.release_id not in {"1628922"}][:1]
    svc.ingest(own + same_day)
    yield svc
    svc.close()


def test_versions_are_linked_without_a_shared_id(linked):
    t = linked.store.translations_of("1628922-en", "en")
    assert [(x["release_id"], x["lang"]) for x in t] == [("1628922-hi", "hi")]
    assert [x["release_id"] for x in linked.store.translations_of("1628922-hi", "hi")] == ["1628922-en"]
    links = linked.store.translation_links()
    assert len(links) == 1 and links[0].source == "detected"


def test_translations_of_many_releases_in_one_read(linked):
    keys = [("same-day-hi", "hi"), ("1628922-en", "en"), ("1628922-hi", "hi"), ("not-indexed", "en")]
    many = linked.store.translations_of_many(keys)
    assert {k: [(t["release_id"], t["lang"]) for t in v] for k, v in many.items()} == {
        ("same-day-hi", "hi"): [], ("1628922-en", "en"): [("1628922-hi", "hi")],
        ("1628922-hi", "hi"): [("1628922-en", "en")], ("not-indexed", "en"): []}
    assert many[("1628922-en", "en")][0]["title"] == linked.store.release("1628922-hi", "hi").title
    many[("1628922-en", "en")].clear()  # a caller's list is its own: the cached one stays
    assert linked.store.translations_of_many(keys[1:2]) == {keys[1]: linked.store.translations_of(*keys[1])} != {keys[1]: []}


def test_cross_language_question_finds_the_version_and_folds_them(linked):
    hits = linked.ask("How many EPFO subscribers got their KYC updated in April and May 2020?", lang="hi").hits
    assert hits[0].release.release_id == "1628922-hi"
    both = linked.ask("How many EPFO subscribers got their KYC updated in April and May 2020?").hits
    ids = [h.release.release_id for h in both]
    assert not {"1628922-en", "1628922-hi"} <= set(ids)  # one release, shown once


def test_the_pages_own_link_wins_and_a_deleted_version_is_not_named(linked):
    r = linked.store.release("same-day-hi", "hi")
    declared = dataclasses.replace(r, translations=(("en", "1628922-en"),))
    linked.ingest([declared])
    t = linked.store.translations_of("1628922-en", "en")
    assert [x["release_id"] for x in t] == [r.release_id]
    assert {link.source for link in linked.store.translation_links()} == {"page"}
    linked.store.delete(r.release_id, "hi")
    assert linked.store.translations_of("1628922-en", "en") == []


def test_a_release_alone_in_its_language_is_not_linked(linked):
    lone = Release(release_id="lone", lang="en", title="Weather", text="Light rain is expected in Delhi today.",
                   date="2001-01-01")
    linked.ingest([lone])
    assert linked.store.translations_of("lone", "en") == []
