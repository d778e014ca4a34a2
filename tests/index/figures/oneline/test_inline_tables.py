"""A number in a table whose rows stand on one line takes its row's label and its table's header
(index/figures/inline.py), and within a release the passage holding the asked row is chosen; on
hand-built tables."""
from decimal import Decimal

from index.figures import FigureExtractor
from index.figures.figure import row_label
from index.figures.inline import inline_tables
from index.search import analyse
from tests.index.figures.test_table_rows import _passage, within_release_fit

TABLE = ("The State/UT-wise details are at Annexure.\nSr. No. State Target Sanctioned Completed Pending 1 Kerala 91,343 64,502 20,190 44,312 2 Madhya Pradesh 31,24,124 "
         "27,68,948 17,72,923 9,96,025 3 Maharashtra 33,72,896 31,40,198 11,08,084 20,32,114 4 Manipur 79,518 "
         "72,780 25,234 47,546 5 Sikkim 68 67 67 - 6 Tripura 3,28,240 3,27,527 3,25,429 2,098")


def _labels(text: str, before: str = "") -> dict[str, str | None]:
    return {f.text: f.label for f in FigureExtractor().run(text, before=before) if f.kind == "count"}


def test_each_cell_takes_its_rows_label_and_its_columns_header():
    labels = _labels(TABLE)
    assert labels["11,08,084"] == "Maharashtra | Completed" and labels["31,40,198"] == "Maharashtra | Sanctioned"
    assert labels["20,190"] == "Kerala | Completed" and labels["9,96,025"] == "Madhya Pradesh | Pending"


def test_a_word_that_begins_each_columns_words_tells_the_columns_apart():
    text = TABLE.replace("Target Sanctioned Completed Pending", "Target Houses Sanctioned Houses Completed Houses under Construction")
    labels = _labels(text)
    assert labels["11,08,084"] == "Maharashtra | Houses Completed" and row_label(labels["11,08,084"]) == "Maharashtra"
    assert labels["33,72,896"] == "Maharashtra | State Target"  # the words before the first "Houses"
    assert labels["2,098"] == "Tripura | Houses under Construction"


def test_a_word_that_ends_each_columns_words_tells_the_columns_apart():
    text = TABLE.replace("Target Sanctioned Completed Pending",
                         "Audit Status Total Societies Audited Societies Non-Audited Societies Pending Societies")
    labels = _labels(text)
    assert labels["31,40,198"] == "Maharashtra | Audited Societies"
    assert labels["20,32,114"] == "Maharashtra | Pending Societies"


def test_a_header_that_does_not_say_which_words_head_which_column_gives_none():
    # "Houses" begins two columns' words of four; "drive ... Drive" is prose, not a repeated header word
    for header in ("Target Houses Sanctioned Houses Completed", "conducted drive tests across Highway Drive City Drive Walk"):
        labels = _labels(TABLE.replace("Target Sanctioned Completed Pending", header))
        assert labels["11,08,084"] == "Maharashtra |" and row_label(labels["11,08,084"]) == "Maharashtra"


def test_a_total_row_right_after_the_header_is_a_row_not_part_of_the_header():
    text = TABLE.replace("Pending 1 Kerala", "Houses Pending Total 2,13,48,133 1,95,51,954 1,20,92,885 74,59,069 1 Kerala").replace(
        "Target Sanctioned Completed", "Houses Targeted Houses Sanctioned Houses Completed")
    labels = _labels(text)
    assert labels["1,20,92,885"] == "Total | Houses Completed"
    assert labels["11,08,084"] == "Maharashtra | Houses Completed"


def test_a_cells_label_reads_as_its_row_and_column():
    shown = {f.text: f.to_dict()["label"] for f in FigureExtractor().run(TABLE)}
    assert shown["11,08,084"] == "Maharashtra, Completed" and shown["20,190"] == "Kerala, Completed"
    no_column = TABLE.replace("Target Sanctioned Completed Pending", "Target Houses Sanctioned Houses Completed")
    assert {f.text: f.to_dict()["label"] for f in FigureExtractor().run(no_column)}["11,08,084"] == "Maharashtra"


