"""One suite for every store backend (index/stores/): the embedded FAISS + SQLite store and Milvus
(Milvus Lite in a .db file here). Each test runs against both; the last ones compare them."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from bench._serving import milvus_lite_server
from index.filters import SearchFilters
from index.lexical import terms
from index.links import TranslationLink
from index.pipeline import Indexer, ReleaseReader, open_store, passage_input
from index.records import ReleaseEntry
from index.search import HybridSearcher
from index.segment import PassageSettings
from index.store import IndexMismatchError
from index.stores import StoreError
from index.translations import TranslationLinker

BACKENDS = ["embedded", "milvus-lite"]
REPO = Path(__file__).resolve().parents[3]


def location(backend: str, folder: Path) -> str | None:
    return None if backend == "embedded" else str(folder / "milvus.db")


@pytest.fixture(scope="module")
def releases(corpus_slice):
    """Real releases in both languages: the GeM release, EPFO and COVID releases in Hindi and English."""
    wanted = {"2184082", "1628922", "1620635", "1611137"}
    return [r for r in corpus_slice if r.release_id in wanted]


def _entries(embedder, releases) -> list[ReleaseEntry]:
    indexer = Indexer(store=None, embedder=embedder)
    out = []
    for release in releases:
        r, passages = indexer.prepare(release)
        vectors = embedder.encode_passages([passage_input(r.title, p.text) for p in passages])
        out.append(ReleaseEntry(r, passages, vectors))
    return out


@pytest.fixture(scope="module")
def entries(embedder, releases) -> list[ReleaseEntry]:
    """Segmented and embedded once for every backend."""
    return _entries(embedder, releases)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def open_at(backend, tmp_path, embedder):
    opened = []

    def opener(settings: PassageSettings | None = None):
        store = open_store(tmp_path / "index", embedder, settings, location=location(backend, tmp_path))
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


@pytest.fixture
def filled(open_at, entries, releases):
    store = open_at()
    store.upsert(entries)
    TranslationLinker(store).run(releases)  # as ingestion links them
    return store


def _cos(a, b) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_releases_passages_and_vectors_round_trip_and_survive_reopen(filled, open_at, entries):
    n = sum(len(e.passages) for e in entries)
    assert filled.count_passages() == n
    langs = sorted({e.release.lang for e in entries})
    assert filled.languages() == langs
    assert filled.count_releases() == {lang: sum(e.release.lang == lang for e in entries) for lang in langs}
    for e in entries:
        r = e.release
        assert filled.has_release(r.release_id, r.lang)
        stored = filled.release(r.release_id, r.lang)
        assert (stored.title, stored.ministry, stored.date, stored.url, stored.text) == (r.title, r.ministry, r.date, r.url, r.text)
    ids = filled.passage_ids()
    assert len(ids) == n and len(set(ids.tolist())) == n
    passages = filled.passages(list(ids))
    by_text = {(p.release_id, p.lang, p.start): p for p in passages.values()}
    vectors = filled.vectors(list(ids))
    at = {pid: i for i, pid in enumerate(ids.tolist())}
    for e in entries:
        for p, v in zip(e.passages, e.vectors):
            got = by_text[(e.release.release_id, e.release.lang, p.start)]
            assert (got.end, got.text) == (p.end, p.text)
            assert [(f.value, f.kind, f.start) for f in got.figures] == [(f.value, f.kind, f.start) for f in p.figures]
            assert _cos(vectors[at[got.passage_id]], v) > 0.9999
    terms_of = filled.passage_terms(list(ids))
    assert all(terms_of[pid] == frozenset(terms(p.text)) for pid, p in passages.items())
    dates = filled.release_dates(list(ids))
    assert all(dates[pid] == filled.release(p.release_id, p.lang).date for pid, p in passages.items())
    assert filled.vectors([123456789])[0].tolist() == [0.0] * vectors.shape[1]  # not stored: zeros
    filled.close()

    reopened = open_at()
    assert reopened.count_passages() == n
    assert sorted(reopened.passage_ids().tolist()) == sorted(ids.tolist())
    assert sorted(reopened.release_keys()) == sorted(e.release.key for e in entries)


def test_vector_search_is_exact_cosine_and_honours_every_filter(filled, entries):
    gem = next(e for e in entries if e.release.release_id == "2184082")
    hits = filled.search(gem.vectors[0], 5)
    assert filled.passages([hits[0][0]])[hits[0][0]].text == gem.passages[0].text
    assert hits[0][1] == pytest.approx(1.0, abs=1e-4)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    cases = [SearchFilters(lang="en"), SearchFilters(release_id="1628922"),
             SearchFilters(ministries=(gem.release.ministry.lower(),)),
             SearchFilters(date_from="2020-06-01"), SearchFilters(date_to="2020-06-01"),
             SearchFilters(lang="hi", date_from="2020-01-01", date_to="2020-12-31")]
    for f in cases:
        found = filled.search(gem.vectors[0], 50, filters=f)
        assert found, f
        for pid, _ in found:
            p = filled.passages([pid])[pid]
            r = filled.release(p.release_id, p.lang)
            assert (not f.lang or p.lang == f.lang) and (not f.release_id or p.release_id == f.release_id)
            assert not f.ministries or r.ministry.lower() in f.ministries
            assert not f.date_from or (r.date and r.date >= f.date_from)
            assert not f.date_to or (r.date and r.date <= f.date_to)
    assert filled.search(gem.vectors[0], 5, filters=SearchFilters(date_from="2099-01-01")) == []
    hostile = SearchFilters(lang='hi" or lang != "x', ministries=('x"] or id > 0 or ministry_folded in ["',),
                            release_id="x'); DROP TABLE releases; --")
    assert filled.search(gem.vectors[0], 5, filters=hostile) == []
    assert filled.count_releases()


def test_keyword_search_keeps_devanagari_words_whole(filled):
    """Milvus Lite's own analyzer would cut विक्रेता into व/क/र/त and match केंद्र; the stored terms must not."""
    hits = filled.keyword_search(terms("विक्रेताओं"), 10)
    assert hits and all(s > 0 for _, s in hits)
    holding = filled.passage_terms([pid for pid, _ in hits])
    assert all(terms("विक्रेता")[0] in holding[pid] for pid, _ in hits)
    assert filled.passages([hits[0][0]])[hits[0][0]].release_id == "2184082"
    all_terms = filled.passage_terms(list(filled.passage_ids()))
    want = terms("केंद्र") + terms("विक्रेता") + terms("EPFO") + ["nosuchterm"]
    df = filled.document_frequencies(want)
    for t in want:
        assert df.get(t, 0) == sum(t in ts for ts in all_terms.values()), t
    assert filled.keyword_search(['"', 'x" OR NEAR(y)', '") or id > 0 or ("', "*"], 5) == []
    assert filled.keyword_search([], 5) == []
    en = filled.keyword_search(terms("EPFO KYC"), 10, filters=SearchFilters(lang="en"))
    assert en and all(filled.passages([pid])[pid].lang == "en" for pid, _ in en)


