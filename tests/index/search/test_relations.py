"""How a sentence's figures stand to each other (index/search/relations.py), on small hand-built cases."""
import datetime as dt

from index.search.relations import (changed_from, one_day_words, running_total_words, serial_numbers,
                                    times_in_order, wholes)

from tests.index.conftest import _passage


def _texts(p, indices):
    return sorted(p.figures[j].text for j in indices)


def _all(p):
    return list(range(len(p.figures)))


def test_a_value_changed_from_one_figure_to_the_next():
    p = _passage("Urban LFPR declined from 50.7% to 50.4%, and 480 government and 208 private labs test.")
    assert [(p.figures[j].text, p.figures[k].text) for j, k in changed_from(p.text, p.figures, _all(p))] == [
        ("50.7%", "50.4%")]
    hindi = _passage("देरी को 640 दिनों से कम करके 108 दिनों पर ले आया गया है।", lang="hi")
    assert len(changed_from(hindi.text, hindi.figures, _all(hindi))) == 1
    # a few words between "to" and the value it was changed to
    p = _passage("The installed capacity has grown from 375 MW in 2020 to current capacity of about 1575 MW.")
    asked = [j for j, f in enumerate(p.figures) if f.kind == "quantity"]  # as `answering_figure` gives them
    assert [(p.figures[j].text, p.figures[k].text) for j, k in changed_from(p.text, p.figures, asked)] == [
        ("375 MW", "1575 MW")]
    # ... but not a number among them: "to 2 more states, 1575 MW" is no change of the 375
    p = _passage("It rose from 375 MW to 2 states and then 1575 MW elsewhere.")
    assert ("375 MW", "1575 MW") not in [(p.figures[j].text, p.figures[k].text)
                                         for j, k in changed_from(p.text, p.figures, _all(p))]


def test_a_whole_and_a_part_taken_from_it():
    for text, whole in (("Out of 5,86,944 villages 5,63,809 villages are covered.", "5,86,944"),
                        ("5,63,809 out of 5,86,944 villages are covered.", "5,86,944"),
                        ("199 units were approved, out of which 124 units have been completed.", "199"),
                        ("IGST is ₹ 48,503 crore (including ₹ 20,745 crore collected on imports).", "₹ 48,503 crore")):
        p = _passage(text)
        assert _texts(p, wholes(p.text, p.figures, _all(p))) == [whole], text
    p = _passage("13 teams in Gujarat including 2 kept as reserve.")
    assert not wholes(p.text, p.figures, _all(p))
    # by its value, the sum of the figures right before or after it
    p = _passage("देश में 472 सरकारी और 204 निजी प्रयोगशालाओं (कुल 676 प्रयोगशालाएं) के साथ जांच क्षमता बढ़ी है।", lang="hi")
    assert _texts(p, wholes(p.text, p.figures, _all(p))) == ["676"]
    p = _passage("The total project cost was 11,90,400, comprising a loan of 7,67,800 and a subsidy of 4,22,600.")
    assert _texts(p, wholes(p.text, p.figures, _all(p))) == ["11,90,400"]
    p = _passage("Of 120 cases, 45 were closed, 30 were pending and 12 were withdrawn.")  # 45 + 30 + 12 is no 120
    assert not wholes(p.text, p.figures, _all(p))


def test_serial_numbers_are_a_run_of_three_one_apart_at_a_regular_stride():
    p = _passage("1 Alappuzha 138 2 Ernakulam 221 3 Idukki 62")
    assert _texts(p, serial_numbers(p.figures, _all(p))) == ["1", "2", "3"]
    p = _passage("Participants who completed 2 Modules are 4620 and those who completed all 3 Modules are 552.")
    assert not serial_numbers(p.figures, _all(p))


def test_serial_numbers_run_on_past_a_row_short_of_a_cell():
    """"3 Goa - 4 ...": a row whose cell is a dash holds one figure fewer; the run goes on past it, and
    the longer run after it does not leave the first rows' serials to be read as cells."""
    p = _passage("1 Assam 6 2 Bihar 2 3 Goa - 4 Kerala 4 5 Odisha 31 6 Punjab 9 7 Sikkim 3")
    assert _texts(p, serial_numbers(p.figures, _all(p))) == ["1", "2", "3", "4", "5", "6", "7"]
    p = _passage("1 Assam 6 2 Bihar - 4 Kerala 4")  # no run of three before the gap: no serials
    assert not serial_numbers(p.figures, _all(p))


