"""The store's table of translation links: which releases are versions of one release in another language.

On pib.gov.in each language version of a release has its own id, so "the Hindi version of 2184082"
cannot be found by sharing an id; it is a link, stored once (one row per pair, the languages in
sorted order) and read by `translations_of`, the cross-language pivot and the folding of a release's
versions into one hit. Links come from three places, in this order of trust: the page's own language
links (`Release.translations`), a shared id (the 2020 scrape), and detection (index/translations.py).
A link names both sides; a side not (yet) in the index is invisible to readers until it arrives.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from index.inlists import select_in
from index.stores.base import weighed_blocks

LINKS_SCHEMA = """
CREATE TABLE IF NOT EXISTS translation_links (
    a_id TEXT NOT NULL, a_lang TEXT NOT NULL, b_id TEXT NOT NULL, b_lang TEXT NOT NULL,
    source TEXT NOT NULL, score REAL,
    PRIMARY KEY (a_id, a_lang, b_lang)
);
CREATE UNIQUE INDEX IF NOT EXISTS translation_links_b ON translation_links (b_id, b_lang, a_lang);
"""

# Releases named in one statement when a run's are read for detection: SQLite's memory for a
# statement follows its list (select_in's `most`).
KEYS_AT_ONCE = 2048

# How far a link is trusted: a stronger source replaces a weaker one, never the reverse.
SOURCE_RANK = {"detected": 0, "shared-id": 1, "page": 2}


def outranked(link: "TranslationLink", clashing_sources: Iterable[str]) -> bool:
    """True when a stored link that clashes with `link` (same side, same other language) is more trusted."""
    return any(SOURCE_RANK.get(s, 0) > SOURCE_RANK[link.source] for s in clashing_sources)


def release_profiles_of(rows: Iterable[tuple]) -> dict[tuple[str, str], "ReleaseProfile"]:
    """Profiles from passage rows (release_id, lang, date, vector, figures, ministry): the mean of a
    release's passage vectors, its figure values without years and dates."""
    import numpy as np

    sums: dict[tuple[str, str], list] = {}
    for rid, lang, date, vector, figures, ministry in rows:
        entry = sums.setdefault((rid, lang), [date, 0.0, set(), ministry])
        entry[1] = entry[1] + vector
        entry[2].update(f.value for f in figures if f.value is not None and f.kind not in ("year", "date"))
    out = {}
    for key, (date, vec, values, ministry) in sums.items():
        norm = float(np.linalg.norm(vec))
        out[key] = ReleaseProfile(key[0], key[1], date, vec / norm if norm else vec, frozenset(values), ministry)
    return out


@dataclass(frozen=True)
class TranslationLink:
    """Two releases that are one release in two languages."""

    release_id: str
    lang: str
    other_id: str
    other_lang: str
    source: str  # "page", "shared-id" or "detected"
    score: float | None = None

    def ordered(self) -> tuple[str, str, str, str]:
        """(a_id, a_lang, b_id, b_lang) with a_lang < b_lang: the pair's one row."""
        if self.lang <= self.other_lang:
            return self.release_id, self.lang, self.other_id, self.other_lang
        return self.other_id, self.other_lang, self.release_id, self.lang


