"""What a text's one-line tables say of the figures in its passages (index/figures/inline.py), on
hand-built tables shaped like PIB's."""
from decimal import Decimal

from index.figures import FigureExtractor

HEADER = "FY 2020-21 FY 2021-22 FY 2022-23 " + "Number of Beneficiaries Fund released " * 3


def _values(text: str) -> dict[str, tuple]:
    return {f.text: (f.value, f.unit, f.kind, f.to_dict()["label"]) for f in FigureExtractor().run(text)}


def test_a_caption_that_opens_a_tables_header_gives_its_amounts_their_scale():
    """2298822: "Amounts In lakhs FY 2020-21 ... Number of Beneficiaries Fund released ... 421 10.81 1439
    44.63 ...": a caption run into the header on the table's line, whose header's sixty words read as
    prose to a line's reading, so 10.81 stayed 10.81; the beneficiaries stay people."""
    got = _values(f"Pre- Matric Scholarship Scheme ST Students\nAmounts In lakhs {HEADER}421 10.81 1439 44.63 760 23.15\n"
                  "Note: The beneficiary figures include both fresh and renewal students.")
    assert got["10.81"] == (Decimal("1081000.00"), None, "count", "FY 2020-21 Fund released")
    assert got["23.15"] == (Decimal("2315000.00"), None, "count", "FY 2022-23 Fund released")
    assert got["1439"] == (Decimal(1439), None, "count", "FY 2021-22 Number of Beneficiaries")


def test_a_caption_in_its_currency_makes_its_amounts_money_and_another_unit_in_the_header_none():
    got = _values(f"Rs. in lakh {HEADER}421 10.81 1439 44.63 760 23.15")
    assert got["44.63"] == (Decimal("4463000.00"), "INR", "money", "FY 2021-22 Fund released")
    assert got["760"][:2] == (Decimal(760), None)
    mixed = _values(f"Amounts In lakhs {HEADER.replace('Fund released', 'Area (ha)')}421 10.81 1439 44.63 760 23.15")
    assert mixed["44.63"][:2] == (Decimal("44.63"), "hectare")


def test_a_unit_the_header_gives_some_named_columns_is_not_the_others():
    """2298886: "State/UTs Students benefitted Amount disbursed (Rs.in Cr.)": the unit ends the header, so
    it was read for the whole table, and 1,059 students were ₹1,059 crore. 2297820: "... MSME Order Value
    (₹ in Cr) Proportion of Procurement": a proportion of 0.554 was ₹0.554 crore."""
    got = _values("S. No. State/UTs Students benefitted Amount disbursed (Rs.in Cr.) 1 Andaman And Nicobar Islands 02 "
                  "0.06 2 Andhra Pradesh 1059 14.82 3 Assam 1043 23.66 4 Bihar 3136 48.39 Total 5240 86.93")
    assert got["1059"] == (Decimal(1059), None, "count", "Andhra Pradesh, Students benefitted")
    assert got["14.82"] == (Decimal("148200000.00"), "INR", "money", "Andhra Pradesh, Amount disbursed (Rs.in Cr.)")
    assert got["5240"][:3] == (Decimal(5240), None, "count")
    got = _values("FY Total Order Value (₹ in Cr) MSME Order Value (₹ in Cr) Proportion of Procurement FY21-22 1,06,597 "
                  "59,033 0.554 FY22-23 2,01,317 97,332 0.483 FY23-24 4,03,569 1,90,485 0.472")
    assert got["0.554"][:3] == (Decimal("0.554"), None, "count")
    assert got["59,033"][:3] == (Decimal("590330000000"), "INR", "money")
    # a unit after the last of a header's times is every time's
    got = _values("S. No. State 2023-24 2024-25 (Rs in crore) 1 Kerala 289 1836 2 Assam 410 522 3 Goa 77 95")
    assert got["289"][:2] == (Decimal("2890000000"), "INR") and got["1836"][:2] == (Decimal("18360000000"), "INR")


FIRST_PART = ("S.No. District Children Foodgrains distributed (in MTs) Children Food grains distributed (in MTs) "
              "1 AGRA 164064 4146.483 138659 4437.142 2 ALIGARH 175304 5992.031 157676 5824.038 "
              "3 BASTI 136909 3987.209 125126 3176.347")
LATER_PART = ("S.No. District Children Foodgrains distributed Children Foodgrains distributed 4 HATHRAS 77588 2265.566 "
              "84423 2249.511 5 ITAWAH 81892 2384.775 71911 2403.641 6 AMROHA 85810 2686.549 77763 2599.117")


