"""Numbers (index/figures/numbers.py): a count PIB writes in words and then in digits; a decimal typed
with a space before its point; a space typed after a grouping comma."""
from decimal import Decimal

import pytest

from index.figures import extract_figures


@pytest.mark.parametrize("text, figure, label", [
    ("setting up of three (3) Bulk Drug Parks in the country", "three (3)", "Bulk Drug Parks"),
    ("UFRMP Phase-I in seven (07) cities viz. Ahmedabad, Bengaluru", "seven (07)", "cities"),
    ("Two (02) Indian Institute of Skills (IIS) have been set up", "Two (02)", "Indian Institute"),
    ("मंत्रालय ने दस (10) चेयर स्थापित करने का निर्णय लिया है", "दस (10)", "चेयर"),
])
def test_a_count_in_words_and_again_in_digits_is_one_figure_labelled_by_what_follows(text, figure, label):
    [found] = extract_figures(text)
    value = int("".join(ch for ch in figure.split("(")[1] if ch.isdigit()))
    assert (found.text, found.kind, found.value, found.label) == (figure, "count", Decimal(value), label)


@pytest.mark.parametrize("text", [
    "The steps are (3) listed below",      # a bracketed number after no number word is list numbering
    "one (3) of the parks",                # a word that spells another number says nothing of it
    "Article (3) of the scheme",
])
def test_a_bracketed_number_after_no_word_that_spells_it_is_list_numbering(text):
    assert extract_figures(text) == []


def test_a_bracketed_number_after_a_place_in_a_list_is_the_place_s_count():
    """2300400: "253 detentions across 14 states — Uttar Pradesh (62), Haryana (52), ..." asked of Haryana
    answered 253: each state's count was list numbering."""
    text = "It led to 253 detentions across 14 states — Uttar Pradesh (62), Haryana (52), Delhi (51) and Kerala (2)."
    assert [f.text for f in extract_figures(text)] == ["253", "14", "62", "52", "51", "2"]
    # a list numbered after each item's place: the place follows its bracket
    assert extract_figures("The states are (1) Bihar (2) Uttar Pradesh (3) Assam") == []


def test_about_before_the_words_qualifies_the_count():
    [found] = extract_figures("about three (3) parks")
    assert (found.value, found.qualifier, found.label) == (Decimal(3), "about", "parks")


@pytest.mark.parametrize("text, figure, value", [
    ("As on August 2026, 9 .16 crore MSMEs are registered on the Udyam platform", "9 .16 crore", Decimal("91600000")),
    ("उद्यम पोर्टल पर ९ .१६ करोड़ एमएसएमई पंजीकृत हैं", "९ .१६ करोड़", Decimal("91600000")),
])
def test_a_decimal_point_typed_a_space_after_its_digits_is_one_number(text, figure, value):
    """2297792: "9 .16 crore MSMEs" was two figures, a bare 9 and 16 crore MSMEs."""
    [found] = [f for f in extract_figures(text) if f.kind == "count"]
    assert (found.text, found.value) == (figure, value)


@pytest.mark.parametrize("text", [
    "JAKs opened as on 30 .06.2026 in the state",   # a date's digits go on after those of the point: a date
    "Bihar 12 .5 3.4 Assam 7 2",                     # a number after: a row's cells, not one number
])
def test_a_spaced_point_before_a_dates_digits_or_another_number_joins_nothing(text):
    """No number is made of a spaced point's digits where a date's or another number's go on after them
    ("30 .06.2026" is the date, tests/index/figures/test_dates.py)."""
    assert not [f.text for f in extract_figures(text) if " ." in f.text and f.kind != "date"]


@pytest.mark.parametrize("text, figure, value", [
    ("subject to maximum of Rs.25, 000/- to individual handloom weaver", "Rs.25, 000", Decimal(25000)),
    ("the PM Internship Scheme has provided 1,64, 902 internship opportunities", "1,64, 902", Decimal(164902)),
])
def test_a_space_typed_after_a_grouping_comma_leaves_one_number(text, figure, value):
    """2297505: "Rs.25, 000/-" was Rs. 25, and the margin money asked of it answered with 20%."""
    [found] = [f for f in extract_figures(text) if f.kind in ("money", "count")]
    assert (found.text, found.value) == (figure, value)


