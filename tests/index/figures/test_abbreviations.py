"""A unit a release writes out once beside its abbreviation (index/figures/abbreviations.py): "MT" is a
million tonnes where the release says so, a tonne where it says that or says nothing."""
from decimal import Decimal

from index.figures import FigureExtractor
from index.figures.abbreviations import tonnes_per_mt

EXTRACT = FigureExtractor()
COAL = ("India has about 4,00,715 million tonnes (MT) of coal reserves and is the world's second-largest coal "
        "producer. India produced 1,047.52 MT of coal in FY2024-25 and 1,040.08 MT in FY2025-26.")


def _tonnes(text: str, before: str = "") -> dict[str, Decimal]:
    return {f.text: f.value for f in EXTRACT.run(text, before=before) if f.unit == "tonne"}


def test_a_release_that_writes_million_tonnes_mt_means_a_million_tonnes_by_every_mt():
    got = _tonnes(COAL)
    assert got["1,047.52 MT"] == Decimal("1047520000")
    assert got["1,040.08 MT"] == Decimal("1040080000")
    assert got["4,00,715 million tonnes"] == Decimal("400715000000")  # the definition itself, as written


def test_the_definition_may_stand_in_an_earlier_passage():
    assert _tonnes("Coal imports fell to 45.4 MT in FY2025-26.", before=COAL)["45.4 MT"] == Decimal("45400000")
    text = COAL + " Coal imports fell to 45.4 MT in FY2025-26."
    start = text.index("Coal imports")
    passages = EXTRACT.run_passages(text, [(0, start), (start, len(text))])
    assert [f.value for f in passages[1] if f.unit == "tonne"] == [Decimal("45400000")]


def test_mt_stays_a_tonne_where_the_release_says_metric_tonnes_or_nothing():
    assert _tonnes("Production of makhana was 63,910 Metric Tonnes (MT), with 2.03 MT per hectare.")["2.03 MT"] == Decimal("2.03")
    assert _tonnes("One godown of 1,500 MT capacity has been built.")["1,500 MT"] == Decimal(1500)
    assert tonnes_per_mt("a target of 100 Million Tons Per Annum (MTPA)") == 1  # "MTPA" is not "MT"


def test_a_release_that_defines_mt_two_ways_keeps_it_a_tonne():
    assert tonnes_per_mt("18 million tonnes (MT) of coal; 500 metric tonnes (MT) of areca nut") == 1
    assert tonnes_per_mt("Machine Translation (MT) and 5 lakh tonnes (MT)") == 10**5
    assert tonnes_per_mt("no definition, 5 MT") == 1
