"""Each part of the ranking on small hand-built cases: fusion, language calibration, the figure
chosen within a release, the answer sentence, and translation matching."""
from decimal import Decimal

import numpy as np

from index.figures import FigureExtractor
from index.lexical import terms
from index.links import ReleaseProfile
from index.records import Passage
from index.search import FigureCues, HybridSearcher, SearchSettings, expected_kinds, fuse
from index.translations import LinkSettings, match_one_to_one

S = SearchSettings()


def test_keyword_bonus_is_relative_to_the_dense_nearest_of_the_same_language():
    dense = {1: 0.80, 2: 0.79, 3: 0.70}
    cov = {1: 0.2, 2: 0.9, 3: 0.2}
    parts = fuse(dense, cov, {1: "en", 2: "en", 3: "en"}, S)
    base = (0.2 + 0.9 + 0.2) / 3
    assert parts[2]["keyword"] == S.keyword_weight * (0.9 - base)
    total = {pid: sum(p.values()) for pid, p in parts.items()}
    assert total[2] > total[1] > total[3]  # the keywords lift 2 over 1; 3 stays last
    assert all(p["language"] == 0.0 for p in parts.values())  # one language: nothing to calibrate


def test_languages_are_compared_by_how_far_a_passage_stands_out_in_its_own():
    # The Hindi passage 3 stands out among Hindi candidates by more than English 1 among English
    # ones, though its raw cosine is lower (e5 rates the question's own language closer).
    dense = {1: 0.86, 2: 0.85, 3: 0.80, 4: 0.74}
    cov = {pid: 0.0 for pid in dense}
    lang = {1: "en", 2: "en", 3: "hi", 4: "hi"}
    parts = fuse(dense, cov, lang, S)
    assert parts[1]["language"] == 0.0 and parts[3]["language"] > 0.0
    total = {pid: sum(p.values()) for pid, p in parts.items()}
    assert total[3] > total[1]
    plain = fuse(dense, cov, lang, SearchSettings(language_calibration=False))
    assert sum(plain[1].values()) > sum(plain[3].values())


def test_a_language_is_lifted_no_further_than_e5_s_gap_between_languages():
    # An English question whose release is all English passages near 0.92: the Hindi candidates trail
    # by 0.15, more than e5 ever puts between a paragraph and its translation, so the Hindi passage
    # that stands out among them is lifted by the cap alone and stays under the English release.
    dense = {1: 0.93, 2: 0.92, 3: 0.92, 4: 0.80, 5: 0.76, 6: 0.76}
    cov = {pid: 0.0 for pid in dense}
    lang = {1: "en", 2: "en", 3: "en", 4: "hi", 5: "hi", 6: "hi"}
    parts = fuse(dense, cov, lang, S)
    assert parts[4]["language"] == S.max_language_shift < 0.15
    total = {pid: sum(p.values()) for pid, p in parts.items()}
    assert total[1] > total[4]
    uncapped = fuse(dense, cov, lang, SearchSettings(max_language_shift=1.0))
    assert sum(uncapped[4].values()) > sum(uncapped[1].values())


def test_the_question_s_own_language_is_never_lifted():
    # A Hindi question whose answer stands in an English release: the English candidates stand
    # higher than the Hindi ones. e5 favours Hindi for a Hindi question, so that is no bias to undo:
    # nothing is lifted, and the English release stays first.
    dense = {1: 0.855, 2: 0.85, 3: 0.85, 4: 0.83, 5: 0.82, 6: 0.82}
    cov = {pid: 0.0 for pid in dense}
    lang = {1: "en", 2: "en", 3: "en", 4: "hi", 5: "hi", 6: "hi"}
    parts = fuse(dense, cov, lang, S, "hi")
    assert parts[1]["language"] == parts[4]["language"] == 0.0
    assert sum(parts[1].values()) > sum(parts[4].values())
    # Without the question's language the lower language is lifted, as before: Hindi over English.
    unanchored = fuse(dense, cov, lang, S)
    assert unanchored[4]["language"] > 0.0 and sum(unanchored[4].values()) > sum(unanchored[1].values())
    # An English question over the same candidates: Hindi is lifted towards English.
    assert fuse(dense, cov, lang, S, "en")[4]["language"] == unanchored[4]["language"]


