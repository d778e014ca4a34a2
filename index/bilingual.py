"""English↔Hindi term pairs learned from PIB's own parallel releases, for keyword evidence across languages.

Keywords match only the question's language: a Hindi question's "विक्रेता" never meets an English
passage's "seller". PIB publishes most releases in both languages, so which stemmed terms
(`index.lexical.terms`) translate which can be counted: over aligned text pairs, a term pair's
Dice coefficient (2 × the pairs holding both / the pairs holding each), kept when each is the
other's best match (mutual best) and seen together often enough. Numbers are left out (they are
written one way in both languages already), and so are a side's words in the other script (an
English release quotes the Prime Minister's Hindi).

The learning data: `en-hi-2020` (the releases' titles, and their lines where both versions have as
many), and `titles-2019-en-hi` (each version under its own id: a title pair is taken only when the
two share the date, the ministry and a figure or an acronym, and are each other's only best match).
The term list is a versioned file, `corpus/data/terms-en-hi.tsv`, written by `vigyapti terms learn`;
a search reads it once.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from index.lexical import terms

VERSION = 1
_LATIN_TERM = re.compile(r"[a-z][a-z0-9]+")
_DEVANAGARI_TERM = re.compile(r"[\u0900-\u097f]{2,}")
_PUNCT = "(),.:;!?\"'‘’“”[]{}|"


@dataclass(frozen=True)
class LearnSettings:
    min_together: int = 3  # text pairs holding both terms: below this, chance pairs dominate
    min_dice: float = 0.5


@dataclass(frozen=True)
class TermPair:
    en: str
    hi: str
    together: int  # text pairs holding both
    en_pairs: int  # text pairs whose English side holds `en`
    hi_pairs: int
    dice: float


def bundled_learning_files() -> tuple[Path, Path]:
    """The parallel data the bundled term list is learned from."""
    from corpus.readers import bundled_corpus_dir

    data = bundled_corpus_dir()
    return data / "pib" / "en-hi-2020.jsonl", data / "parallel" / "titles-2019-en-hi.jsonl.gz"


def bundled_terms_file() -> Path:
    from corpus.readers import bundled_corpus_dir

    return bundled_corpus_dir() / "terms-en-hi.tsv"


def _lines(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def release_pairs(records: Iterable[dict]) -> list[tuple[str, str]]:
    """Text pairs from releases whose two language versions share an id (`prid`): both titles,
    and each line with its counterpart where both versions have as many non-empty lines."""
    by_id: dict[object, dict[str, dict]] = defaultdict(dict)
    for r in records:
        by_id[r["prid"]][r["lang"]] = r
    out = []
    for versions in by_id.values():
        en, hi = versions.get("en"), versions.get("hi")
        if not (en and hi and en.get("text") and hi.get("text")):
            continue
        out.append((en["title"], hi["title"]))
        en_lines = [line for line in en["text"].split("\n") if line.strip()]
        hi_lines = [line for line in hi["text"].split("\n") if line.strip()]
        if len(en_lines) == len(hi_lines):
            out += zip(en_lines, hi_lines)
    return out


def _evidence(title: str) -> set:
    """What a title and its translation write alike: figure values and acronyms (GST / जीएसटी)."""
    from index.figures import extract_figures
    from index.names import acronym_letters

    values = {f.value for f in extract_figures(title) if f.value is not None}
    acronyms = {"acr:" + a for w in title.replace("/", " ").split() if (a := acronym_letters(w.strip(_PUNCT)))}
    return values | acronyms


def title_pairs(records: Iterable[dict]) -> list[tuple[str, str]]:
    """English and Hindi titles published under their own ids, paired when they share the date, the
    ministry (ministries-en-hi.csv) and at least one figure or acronym, each the other's only best match."""
    from index.translations import ministry_key

    groups: dict[tuple, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for r in records:
        if r.get("lang") in ("en", "hi") and r.get("title"):
            key = (r.get("date"), ministry_key(r.get("ministry")) or r.get("ministry"))
            groups[key][r["lang"] == "hi"].append(r["title"])
    out = []
    for en, hi in groups.values():
        ev_en, ev_hi = [_evidence(t) for t in en], [_evidence(t) for t in hi]
        shared = [[len(a & b) for b in ev_hi] for a in ev_en]
        for i, row in enumerate(shared):
            for j, n in enumerate(row):
                if (n >= 1 and all(m < n for jj, m in enumerate(row) if jj != j)
                        and all(shared[ii][j] < n for ii in range(len(en)) if ii != i)):
                    out.append((en[i], hi[j]))
    return out


def _side(text: str, script: re.Pattern) -> set[str]:
    return {t for t in terms(text, drop_stopwords=True) if script.fullmatch(t)}


def learn(pairs: Iterable[tuple[str, str]], settings: LearnSettings | None = None) -> list[TermPair]:
    """Mutually best term pairs by Dice over the aligned (English, Hindi) text pairs, best first."""
    s = settings or LearnSettings()
    en_n, hi_n, both = Counter(), Counter(), Counter()
    for en_text, hi_text in pairs:
        en, hi = _side(en_text, _LATIN_TERM), _side(hi_text, _DEVANAGARI_TERM)
        en_n.update(en)
        hi_n.update(hi)
        both.update((e, h) for e in en for h in hi)
    best_en: dict[str, tuple] = {}
    best_hi: dict[str, tuple] = {}
    for (e, h), n in both.items():
        dice = 2 * n / (en_n[e] + hi_n[h])
        # ties go to the more frequent pair, then to the term's alphabetical order: the same data, the same list
        if (dice, n, h) > best_en.get(e, (0.0, 0, "")):
            best_en[e] = (dice, n, h)
        if (dice, n, e) > best_hi.get(h, (0.0, 0, "")):
            best_hi[h] = (dice, n, e)
    out = [TermPair(e, h, n, en_n[e], hi_n[h], round(dice, 4)) for e, (dice, n, h) in best_en.items()
           if best_hi[h][2] == e and n >= s.min_together and dice >= s.min_dice]
    return sorted(out, key=lambda p: (-p.dice, -p.together, p.en))


def learning_pairs(*, releases: Path | None = None, titles: Path | None = None) -> dict[str, list[tuple[str, str]]]:
    """Each source of the bundled parallel data → its aligned (English, Hindi) text pairs."""
    default_releases, default_titles = bundled_learning_files()
    return {"en-hi-2020": release_pairs(_lines(releases or default_releases)),
            "titles-2019-en-hi": title_pairs(_lines(titles or default_titles))}


def learn_bundled(settings: LearnSettings | None = None, *, releases: Path | None = None,
                  titles: Path | None = None) -> tuple[list[TermPair], dict[str, int]]:
    """The term list from the bundled parallel data, and how many text pairs each source gave."""
    sources = learning_pairs(releases=releases, titles=titles)
    return learn([p for pairs in sources.values() for p in pairs], settings), {k: len(v) for k, v in sources.items()}


def write_tsv(pairs: list[TermPair], counts: dict[str, int], settings: LearnSettings | None = None) -> str:
    s = settings or LearnSettings()
    out = io.StringIO()
    sources = ", ".join(f"{name} ({n} text pairs)" for name, n in counts.items())
    out.write(f"# vigyapti bilingual term list, version {VERSION}: written by `vigyapti terms learn`; do not edit.\n"
              f"# Learned from {sources}: stemmed terms (index/lexical.py) of aligned English/Hindi text pairs,\n"
              f"# Dice coefficient, mutual best, at least {s.min_together} text pairs together, Dice >= {s.min_dice}.\n")
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(["en", "hi", "together", "en_pairs", "hi_pairs", "dice"])
    w.writerows([p.en, p.hi, p.together, p.en_pairs, p.hi_pairs, f"{p.dice:.4f}"] for p in pairs)
    return out.getvalue()


def read_tsv(text: str) -> list[TermPair]:
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return [TermPair(r["en"], r["hi"], int(r["together"]), int(r["en_pairs"]), int(r["hi_pairs"]), float(r["dice"]))
            for r in rows]


class TermList:
    """A term → its translation in the other language (one each way: the pairs are mutual best)."""

    def __init__(self, pairs: Iterable[TermPair]):
        pairs = list(pairs)
        self.other = {p.en: p.hi for p in pairs} | {p.hi: p.en for p in pairs}

    def __len__(self) -> int:
        return len(self.other) // 2

    def translate(self, question_terms: Iterable[str]) -> dict[str, str]:
        """Each of the terms that has a translation → that translation."""
        return {t: self.other[t] for t in question_terms if t in self.other}


@lru_cache(maxsize=1)
def bundled_term_list() -> TermList:
    path = bundled_terms_file()
    return TermList(read_tsv(path.read_text(encoding="utf-8")) if path.exists() else [])
