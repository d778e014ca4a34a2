"""Reading the question's time and scoring a passage's dates against it (hand-built cases)."""
import datetime as dt

import pytest

from index.figures import FigureExtractor
from index.timeq import (StatedTimes, TimeWindow, answered_window, read_time, recency, time_agreement, with_title,
                         without_time)

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize("question, start, end, granularity", [
    ("How many patients had recovered as on 3 June 2020?", "2020-06-03", "2020-06-03", "day"),
    ("What was gross GST revenue in February 2020?", "2020-02-01", "2020-02-29", "month"),
    ("20 मई 2020 तक कितने मरीज ठीक हुए?", "2020-05-20", "2020-05-20", "day"),
    ("2019-20 में कितना निर्यात हुआ?", "2019-04-01", "2020-03-31", "financial-year"),
    ("२०१९-२० में कितना निर्यात हुआ?", "2019-04-01", "2020-03-31", "financial-year"),  # Devanagari digits
    ("२०२०-०६-०३ तक कितने मरीज ठीक हुए?", "2020-06-03", "2020-06-03", "day"),
    ("How many tigers were counted in 2022?", "2022-01-01", "2022-12-31", "year"),
    ("जनवरी से मार्च 2021 के बीच कितने टीके लगे?", "2021-01-01", "2021-03-31", "range"),
    ("पिछले महीने कितना जीएसटी संग्रह हुआ?", "2026-10-01", "2026-10-31", "month"),
    ("What was the GST collection last month?", "2026-10-01", "2026-10-31", "month"),
    ("What were exports in Aug'26?", "2026-08-01", "2026-08-31", "month"),  # as tables write Jun-26
    ("How many sellers registered last year?", "2025-01-01", "2025-12-31", "year"),
    # a quarter of a financial year, or of a year
    ("What was the unemployment rate in Q1 2026-27?", "2026-04-01", "2026-06-30", "range"),
    ("What was GDP growth in the third quarter of FY 2025-26?", "2025-10-01", "2025-12-31", "range"),
    ("What was the unemployment rate in Q4 2025-26?", "2026-01-01", "2026-03-31", "range"),
    ("2026-27 की पहली तिमाही में बेरोजगारी दर कितनी थी?", "2026-04-01", "2026-06-30", "range"),
    ("What was GDP growth in Q2 2026?", "2026-04-01", "2026-06-30", "range"),
    # a half of a financial year, or of a year
    ("What were exports in H1 2026?", "2026-01-01", "2026-06-30", "range"),
    ("What was the fiscal deficit in the first half of FY 2025-26?", "2025-04-01", "2025-09-30", "range"),
    ("How many tourists visited Tripura in the first half (January-June) of 2025?", "2025-01-01", "2025-06-30", "range"),
    ("GDP growth in the first quarter (Apr-Jun) of FY 2025-26?", "2025-04-01", "2025-06-30", "range"),
    # a financial year written with stops, as 2298080's table heads its columns
    ("How many ST students got the scholarship in F.Y. 2023-24?", "2023-04-01", "2024-03-31", "financial-year"),
    ("How many ST students got the scholarship in F.Y 24-25?", "2024-04-01", "2025-03-31", "financial-year"),
    ("F. Y. 2024-25 में कितने छात्रों को छात्रवृत्ति मिली?", "2024-04-01", "2025-03-31", "financial-year"),
    ("What was GDP growth in Q2 of F.Y. 2026-27?", "2026-07-01", "2026-09-30", "range"),
    ("2025-26 की दूसरी छमाही में कितना निर्यात हुआ?", "2025-10-01", "2026-03-31", "range"),
    # a financial year named from today's: April to March
    ("How much coal was produced in the last financial year?", "2025-04-01", "2026-03-31", "financial-year"),
    ("पिछले वित्त वर्ष में कितना कोयला उत्पादन हुआ?", "2025-04-01", "2026-03-31", "financial-year"),
    ("चालू वित्त वर्ष में कितना जीएसटी संग्रह हुआ?", "2026-04-01", "2027-03-31", "financial-year"),
    # from a time to today
    ("How many airports have been operationalised since 2014?", "2014-01-01", "2026-11-30", "range"),
    ("2014 से अब तक कितने हवाई अड्डे चालू हुए?", "2014-01-01", "2026-11-30", "range"),
    ("2020 के बाद से कितने स्टार्टअप बने?", "2020-01-01", "2026-11-30", "range"),
    ("How many houses were built from 2019-20 onwards?", "2019-04-01", "2026-11-30", "range"),
    ("How many cases since 1 April 2026?", "2026-04-01", "2026-11-30", "range"),
    ("How many LED bulbs have been given out since its launch on 5 January 2015?", "2015-01-05", "2026-11-30", "range"),
    # a month without a year joined to one with it; a month of a relative year
    ("How many masks were sold during March and April 2020?", "2020-03-01", "2020-04-30", "range"),
    ("मार्च और अप्रैल 2020 में कितने मास्क बिके?", "2020-03-01", "2020-04-30", "range"),
    ("What was the labour force participation rate in July last year?", "2025-07-01", "2025-07-31", "month"),
    ("पिछले साल जुलाई में कितना निर्यात हुआ?", "2025-07-01", "2025-07-31", "month"),
    ("How many were vaccinated as of end-March 2026?", "2026-03-01", "2026-03-31", "month"),
    ("What was the stock as on March-end 2026?", "2026-03-01", "2026-03-31", "month"),
    # a period that ends in a month
    ("What was GDP growth for the quarter ending June 2026?", "2026-04-01", "2026-06-30", "range"),
    ("How much was exported in the year ended March 2026?", "2025-04-01", "2026-03-31", "range"),
    ("जून 2026 को समाप्त तिमाही में जीडीपी वृद्धि कितनी रही?", "2026-04-01", "2026-06-30", "range"),
    # the time a figure is compared with is not the time asked about
    ("By what percentage did GST grow in Feb-20 compared with Feb-19?", "2020-02-01", "2020-02-29", "month"),
    ("जून 2026 में जून 2025 की तुलना में कितनी वृद्धि हुई?", "2026-06-01", "2026-06-30", "month"),
    # ... but a range is a range, "before" is not "since", and a time still to come is itself
    ("2014 से 2020 तक कितने हवाई अड्डे बने?", "2014-01-01", "2020-12-31", "range"),
    ("जून 2020 से पहले कितने मामले थे?", "2020-06-01", "2020-06-30", "month"),
    ("What is the target since 2030?", "2030-01-01", "2030-12-31", "year"),
    ("How many cases were there in May and June 2020?", "2020-05-01", "2020-06-30", "range"),
    ("It may and June 2020 tell?", "2020-06-01", "2020-06-30", "month"),  # "may" the verb is no month
])
def test_question_time_is_read_as_a_window(question, start, end, granularity):
    w = read_time(question, TODAY).window
    assert w is not None
    assert (w.start.isoformat(), w.end.isoformat(), w.granularity) == (start, end, granularity)
    assert w.text and w.text in question


