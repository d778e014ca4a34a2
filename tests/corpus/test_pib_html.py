"""The PIB release page parser on the real saved page and on pages built in its shape."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from corpus.pib_html import PageLayoutError, language_code, parse_feed, parse_release_page, posted_at, prid_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bot"))
import pib_site  # noqa: E402  (the loopback site's page builders)


@pytest.fixture(scope="module")
def real_html(shared_data) -> bytes:
    return (shared_data / "pib" / "html" / "2161803.html").read_bytes()


def test_real_page_fields(real_html):
    page = parse_release_page(real_html, expected_prid="2161803")
    r = page.release
    assert (r.release_id, r.lang, r.ministry, r.date) == ("2161803", "en", "Ministry of Power", "2025-08-29")
    assert r.title.startswith("Ministry of Power released State Energy Efficiency Index 2024: Maharashtra")
    assert r.url == "https://pib.gov.in/PressReleasePage.aspx?PRID=2161803"
    assert page.posted_at == "2025-08-29T14:27:00+05:30" and page.office == "PIB Delhi"
    assert "with 66 indicators across seven key demand sectors" in r.text
    assert r.text.startswith("Shri Akash Tripathi, IAS, Additional Secretary")
    assert "Group 3 (1-5 MToE): Assam" in r.text.split("\n")  # list items stay lines
    assert r.text.endswith("India's broader climate and energy security targets.")
    for furniture in ("*****", "\nSK", "Release ID", "Visitor Counter", "Posted On", "azadi", "Ministry of Power\n"):
        assert furniture not in r.text
    assert r.translations == ()


def test_hindi_page_links_and_initials():
    page = parse_release_page(pib_site.hindi_seei_page())
    r = page.release
    assert (r.release_id, r.lang, r.ministry, r.date) == ("2161900", "hi", "विद्युत मंत्रालय", "2025-08-29")
    assert (page.posted_at, page.office) == ("2025-08-29T15:10:00+05:30", "PIB Delhi")
    assert r.translations == (("en", "2161803"),)
    assert "66 संकेतक" in r.text and "एसके" not in r.text and "Read this release" not in r.text


def test_table_rows_kept_as_lines():
    r = parse_release_page(pib_site.table_page("2162001")).release
    lines = r.text.split("\n")
    assert "Company | July 2025 (MT) | July 2024 (MT)" in lines
    assert "Coal India Limited | 53.12 | 49.80" in lines
    assert "SCCL | 5.61 | 5.40" in lines


def test_other_languages_links_are_kept():
    page = pib_site.build_page("2170001", ministry="Ministry of Power", title="A title", posted="02 SEP 2025 9:05AM by PIB Delhi",
                               paragraphs=["A body sentence with 12 figures."],
                               links={"hi": "2170002", "ur": "2170003", "mr": "2170004"})
    assert parse_release_page(page).release.translations == (("hi", "2170002"), ("ur", "2170003"), ("mr", "2170004"))


def test_a_devanagari_page_that_links_to_hindi_is_not_hindi():
    page = pib_site.build_page("2170010", ministry="ऊर्जा मंत्रालय", title="राज्य ऊर्जा कार्यक्षमता निर्देशांक 2024 जाहीर",
                               posted="29 AUG 2025 5:00PM by PIB Mumbai",
                               paragraphs=["निर्देशांकात 66 निर्देशकांचा समावेश आहे."],
                               links={"en": "2161803", "hi": "2161900"})
    assert parse_release_page(page).release.lang == "mr"


def test_truncated_page_is_refused(real_html):
    cut = real_html[: real_html.index(b'id="ReleaseId"') - 300]
    with pytest.raises(PageLayoutError, match="truncated"):
        parse_release_page(cut)


@pytest.mark.parametrize("body, reason", [
    (pib_site.OTHER_LAYOUT, "no release container"),
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\xff\xfe\x00garbage\x00\x81", "no release container"),
    ("<div class='innner-page-main-about-us-content-right-part'><p>x</p></div>".encode(), "no title"),
])
def test_pages_of_another_layout_are_refused(body, reason):
    with pytest.raises(PageLayoutError, match=reason):
        parse_release_page(body)


def test_decoded_text_parses_like_bytes(real_html):
    as_text = real_html.decode("utf-8")
    assert parse_release_page(as_text).release == parse_release_page(real_html).release
    declared = '<?xml version="1.0" encoding="iso-8859-1"?>' + as_text.split("\n", 1)[1]
    assert parse_release_page(declared).release.text == parse_release_page(real_html).release.text


def test_page_of_another_release_is_refused(real_html):
    with pytest.raises(PageLayoutError, match="is release 2161803, not 2161804"):
        parse_release_page(real_html, expected_prid="2161804")


def test_page_without_body_is_refused():
    page = pib_site.build_page("2170009", ministry="Ministry of Power", title="Only a title",
                               posted="02 SEP 2025 9:05AM by PIB Delhi", paragraphs=[])
    with pytest.raises(PageLayoutError, match="no body text"):
        parse_release_page(page)


def test_feed_items():
    xml = pib_site.rss("en", [("2161803", "SEEI 2024"), ("2161900", "हिन्दी"), ("2161803", "again")])
    xml = xml.replace(b"</channel>", b"<item><title>no link</title></item><item><link>https://pib.gov.in/x</link></item>"
                                     b"</channel>")
    assert [(i.prid, i.title) for i in parse_feed(xml)] == [("2161803", "SEEI 2024"), ("2161900", "हिन्दी")]


_FEED = pib_site.rss("en", [("2161803", "SEEI 2024"), ("2161900", "हिन्दी")])


@pytest.mark.parametrize("xml,reason", [
    (b"", "empty feed body"),
    (b"<html><body>maintenance</body></html>", "an HTML page"),
    (b"<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title>", "an HTML page ('503 Service Unavailable')"),
    (b"\x00\x01 not xml", "not XML"),
    (_FEED[:_FEED.index(b"</link>") - 3], "not well-formed XML"),  # cut inside the first link: "PRID=2161"
    (_FEED[:_FEED.index(b"</item>") + 7], "not well-formed XML"),  # cut after a whole item
    (_FEED[:_FEED.index(b"</channel>")], "not well-formed XML"),
    (b"<rss><channel><title>a & b</title></channel></rss>", "not well-formed XML"),
    (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "no <channel>"),
])
def test_broken_feeds_are_refused_with_a_one_line_reason(xml, reason):
    with pytest.raises(PageLayoutError, match=re.escape(reason)) as refused:
        parse_feed(xml)
    assert "\n" not in str(refused.value)


def test_a_well_formed_feed_without_items_is_empty():
    assert parse_feed(pib_site.rss("en", [])) == []
    assert [i.prid for i in parse_feed(_FEED)] == ["2161803", "2161900"]


def test_feed_entities_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xml = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<rss><channel><item><title>&x;</title><link>https://pib.gov.in/PressReleasePage.aspx?PRID=1</link>'
           f'</item></channel></rss>').encode()
    assert all("TOPSECRET" not in i.title for i in parse_feed(xml))


def test_small_helpers():
    assert prid_of("https://pib.gov.in/PressReleasePage.aspx?PRID=2161803") == "2161803"
    assert prid_of("/PressReleasePage.aspx?prid=12&reg=3") == "12"
    assert prid_of("https://pib.gov.in/PressReleasePage.aspx?PRID=abc") is None
    assert [language_code(n) for n in ("Hindi", "हिन्दी", " English ", "Urdu", "Klingon")] == ["hi", "hi", "en", "ur", None]
    assert posted_at("30 OCT 2025 11:37AM") == "2025-10-30T11:37:00+05:30"
    assert posted_at("1 JAN 2026 12:05AM") == "2026-01-01T00:05:00+05:30"
    assert posted_at("no date here") is None
