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
