"""A figure of a "respectively" list is labelled with the item it is paired with
(index/figures/respectively.py); on hand-built sentences."""
from index.figures import extract_figures

CORE = ("Iron Ore, Cement, Electricity, Coal, Steel, and Refinery Products observed (Y-o-Y) growth rate of "
        "29.5 per cent, 13.1 per cent, 9 per cent, 7.6 per cent, 2.9 per cent, and 2.7 per cent, respectively, "
        "whereas Natural Gas declined.")
WPI = ("The annual rate of inflation based on WPI for Primary Articles, Fuel and Power, and Manufactured Products "
       "are 8.52 per cent, 20.05 per cent, and 8.29 per cent, respectively in July 2026, compared to 7.0 per cent, "
       "27.41 per cent, and 7.48 per cent, respectively in June 2026.")


def _labels(text: str) -> dict[str, str | None]:
    return {f.text: f.label for f in extract_figures(text)}


def test_each_figure_takes_its_item():
    labels = _labels(CORE)
    assert labels["29.5 per cent"] == "Iron Ore" and labels["13.1 per cent"] == "Cement"
    assert labels["2.7 per cent"] == "Refinery Products"


def test_an_item_with_and_in_it_and_a_second_list_of_the_same_items():
    labels = _labels(WPI)
    assert labels["20.05 per cent"] == "Fuel and Power" and labels["27.41 per cent"] == "Fuel and Power"
    assert labels["7.48 per cent"] == "Manufactured Products" and labels["7.0 per cent"] == "Primary Articles"


def test_two_items_without_commas():
    labels = _labels("Exports and imports were Rs 12 crore and Rs 34 crore respectively.")
    assert labels["Rs 12 crore"] == "Exports" and labels["Rs 34 crore"] == "imports"


def test_a_list_without_as_many_items_is_left_alone():
    labels = _labels("The scheme covers 12 districts and 34 blocks respectively in two phases.")
    assert (labels["12"], labels["34"]) == ("districts", "blocks")  # no list of two items before them: their own words


def test_items_that_share_the_last_ones_noun_take_it():
    labels = _labels("MBBS and PG seats increased to 1,28,976 and 85,822, respectively, as of 2025-26.")
    assert labels["1,28,976"] == "MBBS seats" and labels["85,822"] == "PG seats"
    labels = _labels("Rural and urban areas recorded 12.5 per cent and 9.1 per cent, respectively.")
    assert labels["12.5 per cent"] == "Rural areas"
    # a place of two words shares nothing with the one before it
    labels = _labels("Cases in Delhi and Tamil Nadu rose to 120 and 340, respectively.")
    assert labels["120"] == "Delhi" and labels["340"] == "Tamil Nadu"


def test_the_last_item_ends_where_what_the_items_get_or_cost_begins():
    labels = _labels("Core and Development athletes receive monthly stipends of ₹50,000 and ₹25,000, respectively.")
    assert labels["₹50,000"] == "Core athletes" and labels["₹25,000"] == "Development athletes"
    labels = _labels("Kharif and Rabi crops accounted for 55% and 45% respectively.")
    assert labels["55%"] == "Kharif crops" and labels["45%"] == "Rabi crops"
