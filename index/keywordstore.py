"""The keyword side of the store: FTS5 rows of each passage's normalised terms (index/lexical.py),
ranked by BM25, and their document frequencies for idf weights."""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from index.filters import PASSAGES_OF_RELEASES, SearchFilters
from index.inlists import select_in
from index.lexical import document_terms
from index.loanwords import spelling_rows

KEYWORD_POOL = 5000  # keyword matches ranked before filters are applied
MAX_MATCH_TERMS = 64  # a question's terms beyond these add time, not matches
COMMON_ROWS = 20_000  # a term held by more passages is not ranked while a rarer one is asked (docs/scale.md)


def add_passages(con: sqlite3.Connection, passages) -> None:
    """(passage id, text) rows, in one statement, and their Latin terms by skeleton."""
    rows = [(pid, document_terms(text)) for pid, text in passages]
    con.executemany("INSERT INTO passages_fts (rowid, terms) VALUES (?, ?)", rows)
    add_latin_terms(con, {term for _, words in rows for term in words.split()})


def add_latin_terms(con: sqlite3.Connection, terms) -> None:
    con.executemany("INSERT OR IGNORE INTO latin_terms (skeleton, term) VALUES (?, ?)", spelling_rows(terms))


def latin_terms(con: sqlite3.Connection, skeletons: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, term in select_in(con, lambda marks: f"SELECT skeleton, term FROM latin_terms WHERE skeleton IN ({marks})",
                               skeletons):
        out.setdefault(key, []).append(term)
    return out


def optimize(con: sqlite3.Connection) -> None:
    """Merge the keyword index's segments into one b-tree. FTS5 writes each transaction's rows as a
    new segment and merges them only four at a level, so an index built batch by batch is read as
    many segments, each looked up for every term a question matches (docs/retrieval.md#latency).
    The rows, their terms and so every BM25 score stay as they were."""
    con.execute("INSERT INTO passages_fts(passages_fts) VALUES('optimize')")


def remove_passage(con: sqlite3.Connection, passage_id: int) -> None:
    con.execute("DELETE FROM passages_fts WHERE rowid=?", (passage_id,))


def match_expression(terms: Sequence[str]) -> str | None:
    """An FTS5 MATCH expression: any of the terms (each quoted, so a term is never FTS5 syntax)."""
    quoted = ['"' + t.replace('"', '""') + '"' for t in dict.fromkeys(terms)]
    return " OR ".join(quoted[:MAX_MATCH_TERMS]) or None


def rankable_terms(terms: Sequence[str], frequencies: dict[str, int], common: int | None = None) -> list[str]:
    """The terms worth ranking by BM25: FTS5 scores every passage that holds any of them, so a term
    in hundreds of thousands of passages costs a search most of its time and adds little (its idf
    is low). Below `common` passages nothing is left out: a small index ranks every term."""
    common = COMMON_ROWS if common is None else common
    rare = [t for t in terms if frequencies.get(t, 0) <= common]
    return rare or sorted(terms, key=lambda t: frequencies.get(t, 0))[:1]


def keyword_search(con: sqlite3.Connection, terms: Sequence[str], k: int, filters: SearchFilters | None,
                   pool: int = KEYWORD_POOL) -> list[tuple[int, float]]:
    """BM25 over the passages' terms, matching any of `terms`; scores are positive, higher is better."""
    match = match_expression(terms)
    if match is None:
        return []
    args: list = [match]
    if filters is None or filters.is_empty():
        sql = ("SELECT rowid, -bm25(passages_fts) AS s FROM passages_fts WHERE passages_fts MATCH ? "
               "ORDER BY bm25(passages_fts) LIMIT ?")
    else:
        # Rank first, filter after: a filter inside the MATCH query makes SQLite re-run the
        # match for every passage of the filter (seconds instead of a millisecond).
        where, wargs = filters.where()
        sql = ("WITH m AS (SELECT rowid AS id, bm25(passages_fts) AS s FROM passages_fts "
               f"WHERE passages_fts MATCH ? ORDER BY s LIMIT {int(pool)}) "
               f"SELECT m.id, -m.s FROM m JOIN {PASSAGES_OF_RELEASES} AND p.id = m.id WHERE {where} "
               "ORDER BY m.s LIMIT ?")
        args += wargs
    args.append(k)
    return [(int(i), float(s)) for i, s in con.execute(sql, args)]


def passage_terms(con: sqlite3.Connection, passage_ids: Sequence[int]) -> dict[int, frozenset[str]]:
    rows = select_in(con, lambda marks: f"SELECT rowid, terms FROM passages_fts WHERE rowid IN ({marks})", passage_ids)
    return {pid: frozenset(t.split()) for pid, t in rows}


def document_frequencies(con: sqlite3.Connection, terms: list[str]) -> dict[str, int]:
    """How many passages hold each term."""
    return dict(select_in(con, lambda marks: f"SELECT term, doc FROM passages_vocab WHERE term IN ({marks})", terms))
