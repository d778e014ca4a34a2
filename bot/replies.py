"""A search result → the reply every channel renders: the answer with its figures, the passages, and
the sources to cite. The rule for which sources to show lives here and nowhere else; the web widget
and the Telegram bot show what it returns."""
from __future__ import annotations

from bot.schemas import AnswerOut, AskResponse, FigureOut, NoAnswerOut, PassageOut, SourceOut, TimeOut, TranslationOut
from corpus.release import pib_url
from index.figures.figure import TIME_KINDS
from index.names import question_names
from index.records import Answer, Hit
from index.search import SearchResult
from index.unnamed import unnamed_places as answer_unnamed

MAX_SOURCES = 3
# No release is cited for a question that names nothing ("?", an emoji) or is in a language the
# releases are not (Tamil, Bengali): the nearest releases are near nothing the reader asked.
UNCITED = frozenset({"nothing_asked", "unsupported_language"})
# Another release is cited beside the answer's own when its passage states one of the answer's
# figures and its score (the fused one that ranked the passages) is at least this close: closeness
# alone cited, beside most answers of the blind tuning sets, releases about other things
# (docs/retrieval.md, "Sources beside an answer").
SOURCE_MARGIN = 0.05


def passage_out(hit: Hit, explain: bool = False) -> PassageOut:
    r, p = hit.release, hit.passage
    return PassageOut(
        release_id=r.release_id, lang=r.lang, title=r.title, ministry=r.ministry, date=r.date,
        url=r.url, text=p.text, score=round(hit.score, 4), release_score=round(hit.ranked_by, 4),
        figures=[FigureOut(**f.to_dict()) for f in p.figures],
        also_released_as=hit.also_released_as,
        translations=[TranslationOut(**t) for t in hit.translations],
        components=hit.components if explain else None,
    )


def unnamed_places(question: str, result: SearchResult) -> list[str]:
    """The places and organisations `question` names that its answer does not (index/unnamed.py)."""
    answer = result.answer
    if answer is None:
        return []
    hit = next((h for h in result.hits if (h.release.release_id, h.release.lang) == (answer.release_id, answer.lang)),
               None)
    return answer_unnamed([n for n in question_names(question) if n.kind == "known"], hit, answer)


def answer_out(answer: Answer | None, unnamed: list[str] = ()) -> AnswerOut | None:
    if answer is None:
        return None
    figures = []
    for f in answer.figures:  # re-based onto the answer text, so a client can highlight directly
        d = f.to_dict()
        d["start"], d["end"] = f.start - answer.start, f.end - answer.start
        figures.append(FigureOut(**d))
    return AnswerOut(text=answer.text, start=answer.start, end=answer.end, figures=figures,
                     figure=figures[answer.figure] if answer.figure is not None else None,
                     release_id=answer.release_id, lang=answer.lang, score=round(answer.score, 4),
                     in_title=answer.in_title, unnamed=list(unnamed))


def shown_hits(result: SearchResult) -> list[Hit]:
    """The passages a reply lists: none for a question that names nothing or is in another language
    (`UNCITED`), whose nearest passages are near nothing asked; else every hit, best first."""
    if result.no_answer is not None and result.no_answer.kind in UNCITED:
        return []
    return result.hits


def telling_figures(figures, kinds: frozenset[str] = frozenset()) -> frozenset[tuple]:
    """(kind, unit, value) of the figures that can tell which release states them: of `kinds` when
    given, no time, and 1,000 or more or of three significant digits or more ("24 hours", "15 states"
    or 2.8% stand in unrelated releases by chance)."""
    return frozenset((f.kind, f.unit, f.value) for f in figures
                     if f.value is not None and f.kind not in TIME_KINDS and (not kinds or f.kind in kinds)
                     and (abs(f.value) >= 1000 or len(f.value.normalize().as_tuple().digits) >= 3))


def choose_sources(result: SearchResult) -> list[Hit]:
    """One hit per cited release, best first. With an answer: its own release, then others only when
    about as relevant and stating one of its figures (of the kind asked): another release that says the
    same; without one: the closest releases, for the reader to look through."""
    hits = shown_hits(result)
    if result.answer is not None and hits:
        own = next((h for h in hits if h.release.release_id == result.answer.release_id), hits[0])
        stated = telling_figures(result.answer.figures, result.kinds)
        hits = [own] + [h for h in hits if h is not own and h.ranked_by >= own.ranked_by - SOURCE_MARGIN
                        and stated & telling_figures(h.passage.figures)]
    chosen: list[Hit] = []
    for hit in hits:
        if len(chosen) == MAX_SOURCES:
            break
        if all(c.release.release_id != hit.release.release_id for c in chosen):
            chosen.append(hit)
    return chosen


def source_out(hit: Hit) -> SourceOut:
    r = hit.release
    return SourceOut(release_id=r.release_id, lang=r.lang, title=r.title.strip() or r.release_id,
                     ministry=r.ministry, date=r.date, url=r.url or pib_url(r.release_id),
                     score=round(hit.ranked_by, 4))


def ask_reply(question: str, result: SearchResult, request_id: str | None = None, *,
              explain: bool = False) -> AskResponse:
    window = result.time.to_dict() if result.time else None
    why = result.no_answer
    return AskResponse(question=question, answer=answer_out(result.answer, unnamed_places(question, result)),
                       reason=result.reason,
                       no_answer=NoAnswerOut(kind=why.kind, names=list(why.names), published=why.published,
                                             stated=why.stated, script=why.script) if why else None,
                       time=TimeOut(**window) if window else None,
                       sources=[source_out(h) for h in choose_sources(result)],
                       passages=[passage_out(h, explain) for h in shown_hits(result)], request_id=request_id)
