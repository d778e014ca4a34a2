"""The answer once the hits are ranked: the sentence of the top passage that answers, the table row
it stands for, or the release's title where the headline holds a figure the body does not state.
Kept apart from ranking: it reads one passage closely, where ranking reads a hundred lightly."""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re

import numpy as np

from index.acronyms import with_phrases
from index.answerable import NoAnswer, names_a_part, other_part, states_time
from index.figures.figure import CELL_MARK, TIME_KINDS, Figure, column_label, row_label
from index.figures.inline import inline_row, is_inline_cell
from index.figures.patterns import same_measure, written_scale
from index.figures.rows import is_cell, is_cell_line, is_label_line, row_span
from index.lexical import term_set, terms
from index.names import Name, NameIndex, short_text_names
from index.records import Answer, Hit, Passage
from index.search.analysis import analyse, lead_in_places, links_only, passages_of, untitled_places
from index.search.fits import figure_fits, group_fit, in_other_language, names_part
from index.search.fusion import coverage
from index.search.question import ANY_FIGURE, NO_CUES, TOTAL_SAID, AskedFigure, FigureCues
from index.search.relations import (CHANGED_FROM, CLAUSE_BREAK, ONE_DAY, WHOLE_OF_PART, changed_from, one_day_words,
                                    running_total_words, serial_numbers, times_in_order, wholes)
from index.search.records import Decision
from index.search.settings import SearchSettings
from index.sentencevectors import SentenceVectors
from index.stores.base import Store
from index.timeq import TimeWindow, column_times, overlaps, stated_time_fit, title_figures
from index.unnamed import unnamed_places

def title_weighted(idf: dict[str, float], title: str, weight: float) -> dict[str, float]:
    """`idf` with the terms `title` holds weighing `weight` × theirs, unless it holds them all."""
    if weight == 1.0 or not title:
        return idf
    titled = term_set(title)
    if all(t in titled for t in idf):
        return idf
    return {t: w * weight if t in titled else w for t, w in idf.items()}


def table_row(passage: Passage, a: int, b: int, idf: dict[str, float], cues: FigureCues = NO_CUES,
              places: tuple[Name, ...] = (), window: TimeWindow | None = None) -> tuple[int, int]:
    """The answer sentence `a:b`, or the table row it stands for: a cell written alone on its line
    widens to its row; a one-line table narrows to the one row that names the question's place, or
    else whose label holds most of the question's words (and its place, if it names one), where a
    single row does. Of rows with that label in tables of other times ("Assam" in 2025 and in
    January-June 2026), the one of the asked time (`window`: the question's)."""
    a, b = row_span(passage.text, passage.figures, a, b)
    rows: dict[str, list[int]] = {}  # each row's label → the first cell of each row so labelled
    previous = ""
    for i, f in enumerate(passage.figures):
        if a <= f.start and f.end <= b and is_inline_cell(f):
            if (label := row_label(f.label)) != previous:
                rows.setdefault(label, []).append(i)
            previous = label
        else:
            previous = ""

    def row_of(label: str) -> int:
        starts = rows[label]
        if len(starts) > 1 and window is not None:
            timed = [i for i in starts
                     if any(overlaps(window, w) for w in column_times(column_label(passage.figures[i].label)))]
            if len(timed) == 1:
                return timed[0]
        return starts[0]

    # the one row that names the question's place, in either script ("बिहार": "4 Bihar 311304.40 ...")
    placed = [label for label in rows if any(n.keys & NameIndex(label).alone for n in places)] if places else []
    if len(placed) == 1:
        return inline_row(passage.text, passage.figures, row_of(placed[0])) or (a, b)
    held = {label: coverage(in_other_language(term_set(label), cues), idf) for label in rows}
    if not held:
        return a, b
    best = max(held.values())
    chosen = [label for label, h in held.items() if h == best]
    if best <= 0 or len(chosen) > 1:
        return a, b
    label_places = NameIndex(chosen[0]).alone
    if places and label_places and not any(n.keys & label_places for n in places):
        return a, b  # another state's row: the asked one may be in the rest of the line
    return inline_row(passage.text, passage.figures, row_of(chosen[0])) or (a, b)


# A sentence that goes on from the one before it, its first words referring back to it: "Out of these 44
# were international cargo flights", "Together they carry a revised cost of ₹40.54 lakh crore",
# "Corresponding inflation rates for rural and urban are ...", "During the same period, urban female LFPR
# increased from 24.8% to 25.3%", "इनमें से 23,102 महिलाएं हैं", "इसी अवधि में ...".
_SEQUEL = re.compile(r"(?i)\W*(?:out\s+of\s+(?:these|this|them|which)|of\s+(?:these|them|which)\b|among\s+(?:them|these)\b|"
                     r"together,?\s+they\b|thus\b|correspondingly\b|corresponding\b|this\s+includes?\b|these\s+include\b|"
                     r"(?:during|in|over)\s+the\s+same\s+period\b)|"
                     r"\W*(?:इनमें|इसमें|जिनमें|इस\s+प्रकार|इसी\s+अवधि)(?![\u0900-\u097f])")
MAX_SEQUELS = 2


def with_sequels(text: str, sentences, a: int, b: int) -> tuple[int, int]:
    """The answer sentence `a:b` with what makes it read whole: the sentences after it that go on from
    it (`_SEQUEL`), and the one before it where it goes on from that one itself. A figure a sequel
    states ("Out of these 44 were international") is of what the sentence before it names, and such a
    sentence alone says nothing of what "these" are."""
    spans = [(start, end) for start, end, _ in sentences]
    if (a, b) not in spans:
        return a, b  # a table's row, not a sentence
    i = spans.index((a, b))
    if i and _SEQUEL.match(text, a, b):
        a = spans[i - 1][0]
    for start, end in spans[i + 1:i + 1 + MAX_SEQUELS]:
        if not _SEQUEL.match(text, start, end):
            break
        b = end
    return a, b


