"""A Hindi question's loanwords held by an English passage's words (index/loanwords.py)."""
from index.figures import FigureExtractor
from index.lexical import terms
from index.loanwords import loanword_keys, with_loanwords
from index.records import Passage
from index.search import FigureCues, HybridSearcher, expected_kinds


def test_loanwords_are_matched_by_their_consonants_and_short_ones_are_not():
    keys = loanword_keys(terms("7 तारीख तक सोयाबीन और बाजरा की कुल बुवाई कितनी थी?", drop_stopwords=True))
    # सोयाबीन, बाजरा (as stemmed) and तारीख; not कुल (two consonants match too much by chance) or 7
    assert sorted(keys.values()) == ["bjr", "sbn", "trk"]
    around = frozenset(terms("b Soybean Sunflower"))
    assert with_loanwords(around, keys) == around | {"सोयाबीन"}
    assert with_loanwords(around, {}) is around
    assert with_loanwords(frozenset(terms("Rice Maize")), keys) == frozenset(terms("Rice Maize"))


def test_a_hindi_question_chooses_the_english_table_row_it_names():
    q = "7 अगस्त 2026 तक सोयाबीन की बुवाई कितने क्षेत्र में हुई थी?"
    idf = {t: 1.0 for t in terms(q, drop_stopwords=True)}
    kinds = expected_kinds(q)

    def passage(text: str) -> Passage:
        return Passage(release_id="x", lang="en", start=0, end=len(text), text=text, figures=FigureExtractor().run(text))

    rice = passage("Area: In lakh hectare\nCrop 2026 2025\nRice 344.78 360.67\nPulses 103.78 105.73")
    soybean = passage("Area: In lakh hectare\nCrop 2026 2025\nGroundnut 46.82 43.11\nSoybean 119.92 119.66")
    loans = loanword_keys(idf)
    assert HybridSearcher.figure_fit(soybean, kinds, idf, FigureCues(loans=loans)) > HybridSearcher.figure_fit(rice, kinds, idf, FigureCues(loans=loans))
    assert HybridSearcher.figure_fit(soybean, kinds, idf) == HybridSearcher.figure_fit(rice, kinds, idf)
