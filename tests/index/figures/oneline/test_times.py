"""A one-line table's header of times (index/figures/oneline/times.py), each time over the same
columns, on hand-built headers shaped like PIB's."""
from index.figures.oneline.times import time_columns

YEARS = "FY 2020-21 FY 2021-22 FY 2022-23"


def test_a_group_under_each_time_has_as_many_columns_as_the_cells_say():
    """2298822: "Number of Beneficiaries Fund released" under each of six years, over twelve cells, read
    as one column of counts, so the header had six columns for twelve cells and the table was no table.
    Its capitals part it in two, as the cells ask."""
    header = f"{YEARS} " + "Number of Beneficiaries Fund released " * 3
    assert time_columns(header.split(), 6) == [
        "FY 2020-21 Number of Beneficiaries", "FY 2020-21 Fund released", "FY 2021-22 Number of Beneficiaries",
        "FY 2021-22 Fund released", "FY 2022-23 Number of Beneficiaries", "FY 2022-23 Fund released"]
    # where the cells are one a year, the group is one column, as before
    assert time_columns(f"{YEARS} No. of beneficiaries No. of beneficiaries No. of beneficiaries".split(), 3) == [
        "FY 2020-21 No. of beneficiaries", "FY 2021-22 No. of beneficiaries", "FY 2022-23 No. of beneficiaries"]


def test_a_group_whose_words_say_where_its_columns_part_keeps_them():
    header = f"{YEARS} " + "No of EHTP Units Exports (In Rs. Crore) " * 3
    assert time_columns(header.split(), 6)[:2] == ["FY 2020-21 No of EHTP Units", "FY 2020-21 Exports (In Rs. Crore)"]
    # a header in title case whose capitals do not part it as the cells ask gives no columns
    assert time_columns((f"{YEARS} " + "Number Of Beneficiaries Fund Released " * 3).split(), 6) is None


def test_a_group_typed_otherwise_under_a_later_time_is_the_same_group():
    """2297128: "Children Foodgrains distributed (in MTs)" under 2023-24 and "Children Food grains
    distributed (in MTs)" under the next two years were no group repeated, so the header's three years
    headed no columns and its cells lost them. Groups are compared whatever their spacing and case; a
    unit's column opens at the capital of its name, not at the word before the bracket."""
    header = ("2023-24 2024-25 2025-26 Children Foodgrains distributed (in MTs) Children Food grains distributed "
              "(in MTs) Children Food Grains distributed (in MTs)")
    assert time_columns(header.split(), 6) == [
        "2023-24 Children", "2023-24 Foodgrains distributed (in MTs)", "2024-25 Children",
        "2024-25 Foodgrains distributed (in MTs)", "2025-26 Children", "2025-26 Foodgrains distributed (in MTs)"]
    # other words under a later time are no repeated group
    assert time_columns("2023-24 2024-25 Children Foodgrains Children Meals".split(), 4) is None
