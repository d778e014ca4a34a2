"""Names across scripts and the answerability check, on small hand-built cases."""
import datetime as dt

import pytest

from corpus import Release
from index.answerable import (AREA_SAID, AnswerabilityCheck, NoAnswer, asked_unit, asks_area, comparison_base, said_time,
                              time_fits)
from index.figures import FigureExtractor
from index.figures.figure import TIME_KINDS
from index.names import NameIndex, acronym_letters, find_known, question_names, skeleton
from index.records import Passage
from index.timeq import read_time

TODAY = dt.date(2026, 8, 20)


def test_a_name_has_one_skeleton_in_both_scripts():
    for latin, deva in [("Kerala", "केरल"), ("GeM", "जेम"), ("Chennai", "चेन्नई"), ("Trump", "ट्रंप"),
                        ("Guardian", "गार्डियन"), ("Jeevan", "जीवन"), ("Centre", "सेंटर")]:
        assert skeleton(latin) == skeleton(deva), (latin, deva)
    assert skeleton("Kerala") != skeleton("Karnataka")


def test_acronyms_are_read_in_either_script():
    assert acronym_letters("पीएमएवाई-जी") == acronym_letters("PMAY-G") == "PMAYG"
    assert acronym_letters("जीएसटी") == acronym_letters("GST") == "GST"
    assert acronym_letters("एमक्यू-9बी") == acronym_letters("MQ-9B") == "MQ9B"
    assert acronym_letters("केरल") is None and acronym_letters("के") is None  # words, one letter name
    assert acronym_letters("Kerala") is None


def test_places_are_found_by_any_spelling_longest_first():
    assert find_known("उत्तर प्रदेश और Jammu and Kashmir में") == {
        "known:Uttar Pradesh": "उत्तर प्रदेश", "known:Jammu and Kashmir": "Jammu and Kashmir"}
    assert find_known("Kashmiri shawls") == {}  # whole words only


def test_question_names_leave_out_generic_capitalised_words():
    names = {n.text: n.kind for n in question_names(
        "How many sellers in Madhya Pradesh completed their profile on the Government's GeM, says Piyush Goyal?")}
    assert names == {"Madhya Pradesh": "known", "GeM": "acronym", "Piyush": "name", "Goyal": "name"}
    assert {n.text for n in question_names("2011 में सीबीएसई कक्षा 10 की परीक्षा में केरल के कितने छात्र बैठे?")} == {
        "केरल", "सीबीएसई"}


def test_a_number_written_as_a_word_is_no_name():
    """"the Index of Eight Core Industries": the release says "Index of Core Industries" or "8 core industries"."""
    names = {n.text for n in question_names("What was cement growth in July 2026 per the Index of Eight Core Industries?")}
    assert "Eight" not in names and {"Core", "Industries"} <= names


def test_jan_before_a_name_is_no_month():
    assert [n.text for n in question_names("How many Jan Dhan accounts were opened by May 2020?")] == ["Jan", "Dhan"]
    assert question_names("How many cases were reported in Jan 2020?") == []


def test_a_name_and_its_number_written_apart_hold_the_name_joined():
    """"Day-1" in a question, "Day 1" in the release; "Day 5" is not Day-1."""
    day1, tier2 = question_names("What share of Day-1 forecasts in Tier-2 cities were correct?")
    assert NameIndex("improving from 66.36% on Day 1 to 80.18% on Day 5").holds(day1)
    assert not NameIndex("80.18% on Day 5").holds(day1)
    assert NameIndex("in Tier 2 cities").holds(tier2) and not NameIndex("in Tier 3 cities").holds(tier2)


def test_a_hindi_text_holds_the_names_of_an_english_question():
    text = NameIndex("पीएमएवाई-जी के तहत मध्य प्रदेश में जेम पर कोविड-19 और जीएसटी")
    held = {n.text: text.holds(n) for n in question_names(
        "How many PMAY-G houses in Madhya Pradesh were bought on GeM during COVID-19, and the GST on them?")}
    assert held == {"Madhya Pradesh": True, "PMAY-G": True, "GeM": True, "COVID-19": True, "GST": True}
    assert not any(text.holds(n) for n in question_names("How many PMAY-U houses in Kerala?"))
    kisan = NameIndex("पीएम-किसान के तहत किसानों के खातों में राशि भेजी गई")
    assert kisan.holds(question_names("How much was sent under PM-KISAN?")[0])
    assert not kisan.holds(question_names("How much was sent under PM-KUSUM?")[0])
    plural = NameIndex("About 9.70 lakh ASHAs and SHGs of the CSIR-CMERI")
    assert all(plural.holds(n) for n in question_names("How many ASHA workers, SHG members and CSIR institutes?"))


def test_asked_unit():
    assert asked_unit("How many tonnes of cargo were carried?") == "tonne"
    assert asked_unit("कितने हेक्टेयर भूमि सिंचित हुई?") == "hectare"
    assert asked_unit("INS सुदर्शिनी अब तक कितने समुद्री मील तय कर चुकी है?") == "nautical mile"  # not knots
    # a span asked right after the interrogative tells its figures apart, and is no unit a release must hold
    assert asked_unit("हॉस्टल कितने साल से चल रहा है?") is None
    assert asked_unit("हॉस्टल कितने साल से चल रहा है?", spans=True) == "year"
    assert asked_unit("How many days was the exercise?", spans=True) == "day"
    assert asked_unit("How many people were tested in 21 days?", spans=True) is None
    assert asked_unit("In how many years?", spans=True) == "year" and asked_unit("How much in years?", spans=True) is None
    # ग्राम before पंचायत is the village, not the gram
    assert asked_unit("पश्चिम बंगाल में कितने ग्राम पंचायत भवन बनकर तैयार हो चुके हैं?") is None
    assert asked_unit("कितने ग्राम न्यायालय काम कर रहे हैं?") is None
    assert asked_unit("कितने ग्राम सोना जब्त किया गया?") == "g"
    assert asked_unit("कितने ग्राम सड़क बनी?") is None
    assert asked_unit("कितने ग्राम सोना जब्त किया गया?") == "g"
    assert asked_unit("How many kilometres of highway?") == "km"
    assert asked_unit("How many days did it take?") is None  # a duration, not a unit of the figure asked
    assert asked_unit("How many sellers?") is None
    # a scale word between the interrogative and the unit, and an abbreviation in its own case
    assert asked_unit("How many lakh hectares were sown under rice?") == "hectare"
    assert asked_unit("How many million tonnes of coal were produced?") == "tonne"
    assert asked_unit("How many MW of solar capacity was added?") == "MW"
    assert asked_unit("How many GW is installed?") == "GW"
    assert asked_unit("how many mu did the pump use?") is None  # "mu" is not MU


