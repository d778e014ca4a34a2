"""A line of label–value pairs: each value's label stands before it (index/figures/pairs.py)."""
from index.figures import extract_figures


def labels(text):
    return [(f.text, f.label) for f in extract_figures(text)]


def test_a_line_of_pairs_labels_each_value_by_the_words_before_it():
    text = ("The details of transactions through Railone app as on 02.08.2026 are as under: -\n"
            "Daily Average tickets 10 lakhs Reserved tickets 2.79 lakhs Unreserved tickets 7.24 lakhs "
            "Downloads 4.76 crores\nThe National Train Enquiry System (NTES), implemented in the year 2000")
    assert labels(text)[1:5] == [("10 lakhs", "Daily Average tickets"), ("2.79 lakhs", "Reserved tickets"),
                                 ("7.24 lakhs", "Unreserved tickets"), ("4.76 crores", "Downloads")]


def test_hindi_pairs():
    assert labels("दैनिक औसत टिकट 10 लाख आरक्षित टिकट 2.79 लाख अनारक्षित टिकट 7.24 लाख") == [
        ("10 लाख", "दैनिक औसत टिकट"), ("2.79 लाख", "आरक्षित टिकट"), ("7.24 लाख", "अनारक्षित टिकट")]


def test_prose_and_short_lines_keep_the_words_after_a_number():
    # function words between the numbers, a full stop at the end, or fewer than three pairs: prose
    assert labels("Sales grew 10 units and exports 5 units and imports 3 units") == [
        ("10", "units"), ("5", "units"), ("3", "units")]
    assert labels("Enrolled 10 students Passed 8 students Failed 2 students.")[0] == ("10", "students")
    assert labels("Reserved tickets 2.79 lakhs Unreserved tickets 7.24 lakhs")[0] == ("2.79 lakhs", "Unreserved tickets")


def test_a_line_of_pairs_under_a_header_and_a_lone_stop():
    """A table of one column flattened: its header opens the line, a stop stands alone after the
    last value, and "Total" labels the sum."""
    text = "City Average Daily rides Delhi- NCR 5574 Gujarat 3817 Lucknow 324 Pune 632 Total 10,347 ."
    assert labels(text) == [("5574", "Delhi- NCR"), ("3817", "Gujarat"), ("324", "Lucknow"), ("632", "Pune"),
                            ("10,347", "Total")]
    # as many capitalised words as the longest other label: the header's are not the first row's
    text = "Name of District No. of JAKs Bankura Bankura-I 12 Birbhum Bolpur 9 Nadia Krishnanagar 7"
    assert labels(text)[0] == ("12", "Bankura Bankura-I")


def test_a_places_name_joined_by_an_ampersand_and_its_kind_in_brackets_is_a_pairs_label():
    text = ("Name of State / U.T. Number of monuments under encroachment Andhra Pradesh 01 Assam 12 "
            "Daman & Diu (U.T.) 01 Jammu & Kashmir (U.T.) 12 Karnataka 60 N.C.T. Delhi (U.T.) 14 TOTAL 100")
    assert labels(text) == [("01", "Andhra Pradesh"), ("12", "Assam"), ("01", "Daman & Diu (U.T.)"),
                            ("12", "Jammu & Kashmir (U.T.)"), ("60", "Karnataka"), ("14", "N.C.T. Delhi (U.T.)"),
                            ("100", "TOTAL")]


def test_a_table_of_places_in_capitals_under_a_dated_header_is_pairs():
    """2298098 (EEZ access passes): states in capitals, a header with its dates, a place's own "AND",
    a state's count that reads as a year, and the total; before, "ODISHA 887 MAHARASHTRA" read as a
    unit's name ("4 ASSAM RIFLES"), so 887 was no figure, and each count took the next state's name."""
    line = ("Sr. No. Coastal States/UTs Access Passes issued under EEZ Rules, 2025 (as on 5 th August, 2026) "
            "KARNATAKA 2563 GUJARAT 2524 ANDHRA PRADESH 1952 ODISHA 887 GOA 87 ANDAMAN AND NICOBAR 52 "
            "Grand Total 8065")
    labels = {f.text: (f.kind, f.label) for f in extract_figures(line) if f.kind not in ("date", "year")}
    assert labels["2563"] == ("count", "KARNATAKA") and labels["2524"] == ("count", "GUJARAT")
    assert labels["1952"] == ("count", "ANDHRA PRADESH") and labels["887"] == ("count", "ODISHA")
    assert labels["87"] == ("count", "GOA") and labels["52"] == ("count", "ANDAMAN AND NICOBAR")
    assert labels["8065"] == ("count", "Grand Total")
    # a total standing last with no label of its own
    labels = {f.text: f.label for f in extract_figures(
        "Sl. No. Country Number of Antiquities (Till June 2026) Australia 51 Netherlands 01 UK 21 USA 589 662")}
    assert labels["51"] == "Australia" and labels["21"] == "UK" and labels["589"] == "USA" and labels["662"] is None
    # a unit's name in capitals after a number is still no figure's row
    assert [f.text for f in extract_figures("The 9 PARA 11 PARA units marched.")] == ["9"]