def test_ingesting_again_replaces_and_delete_removes(filled, entries, embedder):
    gem = next(e for e in entries if e.release.release_id == "2184082")
    changed = dataclasses.replace(gem.release, text="जेम पर अब 99,000 विक्रेता हैं।")
    [entry] = _entries(embedder, [changed])
    before = filled.count_passages()
    assert filled.upsert([entry, entry]) == len(entry.passages)  # twice in a batch: once
    assert filled.count_passages() == before - len(gem.passages) + len(entry.passages)
    assert filled.release("2184082", "hi").text == changed.text
    texts = [p.text for p in filled.passages(list(filled.passage_ids())).values()]
    assert changed.text in texts and not any("86,000" in t for t in texts)
    assert filled.passage_counts([("2184082", "hi"), ("nope", "hi")]) == {("2184082", "hi"): len(entry.passages), ("nope", "hi"): 0}

    linked = next(link for link in filled.translation_links() if link.source != "page")
    assert filled.delete(linked.release_id) == 2 - (linked.release_id != linked.other_id)
    assert not filled.has_release(linked.release_id, linked.lang)
    assert all(linked.release_id not in (x.release_id, x.other_id) for x in filled.translation_links())
    assert filled.delete("no-such-release") == 0
    with pytest.raises(ValueError, match="passages but vectors"):
        filled.upsert([dataclasses.replace(entry, vectors=entry.vectors[:0])])


