"""Reply records that more than one endpoint returns (/ask and /releases): one definition each, so
the two cannot drift apart in the OpenAPI schema."""
from __future__ import annotations

from pydantic import BaseModel


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
