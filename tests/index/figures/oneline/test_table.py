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


CLAIMS = ("S. No. States/UT No. of Claims received upto 30.06.2026 No. of Titles Distributed upto 30.06.2026 "
          "No. of Claims Rejected No. of Pending Claims Individual Community Total Individual Community Total "
          "1 Assam 208,062 8,582 216,644 84,861 2,575 87,436 16,379 112829 2 Bihar 4,696 0 4,696 191 0 191 4,496 9 "
          "3 Goa 9,978 399 10,377 1,250 20 1,270 1,901 7206 4 Odisha 733,158 36,819 769,977 464,504 9,432 473,936 "
          "146,345 149696")


def test_a_header_of_two_rows_names_each_column_by_its_group_and_its_own_word():
    """2298075: the groups' headings, then "Individual Community Total" under each of the first two: no
    reading split the header, and each cell was labelled "Odisha |" alone, individual claims, community
    claims and their total all alike."""
    labels = _labels(CLAIMS)
    assert labels["733,158"] == "Odisha | No. of Claims received upto Individual"
    assert labels["36,819"] == "Odisha | No. of Claims received upto Community"
    assert labels["473,936"] == "Odisha | No. of Titles Distributed upto Total"
    assert labels["146,345"] == "Odisha | No. of Claims Rejected" and labels["7206"] == "Goa | No. of Pending Claims"


def test_which_groups_span_columns_is_told_by_their_totals():
    # the groups of one column first, each row's cells in that order: the rows' sums place the groups
    rows = [(r, CLAIMS.split(f" {r} ")[1].split()[:8]) for r in ("Assam", "Bihar", "Goa", "Odisha")]
    text = ("S. No. States/UT No. of Claims Rejected No. of Pending Claims No. of Claims received upto 30.06.2026 "
            "No. of Titles Distributed upto 30.06.2026 Individual Community Total Individual Community Total "
            + " ".join(f"{k} {r} {' '.join(c[6:] + c[:6])}" for k, (r, c) in enumerate(rows, 1)))
    labels = _labels(text)
    assert labels["146,345"] == "Odisha | No. of Claims Rejected"
    assert labels["769,977"] == "Odisha | No. of Claims received upto Total"
    # totals that are no sums do not tell: no columns, rather than a guess
    labels = _labels(CLAIMS.replace("769,977", "769,978").replace("10,377", "10,300"))
    assert labels["733,158"] == "Odisha |"


def test_one_row_that_took_the_next_rows_serial_shifts_no_column():
    """2297087: "Punjab ... 73371.18 29" ending a line, "Rajasthan ..." the next: a row read with the
    next row's serial as a fifth cell made the table five wide, and its four years were put one column right (Bihar's 2024-25
    allocation labelled 2025-26)."""
    header = "SI.No States/UTs 2023-24 2024-25 2025-26 2026-27 Amount Amount Amount Amount"
    rows = ("1 Assam 224300.99 258737.87 162840.79 161758.85 2 Bihar 729964.95 747643.53 728342.81 597076.03 "
            "3 Goa 2461.79 2491.02 1807.12 1910.89 4 Kerala 66125.35 71227.67 48822.83 44562.81 "
            "5 Punjab 88650.97 85995.89 84952.97 73371.18 6\nRajasthan 506313.37 451720.86 327614.52 429412.58")
    labels = _labels(f"{header} {rows}")
    assert labels["747643.53"] == "Bihar | 2024-25 Amount"
    assert labels["729964.95"] == "Bihar | 2023-24 Amount" and labels["597076.03"] == "Bihar | 2026-27 Amount"
    assert labels["88650.97"] == "Punjab | 2023-24 Amount"


def test_a_caption_before_the_serials_heading_is_no_column():
    """2297053: "Tourist Footfall in North-Eastern Region (NER) in 2025 S. No. Name of State Domestic Tourist
    Visits (DTVs) Foreign Tourist Visits (FTVs)": the words before "S. No." caption the table, and with
    them no split of the header into two columns was found, so Sikkim's foreign visits were its row alone."""
    header = ("Tourist Footfall in North-Eastern Region (NER) in 2025 S. No. Name of State Domestic Tourist Visits "
              "(DTVs) Foreign Tourist Visits (FTVs)")
    rows = "1 Arunachal Pradesh 913383 4582 2 Assam 9055943 33858 3 Manipur 25281 2892 4 Sikkim 1654838 68992"
    labels = _labels(f"{header} {rows}")
    assert labels["68992"] == "Sikkim | Foreign Tourist Visits (FTVs) in 2025"  # its caption's time ends it
    assert labels["9055943"] == "Assam | Domestic Tourist Visits (DTVs) in 2025"