def test_translation_links_stored_read_and_ranked(filled):
    assert filled.has_translation_links()
    assert filled.translations_of("1628922", "hi") == [
        {"release_id": "1628922", "lang": "en", "title": filled.release("1628922", "en").title,
         "url": filled.release("1628922", "en").url}]
    assert [t["release_id"] for t in filled.translations_of("1628922", "en")] == ["1628922"]
    assert "1628922" in filled.linked_sides("hi", "en") and "1628922" in filled.linked_sides("en", "hi")
    # A page link outranks a shared id; a detected link never replaces either.
    assert filled.save_translation_links([TranslationLink("1628922", "hi", "1620635", "en", "page")]) == 1
    assert filled.save_translation_links([TranslationLink("1628922", "hi", "1628922", "en", "detected", 0.9)]) == 0
    assert [t["release_id"] for t in filled.translations_of("1628922", "hi")] == ["1620635"]
    assert filled.translations_of("1628922", "en") == []
    links = {(x.release_id, x.lang, x.other_id, x.other_lang): x for x in filled.translation_links()}
    assert links[("1620635", "en", "1628922", "hi")].source == "page"
    # Each side has one link per other language: the two shared-id links it clashed with are gone.
    assert ("1628922", "en", "1628922", "hi") not in links and ("1620635", "en", "1620635", "hi") not in links
    profiles = filled.release_profiles(keys=[("1628922", "hi"), ("1628922", "en")])
    assert set(profiles) == {("1628922", "hi"), ("1628922", "en")}
    assert np.linalg.norm(profiles[("1628922", "hi")].vector) == pytest.approx(1.0, abs=1e-5)
    day = filled.release("1628922", "hi").date
    dated = filled.release_profiles(langs=["hi", "en"], date_from=day, date_to=day)
    assert ("1628922", "hi") in dated and all(p.date == day for p in dated.values())


def test_profiles_a_block_at_a_time_and_a_runs_dates(filled, entries):
    """What detection reads a backfill by: release_profile_blocks gives release_profiles' profiles
    of a date range, or of the undated, a block at a time in date order, each release in one, a
    day's releases in as many as they fill (a release a block when a block may hold one);
    profile_dates the date of each release asked for that has a profile."""
    filled.upsert([ReleaseEntry(dataclasses.replace(e.release, release_id=f"undated-{i}", date=None),
                                [dataclasses.replace(p, release_id=f"undated-{i}") for p in e.passages], e.vectors)
                   for i, e in enumerate(entries[:3])])
    langs = filled.languages()
    keys = filled.release_keys()

    def seen(profiles):
        return {k: (p.date, p.vector.tolist(), p.values, p.ministry) for k, p in profiles.items()}

    whole = seen(filled.release_profiles(langs=langs, date_from="2000-01-01", date_to="2099-12-31"))
    undated = seen(filled.release_profiles(langs=langs, undated=True))
    days = sorted({date for date, *_ in whole.values()})
    assert len(days) >= 2 and len(whole) > len(days) and len(undated) == 3  # some day has two releases
    for at_once, count in ((1, len(whole)), (2, None), (10_000, 1)):
        blocks = [seen(b) for b in filled.release_profile_blocks(langs, "2000-01-01", "2099-12-31", at_once)]
        spans = [sorted({date for date, *_ in b.values()}) for b in blocks]
        assert all(a[-1] <= b[0] for a, b in zip(spans, spans[1:]))  # in date order
        assert {k: v for b in blocks for k, v in b.items()} == whole and sum(map(len, blocks)) == len(whole)
        assert count is None or len(blocks) == count
        blocks = [seen(b) for b in filled.release_profile_blocks(langs, None, None, at_once, undated=True)]
        assert {k: v for b in blocks for k, v in b.items()} == undated and sum(map(len, blocks)) == len(undated)
        assert count is None or len(blocks) == min(count, len(undated))
    assert list(filled.release_profile_blocks(langs, "1990-01-01", "1990-12-31", 1)) == []
    profiled = seen(filled.release_profiles(keys=keys))
    assert set(filled.profile_dates([*keys, ("no-such-release", "en")])) == {(*k, v[0]) for k, v in profiled.items()}


