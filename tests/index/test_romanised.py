import datetime as dt

import pytest

from index.answerable import asked_spans, asked_unit
from index.lexical import terms
from index.romanised import as_read, reading, romanised_hindi
from index.search import expected_kinds
from index.search.question import asked_figure
from index.timeq import read_time


@pytest.mark.parametrize("question", [
    "MP ke kitne sellers ne GeM par profile complete ki?",
    "July 2026 mein retail inflation kitni thi?",
    "SHINE 2026 kab hua?",
    "Kitne sellers ne GeM par profile complete ki?",  # the first word capitalised
    "Odisha Shakti Sadan kitne?",
    "Odisha me Shakti Sadan ki sankhya",  # two short grammar words
])
def test_hindi_typed_in_latin_letters_is_told_from_english(question):
    assert romanised_hindi(question)


@pytest.mark.parametrize("question", [
    "How many sellers completed their profile on GeM?",
    "What is the estimated cost of four-laning the Patna–Gaya highway stretch?",  # a town's name
    "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?",
    "Is the KA code Karnataka's?",
])
def test_english_and_devanagari_questions_are_not(question):
    assert not romanised_hindi(question)
    assert as_read(question) == question


def test_the_grammar_words_are_read_in_devanagari_and_the_nouns_stay_as_typed():
    assert as_read("MP ke kitne sellers ne GeM par profile complete ki?") == "MP के कितने sellers ने GeM पर profile complete की?"
    assert as_read("is saal kaun sa state aage hai?") == "इस साल कौनसा state aage है?"
    # a scale, a currency or a unit typed with a capital is still one; a name is not a grammar word
    assert as_read("Patna Gaya highway ka cost Rs 3.60 Lakh Crore hai kya?") == \
        "Patna Gaya highway का cost रुपये 3.60 लाख करोड़ है क्या?"
    # its grammar words are stopwords, as a Hindi question's: "ke", "ki", "ne" are no rare words to look up
    assert terms(as_read("MP ke kitne sellers ne GeM par profile complete ki?"), drop_stopwords=True) == \
        ["mp", "seller", "gem", "profil", "complet"]


def test_a_piece_of_the_question_as_read_is_found_as_typed():
    read = reading("is saal Assam me 3 June 2020 tak kitne tourists aaye?")
    assert read.text == "इस साल Assam में 3 June 2020 तक कितने tourists आए?"
    assert read.typed_text("इस साल") == "is saal"
    assert read.typed_text("3 June 2020 तक") == "3 June 2020 tak"
    assert read.typed_text("tourists") == "tourists"


def test_what_a_romanised_question_asks_is_read_as_in_hindi():
    today = dt.date(2026, 9, 1)
    assert expected_kinds(as_read("SHINE 2026 kab hua?")) == {"date"}
    assert expected_kinds(as_read("NFL ki sales kitne percent badhi?")) == {"percent"}
    assert expected_kinds(as_read("Jal Jeevan Mission ka outlay kitne crore rupaye hai?")) == {"money"}
    assert asked_figure(as_read("Jal Jeevan Mission ka outlay kitne crore rupaye hai?")).scale == 10_000_000
    assert asked_unit(as_read("7 August 2026 tak kitne hectare me kapas boya gaya?")) == "hectare"
    window = read_time(as_read("pichhle saal Assam me kitne foreign tourists aaye?"), today).window
    assert (window.start, window.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    window = read_time(as_read("3 June 2020 tak kitne covid test hue?"), today).window
    assert (window.start, window.end) == (dt.date(2020, 6, 3), dt.date(2020, 6, 3))
    so_far = asked_figure(as_read("ab tak kul kitne log vaccinate hue?"))
    assert so_far.so_far and so_far.whole
    assert asked_spans(as_read("MANIT Bhopal wale Prince Yadav ki umar kitni hai?")) == {"year"}  # an age
    assert expected_kinds(as_read("Vande Mataram ki kaunsi saalgirah hai?")) == {"ordinal"}
    assert expected_kinds(as_read("Dekho Apna Desh ka Haryana wala webinar kaunsa session tha?")) == {"ordinal"}


def test_the_search_reads_a_romanised_question(service):
    result = service.ask("Madhya Pradesh ke kitne sellers ne GeM par profile complete ki?")
    assert result.hits[0].release.release_id == "2184082"
    when = service.ask("GeM aur Madhya Pradesh sarkar ka samjhauta kab hua?")
    assert when.kinds == {"date"}
    last_year = service.ask("pichhle saal GeM par Madhya Pradesh ke kitne orders the?")
    assert last_year.time.window is not None and last_year.time.window.granularity == "year"
    assert last_year.time.window.text == "pichhle saal"  # what the reply says it read the time from: as typed
