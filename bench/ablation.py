"""Plain dense search, then each ranking component added in turn, on one question set.

    .venv/bin/python bench/ablation.py QUESTIONS.jsonl... [--last N] [--leave-one-out | --candidates [--only TEXT]] [--json]

Every step uses the same index (the bundled corpus in $VIGYAPTI_INDEX_DIR), the same model and the
same passages. Step 0 is plain dense search: the passages nearest the question by cosine (exhaustive
FAISS), one hit per release by its best passage, nothing else. `--leave-one-out` reports instead the
full ranking, then the full ranking with each component removed in turn: what each one adds given all
the others, where the cumulative table says what it adds given those before it. `--candidates`: the
full ranking, then with each component it leaves off added in turn. On the blind test set
only the aggregate figures are printed: it is for reporting, never for tuning (docs/retrieval.md).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.evaluate import evaluate_questions, set_kind  # noqa: E402
from bot.service import Service  # noqa: E402
from bot.settings import Settings  # noqa: E402
from index.search import SearchSettings  # noqa: E402

FULL = SearchSettings()
DENSE = dataclasses.replace(
    FULL, keyword_weight=0.0, mixed_keyword_weight=0.0, language_calibration=False, kind_boost=0.0,
    year_boost=0.0, translation_weight=0.0, figure_weight=0.0, own_language_bonus=0.0, time_weight=0.0, title_time=False, recency_weight=0.0,
    time_beside_kind=False, time_plans_aside=False,
    figure_unit=False, figure_time=False, acronym_phrases=False, names_weight=0.0, passage_names_weight=0.0,
    check_answerable=False, check_figure_time=False, check_measure=False, bilingual_terms=False,
    check_stated_time=False, check_figure_years=False, no_answer_model=False, loanwords=False, row_time=False,
    dated_row_over_prose=False,
    check_passage_places=False, check_listed_places=False, lead_in_chars=0, sentence_names_weight=0.0, answer_table_rows=False, sentence_similarity_weight=0.0,
    sentence_title_words_weight=1.0, indicator_names=False, check_indicators=False, latin_loanwords=False,
    row_after_label=False, spans_asked=False, title_answer_margin=None, check_groups=False, check_answer_places=False,
    check_asked_words=False, check_known_words=False, check_ordinals=False, neighbour_window=False,
    passage_groups_weight=0.0, romanised_hindi=False, sentence_groups_weight=0.0, sentence_time_weight=0.0,
    figure_groups_weight=0.0, figure_elsewhere=False)
# (name, the settings it turns back on), in the order they are added.
STEPS = [
    ("+ keyword bonus (BM25 candidates, idf coverage)", {"keyword_weight": FULL.keyword_weight,
                                                         "mixed_keyword_weight": FULL.mixed_keyword_weight}),
    ("+ language calibration", {"language_calibration": FULL.language_calibration}),
    ("+ figure-kind cue", {"kind_boost": FULL.kind_boost}),
    ("+ year cue", {"year_boost": FULL.year_boost}),
    ("+ translation pivot", {"translation_weight": FULL.translation_weight}),
    ("+ passage choice within a release", {"figure_weight": FULL.figure_weight,
                                           "own_language_bonus": FULL.own_language_bonus}),
    ("+ time agreement", {"time_weight": FULL.time_weight}),
    ("+ the release title's dates in the time agreement", {"title_time": FULL.title_time}),
    ("+ places choose the passage within a release, the place heading its paragraph too",
     {"passage_names_weight": FULL.passage_names_weight, "lead_in_chars": FULL.lead_in_chars}),
    ("+ a Hindi question's loanwords in an English passage", {"loanwords": FULL.loanwords}),
    ("+ places choose the answer sentence", {"sentence_names_weight": FULL.sentence_names_weight}),
    ("+ a table cell's answer is its row", {"answer_table_rows": FULL.answer_table_rows,
                                            "row_after_label": FULL.row_after_label}),
    ("+ each sentence's similarity to the question chooses the answer sentence",
     {"sentence_similarity_weight": FULL.sentence_similarity_weight}),
    ("+ the question's words in the release title do not choose the answer sentence",
     {"sentence_title_words_weight": FULL.sentence_title_words_weight}),
    ("+ answerability check (names, time, unit)", {"check_answerable": FULL.check_answerable}),
    ("+ no answer from figures dated to another time", {"check_figure_time": FULL.check_figure_time}),
    ("+ an indicator's everyday name searched with the index's names", {"indicator_names": FULL.indicator_names}),
    ("+ no answer unless a version names the index asked for", {"check_indicators": FULL.check_indicators}),
    ("+ a Hindi question's loanwords looked up as the corpus spells them in Latin",
     {"latin_loanwords": FULL.latin_loanwords}),
    ("+ a figure of years or days answers only a question naming them", {"spans_asked": FULL.spans_asked}),
    ("+ a headline's figure the body never states answers from the title",
     {"title_answer_margin": FULL.title_answer_margin}),
    ("+ no answer when no release holds a word of the question", {"check_known_words": FULL.check_known_words}),
    ("+ the time agreement passes over a day a later release recalls beside another kind of figure, and a plan's",
     {"time_beside_kind": FULL.time_beside_kind, "time_plans_aside": FULL.time_plans_aside}),
    ("+ no answer unless a version names the ordinal asked", {"check_ordinals": FULL.check_ordinals}),
    ("+ a table's window that cuts the asked row from its cells gives way to the next",
     {"neighbour_window": FULL.neighbour_window}),
    ("+ the part of the population asked chooses the passage within a release",
     {"passage_groups_weight": FULL.passage_groups_weight}),
    ("+ a Hindi question typed in Latin letters read as Hindi", {"romanised_hindi": FULL.romanised_hindi}),
    ("+ a table row of the question's time chooses the passage and its figure", {"row_time": FULL.row_time}),
    ("+ the part of the population asked chooses the answer sentence",
     {"sentence_groups_weight": FULL.sentence_groups_weight}),
    ("+ an answer sentence of another time than the question's gives way", {"sentence_time_weight": FULL.sentence_time_weight}),
    ("+ the figure of the part of the population asked, not of its other part", {"figure_groups_weight": FULL.figure_groups_weight}),
    ("+ a passage stating no figure gives way to its release's passage stating one of the asked kind",
     {"figure_elsewhere": FULL.figure_elsewhere}),
]


# Components the shipped ranking leaves off: each was tuned on the tuning sets and either changed
# nothing on the blind test set or lost there, or has not been measured on it yet (docs/retrieval.md).
CANDIDATES = [
    ("+ a passage of other times' figures loses to its release's row of the asked time",
     {"dated_row_over_prose": True}),
    ("+ the question's places and acronyms held by the release (0.02)", {"names_weight": 0.02}),
    ("+ the same, and no answer unless the passage names the asked place",
     {"names_weight": 0.02, "check_passage_places": True}),
    ("+ a figure's label holding the question's words, besides the title's", {"figure_label_weight": 0.5}),
    ("+ recency for questions asking how things stand now", {"recency_weight": 0.01}),
    ("+ no answer when no version states the asked year, or a day asked of a release posted after it",
     {"check_stated_time": True}),
    ("+ no answer from figures dated to another year", {"check_figure_years": True}),
    ("+ the bilingual term list", {"bilingual_terms": True}),
    ("+ a phrase's initials beside a figure", {"acronym_phrases": True}),
    ("+ an acronym a release spells out holds its phrase's words", {"defined_acronyms": True}),
    ("+ no answer when the release does not name the thing counted", {"check_measure": True}),
    ("+ the learned no-answer model", {"no_answer_model": True}),
    ("+ no answer without the thing counted or the asked time stated (both rules)",
     {"check_measure": True, "check_stated_time": True}),
    ("+ the same, and the question's places and acronyms held by the release (0.02)",
     {"check_measure": True, "check_stated_time": True, "names_weight": 0.02}),
    ("+ no answer from a release naming the asked place only in a list", {"check_listed_places": True}),
    ("+ a sum of money named in the question asks for money alone", {"money_cue": True}),
    ("+ no answer unless a version names the part of the population asked about", {"check_groups": True}),
    ("+ the fitted passage choice within a release", {"passage_model": True}),
    ("+ no answer when the answer names none of the places asked", {"check_answer_places": True}),
    ("+ no answer when the release never holds half the question's words", {"check_asked_words": True}),
    ("+ the glossary's crops and measures held in the other language within a release", {"glossary": True}),
    ("+ the known places and organisations held in the other language within a release", {"known_names": True}),
    ("+ a release just below the first that names what the first lacks answers in its place (0.01)",
     {"runner_up_margin": 0.01}),
]


def steps():
    s = DENSE
    yield "plain dense search (e5 + flat FAISS)", s
    for name, on in STEPS:
        s = dataclasses.replace(s, **on)
        yield name, s


def leave_one_out():
    """The full ranking, then the full ranking without each component (its settings as in plain dense
    search). Removing the answerability check also removes the figure-time rule, which is part of it."""
    yield "full ranking (as shipped)", FULL
    for name, on in STEPS:
        yield "- " + name[2:], dataclasses.replace(FULL, **{key: getattr(DENSE, key) for key in on})


def candidates(only: str | None = None):
    """The full ranking, then the full ranking with each component it leaves off added in turn (those
    whose name holds `only`, when given)."""
    yield "full ranking (as shipped)", FULL
    for name, on in CANDIDATES:
        if only is None or only in name:
            yield name, dataclasses.replace(FULL, **on)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", nargs="+", help="one or more question sets, each reported on its own")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--last", type=int, default=0, help="only the last N steps (the earlier ones are unchanged)")
    table = ap.add_mutually_exclusive_group()
    table.add_argument("--leave-one-out", action="store_true",
                       help="the full ranking with each component removed in turn, instead of added in turn")
    table.add_argument("--candidates", action="store_true",
                       help="the full ranking with each component it leaves off added in turn")
    ap.add_argument("--only", help="with --candidates: only the candidates whose name holds this text")
    args = ap.parse_args()
    if args.only and not args.candidates:
        ap.error("--only goes with --candidates")
    service = Service(Settings())
    out = []
    for questions in args.questions:
        kind = set_kind(questions)
        print(f"{kind.upper()} set {questions}")
        rows = []
        table = list(leave_one_out() if args.leave_one_out else candidates(args.only) if args.candidates else steps())
        for name, s in table[-args.last if args.last else 0:]:
            service.searcher.settings = s
            report = evaluate_questions(service, Path(questions))
            rows.append({"step": name, "scores": report["scores"], "by_kind": {
                k: {m: v[m] for m in ("n", "hit1", "hit3", "figure_hit", "answer_figure_hit", "asked_figure_hit", "answered",
                                      "null_on_no_answer") if m in v}
                for k, v in report.get("by_kind", {}).items()}})
            sc = report["scores"]
            print(f"  {name:<68} hit@1 {sc['hit1']:.3f}  hit@3 {sc['hit3']:.3f}  figure {sc['figure_hit']:.3f}  "
                  f"in the answer sentence {sc.get('answer_figure_hit', float('nan')):.3f}  "
                  f"answered {sc['answered']:.3f}  null on no-answer {sc.get('null_on_no_answer', float('nan')):.3f}  "
                  f"the answer's figure {sc.get('asked_figure_hit', float('nan')):.3f}",
                  flush=True)
        out.append({"set": kind, "questions": questions, "steps": rows})
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
