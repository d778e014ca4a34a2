"""An indicator's everyday name: which questions get the index's names, and what that does to a search
over the real CPI and WPI releases of the bundled corpus."""
import dataclasses

import pytest

from index.indicators import indicator_names, with_indicator_names

CPI, WPI = "2298247", "2299305"  # July 2026's Consumer and Wholesale Price Index releases


@pytest.mark.parametrize("question, index", [
    ("What was India's retail inflation in July 2026?", "Consumer Price Index"),
    ("What was the retail price inflation last month?", "Consumer Price Index"),
    ("जुलाई 2026 में खुदरा महंगाई दर कितनी थी?", "Consumer Price Index"),
    ("खुदरा मुद्रास्फीति कितनी रही?", "Consumer Price Index"),
    ("What was wholesale inflation in June 2026?", "Wholesale Price Index"),
    ("जुलाई 2026 में थोक महंगाई दर कितनी थी?", "Wholesale Price Index"),
    ("By how much did factory output grow in March?", "Index of Industrial Production"),
    ("औद्योगिक उत्पादन में कितनी वृद्धि हुई?", "Index of Industrial Production"),
])
def test_an_everyday_name_brings_the_index_s_names_in_both_languages(question, index):
    (names,) = indicator_names(question)
    assert index in names and any("\u0900" <= c <= "\u097f" for c in names)
    assert with_indicator_names(question).startswith(question + " (") and index in with_indicator_names(question)


@pytest.mark.parametrize("question", [
    "What was the retail price of sugar per kg on 20 June 2026?",  # a price, not inflation
    "20 अगस्त 2026 को प्याज का खुदरा भाव प्रति किलो कितना था?",
    "What was the CPI-based retail inflation in Kerala in June 2026?",  # names the index already
    "जुलाई 2026 में उपभोक्ता मूल्य सूचकांक पर आधारित खुदरा महंगाई दर कितने प्रतिशत रही?",
    "जुलाई 2026 में थोक मूल्य सूचकांक (WPI) पर आधारित सालाना महंगाई दर कितनी रही?",
    "What was the growth of the Index of Industrial Production (IIP) in March?",
    "How many wholesale markets were opened?",
    "",
])
def test_a_question_without_an_everyday_name_or_with_the_index_s_own_is_searched_as_asked(question):
    assert indicator_names(question) == () and with_indicator_names(question) == question


@pytest.fixture(scope="module")
def price_indices(tmp_path_factory, settings, embedder):
    from bot.service import Service
    from corpus.readers import bundled_corpus_dir, read_paths

    releases = [r for r in read_paths([bundled_corpus_dir()], langs={"en"}) if r.release_id in (CPI, WPI)]
    assert {r.release_id for r in releases} == {CPI, WPI}
    svc = Service(settings.model_copy(update={"index_dir": tmp_path_factory.mktemp("indices") / "index"}),
                  embedder=embedder)
    svc.ingest(releases)
    yield svc
    svc.close()


@pytest.mark.parametrize("question, release, figure", [
    ("What was India's retail inflation in July 2026?", CPI, "4.45%"),
    ("जुलाई 2026 में खुदरा महंगाई दर कितनी थी?", CPI, "4.45%"),
    ("जुलाई 2026 में थोक महंगाई दर कितनी थी?", WPI, "9.78 per cent"),
    ("What was the wholesale inflation in July 2026?", WPI, "9.78 per cent"),
])
def test_the_everyday_name_finds_the_index_s_release_and_its_headline_figure(price_indices, question, release,
                                                                              figure):
    result = price_indices.ask(question)
    assert result.hits[0].release.release_id == release
    assert result.answer is not None and figure in result.answer.text


def test_without_the_index_s_names_hindi_wholesale_inflation_meets_the_consumer_release(price_indices):
    searcher = price_indices.searcher
    before = searcher.settings
    try:
        searcher.settings = dataclasses.replace(before, indicator_names=False)
        # both releases speak of inflation in July 2026; e5 alone does not tell खुदरा from थोक
        assert price_indices.ask("जुलाई 2026 में थोक महंगाई दर कितनी थी?").hits[0].release.release_id == CPI
    finally:
        searcher.settings = before


def test_an_index_no_release_names_gets_no_answer_and_says_which(price_indices):
    result = price_indices.ask("What was factory output growth in July 2026?")
    assert result.answer is None
    assert result.no_answer.kind == "not_mentioned" and result.no_answer.names == ("IIP",)
    assert "does not mention IIP" in result.reason
    searcher = price_indices.searcher
    before = searcher.settings
    try:
        searcher.settings = dataclasses.replace(before, check_indicators=False)
        result = price_indices.ask("What was factory output growth in July 2026?")
        assert result.answer is not None  # a price index's growth, for the output of factories
    finally:
        searcher.settings = before
