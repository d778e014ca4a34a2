"""Starting and stopping the bot: inside the FastAPI app (webhook mode, `telegram_lifespan`), on its
own by long polling (`vigyapti telegram poll`), and the CLI's set-webhook / delete-webhook."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.security import key_digest
from bot.telegram.handlers import add_handlers
from bot.telegram.webhook import WEBHOOK_PATH

if TYPE_CHECKING:
    from telegram.ext import Application

    from bot.answering import Answerer
    from bot.service import Service
    from bot.settings import Settings

log = logging.getLogger("vigyapti.telegram")

ALLOWED_UPDATES = ["message", "edited_message"]
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def api_base(settings: Settings) -> str:
    """PTB's base_url: the token is appended to it, so it must end in /bot (or hold {token})."""
    base = (settings.telegram_api_base or "https://api.telegram.org").rstrip("/")
    if "{token}" in base or base.endswith("/bot"):
        return base
    return base + "/bot"


def _token(settings: Settings) -> str:
    token = settings.telegram_token_value()
    if not token:
        raise ValueError("VIGYAPTI_TELEGRAM_TOKEN is not set (get a token from @BotFather)")
    return token


def webhook_secret(settings: Settings) -> str:
    """The configured secret, or one derived from the token (so server and CLI agree unconfigured)."""
    secret = settings.telegram_secret_value()
    if secret:
        if not SECRET_RE.match(secret):
            raise ValueError("VIGYAPTI_TELEGRAM_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return secret
    return hmac.new(_token(settings).encode(), b"vigyapti-telegram-webhook", hashlib.sha256).hexdigest()


def build_application(settings: Settings, answerer: Callable[[], Answerer], *, webhook: bool = True) -> Application:
    from telegram.ext import Application

    builder = Application.builder().token(_token(settings)).base_url(api_base(settings))
    if webhook:
        builder = builder.updater(None)
    application = builder.build()
    application.bot_data["answerer"] = answerer
    add_handlers(application)
    return application


@dataclass
class TelegramChannel:
    application: Application
    secret_digest: bytes

    def __repr__(self) -> str:  # never the secret, not even its digest
        return "TelegramChannel(...)"


@asynccontextmanager
async def telegram_lifespan(app, settings: Settings):
    """Start the bot with the FastAPI app when VIGYAPTI_TELEGRAM_TOKEN is set; stop it after.

    A Bot API that cannot be reached at startup does not stop the HTTP API: the webhook then
    answers 503 and the error is logged."""
    app.state.telegram = None
    application = None
    if settings.telegram_token_value():
        try:
            application = build_application(settings, lambda: app.state.questions, webhook=True)
            digest = key_digest(webhook_secret(settings))
            await application.initialize()
            await application.start()
            app.state.telegram = TelegramChannel(application, digest)
            log.info("Telegram bot @%s ready at %s", application.bot.username, WEBHOOK_PATH)
        except Exception as exc:
            log.error("The Telegram bot did not start: %s", exc)
            app.state.telegram_error = str(exc)
            application = None
    try:
        yield
    finally:
        if application is not None:
            app.state.telegram = None
            await application.stop()
            await application.shutdown()


# -- CLI helpers: set-webhook, delete-webhook, poll -------------------------------------------------

class WebhookIsSet(RuntimeError):
    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


def webhook_url(url: str) -> str:
    """A bare https://host is completed with our webhook path."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError(f"Telegram needs a public https:// URL, got {url!r}")
    if parts.path in ("", "/"):
        parts = parts._replace(path=WEBHOOK_PATH)
    return urlunsplit(parts)


def _bot(settings: Settings):
    from telegram import Bot

    return Bot(_token(settings), base_url=api_base(settings))


async def set_webhook(settings: Settings, url: str, *, drop_pending: bool = False) -> str:
    url = webhook_url(url)
    async with _bot(settings) as bot:
        await bot.set_webhook(url, secret_token=webhook_secret(settings), allowed_updates=ALLOWED_UPDATES,
                              drop_pending_updates=drop_pending)
    return url


async def delete_webhook(settings: Settings, *, drop_pending: bool = False) -> None:
    async with _bot(settings) as bot:
        await bot.delete_webhook(drop_pending_updates=drop_pending)


async def current_webhook(settings: Settings) -> str:
    async with _bot(settings) as bot:
        return (await bot.get_webhook_info()).url or ""


def standalone_answerer(settings: Settings, service: Callable[[], Service]) -> Answerer:
    """The Answerer of a bot running without the web app: the same rate limit per chat and the same
    query log; metrics of its own (nothing scrapes them)."""
    from bot.answering import Answerer
    from bot.observability import Metrics
    from bot.querylog import QueryLog
    from bot.security import ClientHasher, TokenBucket

    querylog = (QueryLog(settings.querylog_path(), retention_days=settings.querylog_retention_days)
                if settings.querylog_enabled else None)
    return Answerer(service, limiter=TokenBucket(settings.ask_rate, settings.ask_burst), metrics=Metrics(None),
                    querylog=querylog, client_hash=ClientHasher(settings.querylog_salt_value()),
                    max_queued=settings.max_queued_searches)


async def poll(settings: Settings, service: Callable[[], Service], *, stop: asyncio.Event | None = None,
               poll_timeout: int = 10) -> None:
    """Long-poll getUpdates until `stop` is set (or the task is cancelled, e.g. by Ctrl-C).
    Refuses while a webhook is set: Telegram would answer getUpdates with a Conflict."""
    url = await current_webhook(settings)
    if url:
        raise WebhookIsSet(url)
    answerer = standalone_answerer(settings, service)
    application = build_application(settings, lambda: answerer, webhook=False)
    try:
        async with application:
            await application.start()
            await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES, timeout=poll_timeout)
            log.info("polling as @%s", application.bot.username)
            try:
                await (stop or asyncio.Event()).wait()
            finally:
                await application.updater.stop()
                await application.stop()
    finally:
        if answerer.querylog is not None:
            answerer.querylog.close()
