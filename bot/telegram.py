"""The Telegram channel: python-telegram-bot (v22) inside the FastAPI app, or on its own by polling.

Webhook mode (production): Telegram POSTs each Update to `/telegram/webhook` with the secret we
registered (`vigyapti telegram set-webhook URL`); the route checks it in constant time and hands the
Update to the PTB Application, which the FastAPI lifespan starts and stops (`telegram_lifespan`).
Polling mode (local use): `vigyapti telegram poll` runs the same handlers with getUpdates.

Handlers await `Service.ask_async` in process (the search runs on the model's thread), so the bot answers
exactly as `/ask` does. Settings: VIGYAPTI_TELEGRAM_TOKEN, VIGYAPTI_TELEGRAM_SECRET,
VIGYAPTI_TELEGRAM_API_BASE (see docs/telegram.md).
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import html
import json
import logging
import re
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

if TYPE_CHECKING:
    from telegram import Message
    from telegram.ext import Application, ContextTypes

    from bot.service import Service
    from bot.settings import Settings
    from index.records import Hit

log = logging.getLogger("vigyapti.telegram")

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ["message", "edited_message"]
MESSAGE_LIMIT = 4096          # Telegram's limit for one message
SAFE_LIMIT = 4000             # what we pack to, counting the HTML markup too
MAX_QUESTION = 1000           # as /ask
MAX_BODY = 1_000_000          # an Update is a few KB; refuse anything absurd
MAX_SOURCES = 3
SOURCE_MARGIN = 0.05          # other releases are listed when their dense score is this close to the answer's
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

# -- language -------------------------------------------------------------------------------------

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
LATIN = re.compile(r"[A-Za-z]")


def question_lang(text: str) -> str:
    """'hi' when the question is mostly Devanagari, else 'en'."""
    deva = len(DEVANAGARI.findall(text))
    return "hi" if deva and deva >= len(LATIN.findall(text)) else "en"


TEXTS: dict[str, dict[str, str]] = {
    "hi": {
        "greeting": ("नमस्ते! मैं <b>विज्ञप्ति</b> हूँ। भारत सरकार की PIB प्रेस विज्ञप्तियों के बारे में "
                     "हिंदी या अंग्रेज़ी में प्रश्न पूछिए — मैं उत्तर वाला वाक्य और उसके स्रोत भेजूँगा।"),
        "how": ("बस अपना प्रश्न लिखकर भेजें, जैसे:\n<i>मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी "
                "प्रोफाइल पूरी की है?</i>\n\nसमूह में मुझे @{bot} लिखकर बुलाएँ या मेरे संदेश का जवाब दें। "
                "/help से यह संदेश फिर मिलेगा।"),
        "sources": "स्रोत",
        "not_found": ("इस प्रश्न का उत्तर प्रेस विज्ञप्तियों में नहीं मिला। कृपया प्रश्न को दूसरे शब्दों में "
                      "पूछकर देखें।"),
        "error": "क्षमा करें, अभी उत्तर नहीं दे पा रहा हूँ। कृपया थोड़ी देर बाद फिर कोशिश करें।",
        "text_only": "मैं केवल लिखे हुए प्रश्न समझता हूँ। कृपया अपना प्रश्न टेक्स्ट में भेजें।",
        "empty": "कृपया @{bot} के बाद अपना प्रश्न लिखें।",
        "edited": "संपादित प्रश्न का उत्तर:",
    },
    "en": {
        "greeting": ("Hello! I am <b>Vigyapti</b>. Ask me in Hindi or English about Government of India "
                     "press releases (PIB) — I reply with the sentence that answers and its sources."),
        "how": ("Just send your question, for example:\n<i>How many sellers from Madhya Pradesh completed "
                "their profile on GeM?</i>\n\nIn a group, mention me (@{bot}) or reply to my message. "
                "/help shows this again."),
        "sources": "Sources",
        "not_found": ("I could not find an answer to this in the press releases. Please try rephrasing "
                      "the question."),
        "error": "Sorry, I cannot answer right now. Please try again in a little while.",
        "text_only": "I can only read text questions. Please send your question as a text message.",
        "empty": "Please write your question after @{bot}.",
        "edited": "Answer to your edited question:",
    },
}

HI_MONTHS = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर",
             "नवंबर", "दिसंबर"]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def format_date(iso: str | None, lang: str) -> str | None:
    if not iso:
        return None
    try:
        y, m, d = (int(x) for x in iso.split("-"))
        return f"{d} {(HI_MONTHS if lang == 'hi' else EN_MONTHS)[m - 1]} {y}"
    except (ValueError, IndexError):
        return iso


# -- the answer -------------------------------------------------------------------------------------

@dataclass
class AnswerText:
    """The sentence that answers, with figure spans (offsets into `text`) to show in bold."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    release_id: str | None = None


