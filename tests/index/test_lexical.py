"""Keyword terms: the same for a passage and a question however a word is drawn."""
from index.lexical import terms


def test_a_word_drawn_with_zero_width_joiners_is_the_word_typed_without_them():
    # PIB's Hindi writes a joiner after each halant: स्‍वास्‍थ्‍य, as typed स्वास्थ्य
    assert terms("स्\u200dवास्\u200dथ्\u200dय मंत्रालय") == terms("स्वास्थ्य मंत्रालय") == ["स्वास्थ्य", "मंत्रालय"]
    assert terms("उत्\u200cपादन") == terms("उत्पादन")
    assert terms("GeM\u00ad portal\u200b") == terms("GeM portal")
