"""The PIB connector: poll the feeds or walk a range of PRIDs, fetch each release page not
yet in the index, parse it (corpus.pib_html) and ingest it through the Service.

Three parts, wired by `Syncer`:
- `PibFetcher` speaks HTTP politely: bounded concurrency, a delay between requests, timeouts,
  retries with doubling back-off on timeouts, lost connections and 5xx, a clear User-Agent.
- `SyncState` is its own SQLite file (sync.db beside the index, like the query log): per PRID
  fetched / ingested / skipped / failed with reason and attempts, per feed the last poll, per run
  what it did. A parsed release is kept there until it is ingested, so a run killed at any point
  resumes without fetching it again, and a release is marked ingested only after the index committed it.
- `SyncScheduler` runs the Syncer in a background thread of the server every VIGYAPTI_SYNC_INTERVAL
  seconds; a failing source is logged and recorded, never raised into the server.
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import httpx

from bot.settings import Settings
from corpus.pib_html import PageLayoutError, PibPage, TruncatedPageError, parse_feed, parse_release_page
from corpus.release import Release, lang_problem

log = logging.getLogger("vigyapti.sync")

USER_AGENT = "Vigyapti-sync/0.1 (bilingual question answering over PIB press releases; polite crawler)"
MAX_PAGE_BYTES = 5_000_000
INGEST_BATCH = 8  # releases per index transaction: small, so a stop loses little fetching
MAX_ATTEMPTS = 3  # runs that may retry a release that failed for a passing reason (timeout, 5xx)


# -- fetching ----------------------------------------------------------------------------------

class FetchError(Exception):
    """A request that gave no usable reply; `retryable` when a later run may succeed."""

    def __init__(self, reason: str, *, retryable: bool):
        super().__init__(reason)
        self.reason, self.retryable = reason, retryable


class PibFetcher:
    """GET pages of a PIB-shaped site, politely. Safe to call from several threads at once."""

    def __init__(self, base_url: str, *, timeout: float = 20.0, retries: int = 3, delay: float = 1.0,
                 concurrency: int = 2, backoff: float = 1.0):
        self.base_url = base_url.rstrip("/") + "/"
        self.retries, self.delay, self.backoff = retries, delay, backoff
        self._slots = threading.BoundedSemaphore(concurrency)
        self._gate = threading.Lock()
        self._next_start = 0.0
        self._client = httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT},
                                    limits=httpx.Limits(max_connections=concurrency))

    def url(self, path_or_url: str) -> str:
        return urljoin(self.base_url, path_or_url.lstrip("/")) if "://" not in path_or_url else path_or_url

    def page_url(self, prid: str) -> str:
        return self.url(f"PressReleasePage.aspx?PRID={prid}")

    def _wait_turn(self) -> None:
        with self._gate:
            now = time.monotonic()
            start = max(now, self._next_start)
            self._next_start = start + self.delay
        if start > now:
            time.sleep(start - now)

    def _get_once(self, url: str) -> str:
        with self._slots:
            self._wait_turn()
            try:
                with self._client.stream("GET", url) as resp:
                    if resp.status_code >= 500 or resp.status_code == 429:
                        raise FetchError(f"HTTP {resp.status_code}", retryable=True)
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code}", retryable=False)
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > MAX_PAGE_BYTES:
                            raise FetchError(f"page larger than {MAX_PAGE_BYTES} bytes", retryable=False)
                    return bytes(body).decode(resp.encoding or "utf-8", errors="replace")
            except httpx.TimeoutException:
                raise FetchError(f"timeout ({self._client.timeout.read:g} s)", retryable=True) from None
            except httpx.TransportError as exc:  # refused, reset, cut short
                raise FetchError(f"connection error: {type(exc).__name__}: {exc}", retryable=True) from None

    def get(self, url: str) -> str:
        """The page's text; FetchError after the last retry (the reason says what the last try got)."""
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url)
            except FetchError as exc:
                if not exc.retryable or attempt == self.retries:
                    if exc.retryable and self.retries:
                        exc.reason = f"{exc.reason} after {self.retries + 1} tries"
                    raise
                time.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self._client.close()


