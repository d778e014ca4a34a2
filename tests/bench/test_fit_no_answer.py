"""The stored no-answer weights are exactly what bench/fit_no_answer.py fits from the stored signals."""
from __future__ import annotations


def test_the_bundled_weights_are_the_refit_of_the_tuning_signals(bench_script):
    from index.noanswer import bundled_weights_file

    fitter = bench_script("fit_no_answer")
    rows = fitter.read_signals()
    assert {r["set"] for r in rows} == set(fitter.SETS)  # tuning sets only: never the test set
    assert fitter.weights_file(rows) == bundled_weights_file().read_text(encoding="utf-8")


def test_a_set_left_out_is_scored_by_a_model_fitted_without_it(bench_script):
    fitter = bench_script("fit_no_answer")
    rows = fitter.read_signals()
    held = [r for r in rows if r["set"] == "near-miss"]
    model = fitter.fitted([r for r in rows if r["set"] != "near-miss"])
    assert model != fitter.fitted(rows)
    assert "null" in fitter.tally(held, [fitter.decide(model, r) for r in held])
