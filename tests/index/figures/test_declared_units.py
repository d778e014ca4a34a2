"""A table's numbers in the unit its caption or header declares (index/figures/declared.py), on
small hand-built tables shaped like PIB's."""
from decimal import Decimal

from corpus import Release
from index.figures import FigureExtractor
from index.figures.declared import parse_declaration
from index.pipeline import Indexer

EXTRACT = FigureExtractor()


def _values(text: str, before: str = "") -> dict[str, tuple]:
    return {f.text: (f.value, f.unit, f.kind) for f in EXTRACT.run(text, before=before)}


def test_a_declaration_is_a_currency_a_scale_and_a_unit_and_nothing_else():
    assert parse_declaration("₹ crore") == parse_declaration("करोड़ रुपये में") == parse_declaration("Rs. in crore")
    assert parse_declaration("US$ Billion").scale == Decimal(10) ** 9
    hectares = parse_declaration("In lakh hectare")
    assert (hectares.unit, hectares.scale, hectares.currency) == ("hectare", Decimal(100000), None)
    for words in ("Final Index", "in numbers", "Y-o-Y", "P", "LPA", "Gujarat", "Provisional"):
        assert parse_declaration(words) is None, words


def test_a_table_in_metric_tonnes_written_mts():
    assert parse_declaration("in MTs") == parse_declaration("in tonnes")
    text = "Allocation of Foodgrains under PM POSHAN\n(in MTs)\nS. No. State/ UT 2023-24 2024-25 1 Bihar 311304.40 324227.06"
    assert _values(text)["324227.06"] == (Decimal("324227.06"), "tonne", "quantity")


def test_a_cell_per_line_table_under_its_caption():
    text = "State-wise GST revenue\n(₹ crore)\nState\nFeb-19\nFeb-20\nGrowth\nMaharashtra\n14,092\n15,735\n12%"
    got = _values(text)
    assert got["15,735"] == (Decimal(157350000000), "INR", "money")
    assert got["12%"] == (Decimal(12), "%", "percent")  # a figure with its own unit keeps it


def test_an_inline_header_and_a_header_line():
    got = _values("Table 1: Trade\nJuly 2026 (US$ Billion) July 2025 (US$ Billion) Merchandise Exports 44.24 36.98 "
                  "Imports 76.22 64.86")
    assert got["76.22"] == (Decimal("76220000000.00"), "USD", "money")
    got = _values("Area: In lakh hectare\nS. No. Crop Area Sown 2026 2025 1 Rice 344.78 360.67 2 Pulses 103.78 105.73")
    assert got["103.78"] == (Decimal("10378000.00"), "hectare", "quantity")
    assert got["2026"][2] == "year"  # years stay years


def test_the_rows_of_a_table_whose_caption_stands_before_the_passage():
    before = "(₹ crore)\nState\nFeb-19\nFeb-20\nGrowth\nDelhi\n3,422\n3,835\n12%\n"
    assert _values("Maharashtra\n14,092\n15,735\n12%", before=before)["15,735"][1] == "INR"
    assert _values("Maharashtra\n14,092\n15,735\n12%")["15,735"] == (Decimal(15735), None, "count")


def test_a_declaration_ends_with_its_table_and_two_units_are_left_alone():
    prose = "The collection in the month was higher than last year in most of the States and Union Territories."
    got = _values(f"(₹ crore)\nDelhi\n3,835\n{prose}\nIn all, 86,000 sellers registered on the portal this year.")
    assert got["3,835"][1] == "INR" and got["86,000"] == (Decimal(86000), None, "count")
    got = _values("State\nBeneficiaries (lakh)\nAmount (₹ crore)\nDelhi\n12\n3,835")
    assert got["12"] == (Decimal(12), None, "count") and got["3,835"] == (Decimal(3835), None, "count")
    # "8488 Cr" already carries its scale: the table adds its currency only.
    assert _values("(₹ crore)\nUjjwala\n8488 Cr")["8488 Cr"] == (Decimal(84880000000), "INR", "money")


