"""What answering reads of a passage (index/search/analysis.py): its paragraph's lead-in places, and
whether it is a list of links."""
from index.search import HybridSearcher, links_only

from tests.index.conftest import _passage


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


def test_links_only_reads_word_by_word():
    addresses = " ".join(f"https://www.pib.gov.in/PressReleasePage.aspx?PRID={2288336 + i}&reg=48&lang=2" for i in range(12))
    assert links_only(addresses) and links_only("\n www.example.gov.in \n htts://pib.gov.in/x \n")
    assert not links_only(addresses + " Source: PIB")  # an address list that ends in words says something
    assert not links_only("") and not links_only("http") and not links_only("Links: https://pib.gov.in")
    assert links_only("See https://pib.gov.in/a https://pib.gov.in/b", 4)