def test_serial_numbers_start_rows_and_an_empty_cell_keeps_the_row_in_the_table():
    (table,) = inline_tables(TABLE)
    assert [r.label for r in table.rows] == ["Kerala", "Madhya Pradesh", "Maharashtra", "Manipur", "Sikkim", "Tripura"]
    assert row_label(_labels(TABLE)["3,28,240"]) == "Tripura"  # after Sikkim's "-"


def test_a_row_whose_label_ends_the_passage_before_keeps_it():
    cut = TABLE.index("79,518")  # "4 Manipur" ends one passage, its numbers begin the next
    assert row_label(_labels(TABLE[cut:], before=TABLE[:cut])["25,234"]) == "Manipur"


def test_prose_with_numbers_is_no_table():
    text = ("Kerala produced 20,190 masks, Manipur 25,234 masks and Sikkim 67 masks in the week to "
            "3 April, the Ministry said; Tripura made 2,098 more.")
    assert inline_tables(text) == []
    assert _labels(text)["20,190"] == "masks"


def test_the_passage_holding_the_asked_row_is_chosen_not_the_one_ending_with_its_label():
    cut = TABLE.index("79,518")
    ends_with_label = _passage(TABLE[:cut], "", 1)  # Kerala's to Maharashtra's rows, then "4 Manipur"
    holds_the_row = _passage(TABLE[cut:], TABLE[:cut], 2)  # Manipur's numbers, then more rows
    fit = within_release_fit("How many houses were completed in Manipur?", "PMAY-G houses", ends_with_label, holds_the_row)
    assert fit[2] > fit[1]
    assert "known:Manipur" in analyse(holds_the_row).places_alone
    assert "known:Manipur" not in analyse(ends_with_label).places_alone
    assert "known:Manipur" in analyse(ends_with_label).names  # the no-answer check still sees it


UNNUMBERED = ("State/UT-wise CwSN enrolment\nState/UT Total CwSN Enrolment Schools with a Special Educator India 2211226 116695 "
              "Andaman & Nicobar Islands 872 21 Andhra Pradesh 92055 7094 Arunachal Pradesh 3174 202 Assam 57367 2038 "
              "Bihar 179917 10931 Chandigarh 3594 89 Nagaland 1852 110")


def test_rows_without_serial_numbers_keep_their_small_last_cell():
    (table,) = inline_tables(UNNUMBERED)
    assert [r.label for r in table.rows][:4] == ["India", "Andaman & Nicobar Islands", "Andhra Pradesh", "Arunachal Pradesh"]
    assert {r.label: r.width for r in table.rows}["Arunachal Pradesh"] == 2  # 202 is its cell, not the next row's serial
    assert row_label(_labels(UNNUMBERED)["202"]) == "Arunachal Pradesh"


def test_a_count_of_four_digits_in_a_column_of_counts_is_no_year():
    figures = {f.text: f for f in FigureExtractor().run(UNNUMBERED)}
    assert figures["2038"].kind == "count" and figures["2038"].value == 2038 and figures["2038"].iso is None
    assert row_label(figures["2038"].label) == "Assam"
    assert figures["1852"].kind == "count"  # the reader takes 1800-2199 for a bare year
    years = FigureExtractor().run("Area: In lakh hectare\nS. No. Crop Area Sown 2026 2025 1 Rice 344.78 360.67 "
                                  "2 Pulses 103.78 105.73 3 Maize 80.12 79.11")
    assert {f.text: f.kind for f in years}["2026"] == "year"  # a row of years only is the header's


ICI = ("Iron Ore, Cement, Electricity, Coal, Steel, and Refinery Products observed growth rate of 29.5 per cent, "
       "13.1 per cent, 9 per cent, 7.6 per cent, 2.9 per cent, and 2.7 per cent, respectively, whereas Natural Gas, "
       "Crude Oil, and Fertilizers witnessed negative growth in July 2026.\n"
       "Table 2: YoY growth rate of ICI\n"
       "Sector Coal Natural Gas Crude Oil Refinery Products Fertilizers Steel Cement Electricity Iron Ore Overall Index "
       "Weight 5.596 3.841 7.43 22.572 2.731 17.584 4.41 30.932 4.905 100.00 "
       "May-26 -9.5 -5.0 -4.2 -8.2 -1.0 5.1 8.4 11.2 19.0 3.2 Jun-26 1.4 -4.8 -4.2 -4.0 -3.3 5.6 9.9 11.4 44.5 6.0 "
       "Jul-26 7.6 -3.7 -5.3 2.7 -8.0 2.9 13.1 9.0 29.5 5.4")