def test_the_time_a_figure_stands_for_by_its_place():
    p = _passage("Year 2024-25 2025-26 Total share 63252.86 65890.50")
    assert {p.figures[j].text: p.figures[t].text for j, t in times_in_order(p.text, p.figures, _all(p)).items()} == {
        "63252.86": "2024-25", "65890.50": "2025-26"}
    p = _passage("The shelf grew by 550 m in 2017, 1470 m in 2018 and 2200 m in 2019.")
    assert {p.figures[j].text: p.figures[t].text for j, t in times_in_order(p.text, p.figures, _all(p)).items()} == {
        "550 m": "2017", "1470 m": "2018", "2200 m": "2019"}
    # a figure at each end, the clauses breaking after a figure only: each time opens its figure's clause
    p = _passage("महिला नामांकन को मौजूदा 8 प्रतिशत से वर्ष 2018-19 में बढ़ाकर 14 प्रतिशत, 2019-20 में 17 प्रतिशत और "
                 "2020-21 में 20 प्रतिशत करने का फैसला लिया है।", lang="hi")
    assert {p.figures[j].text: p.figures[t].text for j, t in times_in_order(p.text, p.figures, _all(p)).items()} == {
        "14 प्रतिशत": "2018-19", "17 प्रतिशत": "2019-20", "20 प्रतिशत": "2020-21"}
    # a time at each end: the side of the shorter gaps, not the side the run begins, pairs them
    p = _passage("Its Statistics 2025-2026 report has documented a steady increase in women's participation, "
                 "from 13% in 2000–01 to 18.6% in 2020–21 and further to 29% in 2023-24.")
    assert {p.figures[j].text: p.figures[t].text for j, t in times_in_order(p.text, p.figures, _all(p)).items()} == {
        "13%": "2000–01", "18.6%": "2020–21", "29%": "2023-24"}
    # and a figure at each end
    p = _passage("Operational airports rose from 9 in 2014 to 17 in 2026, a rise of 78 per cent.")
    assert {p.figures[j].text: p.figures[t].text for j, t in times_in_order(p.text, p.figures, _all(p)).items()} == {
        "9": "2014", "17": "2026"}
    # a span's two ends, its times before or right after it
    p = _passage("Between 2014 and 2025, ITIs increased from 9,977 to 14,688; enrolment from 9.5 lakh to 14.7 lakh.")
    assert {p.figures[j].text: p.figures[t].text for j, t in times_in_order(p.text, p.figures, _all(p)).items()} == {
        "9,977": "2014", "14,688": "2025", "9.5 lakh": "2014", "14.7 lakh": "2025"}
    p = _passage("LPG consumers increased from 14.51 crore to 33.18 crore from 2014 to 2026.")
    assert {p.figures[j].text: p.figures[t].text for j, t in times_in_order(p.text, p.figures, _all(p)).items()} == {
        "14.51 crore": "2014", "33.18 crore": "2026"}




def test_a_days_figure_and_a_running_total():
    text = "Cumulatively, 38,37,207 samples have been tested so far, whereas, 1,00,180 samples were tested yesterday."
    assert one_day_words(text, 0, 55) == -1
    assert one_day_words(text, 60, len(text)) == 1
    hindi = "अभी तक कुल 41,03,233 नमूनों की जांच की चुकी है, जबकि कल 1,37,158 नमूनों की जांच की गई।"
    cut = hindi.index(", जबकि")
    assert one_day_words(hindi, 0, cut) != 1 and one_day_words(hindi, cut, len(hindi)) == 1
    assert one_day_words("कलपक्कम में 500 मेगावाट", 0, 20) == 0  # a word that begins with कल is no yesterday


def test_each_periods_figure_and_a_running_total():
    text = "receiving around 500 training slots every year, while approximately 5,600 Mauritians have been trained since 2007"
    cut = text.index(", while")
    assert running_total_words(text, 0, cut) == -1
    assert running_total_words(text, cut, len(text)) == 1
    assert running_total_words("कुल 1,200 केंद्र अब तक खोले गए", 0, 30) == 1
    assert running_total_words("12 new centres opened", 0, 21) == 0
