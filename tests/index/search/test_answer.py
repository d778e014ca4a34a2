"""The answer sentence (index/search/answer.py) on small hand-built cases: the figure asked, the place
asked in either script, each sentence's similarity, the title's words, a line of links."""
import datetime as dt

from index.answerable import asked_measure
from index.lexical import terms
from index.search import HybridSearcher, SearchSettings, expected_kinds
from index.search.question import AskedFigure, asked_figure, given_values
from index.timeq import read_time

from tests.index.conftest import _idf, _passage

S = SearchSettings()


def _answer(p, q: str, today: dt.date = dt.date(2026, 9, 1), *, places: bool = False) -> str:
    """The figure of the whole passage `p` that answers `q`, the question read as the search reads it:
    its kinds, its time on `today`, and what it says of the figure (`asked_figure`); with `places`, the
    places it names too."""
    from index.names import question_names
    from index.search.answer import answering_figure

    named = tuple(n for n in question_names(q) if n.kind == "known") if places else ()
    j = answering_figure(p, 0, len(p.text), _idf(q), expected_kinds(q), window=read_time(q, today).window,
                         asked_figure=asked_figure(q), places=named)
    return p.figures[j].text


def _answer_weighed(p, q: str, weights: dict[str, float], other: float, today: dt.date = dt.date(2026, 9, 1)) -> str:
    """`_answer` with the question's words weighed as the index weighs them: `weights` for some, `other`
    for the rest (a place's name is rarer than a year's digits; a release title's words weigh little)."""
    from index.search.answer import answering_figure

    idf = {t: weights.get(t, other) for t in terms(q, drop_stopwords=True)}
    j = answering_figure(p, 0, len(p.text), idf, expected_kinds(q), window=read_time(q, today).window,
                         asked_figure=asked_figure(q))
    return p.figures[j].text


def _row(row: str, cells: str, columns: tuple[str, ...]):
    """A table's row as a passage, each cell labelled by the row and its column's header as the readers
    label them."""
    import dataclasses

    from index.figures.figure import CELL_MARK
    from index.records import Passage

    text = f"{row} {cells}"
    figures = [dataclasses.replace(f, label=f"{row}{CELL_MARK} {column}") for f, column in zip(_passage(text).figures, columns)]
    return Passage(release_id="x", lang="en", start=0, end=len(text), text=text, figures=figures)


def test_answer_sentence_holds_the_asked_figure():
    q = "How many sellers from Madhya Pradesh completed their profile on GeM?"
    text = ("GeM and the Government of Madhya Pradesh signed an agreement. "
            "Over 86,000 sellers from the state have completed their profile on GeM. "
            "The portal was launched in 2016.")
    p = _passage(text)
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q))
    assert "86,000" in text[a:b] and text[a:b].startswith("Over")


def test_a_sentence_in_another_unit_does_not_answer_where_another_holds_the_asked_unit():
    """Asked in tonnes, the sentence of the distance flown (km) is no answer beside the cargo's tons."""
    q = "How many tonnes of medical cargo were transported under Lifeline Udan?"
    text = ("Lifeline Udan flights to transport medical cargo have covered over 4,21,790 km till date. "
            "Cargo transported till date is around 795.86 tons.")
    p = _passage(text)
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), unit="tonne")
    assert text[a:b] == "Cargo transported till date is around 795.86 tons."
    # without a figure in the asked unit, the sentence is chosen as before
    only_km = "Aerial distance covered by Lifeline Udan flights to transport medical cargo till date is over 4,21,790 km."
    assert HybridSearcher.best_sentence(_passage(only_km), _idf(q), expected_kinds(q), unit="tonne") == (0, len(only_km))


def test_a_sentence_whose_figures_the_question_states_does_not_answer_where_another_holds_others():
    q = "Of the 200 passenger trains starting on 1 June, how many passengers travel on the first day?"
    text = ("The 200 passenger trains starting on 1 June will let passengers travel from the first day. "
            "About 1.45 lakh people have booked tickets.")
    p = _passage(text)
    assert text.startswith(text[slice(*HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q)))])  # by words alone
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), given=given_values(q))
    assert text[a:b] == "About 1.45 lakh people have booked tickets."
    # where the question's own number is the only one, its sentence is chosen as before
    only = "The 200 passenger trains starting on 1 June will let passengers travel from the first day."
    chosen = HybridSearcher.best_sentence(_passage(only), _idf(q), expected_kinds(q), given=given_values(q))
    assert chosen == (0, len(only))

def test_a_sentence_without_the_asked_figure_does_not_answer_where_another_holds_it():
    """The sentence that names every word of the question may hold no figure; the next one, which
    says "The project", holds the cost."""
    q = "What is the total capital cost of upgrading the Muzaffarpur Sitamarhi Sonbarsa section in Bihar?"
    text = ("The Cabinet has approved the upgradation of the Muzaffarpur Sitamarhi Sonbarsa section in Bihar. "
            "The project will be developed at an outlay of Rs.3590.73 crore.")
    p = _passage(text)
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q))
    assert text[a:b].startswith("The project")
    # asked for no figure: the words decide
    a, b = HybridSearcher.best_sentence(p, _idf("Who approved the Muzaffarpur Sitamarhi Sonbarsa upgradation?"), frozenset())
    assert text[a:b].startswith("The Cabinet")


def test_a_line_of_links_is_no_answer_sentence():
    # A release's closing list of links holds the question's words only in its addresses.
    q = "What does the PIB press release page of PRID 2291173 say about dairy?"
    text = ("Dairy cooperatives collected milk from 2.35 lakh villages.\n"
            "https://www.pib.gov.in/PressReleasePage.aspx?PRID=2291173&reg=48&lang=2 "
            "https://www.pib.gov.in/PressReleasePage.aspx?PRID=2291173&reg=48&lang=2")
    p = _passage(text)
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q))
    assert text[a:b].startswith("Dairy")
    links_only = _passage("https://www.pib.gov.in/PressReleasePage.aspx?PRID=2291173&reg=48&lang=2")
    assert HybridSearcher.best_sentence(links_only, _idf(q), expected_kinds(q)) == (0, len(links_only.text))


def test_the_answer_sentence_that_names_the_asked_place_in_the_other_script():
    from index.names import question_names

    q = "How many deaths had Mumbai reported?"
    text = ("महाराष्ट्र में कोविड-19 के 678 नए मामले सामने आए हैं। मुंबई में 322 मौतें और 8,359 मरीज हैं। "
            "पुणे में 1,800 मामले हैं।")
    p = _passage(text, "hi")
    places = tuple(n for n in question_names(q) if n.kind == "known")
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), places=places, places_weight=S.sentence_names_weight)
    assert text[a:b].startswith("मुंबई")
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q))  # without the places: the lead
    assert text[a:b].startswith("महाराष्ट्र")