def test_a_text_published_twice_counts_once_among_a_language_s_nearest():
    # An English release published twice (passages 1-4: two texts, each twice) over two other English
    # passages; Hindi candidates below. Counted twice, the release raises the English baseline by its
    # own closeness and so lifts the Hindi passage 7 over it; counted once, it stays first.
    dense = {1: 0.87, 2: 0.87, 3: 0.86, 4: 0.86, 5: 0.80, 6: 0.80, 7: 0.815, 8: 0.77, 9: 0.77}
    text = {1: "a1", 2: "a1", 3: "a2", 4: "a2", 5: "d", 6: "e", 7: "h1", 8: "h2", 9: "h3"}
    lang = {pid: "en" if pid <= 6 else "hi" for pid in dense}
    cov = {pid: 0.0 for pid in dense}
    once = fuse(dense, cov, lang, S, "en", text)
    twice = fuse(dense, cov, lang, S, "en")
    assert once[7]["language"] < twice[7]["language"]
    assert sum(once[1].values()) > sum(once[7].values())
    assert sum(twice[7].values()) > sum(twice[1].values())


def test_keywords_weigh_less_when_both_languages_compete():
    dense = {1: 0.8, 2: 0.7, 3: 0.75}
    cov = {1: 1.0, 2: 0.0, 3: 0.0}
    one = fuse({1: 0.8, 2: 0.7}, cov, {1: "en", 2: "en"}, S)
    both = fuse(dense, cov, {1: "en", 2: "en", 3: "hi"}, S)
    assert one[1]["keyword"] == S.keyword_weight * 0.5
    assert both[1]["keyword"] == S.mixed_keyword_weight * 0.5 < one[1]["keyword"]


def _passage(text: str, lang: str = "en") -> Passage:
    return Passage(release_id="x", lang=lang, start=0, end=len(text), text=text,
                   figures=FigureExtractor().run(text))


def _idf(question: str) -> dict[str, float]:
    return {t: 1.0 for t in terms(question, drop_stopwords=True)}


def test_figure_fit_prefers_the_figure_whose_words_match_the_question():
    q = "How many sellers registered on GeM?"
    sellers = _passage("More than 86,000 sellers registered on GeM this year.")
    buyers = _passage("More than 4,000 buyers placed orders worth Rs 500 crore.")
    kinds = expected_kinds(q)
    assert HybridSearcher.figure_fit(sellers, kinds, _idf(q)) > HybridSearcher.figure_fit(buyers, kinds, _idf(q))
    assert HybridSearcher.figure_fit(sellers, frozenset(), _idf(q)) == 0.0  # no kind asked: no preference


def test_answer_sentence_holds_the_asked_figure():
    q = "How many sellers from Madhya Pradesh completed their profile on GeM?"
    text = ("GeM and the Government of Madhya Pradesh signed an agreement. "
            "Over 86,000 sellers from the state have completed their profile on GeM. "
            "The portal was launched in 2016.")
    p = _passage(text)
    a, b = HybridSearcher.best_sentence(p, _idf(q), expected_kinds(q))
    assert "86,000" in text[a:b] and text[a:b].startswith("Over")


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


def _profile(rid, lang, vec, date="2020-06-01", values=()):
    v = np.asarray(vec, dtype=np.float32)
    return ReleaseProfile(rid, lang, date, v / np.linalg.norm(v), frozenset(Decimal(x) for x in values))


