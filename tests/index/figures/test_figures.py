"""Tests for index.figures: gold-set precision/recall, real examples, traps, NeMo cases, adversarial input."""
from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from index.figures import Figure, FigureExtractor, extract_figures  # noqa: E402

NEMO = Path("/work/shared/data/numbers/nemo_hi")
_DEV = str.maketrans("०१२३४५६७८९", "0123456789")


def one(text: str) -> Figure:
    figs = extract_figures(text)
    assert len(figs) == 1, (text, figs)
    return figs[0]


def vals(text: str) -> list[tuple]:
    return [(f.kind, f.iso if f.kind == "date" else f.value, f.unit) for f in extract_figures(text)]


# --------------------------------------------------------------------------- gold set

def test_gold_set_size_and_shape(bench_script):
    rows = bench_script("figures_accuracy").load_gold()
    assert len(rows) >= 200
    langs = [r["lang"] for r in rows]
    assert langs.count("hi") >= 100 and langs.count("en") >= 100
    for r in rows:
        assert set(r) >= {"lang", "text", "source", "figures"}
        for f in r["figures"]:
            assert f["kind"] in ("money", "percent", "quantity", "count", "ordinal", "date", "year", "period")
            if f["kind"] == "date":
                assert f.get("iso")


def test_gold_precision_recall(bench_script):
    res = bench_script("figures_accuracy").score()
    for scope in ("all", "hi", "en"):
        assert res[scope]["precision"] >= 0.98, (scope, res[scope], res["false_hits"][:10])
        assert res[scope]["recall"] >= 0.97, (scope, res[scope], res["misses"][:10])


def test_blind_set_size_and_shape(bench_script):
    b = bench_script("figures_accuracy")
    rows = b.load_gold(b.BLIND)
    assert len(rows) == 120
    langs = [r["lang"] for r in rows]
    assert langs.count("hi") == 60 and langs.count("en") == 60
    gold_texts = {r["text"] for r in b.load_gold()}
    for r in rows:
        assert r["text"] not in gold_texts
        for f in r["figures"]:
            assert f["kind"] in ("money", "percent", "quantity", "count", "ordinal", "date", "year", "period")
            assert f["text"] in r["text"]
            if f["kind"] == "date":
                assert f.get("iso")


def test_blind_precision_recall(bench_script):
    # hand-annotated before the extractor was run on it (see bench/figures_accuracy.py)
    b = bench_script("figures_accuracy")
    res = b.score(b.load_gold(b.BLIND))
    for scope in ("all", "hi", "en"):
        assert res[scope]["precision"] >= 0.98, (scope, res[scope], res["false_hits"][:10])
        assert res[scope]["recall"] >= 0.97, (scope, res[scope], res["misses"][:10])


@pytest.mark.parametrize("text,expected", [
    # minus sign glued to a decimal in a flattened table / after a label; integers after a space are ranges
    ("2024-25 5.0 -0.3 -2.2 2.8", [("period", Decimal(2024)), ("count", Decimal(5)), ("count", Decimal("-0.3")),
                                   ("count", Decimal("-2.2")), ("count", Decimal("2.8"))]),
    ("Imports of Silver (-66.1%), Sulphur (-47%)", [("percent", Decimal("-66.1")), ("percent", Decimal(-47))]),
    ("96 -104", [("count", Decimal(96)), ("count", Decimal(104))]),
    # N.0 is a version after a name, a number with a unit / in a run of numbers
    ("Lockdown 3.0 guidelines", []),
    ("PMKVY (1.0 to 3.0) and PMKVY 4.0", []),
    ("the dropout rate was 7.0% at the Secondary stage", [("percent", Decimal(7))]),
    ("up to Rs.6.0 lakhs per annum", [("money", Decimal(600000))]),
    ("8.5 1.0 8.0 3.0", [("count", Decimal("8.5")), ("count", Decimal(1)), ("count", Decimal(8)), ("count", Decimal(3))]),
    # name, space, hyphen, short integer: a code
    ("सुखोई -30 एमकेआई, मिग -29 और जगुआर", []),
    ("पीपीई और एन -95 मास्क", []),
    ("Source: NFHS -5 Report .", []),
    # hyphenated phone numbers
    ("हेल्प लाइन नंबर 1800-180-3333 पर कॉल करें", []),
    ("toll-free numbers 1800-4254-732 or email", []),
    # month range with a two-digit year; a failed day range does not swallow the next number
    ("Apr-July 25 -3.0 -2.9", [("date", "2025-04"), ("date", "2025-07"), ("count", Decimal("-3")), ("count", Decimal("-2.9"))]),
    ("(Apr- Jun '26)", [("date", "2026-04"), ("date", "2026-06")]),
    # each month with its two-digit year: a survey's year, not two days; a short span of days stays days
    ("ASUSE Jan 25- Dec 25: 12.81 crore", [("date", "2025-01"), ("date", "2025-12"), ("count", Decimal(128100000))]),
    ("PLFS Jul 24 - Jun 25", [("date", "2024-07"), ("date", "2025-06")]),
    ("from March 10 to April 10", [("date", "--03-10"), ("date", "--04-10")]),
    ("Jan 25 - Mar 25", [("date", "--01-25"), ("date", "--03-25")]),
    ("Jan 25 - Dec 25, 2025", [("date", "--01-25"), ("date", "2025-12-25")]),
])
def test_blind_set_fixes(text, expected):
    got = [(f.kind, f.iso if f.kind == "date" else f.value) for f in extract_figures(text)]
    assert got == expected, got


