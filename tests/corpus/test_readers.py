"""Readers on real PIB files (bundled corpus + small copies in tests/corpus/data) and on broken input."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from corpus.pib_page import clean_body, detect_lang, is_initials_line, normalize_text, parse_date
from corpus.readers import ReadError, bundled_corpus_dir, ministry_names, read_paths
from corpus.release import Release

HERE = pathlib.Path(__file__).parent / "data"
BUNDLE = bundled_corpus_dir()
TREE = HERE / "multilingual-2020-raw"
FURNITURE = ("Visitor Counter", "Posted On", "Release ID", "Read this release in")


def read(*paths, langs=None) -> tuple[list[Release], list[ReadError]]:
    errors: list[ReadError] = []
    releases = list(read_paths(list(paths), langs=langs, on_error=errors.append))
    return releases, errors


def one(path, **kw) -> Release:
    releases, errors = read(path, **kw)
    assert errors == []
    assert len(releases) == 1
    return releases[0]


def assert_clean(text: str) -> None:
    for junk in FURNITURE:
        assert junk not in text
    assert not any(line.strip().strip("*") == "" and "*" in line for line in text.splitlines())  # no *** rules
    assert not is_initials_line(text.splitlines()[-1])
    assert "\u200d" not in text and "\r" not in text and "\ufeff" not in text


# --------------------------------------------------------------------------- PIB pages


def test_gem_single_page_hindi():
    r = one(BUNDLE / "pib" / "single" / "2184082-hi.txt")
    assert (r.release_id, r.lang, r.date) == ("2184082", "hi", "2025-10-30")
    assert r.ministry == "वाणिज्य एवं उद्योग मंत्रालय"
    assert r.title == "जेम और मध्य प्रदेश सरकार ने जेम प्लेटफॉर्म को बढ़ावा देने के उपायों पर चर्चा की"
    assert r.text.startswith("जेम ने सभी सार्वजनिक खरीद")  # the subtitle opens the text
    assert "86,000 से ज्यादा विक्रेताओं" in r.text
    assert "पीके/केसी/वीयू/वाईबी" not in r.text and "azadi ka amrit mahotsav" not in r.text
    assert_clean(r.text)
    assert r.url == "https://pib.gov.in/PressReleasePage.aspx?PRID=2184082"


def test_indented_sep_2020_pages():
    hi = one(BUNDLE / "pib" / "single" / "1652914.txt")
    assert (hi.release_id, hi.lang, hi.date) == ("1652914", "hi", "2020-09-09")
    assert hi.ministry == "युवा कार्यक्रम एवं खेल मंत्रालय"
    assert hi.title.startswith("एलीट, उदीयमान और खेलो इंडिया")
    assert "253 निशानेबाजों" in hi.text and "एमजी / एएम" not in hi.text
    assert not hi.text.startswith(" ")
    assert_clean(hi.text)

    # Labelled Hindi in the data README, but it is Punjabi (Gurmukhi): the script decides.
    pa = one(HERE / "single" / "1652927.txt")
    assert (pa.release_id, pa.lang, pa.date) == ("1652927", "pa", "2020-09-09")
    assert pa.ministry == "ਖੇਤੀਬਾੜੀ ਮੰਤਰਾਲਾ"
    assert pa.text.startswith("3,805.67 ਕਰੋੜ")  # subtitle
    assert "ਮੰਤਰੀ ਸ਼੍ਰੀ ਨਰੇਂਦਰ ਸਿੰਘ ਤੋਮਰ" in pa.text  # hard-wrapped lines re-joined
    assert "ਏ ਪੀ ਐਸ / ਐਸ ਜੀ" not in pa.text
    assert_clean(pa.text)
    # Left out for its language, and said so (before: left out silently).
    assert read(HERE / "single", langs={"hi", "en"}) == ([], [ReadError(
        str(HERE / "single" / "1652927.txt"), None, "language 'pa' is not supported (supported: en, hi)", "pa")])


def test_english_page_from_scraped_tree():
    r = one(TREE / "2020" / "March" / "1" / "Ministry of Shipping" / "1604781" / "English.txt")
    assert (r.release_id, r.lang, r.date, r.ministry) == ("1604781", "en", "2020-03-01", "Ministry of Shipping")
    assert r.title.startswith("‘Chintan Baithak’ - Ports Review Meeting")
    assert r.text.startswith("Minister of State for Shipping (I/C), Shri Mansukh Mandaviya")
    assert "YKB/AP" not in r.text
    assert_clean(r.text)


def test_scraped_tree_folder():
    releases, errors = read(TREE)  # the parallel-names CSV is skipped, not an error
    assert errors == []
    got = {r.key: r for r in releases}
    assert set(got) == {("1598485", "en"), ("1598485", "hi"), ("1598485", "ta"),
                        ("1604781", "en"), ("1604781", "hi")}
    hi = got[("1598485", "hi")]  # "<id>Hindi.txt", no ministry folder, no Posted On line
    assert hi.date == "2020-01-05"  # from the folder names
    assert hi.ministry == "विज्ञान एवं प्रौद्योगिकी मंत्रालय"  # borrowed from the English file, in Hindi
    assert hi.title.startswith("विज्ञान कांग्रेस ने महिलाओं")
    assert "आर.के.मीणा" not in hi.text
    assert_clean(hi.text)
    assert got[("1604781", "hi")].ministry == "पोत परिवहन मंत्रालय"  # the folder names it in English

    only, errors = read(TREE, langs={"hi", "en"})
    assert {r.lang for r in only} == {"hi", "en"} and len(only) == 4
    tamil = TREE / "2020/January/5/1598485/1598485Tamil.txt"  # named, not dropped silently (as before)
    assert errors == [ReadError(str(tamil), None, "language 'ta' is not supported (supported: en, hi)", "ta")]
    # A language supported but not asked for says so in other words.
    assert read(tamil.with_name("1598485Hindi.txt"), langs={"en"})[1] == [ReadError(
        str(tamil.with_name("1598485Hindi.txt")), None, "language 'hi' is left out (taking only en)", "hi")]


def test_a_json_record_in_a_language_not_supported_is_named_by_line_and_release(tmp_path):
    records = [{"release_id": "7", "lang": "ur", "title": "عنوان", "text": "متن"},
               {"release_id": "8", "lang": "en", "title": "Title", "text": "Text."}]
    (tmp_path / "mixed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    (tmp_path / "mixed.json").write_text(json.dumps(records), encoding="utf-8")
    releases, errors = read(tmp_path / "mixed.jsonl", tmp_path / "mixed.json", langs={"hi", "en"})
    assert [r.key for r in releases] == [("8", "en")] * 2
    reason = "release 7: language 'ur' is not supported (supported: en, hi)"
    assert errors == [ReadError(str(tmp_path / "mixed.jsonl"), 1, reason, "ur"),
                      ReadError(str(tmp_path / "mixed.json"), None, reason, "ur")]
    assert [r.key for r in read(tmp_path / "mixed.jsonl")[0]] == [("7", "ur"), ("8", "en")]  # langs=None keeps all


# --------------------------------------------------------------------------- JSON lines


def test_jsonl_en_hi_2020_shape(tmp_path):
    src = BUNDLE / "pib" / "en-hi-2020.jsonl"
    lines = src.read_text(encoding="utf-8").splitlines()[:2]  # 1598342 en + hi
    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    en, hi = one_each(path)
    assert (en.release_id, en.date, en.ministry) == ("1598342", "2020-01-03", "Prime Minister's Office")
    assert en.title == "PM pays tributes to Savitribai Phule on her Jayanti"
    assert en.text.endswith("देशवासियों को सदा प्रेरित करता रहेगा।")  # "*****" gone
    assert hi.lang == "hi" and hi.date == "2020-01-03"  # no Posted On: the folder date
    assert "नरेन्द्र मोदी" in hi.text  # ZWJ removed: नरेन्‍द्र -> नरेन्द्र
    assert en.source == "sample.jsonl:1" and hi.source == "sample.jsonl:2"


def one_each(path):
    releases, errors = read(path)
    assert errors == []
    return releases


def test_jsonl_en_2026_shape_with_subtitle():
    releases, errors = read(BUNDLE / "pib" / "en-2026.jsonl")
    assert errors == [] and len(releases) == 563
    by_id = {r.release_id: r for r in releases}
    first = by_id["2296724"]
    assert (first.lang, first.date, first.ministry) == ("en", "2026-08-09", "PIB Backgrounder")
    assert first.url == "https://pib.gov.in/PressReleasePage.aspx?PRID=2296724"
    with_sub = next(r for r in releases if r.text.startswith("₹421.08 Crore Released in 2023-24"))
    assert "\n\n" in with_sub.text  # subtitle, blank line, body
    inline = by_id["2300407"]  # footer flattened into the last paragraph
    assert inline.text.endswith("The injured would be given Rs. 50,000. https://t.co/MpnGrBgvQD — PMO India (@PMOIndia) August 17, 2026")
    for r in releases:
        assert_clean(r.text)


def test_our_ingest_format(tmp_path):
    path = tmp_path / "mine.jsonl"
    rows = [
        {"release_id": "X-1", "lang": "hi", "title": "शीर्षक", "text": "पाठ 5 लाख\r\n***\nएएम/जेके",
         "ministry": "वित्त मंत्रालय", "date": "2025-10-30", "url": "https://example.org/x1"},
        {"release_id": 42, "lang": "EN", "title": "Title", "text": "Body \u200bwith junk\u00a0spaces."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    a, b = one_each(path)
    assert (a.release_id, a.lang, a.text, a.ministry, a.date, a.url) == (
        "X-1", "hi", "पाठ 5 लाख", "वित्त मंत्रालय", "2025-10-30", "https://example.org/x1")
    assert (b.release_id, b.lang, b.text, b.date) == ("42", "en", "Body with junk spaces.", None)
    assert b.url == "https://pib.gov.in/PressReleasePage.aspx?PRID=42"


def test_json_array_file(tmp_path):
    path = tmp_path / "arr.json"
    path.write_text(json.dumps([{"release_id": "1", "lang": "en", "title": "T", "text": "Body."}]), encoding="utf-8")
    assert [r.key for r in one_each(path)] == [("1", "en")]


# --------------------------------------------------------------------------- bundled corpus


def test_bundled_corpus_reads_cleanly():
    releases, errors = read(BUNDLE)
    assert errors == []
    keys = [r.key for r in releases]
    assert len(keys) == len(set(keys))  # en-hi-2020 is bundled once, not also as the raw tree
    hi_en = [r for r in releases if r.lang in ("hi", "en")]
    # 301 of en-hi-2020 (5 bodiless records left out) + 563 of en-2026 + 2 single pages;
    # the data README's "about 870" counted the bodiless ones and a Punjabi page.
    assert len(hi_en) >= 866
    assert sum(r.lang == "hi" for r in releases) >= 145
    assert all(r.date and r.ministry and r.title and r.url for r in releases)
    # the releases themselves; their shipped vectors (vectors/, one file a passage path) have their
    # own bound in tests/index/test_knownvectors.py
    assert sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file() and f.relative_to(BUNDLE).parts[0] != "vectors") < 15_000_000


def test_ministry_names():
    pairs = dict(ministry_names())
    assert len(pairs) >= 80
    assert pairs["Ministry of Commerce & Industry"] == "वाणिज्य एवं उद्योग मंत्रालय"  # ZWJ stripped


# --------------------------------------------------------------------------- broken input


def test_broken_inputs_are_reported_and_skipped(tmp_path):
    good = {"release_id": "1", "lang": "en", "title": "T", "text": "Fine."}
    lines = [
        json.dumps(good),
        '{"release_id": "2", "lang": "en", "title": "T", "text": ',  # truncated JSON
        json.dumps({"release_id": "3", "lang": "en", "title": "T"}),  # no text
        json.dumps({"release_id": "4", "lang": "en", "title": "T", "text": "   "}),  # empty text
        json.dumps({"release_id": "5", "lang": "en", "title": "T", "text": "x", "date": "someday"}),
        json.dumps({"foo": 1}),
        json.dumps([1, 2]),
        json.dumps({**good, "release_id": "6"}),
    ]
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_bytes("\n".join(lines).encode() + b"\n" + "caf\xe9".encode("latin-1") + b"\n")
    (tmp_path / "latin1.txt").write_bytes("Ministry of Finance\nTitle\nCaf\xe9 body.\n".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty.jsonl").write_bytes(b"\n \n")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "noid.txt").write_text("Some title\nSome body.\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")  # skipped inside a folder

    releases, errors = read(tmp_path)
    assert [r.release_id for r in releases] == ["1", "6"]
    where = {(pathlib.Path(e.path).name, e.line): e.reason for e in errors}
    assert set(where) == {("mixed.jsonl", 2), ("mixed.jsonl", 3), ("mixed.jsonl", 4), ("mixed.jsonl", 5),
                          ("mixed.jsonl", 6), ("mixed.jsonl", 7), ("mixed.jsonl", 9), ("latin1.txt", None),
                          ("empty.txt", None), ("empty.jsonl", None), ("blob.txt", None), ("noid.txt", None)}
    assert "broken JSON" in where[("mixed.jsonl", 2)]
    assert "missing field 'text'" in where[("mixed.jsonl", 3)]
    assert "empty field 'text'" in where[("mixed.jsonl", 4)]
    assert "date" in where[("mixed.jsonl", 5)]
    assert "unknown record shape" in where[("mixed.jsonl", 6)]
    assert "JSON object" in where[("mixed.jsonl", 7)]
    assert "not UTF-8" in where[("mixed.jsonl", 9)] and "not UTF-8" in where[("latin1.txt", None)]
    assert "empty" in where[("empty.txt", None)] and "empty" in where[("empty.jsonl", None)]
    assert "binary" in where[("blob.txt", None)]
    assert "release id" in where[("noid.txt", None)]
    assert all(e.reason and e.path for e in errors)


def test_a_release_too_large_to_take_is_skipped_with_its_size(tmp_path):
    from corpus.release import MAX_TEXT_CHARS, MAX_TITLE_CHARS

    lines = [{"release_id": "1", "lang": "en", "title": "T", "text": "Fine."},
             {"release_id": "2", "lang": "en", "title": "T", "text": "A sentence. " * (MAX_TEXT_CHARS // 12 + 1)},
             {"release_id": "3", "lang": "en", "title": "T" * (MAX_TITLE_CHARS + 1), "text": "Fine."}]
    (tmp_path / "sizes.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    releases, errors = read(tmp_path)
    assert [r.release_id for r in releases] == ["1"]
    assert [(e.line, e.reason.split(",")[0]) for e in errors] == [(2, "release 2: text of 1"), (3, "release 3: title of 1")]
    assert "over the 1,000,000 a release may hold" in errors[0].reason


def test_what_no_release_may_hold_is_skipped_with_why(tmp_path):
    good = {"release_id": "1", "lang": "en", "title": "T", "text": "Fine."}
    lines = [json.dumps(good),
             json.dumps({**good, "release_id": "2", "date": "9999-12-31"}),  # days counted from it overflow
             '{"release_id": "3", "lang": "en", "title": "T \\ud800", "text": "Fine."}',  # a lone surrogate
             json.dumps({**good, "release_id": "../../etc/passwd"}),  # an id no link or path can carry
             json.dumps({**good, "release_id": "5", "date": "tomorrow"}),  # when it was read is no date
             json.dumps({**good, "release_id": "6", "date": "2026-08-12"}),
             json.dumps({**good, "release_id": "7", "url": "javascript:alert(1)"})]  # a link no client may follow
    (tmp_path / "odd.jsonl").write_text("\n".join(lines), encoding="utf-8")
    releases, errors = read(tmp_path)
    assert [r.release_id for r in releases] == ["1", "6"]
    assert [(e.line, e.reason) for e in errors] == [
        (2, "release 2: date 9999-12-31 is not between 1900 and 2100"),
        (3, "field 'title' is not valid Unicode (a lone surrogate, U+D800)"),
        (4, "release id '../../etc/passwd': letters, digits and '_.-' only, at most 40, beginning with a letter or digit"),
        (5, "field 'date' is not a date: 'tomorrow' (use yyyy-mm-dd)"),
        (7, "release 7: url 'javascript:alert(1)' is not an http(s) address")]


def test_missing_path_and_unsupported_file(tmp_path):
    csv_file = tmp_path / "x.csv"
    csv_file.write_text("a,b\n", encoding="utf-8")
    releases, errors = read(tmp_path / "nope", csv_file)
    assert releases == []
    assert [e.reason.split(" (")[0].split(":")[0] for e in errors] == ["no such file or folder", "not a release file"]


def test_default_on_error_logs_instead_of_raising(tmp_path, caplog):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert list(read_paths(tmp_path)) == []
    assert "empty file" in caplog.text


def test_encodings_bom_utf16_crlf(tmp_path):
    page = "Ministry of Finance\r\nTitle here\r\nPosted On: 01 MAR 2020 3:20PM by PIB Delhi\r\nBody e\u0301 text.\r\n***\r\nRM/KMN\r\n"
    (tmp_path / "1604784-en.txt").write_bytes(page.encode("utf-16"))
    (tmp_path / "1604785.txt").write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    a, b = one_each(tmp_path)
    for r in (a, b):
        assert r.text == "Body \u00e9 text." and r.date == "2020-03-01" and r.lang == "en"
    assert {a.release_id, b.release_id} == {"1604784", "1604785"}


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("value", "iso"),
    [("30 OCT 2025 11:37AM", "2025-10-30"), ("2026-08-09T09:56:00", "2026-08-09"), ("30 Sep 2019", "2019-09-30"),
     ("16.08.2026", "2026-08-16"), ("not a date", None), (None, None)],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


def test_detect_lang_and_normalize():
    assert detect_lang("The PM said “सादर नमन” today in New Delhi at the event") == "en"
    assert detect_lang("प्रधानमंत्री ने GeM पर कहा") == "hi"
    assert normalize_text("a\u200bb\x07c\r\nd <b>e</b> &amp;") == "abc\nd e &"
    body, rid = clean_body("Text.\n*****\nVG/SNC/BM\n(Release ID: 123) Visitor Counter : 9")
    assert (body, rid) == ("Text.", "123")


def test_corpus_does_not_import_other_layers():
    # In a fresh interpreter: the test session itself has imported every layer already.
    code = ("import sys, corpus.readers\n"
            "bad = [m for m in sys.modules if m == 'torch' or m.split('.')[0] in ('index', 'bot')]\n"
            "assert not bad, bad")
    r = subprocess.run([sys.executable, "-c", code], cwd=pathlib.Path(__file__).resolve().parents[2],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_bundled_ministry_and_title_are_single_lines():
    from corpus.readers import bundled_corpus_dir, read_paths

    for r in read_paths([bundled_corpus_dir()], langs={"hi", "en"}):
        assert r.ministry is None or (r.ministry == " ".join(r.ministry.split())), r.ministry
        assert "\n" not in r.title


def test_the_years_a_release_may_have_are_one_rule_as_code_and_as_pattern():
    import datetime as dt

    from corpus.release import FIRST_YEAR, LAST_YEAR, YEARS, date_problem

    for year in range(1000, 10000):
        assert bool(YEARS.fullmatch(str(year))) == (date_problem(dt.date(year, 1, 1)) is None) == (
            FIRST_YEAR <= year <= LAST_YEAR), year


def test_escaped_markup_and_controls_are_cleaned_as_written_ones_are():
    from corpus.pib_page import normalize_text

    assert normalize_text("x <script>alert(1)</script> &lt;b&gt;y&lt;/b&gt; a &#x202E;b") == "x alert(1) y a b"
    assert normalize_text("a &lt; b and c &gt; d, AT&amp;T") == "a < b and c > d, AT&T"  # text, not markup


def test_a_link_s_parameters_are_not_read_as_entities_without_their_semicolon():
    from corpus.pib_page import normalize_text

    link = "https://pib.gov.in/PressReleasePage.aspx?PRID=2210154&reg=3&lang=1"  # "&reg" alone is "®" to HTML
    assert normalize_text(f"See {link} for more.") == f"See {link} for more."
    assert normalize_text("&reg; &#8377;5, &#x20B9;6 &copy 2020") == "® ₹5, ₹6 &copy 2020"


def test_the_bundled_links_keep_their_parameters():
    from corpus.readers import bundled_corpus_dir, read_paths

    texts = [r.text for r in read_paths([bundled_corpus_dir()]) if "PRID=" in r.text]
    assert any("&reg=" in t for t in texts) and not any("®=" in t for t in texts)


def test_utf16_without_a_byte_order_mark_and_a_binary_file_are_told_apart(tmp_path):
    record = json.dumps({"release_id": "1", "lang": "hi", "title": "शीर्षक", "text": "यह पाठ है। Text 123."},
                        ensure_ascii=False)
    (tmp_path / "utf16.jsonl").write_bytes(record.encode("utf-16-le"))
    (tmp_path / "utf16.txt").write_bytes("Ministry of Finance\nTitle\nBody text.\n".encode("utf-16-le"))
    program = bytes([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]) + bytes(56) + bytes(range(256)) * 8  # an ELF's head
    (tmp_path / "program.txt").write_bytes(program)
    (tmp_path / "program.jsonl").write_bytes(program)
    _, errors = read(tmp_path)
    reasons = {pathlib.Path(e.path).name: e.reason for e in errors}
    assert reasons["utf16.jsonl"].startswith("looks like UTF-16") and reasons["utf16.txt"].startswith("looks like UTF-16")
    assert reasons["program.txt"] == "binary file (contains NUL bytes), not text"
    assert reasons["program.jsonl"] == "binary file (contains NUL bytes), not JSON lines"


def test_a_json_file_of_no_releases_is_named(tmp_path):
    """`vigyapti ingest empty.json` of `[]` said only "nothing to ingest": the one file given was
    passed over without a word, where an empty or a blank file is named ("empty file")."""
    (tmp_path / "none.json").write_text("[]\n", encoding="utf-8")
    (tmp_path / "none.jsonl").write_text(" [ ] ", encoding="utf-8")
    releases, errors = read(tmp_path / "none.json", tmp_path / "none.jsonl")
    assert releases == []
    assert [(pathlib.Path(e.path).name, e.line, e.reason) for e in errors] == [
        ("none.json", None, "no releases: an empty JSON array"), ("none.jsonl", None, "no releases: an empty JSON array")]
