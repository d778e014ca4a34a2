"""Live ingestion: add, replace, read and delete releases over HTTP.

POST /releases takes one release (application/json; a JSON array of them is accepted too) or a
JSON-lines batch (application/x-ndjson), in our ingest format (corpus/README.md). Every line is
validated first; any error → 422 listing each bad line by number, and nothing is stored. A valid
request goes in as ONE store transaction (the Indexer's batch covers the whole request), after the
embedding — which runs outside the store's lock, so /ask keeps answering meanwhile.
"""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from bot.observability import error_responses
from bot.protocol import (VALIDATED_RESPONSES, BodyError, is_json, media_type, read_json, unreadable, utf8_text,
                          validated_json)
from bot.schemas import NOT_BLANK_SCHEMA, Day, FigureOut, ReleaseMeta, TranslationOut, refuse_blank
from bot.security import require_admin
from corpus import Release
from corpus.release import (FIRST_YEAR, LAST_YEAR, MAX_TEXT_CHARS, MAX_TITLE_CHARS, RELEASE_ID, WEB_URL, YEARS,
                            date_problem, id_problem, lang_problem, url_problem)

NDJSON_TYPES = {"application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines"}


class ReleaseIn(BaseModel):
    """One release in our ingest format."""

    model_config = ConfigDict(extra="ignore")

    # The schema states the id's and url's patterns; the validators below check them with a message in
    # words (a `pattern=` constraint's message quotes the pattern).
    release_id: str = Field(json_schema_extra={"pattern": f"^{RELEASE_ID.pattern}$"},
                            description="PIB release id (PRID); with lang, the identity")
    lang: Literal["hi", "en"]
    title: str = Field(max_length=MAX_TITLE_CHARS, json_schema_extra=NOT_BLANK_SCHEMA)
    text: str = Field(max_length=MAX_TEXT_CHARS, json_schema_extra=NOT_BLANK_SCHEMA,
                      description="the release body; PIB page furniture (footer, sign-off) is dropped")
    ministry: str | None = Field(default=None, max_length=300)
    date: Day | None = Field(default=None, description=f"publication day, yyyy-mm-dd, from {FIRST_YEAR} to {LAST_YEAR}",
                                  json_schema_extra={"pattern": f"^{YEARS.pattern}-"})
    url: str | None = Field(default=None, max_length=2000, json_schema_extra={"pattern": f"^{WEB_URL.pattern}$"},
                            description="an http(s) address")

    _text_not_blank = refuse_blank("title", "text")

    @field_validator("release_id")
    @classmethod
    def _id_as_documented(cls, v):
        if problem := id_problem(v):
            raise PydanticCustomError("release_id", problem)
        return v

    @field_validator("lang", mode="before")
    @classmethod
    def _lang_supported(cls, v):  # in the words `vigyapti ingest` and the PIB sync use (corpus.release.LANGS)
        if isinstance(v, str) and (problem := lang_problem(v)):
            raise PydanticCustomError("lang", problem)
        return v

    @field_validator("url")
    @classmethod
    def _url_as_documented(cls, v):
        if v is not None and (problem := url_problem(v)):
            raise PydanticCustomError("url", problem)
        return v

    @field_validator("date")
    @classmethod
    def _date_in_range(cls, v):
        if v is not None and (problem := date_problem(v)):
            raise ValueError(problem)
        return v


class IngestedOut(BaseModel):
    release_id: str
    lang: str
    passages: int
    replaced: bool = Field(description="it replaced a stored release of the same id and language, of other content")
    unchanged: bool = Field(default=False, description=(
        "it was stored already, exactly as sent, and is left as stored: not read, embedded or written again, "
        "so its passages keep their ids, GET /releases/{id} its ETag, and its `source` still names where the "
        "stored version came from (a corpus file, `api` or `sync`)"))


class IngestOut(BaseModel):
    releases: int = Field(description="releases taken, those stored already exactly as sent included")
    passages: int = Field(description="passages stored: none for a release stored already exactly as sent, "
                                      "which is left as it is (each item says how many its release has)")
    seconds: float
    items: list[IngestedOut]