def test_hindi_knots():
    f = one("हवा की गति 20 समुद्री मील तक")
    assert (f.value, f.kind, f.unit) == (Decimal(20), "quantity", "knot")


# --------------------------------------------------------------------------- real examples

SENT_2184082 = ("राज्य के 86,000 से ज्यादा विक्रेताओं ने इस प्लेटफॉर्म पर अपनी प्रोफाइल पूरी कर ली है। शुरुआत से ही, "
                "मध्य प्रदेश के सूक्ष्म और लघु उद्यमों को राज्य के खरीदारों से 5,523 करोड़ रुपए, अन्य राज्यों के खरीदारों से "
                "2,030 करोड़ रुपए और केंद्रीय खरीदारों से 20,298 करोड़ रुपए के ऑर्डर मिले हैं।")


def test_release_2184082_sellers_and_orders():
    figs = extract_figures(SENT_2184082)
    f = figs[0]
    assert (f.value, f.kind, f.unit, f.qualifier, f.label) == (Decimal(86000), "count", None, "more_than", "विक्रेताओं")
    assert f.text.startswith("86,000")
    money = [x for x in figs if x.kind == "money"]
    assert [m.value for m in money] == [Decimal(55230000000), Decimal(20300000000), Decimal(202980000000)]
    assert all(m.unit == "INR" for m in money)
    assert money[0].text == "5,523 करोड़ रुपए"
    assert money[0].to_dict()["value"] == 55230000000


def test_project_outlay_label_and_money():
    f = one("The Cabinet approved the scheme with a total project outlay of ₹3,473 crore.")
    assert (f.kind, f.unit, f.value) == ("money", "INR", Decimal(34730000000))
    assert f.label == "project outlay"


def test_offsets_order_and_to_dict_json():
    text = "Posted On: 30 OCT 2025 11:37AM. In FY 2025-26, about 48.31% of 1,05,366 farmers got Rs. 5 lakh each."
    figs = extract_figures(text)
    last = -1
    for f in figs:
        assert text[f.start:f.end] == f.text
        assert f.start >= last
        last = f.end
        fd = f.to_dict()
        assert text[fd["start"]:fd["end"]] == fd["text"]  # to_dict keeps offsets as offsets
        json.dumps(fd, ensure_ascii=False)
    d = {f.kind: f.to_dict() for f in figs}
    assert d["date"]["iso"] == "2025-10-30" and d["date"]["value"] is None
    assert d["period"]["value"] == 2025 and d["period"]["iso"] == "2025/2026"
    assert d["percent"]["value"] == 48.31 and d["percent"]["qualifier"] == "about"
    assert d["count"]["value"] == 105366 and d["count"]["label"] == "farmers"
    assert d["money"]["value"] == 500000 and isinstance(d["money"]["value"], int)


