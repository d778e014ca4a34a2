"""A Hindi question's loanwords held by an English passage's words (index/loanwords.py)."""
import dataclasses

import pytest

from index.figures import FigureExtractor
from index.lexical import terms
from index.loanwords import acronym_spellings, loanword_keys, with_loanwords
from index.names import skeleton
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


def test_latin_spellings_keep_the_most_frequent_term_of_each_skeleton_and_leave_out_common_words():
    from index.loanwords import latin_spellings

    counts = [("handloom", 44), ("handlooms", 3), ("soybean", 16), ("hectar", 900), ("kendra", 93),
              ("ab", 50), ("the", 5000), ("2026", 800), ("कपास", 10)]
    spellings = latin_spellings(counts, max_passages=300)
    assert spellings[skeleton("handloom")] == ("handloom", 44)
    assert spellings[skeleton("soybean")] == ("soybean", 16) and spellings[skeleton("kendra")] == ("kendra", 93)
    assert skeleton("hectar") not in spellings  # in 900 passages: a common word a skeleton meets by chance
    assert latin_spellings([("soybean", 0), ("soyabean", 3)])[skeleton("soybean")] == ("soyabean", 3)  # one gone
    assert all(term.isascii() and term.isalpha() and len(term) >= 3 for term, _ in spellings.values())


def spellings_of(held: dict[str, int]):
    """LatinSpellings over an index whose passages hold these Latin terms, so many passages each."""
    from index.loanwords import LatinSpellings

    kept: dict[str, list[str]] = {}
    for term in held:
        kept.setdefault(skeleton(term), []).append(term)
    return LatinSpellings(lambda keys: {k: kept[k] for k in keys if k in kept},
                          lambda ts: {t: held[t] for t in ts if t in held})


def test_a_hindi_question_s_loanwords_are_translated_by_their_skeleton_only():
    held = {"handloom": 44, "soybean": 16, "soyabean": 3, "bsnl": 12}
    spellings = spellings_of(held)
    q = terms("हैंडलूम उत्पादक कंपनियां कितनी हैं? बीएसएनएल सोयाबीन", drop_stopwords=True)
    got = spellings.translate(q)
    assert set(got.values()) == {"handloom", "bsnl", "soybean"}
    assert all(t in q for t in got)  # keyed by the question's own terms
    held["soybean"] = 0  # its passages gone: the skeleton's other spelling
    assert set(spellings.translate(q).values()) == {"handloom", "bsnl", "soyabean"}
    assert spellings.translate(terms("How many handloom companies?")) == {}  # Latin terms are held as they are
    assert spellings.translate(terms("जन कुल")) == {}  # two consonants: too short to tell


def test_a_word_that_begins_with_another_sound_is_no_loanword():
    # the same consonants, but one begins with a vowel sound: करोड is not "accord", अस्पताल not "spatial"
    spellings = spellings_of({"accord": 90, "spatial": 12, "updat": 30, "extra": 40})
    q = terms("करोड अस्पताल क्षेत्र अपडेट", drop_stopwords=True)
    assert spellings.translate(q) == {terms("अपडेट")[0]: "updat"}  # both begin with a vowel: a loanword
    keys = loanword_keys(q)
    assert with_loanwords(frozenset(terms("an extra 5 crore to accord")), keys) == frozenset(terms("an extra 5 crore to accord"))
    assert terms("अपडेट")[0] in with_loanwords(frozenset(terms("the latest update")), keys)


@pytest.fixture(scope="module")
def handlooms(tmp_path_factory, settings, embedder):
    from bot.service import Service
    from corpus.readers import bundled_corpus_dir, read_paths

    wanted = {("2297505", "en"), ("1610981", "hi"), ("1598364", "hi")}  # handloom companies; masks; a year's review
    releases = [r for r in read_paths([bundled_corpus_dir()], langs={"hi", "en"}) if (r.release_id, r.lang) in wanted]
    assert len(releases) == 3
    svc = Service(settings.model_copy(update={"index_dir": tmp_path_factory.mktemp("handlooms") / "index"}),
                  embedder=embedder)
    svc.ingest(releases)
    yield svc
    svc.close()


def test_an_english_release_holds_a_hindi_question_s_loanword_for_keyword_search(handlooms):
    searcher, before = handlooms.searcher, handlooms.searcher.settings
    question = "हैंडलूम उत्पादक कंपनियां कितनी बनाई गई हैं?"
    try:
        searcher.settings = dataclasses.replace(before, latin_loanwords=False)
        without = handlooms.ask(question).hits
        searcher.settings = dataclasses.replace(before, latin_loanwords=True)
        with_them = handlooms.ask(question).hits
    finally:
        searcher.settings = before

    def english(hits):
        return next(h for h in hits if h.release.release_id == "2297505")

    assert english(with_them).components["keyword"] > english(without).components["keyword"]
    assert with_them[0].release.release_id == "2297505"


def test_a_loanword_is_spelled_by_the_terms_the_index_holds_as_releases_come_and_go(handlooms):
    """The spellings are the store's, kept as it writes: a release with a new Latin term spells a
    loanword from then on; once its passages are gone, the term spells nothing."""
    from corpus import Release
    from index.lexical import terms

    spellings = handlooms.searcher.latin_spellings
    question = terms("जुलाई में स्पिरुलिना का उत्पादन कितना रहा?", drop_stopwords=True)
    assert "spirulina" not in spellings.translate(question).values()
    handlooms.ingest([Release(release_id="9900001", lang="en", title="Spirulina output",
                              text="Spirulina output rose to 120 tonnes in July. Spirulina farms grew.")])
    assert "spirulina" in spellings.translate(question).values()
    assert handlooms.store.latin_terms([skeleton("spirulina")]) == {skeleton("spirulina"): ["spirulina"]}
    handlooms.store.delete("9900001", "en")
    assert "spirulina" not in spellings.translate(question).values()


def test_an_acronym_written_in_letter_names_is_looked_up_by_its_letters():
    """आईटीआई's skeleton ("t") is too short to look it up by, and its Hindi stem drops a letter."""
    spelled = acronym_spellings("2025 में देश में कुल कितने आईटीआई थे और कितना जीएसटी, आईएनएस विक्रांत पर?")
    assert spelled == {terms("आईटीआई")[0]: "iti", terms("जीएसटी")[0]: "gst"}  # INS would stem to "in": no term
    assert terms("ITIs") == ["iti"]  # what an English release holds
    assert acronym_spellings("देश में कितने किसान हैं?") == {}
