"""The ordinal a question asks about, and the ways a release names one (index/ordinals.py)."""
import pytest

from index.ordinals import asked_ordinals, holds_ordinal


@pytest.mark.parametrize("question, asked", [
    ("तमिलनाडु केंद्रीय विश्वविद्यालय के 10वें दीक्षांत समारोह में कितने छात्र?", {10: "10वें"}),
    ("How many students graduated at the 11th convocation?", {11: "11th"}),
    ("What did the fifth edition of Khelo India cost?", {5: "fifth"}),
    ("सातवें वेतन आयोग से कितना खर्च बढ़ा?", {7: "सातवें"}),
    # a day of a month, two and one ("दूसरे" is as often "other") are no ordinal asked
    ("What happened on 21st June 2020?", {}),
    ("How many cases on June 21st?", {}),
    ("How many cases were disposed of in August 2026 up to the 12th?", {}),
    ("अगस्त में 12वीं तारीख तक कितने मामले निपटाए गए?", {}),
    ("फेम इंडिया योजना के दूसरे चरण में कितने स्टेशन?", {}),
    ("How many in the 1st and 2nd phase?", {}),
])
def test_asked_ordinals(question, asked):
    assert asked_ordinals(question) == asked


@pytest.mark.parametrize("text", ["the 10th Convocation", "दसवें दीक्षांत समारोह", "the tenth convocation",
                                  "10 वें दीक्षांत", "Class X results", "Phase 10 of the drive", "चरण-10 में"])
def test_a_release_names_an_ordinal_in_any_of_its_forms(text):
    assert holds_ordinal(text, 10)


def test_another_ordinal_or_a_cardinal_alone_is_not_it():
    assert not holds_ordinal("The 11th Convocation: 10 gold medals", 10)
    assert holds_ordinal("results of Q4 2025-26", 4) and not holds_ordinal("Q3 results", 4)
