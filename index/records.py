"""Records that leave the index package or cross a store's line: a passage of a release, a release
ready to store and as stored, and a search hit."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from corpus import Release
    from index.figures import Figure


@dataclass
class Passage:
    """A window of whole sentences of one release; `start`/`end` are offsets in the release text."""

    release_id: str
    lang: str
    start: int
    end: int
    text: str
    figures: list["Figure"] = field(default_factory=list)
    passage_id: int | None = None


@dataclass
class Hit:
    """A passage found for a question, with the release it belongs to.

    `score` is the passage's: the dense cosine plus keyword and figure bonuses. `release_score`
    ordered the list: its release's best passage's score, which the passage shown need not be (a
    release shows the passage holding the asked figure, not always its closest). `similarity` is the
    dense cosine alone, the comparable measure of how close a passage is to the question.
    """

    passage: Passage
    release: "Release"
    score: float
    similarity: float = 0.0
    release_score: float | None = None  # None: the passage is its release's best
    also_released_as: list[str] = field(default_factory=list)
    translations: list[dict] = field(default_factory=list)
    components: dict[str, float] = field(default_factory=dict)  # what `score` is the sum of

    @property
    def relevance(self) -> float:
        """The score without what the question's names held by the release added (`names_weight`):
        a name says which release a question is about, not that its text answers it, so the
        no-answer floor compares this."""
        return self.score - self.components.get("names", 0.0)

    @property
    def ranked_by(self) -> float:
        """The score that placed it in the list."""
        return self.score if self.release_score is None else self.release_score


@dataclass
class Answer:
    """The single sentence of the top passage that best answers the question."""

    text: str
    start: int  # offsets within the top passage's text
    end: int
    figures: list["Figure"]
    release_id: str
    lang: str
    score: float
    in_title: bool = False  # the release's title answers: `start` and `end` are offsets in it
    # Which of `figures` answers (`answering_figure`): None when the question asks for no figure or
    # the sentence holds none of what it asks.
    figure: int | None = None


@dataclass(frozen=True)
class ReleaseEntry:
    """A release ready to store: its passages (with figures) and one vector per passage."""

    release: "Release"
    passages: list[Passage]
    vectors: "np.ndarray"


@dataclass(frozen=True)
class StoredRelease:
    """One language version of a release as stored: metadata and text, passages, translations."""

    release: "Release"
    passages: list[Passage]
    translations: list[dict]


@dataclass
class IndexCheck:
    """What a store's own check found in one committed state (`vigyapti check`)."""

    generation: int
    passages: dict[str, int]  # per language, in SQLite
    vectors: dict[str, int]  # per language, in the FAISS shards searches read
    bases: dict[str, str]  # per language, the saved base file the state points to (none before a compaction)
    problems: list[str] = field(default_factory=list)  # each in words, naming what is wrong
    counted: bool = True  # False when SQLite found the file damaged, and nothing further was read
