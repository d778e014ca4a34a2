"""The fitted models' shared part: standardising signals, and a stored file refused for other signals."""
import json
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pytest

from index.linearmodel import LinearModel, standardisation


@dataclass(frozen=True)
class TwoSignals(LinearModel):
    FEATURES: ClassVar[tuple[str, ...]] = ("score", "places")
    NAME: ClassVar[str] = "two-signal"
    FIT_SCRIPT: ClassVar[str] = "bench/fit_two.py"


def test_a_signal_that_never_varies_keeps_scale_one():
    mean, scale = standardisation(np.array([[0.9, 1.0], [0.8, 1.0], [0.7, 1.0]]))
    assert mean == pytest.approx([0.8, 1.0])
    assert scale[1] == 1.0 and scale[0] == pytest.approx(np.std([0.9, 0.8, 0.7]))


def test_the_linear_part_weighs_standardised_signals():
    model = TwoSignals(weights=(2.0, -1.0), mean=(0.8, 0.5), scale=(0.1, 0.5))
    x = np.array([[0.9, 1.0], [0.8, 0.5]])
    assert model.linear(x) == pytest.approx([2.0 * 1.0 - 1.0 * 1.0, 0.0])


def test_a_stored_model_round_trips_and_another_files_signals_are_refused(tmp_path):
    model = TwoSignals(weights=(0.123456, -1.0), mean=(0.8, 0.5), scale=(0.1, 0.5))
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"about": "test", "model": model.to_dict()}), encoding="utf-8")
    again = TwoSignals.read(path)
    assert again.features == ("score", "places")
    assert again.weights == (0.12346, -1.0)  # stored to five decimals: a refit is a readable diff
    data = {**model.to_dict(), "features": ["score"]}
    with pytest.raises(ValueError, match=r"two-signal weights are for the signals \['score'\].*bench/fit_two.py"):
        TwoSignals.from_dict(data)