class TranslationLinksMixin:
    """IndexStore's methods over `translation_links` (they use its connection, lock and caches)."""

    def save_translation_links(self, links: Iterable[TranslationLink], *, replace_detected: Iterable[tuple[str, str]] = ()
                               ) -> int:
        """Store links in one transaction; a side's weaker links give way to a stronger one.

        `replace_detected`: releases whose detected links are dropped first (they are being re-decided).
        Returns the links written."""
        links = list(links)
        drop = list(replace_detected)
        if not links and not drop:
            return 0

        def change(db):
            written = 0
            for rid, lang in drop:
                db.execute("DELETE FROM translation_links WHERE source='detected' AND "
                           "((a_id=? AND a_lang=?) OR (b_id=? AND b_lang=?))", (rid, lang, rid, lang))
            for link in links:
                a_id, a_lang, b_id, b_lang = link.ordered()
                clash = db.execute(
                    "SELECT source FROM translation_links WHERE (a_id=? AND a_lang=? AND b_lang=?) "
                    "OR (b_id=? AND b_lang=? AND a_lang=?)",
                    (a_id, a_lang, b_lang, b_id, b_lang, a_lang)).fetchall()
                if outranked(link, (s for (s,) in clash)):
                    continue
                db.execute("DELETE FROM translation_links WHERE (a_id=? AND a_lang=? AND b_lang=?) "
                           "OR (b_id=? AND b_lang=? AND a_lang=?)", (a_id, a_lang, b_lang, b_id, b_lang, a_lang))
                db.execute("INSERT INTO translation_links VALUES (?,?,?,?,?,?)",
                           (a_id, a_lang, b_id, b_lang, link.source, link.score))
                written += 1
            return written, [], [], [], []  # no passage changes: the vectors stay as they are

        return self._write(change)

    def translation_links(self) -> list[TranslationLink]:
        """Every stored link (for measuring and for export)."""
        rows = self._reader().execute("SELECT a_id, a_lang, b_id, b_lang, source, score FROM translation_links")
        return [TranslationLink(*r) for r in rows]

    def _translations_of(self, release_id: str, lang: str) -> list[dict]:
        """`translations_of`: [{release_id, lang, title, url}] of the linked releases in the index."""
        return self._translations_rows(self._reader(), [(release_id, lang)]).get((release_id, lang), [])

    def translations_of_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[dict]]:
        """`translations_of` for every (release_id, lang) of `keys`, in one query for those not
        yet read in this generation: a search asks it of a hundred candidates, a query each cost
        more than the rest of the fold."""
        keys = list(dict.fromkeys(keys))
        with self.snapshot() as view:
            cache, generation = view.derived.per_generation, view.state.generation
            # The entries the @_per_generation `translations_of` reads and writes (index/store.py).
            found, missing = cache.split(("translations_of", generation, *k) for k in keys)
            out = {key[2:]: value for key, value in found.items()}
            if missing:
                read = self._translations_rows(self._reader(), [key[2:] for key in missing])
                for key in missing:
                    out[key[2:]] = read.get(key[2:], [])
                    cache.put(key, out[key[2:]])
        return {key: list(out[key]) for key in keys}

    @staticmethod
    def _translations_rows(con, keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[dict]]:
        """{key: its linked releases that are in the index, by language then id}."""
        wanted = set(keys)
        out: dict[tuple[str, str], list[dict]] = {}
        rows = select_in(con, lambda marks: (
            "SELECT l.a_id, l.a_lang, r.release_id, r.lang, r.title, r.url FROM translation_links l "
            f"JOIN releases r ON r.release_id = l.b_id AND r.lang = l.b_lang WHERE l.a_id IN ({marks}) "
            "UNION ALL SELECT l.b_id, l.b_lang, r.release_id, r.lang, r.title, r.url FROM translation_links l "
            f"JOIN releases r ON r.release_id = l.a_id AND r.lang = l.a_lang WHERE l.b_id IN ({marks})"),
            sorted({rid for rid, _ in keys}), lists=2)
        for rid, lang, other_id, other_lang, title, url in rows:
            if (rid, lang) in wanted:
                out.setdefault((rid, lang), []).append(
                    {"release_id": other_id, "lang": other_lang, "title": title, "url": url})
        return {key: sorted(found, key=lambda t: (t["lang"], t["release_id"])) for key, found in out.items()}

    @staticmethod
    def _delete_links(con, release_id: str, lang: str | None) -> None:
        """Inside the caller's transaction: a deleted release's detected links (the page's own stay)."""
        if lang is None:
            con.execute("DELETE FROM translation_links WHERE source != 'page' AND (a_id=? OR b_id=?)",
                             (release_id, release_id))
        else:
            con.execute("DELETE FROM translation_links WHERE source != 'page' AND "
                             "((a_id=? AND a_lang=?) OR (b_id=? AND b_lang=?))", (release_id, lang, release_id, lang))

    # A release's profile is read from its passages and their vectors.
    _PROFILE_COLUMNS = "r.release_id, r.lang, r.date, v.vector, p.figures, r.ministry"
    _WITH_PASSAGES = ("JOIN passages p ON p.release_id = r.release_id AND p.lang = r.lang "
                      "JOIN passage_vectors v ON v.id = p.id")

    def release_profiles(self, *, langs: Iterable[str] | None = None, date_from: str | None = None,
                         date_to: str | None = None, undated: bool = False,
                         keys: Iterable[tuple[str, str]] | None = None) -> dict[tuple[str, str], "ReleaseProfile"]:
        """What linking compares, per release: date, mean passage vector, figure values.

        Either `keys`, or releases of `langs` dated within [date_from, date_to] (undated ones when `undated`)."""
        con = self._reader()
        columns, passages = self._PROFILE_COLUMNS, self._WITH_PASSAGES
        if keys is not None:  # as many as a run's releases: a list of pairs, in parts (index/inlists.py)
            rows = select_in(con, lambda marks: f"SELECT {columns} FROM (VALUES {marks}) k JOIN releases r "
                                                f"ON r.release_id = k.column1 AND r.lang = k.column2 {passages}",
                             list(dict.fromkeys(keys)), width=2)
        else:
            langs = list(langs or [])
            cond = f"r.lang IN ({','.join('?' * len(langs))})"
            args = list(langs)
            if undated:
                cond += " AND r.date IS NULL"
            else:
                cond += " AND r.date >= ? AND r.date <= ?"
                args += [date_from, date_to]
            rows = con.execute(f"SELECT {columns} FROM releases r {passages} WHERE {cond}", args)
        return self._profiles_of(rows)

    def _profiles_of(self, rows: Iterable[tuple]) -> dict[tuple[str, str], "ReleaseProfile"]:
        from index.database import blob_vector
        from index.store import figures_from_json

        return release_profiles_of((rid, lang, date, blob_vector(blob, self.stamp.dim), figures_from_json(figs), ministry)
                                   for rid, lang, date, blob, figs, ministry in rows)

    def release_profile_blocks(self, langs: Sequence[str], date_from: str | None, date_to: str | None, at_once: int,
                               *, undated: bool = False) -> Iterator[dict[tuple[str, str], "ReleaseProfile"]]:
        """Releases have no index by date (one would change the plans of the searches' date
        filters), and reading a date range joins every passage of the languages: once for the whole
        range is what `release_profiles` does, once a block would be once a few days. So the range's
        releases are listed once, rowid and date only, sorted by SQLite, and read `at_once` at a time
        by rowid: the same rows, each release's passages in the same order (by id, through either
        index), so the same sums and profiles as `release_profiles` gives."""
        con = self._reader()
        langs = list(langs)
        cond = "date IS NULL" if undated else "date >= ? AND date <= ?"
        listed = con.execute(f"SELECT rowid FROM releases WHERE lang IN ({','.join('?' * len(langs))}) AND {cond} "
                             "ORDER BY date, rowid", [*langs] if undated else [*langs, date_from, date_to])
        for rowids in weighed_blocks(((1, rowid) for (rowid,) in listed), at_once):
            yield self._profiles_of(select_in(con, lambda marks: (
                f"SELECT {self._PROFILE_COLUMNS} FROM releases r {self._WITH_PASSAGES} WHERE r.rowid IN ({marks})"),
                rowids))

    def profile_dates(self, keys: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str, str | None]]:
        return select_in(self._reader(), lambda marks: (
            f"SELECT r.release_id, r.lang, r.date FROM (VALUES {marks}) k JOIN releases r "
            "ON r.release_id = k.column1 AND r.lang = k.column2 WHERE EXISTS (SELECT 1 FROM passages p "
            "JOIN passage_vectors v ON v.id = p.id WHERE p.release_id = r.release_id AND p.lang = r.lang)"),
            keys, width=2, most=KEYS_AT_ONCE)

    def linked_sides(self, lang: str, other_lang: str) -> set[str]:
        """Ids of `lang` releases that already have a link to an `other_lang` release."""
        a, b = sorted((lang, other_lang))
        col = "a_id" if lang == a else "b_id"
        return {r[0] for r in self._reader().execute(
            f"SELECT {col} FROM translation_links WHERE a_lang=? AND b_lang=?", (a, b))}

    def release_keys(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self._reader().execute("SELECT release_id, lang FROM releases")]

    def has_translation_links(self) -> bool:
        return self._reader().execute("SELECT 1 FROM translation_links LIMIT 1").fetchone() is not None

    def release_keys_by_id(self, release_ids: Iterable[str]) -> list[tuple[str, str]]:
        """The stored (release_id, lang) of `release_ids` (a run's, when linking), by id then language."""
        return [tuple(r) for r in select_in(self._reader(), lambda marks: (
            f"SELECT release_id, lang FROM releases WHERE release_id IN ({marks}) ORDER BY release_id, lang"),
            sorted(set(release_ids)))]


@dataclass(frozen=True)
class ReleaseProfile:
    release_id: str
    lang: str
    date: str | None
    vector: "object"  # np.ndarray, unit length
    values: frozenset  # figure values (Decimal), years and dates left out
    ministry: str | None = None