def _release(text: str, date: str, lang: str = "en", title: str = "") -> Release:
    return Release(release_id="1", lang=lang, title=title, text=text, date=date)


def _passage(text: str, lang: str = "en") -> Passage:
    return Passage(release_id="1", lang=lang, start=0, end=len(text), text=text, figures=FigureExtractor().run(text))


def _check(question: str, text: str, date: str, lang: str = "en", title: str = ""):
    p = _passage(text, lang)
    return AnswerabilityCheck().run(question, read_time(question, TODAY).window, p, [_release(text, date, lang, title)],
                                    p.figures)


GST = "Gross GST revenue collected in the month of February 2020 is Rs 1,05,366 crore."


def test_the_release_of_the_asked_month_answers():
    assert _check("What was the GST revenue in February 2020?", GST, "2020-03-01").answerable


def test_a_release_of_another_month_does_not():
    verdict = _check("What was the GST revenue in January 2020?", GST, "2020-03-01")
    assert not verdict.answerable and verdict.other_time
    assert "another time" in verdict.reason


def test_the_bulletin_of_the_asked_day_answers_though_it_states_other_days():
    text = "Since 2 May, 29,000 tonnes of food grain have been sent to Manipur."
    assert _check("How much food grain had been sent to Manipur as on 3 May 2020?", text, "2020-05-03").answerable
    assert not _check("How much food grain had been sent to Manipur as on 9 May 2020?", text, "2020-05-03").answerable


def test_two_dates_joined_by_to_are_one_span():
    text = "During the last 12 days, from 23rd March to 3rd April 2020, Railways loaded 2,50,020 wagons of coal."
    assert _check("How many wagons of coal did the Railways load on 31 March 2020?", text, "2020-04-04").answerable
    assert not _check("How many wagons of coal did the Railways load on 20 March 2020?", text, "2020-04-04").answerable


def test_a_month_stated_says_nothing_of_the_day_asked():
    text = ("The retail price of sugar rose from Rs 48.18 per kg on 20 July 2026 to Rs 55.70 per kg on "
            "20 August 2026, against Rs 44 in June 2026.")
    assert not _check("What was the retail price of sugar per kg on 20 June 2026?", text, "2026-08-12").answerable


def test_a_release_of_the_month_after_reports_on_the_month_it_names():
    verdict = _check("What was the GST revenue in March 2020?", GST, "2020-03-01")
    assert not verdict.answerable and verdict.other_time
    # The days a release names are of other events: taking charge on 1 June, a predecessor retired on 31 May.
    text = "Shri R K Chaturvedi has taken charge as Secretary. He succeeds Shri P Raghavendra Rao, who retired on 31 May 2020."
    assert _check("Who took charge as Secretary in June 2020?", text, "2020-06-01").answerable


def test_a_question_that_dates_the_release_itself_is_answered_by_its_date():
    assert _check("What was the GST revenue according to the March 2020 release?", GST, "2020-03-01").answerable
    assert not _check("What was the GST revenue according to the May 2020 release?", GST, "2020-03-01").answerable


def test_a_time_the_question_runs_on_from_is_not_required():
    text = "EPFO updated the KYC of 52.62 lakh subscribers in May 2020."
    assert _check("For how many EPFO subscribers was KYC updated since April 2020?", text, "2020-06-03").answerable
    assert _check("अप्रैल 2020 से कितने ईपीएफओ सदस्यों का केवाईसी अपडेट हुआ?", text, "2020-06-03").answerable
    assert not _check("For how many EPFO subscribers was KYC updated in April 2020?", text, "2020-06-03").answerable


def test_another_year():
    verdict = _check("What was the GST revenue in February 2018?", GST, "2020-03-01")
    assert not verdict.answerable
    # the reply says which time the release it would have answered from is of
    assert verdict.reason == "the closest release is about another time than the question's " \
                             "(it states February 2020)"


def test_a_refusal_names_what_puts_the_release_at_another_time():
    # The February collection, announced on 1 March: its date is in the month asked, the month it states is not.
    verdict = _check("What was the GST revenue in March 2020?", GST, "2020-03-01")
    assert verdict.reason == "the closest release is about another time than the question's (it states February 2020)"
    assert verdict.no_answer() == NoAnswer("other_time", stated="2020-02")
    # Stating no date of its own, a month's release is told by the day it was published.
    verdict = _check("How many PPE kits were distributed in May 2020?",
                     "The Ministry has distributed 2 lakh PPE kits to the States.", "2020-06-20")
    assert verdict.reason == ("the closest release is about another time than the question's "
                              "(it was published on 20 June 2020)")
    assert verdict.no_answer() == NoAnswer("other_time", published="2020-06-20")
    # A bulletin names other days than its own: for a day, its date is what says so.
    verdict = _check("How much food grain had been sent to Manipur as on 9 May 2020?",
                     "Since 2 May, 29,000 tonnes of food grain have been sent to Manipur.", "2020-05-03")
    assert verdict.no_answer() == NoAnswer("other_time", published="2020-05-03")
    # The figures' own sentences date them: the time they state is named.
    verdict = _check_release("What was India's fish production in 2019-20?", [FISH], "2026-08-11")
    assert verdict.reason == ("the closest release is about another time than the question's "
                              "(it states 2022-23)")
    assert verdict.no_answer() == NoAnswer("other_time", stated="2022-04-01/2023-03-31")


