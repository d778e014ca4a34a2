"""The passage choice on small hand-built cases: its signals, the fit, the stored weights."""
import dataclasses
import json

import numpy as np
import pytest

from index.passagechoice import FEATURES, PassageChoiceModel, PassageSignals, fit, load_model
from index.search import FigureCues, HybridSearcher, expected_kinds

from tests.index.conftest import _idf, _passage

PLAIN = PassageSignals(score=0.9, similarity=0.85, figure_fit=0.2, label_fit=0.0, row_time=False, dated_for=False,
                       dated_against=False, kind_held=True, own_language=True, shared_values=0.0, places=0.0,
                       lead_in_places=0.0)


def _groups(n: int = 30):
    """Each question's candidates: the one holding the figure has the better-fitting figure, though
    often the lower score (a table's continuation beside the release's headline)."""
    rng = np.random.default_rng(21)
    groups = []
    for _ in range(n):
        rows, holds = [], []
        for k in range(4):
            holding = k == 0
            rows.append(dataclasses.replace(
                PLAIN, score=float(rng.normal(0.9, 0.01)),
                figure_fit=float(rng.normal(0.7 if holding else 0.3, 0.1))).values())
            holds.append(float(holding))
        groups.append((np.array(rows), np.array(holds)))
    return groups


def test_the_fit_learns_that_the_figure_s_fit_counts_more_than_a_little_score():
    model = fit(_groups())
    assert model.features == FEATURES
    fitting = dataclasses.replace(PLAIN, score=0.89, figure_fit=0.75)
    assert model.preference(fitting) > model.preference(dataclasses.replace(PLAIN, score=0.91, figure_fit=0.3))
    assert model.preferences(np.array([fitting.values(), PLAIN.values()]))[0] == pytest.approx(model.preference(fitting))


def test_questions_whose_candidates_all_hold_the_figure_or_none_teach_nothing():
    same = [(np.array([PLAIN.values(), PLAIN.values()]), np.array([1.0, 1.0])),
            (np.array([PLAIN.values()]), np.array([0.0]))]
    with pytest.raises(ValueError, match="no question"):
        fit(same)
    assert fit(_groups() + same) == fit(_groups())


def test_the_fit_is_deterministic_and_its_weights_survive_a_round_trip():
    a, b = fit(_groups()), fit(_groups())
    assert a == b
    again = PassageChoiceModel.from_dict(json.loads(json.dumps(a.to_dict())))
    assert again.preference(PLAIN) == pytest.approx(a.preference(PLAIN), abs=1e-3)


def test_weights_for_other_signals_are_refused():
    data = fit(_groups()).to_dict()
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="fit them again"):
        PassageChoiceModel.from_dict(data)


def test_the_bundled_weights_load():
    assert load_model().features == FEATURES


def test_a_table_row_s_label_and_time_are_the_passage_s_signals():
    from index.timeq import read_time

    q = "How much area was sown under cotton by 14 August 2026?"
    window, kinds, idf = read_time(q).window, expected_kinds(q), _idf(q)
    title = "Progress of area coverage under Kharif crops"
    table = _passage("Area: In lakh hectare S. No. Crop Area Sown 2026 2025 1 Rice 379.07 393.44 2 Pulses 108.14 "
                     "108.49 3 Cotton 107.30 108.26 4 Sugarcane 58.31 58.62")
    prose = _passage("About 1016.57 lakh ha area coverage under kharif crops has been reported as on 14 August 2026.")
    cells = HybridSearcher.passage_signals(table, kinds, idf, FigureCues(), window, title=title)
    lead = HybridSearcher.passage_signals(prose, kinds, idf, FigureCues(), window, title=title)
    # "Cotton | Area Sown 2026" holds two of the question's words the title does not
    assert cells["label_fit"] > lead["label_fit"] == 0.0
    assert lead["dated_for"] and not cells["dated_for"] and not cells["dated_against"]
    assert set(cells) | {"score", "similarity", "own_language", "shared_values", "places", "lead_in_places"} == set(FEATURES)

    q = "What was the growth of iron ore output in June 2026?"
    window, kinds, idf = read_time(q).window, expected_kinds(q), _idf(q)
    months = _passage("Month Coal Cement Iron Ore Overall Index May-26 -9.5 8.4 19.0 3.2 Jun-26 1.4 9.1 44.5 6.0 "
                      "Jul-26 2.1 13.1 29.5 5.4")
    july = _passage("The combined Index of Eight Core Industries increased by 5.4 per cent in July 2026.")
    assert HybridSearcher.passage_signals(months, kinds, idf, FigureCues(), window)["row_time"]  # "Jun-26"
    other = HybridSearcher.passage_signals(july, kinds, idf, FigureCues(), window)
    assert not other["row_time"] and other["kind_held"] and other["dated_against"]  # July's figure, June asked
    assert not HybridSearcher.passage_signals(months, kinds, idf, FigureCues(), None)["row_time"]  # no time asked


def test_a_searcher_with_the_choice_on_reads_its_weights_when_it_is_made(tmp_path, monkeypatch):
    import index.passagechoice as choice
    from index.search import HybridSearcher, SearchSettings

    bad = tmp_path / "weights.json"
    bad.write_text(json.dumps({"model": {**fit(_groups()).to_dict(), "features": ["score"]}}), encoding="utf-8")
    monkeypatch.setattr(choice, "bundled_weights_file", lambda: bad)
    choice.load_model.cache_clear()
    try:
        with pytest.raises(ValueError, match="fit them again"):
            HybridSearcher(store=None, embedder=None, settings=SearchSettings(passage_model=True))
        HybridSearcher(store=None, embedder=None, settings=SearchSettings())  # off: not read
    finally:
        choice.load_model.cache_clear()