@pytest.mark.parametrize("text,expected", [
    ("The gross GST revenue in February, 2020is ₹ 1,05,366crore of which",
     [("date", "2020-02", None), ("money", Decimal(1053660000000), "INR")]),
    ("returns filed is 83.53lakh.", [("count", Decimal(8353000), None)]),
    ("all functional with10199 students enrolled", [("count", Decimal(10199), None)]),
    ("Rs. 1,31,100.02crore has been released", [("money", Decimal("1311000200000"), "INR")]),
    ("११,१८,९३७ लोग और ५,५२३ करोड़ रुपये", [("count", Decimal(1118937), None), ("money", Decimal(55230000000), "INR")]),
    ("5 ट्रिलियन डॉलर की अर्थव्यवस्था", [("money", Decimal(5 * 10**12), "USD")]),
    ("₹3.10 lakh crore deposits", [("money", Decimal(3_100_000_000_000), "INR")]),
    ("1.5 हजार करोड़ रुपये", [("money", Decimal(15_000_000_000), "INR")]),
    ("USD 37.7 billion exports", [("money", Decimal(37_700_000_000), "USD")]),
    ("$5 million grant", [("money", Decimal(5_000_000), "USD")]),
    ("42 मिलियन से अधिक शहर", [("count", Decimal(42_000_000), None)]),
    ("INR 500 crore", [("money", Decimal(5_000_000_000), "INR")]),
    ("रु. 500 करोड़", [("money", Decimal(5_000_000_000), "INR")]),
    ("9.78 per cent and 50 फीसदी and 12 प्रतिशत and 3 percent", [("percent", Decimal("9.78"), "%"), ("percent", Decimal(50), "%"),
                                                             ("percent", Decimal(12), "%"), ("percent", Decimal(3), "%")]),
    ("a decrease of 0.4 percentage points", [("percent", Decimal("0.4"), "pp")]),
    ("33 LMT sugar", [("quantity", Decimal(3_300_000), "tonne")]),
    ("capacity of 30 Kilo Tonnes Per Annum (KTPA) and 5 KTPA", [("quantity", Decimal(30), "KTPA"),
                                                              ("quantity", Decimal(5), "KTPA")]),
    ("5 kilotonnes and 2 kilo tonnes", [("quantity", Decimal(5000), "tonne"), ("quantity", Decimal(2000), "tonne")]),
    ("71.8 लाख मीट्रिक टन", [("quantity", Decimal(7_180_000), "tonne")]),
    ("56.35 लाख एमटी गेहूं", [("quantity", Decimal(5_635_000), "tonne")]),  # एमटी: MT, metric tonnes
    ("5,000 MW and 10 GW", [("quantity", Decimal(5000), "MW"), ("quantity", Decimal(10), "GW")]),
    ("3,00,000 किलोमीटर सड़कों", [("quantity", Decimal(300000), "km")]),
    ("2 लाख हेक्टेयर भूमि", [("quantity", Decimal(200000), "hectare")]),
    ("12 acres and 3 ac", [("quantity", Decimal(12), "acre"), ("quantity", Decimal(3), "acre")]),
    ("238 AC EMU rakes", [("count", Decimal(238), None)]),  # air-conditioned, not acres
    ("2,58,725 Gram Panchayats and 100 grams", [("count", Decimal(258725), None), ("quantity", Decimal(100), "g")]),
    ("500 ग्राम पंचायतों और 1,200 ग्राम सभाओं में 50 ग्राम", [("count", Decimal(500), None), ("count", Decimal(1200), None),
                                                       ("quantity", Decimal(50), "g")]),  # the village, and grams
    ("94.2 Secondary (Class IX to XII)", [("count", Decimal("94.2"), None)]),  # a unit's word ends where its word does
    ("524 Day Care Cancer Centres and 21 days", [("count", Decimal(524), None), ("quantity", Decimal(21), "day")]),
    ("55 लीटर पेयजल", [("quantity", Decimal(55), "litre")]),
    ("55 lpcd and 55 एलपीसीडी पीने योग्य पानी", [("quantity", Decimal(55), "litre"), ("quantity", Decimal(55), "litre")]),
    ("पिछले 24 घंटों के दौरान", [("quantity", Decimal(24), "hour")]),
    ("70 kg payload over 7 km", [("quantity", Decimal(70), "kg"), ("quantity", Decimal(7), "km")]),
    ("वर्ष 2020 में", [("year", Decimal(2020), None)]),
    ("since 2014", [("year", Decimal(2014), None)]),
])
def test_values_units_kinds(text, expected):
    assert vals(text) == expected


