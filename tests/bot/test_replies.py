"""Which releases a reply cites (bot/replies.py), on hand-built results read by the real figure reader."""
from corpus.release import Release
from index.figures import FigureExtractor
from index.records import Answer, Hit, Passage
from index.search import SearchResult

from bot.replies import ask_reply, choose_sources, unnamed_places

READ = FigureExtractor()


def hit(release_id: str, text: str, score: float, lang: str = "en", title: str | None = None) -> Hit:
    passage = Passage(release_id=release_id, lang=lang, start=0, end=len(text), text=text, figures=READ.run(text))
    return Hit(passage=passage, release=Release(release_id=release_id, lang=lang, title=title or f"release {release_id}",
                                                 text=text), score=score)


def answered(hits: list[Hit], kinds=frozenset({"count"})) -> SearchResult:
    top = hits[0].passage
    answer = Answer(text=top.text, start=0, end=len(top.text), figures=top.figures, release_id=top.release_id,
                    lang=top.lang, score=hits[0].score)
    return SearchResult(hits, answer, kinds=kinds)


ANSWER = "As on 3rd June 2020, a total of 4197 Shramik Special trains have been operationalized."


def test_beside_an_answer_only_releases_stating_its_figure_are_cited():
    result = answered([
        hit("1", ANSWER, 0.99),
        hit("2", "Upcoming auction of government securities worth Rs 30,000 crore on 5 June.", 0.98),
        hit("3", "The PIB bulletin: 4,197 “Shramik Special” trains have run till 3 June.", 0.97),
        hit("4", "श्रमिक स्पेशल: 3 जून तक कुल 4,197 ट्रेनें चलाई गईं।", 0.96, lang="hi"),
    ])
    assert [h.release.release_id for h in choose_sources(result)] == ["1", "3", "4"]


def test_a_release_stating_the_figure_far_below_the_answer_is_not_cited():
    result = answered([hit("1", ANSWER, 0.99), hit("3", "In all, 4197 Shramik Special trains ran.", 0.90)])
    assert [h.release.release_id for h in choose_sources(result)] == ["1"]


def test_small_numbers_and_times_tell_nothing():
    result = answered([
        hit("1", "In the last 24 hours, 15 States reported new cases on 3 June 2020.", 0.99),
        hit("2", "Training was held for 24 hours across 15 States from 3 June 2020.", 0.98),
    ])
    assert [h.release.release_id for h in choose_sources(result)] == ["1"]


def test_without_an_answer_the_closest_releases_are_cited():
    hits = [hit(str(i), f"Passage {i} about something else.", 0.9 - i / 10) for i in range(1, 6)]
    result = SearchResult(hits, None)
    assert [h.release.release_id for h in choose_sources(result)] == ["1", "2", "3"]


def answered_from(passage_text: str, sentence: str, title: str = "A release") -> SearchResult:
    h = hit("1", passage_text, 0.9, title=title)
    end = passage_text.index(sentence) + len(sentence)
    answer = Answer(text=sentence, start=end - len(sentence), end=end, figures=READ.run(sentence), release_id="1",
                    lang="en", score=0.9)
    return SearchResult([h], answer)


def test_an_answer_that_does_not_name_the_asked_place_says_so():
    sentence = "In the state of Uttar Pradesh, three food irradiation facilities have been commissioned."
    result = answered_from("Irradiation is used for food safety. " + sentence, sentence)
    question = "How many food irradiation facilities are operating in Maharashtra?"
    assert unnamed_places(question, result) == ["Maharashtra"]
    assert ask_reply(question, result).answer.unnamed == ["Maharashtra"]


def test_a_place_named_before_the_sentence_in_its_passage_or_in_the_title_is_named():
    sentence = "Total cases 1061, active 533, 499 recovered."
    bulletin = answered_from("Andhra Pradesh: " + sentence, sentence)
    assert unnamed_places("How many active COVID-19 cases did Andhra Pradesh have?", bulletin) == []
    titled = answered_from(sentence, sentence, title="COVID-19 in Andhra Pradesh")
    assert unnamed_places("आंध्र प्रदेश में कितने सक्रिय मामले थे?", titled) == []  # in either script
    assert unnamed_places("How many active cases were there?", titled) == []  # none asked