def test_ingest_gives_a_passage_the_text_before_it(embedder):
    letters = "abcdefghij"
    rows = "\n".join(f"Zone {letters[i // 10].upper()}{letters[i % 10]}\n{1000 + i}" for i in range(100))
    release = Release(release_id="t1", lang="en", title="GST by State",
                      text=f"GST revenue by State in February 2020 is as follows.\n(₹ crore)\n{rows}", date="2020-03-01")
    _, passages = Indexer(store=None, embedder=embedder).prepare(release)
    assert len(passages) > 1 and "(₹ crore)" not in passages[-1].text
    last = [f for f in passages[-1].figures if f.kind != "year"]
    assert last and all(f.unit == "INR" and f.value >= 10**10 for f in last)


def test_a_release_s_tables_are_read_once_with_the_same_figures_as_passage_by_passage():
    zone = [f"Zone {a}{b}" for a in "ABCD" for b in "abcdefghij"]
    rows = "\n".join(f"{i}\n{zone[i]}\n{5000 + i}\n{7000 + i}" for i in range(1, 40))
    text = f"GST revenue by State in February 2020 is as follows.\n(₹ crore)\nNo\nState\nFeb-19\nFeb-20\n{rows}"
    spans = [(0, 300), (250, 600), (600, len(text))]
    once = EXTRACT.run_passages(text, spans)
    assert once == [EXTRACT.run(text[a:b], before=text[:a]) for a, b in spans]
    # the unit alone above the header heads no column: Feb-20 heads 7039's
    assert {(f.unit, f.label) for f in once[2] if f.text == "7039"} == {("INR", "Zone Dj | Feb-20")}


def test_a_table_line_that_runs_on_past_the_passage_is_judged_whole():
    line = ("ANNEXURE State wise list of fairs and festivals supported under the scheme (in ₹ Lakh) "
            "Assam 2016-17 Rongali Festival 35.00 2018-19 Buddhist conference 25.00 " + " ".join(
                f"State {i} 2019-20 festival {i}.00" for i in range(30)))
    cut = line.index("35.00") + 5
    whole = {f.text: (f.value, f.unit) for f in EXTRACT.run_passages(line, [(0, cut)])[0]}
    assert whole["35.00"] == (Decimal(3500000), "INR")


def test_a_table_flattened_onto_one_line_with_prose_after_it():
    """The declaration holds from where it stands to where the line's prose begins."""
    line = ("Area: In lakh hectare S. No. Crop Normal Area (2020-21 to 2024-25) Area Sown 2026 2025 "
            "1 Rice 412.00 379.07 393.44 2 Pulses 123.64 108.14 108.49 e Maize 80.77 88.39 92.06 "
            "Total 1104.46 1016.57 1037.52 Rice : About 379.07 lakh ha area coverage under rice has been reported "
            "as compared to last year, and 15 States have reported their figures for the week so far.")
    got = _values(line)
    assert got["88.39"] == (Decimal("8839000.00"), "hectare", "quantity")
    assert got["2026"][2] == "year"
    assert got["15"] == (Decimal(15), None, "count")  # prose after the table keeps its bare numbers
    words = " ".join(f"State {chr(65 + i)} {i}.5 {i}.25" for i in range(8))
    assert _values(f"Fish production (in lakh tonnes) {words}")["3.5"][1] == "tonne"


def test_a_flattened_table_whose_header_is_mixed_is_left_alone():
    """A unit stated for one column only: beside a counted column, or beside another unit."""
    rows = " ".join(f"{i} District{chr(65 + i)} {100 + i} {200 + i}.50" for i in range(1, 9))
    counted = _values(f"Sl. No. District No. of GPDP uploaded Online payment by GPs (in Cr.) {rows}")
    assert counted["101"] == (Decimal(101), None, "count")
    # no unit holds for the whole table; where its brackets part the columns, each takes its own
    mixed = _values(f"Sr. Project Capacity (MW) Cost (Rs. Crore) {rows}")
    assert mixed["101"] == (Decimal(101), "MW", "quantity") and mixed["201.50"] == (Decimal("2015000000.0"), "INR", "money")
    mixed = _values(f"Sr. Project Capacity in MW Cost in Rs. Crore {rows}")
    assert mixed["201.50"] == (Decimal("201.50"), None, "count")
    assert _values(f"Opium Heroin Kgs. Kgs. Nos. Ltrs. {rows}")["101"] == (Decimal(101), None, "count")


