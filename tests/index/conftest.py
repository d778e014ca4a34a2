"""What the tests of index/ share: the seed question, hand-built passages with the question's words
weighed alike (tests/index/search/ and test_passagechoice.py import them), and a CPU with AMX for
`auto` to choose on."""
import pytest

from index.figures import FigureExtractor
from index.lexical import terms
from index.records import Passage

SEED_HI = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?"


def _passage(text: str, lang: str = "en") -> Passage:
    return Passage(release_id="x", lang=lang, start=0, end=len(text), text=text,
                   figures=FigureExtractor().run(text))


def _idf(question: str) -> dict[str, float]:
    return {t: 1.0 for t in terms(question, drop_stopwords=True)}


@pytest.fixture
def amx_cpu(monkeypatch):
    """`auto` chooses as on a CPU with AMX (the split path: questions on the float32 graph, passages
    in torch bf16), whatever CPU runs the test."""
    import index.encoders as encoders

    monkeypatch.setattr(encoders, "cpu_flags", lambda: frozenset({"avx512f", "avx512_vnni", "amx_tile", "amx_int8",
                                                                  "amx_bf16"}))