def test_release_detail_and_duplicates(filled, entries, embedder):
    [detail] = filled.release_detail("1628922", "hi")
    assert detail.release.text == filled.release("1628922", "hi").text
    assert [p.start for p in detail.passages] == sorted(p.start for p in detail.passages)
    assert detail.translations == filled.translations_of("1628922", "hi")
    assert [d.release.lang for d in filled.release_detail("1628922")] == ["en", "hi"]
    assert filled.release_detail("nope") == []
    gem = next(e for e in entries if e.release.release_id == "2184082")
    twin = dataclasses.replace(gem, release=dataclasses.replace(gem.release, release_id="twin-of-2184082"))
    filled.upsert([twin])
    assert filled.duplicates_of("2184082", "hi") == ["twin-of-2184082"]
    assert filled.duplicates_of("twin-of-2184082", "hi") == ["2184082"]


def test_batch_reads_answer_as_one_key_reads_and_follow_writes(filled, entries):
    """A search reads every candidate's translations, duplicates and release at once; those reads
    answer as the one-key reads do, a release not stored included, and no answer outlives a write."""
    gem = next(e for e in entries if e.release.release_id == "2184082")
    filled.upsert([dataclasses.replace(gem, release=dataclasses.replace(gem.release, release_id="twin-of-2184082"))])
    keys = [*filled.release_keys(), ("nope", "hi")]
    with filled.snapshot():
        translations, duplicates, releases = (filled.translations_of_many(keys), filled.duplicates_of_many(keys),
                                              filled.releases(keys))
    assert translations == {k: filled.translations_of(*k) for k in keys}
    assert duplicates == {k: filled.duplicates_of(*k) for k in keys}
    assert releases == {k: filled.release(*k) for k in keys}
    assert translations[("1628922", "hi")][0]["release_id"] == "1628922"
    assert duplicates[("2184082", "hi")] == ["twin-of-2184082"]
    assert releases[("nope", "hi")] is None and translations[("nope", "hi")] == duplicates[("nope", "hi")] == []
    filled.delete("twin-of-2184082")
    filled.save_translation_links([TranslationLink("1628922", "hi", "1620635", "en", "page")])
    assert filled.duplicates_of_many([("2184082", "hi")]) == {("2184082", "hi"): []}
    assert filled.releases([("twin-of-2184082", "hi")]) == {("twin-of-2184082", "hi"): None}
    assert [t["release_id"] for t in filled.translations_of_many([("1628922", "hi")])[("1628922", "hi")]] == ["1620635"]


def test_a_milvus_search_makes_a_few_calls_however_many_candidates(backend, filled, embedder):
    """Each kind of read is one call for all of a search's candidates (docs/stores.md: it was one a
    candidate, about seventy a question on the bundled corpus)."""
    if backend == "embedded":
        pytest.skip("the embedded store makes no calls")
    from bench.milvus_calls import CountingClient

    searcher = HybridSearcher(filled, embedder)
    question = "How many KYC updates did EPFO make after 1 April 2020?"
    searcher._encode(question)
    client = filled._client = CountingClient(filled._client)
    result = searcher.run(question, top_k=8)
    candidates = {(h.release.release_id, h.release.lang) for h in result.hits}
    assert len(candidates) >= 3
    assert sum(client.calls.values()) <= 16, client.calls
    assert "query_iterator" not in client.calls  # an iterator is three calls however few its rows


def test_a_long_release_text_round_trips(open_at, entries):
    """Longer than one Milvus VARCHAR (65,535 bytes) of Devanagari."""
    store = open_at()
    gem = next(e for e in entries if e.release.release_id == "2184082")
    long = dataclasses.replace(gem.release, release_id="long", text=(gem.release.text + "\n") * 30)
    assert len(long.text.encode()) > 70_000
    store.upsert([dataclasses.replace(gem, release=long)])
    assert store.release("long", "hi").text == long.text
    assert store.release_detail("long")[0].release.text == long.text


def test_another_model_or_settings_is_a_clear_error(open_at, entries):
    store = open_at()
    store.upsert(entries[:1])
    store.close()
    with pytest.raises(IndexMismatchError, match="was built with model"):
        open_at(PassageSettings(max_chars=300))


@pytest.fixture
def milvus_server(tmp_path):
    """A Milvus server on loopback (Milvus Lite's gRPC server: the same protocol as a Milvus cluster)."""
    with milvus_lite_server(tmp_path / "milvus-server") as url:
        yield url


