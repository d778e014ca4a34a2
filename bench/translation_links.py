"""Translation links measured on en-hi-2020 with its shared ids hidden (a tuning measurement).

    .venv/bin/python bench/translation_links.py [--json]

The 2020 scrape gives a release's Hindi and English versions one PRID; pib.gov.in gives each its
own. Here each language version is stored under its own id (copied with its passages and vectors
from the index in $VIGYAPTI_INDEX_DIR, which must hold the bundled corpus, into a scratch index
beside it), linked as ingestion links them, and the links are scored against the shared ids.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.evaluate import copy_relabelled, evaluate_links  # noqa: E402
from bot.service import Service  # noqa: E402
from bot.settings import Settings  # noqa: E402

SOURCE = "en-hi-2020.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    settings = Settings()
    main_service = Service(settings)
    store = main_service.store
    keys = [k for k in store.release_keys() if SOURCE in (store.release(*k).source or "")]
    if not keys:
        sys.exit(f"no releases from {SOURCE} in {settings.index_dir}: run `vigyapti ingest` first")
    scratch_dir = Path(settings.index_dir).parent / "eval-links-2020"
    shutil.rmtree(scratch_dir, ignore_errors=True)
    scratch = Service(settings.model_copy(update={"index_dir": scratch_dir}), embedder=main_service.embedder)
    report = copy_relabelled(main_service.store, scratch.store, lambda r: f"{r.lang}-{r.release_id}", keys)
    by_id: dict[str, list[str]] = {}
    for rid, lang in keys:
        by_id.setdefault(rid, []).append(lang)
    truth = {frozenset((f"{lang}-{rid}", lang) for lang in langs) for rid, langs in by_id.items() if len(langs) == 2}
    result = evaluate_links(scratch.store, truth)
    result["releases"] = len(keys)
    result["detected"] = report.detected
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{len(keys)} releases, {result['true_pairs']} true pairs: {result['links']} links, "
              f"{result['right']} right; precision {result['precision']:.3f}, recall {result['recall']:.3f}")
        for pair in result["wrong"]:
            print("  wrong:", pair)
        for pair in result["missed"]:
            print("  missed:", pair)


if __name__ == "__main__":
    main()