def test_the_numbers_of_a_headers_columns_name_none():
    """2298247's state table: "(i) (ii) ... (viii)" under the groups' words, and rows with no serials, so
    the first row's label ran on in the header: no reading split it, and every cell was "Telangana |"."""
    rows = ("Andaman And Nicobar Islands 111.13 107.44 109.32 4.99 3.26 4.15 Assam 106.03 104.45 105.71 3.74 2.53 3.49 "
            "Bihar 107.01 105.86 106.85 3.72 2.84 3.59 Goa 106.27 106.30 106.29 2.87 3.62 3.35 "
            "Telangana 110.56 109.69 110.06 6.86 5.92 6.32")
    labels = _labels("S.No. State/UT CPI Inflation Rural Urban Combined Rural Urban Combined (i) (ii) (iii) (iv) (v) "
                     f"(vi) (vii) (viii) {rows}")
    assert labels["6.32"] == "Telangana | Inflation Combined" and labels["110.56"] == "Telangana | CPI Rural"
    assert labels["104.45"] == "Assam | CPI Urban"


def test_groups_of_one_word_each_after_the_rows_headings():
    """2298247's division table: "Comb." ended the header as a sentence's stop would, and the groups
    "Index Inflation" stand after the rows' two headings, which no reading of a header split."""
    text = ("All India General (Rural, Urban and Combined) division wise indices and inflation for July, 2026\n"
            "Division code Division name Index Inflation Rural Urban Comb. Rural Urban Comb. (i) (ii) (iii) (iv) (v) "
            "(vi) (vii) (viii) 01 Food and beverages 108.97 109.33 109.10 5.53 4.75 5.24 02 Paan, tobacco and "
            "intoxicants 108.07 108.42 108.18 4.55 5.32 4.79 03 Clothing and footwear 109.47 106.80 108.45 3.97 2.41 "
            "3.38 04 Health 106.12 105.01 105.73 3.01 2.77 2.93")
    labels = _labels(text)
    assert labels["4.75"] == "Food and beverages | Inflation Urban"
    assert labels["108.45"] == "Clothing and footwear | Index Comb."


def test_a_closing_bracket_standing_apart_ends_its_column():
    """2297027: "Medical (Cr. Rs. ) Health of Community (Cr. Rs. ) ...": the ")" alone, a word of no letter,
    was left out of the header, so its brackets never closed and no reading split it."""
    labels = _labels("The component-wise expenditure is as under:\nSl. No. Year Medical (Cr. Rs. ) Health of Community "
                     "(Cr. Rs. ) Advocacy (Cr. Rs. ) 2023-24 0.11 2.53 0.10 2024-25 0.39 2.66 0.06 2025-26 0.24 2.93 0.29")
    assert labels["2.66"] == "2024-25 | Health of Community (Cr. Rs. )"
    assert labels["0.29"] == "2025-26 | Advocacy (Cr. Rs. )"


def test_a_repeated_row_label_takes_the_group_its_previous_row_names():
    """2298878: "Imports" under "Merchandise Exports" and again under "Services* Exports" are each
    group's imports; a label that stands once, or rows before it that end alike in no word, keep theirs."""
    table = ("Trade during July 2026 July 2026 (US$ Billion) July 2025 (US$ Billion) Merchandise Exports 44.24 "
             "36.98 Imports 76.22 64.86 Services* Exports 35.89 33.74 Imports 18.94 17.30 Trade Balance -15.03 -11.43")
    labels = {k: v.split(" |")[0] for k, v in _labels(table).items() if v}
    assert labels["18.94"] == labels["17.30"] == "Services* Imports"
    assert labels["76.22"] == labels["64.86"] == "Merchandise Imports"
    # the unit in brackets ending the header's last column, as it ends the first, is that column's, not the
    # first row's (nor, by its group, the imports')
    assert labels["36.98"] == "Merchandise Exports"
    # a bracket the header did not write is the row's own
    own = _labels("Trade during July 2026 July 2026 July 2025 (P) Merchandise Exports 44.24 36.98 Imports 76.22 64.86 "
                  "Services* Exports 35.89 33.74 Imports 18.94 17.30")
    assert own["36.98"].startswith("(P) Merchandise Exports")
    assert labels["35.89"] == "Services* Exports" and labels["-15.03"] == "Trade Balance"
    # 2298080: the rows before each "Children under" end in "(%)", a unit and no group's word
    measured = ("Indicator ST in Tamil Nadu Tamil Nadu (Overall) Children under 5 – Stunted (%) 31.2 25.0 Children "
                "under 5 – Wasted (%) 20.6 14.6 Children under 5 – Underweight (%) 31.1 22.0 Women (15–49) – Thin "
                "(BMI <18.5) (%) 19.6 12.6")
    children = [f.label for f in FigureExtractor().run(measured) if f.text == "5" and "Children" in (f.label or "")]
    assert set(children) == {"Children under |"}
