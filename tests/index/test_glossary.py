"""A question's words held in the other language by a figure's words, as the glossary spells them
(index/glossary.py), and the figure it then chooses."""
import dataclasses

from index.glossary import glossed_names, glossed_terms, with_glossary
from index.lexical import terms
from index.search.fits import figure_fits
from index.search.question import FigureCues, expected_kinds
from tests.index.conftest import _idf, _passage


def _glossed(question: str):
    return glossed_terms(terms(question, drop_stopwords=True))


def test_a_hindi_crop_and_measure_are_held_by_the_english_words_that_name_them():
    glossed = _glossed("7 अगस्त 2026 तक देश में कपास की बुवाई कितने हेक्टेयर में हो चुकी थी?")
    around = frozenset(terms("Cotton | Area Sown 2026"))
    assert with_glossary(around, glossed) == around | {"कपास", "बुव"}
    rice = frozenset(terms("Rice | Area Sown 2026"))
    assert with_glossary(rice, glossed) == rice | {"बुव"}  # the measure, not the crop


def test_an_english_question_holds_its_words_in_a_hindi_passage_and_any_spelling_counts():
    glossed = _glossed("How many forest rights claims were rejected in Karnataka?")
    assert with_glossary(frozenset(terms("दावे खारिज किए गए")), glossed) >= {"claim", "reject"}
    tur = _glossed("What was the area sown under tur on 7 August?")
    assert "tur" in with_glossary(frozenset(terms("अरहर की बुवाई")), tur)
    # a word no spelling of which the figure's words hold adds nothing; nor does a question without glossary words
    assert with_glossary(frozenset(terms("धान")), tur) == frozenset(terms("धान"))
    assert _glossed("When was the scheme launched?") == ()


def test_with_the_glossary_a_hindi_question_chooses_the_english_row_of_its_crop():
    """A weekly crop report's rows: "Rice", "a Arhar": the Hindi question names अरहर."""
    text = ("Crop Area Sown 2026 2025 Rice 344.78 360.67 Pulses 103.78 105.73 a Arhar 37.53 40.14 "
            "b Urdbean 22.86 20.29 c Moongbean 31.37 33.21")
    q = "7 अगस्त 2026 तक अरहर का बुवाई क्षेत्र कितना था?"
    p = _passage(text)
    cues = FigureCues(label_weight=1.0)
    glossed = dataclasses.replace(cues, glossed=_glossed(q))

    def best(c):
        fits = figure_fits(p, expected_kinds(q), _idf(q), c)
        return p.figures[max(fits, key=lambda j: (fits[j], -j))].text

    assert best(glossed) == "37.53"
    assert best(cues) == "344.78"  # without it, nothing tells the rows apart: the first


def test_every_glossary_row_spells_its_word_in_both_languages_and_no_two_rows_alike():
    """A row whose one side stems to nothing, or a spelling two rows share in one language, would
    hold words the question never asked for."""
    from corpus.readers import bilingual_glossary
    from index.glossary import _spellings

    rows = bilingual_glossary()
    assert len(rows) == len(_spellings()) > 50
    seen: dict[frozenset, str] = {}
    for (english, hindi, kind), (en, hi) in zip(rows, _spellings()):
        assert kind in {"crop", "produce", "measure"} and en and hi, english
        assert all(all("\u0900" <= c <= "\u097f" for c in "".join(s)) for s in hi), hindi
        for s in (*en, *hi):
            assert seen.setdefault(s, english) == english, (s, english, seen[s])


def test_a_known_place_is_held_in_the_other_language_by_its_name_there():
    """बिहार, मध्य प्रदेश: too few consonants to tell as loanwords, named in names-en-hi.csv."""
    glossed = glossed_names(terms("बिहार में अब तक कितने जन औषधि केंद्र खुल चुके हैं?", drop_stopwords=True))
    assert "बिहार" in with_glossary(frozenset(terms("5 Bihar 1304")), glossed)
    assert "बिहार" not in with_glossary(frozenset(terms("4 Assam 202")), glossed)
    mp = glossed_names(terms("How many villages of Madhya Pradesh are covered?", drop_stopwords=True))
    assert {"madhya", "pradesh"} <= with_glossary(frozenset(terms("मध्य प्रदेश 11377")), mp)
    # a short spelling is a name only in capitals, which terms do not keep: "set up" is no Uttar Pradesh
    assert not any("up" in theirs for _, spellings in glossed_names(terms("उत्तर प्रदेश")) for theirs in spellings)