def test_a_caption_that_ends_with_its_unit_declares_it_for_the_table_below():
    caption = "State-wise disbursement made by NCDC during the last 5 years (Rs in Crore)"
    table = "S. No. State 2024-25 2025-26 1 Kerala 371.85 704.74 2 Telangana 20,989.33 34,533.70 3 Tripura 1.46 2.20"
    assert _values(f"{caption}\n{table}")["34,533.70"] == (Decimal("345337000000.00"), "INR", "money")
    # a unit in the caption's middle is of a word there, not the table's
    assert _values(f"Funds (Rs in Crore) released to the States in the last 5 years, as below\n{table}")["34,533.70"][1] is None
    # prose under such a caption keeps its bare numbers
    assert _values(f"{caption}\nIn all, 86,000 sellers registered on the portal this year in the two States.")["86,000"] == (
        Decimal(86000), None, "count")


def test_a_caption_naming_a_rate_of_change_alone_declares_per_cent_for_the_table_below():
    """2301558 gives the core industries' index and their growth rates in two tables of the same rows
    and columns; only the second's caption says its numbers are rates."""
    table = ("Sector Coal Steel Cement Overall Index Weight 5.596 17.584 4.41 100.00 "
             "May-26 -9.5 5.1 8.4 3.2 Jun-26 1.4 5.6 9.9 6.0 Jul-26 7.6 2.9 13.1 5.4")
    assert _values(f"Table 2: YoY growth rate of ICI for last 13 months\n{table}")["13.1"] == (Decimal("13.1"), "%", "percent")
    assert _values(f"तालिका 2: पिछले 13 महीनों में प्रमुख उद्योगों की वृद्धि दर\n{table}")["-9.5"][1:] == ("%", "percent")
    # the index's table, and one of indices and rates, keep their bare numbers
    assert _values(f"Table 1: Index of Core Industries for last 13 months\n{table}")["13.1"][1:] == (None, "count")
    assert _values(f"Table 3: Index and growth rate of core industries\n{table}")["13.1"][1:] == (None, "count")
    # a header that says which columns are rates is read by its own words
    mixed = "June, 2026 (Final) Rural Urban Combined Inflation (%) CPI (General) 4.74 3.93 4.38 3.9 4.1 4.2 CFPI 5.1 5.2 5.3 4.0 4.1 4.2"
    assert _values(f"All India CPI and the inflation rates for June 2026 are given below\n{mixed}")["4.74"][1:] == (None, "count")
    # prose under such a caption keeps its bare numbers
    assert _values("Table 2: YoY growth rate of ICI for last 13 months\nIn all, 86,000 sellers registered on the "
                   "portal this year in the two States.")["86,000"] == (Decimal(86000), None, "count")


def test_a_unit_on_its_own_line_under_a_table_is_that_tables():
    table = "Sl. No City Outlay Assistance Released 1 Ahmedabad 275.00 243.90 73.17 2 Chennai 561.29 500.00 331.50 3 Pune 286.69 250.00 75.00"
    got = _values(f"{table}\n(Rupees in crores)")
    assert got["331.50"] == (Decimal("3315000000.00"), "INR", "money")
    assert "2" not in got  # a row's serial is no figure
    # under prose it heads what follows, as before
    prose = "The details of the cities and the funds released to them so far are given in the table below."
    assert _values(f"{prose}\n(Rupees in crores)\n{table}")["331.50"][1] == "INR"
    assert _values(f"{table}\n{prose}\n(Rupees in crores)")["331.50"][1] is None
    # between two tables it is the caption of the one below
    below = "Sl. No City Outlay Released 1 Surat 120.00 40.00 2 Patna 95.50 31.25 3 Agra 88.00 12.75"
    got = _values(f"{table}\n(Rupees in crores)\n{below}")
    assert got["331.50"][1] is None and got["31.25"] == (Decimal("312500000.00"), "INR", "money")