def test_a_header_repeated_without_its_units_carries_on_each_columns_unit():
    """2297128: a district table parted in two writes "(in MTs)" only after the foodgrains columns of its
    first part's header; the second part's header repeats the columns without it, and its line's
    declaration of tonnes held for all its cells, so 77,588 children were 77,588 tonnes."""
    got = _values(f"Number of Children and Foodgrains distributed\n{FIRST_PART}\n{LATER_PART}")
    assert got["77588"] == (Decimal(77588), None, "count", "HATHRAS, Children")
    assert got["2265.566"] == (Decimal("2265.566"), "tonne", "quantity", "HATHRAS, Foodgrains distributed")
    assert got["164064"][:3] == (Decimal(164064), None, "count")  # the first part, as before
    # a part that no declaration reaches, after prose, takes its foodgrains columns' tonnes from the first
    prose = "The State reported these figures to the Ministry at the end of each of the last two years."
    got = _values(f"{FIRST_PART}\n{prose}\n{LATER_PART}")
    assert got["2599.117"] == (Decimal("2599.117"), "tonne", "quantity", "AMROHA, Foodgrains distributed")
    assert got["85810"][:3] == (Decimal(85810), None, "count")


YEARS_OVER = ("S.No. District 2023-24 2024-25 2025-26 Children Foodgrains distributed (in MTs) Children Food grains "
              "distributed (in MTs) Children Food grains distributed (in MTs) ")
ROWS = ("1 AGRA 164064 4146.483 138659 4437.142 129055 3774.789 2 ALIGARH 175304 5992.031 157676 5824.038 173527 "
        "5261.925 3 BASTI 136909 3987.209 125126 3176.347 119814 3060.214")


def test_a_two_level_header_gives_its_cells_their_times_whatever_the_groups_spacing():
    """2297128: three years over "Children Foodgrains distributed (in MTs)", the second and third typed
    "Food grains"; the groups were not read as one repeated, and every cell lost its year."""
    got = _values(YEARS_OVER + ROWS)
    assert got["138659"] == (Decimal(138659), None, "count", "AGRA, 2024-25 Children")
    assert got["5261.925"] == (Decimal("5261.925"), "tonne", "quantity", "ALIGARH, 2025-26 Foodgrains distributed (in MTs)")
    # a later part under the header repeated without its units: its children stay counts
    later = YEARS_OVER.replace(" (in MTs)", "") + ROWS.replace("AGRA", "HATHRAS").replace("ALIGARH", "ITAWAH")
    got = _values(f"{YEARS_OVER}{ROWS}\n{later}")
    assert got["164064"][1:] == (None, "count", "HATHRAS, 2023-24 Children")
    assert got["4437.142"][1:] == ("tonne", "quantity", "HATHRAS, 2024-25 Foodgrains distributed")


def test_a_unit_a_column_gives_as_a_rate_over_a_time_is_not_the_next_columns():
    """2298197: "Milk Production (Million Metric Tonnes)/Year Per Capita Availability (Gram /day)": the
    first column's unit, written before the time it is a rate over, was no unit of its own column's, so
    the line's declaration held for the whole table and 427 grams a day were 427 million tonnes."""
    got = _values("The year-wise details of milk production in the country are as under:\nYear Milk Production "
                  "(Million Metric Tonnes)/Year Per Capita Availability (Gram /day) 2020-21 209.96 427.00 2021-22 "
                  "222.07 446.00 2022-23 230.58 459.00\nThe schemes aim to strengthen the infrastructure for milk.")
    assert got["222.07"] == (Decimal("222070000.00"), "tonne", "quantity",
                             "2021-22, Year Milk Production (Million Metric Tonnes)/Year")
    assert got["446.00"] == (Decimal(446), None, "count", "2021-22, Per Capita Availability (Gram /day)")


FOOTFALL = ("Tourist Footfall in North-Eastern Region (NER) in 2025 S. No. Name of State Domestic Tourist Visits (DTVs) "
            "Foreign Tourist Visits (FTVs) 1 Arunachal Pradesh 913383 4582 2 Assam 9055943 33858 3 Manipur 25281 2892 "
            "Tourist Footfall in NER for January-June, 2026 S. No. Name of State DTVs FTVs 1 Arunachal Pradesh 627084 "
            "2372 2 Assam 4604112 32471 3 Manipur 12744 1219")


def test_a_tables_caption_that_names_one_time_ends_its_cells_labels():
    """2297053: two tables with the same rows and columns, told apart only by their captions' times;
    the second's own header ("DTVs FTVs") is read as the first's, and its caption is still its own."""
    labels = {f.text: f.label for f in FigureExtractor().run(FOOTFALL) if f.label}
    assert labels["9055943"] == "Assam | Domestic Tourist Visits (DTVs) in 2025"
    assert labels["4604112"] == "Assam | Domestic Tourist Visits (DTVs) for January-June, 2026"
    assert labels["1219"] == "Manipur | Foreign Tourist Visits (FTVs) for January-June, 2026"


def test_a_caption_whose_time_a_span_starts_from_or_whose_columns_are_times_gives_no_cell_a_time():
    since = FOOTFALL.replace("in 2025", "since 2014")
    assert {f.text: f.label for f in FigureExtractor().run(since)}["9055943"] == "Assam | Domestic Tourist Visits (DTVs)"
    years = ("Funds released in 2025 S. No. State 2023-24 2024-25 1 Assam 12.5 13.1 2 Bihar 14.2 15.3 "
             "3 Goa 1.2 1.4")
    assert {f.text: f.label for f in FigureExtractor().run(years)}["13.1"] == "Assam | 2024-25"
