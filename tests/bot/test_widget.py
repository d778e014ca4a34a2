"""The web chat widget in a real headless Chromium (Debian's, driven by Playwright) against the real app.

Pages: the demo page the app serves at `/`, and a "ministry page" on another origin (a tiny server on
another loopback port) that embeds the widget with the documented one line, so CORS is exercised and
no Content-Security-Policy of ours hides an injection. Screenshots go to docs/.
"""
from __future__ import annotations

import dataclasses
import html
import json
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from corpus.release import Release

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

SEED_HI = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?"
SEED_EN = "How many sellers from Madhya Pradesh completed their profile on GeM?"
GEM_URL = "https://pib.gov.in/PressReleasePage.aspx?PRID=2184082"
XSS = "<img src=x onerror=alert(1)>"
DOCS = Path(__file__).resolve().parents[2] / "docs"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}

expect.set_options(timeout=60_000)  # the first question warms the model up


def of_length(n: int, text: str) -> str:
    """`text` repeated to exactly n characters, ending in one that no trimming takes off."""
    return ((text + " ") * (n // len(text) + 1))[:n - 1] + "?"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- a third-party page that embeds the widget, and an API that rate-limits ------------------------

class HostPages:
    """http://127.0.0.1:PORT/embed?src=WIDGET_JS&api=API → a plain page with the one-line embed (and
    the page's own `style`, if given); POST /ask → 429 with Retry-After (CORS-enabled), to show the
    rate-limited state; POST /slow/ask → no answer until the test ends, a server that is up but slow."""

    def __init__(self):
        pages = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body=b"", ctype="text/html; charset=utf-8", extra=None):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.send_header("Access-Control-Expose-Headers", "Retry-After")
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                url = urlsplit(self.path)
                if url.path != "/embed":
                    return self._send(404, b"not found", "text/plain")
                q = {k: v[-1] for k, v in parse_qs(url.query).items()}
                attrs = f' data-api="{html.escape(q["api"])}"' if "api" in q else ""
                style = f'<style>{q["style"]}</style>' if "style" in q else ""  # CSS as given: the test's own
                page = (f'<!doctype html><html lang="{html.escape(q.get("lang", "en"))}"><head><meta charset="utf-8">'
                        '<meta name="viewport" content="width=device-width, initial-scale=1">'
                        f'<title>Ministry page</title>{style}</head><body><h1>A ministry page</h1>'
                        '<p>Some content.</p>'
                        f'<script src="{html.escape(q["src"])}"{attrs}></script></body></html>')
                self._send(200, page.encode())

            def do_OPTIONS(self):
                self._send(204, b"", "text/plain")

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith("/slow/"):
                    pages.slow_asked.set()
                    pages.slow_release.wait(120)
                    try:
                        return self._send(503, b"", "text/plain")
                    except OSError:  # the widget gave up first, as it should
                        return
                pages.rate_limited += 1
                self._send(429, json.dumps({"detail": "rate limited"}).encode(), "application/json",
                           {"Retry-After": "7"})

        self.rate_limited = 0
        self.slow_asked, self.slow_release = threading.Event(), threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def embed(self, widget_from: str, api: str | None = None, lang: str = "en", style: str | None = None) -> str:
        params = {"src": f"{widget_from}/widget.js", "lang": lang}
        if api is not None:
            params["api"] = api
        if style is not None:
            params["style"] = style
        return f"{self.url}/embed?" + httpx.QueryParams(params).__str__()


@pytest.fixture(scope="module")
def host_pages():
    pages = HostPages()
    yield pages
    pages.slow_release.set()
    pages.server.shutdown()
    pages.server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: run `make browser` (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A browser page that records dialogs and script errors, with shortcuts into the widget."""

    def __init__(self, browser, viewport=DESKTOP):
        self.context = browser.new_context(viewport=viewport, locale="en-IN")
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def w(self, selector: str):  # Playwright's CSS selectors pierce the widget's open shadow root
        return self.page.locator(", ".join(f"#vigyapti-widget {s.strip()}" for s in selector.split(",")))

    def open(self):
        self.w(".vg-launcher").click()
        expect(self.w(".vg-panel")).to_be_visible()

    def ask(self, question: str):
        n = self.w(".vg-reply, .vg-error").count()
        self.w("textarea").fill(question)
        self.w("textarea").press("Enter")
        expect(self.w(".vg-reply, .vg-error")).to_have_count(n + 1)
        return self.w(".vg-reply, .vg-error").last

    def close(self):
        self.context.close()


@pytest.fixture
def make_page(browser):
    pages = []

    def make(viewport=DESKTOP) -> Page:
        pages.append(Page(browser, viewport))
        return pages[-1]

    yield make
    for p in pages:
        p.close()


def assert_gem_answer(reply):
    expect(reply.locator("mark", has_text="86,000")).to_have_count(1)
    mark = reply.locator(".vg-answer mark", has_text="86,000")
    expect(mark).to_be_visible()
    link = reply.locator(f'.vg-card a[href="{GEM_URL}"]')
    expect(link).to_have_count(1)
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
    expect(reply.locator('.vg-card[data-release="2184082"]')).to_contain_text("30")


# -- the files and headers ----------------------------------------------------------------------------

def test_static_files_have_types_caching_and_csp(live_url):
    with httpx.Client(base_url=live_url) as c:
        for path, ctype in [("/", "text/html"), ("/widget.js", "text/javascript"), ("/widget.css", "text/css")]:
            r = c.get(path)
            assert r.status_code == 200 and r.headers["content-type"].startswith(ctype)
            assert r.headers["etag"] and r.headers["cache-control"]
            assert r.headers["x-content-type-options"] == "nosniff"
            again = c.get(path, headers={"If-None-Match": r.headers["etag"]})
            assert again.status_code == 304 and not again.content
        page = c.get("/")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert "no-cache" in page.headers["cache-control"]
        assert "max-age" in c.get("/widget.js").headers["cache-control"]
        assert '<script src="/widget.js"></script>' in page.text
        js = c.get("/widget.js").text
        assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js
        assert len(js.encode()) < 40_000


def test_ask_is_callable_from_other_origins(live_url):
    r = httpx.options(f"{live_url}/ask", headers={
        "Origin": "https://ministry.example.gov.in", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    r = httpx.post(f"{live_url}/ask", json={"question": SEED_EN, "top_k": 1},
                   headers={"Origin": "https://ministry.example.gov.in"}, timeout=60)
    assert r.headers["access-control-allow-origin"] == "*"
    assert "retry-after" in r.headers["access-control-expose-headers"].lower()


# -- the demo page, seed questions, screenshots ------------------------------------------------------

def test_seed_questions_on_the_demo_page_desktop(live_url, make_page):
    p = make_page(DESKTOP)
    p.page.goto(live_url + "/")
    expect(p.w(".vg-launcher")).to_be_visible()
    assert p.w(".vg-panel").is_hidden()
    p.open()
    expect(p.w(".vg-title")).to_have_text("Vigyapti")

    reply = p.ask(SEED_HI)
    assert_gem_answer(reply)
    # a Hindi question switches the interface to Hindi
    expect(p.w(".vg-panel")).to_have_attribute("lang", "hi")
    expect(reply.locator(".vg-sources-title")).to_have_text("स्रोत")
    expect(p.w(".vg-title")).to_have_text("विज्ञप्ति")
    expect(p.w("textarea")).to_have_attribute("placeholder", "हिंदी या अंग्रेज़ी में पूछें…")
    expect(p.w(".vg-typing")).to_have_count(0)
    expect(p.w("textarea")).to_be_focused()
    p.page.wait_for_timeout(400)  # let the smooth scroll settle
    p.page.screenshot(path=str(DOCS / "widget-desktop.png"))

    reply = p.ask(SEED_EN)
    assert_gem_answer(reply)
    expect(p.w(".vg-panel")).to_have_attribute("lang", "en")
    expect(reply.locator(".vg-sources-title")).to_have_text("Sources")
    expect(p.w(".vg-user").last).to_contain_text(SEED_EN)
    assert not p.dialogs and not p.errors


def server_sources(live_url, question) -> list[str]:
    body = httpx.post(f"{live_url}/ask", json={"question": question, "top_k": 5}, timeout=60).json()
    return [s["release_id"] for s in body["sources"]]


@pytest.mark.parametrize("question,heading", [(SEED_EN, "Sources"), ("zzzz qqqq xxxx", "Closest releases")])
def test_the_cards_are_the_sources_the_server_chose(live_url, make_page, question, heading):
    p = make_page(DESKTOP)
    p.page.goto(live_url + "/")
    p.open()
    reply = p.ask(question)
    expect(reply.locator(".vg-sources-title")).to_have_text(heading)
    shown = reply.locator(".vg-card").evaluate_all("cards => cards.map(c => c.dataset.release)")
    assert shown == server_sources(live_url, question)


@pytest.mark.parametrize("question,said", [
    ("How many sellers in Rajasthan completed their profile on GeM?",
     "The closest release does not mention Rajasthan, so I cannot answer this."),
    ("How many sellers in Rajasthan and Kerala completed their profile on GeM?",
     "The closest release does not mention Rajasthan or Kerala, so I cannot answer this."),
    ("राजस्थान और केरल के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?",
     "सबसे निकट की विज्ञप्ति में राजस्थान या केरल का उल्लेख नहीं है, इसलिए मैं इसका उत्तर नहीं दे सकता।"),
    ("How many sellers from Madhya Pradesh had completed their profile on GeM in March 2018?",
     "The closest release was published on 30 Oct 2025; it is not about the time you asked about."),
    ("why?", "Please ask about a scheme, a place or a figure, with its time if it matters."),
])
def test_a_question_without_an_answer_is_told_why(live_url, make_page, question, said):
    p = make_page(DESKTOP)
    p.page.goto(live_url + "/")
    p.open()
    reply = p.ask(question)
    expect(reply.locator("p").first).to_have_text(said)
    assert not p.dialogs and not p.errors


@pytest.mark.parametrize("question,unnamed,said", [
    ("How many ASHAs are available in Assam?", ["Assam"],  # answered with the national 9.70 lakh
     "This answer does not name Assam: its figure may be for another place."),
    ("दिल्ली में कोविड-19 के कितने पुष्ट मामले सामने आए हैं?", ["दिल्ली"],  # answered with the nation's cured
     "इस उत्तर में दिल्ली का नाम नहीं है: इसका आँकड़ा किसी और जगह का हो सकता है।"),
], ids=["en", "hi"])
def test_an_answer_that_does_not_name_the_asked_place_says_so_under_it(live_url, make_page, question, unnamed, said):
    body = httpx.post(f"{live_url}/ask", json={"question": question, "top_k": 5}, timeout=60).json()
    assert body["answer"]["unnamed"] == unnamed  # the server decides; the widget says it
    p = make_page()
    p.page.goto(live_url + "/")
    p.open()
    reply = p.ask(question)
    note = reply.locator(".vg-answer + .vg-unnamed")  # right under the sentence
    expect(note).to_have_text(said)
    expect(note).to_be_visible()
    # read with the answer: part of the reply the log announces, hidden from no one
    assert note.evaluate("n => !n.closest('[aria-hidden=true]') && !!n.closest('[role=log]')")
    reply = p.ask(SEED_EN)  # its sentence names Madhya Pradesh: nothing to say
    assert_gem_answer(reply)
    expect(reply.locator(".vg-unnamed")).to_have_count(0)
    assert not p.errors


def test_three_names_a_release_lacks_read_as_one_or_another(live_url, make_page):
    """The corpus has no question whose closest release lacks three names: the server's reply to one
    lacking two gets a third added on its way to the page."""
    p = make_page()

    def third_name(route):
        response = route.fetch()
        body = response.json()
        body["no_answer"]["names"].append("Goa")
        route.fulfill(response=response, json=body)

    p.page.route(f"{live_url}/ask", third_name)
    p.page.goto(live_url + "/")
    p.open()
    reply = p.ask("How many sellers in Rajasthan and Kerala completed their profile on GeM?")
    expect(reply.locator("p").first).to_have_text(
        "The closest release does not mention Rajasthan, Kerala or Goa, so I cannot answer this.")


def test_a_question_in_another_script_is_told_so_and_cites_no_release(live_url, make_page):
    p = make_page(DESKTOP)
    p.page.goto(live_url + "/")
    p.open()
    reply = p.ask("தமிழ்நாட்டில் எத்தனை விற்பனையாளர்கள் ஜெம்மில் பதிவு செய்துள்ளனர்?")
    expect(reply).to_have_text("Your question is written in Tamil script. I answer questions in Hindi and English "
                               "only: please ask in one of them.")
    expect(reply.locator(".vg-card")).to_have_count(0)
    assert not p.dialogs and not p.errors


def test_seed_question_on_a_phone(live_url, make_page):
    p = make_page(MOBILE)
    p.page.goto(live_url + "/")
    p.open()
    reply = p.ask(SEED_HI)
    assert_gem_answer(reply)
    # The panel lives in the widget's shadow root, where document.getAnimations() does not look.
    p.w(".vg-panel").evaluate("el => Promise.all(el.getAnimations().map(a => a.finished))")
    box = p.w(".vg-panel").bounding_box()  # the whole screen, now that its opening animation is over
    assert box["x"] == 0 and box["width"] >= MOBILE["width"] - 20 and box["height"] >= MOBILE["height"] - 1
    assert reply.bounding_box()["width"] <= MOBILE["width"]
    scroll_width = p.page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= MOBILE["width"]  # nothing sticks out sideways
    p.page.wait_for_timeout(400)
    p.page.screenshot(path=str(DOCS / "widget-mobile.png"))
    assert not p.dialogs and not p.errors


def test_page_buttons_open_and_ask(live_url, make_page):
    p = make_page()
    p.page.goto(live_url + "/")
    p.page.get_by_role("button", name="Ask in English").click()
    expect(p.w(".vg-panel")).to_be_visible()
    expect(p.w(".vg-reply")).to_have_count(1)
    assert_gem_answer(p.w(".vg-reply"))


def test_questions_asked_while_one_is_answered_are_answered_in_turn(live_url, make_page):
    p = make_page()
    p.page.goto(live_url + "/")
    # One task: the second and third clicks come while the first question is still at the server.
    # The English button twice, as a double click: asked once.
    p.page.evaluate("""() => {
        const [hindi, english] = document.querySelectorAll("[data-vigyapti-ask]");
        hindi.click(); english.click(); english.click();
    }""")
    expect(p.w(".vg-reply")).to_have_count(2)
    assert_gem_answer(p.w(".vg-reply").first)
    assert_gem_answer(p.w(".vg-reply").last)
    p.page.wait_for_timeout(500)  # a third answer would have come by now
    order = p.w(".vg-log > *").evaluate_all(
        "nodes => nodes.slice(1).map(n => n.classList.contains('vg-user') ? 'Q:' + n.lang : n.className)")
    assert order == ["Q:hi", "vg-msg vg-bot vg-reply", "Q:en", "vg-msg vg-bot vg-reply"]
    expect(p.w(".vg-reply").first.locator(".vg-sources-title")).to_have_text("स्रोत")
    expect(p.w(".vg-reply").last.locator(".vg-sources-title")).to_have_text("Sources")
    assert not p.errors


QUEUED = "Queued: it will be asked in turn."
QUEUED_HI = "कतार में: बारी आने पर पूछा जाएगा।"
FIRST = "How many sellers are registered on GeM?"


def first_held(make_page, live_url) -> tuple[Page, list, list]:
    """The demo page, open, with FIRST typed and sent, and held at the server's door (`held`, for the
    test to let in or fail); later questions pass. `sent` lists every question asked, in order."""
    p = make_page()
    held, sent = [], []

    def ask_route(route):
        sent.append(json.loads(route.request.post_data)["question"])
        held.append(route) if len(sent) == 1 else route.continue_()

    p.page.route(f"{live_url}/ask", ask_route)
    p.page.goto(live_url + "/")
    p.open()
    p.w("textarea").fill(FIRST)
    p.w("textarea").press("Enter")
    expect(p.w(".vg-typing")).to_have_count(1)
    return p, held, sent


def test_a_queued_question_shows_at_once_marked_waiting_and_is_answered_in_turn(live_url, make_page):
    """A chip or the page asks while a question is at the server: its question shows at once in the
    conversation, marked as waiting (in the interface's language, also said to the status region), and
    is asked and answered in place, in order, when the one before it has its reply. The same question
    again, waiting or being answered, is not queued twice."""
    p, held, sent = first_held(make_page, live_url)

    chip = p.w(".vg-chip").filter(has_text=SEED_EN)
    chip.click()
    queued = p.w(".vg-user.vg-queued")
    expect(queued).to_have_count(1)
    expect(queued).to_be_visible()
    expect(queued).to_contain_text(SEED_EN)
    expect(queued.locator(".vg-queued-mark")).to_have_text(QUEUED)
    expect(p.w("[role=log] .vg-queued-mark")).to_be_visible()  # inside the live log, read with its question
    expect(p.w("[role=status]")).to_have_text(QUEUED)
    chip.click()  # clicked again while it waits: queued once
    p.page.evaluate("q => Vigyapti.ask(q)", FIRST)  # the question being answered: not again
    p.page.evaluate("q => Vigyapti.ask(q)", SEED_HI)  # from the page: waits behind the chip's
    expect(queued).to_have_count(2)
    p.page.wait_for_timeout(300)
    assert sent == [FIRST] and len(held) == 1
    assert p.w(".vg-user").evaluate_all(
        "ns => ns.map(n => n.lang + (n.classList.contains('vg-queued') ? ' queued' : ''))") == [
        "en", "en queued", "hi queued"]
    p.w(".vg-lang").click()  # the mark follows the interface's language
    expect(queued.locator(".vg-queued-mark")).to_have_text([QUEUED_HI, QUEUED_HI])
    p.w(".vg-lang").click()
    expect(queued.locator(".vg-queued-mark")).to_have_text([QUEUED, QUEUED])

    held[0].continue_()
    expect(p.w(".vg-reply")).to_have_count(3)
    expect(queued).to_have_count(0)
    expect(p.w(".vg-queued-mark")).to_have_count(0)
    assert sent == [FIRST, SEED_EN, SEED_HI]
    assert conversation(p) == ["vg-user", "vg-reply"] * 3  # each reply under its question
    assert_gem_answer(p.w(".vg-reply").nth(1))
    assert_gem_answer(p.w(".vg-reply").nth(2))
    expect(p.w(".vg-reply").nth(1).locator(".vg-sources-title")).to_have_text("Sources")
    expect(p.w(".vg-reply").nth(2).locator(".vg-sources-title")).to_have_text("स्रोत")
    assert not p.errors


@pytest.mark.parametrize("failure", ["down", "rate"])
def test_a_question_queued_behind_a_failure_is_still_asked_in_turn(live_url, make_page, failure):
    """The question before it fails: a queued question is asked all the same, under its own bubble,
    at once after an unreachable service, after the pause a 429 asks for (marked waiting until then);
    the failure keeps its "Try again"."""
    p, held, sent = first_held(make_page, live_url)
    p.w(".vg-chip").filter(has_text=SEED_EN).click()
    queued = p.w(".vg-user.vg-queued")
    expect(queued).to_have_count(1)

    if failure == "down":
        held[0].abort("connectionrefused")
    else:
        held[0].fulfill(status=429, headers={"Retry-After": "2"}, json={"detail": "rate limited"})
    expect(p.w(".vg-error")).to_have_attribute("data-error", failure)
    if failure == "rate":
        expect(queued.locator(".vg-queued-mark")).to_have_text(QUEUED)  # waits out the pause
        p.page.wait_for_timeout(1000)
        assert sent == [FIRST]
    expect(p.w(".vg-reply")).to_have_count(1)
    expect(queued).to_have_count(0)
    assert sent == [FIRST, SEED_EN]
    assert conversation(p) == ["vg-user", "vg-error", "vg-user", "vg-reply"]
    assert_gem_answer(p.w(".vg-reply"))
    expect(p.w(".vg-error .vg-retry")).to_be_enabled()
    assert not p.errors


def test_an_over_long_question_is_neither_cut_nor_sent(live_url, make_page):
    from bot.schemas import AskRequest

    limit = AskRequest.model_json_schema()["properties"]["question"]["maxLength"]  # the server's, written into widget.js
    p = make_page()
    asked: list[str] = []
    p.page.on("request", lambda r: asked.append(r.post_data) if r.url.endswith("/ask") else None)
    p.page.goto(live_url + "/")
    p.open()
    box, count = p.w("textarea"), p.w(".vg-count")
    expect(box).to_have_accessible_description("")  # empty: nothing to count, nothing read out
    box.fill(of_length(limit - 101, SEED_EN))
    expect(count).to_be_hidden()  # far from the limit: nothing to count
    expect(box).to_have_accessible_description("")
    box.fill(of_length(limit - 50, SEED_EN))
    expect(count).to_have_text(f"{limit - 50:,} of {limit:,} characters")
    expect(box).to_have_accessible_description(f"{limit - 50:,} of {limit:,} characters")
    box.fill(of_length(limit - 101, SEED_EN))
    expect(box).to_have_accessible_description("")  # shortened: the count is hidden and not read out again
    box.fill(of_length(limit - 50, SEED_EN))
    box.fill("a" * (limit - 1) + "🙂")  # two UTF-16 units, one character as the server counts
    expect(count).to_have_text(f"{limit:,} of {limit:,} characters")
    expect(box).not_to_have_attribute("aria-invalid", "true")

    long_en = of_length(1408, SEED_EN)
    box.fill(long_en)
    told = f"Your question is too long (1,408 characters; at most {limit:,}). Please shorten it."
    expect(count).to_have_text(told)
    expect(box).to_have_attribute("aria-invalid", "true")
    box.press("Enter")
    expect(p.w("[role=status]")).to_have_text(told)
    assert box.input_value() == long_en  # kept whole, to be shortened
    # in the interface's language, which follows the question's
    box.fill(of_length(1408, SEED_HI))
    box.press("Enter")
    expect(count).to_have_text(f"आपका प्रश्न बहुत लंबा है (1,408 अक्षर; अधिकतम {limit:,})। कृपया इसे छोटा करें।")
    # asked from the page: said in the conversation, not asked
    p.page.evaluate("q => Vigyapti.ask(q)", long_en)
    expect(p.w(".vg-error")).to_have_attribute("data-error", "long")
    expect(p.w(".vg-error")).to_have_text(told)
    expect(p.w(".vg-user")).to_have_count(0)
    assert asked == []

    reply = p.ask(SEED_EN)  # shortened, it is asked
    assert_gem_answer(reply)
    expect(count).to_be_hidden()
    assert len(asked) == 1 and json.loads(asked[0])["question"] == SEED_EN
    assert not p.errors


# -- embedded in another site: one line, CORS, injection ----------------------------------------------

def test_one_line_embed_on_another_origin(live_url, host_pages, make_page):
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=live_url, lang="hi"))
    expect(p.w(".vg-launcher")).to_contain_text("विज्ञप्ति से पूछें")  # the page's lang="hi"
    p.open()
    assert_gem_answer(p.ask(SEED_EN))
    assert not p.dialogs and not p.errors


TYPOGRAPHY = ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "wordSpacing", "color",
              "textTransform", "textAlign", "fontStyle"]


def widget_typography(p: Page) -> dict:
    p.open()
    return {sel: p.w(sel).first.evaluate("(e, props) => props.map(k => getComputedStyle(e)[k])", TYPOGRAPHY)
            for sel in (".vg-title", ".vg-subtitle", ".vg-welcome p", ".vg-chip", ".vg-input", ".vg-foot", ".vg-close")}


@pytest.mark.parametrize("rule", [
    pytest.param("*{font-family:Georgia;line-height:1.9;letter-spacing:.5px;color:#444}", id="everything"),
    pytest.param("*{line-height:3}", id="line-height"),
    pytest.param("#vigyapti-widget{font:italic 700 22px/2 Georgia;word-spacing:9px;text-transform:uppercase;"
                 "text-align:right}", id="the-host-element"),
])
def test_host_page_styles_do_not_reach_into_the_widget(live_url, host_pages, make_page, rule):
    """Inherited properties flow from the host element into a shadow root: a page's rule for it
    outranks the widget's :host."""
    def host_element(p: Page) -> list:  # what the page's rule sets on the element the widget lives in
        return p.page.locator("#vigyapti-widget").evaluate("(e, props) => props.map(k => getComputedStyle(e)[k])",
                                                            TYPOGRAPHY)

    plain_page, hostile = make_page(), make_page()
    plain_page.page.goto(host_pages.embed(live_url, api=live_url))
    hostile.page.goto(host_pages.embed(live_url, api=live_url, style=rule))
    plain = widget_typography(plain_page)
    assert host_element(hostile) != host_element(plain_page)  # the rule applies to the page
    assert widget_typography(hostile) == plain
    assert plain[".vg-title"][0].startswith("system-ui")  # the widget's own font


def test_hostile_question_renders_as_text(live_url, host_pages, make_page):
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=live_url))
    p.open()
    p.ask(XSS)
    expect(p.w(".vg-user").last).to_contain_text(XSS)
    p.page.wait_for_timeout(300)
    assert p.dialogs == []
    assert p.page.locator("img").count() == 0 and p.w("img").count() == 0
    assert not p.errors


