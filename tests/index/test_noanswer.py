"""The no-answer model on small hand-built cases: the fit, the decision, the stored weights."""
import dataclasses
import json

import numpy as np
import pytest

from index.noanswer import FEATURES, AnswerSignals, NoAnswerModel, fit, load_model

CLEAR = AnswerSignals(score=0.95, margin=0.03, similarity=0.89, keyword=0.004, missing_places=0, missing_acronyms=0,
                      missing_words=0, names_asked=1, time_asked=True, time_fit=1, figures_other_time=False,
                      time_unstated=False, missing_unit=False, missing_measure=False, asks_figure=True,
                      figure_of_kind=True, cross_language=False)


def _rows(n: int = 40):
    """Answerable: high scores, nothing missing; not: lower scores or a place missing."""
    rng = np.random.default_rng(14)
    signals, labels = [], []
    for i in range(n):
        answerable = i % 2 == 0
        signals.append(dataclasses.replace(
            CLEAR, score=float(rng.normal(0.94 if answerable else 0.86, 0.02)),
            missing_places=0 if answerable or i % 4 == 1 else 1))
        labels.append(float(answerable))
    return np.array([s.values() for s in signals]), np.array(labels)


def test_the_fit_learns_that_a_missing_place_and_a_low_score_count_against():
    model = fit(*_rows())
    assert model.features == FEATURES
    assert model.run(CLEAR)[0]
    assert not model.run(dataclasses.replace(CLEAR, missing_places=1, score=0.88))[0]
    low, high = (model.probability(dataclasses.replace(CLEAR, score=s)) for s in (0.84, 0.96))
    assert low < high


def test_the_fit_is_deterministic_and_its_weights_survive_a_round_trip():
    x, y = _rows()
    a, b = fit(x, y), fit(x, y)
    assert a == b
    again = NoAnswerModel.from_dict(json.loads(json.dumps(a.to_dict())))
    assert again.probability(CLEAR) == pytest.approx(a.probability(CLEAR), abs=1e-4)


def test_weights_for_other_signals_are_refused():
    data = fit(*_rows()).to_dict()
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="fit them again"):
        NoAnswerModel.from_dict(data)


def test_the_bundled_weights_load():
    assert load_model().features == FEATURES