def test_the_names_a_release_lists_split_a_header_of_several_words_a_column():
    table = inline_tables(ICI)[0]
    assert table.columns() == ["Coal", "Natural Gas", "Crude Oil", "Refinery Products", "Fertilizers", "Steel",
                               "Cement", "Electricity", "Iron Ore", "Overall Index"]
    assert [row.label for row in table.rows][:2] == ["Weight", "May-26"]  # the weights' row after the header
    labels = {f.text: f.label for f in FigureExtractor().run(ICI) if f.label and "|" in f.label}
    assert labels["44.5"] == "Jun-26 | Iron Ore" and labels["22.572"] == "Weight | Refinery Products"
    # without the prose list, the header cannot be told apart: the cells have their rows only
    bare = ICI.split("\n", 1)[1]
    assert inline_tables(bare)[0].columns() is None
    assert {f.text: f.label for f in FigureExtractor().run(bare)}["44.5"] == "Jun-26 |"


def test_a_header_two_readings_of_the_listed_names_could_split_gives_no_columns():
    from index.figures.inline import listed_columns

    listed = frozenset({"iron ore", "coal", "steel"})
    assert listed_columns("Sector Coal Iron Ore Steel".split(), 3, listed) == ["Coal", "Iron Ore", "Steel"]
    # "Iron" and "Ore" listed too: "Coal | Iron | Ore" or "Iron | Ore | Steel" (the rows' heading "Sector Coal")
    assert listed_columns("Sector Coal Iron Ore Steel".split(), 3, listed | {"iron", "ore"}) is None
    assert listed_columns("Sector Coal Iron Ore Steel".split(), 3, frozenset({"coal"})) is None  # too few listed


def _answer_row(q: str, text: str) -> str:
    from index.lexical import terms
    from index.loanwords import loanword_keys
    from index.names import question_names
    from index.search import FigureCues, HybridSearcher
    from index.timeq import read_time

    p = _passage(text, "", 1)
    q_terms = terms(q, drop_stopwords=True)
    places = tuple(n for n in question_names(q) if n.kind == "known")
    a, b = HybridSearcher.table_row(p, 0, len(text), {t: 1.0 for t in q_terms},
                                    FigureCues(loans=loanword_keys(q_terms)), places, read_time(q).window)
    return text[a:b]


def test_the_answer_in_a_one_line_table_is_the_row_the_question_names():
    assert _answer_row("How many houses were completed in Maharashtra?", TABLE) == \
        "Maharashtra 33,72,896 31,40,198 11,08,084 20,32,114"
    # A Hindi question names the row by a loanword: सोयाबीन, Soybean.
    crops = ("Area in lakh ha. Crop Normal Area 2026 2025 1 Rice 412.00 379.07 393.44 2 Soybean 128.71 "
             "120.84 122.61 3 Cotton 129.50 107.30 108.26")
    assert _answer_row("14 अगस्त 2026 तक सोयाबीन की बुवाई कितने क्षेत्र में हुई?", crops) == "Soybean 128.71 120.84 122.61"
    # A Hindi question names the row's place in its own script, too short a name to read as a loanword.
    grain = ("S. No. State/ UT 2023-24 2024-25 2025-26 1 Assam 101161.22 103343.73 89238.00 2 Bihar 311304.40 "
             "324227.06 301148.29 3 Goa 4516.74 4522.84 4506.48")
    assert _answer_row("पीएम पोषण के तहत 2024-25 में बिहार को कितना खाद्यान्न आवंटित हुआ?", grain) == \
        "Bihar 311304.40 324227.06 301148.29"


