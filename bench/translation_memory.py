"""Peak memory of translation detection over a backfill-sized run, releases spread over days.

    .venv/bin/python bench/translation_memory.py [--per-lang 10000 40000] [--per-day 200]
        [--work DIR] [--code DIR] [--dump DIR] [--json]

For each size N, builds once (kept under --work, default /tmp/vigyapti-translation-memory) a real
index (IndexStore: SQLite, FAISS) of N synthetic English and N Hindi releases, each language version
under its own id as pib.gov.in publishes them, --per-day releases a language a day (PIB publishes
about 100-300), the Hindi version a day later for one pair in seven, one pair in a hundred undated,
one in five near one of 50 topics (so releases of neighbouring days compete), figures and real
ministry names. Vectors are 384-wide (multilingual-e5-small's), 1-3 passages a release; no encoder runs.

Then, in a fresh process per size, detection over every stored release (`TranslationLinker._detect`,
the work `link_stored` does, without writing the links, so it can be run again): the process's
peak RSS (VmHWM in /proc/self/status) before and after it; in a second fresh process the peak of
Python's and NumPy's allocations during it (tracemalloc, which slows it: the time is the first
process's); the wall and CPU time of it; the links found and a SHA-256 of them (every field, the scores included, in the order
found). Both run with PYTHONHASHSEED=0, so code from before the twenty-sixth session (which took a
run's releases in the order of a set, and with it the order of links of equal score) compares too.

--code DIR runs detection with the code in DIR instead of this checkout's, on the same indexes:
`git archive <commit> | tar -x -C DIR` gives the code before a change. --dump DIR writes each size's
links, one repr a line, to DIR/links-N.txt for `cmp`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DIM = 384
STAMP = ("synthetic-translation-memory", DIM, "{}")

# Run as `python -c MEASURE CODE INDEX_DIR STAMP_JSON TRACE(0|1) DUMP_PATH|""`, CODE first on sys.path.
MEASURE = r"""
import hashlib, json, re, sys, time, tracemalloc
from pathlib import Path

code, index_dir, stamp, trace, dump = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4] == "1", sys.argv[5]
sys.path.insert(0, code)
import index.translations
from index.store import IndexStamp, IndexStore
from index.translations import TranslationLinker


def peak_rss_mb():  # this process's peak RSS; ru_maxrss would count the parent's at the fork
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+) kB", status.read()).group(1)) / 1024


store = IndexStore(Path(index_dir), IndexStamp(*stamp))
keys = set(store.release_keys())
store.languages()
rss_before = peak_rss_mb()
if trace:
    tracemalloc.start()
start, cpu = time.perf_counter(), time.process_time()
links = TranslationLinker(store)._detect(keys)
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
traced = tracemalloc.get_traced_memory()[1] if trace else None
rss_after = peak_rss_mb()
text = "".join(repr(link) + "\n" for link in links)
if dump:
    Path(dump).write_text(text, encoding="utf-8")
print(json.dumps({"code": str(Path(index.translations.__file__).resolve().parents[1]), "releases": len(keys),
                  "links": len(links), "sha256": hashlib.sha256(text.encode()).hexdigest(), "seconds": seconds,
                  "cpu_seconds": cpu_seconds,
                  "peak_rss_before_mb": rss_before, "peak_rss_mb": rss_after,
                  "tracemalloc_peak_mb": traced / 2**20 if trace else None}))
