"""The Telegram channel: python-telegram-bot (v22) inside the FastAPI app, or on its own by polling.

Webhook mode (production): Telegram POSTs each Update to `/telegram/webhook` with the secret we
registered (`vigyapti telegram set-webhook URL`); the route checks it and hands the Update to the
PTB Application, which the FastAPI lifespan starts and stops (`telegram_lifespan`). Polling mode
(local use): `vigyapti telegram poll` runs the same handlers with getUpdates.

- `render`: the bot's texts and a server reply as Telegram HTML messages;
- `handlers`: what each kind of message gets; questions go through the same Answerer as `/ask`;
- `webhook`: the route; `lifecycle`: starting, stopping, polling and the CLI's webhook commands.

Settings: VIGYAPTI_TELEGRAM_TOKEN, VIGYAPTI_TELEGRAM_SECRET, VIGYAPTI_TELEGRAM_API_BASE (docs/telegram.md).
"""
from bot.telegram.handlers import addressed_text, question_lang
from bot.telegram.lifecycle import (ALLOWED_UPDATES, TelegramChannel, WebhookIsSet, api_base, build_application,
                                    current_webhook, delete_webhook, poll, set_webhook, telegram_lifespan,
                                    webhook_secret, webhook_url)
from bot.telegram.render import MESSAGE_LIMIT, SAFE_LIMIT, TEXTS, pack_messages, render_reply
from bot.telegram.webhook import SECRET_HEADER, WEBHOOK_PATH, router

__all__ = [
    "ALLOWED_UPDATES", "MESSAGE_LIMIT", "SAFE_LIMIT", "SECRET_HEADER", "TEXTS", "WEBHOOK_PATH",
    "TelegramChannel", "WebhookIsSet", "addressed_text", "api_base", "build_application", "current_webhook",
    "delete_webhook", "pack_messages", "poll", "question_lang", "render_reply", "router", "set_webhook",
    "telegram_lifespan", "webhook_secret", "webhook_url",
]