def test_a_time_run_on_to_today_says_so():
    assert read_time("By how much has enrolment gone up since 2014-15?", TODAY).window.since
    assert read_time("2014 से अब तक कितने हवाई अड्डे बने?", TODAY).window.since
    assert not read_time("How many airports were built in 2014-15?", TODAY).window.since
    assert not read_time("How many cases from 1 to 15 May 2026?", TODAY).window.since


@pytest.mark.parametrize("question", [
    "राष्ट्रीय ग्रामीण आजीविका मिशन के तहत कितने स्वयं सहायता समूह बने?",  # आज (today) in आजीविका
    "आज़ादी का अमृत महोत्सव में कितने कार्यक्रम हुए?",
    "पिछले वर्षों में कितने गांवों को नल कनेक्शन मिला?",  # years, not last year
])
def test_a_hindi_word_that_holds_a_relative_time_is_no_time(question):
    assert read_time(question, TODAY).window is None


def test_a_relative_time_written_as_a_word_is_read():
    assert read_time("आज कितने मामले हैं?", TODAY).window.granularity == "day"
    assert read_time("पिछले वर्ष कितने पर्यटक आए?", TODAY).window.start == dt.date(2025, 1, 1)


@pytest.mark.parametrize("question, start, end, granularity", [
    # the release's own time beside the figure's: the figure's is asked about, not a range of both
    ("आईएमडी के जून 2020 के पूर्वानुमान में सितंबर 2020 की वर्षा कितने प्रतिशत रहने का अनुमान था?",
     "2020-09-01", "2020-09-30", "month"),
    ("What was IMD's June 2020 forecast for rainfall in September 2020?", "2020-09-01", "2020-09-30", "month"),
    ("What did the 3 May 2020 bulletin report for 2 May 2020?", "2020-05-02", "2020-05-02", "day"),
    # joined, they are one range whatever follows
    ("How many tests were done from 1 May 2020 to 15 May 2020 according to the report?",
     "2020-05-01", "2020-05-15", "range"),
    ("What did the bulletins of April 2020 and May 2020 report?", "2020-04-01", "2020-05-31", "range"),
])
def test_a_time_that_dates_the_release_is_not_the_start_of_a_range(question, start, end, granularity):
    w = read_time(question, TODAY).window
    assert (w.start.isoformat(), w.end.isoformat(), w.granularity) == (start, end, granularity)