def test_of_two_tables_rows_with_one_label_the_answer_is_the_row_of_the_asked_time():
    from tests.index.figures.test_inline import FOOTFALL

    assert _answer_row("How many domestic tourist visits did Assam record in January-June 2026?", FOOTFALL) == \
        "Assam 4604112 32471"
    assert _answer_row("How many domestic tourist visits did Assam record in 2025?", FOOTFALL) == "Assam 9055943 33858"
    assert _answer_row("How many domestic tourist visits did Assam record?", FOOTFALL) == "Assam 9055943 33858"


def test_a_line_whose_rows_the_question_does_not_name_stays_whole():
    # Another state's row is no answer, and the asked one may stand in the next passage.
    assert _answer_row("How many houses were completed in Bihar?", TABLE) == TABLE
    assert _answer_row("How many houses were completed in all?", TABLE) == TABLE


STIPEND = ("Details of stipend disbursed through DBT under NAPS-2 are as under. (Rs in Crore)\n"
           "S.No. State/UT 2023-24 2024-25 2025-26 2026-27* Total Andaman And Nicobar Islands 0.03 0.05 0.03 0.01 0.12 "
           "Assam 4.81 5.05 10.31 2.28 22.45 Bihar 15.59 24.48 26.74 9.0 75.81 Ladakh 0 0.01 "
           "Lakshadweep 0.01 0.01 Maharashtra 85.32 117.35 121.5 37.07 361.24 Odisha 10.73 13.45 15.94 4.75 44.87 "
           "Punjab 2.69 4.05 5.33 2.05 14.12")


def test_a_header_of_years_heads_a_column_each_and_the_first_row_follows_it_on_its_line():
    labels = {f.text: f.label for f in FigureExtractor().run(STIPEND)}
    assert labels["0.12"] == "Andaman And Nicobar Islands | Total"  # not "Total Andaman ..." as a header
    assert labels["10.31"] == "Assam | 2025-26" and labels["2.28"] == "Assam | 2026-27"  # "*": the year so far
    # rows of fewer cells part the table; the rows after them are still under its header
    assert labels["117.35"] == "Maharashtra | 2024-25" and labels["14.12"] == "Punjab | Total"


def test_a_rows_label_with_one_year_in_it_stays_whole():
    (table,) = inline_tables("Scheme-wise outlay Scheme Outlay Spent 1 Budget 2024-25 104.4 37.3 2 Budget 2025-26 112.5 "
                             "34.8 3 Revised 2025-26 121.2 41.3 4 Budget 2026-27 131.1 44.3")
    assert [r.label for r in table.rows] == ["Budget 2024-25", "Budget 2025-26", "Revised 2025-26", "Budget 2026-27"]


def test_a_table_cell_of_seven_digits_is_a_count_and_in_prose_an_id():
    text = ("Tourist Footfall in NER for January-June, 2026 S. No. Name of State DTVs FTVs 1 Arunachal Pradesh 627084 2372 "
            "2 Assam 4604112 32471 3 Manipur 12744 1219 4 Sikkim 2352725 43734")
    figures = {f.text: f for f in FigureExtractor().run(text)}
    assert (figures["4604112"].value, figures["4604112"].kind) == (4604112, "count")
    assert row_label(figures["4604112"].label) == "Assam" and row_label(figures["2352725"].label) == "Sikkim"
    assert "4604112" not in {f.text for f in FigureExtractor().run("The application number 4604112 was filed in May.")}


def test_a_header_of_months_with_their_qualifiers_and_a_weight_column():
    text = ("Index for Major Groups Industry Group Weight Mar-26 (F) Apr-26 (F) May-26 (P) Jun-26 (P) "
            "Manufacturing Sector 100.000 104.6 104.2 106.5 107.2 (A). Food Products 14.846 103.1 102.9 104.0 105.2 "
            "(B). Beverages 0.875 106.4 105.1 105.5 106.6 (C). Tobacco Products 0.514 124.7 124.7 123.9 125.1")
    labels = _labels(text)
    assert labels["106.5"] == "Manufacturing Sector | May-26" and labels["0.875"] == "(B). Beverages | Weight"
    assert labels["125.1"] == "(C). Tobacco Products | Jun-26"


