"""Do two index folders hold the same releases, passages and vectors? (issue 13, acceptance 2)

    .venv/bin/python bench/compare_indexes.py var/index-inprocess var/index-ray [--min-cosine 0.9999]

Releases are matched by (release_id, lang); their passages by position in the release (start, end),
then text and figures must be equal and each pair of vectors within `--min-cosine`. Passage ids
are not compared: they say only in which order the rows were written. Exit status 0 when the two
agree, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


@dataclass
class Comparison:
    releases_a: dict[str, int] = field(default_factory=dict)  # releases per language
    releases_b: dict[str, int] = field(default_factory=dict)
    releases: int = 0  # with passages in both
    passages: int = 0  # compared pairs
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)
    different_passages: list[str] = field(default_factory=list)  # releases whose passages or figures differ
    min_cosine: float = 1.0
    low_cosine: list[str] = field(default_factory=list)  # "release/lang#n" below the bound

    def agrees(self) -> bool:
        return self.releases_a == self.releases_b and not (self.only_in_a or self.only_in_b or self.different_passages or self.low_cosine)


def _by_release(index_dir: Path) -> tuple[dict[tuple[str, str], list[tuple[tuple, np.ndarray]]], dict[str, int]]:
    """(release_id, lang) → [((start, end, text, figures), vector)] in passage order, and the
    releases per language."""
    from index.store import IndexStore, figure_to_json

    stamp = IndexStore.read_stamp(index_dir)
    if stamp is None:
        raise SystemExit(f"no index in {index_dir}")
    store = IndexStore(index_dir, stamp)
    try:
        ids = [int(i) for i in store.passage_ids()]
        passages = store.passages(ids)
        vectors = store.vectors(ids)
        out: dict[tuple[str, str], list] = {}
        for pid, vector in zip(ids, vectors):
            p = passages[pid]
            out.setdefault((p.release_id, p.lang), []).append(((p.start, p.end, p.text, figure_to_json(p.figures)), vector))
        for rows in out.values():
            rows.sort(key=lambda row: row[0][:2])
        return out, store.count_releases()
    finally:
        store.close()


def compare(a: Path, b: Path, *, min_cosine: float = 0.9999) -> Comparison:
    (left, releases_a), (right, releases_b) = _by_release(Path(a)), _by_release(Path(b))
    c = Comparison(releases_a=releases_a, releases_b=releases_b)
    c.only_in_a = sorted(f"{r}/{lang}" for r, lang in left.keys() - right.keys())
    c.only_in_b = sorted(f"{r}/{lang}" for r, lang in right.keys() - left.keys())
    for key in sorted(left.keys() & right.keys()):
        c.releases += 1
        la, lb = left[key], right[key]
        if [p for p, _ in la] != [p for p, _ in lb]:
            c.different_passages.append("/".join(key))
            continue
        for n, ((_, va), (_, vb)) in enumerate(zip(la, lb)):
            cos = float(np.dot(va, vb) / max(np.linalg.norm(va) * np.linalg.norm(vb), 1e-12))
            c.passages += 1
            c.min_cosine = min(c.min_cosine, cos)
            if cos < min_cosine:
                c.low_cosine.append(f"{key[0]}/{key[1]}#{n}")
    return c


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    p.add_argument("--min-cosine", type=float, default=0.9999)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    c = compare(args.a, args.b, min_cosine=args.min_cosine)
    if args.json:
        print(json.dumps({**asdict(c), "agrees": c.agrees()}, indent=2))
    else:
        print(f"releases per language: {c.releases_a} and {c.releases_b}")
        print(f"{c.releases} releases and {c.passages} passages in both; only in {args.a}: {len(c.only_in_a)}, "
              f"only in {args.b}: {len(c.only_in_b)}; releases whose passages or figures differ: "
              f"{len(c.different_passages)}; lowest cosine {c.min_cosine:.6f}, "
              f"{len(c.low_cosine)} passages below {args.min_cosine}")
        for name, rows in (("only in a", c.only_in_a), ("only in b", c.only_in_b),
                           ("passages differ", c.different_passages), ("low cosine", c.low_cosine)):
            for row in rows[:10]:
                print(f"  {name}: {row}")
        print("AGREE" if c.agrees() else "DIFFER")
    return 0 if c.agrees() else 1


if __name__ == "__main__":
    sys.exit(main())
