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