def test_a_paragraph_s_head_names_the_place_of_each_of_its_sentences():
    """A bulletin names its State once, at its paragraph's head: each sentence of that line is the State's,
    so the place does not choose the first sentence alone."""
    from index.names import question_names

    q = "How many COVID-19 deaths had Madhya Pradesh recorded?"
    text = ("· मध्य प्रदेश- राज्य में 127 नए मामले सामने आए हैं। कुल मामलों की संख्या 2,846 है। 151 लोगों का निधन हो चुका है।\n"
            "· राजस्थान- राज्य में 104 नए मामले सामने आए।")
    p = _passage(text, "hi")
    places = tuple(n for n in question_names(q) if n.kind == "known")
    similarity = (0.80, 0.70, 0.82, 0.60)  # a little nearer in meaning: the place no longer outweighs it
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), places=places,
                                        places_weight=S.sentence_names_weight, similarity=similarity,
                                        similarity_weight=S.sentence_similarity_weight)
    assert text[a:b].startswith("151")


def test_the_answer_sentence_weighs_each_sentence_similarity_to_the_question():
    # The figure stands in the sentence after the one with the question's words.
    q = "How many of the cargo flights were international?"
    text = "Spicejet operated 153 cargo flights in ten days. Out of these 44 were international."
    p = _passage(text)
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q))
    assert text[a:b].startswith("Spicejet")
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), similarity=(0.82, 0.88),
                                        similarity_weight=S.sentence_similarity_weight)
    assert text[a:b].startswith("Out of these")
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), similarity=(0.86, 0.84),
                                        similarity_weight=S.sentence_similarity_weight)
    assert text[a:b].startswith("Spicejet")  # nearer in meaning as well as in words


def test_the_question_words_the_release_title_holds_do_not_choose_the_answer_sentence():
    from index.search import title_weighted

    title = "Lifeline UDAN operates 430 flights"
    q = "How much medical cargo has Lifeline UDAN flown in all?"
    text = "Lifeline UDAN flights have flown over 4,21,790 km in all. The medical cargo flown is about 795.86 tonnes."
    p = _passage(text)
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), title=title)
    assert text[a:b].startswith("Lifeline")  # the release's own name outweighs the thing asked
    weighted = title_weighted(_idf(q), title, S.sentence_title_words_weight)
    assert weighted[next(iter(terms("UDAN")))] == 0.0 and weighted[next(iter(terms("cargo")))] == 1.0
    a, b = HybridSearcher.best_sentence(p, weighted, expected_kinds(q), title=title)
    assert text[a:b].startswith("The medical cargo")
    # a question all of whose words the title holds keeps them
    assert title_weighted(_idf("Lifeline UDAN flights"), title, 0.0) == _idf("Lifeline UDAN flights")


def test_the_figure_that_answers_is_the_one_of_the_asked_kind_whose_words_fit_best():
    from index.search.answer import answering_figure

    text = "Overall UR dropped to 5.1% in July, 2026 from 5.5% in June, 2026, while 12,000 households were surveyed."
    p = _passage(text)
    q = "What was the percentage of households surveyed?"  # a percent asked: the count is no answer
    percent = answering_figure(p, 0, len(text), _idf(q), expected_kinds(q))
    assert p.figures[percent].text == "5.1%"  # the first of equals
    q = "How many households were surveyed?"
    assert p.figures[answering_figure(p, 0, len(text), _idf(q), expected_kinds(q))].text == "12,000"
    # outside the answer's span, or no kind asked: none
    assert answering_figure(p, 0, text.index("5.5%"), _idf(q), expected_kinds(q)) is None
    assert answering_figure(p, 0, len(text), _idf("Who surveyed households?"), frozenset()) is None
    # one sentence, two counts, the same words within 80 characters of each: the words beside each tell
    dairy = _passage("Around 1.7 crore dairy farmers in the country are associated with 230 milk unions.")
    # the thing the question counts ("how many milk unions") named right after it or by its label
    q = "How many milk unions are dairy farmers associated with?"
    assert dairy.figures[answering_figure(dairy, 0, len(dairy.text), _idf(q), expected_kinds(q),
                                          asked_figure=AskedFigure(counted=asked_measure(q)))].text == "230"
    q = "How many dairy farmers are associated with milk unions?"
    assert dairy.figures[answering_figure(dairy, 0, len(dairy.text), _idf(q), expected_kinds(q),
                                          asked_figure=AskedFigure(counted=asked_measure(q)))].text == "1.7 crore"
    # a date beside each: "550 m in 2017, 1470 m in 2018"
    ice = _passage("The ice shelf extended by 550 m in 2017, 1470 m in 2018 and 2200 m in 2019.")
    q = "By how much did the ice shelf extend in 2018?"
    window = read_time(q, dt.date(2026, 12, 2)).window
    assert ice.figures[answering_figure(ice, 0, len(ice.text), _idf(q), expected_kinds(q), window=window)].text == "1470 m"


def test_a_bracketed_figure_answers_for_what_stands_before_its_bracket():
    """"मेघालय (1 सीट) एवं राजस्थान (3 सीट)": the words after the first bracket (राजस्थान) are the
    next figure's, not the first's."""
    from index.search.answer import answering_figure

    text = "चुनाव मणिपुर (1 सीट), मेघालय (1 सीट) एवं राजस्थान (3 सीट) की राज्यसभा सीटों के लिए होंगे।"
    p = _passage(text, lang="hi")
    for q, seats in (("राजस्थान की कितनी सीटों के लिए चुनाव होंगे?", "3"), ("मणिपुर की कितनी सीटों पर चुनाव?", "1")):
        j = answering_figure(p, 0, len(text), _idf(q), expected_kinds(q))
        assert p.figures[j].text.startswith(seats) and "मेघालय" not in text[p.figures[j].start - 12:p.figures[j].start], q
    english = _passage("Elections to 18 seats: Andhra Pradesh (4 seats), Gujarat (4 seats) and Rajasthan (3 seats).")
    q = "How many seats of Rajasthan go to the polls?"
    assert english.figures[answering_figure(english, 0, len(english.text), _idf(q), expected_kinds(q))].text.startswith("3")


def test_a_figure_restated_in_brackets_keeps_the_words_after_the_bracket():
    """"28 BCM (11%) for domestic purposes": the bracket restates the item, whose words go on after it."""
    text = ("Of total Annual Ground Water Extraction, 215 BCM (87%) is used for irrigation, 28 BCM (11%) for domestic purposes, "
            "including drinking water, and 4 BCM (2%) for industrial purposes.")
    p = _passage(text)
    assert _answer(p, "How much groundwater is extracted every year for domestic use including drinking water, in BCM?") == "28 BCM"
    assert _answer(p, "How much groundwater goes to industrial purposes, in BCM?") == "4 BCM"
    money = _passage("The outlay is ₹1,200 crore (US$ 150 million) for roads and ₹300 crore (US$ 40 million) for schools.")
    assert _answer(money, "How much is the outlay for schools?") == "₹300 crore"