class DeleteOut(BaseModel):
    release_id: str
    lang: str | None
    deleted: int = Field(description="releases removed (one per language)")


class PassageDetail(BaseModel):
    passage_id: int
    start: int
    end: int
    text: str
    figures: list[FigureOut]


class ReleaseDetail(ReleaseMeta):
    source: str | None = Field(description=(
        "where the release came from: the corpus file it was read from, by its name (with the line, in JSON "
        "lines: `en-2026.jsonl:12`), `api` for one sent to POST /releases, or `sync` for one the PIB sync "
        "fetched (its page is `url`); never a path or address of the server's. It is the stored version's: "
        "a release sent again exactly as stored is left as it is, its source too"))
    text: str
    passages: list[PassageDetail]
    translations: list[TranslationOut]


class ReleaseOut(BaseModel):
    release_id: str
    languages: list[ReleaseDetail]


_RELEASE_SCHEMA = ReleaseIn.model_json_schema()  # flat (no $refs): inlined in the operation below
_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [
                _RELEASE_SCHEMA,
                {"type": "array", "items": _RELEASE_SCHEMA, "minItems": 1},
            ]}},
            "application/x-ndjson": {"schema": {"type": "string", "description": "one ReleaseIn JSON object a line"}},
        },
    }
}

router = APIRouter(tags=["releases"])


def to_release(item: ReleaseIn) -> Release:
    """Like the JSON-lines reader: page furniture dropped (unless that leaves nothing), PIB url by default."""
    from corpus.pib_page import clean_body
    from corpus.release import pib_url

    body, _ = clean_body(item.text)
    return Release(release_id=item.release_id, lang=item.lang, title=item.title.strip() or item.title,
                   text=body if body.strip() else item.text, ministry=item.ministry or None,
                   date=item.date.isoformat() if item.date else None,
                   url=item.url or (pib_url(item.release_id) if item.release_id.isdigit() else None), source="api")