# -- state -------------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS releases (
    prid TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('fetched', 'ingested', 'skipped', 'failed')),
    lang TEXT, title TEXT, posted_at TEXT, office TEXT,
    reason TEXT, retryable INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
    origin TEXT, release TEXT, first_seen REAL NOT NULL, updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS releases_status ON releases (status);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, last_poll REAL NOT NULL, ok INTEGER NOT NULL, items INTEGER NOT NULL, error TEXT
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, started REAL NOT NULL, finished REAL,
    fetched INTEGER NOT NULL DEFAULT 0, ingested INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0, error TEXT
);
"""


def _release_json(release: Release) -> str:
    return json.dumps(release.to_dict(), ensure_ascii=False)


def _release_from_json(raw: str) -> Release:
    d = json.loads(raw)
    d["translations"] = tuple(tuple(t) for t in d.get("translations") or ())
    return Release(**d)


def _iso(ts: float | None) -> str | None:
    return None if ts is None else _dt.datetime.fromtimestamp(ts, _dt.timezone.utc).isoformat(timespec="seconds")


class SyncState:
    """The sync table: what happened to each PRID and feed. One writer at a time (SQLite's lock)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def _write(self, sql: str, rows: list[tuple]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(sql, rows)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def get(self, prid: str) -> sqlite3.Row | None:
        with self._lock:
            cur = self._db.execute("SELECT status, lang, reason, retryable, attempts FROM releases WHERE prid=?",
                                   (prid,))
            return cur.fetchone()

    def mark_fetched(self, page: PibPage, origin: str) -> None:
        r = page.release
        now = time.time()
        self._write(
            "INSERT INTO releases (prid, status, lang, title, posted_at, office, reason, retryable, attempts, origin, "
            "release, first_seen, updated) VALUES (?, 'fetched', ?, ?, ?, ?, NULL, 0, 0, ?, ?, ?, ?) "
            "ON CONFLICT (prid) DO UPDATE SET status='fetched', lang=excluded.lang, title=excluded.title, "
            "posted_at=excluded.posted_at, office=excluded.office, reason=NULL, retryable=0, "
            "release=excluded.release, updated=excluded.updated",
            [(r.release_id, r.lang, r.title, page.posted_at, page.office, origin, _release_json(r), now, now)])

    def mark_skipped(self, page: PibPage, origin: str, reason: str) -> None:
        r = page.release
        now = time.time()
        self._write(
            "INSERT INTO releases (prid, status, lang, title, posted_at, office, reason, origin, first_seen, updated) "
            "VALUES (?, 'skipped', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (prid) DO UPDATE SET status='skipped', "
            "lang=excluded.lang, title=excluded.title, reason=excluded.reason, updated=excluded.updated",
            [(r.release_id, r.lang, r.title, page.posted_at, page.office, reason, origin, now, now)])

    def mark_failed(self, prid: str, origin: str, reason: str, *, retryable: bool) -> None:
        now = time.time()
        self._write(
            "INSERT INTO releases (prid, status, reason, retryable, attempts, origin, first_seen, updated) "
            "VALUES (?, 'failed', ?, ?, 1, ?, ?, ?) ON CONFLICT (prid) DO UPDATE SET status='failed', "
            "reason=excluded.reason, retryable=excluded.retryable, attempts=attempts + 1, updated=excluded.updated",
            [(prid, reason, int(retryable), origin, now, now)])

    def mark_ingested(self, prids: Iterable[str], *, origin: str | None = None) -> None:
        """Mark releases ingested and drop their kept copy (the index has it now)."""
        now = time.time()
        self._write(
            "INSERT INTO releases (prid, status, origin, first_seen, updated) VALUES (?, 'ingested', ?, ?, ?) "
            "ON CONFLICT (prid) DO UPDATE SET status='ingested', reason=NULL, release=NULL, updated=excluded.updated",
            [(p, origin, now, now) for p in prids])

    def pending(self) -> list[Release]:
        """Releases fetched and parsed but not yet known to be in the index."""
        with self._lock:
            rows = self._db.execute("SELECT release FROM releases WHERE status='fetched' ORDER BY prid").fetchall()
        return [_release_from_json(r[0]) for r in rows]

    def record_feed(self, url: str, *, items: int, error: str | None) -> None:
        self._write("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?)",
                    [(url, time.time(), int(error is None), items, error)])

    def start_run(self, kind: str) -> int:
        with self._lock:
            return self._db.execute("INSERT INTO runs (kind, started) VALUES (?, ?)", (kind, time.time())).lastrowid

    def finish_run(self, run_id: int, report: "SyncReport", error: str | None = None) -> None:
        self._write("UPDATE runs SET finished=?, fetched=?, ingested=?, failed=?, skipped=?, error=? WHERE id=?",
                    [(time.time(), report.fetched, report.ingested, len(report.failures), report.skipped, error,
                      run_id)])

    def close(self) -> None:
        with self._lock:
            self._db.close()


def sync_summary(path: Path, *, failures: int = 20, feeds: bool = True, named: int = 3) -> dict | None:
    """What `vigyapti sync --status`, /health and /metrics tell; None when no sync ever ran here.
    The pages skipped come a reason (and language) at a time, most first, with their count and the first
    `named` ids. /health leaves out the feeds, failures and skipped: it is public, and they name the
    source's addresses."""
    if not Path(path).exists():
        return None
    con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, timeout=10)
    try:
        counts = dict(con.execute("SELECT status, COUNT(*) FROM releases GROUP BY status").fetchall())
        newest = con.execute("SELECT prid, posted_at FROM releases WHERE status='ingested' AND posted_at IS NOT NULL "
                             "ORDER BY posted_at DESC LIMIT 1").fetchone()
        failed = con.execute("SELECT prid, reason, attempts, retryable, origin FROM releases WHERE status='failed' "
                             "ORDER BY updated DESC LIMIT ?", (failures,)).fetchall()
        feed_rows = con.execute("SELECT url, last_poll, ok, items, error FROM feeds ORDER BY url").fetchall() if feeds else []
        last = con.execute("SELECT kind, started, finished, fetched, ingested, failed, skipped, error FROM runs "
                           "ORDER BY id DESC LIMIT 1").fetchone()
        skipped = [(lang, reason, n, [r[0] for r in con.execute(
            "SELECT prid FROM releases WHERE status='skipped' AND lang IS ? AND reason IS ? ORDER BY prid LIMIT ?",
            (lang, reason, named))]) for lang, reason, n in con.execute(
                "SELECT lang, reason, COUNT(*) FROM releases WHERE status='skipped' GROUP BY lang, reason "
                "ORDER BY COUNT(*) DESC, reason, lang").fetchall()] if feeds else []
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    newest_age = None
    if newest:
        newest_age = round(time.time() - _dt.datetime.fromisoformat(newest[1]).timestamp(), 1)
    out = {
        "releases": {s: counts.get(s, 0) for s in ("ingested", "fetched", "skipped", "failed")},
        "newest_release": {"release_id": newest[0], "posted_at": newest[1], "age_s": newest_age} if newest else None,
        "failures": [{"release_id": p, "reason": r, "attempts": a, "will_retry": bool(rt) and a < MAX_ATTEMPTS,
                      "origin": o} for p, r, a, rt, o in failed],
        "skipped": [{"lang": lang, "reason": reason, "count": n, "release_ids": ids}
                    for lang, reason, n, ids in skipped],
        "feeds": [{"url": u, "last_poll": _iso(t), "ok": bool(ok), "items": n, "error": e}
                  for u, t, ok, n, e in feed_rows],
        "last_run": None if last is None else {
            "kind": last[0], "started": _iso(last[1]), "finished": _iso(last[2]), "fetched": last[3],
            "ingested": last[4], "failed": last[5], "skipped": last[6], "error": last[7]},
    }
    if not feeds:
        del out["feeds"], out["failures"], out["skipped"]
    return out


