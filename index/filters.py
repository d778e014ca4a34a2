"""Which passages a search may return, as SQL over the store's tables."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

PASSAGES_OF_RELEASES = "passages p JOIN releases r ON p.release_id = r.release_id AND p.lang = r.lang"


def dates_out_of_order(date_from, date_to) -> str | None:
    """What is wrong with a date range that holds no day (`date_from` after `date_to`: ISO days, as
    text or dates), else None. The asker's slip, not the index's lack: a request says so and is
    refused, where a search under it would only find nothing."""
    if date_from and date_to and str(date_from) > str(date_to):
        return f"the dates' range holds no day: it starts on {date_from}, after its end on {date_to}"
    return None


@dataclass(frozen=True)
class SearchFilters:
    """Which passages a search may return; all given conditions must hold."""

    lang: str | None = None
    ministries: tuple[str, ...] = ()  # any of these names (English and Hindi forms of one ministry)
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None
    release_id: str | None = None

    def is_empty(self) -> bool:
        return not (self.lang or self.ministries or self.date_from or self.date_to or self.release_id)

    def nothing_matches(self) -> str:
        """Why no passage passes them, as a reply says it. The API and the CLI refuse a range that
        holds no day before searching; another caller of the search is told so here."""
        return dates_out_of_order(self.date_from, self.date_to) or "nothing in the index matches the filters"

    def with_lang(self, lang: str | None) -> "SearchFilters":
        return dataclasses.replace(self, lang=lang)

    def where(self) -> tuple[str, list]:
        """SQL over `passages p JOIN releases r`."""
        clauses, args = [], []
        if self.lang:
            clauses.append("p.lang = ?")
            args.append(self.lang)
        if self.release_id:
            clauses.append("p.release_id = ?")
            args.append(self.release_id)
        if self.ministries:
            clauses.append(f"lower(r.ministry) IN ({','.join('?' * len(self.ministries))})")
            args += [m.lower() for m in self.ministries]
        if self.date_from:
            clauses.append("r.date >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("r.date <= ?")
            args.append(self.date_to)
        return (" AND ".join(clauses) or "1"), args
