"""Which passage of a release answers: one model over the signals the search already has.

Within the right release, the hand-weighted choice (the passage's score plus small bonuses for a
figure that fits, the question's language, its places) misses the asked figure for about one
question in six on the tuning sets, and in every such miss another passage of that release holds
it. Each bonus was tuned alone; how much a table row's label, the place named at a bulletin's
paragraph head or a row of the asked month should weigh against the passage's score was never
weighed together. A conditional logit does that: for each question, the release's candidate
passages compete, and the weights make the ones holding the asked figure likely, fitted on the
tuning sets (`bench/fit_passage_choice.py`); its weights are a file in the repo, so a refit is a
reviewable diff. Off by default (`SearchSettings.passage_model`) until the blind test sets say so.
"""
from __future__ import annotations

from dataclasses import astuple, dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

import numpy as np

from index.linearmodel import LinearModel, standardisation


def bundled_weights_file() -> Path:
    """Beside this module, not in corpus/data: every JSON file there is read as releases."""
    return Path(__file__).with_name("passage-choice-weights.json")


@dataclass(frozen=True)
class PassageSignals:
    """What the search knows of one candidate passage of a release when it picks the one to show."""

    score: float  # the passage's ranking score
    similarity: float  # its dense cosine alone
    figure_fit: float  # how well its best figure of the asked kind fits (HybridSearcher.figure_fit)
    label_fit: float  # the share of the question's words the best figure's label holds (a table's row and column)
    row_time: bool  # a table cell of it stands in a row of the asked time ("Jun-26" for June 2026)
    dated_for: bool  # a figure of the asked kind whose sentence states the asked time
    dated_against: bool  # every figure of the asked kind in sentences that state only other times
    kind_held: bool  # a figure of the asked kind
    own_language: bool  # in the question's language
    shared_values: float  # share of the figures of the release found in the question's language it holds
    places: float  # share of the question's places it names
    lead_in_places: float  # ... counting those its paragraph's head names before it (a bulletin's state)

    def values(self) -> np.ndarray:
        return np.array([float(v) for v in astuple(self)])


FEATURES = tuple(PassageSignals.__dataclass_fields__)


@dataclass(frozen=True)
class PassageChoiceModel(LinearModel):
    """A passage's preference = w · its standardised signals; the release shows its highest."""

    FEATURES: ClassVar[tuple[str, ...]] = FEATURES
    NAME: ClassVar[str] = "passage choice"
    FIT_SCRIPT: ClassVar[str] = "bench/fit_passage_choice.py"

    def preference(self, signals: PassageSignals) -> float:
        return float(self.preferences(signals.values()[None, :])[0])

    def preferences(self, x: np.ndarray) -> np.ndarray:
        """Each row of signals' (`PassageSignals.values`) preference."""
        return self.linear(x)


@lru_cache(maxsize=4)
def load_model(path: Path | None = None) -> PassageChoiceModel:
    return PassageChoiceModel.read(path or bundled_weights_file())


def fit(groups: list[tuple[np.ndarray, np.ndarray]], *, l2: float = 1.0, steps: int = 300) -> PassageChoiceModel:
    """A conditional logit by Newton's method: in each group (one question's candidate passages, rows
    of signals, and which of them hold the asked figure), the probability of the ones that do is
    softmax(w · x) summed over them. L2-regularised, deterministic: the same groups, the same weights.
    Groups where every passage or none holds the figure say nothing and are left out."""
    groups = [(x, y) for x, y in groups if 0 < y.sum() < len(y)]
    if not groups:
        raise ValueError("no question whose candidate passages differ in holding the figure")
    every = np.vstack([x for x, _ in groups])
    mean, scale = standardisation(every)
    standard = [((x - mean) / scale, y.astype(bool)) for x, y in groups]
    w = np.zeros(every.shape[1])
    for _ in range(steps):
        grad = l2 * w
        hess = l2 * np.eye(len(w))
        for z, y in standard:
            s = z @ w
            p = np.exp(s - s.max())
            p /= p.sum()  # all candidates
            q = np.where(y, np.exp(s - s[y].max()), 0.0)
            q /= q.sum()  # the holding ones only
            # −log Σ_pos softmax = logsumexp(all) − logsumexp(pos). Its Hessian, the covariance under p
            # less that under q, need not be positive: the step takes the first part alone, which is.
            mean_p = z.T @ p
            grad += mean_p - z.T @ q
            hess += (z.T * p) @ z - np.outer(mean_p, mean_p)
        step = np.linalg.solve(hess + 1e-9 * np.eye(len(w)), grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return PassageChoiceModel(weights=tuple(float(v) for v in w), mean=tuple(float(v) for v in mean),
                              scale=tuple(float(v) for v in scale))