store.close()
"""


def synthetic_entries(per_lang: int, per_day: int, seed: int = 11):
    """ReleaseEntry batches of `per_lang` English and `per_lang` Hindi releases (see the docstring)."""
    from decimal import Decimal

    import numpy as np

    from corpus import Release
    from corpus.readers import ministry_names
    from index.figures.figure import Figure
    from index.records import Passage, ReleaseEntry

    rng = np.random.default_rng(seed)
    ministries = list(ministry_names())
    topics = rng.normal(size=(50, DIM))
    days = max(1, -(-per_lang // per_day))
    first = dt.date(2015, 1, 1)
    batch = []
    for i in range(per_lang):
        base = rng.normal(size=DIM)
        if i % 5 == 0:  # a series: near its topic, so near other releases of neighbouring days
            base = topics[rng.integers(50)] + 0.25 * base
        day = None if i % 100 == 99 else first + dt.timedelta(days=i * days // per_lang)
        values = [int(v) for v in rng.integers(1, 10**6, size=rng.integers(0, 4))]
        en_name, hi_name = ministries[rng.integers(len(ministries))]
        for lang, ministry, later, n in (("en", en_name, 0, 1 + i % 3), ("hi", hi_name, i % 7 == 0, 1 + i % 2)):
            rid = f"{lang}{i}"
            date = (day + dt.timedelta(days=int(later))).isoformat() if day else None
            kept = values if lang == "en" or i % 3 else values[1:]
            figures = [Figure(str(v), 0, len(str(v)), Decimal(v), None, "count") for v in kept]
            release = Release(rid, lang, f"title {i}", f"text {i}", date=date, ministry=ministry)
            passages = [Passage(rid, lang, 0, 6, f"text {i}", figures if k == 0 else []) for k in range(n)]
            vectors = (base + rng.normal(scale=0.3, size=(n, DIM))).astype(np.float32)
            batch.append(ReleaseEntry(release, passages, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)))
        if len(batch) >= 2000:
            yield batch
            batch = []
    if batch:
        yield batch


def build(index_dir: Path, per_lang: int, per_day: int) -> None:
    from index.store import IndexStamp, IndexStore

    done = index_dir / "BUILT"
    if done.exists():
        return
    store = IndexStore(index_dir, IndexStamp(*STAMP))
    for batch in synthetic_entries(per_lang, per_day):
        store.upsert(batch)
    store.close()
    done.write_text(f"{per_lang} {per_day}\n")


def measure(code: Path, index_dir: Path, trace: bool, dump: str) -> dict:
    # A fixed hash seed: older code took the releases in the order of a set of keys, and with it the
    # order of links of equal score (and which of two tied pairs sharing a release wins).
    out = subprocess.run([sys.executable, "-c", MEASURE, str(code), str(index_dir), json.dumps(STAMP),
                          "1" if trace else "0", dump], capture_output=True, text=True, cwd=code, check=False,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    if out.returncode != 0:
        sys.exit(f"detection failed (exit {out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-lang", type=int, nargs="+", default=[10_000, 40_000])
    ap.add_argument("--per-day", type=int, default=200)
    ap.add_argument("--work", type=Path, default=Path("/tmp/vigyapti-translation-memory"))
    ap.add_argument("--code", type=Path, default=REPO)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    for n in args.per_lang:
        index_dir = args.work / f"n{n}-d{args.per_day}" / "index"
        build(index_dir, n, args.per_day)
        dump = str(args.dump / f"links-{n}.txt") if args.dump else ""
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
        plain = measure(args.code.resolve(), index_dir, False, dump)
        traced = measure(args.code.resolve(), index_dir, True, "")
        if traced["sha256"] != plain["sha256"]:
            sys.exit("the two runs found different links")
        result = {"per_lang": n, "per_day": args.per_day, "days": -(-n // args.per_day), **plain,
                  "tracemalloc_peak_mb": traced["tracemalloc_peak_mb"]}
        if args.json:
            print(json.dumps(result))
        else:
            print(f"{n:,} releases a language, {args.per_day} a day ({result['days']} days), code {result['code']}: "
                  f"{result['links']:,} links in {result['seconds']:.1f} s ({result['cpu_seconds']:.1f} s of CPU); "
                  f"peak RSS {result['peak_rss_mb']:,.0f} MB "
                  f"({result['peak_rss_before_mb']:,.0f} MB before detection), traced peak "
                  f"{result['tracemalloc_peak_mb']:,.0f} MB; links sha256 {result['sha256'][:16]}")


if __name__ == "__main__":
    main()
