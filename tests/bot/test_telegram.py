"""The Telegram bot, without the network but over real HTTP.

A fake Bot API (tests/bot/fake_bot_api.py) listens on 127.0.0.1 and records what the bot sends; the real
app (real model, real index slice) runs under uvicorn pointed at it with `telegram_api_base`, and real
Update JSON is POSTed to /telegram/webhook, as Telegram would.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fake_bot_api import BOT_ID, BOT_USERNAME, FakeBotAPI
from ops_support import assert_json_error

SEED_HI = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?"
SEED_EN = "How many sellers from Madhya Pradesh completed their profile on GeM?"
GEM_LINK = 'href="https://pib.gov.in/PressReleasePage.aspx?PRID=2184082"'
TOKEN = "123456:TEST-token_for-the-fake-api"
SECRET = "s3cret-webhook_token"
ROOT = Path(__file__).resolve().parents[2]
BOLD_86K = re.compile(r"<b>[^<]*86,000[^<]*</b>")  # the figure in bold (with its qualifier, if any)

_ids = itertools.count(1)


@pytest.fixture(scope="module")
def fake_api():
    with FakeBotAPI(TOKEN) as api:
        yield api


@pytest.fixture(scope="module")
def tg_settings(service, fake_api):
    return service.settings.model_copy(update={
        "telegram_token": TOKEN, "telegram_secret": SECRET, "telegram_api_base": fake_api.base})


@pytest.fixture(scope="module")
def bot_url(service, tg_settings, serve_app, fake_api):
    from bot.api import create_app

    url = serve_app(create_app(service, settings=tg_settings))
    assert fake_api.sent("getMe"), "the bot did not initialize against the fake Bot API"
    return url


@pytest.fixture
def api(fake_api):
    fake_api.clear()
    return fake_api


# -- real Update payloads ---------------------------------------------------------------------------

def user(uid=4242, lang="hi"):
    return {"id": uid, "is_bot": False, "first_name": "Asha", "language_code": lang}


def private_chat(uid=4242):
    return {"id": uid, "type": "private", "first_name": "Asha"}


GROUP = {"id": -1001234567890, "type": "supergroup", "title": "Sarkari Khabar"}


def message(text=None, *, chat=None, sender=None, entities=None, reply_to=None, **extra):
    msg = {"message_id": next(_ids), "date": int(time.time()), "chat": chat or private_chat(),
           "from": sender or user()}
    if text is not None:
        msg["text"] = text
    if entities:
        msg["entities"] = entities
    if reply_to:
        msg["reply_to_message"] = reply_to
    msg.update(extra)
    return msg


def update(msg, kind="message"):
    return {"update_id": next(_ids) + 10_000, kind: msg}


def command(name, lang="hi"):
    return update(message(f"/{name}", sender=user(lang=lang), entities=[
        {"type": "bot_command", "offset": 0, "length": len(name) + 1}]))


def post(bot_url, payload, *, secret=SECRET, raw: bytes | None = None):
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    body = raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode()
    return httpx.post(f"{bot_url}/telegram/webhook", content=body, headers=headers, timeout=120)


def replies(api, chat_id=None) -> list[dict]:
    return [m for m in api.sent("sendMessage") if chat_id is None or m["chat_id"] == chat_id]


# -- questions --------------------------------------------------------------------------------------

def test_hindi_question_gets_a_hindi_answer_with_the_figure_and_source(bot_url, api):
    r = post(bot_url, update(message(SEED_HI)))
    assert r.status_code == 200 and r.json() == {"ok": True}
    assert api.sent("sendChatAction")[0]["action"] == "typing"
    [reply] = replies(api, 4242)
    assert reply["parse_mode"] == "HTML"
    text = reply["text"]
    assert "86,000" in text and BOLD_86K.search(text)
    assert GEM_LINK in text
    assert "स्रोत" in text and "Sources" not in text  # Hindi interface text for a Hindi question
    assert len(text) <= 4096
    assert reply["link_preview_options"] == {"is_disabled": True}


@pytest.mark.parametrize("question,lang,said", [
    ("How many sellers in Rajasthan completed their profile on GeM?", "en",
     "The closest release does not mention Rajasthan"),
    ("राजस्थान के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?", "hi", "राजस्थान का उल्लेख नहीं है"),
    ("How many sellers in Rajasthan and Kerala completed their profile on GeM?", "en",
     "The closest release does not mention Rajasthan or Kerala, so"),
    ("राजस्थान और केरल के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?", "hi", "में राजस्थान या केरल का उल्लेख नहीं है"),
    ("कितने?", "hi", "कृपया किसी योजना, स्थान या आँकड़े के बारे में पूछें, ज़रूरत हो तो उसके समय के साथ।"),
    ("How many moons does Jupiter have?", "en", "I could not find an answer"),
])
def test_a_question_without_an_answer_is_told_why_in_its_language(bot_url, api, question, lang, said):
    r = post(bot_url, update(message(question, sender=user(lang=lang))))
    assert r.status_code == 200
    [reply] = replies(api)
    assert said in reply["text"]


def test_an_answer_that_does_not_name_the_asked_place_says_so_right_after_it(bot_url, api):
    question = "दिल्ली में कोविड-19 के कितने पुष्ट मामले सामने आए हैं?"  # answered with the nation's cured
    assert post(bot_url, update(message(question))).status_code == 200
    [reply] = replies(api)
    answer, after = reply["text"].split("\n", 1)
    assert "183" in answer and "दिल्ली" not in answer
    assert after.startswith("<i>⚠️ इस उत्तर में दिल्ली का नाम नहीं है: इसका आँकड़ा किसी और जगह का हो सकता है।</i>\n\n")
    api.clear()
    assert post(bot_url, update(message(SEED_EN, sender=user(lang="en")))).status_code == 200
    [reply] = replies(api)
    assert BOLD_86K.search(reply["text"]) and "does not name" not in reply["text"]  # it names Madhya Pradesh


@pytest.mark.parametrize("lang,said", [
    ("en", "<i>⚠️ This answer does not name Jammu &amp; Kashmir, Ladakh or Goa: its figure may be for another "
           "place.</i>"),
    ("hi", "<i>⚠️ इस उत्तर में Jammu &amp; Kashmir, Ladakh या Goa का नाम नहीं है: इसका आँकड़ा किसी और जगह का हो "
           "सकता है।</i>")])
def test_the_names_an_answer_lacks_read_as_one_or_another_escaped_and_stay_with_it(lang, said):
    from bot.schemas import AnswerOut, AskResponse, SourceOut
    from bot.telegram import render_reply

    text = "In the state of Uttar Pradesh, 3 food irradiation facilities have been commissioned. " * 45
    answer = AnswerOut(text=text.strip(), start=0, end=len(text.strip()), figures=[], release_id="1", lang="en",
                       score=1.0, unnamed=["Jammu & Kashmir", "Ladakh", "Goa"])
    source = SourceOut(release_id="1", lang="en", title="Food irradiation " * 20, url="https://pib.gov.in/x",
                       ministry="Ministry of Food Processing Industries", date="2026-08-12")
    reply = AskResponse(question="?", answer=answer, passages=[], sources=[source] * 3)
    first, *rest = render_reply(reply, lang)
    assert first.endswith(f"commissioned.\n{said}")  # right under the answer, in its message
    assert rest  # the sources did not fit with them
    plain = reply.model_copy(update={"answer": answer.model_copy(update={"unnamed": []})})
    assert "⚠️" not in "".join(render_reply(plain, lang))


def test_a_question_in_another_script_is_told_so_and_cites_no_release(bot_url, api):
    question = "தமிழ்நாட்டில் எத்தனை விற்பனையாளர்கள் ஜெம்மில் பதிவு செய்துள்ளனர்?"
    assert post(bot_url, update(message(question, sender=user(lang="ta")))).status_code == 200
    [reply] = replies(api)
    assert reply["text"] == ("Your question is written in Tamil script. I answer questions in Hindi and English "
                             "only: please ask in one of them.")


@pytest.mark.parametrize("lang,said", [("en", "does not mention Bhutan, Thimphu or Paro, so"),
                                       ("hi", "में Bhutan, Thimphu या Paro का उल्लेख नहीं है")])
def test_three_names_a_release_lacks_read_as_one_or_another(lang, said):
    from bot.schemas import AskResponse, NoAnswerOut
    from bot.telegram import render_reply

    reply = AskResponse(question="?", answer=None, passages=[],
                        no_answer=NoAnswerOut(kind="not_mentioned", names=["Bhutan", "Thimphu", "Paro"]))
    assert said in render_reply(reply, lang)[0]


@pytest.mark.parametrize("lang,said", [("en", "The passage that would answer does not name Maharashtra: its figure"),
                                       ("hi", "जो अंश उत्तर देता, उसमें Maharashtra का नाम नहीं है")])
def test_an_answer_withheld_for_not_naming_the_asked_place_says_which(lang, said):
    from bot.schemas import AskResponse, NoAnswerOut
    from bot.telegram import render_reply

    reply = AskResponse(question="?", answer=None, passages=[],
                        no_answer=NoAnswerOut(kind="not_named", names=["Maharashtra"]))
    assert said in render_reply(reply, lang)[0]


def test_a_refusal_for_another_script_names_it_in_hindi_too():
    from bot.schemas import AskResponse, NoAnswerOut
    from bot.telegram import render_reply

    reply = AskResponse(question="কতজন বিক্রেতা?", answer=None, passages=[],
                        no_answer=NoAnswerOut(kind="unsupported_language", script="Bengali"))
    assert render_reply(reply, "hi") == ["आपका प्रश्न Bengali लिपि में लिखा है। मैं केवल हिंदी और अंग्रेज़ी में पूछे गए "
                                         "प्रश्नों के उत्तर देता हूँ: कृपया इनमें से किसी एक भाषा में पूछें।"]


def test_a_refusal_for_another_time_names_the_closest_releases_date_in_the_readers_language(service):
    from bot.replies import ask_reply
    from bot.telegram import render_reply

    for question, lang, said in [
            ("How many sellers from Madhya Pradesh had completed their profile on GeM in March 2018?", "en",
             "The closest release was published on 30 Oct 2025"),
            ("मार्च 2018 में मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की थी?", "hi",
             "सबसे निकट की विज्ञप्ति 30 अक्टूबर 2025 को जारी हुई थी")]:
        reply = ask_reply(question, service.ask(question))
        assert reply.answer is None and reply.no_answer.kind == "other_time", reply.reason
        [text] = render_reply(reply, lang)
        assert said in text


def test_a_refusal_names_the_time_the_closest_release_states_when_that_is_the_other_time():
    from bot.schemas import AskResponse, NoAnswerOut
    from bot.telegram import render_reply

    # the February collection, announced on 1 March: asked about March, its date is not what is against it
    reply = AskResponse(question="What was the gross GST revenue collected in March 2020?", answer=None,
                        no_answer=NoAnswerOut(kind="other_time", stated="2020-02"), passages=[])
    [en] = render_reply(reply, "en")
    [hi] = render_reply(reply, "hi")
    assert "The closest release is about Feb 2020, not the time you asked about." in en and "published" not in en
    assert "सबसे निकट की विज्ञप्ति फ़रवरी 2020 के बारे में है, आपके पूछे गए समय के बारे में नहीं।" in hi
    year = reply.model_copy(update={"no_answer": NoAnswerOut(kind="other_time", stated="2022-04-01/2023-03-31")})
    assert "is about 2022-23, not" in render_reply(year, "en")[0]  # a financial year, as releases write it
    span = reply.model_copy(update={"no_answer": NoAnswerOut(kind="other_time", stated="2020-06-01/2021-05-31")})
    assert "is about 1 Jun 2020 – 31 May 2021, not" in render_reply(span, "en")[0]


def test_english_question_gets_english_interface_text(bot_url, api):
    r = post(bot_url, update(message(SEED_EN, sender=user(lang="en"))))
    assert r.status_code == 200
    [reply] = replies(api)
    assert BOLD_86K.search(reply["text"]) and GEM_LINK in reply["text"]
    assert "Sources" in reply["text"] and "स्रोत" not in reply["text"]


@pytest.mark.parametrize("name,lang,first", [("start", "hi", "नमस्ते"), ("help", "en", "Hello")])
def test_start_and_help_in_both_languages(bot_url, api, name, lang, first):
    assert post(bot_url, command(name, lang)).status_code == 200
    [reply] = replies(api)
    assert reply["text"].startswith(first)
    assert "नमस्ते" in reply["text"] and "Hello" in reply["text"]
    assert f"@{BOT_USERNAME}" in reply["text"]
    assert reply["parse_mode"] == "HTML"


def test_sticker_gets_a_polite_hint(bot_url, api):
    sticker = {"file_id": "CAACAgIAAxkBAAE", "file_unique_id": "AgADAQAD", "type": "regular",
               "width": 512, "height": 512, "is_animated": False, "is_video": False, "emoji": "👍"}
    assert post(bot_url, update(message(sticker=sticker))).status_code == 200
    [reply] = replies(api)
    assert "टेक्स्ट" in reply["text"] and "text" in reply["text"]
    assert not api.sent("sendChatAction")  # no search for a sticker


PHOTO = [{"file_id": "AgACAgIAAxkBAAI", "file_unique_id": "AQADx", "width": 90, "height": 90}]


def test_photo_in_private_chat_gets_the_hint_in_the_users_language_first(bot_url, api):
    assert post(bot_url, update(message(photo=PHOTO, sender=user(lang="en")))).status_code == 200
    [reply] = replies(api)
    assert reply["text"].startswith("I can only read text")


def test_a_photos_caption_is_answered_as_the_question(bot_url, api):
    assert post(bot_url, update(message(photo=PHOTO, caption=SEED_EN, sender=user(lang="hi")))).status_code == 200
    [reply] = replies(api)
    assert BOLD_86K.search(reply["text"]) and GEM_LINK in reply["text"] and "Sources" in reply["text"]
    assert "I can only read" not in reply["text"] and api.sent("sendChatAction")


def test_a_photo_in_a_group_is_answered_when_its_caption_mentions_the_bot(bot_url, api):
    mention = f"@{BOT_USERNAME}"
    photo = message(photo=PHOTO, chat=GROUP, caption=f"{mention} {SEED_HI}",
                    caption_entities=[{"type": "mention", "offset": 0, "length": len(mention)}])
    assert post(bot_url, update(photo)).status_code == 200
    [reply] = replies(api, GROUP["id"])
    assert BOLD_86K.search(reply["text"]) and "स्रोत" in reply["text"]
    assert reply["reply_parameters"]["message_id"] == photo["message_id"]
    api.clear()
    assert post(bot_url, update(message(photo=PHOTO, chat=GROUP, caption=SEED_HI))).status_code == 200
    assert replies(api) == []  # not for us


def of_length(n: int, text: str) -> str:
    return ((text + " ") * (n // len(text) + 1))[:n - 1] + "?"


@pytest.mark.parametrize("lang,question,said", [
    ("en", of_length(1408, SEED_EN), "Your question is too long (1,408 characters; at most {max}). Please shorten it."),
    ("hi", of_length(1408, SEED_HI), "आपका प्रश्न बहुत लंबा है (1,408 अक्षर; अधिकतम {max})। कृपया इसे छोटा करें।"),
])
def test_an_over_long_question_is_told_so_not_answered_cut_short(bot_url, api, lang, question, said):
    from bot.schemas import AskRequest

    limit = AskRequest.model_json_schema()["properties"]["question"]["maxLength"]
    assert post(bot_url, update(message(question, sender=user(lang=lang)))).status_code == 200
    [reply] = replies(api)
    assert reply["text"] == said.format(max=f"{limit:,}")
    assert not api.sent("sendChatAction")  # nothing searched
    api.clear()
    assert post(bot_url, update(message(of_length(limit, SEED_EN)))).status_code == 200  # at the limit: asked
    assert api.sent("sendChatAction") and "too long" not in replies(api)[0]["text"]


# -- groups -----------------------------------------------------------------------------------------

def test_group_message_without_mention_is_ignored(bot_url, api):
    assert post(bot_url, update(message(SEED_EN, chat=GROUP))).status_code == 200
    assert replies(api) == [] and not api.sent("sendChatAction")


def test_group_sticker_is_ignored(bot_url, api):
    sticker = {"file_id": "CAACAgIAAxkBAAE", "file_unique_id": "AgADAQAD", "type": "regular",
               "width": 512, "height": 512, "is_animated": False, "is_video": False}
    assert post(bot_url, update(message(chat=GROUP, sticker=sticker))).status_code == 200
    assert replies(api) == []


def test_group_message_with_mention_is_answered_as_a_reply(bot_url, api):
    mention = f"@{BOT_USERNAME}"
    msg = message(f"{mention} {SEED_HI}", chat=GROUP,
                  entities=[{"type": "mention", "offset": 0, "length": len(mention)}])
    assert post(bot_url, update(msg)).status_code == 200
    [reply] = replies(api, GROUP["id"])
    assert BOLD_86K.search(reply["text"]) and GEM_LINK in reply["text"] and "स्रोत" in reply["text"]
    assert reply["reply_parameters"]["message_id"] == msg["message_id"]


def test_group_reply_to_the_bot_is_answered(bot_url, api):
    ours = {"message_id": 9, "date": int(time.time()), "chat": GROUP,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Vigyapti", "username": BOT_USERNAME},
            "text": "earlier answer"}
    assert post(bot_url, update(message(SEED_EN, chat=GROUP, reply_to=ours))).status_code == 200
    [reply] = replies(api, GROUP["id"])
    assert "86,000" in reply["text"] and "Sources" in reply["text"]


def test_mention_without_a_question_asks_for_one(bot_url, api):
    mention = f"@{BOT_USERNAME}"
    msg = message(mention, chat=GROUP, sender=user(lang="en"),
                  entities=[{"type": "mention", "offset": 0, "length": len(mention)}])
    assert post(bot_url, update(msg)).status_code == 200
    [reply] = replies(api)
    assert reply["text"] == f"Please write your question after @{BOT_USERNAME}."



def test_a_mention_followed_by_invisible_characters_only_asks_for_a_question(bot_url, api):
    mention = f"@{BOT_USERNAME}"
    msg = message(f"{mention} \u200d\u200b", chat=GROUP, sender=user(lang="en"),
                  entities=[{"type": "mention", "offset": 0, "length": len(mention)}])
    assert post(bot_url, update(msg)).status_code == 200
    [reply] = replies(api)
    assert reply["text"] == f"Please write your question after @{BOT_USERNAME}."

# -- edited messages: answered again, as a reply to the edited message -------------------------------

def test_edited_message_is_answered_again(bot_url, api):
    msg = message(SEED_HI, edit_date=int(time.time()))
    assert post(bot_url, update(msg, kind="edited_message")).status_code == 200
    [reply] = replies(api)
    assert reply["text"].startswith("<i>संपादित प्रश्न का उत्तर:</i>")
    assert BOLD_86K.search(reply["text"]) and GEM_LINK in reply["text"]
    assert reply["reply_parameters"]["message_id"] == msg["message_id"]


def test_edited_group_message_without_mention_is_still_ignored(bot_url, api):
    msg = message(SEED_EN, chat=GROUP, edit_date=int(time.time()))
    assert post(bot_url, update(msg, kind="edited_message")).status_code == 200
    assert replies(api) == []


# -- the webhook guard ----------------------------------------------------------------------------

@pytest.mark.parametrize("secret,status", [(None, 401), ("wrong", 403), (SECRET + "x", 403), ("", 401)])
def test_wrong_or_missing_secret_is_rejected(bot_url, api, secret, status):
    r = post(bot_url, update(message(SEED_EN)), secret=secret)
    assert r.status_code == status
    assert r.json()["ok"] is False and "Secret-Token" in r.json()["detail"]
    assert replies(api) == []


def webhook_error(r: httpx.Response, status: int, error: str, *words: str) -> dict:
    """The API's error body (ErrorOut), with Telegram's `ok`."""
    body = assert_json_error(r, status, *words)
    assert body["ok"] is False and body["error"] == error and set(body) == {"ok", "error", "detail", "request_id"}
    return body


@pytest.mark.parametrize("raw,said", [(b'{"update_id": 1, "message": ', "Expecting value at line 1"),
                                      (b"\xff\xfe not json", "not UTF-8"), (b"", "empty"), (b"NaN", "NaN")])
def test_bytes_that_are_not_json_get_400_as_the_apis_bodies_do(bot_url, api, raw, said):
    body = webhook_error(post(bot_url, None, raw=raw), 400, "bad_request", "cannot be read as JSON", said)
    assert isinstance(body["detail"], str)
    assert replies(api) == []


@pytest.mark.parametrize("raw,problem", [
    (b"[1, 2]", ("json_object", ["body"], "a JSON object of a Telegram Update, not an array")),
    (b'"hello"', ("json_object", ["body"], "not a string")),
    (b"null", ("json_object", ["body"], "not null")),
    (b'{"message": {"text": "no update id"}}', ("missing", ["body", "update_id"], "Field required")),
    (b'{"update_id": "7"}', ("int_type", ["body", "update_id"], "valid integer")),
    (b'{"update_id": true}', ("int_type", ["body", "update_id"], "valid integer")),
    (b'{"update_id": 7, "message": {"text": "no chat, no date"}}', ("telegram_update", ["body"], "KeyError")),
])
def test_json_that_is_not_an_update_gets_422_as_the_apis_bodies_do(bot_url, api, raw, problem):
    body = webhook_error(post(bot_url, None, raw=raw), 422, "invalid_request")
    assert [(p["type"], p["loc"]) for p in body["detail"]] == [problem[:2]]
    assert problem[2] in body["detail"][0]["msg"] and set(body["detail"][0]) <= {"type", "loc", "msg", "ctx"}
    assert replies(api) == []


def test_json_that_is_not_an_object_is_refused_as_ask_refuses_it(bot_url, api):
    webhook = webhook_error(post(bot_url, None, raw=b"[1, 2]"), 422, "invalid_request")
    ask = assert_json_error(httpx.post(f"{bot_url}/ask", content=b"[1, 2]",
                                       headers={"Content-Type": "application/json"}), 422)
    assert webhook["error"] == ask["error"]
    said = ask["detail"][0]["msg"].replace("the request's fields", "a Telegram Update")  # what the body must be
    assert webhook["detail"] == [{**ask["detail"][0], "msg": said}]


@pytest.mark.parametrize("payload,answered", [({"update_id": 77}, 0), (command("help", "en"), 1),
                                              (update(message("no mention", chat=GROUP)), 0)])
def test_an_update_gets_200_ok_whether_or_not_the_bot_answers_it(bot_url, api, payload, answered):
    r = post(bot_url, payload)
    assert r.status_code == 200 and r.json() == {"ok": True}
    assert len(replies(api)) == answered


def test_an_update_naming_a_key_twice_gets_400_as_the_apis_bodies_do(bot_url, api):
    raw = json.dumps(update(message(SEED_EN)))[:-1] + ', "update_id": 1}'  # which update is it?
    r = post(bot_url, None, raw=raw.encode())
    assert r.status_code == 400 and "'update_id' stands twice" in r.json()["detail"]
    assert replies(api) == []


def test_webhook_is_404_when_the_bot_is_not_configured(live_url):
    r = httpx.post(f"{live_url}/telegram/webhook", json={"update_id": 1},
                   headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert r.status_code == 404 and "VIGYAPTI_TELEGRAM_TOKEN" in r.json()["detail"]
    assert r.json()["error"] == "not_found" and r.json()["request_id"]  # the API's error body


# -- the same limits, metrics and query log as /ask, per chat -----------------------------------------

def test_questions_are_rate_limited_counted_and_logged_per_chat(service, tg_settings, serve_app, api, tmp_path):
    import sqlite3

    from bot.api import create_app

    settings = tg_settings.model_copy(update={"ask_rate": 0.01, "ask_burst": 2,
                                              "querylog": tmp_path / "querylog.db"})
    app = create_app(service, settings=settings)
    url = serve_app(app)
    api.clear()
    for _ in range(3):
        assert post(url, update(message(SEED_HI, chat=private_chat(501), sender=user(501)))).status_code == 200
    assert post(url, update(message(SEED_EN, chat=private_chat(502), sender=user(502, "en")))).status_code == 200
    first, second, third = replies(api, 501)
    assert BOLD_86K.search(first["text"]) and BOLD_86K.search(second["text"])
    assert "86,000" not in third["text"] and "सेकंड" in third["text"]  # how long to wait, in Hindi
    [other] = replies(api, 502)  # another chat has its own bucket
    assert BOLD_86K.search(other["text"])

    metrics = httpx.get(f"{url}/metrics").text
    assert 'vigyapti_ask_total{answered="true",channel="telegram"} 3.0' in metrics
    assert "vigyapti_rate_limited_total 1.0" in metrics

    app.state.querylog.flush()
    con = sqlite3.connect(tmp_path / "querylog.db")
    rows = con.execute("SELECT question, channel, client, answered FROM queries ORDER BY id").fetchall()
    con.close()
    assert [(q, ch, a) for q, ch, _, a in rows] == [(SEED_HI, "telegram", 1)] * 2 + [(SEED_EN, "telegram", 1)]
    assert rows[0][2] == rows[1][2] != rows[2][2]  # one hashed client per chat
    assert all(c and len(c) == 16 and c not in ("501", "502") for _, _, c, _ in rows)  # a 16-hex-digit hash, not the chat id (a hash may hold "501" by chance)
    from bot.querylog import summarize

    assert summarize(tmp_path / "querylog.db")["channels"] == {"telegram": 3}


def test_a_full_search_queue_gets_a_busy_reply(service, tg_settings, serve_app, api):
    from bot.api import create_app

    url = serve_app(create_app(service, settings=tg_settings.model_copy(
        update={"max_queued_searches": 1, "ask_rate": 0})))
    # The model's thread is held, so the one search /ask queues waits there while the bot's
    # question arrives: a full queue however fast a search is on this CPU.
    gate = threading.Event()
    held = service.embedder.submit_beside_queries(gate.wait, 60)
    waiting = threading.Thread(target=lambda: httpx.post(f"{url}/ask", json={"question": SEED_EN}, timeout=120))
    try:
        waiting.start()
        deadline = time.monotonic() + 30
        while service.queued_searches < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert service.queued_searches == 1
        api.clear()
        assert post(url, update(message(SEED_HI, chat=private_chat(601), sender=user(601)))).status_code == 200
        [reply] = replies(api, 601)
    finally:
        gate.set()
        held.result(timeout=60)
        waiting.join(timeout=120)
    assert "कतार" in reply["text"] and "सेकंड" in reply["text"] and "86,000" not in reply["text"]
    metrics = httpx.get(f"{url}/metrics").text
    assert "vigyapti_search_queue_full_total" in metrics


def test_the_channel_uses_the_servers_language_rule():
    import bot.telegram
    import index.search

    assert bot.telegram.question_lang is index.search.question_lang


# -- formatting: escaping and splitting -------------------------------------------------------------

def test_replies_escape_html_and_split_under_the_limit(service):
    from bot.replies import ask_reply
    from bot.schemas import AnswerOut, FigureOut
    from bot.telegram import render_reply

    reply = ask_reply(SEED_HI, service.ask(SEED_HI, top_k=5))
    hostile = "<img src=x onerror=alert(1)> & <b>not bold</b> "
    long_text = (hostile + "राज्य के 86,000 से ज्यादा विक्रेता। ") * 300  # ~ 25,000 characters
    figures = [FigureOut(text="86,000", value=86000, unit=None, kind="count", start=i, end=i + 6)
               for i in range(len(long_text)) if long_text.startswith("86,000", i)]
    answer = AnswerOut(text=long_text, start=0, end=len(long_text), figures=figures, release_id="2184082",
                       lang="hi", score=1.0)
    parts = render_reply(reply.model_copy(update={"answer": answer}), "hi")
    assert len(parts) > 3
    assert all(len(p) <= 4096 for p in parts)
    joined = "".join(parts)
    assert "<img" not in joined and "&lt;img src=x onerror=alert(1)&gt;" in joined
    assert "&amp;" in joined and "&lt;b&gt;not bold&lt;/b&gt;" in joined
    for p in parts:  # every message is well-formed on its own
        assert p.count("<b>") == p.count("</b>") and p.count("<a ") == p.count("</a>")
    assert joined.count("<b>86,000</b>") == 300
    assert GEM_LINK in parts[-1]


def test_a_table_rows_answer_lists_what_each_figure_counts(service):
    from bot.replies import ask_reply
    from bot.schemas import AnswerOut, FigureOut
    from bot.telegram import render_reply

    reply = ask_reply(SEED_HI, service.ask(SEED_HI, top_k=5))
    row = "Bihar 311304.40 324227.06 301148.29"
    figures = [FigureOut(text=t, value=float(t), unit=None, kind="count", start=row.index(t), end=row.index(t) + len(t),
                         label=f"Bihar, {year}")
               for t, year in (("311304.40", "2023-24"), ("324227.06", "2024-25"), ("301148.29", "2025-26"))]
    answer = AnswerOut(text=row, start=0, end=len(row), figures=figures, release_id="2297128", lang="en", score=1.0)
    joined = "".join(render_reply(reply.model_copy(update={"answer": answer}), "en"))
    assert "<b>324227.06</b> — Bihar, 2024-25" in joined and "<b>311304.40</b> — Bihar, 2023-24" in joined
    # the figure that answers (`answer.figure`) is listed first
    asked = answer.model_copy(update={"figure": figures[1]})
    joined = "".join(render_reply(reply.model_copy(update={"answer": asked}), "en"))
    assert joined.index("<b>324227.06</b> — Bihar, 2024-25") < joined.index("<b>311304.40</b> — Bihar, 2023-24")
    # one labelled figure says it in its sentence: no list
    seed = "".join(render_reply(reply, "hi"))
    assert " — " not in seed.split("\n\n")[0] + seed.split("\n\n")[1]


def test_an_answer_from_the_headline_says_so(service):
    from bot.replies import ask_reply
    from bot.schemas import AnswerOut, FigureOut
    from bot.telegram import render_reply

    reply = ask_reply(SEED_HI, service.ask(SEED_HI, top_k=5))
    title = "Rs 812 crore approved for Odisha under Jal Jeevan Mission"
    answer = AnswerOut(text=title, start=0, end=len(title), release_id="1628353", lang="en", score=1.0, in_title=True,
                       figures=[FigureOut(text="Rs 812 crore", value=8120000000, unit="INR", kind="money", start=0, end=12)])
    en = "".join(render_reply(reply.model_copy(update={"answer": answer}), "en"))
    assert "<i>From the release's headline: its body does not state this figure.</i>" in en
    assert "<i>विज्ञप्ति के शीर्षक से" in "".join(render_reply(reply.model_copy(update={"answer": answer}), "hi"))
    assert "शीर्षक से" not in "".join(render_reply(reply, "hi"))


# -- the CLI: set-webhook, poll refuses while it is set, delete-webhook -----------------------------

def cli(args, fake_api, tmp_path):
    env = {**os.environ, "VIGYAPTI_TELEGRAM_TOKEN": TOKEN, "VIGYAPTI_TELEGRAM_SECRET": SECRET,
           "VIGYAPTI_TELEGRAM_API_BASE": fake_api.base, "VIGYAPTI_INDEX_DIR": str(tmp_path / "index")}
    return subprocess.run([sys.executable, "-m", "bot.cli", "telegram", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_set_webhook_then_poll_refuses_then_delete(api, tmp_path):
    done = cli(["set-webhook", "https://vigyapti.example.org"], api, tmp_path)
    assert done.returncode == 0, done.stderr
    [call] = api.sent("setWebhook")
    assert call["url"] == "https://vigyapti.example.org/telegram/webhook"
    assert call["secret_token"] == SECRET
    assert set(call["allowed_updates"]) == {"message", "edited_message"}

    done = cli(["poll"], api, tmp_path)
    assert done.returncode == 2
    assert "webhook is set" in done.stderr and "vigyapti telegram delete-webhook" in done.stderr
    assert not api.sent("getUpdates")

    done = cli(["delete-webhook"], api, tmp_path)
    assert done.returncode == 0, done.stderr
    assert api.webhook_url == ""

    done = cli(["set-webhook", "http://insecure.example.org/hook"], api, tmp_path)
    assert done.returncode == 2 and "https" in done.stderr


def test_poll_answers_from_getupdates(service, tg_settings, api):
    from bot.telegram import poll

    assert api.webhook_url == ""
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    errors = []

    def run():
        try:
            loop.run_until_complete(poll(tg_settings, lambda: service, stop=stop, poll_timeout=1))
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        api.queue_update(update(message(SEED_HI, chat=private_chat(777), sender=user(777))))
        api.wait_for("sendMessage", timeout=120)
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=30)
    assert not errors, errors
    [reply] = replies(api, 777)
    assert BOLD_86K.search(reply["text"]) and GEM_LINK in reply["text"] and "स्रोत" in reply["text"]