_BOUNDARY = re.compile(r"(?<=[.!?।॥])\s+|\n+")


def _fig(f: Any, key: str):
    return f.get(key) if isinstance(f, dict) else getattr(f, key, None)


def answer_from_hits(hits: list[Hit], max_chars: int = 600) -> AnswerText | None:
    """The sentence of the top passage that holds its first figure (else its first sentence)."""
    if not hits:
        return None
    top = hits[0]
    text = top.passage.text
    figures = sorted((f for f in top.passage.figures
                      if isinstance(_fig(f, "start"), int) and isinstance(_fig(f, "end"), int)),
                     key=lambda f: _fig(f, "start"))
    anchor = _fig(figures[0], "start") if figures else 0
    start, end = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        if m.end() <= anchor:
            start = m.end()
        elif m.start() >= anchor and m.start() > start:
            end = m.start()
            break
    if end - start > max_chars:  # a run-on "sentence": a window around the figure, cut at spaces
        lo = max(start, anchor - max_chars // 2)
        hi = min(end, lo + max_chars)
        if lo > start:
            lo = text.find(" ", lo) + 1 or lo
        if hi < end:
            hi = text.rfind(" ", lo, hi) if text.rfind(" ", lo, hi) > lo else hi
        start, end = lo, hi
    sentence = text[start:end]
    lead = len(sentence) - len(sentence.lstrip())
    sentence = sentence.strip()
    offset = start + lead
    spans = [(_fig(f, "start") - offset, _fig(f, "end") - offset) for f in figures
             if _fig(f, "start") >= offset and _fig(f, "end") <= offset + len(sentence)]
    return AnswerText(sentence, spans, top.release.release_id)


# -- HTML formatting and splitting ------------------------------------------------------------------

Run = tuple[str, str | None, str | None]  # (plain text, tag "b"/"i"/"a" or None, href for "a")


def run_html(run: Run) -> str:
    text, tag, href = run
    body = html.escape(text, quote=False)
    if tag == "a":
        return f'<a href="{html.escape(href or "", quote=True)}">{body}</a>'
    return f"<{tag}>{body}</{tag}>" if tag else body


def runs_from_spans(text: str, spans: list[tuple[int, int]], tag: str = "b") -> list[Run]:
    runs: list[Run] = []
    pos = 0
    for s, e in sorted(spans):
        if s < pos or e <= s or e > len(text):
            continue  # overlapping or out of range: leave it plain
        if s > pos:
            runs.append((text[pos:s], None, None))
        runs.append((text[s:e], tag, None))
        pos = e
    if pos < len(text):
        runs.append((text[pos:], None, None))
    return runs


def _fitting_prefix(text: str, budget: int) -> int:
    """The longest prefix whose escaped form fits in budget, cut at a space where one is near."""
    n, used = 0, 0
    for ch in text:
        w = len(html.escape(ch, quote=False))
        if used + w > budget:
            break
        used += w
        n += 1
    if n < len(text):
        cut = text.rfind(" ", 0, n)
        if cut > n // 2:
            n = cut + 1
    return max(n, 1)


def _split_block(runs: list[Run], limit: int) -> list[str]:
    pieces: list[str] = []
    cur = ""
    for run in runs:
        h = run_html(run)
        if len(cur) + len(h) <= limit:
            cur += h
            continue
        if cur.strip():
            pieces.append(cur)
        cur = ""
        if len(h) <= limit:
            cur = h
            continue
        text, tag, href = run
        budget = limit - len(run_html(("", tag, href)))
        while text:
            n = _fitting_prefix(text, budget)
            chunk, text = text[:n], text[n:]
            if text:
                pieces.append(run_html((chunk, tag, href)))
            else:
                cur = run_html((chunk, tag, href))
    if cur.strip():
        pieces.append(cur)
    return pieces


def pack_messages(blocks: list[list[Run]], limit: int = SAFE_LIMIT) -> list[str]:
    """Join blocks with blank lines into as few messages as fit; split oversized blocks safely."""
    messages: list[str] = []
    cur = ""
    for block in blocks:
        for piece in _split_block(block, limit):
            joined = f"{cur}\n\n{piece}" if cur else piece
            if len(joined) <= limit:
                cur = joined
            else:
                messages.append(cur)
                cur = piece
    if cur:
        messages.append(cur)
    return [m.strip() for m in messages if m.strip()]


def from_result(result) -> tuple[list[Hit], AnswerText | None]:
    """Service.ask's result → (hits, the answer to show). The search's own answer sentence when it
    gives one; none when it says nothing is relevant; for a bare list of hits, the sentence of the
    top passage that holds its first figure."""
    if isinstance(result, list):
        return result, answer_from_hits(result)
    answer = result.answer
    if answer is None:
        return result.hits, None
    spans = [(f.start - answer.start, f.end - answer.start) for f in answer.figures]
    return result.hits, AnswerText(answer.text, spans, answer.release_id)


def render_reply(hits: list[Hit], lang: str, answer: AnswerText | None, *, edited: bool = False) -> list[str]:
    """The reply to a question, as Telegram HTML messages, each under the 4096-character limit."""
    t = TEXTS[lang]
    if answer is None or not answer.text:
        return [html.escape(t["not_found"], quote=False)]
    blocks: list[list[Run]] = []
    if edited:
        blocks.append([(t["edited"], "i", None)])
    blocks.append(runs_from_spans(answer.text, answer.spans))
    seen: list = []
    ordered = sorted(hits, key=lambda h: h.release.release_id != answer.release_id)  # answer's release first
    floor = ordered[0].score - SOURCE_MARGIN if ordered else 0.0
    for i, h in enumerate(ordered):
        if i and h.score < floor:
            continue  # not about as relevant as the answer's own release
        if all(r.release_id != h.release.release_id for r in seen):
            seen.append(h.release)
        if len(seen) == MAX_SOURCES:
            break
    sources: list[Run] = [(t["sources"], "b", None)]
    from corpus.release import pib_url

    for i, r in enumerate(seen, 1):
        sources.append((f"\n{i}. ", None, None))
        sources.append((r.title.strip() or r.release_id, "a", r.url or pib_url(r.release_id)))
        meta = " · ".join(x for x in (r.ministry, format_date(r.date, lang)) if x)
        if meta:
            sources.append((f"\n    {meta}", None, None))
    blocks.append(sources)
    return pack_messages(blocks)


# -- handlers ---------------------------------------------------------------------------------------

def _bot_username(bot) -> str:
    try:
        return bot.username or "bot"
    except RuntimeError:  # not initialized
        return "bot"


def addressed_text(message: Message, bot) -> str | None:
    """The question in a message meant for us, or None. Private chats: always; groups: only when
    the bot is @mentioned or the message replies to one of the bot's messages."""
    text = message.text or ""
    if message.chat.type == "private":
        return text
    username = _bot_username(bot)
    mention = f"@{username}".lower()
    to_us = False
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
        to_us = True
    for entity, value in message.parse_entities(["mention", "text_mention"]).items():
        if entity.type == "mention" and value.lower() == mention:
            to_us = True
        elif entity.type == "text_mention" and entity.user is not None and entity.user.id == bot.id:
            to_us = True
    if not to_us:
        return None
    return re.sub(re.escape(mention), " ", text, flags=re.IGNORECASE).strip()


def _no_preview():
    from telegram import LinkPreviewOptions

    return LinkPreviewOptions(is_disabled=True)


def _greeting(lang_code: str | None, bot) -> str:
    order = ["hi", "en"] if (lang_code or "").lower().startswith("hi") else ["en", "hi"]
    username = html.escape(_bot_username(bot))
    return "\n\n———\n\n".join(
        f"{TEXTS[lang]['greeting']}\n\n{TEXTS[lang]['how'].format(bot=username)}" for lang in order)


async def _start(update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    user = update.effective_user
    await msg.reply_html(_greeting(user.language_code if user else None, context.bot),
                         link_preview_options=_no_preview())


async def _unknown_command(update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_chat.type == "private":
        await _start(update, context)


async def _non_text(update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    if msg.chat.type != "private":
        replied = msg.reply_to_message
        if not (replied and replied.from_user and replied.from_user.id == context.bot.id):
            return  # a photo in a group that is not for us
    user = update.effective_user
    hindi_first = bool(user and (user.language_code or "").startswith("hi"))
    langs = ["hi", "en"] if hindi_first else ["en", "hi"]
    await msg.reply_text("\n".join(TEXTS[lang]["text_only"] for lang in langs))


async def _question(update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    question = addressed_text(msg, context.bot)
    if question is None:
        return
    lang = question_lang(question)
    edited = update.edited_message is not None
    quote = edited or msg.chat.type != "private"
    if not question:
        await msg.reply_text(TEXTS[lang]["empty"].format(bot=_bot_username(context.bot)), do_quote=quote)
        return
    await context.bot.send_chat_action(msg.chat_id, "typing")
    service: Service = context.bot_data["service"]()
    result = await service.ask_async(question[:MAX_QUESTION], top_k=5)
    hits, answer = from_result(result)
    for i, part in enumerate(render_reply(hits, lang, answer, edited=edited)):
        await msg.reply_html(part, link_preview_options=_no_preview(), do_quote=quote and i == 0)


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("Telegram handler failed: %s", context.error, exc_info=context.error)
    from telegram import Update

    if isinstance(update, Update) and update.effective_message is not None:
        text = update.effective_message.text or ""
        try:
            await update.effective_message.reply_text(TEXTS[question_lang(text)]["error"])
        except Exception:  # the Bot API itself is down: nothing more to do than log
            log.warning("could not send the error reply either")


def add_handlers(application: Application) -> None:
    from telegram.ext import CommandHandler, MessageHandler, filters

    messages = filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE  # not channel posts
    application.add_handler(CommandHandler(["start", "help"], _start, filters=filters.UpdateType.MESSAGE))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.COMMAND, _unknown_command))
    application.add_handler(MessageHandler(messages & filters.TEXT & ~filters.COMMAND, _question))
    application.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL, _non_text))
    application.add_error_handler(_on_error)


# -- the Application ------------------------------------------------------------------------------

def api_base(settings: Settings) -> str:
    """PTB's base_url: the token is appended to it, so it must end in /bot (or hold {token})."""
    base = (settings.telegram_api_base or "https://api.telegram.org").rstrip("/")
    if "{token}" in base or base.endswith("/bot"):
        return base
    return base + "/bot"


def webhook_secret(settings: Settings) -> str:
    """The configured secret, or one derived from the token (so server and CLI agree unconfigured)."""
    if settings.telegram_secret:
        if not SECRET_RE.match(settings.telegram_secret):
            raise ValueError("VIGYAPTI_TELEGRAM_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return settings.telegram_secret
    if not settings.telegram_token:
        raise ValueError("VIGYAPTI_TELEGRAM_TOKEN is not set")
    return hmac.new(settings.telegram_token.encode(), b"vigyapti-telegram-webhook", hashlib.sha256).hexdigest()


def build_application(settings: Settings, service: Callable[[], Service], *, webhook: bool = True) -> Application:
    from telegram.ext import Application

    if not settings.telegram_token:
        raise ValueError("VIGYAPTI_TELEGRAM_TOKEN is not set")
    builder = Application.builder().token(settings.telegram_token).base_url(api_base(settings))
    if webhook:
        builder = builder.updater(None)
    application = builder.build()
    application.bot_data["service"] = service
    add_handlers(application)
    return application


@dataclass
class TelegramChannel:
    application: Application
    secret: str


@asynccontextmanager
async def telegram_lifespan(app, settings: Settings):
    """Start the bot with the FastAPI app when VIGYAPTI_TELEGRAM_TOKEN is set; stop it after.

    A Bot API that cannot be reached at startup does not stop the HTTP API: the webhook then
    answers 503 and the error is logged."""
    app.state.telegram = None
    application = None
    if settings.telegram_token:
        try:
            application = build_application(settings, lambda: app.state.service, webhook=True)
            secret = webhook_secret(settings)
            await application.initialize()
            await application.start()
            app.state.telegram = TelegramChannel(application, secret)
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


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"ok": False, "detail": detail}, status_code=status)


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
    if not hmac.compare_digest(given.encode(), channel.secret.encode()):
        return _error(403, f"wrong {SECRET_HEADER}")
    body = await request.body()
    if len(body) > MAX_BODY:
        return _error(413, "update too large")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return _error(400, "malformed JSON")
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return _error(400, "not a Telegram Update (no update_id)")
    from telegram import Update

    try:
        update = Update.de_json(data, channel.application.bot)
    except Exception as exc:
        return _error(400, f"not a Telegram Update: {exc}")
    await channel.application.process_update(update)
    return {"ok": True}


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

    if not settings.telegram_token:
        raise ValueError("VIGYAPTI_TELEGRAM_TOKEN is not set (get a token from @BotFather)")
    return Bot(settings.telegram_token, base_url=api_base(settings))


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


async def poll(settings: Settings, service: Callable[[], Service], *, stop: asyncio.Event | None = None,
               poll_timeout: int = 10) -> None:
    """Long-poll getUpdates until `stop` is set (or the task is cancelled, e.g. by Ctrl-C).
    Refuses while a webhook is set: Telegram would answer getUpdates with a Conflict."""
    url = await current_webhook(settings)
    if url:
        raise WebhookIsSet(url)
    application = build_application(settings, service, webhook=False)
    async with application:
        await application.start()
        await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES, timeout=poll_timeout)
        log.info("polling as @%s", application.bot.username)
        try:
            await (stop or asyncio.Event()).wait()
        finally:
            await application.updater.stop()
            await application.stop()
