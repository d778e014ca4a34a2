"""What the bot does with each kind of message: commands, questions, non-text, errors.

A question goes through the same Answerer as `/ask` (bot/answering.py): the chat's rate limit, the
bounded search queue, the metrics and the query log; the reply is rendered as the server built it.
"""
from __future__ import annotations

import html
import logging
import re
from typing import TYPE_CHECKING

from bot.observability import current_request_id
from bot.schemas import MAX_QUESTION, AskRequest, is_blank
from bot.service import SearchQueueFull
from bot.telegram.render import TEXTS, render_reply
from index.search import question_lang

if TYPE_CHECKING:
    from telegram import Message
    from telegram.ext import Application, ContextTypes

    from bot.answering import Answerer

log = logging.getLogger("vigyapti.telegram")


def _bot_username(bot) -> str:
    try:
        return bot.username or "bot"
    except RuntimeError:  # not initialized
        return "bot"


def asked(message: Message) -> str | None:
    """What a message says in words: its text, or the caption of a photo (or other media) sent with
    its question written under it."""
    return message.text if message.text is not None else message.caption


def addressed_text(message: Message, bot) -> str | None:
    """The question in a message meant for us, or None. Private chats: always; groups: only when
    the bot is @mentioned or the message replies to one of the bot's messages."""
    text = asked(message) or ""
    if message.chat.type == "private":
        return text
    username = _bot_username(bot)
    mention = f"@{username}".lower()
    to_us = False
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
        to_us = True
    mentions = (message.parse_entities if message.text is not None else message.parse_caption_entities)(
        ["mention", "text_mention"])
    for entity, value in mentions.items():
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
    if is_blank(question):
        await msg.reply_text(TEXTS[lang]["empty"].format(bot=_bot_username(context.bot)), do_quote=quote)
        return
    question = question.strip()
    if len(question) > MAX_QUESTION:  # before the rate limit: nothing is searched
        await msg.reply_text(TEXTS[lang]["too_long"].format(n=f"{len(question):,}", max=f"{MAX_QUESTION:,}"),
                             do_quote=quote)
        return
    answerer: Answerer = context.bot_data["answerer"]()
    chat = f"telegram:{msg.chat_id}"
    wait = answerer.admit(chat)
    if wait:
        await msg.reply_text(TEXTS[lang]["rate"].format(s=wait), do_quote=quote)
        return
    await context.bot.send_chat_action(msg.chat_id, "typing")
    try:
        reply = await answerer.answer(AskRequest(question=question, top_k=5), channel="telegram",
                                      client=chat, request_id=current_request_id())
    except SearchQueueFull as busy:
        await msg.reply_text(TEXTS[lang]["busy"].format(s=busy.retry_after), do_quote=quote)
        return
    for i, part in enumerate(render_reply(reply, lang, edited=edited)):
        await msg.reply_html(part, link_preview_options=_no_preview(), do_quote=quote and i == 0)


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("Telegram handler failed: %s", context.error, exc_info=context.error)
    from telegram import Update

    if isinstance(update, Update) and update.effective_message is not None:
        text = asked(update.effective_message) or ""
        try:
            await update.effective_message.reply_text(TEXTS[question_lang(text)]["error"])
        except Exception:  # the Bot API itself is down: nothing more to do than log
            log.warning("could not send the error reply either")


def add_handlers(application: Application) -> None:
    from telegram.ext import CommandHandler, MessageHandler, filters

    messages = filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE  # not channel posts
    application.add_handler(CommandHandler(["start", "help"], _start, filters=filters.UpdateType.MESSAGE))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.COMMAND, _unknown_command))
    written = filters.TEXT | filters.CAPTION
    application.add_handler(MessageHandler(messages & written & ~filters.COMMAND, _question))
    application.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & ~written & ~filters.StatusUpdate.ALL, _non_text))
    application.add_error_handler(_on_error)