def test_every_backend_ranks_alike(tmp_path, embedder, entries, releases, milvus_server):
    """Same ranking code: the same questions give the same releases in the same order, from the
    embedded store, Milvus Lite in a file and a Milvus server."""
    stores = [open_store(tmp_path / b / "index", embedder, location=location(b, tmp_path / b)) for b in BACKENDS]
    stores.append(open_store(tmp_path / "server" / "index", embedder, location=milvus_server))
    try:
        results = []
        for store in stores:
            store.upsert(entries)
            TranslationLinker(store).run(releases)
            searcher = HybridSearcher(store, embedder)
            results.append([
                [(h.release.release_id, h.release.lang, h.score) for h in searcher.run(q, top_k=4, filters=f).hits]
                for q, f in [("मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?", None),
                             ("How many KYC updates did EPFO make after 1 April 2020?", None),
                             ("How many KYC updates did EPFO make after 1 April 2020?", SearchFilters(lang="hi")),
                             ("कोविड-19 की समीक्षा", SearchFilters(lang="en", date_from="2020-01-01"))]])
        releases_in_order = [[[(rid, lang) for rid, lang, _ in hits] for hits in result] for result in results]
        assert releases_in_order[0] == releases_in_order[1] == releases_in_order[2]
        # Milvus returns float32 distances: a score may differ in its last bits, never in the ranking.
        scores = [[[score for *_, score in hits] for hits in result] for result in results]
        for other in scores[1:]:
            for expected, got in zip(scores[0], other):
                assert got == pytest.approx(expected, abs=1e-4)
        assert results[0][0][0][0] == "2184082"
        server = stores[2]
        assert server.count_passages() == stores[0].count_passages()
        assert server.document_frequencies(terms("विक्रेता EPFO")) == stores[0].document_frequencies(terms("विक्रेता EPFO"))
    finally:
        for store in stores:
            store.close()


def test_a_bad_location_is_a_clear_error(tmp_path, embedder):
    with pytest.raises(StoreError, match="expected a Milvus Lite file"):
        open_store(tmp_path / "index", embedder, location="postgres://x")


def test_a_second_process_on_one_milvus_lite_file_gets_a_clear_error(tmp_path, embedder):
    """Milvus Lite serves a .db file to one process; the second is told how to share it."""
    db = tmp_path / "milvus.db"
    store = open_store(tmp_path / "index", embedder, location=str(db))
    try:
        code = textwrap.dedent(f"""
            from index.stores.milvus import MilvusStore
            from index.database import IndexStamp
            try:
                MilvusStore({str(db)!r}, IndexStamp(model={embedder.name!r}, dim={embedder.dim}, passage_settings="{{}}"))
            except Exception as exc:
                print(type(exc).__name__, exc)
        """)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                             cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
        assert out.stdout.startswith("StoreError") and "milvus-lite server" in out.stdout, out.stdout + out.stderr
    finally:
        store.close()


def test_the_readers_version_is_kept_across_reopening_and_stamped_only_on_an_empty_index(open_at, entries):
    store = open_at()
    assert store.readers_version() == ReleaseReader.VERSION  # opened empty: what it stores is read by this version
    store.upsert(entries)
    store.set_readers_version(None)  # as an index from before versions were kept
    store.close()
    store = open_at()
    assert store.readers_version() is None  # not stamped: its releases were not read by this version
    store.set_readers_version(ReleaseReader.VERSION - 1)  # as an index an older version refreshed
    assert store.readers_version() == ReleaseReader.VERSION - 1
    store.set_readers_version(ReleaseReader.VERSION)
    store.close()
    assert open_at().readers_version() == ReleaseReader.VERSION


def test_a_release_stored_without_its_figures_is_read_again_with_its_vectors_kept(open_at, entries, embedder):
    from index.refresh import ReadersState, Refresher

    store = open_at()
    stale = [dataclasses.replace(e, passages=[dataclasses.replace(p, figures=[]) for p in e.passages])
             if e.release.release_id == "2184082" else e for e in entries]
    store.upsert(stale)
    store.set_readers_version(None)
    indexer = Indexer(store, embedder)
    assert not ReadersState.of(store).up_to_date
    report = Refresher(store, indexer).run()
    assert ReadersState.of(store).up_to_date
    assert (report.changed, report.encoded) == (sum(e.release.release_id == "2184082" for e in entries), 0)
    for e in entries:
        [detail] = store.release_detail(e.release.release_id, e.release.lang)
        assert [p.figures for p in detail.passages] == [p.figures for p in e.passages]
        vectors = store.vectors([p.passage_id for p in detail.passages])
        assert all(_cos(a, b) > 0.9999 for a, b in zip(vectors, e.vectors))
    assert Refresher(store, indexer).run().changed == 0


