"""The `vigyapti` command as a user runs it: light commands stay light, ingest reports bad files."""
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from index.store import DB_NAME

REPO = Path(__file__).resolve().parents[2]


def run(args, *, env=None, stdin=None, timeout=600):
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=REPO, input=stdin, text=True,
                          capture_output=True, timeout=timeout, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("argv", [["--help"], ["figures"]])
def test_light_commands_do_not_import_torch(argv):
    code = (
        "import sys, io; from bot.cli import main\n"
        "sys.stdin = io.StringIO('राज्य के 86,000 से ज्यादा विक्रेताओं ने\\n')\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'faiss', 'sentence_transformers', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_figures_reads_lines_and_writes_json_lines():
    lines = "राज्य के 86,000 से ज्यादा विक्रेताओं ने\n\nGross GST revenue is ₹ 1,05,366crore\n\x00\x07 9999999999999999999999999\n"
    r = run(["figures"], stdin=lines)
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(out) == 4
    assert out[0][0]["value"] == 86000 and out[0][0]["kind"] == "count"
    assert out[1] == []
    assert out[2][0]["value"] == 1053660000000 and out[2][0]["kind"] == "money"


def test_output_cut_short_by_its_reader_ends_quietly():
    """`vigyapti stats --json | head` printed a BrokenPipeError traceback."""
    p = subprocess.Popen([sys.executable, "-m", "bot.cli", "figures"], cwd=REPO, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # the reader is gone before the first line is written
    _, err = p.communicate("राज्य के 86,000 से ज्यादा विक्रेताओं ने\n".encode() * 5000, timeout=120)
    assert p.returncode == 141 and b"Traceback" not in err, err.decode()[-500:]


def test_serve_on_a_port_in_use_says_so_before_loading_anything(tmp_path):
    import socket

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        r = run(["serve", "--port", str(port)], env={"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}, timeout=120)
    assert r.returncode == 2 and f"127.0.0.1:{port}" in r.stderr and "--port" in r.stderr, r.stderr[-500:]
    assert not (tmp_path / "index").exists()  # refused before the index or the model was opened


def test_ask_refuses_a_top_k_the_api_refuses(tmp_path):
    for argv in (["--top-k", "0"], ["--top-k", "51"], ["--per-release", "0"], ["--top-k", "five"]):
        r = run(["ask", "How many sellers?", *argv], env={"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")})
        assert r.returncode == 2 and "error: argument" in r.stderr and r.stdout == "", argv
        assert not (tmp_path / "index").exists()


def test_ingest_skips_a_broken_file_and_ask_finds_the_rest(tmp_path, model_path, shared_data):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2184082-hi.txt").write_bytes((shared_data / "pib/single/2184082-hi.txt").read_bytes())
    (folder / "broken.jsonl").write_text('{"release_id": "1", "lang": "en", "title": "t", "text": "ok text"}\n{"release_id": ', encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Ministry of Finance\nCaf\xe9 prices rose by 5 per cent\n".encode("latin-1"))
    env = {"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    r = run(["ingest", str(folder), "--quiet"], env=env)
    assert r.returncode == 3, r.stderr  # some input skipped, the rest stored
    assert "broken.jsonl:2" in r.stderr and "latin1.txt" in r.stderr
    assert "ingested 2 releases" in r.stdout
    r = run(["ask", "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?", "--json", "--top-k", "2"], env=env)
    assert r.returncode == 0, r.stderr
    body = json.loads(r.stdout)
    assert body["passages"][0]["release_id"] == "2184082"
    # as text: the answer, then the figure that answers as read, with its label, then any others
    r = run(["ask", "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?", "--top-k", "1"], env=env)
    assert r.returncode == 0, r.stderr
    assert "\n  Figure: 86,000 से ज्यादा = more than 86000 (count; विक्रेताओं)\n" in r.stdout


def test_ingest_exit_status_tells_a_partial_run_and_each_replacement_is_named(tmp_path, model_path, shared_data):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2184082-hi.txt").write_bytes((shared_data / "pib/single/2184082-hi.txt").read_bytes())
    wells = {"release_id": "900001", "lang": "en", "title": "Wells dug in Rajasthan",
             "text": "The ministry dug 120 wells in Rajasthan this year."}
    (folder / "new.jsonl").write_text(json.dumps(wells) + '\n{"release_id": ', encoding="utf-8")  # line 2 cut short
    env = {"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    r = run(["ingest", str(folder), "--quiet"], env=env)
    assert r.returncode == 3, r.stderr
    assert "new.jsonl:2" in r.stderr
    assert "ingested 2 releases (" in r.stdout and "0 replaced, 0 unchanged" in r.stdout and "; 1 skipped" in r.stdout

    # All read, one release changed under its id: replaced as before, now said and counted.
    (folder / "new.jsonl").write_text(json.dumps({**wells, "text": wells["text"].replace("120", "150")}) + "\n",
                                      encoding="utf-8")
    r = run(["ingest", str(folder), "--quiet"], env=env)
    assert r.returncode == 0, r.stderr
    assert "ingested 2 releases (" in r.stdout and "1 replaced, 1 unchanged" in r.stdout and "; 0 skipped" in r.stdout
    assert "INFO replacing release 900001/en: the stored version differs" in r.stderr
    assert "2184082" not in r.stderr  # the unchanged one is counted, not named
    r = run(["ask", "How many wells were dug in Rajasthan?", "--json", "--top-k", "1"], env=env)
    assert "150 wells" in json.loads(r.stdout)["passages"][0]["text"]

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "cut.jsonl").write_text('{"release_id": ', encoding="utf-8")
    r = run(["ingest", str(broken), "--quiet"], env=env)
    assert r.returncode == 1 and "cut.jsonl:1" in r.stderr and "nothing to ingest" in r.stderr
    assert "exit status:" in run(["ingest", "--help"]).stdout


def test_ingest_names_what_it_leaves_out_for_its_language(tmp_path, model_path, shared_data):
    """A scraped tree of many languages: each release not in Hindi or English is said to be left out and
    why (before: dropped silently, exit 0, "0 skipped"); a language of many files in one line."""
    day = shared_data / "pib/multilingual-2020-raw/2020/April/4"
    tree = tmp_path / "2020/April/4"
    (tree / "1611035").mkdir(parents=True)
    for lang in ("English", "Hindi", "Tamil", "Urdu"):  # one release in four languages
        (tree / "1611035" / f"{lang}.txt").write_bytes((day / f"Ministry of Agriculture & Farmers Welfare/1611035/{lang}.txt").read_bytes())
    for folder in ("Ministry of Health and Family Welfare/1610960", "Ministry of Health and Family Welfare/1611039",
                   "Ministry of Civil Aviation/1610990"):  # three more in Urdu alone
        (tree / folder[-7:]).mkdir()
        (tree / folder[-7:] / "Urdu.txt").write_bytes((day / folder / "Urdu.txt").read_bytes())
    env = {"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    r = run(["ingest", str(tmp_path / "2020"), "--quiet"], env=env)
    assert r.returncode == 3, r.stderr  # skipped, as an empty file is; the rest stored
    assert "ingested 2 releases (" in r.stdout and "; 5 skipped (5 for their language)" in r.stdout
    assert f"skipped {tree / '1611035/Tamil.txt'}: language 'ta' is not supported (supported: en, hi)\n" in r.stderr
    assert (f"skipped 4 releases: language 'ur' is not supported (supported: en, hi); {tree / '1610960/Urdu.txt'}, "
            f"{tree / '1610990/Urdu.txt'}, {tree / '1611035/Urdu.txt'} and 1 more\n") in r.stderr
    assert "1611039" not in r.stderr

    urdu = tmp_path / "urdu"  # nothing else: nothing to ingest, and the file is named
    (urdu / "1611035").mkdir(parents=True)
    (urdu / "1611035/Urdu.txt").write_bytes((tree / "1611035/Urdu.txt").read_bytes())
    r = run(["ingest", str(urdu), "--quiet"], env=env)
    assert r.returncode == 1 and "nothing to ingest" in r.stderr
    assert f"skipped {urdu / '1611035/Urdu.txt'}: language 'ur' is not supported (supported: en, hi)" in r.stderr
    # no way round it: what POST /releases and the sync refuse, no flag stores (before: --all-languages did)
    r = run(["ingest", str(urdu), "--quiet", "--all-languages"], env=env)
    assert r.returncode == 2 and "unrecognized arguments: --all-languages" in r.stderr


def test_ask_takes_a_day_as_the_api_does(tmp_path):
    for day in ("20200501", "2020-W18-5", "2020-05-01T00:00:00"):  # Python's date.fromisoformat takes them
        r = run(["ask", "GST revenue", "--date-from", day], env={"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")})
        assert r.returncode == 2 and "a day as yyyy-mm-dd" in r.stderr and r.stdout == "", (day, r.stderr)
        assert not (tmp_path / "index").exists()


def test_ask_json_carries_a_request_id_as_the_apis_does(service, settings, monkeypatch, capsys):
    import bot.observability
    from bot.cli import main

    monkeypatch.setenv("VIGYAPTI_INDEX_DIR", str(settings.index_dir))
    question = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?"
    assert main(["ask", question, "--json", "--top-k", "1"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["ask", question, "--json", "--top-k", "1"]) == 0
    second = json.loads(capsys.readouterr().out)
    for key in ("request_id", "answer_id"):  # a fresh one each reply, as over HTTP
        assert len(first[key]) == len(second[key]) == 32 and first[key] != second[key], key
    monkeypatch.setattr(bot.observability, "new_request_id", lambda incoming=None: "made-by-the-one-rule")
    assert main(["ask", question, "--json", "--top-k", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["request_id"] == "made-by-the-one-rule"


def test_ask_refuses_an_empty_question(tmp_path):
    for question in ["", "   ", "\u200d\u200b"]:
        r = run(["ask", question], env={"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")})
        assert r.returncode == 2 and "the question is empty" in r.stderr, question
        assert r.stdout == ""


def test_opening_an_index_with_another_model_says_how_to_rebuild(tmp_path, model_path):
    env = {"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    r = run(["ingest", str(REPO / "tests/corpus/data"), "--quiet"], env=env)
    assert r.returncode == 3 and r.stderr.count("is not supported") == 2, r.stderr  # its Tamil and Punjabi files
    con = sqlite3.connect(tmp_path / "index" / DB_NAME)
    stamp = json.loads(con.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()[0])
    stamp["model"] = "some-other-model"
    con.execute("UPDATE meta SET value=? WHERE key='stamp'", (json.dumps(stamp),))
    con.commit()
    con.close()
    r = run(["ask", "anything"], env=env)
    assert r.returncode == 2
    assert "some-other-model" in r.stderr and "vigyapti ingest --rebuild" in r.stderr


def _eval_set(tmp_path, name: str) -> Path:
    """One answerable question about a seed release, in a file named like a question set."""
    path = tmp_path / name
    path.write_text(json.dumps({"q": "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?", "lang": None,
                                "ids": ["2184082"], "value": 86000}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_eval_prints_a_test_sets_questions_only_when_asked(service, settings, tmp_path, monkeypatch, capsys):
    from bot.cli import main

    monkeypatch.setenv("VIGYAPTI_INDEX_DIR", str(settings.index_dir))
    question = "मध्य प्रदेश के कितने विक्रेताओं"
    assert main(["eval", str(_eval_set(tmp_path, "test-questions.jsonl")), "--no-xquad"]) == 0
    out = capsys.readouterr().out
    assert "TEST set" in out and "aggregates only" in out and question not in out
    assert main(["eval", str(_eval_set(tmp_path, "test-questions.jsonl")), "--no-xquad", "--per-question"]) == 0
    assert question in capsys.readouterr().out
    assert main(["eval", str(_eval_set(tmp_path, "dev-questions.jsonl")), "--no-xquad"]) == 0
    out = capsys.readouterr().out
    assert "TUNING set" in out and question in out
    assert "in the answer sentence 1.000" in out  # the answer sentence states the 86,000 asked for


def test_an_eval_line_reports_only_the_measures_it_has_questions_for():
    from bot.cli import _score_line

    no_answer_only = {"n": 0, "hit1": 0.0, "hit3": 0.0, "n_value": 0, "figure_hit": 0.0, "answered": 0.0,
                      "mean_ms": 75.0, "n_no_answer": 16, "null_on_no_answer": 0.875}
    line = _score_line(no_answer_only)
    assert "null on no-answer 0.875 (of 16)" in line
    assert "hit@1" not in line and "figure hit" not in line and "answered" not in line
    answerable = {"n": 12, "hit1": 0.917, "hit3": 1.0, "n_value": 0, "figure_hit": 0.0, "answered": 0.917,
                  "mean_ms": 84.0}
    line = _score_line(answerable)
    assert "release hit@1 0.917" in line and "answered 0.917" in line
    assert "figure hit" not in line and "null on no-answer" not in line
    mixed = {**answerable, "n_value": 10, "figure_hit": 0.8, "answer_figure_hit": 0.6, "asked_figure_hit": 0.5,
             "n_no_answer": 2, "null_on_no_answer": 0.5}
    assert "figure hit 0.800 (of 10; in the answer sentence 0.600; the answer's figure 0.500)" in _score_line(mixed)
    assert "null on no-answer 0.500 (of 2)" in _score_line(mixed)


def test_terms_learn_writes_the_bundled_term_list_and_refuses_broken_input(tmp_path):
    from index.bilingual import bundled_terms_file

    out = tmp_path / "terms.tsv"
    r = run(["terms", "learn", "--out", str(out)], timeout=300)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == bundled_terms_file().read_text(encoding="utf-8")
    broken = tmp_path / "titles.jsonl"
    broken.write_text('{"lang": "en", "title": "GST"\n', encoding="utf-8")
    r = run(["terms", "learn", "--out", str(out), "--titles", str(broken)], timeout=300)
    assert r.returncode == 2 and "cannot learn the term list" in r.stderr and "Traceback" not in r.stderr
    assert out.read_text(encoding="utf-8") == bundled_terms_file().read_text(encoding="utf-8")  # left as it was


def test_refresh_reads_the_stored_releases_again_and_says_what_changed(tmp_path, model_path, shared_data):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2184082-hi.txt").write_bytes((shared_data / "pib/single/2184082-hi.txt").read_bytes())
    env = {"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    assert run(["ingest", str(folder), "--quiet"], env=env).returncode == 0
    r = run(["refresh", "--dry-run", "--quiet"], env=env)
    assert r.returncode == 0, r.stderr
    assert "read 1 releases again" in r.stdout and "0 would change" in r.stdout
    r = run(["refresh", "--quiet"], env=env)
    assert r.returncode == 0, r.stderr
    assert "0 changed (0 passages stored, 0 encoded)" in r.stdout
    r = run(["refresh", "--if-needed", "--quiet"], env=env)
    assert r.returncode == 0 and "nothing to do" in r.stdout and "read 1 releases" not in r.stdout


def test_refresh_if_needed_reads_an_index_older_readers_read(tmp_path, model_path, shared_data, embedder):
    from index.pipeline import ReleaseReader, open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2184082-hi.txt").write_bytes((shared_data / "pib/single/2184082-hi.txt").read_bytes())
    env = {"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    assert run(["ingest", str(folder), "--quiet"], env=env).returncode == 0
    store = open_store(tmp_path / "index", embedder)
    store.set_readers_version(None)  # an index from before the readers' version was kept
    store.close()
    r = run(["ask", "जेम पर कितने विक्रेता"], env=env)
    assert r.returncode == 0 and "Run `vigyapti refresh`" in r.stderr
    r = run(["refresh", "--if-needed", "--quiet"], env=env)
    assert r.returncode == 0, r.stderr
    assert "read 1 releases again" in r.stdout and f"now read by readers version {ReleaseReader.VERSION}" in r.stdout
    assert "Run `vigyapti refresh`" not in r.stderr  # the advice is for the other commands
    r = run(["ask", "जेम पर कितने विक्रेता"], env=env)
    assert r.returncode == 0 and "Run `vigyapti refresh`" not in r.stderr
    assert "nothing to do" in run(["refresh", "--if-needed", "--quiet"], env=env).stdout


def test_ask_with_a_date_range_that_holds_no_day_is_a_clear_error(tmp_path):
    r = run(["ask", "GST revenue", "--date-from", "2026-01-01", "--date-to", "2020-01-01"],
            env={"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")})
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert r.stderr == "error: the dates' range holds no day: it starts on 2026-01-01, after its end on 2020-01-01\n"


@pytest.fixture
def checked_index(tmp_path, settings, embedder, corpus_slice):
    """A compacted index of two real releases (its vectors in saved FAISS bases and in the delta),
    and a function that copies it, so each test damages a copy of its own."""
    import shutil

    from bot.service import Service

    built = tmp_path / "built"
    service = Service(settings.model_copy(update={"index_dir": built}), embedder=embedder)
    try:
        service.ingest([r for r in corpus_slice if r.release_id in ("2184082", "1628922")])
        assert service.store.compact()
        service.ingest([r for r in corpus_slice if r.release_id == "1620635"])  # in the delta, above the bases
    finally:
        service.close()

    def copy(name: str) -> Path:
        shutil.copytree(built, tmp_path / name)
        return tmp_path / name

    return copy


def _check(index_dir: Path, monkeypatch, capsys, *args: str, **env: str) -> tuple[int, str, str]:
    from bot.cli import main

    monkeypatch.setenv("VIGYAPTI_INDEX_DIR", str(index_dir))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_finds_a_sound_index_sound_and_changes_nothing(checked_index, embedder, monkeypatch, capsys):
    from index.pipeline import open_store

    index_dir = checked_index("sound")
    before = {f.name: f.stat().st_mtime_ns for f in index_dir.iterdir() if not f.name.startswith("index.db-")}
    code, out, _ = _check(index_dir, monkeypatch, capsys)
    assert code == 0, out
    assert out.splitlines()[-1] == "sound" and "saved bases: " in out and "problem" not in out
    code, out, _ = _check(index_dir, monkeypatch, capsys, "--json")
    report = json.loads(out)
    assert code == 0 and report["sound"] and report["problems"] == [] and report["passages"] == report["vectors"]
    assert len(report["bases"]) >= 1 and sum(report["passages"].values()) > 0
    assert {f.name: f.stat().st_mtime_ns for f in index_dir.iterdir() if not f.name.startswith("index.db-")} == before
    older = checked_index("older-readers")
    store = open_store(older, embedder)
    store.set_readers_version(None)  # an index from before the readers' version was kept
    store.close()
    code, out, _ = _check(older, monkeypatch, capsys)
    assert code == 0 and "readers version unknown" in out and "advice: " in out and "Run `vigyapti refresh`" in out
    code, out, err = _check(index_dir.parent / "nowhere", monkeypatch, capsys)
    assert code == 2 and "no index in" in err and out == ""
    (index_dir / DB_NAME).write_bytes(b"not a database " * 1000)
    code, out, err = _check(index_dir, monkeypatch, capsys)
    assert code == 2 and "Traceback" not in err and out == ""


def _a_passage(index_dir: Path, where: str) -> tuple[int, str]:
    """The first passage (id, lang) that `where` holds for."""
    con = sqlite3.connect(index_dir / DB_NAME)
    try:
        return con.execute(f"SELECT id, lang FROM passages WHERE {where} ORDER BY id LIMIT 1").fetchone()
    finally:
        con.close()


def _damage(index_dir: Path, sql: str, *args) -> None:
    con = sqlite3.connect(index_dir / DB_NAME)
    con.execute(sql, args)
    con.commit()
    con.close()


def test_check_names_each_problem_of_a_damaged_copy(checked_index, monkeypatch, capsys):
    from index.vectorcache import BASE_PREFIX

    lost_base = checked_index("base")
    base = sorted(lost_base.glob(f"{BASE_PREFIX}*.faiss"))[0]
    base.unlink()
    code, out, _ = _check(lost_base, monkeypatch, capsys)
    assert code == 1 and f"problem: the {base.stem.rsplit('-', 1)[1]} vector base {base.name} is missing" in out, out

    no_passage = checked_index("passage")
    pid, _ = _a_passage(no_passage, "lang = 'hi'")  # held in a saved base
    _damage(no_passage, "DELETE FROM passages WHERE id = ?", pid)
    code, out, _ = _check(no_passage, monkeypatch, capsys)
    assert code == 1
    assert f"problem: hi: FAISS vectors without a passage: 1 (id {pid})" in out
    assert f"problem: hi: stored vectors without a passage: 1 (id {pid})" in out
    assert f"problem: keyword index: keyword rows without a passage: 1 (id {pid})" in out

    no_vector = checked_index("vector")
    pid, lang = _a_passage(no_vector, "release_id = '1620635'")  # in the delta, so in no base either
    _damage(no_vector, "DELETE FROM passage_vectors WHERE id = ?", pid)
    code, out, _ = _check(no_vector, monkeypatch, capsys)
    assert code == 1 and f"problem: {lang}: passages without a stored vector: 1 (id {pid})" in out
    assert f"problem: {lang}: passages without a FAISS vector: 1 (id {pid})" in out

    sound = checked_index("other-model")
    code, out, _ = _check(sound, monkeypatch, capsys, VIGYAPTI_MODEL="some/other-model")
    assert code == 1 and "built with model 'multilingual-e5-small', this configuration's is 'some/other-model'" in out



def test_ask_prints_an_answer_that_is_a_table_row_on_one_line(tmp_path, model_path):
    table = ("Members of self-help groups under NRLM have produced face masks in many States, as the table shows.\n"
             "No\nState\nDistricts\nMasks produced\nDate of last reporting\n1\nBihar\n34\n3,49,517\n03-Apr\n"
             "2\nGujarat\n33\n10,49,319\n03-Apr\n3\nKerala\n14\n15,77,770\n03-Apr\nThe Ministry thanked the SHGs.")
    (tmp_path / "masks.jsonl").write_text(json.dumps({"release_id": "900101", "lang": "en", "date": "2020-04-04",
                                                      "title": "Mask production by SHGs under NRLM", "text": table}),
                                          encoding="utf-8")
    env = {"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    assert run(["ingest", str(tmp_path / "masks.jsonl"), "--quiet"], env=env).returncode == 0
    r = run(["ask", "How many masks were produced in Gujarat?", "--top-k", "1"], env=env)
    assert r.returncode == 0, r.stderr
    answer = next(line for line in r.stdout.splitlines() if line.startswith("Answer (900101): "))
    assert "Gujarat" in answer and "10,49,319" in answer  # the row, label and cells, on its line
    assert "\n  Figure: 10,49,319 = 1049319 (count; Gujarat, Masks produced)\n" in r.stdout  # not its districts


def test_ask_shows_a_time_figure_as_the_time_it_reads(tmp_path, model_path):
    """A date or period has no value, only its iso: 'July 2025 = None (date)' read as a figure lost,
    and 'FY2025 = 2024 (period)' as the wrong year, where the reader had 2025-07 and 2024/2025."""
    text = ("Exports of cotton yarn rose to US$ 1.11 Billion in July 2025 from US$ 1.02 Billion a year before. "
            "In FY2025, 548 districts exported textiles.")
    (tmp_path / "yarn.jsonl").write_text(json.dumps({"release_id": "900102", "lang": "en", "date": "2025-08-14",
                                                     "title": "Cotton yarn exports", "text": text}), encoding="utf-8")
    env = {"VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    assert run(["ingest", str(tmp_path / "yarn.jsonl"), "--quiet"], env=env).returncode == 0
    r = run(["ask", "What were cotton yarn exports in July 2025?", "--top-k", "1"], env=env)
    assert r.returncode == 0, r.stderr
    assert "= None" not in r.stdout
    assert "July 2025 = 2025-07 (date)" in r.stdout and "FY2025 = 2024/2025 (period)" in r.stdout
    assert "US$ 1.11 Billion = 1110000000 (money, USD" in r.stdout  # an amount still shows its value


@pytest.mark.parametrize("argv", [["--days", "0"], ["--days", "-5"], ["--days", "nan"], ["--days", "inf"],
                                  ["--top", "-1"], ["--top", "x"]])
def test_stats_refuses_a_span_or_count_it_cannot_mean(tmp_path, argv):
    """`--days 0` summarised the whole log (0 read as unset), `--days -5` an empty one (a start in the
    future) and `--top -1` every question (SQLite's LIMIT -1): each a bad usage, said before any reading."""
    from bot.querylog import QueryLog

    QueryLog(tmp_path / "querylog.db").close()
    r = run(["stats", *argv], env={"VIGYAPTI_QUERYLOG": str(tmp_path / "querylog.db")})
    assert r.returncode == 2 and argv[0] in r.stderr and "queries:" not in r.stdout, (r.stdout, r.stderr)


def test_stats_takes_a_fraction_of_a_day_and_no_top_questions(tmp_path):
    from bot.querylog import QueryLog

    QueryLog(tmp_path / "querylog.db").close()
    r = run(["stats", "--days", "0.5", "--top", "0"], env={"VIGYAPTI_QUERYLOG": str(tmp_path / "querylog.db")})
    assert r.returncode == 0 and r.stdout.startswith("queries: 0"), r.stderr