def test_an_answer_sentence_takes_the_sentences_that_go_on_from_it():
    """"Out of these 44 were international cargo flights" says nothing alone, and the sentence before it
    leaves out the 44: the answer reads whole, the sentence before and the ones that go on from it."""
    from index.search.analysis import analyse
    from index.search.answer import with_sequels

    def spans(text, lang="en"):
        p = _passage(text, lang=lang)
        return p.text, [(a, b) for a, b, _ in analyse(p).sentences], analyse(p).sentences

    text, sentences, read = spans("Cargo moved fast. Spicejet operated 153 cargo flights in ten days. Out of these 44 were "
                                  "international cargo flights. Thus 109 were domestic. The airline thanked its staff.")
    (_, _), (a, b), (c, d), (e, f), (_, g) = sentences
    assert with_sequels(text, read, a, b) == (a, f)  # the two that go on from it, not the one after them
    assert with_sequels(text, read, c, d) == (a, f)  # the one it goes on from, and the one going on from it
    assert with_sequels(text, read, 0, sentences[0][1]) == (0, sentences[0][1])  # none goes on from the first
    text, sentences, read = spans("समर्थ योजना में 27,497 लाभार्थियों को रोजगार मिला। इनमें से 23,102 महिलाएं हैं। "
                                  "योजना 2017 में शुरू हुई।", lang="hi")
    (a, b), (c, d), _ = sentences
    assert with_sequels(text, read, a, b) == (a, d)
    assert with_sequels(text, read, 5, 20) == (5, 20)  # a table's row, not one of its sentences
    text, sentences, read = spans("The female LFPR rose from 32.7% in June to 34.4% in July. During the same period, urban "
                                  "female LFPR increased from 24.8% to 25.3%.")
    (a, b), (c, d) = sentences
    assert with_sequels(text, read, a, b) == (a, d)  # of the time the sentence before states


def test_the_words_between_two_figures_split_at_the_clause_break_between_them():
    """What stands before the break is the first figure's, what stands after it the next one's."""
    from index.search.answer import answering_figure

    def answer(text, q, lang="en"):
        p = _passage(text, lang=lang)
        return p.figures[answering_figure(p, 0, len(text), _idf(q), expected_kinds(q))].text

    bulletin = "So far 2644 new cases were found in the state; the recovered patients number 10,632 today."
    assert answer(bulletin, "How many recovered patients are there?") == "10,632"
    assert answer(bulletin, "How many new cases were found?") == "2644"
    listed = "Cases by state: Kerala 120, Tamil Nadu 340, Karnataka 200."
    assert answer(listed, "How many cases in Tamil Nadu?") == "340"
    # no break between them: the words are both figures' ("480 government and 208 private laboratories")
    labs = "Testing is done in 480 government and 208 private laboratories."
    assert answer(labs, "How many private laboratories?") == "208"
    # a comma inside a date breaks no clause
    from index.search.answer import _clause_split

    dated = _passage("It rose from 5,000 tests on 3 June, 2020 to 6,000 tests on 4 June, 2020.")
    first, _, second, _ = dated.figures
    assert _clause_split(dated.text, dated.figures, first.end, len(dated.text), after=True) == len(dated.text)
    assert _clause_split(dated.text, dated.figures, second.start, 0, after=False) == 0


def test_a_change_in_percentage_points_answers_only_a_question_about_a_change():
    """"higher by 0.5 percentage point in July, 2026 (52.5%)": the rate asked stands beside its change."""
    p = _passage("Overall WPR is higher by 0.5 percentage point in July, 2026 (52.5%) against July, 2025 (52.0%).")

    def answer(q):
        return _answer(p, q)

    assert answer("What was the worker population ratio (WPR) in July 2026?") == "52.5%"
    assert answer("जुलाई 2026 में श्रमिक जनसंख्या अनुपात (WPR) कितना था?") == "52.5%"
    assert answer("By how many percentage points did the WPR rise in July 2026?") == "0.5 percentage point"
    assert answer("जुलाई 2026 में WPR में कितने प्रतिशत अंकों की वृद्धि हुई?") == "0.5 percentage point"


def test_a_value_changed_from_one_figure_to_the_next_is_answered_by_the_one_it_came_to():
    """"from 50.7% to 50.4%", "640 दिनों से कम करके 108 दिनों": the first is what it was; a question
    asks what it is, unless it asks what it was before."""
    def answer(text, q, lang="en"):
        return _answer(_passage(text, lang=lang), q)

    lfpr = "Urban LFPR experienced a marginal decline by 0.3 percentage point, from 50.7% to 50.4%."
    assert answer(lfpr, "What is the urban labour force participation rate?") == "50.4%"
    assert answer(lfpr, "What was the urban labour force participation rate earlier?") == "50.7%"
    # a time asked decides by the date beside each figure, where there is one
    assert answer(lfpr, "What was the urban labour force participation rate in July 2026?") == "50.4%"
    dated = "The female LFPR rose from 32.7% in June, 2026 to 34.4% in July, 2026."
    assert answer(dated, "What was the female labour force participation rate in June 2026?") == "32.7%"
    delay = "आवेदन/ लाइसेंसों की मंजूरी में होने वाली देरी को पहले 640 दिनों से कम करके 108 दिनों पर ले आया गया है।"
    assert answer(delay, "लाइसेंस की मंजूरी में लगने वाला समय घटकर कितने दिन रह गया है?", "hi").startswith("108")
    grants = "It has been increased from ₹2.36 lakh crore under the 15th Finance Commission to ₹4.35 lakh crore under the 16th."
    assert answer(grants, "How much are the grants under the 16th Finance Commission?") == "₹4.35 lakh crore"
    # two figures of two things are no change: "from 480 government and 208 private laboratories"
    labs = "Testing capacity grew with 480 government and 208 private laboratories."
    assert answer(labs, "How many government laboratories test?") == "480"


def test_a_part_taken_from_a_whole_answers_unless_the_total_is_asked():
    """"out of 5,86,944 villages 5,63,809 villages are covered": the question asks the part, unless it
    asks the total."""
    def answer(text, q, lang="en"):
        return _answer(_passage(text, lang=lang), q)

    villages = "Out of 5,86,944 villages 5,63,809 villages are reported to have been covered with Liquid Waste Management."
    assert answer(villages, "How many villages are covered with liquid waste management?") == "5,63,809"
    units = ("199 units of Gram Panchayat Bhawans have been approved from FY 2023-24 to 2025-26, out of which 124 units "
             "have been completed.")
    assert answer(units, "How many Gram Panchayat Bhawan units have been completed?") == "124"
    hindi = "5,86,944 गांवों में से 5,63,809 गांवों में तरल अपशिष्ट प्रबंधन की व्यवस्था की गई है।"
    assert answer(hindi, "कितने गांवों में तरल अपशिष्ट प्रबंधन की व्यवस्था की गई है?", "hi") == "5,63,809"
    # the date the sentence opens with is the part's too: it does not tell the whole from it
    dated = ("As per the information reported on the IMIS, as on 07.08.2026, out of 5,86,944 villages 5,63,809 villages "
             "are reported to have been covered with Liquid Waste Management arrangements.")
    assert answer(dated, "7 अगस्त 2026 तक कितने गाँवों में तरल अपशिष्ट प्रबंधन की व्यवस्था हो चुकी है?") == "5,63,809"
    # "comprising" takes parts from the whole before it; "including" names an aside, and is no such word
    players = "The championship has 1207 players, comprising 954 men and 253 women from 34 teams."
    assert answer(players, "How many women players take part in the championship?") == "253"
    # no whole and part: "480 government and 208 private laboratories"
    assert answer("Testing grew with 480 government and 208 private laboratories.", "How many government laboratories test?") == "480"


