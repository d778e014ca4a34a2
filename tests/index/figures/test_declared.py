"""A table's declared unit (index/figures/declared.py) and what is no declaration, on hand-built
tables shaped like PIB's."""
from decimal import Decimal

from index.figures import FigureExtractor


def _values(text: str) -> dict[str, tuple]:
    return {f.text: (f.value, f.unit, f.kind) for f in FigureExtractor().run(text)}


def test_a_capital_letter_in_brackets_that_labels_a_row_is_no_unit():
    """A wholesale price table letters its groups "(L). Manufacture of ..." : "(M)." is the group after
    (L), not metres for the weights and indices after it."""
    table = ("Groups/Major Groups Weight Jun-26 Jul-26 III. MANUFACTURED PRODUCTS 63.12837 107.8 108.4 "
             "(L). Manufacture of Rubber and Plastic Products 2.71467 106.2 106.3 "
             "(M). Manufacture of Other Non-Metallic Mineral Products 2.84074 99.6 99.9 "
             "(N). Manufacture of Basic Metals 8.41133 103.1 102.2")
    got = _values(table)
    assert got["2.84074"][1:] == (None, "count") and got["102.2"][1:] == (None, "count")
    rows = _values("Group Weight Index\n(M) Manufacture of Furniture 0.82618 105.5\n"
                   "(N) Other Manufacturing 2.03798 157.0\n(O) Electricity 4.46349 92.4")
    assert rows["0.82618"][1:] == (None, "count")


def test_a_unit_in_brackets_of_one_letter_still_declares_it():
    got = _values("District Distance Storm surge\n(m)\nThane 12 1.5 Raigad 20 2.0 Palghar 31 0.5")
    assert got["1.5"] == (Decimal("1.5"), "m", "quantity")
    got = _values("District Height (M) Width (M) Thane 12 1.5 Raigad 20 2.0 Palghar 31 0.5")
    assert got["1.5"][1] == "m"


def test_a_number_of_the_things_written_after_it_is_no_amount_of_the_tables_unit():
    """2298080: "Scheme / Programme FY 2023-24 FR (₹ crore) Ben. ...": each year gives funds and
    beneficiaries, the beneficiaries with their noun, and 17,557 students were ₹17,557 crore."""
    got = _values("The funds released are as under:\nSl. No. Scheme / Programme FY 2023-24 FR (₹ crore) Ben. "
                  "FY 2024-25 FR (₹ crore) Ben. 1 Pre-Matric Scholarship 3.62 17,557 students 0.6 19,178 students "
                  "2 Post-Matric Scholarship 20.00 25,216 students 25.00 28,273 students 3 PM-JANMAN Van Dhan Kendras 37 VDVKs 2.00 8 VDVKs")
    assert got["17,557"] == (Decimal(17557), None, "count")
    assert got["37"] == (Decimal(37), None, "count")
    assert got["3.62"] == (Decimal("36200000.00"), "INR", "money")
    assert got["25.00"][1:] == ("INR", "money")
