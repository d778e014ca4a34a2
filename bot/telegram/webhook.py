"""`POST /telegram/webhook`: Telegram delivers each Update here with the secret we registered; the
route checks it (as SHA-256 digests, in constant time) and hands the Update to the running bot.

The route reads its body itself, after the secret (a body model would be read first, and answer a
stranger's bad body with a 422 before its missing secret with a 401), but by the API's rule
(bot/protocol.py): 400 for bytes that are not JSON, 422 for JSON that is not an Update, with the
API's error body. Telegram only tells 2xx from the rest; the codes are for whoever reads the log."""
from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, StrictInt, ValidationError

from bot.observability import error_body, problems
from bot.protocol import BodyError, not_an_object, read_json, unreadable
from bot.security import matches_secret

if TYPE_CHECKING:
    from bot.telegram.lifecycle import TelegramChannel

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_000_000          # an Update is a few KB; refuse anything absurd


def _error(status: int, detail: str | list[dict]) -> JSONResponse:
    """The API's error body (`error`, `detail`, `request_id`), with Telegram's own `ok`."""
    return JSONResponse({"ok": False, **error_body(status, detail)}, status_code=status)


def _not_an_update(*errors: dict) -> JSONResponse:
    return _error(422, problems(errors))


class _UpdateId(BaseModel):
    """The one field the route needs before python-telegram-bot reads the rest; strict, as `true` or
    `1.0` is no update's id."""

    update_id: StrictInt


router = APIRouter()


@router.post(WEBHOOK_PATH, include_in_schema=False)
async def telegram_webhook(request: Request):
    channel: TelegramChannel | None = getattr(request.app.state, "telegram", None)
    if channel is None:
        if getattr(request.app.state, "telegram_error", None):
            return _error(503, "The Telegram bot is not running; see the server log.")
        return _error(404, "The Telegram bot is not configured (set VIGYAPTI_TELEGRAM_TOKEN).")
    given = request.headers.get(SECRET_HEADER)
    if not given:
        return _error(401, f"missing {SECRET_HEADER} header")
    if not matches_secret(given, [channel.secret_digest]):
        return _error(403, f"wrong {SECRET_HEADER}")
    body = await request.body()
    if len(body) > MAX_BODY:
        return _error(413, "update too large")
    try:
        data = read_json(body)
    except BodyError as exc:
        return _error(400, unreadable(exc))
    if not isinstance(data, dict):
        return _not_an_update(not_an_object(data, "a Telegram Update"))
    try:
        _UpdateId.model_validate(data)
    except ValidationError as exc:
        return _not_an_update(*({**e, "loc": ("body", *e["loc"])} for e in exc.errors()))
    from telegram import Update

    try:
        update = Update.de_json(data, channel.application.bot)
    except Exception as exc:  # noqa: BLE001 - whatever python-telegram-bot cannot read is not an Update
        return _not_an_update({"type": "telegram_update", "loc": ("body",),
                               "msg": f"not a Telegram Update: {type(exc).__name__}: {exc}"})
    await channel.application.process_update(update)
    return {"ok": True}