def test_the_figure_of_the_asked_place_answers_unless_a_total_is_asked():
    """"433 ... across the country including 68 in the State of Odisha": the question about Odisha asks
    68, though the country's figure stands with more of its words; a question asking the total of the
    places it names asks none of theirs."""
    def answer(text, q, lang="en"):
        return _answer(_passage(text, lang=lang), q, places=True)

    sadans = ("Presently, 433 Shakti Sadans are functional across the country including 68 in the State of Odisha and "
              "1,46,164 women have been benefitted.")
    assert answer(sadans, "How many Shakti Sadans are functional in Odisha?") == "68"
    assert answer(sadans, "How many Shakti Sadans are functional?") == "433"
    # a row's label names its place; the words after a cell are the next row's
    rides = "City Average Daily rides Delhi- NCR 5574 Gujarat 3817 Lucknow 324 Jaipur 372 Pune 632 Total 11,106 ."
    assert answer(rides, "How many Bharat Taxi rides in Jaipur?") == "372"
    hindi = "देश भर में 433 शक्ति सदन काम कर रहे हैं, जिनमें ओडिशा राज्य के 68 शक्ति सदन शामिल हैं।"
    assert answer(hindi, "ओडिशा में कितने शक्ति सदन काम कर रहे हैं?", "hi") == "68"
    assert answer(hindi, "How many Shakti Sadans are functional in Odisha?", "hi") == "68"  # the place in either script
    drugs = ("The operations recovered 867 kg of Mephedrone from Pune and 970 kg from Delhi, taking the total "
             "recovery to 1,837 kg of Mephedrone.")
    assert answer(drugs, "Total quantity of mephedrone recovered from Pune and Delhi, in kg?") == "1,837 kg"


def test_a_date_question_is_not_answered_by_the_day_it_names():
    p = _passage("The payment by successful bidders for the auctions of June 05, 2020 will be made on June 08, 2020 (Monday).")
    q = "When will successful bidders pay for the government stock auctions of June 5, 2020?"
    assert _answer(p, q, dt.date(2020, 6, 3)) == "June 08, 2020"
    # a month named is no day: its days may answer
    assert _answer(p, "On which date in June 2020 will the bidders pay?", dt.date(2020, 6, 3)).startswith("June 0")


def test_a_date_after_a_respectively_list_is_every_items():
    """"as of 2025-26" follows the last figure of the list, and dates both: it chooses neither."""
    p = _passage("MBBS and PG seats increased to 1,28,976 and 85,822, respectively, as of 2025-26.")
    assert _answer(p, "How many MBBS seats were there in India in 2025-26?") == "1,28,976"
    assert _answer(p, "How many PG seats were there in India in 2025-26?") == "85,822"
    # a date right beside one figure still chooses it
    p = _passage("Seats rose to 85,822 in 2025-26 from 80,000 in 2024-25.")
    assert _answer(p, "How many seats were there in 2024-25?") == "80,000"


def test_a_date_that_heads_a_list_is_every_items():
    """"during 2025-26" stands before the first of ten districts' exports and dates them all: the
    asked district's figure answers, not the list's first."""
    p = _passage("The top ten districts during 2025-26 were Tiruppur (Rs 38,677 crore), Surat (Rs 10,478 crore) "
                 "and Panipat (Rs 11,448 crore).")
    for place, exported in (("Panipat", "Rs 11,448 crore"), ("Tiruppur", "Rs 38,677 crore")):
        assert _answer_weighed(p, f"How much did {place} export in 2025-26?", {place.lower(): 8.0}, 3.0) == exported
    # each figure with a time of its own between: the date before the first is the first's
    p = _passage("In 2017, 550 m of the canal was lined and in 2018, 1470 m.")
    assert _answer(p, "How many metres of the canal were lined in 2017?") == "550 m"
    # ... or after the next one: the date before the first is the first's, and the asked time's figure answers
    p = _passage("Merchandise imports during April-July 2026-27 were US$ 292.38 Billion as compared to US$ 245.14 "
                 "Billion during April-July 2025-26.")
    asked = "Merchandise imports during April-July 2025-26, in US$ billion?"
    assert _answer_weighed(p, asked, {"merchandis": 6.0, "import": 6.0}, 1.0) == "US$ 245.14 Billion"


def test_a_lists_head_is_every_bracketed_items():
    """The words before a list's first item ("... completed their journeys- ") are the list's, not the
    first item's: the asked state's bracketed figure answers."""
    p = _passage("The top five states where the trains completed their journeys: Uttar Pradesh (1682 trains), "
                 "Bihar (1495 trains), Jharkhand (197 trains).")
    assert _answer(p, "How many trains completed their journeys in Bihar?") == "1495"
    assert _answer(p, "How many trains completed their journeys in Uttar Pradesh?") == "1682"
    hi = _passage("शीर्ष पांच राज्य, जहां सबसे ज्यादा ट्रेनों का परिचालन समाप्त हुआ- उत्तर प्रदेश (1682 ट्रेन), बिहार (1495 ट्रेन)।",
                  "hi")
    assert _answer(hi, "बिहार में कितनी ट्रेनों का परिचालन समाप्त हुआ?") == "1495"


def test_a_bare_item_of_a_list_counts_the_noun_its_first_item_names():
    """A list names what it counts once, after its first item; the bare items after it count the same."""
    hi = _passage("इसी तरह आंध्र प्रदेश में 266 इलेक्ट्रिक वाहन चार्जिंग स्टेशनों, तमिलनाडु में 256, गुजरात में 228, "
                  "राजस्थान में 205 स्टेशनों का आवंटन किया गया है।", "hi")
    # the stations are what the release is about: its title's words weigh little
    titled = {"चार्जिंग": 0.5, "स्टेशन": 0.5, "charg": 0.5, "station": 0.5}
    assert _answer_weighed(hi, "गुजरात को कितने चार्जिंग स्टेशन मिले?", titled, 6.0) == "228"
    assert _answer_weighed(hi, "आंध्र प्रदेश को कितने चार्जिंग स्टेशन मिले?", titled, 6.0) == "266"
    en = _passage("Andhra Pradesh got 266 charging stations, Tamil Nadu 256, Gujarat 228.")
    assert _answer_weighed(en, "How many charging stations did Gujarat get?", titled, 6.0) == "228"


def test_a_table_cell_whose_column_is_the_asked_month_answers():
    """A state's row under "Feb-19 Feb-20": the column's header says which month each cell is of."""
    import dataclasses
    from decimal import Decimal

    from index.figures.declared import Declared, in_declared_unit

    p = _row("Maharashtra", "14,092 15,735 12%", ("Feb-19", "Feb-20", "Growth"))
    # in ₹ crore, as the table's caption declares them: a tax's revenue is asked as a sum of money
    crore = Declared("INR", None, Decimal(10_000_000))
    p = dataclasses.replace(p, figures=[in_declared_unit(f, crore) if f.kind == "count" else f for f in p.figures])
    for q, month in (("What was Maharashtra's GST revenue in February 2020?", "15,735"),
                     ("What was Maharashtra's GST revenue in February 2019?", "14,092"),
                     ("फरवरी 2020 में महाराष्ट्र का जीएसटी संग्रह कितना रहा?", "15,735")):
        assert _answer(p, q, dt.date(2020, 3, 1)) == month, q