def test_a_table_column_of_the_asked_time_states_it():
    """The February 2020 release's state table under "Feb-19 Feb-20", windowed apart from its header:
    a row's cells are of both months, whatever month the title and the prose are about."""
    head = ("Gross GST revenue collected in the month of February 2020 is Rs 1,05,366 crore.\n"
            "State-wise growth of GST Revenues during February 2020\n(₹ crore)\nState\nFeb-19\nFeb-20\nGrowth\n"
            "Punjab\n1,100\n1,229\n12%\nChandigarh\n147\n172\n18%\nUttarakhand\n1,237\n1,281\n4%\n")
    row = "Haryana\n4,873\n5,266\n8%"
    p = Passage(release_id="1", lang="en", start=len(head), end=len(head) + len(row), text=row,
                figures=FigureExtractor().run(row, before=head))
    release = _release(head + row, "2020-03-01", title="GST Revenue collection for February, 2020")

    def check(question):
        return AnswerabilityCheck().run(question, read_time(question, TODAY).window, p, [release], p.figures)

    assert check("Haryana's GST revenue in February 2019?").answerable
    assert check("What was Haryana's GST revenue in February 2020?").answerable
    assert check("Haryana's GST revenue in January 2019?").no_answer() == NoAnswer("other_time", stated="2020-02")


def test_a_stated_time_in_words():
    assert [said_time(t) for t in ("2020-02", "2020-02-29", "2020", "2022-04-01/2023-03-31", "2020-06-01/2021-05-31")] == [
        "February 2020", "29 February 2020", "2020", "2022-23", "1 June 2020 to 31 May 2021"]


def test_no_stated_date_falls_back_on_the_release_date():
    text = "The Ministry has distributed 2 lakh PPE kits to the States."
    window = read_time("How many PPE kits were distributed in May 2020?", TODAY).window
    assert time_fits(window, "2020-06-04", _passage(text).figures) is True
    assert time_fits(window, "2020-06-20", _passage(text).figures) is False
    assert time_fits(window, None, _passage(text).figures) is None
    # A day's figures may be posted days later (a weekly report "as on" a day): the release date
    # alone does not rule it out.
    day = read_time("How many PPE kits had been distributed as on 3 June 2020?", TODAY).window
    assert time_fits(day, "2020-06-07", _passage(text).figures) is None


def test_a_release_posted_before_the_day_asked_is_of_another_time_unless_it_names_the_day():
    text = "The total number of confirmed cases is now 39,980. An increase of 2644 has been noted since yesterday."
    day = read_time("How many confirmed cases were there as on 3 May 2021?", TODAY).window
    assert time_fits(day, "2020-05-03", _passage(text).figures, text=text) is False
    assert time_fits(day, "2021-05-03", _passage(text).figures, text=text) is True
    announced = "200 special trains will run from 3 May 2021, the Railways said."  # posted before, naming the day
    assert time_fits(day, "2021-05-01", _passage(announced).figures, text=announced) is True


def test_the_time_a_figure_is_compared_with_is_not_the_figure_s_time():
    text = ("During this month, the GST on import of goods has shown a negative growth of (-) 2% as compared to "
            "February, 2019. The table shows the state-wise figures of GST collected in each State.")
    assert _check_figures("What was the growth of GST on import of goods in February 2020?", text,
                          "2020-03-01").answerable
    verdict = _check_figures("What was the growth of GST on import of goods in February 2019?", text, "2020-03-01")
    assert not verdict.answerable and verdict.other_time  # posted after February 2020: February 2019 is not its month
    hindi = "इस महीने माल के आयात पर जीएसटी में फरवरी 2019 की तुलना में 2 प्रतिशत की कमी दिखी।"
    p = _passage(hindi, "hi")
    assert [g.text for g in p.figures if g.kind == "date" and comparison_base(hindi, g.start, g.end)] == ["फरवरी 2019"]


def test_figures_as_of_a_day_of_the_month_asked_are_of_that_month_whatever_other_months_the_passage_names():
    text = ("Under PMAY-G, 3.13 crore houses have been completed (as of August 12, 2026). As of June 2026, "
            "99.6% of habitations have been connected; roads grew from May 2000 to May 2014.")
    month = read_time("How many PMAY-G houses had been completed in August 2026?", TODAY).window
    assert time_fits(month, "2026-08-13", _passage(text).figures, text=text) is True
    hindi = "पीएमएवाई-जी के तहत 12 अगस्त 2026 तक 3.13 करोड़ घर पूरे हुए। जून 2026 में 99.6% बसावटें जुड़ीं।"
    assert time_fits(month, "2026-08-13", _passage(hindi).figures, text=hindi) is True
    # a day that is no status ("launched on 12 August 2026") does not do
    launched = "The portal was launched on August 12, 2026. As of June 2026, 3.13 crore houses were complete."
    assert time_fits(month, "2026-08-13", _passage(launched).figures, text=launched) is False


def test_a_status_as_of_a_day_of_the_month_asked_stands_however_late_it_is_posted():
    # a reply to Parliament in August giving June's status, beside a July figure of another scheme
    text = ("A total of 831 MMUs have been operationalised as on 30.06.2026 under PM JANMAN. Under DAJGUA, "
            "as of July 2026, 474 MMUs have been operationalized.")
    june = read_time("How many MMUs were operational under PM JANMAN as of June 2026?", TODAY).window
    assert time_fits(june, "2026-08-13", _passage(text).figures, text=text) is not False
    july = read_time("How many MMUs were operational under DAJGUA in July 2026?", TODAY).window
    assert time_fits(july, "2026-08-13", _passage(text).figures, text=text) is not False
    # a day after the release is a target's, not a status: "up to 31.03.2027" is not March 2027's
    target = "Houses will be completed up to 31.03.2027, as planned in June 2026."
    march = read_time("How many houses were completed in March 2027?", TODAY).window
    assert time_fits(march, "2026-08-13", _passage(target).figures, text=target) is False
    # nor is a status of another month
    may = read_time("How many MMUs were operational in May 2026?", TODAY).window
    assert time_fits(may, "2026-08-13", _passage(text).figures, text=text) is False


