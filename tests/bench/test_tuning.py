"""bench/tuning.py: every tuning set, and a change's questions gained and lost by column."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import tuning  # noqa: E402

from bot.evaluate import TUNING_SETS, set_kind  # noqa: E402


def _row(q: str, **right) -> dict:
    return {"q": q, "ids": ["1"], **{c: right.get(c, True) for c in tuning.ANSWERABLE_COLUMNS}}


def test_a_change_is_told_question_by_question_where_the_rates_cancel():
    before = {"blind": {"questions": [_row("a"), _row("b", asked_figure_hit=False),
                                      {"q": "c", "ids": [], "answered": False}]}}
    after = {"blind": {"questions": [_row("a", asked_figure_hit=False), _row("b"),
                                     {"q": "c", "ids": [], "answered": True}]}}
    changes = tuning.compare(before, after)
    # the set's rate of the answer's figure is the same (1 of 2); the questions are not
    assert changes["asked_figure_hit"].gained == ["blind: b"] and changes["asked_figure_hit"].lost == ["blind: a"]
    assert changes["null"].lost == ["blind: c"] and not changes["null"].gained
    assert not any(ch.gained or ch.lost for c, ch in changes.items() if c not in ("asked_figure_hit", "null"))
    assert "asked_figure_hit +1 -1" in tuning.report(changes) and "null +0 -1" in tuning.report(changes)


def test_a_release_that_falls_out_of_the_top_three_is_a_loss_though_hit1_did_not_move():
    before = {"blind": {"questions": [_row("a", hit1=False)]}}
    after = {"blind": {"questions": [_row("a", hit1=False, hit3=False)]}}
    changes = tuning.compare(before, after)
    assert changes["hit3"].lost == ["blind: a"] and not changes["hit1"].lost


def test_one_question_asked_of_two_releases_is_compared_with_itself():
    rows = [{**_row("a", hit1=False), "ids": ["1"]}, {**_row("a"), "ids": ["2"]}]
    changes = tuning.compare({"blind": {"questions": rows}}, {"blind": {"questions": list(rows)}})
    assert not any(ch.gained or ch.lost for ch in changes.values())


def test_every_tuning_set_is_there_and_none_is_a_test_set():
    assert {"dev", "heldout", "reading", "blind", "blind11", "absent"} <= TUNING_SETS.keys()
    for name, path in TUNING_SETS.items():
        assert path.exists(), name
        assert set_kind(path) == "tuning", name


def test_settings_changed_reads_literals_and_refuses_others():
    assert tuning.settings_changed(["sentence_names_weight=0.2", "title_answer_margin=None"]) == {
        "sentence_names_weight": 0.2, "title_answer_margin": None}
    try:
        tuning.settings_changed(["glossary=yes please"])
    except SystemExit as exc:
        assert "not a Python literal" in str(exc)
    else:
        raise AssertionError("a value that is no literal was taken")


def test_a_run_compared_with_itself_moves_nothing(service):
    sets = {"dev": TUNING_SETS["dev"], "absent": TUNING_SETS["absent"]}
    results = tuning.run(service, sets)
    assert results["dev"]["questions"] and results["absent"]["questions"]
    assert all(not ch.gained and not ch.lost for ch in tuning.compare(results, results).values())