def test_a_figure_stands_for_the_time_its_place_in_a_one_line_table_gives():
    """Times, then as many figures ("Year 2024-25 2025-26 ... 63252.86 65890.50"), or times and figures
    taking turns ("2021-22 225 2022-23 178"): the figure of the asked year by its place."""
    def answer(text, q):
        return _answer(_passage(text), q)

    share = ("Year 2021-22 2022-23 2023-24 2024-25 2025-26 2026-27 (As on 06.08.2026) Central Share Released "
             "249.13 359.50 181.06 350.83 864.25 507.00")
    assert answer(share, "How much central share was released in 2025-26?") == "864.25"
    assert answer(share, "How much central share was released in 2022-23?") == "359.50"
    turns = "Year Number of Scholarships Awarded 2021-22 225 2022-23 178 2023-24 289 2024-25 269"
    assert answer(turns, "How many scholarships were awarded in 2023-24?") == "289"
    components = "Component 2024-25 2025-26 PSK 40,900.00 48,049.09 MUSK 11162.60 10314.31"
    assert answer(components, "How much was used from the PSK in 2025-26?") == "48,049.09"


def test_a_column_header_naming_a_time_among_words_dates_its_cells():
    """"a Jowar | Area Sown 2026": the day asked in August 2026 is in that column, not "Final Area
    Coverage 2025" nor "Normal Area (2020-21 to 2024-25)"."""
    p = _row("a Jowar", "14.44 12.10 12.82 12.61",
             ("Normal Area (2020- 21 to 2024-25)", "Final Area Coverage 2025", "Area Sown 2026", "2025"))
    assert _answer(p, "What was the area under jowar as on 7 August 2026?", dt.date(2026, 8, 10)) == "12.82"


def test_a_question_about_one_day_is_answered_by_the_days_figure_not_the_running_total():
    p = _passage("Cumulatively, 38,37,207 samples have been tested so far for COVID-19, whereas, 1,00,180 samples "
                 "were tested yesterday.")

    def answer(q):
        return _answer(p, q)

    assert answer("How many samples were tested for COVID-19 in a single day?") == "1,00,180"
    assert answer("How many samples have been tested for COVID-19?") == "38,37,207"


def test_a_question_about_a_running_total_is_answered_by_it_not_by_each_periods_figure():
    p = _passage("Mauritius receives around 500 training slots every year, while approximately 5,600 Mauritians have "
                 "been trained since 2007.")
    assert _answer(p, "How many Mauritians have been trained under ITEC so far?") == "5,600"
    assert _answer(p, "ITEC के तहत अब तक कितने मॉरीशस नागरिकों को प्रशिक्षण दिया गया?") == "5,600"


def test_a_one_line_tables_serial_numbers_answer_nothing():
    """"1 Alappuzha 138 2 Ernakulam 221": 1 and 2 number the rows; "1 2020-21 147.25 2 2021-22 162.48":
    with them left out, each year and its value take turns."""
    def answer(text, q):
        return _answer(_passage(text), q)

    districts = "Sl. No. Name of District No. of JAKs Opened 1 Alappuzha 138 2 Ernakulam 221 3 Idukki 62 4 Kannur 106"
    assert answer(districts, "How many Jan Aushadhi Kendras have been opened in Ernakulam?") == "221"
    fish = "Sl No Year Fish production 1 2020-21 147.25 2 2021-22 162.48 3 2022-23 175.45 4 2023-24 183.93"
    assert answer(fish, "What was India's fish production in 2022-23?") == "175.45"


def test_a_cell_of_a_row_of_a_time_is_told_by_its_row_not_by_the_rows_labels_beside_it():
    """2297820: "... 2023-24 1,96,793 72,902 2024-25 1,96,803 62,091": the year right after 72,902 is the
    next row's label, not its time."""
    gem = ("FY Incident Raised Seller Suspended 2023-24 1,96,793 72,902 2024-25 1,96,803 62,091 "
           "2025-26 1,81,035 55,772")

    def answer(q):
        return _answer(_passage(gem), q)

    assert answer("How many sellers were suspended on GeM in 2024-25?") == "62,091"
    assert answer("How many sellers were suspended on GeM in 2023-24?") == "72,902"
    assert answer("How many incidents were raised on GeM in 2025-26?") == "1,81,035"


def test_a_hindi_questions_loanwords_held_by_the_words_beside_a_figure_choose_it():
    """"15 lakh mobile updates and 23 lakh email updates": ईमेल is the email beside 23 lakh, as the figure's
    wider words already held it."""
    from index.loanwords import loanword_keys
    from index.search.answer import answering_figure
    from index.search.question import FigureCues

    p = _passage("The app recorded 15 lakh mobile updates and 23 lakh email updates.")
    q = "आधार ऐप के जरिए कितने लोगों ने अपना ईमेल अपडेट किया है?"
    cues = FigureCues(loans=loanword_keys(terms(q, drop_stopwords=True)))
    j = answering_figure(p, 0, len(p.text), _idf(q), expected_kinds(q), cues, asked_figure=asked_figure(q))
    assert p.figures[j].text == "23 lakh"


def test_a_rows_total_answers_where_the_question_tells_its_cells_apart_by_nothing():
    """"Indore 11,347 1,493 12,840" under "e-2W e-3Ws Total": the row's label stands before its first
    cell, but is every cell's; how many EVs in all is the total, how many e-3Ws its own column."""
    p = _row("Indore", "11,347 1,493 12,840", ("e-2W", "e-3Ws", "Total"))
    assert _answer(p, "How many EVs were subsidised in Indore district?") == "12,840"
    assert _answer(p, "How many e-3Ws were subsidised in Indore district?") == "1,493"
    p = _row("Kerala", "44,580 1,018", ("Individual", "Community"))
    assert _answer(p, "How many community claims were received in Kerala?") == "1,018"


def test_a_cells_column_and_row_words_the_release_title_holds_still_tell_it_apart():
    """The title says what every sentence is about, so its words do not choose the sentence; but
    "Houses under Construction" is told from "Houses Completed" by a word the title holds."""
    q = "How many PMAY-G houses were under construction in Madhya Pradesh?"
    title = "Construction of houses under PMAY-G"
    p = _row("Madhya Pradesh", "31,24,124 17,72,923 9,96,025", ("Houses Sanctioned", "Houses Completed", "Houses under Construction*"))
    idf = _idf(q)
    from index.search import title_weighted
    from index.search.answer import answering_figure

    weighed = title_weighted(idf, title, 0.0)
    j = answering_figure(p, 0, len(p.text), weighed, expected_kinds(q), title=title, titled_idf=idf)
    assert p.figures[j].text == "9,96,025"
    # a row's words as well: "Services Exports" from "Merchandise Exports" under a title of both
    import dataclasses

    q = "What was the value of India's services exports in July 2026?"
    title = "India's exports (merchandise and services) in July 2026"
    goods, services = _row("Merchandise Exports", "44.24", ("July 2026",)), _row("Services Exports", "35.89", ("July 2026",))
    text = f"{goods.text} {services.text}"
    shifted = [dataclasses.replace(f, start=f.start + len(goods.text) + 1, end=f.end + len(goods.text) + 1) for f in services.figures]
    p = dataclasses.replace(goods, text=text, end=len(text), figures=list(goods.figures) + shifted)
    idf = _idf(q)
    j = answering_figure(p, 0, len(p.text), title_weighted(idf, title, 0.0), expected_kinds(q), title=title, titled_idf=idf)
    assert p.figures[j].text == "35.89"