def test_a_missing_place_makes_it_unanswerable_in_either_script():
    hi = "मध्य प्रदेश में जेम पर 86,000 से ज्यादा विक्रेताओं ने अपनी प्रोफाइल पूरी की।"
    assert _check("How many sellers in Madhya Pradesh completed their GeM profile?", hi, "2025-10-30", "hi").answerable
    verdict = _check("How many sellers in Rajasthan completed their GeM profile?", hi, "2025-10-30", "hi")
    assert not verdict.answerable and verdict.missing_names == ("Rajasthan",)
    assert not _check("राजस्थान के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?", hi, "2025-10-30", "hi").answerable


def test_an_english_word_a_hindi_release_translates_is_not_required_of_it():
    hi = "भारतीय नौसेना के लिए दो एमक्यू-9बी सी गार्डियन ड्रोन 1,943 करोड़ रुपये में पट्टे पर।"
    assert _check("What is the value of the lease of two MQ-9B Sea Guardian drones for the Indian Navy?", hi,
                  "2026-08-01", "hi").answerable
    en = "Two MQ-9B Sea Guardian drones will be leased for the Indian Navy at Rs 1,943 crore."
    assert not _check("What is the value of the lease of two MQ-9B drones for the Indian Coast Guard?", en,
                      "2026-08-01").answerable


def test_a_figure_in_the_asked_unit_is_required():
    text = "Lifeline Udan flights carried 1,000 tonnes of medical cargo."
    assert _check("How many tonnes of medical cargo did Lifeline Udan carry?", text, "2020-05-01").answerable
    verdict = _check("How many hectares did Lifeline Udan cover?", text, "2020-05-01")
    assert not verdict.answerable and verdict.missing_unit == "hectare"


@pytest.mark.parametrize("question, text", [
    ("How many km long is the extended runway at Puducherry?",
     "The runway at Puducherry Airport has been extended to 3,400 m to handle larger aircraft."),
    ("ALMM सूची में सोलर मॉड्यूल की क्षमता कितने मेगावाट तक पहुंच गई है?",
     "Solar module capacity on the ALMM list has reached 144 GW."),
])
def test_a_figure_in_another_unit_of_the_asked_measure_holds_it(question, text):
    """2296762: a runway asked in km, stated as 3,400 m, was "no figure in km"."""
    assert _check(question, text, "2026-08-09").answerable


def test_a_unit_of_another_measure_holds_no_figure_asked():
    text = "The new line will add 76 km of track and carry 12 MTPA of freight."
    verdict = _check("How many MW will the new line draw?", text, "2026-08-09")
    assert not verdict.answerable and verdict.missing_unit == "MW"


def test_an_asked_area_needs_a_figure_in_a_unit_of_area():
    sown = "Area sown under kharif crops: rice 379.07 lakh hectare, pulses 108.14 lakh ha as on 14.08.2026."
    assert _check("What was the area sown under rice as on 14 August 2026?", sown, "2026-08-17").answerable
    assert _check("14 अगस्त 2026 तक धान की बुवाई कितने क्षेत्र में हुई थी?", sown, "2026-08-17").answerable
    mapping = "Satellite-based crop area mapping for 2 crop seasons covers Kharif rice in 10 States."
    verdict = _check("What was the area sown under rice as on 31 July 2026?", mapping, "2026-07-31")
    assert not verdict.answerable and verdict.missing_unit == AREA_SAID
    assert verdict.no_answer() == NoAnswer("not_held")
    assert not _check("धान का रकबा कितना था?", mapping, "2026-07-31").answerable
    # a region or a sector is no area asked: its count answers
    students = "13,658 OBC students in the East Godavari area got post-matric scholarships."
    assert _check("How many OBC students in the East Godavari area got post-matric scholarships?", students,
                  "2026-08-01").answerable


def test_the_words_that_ask_an_area():
    for asked in ("How much area had been sown under ragi?", "What was the groundnut sowing area?",
                  "What was the area under jowar?", "Net area irrigated?", "What is the acreage of cotton?",
                  "अरहर का बुवाई क्षेत्र कितना था?", "सोयाबीन का रकबा कितना था?", "कितने क्षेत्र में बुवाई हुई?"):
        assert asks_area(asked), asked
    for other in ("OBC students in the East Godavari area", "पूर्वोत्तर क्षेत्र में हुए आईटीएम में कितने देश?",
                  "असंगठित गैर-कृषि क्षेत्र में कितने कामगार?", "How many areas of cooperation were agreed?",
                  "How many hectares were sown?"):
        assert not asks_area(other), other


def _check_figures(question: str, text: str, date: str):
    from index.search import expected_kinds
    from index.segment import split_sentences

    p = _passage(text)
    return AnswerabilityCheck().run(question, read_time(question, TODAY).window, p, [_release(text, date)], p.figures,
                                    kinds=expected_kinds(question),
                                    sentences=[(sp.start, sp.end) for sp in split_sentences(text, "en")])


TRADE = ("Merchandise exports during July 2026 were US$ 44.24 Billion as compared to US$ 36.98 Billion in July 2025. "
         "The latest data for the services sector released by RBI is for June 2026.")


def test_a_month_whose_figures_the_passage_dates_to_other_months_is_not_answered():
    q = "What were India's merchandise exports in June 2026?"
    assert _check(q, TRADE, "2026-08-14").answerable  # the release states June 2026: the time check alone passes it
    verdict = _check_figures(q, TRADE, "2026-08-14")
    assert not verdict.answerable and verdict.other_time
    assert _check_figures("What were India's merchandise exports in July 2026?", TRADE, "2026-08-14").answerable
    # A figure whose sentence states no date may be of the asked month.
    undated = "Merchandise exports were US$ 44.24 Billion. The services data is for June 2026."
    assert _check_figures(q, undated, "2026-07-14").answerable