def best_sentence(passage: Passage, idf: dict[str, float], kinds: frozenset[str],
                  cues: FigureCues = NO_CUES, *, cache=None, title: str = "",
                  places: tuple[Name, ...] = (), places_weight: float = 0.0,
                  similarity: tuple[float, ...] = (), similarity_weight: float = 0.0,
                  unit: str | None = None, groups_weight: float = 0.0,
                  window: TimeWindow | None = None, time_weight: float = 0.0,
                  released: dt.date | None = None, given: frozenset = frozenset()) -> tuple[int, int]:
    """The sentence of `passage` that answers: the question's words, a figure of the asked kind that
    fits, and `places_weight` × the share of `places` (the question's) it names in either script,
    which tells a bulletin's sentences apart where the question's words are in the other language;
    and `similarity_weight` × its cosine with the question (`similarity`, a value per sentence),
    which tells them apart where a sentence says what is asked in other words; and `groups_weight` ×
    the share of the parts of the population asked (`cues.groups`) it names, in either language ("rural"
    for "ग्रामीण"); less `time_weight` where the times it states all miss the question's `window` (a
    day without a year is of the year the release was `released`). `unit`: the unit the question names
    (`asked_unit`); `given`: the values of the numbers the question states (`given_values`)."""
    analysis = analyse(passage, cache=cache)
    sentences = analysis.sentences
    if not sentences:
        return 0, len(passage.text)
    fits = figure_fits(passage, kinds, idf, cues, cache=cache, title=title)
    if unit and any(same_measure(passage.figures[j].unit, unit) for j in fits):
        # asked in a unit ("how many tonnes"): a sentence whose figures are all in others (km) answers nothing
        # where another holds one in it
        fits = {j: fit for j, fit in fits.items() if same_measure(passage.figures[j].unit, unit)}
    if given and any(passage.figures[j].value not in given for j in fits):
        # "the 200 passenger trains from 1 June: how many passengers on the first day?": a sentence whose figures
        # are all the question's own ("200 passenger services will run") answers nothing where another's are not
        fits = {j: fit for j, fit in fits.items() if passage.figures[j].value not in given}
    helds = [[fit for j, fit in fits.items() if a <= passage.figures[j].start and passage.figures[j].end <= b]
             for a, b, _ in sentences]
    if similarity and any(helds):
        # Asked for a figure: meaning tells apart the sentences that hold one of its kind; a
        # sentence without one ("The details are as under:") may be nearer, and is no answer.
        similarity = tuple(sim if held else min(similarity) for sim, held in zip(similarity, helds))
    # the asked places the passage names anywhere: only those can stand at a line's head before a sentence
    in_passage = [n for n in places if n.keys & analysis.names] if places_weight else []
    best, best_score = (sentences[0][0], sentences[0][1]), -math.inf
    for i, ((a, b, words), held) in enumerate(zip(sentences, helds)):
        if links_only(passage.text, a, b):
            continue  # a release's list of links says nothing; its words are the address's
        if not held and any(helds):
            continue  # asked for a figure: a sentence without one answers nothing where another holds one
        covered = coverage(with_phrases(words, cues.acronyms) if cues.acronyms else words, idf)
        score = covered
        if held:  # a figure of the asked kind; the better it fits, the better the sentence
            score += 0.5 + 0.5 * max(0.0, max(held) - covered)
        score -= 0.01 * i  # earlier sentences win ties: PIB leads with the news
        if places and places_weight:
            # a bulletin's paragraph names its State once, at its head ("· मध्य प्रदेश- ... 127 नए मामले ... 151
            # लोगों का निधन"): each sentence of the line is that State's
            named = NameIndex(passage.text[a:b]).keys
            if any(not n.keys & named for n in in_passage):
                named |= lead_in_places(passage.text, a, a + 1)
            score += places_weight * sum(bool(n.keys & named) for n in places) / len(places)
        if similarity and similarity_weight:
            score += similarity_weight * similarity[i]
        if cues.groups and groups_weight:
            score += groups_weight * group_fit(passage.text[a:b], cues.groups, title)
        if window is not None and time_weight:
            dates = [f for f in passage.figures if f.kind in TIME_KINDS and a <= f.start and f.end <= b]
            score -= time_weight * (stated_time_fit(window, dates, released) < 0)
        if score > best_score:
            best, best_score = (a, b), score
    return best


# Choosing the figure that answers among its sentence's: the question's words this close to it (in
# characters, either side), and a date this close beside it, tell it from its neighbours, whose wider
# windows hold the same words.
NEAR_WORDS = 40
NEAR_BEFORE = 0.5
# How much the words of the whole a figure is a part of count for it (`_PART_OF_BEFORE`): less than its own.
PART_OF_WHOLE = 0.5
# How much a figure whose own words say it is a total counts for a question asking a total.
TOTAL_NAMED = 0.5
BESIDE_TIME = 25
# How much a figure of a place the question asks about counts against one of another place or of the whole
# country that stands beside it with more of the question's words ("433 Shakti Sadans are functional across
# the country including 68 in the State of Odisha").
PLACE_NAMED = 1.0
_WORD_END = re.compile(r"\S*")
# "1,28,976 and 85,822, respectively, as of 2025-26": a date after the list is every item's.
_RESPECTIVELY = re.compile(r"\brespectively\b|क्रमशः", re.I)
# A part of the figure before, told so right before it: "1,929 plants registered. Of these, 217 have
# been commissioned", "25 lakh connections approved, of which 24.84 lakh have been released", "इनमें से
# 217": the part counts what the whole does, and its own words say which part it is.
_PART_OF_BEFORE = re.compile(
    r"(?i)(?:\b(?:of|out\s+of|among)\s+(?:these|those|them|which|this)|"
    r"(?<![\u0900-\u097f])(?:इनमें|उनमें|जिनमें|जिसमें|इसमें)\s+से)[\s,:]*$")