def test_a_column_groups_total_answers_where_the_question_tells_the_group_by_its_words():
    p = _row("Chhattisgarh", "890,220 57,259 947,479 481,432 52,636 534,068",
             ("No. of Claims received upto Individual", "No. of Claims received upto Community", "No. of Claims received upto Total",
              "No. of Titles Distributed upto Individual", "No. of Titles Distributed upto Community",
              "No. of Titles Distributed upto Total"))
    assert _answer(p, "How many forest rights titles have been distributed in Chhattisgarh?") == "534,068"
    assert _answer(p, "How many community forest rights titles have been distributed in Chhattisgarh?") == "52,636"


def test_a_question_naming_a_scale_is_answered_by_a_figure_written_in_it():
    p = _passage("Under the eCourts project 538 courts are equipped with virtual courts, and 753.60 crore pages "
                 "of court records have been digitised.")
    assert _answer(p, "ई-कोर्ट्स परियोजना में अदालतों के कितने करोड़ पन्ने डिजिटाइज हुए?") == "753.60 crore"
    # "how many crore rupees" is answered in crore whatever stands before it ("12 हजार करोड़ रुपये")
    money = _passage("सरकार ने 6 करोड़ किसान परिवारों के लिए 12 हजार करोड़ रुपये जारी किए और 500 लाख रुपये बचाए।")
    assert _answer(money, "किसानों के लिए कितने करोड़ रुपये जारी किए गए?") == "12 हजार करोड़ रुपये"
    # with no scale named, the figure chosen is the one the words choose
    assert _answer(p, "How many courts are equipped with virtual courts?") == "538"


def test_a_question_naming_a_scale_no_figure_is_written_in_is_answered_by_one_that_reaches_it():
    p = _passage("India currently hosts more than 1,700 GCCs employing around 1.9 million professionals.")
    assert _answer(p, "How many lakh people work in Global Capability Centres in India?") == "1.9 million"
    assert _answer(p, "जीसीसी में कितने लाख लोग काम करते हैं?") == "1.9 million"
    # a tenth of the scale reaches it: "0.5 lakh" is how many lakh
    small = _passage("The 40 centres trained 50,000 youth in 2025.")
    assert _answer(small, "How many lakh youth did the centres train?") == "50,000"
    # with no scale named, the words choose
    assert _answer(p, "How many GCCs does India host?") == "1,700"


def test_a_date_across_a_clause_break_is_the_next_clauses():
    p = _passage("सरकार ने आईआईटी के बी.टेक में महिला नामांकन को मौजूदा 8 प्रतिशत से वर्ष 2018-19 में बढ़ाकर 14 प्रतिशत, "
                 "2019-20 में 17 प्रतिशत और 2020-21 में 20 प्रतिशत करने का फैसला लिया है।", lang="hi")
    assert _answer(p, "2019-20 में आईआईटी में महिला नामांकन कितने प्रतिशत करने का लक्ष्य है?") == "17 प्रतिशत"
    assert _answer(p, "2020-21 में आईआईटी में महिला नामांकन कितने प्रतिशत करने का लक्ष्य है?") == "20 प्रतिशत"
    # not a run of turns: the dates beside a figure, one across a comma and one on its side
    p = _passage("Exports reached Rs 410 crore, 2024-25 having closed; Rs 520 crore in 2025-26 is the estimate.")
    assert _answer(p, "What are the estimated exports in 2025-26?") == "Rs 520 crore"


def test_a_number_the_question_states_is_given_not_asked():
    p = _passage("The decision will benefit a total of 253 shooters across elite, emerging and Khelo India athletes, "
                 "of which 96 are women.")
    assert _answer(p, "How many women shooters are among the 253 shooters who benefit from the decision?") == "96"
    # stated by nothing else, the sentence's only figure still answers
    assert _answer(_passage("A total of 253 shooters will benefit."), "Will the 253 shooters benefit, and how many?") == "253"


def test_a_question_asking_a_total_prefers_the_figure_its_words_call_one():
    p = _passage("Follow-up operations recovered approximately 867 kg of Mephedrone from Pune and 970 kg from Delhi, "
                 "taking the total recovery to approximately 1,837 kg of Mephedrone.")
    assert _answer(p, "Total quantity of mephedrone recovered from Pune and Delhi, in kg?") == "1,837 kg"
    assert _answer(p, "How much mephedrone was recovered from Pune?") == "867 kg"
    # a total named between two figures, nearer the second, is the second's (an English question of a
    # Hindi bulletin shares no other word with either)
    p = _passage("गुजरात- राज्य में 333 नए केस आए और अब कुल मामले 5,054 हो गए हैं।")
    assert _answer(p, "What was Gujarat's total COVID-19 case count?") == "5,054"
    # "total" inflected: "totaling", "totalled"
    p = _passage("She also received LGF support of ₹1,000 per month for seven months, totaling ₹7,000, to support "
                 "her food expenses.")
    assert _answer(p, "What was the total LGF support she received for her food expenses?") == "₹7,000"


def test_how_much_asks_an_amount_not_a_count_of_things():
    p = _passage("A total of 29 FDI investments have been reported under the revised framework up to 20 August 2026, "
                 "involving proposed FDI of ₹4,895.65 crore.")
    assert _answer(p, "How much FDI has been reported under the revised framework?") == "₹4,895.65 crore"
    assert _answer(p, "How many FDI investments have been reported under the revised framework?") == "29"
    # a count still answers where the sentence holds no amount
    assert _answer(_passage("Rajasthan reported 29 FDI investments."), "How much FDI did Rajasthan report?") == "29"


def test_a_whole_answers_where_its_words_hold_the_question_s_and_its_part_s_do_not():
    p = _passage("The Budget Estimate for Mission Mausam for 2026–27 is ₹1,342.29 crore, comprising ₹855.29 crore "
                 "under Revenue and ₹487.00 crore under Capital.")
    assert _answer(p, "Mission Mausam budget estimate for 2026-27?") == "₹1,342.29 crore"
    # the part's own words hold the question's: the part
    villages = _passage("As on 07.08.2026, out of 5,86,944 villages 5,63,809 villages are reported to have been "
                        "covered with Liquid Waste Management arrangements.")
    assert _answer(villages, "How many villages have been covered with liquid waste management?") == "5,63,809"


