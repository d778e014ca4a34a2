"""The no-answer decision as one calibrated model over the signals the search already computes.

A score floor and hand rules tuned on one question set carried over badly to the next (the second
blind tuning set lost answers to the floor by a few thousandths, and the rules' nulls did not follow).
Each signal — the score the floor compares, the margin to the next release, what the answerability
check found (index/answerable.py) — is weak alone; a logistic regression weighs them together, fitted
on the tuning sets (`bench/fit_no_answer.py`), its weights a file in the repo, so a refit is a
reviewable diff. Nothing here encodes or reads passages: the signals come from the hits and the
verdict the search already has. Off by default (`SearchSettings.no_answer_model`): fitted on all
tuning sets but one, it did worse than the check on the one left out (docs/retrieval.md, fifth round).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

import numpy as np

from index.linearmodel import LinearModel, standardisation
from index.names import question_names

# The margin of a lone hit (nothing to compare it with): about the widest margins of the tuning sets.
MAX_MARGIN = 0.1


def bundled_weights_file() -> Path:
    """Beside this module, not in corpus/data: every JSON file there is read as releases."""
    return Path(__file__).with_name("no-answer-weights.json")


@dataclass(frozen=True)
class AnswerSignals:
    """What the search knows about its best release when it decides whether to answer."""

    score: float  # the top hit's ranking score (what the score floor compares)
    margin: float  # ... minus the next release's
    similarity: float  # the top passage's dense cosine alone
    keyword: float  # the top passage's keyword component
    missing_places: int  # places and organisations the question names that the release does not
    missing_acronyms: int
    missing_words: int  # other capitalised words of an English question
    names_asked: int
    time_asked: bool
    time_fit: int  # 1 the release is about the question's time, -1 another, 0 cannot tell
    figures_other_time: bool  # every asked figure of the top passage dated to another time
    time_unstated: bool  # the release's date cannot tell, and no version states the asked time
    missing_unit: bool
    missing_measure: bool  # the thing counted not named in the release's versions
    asks_figure: bool
    figure_of_kind: bool  # the top passage holds a figure of the kind asked for
    cross_language: bool  # the top release is not in the question's language

    def values(self) -> np.ndarray:
        return np.array([float(v) for v in asdict(self).values()])


FEATURES = tuple(AnswerSignals.__dataclass_fields__)


def answer_signals(question: str, qtime, hits: list, kinds: frozenset[str], verdict, qlang: str) -> AnswerSignals:
    """The signals of the top hit (`hits`: the search's, best first) and of the answerability check's
    `verdict` on it (index/answerable.py); `qlang`: the question's language."""
    top = hits[0]
    names = question_names(question)
    missing = [n.kind for n in names if n.text in verdict.missing_names]
    return AnswerSignals(
        score=top.score,
        margin=top.score - hits[1].score if len(hits) > 1 else MAX_MARGIN,
        similarity=top.similarity,
        keyword=top.components.get("keyword", 0.0),
        missing_places=missing.count("known"),
        missing_acronyms=missing.count("acronym"),
        missing_words=missing.count("name"),
        names_asked=len(names),
        time_asked=qtime is not None and qtime.window is not None,
        time_fit=verdict.time_fit,
        figures_other_time=verdict.figures_other_time,
        time_unstated=verdict.time_unstated,
        missing_unit=verdict.missing_unit is not None,
        missing_measure=verdict.unheld_measure is not None,
        asks_figure=bool(kinds),
        figure_of_kind=any(f.kind in kinds for f in top.passage.figures),
        cross_language=top.release.lang != qlang,
    )


@dataclass(frozen=True)
class NoAnswerModel(LinearModel):
    """P(the question can be answered from the best release) = σ(w · standardised signals + b);
    no answer below `threshold`."""

    bias: float = 0.0
    threshold: float = 0.5

    FEATURES: ClassVar[tuple[str, ...]] = FEATURES
    NAME: ClassVar[str] = "no-answer"
    FIT_SCRIPT: ClassVar[str] = "bench/fit_no_answer.py"

    def probability(self, signals: AnswerSignals) -> float:
        return 1.0 / (1.0 + math.exp(-(float(self.linear(signals.values())) + self.bias)))

    def run(self, signals: AnswerSignals) -> tuple[bool, float]:
        """(answer or not, the probability that decided it)."""
        p = self.probability(signals)
        return p >= self.threshold, p

    @classmethod
    def from_dict(cls, data: dict) -> "NoAnswerModel":
        return cls(**cls.fields_from(data), bias=data["bias"], threshold=data["threshold"])

    def to_dict(self) -> dict:
        common = super().to_dict()
        return {"features": common["features"], "weights": common["weights"], "bias": round(self.bias, 5),
                "mean": common["mean"], "scale": common["scale"], "threshold": self.threshold}


@lru_cache(maxsize=4)
def load_model(path: Path | None = None) -> NoAnswerModel:
    return NoAnswerModel.read(path or bundled_weights_file())


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, threshold: float = 0.5,
        steps: int = 500) -> NoAnswerModel:
    """L2-regularised logistic regression by Newton's method (deterministic: the same rows give the
    same weights, so the stored file can be checked against a refit). Classes weighted equally."""
    mean, scale = standardisation(x)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    pos = y.sum()
    sample = np.where(y == 1, len(y) / (2 * max(pos, 1)), len(y) / (2 * max(len(y) - pos, 1)))
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (sample * (p - y)) + penalty * w
        hess = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return NoAnswerModel(weights=tuple(float(v) for v in w[:-1]), bias=float(w[-1]), mean=tuple(float(v) for v in mean),
                         scale=tuple(float(v) for v in scale), threshold=threshold)
