"""What the search's fitted models share: standardised signals times weights, stored as a reviewable
file beside the module that uses them.

The no-answer decision (index/noanswer.py) and the passage choice (index/passagechoice.py) are each a
linear model over signals the search already computes. Each is fitted by a bench script and read
back at search time; a file fitted for other signals than the code computes must be refused, not
read with its weights against the wrong signals.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np


def standardisation(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(mean, scale) of each column of `x`; a signal that never varies keeps scale 1."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


@dataclass(frozen=True)
class LinearModel:
    """w · the standardised signals. A subclass names its signals (`FEATURES`), the words its refusal
    of another file's signals uses, and the script that fits it again."""

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    FEATURES: ClassVar[tuple[str, ...]] = ()
    NAME: ClassVar[str] = "model"
    FIT_SCRIPT: ClassVar[str] = ""

    @property
    def features(self) -> tuple[str, ...]:
        return self.FEATURES

    def linear(self, x: np.ndarray) -> np.ndarray:
        """w · the standardised signals of each row of `x`."""
        return ((x - np.array(self.mean)) / np.array(self.scale)) @ np.array(self.weights)

    @classmethod
    def fields_from(cls, data: dict) -> dict:
        """The common fields of a stored model, refused when fitted for other signals."""
        if tuple(data["features"]) != cls.FEATURES:
            raise ValueError(f"{cls.NAME} weights are for the signals {data['features']}, not {list(cls.FEATURES)}: "
                             f"fit them again ({cls.FIT_SCRIPT})")
        return {"weights": tuple(data["weights"]), "mean": tuple(data["mean"]), "scale": tuple(data["scale"])}

    @classmethod
    def from_dict(cls, data: dict) -> "LinearModel":
        return cls(**cls.fields_from(data))

    def to_dict(self) -> dict:
        return {"features": list(self.FEATURES), "weights": [round(w, 5) for w in self.weights],
                "mean": [round(m, 5) for m in self.mean], "scale": [round(s, 5) for s in self.scale]}

    @classmethod
    def read(cls, path: Path) -> "LinearModel":
        """The model stored under "model" in a weights file (the rest says how it was fitted)."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8"))["model"])