@pytest.mark.parametrize("text,iso", [
    ("Posted On: 30 OCT 2025 11:37AM by PIB Delhi", "2025-10-30"),
    ("30 अक्टूबर 2025 को", "2025-10-30"),
    ("दिनांक 31.03.2020 के", "2020-03-31"),
    ("on 3rd June 2020", "2020-06-03"),
    ("on June 3, 2020", "2020-06-03"),
    ("on 31st March, 2020", "2020-03-31"),
    ("As on 06-08-2026, about", "2026-08-06"),
    ("released in February 2026.", "2026-02"),
    ("5 जनवरी को", "--01-05"),
    ("on 14thFeburary, 2019.", "2019-02-14"),
    ("३० अक्टूबर २०२५", "2025-10-30"),
    ("Jun-26 (P)", "2026-06"),  # a statistical table's month
    ("राज्य फरवरी-19", "2019-02"),  # a Hindi table's column header, as "Feb-19"
    ("in July 2026-27 were", "2026-07"),  # a month of a financial year: no count 27
    ("for January 2025-26,", "2026-01"),  # January of the financial year 2025-26 is in 2026
    ("पर्यटन मंत्रालय ने02 जून, 2020 को", "2020-06-02"),  # a day glued to the word before it
    ("in May-2026,", "2026-05"),
])
def test_dates(text, iso):
    f = one(text)
    assert f.kind == "date" and f.iso == iso and f.value is None
    assert f.to_dict()["iso"] == iso


def test_date_nfd_and_nukta_variants():
    for month in ("फ़रवरी", "फरवरी", unicodedata.normalize("NFD", "फ़रवरी"), unicodedata.normalize("NFC", "फ़रवरी")):
        assert vals(f"26 {month}, 2020 को") == [("date", "2020-02-26", None)]


@pytest.mark.parametrize("text,expected", [
    ("FY 2025-26", [("period", Decimal(2025), None)]),
    ("वित्त वर्ष 2019-20 के लिए", [("period", Decimal(2019), None)]),
    ("2014-2015", [("period", Decimal(2014), None)]),
    ("in FY25 and FY 24-25", [("period", Decimal(2024), None), ("period", Decimal(2024), None)]),
    ("from 2025-26 to 2030-31", [("period", Decimal(2025), None), ("period", Decimal(2030), None)]),
    ("during 2014-2019", [("year", Decimal(2014), None), ("year", Decimal(2019), None)]),
])
def test_periods(text, expected):
    assert vals(text) == expected


@pytest.mark.parametrize("text,period,iso", [
    # 2298080 writes "F.Y 2023-24": the abbreviation with stops is the financial year as "FY" is
    ("F.Y 2023-24", "F.Y 2023-24", "2023/2024"),
    ("in F.Y. 2023-24 and", "F.Y. 2023-24", "2023/2024"),
    ("F. Y. 2023-24", "F. Y. 2023-24", "2023/2024"),
    ("F.Y.2024-25", "F.Y.2024-25", "2024/2025"),
    ("in F.Y. 24-25", "F.Y. 24-25", "2024/2025"),
    ("in F.Y 25", "F.Y 25", "2024/2025"),
    ("in F.Y. 2025", "F.Y. 2025", "2024/2025"),
    ("FY 2023-24", "FY 2023-24", "2023/2024"),
    ("FY25", "FY25", "2024/2025"),
])
def test_a_financial_year_written_with_stops_is_read_whole(text, period, iso):
    (figure,) = extract_figures(text)
    assert (figure.kind, figure.text, figure.iso) == ("period", period, iso)


@pytest.mark.parametrize("text,expected", [
    ("दीर्घावधि औसत के 96 से 104 प्रतिशत", [("percent", Decimal(96), "%"), ("percent", Decimal(104), "%")]),
    ("10-15 lakh tonnes", [("quantity", Decimal(1_000_000), "tonne"), ("quantity", Decimal(1_500_000), "tonne")]),
    ("USD 40–45 billion", [("money", Decimal(40 * 10**9), "USD"), ("money", Decimal(45 * 10**9), "USD")]),
    ("between 5 and 10 per cent", [("percent", Decimal(5), "%"), ("percent", Decimal(10), "%")]),
    ("लगभग 80,000-90,000 रुपये के बीच", [("money", Decimal(80000), "INR"), ("money", Decimal(90000), "INR")]),
    ("10 से 13 सितंबर, 2019 तक", [("date", "2019-09-10", None), ("date", "2019-09-13", None)]),
    ("from 13-16 November 2025.", [("date", "2025-11-13", None), ("date", "2025-11-16", None)]),
    ("25 मार्च से 3 अप्रैल 2020 तक", [("date", "2020-03-25", None), ("date", "2020-04-03", None)]),
    ("the April–June 2026 quarter", [("date", "2026-04", None), ("date", "2026-06", None)]),
    ("increased from 83% in 2021 to 90% in 2025", [("percent", Decimal(83), "%"), ("year", Decimal(2021), None),
                                                  ("percent", Decimal(90), "%"), ("year", Decimal(2025), None)]),
])
def test_ranges(text, expected):
    assert vals(text) == expected


