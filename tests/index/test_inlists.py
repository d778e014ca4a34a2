"""Reads by lists longer than one statement binds (index/inlists.py): on a real SQLite connection
whose limit of bound values is lowered, the same rows as one statement where the list fits."""
import sqlite3

import pytest

from index.inlists import select_in
from index.store import IndexStore, SearchFilters

LIMIT = 10  # bound values a statement may hold on the lowered connections


def lowered(con: sqlite3.Connection) -> sqlite3.Connection:
    con.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT)
    return con


def test_a_list_past_the_limit_is_read_in_parts_with_the_rows_of_one_statement():
    rows = [(f"r{i % 97}", "hi" if i % 2 else "en", i) for i in range(1000)]
    cons = [sqlite3.connect(":memory:"), lowered(sqlite3.connect(":memory:"))]
    for con in cons:
        con.execute("CREATE TABLE t (id TEXT, lang TEXT, n INTEGER, PRIMARY KEY (id, lang, n))")
        con.executemany("INSERT INTO t VALUES (?,?,?)", rows)
    ids = sorted({r[0] for r in rows})
    with pytest.raises(sqlite3.OperationalError, match="too many SQL variables"):  # the limit is SQLite's own
        cons[1].execute(f"SELECT * FROM t WHERE id IN ({','.join('?' * len(ids))})", ids)

    def read(con):
        # in the order of the list's parts: by id, as one statement orders them when the list is sorted
        return (list(select_in(con, lambda marks: f"SELECT * FROM t WHERE id IN ({marks}) ORDER BY id, lang, n", ids)),
                # the list named twice, after a value of the statement's own
                sorted(select_in(con, lambda marks: f"SELECT n FROM t WHERE n >= ? AND (id IN ({marks}) OR lang IN ({marks}))",
                                 ids, args=[500], lists=2)),
                # pairs, as a VALUES list
                sorted(select_in(con, lambda marks: f"SELECT t.* FROM (VALUES {marks}) k JOIN t ON t.id = k.column1 "
                                                    "AND t.lang = k.column2", [(i, "hi") for i in ids], width=2)))

    whole, parts = read(cons[0]), read(cons[1])
    assert parts == whole
    assert len(whole[0]) == 1000 and len(whole[1]) == 500 and len(whole[2]) == 500
    assert list(select_in(cons[1], lambda marks: f"SELECT * FROM t WHERE id IN ({marks})", [])) == []


def test_a_part_holds_at_most_what_is_asked_whatever_the_connection_binds():
    """`most` caps a part below the connection's limit (SQLite's memory for a statement follows its
    list): more statements, the same rows in the same order."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, lang TEXT)")
    con.executemany("INSERT INTO t VALUES (?,?)", [(i, "hi" if i % 2 else "en") for i in range(100)])
    statements = []
    con.set_trace_callback(statements.append)
    pairs = [(i, "hi" if i % 2 else "en") for i in range(0, 100, 3)]

    def read(**most):
        return list(select_in(con, lambda marks: f"SELECT t.id FROM (VALUES {marks}) k JOIN t ON t.id = k.column1 "
                                                 "AND t.lang = k.column2", pairs, width=2, **most))

    whole = read()
    assert len(statements) == 1 and len(whole) == len(pairs)
    statements.clear()
    assert read(most=5) == whole and len(statements) == 7  # 34 pairs, 5 a part


def test_the_store_reads_a_search_and_a_link_make_past_the_limit_as_below_it(service, settings):
    """Two fresh read-only stores on the session's index (nothing cached between them), one whose
    reads may bind LIMIT values each: every read that takes a list gives the same answer."""
    stamp = IndexStore.read_stamp(settings.index_dir)
    stores = [IndexStore(settings.index_dir, stamp, read_only=True), IndexStore(settings.index_dir, stamp, read_only=True)]
    lowered(stores[1]._reader())  # this thread's connection, which the reads below use
    con = stores[0]._reader()
    ids = [r[0] for r in con.execute("SELECT id FROM passages ORDER BY id")]
    keys = [tuple(r) for r in con.execute("SELECT release_id, lang FROM releases ORDER BY release_id, lang")]
    skeletons = [r[0] for r in con.execute("SELECT DISTINCT skeleton FROM latin_terms")]
    assert min(len(ids), len(keys), len(skeletons)) > 3 * LIMIT  # in many parts

    def read(store):
        terms = sorted({t for found in store.passage_terms(ids).values() for t in found})
        profiles = store.release_profiles(keys=keys)
        return {"passages": store.passages(ids), "vectors": store.vectors(ids).tolist(), "terms": store.passage_terms(ids),
                "dates": store.release_dates(ids), "frequencies": store.document_frequencies(terms),
                "latin": store.latin_terms(skeletons),
                "releases": store.passage_releases(SearchFilters(lang="hi"), sorted({k[0] for k in keys})),
                "translations": store.translations_of_many(keys), "by_id": store.release_keys_by_id(k[0] for k in keys),
                "profiles": {k: (p.date, p.vector.tolist(), p.values, p.ministry) for k, p in profiles.items()},
                "profile_order": list(profiles)}

    try:
        whole, parts = read(stores[0]), read(stores[1])
    finally:
        for store in stores:
            store.close()
    assert parts == whole
    assert any(whole["translations"].values()) and whole["releases"] and len(whole["profiles"]) == len(keys)
