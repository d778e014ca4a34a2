"""The value a change went to takes the label of the one it went from (index/figures/fromto.py); on
hand-built sentences."""
from index.figures import extract_figures


def _labels(text: str) -> dict[str, str | None]:
    return {f.text: f.label for f in extract_figures(text) if f.kind not in ("year", "date", "period")}


def test_the_value_a_change_went_to_counts_what_the_one_it_went_from_counts():
    labels = _labels("From 523 lions in 2015 to 891 in 2025, this remarkable growth reflects their efforts.")
    assert labels["523"] == "lions" and labels["891"] == "lions"
    labels = _labels("The number rose from 40 hospitals to 75 in two years.")
    assert labels["75"] == "hospitals"


def test_a_value_with_words_of_its_own_or_of_another_kind_or_clause_keeps_its_own():
    labels = _labels("Sales grew from 120 tractors to 150 harvesters in 2025.")
    assert labels["150"] == "harvesters"
    labels = _labels("From 523 lions in 2015, the count went up; 891 in 2025 was reported.")
    assert labels["891"] != "lions"
    labels = _labels("It rose from 12 villages to 40% of the district.")
    assert labels["40%"] != "villages"