@pytest.fixture(scope="module")
def scratch_api(settings, embedder, serve_app, tmp_path_factory):
    """A scratch service over its own index of the given releases, served: its URL."""
    from bot.api import create_app
    from bot.service import Service

    made = []

    def serve(name: str, releases, **search) -> str:
        """`search`: changes to the service's search settings (index/search/settings.py, SearchSettings)."""
        svc = Service(settings.model_copy(update={"index_dir": tmp_path_factory.mktemp(name) / "index"}),
                      embedder=embedder)
        made.append(svc)
        svc.ingest(releases)
        svc.searcher.settings = dataclasses.replace(svc.searcher.settings, **search)
        return serve_app(create_app(svc))

    yield serve
    for svc in made:
        svc.close()


@pytest.fixture(scope="module")
def hostile_api(scratch_api):
    """A scratch service whose one release carries markup in its title, text, ministry and URL."""
    text = (f"Vigyapti scratch notice {XSS}. The widget test ministry registered 86,000 test sellers "
            f"<script>alert(2)</script> on its portal this year. \"Quotes\" & ampersands stay text.")
    return scratch_api("hostile", [Release(release_id="990001", lang="en", title=f"Scratch notice {XSS}", text=text,
                                           ministry=f"Ministry of {XSS}", date="2025-01-15", url="javascript:alert(3)")])


