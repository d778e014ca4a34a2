"""The units the extractor knows (index/figures/patterns.py), read from hand-built sentences shaped
like PIB's."""
from decimal import Decimal

import pytest

from index.figures import extract_figures
from index.figures.patterns import same_measure


def _quantities(text: str) -> list[tuple[Decimal, str | None]]:
    return [(f.value, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize("text", [
    "a ceiling of ₹1 lakh per farmer for 1800 m3 intensive aquaculture",
    "a ceiling of ₹1 lakh per farmer for 1800 m³ intensive aquaculture",
    "a tank of 1800 cu. m for the farm",
    "a tank of 1800 cubic metres for the farm",
    "1800 घन मीटर पानी",
])
def test_cubic_metres_are_a_volume_not_metres(text):
    assert _quantities(text)[-1] == (Decimal(1800), "cu m")


@pytest.mark.parametrize("text", [
    "a plot of 1800 m2 for the school", "a plot of 1800 m² for the school", "a plot of 1800 sq. m for the school",
    "a plot of 1800 sqm for the school", "a plot of 1800 square metres for the school",
])
def test_square_metres_are_an_area_not_metres(text):
    assert _quantities(text) == [(Decimal(1800), "sq m")]


def test_cum_is_no_unit_it_joins_words_and_shortens_cumulative():
    assert _quantities("a tank of 1800 cum for the farm") == [(Decimal(1800), None)]


def test_metres_are_still_metres():
    assert _quantities("a bridge 1800 m long and a tower of 120 metres") == [(Decimal(1800), "m"), (Decimal(120), "m")]


@pytest.mark.parametrize("text", [
    "made landfall between 12.30 p.m – 2.30 p.m. today",
    "made landfall between 12.30 p.m. and 2.30 p.m today",
    "the bids are received from 10.30 a.m and the results at 5.00 p.m",
])
def test_a_clock_time_is_no_figure_with_or_without_the_stop_after_its_m(text):
    assert extract_figures(text) == []



@pytest.mark.parametrize("text,label", [
    ("देश में 130 हॉटस्पॉट जिले, 284 गैर-हॉटस्पॉट जिले और 319 गैर-संक्रमित जिले हैं।",
     ["हॉटस्पॉट", "गैर-हॉटस्पॉट", "गैर-संक्रमित"]),
    ("There are 130 Hotspots Districts, 284 Non-hotspots Districts", ["Hotspots Districts", "Non-hotspots Districts"]),
])
def test_a_hyphen_joins_a_label_s_word_in_hindi_as_in_english(text, label):
    """A Hindi label word is one word across its hyphen, as an English one is: "284 गैर-हॉटस्पॉट जिले"
    was labelled "गैर" (non-), which says nothing of what 284 counts."""
    assert [f.label for f in extract_figures(text)] == label


@pytest.mark.parametrize("unit, asked, same", [
    ("GW", "MW", True), ("m", "km", True), ("MU", "GWh", True), ("km", "km", True),
    ("MW", "MWh", False),  # power is no energy
    ("km", "sq km", False), ("tonne", "MTPA", False), (None, "MW", False), ("MW", None, False),
])
def test_a_unit_states_what_another_of_its_measure_asks(unit, asked, same):
    assert same_measure(unit, asked) is same
