"""Translation links without shared ids: the page's own links, and detection by date, figures and
similarity; translations_of, the cross-language pivot and folding follow the links."""
import dataclasses
import datetime as dt
import sqlite3
from decimal import Decimal

import numpy as np
import pytest

from corpus import Release
from index.links import ReleaseProfile, TranslationLink
from index.records import Passage, ReleaseEntry
from index.store import IndexStamp, IndexStore
from index.translations import (LinkSettings, TranslationLinker, candidate_pairs, date_blocks, match_one_to_one,
                                pair_score)


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


def _versions(pairs: int) -> list[ReleaseEntry]:
    """English and Hindi versions of `pairs` releases, each pair's passages near one vector of its own:
    a quarter under one id, a quarter linked by the English page, the rest for detection; dates
    spread over six weeks, the Hindi one a day later now and then, a tenth undated."""
    rng = np.random.default_rng(7)
    out = []
    for i in range(pairs):
        base = rng.normal(size=64)
        day = None if i % 10 == 9 else dt.date(2020, 1, 1) + dt.timedelta(days=i % 45)
        en_id, hi_id = (f"s{i}", f"s{i}") if i % 4 == 0 else (f"e{i}", f"h{i}")
        for lang, rid, later, n in (("en", en_id, 0, 1 + i % 2), ("hi", hi_id, i % 7 == 0, 1)):
            date = (day + dt.timedelta(days=int(later))).isoformat() if day else None
            release = Release(rid, lang, f"title {i}", f"text {i}", date=date,
                              translations=(("hi", hi_id),) if i % 4 == 1 and lang == "en" else ())
            passages = [Passage(rid, lang, 0, 6, f"text {i}") for _ in range(n)]
            out.append(ReleaseEntry(release, passages, (base + rng.normal(scale=0.05, size=(n, 64))).astype(np.float32)))
    return out


def test_a_run_longer_than_a_statement_binds_is_linked_as_in_short_runs(tmp_path):
    """1,200 releases linked in one run, where a statement's limit of bound values is lowered to
    100, and where it is SQLite's own (one OR term a release went past its expression depth at 999):
    the same links as in runs short enough for either."""
    entries = _versions(600)
    releases = [e.release for e in entries]
    stores = []
    for name in ("whole", "lowered", "short-runs"):
        store = IndexStore(tmp_path / name, IndexStamp("synthetic", 64, "{}"))
        store.upsert(entries)
        stores.append(store)
    for store in stores[1:]:  # this thread's connection, which linking reads on
        store._reader().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 100)
    with pytest.raises(sqlite3.OperationalError, match="too many SQL variables"):  # the limit is SQLite's own
        stores[1]._reader().execute(f"SELECT 1 FROM releases WHERE release_id IN ({','.join('?' * 600)})",
                                    [r.release_id for r in releases[::2]])

    reports = [TranslationLinker(store).run(releases) for store in stores[:2]]
    short = [TranslationLinker(stores[2]).run(releases[at:at + 40]) for at in range(0, len(releases), 40)]
    counted = [(r.page, r.shared_id, r.detected) for r in reports]
    assert counted == [(150, 150, 300)] * 2
    assert tuple(map(sum, zip(*((r.page, r.shared_id, r.detected) for r in short)))) == (150, 150, 300)

    links = [sorted(store.translation_links(), key=TranslationLink.ordered) for store in stores]
    assert links[0] == links[1] == links[2]
    assert len(links[0]) == 600 and all(link.ordered()[0][1:] == link.ordered()[2][1:] for link in links[0])
    keys = [r.key for r in releases]
    assert all(len(found) == 1 for found in stores[1].translations_of_many(keys).values())
    for store in stores:
        store.close()


def _unblocked_match(left, right, settings):
    """match_one_to_one as it was before detection compared by date blocks (5d02b50): the whole
    similarity matrix of the two languages, then the same floor and the same greedy choice."""
    pairs = []
    sims = np.stack([p.vector for p in left]) @ np.stack([p.vector for p in right]).T
    for i, a in enumerate(left):
        for j in np.nonzero(sims[i] + settings.figure_weight + settings.ministry_weight >= settings.min_score)[0]:
            score = pair_score(a, right[j], settings)
            if score is not None and score >= settings.min_score:
                pairs.append((score, i, int(j)))
    pairs.sort(reverse=True)
    used_l, used_r, out = set(), set(), []
    for score, i, j in pairs:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            out.append((left[i], right[j], score))
    return out


def _as_rows(matched):
    return [(a.release_id, a.lang, b.release_id, b.lang, score) for a, b, score in matched]


def _stored_sides(store, settings):
    """The store's English and Hindi profiles, after checking that date_blocks holds every pair of
    them whose dates allow a link (pair_score), each once; and how many blocks and allowed pairs."""
    profiles = store.release_profiles(keys=store.release_keys())
    left = [p for p in profiles.values() if p.lang == "en"]
    right = [p for p in profiles.values() if p.lang == "hi"]
    allowed = {(i, j) for i, a in enumerate(left) for j, b in enumerate(right) if pair_score(a, b, settings) is not None}
    in_blocks = [(int(i), int(j)) for rows, columns in date_blocks(left, right, settings.max_days)
                 for i in rows for j in columns]
    assert len(in_blocks) == len(set(in_blocks)) and set(in_blocks) == allowed
    return left, right, sum(1 for _ in date_blocks(left, right, settings.max_days)), len(allowed)