@pytest.mark.parametrize("text, values", [
    ("The indices are 117.2, 105.4, and 108.4, respectively", ["117.2", "105.4", "108.4"]),
    ("In 2025, 277 activities were carried out", ["2025", "277"]),
    ("sanctioned 27, 668 member trainings", ["27", "668"]),  # a list's items as well as a spaced group: not joined
])
def test_a_list_after_a_comma_and_a_space_stays_a_list(text, values):
    assert [str(f.value) for f in extract_figures(text)] == values


@pytest.mark.parametrize("text, figure, value", [
    ("The stage-wise PTR stood at 10:1 at the Foundational stage, 17:1 at the Middle stage", "17:1", Decimal(17)),
    ("implemented with a funding ratio of 60:40 between Centre and State", "60:40", Decimal("1.5")),
    ("a Coastal Vulnerability Index at a scale of 1:100,000 for the coast", "1:100,000", Decimal("0.00001")),
    ("शिक्षक-छात्र अनुपात 1:30 है।", "1:30", Decimal(1) / Decimal(30)),
])
def test_a_ratio_is_a_figure_valued_as_its_first_number_over_its_second(text, figure, value):
    """"17:1 at the Middle stage" held no figure: a question of the pupil-teacher ratio had none to answer with."""
    found = [f for f in extract_figures(text) if f.text == figure]
    assert [(f.kind, f.value.quantize(Decimal("0.00001"))) for f in found] == [("ratio", value.quantize(Decimal("0.00001")))]


@pytest.mark.parametrize("text", [
    "SOUTH OF ALIBAGH DURING 12:30 TO 14:30 HOURS IST",
    "open from 10:30 am to 12:30 pm and from 18:00 to 19:00",
    "5 अप्रैल को रात 9:00 बजे से 9:09 बजे तक",
    "in the ratio of 1:3 and from 12:30",
])
def test_a_time_of_day_is_no_ratio(text):
    assert [f.text for f in extract_figures(text) if f.kind == "ratio"] == (["1:3"] if "ratio" in text else [])


@pytest.mark.parametrize("text, figure, kind, value, label", [
    ("six young ICoAS officers were felicitated", "six", "count", 6, "young ICoAS officers"),
    ("The Alliance's four goals are to strengthen institutional capability", "four", "count", 4, "goals"),
    ("across the three floors of Handloom Haat", "three", "count", 3, "floors"),
    ("इस संबंध में दो अधिसूचनाएं जारी की गई हैं", "दो", "count", 2, "अधिसूचनाएं"),
    ("Out of the twelve approved proposals", "twelve", "count", 12, "approved proposals"),
    # which one of a series
    ("the 3rd largest", "3rd", "ordinal", 3, "largest"),
    ("The 26th session of the Dekho Apna Desh webinar series", "26th", "ordinal", 26, "session"),
    ("during the 16 th Central Council meeting", "16 th", "ordinal", 16, "Central Council meeting"),
    ("150वीं जयंती", "150वीं", "ordinal", 150, "जयंती"),
    ("23 वीं एशियाई एथलेटिक्स प्रतियोगिता", "23 वीं", "ordinal", 23, "एशियाई"),
    ("NFRA completed its sixth outreach programme", "sixth", "ordinal", 6, "outreach programme"),
    ("the Fourth Japan-India Ministerial Meeting", "Fourth", "ordinal", 4, "Japan-India Ministerial Meeting"),
    ("पांचवें चरण में", "पांचवें", "ordinal", 5, "चरण"),
])
def test_a_small_count_in_words_or_an_ordinal_is_a_figure_of_what_it_names(text, figure, kind, value, label):
    [found] = extract_figures(text)
    assert (found.text, found.kind, found.value, found.label) == (figure, kind, Decimal(value), label)
    assert found.spelled_count == (kind == "count")


