"""Whether the top hit answers the question at all: the one place this is decided, by the score
floor and the answerability check, or by the no-answer model over their signals."""
from __future__ import annotations

from index.answerable import AnswerabilityCheck, NoAnswer
from index.figures.figure import TIME_KINDS
from index.lexical import terms
from index.names import short_text_names
from index.noanswer import AnswerSignals, answer_signals, load_model
from index.records import Hit
from index.scripts import unread_reason, unread_script
from index.search.analysis import analyse, passages_of
from index.search.askedwords import asked_words_refusal, said
from index.search.question import question_lang
from index.search.records import Decision, SearchResult
from index.search.settings import SearchSettings
from index.stores.base import Store
from index.timeq import QuestionTime, without_time

NOTHING_ASKED = ("the question names nothing to look for: ask about a scheme, a place or a figure, "
                 "with its time if it matters")


def asked_words_of(question: str, qtime: QuestionTime | None) -> list[str]:
    """The question's words that can say what it asks: less its time and stopwords, and less numbers
    and single letters, which do not say what they count ("{{7*7}}", "86000", "\\x41", "-1e309")."""
    return [t for t in terms(without_time(question, qtime), drop_stopwords=True)
            if len(t) > 1 and any(ch.isalpha() for ch in t)]


class AnswerDecision:
    """`run`: answer from the top hit or not, and why. Made for each search with the searcher's
    settings of the moment, which a caller may swap between searches."""

    def __init__(self, store: Store, settings: SearchSettings):
        self.store = store
        self.settings = settings

    def run(self, question: str, qtime: QuestionTime | None, hits: list[Hit],
            kinds: frozenset[str], translated: dict[str, str] | None = None,
            also_looked_up: tuple[str, ...] = ()) -> Decision:
        """Whether the top hit answers the question: the one place this is decided. By the score floor
        and the answerability check, or, with `no_answer_model`, by the model over their signals.
        `translated`: the question's terms → their other-language spellings, and `also_looked_up`: the
        terms the search added to the question's (an index's names, `indicator_names`), as it looked
        them up."""
        s = self.settings
        if script := unread_script(question):
            # Tamil, Bengali, Urdu: the releases are in Hindi and English, whatever passage e5 puts near it
            return Decision(False, unread_reason(script), why=NoAnswer("unsupported_language", script=script))
        if not hits:
            return Decision(False, "no passage found", why=NoAnswer("no_match"))
        words = asked_words_of(question, qtime)
        if not words:
            # "why?", "tell me more", "क्या", "2024", "{{7*7}}", "%s%n": e5 finds some passage near any text,
            # however empty
            return Decision(False, NOTHING_ASKED, why=NoAnswer("nothing_asked"))
        if s.check_known_words and (unknown := self.unknown_words(question, words, translated or {}, also_looked_up)):
            named = said(question, unknown)
            return Decision(False, "no release mentions " + ", ".join(named), why=NoAnswer("not_mentioned", named))
        top = hits[0]
        floor_reason = (f"nothing relevant enough: the closest passage scores {top.relevance:.3f}, "
                        f"below {s.min_answer_score}")
        if not s.no_answer_model:
            if top.relevance < s.min_answer_score:
                return Decision(False, floor_reason, why=NoAnswer("not_relevant"))
            if s.check_answerable:
                verdict = self.check_answerable(question, qtime, top, kinds)
                if not verdict.answerable:
                    if verdict.missing_names and (k := self.naming_runner_up(question, qtime, hits, kinds)):
                        return Decision(True, answered_by=k)
                    return Decision(False, verdict.reason, why=verdict.no_answer())
                if s.check_asked_words and (refused := asked_words_refusal(self.store, question, qtime, top)):
                    return Decision(False, refused[0], why=refused[1])
            return Decision(True)
        verdict = self.check_answerable(question, qtime, top, kinds)
        signals = answer_signals(question, qtime, hits, kinds, verdict, question_lang(question))
        answers, p = load_model().run(signals)
        if answers:
            return Decision(True, signals=signals, probability=p)
        found = verdict.findings()
        return Decision(False, f"the closest release is unlikely to answer it (p = {p:.2f}, score {top.score:.3f})"
                        + (": " + "; ".join(found) if found else ""), signals, p,
                        why=verdict.no_answer(counted=False) if found else NoAnswer("not_relevant"))

    def naming_runner_up(self, question: str, qtime: QuestionTime | None, hits: list[Hit],
                         kinds: frozenset[str]) -> int | None:
        """Which hit below the first answers where the first lacks a name the question names: the next one or
        two as relevant within `runner_up_margin` (and above the floor) that the checks find answerable.
        "Lakshadweep SHGs count" ranks a release on SHGs that never names Lakshadweep just above the one
        whose table does; a name is evidence the ranking weighs only a little (`names_weight`)."""
        s = self.settings
        if s.runner_up_margin is None:
            return None
        top = hits[0].relevance
        for k, hit in enumerate(hits[1:3], start=1):
            if hit.relevance < max(s.min_answer_score, top - s.runner_up_margin):
                break
            if self.check_answerable(question, qtime, hit, kinds).answerable:
                return k
        return None

    def unknown_words(self, question: str, words: list[str], translated: dict[str, str],
                      also_looked_up: tuple[str, ...] = ()) -> list[str]:
        """`words` when no passage holds any of them, of their translations or of what the search added,
        else []: what e5 then finds is only near the question's shape ("what is passwd", one letter
        typed forty times), and what the question is about is in no release. Only where the index has
        releases in the question's language: else its words are held by translations no list knows
        (a Hindi question on an index of English releases), and e5 alone can find the answer."""
        if self.store.document_frequencies(words):  # read for the idf already: most questions stop here
            return []
        others = [*(translated[w] for w in words if w in translated), *also_looked_up]
        if (others and self.store.document_frequencies(others)) or question_lang(question) not in self.store.languages():
            return []
        return words

    def signals_of(self, question: str, result: SearchResult) -> AnswerSignals | None:
        """What the no-answer decision weighs for a search's result, whichever way it was decided (for
        `vigyapti eval --absent` and fitting the no-answer model)."""
        if result.signals is not None or not result.hits:
            return result.signals
        verdict = self.check_answerable(question, result.time, result.hits[0], result.kinds, all_findings=True)
        return answer_signals(question, result.time, result.hits, result.kinds, verdict, question_lang(question))

    def check_answerable(self, question: str, qtime: QuestionTime | None, top: Hit,
                         kinds: frozenset[str] = frozenset(), *, all_findings: bool = False):
        """The best release, its other-language versions and its duplicates, judged against what the
        question names (index/answerable.py). `all_findings`: also what only a setting that is off would
        count (the thing counted: it reads every passage's terms; the asked time stated nowhere: their dates)."""
        r = top.release
        others = self.store.releases([*((t["release_id"], t["lang"]) for t in top.translations),
                                      *((d, r.lang) for d in top.also_released_as)])
        releases = [r, *(other for other in others.values() if other is not None)]
        cache = self.store.passage_analyses()
        figures, held, titles, alone = [], set(), set(), set()
        reported = self.settings.no_answer_model or all_findings  # every finding, counted or not
        # a window whose year the question did not name ranks releases and turns none away
        window = qtime.window if qtime and qtime.window and not qtime.window.year_assumed else None
        # Each passage's date figures, with its release's date: only for what reads them.
        dated = [] if window is not None and (self.settings.check_stated_time or reported) else None
        qlang = question_lang(question)
        # Only where the answer would be read in the question's language: its words are the question's.
        counts_measure = self.settings.check_measure or reported
        measured: set[str] | None = set() if counts_measure and kinds and r.lang == qlang else None
        for release in releases:  # the names each passage holds are kept with its analysis
            titled = short_text_names(release.title)
            held |= titled
            titles |= titled
            if release is not r and release.lang == r.lang and release.text == r.text:
                continue  # the same text: its passages are the top release's own, names and all
            for p in passages_of(self.store, release.release_id, release.lang):
                analysis = analyse(p, cache=cache)
                held |= analysis.names
                alone |= analysis.places_alone
                if release is r:
                    figures += p.figures
                if dated is not None:
                    dated.append(([f for f in p.figures if f.kind in TIME_KINDS], release.date))
                if measured is not None and release.lang == qlang:
                    measured |= analysis.terms
        answering = analyse(top.passage, cache=cache)
        return AnswerabilityCheck().run(question, window, top.passage, releases, figures,
                                        frozenset(held), kinds=kinds, sentences=answering.sentences,
                                        measured=frozenset(measured) if measured is not None else None,
                                        figure_time=self.settings.check_figure_time, count_measure=self.settings.check_measure,
                                        dated=dated, stated_time=self.settings.check_stated_time,
                                        figure_years=self.settings.check_figure_years,
                                        passage_names=(answering.names | titles
                                                       if self.settings.check_passage_places else None),
                                        places_alone=(frozenset(alone | titles)
                                                      if self.settings.check_listed_places else None),
                                        indicators=self.settings.check_indicators,
                                        groups=self.settings.check_groups,
                                        ordinals=self.settings.check_ordinals)
