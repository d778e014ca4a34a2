"""`POST /telegram/webhook`: Telegram delivers each Update here with the secret we registered; the
route checks it (as SHA-256 digests, in constant time) and hands the Update to the running bot."""
from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.observability import error_body
from bot.protocol import BodyError, read_json
from bot.security import matches_secret

if TYPE_CHECKING:
    from bot.telegram.lifecycle import TelegramChannel

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_000_000          # an Update is a few KB; refuse anything absurd


def _error(status: int, detail: str) -> JSONResponse:
    """The API's error body (`error`, `detail`, `request_id`), with Telegram's own `ok`."""
    return JSONResponse({"ok": False, **error_body(status, detail)}, status_code=status)


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
        return _error(400, f"malformed JSON: {exc}")
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return _error(400, "not a Telegram Update (no update_id)")
    from telegram import Update

    try:
        update = Update.de_json(data, channel.application.bot)
    except Exception as exc:
        return _error(400, f"not a Telegram Update: {exc}")
    await channel.application.process_update(update)
    return {"ok": True}