def test_hostile_release_renders_as_text(live_url, host_pages, hostile_api, make_page):
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=hostile_api))
    p.open()
    reply = p.ask("How many test sellers did the widget test ministry register on its portal?")
    expect(reply.locator(".vg-card-title")).to_contain_text(f"Scratch notice {XSS}")
    expect(reply.locator(".vg-meta")).to_contain_text(f"Ministry of {XSS}")
    expect(reply.locator(".vg-answer, p").first).to_contain_text("86,000")
    # a javascript: URL is never used as a link; the release's PIB page is
    links = [reply.locator("a").nth(i).get_attribute("href") for i in range(reply.locator("a").count())]
    assert links and all(h.startswith("https://pib.gov.in/") for h in links), links
    p.page.wait_for_timeout(300)
    assert p.dialogs == []
    assert p.w("img").count() == 0 and p.w("script").count() == 0 and p.page.locator("img").count() == 0
    assert not p.errors


LONG_TITLE = ("Cabinet approves the continuation of the Widget Test Scheme for the registration of test sellers, test "
              "buyers and test service providers on the widget test portal across all States and Union Territories "
              "for the period 2026-27 to 2030-31 with a total outlay of Rs 4,500 crore")


@pytest.fixture(scope="module")
def long_title_api(scratch_api):
    """A scratch service whose one release has a title longer than a card's three lines."""
    text = "The widget test ministry registered 72,000 test sellers on its widget test portal this year."
    return scratch_api("long-title", [Release(release_id="990006", lang="en", title=LONG_TITLE, text=text,
                                              ministry="Ministry of Widget Tests", date="2026-08-12")])


