"""Hybrid search: dense and keyword evidence combined, aware of the question and of translations.

One module a concern, wired together by `HybridSearcher` (searcher.py). The names other code
imports stay importable from `index.search`.
"""
from index.search.searcher import (NO_CUES, NOTHING_ASKED, WARM_UP_QUESTIONS, Decision, FigureCues, HybridSearcher,
                                   PassageAnalysis, SearchResult, SearchSettings, _row_in, analyse, coverages,
                                   expected_kinds, fuse, lead_in_places, names_held, question_lang, stated_times_of,
                                   title_weighted, untitled_places)

__all__ = ["NO_CUES", "NOTHING_ASKED", "WARM_UP_QUESTIONS", "Decision", "FigureCues", "HybridSearcher",
           "PassageAnalysis", "SearchResult", "SearchSettings", "analyse", "coverages", "expected_kinds", "fuse",
           "lead_in_places", "names_held", "question_lang", "stated_times_of", "title_weighted", "untitled_places"]
