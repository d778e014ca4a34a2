"""A figure found in a passage: the record every part of the extractor produces."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

KINDS = ("money", "percent", "quantity", "count", "date", "year", "period")


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

    def to_dict(self) -> dict:
        v = self.value
        if v is None:
            jv = None
        elif v == v.to_integral_value():
            jv = int(v)
        else:
            jv = float(v)
        d = {"text": self.text, "start": self.start, "end": self.end, "value": jv, "unit": self.unit,
             "kind": self.kind, "qualifier": self.qualifier, "label": self.label}
        if self.iso is not None:
            d["iso"] = self.iso
        return d
