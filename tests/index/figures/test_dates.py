"""Dates (index/figures/dates.py): a day written as an ordinal word before its month and year; a numeric
date typed with a space."""
import pytest

from index.figures import extract_figures


@pytest.mark.parametrize("text, date, iso", [
    ("over 9.54 crore farmer families (as on first June 2020) have benefited", "first June 2020", "2020-06-01"),
    ("the scheme was notified on the twenty-first of March, 2026 by the Ministry", "twenty-first of March, 2026",
     "2026-03-21"),
    ("Applications open on Thirtieth September 2026", "Thirtieth September 2026", "2026-09-30"),
])
def test_a_day_written_as_an_ordinal_word_is_the_dates_day(text, date, iso):
    [found] = [f for f in extract_figures(text) if f.kind == "date"]
    assert (found.text, found.iso) == (date, iso)


def test_an_ordinal_word_before_a_month_without_a_year_is_no_date():
    assert extract_figures("the first June meeting of the council") == []


def test_a_fiscal_year_in_two_digits_after_during_is_a_period():
    """2298082: "Fund Released during 24-25 (Rs. in Lakhs) Fund Released during 25-26 (Rs. in Lakhs)": a
    header's years were the counts 24 and 25, and 25 and 26 lakh rupees."""
    found = extract_figures("Name of the State/UTs Fund Released during 24-25 (Rs. in Lakhs) Fund Released during "
                            "25-26 (Rs. in Lakhs) 1 Andhra Pradesh 0 2057.5 2 Assam 13518.69 0 3 Bihar 0 509.8")
    assert [(f.text, f.kind, f.iso) for f in found[:2]] == [("24-25", "period", "2024/2025"),
                                                             ("25-26", "period", "2025/2026")]


@pytest.mark.parametrize("text", ["the ship sailed during 10-11 hours of rough sea", "during 24-25 lakh tonnes"])
def test_a_range_of_a_measure_after_during_is_no_period(text):
    assert all(f.kind == "quantity" for f in extract_figures(text))


@pytest.mark.parametrize("text, days", [
    ("10 children died in the hospital between December 23 and 24, 2019.", ["2019-12-23", "2019-12-24"]),
    ("The fair was held on August 16 & 17, 2026 in Delhi.", ["2026-08-16", "2026-08-17"]),
])
def test_two_days_of_a_month_joined_by_and_share_its_year(text, days):
    """1598420: "December 23" took no year and "24" was a count, so the passage stated no day of 2019."""
    assert [f.iso for f in extract_figures(text) if f.kind == "date"] == days


def test_a_day_and_a_count_after_it_without_a_year_stay_apart():
    found = [(f.text, f.kind) for f in extract_figures("In June 2 and 3 more cases were found.")]
    assert found == [("June 2", "date"), ("3", "count")]


@pytest.mark.parametrize("text, date, iso", [
    ("District-wise number of JAKs opened as on 30 .06.2026 in the state", "30 .06.2026", "2026-06-30"),
    ("released up to 15.07 .2026 under the scheme", "15.07 .2026", "2026-07-15"),
    ("as on 1. 4.2020, the stock stood at", "1. 4.2020", "2020-04-01"),
])
def test_a_numeric_date_with_a_space_beside_a_dot_is_a_date(text, date, iso):
    """"30 .06.2026" was the count 30 and the number 06.2026: the day a table is "as on" was lost."""
    [found] = [f for f in extract_figures(text) if f.kind == "date"]
    assert (found.text, found.iso) == (date, iso)
