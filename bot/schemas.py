"""The records of a question and its reply, and the ones more than one endpoint returns (/ask and
/releases): one definition each, so the channels and the OpenAPI schema cannot drift apart."""
from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from index.answerable import NoAnswer
from index.filters import dates_out_of_order
from index.lexical import INVISIBLE


class FigureOut(BaseModel):
    text: str
    value: float | int | None
    unit: str | None
    kind: str
    start: int
    end: int
    qualifier: str | None = None
    label: str | None = None
    iso: str | None = None


class TranslationOut(BaseModel):
    release_id: str
    lang: str
    title: str
    url: str | None


class ReleaseMeta(BaseModel):
    """What names a release in a reply: where it came from and when."""

    release_id: str
    lang: str
    title: str
    ministry: str | None
    date: str | None
    url: str | None


class SourceOut(ReleaseMeta):
    """A release a reply cites: the answer's own first, then any about as relevant."""

    score: float = Field(default=0.0, description="the release's score: its best passage's (`release_score`)")


# "Some character that is not a space" spelled so that pydantic's Rust regex, ECMAScript (the
# OpenAPI reader's) and Python's re and str.strip agree: their \s differ on NEL, BOM and U+001C-U+001F.
NOT_BLANK = rf"[^\s\x1c-\x1f\x85{INVISIBLE}]"  # invisible characters are blank too


def is_blank(text: str) -> bool:
    """Whether `text` asks nothing: spaces, separators and invisible characters only (as `NOT_BLANK`)."""
    return re.search(NOT_BLANK, text) is None


# What the schema states of a text that must hold something; `refuse_blank` checks it, so that the
# reply says what is wrong rather than quoting the pattern.
NOT_BLANK_SCHEMA = {"minLength": 1, "pattern": NOT_BLANK}


def refuse_blank(*fields: str):
    """A field validator for `fields`: empty, or spaces and invisible characters alone, is "<field>
    is empty"."""
    def check(cls, value, info: ValidationInfo):
        if isinstance(value, str) and is_blank(value):
            raise PydanticCustomError("blank", "{field} is empty", {"field": info.field_name})
        return value

    return field_validator(*fields)(check)


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str) -> date:
    """A day as the API and the CLI take one: yyyy-mm-dd and nothing else. Python reads "20200501"
    and week dates ("2020-W18-5") as days too, and pydantic a datetime at midnight: a time sent
    would be dropped unsaid, and a filter the docs do not promise would become one clients rely on."""
    if not isinstance(text, str) or not _DAY.fullmatch(text):
        raise ValueError("a day as yyyy-mm-dd, without a time")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"no such day: {exc}") from None


def _day_field(value):
    if isinstance(value, date):  # built in Python (a channel), not read from JSON
        return value
    try:
        return parse_day(value)
    except ValueError as exc:  # said as it is, without pydantic's "Value error, "
        raise PydanticCustomError("day", str(exc)) from None


# A date field of a request: `parse_day`'s rule, stated in the schema as a JSON Schema `date`.
Day = Annotated[date, BeforeValidator(_day_field)]


# The longest question /ask takes. The channels tell an asker who is over it (the Telegram bot, and
# the widget, into which bot/web.py writes it) instead of asking with the question cut short, whose
# answer would be to another question.
MAX_QUESTION = 1000


class AskRequest(BaseModel):
    # A misspelt field ("langauge") is a 422 naming it, not a filter silently dropped.
    model_config = ConfigDict(extra="forbid")

    question: str = Field(max_length=MAX_QUESTION, json_schema_extra=NOT_BLANK_SCHEMA,
                          description="the question; spaces alone ask nothing, like an empty question")
    _question_not_blank = refuse_blank("question")
    top_k: int = Field(default=5, ge=1, le=50)
    lang: Literal["hi", "en"] | None = Field(default=None, description="only passages in this language")
    ministry: str | None = Field(default=None, max_length=200,
                                 description="only releases of this ministry (English or Hindi name, or part of it)")
    date_from: Day | None = Field(default=None, description="only releases published on or after this day")
    date_to: Day | None = Field(default=None, description=("only releases published on or before this day; "
                                                             "not before date_from"))
    release_id: str | None = Field(default=None, max_length=40, description="only this release")
    per_release: int = Field(default=1, ge=1, le=20, description="passages allowed from one release")
    explain: bool | None = Field(default=None, description="true: give each passage the components of its score")

    @model_validator(mode="after")
    def _dates_in_order(self):  # across two fields, which the JSON Schema cannot say
        if error := dates_out_of_order(self.date_from, self.date_to):
            raise ValueError(error)
        return self

    @field_validator("explain", mode="before")
    @classmethod
    def _bool_as_documented(cls, v):  # a JSON boolean only: pydantic would take "yes" or 1
        if v is not None and not isinstance(v, bool):
            raise ValueError("true or false")
        return v

    @field_validator("top_k", "per_release", mode="before")
    @classmethod
    def _number_as_documented(cls, v):  # a JSON number only: pydantic would take "5" or true
        if isinstance(v, (str, bool)):
            raise ValueError("an integer")
        return v