# -- the run -----------------------------------------------------------------------------------

@dataclass
class SyncReport:
    feeds: int = 0
    feed_errors: list[str] = field(default_factory=list)
    listed: int = 0  # PRIDs named by the feeds or the range
    known: int = 0  # of those, already ingested, skipped or given up on: not fetched again
    fetched: int = 0
    ingested: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def taken(self) -> int:
        """Inputs this run could use: feeds read (one that lists nothing new was still read: a run
        where another feed failed did part of its work) and releases settled, ingested or set aside
        as another language."""
        return self.feeds - len(self.feed_errors) + self.ingested + self.skipped

    @property
    def failed(self) -> int:
        """Fetches that gave nothing usable: feeds and release pages alike."""
        return len(self.feed_errors) + len(self.failures)

    def to_dict(self) -> dict:
        return {"feeds": self.feeds, "feeds_failed": len(self.feed_errors), "feed_errors": self.feed_errors,
                "listed": self.listed, "known": self.known, "fetched": self.fetched, "ingested": self.ingested,
                "skipped": self.skipped, "releases_failed": len(self.failures),
                "failed": [{"release_id": p, "reason": r} for p, r in self.failures],
                "seconds": round(self.seconds, 2)}


def parse_prid_range(text: str, *, limit: int = 100_000) -> list[str]:
    """"2161800-2161850" or "2161803" or "2161803,2161900" → the PRIDs, in order."""
    out: list[str] = []
    for part in text.split(","):
        part = part.strip()
        lo, dash, hi = part.partition("-")
        if not lo.strip().isdigit() or (dash and not hi.strip().isdigit()):
            raise ValueError(f"not a PRID or PRID range: {part!r} (use FROM-TO, e.g. 2161800-2161850)")
        a, b = int(lo), int(hi or lo)
        if b < a:
            raise ValueError(f"empty range {part!r}: FROM is after TO")
        if len(out) + b - a + 1 > limit:
            raise ValueError(f"more than {limit} PRIDs in {text!r}: sync a smaller range at a time")
        out += [str(n) for n in range(a, b + 1)]
    return out