def test_a_long_release_title_is_whole_in_its_links_tooltip(live_url, host_pages, long_title_api, make_page):
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=long_title_api))
    p.open()
    reply = p.ask("How many test sellers did the widget test ministry register on its portal?")
    link = reply.locator("a.vg-card-title")
    assert link.evaluate("e => e.scrollHeight > e.clientHeight")  # the card shows three lines of it
    expect(link).to_have_attribute("title", f"{LONG_TITLE} — Open release on pib.gov.in (new tab)")
    expect(link).to_have_accessible_name(re.compile("^" + re.escape(LONG_TITLE)))
    assert not p.errors


LONG_ANSWER = ("The widget test ministry registered 64,000 test sellers on its widget test portal this year, drawn "
               "from the handloom weavers of the eastern States, the artisans of the hill districts, the self-help "
               "groups of the southern coast, the dairy cooperatives of the western plains, the bamboo craftsmen of "
               "the north-east, the spice growers of the Western Ghats, the fishing communities of the islands and "
               "the small manufacturers of the industrial corridors, each of whom completed a profile with bank "
               "details, a product catalogue and a verified address before the end of the financial year.")


@pytest.fixture(scope="module")
def long_answer_api(scratch_api):
    """A scratch service whose one release answers in a sentence longer than the widget shows at first."""
    return scratch_api("long-answer", [Release(release_id="990007", lang="en", date="2026-08-12",
                                               title="Test sellers on the widget test portal",
                                               text=LONG_ANSWER + " The portal opens to buyers next year.",
                                               ministry="Ministry of Widget Tests")])


def first_line_shows(p: Page, locator) -> bool:
    """Whether the first line of what `locator` finds is inside the conversation's visible part."""
    log, box = p.w(".vg-log").bounding_box(), locator.bounding_box()
    return log["y"] <= box["y"] and box["y"] + 24 <= log["y"] + log["height"]