def test_detection_by_date_blocks_links_as_the_whole_matrix_did(tmp_path, settings, embedder, corpus_slice):
    """Real releases, the real model and store: five releases each in English and Hindi under an id
    per language, over several dates: one pair's Hindi version a day later, one pair undated, one
    text PIB published twice (under two ministries, the second's Hindi a day later), and releases in
    one language only, one undated. Detection, which compares only releases whose dates allow a
    link, links what the whole matrix of the two languages links, with the same scores."""
    from bot.service import Service

    dates = {"1611137": ("2020-04-04", "2020-04-05"), "1620635": (None, None), "1628341": ("2020-06-01", "2020-06-01"),
             "1628342": ("2020-06-01", "2020-06-02"), "1628922": ("2020-06-03", "2020-06-03")}
    own = [dataclasses.replace(r, release_id=f"{r.release_id}-{r.lang}", date=dates[r.release_id][r.lang == "hi"])
           for r in corpus_slice if r.release_id in dates]
    alone = [r for r in corpus_slice if r.release_id not in dates][:10]
    alone[0] = dataclasses.replace(alone[0], date=None)
    svc = Service(settings.model_copy(update={"index_dir": tmp_path / "index"}), embedder=embedder)
    try:
        svc.ingest(own + alone)
        s = LinkSettings()
        left, right, blocks, allowed = _stored_sides(svc.store, s)
        assert blocks > 3 and allowed < len(left) * len(right)

        whole = _as_rows(_unblocked_match(left, right, s))
        assert _as_rows(match_one_to_one(left, right, s)) == whole  # the same pairs, scores and order
        assert {(a, b) for a, _, b, _, _ in whole} == {(f"{rid}-en", f"{rid}-hi") for rid in dates}
        stored = {(link.ordered(), link.source, link.score) for link in svc.store.translation_links()}
        assert stored == {((a, la, b, lb), "detected", round(score, 4)) for a, la, b, lb, score in whole}
    finally:
        svc.close()


def test_date_blocks_hold_every_pair_the_dates_allow_once(tmp_path):
    """1,200 releases over six weeks, a tenth undated, in a real store: the blocks hold exactly the
    pairs pair_score's dates allow, and matching by them gives the whole matrix's pairs and scores,
    in its order, at the default floor and at one low enough to make pairs compete."""
    store = IndexStore(tmp_path / "index", IndexStamp("synthetic", 64, "{}"))
    try:
        store.upsert(_versions(600))
        s = LinkSettings()
        left, right, blocks, _ = _stored_sides(store, s)
        assert blocks == 45 + 1  # a block a day, and the undated
        for floor in (s.min_score, 0.05):
            low = dataclasses.replace(s, min_score=floor)
            whole = _as_rows(_unblocked_match(left, right, low))
            assert len(whole) == 600 and _as_rows(match_one_to_one(left, right, low)) == whole
        assert len(candidate_pairs(left, right, low)) > 10 * len(whole)  # at the low floor, many competed
    finally:
        store.close()


