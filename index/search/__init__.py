"""Hybrid search over the index: a question → ranked hits, one per release, and the answer.

One module a concern, so each reads on its own; `HybridSearcher` (searcher.py) wires them:

- settings.py: `SearchSettings`, each with why it stands where it does
- records.py: `SearchResult` and the no-answer `Decision` it carries
- question.py: the question's language, the figure kind it asks for and what it says of it (`FigureCues`)
- analysis.py: what answering reads of a passage (`analyse`), kept per passage id; its stated times
- fusion.py: keyword coverage and its fusion with dense cosines across languages
- fits.py: how well a passage's figures and places fit the question
- choice.py: one passage per release, the one that fits (`PassageChoice`)
- decision.py: whether the top hit answers (`AnswerDecision`); askedwords.py, one of its checks (a candidate, off)
- answer.py: the answer sentence, table row or title (`AnswerReader`)

The names other code imports stay importable from `index.search`.
"""
from index.search.analysis import PassageAnalysis, analyse, lead_in_places, links_only, stated_times_of, untitled_places
from index.search.answer import AnswerReader, title_weighted
from index.search.choice import LEAD_IN_CHARS, PassageChoice
from index.search.decision import NOTHING_ASKED, AnswerDecision
from index.search.fusion import coverage, coverages, fuse, names_held
from index.search.question import NO_CUES, FigureCues, expected_kinds, question_lang
from index.search.records import Decision, SearchResult
from index.search.searcher import WARM_UP_QUESTIONS, HybridSearcher
from index.search.settings import SearchSettings

__all__ = ["LEAD_IN_CHARS", "NOTHING_ASKED", "NO_CUES", "WARM_UP_QUESTIONS", "AnswerDecision", "AnswerReader",
           "Decision", "FigureCues", "HybridSearcher", "PassageAnalysis", "PassageChoice", "SearchResult",
           "SearchSettings", "analyse", "coverage", "coverages", "expected_kinds", "fuse", "lead_in_places", "links_only",
           "names_held", "question_lang", "stated_times_of", "title_weighted", "untitled_places"]