@pytest.mark.parametrize("length", [60, 300, 900])
def test_an_answer_shows_from_its_start_after_a_question_of_any_length(live_url, host_pages, long_answer_api,
                                                                        make_page, length):
    """A 900-character question is taller than half the conversation: the view starts at the answer,
    not at the question's top with the answer below the fold. Shorter ones stay in view above it."""
    p = make_page()
    p.page.emulate_media(reduced_motion="reduce")  # the widget then scrolls at once, not smoothly
    p.page.goto(host_pages.embed(live_url, api=long_answer_api))
    p.open()
    reply = p.ask(of_length(length, "How many test sellers did the widget test ministry register on its portal?"))
    expect(reply.locator(".vg-more")).to_be_visible()  # the answer is long too
    assert first_line_shows(p, reply.locator(".vg-answer"))
    assert first_line_shows(p, p.w(".vg-user")) == (length < 900)
    reply.locator(".vg-more").click()
    expect(reply.locator(".vg-answer")).to_have_text(LONG_ANSWER)
    assert first_line_shows(p, reply.locator(".vg-answer"))
    assert not p.errors


@pytest.fixture(scope="module")
def table_api(scratch_api):
    """A scratch service whose one release holds a state-wise table flattened onto one line."""
    text = ("The widget test ministry completed houses for families in every State under its test scheme.\n"
            "State-wise houses completed under the widget test scheme\nS. No. State 2023-24 2024-25 2025-26 "
            "1 Kerala 20,190 21,004 22,310 2 Bihar 3,11,304 3,24,227 3,01,148 3 Goa 4,516 4,522 4,506 "
            "4 Assam 10,116 10,334 8,923")
    return scratch_api("table", [Release(release_id="990002", lang="en", title="Houses completed under the widget test scheme",
                                         text=text, ministry="Ministry of Widget Tests", date="2026-08-10")])


def test_a_table_rows_answer_lists_what_each_figure_counts_on_a_phone(live_url, host_pages, table_api, make_page):
    p = make_page(MOBILE)
    p.page.goto(host_pages.embed(live_url, api=table_api))
    p.open()
    reply = p.ask("How many houses were completed in Bihar under the widget test scheme in 2024-25?")
    expect(reply.locator(".vg-answer")).to_have_text("Bihar 3,11,304 3,24,227 3,01,148")
    # the figure that answers (`answer.figure`) is marked apart, in the sentence and first in the list
    expect(reply.locator(".vg-answer mark.vg-asked")).to_have_text("3,24,227")
    items = reply.locator(".vg-figs li")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_have_text("3,24,227 — Bihar, 2024-25")
    expect(items.nth(0).locator("mark.vg-asked")).to_be_visible()
    expect(items.nth(1)).to_have_text("3,11,304 — Bihar, 2023-24")
    assert not p.errors


@pytest.fixture(scope="module")
def headline_api(scratch_api):
    """A scratch service whose one release states its figure in its title alone."""
    text = ("The widget test ministry is making all efforts to bring tap water to every rural household under "
            "the Widget Test Mission. The estimated outlay of the Mission is Rs 3.60 lakh crore.")
    return scratch_api("headline", [Release(release_id="990003", lang="en", date="2026-08-10",
                                            title="Rs 812 crore approved for Odisha under the Widget Test Mission",
                                            text=text, ministry="Ministry of Widget Tests")])


def test_an_answer_from_the_headline_says_so(live_url, host_pages, headline_api, make_page):
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=headline_api))
    p.open()
    reply = p.ask("How much was approved for Odisha under the Widget Test Mission?")
    expect(reply.locator(".vg-answer")).to_contain_text("Rs 812 crore approved for Odisha")
    expect(reply.locator(".vg-from-title")).to_have_text("From the release's headline: its body does not state this figure.")
    reply = p.ask("What is the estimated outlay of the Widget Test Mission?")
    expect(reply.locator(".vg-answer")).to_contain_text("3.60 lakh crore")
    expect(reply.locator(".vg-from-title")).to_have_count(0)
    assert not p.errors


@pytest.fixture(scope="module")
def month_after_api(scratch_api):
    """A scratch service whose one release is a month's collection, announced on the first of the next."""
    text = ("The gross GST revenue collected in the month of February, 2020 is ₹ 1,05,366 crore of which CGST is "
            "₹ 20,569 crore, SGST is ₹ 27,348 crore, IGST is ₹ 48,503 crore and Cess is ₹ 8,947 crore.")
    return scratch_api("month-after", [Release(release_id="990004", lang="en", date="2020-03-01",
                                               title="GST Revenue collection for February, 2020", text=text,
                                               ministry="Ministry of Finance")])


@pytest.fixture(scope="module")
def year_stated_api(scratch_api):
    """A scratch service whose one release dates its figure to a financial year other than the one asked."""
    text = "In 2022-23, India's fish production was 175.45 lakh tonnes, the highest ever."
    return scratch_api("year-stated", [Release(release_id="990005", lang="en", date="2026-08-11",
                                               title="Fish production", text=text,
                                               ministry="Ministry of Fisheries, Animal Husbandry and Dairying")])


def test_a_refusal_names_a_financial_year_as_releases_write_it(live_url, host_pages, year_stated_api, make_page):
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=year_stated_api))
    p.open()
    reply = p.ask("What was India's fish production in 2019-20?")
    expect(reply.locator("p").first).to_have_text("The closest release is about 2022-23, not the time you asked about.")
    assert not p.errors


@pytest.mark.parametrize("question,said", [
    ("What was the gross GST revenue collected in March 2020?",
     "The closest release is about Feb 2020, not the time you asked about."),
    ("मार्च 2020 में सकल जीएसटी राजस्व कितना था?",
     "सबसे निकट की विज्ञप्ति फ़रवरी 2020 के बारे में है, आपके पूछे गए समय के बारे में नहीं।"),
])
def test_a_refusal_names_the_time_the_release_states_not_its_day_in_the_month_asked(
        live_url, host_pages, month_after_api, make_page, question, said):
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=month_after_api))
    p.open()
    reply = p.ask(question)
    expect(reply.locator("p").first).to_have_text(said)
    assert not p.errors


FACILITIES_EN = ("In the state of Uttar Pradesh, three food irradiation facilities have been commissioned till date "
                 "in the private sector. Irradiation extends the shelf life of food. The Ministry supports such units "
                 "under PMKSY.\nMega food parks have been sanctioned in Maharashtra and Gujarat.")
FACILITIES_HI = ("उत्तर प्रदेश राज्य में अब तक निजी क्षेत्र में तीन खाद्य विकिरण सुविधाएं शुरू की गई हैं। विकिरण से खाद्य "
                 "पदार्थों की शेल्फ लाइफ बढ़ती है। मंत्रालय पीएमकेएसवाई के तहत ऐसी इकाइयों की सहायता करता है।\n"
                 "महाराष्ट्र और गुजरात में मेगा फूड पार्क स्वीकृत किए गए हैं।")


@pytest.fixture(scope="module")
def answer_places_api(scratch_api):
    """A scratch service that withholds an answer naming none of the places the question names
    (`check_answer_places`, off as shipped): its release, in English and Hindi, gives Uttar Pradesh's
    facilities and names Maharashtra only in a later line (tests/index/search/test_searcher.py)."""
    return scratch_api("answer-places", [
        Release(release_id="990007", lang="en", date="2026-08-01", title="Food processing review", text=FACILITIES_EN,
                ministry="Ministry of Food Processing Industries"),
        Release(release_id="990007", lang="hi", date="2026-08-01", title="खाद्य प्रसंस्करण की समीक्षा",
                text=FACILITIES_HI, ministry="खाद्य प्रसंस्करण उद्योग मंत्रालय")], check_answer_places=True)


