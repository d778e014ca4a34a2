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