def test_years_each_over_the_same_columns_and_a_year_so_far():
    text = ("Name of State/UT 2024-25 2025-26* Import Export Import Export 1 Assam 4.5 1.01 0.2 0.65 "
            "2 Kerala 26.7 4299.83 21.6 3447.61 3 Odisha 9.02 3183.43 12.64 3227.13")
    labels = _labels(text)
    assert labels["4299.83"] == "Kerala | 2024-25 Export" and labels["12.64"] == "Odisha | 2025-26 Import"
    so_far = _labels("State/UT 2023-24 2024-25 2025-26(till July) Goa 327 377 832 Bihar 13,346 102,754 17,618 "
                     "Assam 22,834 15,430 48,685")
    assert so_far["17,618"] == "Bihar | 2025-26" and so_far["327"] == "Goa | 2023-24"


def test_a_rows_own_years_are_its_label_not_a_header():
    text = ("S. No. District Block Approval Year Year of Functioning Status Boys Girls Total 1 Adilabad Inderavelly "
            "2020-21 2020-21 Functional 216 234 450 2 Adilabad Narnoor 1997-98 1998-99 Functional 232 188 420 "
            "3 Adilabad Utnoor 2019-20 2019-20 Functional 151 324 475")
    labels = _labels(text)
    assert row_label(labels["188"]) == "Adilabad Narnoor 1997-98 1998-99 Functional"


def test_a_header_whose_columns_end_with_their_years():
    text = ("Area: In lakh hectare S. No. Crop Normal Area (2020-21 to 2024-25) Final Area Coverage 2025 Area Sown "
            "2026 2025 Increase(+)/ Decrease(-) over 2025 1 Rice 412.00 446.70 379.07 393.44 -14.37 2 Pulses 123.64 "
            "118.97 108.14 108.49 -0.35 a Arhar 44.32 44.60 40.31 42.01 -1.69 b Urdbean 29.60 21.26 23.52 20.79 2.73")
    labels = {f.text: f.label for f in FigureExtractor().run(text)}  # hectares, under "In lakh hectare"
    assert labels["379.07"] == "Rice | Area Sown 2026" and labels["393.44"] == "Rice | 2025"
    assert labels["412.00"] == "Rice | Normal Area (2020-21 to 2024-25)"
    assert labels["2.73"] == "b Urdbean | Increase(+)/ Decrease(-) over 2025"


def test_a_cell_is_in_the_unit_its_rows_heading_declares_and_a_percent_column_takes_no_other_unit():
    text = ("Indicator ST in Tamil Nadu Tamil Nadu (Overall) Children under 5 – Stunted (%) 31.2 25.0 "
            "Children under 5 – Wasted (%) 20.6 14.6 Women having own mobile phone (%) 54.7 74.6 "
            "Households electrified 412 530")
    figs = {f.text: f for f in FigureExtractor().run(text)}
    assert (figs["31.2"].kind, figs["31.2"].unit, float(figs["31.2"].value)) == ("percent", "%", 31.2)
    assert figs["74.6"].kind == "percent"
    assert (figs["412"].kind, figs["412"].unit) == ("count", None)  # its heading declares no unit
    # a table's header that names a percent column besides a unit declares that unit for no column
    mixed = "Details are as under: State Length(km) Share(%) Kerala 42 12.5 Goa 18 3.1 Assam 25 7.4"
    assert {f.unit for f in FigureExtractor().run(mixed)} == {None}


def test_a_header_a_word_a_column_with_no_serial_after_it_is_not_the_first_rows_label():
    """2298053: "District e-2W e-3Ws Total" heads the table and Agar Malwa's row follows it on its line,
    which read the whole as the first row's label ("District e-2W e-3Ws Total Agar Malwa")."""
    text = ("Number of e-2Ws and e-3Ws incentivised in Madhya Pradesh, district-wise:\nDistrict e-2W e-3Ws Total "
            "Agar Malwa 64 - 64 Anuppur 204 19 223 Ashok Nagar 1,149 13 1,162 Balaghat 772 13 785")
    (table,) = inline_tables(text)
    assert [r.label for r in table.rows] == ["Agar Malwa", "Anuppur", "Ashok Nagar", "Balaghat"]
    labels = {f.start: f.label for f in FigureExtractor().run(text)}
    assert labels[text.index("204")] == "Anuppur | e-2W" and labels[text.index("1,162")] == "Ashok Nagar | Total"
    assert labels[text.index("64")] == "Agar Malwa | e-2W"
    # a row's label of more words than the table has columns, led by no rows' heading, stays whole
    (table,) = inline_tables("Kaimur district Tower Planned Sites 75 24 Village planned 126 29 On-air tower 71 22")
    assert table.rows[0].label == "Kaimur district Tower Planned Sites"


