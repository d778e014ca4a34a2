"""A number that counts a part of a whole is labelled with what the whole counts
(index/figures/parts.py); on hand-built sentences."""
from index.figures import extract_figures


def labels(text):
    return [(f.text, f.label) for f in extract_figures(text)]


def test_a_part_before_its_whole_counts_what_the_whole_does():
    assert labels("Women also secured 37 of the 50 Gold Medals.") == [("37", "Gold Medals"), ("50", "Gold Medals")]
    assert labels("It indigenised 159 out of 175 ammunition variants.")[0] == ("159", "ammunition variants")
    assert labels("It runs in 728 out of a total of 787 districts.")[0] == ("728", "districts")
    assert labels("3 of 4 persons infected are men.")[0] == ("3", "persons")


def test_hindi_writes_the_whole_first():
    assert labels("महिलाओं ने 50 में से 37 पदक जीते।") == [("50", "पदक"), ("37", "पदक")]


def test_a_label_of_its_own_and_other_kinds_stay():
    assert labels("It won 02 games out of 23 games played.") == [("02", "games"), ("23", "games")]
    assert labels("The Customs Act, 1962 (52 of 1962)")[1] == ("52", None)
    assert labels("Rs 5 crore of the Rs 10 crore fund was spent.")[0] == ("Rs 5 crore", None)


def test_a_hindi_part_from_a_place_lends_the_whole_no_label():
    # "30 of the 58 are from Kurnool district": Kurnool is where they are, not what 58 counts
    assert labels("58 में से 30 कुरनूल जिले से हैं।") == [("58", None), ("30", "कुरनूल")]