def test_no_time():
    assert read_time("Who chaired the meeting?", TODAY).to_dict() is None
    assert read_time("How many people have been vaccinated so far?", TODAY).window is None


def _figures(text):
    return FigureExtractor().run(text)


def _sentences(text, lang):
    from index.segment import split_sentences
    return [(s.start, s.end) for s in split_sentences(text, lang)]


@pytest.mark.parametrize("question", [
    "How many indicators does the State Energy Efficiency Index 2024 have?",
    "What did Swachh Survekshan 2023 find?",
    "What are the targets of Viksit Bharat 2047?",
])
def test_a_year_that_names_an_edition_is_no_time(question):
    assert read_time(question).window is None


@pytest.mark.parametrize("question", ["How many states in 2024?", "In 2024, how many states?", "What happened during 2024?"])
def test_a_year_after_a_time_word_is_a_time(question):
    assert read_time(question).to_dict()["granularity"] == "year"


def test_a_bulletin_posted_the_next_day_agrees_its_neighbour_does_not():
    w = read_time("How many had recovered as on 3 June 2020?", TODAY).window
    right = time_agreement(w, "2020-06-04", _figures("As on 3rd June 2020, 1,00,303 patients have recovered."))
    previous = time_agreement(w, "2020-06-03", _figures("As on 2nd June 2020, 95,527 patients have recovered."))
    later = time_agreement(w, "2020-06-10", _figures("As on 9th June 2020, 1,29,214 patients have recovered."))
    assert right == 1.0
    assert previous < right and later < previous


def test_a_month_announced_on_the_first_of_the_next():
    w = read_time("What was gross GST revenue in February 2020?", TODAY).window
    february = time_agreement(w, "2020-03-01", _figures("The gross GST revenue collected in February 2020 is ₹1,05,366 crore."))
    january = time_agreement(w, "2020-02-01", _figures("The gross GST revenue collected in January 2020 is ₹1,10,828 crore."))
    assert february == 1.0 and january <= 0.0


def test_undated_release_is_neutral():
    w = read_time("in 2020", TODAY).window
    assert time_agreement(w, None, ()) == 0.0