def test_a_unit_in_a_column_header_repeated_under_each_year_holds_for_that_column_only():
    """2299340: "No of EHTP Units" and "Exports (In Rs. Crore)" under each of three years; the header
    names a counted column too, so the table declares no unit, and its exports were read as counts."""
    text = ("Sl. No. Name of State/UT FY 2023-24 FY 2024-25 FY 2025-26 No of EHTP Units Exports (In Rs. Crore) "
            "No of EHTP Units Exports (In Rs. Crore) No of EHTP Units Exports* (In Rs. Crore) 1 Goa 1 78.41 1 47.3 "
            "1 37.19 2 Gujarat 1 5.11 1 6.95 1 6.38 3 Haryana 4 305.91 4 243.57 4 270.88 4 Karnataka 29 6,835.26 "
            "32 9,338.93 34 8,328.98")
    figures = {f.start: f for f in FigureExtractor().run(text)}
    exports = figures[text.index("9,338.93")]
    assert (exports.kind, exports.unit, exports.value) == ("money", "INR", Decimal("93389300000"))
    assert exports.label == "Karnataka | FY 2024-25 Exports (In Rs. Crore)"
    units = figures[text.index("32 9,338.93")]
    assert (units.kind, units.unit, units.value, units.label) == ("count", None, 32, "Karnataka | FY 2024-25 No of EHTP Units")
    # the first year's words head every year's columns ("Exports*": the year so far)
    assert figures[text.index("6.38")].label == "Gujarat | FY 2025-26 Exports (In Rs. Crore)"
    # a counted column alone under each year is one column, not a word a column
    labels = _labels("S. No. State 2023-2024 2024-2025 No. of beneficiaries No. of beneficiaries 1 Assam 141 18 "
                     "2 Bihar 57 788 3 Goa 17 9")
    assert labels["788"] == "Bihar | 2024-2025 No. of beneficiaries"


def test_a_financial_year_written_with_stops_heads_a_column():
    """2298080: "District Name F.Y 2023-24 F.Y 2024-25 F.Y 2025-26 Beneficiaries ...": "F.Y" was not
    read as "FY" is, so the table had no columns and its cells no years."""
    rows = "Chennai 3 4 4 Coimbatore 1 1 2 Cuddalore 2 0 9 Dharmapuri 5 7 3"
    for fy in ("F.Y", "F.Y.", "F. Y.", "FY"):
        text = f"District Name {fy} 2023-24 {fy} 2024-25 {fy} 2025-26 Beneficiaries Beneficiaries Beneficiaries {rows}"
        (table,) = inline_tables(text)
        assert table.columns() == [f"{fy} 2023-24 Beneficiaries", f"{fy} 2024-25 Beneficiaries",
                                   f"{fy} 2025-26 Beneficiaries"], fy
        labels = _labels(text)
        assert labels["7"] == f"Dharmapuri | {fy} 2024-25 Beneficiaries"
        assert labels["9"] == f"Cuddalore | {fy} 2025-26 Beneficiaries"


