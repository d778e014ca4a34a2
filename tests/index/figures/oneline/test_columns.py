"""A one-line table's columns out of a header that is no run of times (index/figures/oneline/columns.py),
on hand-built tables shaped like PIB's."""
from index.figures.oneline import inline_tables
from index.figures.oneline.columns import place_columns

ROWS = "1 Kerala 1059 14.82 2 Assam 1043 23.66 3 Bihar 3136 48.39 4 Goa 37 0.97"


def _columns(header: str, rows: str = ROWS) -> list[str] | None:
    [table] = inline_tables(f"{header} {rows}")
    return table.columns()


def test_a_header_in_sentence_case_has_a_capital_opening_each_column():
    """2298886: "State/UTs Students benefitted Amount disbursed (Rs.in Cr.)" had no columns, so its cells
    had only their rows: the rows' heading and two columns, a capital opening each."""
    assert _columns("S. No. State/UTs Students benefitted Amount disbursed (Rs.in Cr.)") == [
        "Students benefitted", "Amount disbursed (Rs.in Cr.)"]
    assert _columns("S. No. Name of the State Students benefitted Amount disbursed") == ["Students benefitted", "Amount disbursed"]
    # title case, or more capitals than columns and a rows' heading, say nothing of where columns part
    # (but for past participles ending them: `test_a_past_participle_ends_each_column_of_a_header_in_title_case`)
    assert _columns("S. No. State/UTs Number Of Students Total Amount") is None
    assert _columns("S. No. Name of State As per Census Students benefitted Amount disbursed") is None


def test_brackets_that_end_each_column_part_the_header():
    """2297820: "FY Total Order Value (₹ in Cr) MSME Order Value (₹ in Cr) Proportion of Procurement" heads
    three columns, two with their unit and one with none."""
    rows = "FY21-22 1,06,597 59,033 0.554 FY22-23 2,01,317 97,332 0.483 FY23-24 4,03,569 1,90,485 0.472"
    assert _columns("FY Total Order Value (₹ in Cr) MSME Order Value (₹ in Cr) Proportion of Procurement", rows) == [
        "FY Total Order Value (₹ in Cr)", "MSME Order Value (₹ in Cr)", "Proportion of Procurement"]
    # brackets that part it into more columns than the rows have cells give none
    assert _columns("State Capacity (MW) Cost (Rs. Crore) Share (%)") is None


def test_a_header_of_places_with_the_country_among_them_heads_a_column_a_place():
    """"Seller Group All India Karnataka Bengaluru": the rows' heading, then the country, a State and a
    city (2297820). Places alone, with no country, are more often the rows' labels of a part before
    ("... Kerala Ladakh Lakshadweep") than a header."""
    assert place_columns("Seller Group All India Karnataka Bengaluru".split(), 3) == ["All India", "Karnataka", "Bengaluru"]
    assert place_columns("Share Kerala Goa Assam".split(), 3) is None
    assert place_columns("All India Karnataka Bengaluru".split(), 3) is None  # no rows' heading before them


def test_a_past_participle_ends_each_column_of_a_header_in_title_case():
    """2297820: "FY Incident Raised Seller Suspended" had no columns, so "sellers suspended in 2024-25"
    was answered with the incidents raised. Each column but the last ends with what was done, a
    column's opening after it; the rows' heading ("FY", "Name Of States") goes first."""
    years = "2023-24 1,96,793 72,902 2024-25 1,96,803 62,091 2025-26 1,81,035 55,772"
    assert _columns("FY Incident Raised Seller Suspended", years) == ["Incident Raised", "Seller Suspended"]
    three = "1 Kerala 1059 14 82.5 2 Assam 1043 23 66.1 3 Bihar 3136 48 39.0 4 Goa 37 9 0.97"
    assert _columns("Name Of States No of Fishers Insured Claims Settled Amount Settled (i) (ii) (iii)", three) == [
        "No of Fishers Insured", "Claims Settled", "Amount Settled"]
    assert _columns("State/UT Name Central Share Released Utilization*") == ["Central Share Released", "Utilization*"]
    # a participle that opens a column ("Allocated Budget"), one that a function word follows ("Released
    # from NDMF"), or a bracket the header leaves open part it into no columns
    assert _columns("Schemes/ Programmes Allocated Budget Funds Released") is None
    assert _columns("States Approved outlay Fund Released from NDMF Share Utilised") is None
    assert _columns("State Amount Sanctioned Amount Released (as on") is None
    # after the last column a participle ends, a word a column where they are as many as the columns left
    # (2298227: "Financial Year Students Selected Male Female" had no columns)
    gender = "2022-23 10539 4905 5634 2023-24 11705 5193 6512 2024-25 11294 4799 6495"
    assert _columns("Financial Year Students Selected Male Female", gender) == ["Students Selected", "Male", "Female"]
    assert _columns("Financial Year Students Selected Male Female Other", gender) is None