class Syncer:
    """One sync run over a Service: feeds (or PRIDs) → pages → releases → the index."""

    def __init__(self, service, settings: Settings | None = None, *, fetcher: PibFetcher | None = None,
                 state: SyncState | None = None):
        self.service = service
        self.settings = settings or service.settings
        s = self.settings
        self.langs = s.sync_lang_set()
        self.fetcher = fetcher or PibFetcher(s.pib_base_url, timeout=s.sync_timeout, retries=s.sync_retries,
                                             delay=s.sync_delay, concurrency=s.sync_concurrency)
        self.state = state or SyncState(s.sync_state_path())

    def close(self) -> None:
        self.fetcher.close()
        self.state.close()

    # which PRIDs to fetch

    def _in_index(self, prid: str) -> bool:
        return any(self.service.store.has_release(prid, lang) for lang in self.langs)

    def _wanted(self, prid: str, origin: str, retry_failed: bool) -> bool:
        row = self.state.get(prid)
        if row is None:
            if self._in_index(prid):  # ingested from files or POST /releases: nothing to fetch
                self.state.mark_ingested([prid], origin="index")
                return False
            return True
        status, _, _, retryable, attempts = row
        if status == "failed":
            return retry_failed or (bool(retryable) and attempts < MAX_ATTEMPTS)
        return False

    def _feed_prids(self, report: SyncReport) -> Iterator[tuple[str, str]]:
        for feed in self.settings.sync_feed_list():
            url = self.fetcher.url(feed)
            report.feeds += 1
            try:
                items = parse_feed(self.fetcher.get(url))
            except (FetchError, PageLayoutError) as exc:
                reason = getattr(exc, "reason", None) or str(exc)
                report.feed_errors.append(f"{url}: {reason}")
                self.state.record_feed(url, items=0, error=reason)
                log.warning("feed %s failed: %s", url, reason)
                continue
            self.state.record_feed(url, items=len(items), error=None)
            for item in items:
                yield item.prid, f"feed {feed}"

    # fetching and ingesting

    def _fetch(self, prid: str) -> PibPage:
        url = self.fetcher.page_url(prid)
        return parse_release_page(self.fetcher.get(url), expected_prid=prid, source=url)

    def _ingest(self, releases: list[Release], report: SyncReport) -> None:
        if not releases:
            return
        self.service.ingest(releases)  # one store transaction: each release whole or not at all
        self.state.mark_ingested([r.release_id for r in releases])
        report.ingested += len(releases)

    def run(self, prids: Iterable[str] | None = None, *, retry_failed: bool = False,
            stop: threading.Event | None = None) -> SyncReport:
        """Fetch and ingest what the feeds (or `prids`) name and the index lacks; follow language links.
        When `stop` is set, no new page is fetched; what was fetched is still ingested."""
        report = SyncReport()
        started = time.perf_counter()
        run_id = self.state.start_run("feeds" if prids is None else "prids")
        error = None
        try:
            pending = self.state.pending()  # parsed by a run that stopped before ingesting them
            done = {r.release_id for r in pending if self.service.store.has_release(r.release_id, r.lang)}
            if done:
                self.state.mark_ingested(sorted(done))
            for at in range(0, len(pending), INGEST_BATCH):
                self._ingest([r for r in pending[at:at + INGEST_BATCH] if r.release_id not in done], report)
            source = ((p, "prids") for p in prids) if prids is not None else self._feed_prids(report)
            self._fetch_all(source, report, retry_failed, stop or threading.Event())
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            raise
        finally:
            report.seconds = time.perf_counter() - started
            self.state.finish_run(run_id, report, error)
        return report

    def _settle(self, prid: str, origin: str, fetched: Future, report: SyncReport) -> PibPage | None:
        """Record what became of one fetch: the parsed page (kept until ingested), skipped, or failed."""
        try:
            page = fetched.result()
        except Exception as exc:  # noqa: BLE001 - whatever breaks on one page is that page's failure
            if isinstance(exc, FetchError):
                reason, retryable = exc.reason, exc.retryable
            elif isinstance(exc, PageLayoutError):
                reason, retryable = f"layout: {exc}", isinstance(exc, TruncatedPageError)
            else:
                reason, retryable = f"unreadable page: {type(exc).__name__}: {exc}", False
            self.state.mark_failed(prid, origin, reason, retryable=retryable)
            report.failures.append((prid, reason))
            log.info("release %s failed: %s", prid, reason)
            return None
        report.fetched += 1
        if page.release.lang in self.langs:
            self.state.mark_fetched(page, origin)
        else:
            self.state.mark_skipped(page, origin, lang_problem(page.release.lang, self.langs))
            report.skipped += 1
        return page

    def _fetch_all(self, source: Iterable[tuple[str, str]], report: SyncReport, retry_failed: bool,
                   stop: threading.Event) -> None:
        seen: set[str] = set()
        batch: list[Release] = []
        running: dict[Future, tuple[str, str]] = {}
        workers = self.settings.sync_concurrency
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pib-fetch") as pool:
            def submit(prid: str, origin: str, listed: bool) -> None:
                if prid in seen or stop.is_set():
                    return
                seen.add(prid)
                report.listed += listed
                if not self._wanted(prid, origin, retry_failed):
                    report.known += listed
                    return
                running[pool.submit(self._fetch, prid)] = (prid, origin)

            queue = iter(source)
            exhausted = False
            while True:
                while not exhausted and not stop.is_set() and len(running) < 2 * workers:  # read lazily
                    nxt = next(queue, None)
                    if nxt is None:
                        exhausted = True
                    else:
                        submit(nxt[0], nxt[1], True)
                if not running:
                    break
                finished, _ = wait(list(running), return_when=FIRST_COMPLETED)
                for fut in finished:
                    prid, origin = running.pop(fut)
                    page = self._settle(prid, origin, fut, report)
                    if page is None:
                        continue
                    if page.release.lang in self.langs:
                        batch.append(page.release)
                    for lang, other in page.release.translations:
                        if lang in self.langs:
                            submit(other, f"link from {prid}", False)
                if len(batch) >= INGEST_BATCH or (not running and batch):
                    self._ingest(batch, report)
                    batch = []
        self._ingest(batch, report)