def test_a_known_place_ending_a_long_header_is_the_first_rows_label():
    """2298804: "District No. of VDVKs sanctioned No. of beneficiaries benefitted Udaipur 110 33,189 ..."
    has no serial between header and first row, and ten words are too many for a label: Udaipur's row
    was lost and its name read as the last column's ("No. of beneficiaries benefitted Udaipur")."""
    text = ("The district-wise details of the sanctioned VDVKs are as under:\nDistrict No. of VDVKs sanctioned "
            "No. of beneficiaries benefitted Udaipur 110 33,189 Salumbar 39 11,826 Dungarpur 72 21,672 "
            "Pratapgarh 62 18,662 TOTAL 283 85,349")
    (table,) = inline_tables(text)
    assert [r.label for r in table.rows] == ["Udaipur", "Salumbar", "Dungarpur", "Pratapgarh", "TOTAL"]
    assert table.columns() == ["No. of VDVKs sanctioned", "No. of beneficiaries benefitted"]
    labels = _labels(text)
    assert labels["33,189"] == "Udaipur | No. of beneficiaries benefitted"
    assert labels["11,826"] == "Salumbar | No. of beneficiaries benefitted"
    # a long run of words ending in no known place is still no row ("Mavli" is no known place)
    (table,) = inline_tables(text.replace("Udaipur", "Mavli"))
    assert table.rows[0].label == "Salumbar"
    # a long label led by its serial is a row's whole, not a header before a known place (2297553)
    (table,) = inline_tables("S. No. State/UT 2024-25 2025-26 1 Goa 12 14 2 Kerala 15 17 3 Dadra and Nagar Haveli "
                             "and Daman and Diu 29 30 4 Punjab 61 65")
    assert "Daman and Diu" not in [r.label for r in table.rows]


def test_the_totals_after_the_last_rows_cells_are_a_row_of_their_own():
    """2299340: the unlabelled totals follow West Bengal's cells ("14 West Bengal 1 - 1 - 1 - 70 9,677.98
    ..."): twelve cells in a table of six, so the row was no table's, and its serial 14 a count of West
    Bengal's. Its first six cells are its own; the rest, each the sum of its column above, are Total."""
    text = ("Sl. No. Name of State/UT FY 2023-24 FY 2024-25 No of EHTP Units Exports (In Rs. Crore) "
            "No of EHTP Units Exports (In Rs. Crore) 1 Goa 1 78.41 1 47.3 2 Gujarat 1 5.11 1 6.95 "
            "3 Haryana 4 305.91 4 243.57 4 West Bengal 1 - 1 - 7 389.43 7 297.82\n*Estimated")
    figures = {f.start: f for f in FigureExtractor().run(text)}
    assert figures[text.index("1 - 1 - 7")].label == "West Bengal | FY 2023-24 No of EHTP Units"
    assert figures[text.index("389.43")].label == "Total | FY 2023-24 Exports (In Rs. Crore)"
    assert figures[text.index("297.82")].label == "Total | FY 2024-25 Exports (In Rs. Crore)"
    assert figures[text.index("7 297.82")].label == "Total | FY 2024-25 No of EHTP Units"
    assert text.index("4 West") not in figures  # West Bengal's serial
    # cells that are not the columns' sums are no row's, and not West Bengal's either
    figures = {f.start: f for f in FigureExtractor().run(text.replace("389.43", "389.99"))}
    assert figures[text.index("1 - 1 - 7")].label == "West Bengal | FY 2023-24 No of EHTP Units"
    assert not (figures[text.index("389.43")].label or "").startswith("West Bengal")


def test_a_rows_last_cell_that_sums_its_others_is_its_total_when_a_cell_is_left_out():
    """2298053: "Agar Malwa 64 64" under "District e-2W e-3Ws Total" leaves out a cell; its cells took
    the columns in order, so its total 64 was its e-3Ws. Every full row's last cell is the sum of its
    others, and so is Agar Malwa's: 64 is its Total, and the other 64's column is not known."""
    text = ("Number of e-2Ws and e-3Ws incentivised in Madhya Pradesh, district-wise:\nDistrict e-2W e-3Ws Total "
            "Agar Malwa 64 64 Anuppur 204 19 223 Ashok Nagar 1,149 13 1,162 Balaghat 772 13 785")
    labels = {f.start: f.label for f in FigureExtractor().run(text)}
    assert labels[text.index("64 64") + 3] == "Agar Malwa | Total"
    assert labels[text.index("64 64")] == "Agar Malwa |"
    assert labels[text.index("204")] == "Anuppur | e-2W" and labels[text.index("1,162")] == "Ashok Nagar | Total"
    # where the full rows' last cells are no sums, a short row's cells keep their places
    text = text.replace("223", "230")
    labels = {f.start: f.label for f in FigureExtractor().run(text)}
    assert labels[text.index("64 64") + 3] == "Agar Malwa | e-3Ws"