@pytest.mark.parametrize("text,qual", [
    ("86,000 से ज्यादा विक्रेताओं", "more_than"),
    ("86,000 से ज़्यादा विक्रेताओं", "more_than"),
    ("40 हजार से भी अधिक वेल", "more_than"),
    ("5 करोड़ रुपये से कम टर्नओवर", "less_than"),
    ("तीन लाख रूपए तक की ऋण", "up_to"),
    ("लगभग 42 करोड़ गरीबों", "about"),
    ("करीब 800 करोड़ रुपये", "about"),
    ("कम से कम 10 प्रतिशत", "at_least"),
    ("more than 6 crore MSMEs", "more_than"),
    ("over 81.35 crore beneficiaries", "more_than"),
    ("nearly 60% of the", "nearly"),
    ("approximately 90% of the revenue", "about"),
    ("up to Rs. 30 lakhs", "up_to"),
    ("at least 1.5 times", "at_least"),
    ("less than 100 per cent", "less_than"),
    ("₹28,000 crore+ contract", "more_than"),
])
def test_qualifiers(text, qual):
    f = one(text)
    assert f.qualifier == qual, f


@pytest.mark.parametrize("text,kind", [
    ("out of which 1833 JAKs have been opened", "count"),  # an acronym in the plural is what it counts
    ("10,780 members of 1927 SHGs", "count"),
    ("About 1800 data layers have been made", "count"),  # an estimate of a noun's number
    ("लगभग 1800 गांवों में", "count"),
    ("production is likely to start around 2035 with", "year"),  # an estimate of a time
    ("an increase over 2025 1 Rice", "year"),
    ("the 2020 elections", "year"),
    ("कुल 2020 में", "year"),
])
def test_a_number_like_a_year_that_counts_things(text, kind):
    assert [f.kind for f in extract_figures(text) if len(f.text) == 4] == [kind]


def test_tak_after_year_is_not_up_to():
    f = one("2024 तक देश के")
    assert f.kind == "year" and f.qualifier is None


@pytest.mark.parametrize("text,label", [
    ("6 करोड़ किसानों को", "किसानों"),
    ("5,523 करोड़ रुपए की लागत से", "लागत"),
    ("more than 2 crore houses", "houses"),
    ("48.31% of the votes", "votes"),
    ("about 500 MW of solar capacity", "solar capacity"),
    # a name glued to its number is one word of the label; a period glued to its year is no label
    ("5,000 COVID-19 patients were", "COVID-19 patients"),
    ("3.5 lakh tCO2 annually", "tCO2 annually"),
    ("about 25 NFHS-5 districts", "NFHS-5 districts"),
])
def test_labels(text, label):
    assert one(text).label == label


def test_a_railway_s_route_length_and_tonnes_in_plural_abbreviation():
    assert [(f.value, f.unit) for f in extract_figures("Kavach on 660 Route Km and 1,200 RKM")] == [
        (Decimal(660), "km"), (Decimal(1200), "km")]
    assert [(f.value, f.unit) for f in extract_figures("procured around 31.35 MTs of MFPs")] == [(Decimal("31.35"), "tonne")]
    assert [(f.value, f.unit) for f in extract_figures("1930 MTs of foodgrains")] == [(Decimal(1930), "tonne")]  # not the year


def test_a_period_after_a_figure_is_not_its_label():
    figures = extract_figures("1,040.08 crore in FY2025-26 and 45 crore in Sep-25")
    assert [f.label for f in figures if f.kind == "count"] == [None, None]


@pytest.mark.parametrize("text", [
    "exports increased by 8.40% from US$ 1.02 Billion in July 2025 to US$ 1.11 Billion in July 2026",  # 2298878
    "exports were US$ 1.11 Billion, against US$ 1.02 Billion a year before",
    "1,000 करोड़ रुपये फरवरी में और 500 करोड़ रुपये पिछले साल",
])
def test_a_time_after_an_amount_is_not_its_label(text):
    """The amount is of the month or year after it, not a count of months or years: "US$ 1.02 Billion
    (money, USD; year)" read as if the figure were a year's."""
    amounts = [f for f in extract_figures(text) if f.kind == "money"]
    time_words = {"july", "year", "before", "फरवरी", "पिछले", "साल"}
    assert amounts and not any(set((f.label or "").lower().split()) & time_words for f in amounts)
    assert [f.label for f in amounts][-1] is None  # the last is followed by its time alone