@pytest.mark.parametrize("question, words", [
    ("How many people have been vaccinated so far?", "so far"),
    ("How many villages are currently certified Har Ghar Jal?", "currently"),
    ("उजाला योजना में अब तक कितने एलईडी बल्ब बांटे गए?", "अब तक"),
    ("कितने गांवों को हर घर जल प्रमाणन मिल चुका है?", "चुका है"),
    ("राजस्थान में कितनी महिलाएं लखपति दीदी बन चुकी हैं?", "चुकी हैं"),
])
def test_a_question_asking_how_things_stand_now_is_read_as_latest(question, words):
    read = read_time(question, TODAY)
    assert read.window is None and read.latest == words
    assert read.to_dict() == {"start": None, "end": None, "text": words, "granularity": "latest"}


@pytest.mark.parametrize("question", [
    "20 मई 2020 तक अब तक कितने मरीज ठीक हुए?",  # a date named: its window, not the latest
    "How many sellers registered so far this year?",
    "How many sellers registered on GeM?",  # no time, and no word asking for now
    "कितने लोगों को टीका लगा?",
    "How far is the new port from the coast?",
])
def test_a_named_time_or_none_is_not_latest(question):
    assert read_time(question, TODAY).latest is None


def test_recency_falls_from_the_newest_release_over_a_year():
    newest = dt.date(2026, 11, 1)
    assert recency("2026-11-01", newest) == 1.0
    assert recency("2026-05-03", newest) == pytest.approx(1 - 182 / 365)
    assert recency("2020-06-01", newest) == 0.0
    assert recency(None, newest) == 0.0


def test_a_weekly_report_is_dated_by_the_day_its_title_names():
    """Posted on the 17th, "as on 14.08.2026" in its title: about the 14th as fully as a release of
    that day that says so, ahead of an unrelated release posted on the 14th; the week before's
    report is against it, and a date in the text (not the title) does not move the posting day."""
    window = read_time("What was the area sown under rice as on 14 August 2026?", TODAY).window
    passage = "Rice 379.07 lakh ha against 393.44 lakh ha last year."
    figures = _figures(passage)
    title = "Progress of area coverage under Kharif crops as on 14.08.2026"
    text, with_its_title = with_title(passage, figures, title)
    assert text.endswith("as on 14.08.2026") and text[with_its_title[-1].start:with_its_title[-1].end] == "14.08.2026"
    alone = time_agreement(window, "2026-08-17", figures)
    titled = time_agreement(window, "2026-08-17", figures, passage, title=title)
    posted_that_day = time_agreement(window, "2026-08-14", _figures("A campaign was held."))
    week_before = time_agreement(window, "2026-08-11", figures, passage, title=title.replace("14.08", "07.08"))
    assert titled == 1.0 > posted_that_day > alone > week_before
    mentioned = "Rice 379.07 lakh ha on 14 August 2026."
    assert time_agreement(window, "2026-08-25", _figures(mentioned), mentioned, title="Crop review meeting") == 0.0


def test_a_passages_stated_times_kept_give_the_same_agreement_for_every_window():
    """What a passage says of time is read once (`stated_times`) and compared with each question's
    window (`agreement`): the same verdict as reading it again for every question."""
    from index.timeq import agreement, stated_times

    passage = "As on 14.08.2026, rice covered 379.07 lakh ha; from 1 June to 13 August 2026 rainfall was 4% above."
    figures = _figures(passage)
    title = "Progress of area coverage under Kharif crops as on 14.08.2026"
    questions = ["What was the area sown under rice as on 14 August 2026?", "How much rain fell in July 2026?",
                 "What was the area sown last week?", "How much rice was sown in 2025?", "2026-27 में कितना धान बोया गया?"]
    for released in ("2026-08-17", "2026-08-14", None):
        kept = stated_times(released, figures, passage, title)
        untitled = stated_times(released, figures)
        for q in questions:
            window = read_time(q, TODAY).window
            assert agreement(window, kept) == time_agreement(window, released, figures, passage, title=title)
            assert agreement(window, untitled) == time_agreement(window, released, figures)
    window = read_time(questions[0], TODAY).window
    assert agreement(window, stated_times("2026-08-17", figures, passage, title)) == 1.0  # its title places it
    assert agreement(window, stated_times("2026-08-17", figures)) < 1.0