@pytest.mark.parametrize("lang,question,names,said", [
    ("en", "How many food irradiation facilities are operating in Maharashtra?", ["Maharashtra"],
     "The passage that would answer does not name Maharashtra: its figure may be for another place."),
    ("hi", "महाराष्ट्र में कितनी खाद्य विकिरण सुविधाएं चल रही हैं?", ["महाराष्ट्र"],
     "जो अंश उत्तर देता, उसमें महाराष्ट्र का नाम नहीं है; उसका आंकड़ा किसी और जगह का हो सकता है।"),
], ids=["en", "hi"])
def test_an_answer_withheld_for_not_naming_the_asked_place_says_which(
        live_url, host_pages, answer_places_api, make_page, lang, question, names, said):
    """The server withholds the answer (`no_answer` kind `not_named`); the widget says why in the
    question's language, which the interface follows, and lists the closest releases."""
    body = httpx.post(f"{answer_places_api}/ask", json={"question": question, "top_k": 5}, timeout=60).json()
    assert body["answer"] is None, body  # the server decides; the widget says it
    assert (body["no_answer"]["kind"], body["no_answer"]["names"]) == ("not_named", names)
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=answer_places_api))
    p.open()
    reply = p.ask(question)
    expect(reply).to_have_class(re.compile(r"\bvg-none\b"))
    expect(reply.locator("p").first).to_have_text(said)
    expect(reply.locator(".vg-answer")).to_have_count(0)
    expect(p.w(".vg-panel")).to_have_attribute("lang", lang)  # the interface follows the question
    expect(reply.locator(".vg-sources-title")).to_have_text({"en": "Closest releases", "hi": "सबसे निकट की विज्ञप्तियाँ"}[lang])
    shown = reply.locator(".vg-card").evaluate_all("cards => cards.map(c => c.dataset.release)")
    assert shown == [s["release_id"] for s in body["sources"]] and shown
    assert not p.errors


# -- error states ---------------------------------------------------------------------------------------

def test_service_down_shows_a_clear_error_and_retry(live_url, host_pages, make_page):
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=closed))
    p.open()
    err = p.ask(SEED_EN)
    expect(err).to_have_attribute("data-error", "down")
    expect(err).to_contain_text("cannot be reached")
    expect(err.get_by_role("button", name="Try again")).to_be_visible()
    expect(p.w(".vg-typing")).to_have_count(0)
    # in Hindi too, following the question
    err = p.ask(SEED_HI)
    expect(err).to_contain_text("सेवा से अभी संपर्क नहीं हो पा रहा है")


def test_try_again_answers_in_place_in_the_language_of_the_question(live_url, make_page):
    """A retry comes after other questions, the interface in another language by then: its reply
    takes the failed one's place under its question, in that question's language."""
    p = make_page()
    down = [True]
    p.page.route(f"{live_url}/ask", lambda route: route.abort("connectionrefused") if down[0] else route.continue_())
    p.page.goto(live_url + "/")
    p.open()
    expect(p.ask(SEED_EN)).to_have_attribute("data-error", "down")
    down[0] = False
    assert_gem_answer(p.ask(SEED_HI))
    expect(p.w(".vg-panel")).to_have_attribute("lang", "hi")

    def conversation():
        return p.w(".vg-log > *").evaluate_all("nodes => nodes.slice(1).map(n => n.className.split(' ').pop() + ':' + n.lang)")

    down[0] = True  # still down: the new failure takes the old one's place
    p.w(".vg-error .vg-retry").click()
    expect(p.w(".vg-typing")).to_have_count(0)
    assert conversation() == ["vg-user:en", "vg-error:en", "vg-user:hi", "vg-reply:hi"]
    down[0] = False
    p.w(".vg-error").get_by_role("button", name="Try again").click()
    expect(p.w(".vg-reply")).to_have_count(2)
    assert conversation() == ["vg-user:en", "vg-reply:en", "vg-user:hi", "vg-reply:hi"]
    retried = p.w(".vg-reply").first
    assert_gem_answer(retried)
    expect(retried.locator(".vg-sources-title")).to_have_text("Sources")
    expect(p.w(".vg-panel")).to_have_attribute("lang", "hi")  # the interface stays as the reader left it
    expect(p.w(".vg-user").first).to_be_in_viewport()
    assert not p.errors


def test_a_slow_server_is_told_apart_from_an_unreachable_one(live_url, host_pages, make_page):
    p = make_page()
    p.page.clock.install()  # the widget's 45 s of waiting, run in no time
    p.page.goto(host_pages.embed(live_url, api=f"{host_pages.url}/slow"))
    p.open()
    for question, said in [(SEED_EN, "This is taking longer than usual. Please try again in a moment."),
                           (SEED_HI, "इसमें सामान्य से अधिक समय लग रहा है। कृपया थोड़ी देर बाद फिर कोशिश करें।")]:
        host_pages.slow_asked.clear()
        p.w("textarea").fill(question)
        p.w("textarea").press("Enter")
        assert host_pages.slow_asked.wait(30)  # the server has the question, and holds it
        p.page.clock.run_for(44_000)
        expect(p.w(".vg-typing")).to_have_count(1)  # still waiting
        p.page.clock.run_for(2_000)
        err = p.w(".vg-error").last
        expect(err).to_have_attribute("data-error", "slow")
        expect(err.locator("p")).to_have_text(said)
        expect(err.locator(".vg-retry")).to_be_visible()
        expect(p.w(".vg-typing")).to_have_count(0)
    assert not p.errors


def test_rate_limited_says_how_long_to_wait(live_url, host_pages, make_page):
    p = make_page()
    p.page.goto(host_pages.embed(live_url, api=host_pages.url))
    p.open()
    err = p.ask(SEED_EN)
    expect(err).to_have_attribute("data-error", "rate")
    expect(err).to_contain_text("wait 7 seconds")
    expect(p.w(".vg-send")).to_be_disabled()
    expect(err.get_by_role("button", name="Try again")).to_be_disabled()
    assert host_pages.rate_limited >= 1


def conversation(p: Page) -> list[str]:
    """What the log holds after the welcome, in order: questions, replies and failures."""
    return p.w(".vg-log > *").evaluate_all(
        "nodes => nodes.slice(1).map(n => ['vg-user', 'vg-reply', 'vg-error'].find(c => n.classList.contains(c)))")


NOT_YET_BUSY = "Not yet: a question is being answered. You can try again once it has its reply."
NOT_YET_PAUSED = ("Not yet: asking is paused after many questions in a short time. "
                  "You can try again when the pause ends.")


def test_try_again_while_a_question_is_answered_is_unavailable_with_its_reason_until_the_reply(live_url, make_page):
    """Like Send, "Try again" is not offered while another question is at the server: marked
    unavailable (aria-disabled, the reason as its description and tooltip), still reached by Tab so
    the reason is heard, asking nothing when pressed; offered again, and answering in place, after."""
    p = make_page()
    mode, held, sent = ["down"], [], []

    def ask_route(route):
        sent.append(json.loads(route.request.post_data)["question"])
        if mode[0] == "down":
            route.abort("connectionrefused")
        elif mode[0] == "hold":
            held.append(route)  # at the server's door until the test lets it in
        else:
            route.continue_()

    p.page.route(f"{live_url}/ask", ask_route)
    p.page.goto(live_url + "/")
    p.open()
    expect(p.ask(SEED_EN)).to_have_attribute("data-error", "down")
    retry = p.w(".vg-error").get_by_role("button", name="Try again")
    expect(retry).to_be_enabled()

    mode[0] = "hold"
    p.w("textarea").fill("How many sellers are registered on GeM?")
    p.w("textarea").press("Enter")
    expect(p.w(".vg-typing")).to_have_count(1)
    expect(p.w(".vg-send")).to_be_disabled()
    expect(retry).to_have_attribute("aria-disabled", "true")
    expect(retry).to_be_disabled()
    expect(retry).to_have_accessible_description(NOT_YET_BUSY)
    expect(retry).to_have_attribute("title", NOT_YET_BUSY)
    p.w("textarea").focus()
    p.page.keyboard.press("Shift+Tab")  # reached from the keyboard, its reason read out
    assert p.page.evaluate(FOCUSED) == "vg-retry"
    expect(retry).to_be_focused()
    p.page.keyboard.press("Enter")
    retry.click(force=True)  # what a pointer does on the dimmed button
    p.page.wait_for_timeout(300)
    assert len(sent) == 2 and len(held) == 1  # nothing more asked
    expect(p.w(".vg-error")).to_have_count(1)
    expect(p.w(".vg-typing")).to_have_count(1)

    mode[0] = "pass"
    held[0].continue_()
    expect(p.w(".vg-reply")).to_have_count(1)
    expect(retry).to_be_enabled()
    expect(retry).not_to_have_attribute("title", re.compile("."))
    expect(retry).to_have_accessible_description("")
    retry.click()
    expect(p.w(".vg-reply")).to_have_count(2)
    order = conversation(p)
    assert order == ["vg-user", "vg-reply", "vg-user", "vg-reply"]  # answered in place, under its question
    assert_gem_answer(p.w(".vg-reply").first)
    assert sent == [SEED_EN, "How many sellers are registered on GeM?", SEED_EN]
    assert not p.errors


