"""Folding the delta and the tombstones into new bases, one per language (index/vectorindex.py).

A base below EXACT_BELOW vectors is rebuilt exhaustively from the stored fp16 vectors; a larger one
keeps its trained inverted lists, drops its tombstoned rows and takes the delta's (the coarse
quantiser is trained once, when a language first crosses the threshold, on a random sample).
The result is written to new files; the store then points to them in one transaction
(IndexStore.compact), so a kill at any moment leaves the old pointer and, at worst, a stray file.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from index.database import blob_matrix
from index.inlists import select_in
from index.vectorindex import (EXACT_BELOW, TRAIN_SAMPLE, Base, add_to_lists, lists_for, load_index,
                               new_approximate, new_exact)

CHUNK = 50_000  # rows read from SQLite and added at a time: bounded memory at any index size


def stored_rows(con, dim: int, lang: str, above: int = 0, upto: int | None = None
                ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(ids, float32 vectors) of one language's passages with `above` < id <= `upto`, in chunks."""
    last = above
    while True:
        sql = "SELECT id, vector FROM passage_vectors WHERE lang=? AND id > ?"
        args: list = [lang, last]
        if upto is not None:
            sql += " AND id <= ?"
            args.append(upto)
        rows = con.execute(sql + " ORDER BY id LIMIT ?", args + [CHUNK]).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield (np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)),
               blob_matrix([r[1] for r in rows], dim))


def _sample(con, dim: int, lang: str, n: int, seed: int = 0) -> np.ndarray:
    ids = np.fromiter((r[0] for r in con.execute("SELECT id FROM passages WHERE lang=?", (lang,))), dtype=np.int64)
    chosen = np.sort(np.random.default_rng(seed).choice(ids, size=min(n, len(ids)), replace=False))
    rows = select_in(con, lambda marks: f"SELECT vector FROM passage_vectors WHERE id IN ({marks})", chosen.tolist())
    return blob_matrix([r[0] for r in rows], dim)


def build_base(con, dim: int, lang: str, *, upto: int, old: Base | None, old_file: Path | None,
               above: int, tombstones: np.ndarray):
    """The new base of `lang` for the snapshot `con` reads: passages with id <= `upto`.

    `old` (saved in `old_file`) covers ids <= `above` minus `tombstones`."""
    n = con.execute("SELECT COUNT(*) FROM passages WHERE lang=? AND id <= ?", (lang, upto)).fetchone()[0]
    if n < EXACT_BELOW:
        index = new_exact(dim)
        for ids, vectors in stored_rows(con, dim, lang, upto=upto):
            index.add_with_ids(vectors, ids)
        return index
    index = load_index(old_file, dim, mapped=False) if old is not None and old.approximate and old_file else None
    if index is not None:  # keep the trained lists: out with the tombstones, in with the delta
        gone = tombstones[old.holds(tombstones)]
        if len(gone):
            index.remove_ids(gone)
        rows = stored_rows(con, dim, lang, above=above, upto=upto)
    else:
        index = new_approximate(dim, _sample(con, dim, lang, TRAIN_SAMPLE * lists_for(n)), n)
        rows = stored_rows(con, dim, lang, upto=upto)
    for ids, vectors in rows:
        add_to_lists(index, vectors, ids)
    return index


def languages(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT lang FROM releases ORDER BY lang")]

