"""Keyword coverage fused with dense cosines across languages (index/search/fusion.py), on small
hand-built cases: the keyword bonus, language calibration and its caps."""
from index.search import SearchSettings, fuse

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
