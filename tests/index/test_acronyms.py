"""A question's phrase and the initials a release writes beside its figures (index/acronyms.py)."""
from index.acronyms import held_acronyms, initial_candidates, with_phrases
from index.figures import FigureExtractor
from index.lexical import terms
from index.records import Passage
from index.search import FigureCues, HybridSearcher, expected_kinds


def test_runs_of_common_words_give_their_initials():
    got = initial_candidates("What percentage of the long period average was IMD's forecast for August rainfall?")
    assert got == {"lpa": frozenset(terms("long period average"))}
    got = initial_candidates("What was the value of minor forest produce procured by Van Dhan Kendras?")
    assert "mfp" in got and got["mfp"] == frozenset(terms("minor forest produce"))
    assert initial_candidates("How many sellers?") == {}  # no run of three words
    assert initial_candidates("What was the gross value added?") == {"gva": frozenset(terms("gross value added"))}


def test_only_initials_the_index_holds_are_kept():
    df = {"lpa": 12}
    assert held_acronyms("What percentage of the long period average?", lambda ts: {t: df.get(t, 0) for t in ts}) == {
        "lpa": frozenset(terms("long period average"))}
    assert held_acronyms("What percentage of the long period average?", lambda ts: {}) == {}


def _passage(text: str) -> Passage:
    return Passage(release_id="x", lang="en", start=0, end=len(text), text=text, figures=FigureExtractor().run(text))


def test_a_figure_with_the_initials_around_it_has_the_phrase():
    assert with_phrases(frozenset({"97", "lpa"}), {"lpa": frozenset({"long", "period"})}) == {"97", "lpa", "long", "period"}
    q = "What percentage of the long period average is the rainfall forecast for August?"
    idf = {t: 1.0 for t in terms(q, drop_stopwords=True)}
    kinds = expected_kinds(q)
    june = _passage("Rainfall over the country as a whole for the season is likely to be 102% of the long period average.")
    august = _passage("Rainfall is likely to be 103% of LPA during July and 97% of LPA during August.")
    acronyms = held_acronyms(q, lambda ts: {t: 1 for t in ts if t == "lpa"})
    assert HybridSearcher.figure_fit(june, kinds, idf) > HybridSearcher.figure_fit(august, kinds, idf)
    assert HybridSearcher.figure_fit(august, kinds, idf, FigureCues(acronyms=acronyms)) > HybridSearcher.figure_fit(
        june, kinds, idf, FigureCues(acronyms=acronyms))


def test_a_release_spells_out_its_acronyms():
    from index.acronyms import defined_acronyms

    text = ("The Periodic Labour Force Survey (PLFS) gives the Labour Force Participation Rate (LFPR) and the "
            "Unemployment Rate (UR). The Index of Core Industries (ICI) grew. 1,014 Jan Aushadhi Kendras (JAKs) "
            "opened. The Ministry of Statistics and Programme Implementation (MoSPI) said so (see Annexure (A)).")
    got = defined_acronyms(text)
    assert got["ur"] == frozenset(terms("unemployment rate"))
    assert got["lfpr"] == frozenset(terms("labour force participation rate"))
    assert got["ici"] == frozenset(terms("index core industries"))
    assert got[terms("JAKs")[0]] == frozenset(terms("jan aushadhi kendras"))
    assert got[terms("MoSPI")[0]] == frozenset(terms("statistics programme implementation", drop_stopwords=True)) | {
        terms("ministry")[0]}
    # initials that do not spell the words before the bracket define nothing
    assert defined_acronyms("The scheme was reviewed by the committee (NITI).") == {}
    assert defined_acronyms("Annexure (A) and Table (I)") == {}


def test_only_a_phrase_the_question_asks_in_full_counts():
    from index.acronyms import asked_definitions

    text = "Labour Force Participation Rate (LFPR), Worker Population Ratio (WPR) and Unemployment Rate (UR)"
    asked = frozenset(terms("What was the unemployment rate in July 2026?", drop_stopwords=True))
    assert asked_definitions(text, asked) == {"ur": frozenset(terms("unemployment rate"))}
    # a question that writes the acronym itself needs nothing
    assert asked_definitions(text, frozenset(terms("What was the UR in July 2026?", drop_stopwords=True))) == {}


def test_a_figure_beside_a_defined_acronym_has_its_phrase():
    from corpus import Release

    q = "What was the unemployment rate in July 2026?"
    idf = {t: 1.0 for t in terms(q, drop_stopwords=True)}
    kinds = expected_kinds(q)
    text = ("Labour Force Participation Rate (LFPR) and Unemployment Rate (UR) at the all-India level.\n"
            "Overall WPR increased to 52.5% in July, 2026.\n"
            "Overall UR among persons of age 15 years and above dropped to 5.1% in July, 2026.")
    p = _passage(text)
    release = Release(release_id="x", lang="en", title="PLFS", text=text)
    cues = FigureCues(asked=frozenset(idf)).of_release(release)
    assert cues.acronyms == {"ur": frozenset(terms("unemployment rate"))}
    a, b = HybridSearcher.best_sentence(p, idf, kinds)
    assert "52.5%" in text[a:b]  # "July 2026" alone: the first such sentence
    a, b = HybridSearcher.best_sentence(p, idf, kinds, cues)
    assert "5.1%" in text[a:b]