def test_a_whole_told_by_its_value_answers_where_no_part_holds_a_word_of_the_question_it_does_not():
    """A whole beside its parts with no word for it, its value their sum: the total of a bulletin's cases
    (1061 = 533 + 499 + 29) does not answer a question on its active cases, which no figure's words
    hold in the question's language; the total of laboratories answers "how many laboratories", whose
    one word both it and a part hold."""
    cases = _passage("कल तक कुल मामले 1061, सक्रिय केस 533, 499 ठीक हुए और कुल 29 लोगों की जानें गईं।", lang="hi")
    assert _answer(cases, "How many active COVID-19 cases did Telangana have?") == "533"
    labs = _passage("The testing capacity has increased in the country through 480 Government and 208 private "
                    "laboratories (total 688 laboratories).")
    assert _answer(labs, "How many COVID-19 laboratories did India have?") == "688"


def test_the_answer_sentence_that_names_the_part_of_the_population_asked_in_the_other_language():
    """"ग्रामीण क्षेत्रों में" asks the rural rate, not the overall one the sentence before it gives for the
    same month."""
    import dataclasses

    from index.answerable import asked_groups
    from index.search import FigureCues

    q = "जून 2026 में ग्रामीण क्षेत्रों में श्रम बल भागीदारी दर (LFPR) कितनी थी?"
    text = ("The overall LFPR for persons aged 15 years and above increased to 55.4% in July, 2026, from 54.4% in "
            "June, 2026. The same trend was also observed in rural areas, where the LFPR increased to 58.0% in "
            "July, 2026, from 56.6% in June, 2026.")
    p = _passage(text)
    cues = dataclasses.replace(FigureCues(), groups=tuple(named for _, named in asked_groups(q)))
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), cues, groups_weight=S.sentence_groups_weight)
    assert "rural" in text[a:b]
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), cues)  # without the weight: the lead
    assert text[a:b].startswith("The overall")


def test_an_answer_sentence_of_another_time_than_the_question_s_gives_way():
    """"On 18th May, the case fatality rate was 3.15%" leads the passage, but 15 April is asked; a
    bulletin's days without a year are the release's year."""
    q = "What was India's COVID-19 case fatality rate on 15 April 2020?"
    text = ("On 18th May, the case fatality rate was 3.15%. On 3rd May, it was 3.25 %. On 15th April it was 3.30 %. "
            "A steady decline can be seen in the case fatality rate in the country.")
    p = _passage(text)
    window = read_time(q).window
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q), window=window,
                                        time_weight=S.sentence_time_weight, released=dt.date(2020, 5, 19))
    assert text[a:b].startswith("On 15th April")
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q))  # without the time: the lead
    assert text[a:b].startswith("On 18th May")


def _answer_of_part(text: str, q: str, weight: float) -> str:
    """The figure of `text` that answers `q`, with the parts of the population it asks weighed by `weight`."""
    return _answer_of_part_in(_passage(text), q, weight)


def _answer_of_part_in(p, q: str, weight: float) -> str:
    """`_answer_of_part` of a passage, one built by hand (a table's labelled cells) too."""
    import dataclasses

    from index.answerable import asked_groups, asked_spans
    from index.search import FigureCues
    from index.search.answer import answering_figure

    cues = dataclasses.replace(FigureCues(), groups=tuple(named for _, named in asked_groups(q)), spans=asked_spans(q))
    j = answering_figure(p, 0, len(p.text), _idf(q), expected_kinds(q), cues, window=read_time(q).window,
                         asked_figure=asked_figure(q), groups_weight=weight)
    return p.figures[j].text


def test_the_figure_of_the_part_of_the_population_asked_not_of_its_other_part():
    """Within one sentence, the figure of the part asked (urban, girls) answers, not the one of its other
    part (rural, boys) that stands beside it with as many of the question's words."""
    q = "What was the urban unemployment rate in March 2026?"
    text = ("In March 2026 the rural unemployment rate rose from 4.1% to 4.6%, while the urban unemployment rate "
            "fell from 6.9% to 6.2%.")
    assert _answer_of_part(text, q, S.figure_groups_weight) == "6.2%"
    assert _answer_of_part(text, q, 0.0) == "4.6%"  # without the weight: the first rate of its time
    q = "प्राथमिक स्तर पर लड़कियों की उपस्थिति दर कितनी है?"
    text = "प्राथमिक स्तर पर लड़कों की 81.5 प्रतिशत उपस्थिति दर की तुलना में लड़कियों की उपस्थिति दर 84.2 प्रतिशत है।"
    assert _answer_of_part(text, q, S.figure_groups_weight) == "84.2 प्रतिशत"
    assert _answer_of_part(text, q, 0.0) == "81.5 प्रतिशत"


def test_the_figure_of_the_part_asked_not_of_the_whole_it_is_taken_from():
    """"Of X, how many were Y": the whole's figure holds the question's words and its time, the part's only
    what sets it apart."""
    text = ("Spicejet operated 153 cargo flights from 24 March – 3 April 2020 covering a distance of 207947 Kms. "
            "Out of these 44 were international cargo flights.")
    q = "Of SpiceJet's cargo flights between 24 March and 3 April 2020, how many were international?"
    assert _answer_of_part(text, q, S.figure_groups_weight) == "44"
    assert _answer_of_part(text, q, 0.0) == "153"
    q = "How many of SpiceJet's cargo flights between 24 March and 3 April 2020 were international?"
    assert _answer_of_part(text, q, S.figure_groups_weight) == "44"
    # the whole asked: no part
    assert _answer_of_part(text, "How many cargo flights did SpiceJet operate between 24 March and 3 April 2020?",
                           S.figure_groups_weight) == "153"



def test_a_figure_of_the_answer_s_sequel_answers_where_it_is_the_asked_one():
    """The answer is read with its sequels (`with_sequels`), and the figure that answers may be theirs:
    "Corresponding ... for rural and urban are ..." holds the rural rate asked, told by its label from the
    lead's words."""
    from index.search.answer import answering_figure, with_sequels
    from index.search.analysis import analyse

    q = "What was the rural inflation rate in July 2026?"
    text = ("The all-India inflation rate for July 2026 is 4.45%. "
            "Corresponding inflation rates for rural and urban are 4.84% and 3.96%, respectively.")
    p = _passage(text)
    a, b = analyse(p).sentences[0][:2]
    a, b = with_sequels(text, analyse(p).sentences, a, b)
    assert (a, b) == (0, len(text))
    import dataclasses

    from index.answerable import asked_groups
    from index.search import FigureCues

    cues = dataclasses.replace(FigureCues(), groups=tuple(named for _, named in asked_groups(q)))
    j = answering_figure(p, a, b, _idf(q), expected_kinds(q), cues, window=read_time(q).window,
                         asked_figure=asked_figure(q), groups_weight=S.figure_groups_weight)
    assert p.figures[j].text == "4.84%"


def test_a_figure_s_own_words_stop_at_the_end_of_its_sentence():
    """Read with its sequel, a sentence's last words are not the next sentence's first figure's: "... का
    पंजीकरण हुआ है। इस प्रकार से कुल 56,400 ..." asked of the last 24 hours answers 3,120."""
    q = "पिछले 24 घंटों में कितने लाभार्थियों का पंजीकरण हुआ?"
    text = ("पिछले 24 घंटों में 3,120 लाभार्थियों का पंजीकरण हुआ है। इस प्रकार से कुल 56,400 लाभार्थियों का "
            "पंजीकरण हो चुका है।")
    assert _answer(_passage(text), q) == "3,120"


