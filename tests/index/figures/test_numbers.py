"""Numbers (index/figures/numbers.py): a count PIB writes in words and then in digits."""
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