# -- the schedule ------------------------------------------------------------------------------

class SyncScheduler:
    """Polls the feeds every `interval` seconds in a daemon thread while the server answers."""

    def __init__(self, service, settings: Settings):
        self.service, self.settings = service, settings
        self.interval = settings.sync_interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="pib-sync", daemon=True)
        self.last_report: SyncReport | None = None

    def start(self) -> "SyncScheduler":
        self._thread.start()
        return self

    def _loop(self) -> None:
        syncer = None
        while not self._stop.is_set():
            try:
                syncer = syncer or Syncer(self.service, self.settings)
                self.last_report = syncer.run(stop=self._stop)
                r = self.last_report
                log.info("sync: %d listed, %d fetched, %d ingested, %d failed", r.listed, r.fetched, r.ingested,
                         len(r.failures))
            except Exception as exc:  # noqa: BLE001 - a failing source never takes the server down
                log.error("sync run failed: %s", exc, exc_info=exc)
            self._stop.wait(self.interval)
        if syncer is not None:
            syncer.close()

    def stop(self, timeout: float = 30) -> None:
        self._stop.set()
        self._thread.join(timeout)


class SyncCollector:
    """Prometheus gauges read from the sync state when scraped (so a CLI sync shows up too)."""

    def __init__(self, path: Path):
        self.path = path

    def describe(self):
        return []

    def collect(self):
        from prometheus_client.core import GaugeMetricFamily

        summary = sync_summary(self.path, failures=0)
        if summary is None:
            return
        g = GaugeMetricFamily("vigyapti_sync_releases", "Releases the PIB sync has handled, by outcome",
                              labels=["status"])
        for status, n in summary["releases"].items():
            g.add_metric([status], n)
        yield g
        if summary["newest_release"]:
            yield GaugeMetricFamily("vigyapti_sync_newest_release_age_seconds",
                                    "Age of the newest release the sync ingested (from its Posted On time)",
                                    value=summary["newest_release"]["age_s"])


def start_sync(app, settings: Settings) -> SyncScheduler | None:
    """For the app's lifespan: sync metrics always; the schedule only when VIGYAPTI_SYNC_INTERVAL is set."""
    metrics = getattr(app.state, "metrics", None)
    if metrics is not None:
        metrics.registry.register(SyncCollector(settings.sync_state_path()))
    if not settings.sync_interval:
        return None
    return SyncScheduler(app.state.service, settings).start()