def test_release_dates_follow_a_release_published_again_on_another_day(open_at, entries):
    store = open_at()
    store.upsert(entries)
    entry = entries[0]
    [detail] = store.release_detail(entry.release.release_id, entry.release.lang)
    old = [p.passage_id for p in detail.passages]
    assert set(store.release_dates(old).values()) == {entry.release.date}
    moved = dataclasses.replace(entry, release=dataclasses.replace(entry.release, date="2026-12-01"))
    store.upsert([moved])
    [detail] = store.release_detail(entry.release.release_id, entry.release.lang)
    new = [p.passage_id for p in detail.passages]
    assert set(store.release_dates(new).values()) == {"2026-12-01"}
    undated = dataclasses.replace(entry, release=dataclasses.replace(entry.release, date=None))
    store.upsert([undated])
    [detail] = store.release_detail(entry.release.release_id, entry.release.lang)
    assert store.release_dates([p.passage_id for p in detail.passages]) == {}


def test_a_release_is_replaced_only_while_it_is_as_it_was_read(open_at, entries):
    store = open_at()
    store.upsert(entries)
    gem, other = (next(e for e in entries if e.release.release_id == rid) for rid in ("2184082", "1628922"))
    read = {e.release.key: [p.passage_id for d in store.release_detail(*e.release.key) for p in d.passages]
            for e in (gem, other)}
    newer = dataclasses.replace(gem, release=dataclasses.replace(gem.release, title="A newer version"))
    store.upsert([newer])  # another writer, after the reading
    stored, left = store.replace_if_current([gem, other], read)
    assert left == [gem.release.key] and stored == len(other.passages)
    assert store.release(*gem.release.key).title == "A newer version"  # the newer version stays
    assert store.passage_counts([other.release.key])[other.release.key] == len(other.passages)
    assert [p.passage_id for d in store.release_detail(*other.release.key) for p in d.passages] != read[other.release.key]
    store.delete(*other.release.key)  # and one deleted meanwhile is not brought back
    stored, left = store.replace_if_current([other], read)
    assert (stored, left) == (0, [other.release.key]) and not store.has_release(*other.release.key)


def test_the_latin_terms_of_every_written_passage_are_kept_by_skeleton(backend, filled, open_at, entries, tmp_path):
    from index.loanwords import latin_spellings, spelling_rows

    words = {t for e in entries for p in e.passages for t in terms(p.text)}
    expected: dict[str, set[str]] = {}
    for key, term in spelling_rows(words):
        expected.setdefault(key, set()).add(term)
    assert len(expected) > 50
    found = filled.latin_terms(sorted(expected) + ["qqqq"])
    assert {k: set(v) for k, v in found.items()} == expected
    # the search's own choice: each skeleton's term in the most passages, counted as written
    from collections import Counter

    counts = Counter(t for e in entries for p in e.passages for t in set(terms(p.text)))
    held = filled.document_frequencies(sorted({t for v in found.values() for t in v}))
    assert latin_spellings(held.items()) == latin_spellings((t, counts[t]) for t in held)
    if backend == "milvus-lite":  # a store written before the collection was kept fills it on open
        filled.close()
        from pymilvus import MilvusClient

        client = MilvusClient(uri=location(backend, tmp_path))
        client.drop_collection("vigyapti_latin_terms")
        client.close()
        reopened = open_at()
        assert {k: set(v) for k, v in reopened.latin_terms(sorted(expected)).items()} == expected


def test_writing_releases_again_keeps_their_latin_terms_without_writing_them_again(backend, filled, entries):
    if backend != "milvus-lite":
        pytest.skip("the embedded store writes its rows in the passages' own transaction")
    written = []
    upsert = filled._client.upsert

    def counting(collection, rows, *args, **kwargs):
        if collection == "vigyapti_latin_terms":
            written.extend(rows)
        return upsert(collection, rows, *args, **kwargs)

    filled._client.upsert = counting
    try:
        filled.upsert(entries[:3])
    finally:
        filled._client.upsert = upsert
    assert written == []
