"""Dates (index/figures/dates.py): a day written as an ordinal word before its month and year."""
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