def test_a_forecast_of_one_month_does_not_answer_for_a_month_it_does_not_forecast():
    text = ("IMD: the rainfall over the country as a whole is likely to be 103% of its LPA during July 2020 and "
            "97% of LPA during August 2020.")
    assert _check("What was IMD's June 2020 forecast for rainfall in August 2020?", text, "2020-06-01").answerable
    verdict = _check("What was IMD's June 2020 forecast for rainfall in September 2020?", text, "2020-06-01")
    assert not verdict.answerable and verdict.other_time


def test_places_named_alone_leave_out_bare_lists_but_not_respectively_lists_or_table_rows():
    """What the passage choice counts as a passage's places (search.place_fit via places_alone)."""
    bare = ("1023 cases have been linked to Tablighi Jamaat across 17 States, which include Tamil Nadu, Delhi, "
            "Andhra Pradesh and Assam.")
    assert NameIndex(bare).alone == set()
    assert NameIndex(bare + " Delhi has set up 20 quarantine centres.").alone == {"known:Delhi"}
    hindi = "1023 मामलों का संबंध 17 राज्यों में तबलीगी जमात से है, जिनमें तमिलनाडु, दिल्ली, केरल और महाराष्ट्र शामिल हैं।"
    assert NameIndex(hindi).alone == set()
    respectively = "Kerala, Gujarat and Assam produced 10 lakh, 20 lakh and 30 lakh masks respectively."
    assert {"known:Kerala", "known:Gujarat", "known:Assam"} <= NameIndex(respectively).alone
    table = "SHGs of Bihar, Gujarat and Kerala make masks. Details:\nNo\nState\nMasks\n4\nGujarat\n10,49,319"
    assert NameIndex(table).alone == {"known:Gujarat"}


def test_the_thing_a_question_counts():
    from index.answerable import asked_measure
    from index.lexical import terms

    assert asked_measure("How many COVID-19 samples had been tested in India as of 4 April 2020?") == set(terms("samples"))
    assert asked_measure("ओडिशा में कितने गांवों को नल कनेक्शन मिला?") == set(terms("गांवों"))
    assert asked_measure("केरल में स्वयं सहायता समूहों ने कितने मास्क बनाए?") == set(terms("मास्क"))  # not the verb
    assert asked_measure("कितने मकान स्वीकृत हुए?") == set(terms("मकान"))
    # "is" follows a noun as often as a verb: the school is what is counted
    assert asked_measure("देश में कितने सरकारी स्कूल हैं?") == set(terms("सरकारी स्कूल"))
    # an English verb in the past ends the thing counted; a plural acronym is part of it
    assert asked_measure("How many international MoUs resulted from the First International Conference?") == set(terms("MoUs"))
    assert asked_measure("How many LED bulbs were distributed in Uttar Pradesh?") == set(terms("bulbs"))  # not the acronym
    # a scheme's name before the thing counted takes none of its words
    assert asked_measure("How many PM Internship Scheme interns did Nirmala Sitharaman meet?") == set(terms("Scheme interns"))
    assert asked_measure("How many farmers Madhya Pradesh got benefits?") == set(terms("farmers"))
    assert not asked_measure("By how many metres did the ice shelf extend?")  # the unit is asked_unit's
    assert not asked_measure("कितने टन मेडिकल कार्गो ढोया गया?") - set(terms("मेडिकल कार्गो"))
    for nothing in ("How much money was released?", "कितनी राशि दी गई?", "तूर का न्यूनतम समर्थन मूल्य कितना रखा गया?",
                    "How much of the Rs 15.52 crore went to Tamil Nadu?", "What was the value of India's exports?",
                    "What is the MSP of paddy for 2020-21?", "2020 में कुल राशि कितनी थी?"):
        assert asked_measure(nothing) == frozenset(), nothing


def test_the_thing_a_question_asks_for_before_its_verb():
    """"What was X ..." and "X कितना था": no "how many" names the thing, the words before the verb do."""
    from index.answerable import asked_measure
    from index.lexical import terms

    assert asked_measure("What was India's fish production in 2019-20?") == set(terms("fish production"))
    assert asked_measure("What was the GDP growth rate?") == set(terms("growth rate"))  # not the acronym
    assert asked_measure("What were Tiruppur's textile exports in 2024-25?") == set(terms("textile exports"))
    assert asked_measure("What's India's fish production in 2019-20?") == set(terms("fish production"))
    assert asked_measure("whats the textile exports of Tiruppur?") == set(terms("textile exports"))
    assert asked_measure("2018-19 में भारत का कपड़ा और परिधान निर्यात कितना था?") == set(terms("परिधान निर्यात"))
    assert asked_measure("फरवरी 2020 में महाराष्ट्र का जीएसटी संग्रह कितना रहा?") == set(terms("संग्रह"))
    # a parenthesis is not the thing asked for: "(15 वर्ष और उससे अधिक)"
    assert asked_measure("मई 2026 में बेरोजगारी दर (15 वर्ष और उससे अधिक) कितनी थी?") == set(terms("बेरोजगारी दर"))


def _check_measure(question: str, text: str, lang: str = "en"):
    from index.search import analyse, expected_kinds

    p = _passage(text, lang)
    return AnswerabilityCheck().run(question, None, p, [_release(text, "2020-04-04", lang)], p.figures,
                                    kinds=expected_kinds(question), measured=analyse(p).terms)


def test_a_release_that_states_another_measure_of_the_thing_does_not_answer():
    cases = ("The total number of confirmed COVID-19 cases in the country stands at 2,902, with 601 new cases "
             "reported since yesterday. 68 people have died.")
    assert _check_measure("How many confirmed COVID-19 cases were there in India?", cases).answerable
    verdict = _check_measure("How many COVID-19 samples had been tested in India?", cases)
    assert not verdict.answerable and verdict.missing_measure == "samples"
    gifts = "उपहारों में 576 शॉल, 964 अंग वस्त्रम, 88 पगड़ियां शामिल थीं। प्रदर्शनी में 111 कलाकारों ने भाग लिया।"
    assert _check_measure("प्रदर्शनी में कितने अंगवस्त्रम शामिल थे?", gifts, "hi").answerable  # a compound written apart
    assert not _check_measure("प्रदर्शनी में कितने दर्शक पहुंचे?", gifts, "hi").answerable
    gst = "फरवरी 2020 में जीएसटी राजस्व का संग्रह 1,05,366 करोड़ रुपये रहा। डाक टिकट का मूल्य 5 रुपये है।"
    assert _check_measure("फरवरी 2020 में जीएसटी संग्रह कितना रहा?", gst, "hi").answerable
    verdict = _check_measure("2018-19 में भारत का कपड़ा और परिधान निर्यात कितना था?", gst, "hi")
    assert not verdict.answerable and verdict.missing_measure == "परिधान निर्यात"
    # Where the answer's release is in the other language, the words cannot be compared.
    p = _passage(gifts, "hi")
    assert AnswerabilityCheck().run("How many visitors came to the exhibition?", None, p,
                                    [_release(gifts, "2020-01-03", "hi")], p.figures, kinds=frozenset({"count"}),
                                    measured=None).answerable