def test_a_caption_s_scale_leaves_a_column_of_counts_as_it_is():
    """2298822: "Amounts In Lakhs" over years each heading "Fund Released" and "Number of Beneficiaries":
    the funds are in lakh, the 58 beneficiaries are 58 people, not 58 lakh."""
    table = ("Amounts In Lakhs\nF.Y. 2021-22 F.Y. 2022-23 Fund Released Number of Beneficiaries Fund Released "
             "Number of Beneficiaries 71.49 58 86.39 42\nNote: The beneficiary figures include both fresh and renewal students.")
    got = _values(table)
    assert got["71.49"][0] == Decimal("7149000.00") and got["86.39"][0] == Decimal("8639000.00")
    assert got["58"] == (Decimal(58), None, "count") and got["42"] == (Decimal(42), None, "count")


def test_a_cell_read_as_a_year_at_first_takes_its_tables_unit_as_its_column_does():
    """A count of four digits that could be a year is known for a count only once its table's columns
    are read (index/figures/inline.py); the table's declared unit must come after that, or "1836"
    beside "289" is left a bare number in a table in crore."""
    table = "(Rs in crore)\nS. No. State 2023-24 2024-25 1 Kerala 289 1836 2 Assam 410 522 3 Goa 77 95"
    got = _values(table)
    assert got["289"] == (Decimal("2890000000"), "INR", "money")
    assert got["1836"] == (Decimal("18360000000"), "INR", "money")


def test_a_header_with_a_column_in_numbers_beside_one_in_its_unit_is_left_alone():
    """2298078: "Roads sanction (in KM) Completed (in KM) Sanctioned Villages ... Sanctioned (No.) Work
    Completed (No.)": its houses, villages and hostels were read as kilometres."""
    rows = " ".join(f"{i} State{chr(65 + i)} {4000 + i} {900 + i} {80 + i}.5 {10 + i} {300 + i}" for i in range(1, 9))
    got = _values(f"S. No. Name of State Houses Sanctioned (HHs) Roads sanction (in KM) Completed (in KM) "
                  f"Hostels Sanctioned (No.) Work Completed (No.) {rows}")
    assert got["4001"] == (Decimal(4001), None, "count") and got["301"] == (Decimal(301), None, "count")
    # under a caption, which no header is read against, the column itself says so
    rows = "1 Kerala 371.85 704 380.10 710 2 Telangana 20.33 345 21.50 350 3 Tripura 1.46 2 1.90 3"
    got = _values(f"(Rs in Crore)\nS. No. State 2024-25 2025-26 Amount Hostels (No.) Amount Hostels (No.) {rows}")
    assert got["371.85"][1] == "INR" and got["704"] == (Decimal(704), None, "count")


def test_a_unit_heads_its_table_and_not_the_next_under_a_header_of_its_own():
    """2297513: the textile exports "(value in INR Crore)" ran on past a source line into the next
    table, "State Wise Total MSMEs Shut Down ... Total number of MSME units Employment", whose units
    and jobs were read as crores of rupees."""
    exports = ("India's state-wise textile exports (value in INR Crore) Sl No. State Name 2024-25 2025-26 "
               "1 TAMIL NADU 67863 68792 2 GUJARAT 50150 50947 3 HARYANA 34843 35060")
    units = ("State Wise Total MSMEs Shut Down and Employment recorded against these Units on Udyam registration "
             "portal in Textile Sector Sl. No. State Total MSME units Employment 1 ASSAM 79 1425 2 BIHAR 209 1299 "
             "3 GOA 13 50 4 KERALA 235 844 5 ODISHA 150 1670 6 PUNJAB 87 590")
    got = _values(f"{exports}\nSource: DGCIS, Provisional Data\n{units}")
    assert got["68792"][1] == "INR" and got["1425"] == (Decimal(1425), None, "count")
    # a table cut over lines whose rows go on with their labels is still the one the unit heads
    assert _values(f"{exports}\n4 MAHARASHTRA 33611 32842 5 KARNATAKA 23961 24890 6 PUNJAB 11820 12306")["24890"][1] == "INR"
