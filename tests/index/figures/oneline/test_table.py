"""A one-line table's header (index/figures/oneline/table.py): the words its columns are named by,
on hand-built tables shaped like PIB's."""
from index.figures import FigureExtractor

ROWS = "1 Assam 1441 694 0 2 Bihar 310 175 42 3 Goa 5 6 7 4 Kerala 3945 530 697"


def _labels(text: str) -> dict[str, str | None]:
    return {f.text: f.label for f in FigureExtractor().run(text)}


def test_an_ampersand_stays_in_its_columns_name():
    """2297505: "No. of upgraded looms & accessories" named its column "No. of upgraded looms
    accessories": a word of no letter was left out of the header, "&" with the rest."""
    header = "S. No. State No. of upgraded looms & accessories No. of individual workshed No. of lighting units"
    labels = _labels(f"{header} {ROWS}")
    assert labels["1441"] == "Assam | No. of upgraded looms & accessories"
    assert labels["694"] == "Assam | No. of individual workshed" and labels["697"] == "Kerala | No. of lighting units"


def test_words_joined_by_an_ampersand_are_one_word_of_a_column():
    """A column of five words and "&" is no longer than one of five: "Village Panchayats & Equivalent"
    counts as one word when the header's columns are told apart by their lengths (2297553)."""
    header = "S. No. State Number of Village Panchayats & Equivalent Number of Audit Report Generated"
    labels = _labels(f"{header} 1 Assam 1441 694 2 Bihar 310 175 3 Goa 5 6 4 Kerala 3945 530")
    assert labels["1441"] == "Assam | Number of Village Panchayats & Equivalent"
    assert labels["694"] == "Assam | Number of Audit Report Generated"


def test_a_slash_stays_in_its_columns_name():
    """"No. of looms / accessories" named its column "No. of looms accessories": "/", a word of no
    letter, was left out of the header as "&" was."""
    header = "S. No. State No. of looms / accessories No. of individual workshed No. of lighting units"
    labels = _labels(f"{header} {ROWS}")
    assert labels["1441"] == "Assam | No. of looms / accessories"
    assert labels["697"] == "Kerala | No. of lighting units"


def test_the_rows_heading_state_slash_ut_is_one_word():
    """"State / UT Schools Teachers Students" read as five words for three columns ("State UT ..."),
    so no cell took its column; "State / UT" heads the rows as "State/UT" does."""
    labels = _labels(f"S. No. State / UT Schools Teachers Students {ROWS}")
    assert labels["1441"] == "Assam | Schools" and labels["697"] == "Kerala | Students"