def _daily_versions(days: int, per_day: int, undated: int = 4) -> list[ReleaseEntry]:
    """`per_day` English and Hindi versions of releases a day for `days` days, each under its own
    id, the Hindi one a day later now and then, `undated` pairs undated; a pair's passages near one
    vector of its own, a third of the pairs near one of four topics (rivals at a low floor)."""
    rng = np.random.default_rng(11)
    topics = rng.normal(size=(4, 64))
    out = []
    for i in range(days * per_day):
        base = rng.normal(size=64) if i % 3 else topics[i % 4] + 0.3 * rng.normal(size=64)
        every = days * per_day // undated
        day = None if i % every == 7 % every else dt.date(2019, 3, 1) + dt.timedelta(days=i // per_day)
        for lang, later, n in (("en", 0, 1 + i % 2), ("hi", i % 7 == 0, 1 + i % 3 // 2)):
            rid = f"{lang}{i:05d}"
            release = Release(rid, lang, f"title {i}", f"text {i}",
                              date=(day + dt.timedelta(days=int(later))).isoformat() if day else None)
            passages = [Passage(rid, lang, 0, 6, f"text {i}") for _ in range(n)]
            out.append(ReleaseEntry(release, passages, (base + rng.normal(scale=0.05, size=(n, 64))).astype(np.float32)))
    return out


def _alive_profiles(run):
    """(what `run()` returns, the most ReleaseProfile objects alive at once while it ran): each
    profile counted from when release_profiles_of made it until it was freed."""
    import sys
    import weakref

    from index.links import release_profiles_of

    alive, most = [0], [0]

    def freed():
        alive[0] -= 1

    def watch(frame, event, arg):
        if event == "return" and frame.f_code is release_profiles_of.__code__ and arg:
            for profile in arg.values():
                weakref.finalize(profile, freed)
            alive[0] += len(arg)
            most[0] = max(most[0], alive[0])

    sys.setprofile(watch)
    try:
        out = run()
    finally:
        sys.setprofile(None)
    return out, most[0]


def test_detection_holds_a_few_days_of_profiles_and_links_as_the_whole_run(tmp_path):
    """A run of 60 days, 12 releases a language a day, in a real store, detection reading 50
    releases' profiles at a time: at most that and the days a link reaches around them are alive at
    once (the code before held all 1,440, twice), and the links are those of the whole run's
    profiles matched at once, in the same order, with the same scores, at the default floor and at
    one low enough that pairs compete across the blocks' edges."""
    store = IndexStore(tmp_path / "index", IndexStamp("synthetic", 64, "{}"))
    try:
        entries = _daily_versions(60, 12)
        store.upsert(entries)
        keys = set(store.release_keys())
        profiles = store.release_profiles(keys=keys)
        assert len(profiles) == len(keys) == 1440
        left = sorted((p for p in profiles.values() if p.lang == "en"), key=lambda p: p.release_id)
        right = sorted((p for p in profiles.values() if p.lang == "hi"), key=lambda p: p.release_id)
        del profiles
        per_day = max(sum(e.release.date == d for e in entries) for d in {e.release.date for e in entries})
        undated = sum(e.release.date is None for e in entries)
        assert per_day <= 30 and 0 < undated < 50
        s = LinkSettings()
        for floor in (s.min_score, 0.05):
            low = dataclasses.replace(s, min_score=floor)
            whole = [TranslationLink(a.release_id, "en", b.release_id, "hi", "detected", round(score, 4))
                     for a, b, score in match_one_to_one(left, right, low)]
            links, most = _alive_profiles(lambda: TranslationLinker(store, low, releases_at_once=50)._detect(keys))
            assert links == whole and len(links) == 720
            # a block (50 and the rest of its last day) and the max_days before and after it
            assert most <= 50 + per_day + 2 * low.max_days * per_day, most
        assert len(candidate_pairs(left, right, low)) > 10 * len(whole)  # at the low floor, many competed
    finally:
        store.close()


@pytest.mark.parametrize("undated", [4, 120], ids=["one-day", "undated"])
def test_a_day_and_the_undated_larger_than_a_block_are_read_a_block_at_a_time(tmp_path, undated):
    """One day of 240 releases a language (some Hindi versions a day later), then 120 of the pairs
    undated, detection reading 50 at a time: at most two blocks of profiles are alive at once (the
    code before held a day whole, and every undated release at once: 480 and more), and the links
    are those of the whole run's profiles matched at once, at the default floor and a low one."""
    store = IndexStore(tmp_path / "index", IndexStamp("synthetic", 64, "{}"))
    try:
        store.upsert(_daily_versions(1, 240, undated))
        keys = set(store.release_keys())
        profiles = store.release_profiles(keys=keys)
        left = sorted((p for p in profiles.values() if p.lang == "en"), key=lambda p: p.release_id)
        right = sorted((p for p in profiles.values() if p.lang == "hi"), key=lambda p: p.release_id)
        assert sum(p.date is None for p in left) == undated
        del profiles
        for floor in (LinkSettings().min_score, 0.05):
            low = dataclasses.replace(LinkSettings(), min_score=floor)
            whole = [TranslationLink(a.release_id, "en", b.release_id, "hi", "detected", round(score, 4))
                     for a, b, score in match_one_to_one(left, right, low)]
            links, most = _alive_profiles(lambda: TranslationLinker(store, low, releases_at_once=50)._detect(keys))
            assert links == whole and len(links) == 240
            assert most <= 2 * 50, most
    finally:
        store.close()


def _profile(rid, lang, vec, date="2020-06-01", values=()):
    v = np.asarray(vec, dtype=np.float32)
    return ReleaseProfile(rid, lang, date, v / np.linalg.norm(v), frozenset(Decimal(x) for x in values))


def test_translations_are_matched_one_to_one_by_date_figures_and_similarity():
    en = [_profile("e1", "en", [1, 0.1, 0], values=[86000, 12]), _profile("e2", "en", [0.9, 0.4, 0], values=[5])]
    hi = [_profile("h1", "hi", [1, 0.12, 0], values=[86000, 12]), _profile("h2", "hi", [0.92, 0.38, 0], values=[5]),
          _profile("h3", "hi", [0.9, 0.4, 0], date="2020-06-09", values=[5])]  # same text, a week later
    pairs = {(a.release_id, b.release_id) for a, b, _ in match_one_to_one(en, hi, LinkSettings(min_score=0.9))}
    assert pairs == {("e1", "h1"), ("e2", "h2")}
    # Nothing is linked below the floor.
    assert match_one_to_one(en, [_profile("h4", "hi", [0, 0, 1])], LinkSettings()) == []