# A figure's opening bracket right before it: "(", "(Rs. ", "(₹".
_IN_BRACKETS = re.compile(r"\((?:\s*(?:Rs\.?|₹|INR|रु\.?))?\s*$")
# Where a list's item opens after the list's head: a colon, a dash standing apart or after a Hindi word
# ("समाप्त हुआ- उत्तर प्रदेश (1682 ट्रेन)"), not a hyphen within a name ("Delhi- NCR").
_ITEM_OPENS = re.compile(r"[:;।]\s*|\s[-–—]\s+|[–—]\s*|(?<=[\u0900-\u097f])-\s+")
# A figure in brackets right after another, the brackets holding it alone: "28 BCM (11%) for domestic
# purposes", "₹500 crore (US$ 60 million) for ...". It restates its item, whose words go on after it.
_ASIDE_OPENS = re.compile(r"\s*\(\s*(?:(?:Rs\.?|₹|INR|US\$|रु\.?)\s*)?")
_ASIDE_SHUTS = re.compile(r"\s*\)")


# Between a range's two ends: "15-45 years", "15–29", "15 to 45 years", "15 से 45 वर्ष".
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|से)\s*")


def aside_after(text: str, figures, j: int) -> int | None:
    """The index of the bracketed figure that restates figure `j` right after it, if one does."""
    k = j + 1
    if k < len(figures) and _ASIDE_OPENS.fullmatch(text, figures[j].end, figures[k].start) and \
            _ASIDE_SHUTS.match(text, figures[k].end):
        return k
    return None


def _clause_split(text: str, figures, at: int, bound: int, *, after: bool) -> int:
    """Where the words between the figure ending (after) or starting (before) at `at` and its
    neighbour within `bound` split: just after the last clause break between them; without a
    neighbour or a break, `bound` (no split)."""
    others = [g for g in figures if g.kind not in TIME_KINDS]
    if after:
        gap = (at, min((g.start for g in others if at <= g.start <= bound), default=bound))
    else:
        gap = (max((g.end for g in others if bound <= g.end <= at), default=bound), at)
    if gap[1 if after else 0] == bound:
        return bound
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, *gap)
              if not any(g.start <= m.start() < g.end for g in figures)]  # "3 June, 2020" is one date
    return breaks[-1] if breaks else bound


