"""A PIB-shaped site on loopback: release pages, RSS feeds and faults, over real HTTP.

Pages are the real page saved from pib.gov.in (2161803) and pages built in its very shape (the
saved page with its ministry, title, date, body, release id and language links replaced), so the
parser meets PIB's markup, not a simplification of it. Faults: 404 for unknown PRIDs, and per
PRID a 500, a reply slower than any sane timeout, a truncated page, or a page of another layout.

Run it by hand for the acceptance commands (docs/operations.md, "Keeping up with PIB"):
    python tests/bot/pib_site.py --port 8765 --feed-en 2161803
"""
from __future__ import annotations

import argparse
import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import lxml.html

SAVED_PAGE = Path(__file__).resolve().parents[3] / "shared" / "data" / "pib" / "html" / "2161803.html"
LANG_NAMES = {"en": "English", "hi": "हिन्दी", "ur": "Urdu", "mr": "Marathi"}
FEED_LANG = {"en": "1", "hi": "2"}


def feed_path(lang: str) -> str:
    return f"/RssMain.aspx?ModId=6&Lang={FEED_LANG[lang]}&Regid=3"


def saved_page() -> bytes:
    return SAVED_PAGE.read_bytes()


def build_page(prid: str, *, ministry: str, title: str, posted: str, paragraphs: list[str],
               tables: list[list[list[str]]] = (), links: dict[str, str] | None = None,
               subtitle: str = "", initials: str = "SK", posted_label: str = "Posted On:") -> bytes:
    """A release page in the shape of the saved one: its markup with these contents."""
    root = lxml.html.fromstring(saved_page())
    container = root.xpath("//div[@class='innner-page-main-about-us-content-right-part']")[0]
    container.get_element_by_id("MinistryName").text = f"\n{ministry}\n"
    container.get_element_by_id("Titleh2").text = f"\n{title}\n"
    container.get_element_by_id("ltrSubtitle").text = subtitle
    container.get_element_by_id("PrDateTime").text = f"\n{posted_label}\n{posted}\n"
    when = container.get_element_by_id("PrDateTime")
    release_id = container.get_element_by_id("ReleaseId")
    kids = list(container)
    for el in kids[kids.index(when) + 1:kids.index(release_id)]:
        container.remove(el)
    body = "".join(f"<p style=\"text-align:justify\"><span style=\"font-size:16px\">{html.escape(p)}</span></p>"
                   for p in paragraphs)
    for rows in tables:
        cells = "".join("<tr>" + "".join(f"<td><p>{html.escape(c)}</p></td>" for c in row) + "</tr>" for row in rows)
        body += f"<div class=\"table-responsive\"><table border=\"1\"><tbody>{cells}</tbody></table></div>"
    body += "<p style=\"text-align:center\"><span>*****</span></p>"
    body += f"<p style=\"text-align:justify\"><span><strong>{html.escape(initials)}</strong></span></p>"
    at = list(container).index(release_id)
    for i, el in enumerate(lxml.html.fragments_fromstring(body)):
        container.insert(at + i, el)
    release_id.text = f"(Release ID: {prid})"
    if links:
        anchors = " , ".join(f"<a href='https://pib.gov.in/PressReleasePage.aspx?PRID={p}'>{LANG_NAMES.get(l, l)}</a>"
                             for l, p in links.items())
        block = lxml.html.fragment_fromstring(f"<div class='ReleaseLang'>Read this release in: {anchors}</div>")
        container.insert(list(container).index(release_id) + 1, block)
    for form in root.iter("form"):
        form.set("action", f"./PressReleasePage.aspx?PRID={prid}")
    return lxml.html.tostring(root, encoding="utf-8", doctype=root.getroottree().docinfo.doctype)


OTHER_LAYOUT = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Press Release</title></head><body>"
                "<div class='release-wrapper'><h1>Cabinet approves a scheme</h1><div class='content'>"
                "<p>The Union Cabinet approved a scheme with an outlay of Rs 1,000 crore.</p></div></div>"
                "</body></html>").encode()


def rss(lang: str, items: list[tuple[str, str]]) -> bytes:
    """A feed in PIB's shape: items with a title and a link, no dates."""
    entries = "".join(f"<item><title>{html.escape(t)}</title>"
                      f"<link>https://pib.gov.in/PressReleasePage.aspx?PRID={p}</link></item>" for p, t in items)
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>PIB</title>"
            f"<link>https://pib.gov.in</link><description>Press releases ({lang})</description>{entries}"
            f"</channel></rss>").encode()


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    delay: float = 0.0
    content_type: str = "text/html; charset=utf-8"


