"""Keyword terms: the same for a passage and a question however a word is drawn, and the FTS5
expression they are matched by."""
from index.keywordstore import match_expression
from index.lexical import term_set, terms


def test_a_word_drawn_with_zero_width_joiners_is_the_word_typed_without_them():
    # PIB's Hindi writes a joiner after each halant: स्‍वास्‍थ्‍य, as typed स्वास्थ्य
    assert terms("स्\u200dवास्\u200dथ्\u200dय मंत्रालय") == terms("स्वास्थ्य मंत्रालय") == ["स्वास्थ्य", "मंत्रालय"]
    assert terms("उत्\u200cपादन") == terms("उत्पादन")
    assert terms("GeM\u00ad portal\u200b") == terms("GeM portal")


def test_terms_keep_devanagari_words_whole_and_numbers_normalised():
    assert terms("विक्रेताओं") == terms("विक्रेता")  # stemmed to one term
    assert terms("86,000") == terms("86000") == terms("८६,०००") == ["86000"]
    assert terms("1,05,366 crore") == ["105366", "crore"]
    assert terms("48.31 प्रतिशत")[0] == "48d31"
    assert terms("ज़्यादा") == terms("ज्यादा")
    assert terms("हिन्दी") == ["हिन्दी"] or len(terms("हिन्दी")) == 1
    assert terms("कितने हैं?", drop_stopwords=True) == []  # only function words: nothing to match
    # "etc" and "viz" hold no topic: a path such as ../../etc/passwd asks only "passwd", which no release holds
    assert terms("../../etc/passwd", drop_stopwords=True) == ["passwd"]
    assert terms("states, viz. Bihar", drop_stopwords=True) == terms("states Bihar")
    assert match_expression(terms('"quoted" OR NEAR(x) *')) == '"quot" OR "or" OR "near" OR "x"'  # FTS5 syntax is just text
    assert match_expression(['a"b']) == '"a""b"' and match_expression([]) is None


def test_a_title_or_label_read_again_is_read_once():
    # the search reads every candidate's title and figure labels for each question: kept, not read again
    title = "Merchandise Exports (US$ Billion) in July 2026"
    assert term_set(title) == frozenset(terms(title))
    assert term_set(title) is term_set("Merchandise Exports (US$ Billion) in July 2026")


def test_a_stopword_in_capitals_is_an_acronym_a_question_keeps():
    # "INSPIRE-SHE" (Scholarship for Higher Education) is told from "INSPIRE-MANAK" by its "SHE" alone
    assert terms("How many students were selected under INSPIRE-SHE in 2025-26?", drop_stopwords=True) == [
        "student", "select", "inspir", "she", "2025", "26"]
    assert "it" in terms("IT exports in 2024", drop_stopwords=True)
    assert "she" not in terms("how many awards did she win", drop_stopwords=True)
    # a question typed in capitals throughout shouts; its function words are still function words
    assert terms("WHAT IS IT", drop_stopwords=True) == []