def test_a_time_later_in_a_label_stays():
    assert one("5 crore person days of work").label == "person days"


@pytest.mark.parametrize("text,label", [
    ("5 Jammu & Kashmir Government Homeopathic Medical College", "Jammu & Kashmir Government"),  # 2297704
    ("25% of the defence R&D budget has been opened to industry", "defence R&D"),  # 2299449
    ("A total of 2,500 boy & girl cadets (Army, Navy and Air Force)", "boy & girl cadets"),  # 2298957
    ("12 Daman & Diu (U.T.)", "Daman & Diu"),
    ("10 farmers & the rest", "farmers"),  # a sign before a word that ends the label goes with it
])
def test_a_label_keeps_the_ampersand_between_its_words(text, label):
    """"&" joins a label's words as "and" would, but "and" ends a label: the sign was dropped and the
    words either side kept, "Jammu Kashmir Government"."""
    assert one(text).label == label


# --------------------------------------------------------------------------- traps

@pytest.mark.parametrize("text", [
    "COVID-19 के बारे में", "कोविड-19 महामारी", "the G20 summit", "जी-20 वित्त मंत्रियों", "Lockdown 3.0 guidelines",
    "लॉकडाउन 3.0 के दौरान", "Release ID: 2184082", "PRID=1610801", "Call 011-23389111 now", "+91-11-23978046",
    "New Delhi-110001", "at 11:37AM", "10 AM sharp", "सुबह 10 बजे", "available 24x7", "24*7 service delivery",
    "24 x 7 service", "24×7 बिजली", "a 7X7X7 strategy", "Article 370", "धारा 370 हटाकर",
    "Section 4-28 of the MVAA", "Classes 9 to 12",
    "1.\tFirst item", "(2) second item", "H1N1 virus", "5G services", "in the 1990s", "N95 masks", "एन95 मास्क",
    "फॉर्म 15जी और 15एच", "email ncov2019@gov.in", "https://pib.gov.in/x.aspx?PRID=1598342", "Industry 4.0",
    "1075 (टोल फ्री) पर", "#BRICS2026", "Chandrayaan-3 mission", "the second phase", "दो में से एक", "two of the countries",
    "हजारों श्रमिकों", "लाखों लोग", "अरब सागर", "Phase 2 of", "2/3 majority", "THE ARMY AIR DEFENCE, 4 ASSAM RIFLES 13634623N PARATROOPER BIKASH KAKATI, 11 PARA",
])
def test_traps_yield_nothing(text):
    assert extract_figures(text) == [], extract_figures(text)


def test_date_parts_are_not_separate_figures():
    assert vals("30 OCT 2025") == [("date", "2025-10-30", None)]


# --------------------------------------------------------------------------- Hindi number words

@pytest.mark.parametrize("text,value", [
    ("पांच हजार", 5000), ("एक लाख", 100000), ("डेढ़ लाख", 150000), ("ढाई करोड़", 25000000), ("सवा लाख", 125000),
    ("साढ़े सात सौ", 750), ("पौने तीन सौ", 275), ("दो लाख करोड़", 2 * 10**12), ("तीस हजार", 30000),
    ("five lakh", 500000), ("two million", 2000000), ("one billion", 10**9), ("twenty five thousand", 25000),
])
def test_number_words(text, value):
    f = one(text + " लोगों")
    assert f.value == Decimal(value)


