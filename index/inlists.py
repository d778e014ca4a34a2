"""Reads that name their rows by a list of any length: a run's releases, a search's candidates.

SQLite binds at most SQLITE_LIMIT_VARIABLE_NUMBER values in one statement, a number each build
chooses (999 before SQLite 3.32, 32,766 by default since, 250,000 in the one this project's Python
ships), so a list as long as a backfill's releases is read in parts, each as long as the connection
it is read on can bind. One statement when the list fits, as before; the same rows when it does not.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence


def select_in(con: sqlite3.Connection, sql: Callable[[str], str], values: Sequence, *, args: Sequence = (),
              width: int = 1, lists: int = 1, most: int | None = None) -> Iterator[tuple]:
    """The rows of `sql(marks)` for every one of `values`, part after part in their order.

    `marks` are a part's placeholders: "?,?,?" for an IN list, or for `width`-tuples (a release's id
    and language) "(?,?),(?,?)", for a VALUES list, bound flattened. `lists`: how many times the
    statement names the list (each binds the part again); `args`: its other values, bound first.
    `most`: at most this many values a part, whatever the connection binds: SQLite compiles a
    statement's whole list at once, and a VALUES list of a backfill's 80,000 pairs took it 62 MB."""
    room = max(1, (con.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) - len(args)) // (width * lists))
    room = min(room, most) if most else room
    mark = "?" if width == 1 else f"({','.join('?' * width)})"
    for at in range(0, len(values), room):
        part = list(values[at:at + room])
        bound = part if width == 1 else [x for value in part for x in value]
        yield from con.execute(sql(",".join([mark] * len(part))), [*args, *bound * lists])
