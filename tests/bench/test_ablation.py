"""bench/ablation.py's tables: each row is the ranking it says it is."""
from __future__ import annotations

import dataclasses


def _differences(a, b) -> set[str]:
    return {f.name for f in dataclasses.fields(a) if getattr(a, f.name) != getattr(b, f.name)}


def test_the_cumulative_table_runs_from_plain_dense_search_to_the_ranking_as_shipped(bench_script):
    ab = bench_script("ablation")
    rows = list(ab.steps())
    assert rows[0][1] == ab.DENSE and rows[-1][1] == ab.FULL
    for (_, before), (_, after), (_, on) in zip(rows, rows[1:], ab.STEPS):
        assert _differences(before, after) == set(on)  # each step turns on its own settings, nothing else


def test_leave_one_out_removes_exactly_one_component_from_the_full_ranking(bench_script):
    ab = bench_script("ablation")
    rows = list(ab.leave_one_out())
    assert rows[0][1] == ab.FULL and len(rows) == len(ab.STEPS) + 1
    for (name, without), (step, on) in zip(rows[1:], ab.STEPS):
        assert name == "- " + step[2:]
        assert _differences(without, ab.FULL) == set(on)
        assert all(getattr(without, key) == getattr(ab.DENSE, key) for key in on)


def test_each_candidate_turns_on_one_component_the_shipped_ranking_leaves_off(bench_script):
    ab = bench_script("ablation")
    rows = list(ab.candidates())
    assert rows[0][1] == ab.FULL and len(rows) == len(ab.CANDIDATES) + 1
    for (_, with_it), (_, on) in zip(rows[1:], ab.CANDIDATES):
        assert _differences(with_it, ab.FULL) == set(on)
        assert all(getattr(ab.FULL, key) == getattr(ab.DENSE, key) for key in on)  # off as shipped
    only = list(ab.candidates("the thing counted"))
    assert [name for name, _ in only[1:]] == [name for name, _ in ab.CANDIDATES if "the thing counted" in name]
    assert 1 < len(only) < len(rows)
