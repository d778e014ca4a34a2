"""A one-line table's totals, told by their sums: a total has no words of its own to say it is one
when it is glued to the last row's cells, or when a row leaves a cell out and its total would take
the place of another column's."""
from __future__ import annotations

import dataclasses
from decimal import Decimal

from index.figures.oneline.rows import Row
from index.figures.oneline.words import TOTAL_HEADS
from index.figures.patterns import ascii_digits


def _value(text: str) -> Decimal | None:
    """A cell's number ("1,162", "9,677.98"), None for another ("-", "49.88%")."""
    try:
        return Decimal(ascii_digits(text).replace(",", "").rstrip("*"))
    except ArithmeticError:
        return None


def sums(total: list[Decimal | None], parts: list[list[Decimal | None]]) -> bool:
    """Whether each of `total` is the sum of the `parts` in its place (up to a rounding of each)."""
    for k, t in enumerate(total):
        values = [p[k] for p in parts if p[k] is not None]
        if t is None or not values or abs(sum(values) - t) > Decimal("0.01") * len(values):
            return False
    return True


def _last_is_sum(values: list[Decimal | None]) -> bool:
    return sums(values[-1:], [[v] for v in values[:-1]])


def row_values(row: Row, text: str, width: int) -> list[Decimal | None]:
    """A row's numbers by column (None for an empty cell)."""
    values: list[Decimal | None] = [None] * width
    for a, b in row.cells:
        if (j := row.cell_columns[a]) is not None and j < width:
            values[j] = _value(text[a:b])
    return values


def split_totals(row: Row, rows: list[Row], text: str) -> tuple[Row, Row | None]:
    """The last row of a table that holds twice its cells, the table's totals after its own with no
    label between ("14 West Bengal 1 - 1 - 1 - 70 9,677.98 73 11,442.66 79 11,101.81"): the row's own
    cells, and the totals as a row "Total" where each is the sum of its column above; else None, the
    totals no row's. By position alone they would be West Bengal's."""
    width = row.width // 2
    own = dataclasses.replace(row, cells=tuple(c for c in row.cells if row.cell_columns[c[0]] < width), width=width)
    rest = [c for c in row.cells if row.cell_columns[c[0]] >= width]
    total = Row("Total", tuple(rest), width, {a: j - width for a, j in row.cell_columns.items() if j >= width})
    full = [row_values(r, text, width) for r in [*rows, own] if r.width == width]
    return own, total if rest and sums(row_values(total, text, width), full) else None


def total_column(rows: tuple[Row, ...], columns: list[str] | None, text: str) -> tuple[Row, ...]:
    """`rows` of a table whose last column (of `columns`) is headed Total and whose full rows' last
    cell is the sum of their others, each row of a cell left out ("Agar Malwa 64 64" under "District
    e-2W e-3Ws Total") read by that sum: a last cell that is the sum of the row's others is its Total;
    which column the others are in is not known, so they have none. Taking the columns in order would
    make a short row's total its last but one column's."""
    width = max(r.width for r in rows)
    if not columns or columns[-1].split()[-1].casefold() not in TOTAL_HEADS:
        return rows
    full = [row_values(r, text, width) for r in rows if r.width == width and len(r.cells) == width]
    if len(full) < 2 or not all(_last_is_sum(v) for v in full if None not in v):
        return rows
    read = []
    for row in rows:
        values = [_value(text[a:b]) for a, b in row.cells]
        if (row.width < width and len(values) >= 2 and row.cells[-1][0] == max(row.cell_columns)
                and None not in values and _last_is_sum(values)):
            row = dataclasses.replace(row, cell_columns={a: width - 1 if a == row.cells[-1][0] else None
                                                         for a in row.cell_columns})
        read.append(row)
    return tuple(read)
