"""What the bot says: its interface texts in Hindi and English, and a reply rendered as Telegram HTML
messages, each under the 4096-character limit. It renders the server's reply as it is: the answer
with its figures in bold and the sources `bot.replies` chose."""
from __future__ import annotations

import html

from bot.schemas import AskResponse
from index.timeq import financial_year_said

MESSAGE_LIMIT = 4096          # Telegram's limit for one message
SAFE_LIMIT = 4000             # what we pack to, counting the HTML markup too

TEXTS: dict[str, dict[str, str]] = {
    "hi": {
        "greeting": ("नमस्ते! मैं <b>विज्ञप्ति</b> हूँ। भारत सरकार की PIB प्रेस विज्ञप्तियों के बारे में "
                     "हिंदी या अंग्रेज़ी में प्रश्न पूछिए — मैं उत्तर वाला वाक्य और उसके स्रोत भेजूँगा।"),
        "how": ("बस अपना प्रश्न लिखकर भेजें, जैसे:\n<i>मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी "
                "प्रोफाइल पूरी की है?</i>\n\nसमूह में मुझे @{bot} लिखकर बुलाएँ या मेरे संदेश का जवाब दें। "
                "/help से यह संदेश फिर मिलेगा।"),
        "sources": "स्रोत",
        "closest": "सबसे निकट की विज्ञप्तियाँ",
        "not_found": ("इस प्रश्न का उत्तर प्रेस विज्ञप्तियों में नहीं मिला। कृपया प्रश्न को दूसरे शब्दों में "
                      "पूछकर देखें।"),
        "nothing_asked": "कृपया किसी योजना, स्थान या आँकड़े के बारे में पूछें, ज़रूरत हो तो उसके समय के साथ।",
        "unsupported_language": ("आपका प्रश्न {script} लिपि में लिखा है। मैं केवल हिंदी और अंग्रेज़ी में पूछे गए "
                                 "प्रश्नों के उत्तर देता हूँ: कृपया इनमें से किसी एक भाषा में पूछें।"),
        "not_mentioned": "सबसे निकट की विज्ञप्ति में {names} का उल्लेख नहीं है, इसलिए मैं इसका उत्तर नहीं दे सकता।",
        "not_named": "जो अंश उत्तर देता, उसमें {names} का नाम नहीं है; उसका आंकड़ा किसी और जगह का हो सकता है।",
        "or": "या",
        "other_time": "सबसे निकट की विज्ञप्ति {date} को जारी हुई थी; वह आपके पूछे गए समय के बारे में नहीं है।",
        "other_time_stated": "सबसे निकट की विज्ञप्ति {time} के बारे में है, आपके पूछे गए समय के बारे में नहीं।",
        "error": "क्षमा करें, अभी उत्तर नहीं दे पा रहा हूँ। कृपया थोड़ी देर बाद फिर कोशिश करें।",
        "rate": "आपने कम समय में बहुत से प्रश्न पूछे हैं। कृपया {s} सेकंड रुककर फिर कोशिश करें।",
        "busy": "अभी बहुत से प्रश्न कतार में हैं। कृपया {s} सेकंड बाद फिर पूछें।",
        "text_only": "मैं केवल लिखे हुए प्रश्न समझता हूँ। कृपया अपना प्रश्न टेक्स्ट में भेजें।",
        "too_long": "आपका प्रश्न बहुत लंबा है ({n} अक्षर; अधिकतम {max})। कृपया इसे छोटा करें।",
        "empty": "कृपया @{bot} के बाद अपना प्रश्न लिखें।",
        "edited": "संपादित प्रश्न का उत्तर:",
        "from_title": "विज्ञप्ति के शीर्षक से: उसके पाठ में यह आंकड़ा नहीं है।",
        "unnamed": "इस उत्तर में {names} का नाम नहीं है: इसका आँकड़ा किसी और जगह का हो सकता है।",
    },
    "en": {
        "greeting": ("Hello! I am <b>Vigyapti</b>. Ask me in Hindi or English about Government of India "
                     "press releases (PIB) — I reply with the sentence that answers and its sources."),
        "how": ("Just send your question, for example:\n<i>How many sellers from Madhya Pradesh completed "
                "their profile on GeM?</i>\n\nIn a group, mention me (@{bot}) or reply to my message. "
                "/help shows this again."),
        "sources": "Sources",
        "closest": "Closest releases",
        "not_found": ("I could not find an answer to this in the press releases. Please try rephrasing "
                      "the question."),
        "nothing_asked": "Please ask about a scheme, a place or a figure, with its time if it matters.",
        "unsupported_language": ("Your question is written in {script} script. I answer questions in Hindi and "
                                 "English only: please ask in one of them."),
        "not_mentioned": "The closest release does not mention {names}, so I cannot answer this.",
        "not_named": "The passage that would answer does not name {names}: its figure may be for another place.",
        "or": "or",
        "other_time": ("The closest release was published on {date}; it is not about the time you asked "
                       "about."),
        "other_time_stated": "The closest release is about {time}, not the time you asked about.",
        "error": "Sorry, I cannot answer right now. Please try again in a little while.",
        "rate": "You have asked many questions in a short time. Please wait {s} seconds and try again.",
        "busy": "Many questions are waiting right now. Please ask again in {s} seconds.",
        "text_only": "I can only read text questions. Please send your question as a text message.",
        "too_long": "Your question is too long ({n} characters; at most {max}). Please shorten it.",
        "empty": "Please write your question after @{bot}.",
        "edited": "Answer to your edited question:",
        "from_title": "From the release's headline: its body does not state this figure.",
        "unnamed": "This answer does not name {names}: its figure may be for another place.",
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


def format_time(iso: str | None, lang: str) -> str | None:
    """A time the server names (a day, a month, a year, or first/last day: `NoAnswerOut.stated`); a
    financial year as releases write it, "2019-20"."""
    if not iso:
        return None
    if fy := financial_year_said(iso):
        return fy

    def one(part: str) -> str:
        try:
            y, m = (int(x) for x in part.split("-"))
            if not 1 <= m <= 12:
                raise ValueError(part)
            return f"{(HI_MONTHS if lang == 'hi' else EN_MONTHS)[m - 1]} {y}"
        except ValueError:  # a day, a year: as format_date says it
            return format_date(part, lang) or part

    return " – ".join(one(part) for part in iso.split("/"))


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


# -- a reply ------------------------------------------------------------------------------------------

MAX_LABELLED = 10


def figure_labels(figures, asked=None) -> list[Run]:
    """Each figure of the answer with what it counts, where it holds several that say so: a table
    row's cells ("324227.06 — Bihar, 2024-25"), a "respectively" list's items. A reader in Telegram
    has no pointer to hover over a figure, as the widget's reader has. `asked`: the figure that
    answers (`answer.figure`), listed first."""
    labelled = [f for f in figures if f.label]
    labelled.sort(key=lambda f: not (asked is not None and (f.start, f.end) == (asked.start, asked.end)))
    if len(labelled) < 2:
        return []
    runs: list[Run] = []
    for f in labelled[:MAX_LABELLED]:
        runs += [("\n" if runs else "", None, None), (f.text, "b", None), (f" — {f.label}", None, None)]
    if len(labelled) > MAX_LABELLED:
        runs.append(("\n…", None, None))
    return runs


def any_of(names: list[str], lang: str) -> str:
    """Names as "A or B", "A, B or C": the closest release (or an answer) names none of them, which
    "A, B" read as "A and B" did not say."""
    *rest, last = names
    return f"{', '.join(rest)} {TEXTS[lang]['or']} {last}" if rest else last


def no_answer_text(reply: AskResponse, lang: str) -> str:
    """Why there is no answer, where the server says why in a way a reader can act on."""
    t, why = TEXTS[lang], reply.no_answer
    if why is None:
        return t["not_found"]
    if why.kind == "nothing_asked":
        return t["nothing_asked"]
    if why.kind == "unsupported_language" and why.script:
        return t["unsupported_language"].format(script=why.script)
    if why.kind in ("not_mentioned", "not_named") and why.names:
        return t[why.kind].format(names=any_of(why.names, lang))
    if why.kind == "other_time" and why.stated:
        return t["other_time_stated"].format(time=format_time(why.stated, lang))
    if why.kind == "other_time" and why.published:
        return t["other_time"].format(date=format_date(why.published, lang))
    return t["not_found"]


def render_reply(reply: AskResponse, lang: str, *, edited: bool = False) -> list[str]:
    """The server's reply to a question, as Telegram HTML messages."""
    t = TEXTS[lang]
    blocks: list[list[Run]] = []
    if edited:
        blocks.append([(t["edited"], "i", None)])
    if reply.answer is None:
        blocks.append([(no_answer_text(reply, lang), None, None)])
    else:
        answer = runs_from_spans(reply.answer.text, [(f.start, f.end) for f in reply.answer.figures])
        if reply.answer.unnamed:
            # The question's places (or organisations) the answer names nowhere, as the server found
            # them: its figure is mostly another place's. A line of the answer's block, not a block of
            # its own, which packing could move to the next message.
            note = t["unnamed"].format(names=any_of(reply.answer.unnamed, lang))
            answer += [("\n", None, None), (f"⚠️ {note}", "i", None)]
        blocks.append(answer)
        if figures := figure_labels(reply.answer.figures, reply.answer.figure):
            blocks.append(figures)
        if reply.answer.in_title:
            blocks.append([(t["from_title"], "i", None)])
    if reply.sources:
        sources: list[Run] = [(t["closest"] if reply.answer is None else t["sources"], "b", None)]
        for i, s in enumerate(reply.sources, 1):
            sources.append((f"\n{i}. ", None, None))
            sources.append((s.title, "a", s.url))
            meta = " · ".join(x for x in (s.ministry, format_date(s.date, lang)) if x)
            if meta:
                sources.append((f"\n    {meta}", None, None))
        blocks.append(sources)
    return pack_messages(blocks)
