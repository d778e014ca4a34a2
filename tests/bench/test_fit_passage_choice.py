"""The stored passage choice weights are exactly what bench/fit_passage_choice.py fits from the stored signals."""
from __future__ import annotations


def test_the_bundled_weights_are_the_refit_of_the_tuning_signals(bench_script):
    from index.passagechoice import bundled_weights_file

    fitter = bench_script("fit_passage_choice")
    rows = fitter.read_signals()
    assert {r["set"] for r in rows} <= set(fitter.SETS)  # tuning sets only: never a test set
    assert fitter.weights_file(rows) == bundled_weights_file().read_text(encoding="utf-8")


def test_a_set_left_out_is_scored_by_a_model_fitted_without_it(bench_script):
    fitter = bench_script("fit_passage_choice")
    rows = fitter.read_signals()
    out = [r for r in rows if r["set"] == "blind4"]
    model = fitter.fitted([r for r in rows if r["set"] != "blind4"])
    assert model != fitter.fitted(rows)
    right = sum(r["hit1"] for r in out)
    assert 0 < fitter.held(out, None) <= right and 0 < fitter.held(out, model) <= right
