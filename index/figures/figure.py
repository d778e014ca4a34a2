"""A figure found in a passage: the record every part of the extractor produces."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from index.figures.patterns import TIME_UNITS

KINDS = ("money", "percent", "ratio", "quantity", "count", "ordinal", "date", "year", "period")
TIME_KINDS = frozenset({"date", "year", "period"})  # the kinds that say when, not how much
# The kinds a table's row, a "respectively" list or a pair gives its label to: those that count or measure.
LABEL_KINDS = ("money", "percent", "quantity", "count")
# Ends a table cell's row label, before its column's header (index/figures/inline.py): "Kerala | Cases".
CELL_MARK = " |"


def row_label(label: str) -> str:
    """A cell's label without its column's header: the row's own words."""
    return label.split(CELL_MARK, 1)[0]


def column_label(label: str | None) -> str:
    """A table cell's column header ("Feb-19" of "West Bengal | Feb-19"); "" for a figure of no table."""
    return label.partition(CELL_MARK)[2] if label else ""


# A table row's label that names the table's total rather than a thing of its own ("Total", "All India").
TOTAL_LABELS = frozenset(("total", "grand total", "कुल", "योग", "india", "भारत"))


@dataclass(frozen=True)
class Figure:
    text: str  # the exact source span, text[start:end]
    start: int
    end: int
    value: Decimal | None
    unit: str | None
    kind: str
    qualifier: str | None = None
    label: str | None = None
    iso: str | None = None  # dates: "YYYY-MM-DD" / "YYYY-MM" / "--MM-DD"; years "2020"; periods "2025/2026"

    @property
    def spelled_count(self) -> bool:
        """A small count written in words alone ("four goals", "दो प्रयोगशालाओं"), of things or of days
        ("a five-day exercise"): prose counting its own parts more often than a figure a release reports."""
        return (self.kind == "count" or self.kind == "quantity" and self.unit in TIME_UNITS) and (
            self.value is not None and self.value < 100 and not any(ch.isdigit() for ch in self.text))

    @property
    def shown_label(self) -> str | None:
        """The label as a reader reads it: a table cell's "Kerala | Cases" as "Kerala, Cases"."""
        if not self.label or CELL_MARK not in self.label:
            return self.label
        row, _, column = self.label.partition(CELL_MARK)
        if not row.strip():  # a table of one row without a label: its column says it all
            return column.strip()
        return f"{row}, {column.strip()}" if column.strip() else row

    def to_dict(self) -> dict:
        v = self.value
        if v is None:
            jv = None
        elif v == v.to_integral_value():
            jv = int(v)
        else:
            jv = float(v)
        d = {"text": self.text, "start": self.start, "end": self.end, "value": jv, "unit": self.unit,
             "kind": self.kind, "qualifier": self.qualifier, "label": self.shown_label}
        if self.iso is not None:
            d["iso"] = self.iso
        return d