def parse_releases(body: bytes, content_type: str) -> tuple[list[Release], list[dict]]:
    """The body → releases, or per-line errors (line numbers from 1). A release given twice: the last wins."""
    ctype = media_type(content_type)
    items: list[tuple[int, object]] = []
    errors: list[dict] = []
    try:
        if ctype in NDJSON_TYPES:
            for n, line in enumerate(utf8_text(body).splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    items.append((n, read_json(line)))
                except BodyError as exc:  # one bad line among good ones: reported with the rest
                    errors.append({"line": n, "errors": [f"not JSON: {exc}"]})
        elif is_json(ctype):
            data = read_json(body)
            items = list(enumerate(data, 1)) if isinstance(data, list) else [(1, data)]
        else:
            raise HTTPException(415, f"Send application/json (one release, or an array) or application/x-ndjson "
                                     f"(one release a line), not {ctype or 'no Content-Type'!r}.")
    except BodyError as exc:
        raise HTTPException(400, unreadable(exc)) from None
    if not items and not errors:
        raise HTTPException(422, "No releases in the body.")
    releases: list[Release] = []
    seen: dict[tuple[str, str], int] = {}
    for n, raw in items:
        if not isinstance(raw, dict):
            errors.append({"line": n, "errors": ["a release must be a JSON object"]})
            continue
        try:
            item = ReleaseIn.model_validate(raw)
            release = to_release(item)
        except ValidationError as exc:
            errors.append({"line": n, "release_id": raw.get("release_id") if isinstance(raw.get("release_id"), str) else None,
                           "errors": [f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()]})
            continue
        except ValueError as exc:
            errors.append({"line": n, "release_id": item.release_id, "errors": [str(exc)]})
            continue
        seen[release.key] = len(releases)
        releases.append(release)
    # one entry per (release_id, lang): a store batch must not hold the same release twice
    releases = [r for i, r in enumerate(releases) if seen[r.key] == i]
    return releases, errors


def ingest_atomic(service, releases: list[Release]):
    """The whole request in one store transaction: a batch as large as the request."""
    return service.indexer.run(releases, batch_size=max(1, len(releases)))


@router.post("/releases", response_model=IngestOut, dependencies=[Depends(require_admin)],
             openapi_extra=_BODY_DOC, responses=error_responses(400, 401, 403, 413, 415, 422),
             summary="Add or replace releases (admin)")
async def post_releases(request: Request) -> IngestOut:
    app = request.app
    body = await request.body()
    releases, errors = parse_releases(body, request.headers.get("content-type", ""))
    if errors:
        app.state.metrics.ingest_rejected.inc()
        raise HTTPException(422, {"message": f"{len(errors)} invalid release(s); nothing was ingested",
                                  "lines": errors})
    service = app.state.service
    report = await run_in_threadpool(ingest_atomic, service, releases)
    app.state.metrics.ingested_releases.inc(report.releases - report.unchanged)  # added or replaced
    app.state.metrics.ingested_passages.inc(report.passages)
    counts = service.store.passage_counts([r.key for r in releases])
    items = [IngestedOut(release_id=r.release_id, lang=r.lang, passages=counts.get(r.key, 0),
                         replaced=r.key in report.replaced_keys, unchanged=r.key in report.unchanged_keys)
             for r in releases]
    return IngestOut(releases=report.releases, passages=report.passages, seconds=round(report.seconds, 3),
                     items=items)


@router.delete("/releases/{release_id}", response_model=DeleteOut, dependencies=[Depends(require_admin)],
               responses=error_responses(401, 403, 404, 422), summary="Delete a release (admin)")
async def delete_release(request: Request, release_id: str,
                         lang: Literal["hi", "en"] | None = Query(default=None, description="only this language")
                         ) -> DeleteOut:
    n = await run_in_threadpool(request.app.state.service.store.delete, release_id, lang)
    if n == 0:
        raise HTTPException(404, f"No release {release_id}" + (f" in {lang!r}" if lang else "") + " in the index.")
    request.app.state.metrics.deleted_releases.inc(n)
    return DeleteOut(release_id=release_id, lang=lang, deleted=n)


@router.get("/releases/{release_id}", response_model=ReleaseOut,
            responses={**VALIDATED_RESPONSES, **error_responses(404, 422)},
            summary="A release: metadata, text, passages with figures, translations")
async def get_release(request: Request, release_id: str,
                      lang: Literal["hi", "en"] | None = Query(default=None, description="only this language"),
                      if_none_match: str | None = Header(default=None, description=(
                          "the ETag of a copy held: 304 without a body while it is still the release's"))
                      ) -> Response:
    out = await run_in_threadpool(read_release, request.app.state.service.store, release_id, lang)
    if not out:
        raise HTTPException(404, f"No release {release_id}" + (f" in {lang!r}" if lang else "") + " in the index.")
    return validated_json(ReleaseOut(release_id=release_id, languages=out), if_none_match)


def public_source(stored: str | None) -> str | None:
    """A release's stored source as a reply shows it. The store keeps what ingestion knew, for the
    operator: a corpus file's path (the server's folders, or the whole path where a reader or an older
    index kept one), or the address the sync fetched from, which may be a mirror of PIB's on the
    operator's network (/health keeps the sync's addresses out too). The file's name alone still says
    which collection a release came from."""
    if not stored:
        return None
    if WEB_URL.fullmatch(stored):
        return "sync"
    return stored.replace("\\", "/").rsplit("/", 1)[-1] or None


def read_release(store, release_id: str, lang: str | None) -> list[ReleaseDetail]:
    """Metadata, text and passages from one snapshot of the store: never half of a concurrent replacement."""
    out = []
    for stored in store.release_detail(release_id, lang):
        r = stored.release
        out.append(ReleaseDetail(
            release_id=r.release_id, lang=r.lang, title=r.title, ministry=r.ministry, date=r.date, url=r.url,
            source=public_source(r.source), text=r.text, translations=[TranslationOut(**t) for t in stored.translations],
            passages=[PassageDetail(passage_id=p.passage_id, start=p.start, end=p.end, text=p.text,
                                    figures=[FigureOut(**f.to_dict()) for f in p.figures]) for p in stored.passages]))
    return out