def test_try_again_during_a_rate_limit_pause_is_unavailable_with_its_reason_until_it_ends(
        live_url, service, serve_app, make_page):
    """The real rate limit (one question at once, one more every 5 s): while the widget waits out a
    429's Retry-After, every "Try again" (an earlier failure's too) is unavailable with its reason,
    asks nothing, and is offered again when the pause ends."""
    from ops_support import app_for

    limited = serve_app(app_for(service, ask_rate=0.2, ask_burst=1))
    httpx.post(f"{live_url}/ask", json={"question": SEED_EN, "top_k": 1}, timeout=120)  # the model warm
    p = make_page()
    down, sent = [True], []

    def ask_route(route):
        sent.append(json.loads(route.request.post_data)["question"])
        route.abort("connectionrefused") if down[0] else route.continue_()

    p.page.route(f"{limited}/ask", ask_route)
    p.page.goto(limited + "/")
    p.open()
    expect(p.ask(SEED_EN)).to_have_attribute("data-error", "down")
    earlier = p.w(".vg-error").first
    down[0] = False
    # this page's address had its one question: the next one within 5 s is a 429
    assert httpx.post(f"{limited}/ask", json={"question": "GeM sellers", "top_k": 1}, timeout=60).status_code == 200
    expect(p.ask(SEED_HI)).to_have_attribute("data-error", "rate")
    paused = p.w(".vg-error").last
    expect(paused).to_contain_text(re.compile(r"कृपया \d सेकंड रुककर"))
    expect(p.w(".vg-send")).to_be_disabled()
    for retry, why in [(earlier.locator(".vg-retry"), NOT_YET_PAUSED),
                       (paused.locator(".vg-retry"), "अभी नहीं: कम समय में बहुत से प्रश्न पूछे जाने के कारण पूछना रुका "
                                                     "हुआ है। रुकावट खत्म होने पर फिर कोशिश करें।")]:
        expect(retry).to_have_attribute("aria-disabled", "true")
        expect(retry).to_have_accessible_description(why)  # in its failure's language
    retry = earlier.locator(".vg-retry")
    p.w("textarea").focus()
    p.page.keyboard.press("Shift+Tab")
    expect(paused.locator(".vg-retry")).to_be_focused()
    p.page.keyboard.press("Shift+Tab")
    expect(retry).to_be_focused()
    p.page.keyboard.press("Enter")
    retry.click(force=True)
    p.page.wait_for_timeout(300)
    assert sent == [SEED_EN, SEED_HI]  # nothing more asked
    expect(p.w(".vg-error")).to_have_count(2)

    expect(retry).to_be_enabled(timeout=15_000)  # the pause is over
    expect(paused.locator(".vg-retry")).to_be_enabled()
    expect(p.w(".vg-send")).to_be_enabled()
    expect(retry).to_have_accessible_description("")
    retry.click()
    expect(p.w(".vg-reply")).to_have_count(1)
    order = conversation(p)
    assert order == ["vg-user", "vg-reply", "vg-user", "vg-error"]  # answered in place, under its question
    assert_gem_answer(p.w(".vg-reply"))
    assert sent == [SEED_EN, SEED_HI, SEED_EN]
    assert not p.errors


NOT_YET_BUSY_HI = "अभी नहीं: एक प्रश्न का उत्तर खोजा जा रहा है। उसका उत्तर आने के बाद फिर कोशिश करें।"


def test_enter_while_a_question_is_answered_keeps_the_question_and_says_why(live_url, make_page):
    """Enter (or Send) while another question is at the server sends nothing and says why, with
    "Try again"'s reason in the interface's language: under the box and to the status region; Send is
    marked unavailable with it (aria-disabled, title), still reached by Tab. The question stays in the
    box, and Enter asks it once the reply has come."""
    p = make_page()
    held, sent = [], []

    def ask_route(route):
        sent.append(json.loads(route.request.post_data)["question"])
        held.append(route) if len(sent) == 1 else route.continue_()  # the first at the server's door

    p.page.route(f"{live_url}/ask", ask_route)
    p.page.goto(live_url + "/")
    p.open()
    box, send, why, status = p.w("textarea"), p.w(".vg-send"), p.w(".vg-wait"), p.w("[role=status]")
    box.fill(SEED_EN)
    box.press("Enter")
    expect(p.w(".vg-typing")).to_have_count(1)
    expect(send).to_have_attribute("aria-disabled", "true")
    expect(send).to_have_accessible_description(NOT_YET_BUSY)
    expect(send).to_have_attribute("title", NOT_YET_BUSY)
    expect(why).to_be_hidden()  # nothing to say until something is not sent

    waiting = "How many sellers are registered on GeM?"
    box.fill(waiting)
    box.press("Enter")
    expect(why).to_be_visible()
    expect(why).to_have_text(NOT_YET_BUSY)
    expect(status).to_have_text(NOT_YET_BUSY)
    expect(box).to_have_value(waiting)
    p.page.keyboard.press("Tab")  # Send is reached, its reason read out; pressed, or clicked, it sends nothing
    expect(send).to_be_focused()
    p.page.keyboard.press("Enter")
    send.click(force=True)
    p.page.wait_for_timeout(300)
    assert sent == [SEED_EN] and len(held) == 1
    expect(box).to_have_value(waiting)
    expect(p.w(".vg-user")).to_have_count(1)
    p.w(".vg-lang").click()  # in the interface's language, whichever it is switched to
    expect(why).to_have_text(NOT_YET_BUSY_HI)
    expect(send).to_have_accessible_description(NOT_YET_BUSY_HI)
    p.w(".vg-lang").click()
    expect(why).to_have_text(NOT_YET_BUSY)

    held[0].continue_()
    expect(p.w(".vg-reply")).to_have_count(1)
    expect(why).to_be_hidden()
    expect(send).to_be_enabled()
    expect(send).not_to_have_attribute("title", re.compile("."))
    expect(send).to_have_accessible_description("")
    box.press("Enter")  # the question kept is asked
    expect(p.w(".vg-reply")).to_have_count(2)
    expect(box).to_have_value("")
    assert sent == [SEED_EN, waiting]
    assert conversation(p) == ["vg-user", "vg-reply", "vg-user", "vg-reply"]
    assert not p.errors


