"""The no-answer decision's reading of what a question asks (index/search/decision.py)."""
import pytest

from index.search.decision import asked_words_of
from index.timeq import read_time


@pytest.mark.parametrize("question", ["{{7*7}}", "86000", "%s%s%n", "\\x41\\x42", "-1e309", "' OR 1=1 --",
                                      "why?", "क्या?", "मई 2020"])
def test_numbers_letters_and_time_alone_ask_nothing(question):
    assert asked_words_of(question, read_time(question)) == []


def test_the_words_that_say_what_is_asked():
    question = "How many sellers from Madhya Pradesh completed their profile on GeM in May 2020?"
    words = asked_words_of(question, read_time(question))
    assert {"seller", "madhya", "pradesh", "gem"} <= set(words)
    assert not {"may", "2020", "how", "many"} & set(words)
