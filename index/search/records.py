"""What a search hands back, and the no-answer decision it carries: the types the channels and
the searcher's parts pass between them."""
from __future__ import annotations

from dataclasses import dataclass, field

from index.answerable import NoAnswer
from index.noanswer import AnswerSignals
from index.records import Answer, Hit
from index.timeq import QuestionTime


@dataclass(frozen=True)
class Decision:
    """Answer from the top hit or not, why not, and what the no-answer model weighed."""

    answers: bool
    reason: str | None = None
    signals: AnswerSignals | None = None
    probability: float | None = None
    why: NoAnswer | None = None  # the reason's kind, for the channels
    # the hit that answers, where not the first: a release just below it names what the first does not
    answered_by: int = 0


@dataclass
class SearchResult:
    hits: list[Hit]
    answer: Answer | None
    reason: str | None = None
    kinds: frozenset[str] = field(default_factory=frozenset)
    time: QuestionTime | None = None  # how the question's time was read
    signals: AnswerSignals | None = None  # what the no-answer decision weighed (index/noanswer.py)
    answer_probability: float | None = None  # ... and the model's verdict, when it decided
    no_answer: NoAnswer | None = None  # when there is no answer, why, for a channel to say
