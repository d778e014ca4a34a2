"""What a figure's label says it is of (index/figures/labels.py), read from the words of its sentence."""
import pytest

from index.figures import extract_figures


def _labels(text: str) -> dict[str, str | None]:
    return {f.text: f.label for f in extract_figures(text) if f.kind in ("money", "percent")}


def test_a_share_in_brackets_after_a_name_is_of_that_name():
    labels = _labels("The cost is split across three milestones: Certification (30%), Job Placement (40%), "
                     "and three-Month Retention (25%) .")
    assert (labels["30%"], labels["40%"], labels["25%"]) == ("Certification", "Job Placement", "Retention")


@pytest.mark.parametrize("text, value, name", [
    ("the Penury Grant has been doubled from Rs 4,000 to Rs 8,000, the Education Grant from Rs 1,000 to Rs 2,000 "
     "and the Marriage Grant from Rs 50,000 to Rs 1,00,000.", "Rs 50,000", "Marriage Grant"),
    ("the Penury Grant has been doubled from Rs 4,000 to Rs 8,000, the Education Grant from Rs 1,000 to Rs 2,000 "
     "and the Marriage Grant from Rs 50,000 to Rs 1,00,000.", "1,00,000", "Marriage Grant"),
    ("the Penury Grant has been doubled from Rs 4,000 to Rs 8,000.", "Rs 4,000", "Penury Grant"),
])
def test_a_sum_a_name_went_from_or_to_is_of_that_name(text, value, name):
    assert _labels(text)[value] == name


@pytest.mark.parametrize("text, value", [
    ("The share of women rose from 7.74% to 24.95% in FY 2025-26.", "7.74%"),  # no name before its "from"
    ("Exports rose from Rs 686 crore to Rs 38,424 crore.", "Rs 686 crore"),
    ("The fund (Rs 500 crore) was set up.", "Rs 500 crore"),  # no name in capitals before the bracket
])
def test_a_sum_or_share_with_no_name_in_capitals_before_it_takes_none_from_there(text, value):
    assert _labels(text)[value] is None


@pytest.mark.parametrize("text, value, label", [
    ("Over Rs. 5 lakh crores have accrued to the mining States, whereas the revenue to Centre was only "
     "Rs. 82,000 crores.", "Rs. 82,000 crores", "revenue Centre"),
    ("The gross GST revenue is ₹ 1,05,366crore of which CGST is ₹ 20,569crore, SGST is ₹ 27,348crore.",
     "₹ 20,569crore", "CGST"),  # not the scale word glued to the number before
])
def test_a_sum_with_no_words_after_it_is_of_what_it_is_said_to_be(text, value, label):
    assert _labels(text)[value] == label


def test_a_sum_a_bracket_follows_is_not_named_by_the_words_before_it():
    """The bracket's part would take the same name: the imports' share of IGST is what a question on
    imports asks, not the whole IGST."""
    labels = _labels("IGST is ₹ 48,503crore (including ₹ 20,745crore collected on imports).")
    assert labels["₹ 48,503crore"] is None and labels["₹ 20,745crore"] == "collected"


def test_a_dash_between_clauses_ends_a_label():
    counts = {f.text: f.label for f in extract_figures(
        "It led to 253 detentions across 14 states — Uttar Pradesh (62), Haryana (52), Delhi (51).")}
    assert counts["14"] == "states"
    assert _labels("The grant was ₹500 crore – the States got more.")["₹500 crore"] == "grant"
