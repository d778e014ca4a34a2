"""A one-line table's rows (index/figures/oneline/rows.py): where a row's label begins and ends, on
hand-built tables shaped like PIB's."""
from index.figures import FigureExtractor
from index.figures.figure import row_label
from index.figures.oneline import inline_tables

TABLE = ("S. No. State/UTs Students Amount 27 Tamil Nadu 384 6.51 28 Telangana 269 6.32 29 The Dadra & Nagar Haveli "
         "& Daman & Diu 2 0.02 30 Tripura 18 0.74 31 Uttar Pradesh 60263 916.64 32 Uttarakhand 6554 131.31")


def test_an_ampersand_is_no_word_of_a_rows_label():
    """2298886: "29 The Dadra & Nagar Haveli & Daman & Diu 2 0.02" took nine words, one more than a row's
    label, so the row was no row: the table broke in two there, its serial 29 was read as a figure and
    2 and 0.02 had no label."""
    [table] = inline_tables(TABLE)
    assert [row.label for row in table.rows][2] == "The Dadra & Nagar Haveli & Daman & Diu"
    figures = FigureExtractor().run(TABLE)
    assert "29" not in [f.text for f in figures]
    assert [row_label(f.label) for f in figures if f.text in ("2", "0.02")] == ["The Dadra & Nagar Haveli & Daman & Diu"] * 2


def test_a_first_rows_label_written_as_the_next_rows_ends_the_header():
    """2297820: "... Proportion of Procurement FY21-22 1,06,597 59,033 0.554 FY22-23 2,01,317 ...": no
    serial parts the header from the first row's label, and sixteen words are too many for a label, so
    FY21-22 was read into the header and its cells had no row. The next row's label, FY22-23, is
    written as FY21-22 is."""
    text = ("FY Total Order Value (₹ in Cr) MSME Order Value (₹ in Cr) Proportion of Procurement FY21-22 1,06,597 "
            "59,033 0.554 FY22-23 2,01,317 97,332 0.483 FY23-24 4,03,569 1,90,485 0.472 FY24-25 5,41,602 1,95,976 0.362")
    [table] = inline_tables(text)
    assert [row.label for row in table.rows] == ["FY21-22", "FY22-23", "FY23-24", "FY24-25"]
    assert table.header.endswith("Proportion of Procurement")
    assert {row_label(f.label) for f in FigureExtractor().run(text) if f.text in ("1,06,597", "0.554")} == {"FY21-22"}
    # a last word written otherwise stays in the header ("Procurement" is not written as "FY22-23")
    [table] = inline_tables(text.replace(" FY21-22 1,06,597 59,033 0.554", ""))
    assert table.rows[0].label == "FY22-23" and table.header.endswith("Proportion of Procurement")


def test_a_header_of_places_run_into_the_first_rows_label_is_no_label():
    """2297820: "Seller Group All India Karnataka Bengaluru MSMEs 11,75,001 55,053 16,091 ..." stands on
    a line of its own under its caption: the header (the rows' heading, then the country, a State and a
    city) was read into the first row's label, and no cell took its column."""
    text = ("The sellers registered on the portal, category-wise, are as below:\nSeller Group All India Karnataka "
            "Bengaluru MSMEs 11,75,001 55,053 16,091 Startups 37,758 2,772 1,951 Women Entrepreneurs 2,17,155 10,896 "
            "3,052 SHGs 3,784 266 09\nProcurement has increased.")
    labels = {f.text: f.label for f in FigureExtractor().run(text)}
    assert labels["11,75,001"] == "MSMEs | All India" and labels["16,091"] == "MSMEs | Bengaluru"
    assert labels["10,896"] == "Women Entrepreneurs | Karnataka"



def test_rows_labelled_by_a_year_alone_are_a_table():
    """2297820: "FY Incident Raised Seller Suspended 2023-24 1,96,793 72,902 2024-25 1,96,803 62,091 ...": a
    row's label was a run of words with a letter, so a year alone labelled no row, and the line was no
    table. A year heading a row labels it as a name does; the first row's, written as the next's, ends
    the header however few its words."""
    text = "FY Incident Raised Seller Suspended 2023-24 1,96,793 72,902 2024-25 1,96,803 62,091 2025-26 1,81,035 55,772"
    [table] = inline_tables(text)
    assert [row.label for row in table.rows] == ["2023-24", "2024-25", "2025-26"]
    assert table.header == "FY Incident Raised Seller Suspended"
    assert {row_label(f.label) for f in FigureExtractor().run(text) if f.text in ("1,81,035", "55,772")} == {"2025-26"}
    # a serial that leads a year's row numbers it, and is no figure
    text = "S. No. Year Allocated Released 1 2017-18 100 100.00 2 2018-19 42 41.50 3 2019-20 60 58.25"
    assert [f.text for f in FigureExtractor().run(text) if f.kind == "count"] == ["100", "100.00", "42", "41.50", "60", "58.25"]


def test_figures_a_sentence_joins_by_its_small_words_are_no_rows():
    """2299326: "57 suicides in 2021, 43 in 2022, 57 in 2023" was read as rows labelled "in", the first 57
    as their serial: it was lost as a figure, and 46 and 59 were labelled as cells."""
    text = "The CRPF recorded 57 suicides in 2021, 43 in 2022, 57 in 2023, 46 in 2024 and 59 in 2025."
    assert inline_tables(text) == []
    figures = FigureExtractor().run(text)
    assert [f.text for f in figures if f.kind == "count"] == ["57", "43", "57", "46", "59"]
    assert inline_tables("हिंदी में 57 मामले 2021 में, 43 में 2022 में, 57 में 2023 में, 46 में 2024 में") == []