def test_an_acronym_the_release_writes_out_is_held():
    from index.names import spelled_out

    text = "The Central Board of Direct Taxes disposed of 1,20,345 grievances on CPGRAMS in FY 2023-24."
    cbdt, = [n for n in question_names("How many grievances did the CBDT dispose of?") if n.text == "CBDT"]
    assert spelled_out(cbdt, text)
    assert spelled_out(question_names("सीबीडीटी ने कितनी शिकायतें निपटाईं?")[0], text)
    assert spelled_out(question_names("How many orders did MSEs get?")[0], "orders to Micro and Small Enterprises")
    assert not spelled_out(cbdt, "the central board of direct taxes")  # lower case is no name
    assert not spelled_out(question_names("How many grievances did the CBIC dispose of?")[0], text)
    assert _check("How many grievances did the CBDT dispose of on CPGRAMS?", text, "2026-08-01").answerable
    assert not _check("How many grievances did the CBIC dispose of on CPGRAMS?", text, "2026-08-01").answerable


def test_an_acronym_with_small_letters_is_written_out_by_its_capitals():
    from index.names import spelled_out

    def acronym(question, text):
        return next(n for n in question_names(question) if n.text == text)

    mou = acronym("When did the IAF sign the MoU with the university?", "MoU")
    assert spelled_out(mou, "the IAF and the University signed a Memorandum of Understanding on 29 Feb 20")
    assert spelled_out(acronym("What did MoEFCC say?", "MoEFCC"), "the Ministry of Environment, Forest and Climate Change")
    assert spelled_out(acronym("What did the DoT decide?", "DoT"), "the Department of Telecommunications decided")
    assert not spelled_out(mou, "a memorandum of understanding")  # lower case is no name
    text = "The IAF and the University signed a Memorandum of Understanding on 29 February 2020."
    assert _check("When did the IAF sign the MoU with the University?", text, "2020-03-01").answerable


def _check_release(question: str, versions: list[str], date: str, title: str = "", **switches):
    """The check over a release whose versions (one passage each) are `versions`, the first the best."""
    from index.search import expected_kinds
    from index.segment import split_sentences

    passages = [_passage(text) for text in versions]
    p = passages[0]
    dated = [([f for f in q.figures if f.kind in TIME_KINDS], date) for q in passages]
    return AnswerabilityCheck().run(question, read_time(question, TODAY).window, p, [_release(versions[0], date, title=title)],
                                    p.figures, kinds=expected_kinds(question),
                                    sentences=[(sp.start, sp.end) for sp in split_sentences(p.text, "en")],
                                    dated=dated, **switches)


JAN_DHAN = "Over 2.5 crore Jan Dhan accounts have been opened in the North Eastern States so far."


def test_a_year_no_version_states_is_not_answered_when_the_release_date_cannot_tell():
    q = "How many Jan Dhan accounts were opened in 2016?"
    verdict = _check_release(q, [JAN_DHAN], "2026-08-14")
    assert not verdict.answerable and verdict.time_unstated and verdict.other_time
    assert verdict.reason == "the closest release states no date in the question's time"
    # Another passage of the release, or another version, stating the year is enough.
    assert _check_release(q, [JAN_DHAN, "In 2016, the Mission opened accounts in every district."], "2026-08-14").answerable
    assert _check_release(q, [JAN_DHAN, "During 2016-17 the Mission covered every household."], "2026-08-14").answerable
    # A release of that year is about it by its date; a day of the year stated counts too.
    assert _check_release(q, [JAN_DHAN], "2016-05-01").answerable
    assert _check_release(q, [JAN_DHAN, "The drive began on 5 March 2016."], "2026-08-14").answerable
    titled = _check_release(q, [JAN_DHAN], "2026-08-14", title="Jan Dhan accounts opened in 2016")
    assert titled.answerable and not titled.time_unstated
    # Reported whether or not it counts.
    off = _check_release(q, [JAN_DHAN], "2026-08-14", stated_time=False)
    assert off.answerable and off.time_unstated and not off.other_time


def test_a_month_or_a_day_is_judged_by_the_release_date_not_by_the_rule_for_years():
    text = "The Ministry has distributed 2 lakh PPE kits to the States."
    verdict = _check_release("How many PPE kits were distributed in May 2020?", [text], "2020-06-04")
    assert verdict.answerable and not verdict.time_unstated


def test_a_day_asked_is_stated_by_a_release_posted_after_it():
    q = "What was the area sown under cotton as on 21 August 2026?"
    cost = "In 2026-27, cotton cost Rs 6,210 per quintal to grow, and about 110 lakh hectare were sown."
    verdict = _check_release(q, [cost], "2026-08-24")  # posted three days after, the day stated nowhere
    assert not verdict.answerable and verdict.time_unstated
    assert verdict.reason == "the closest release states no date in the question's time"
    assert _check_release(q, [cost], "2026-08-21").answerable  # posted that day: "till date" is of it
    stated = "Area coverage as on 21.08.2026: cotton 110.3 lakh ha."
    assert _check_release(q, [cost, stated], "2026-08-24").answerable  # another passage states the day
    assert _check_release(q, [cost], "2026-08-24", title="Kharif sowing as on 21 August 2026").answerable
    assert _check_release(q, [cost], "2026-08-24", stated_time=False).answerable  # only when the setting counts it


