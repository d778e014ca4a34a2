"""Numbers (index/figures/numbers.py): a count PIB writes in words and then in digits; a decimal typed
with a space before its point."""
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