def test_translations_are_matched_one_to_one_by_date_figures_and_similarity():
    en = [_profile("e1", "en", [1, 0.1, 0], values=[86000, 12]), _profile("e2", "en", [0.9, 0.4, 0], values=[5])]
    hi = [_profile("h1", "hi", [1, 0.12, 0], values=[86000, 12]), _profile("h2", "hi", [0.92, 0.38, 0], values=[5]),
          _profile("h3", "hi", [0.9, 0.4, 0], date="2020-06-09", values=[5])]  # same text, a week later
    pairs = {(a.release_id, b.release_id) for a, b, _ in match_one_to_one(en, hi, LinkSettings(min_score=0.9))}
    assert pairs == {("e1", "h1"), ("e2", "h2")}
    # Nothing is linked below the floor.
    assert match_one_to_one(en, [_profile("h4", "hi", [0, 0, 1])], LinkSettings()) == []


def test_figure_fit_prefers_the_figure_in_the_unit_asked_for():
    q = "How many tonnes of medical cargo did the flights carry?"
    tonnes = _passage("The flights carried 1,000 tonnes of medical cargo.")
    flights = _passage("The flights, 588 of them, carried medical cargo.")
    kinds = expected_kinds(q)
    assert HybridSearcher.figure_fit(tonnes, kinds, _idf(q), FigureCues(unit="tonne")) > HybridSearcher.figure_fit(
        flights, kinds, _idf(q), FigureCues(unit="tonne"))
    # Without the unit both hold a count-like figure with the question's words around it.
    assert abs(HybridSearcher.figure_fit(tonnes, kinds, _idf(q)) - HybridSearcher.figure_fit(flights, kinds, _idf(q))) < 0.2


def test_figure_fit_prefers_the_figure_of_the_asked_date():
    from index.timeq import read_time

    q = "How many patients had recovered as on 3 June 2020?"
    window = read_time(q).window
    on_3rd = _passage("As on 3 June 2020, 95,527 patients have recovered.")
    on_2nd = _passage("As on 2 June 2020, 91,819 patients have recovered.")
    kinds = expected_kinds(q)
    assert HybridSearcher.figure_fit(on_3rd, kinds, _idf(q), FigureCues(window=window)) > HybridSearcher.figure_fit(
        on_2nd, kinds, _idf(q), FigureCues(window=window))
    both = _passage("As on 2 June 2020, 91,819 patients had recovered. As on 3 June 2020, 95,527 patients had recovered.")
    a, b = HybridSearcher.best_sentence(both, _idf(q), kinds, FigureCues(window=window))
    assert "95,527" in both.text[a:b]
    q2 = "How many patients had recovered as on 2 June 2020?"
    a, b = HybridSearcher.best_sentence(both, _idf(q2), kinds, FigureCues(window=read_time(q2).window))
    assert "91,819" in both.text[a:b]


def test_place_fit_prefers_the_paragraph_of_the_asked_state_unless_the_release_is_about_it():
    from index.names import question_names

    q = "How many COVID-19 deaths had Madhya Pradesh recorded by 3 May 2020?"
    places = [n for n in question_names(q) if n.kind == "known"]
    state = _passage("मध्य प्रदेश: राज्य में कोविड-19 से अब तक 151 लोगों की मृत्यु हुई है।", "hi")
    other = _passage("राजस्थान: राज्य में 1,121 मरीज ठीक हो चुके हैं।", "hi")
    bulletin = "कोविड-19 पर पीआईबी का दैनिक बुलेटिन"
    assert HybridSearcher.place_fit(state, places, bulletin) == 1.0
    assert HybridSearcher.place_fit(other, places, bulletin) == 0.0
    # A release about Madhya Pradesh names it in its title: it then tells no passage apart.
    assert HybridSearcher.place_fit(state, places, "मध्य प्रदेश में कोविड-19") == 0.0