FISH = ("The Blue Revolution scheme was restructured in 2019-20. India's fish production was 175.45 lakh tonnes "
        "in 2022-23.")


def test_a_year_whose_figures_the_passage_dates_to_other_years_is_not_answered():
    q = "What was India's fish production in 2019-20?"
    verdict = _check_release(q, [FISH], "2026-08-11")
    assert not verdict.answerable and verdict.figures_other_time
    assert _check_release(q, [FISH], "2026-08-11", figure_years=False).answerable  # its own setting
    assert _check_release("What was India's fish production in 2022-23?", [FISH], "2026-08-11").answerable
    # Growth states both years in one sentence: the asked one is there.
    growth = "Fish production rose from 141.64 lakh tonnes in 2018-19 to 175.45 lakh tonnes in 2022-23."
    assert _check_release("What was India's fish production in 2018-19?", [growth], "2026-08-11").answerable


def test_the_kind_of_no_answer_is_the_first_thing_against_the_release():
    from index.answerable import NoAnswer, Verdict

    assert Verdict(False, missing_names=("Rajasthan",), other_time=True).no_answer() == NoAnswer(
        "not_mentioned", names=("Rajasthan",))
    assert Verdict(False, other_time=True, released="2020-06-01").no_answer() == NoAnswer(
        "other_time", published="2020-06-01")
    # the time the release states, when that is what puts it at another time, instead of its date
    assert Verdict(False, other_time=True, released="2020-03-01", stated="2020-02").no_answer() == NoAnswer(
        "other_time", stated="2020-02")
    assert Verdict(False, missing_unit="MW").no_answer() == NoAnswer("not_held")
    # what a setting does not count is said only when asked for everything found (the no-answer model's case)
    uncounted = Verdict(True, time_fit=-1, released="2020-06-01")
    assert uncounted.no_answer().kind == "not_held" and uncounted.no_answer(counted=False).kind == "other_time"


def test_findings_are_reported_whether_or_not_a_setting_counts_them():
    from index.answerable import Verdict

    verdict = Verdict(answerable=True, time_fit=-1, unheld_measure="samples")
    assert verdict.reason is None
    assert verdict.findings() == ["the closest release is about another time than the question's",
                                  "the closest release states no figure of samples"]


def test_with_passage_names_a_place_must_stand_in_the_passage_not_only_in_the_release():
    table = "State-wise PM-RAHAT cases: Gujarat 120, Kerala 85, Assam 40."
    paid = "Hospitals have been paid Rs 10.56 crore so far under PM-RAHAT."
    release = _release(f"{paid}\n{table}", "2026-08-10", title="PM-RAHAT scheme")
    passage = Passage(release_id="1", lang="en", start=0, end=len(paid), text=paid, figures=FigureExtractor().run(paid))
    question = "How much was paid to hospitals in Gujarat under PM-RAHAT?"

    def verdict(passage_names):
        return AnswerabilityCheck().run(question, None, passage, [release], passage.figures, passage_names=passage_names)

    assert verdict(None).answerable  # the release names Gujarat
    strict = verdict(frozenset(NameIndex(paid).keys))
    assert not strict.answerable and strict.unplaced == ("Gujarat",)
    assert strict.reason == "the closest passage does not mention Gujarat"
    assert verdict(frozenset(NameIndex(paid).keys | NameIndex("Gujarat").keys)).answerable


def test_with_places_alone_a_place_named_only_in_a_bare_list_is_not_held():
    bare = ("Out of total 2902 reported, 1023 cases have been linked to Tablighi Jamaat across 17 States, "
            "which include Tamil Nadu, Delhi, Andhra Pradesh and Assam.")
    release = _release(bare, "2020-04-04", title="Updates on COVID-19")
    passage = _passage(bare)
    question = "How many Tablighi Jamaat-linked COVID-19 cases had Delhi reported?"

    def verdict(text: str, title: str = ""):
        alone = frozenset(NameIndex(text).alone | NameIndex(title).keys)
        return AnswerabilityCheck().run(question, None, passage, [release], passage.figures, places_alone=alone)

    assert AnswerabilityCheck().run(question, None, passage, [release], passage.figures).answerable  # the release names Delhi
    listed = verdict(bare)
    assert not listed.answerable and listed.listed_only == ("Delhi",)
    assert listed.reason == "the closest release names Delhi only in a list of places, with no figure of its own"
    # a figure of its own, anywhere in the release; or a release about Delhi (its title)
    assert verdict(bare + " Delhi has reported 386 of them.").answerable
    assert verdict(bare, title="COVID-19 in Delhi").answerable
    # the same in Hindi, for a question in either language
    hindi = "1023 मामलों का संबंध 17 राज्यों में तबलीगी जमात से है, जिनमें तमिलनाडु, दिल्ली, केरल और महाराष्ट्र शामिल हैं।"
    assert verdict(hindi).listed_only == ("Delhi",)
    assert verdict(hindi + " दिल्ली में 386 मामले हैं।").answerable


def _check_indicators(question: str, text: str, lang: str = "en", *, indicators: bool = True):
    p = _passage(text, lang)
    return AnswerabilityCheck().run(question, None, p, [_release(text, "2026-08-14", lang)], p.figures,
                                    indicators=indicators)


def test_an_index_asked_by_its_everyday_name_must_be_named_by_the_release():
    wpi = "All India Wholesale Price Index (WPI) inflation for July 2026 is 9.78 per cent."
    cpi = "थोक मूल्य सूचकांक नहीं; अखिल भारतीय उपभोक्ता मूल्य सूचकांक पर आधारित महंगाई दर 4.45% रही।"
    verdict = _check_indicators("What was retail inflation in July 2026?", wpi)
    assert not verdict.answerable and verdict.missing_names == ("CPI",)
    assert verdict.reason == "the closest release does not mention CPI"
    assert _check_indicators("What was wholesale inflation in July 2026?", wpi).answerable
    assert _check_indicators("खुदरा महंगाई दर कितनी थी?", cpi, "hi").answerable  # spelled out in Hindi
    assert not _check_indicators("By how much did factory output grow?", wpi).answerable
    # a question that names the index itself is checked as any acronym is (index/names.py), once
    assert _check_indicators("What was CPI inflation in July 2026?", wpi).missing_names == ("CPI",)
    assert _check_indicators("What was retail inflation in July 2026?", wpi, indicators=False).answerable


