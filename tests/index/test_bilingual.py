"""The learned English↔Hindi term list: learning on hand-built pairs, the bundled file, its use in search."""
from __future__ import annotations

import dataclasses

from index.bilingual import (LearnSettings, TermList, bundled_term_list, bundled_terms_file, learn, learn_bundled,
                             read_tsv, title_pairs, write_tsv)
from index.lexical import terms
from index.search import HybridSearcher, coverages

PAIRS = [
    ("Farmers get seeds in Bihar", "बिहार में किसानों को बीज मिले"),
    ("Seeds for farmers of Kerala", "केरल के किसानों के लिए बीज"),
    ("Farmers of Assam get 86,000 tractors", "असम के किसानों को 86,000 ट्रैक्टर"),
    ("Tractors in Bihar", "बिहार में ट्रैक्टर"),
    ("Kerala tractors and seeds", "केरल ट्रैक्टर और बीज"),
]


def _term(word: str) -> str:
    return terms(word)[0]


def test_learns_mutual_best_pairs_and_leaves_numbers_and_stopwords_out():
    got = {(p.en, p.hi) for p in learn(PAIRS, LearnSettings(min_together=2, min_dice=0.5))}
    assert (_term("farmers"), _term("किसानों")) in got
    assert (_term("seeds"), _term("बीज")) in got
    assert (_term("tractors"), _term("ट्रैक्टर")) in got
    assert (_term("Bihar"), _term("बिहार")) in got
    assert not any(e.isdigit() or h.isdigit() for e, h in got)  # 86000 is written one way already
    assert not any(h in {"में", "के", "को"} or e in {"of", "in", "and"} for e, h in got)
    # each English term has one Hindi term and the reverse
    assert len({e for e, _ in got}) == len(got) == len({h for _, h in got})


def test_a_pair_seen_together_fewer_times_than_the_minimum_is_left_out():
    got = {(p.en, p.hi) for p in learn(PAIRS, LearnSettings(min_together=3, min_dice=0.5))}
    assert (_term("farmers"), _term("किसानों")) in got  # three pairs
    assert (_term("Bihar"), _term("बिहार")) not in got  # two


def test_the_other_scripts_words_on_a_side_are_not_learned():
    quoted = [("The Prime Minister said: किसान", "प्रधानमंत्री ने कहा: किसान")] * 4
    got = learn(quoted, LearnSettings(min_together=2, min_dice=0.1))
    assert got and all(p.en.isascii() for p in got)
    assert "किसान" not in {p.en for p in got}


def test_titles_are_paired_by_date_ministry_and_a_shared_figure_or_acronym():
    rows = [
        {"lang": "en", "date": "26 Sep 2019", "ministry": "Ministry of Finance", "title": "GST collection rises"},
        {"lang": "hi", "date": "26 Sep 2019", "ministry": "वित्त मंत्रालय", "title": "जीएसटी संग्रह बढ़ा"},
        # the same day and ministry, but nothing in common: not used
        {"lang": "en", "date": "26 Sep 2019", "ministry": "Ministry of Finance", "title": "Minister meets bankers"},
        {"lang": "hi", "date": "26 Sep 2019", "ministry": "वित्त मंत्रालय", "title": "मंत्री ने बैंकरों से मुलाकात की"},
        # the same acronym on another day
        {"lang": "hi", "date": "27 Sep 2019", "ministry": "वित्त मंत्रालय", "title": "जीएसटी परिषद की बैठक"},
    ]
    assert title_pairs(rows) == [("GST collection rises", "जीएसटी संग्रह बढ़ा")]


def test_two_titles_with_the_same_evidence_are_not_paired():
    rows = [
        {"lang": "en", "date": "1 Oct 2019", "ministry": "Ministry of Defence", "title": "DRDO tests missile"},
        {"lang": "en", "date": "1 Oct 2019", "ministry": "Ministry of Defence", "title": "DRDO chief visits lab"},
        {"lang": "hi", "date": "1 Oct 2019", "ministry": "रक्षा मंत्रालय", "title": "डीआरडीओ ने मिसाइल का परीक्षण किया"},
    ]
    assert title_pairs(rows) == []


def test_the_bundled_term_list_is_the_output_of_the_learn_command():
    pairs, counts = learn_bundled()
    assert bundled_terms_file().read_text(encoding="utf-8") == write_tsv(pairs, counts)
    assert read_tsv(write_tsv(pairs, counts)) == pairs
    assert len(bundled_term_list()) == len(pairs) > 100


def test_a_passage_holds_a_question_term_by_its_translation():
    words = TermList(learn(PAIRS, LearnSettings(min_together=2, min_dice=0.5)))
    question = [_term("किसानों"), _term("असम")]
    translated = words.translate(question)
    assert translated == {_term("किसानों"): _term("farmers")}
    passage = frozenset(terms("Farmers of Punjab"))
    idf = {question[0]: 2.0, question[1]: 3.0}
    assert coverages({7: passage}, [7, 8], idf) == {7: 0.0, 8: 0.0}
    assert coverages({7: passage}, [7, 8], idf, translated) == {7: 2.0 / 5.0, 8: 0.0}


def test_a_hindi_question_gains_keyword_evidence_in_an_english_release(service):
    question = "जेम पर मध्य प्रदेश के विक्रेता"
    searcher = service.searcher
    old = searcher.settings
    try:
        scores = {}
        for on in (False, True):
            searcher.settings = dataclasses.replace(old, bilingual_terms=on)
            hits = searcher.run(question, top_k=10, filters=None).hits
            scores[on] = {(h.release.release_id, h.release.lang): h.components.get("keyword", 0.0) for h in hits}
    finally:
        searcher.settings = old
    assert bundled_term_list().translate(terms(question, drop_stopwords=True))
    english = [k for k in scores[True] if k[1] == "en" and k in scores[False]]
    assert english and any(scores[True][k] > scores[False][k] for k in english)