TODAY_DECEMBER = dt.date(2026, 12, 2)


def _window_on(today: dt.date):
    """A question → the window read from it on `today`, as (start, end, text, granularity), or None."""
    def window(q):
        w = read_time(q, today).window
        return w and (w.start.isoformat(), w.end.isoformat(), w.text, w.granularity)
    return window


def test_a_day_or_month_without_a_year_is_the_latest_one_up_to_today():
    today = TODAY_DECEMBER
    window = _window_on(today)

    assert window("What was the CPI inflation in July?") == ("2026-07-01", "2026-07-31", "July", "month")
    assert window("जुलाई में खुदरा महंगाई दर कितनी रही?") == ("2026-07-01", "2026-07-31", "जुलाई", "month")
    assert window("मार्च माह में कितना निर्यात हुआ?")[:2] == ("2026-03-01", "2026-03-31")
    assert window("देश में खुदरा महंगाई जुलाई में कितनी रही?")[:2] == ("2026-07-01", "2026-07-31")  # mid-sentence
    # this month's figures are not out: December is last December's; a day up to today is this year's
    assert window("What was GST collection in December?")[:2] == ("2025-12-01", "2025-12-31")
    assert window("How many cases on 2 December?")[:2] == ("2026-12-02", "2026-12-02")
    assert window("How many cases were reported on 3 December?")[:2] == ("2025-12-03", "2025-12-03")
    assert window("3 जून तक कितने मरीज ठीक हुए?") == ("2026-06-03", "2026-06-03", "3 जून", "day")
    assert window("How many visitors came on 29 February?")[:2] == ("2024-02-29", "2024-02-29")
    # a year named anywhere is the question's; "may" the verb, "Jan" of Jan Aushadhi are no months
    assert window("What was inflation in July 2026?")[:2] == ("2026-07-01", "2026-07-31")
    assert read_time("What was the CPI inflation in July?", today).window.year_assumed
    assert not read_time("What was inflation in July 2026?", today).window.year_assumed
    assert window("What may be the output of the plant?") is None
    assert window("How many Jan Aushadhi Kendras are in West Bengal?") is None
    assert window("How many medicines are sold in Jan Aushadhi Kendras?") is None
    assert window("How many accounts are there in Jan Dhan Yojana?") is None


def test_two_months_named_as_a_span_without_a_year_are_the_latest_such_span_that_has_ended():
    today = TODAY_DECEMBER
    window = _window_on(today)

    # all three used to differ: nothing, April alone, July alone
    assert window("What were exports from April to July?") == ("2026-04-01", "2026-07-31", "April to July", "range")
    assert window("What were exports in April-July?") == ("2026-04-01", "2026-07-31", "April-July", "range")
    assert window("अप्रैल से जुलाई के बीच कितना निर्यात हुआ?") == ("2026-04-01", "2026-07-31", "अप्रैल से जुलाई", "range")
    assert window("How much was sown between June and August?")[:2] == ("2026-06-01", "2026-08-31")
    # across the new year; a span ending this month is last year's, whose figures are out
    assert window("How much was sown from November to February?")[:2] == ("2025-11-01", "2026-02-28")
    assert window("What were exports from April to December?")[:2] == ("2025-04-01", "2025-12-31")
    assert read_time("What were exports from April to July?", today).window.year_assumed
    # with a year, as before
    assert window("What were exports from April to July 2025?") == ("2025-04-01", "2025-07-31", "April to July 2025", "range")