def test_a_part_of_the_population_no_version_names_is_not_answered():
    """"How many women sellers ...?" against a release that counts all sellers and never names women,
    in any version; a version in the other language naming them answers."""
    from index.answerable import asked_groups

    assert [w for w, _ in asked_groups("मध्य प्रदेश में जेम पर कितनी महिला विक्रेता पंजीकृत हैं?")] == ["महिला"]
    assert [w for w, _ in asked_groups("How many women drivers have joined?")] == ["women"]
    # girl students, girls in the nominative, in Latin letters; a hostel (छात्रावास) is no girl
    assert [w for w, _ in asked_groups("2023-24 में कितनी छात्राएँ चुनी गईं?")] == ["छात्राएँ"]
    assert [w for w, _ in asked_groups("कितनी लड़कियां पढ़ती हैं?")] == ["लड़कियां"]
    assert [w for w, _ in asked_groups("kitni ladkiyon ko scholarship mili")] == ["ladkiyon"]
    assert asked_groups("कितने छात्रावास बने?") == []
    assert asked_groups("How many sellers have joined?") == [] and asked_groups("Womenfolk and pre-girls") == []
    assert [w for w, _ in asked_groups("जून 2026 में ग्रामीण क्षेत्रों में LFPR कितनी थी?")] == ["ग्रामीण"]
    assert [w for w, _ in asked_groups("What was the urban unemployment rate?")] == ["urban"]
    # a scheme's name in brackets asks about no part of the population
    assert asked_groups("एसबीएम (ग्रामीण) के तहत कितने गांवों में व्यवस्था है?") == []
    assert [w for w, _ in asked_groups("How many rural women got houses under PMAY (Rural)?")] == ["women", "rural"]
    sellers = "More than 86,000 sellers of Madhya Pradesh have completed their profile on GeM."
    q = "How many women sellers from Madhya Pradesh are on GeM?"
    p = _passage(sellers)

    def check(*releases, groups=True):
        return AnswerabilityCheck().run(q, None, p, list(releases), p.figures, groups=groups)

    verdict = check(_release(sellers, "2026-08-10"))
    assert not verdict.answerable and verdict.missing_names == ("women",)
    assert "does not mention women" in verdict.reason
    assert check(_release(sellers, "2026-08-10"), groups=False).answerable
    hindi = _release("मध्य प्रदेश की 12,000 महिला विक्रेता जेम पर हैं।", "2026-08-10", "hi")
    assert check(_release(sellers, "2026-08-10"), hindi).answerable
    assert check(_release(sellers, "2026-08-10", title="Women sellers on GeM")).answerable


def test_a_deadline_in_the_answer_sentence_does_not_date_its_figure():
    """The bulletin of 3 May: "an increase of 2644 ... observe lockdown 3.0 (till May 17, 2020)"; 17
    May, after the release, is the lockdown's end, not the time of the 2644 new cases. A date before
    the release in the figure's sentence is still against it; in the next sentence, even one glued to
    it without a space (as the scrape has it), it is not the figure's."""
    q = "How many new COVID-19 cases were reported in India on 3 May 2020?"
    plan = ("Since yesterday, an increase of 2644 has been noted in confirmed COVID-19 cases, and Dr Harsh Vardhan urged "
            "people to observe lockdown 3.0 (till May 17, 2020) in letter and spirit.")
    verdict = _check_release(q, [plan], "2020-05-03")
    assert verdict.answerable and not verdict.figures_other_time
    past = ("Since yesterday, an increase of 2644 has been noted in confirmed COVID-19 cases, and Dr Harsh Vardhan "
            "recalled the lockdown (from 25 March 2020) in letter and spirit.")
    assert _check_release(q, [past], "2020-05-03").figures_other_time
    glued = past.replace("cases, and Dr Harsh Vardhan recalled", "cases.Dr Harsh Vardhan recalled")
    assert not _check_release(q, [glued], "2020-05-03").figures_other_time


def test_an_ordinal_the_release_names_nowhere_is_not_answered():
    """A release on the 11th convocation holds every word of a question about the 10th."""
    eleventh = _release("The 11th Convocation of the Central University of Tamil Nadu: 1,103 students "
                        "received degrees.", "2026-08-20")
    q = "How many students received degrees at the 10th convocation of the Central University of Tamil Nadu?"
    verdict = AnswerabilityCheck().run(q, None, _passage(eleventh.text), [eleventh], [], ordinals=True)
    assert not verdict.answerable and verdict.missing_names == ("10th",)
    assert AnswerabilityCheck().run(q, None, _passage(eleventh.text), [eleventh], []).answerable  # the setting off
    asked_11th = q.replace("10th", "ग्यारहवें")
    assert AnswerabilityCheck().run(asked_11th, None, _passage(eleventh.text), [eleventh], [], ordinals=True).answerable


@pytest.mark.parametrize("question", [
    "How long will the IIT Kanpur team take to build a basic prototype?",  # "within 3 months"
    "For how long is the Navy leasing the two drones?",
    "How soon will the plant be ready?",
    "प्रोटोटाइप बनाने में कितना समय लगेगा?",
])
def test_a_span_asked_with_no_unit_named_is_asked_in_any_time_unit(question):
    from index.answerable import asked_spans
    from index.figures.patterns import TIME_UNITS

    assert asked_spans(question) == frozenset(TIME_UNITS)


@pytest.mark.parametrize("question", ["How long is the Delhi-Meerut RRTS corridor?", "How long is the new rail line?",
                                      "How many farmers got loans?"])
def test_a_length_or_a_count_asked_asks_no_span(question):
    from index.answerable import asked_spans

    assert not asked_spans(question)
