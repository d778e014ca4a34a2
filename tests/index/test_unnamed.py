"""Which of the question's places an answer names: hand-built hits over a real bulletin's lines."""
from corpus import Release
from index.names import question_names
from index.records import Answer, Hit, Passage
from index.unnamed import said_before, unnamed_places

TEXT = ("पीआईबी फील्ड कार्यालयों से जानकारियां\n"
        "·       आंध्र प्रदेश- राज्य सरकार हर परिवार से एक व्यक्ति का टेस्ट कराएगी। कमेटी रिपोर्ट भेजेगी। "
        "कुल पॉजिटिव केस 1583, सक्रिय मामले 1062 हुए।\n"
        "·       तेलंगाना- वायु सेना ने अस्पताल पर फूल बरसाए। कल तक कुल मामले 1061, सक्रिय केस 533 रहे।")
RELEASE = Release(release_id="1620667", lang="hi", title="कोविड-19 पर पीआईबी का दैनिक बुलेटिन", text=TEXT)


def hit_and_answer(passage_from: str, sentence: str) -> tuple[Hit, Answer]:
    start = TEXT.index(passage_from)
    end = TEXT.find("\n", start) if "\n" in TEXT[start:] else len(TEXT)  # to the end of its line
    passage = Passage(release_id="1620667", lang="hi", start=start, end=end, text=TEXT[start:end])
    a = passage.text.index(sentence)
    answer = Answer(text=sentence, start=a, end=a + len(sentence), figures=[], release_id="1620667", lang="hi",
                    score=0.9)
    return Hit(passage=passage, release=RELEASE, score=0.9), answer


def asked(question):
    return [n for n in question_names(question) if n.kind == "known"]


def test_a_window_inside_a_states_line_names_the_state_at_its_head():
    hit, answer = hit_and_answer("कमेटी रिपोर्ट", "कुल पॉजिटिव केस 1583, सक्रिय मामले 1062 हुए।")
    assert "आंध्र प्रदेश" in said_before(hit, answer) and "आंध्र प्रदेश" not in hit.passage.text
    assert unnamed_places(asked("आंध्र प्रदेश में सक्रिय मामले कितने थे?"), hit, answer) == []


def test_another_states_line_does_not_name_the_asked_one():
    hit, answer = hit_and_answer("वायु सेना", "कल तक कुल मामले 1061, सक्रिय केस 533 रहे।")
    assert unnamed_places(asked("How many active cases did Andhra Pradesh have?"), hit, answer) == ["Andhra Pradesh"]
    assert unnamed_places(asked("तेलंगाना में सक्रिय केस कितने थे?"), hit, answer) == []


def test_the_title_names_what_the_whole_release_is_about():
    hit, answer = hit_and_answer("वायु सेना", "कल तक कुल मामले 1061, सक्रिय केस 533 रहे।")
    titled = Hit(passage=hit.passage, release=Release(release_id="1620667", lang="hi", title="Andhra Pradesh bulletin",
                                                      text=TEXT), score=0.9)
    assert unnamed_places(asked("How many active cases did Andhra Pradesh have?"), titled, answer) == []


def test_a_passage_not_cut_from_its_release_text_is_read_alone():
    hit, answer = hit_and_answer("कमेटी रिपोर्ट", "कुल पॉजिटिव केस 1583, सक्रिय मामले 1062 हुए।")
    other = Hit(passage=hit.passage, release=Release(release_id="1620667", lang="hi", title="t", text="other text"),
                score=0.9)
    assert said_before(other, answer) == hit.passage.text[:answer.end]
    assert unnamed_places(asked("आंध्र प्रदेश में सक्रिय मामले कितने थे?"), other, answer) == ["आंध्र प्रदेश"]