def answering_figure(passage: Passage, a: int, b: int, idf: dict[str, float], kinds: frozenset[str],
                     cues: FigureCues = NO_CUES, *, cache=None, title: str = "", window: TimeWindow | None = None,
                     unit: str | None = None, released: dt.date | None = None,
                     asked_figure: AskedFigure = ANY_FIGURE, titled_idf: dict[str, float] | None = None,
                     places: tuple[Name, ...] = (), groups_weight: float = 0.0) -> int | None:
    """Which figure of `passage.text[a:b]` answers (its index in `passage.figures`): of those the
    question asks for (its kind, its unit, its row's time: `figure_fits`), the one that fits best, the
    first of equals. A sentence states several ("from 5.5% in June to 5.1% in July"), and a reader
    wants the one asked for, not the sentence's every number in bold alike. Beside the words around
    each (`figure_fits`, with its label, the asked unit and time), the question's words nearest it and
    a date beside it tell it from its neighbours. `asked_figure`: a kind the question names outright
    is preferred where the sentence holds one; the thing it counts is named by the figure's label or
    the words right after it ("230 milk unions", not "1.7 crore dairy farmers"); a change in
    percentage points answers a question about a change, and only such a one; a date question is not
    answered by the day it names. `titled_idf`: the question's weights before its release title's words
    lost theirs (`title_weighted`), for a table cell's column: a title says what every sentence is about,
    but "Houses under Construction" is told from "Houses Completed" by a word of "... construction of
    houses under PMAY-G". `places`: the question's that the release's title does not name; a figure whose
    own words or row name one is that place's ("433 Shakti Sadans ... across the country including 68 in
    the State of Odisha"). `groups_weight`: × the share of the parts of the population asked
    (`cues.groups`) that the figure is of (`part_named`)."""
    asked = dataclasses.replace(cues, unit=unit, window=window, row_window=window, label_weight=1.0)
    fits = figure_fits(passage, kinds, idf, asked, cache=cache, title=title)
    inside = [j for j in fits if a <= passage.figures[j].start and passage.figures[j].end <= b]
    inside = [j for j in inside if passage.figures[j].kind in asked_figure.named] or inside
    if window is not None and window.granularity == "day" and "date" in kinds:
        # "When will bidders pay for the auctions of June 5, 2020?": the day the question names is not the one it asks
        named_day = window.start.isoformat()
        inside = [j for j in inside if passage.figures[j].iso != named_day] or inside
    # "WPR is higher by 0.5 percentage point in July, 2026 (52.5%)": the rate and its change stand side by side
    points = [j for j in inside if passage.figures[j].unit == "pp"]
    inside = (points if asked_figure.change else [j for j in inside if j not in points]) or inside
    if asked_figure.given:
        # "the ₹2,399 annual plan's validity": the number the question states is given, not asked
        inside = [j for j in inside if passage.figures[j].value not in asked_figure.given] or inside
    if asked_figure.currency:
        # "the rupee value of seafood exports": "Rs. 73,890 crore", not the "(USD 8.46 billion)" beside it
        inside = [j for j in inside if passage.figures[j].unit == asked_figure.currency] or inside
    if asked_figure.scale:
        # "कितने करोड़ पन्ने": the figure written in crore ("753.60 crore pages"), not the 538 courts beside it
        # ... and where none is, one that reaches a tenth of it ("how many lakh people": "1.9 million
        # professionals", not the 1,700 centres employing them)
        inside = [j for j in inside if written_scale(passage.figures[j].text) == asked_figure.scale] or [
            j for j in inside if abs(passage.figures[j].value or 0) * 10 >= asked_figure.scale] or inside
    if asked_figure.bound:
        # "the maximum age" of "in the age group of 15-45 years": the range's upper end, not its lower
        ends = [(j, k) for j, k in zip(inside, inside[1:])
                if _RANGE_JOIN.fullmatch(passage.text, passage.figures[j].end, passage.figures[k].start)
                and passage.figures[j].kind == passage.figures[k].kind]
        dropped = {j if asked_figure.bound == "upper" else k for j, k in ends}
        inside = [j for j in inside if j not in dropped] or inside
    counted = asked_figure.counted
    if not inside:
        return None
    text, figures = passage.text, passage.figures
    span = [j for j, f in enumerate(figures) if a <= f.start and f.end <= b]
    serials = serial_numbers(figures, span)
    analysis = analyse(passage, cache=cache)  # uncached for a headline: read once here
    sentences = analysis.sentences
    inside = [j for j in inside if j not in serials] or inside

    def words_of(j: int) -> tuple[int, int, float]:
        """Where the figure's own words stand: between it and its neighbours, within NEAR_WORDS, and
        how much those before it count against those after it (`near`)."""
        f = figures[j]
        aside = aside_after(text, figures, j)
        # an aside's words are the figure's: they run on after its closing bracket
        reach = f.end if aside is None else _ASIDE_SHUTS.match(text, figures[aside].end).end()
        following = [g for k, g in enumerate(figures) if k != aside]
        # not across the end of its sentence: the answer's sequels are read with it ("... 4,835 मरीज ठीक हुए
        # हैं। इस प्रकार से कुल 91,818 मरीज")
        opens, ends = next(((s, e) for s, e, *_ in sentences if s <= f.start < e), (a, b))
        after = min([b, ends, reach + NEAR_WORDS] + [g.start for g in following if g.start >= reach and g.kind not in TIME_KINDS])
        before = max([a, opens, f.start - NEAR_WORDS] + [g.end for g in figures if g.end <= f.start and g.kind not in TIME_KINDS])
        # whole words: a window's edge cuts none in two
        after = _WORD_END.match(text, after).end() if after < b else after
        while before > a and not text[before - 1].isspace():
            before -= 1
        # the words between two figures split at the last clause break between them: "38,37,207 samples
        # tested so far, whereas 1,00,180 ...", "2644 new cases; the recovered are 10,632", "Kerala 120,
        # Tamil Nadu 340": what stands before the break is the first one's, what after it the next one's
        after = min(after, _clause_split(text, following, reach, b, after=True))
        before = max(before, _clause_split(text, figures, f.start, a, after=False))
        if (opened := _IN_BRACKETS.search(text, before, f.start)) and (shut := text.find(")", f.end, after)) >= 0:
            # "मेघालय (1 सीट) एवं राजस्थान (3 सीट)": a bracketed figure is of what stands before the bracket,
            # back to where its item opens: a list's head is every item's ("... समाप्त हुआ- उत्तर प्रदेश (1682
            # ट्रेन), बिहार (1495 ट्रेन)")
            heads = [m.end() for m in _ITEM_OPENS.finditer(text, before, opened.start())]
            return (heads[-1] if heads else before), shut, 1.0
        return before, after, NEAR_BEFORE

    def near(j: int, idf: dict[str, float] = idf) -> float:
        """The question's words between the figure and its neighbours (`words_of`): after it ("86,000
        sellers", "1.7 करोड़ किसान") counting more than before it, which is as often the figure before's
        ("480 government and 208 private laboratories"); and the share of the thing counted that its
        label or the words right after it name. `idf`: the words weighed (all the question's)."""
        f = figures[j]
        before, after, right_after, said_before, before_weight = own_words(j)
        whole = whole_noun(j) - right_after
        held = right_after | term_set(f.label or "") | whole
        names_counted = len(counted & held) / len(counted) if counted else 0.0
        if asked_figure.whole and total_said(j, before, after):
            names_counted += TOTAL_NAMED  # "total quantity recovered": "taking the total recovery to 1,837 kg"
        return (coverage(right_after, idf) + before_weight * coverage(said_before, idf) + names_counted
                + PART_OF_WHOLE * coverage(whole, idf))

    def total_said(j: int, before: int, after: int) -> bool:
        """Whether the figure's own words say it is a total: before it, or after it and nearer it than the
        next figure, whose the word then is ("आज 5 नए मामलों की पुष्टि हुई और कुल केस 606 पहुंच गए")."""
        f = figures[j]
        if TOTAL_SAID.search(text, before, f.start):
            return True
        said = TOTAL_SAID.search(text[f.end:after])
        if said is None:
            return False
        following = next((g.start for g in figures[j + 1:] if g.kind not in TIME_KINDS), None)
        return following is None or following - (f.end + said.end()) >= said.start()

    def own_words(j: int) -> tuple[int, int, frozenset[str], frozenset[str], float]:
        """Where the figure's words begin and end (`words_of`), the terms of those after it and before it,
        with the question's they hold in the other language, and how much those before it count."""
        f = figures[j]
        before, after, before_weight = words_of(j)
        right_after = in_other_language(frozenset(terms(text[f.end:after])), cues) or shared_noun(j)
        if is_inline_cell(f):
            # a table cell's words before it are its row's label, every cell's (`figure_fits` reads it in
            # each label): the row's first cell is no more its row's than the others
            before_weight = 0.0
        return before, after, right_after, in_other_language(frozenset(terms(text[before:f.start])), cues), before_weight

    def held_words(j: int) -> frozenset[str]:
        """The terms the figure's own words (those before it where they count) and its label hold."""
        _, _, right_after, said_before, before_weight = own_words(j)
        return right_after | (said_before if before_weight else frozenset()) | term_set(figures[j].label or "")

    def words_after(j: int) -> frozenset[str]:
        """The terms of the figure's label and of its own words after it: what it is of ("78.9% in NFHS-4"),
        not the subject its sentence opens with, which is its neighbours' too."""
        return own_words(j)[2] | term_set(figures[j].label or "")

    def asked_words(j: int) -> frozenset[str]:
        """The question's words (not its numbers) that the figure's own words or its label hold."""
        return frozenset(t for t in held_words(j) if t in worded)

    def shared_noun(j: int) -> frozenset[str]:
        """The words after the nearest figure before a bare one ("आंध्र प्रदेश में 266 इलेक्ट्रिक वाहन चार्जिंग
        स्टेशनों, तमिलनाडु में 256, गुजरात में 228"): a list states its noun once, after its first item, and
        every bare item after it counts the same thing. Only across items as bare, in the same sentence,
        and not in a table, whose cells their row and column label (`figure_fits`)."""
        if is_inline_cell(figures[j]):
            return frozenset()
        for k in range(j - 1, -1, -1):
            g = figures[k]
            if g.kind in TIME_KINDS:
                return frozenset()
            if g.start < a or g.kind != figures[j].kind:
                return frozenset()
            _, after_k, _ = words_of(k)
            if words := frozenset(terms(text[g.end:after_k])):
                return in_other_language(words, cues)
        return frozenset()

    def whole_noun(j: int) -> frozenset[str]:
        """The words after the figure before of which this one is a part (`_PART_OF_BEFORE`), and its label's."""
        k = next((k for k in range(j - 1, -1, -1) if figures[k].kind not in TIME_KINDS), None)
        if k is None or figures[k].kind != figures[j].kind or figures[k].start < a:
            return frozenset()
        if not _PART_OF_BEFORE.search(text, max(figures[k].end, figures[j].start - 30), figures[j].start):
            return frozenset()
        _, after_k, _ = words_of(k)
        words = frozenset(terms(text[figures[k].end:after_k])) | term_set(figures[k].label or "")
        return in_other_language(words, cues)

    def place_named(j: int) -> float:
        """The share of the asked places that the figure's row names, where its label names a place
        ("Jaipur 372 Pune 632": the words after 372 are the next row's), or else its own words; -1 for a
        row of other places only (a table's header words stand nearer its first rows, which are no more
        the asked place's for it); nought for a question asking a total."""
        if not places or asked_figure.whole:
            return 0.0  # a total of the places asked ("recovered from Pune and Delhi") is no one place's
        label = NameIndex(figures[j].label) if figures[j].label else None
        if label is not None and label.alone:
            named = label.keys
            if not any(n.keys & named for n in places):
                return -1.0
        else:
            before, after, _ = words_of(j)
            named = NameIndex(text[before:after]).keys
        return sum(bool(n.keys & named) for n in places) / len(places)

    def part_named(j: int) -> float:
        """The share of the parts of the population asked (`cues.groups`) that the figure is of rather than
        their other parts (urban for rural, men for women): by its label where that names one of them
        ("rural" of "... for rural and urban are 4.84% and 3.96%, respectively"), else by the one its own
        words name nearest it ("23,102 beneficiaries are women"; "लड़कों के 89.28 प्रतिशत के मुकाबले
        लड़कियों का"), else by the last one named before it in its sentence ("rural LFPR ... to 58.0%, while
        urban LFPR ... from 50.7% to 50.4%")."""
        f = figures[j]
        before, after, _ = words_of(j)
        label = f.label or ""
        cell = is_inline_cell(f)
        told = 0
        for named in cues.groups:
            other = other_part(named)
            said = names_part(label, 0, len(label), (len(label), len(label)), named, other)
            if said is None and cell:
                # a table's cell is its row's and column's: "Students Selected" under "... Male Female" is neither's
                continue
            if said is None:
                said = names_part(text, before, after, (f.start, f.end), named, other)
            if said is None:
                said = names_part(text, a, f.start, (f.start, f.end), named, other)
            told += bool(said)
        return told / len(cues.groups)

    def part_asked(j: int) -> float:
        """The share of the words that set the part asked apart from its whole (`asked_figure.part`) that the
        figure's own words or its label hold ("Out of these 44 were international cargo flights")."""
        return len(asked_figure.part & held_words(j)) / len(asked_figure.part)

    def period(j: int) -> int:
        """For a question about a single day's figure: 1 when the figure's own words say it is one day's
        ("1,00,180 samples were tested yesterday"), -1 when they say it is a running total ("Cumulatively,
        38,37,207 samples have been tested so far"); for one about a running total the other way round,
        each period's figure against ("500 training slots every year"; "5,600 ... trained since 2007")."""
        if not (asked_figure.one_day or asked_figure.so_far):
            return 0
        before, after, _ = words_of(j)
        if asked_figure.one_day:
            return one_day_words(text, before, after)
        return running_total_words(text, before, after)

    if titled_idf is not None and title:
        titled = frozenset(t for t in term_set(title) if len(t) > 2)  # not "e" of "PM E-DRIVE" and "e-2W"
        for j in inside:
            label = figures[j].label or ""
            if CELL_MARK in label:
                # and its row's: "Services* Exports 35.89" from "Merchandise Exports 44.24" under a title of
                # "exports (merchandise & services)"
                cell = term_set(column_label(label)) | term_set(row_label(label))
                fits[j] += coverage(in_other_language(cell & titled, cues), titled_idf)
    in_order = times_in_order(text, figures, [j for j in span if j not in serials]) if window else {}
    row_times = analysis.row_times if window else ()

    def beside(j: int) -> int:
        """1 when a date right beside the figure (the next figure after it or the one before it, and
        close, and not after a "respectively" that makes it the whole list's), its table column's
        header, or the time it stands for by order (`times_in_order`) is in the asked time, -1 when each
        is another's: "550 m in 2017, 1470 m in 2018"; a state's row under "Feb-19 Feb-20"."""
        if window is None or window.since and asked_figure.change:
            return 0  # "by how much ... since 2014-15": the value it changed from stands beside its year
        f = figures[j]
        column = column_label(f.label)
        if column and (stated := column_times(column)):
            # "Area Sown 2026" holds the 7th of August 2026; "Final Area Coverage 2025", "Feb-19" are others'
            return 1 if any(overlaps(window, w) for w in stated) else -1
        if row_times[j] is not None:
            # a row of a time ("2024-25 1,96,803 62,091 2025-26 ...") is told by its row (`figure_fits`): the
            # dates beside its cells are the rows' around it
            return 0
        if j in in_order:
            return stated_time_fit(window, [figures[in_order[j]]], released)
        dates = [g for g in (figures[j - 1] if j else None, figures[j + 1] if j + 1 < len(figures) else None)
                 if g is not None and g.kind in TIME_KINDS and a <= g.start and g.end <= b
                 and (0 <= g.start - f.end <= BESIDE_TIME or 0 <= f.start - g.end <= BESIDE_TIME)
                 and not _RESPECTIVELY.search(text, f.end, g.start) and not heads_a_list(j, g)]
        # "से वर्ष 2018-19 में बढ़ाकर 14 प्रतिशत, 2019-20 में 17 प्रतिशत": a date across a clause break is the
        # next clause's where another stands on the figure's side of it
        unbroken = [g for g in dates if not CLAUSE_BREAK.search(text, min(f.end, g.end), max(f.start, g.start))]
        dates = unbroken or dates
        return stated_time_fit(window, dates, released) if dates else 0

    def heads_a_list(j: int, date: Figure) -> bool:
        """Whether a date before the figure is the time of the figures after it as well: the next figure
        the question asks for follows with no time of its own between ("during 2025–26 were Tiruppur
        (₹38,677 crore), Gautam Buddha Nagar (₹21,095 crore), ..."): it dates the whole list, not its first.
        Not where the next one has a time of its own right after it ("during April-July 2026-27 were US$
        292.38 Billion as compared to US$ 245.14 Billion during April-July 2025-26")."""
        if date.end > figures[j].start:
            return False
        later = [k for k in inside if k > j]
        if not later or any(g.kind in TIME_KINDS for g in figures[j + 1:min(later)]):
            return False
        after = figures[min(later) + 1] if min(later) + 1 < len(figures) else None
        return not (after is not None and after.kind in TIME_KINDS
                    and 0 <= after.start - figures[min(later)].end <= BESIDE_TIME)

    # A question that names a time finds the figure of that time by the date beside it, where there is one
    # ("from 32.7% in June, 2026 to 34.4% in July, 2026"); one that asks a date asks where a span starts or
    # ends ("from 9th to 17th August").
    # ... and one that names what the value it started from was of, by a word the value it came to lacks
    # ("from 78.9% in NFHS-4 (2015-16) to 90.6% in NFHS-6" asked "in NFHS-4"), asks that value
    old = ({j for j, k in changed_from(text, figures, inside) if beside(j) == beside(k) == 0
            and (asked_figure.now or not (words_after(j) - words_after(k)).intersection(idf))}
           if not asked_figure.before and not kinds & TIME_KINDS else set())
    if asked_figure.now and old:
        # "the current installed capacity": of "from 375 MW in 2020 to current capacity of about 1575 MW", the
        # value it came to, whatever words stand nearer the value it started from
        inside = [j for j in inside if j not in old] or inside
    # a whole is the answer still where its own words hold some of the question's and no other figure's hold one
    # it does not ("The Budget Estimate ... is ₹1,342.29 crore, comprising ₹855.29 crore under Revenue and ₹487.00
    # crore under Capital"; "480 Government and 208 private laboratories (total 688 laboratories)" asked how many
    # laboratories, not "सरकारी प्रयोगशालाएं"); its words, not its numbers: a date the sentence opens with is its
    # parts' too
    worded = {t: w for t, w in idf.items() if not any(c.isdigit() for c in t)}
    found = wholes(text, figures, inside) if not asked_figure.whole else set()
    held = {k: asked_words(k) for k in inside} if found else {}
    whole = {j for j in found if near(j, worded) == 0 or any(held[k] - held[j] for k in inside if k != j)}
    if not asked_figure.population_part:
        # a whole split into parts of the population ("56.6 crore persons ... were employed, of which 40.2 crore
        # were male and 16.4 crore were female") answers a question that asks for none of them
        whole = {j for j in whole if not names_a_part(text, figures[j].end, b)}
    # a date beside a whole is its part's too ("as on 07.08.2026, out of 5,86,944 villages 5,63,809
    # villages"): it tells neither from the other
    # of a table row's cells that the question tells apart by nothing, its total answers ("Indore 11,347
    # 1,493 12,840" under "e-2W e-3Ws Total": how many EVs), not the first
    return max(inside, key=lambda j: (fits[j] + near(j) + 0.5 * (beside(j) if j not in whole else 0)
                                      - CHANGED_FROM * (j in old) - WHOLE_OF_PART * (j in whole) + ONE_DAY * period(j)
                                      + PLACE_NAMED * place_named(j)
                                      + (groups_weight * part_named(j) if groups_weight and cues.groups else
                                         groups_weight * part_asked(j) if groups_weight and asked_figure.part else 0.0),
                                      total_column(figures[j]), -j))