def _bundled(release_id: str) -> str:
    from corpus.readers import bundled_corpus_dir, read_paths

    return next(r for r in read_paths([bundled_corpus_dir()], langs={"en"}) if r.release_id == release_id).text


def test_tables_under_one_header_each_keep_their_first_row():
    """2298804: seven block tables, each on its line under the same header "Block Total Population ST
    Population % ST of Total", each with its first block's label right after it ("... of Total Mavli
    2,30,532 ..."): ten words are too many for a label, so each first row was read into the header."""
    text = _bundled("2298804")
    blocks = [t for t in inline_tables(text) if t.header.startswith("Block")]
    assert [t.rows[0].label for t in blocks] == ["Mavli", "Bichhiwara", "Dhariawad", "Ghatol", "Sheoganj", "Bhim", "Rashmi"]
    assert {t.header for t in blocks} == {"Block Total Population ST Population % ST of Total"}
    labels = {f.start: f.label for f in FigureExtractor().run(text)}
    at = text.index("Mavli 2,30,532") + len("Mavli ")
    assert row_label(labels[at]) == "Mavli" and row_label(labels[text.index("21.46%")]) == "Mavli"
    # what the lines share is the header, not the first words of two of their first rows' labels (2298781)
    text = _bundled("2298781")
    labels = {f.start: f.label for f in FigureExtractor().run(text)}
    assert row_label(labels[text.index("Department of Justice 474") + len("Department of Justice ")]) == "Department of Justice"


def test_a_table_of_one_row_without_a_label_takes_its_columns_headers():
    """2298822: "F.Y. 2021-22 ... F.Y. 2025-26 Fund Released Number of Beneficiaries ... 71.49 58 86.39 42
    ...": five years, each over two columns, and one row of cells with no label; fewer than three rows
    were no table, and the years' cells had no column."""
    text = _bundled("2298822")
    start = text.index("71.49 58")
    figures = {f.start: f for f in FigureExtractor().run(text)}
    assert figures[start].label == " | F.Y. 2021-22 Fund Released"
    assert figures[start].to_dict()["label"] == "F.Y. 2021-22 Fund Released"
    assert figures[text.index("75.74 71") + 6].label == " | F.Y. 2025-26 Number of Beneficiaries"
    nfst = text.index("140.41 35")
    assert figures[text.index("367.41", nfst)].label == " | F.Y 2023-24 Fund Released"
    # "Number of Beneficiaries Fund released" under each year is two columns, as the twelve cells ask,
    # not one of five words, and the caption that opens the line scales the funds, not the students
    pre_matric = text.index("421 10.81")
    assert figures[pre_matric].label == " | FY 2020-21 Number of Beneficiaries" and figures[pre_matric].value == 421
    assert figures[pre_matric + 4].label == " | FY 2020-21 Fund released"
    assert figures[pre_matric + 4].value == Decimal("1081000.00")


def test_a_percent_sign_alone_in_a_header_opens_its_column():
    """2298804: "Block Total Population ST Population % ST of Total" heads three columns; without its
    "%" the header's words split into none, and every block's cells had only their row."""
    header = "Block Total Population ST Population % ST of Total"
    text = (f"{header} Mavli 2,30,532 49,479 21.46% Gogunda 2,14,948 1,07,220 49.88% Kotra 2,30,532 2,20,905 95.82% "
            f"District Total 25,46,966 14,96,370 58.75%\nRajsamand district:\n{header} Bhim 1,71,023 2,996 1.75% "
            "Deogarh 93,119 4,984 5.35% Amet 1,01,614 10,504 10.34% District Total 10,11,844 1,52,187 15.04%")
    labels = {f.text: f.label for f in FigureExtractor().run(text)}
    assert labels["21.46%"] == "Mavli | % ST of Total" and labels["1,07,220"] == "Gogunda | ST Population"
    assert labels["1,71,023"] == "Bhim | Total Population"
    # a sign that ends a column's words stays in them: "Inflation (%) June"
    assert [t.columns() for t in inline_tables("S.No. Item Weight Inflation (%) June Inflation (%) July 1 Potato 0.9 -20.34 -16.56 "
                                               "2 Peas 0.2 -9.67 -5.27 3 Tomato 0.6 31.92 -4.59")][0][1] == "Inflation (%) June"