def _nemo(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if "~" in line:
            a, b = line.split("~", 1)
            yield a.strip(), b.strip()


_SCALE_WORDS = ("सौ", "हज़ार", "हजार", "लाख", "करोड़", "अरब", "डेढ़", "ढाई", "सवा", "साढ़े", "पौने", "दशमलव")


def _nemo_itn_cases():
    cases = []
    if not NEMO.exists():
        return cases
    for spoken, written in _nemo(NEMO / "itn" / "test_cases_cardinal.txt"):
        if any(w in spoken for w in _SCALE_WORDS) and written.translate(_DEV).isdigit():
            cases.append(("cardinal", spoken, Decimal(written.translate(_DEV)), None))
    for spoken, written in _nemo(NEMO / "itn" / "test_cases_decimal.txt"):
        cases.append(("decimal", spoken, Decimal(written.translate(_DEV)), None))
    cur = {"₹": "INR", "$": "USD", "€": "EUR"}
    for spoken, written in _nemo(NEMO / "itn" / "test_cases_money.txt"):
        if written[:1] in cur and "पैस" not in spoken and " और " not in spoken:
            cases.append(("money", spoken, Decimal(written[1:].translate(_DEV)), cur[written[:1]]))
    units = {"g": "g", "t": "tonne", "kg": "kg", "L": "litre", "h": "hour", "ha": "hectare", "km": "km",
             "m": "m", "ac": "acre", "yr": "year", "mo": "month"}
    for spoken, written in _nemo(NEMO / "itn" / "test_cases_measure.txt"):
        parts = written.split()
        if len(parts) == 2 and parts[1] in units and "प्रति" not in spoken and "वर्ग" not in spoken:
            cases.append(("measure", spoken, Decimal(parts[0].translate(_DEV)), units[parts[1]]))
    return cases


def _nemo_tn_cases():
    cases = []
    if not NEMO.exists():
        return cases
    for written, _spoken in _nemo(NEMO / "tn" / "test_cases_cardinal.txt"):
        w = written.translate(_DEV)
        # leading-zero runs ("0001", "०७३") are codes/phone fragments by design; 7+ ungrouped digits are ids
        if w.isdigit() and len(w) < 7 and not (len(w) >= 3 and w[0] == "0"):
            cases.append((written, Decimal(w), None))
    for written, _spoken in _nemo(NEMO / "tn" / "test_cases_decimal.txt"):
        w = written.translate(_DEV)
        if len(w.split(".")[0]) <= 15:
            cases.append((written, Decimal(w), None))
    cur = {"₹": "INR", "$": "USD", "£": "GBP"}
    for written, _spoken in _nemo(NEMO / "tn" / "test_cases_money.txt"):
        if written[:1] in cur:
            cases.append((written, Decimal(written[1:].translate(_DEV)), cur[written[:1]]))
    units = {"ha": "hectare", "ac": "acre", "m": "m", "m²": "sq m", "km²": "sq km"}
    for written, _spoken in _nemo(NEMO / "tn" / "test_cases_measure.txt"):
        parts = written.split()
        if len(parts) == 2 and parts[1] in units:
            cases.append((written, Decimal(parts[0].translate(_DEV)), units[parts[1]]))
    return cases


ITN = _nemo_itn_cases()
TN = _nemo_tn_cases()


@pytest.mark.skipif(not ITN, reason="NeMo test data not available")
@pytest.mark.parametrize("kind,spoken,value,unit", ITN, ids=[c[1][:30] for c in ITN] or None)
def test_nemo_itn_in_scope(kind, spoken, value, unit):
    f = one(spoken)
    assert f.value == value, (spoken, f)
    if kind == "money":
        assert (f.kind, f.unit) == ("money", unit)
    if kind == "measure":
        assert (f.kind, f.unit) == ("quantity", unit)


@pytest.mark.skipif(not TN, reason="NeMo test data not available")
@pytest.mark.parametrize("written,value,unit", TN, ids=[c[0][:30] for c in TN] or None)
def test_nemo_tn_written_forms(written, value, unit):
    f = one(written)
    assert f.value == value, (written, f)
    assert f.unit == unit


def test_nemo_case_counts():
    assert len(ITN) >= 60 and len(TN) >= 60


# --------------------------------------------------------------------------- robustness

ADVERSARIAL = {
    "digits10k": "1" * 10000,
    "digits10k_dev": "१" * 10000,
    "huge_grouping": "1,00,00,00,00,00,00,00 crore",
    "control": "Rs\x00 5\x01,000\x02 crore \x1b[0m 50%\x7f\ufeff\u200b",
    "mixed_scripts": "ab१2३,45६ लाख crore 5,5२3 करोड़ 12.३4% \u200d\u200c करो\u200dड़ ٣٤ ๕",
    "long_prose": ("The outlay is ₹3,473 crore and 48% of 86,000 sellers on 30 OCT 2025. " * 1500)[:100_000],
    "long_commas": "1," * 50_000,
    "long_dots": "1." * 50_000,
    "long_spaces": "5" + " " * 100_000 + "crore",
    "long_hyphens": "2019-" * 20_000,
    "long_words": "एक " * 30_000,
    "long_scales": "लाख करोड़ " * 10_000,
    "long_months": "June " * 20_000 + "3",
    "long_percent": "%" * 100_000,
    "surrogates": "5 crore \udcff lakh",
    "empty": "",
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_inputs_are_sane(name):
    """How long each takes is measured by `bench/figures_speed.py --adversarial`, not asserted here."""
    text = ADVERSARIAL[name]
    figs = FigureExtractor().run(text)
    last = -1
    for f in figs:
        assert text[f.start:f.end] == f.text
        assert f.start >= last
        last = f.end
        assert f.kind in ("money", "percent", "ratio", "quantity", "count", "ordinal", "date", "year", "period")
        json.dumps(f.to_dict())


def test_huge_number_is_sane():
    figs = extract_figures("1,00,00,00,00,00,00,00 crore")
    assert len(figs) <= 1
    figs = extract_figures("1" * 40 + " crore")
    assert figs == []


def test_non_string_and_none():
    assert extract_figures(None) == []  # type: ignore[arg-type]
    assert FigureExtractor().run(12345) == [FigureExtractor().run("12345")[0]]  # type: ignore[arg-type]


def test_module_is_light():
    code = ("import sys; import index.figures as f; f.extract_figures('₹5 crore on 30 OCT 2025');"
            "bad=[m for m in ('torch','dateparser','transformers','numpy') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_title_s_figures_without_the_table_passes_are_its_dates_and_numbers():
    """`run_line` (release titles): the same dates and numbers as `run`, without the table passes."""
    x = FigureExtractor()
    for title in ("Progress of area coverage under Kharif crops as on 14.08.2026",
                  "GST collection of ₹1,05,366 crore in February 2020, 8% up over February 2019",
                  "कोविड-19 पर अपडेट: 3 जून 2020 तक 1,00,303 मरीज ठीक हुए"):
        assert [(f.text, f.value, f.iso) for f in x.run_line(title)] == [(f.text, f.value, f.iso) for f in x.run(title)]
    assert x.run_line("") == []


def test_a_tables_months_are_dates_and_a_hyphenated_word_is_not():
    months = [(f.text, f.iso) for f in FigureExtractor().run("Month Index Jan-26 104.59 Feb-26 104.74 Sept-25 103.80")
              if f.kind == "date"]
    assert months == [("Jan-26", "2026-01"), ("Feb-26", "2026-02"), ("Sept-25", "2025-09")]
    assert not [f for f in FigureExtractor().run("Phase-2 of Block-12, Jun-26-2020") if f.kind == "date"]


def test_a_notification_or_question_number_is_no_count_and_an_age_is_years():
    assert [f.text for f in extract_figures("notified vide S.O. 2489 (E) dated 04th June, 2025, 12 hospitals")] == [
        "04th June, 2025", "12"]
    assert extract_figures("in reply to Unstarred Question No. 2050 in the Rajya Sabha") == []
    assert extract_figures("G.S.R. 123(E)") == []
    for text in ("youth aged 15–29", "children aged between 6 and 14", "citizens above the age of 60",
                 "the age group of 15-29"):
        assert {(f.kind, f.unit) for f in extract_figures(text)} == {("quantity", "year")}, text
    assert [(f.kind, f.value) for f in extract_figures("2.22 crore youth aged 15–29 registered")][0] == (
        "count", Decimal("22200000"))


def test_a_lists_section_numbers_are_no_figures_and_a_decimal_at_a_sentences_end_is():
    award = ("Ser No Award Number Remarks 1.1. Kirti Chakra 03 Including 01 Posthumous 1.2. Bar to Shaurya Chakra "
             "01 1.3. Shaurya Chakra 11")
    assert [f.text for f in extract_figures(award)] == ["03", "01", "01", "11"]
    assert [f.text for f in extract_figures("a B:C ratio of 4.57. In Bihar, 12 farmers")] == ["4.57", "12"]
    assert [f.text for f in extract_figures("It grew by 5.4. Then 5.5. More")] == ["5.4", "5.5"]  # no series of three


def test_months_of_a_financial_year_are_of_its_calendar_years():
    """"April-January 2025-26": April 2025 to January 2026, and no count 26; "2026-28" is no such year."""
    figs = extract_figures("Exports during April-January 2025-26 were US$ 118.60 Billion.")
    assert [(f.kind, f.iso) for f in figs if f.kind == "date"] == [("date", "2025-04"), ("date", "2026-01")]
    assert not [f for f in figs if f.kind == "count"]
    assert [f.text for f in extract_figures("in July 2026-28 pipes")] == ["July 2026", "28"]
