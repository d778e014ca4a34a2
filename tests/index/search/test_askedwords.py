"""No answer from a release that never says most of what is asked (index/search/askedwords.py), on hand-built cases."""
from index.search.askedwords import asked_words, held_forms, said, unheld_share, unheld_words
from index.lexical import terms
from index.timeq import read_time

COTTON = "What was the area sown under cotton as on 21 August 2026?"
# The release a cotton question once got: of another subject, sharing only its time and a figure.
MSP = ("In 2026-27, wheat has a production cost of ₹ 1,239 per quintal and an MSP of ₹ 2,585 per quintal, "
       "ensuring a ₹ 1,346 margin.")
KHARIF = "Area sown under cotton stood at 107.30 lakh ha as on 14.08.2026 against 110.0 lakh ha last year."


def held(text: str):
    return lambda: frozenset(terms(text, drop_stopwords=True))


def idf(words):
    return {w: 1.0 for w in words}


def test_the_asked_words_leave_out_the_time_and_numbers():
    words = asked_words(COTTON, read_time(COTTON))
    assert "cotton" in words and "area" in words
    assert not any(ch.isdigit() for w in words for ch in w)
    assert "august" not in words


def test_a_release_of_another_subject_does_not_answer():
    # "area" only says the kind of figure: any release may hold it unsaid
    assert unheld_words(COTTON, read_time(COTTON), "en", "en", idf, held(MSP)) == ("sown", "cotton")


def test_a_release_holding_the_asked_words_answers():
    assert unheld_words(COTTON, read_time(COTTON), "en", "en", idf, held(KHARIF)) == ()


def test_less_than_half_the_weight_unheld_answers():
    # "cotton" alone unheld, but the rarer words are held: a third of the weight
    assert unheld_share({"area": 1.0, "sown": 1.0, "cotton": 1.0}, {"area", "sown"}) < 0.5
    assert unheld_words(COTTON, read_time(COTTON), "en", "en", idf, held("Area sown under paddy")) == ()
    # weighed by idf: the rare word unheld is most of the question
    weights = {"area": 0.5, "sown": 0.5, "cotton": 3.0}
    assert unheld_share(weights, {"area", "sown"}) > 0.5


def test_across_languages_nothing_is_refused():
    q = "2019-20 में छत्तीसगढ़ में कितना मछली उत्पादन हुआ?"
    assert unheld_words(q, read_time(q), "en", "hi", idf, held(MSP)) == ()
    assert unheld_words(q, read_time(q), "hi", "hi", idf, held("छत्तीसगढ़ में जीएसटी संग्रह")) == ("मछली", "उत्पादन")


def test_the_reason_says_the_questions_own_words():
    assert said("How many rice samples were tested?", ["sampl", "test"]) == ("samples", "tested")


def test_a_stem_is_held_by_a_form_a_letter_longer_or_shorter():
    have = frozenset(terms("Area sown under groundnut stood at 45 lakh ha", drop_stopwords=True))
    assert "sow" in held_forms(["sow"], have)  # "sowing" asked, "sown" stated
    assert "cut" not in held_forms(["cut"], frozenset({"cutoff"}))  # more than a letter longer
    assert "ab" not in held_forms(["ab"], frozenset({"abc"}))  # too short to be anyone's stem


def test_the_words_that_frame_a_question_need_not_be_held():
    q = "How much area was under oilseeds in the kharif sowing update as on 07.08.2026?"
    release = "Area coverage under kharif crops: oilseeds 180.5 lakh ha sown as on 07.08.2026"
    assert unheld_words(q, read_time(q), "en", "en", idf, held(release)) == ()
    # the same question against a release of another subject is still refused for what it asks
    assert "oilseeds" in unheld_words(q, read_time(q), "en", "en", idf, held(MSP))