def test_a_month_named_alone_is_of_the_release_year_up_to_its_month():
    """"June recorded 35% below-normal rainfall" in a release of 12 August 2026 is about June 2026; a
    later month may be a forecast or last year's, a month that begins a range is the range's, "May"
    the verb and a month with a year or a day (a date figure) are not months alone."""
    from index.timeq import months_alone

    released = dt.date(2026, 8, 12)
    text = ("June recorded 35% below-normal rainfall. Although July recorded 1% above the LPA, rain may fall "
            "in September. May be. Rains in May were heavy. As of 2nd August 2026 and in June 2026 the deficit grew.")
    assert months_alone(text, released) == [(dt.date(2026, 6, 1), dt.date(2026, 6, 30)),
                                            (dt.date(2026, 7, 1), dt.date(2026, 7, 31)),
                                            (dt.date(2026, 5, 1), dt.date(2026, 5, 31))]
    hindi = "जनवरी से 29 फरवरी, 2020 तक 83.53 लाख रिटर्न दाखिल हुए। फरवरी में संग्रह 1,05,366 करोड़ रुपये रहा, 3 फरवरी को नहीं।"
    assert months_alone(hindi, dt.date(2020, 3, 1)) == [(dt.date(2020, 2, 1), dt.date(2020, 2, 29))]
    assert months_alone(text, None) == []


def test_a_month_named_alone_dates_a_passage_for_a_month_not_for_a_day():
    """For June 2026, the passage saying "June recorded 35%" agrees and the one saying "July recorded 1%"
    does not; for a day, a daily bulletin's months ("since March") say nothing of it."""
    from index.timeq import agreement, stated_times

    june = "June recorded 35% below-normal rainfall with 70% of districts in deficit."
    july = "Although July recorded 1% above the LPA, 47% of districts faced deficient rainfall."
    month = read_time("How much below normal was the rainfall in June 2026?", TODAY).window
    title = "SOUTH-WEST MONSOON FORECAST"
    in_june, in_july = (agreement(month, stated_times("2026-08-12", _figures(t), t, title)) for t in (june, july))
    assert in_june > in_july
    day = read_time("How many cases were there on 3 May 2020?", TODAY).window
    since = "Cases have doubled since March across the country."
    assert agreement(day, stated_times("2020-05-03", _figures(since), since, "Daily bulletin")) == \
        agreement(day, stated_times("2020-05-03", _figures("Cases have doubled across the country."),
                                    "Cases have doubled across the country.", "Daily bulletin"))


def test_a_later_release_recalling_the_day_for_another_kind_of_figure_is_not_of_that_day():
    """The bulletin of 1 June compares its recovery rate with 3 May's: for "how many had recovered on 3
    May", that day is stated beside a percentage, not a count, so it does not place the bulletin on
    3 May. Asked for the rate, it does; and a release of that day is unaffected."""
    from index.timeq import agreement, stated_times

    day = read_time("3 मई 2020 तक कितने मरीज ठीक हो चुके थे?", TODAY).window
    later = "कुल 91,818 मरीज स्वस्थ हो चुके हैं। 3 मई को यह 26.59 प्रतिशत था। 15 अप्रैल को यह 11.42 प्रतिशत था।"
    times = stated_times("2020-06-01", _figures(later), later, "दैनिक बुलेटिन", _sentences(later, "hi"))
    assert times.beside[0] == frozenset({"percent"})
    counted = agreement(day, times, frozenset({"count"}), beside_kind=True)
    assert counted < agreement(day, times, frozenset({"count"})) == 0.0
    assert agreement(day, times, frozenset({"percent"}), beside_kind=True) == 0.0
    # beside a count, the day stands: "3 मई को 10,632 मरीज ठीक हो चुके थे"
    counted_then = "3 मई को 10,632 मरीज ठीक हो चुके थे। 3 मई को यह 26.59 प्रतिशत था।"
    assert agreement(day, stated_times("2020-06-01", _figures(counted_then), counted_then, "बुलेटिन",
                                       _sentences(counted_then, "hi")),
                     frozenset({"count"}), beside_kind=True) == 0.0
    same_day = "3 मई को यह 26.59 प्रतिशत था।"
    assert agreement(day, stated_times("2020-05-03", _figures(same_day), same_day, "बुलेटिन", _sentences(same_day, "hi")),
                     frozenset({"count"}), beside_kind=True) == 1.0