def test_a_lead_in_is_the_head_of_the_paragraph_a_passage_begins_in():
    from index.names import question_names
    from index.search import lead_in_places

    text = ("· आंध्र प्रदेश- कुल टेस्ट 1,14,937 हुए।\n· तेलंगाना- भारतीय वायु सेना ने आभार व्यक्त किया। "
            "कल तक कुल मामले 1061, सक्रिय केस 533 हैं।\n· केरल- 499 लोग ठीक हुए।")
    start = text.index("कल तक")  # a window of sentences that begins after its paragraph's head
    assert lead_in_places(text, start, 300) == {"known:Telangana"}
    assert lead_in_places(text, start, 20) == frozenset()  # the head is too far before it
    assert lead_in_places(text, start, 0) == frozenset()
    assert lead_in_places(text, text.index("· केरल"), 300) == frozenset()  # it begins its own paragraph
    q = "How many active COVID-19 cases did Telangana have on 3 May 2020?"
    places = [n for n in question_names(q) if n.kind == "known"]
    p = _passage(text[start:text.index("\n· केरल")], "hi")
    assert HybridSearcher.place_fit(p, places, "दैनिक बुलेटिन") == 0.0
    assert HybridSearcher.place_fit(p, places, "दैनिक बुलेटिन", lead_in=lead_in_places(text, start, 300)) == 1.0


def test_measures_asked_by_name_expect_a_figure():
    assert expected_kinds("What is the expected sugar production in the current season?") == {"money", "quantity", "count"}
    assert expected_kinds("What investment is projected in the 31 proposals?") == {"money", "quantity", "count"}
    assert expected_kinds("What was India's installed wind power capacity as on 31 July 2026?") == {
        "money", "quantity", "count"}
    assert expected_kinds("What was WPI inflation for manufactured products in June 2026?") == {"percent"}
    assert expected_kinds("What is the name of the scheme for street vendors?") == frozenset()


def test_a_stated_hundred_percent_is_not_the_percent_asked_for():
    assert expected_kinds("कितने गांवों को शत-प्रतिशत नल कनेक्शन से जोड़ा जाएगा?") == {"count", "quantity", "money"}
    assert expected_kinds("कितने प्रतिशत घरों में नल कनेक्शन है?") == {"percent"}


def test_how_much_below_or_above_asks_a_difference_a_rate_too():
    """"How much below normal was the rainfall?" is answered by "35% below-normal": a rate, not only an amount."""
    assert "percent" in expected_kinds("How much below normal was the rainfall in June 2026?")
    assert "percent" in expected_kinds("जून 2026 में सामान्य से कितनी कम बारिश हुई?")
    assert "percent" in expected_kinds("How much higher were exports than last year?")
    assert "percent" not in expected_kinds("How much money was released to Meghalaya?")
    assert "percent" not in expected_kinds("कितनी राशि जारी की गई?")


def test_a_word_holding_when_is_no_question_of_when():
    """रकबा (area) spells कब (when) inside it."""
    assert expected_kinds("सोयाबीन का रकबा कितना था?") == {"count", "quantity", "money"}
    assert expected_kinds("योजना कब शुरू हुई?") == {"date"}


def test_row_time_prefers_the_table_row_of_the_asked_month_whatever_its_words():
    from index.timeq import read_time

    q = "अप्रैल 2026 में खुदरा महंगाई दर कितनी थी?"
    window = read_time(q).window
    table = ("Month Index Inflation (%) Rural Urban Combined Rural Urban Combined Jan-26 104.59 104.28 104.45 2.73 "
             "2.75 2.74 Feb-26 104.74 104.36 104.57 3.37 3.02 3.21 Mar-26 105.02 104.62 104.84 3.63 3.11 3.40 "
             "Apr-26 105.28 104.92 105.12 3.74 3.16 3.48")
    months = _passage(table)
    headline = _passage("The year-on-year inflation rate for July 2026 is 4.82%.")
    kinds = expected_kinds(q)
    cues = FigureCues(row_window=window)
    assert HybridSearcher.figure_fit(months, kinds, _idf(q), cues) > HybridSearcher.figure_fit(headline, kinds, _idf(q), cues)
    fits = HybridSearcher.figure_fits(months, kinds, _idf(q), cues)
    assert {months.figures[i].text for i in fits} >= {"3.48", "105.12"}  # the April row's cells, any kind
    assert "2.74" not in {months.figures[i].text for i in fits}  # January's row is not asked for
    assert HybridSearcher.figure_fits(months, kinds, _idf(q)) == {}  # off: no cell is a percent