@dataclass
class PibSite:
    """What the site serves; change it while it runs (the tests add releases to a feed)."""

    pages: dict[str, Route] = field(default_factory=dict)
    feeds: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: {"en": [], "hi": []})
    feed_faults: dict[str, Route] = field(default_factory=dict)  # by language: served instead of the feed
    page_delay: float = 0.0
    requests: list[str] = field(default_factory=list)
    user_agents: set[str] = field(default_factory=set)
    echo: bool = False  # print each request (when run by hand)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, prid: str, body: bytes, *, feed: str | None = None, title: str = "") -> None:
        with self.lock:
            self.pages[prid] = Route(body=body)
            if feed:
                self.feeds[feed].insert(0, (prid, title or prid))

    def fault(self, prid: str, route: Route, *, feed: str | None = "en") -> None:
        with self.lock:
            self.pages[prid] = route
            if feed:
                self.feeds[feed].insert(0, (prid, f"fault {prid}"))

    def page_fetches(self, prid: str) -> int:
        return sum(1 for r in self.requests if r.endswith(f"PRID={prid}"))

    def route(self, path: str) -> Route:
        url = urlparse(path)
        query = {k.lower(): v[0] for k, v in parse_qs(url.query).items()}
        name = url.path.rsplit("/", 1)[-1].lower()
        with self.lock:
            if name == "rssmain.aspx":
                lang = next((l for l, n in FEED_LANG.items() if n == query.get("lang")), None)
                if lang is None:
                    return Route(404, b"no such feed")
                if lang in self.feed_faults:
                    return self.feed_faults[lang]
                return Route(body=rss(lang, self.feeds.get(lang, [])), content_type="application/xml; charset=utf-8")
            if name == "pressreleasepage.aspx" and query.get("prid", "").isdigit():
                page = self.pages.get(query["prid"])
                if page is None:
                    return Route(404, b"<html><body>The page cannot be found</body></html>")
                return Route(page.status, page.body, page.delay + self.page_delay, page.content_type)
        return Route(404, b"not found")


class _Handler(BaseHTTPRequestHandler):
    site: PibSite

    def do_GET(self):  # noqa: N802 - http.server's name
        with self.site.lock:
            self.site.requests.append(self.path)
            self.site.user_agents.add(self.headers.get("User-Agent", ""))
        if self.site.echo:
            print(f"GET {self.path}  ({self.headers.get('User-Agent', '')})", flush=True)
        route = self.site.route(self.path)
        if route.delay:
            time.sleep(route.delay)
        try:
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
            pass

    def log_message(self, *args):
        pass


def serve(site: PibSite, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start the site on a loopback port in a daemon thread; returns the server and its base URL."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="pib-site", daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# -- releases in PIB's shape, for the tests ----------------------------------------------------

SEEI_HI = "2161900"  # a Hindi version of 2161803, linked both ways


def hindi_seei_page() -> bytes:
    return build_page(
        SEEI_HI, ministry="विद्युत मंत्रालय",
        title="विद्युत मंत्रालय ने राज्य ऊर्जा दक्षता सूचकांक 2024 जारी किया",
        posted="29 AUG 2025 3:10PM by PIB Delhi",
        paragraphs=["ऊर्जा दक्षता ब्यूरो ने राज्य ऊर्जा दक्षता सूचकांक 2024 जारी किया, जिसमें 36 राज्यों और "
                    "केंद्र शासित प्रदेशों के प्रदर्शन का आकलन किया गया है।",
                    "सूचकांक के छठे संस्करण में सात प्रमुख क्षेत्रों में 66 संकेतक शामिल हैं।"],
        links={"en": "2161803"}, initials="एसके/एमजी", posted_label="प्रविष्टि तिथि:")


def table_page(prid: str = "2162001") -> bytes:
    return build_page(
        prid, ministry="Ministry of Coal", title="Coal production rises in July 2025",
        posted="01 AUG 2025 5:05PM by PIB Delhi",
        paragraphs=["Coal production of the major companies in July 2025 is given below."],
        tables=[[["Company", "July 2025 (MT)", "July 2024 (MT)"], ["Coal India Limited", "53.12", "49.80"],
                 ["SCCL", "5.61", "5.40"]]])


def numbered_page(prid: str, n: int) -> bytes:
    """One of many small English releases, each with its own number to ask about."""
    return build_page(
        prid, ministry="Ministry of Rural Development", title=f"District {n} completes {100 + n} rural roads",
        posted=f"{1 + n % 28:02d} JUL 2025 11:{n % 60:02d}AM by PIB Delhi",
        paragraphs=[f"District number {n} has completed {100 + n} rural roads under PMGSY this year, "
                    f"covering {1000 + 7 * n} kilometres.",
                    f"The work employed {2000 + n} workers from {40 + n} villages."])


def main() -> None:
    p = argparse.ArgumentParser(description="Serve a PIB-shaped site on loopback")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--feed-en", default="2161803", help="comma-separated PRIDs in the English feed")
    p.add_argument("--with-faults", action="store_true",
                   help="also list the Hindi and table releases, a 404, a 500, a 5 s reply, a truncated page "
                        "and a page of another layout")
    args = p.parse_args()
    site = PibSite(echo=True)
    site.pages["2161803"] = Route(body=saved_page())
    site.feeds["en"] = [(prid, prid) for prid in args.feed_en.split(",") if prid]
    if args.with_faults:
        site.add(SEEI_HI, hindi_seei_page(), feed="hi")
        site.add("2162001", table_page("2162001"), feed="en")
        site.feeds["en"].insert(0, ("2169404", "never published"))
        site.fault("2169500", Route(500, b"<html>Server Error in '/' Application.</html>"))
        site.fault("2169501", Route(body=table_page("2169501"), delay=5.0))
        real = saved_page()
        site.fault("2169502", Route(body=real[: real.index(b'id="ReleaseId"') - 300]))
        site.fault("2169503", Route(body=OTHER_LAYOUT))
    server, url = serve(site, args.port)
    print(f"PIB-shaped site on {url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