def test_a_time_after_the_release_is_a_plan_not_another_time():
    """The bulletin of 3 May urges observing "lockdown 3.0 (till May 17, 2020)": it still reports on 3
    May. A time after the release that is the asked one still counts for it."""
    from index.timeq import agreement, stated_times

    day = read_time("How many patients had recovered as of 3 May 2020?", TODAY).window
    text = "So far, 10,632 people have been cured. Observe lockdown 3.0 (till May 17, 2020) in letter and spirit."
    times = stated_times("2020-05-03", _figures(text), text, "Daily bulletin", _sentences(text, "en"))
    assert agreement(day, times) == 0.0
    assert agreement(day, times, plans_aside=True) == 0.5  # its day alone places it
    may17 = read_time("What happens on 17 May 2020?", TODAY).window
    assert agreement(may17, times, plans_aside=True) == agreement(may17, times) == 0.0


def _stated(*windows, title=()):
    return StatedTimes(None, tuple((dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in windows),
                       tuple((dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in title))


def test_a_year_not_named_is_reported_as_the_answers():
    feb = TimeWindow(dt.date(2026, 2, 1), dt.date(2026, 2, 28), "फरवरी", "month", year_assumed=True)
    moved = answered_window(feb, _stated(("2020-02-01", "2020-02-29"), ("2019-02-01", "2019-02-28")))
    assert (moved.start, moved.end, moved.year_answered, moved.year_assumed) == (
        dt.date(2020, 2, 1), dt.date(2020, 2, 29), True, True)
    assert moved.to_dict()["year_answered"] is True and "year_answered" not in feb.to_dict()
    # the title alone may state it ("GST revenue collection for February, 2020")
    assert answered_window(feb, _stated(title=[("2020-02-01", "2020-02-29")])).start == dt.date(2020, 2, 1)
    # a day: the stated day of another year, a day inside a stated span included
    june3 = TimeWindow(dt.date(2026, 6, 3), dt.date(2026, 6, 3), "3 June", "day", year_assumed=True)
    assert answered_window(june3, _stated(("2020-06-03", "2020-06-03"))).start == dt.date(2020, 6, 3)
    assert answered_window(june3, _stated(("2020-05-25", "2020-06-10"))).start == dt.date(2020, 6, 3)


def test_a_window_stays_when_the_answer_does_not_say_otherwise():
    feb = TimeWindow(dt.date(2026, 2, 1), dt.date(2026, 2, 28), "February", "month", year_assumed=True)
    assert answered_window(feb, _stated()) is feb  # states no time
    assert answered_window(feb, _stated(("2020-03-01", "2020-03-31"))) is feb  # another month
    assert answered_window(feb, _stated(("2020-01-01", "2020-12-31"))) is feb  # a year is no month
    assert answered_window(feb, _stated(("2026-02-01", "2026-02-28"), ("2025-02-01", "2025-02-28"))) is feb  # the assumed year too
    named = TimeWindow(dt.date(2026, 2, 1), dt.date(2026, 2, 28), "February 2026", "month")
    assert answered_window(named, _stated(("2020-02-01", "2020-02-29"))) is named  # a year named is the question's
    leap = TimeWindow(dt.date(2024, 2, 29), dt.date(2024, 2, 29), "29 February", "day", year_assumed=True)
    assert answered_window(leap, _stated(("2023-02-01", "2023-02-28"))) is leap  # no 29 February in 2023
    assert answered_window(leap, _stated(("2020-02-29", "2020-02-29"))).start == dt.date(2020, 2, 29)


@pytest.mark.parametrize("question,left", [
    ("2024", ""), ("मई 2020 में", "में"), ("GST in February 2020", "GST in"),
    ("What happened on 3 June 2020?", "What happened on ?"), ("so far", "so far"), ("Why?", "Why?"),
    ("Scholarships in F.Y. 2023-24?", "Scholarships in ?"), ("Scholarships in FY 2023-24?", "Scholarships in ?"),
])
def test_without_time_leaves_what_the_question_asks_about_that_time(question, left):
    today = dt.date(2026, 12, 4)
    assert " ".join(without_time(question, read_time(question, today)).split()) == left


def test_a_target_for_a_year_may_be_set_before_it():
    """"2024 तक ... का लक्ष्य": a speech of 2020 sets the target for 2024, and its date is no evidence
    against it; a question about what happened in 2024 still wants a release of 2024 or after."""
    from index.timeq import release_time_fit

    target = read_time("प्रधानमंत्री ने 2024 तक कितने अरब डॉलर का हब बनाने का लक्ष्य रखा?", TODAY).window
    assert target.target and release_time_fit(target, dt.date(2020, 1, 3)) == 0
    assert release_time_fit(target, dt.date(2024, 6, 1)) == 1
    assert read_time("What is the renewable energy target for 2030?", TODAY).window.target
    # a forecast, of any time: made before it
    forecast = read_time("What is the rainfall forecast for August 2020 as a percentage of the LPA?", TODAY).window
    assert forecast.target and release_time_fit(forecast, dt.date(2020, 6, 1)) == 0
    assert read_time("अगस्त 2020 में बारिश का पूर्वानुमान कितना है?", TODAY).window.target
    happened = read_time("How many houses were built in 2024?", TODAY).window
    assert not happened.target and release_time_fit(happened, dt.date(2020, 1, 3)) == -1
    # a month's target is told by its month, as any month's figures are
    assert not read_time("What was the target for June 2026?", TODAY).window.target


def test_a_span_asked_is_reported_on_at_its_end():
    """"Between 3 April and 2 May 2020": a release of 4 April reports on its first days at most; one of
    its last day or just after it, on the whole span."""
    from index.timeq import release_time_fit

    span = read_time("How many cargo flights did IndiGo operate between 3 April and 2 May 2020?", TODAY).window
    assert span.granularity == "range"
    assert release_time_fit(span, dt.date(2020, 4, 4)) == 0
    assert release_time_fit(span, dt.date(2020, 5, 1)) == 1
    assert release_time_fit(span, dt.date(2020, 5, 3)) == 1
    assert release_time_fit(span, dt.date(2020, 3, 30)) == -1


def test_a_column_headers_times():
    from index.timeq import column_times

    assert column_times("Area Sown 2026") == ((dt.date(2026, 1, 1), dt.date(2026, 12, 31)),)
    assert column_times("Feb-20") == ((dt.date(2020, 2, 1), dt.date(2020, 2, 29)),)
    assert column_times("No. of Titles Distributed") == ()


def test_a_row_of_the_asked_day_tells_what_the_release_date_cannot():
    """A day-wise table posted days later ("27.3.2020 04 09 01" in a release of 4 April) is about each
    of its days: its row of the asked day leaves the date unable to tell against it, as a release of
    another time without one is told."""
    from index.timeq import agreement, stated_times

    window = read_time("How many Lifeline Udan flights were operated on 27 March 2020?", TODAY).window
    text = "27.3.2020 04 09 01"
    figures = FigureExtractor().run(text)
    times = stated_times("2020-04-04", figures, text)
    assert agreement(window, times) == 0.0
    assert agreement(window, times, row_of_the_day=True) == 0.5
    month = read_time("How many Lifeline Udan flights were operated in March 2020?", TODAY).window
    assert agreement(month, times, row_of_the_day=True) == agreement(month, times)  # a day's or a week's only