def test_a_figure_label_holding_the_question_s_words_besides_the_title_s_fits_better():
    q = "What was the year-on-year growth of cement in July 2026 in the index of core industries?"
    title = "Index of Core Industries for the month of July 2026"
    lead = _passage("The Index of Core Industries grew by 5.4 per cent in July 2026 on a year-on-year basis.")
    items = _passage("This is less than the 6.0 per cent of June. Iron Ore, Cement, Electricity and Coal observed "
                     "growth rates of 29.5 per cent, 13.1 per cent, 9 per cent and 7.6 per cent, respectively.")
    assert {f.label for f in items.figures if f.text.startswith("13.1")} == {"Cement"}
    kinds, idf = expected_kinds(q), _idf(q)
    off = HybridSearcher.figure_fit(items, kinds, idf, title=title), HybridSearcher.figure_fit(lead, kinds, idf, title=title)
    assert off[0] < off[1]  # the headline holds the title's words and the month
    cues = FigureCues(label_weight=0.5)
    fits = HybridSearcher.figure_fits(items, kinds, idf, cues, title=title)
    assert items.figures[max(fits, key=fits.get)].text.startswith("13.1")
    cement = next(i for i, f in enumerate(items.figures) if f.text.startswith("13.1"))
    plain = HybridSearcher.figure_fits(items, kinds, idf, title=title)
    assert fits[cement] - plain[cement] == 0.5 * HybridSearcher.coverage(frozenset({"cement"}), idf)
    # the title's words in a label are no evidence: "July" labels the headline's figure
    assert HybridSearcher.figure_fit(lead, kinds, idf, cues, title=title) == off[1]


def test_a_day_s_row_is_that_day_s_only_a_month_s_row_that_month_s():
    import datetime as dt

    from index.search.fits import row_in
    from index.timeq import read_time

    day = read_time("How many wagons of coal were loaded on 31 March 2020?").window
    assert row_in(day, (dt.date(2020, 3, 31), dt.date(2020, 3, 31)))
    assert not row_in(day, (dt.date(2020, 4, 1), dt.date(2020, 4, 1)))  # the next row of a daily table
    month = read_time("What was inflation in April 2026?").window
    assert row_in(month, (dt.date(2026, 4, 1), dt.date(2026, 4, 30)))
    assert not row_in(month, (dt.date(2026, 5, 1), dt.date(2026, 5, 31)))


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


def test_a_span_of_years_answers_only_a_question_that_names_years_or_an_age():
    from index.answerable import asked_spans

    passage = _passage("Mera Yuva Bharat is for youth aged 15–29.")
    q = "How many youth are on Mera Yuva Bharat?"
    kinds = expected_kinds(q)
    assert HybridSearcher.figure_fits(passage, kinds, _idf(q)), "without the cue the age is a figure of the kind"
    assert not HybridSearcher.figure_fits(passage, kinds, _idf(q), FigureCues(spans=asked_spans(q)))
    aged = "How many years old may youth on Mera Yuva Bharat be?"
    assert HybridSearcher.figure_fits(passage, expected_kinds(aged), _idf(aged), FigureCues(spans=asked_spans(aged)))
    both = _passage("Mera Yuva Bharat is for youth aged 15–29. More than 2.22 crore youth have registered on it.")
    a, b = HybridSearcher.best_sentence(both, _idf(q), kinds, FigureCues(spans=asked_spans(q)))
    assert "2.22 crore" in both.text[a:b]
