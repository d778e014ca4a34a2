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
    assert _columns("S. No. State/UTs Students Benefitted Amount Disbursed") is None
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