# "Total", "Grand Total", "कुल"; or a column group's last, "No. of Titles Distributed upto Total"
_TOTAL_COLUMN = re.compile(r"(?i)^\s*(?:grand\s+)?total\b|\btotal\W*$|^\s*कुल(?![\u0900-\u097f])|(?<![\u0900-\u097f])कुल\W*$")


def total_column(figure: Figure) -> bool:
    """Whether a table cell stands in its table's total column, or its column group's."""
    column = column_label(figure.label)
    return bool(column) and bool(_TOTAL_COLUMN.search(column))


class AnswerReader:
    """The answer of a search whose decision is to answer: `run` reads it from the top hit. Made for
    each search with the searcher's settings of the moment, which a caller may swap between searches."""

    def __init__(self, store: Store, settings: SearchSettings, sentences: SentenceVectors | None = None):
        self.store = store
        self.settings = settings
        self.sentences = sentences  # without them, the answer sentence is chosen without its similarity

    def run(self, kinds: frozenset[str], hits: list[Hit], idf: dict[str, float], decision: Decision,
            cues: FigureCues = NO_CUES, places: tuple[Name, ...] = (),
            vector: np.ndarray | None = None, window: TimeWindow | None = None,
            unit: str | None = None,
            asked_figure: AskedFigure = ANY_FIGURE) -> tuple[Answer | None, str | None, NoAnswer | None]:
        """The answer sentence of the top hit, or why there is none, and the figure in it that answers
        (`answering_figure`)."""
        if not decision.answers:
            return None, decision.reason, decision.why
        top = hits[0]
        a, b = self.answer_sentence(top, idf, kinds, cues, places, vector, unit, window, asked_figure.given)
        if self.settings.answer_table_rows:
            a, b = table_row(top.passage, a, b, idf, cues, places, window)
        if self.settings.title_answer_margin is not None and self.title_answers(top, a, b, idf, kinds, cues, places,
                                                                                           window, unit):
            title = top.release.title
            headline = self.headline(top)
            return Answer(text=title, start=0, end=len(title), figures=headline.figures,
                          release_id=top.release.release_id, lang=top.release.lang, score=top.score,
                          in_title=True, figure=answering_figure(headline, 0, len(title), idf, kinds, cues,
                                                                 window=window, unit=unit,
                                                                 asked_figure=asked_figure)), None, None
        # shown with what makes it read whole, whose figures may answer too
        a, b = with_sequels(top.passage.text, analyse(top.passage, cache=self.store.passage_analyses()).sentences, a, b)
        asked = self.answering_figure(top, a, b, idf, kinds, cues, window, unit, asked_figure, places)
        inside = [j for j, f in enumerate(top.passage.figures) if a <= f.start and f.end <= b]
        answer = Answer(text=top.passage.text[a:b], start=a, end=b, figures=[top.passage.figures[j] for j in inside],
                        release_id=top.release.release_id, lang=top.release.lang, score=top.score,
                        figure=inside.index(asked) if asked is not None else None)
        if self.settings.check_answer_places and (unnamed := unnamed_places(places, top, answer)):
            return None, f"the passage that would answer does not name {', '.join(unnamed)}", NoAnswer(
                "not_named", names=tuple(unnamed))
        return answer, None, None

    def title_answers(self, hit: Hit, a: int, b: int, idf: dict[str, float], kinds: frozenset[str],
                      cues: FigureCues, places: tuple[Name, ...], window: TimeWindow | None = None,
                      unit: str | None = None) -> bool:
        """Whether the release's title answers better than the sentence `a:b` of the hit's passage: a
        headline's figure may stand nowhere in the body ("Rs 812 Crore approved for Odisha under Jal
        Jeevan Mission"). The title's figure of the asked kind that fits the question best (its words
        around it, all of them counted here), of those whose label holds a word of the question, must be
        such a one, in the `unit` the question asks for if it names one, and fit by `title_answer_margin`
        more than the sentence's best; the title must name every place the question names, and state
        the time it names."""
        title = hit.release.title or ""
        headline = self.headline(hit)
        figures = headline.figures
        if not figures or not kinds:
            return False
        if places and not all(n.keys & short_text_names(title) for n in places):
            return False
        if window is not None and not window.year_assumed and not states_time(window, [(figures, hit.release.date)]):
            return False
        # A headline's words stand around each of its figures: a figure's label ("30 media houses")
        # says which one the question asks for.
        fits = {i: fit for i, fit in figure_fits(headline, kinds, idf, cues).items()
                if figures[i].label and not idf.keys().isdisjoint(term_set(figures[i].label))}
        if not fits:
            return False
        best = max(fits, key=fits.get)
        if unit is not None and not same_measure(figures[best].unit, unit):
            return False
        p = hit.passage
        sentence_fit = max((fit for i, fit in figure_fits(p, kinds, idf, cues,
                                                          cache=self.store.passage_analyses()).items()
                            if a <= p.figures[i].start and p.figures[i].end <= b), default=0.0)
        if fits[best] <= sentence_fit + self.settings.title_answer_margin:
            return False
        # the body states the headline's figure that fits best: its sentence says more
        return not any(f.value == figures[best].value
                       for q in passages_of(self.store, hit.release.release_id, hit.release.lang) for f in q.figures)

    @staticmethod
    def headline(hit: Hit) -> Passage:
        """The release's title as a passage of its own, with its figures."""
        title = hit.release.title or ""
        return Passage(passage_id=None, release_id=hit.release.release_id, lang=hit.release.lang,
                       start=0, end=len(title), text=title, figures=list(title_figures(title)))

    def answering_figure(self, hit: Hit, a: int, b: int, idf: dict[str, float], kinds: frozenset[str],
                         cues: FigureCues, window: TimeWindow | None, unit: str | None,
                         asked_figure: AskedFigure = ANY_FIGURE, places: tuple[Name, ...] = ()) -> int | None:
        """`answering_figure` of the hit's passage, the question's words weighed as for its sentence, and
        of the question's places those its release's title does not name (they are every figure's)."""
        weighed, cues = self.as_for_its_sentence(hit, idf, cues)
        released = dt.date.fromisoformat(hit.release.date) if hit.release.date else None
        return answering_figure(hit.passage, a, b, weighed, kinds, cues, cache=self.store.passage_analyses(),
                                title=hit.release.title or "", window=window, unit=unit, released=released,
                                asked_figure=asked_figure, titled_idf=idf,
                                places=untitled_places(places, hit.release.title or ""),
                                groups_weight=self.settings.figure_groups_weight)

    def as_for_its_sentence(self, hit: Hit, idf: dict[str, float], cues: FigureCues) -> tuple[dict[str, float], FigureCues]:
        """The question's word weights and figure cues as a hit's sentences are read: the words its
        release's title holds count `sentence_title_words_weight` (they say what every sentence is
        about), and an acronym the release defines holds its phrase."""
        return (title_weighted(idf, hit.release.title or "", self.settings.sentence_title_words_weight),
                cues.of_release(hit.release))

    def answer_sentence(self, hit: Hit, idf: dict[str, float], kinds: frozenset[str], cues: FigureCues,
                        places: tuple[Name, ...], vector: np.ndarray | None, unit: str | None = None,
                        window: TimeWindow | None = None, given: frozenset = frozenset()) -> tuple[int, int]:
        """The sentence of the hit's passage that answers (`best_sentence`, as the settings weigh it)."""
        title = hit.release.title or ""
        cache = self.store.passage_analyses()
        idf, cues = self.as_for_its_sentence(hit, idf, cues)
        return best_sentence(hit.passage, idf, kinds, cues, cache=cache, title=title, places=untitled_places(places, title),
                             places_weight=self.settings.sentence_names_weight,
                             similarity=self.sentence_similarity(hit.passage, vector, cache=cache),
                             similarity_weight=self.settings.sentence_similarity_weight, unit=unit,
                             groups_weight=self.settings.sentence_groups_weight,
                             window=window, time_weight=self.settings.sentence_time_weight,
                             released=dt.date.fromisoformat(hit.release.date) if hit.release.date else None,
                             given=given)

    def row_after_its_label(self, hit: Hit, idf: dict[str, float], kinds: frozenset[str], cues: FigureCues,
                            places: tuple[Name, ...], vector: np.ndarray | None, unit: str | None = None,
                            window: TimeWindow | None = None) -> Hit:
        """The hit, or, where its answer would be a table's row label on the passage's last line with the
        row's cells in the next passage ("...\n2\nPaddy (Grade A)^" then "Paddy (Grade A)^\n-\n1,888"),
        the hit with that next passage: a label alone answers nothing."""
        p = hit.passage

        def ends_on_label(a: int, b: int) -> bool:
            label = p.text[a:b]
            return not (p.text[b:].strip() or "\n" in label.strip() or not is_label_line(label)
                        or not is_cell_line(label) or not is_cell_line(p.text[:a].rstrip().rsplit("\n", 1)[-1]))

        # The answer sentence is one of the passage's sentences: only where one of them ends it on a
        # label is it worth choosing (most passages, most questions: none does).
        spans = [(a, b) for a, b, _ in analyse(p, cache=self.store.passage_analyses()).sentences] or [(0, len(p.text))]
        if not any(ends_on_label(a, b) for a, b in spans):
            return hit
        a, b = self.answer_sentence(hit, idf, kinds, cues, places, vector, unit, window)
        if not ends_on_label(a, b):
            return hit
        label = p.text[a:b]
        at = p.start + a + (len(label) - len(label.lstrip()))  # the label's offset in the release's text
        following = [q for q in passages_of(self.store, p.release_id, p.lang)
                     if q.start <= at < q.end and q.end > p.end]
        if not following:
            return hit
        return dataclasses.replace(hit, passage=min(following, key=lambda q: (q.start != at, q.start)))

    def window_with_the_row(self, hit: Hit, idf: dict[str, float], kinds: frozenset[str], cues: FigureCues) -> Hit:
        """The hit, or, where its passage is a window of a one-cell-a-line table, the overlapping window
        whose cell fits the question better than any figure of the passage: four lines at a time cut a
        table's rows, and the window that names the asked row ("...\n14.07%\nइटली\n33,340") may hold
        none of the cells asked for ("33,340\n14.33%\n...", Italy's case fatality rate)."""
        p = hit.passage
        if not any(is_cell(p.text, f) for f in p.figures):
            return hit
        cache = self.store.passage_analyses()
        title = hit.release.title if cues.label_weight else ""
        cues = cues.of_release(hit.release)

        def best(q: Passage, cells_only: bool) -> float:
            fits = figure_fits(q, kinds, idf, cues, cache=cache, title=title)
            return max((fit for i, fit in fits.items() if not cells_only or is_cell(q.text, q.figures[i])), default=-math.inf)

        here = best(p, False)
        overlapping = [q for q in passages_of(self.store, p.release_id, p.lang)
                       if q.passage_id != p.passage_id and q.start < p.end and q.end > p.start]
        scored = [(best(q, True), q) for q in overlapping]
        fit, window = max(scored, key=lambda s: (s[0], -s[1].start), default=(-math.inf, None))
        return dataclasses.replace(hit, passage=window) if window is not None and fit > here else hit

    def passage_with_the_figure(self, hit: Hit, idf: dict[str, float], kinds: frozenset[str], cues: FigureCues,
                                vector: np.ndarray | None) -> Hit:
        """The hit, or, where a figure is asked and its passage states none (times at most), the passage
        of its release that states one of the asked kind and is nearest the question (its cosine, and how
        well its figure fits, weighed as within a release): the paragraph that speaks of the question's
        words may state no number ("State Governments may establish one or more MSE Facilitation
        Councils"), its release's next one does ("161 MSEFCs have been established across States")."""
        p = hit.passage
        if vector is None or not kinds or kinds & TIME_KINDS or any(f.kind not in TIME_KINDS for f in p.figures):
            return hit  # a figure of another kind may answer: a table's cells, read as counts, of a rate
        cache = self.store.passage_analyses()
        cues = cues.of_release(hit.release)
        holding = [q for q in passages_of(self.store, p.release_id, p.lang)
                   if q.passage_id != p.passage_id and any(f.kind in kinds for f in q.figures)]
        if not holding:
            return hit
        dense = self.store.vectors([q.passage_id for q in holding]) @ vector

        def nearness(q: Passage, cosine: float) -> float:
            fits = figure_fits(q, kinds, idf, cues, cache=cache)
            return cosine + self.settings.figure_weight * max(fits.values(), default=0.0)

        scored = [(nearness(q, float(d)), q) for d, q in zip(dense, holding)]
        _, passage = max(scored, key=lambda s: (s[0], -s[1].start))
        return dataclasses.replace(hit, passage=passage)

    def sentence_similarity(self, passage: Passage, vector: np.ndarray | None, *, cache=None) -> tuple[float, ...]:
        """Each sentence of `passage`'s cosine with the question (`vector`); empty where not weighed."""
        if self.sentences is None or vector is None or not self.settings.sentence_similarity_weight:
            return ()
        texts = [passage.text[a:b] for a, b, _ in analyse(passage, cache=cache).sentences]
        if not texts:
            return ()
        return tuple(float(x) for x in self.sentences.vectors(texts) @ vector)