@pytest.mark.parametrize("text", [
    "one of the best programmes",                      # the article's word
    "एक कार्यक्रम",
    "two of them were selected",                       # picks out of a group
    "दो में से किसी को",
    "उसे कर दो।",                                      # a verb: nothing counted after it
    "a four-pronged strategy",                         # glued to what it describes
    "Twenty-foot Equivalent Units",
    "more than three fold increase in profitability",  # multiplies
    "पांच दिवसीय मेगा विज्ञान एक्सपो",                     # describes: a five-day expo
    "दो - दिवसीय कार्यशाला",                                # nor where it reads as no span
    "during the last five financial years",            # a stretch of time
    "पिछले पांच वर्षों में",
    "the three-day residential phase",
])
def test_a_number_word_that_counts_no_thing_is_no_figure(text):
    assert [f for f in extract_figures(text) if f.kind == "count"] == []


@pytest.mark.parametrize("text, figure, value, unit, label", [
    # how long an event lasts, written as its adjective: "How many days was the exercise?"
    ("The five-day exercise will comprise cross-training", "five-day", 5, "day", "exercise"),
    ("a two-week Online Short-Term Internship", "two-week", 2, "week", "Online Short-Term Internship"),
    ("पांच दिवसीय मेगा विज्ञान एक्सपो", "पांच दिवसीय", 5, "day", "मेगा"),
    ("3 दिवसीय कार्यशाला", "3 दिवसीय", 3, "day", "कार्यशाला"),
    ("यह दो-दिवसीय कार्यशाला आयोजित की गयी है", "दो-दिवसीय", 2, "day", "कार्यशाला"),
    ("19 वर्षीय छात्र", "19 वर्षीय", 19, "year", "छात्र"),
    # a distance at sea: "कितने समुद्री मील" asks it, not a speed in knots
    ("Having traversed over 15,000 nautical miles , INS Sudarshini", "15,000 nautical miles", 15000, "nautical mile", None),
    ("15,000 समुद्री मील की यात्रा", "15,000 समुद्री मील", 15000, "nautical mile", "यात्रा"),
])
def test_a_span_as_an_adjective_or_a_distance_at_sea_is_a_quantity(text, figure, value, unit, label):
    [found] = extract_figures(text)
    assert (found.text, found.kind, found.value, found.unit, found.label) == (figure, "quantity", value, unit, label)
    assert found.spelled_count == (not any(ch.isdigit() for ch in figure))  # words: no passage's kind boost


@pytest.mark.parametrize("text", ["457 beneficiaries during the three-year period", "within five years", "पांच वर्षीय योजना"])
def test_a_spelled_number_of_years_is_no_span(text):
    """Years give a period's figures their time ("457 during the three-year period")."""
    assert [f.text for f in extract_figures(text) if f.unit == "year"] == []


@pytest.mark.parametrize("text", ["on 21st June 2020", "as on third June 2020", "29 th June 2026"])
def test_an_ordinal_day_of_a_date_stays_the_date(text):
    assert [f.kind for f in extract_figures(text)] == ["date"]


def test_a_count_in_digits_or_words_with_a_scale_is_no_spelled_count():
    digits, scaled = extract_figures("six (6) officers and two crore farmers")
    assert not digits.spelled_count and not scaled.spelled_count


@pytest.mark.parametrize("text, label", [
    ("The second edition of ICMR-SHINE commenced today.", "edition"),
    ("India will host a second round of talks in October.", "round"),
])
def test_second_before_one_of_a_series_is_its_ordinal(text, label):
    [found] = [f for f in extract_figures(text) if f.kind == "ordinal"]
    assert (found.text, found.value, found.label) == ("second", Decimal(2), label)


@pytest.mark.parametrize("text", ["The wind travels at 10 metres per second.", "India is the second largest exporter.",
                                  "For the first time the first phase covers all states."])
def test_second_or_first_elsewhere_is_no_ordinal(text):
    assert not [f for f in extract_figures(text) if f.kind == "ordinal"]