class PassageOut(ReleaseMeta):
    text: str
    score: float = Field(description="this passage's score")
    release_score: float = Field(description=(
        "its release's best passage's score, which orders the list: a release shows the passage holding the "
        "asked figure, which need not be its closest"))
    figures: list[FigureOut]
    also_released_as: list[str] = []
    translations: list[TranslationOut] = []
    components: dict[str, float] | None = Field(default=None, description=(
        "with explain: what the score is the sum of (dense, language, keyword, kind, year, time, translation)"))


class TimeOut(BaseModel):
    """How the question's time was read: the window of days it asks about, or that it asks for the latest."""

    start: str | None = Field(description="first day of the window; null for `latest`")
    end: str | None = Field(description="last day of the window; null for `latest`")
    text: str = Field(description="the words of the question that named it")
    granularity: str = Field(description=(
        "day, week, month, year, financial-year or range; `latest` for a question that names no time but asks "
        "how things stand now (\"so far\", \"अब तक\"), answered preferably from recent releases"))
    year_assumed: bool = Field(default=False, description=(
        "the question named a day or month without a year (\"in July\"): the latest one was taken; it ranks "
        "the releases and turns none away"))
    year_answered: bool = Field(default=False, description=(
        "with `year_assumed`: the answer is of that day or month in another year (the latest the answer's "
        "passage states), and `start` and `end` name that year: \"फरवरी में\" answered from February 2020"))


class AnswerOut(BaseModel):
    text: str
    start: int = Field(description="offset of the sentence in the top passage's text (in the title, when in_title)")
    end: int
    figures: list[FigureOut] = Field(description="offsets relative to the answer text")
    figure: FigureOut | None = Field(default=None, description=(
        "the figure that answers, one of `figures`: of the kind the question asks for (a count, an amount, a "
        "percent, a date ...), the one whose words fit the question best; none when the question asks for no "
        "figure or the sentence holds none of its kind"))
    release_id: str
    lang: str
    score: float
    in_title: bool = Field(default=False, description="the release's title answers: its headline figure stands "
                                                      "nowhere in the body")
    unnamed: list[str] = Field(default_factory=list, description=(
        "the places and organisations the question names (as it writes them) that the answer does not: "
        "neither its sentence nor what precedes it in its passage, its figures' labels or its release's "
        "title; its figure may be another place's, so a channel says so beside it"))


class NoAnswerOut(BaseModel):
    """Why there is no answer, for a client to say in its own language."""

    kind: Literal[NoAnswer.KINDS] = Field(
        description=("nothing_asked: the question names nothing to look for; unsupported_language: the question "
                     "is written mostly in another script than Devanagari and Latin (`script` says which), and the "
                     "releases are in Hindi and English only; no_match: no release passes the "
                     "filters; not_relevant: nothing scores high enough; not_mentioned: the closest release lacks "
                     "`names`; other_time: the closest release is about another time (`stated` says which, or "
                     "else `published` when it was published); not_held: it states no figure of what is asked; not_named: the "
                     "passage that would answer names none of `names`, which the question names (its figure is "
                     "mostly another place's)"))
    names: list[str] = Field(default=[], description=(
        "not_mentioned: the names the closest release lacks; not_named: those the answer would not name"))
    published: str | None = Field(default=None, description=(
        "other_time, unless `stated` is given: the closest release's date (yyyy-mm-dd)"))
    stated: str | None = Field(default=None, description=(
        "other_time: the time the closest release states instead of the question's, when that is what puts it "
        "at another time (a month's collection announced on the first of the next), in ISO 8601 at its "
        "precision: yyyy-mm-dd, yyyy-mm, yyyy, or first/last day"))
    script: str | None = Field(default=None, description=(
        "unsupported_language: the script most of the question's letters are in (\"Tamil\", \"Bengali\", "
        "\"Arabic\"), by its English name"))


class AskResponse(BaseModel):
    question: str
    answer: AnswerOut | None
    reason: str | None = Field(default=None, description="why there is no answer, when there is none")
    no_answer: NoAnswerOut | None = Field(default=None, description="the reason's kind, when there is no answer")
    time: TimeOut | None = Field(default=None, description="the time the question asks about, as read")
    sources: list[SourceOut] = Field(default=[], description=(
        "the releases to cite, best first: with an answer, its own release and any other scoring within "
        "0.05 of it (at most 3); without one, the closest releases (at most 3), and none when the question "
        "names nothing or is in another language (`no_answer.kind` nothing_asked, unsupported_language)"))
    passages: list[PassageOut]
    request_id: str | None = Field(default=None, description=(
        "the request's id, to quote when reporting a problem: over HTTP its X-Request-ID, the client's when it "
        "sent one, so not unique (`vigyapti ask --json` makes one alike)"))
    # Made by the server for every reply, whatever id the client sent: feedback names one answer.
    answer_id: str = Field(default_factory=lambda: uuid.uuid4().hex, description=(
        "this answer's id, for POST /feedback: the server's own, unique to this reply even when a client sends "
        "the same X-Request-ID again"))