def test_a_row_of_another_place_gives_way_to_the_asked_place_s():
    """A one-line table's header words stand nearer its first rows: "Average daily" is as much Goa's
    row as Kerala's, and a row naming another place only is not the asked place's."""
    p = _passage("State Average daily registrations Kerala 4210 Punjab 1980 Haryana 1430 Gujarat 820 Assam 410 Bihar 330 "
                 "Goa 260 Total 8,840 .")
    assert _answer(p, "Average daily registrations in Goa?", places=True) == "260"


def test_which_one_of_a_series_is_answered_by_its_ordinal_not_by_a_count_beside_it():
    p = _passage("The 26th session of the Dekho Apna Desh webinar series, on Kutch, drew 2,000 participants "
                 "on 30 May 2020.")
    assert _answer(p, "Which session of the Dekho Apna Desh webinar series was the one on Kutch?") == "26th"
    assert _answer(p, "How many participants did the Kutch webinar draw?") == "2,000"


def test_a_whole_split_into_parts_of_the_population_answers_a_question_asking_for_none():
    """"56.6 crore persons ..., of which 40.2 crore were male and 16.4 crore were female": the whole answers a
    question that names no part (here with none of the sentence's words); one naming a part is the part's
    (`test_a_part_taken_from_a_whole_answers_unless_the_total_is_asked`)."""
    text = ("On average, 56.6 crore persons aged 15 years and above were employed in the country during the quarter "
            "April-June, 2026, of which 40.2 crore were male and 16.4 crore were female.")
    assert _answer_of_part(text, "तिमाही में देश में कितने लोग काम कर रहे थे?", S.figure_groups_weight) == "56.6 crore"


def test_the_currency_asked_picks_its_sum_among_one_stated_in_two():
    """"valued at Rs. 73,890 crore (USD 8.46 billion)": the one the question's currency names."""
    p = _passage("India's marine product exports reached 19.72 lakh metric tonnes, valued at Rs. 73,890 crore "
                 "(USD 8.46 billion) during 2025-26.")
    assert _answer(p, "What was the rupee value of India's seafood exports?") == "Rs. 73,890 crore"
    assert _answer(p, "How many dollars were India's seafood exports worth?") == "USD 8.46 billion"
    assert _answer(p, "समुद्री उत्पादों का निर्यात कितने डॉलर का रहा?") == "USD 8.46 billion"


def test_where_a_value_stands_now_is_what_it_came_to():
    """"from 375 MW in 2020 to current capacity of about 1575 MW": asked the current capacity, the value it
    came to, though the question's words stand nearer the one it started from; asked the earlier one, that."""
    p = _passage("The installed capacity has grown from 375 MW in 2020 to current capacity of about 1575 MW.")
    assert _answer(p, "What's the current installed data centre capacity?") == "1575 MW"
    assert _answer(p, "What was the installed capacity before it grew?") == "375 MW"
    # "अभी" ("abhi", as a question typed in Latin letters is read: index/romanised.py): now
    from index.romanised import reading

    p = _passage("From 523 lions in 2015 to 891 in 2025, this remarkable growth reflects the efforts of forest officers.")
    assert _answer(p, reading("bharat me asiatic lion ki abadi abhi kitni hai").text) == "891"
    assert _answer(p, "भारत में अभी शेरों की आबादी कितनी है?") == "891"


def test_the_value_a_change_started_from_answers_where_the_question_names_what_it_was_of():
    """"from 78.9% in NFHS-4 (2015-16) to 90.6% in NFHS-6": the value it came to answers a question naming
    neither; one naming the survey round of the value it started from, by a word the other's lacks, asks that."""
    p = _passage("Institutional births rose from 78.9% in NFHS-4 (2015-16) to 90.6% in NFHS-6 (2023-24) at the "
                 "national level.")
    assert _answer(p, "What was the institutional delivery rate in NFHS-4?") == "78.9%"
    assert _answer(p, "What was the institutional delivery rate in NFHS-6?") == "90.6%"
    assert _answer(p, "What is the institutional birth rate?") == "90.6%"


def test_a_table_cell_is_of_the_part_its_labels_name_not_of_the_header_s_last_word():
    """A one-line table under "Students Selected Male Female": the Female column's cell answers a question
    asking for girls (in Hindi, where no word of the label is the question's), not the whole column's,
    whose sentence's last named part is the header's "Female" too."""
    import dataclasses

    from index.figures.figure import CELL_MARK
    from index.records import Passage

    text = "Financial Year Students Selected Male Female 2023-24 11705 5193 6512"
    columns = iter(("Students Selected", "Male", "Female"))
    figures = [f if f.kind == "period" else dataclasses.replace(f, label=f"2023-24{CELL_MARK} {next(columns)}")
               for f in _passage(text).figures]
    p = Passage(release_id="x", lang="en", start=0, end=len(text), text=text, figures=figures)
    q = "2023-24 में कितनी छात्राएँ चुनी गईं?"
    assert _answer_of_part_in(p, q, S.figure_groups_weight) == "6512"
    assert _answer_of_part_in(p, "2023-24 में कितनी लड़कियां चुनी गईं?", S.figure_groups_weight) == "6512"


def test_a_change_asked_since_a_year_is_not_the_value_it_changed_from_beside_that_year():
    p = _passage("There has been an increase of around 60.32 lakh in the female enrolment from 1.57 crore (38.4%) "
                 "in 2014-15.")
    # "by how much" asks a change, which a count may be: not only a rate or a sum ("how much FDI")
    assert _answer(p, "By how much has female enrolment gone up since 2014-15?") == "60.32 lakh"
    assert AskedFigure(named=frozenset({"count"})).named <= asked_figure("By how much did the count rise?").named
    assert "count" not in asked_figure("How much FDI has been proposed?").named


def test_one_end_of_a_range_asked_is_that_end():
    p = _passage("The scheme trains school dropouts in the age group of 15-45 years, with due age relaxation.")
    assert _answer(p, "जन शिक्षण संस्थान में ट्रेनिंग के लिए अधिकतम उम्र कितनी है?") == "45 years"
    assert _answer(p, "What is the minimum age for the training?") == "15"
    tests = _passage("IMTECH planned to test 300 to 400 samples a day at first.")
    assert _answer(tests, "इमटेक ने रोज़ाना ज़्यादा से ज़्यादा कितने सैंपल टेस्ट करने की योजना बनाई?") == "400"
    assert asked_figure("What is the maximum and minimum age?").bound is None


def test_a_part_of_the_figure_before_counts_what_that_figure_counts():
    """2298869: "1,929 CBG/Bio-CNG plants registered ... Of these, 217 have been commissioned": the plants
    asked as commissioned took the 1,929 registered, which alone named plants."""
    p = _passage("The CBG ecosystem has also expanded, with 1,929 CBG/Bio-CNG plants registered as of 13 August "
                 "2026. Of these, 217 have been commissioned and 357 are under construction.")
    assert _answer(p, "How many CBG plants have been commissioned so far?") == "217"
    assert _answer(p, "Desh me kitne CBG / Bio-CNG plant ab tak commission ho chuke hain?") == "217"
    assert _answer(p, "How many CBG plants have been registered?") == "1,929"  # the whole's own words