def test_enter_during_a_rate_limit_pause_keeps_the_question_and_says_why_until_it_ends(
        live_url, service, serve_app, make_page):
    """The real rate limit (one question at once, one more every 5 s): while the widget waits out a
    429's Retry-After, Enter keeps the question and says why, in the interface's language (which follows
    the question typed, as it does when one is asked); when the pause ends, it asks."""
    from ops_support import app_for

    limited = serve_app(app_for(service, ask_rate=0.2, ask_burst=1))
    httpx.post(f"{live_url}/ask", json={"question": SEED_EN, "top_k": 1}, timeout=120)  # the model warm
    p = make_page()
    sent = []

    def ask_route(route):
        sent.append(json.loads(route.request.post_data)["question"])
        route.continue_()

    p.page.route(f"{limited}/ask", ask_route)
    p.page.goto(limited + "/")
    p.open()
    box, send, why, status = p.w("textarea"), p.w(".vg-send"), p.w(".vg-wait"), p.w("[role=status]")
    # this page's address has its one question spent: the next one within 5 s is a 429
    assert httpx.post(f"{limited}/ask", json={"question": "GeM sellers", "top_k": 1}, timeout=60).status_code == 200
    expect(p.ask(SEED_HI)).to_have_attribute("data-error", "rate")
    expect(p.w(".vg-panel")).to_have_attribute("lang", "hi")
    box.fill(SEED_EN)
    box.press("Enter")
    expect(why).to_have_text(NOT_YET_PAUSED)
    expect(why).to_be_visible()
    expect(status).to_have_text(NOT_YET_PAUSED)
    expect(p.w(".vg-panel")).to_have_attribute("lang", "en")
    expect(send).to_have_attribute("aria-disabled", "true")
    expect(send).to_have_accessible_description(NOT_YET_PAUSED)
    expect(p.w(".vg-retry")).to_have_accessible_description(  # the failure's own, in its language
        "अभी नहीं: कम समय में बहुत से प्रश्न पूछे जाने के कारण पूछना रुका हुआ है। रुकावट खत्म होने पर फिर कोशिश करें।")
    expect(box).to_have_value(SEED_EN)
    p.page.wait_for_timeout(300)
    assert sent == [SEED_HI]

    expect(send).to_be_enabled(timeout=15_000)  # the pause is over
    expect(why).to_be_hidden()
    expect(status).to_have_text("")  # no longer true
    expect(send).to_have_accessible_description("")
    box.press("Enter")
    expect(p.w(".vg-reply")).to_have_count(1)
    assert_gem_answer(p.w(".vg-reply"))
    assert sent == [SEED_HI, SEED_EN]
    assert conversation(p) == ["vg-user", "vg-error", "vg-user", "vg-reply"]
    assert not p.errors


# -- keyboard, language toggle ----------------------------------------------------------------------------

def test_keyboard_open_ask_and_escape(live_url, make_page):
    p = make_page()
    p.page.goto(live_url + "/")
    launcher = p.w(".vg-launcher")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.focus()
    p.page.keyboard.press("Enter")
    expect(p.w(".vg-panel")).to_be_visible()
    expect(p.w(".vg-panel")).to_have_attribute("role", "dialog")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(p.w("textarea")).to_be_focused()
    expect(p.w(".vg-log")).to_have_attribute("aria-live", "polite")
    expect(p.w(".vg-close")).to_have_attribute("aria-label", re.compile("Close"))
    p.page.keyboard.type(SEED_EN)
    p.page.keyboard.press("Enter")
    expect(p.w(".vg-reply")).to_have_count(1)
    p.page.keyboard.press("Shift+Tab")  # focus moves within the panel
    p.page.keyboard.press("Escape")
    expect(p.w(".vg-panel")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    p.page.keyboard.press("Space")
    expect(p.w(".vg-panel")).to_be_visible()
    expect(p.w(".vg-reply")).to_have_count(1)  # the conversation is kept


FOCUSED = """() => {  // the class of what has focus in the open panel; null when focus is anywhere else
    const host = document.querySelector("#vigyapti-widget"), at = host.shadowRoot.activeElement;
    return document.activeElement === host && at && at.closest(".vg-panel") ? at.className : null;
}"""


def test_the_open_panel_is_a_modal_dialog_that_keeps_the_keyboard_in(live_url, make_page):
    p = make_page()
    p.page.goto(live_url + "/")
    p.open()
    panel = p.w(".vg-panel")
    expect(panel).to_have_attribute("role", "dialog")
    expect(panel).to_have_attribute("aria-modal", "true")
    expect(panel).to_have_accessible_name("Vigyapti")
    assert_gem_answer(p.ask(SEED_EN))  # links in the conversation to pass through too

    def tabbing(key: str, times: int) -> list:
        seen = []
        for _ in range(times):
            p.page.keyboard.press(key)
            seen.append(p.page.evaluate(FOCUSED))
        return seen

    forward, backward = tabbing("Tab", 20), tabbing("Shift+Tab", 20)
    assert None not in forward + backward, (forward, backward)
    assert {"vg-lang", "vg-close", "vg-log", "vg-chip", "vg-card-title", "vg-input", "vg-send"} <= set(forward)
    assert forward[forward.index("vg-send") + 1] == "vg-lang"  # round from the last to the first
    assert backward[backward.index("vg-lang") + 1] == "vg-send"
    p.w(".vg-title").click()  # nothing to focus there: focus stays in the panel
    assert tabbing("Shift+Tab", 1) == ["vg-send"]
    p.w(".vg-title").click()
    assert tabbing("Tab", 1) == ["vg-lang"]

    p.page.route(f"{live_url}/ask", lambda route: None)  # questions from here on wait for good
    p.w(".vg-chip[lang=hi]").focus()
    p.page.keyboard.press("Enter")  # switches the interface to Hindi, which makes the chips anew
    expect(p.w(".vg-typing")).to_have_count(1)
    assert p.page.evaluate(FOCUSED) == "vg-input"
    # Send, unavailable while a question waits, is still reached, its reason heard (as "Try again")
    assert tabbing("Tab", 2) == ["vg-send", "vg-lang"]
    expect(p.w(".vg-send")).to_have_attribute("aria-disabled", "true")
    assert tabbing("Shift+Tab", 2) == ["vg-send", "vg-input"]
    p.page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(p.w(".vg-launcher")).to_be_focused()
    assert not p.errors


def test_language_toggle(live_url, make_page):
    p = make_page()
    p.page.goto(live_url + "/")
    p.open()
    toggle = p.w(".vg-lang")
    expect(toggle).to_have_text("हिंदी")
    toggle.click()
    expect(p.w(".vg-title")).to_have_text("विज्ञप्ति")
    expect(p.w(".vg-send")).to_have_attribute("aria-label", "भेजें")
    expect(toggle).to_have_text("English")
    toggle.click()
    expect(p.w(".vg-title")).to_have_text("Vigyapti")


def test_the_api_docs_page_renders_with_no_network_but_the_service(live_url, make_page):
    """/docs is linked from the demo page; offline, a page that fetched Swagger UI from a CDN was blank."""
    p = make_page()
    elsewhere: list[tuple[str, str]] = []

    def only_the_service(route):
        if route.request.url.startswith(live_url):
            route.continue_()
        else:
            elsewhere.append((route.request.resource_type, route.request.url))
            route.abort()

    p.page.route("**/*", only_the_service)
    p.page.goto(live_url + "/docs")
    expect(p.page.locator(".opblock-summary-path", has_text="/ask").first).to_be_visible(timeout=15_000)
    assert elsewhere == [] and p.errors == []
    p.page.goto(live_url + "/redoc")
    expect(p.page.get_by_text("Vigyapti").first).to_be_visible(timeout=15_000)
    assert [kind for kind, _ in elsewhere] in ([], ["image"])  # ReDoc's "powered by" logo alone
