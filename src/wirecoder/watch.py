"""`wirecoder watch`: follow RSS 2.0, Atom and JSON Feed feeds, GDELT 2.0 export and GKG files and
GDELT's list of its newest files (lastupdate.txt, every 15 minutes), fetch the articles they
point at, and ingest them, politely and without doing anything twice.

A poll asks each feed with the validators it last answered with (ETag, Last-Modified: a 304
costs nothing), takes the article links, leaves out those already fetched (the store keeps
every URL with what came of it, so a restarted watcher resumes), asks each host's robots.txt,
waits between requests to one host, fetches and extracts the rest, and stores them (an
identical text under a new URL is found unchanged). One failing feed or page is one error line
naming its URL; the poll goes on, and ends with a summary line.

Feeds are parsed by feedparser (RSS, Atom), JSON Feed by the standard library's json (feedparser
does not read it), GDELT's tab-separated files by csv: the last column of an export row is its
SOURCEURL, the fifth of a GKG row its DocumentIdentifier.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import time
import urllib.robotparser
import zipfile
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

import httpx

from wirecoder.errors import InputError
from wirecoder.ingest._fetch import USER_AGENT, FetchError, is_url, read_url

ROBOTS_AGENT = "wirecoder"
MAX_ATTEMPTS = 3  # a page that failed (timeout, server error) is asked again at this many polls
GDELT_EXPORT = (".export.csv", ".export.csv.zip")
GDELT_GKG = (".gkg.csv", ".gkg.csv.zip")
GDELT_UPDATE_LISTS = ("lastupdate.txt", "lastupdate-translation.txt")


class FeedError(Exception):
    """A feed that gave no links: malformed XML or JSON, or an unknown format."""


def read_feeds_file(text: str) -> list[str]:
    """Feed URLs, one a line; blank lines and `#` comments skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def links_of(url: str, body: bytes, content_type: str = "") -> list[str]:
    """The article links a feed lists, in its order, each once.

    Raises:
        FeedError: the body is no feed this reads.
    """
    path = urlsplit(url).path.lower()
    if is_update_list(url):
        # "size md5 URL" lines naming the newest export, mentions and GKG files
        listed = [line.split()[-1] for line in body.decode("utf-8", "replace").splitlines() if line.strip()]
        found = [u for u in listed if urlsplit(u).path.lower().endswith(GDELT_EXPORT + GDELT_GKG)]
        if not found:
            raise FeedError("a GDELT update list naming no export or GKG file")
    elif path.endswith(GDELT_EXPORT + GDELT_GKG):
        found = _gdelt_links(path, body)
    elif "json" in content_type or body.lstrip()[:1] == b"{":
        found = _json_feed_links(body)
    else:
        import feedparser

        parsed = feedparser.parse(body)
        found = [e.get("link", "") for e in parsed.entries]
        if not parsed.entries:
            problem = parsed.get("bozo_exception") if parsed.get("bozo") else "no items"
            raise FeedError(f"not a feed with items ({problem})")
    return list(dict.fromkeys(u.strip() for u in found if u and is_url(u.strip())))


def is_update_list(url: str) -> bool:
    """GDELT 2.0's list of its newest 15-minute files (lastupdate.txt, lastupdate-translation.txt):
    the files it names are polled in turn, each once."""
    return urlsplit(url).path.lower().rsplit("/", 1)[-1] in GDELT_UPDATE_LISTS


def _json_feed_links(body: bytes) -> list[str]:
    try:
        feed = json.loads(body)
    except (ValueError, RecursionError) as e:
        raise FeedError(f"malformed JSON ({e})") from None
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        raise FeedError("a JSON document without the JSON Feed `items` list")
    return [str(i.get("url") or i.get("external_url") or "") for i in items if isinstance(i, dict)]


def _gdelt_links(path: str, body: bytes) -> list[str]:
    if path.endswith(".zip"):
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                names = archive.namelist()
                body = archive.read(names[0]) if names else b""
        except zipfile.BadZipFile as e:
            raise FeedError(f"unreadable GDELT archive ({e})") from None
    rows = csv.reader(io.StringIO(body.decode("utf-8", "replace")), delimiter="\t")
    if path.endswith(GDELT_EXPORT):
        return [row[-1] for row in rows if len(row) >= 58]  # SOURCEURL, the last of 61 columns
    # GKG 2.0: DocumentIdentifier is a URL when SourceCollectionIdentifier is 1 (the web)
    return [row[4] for row in rows if len(row) > 4 and row[2] == "1"]


class Robots:
    """Each host's robots.txt, read once per watcher: a 4xx means no rules; a server error or no
    answer means none of its pages this poll (the cautious reading)."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http
        self._hosts: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._hosts:
            self._hosts[host] = self._read(host)
        rules = self._hosts[host]
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    def _read(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        rules = urllib.robotparser.RobotFileParser()
        try:
            response = self.http.get(f"{host}/robots.txt")
        except httpx.HTTPError:
            rules.parse(["User-agent: *", "Disallow: /"])
            return rules
        if response.status_code >= 500:
            rules.parse(["User-agent: *", "Disallow: /"])
            return rules
        if response.status_code >= 400:
            return None
        rules.parse(response.text.splitlines())
        return rules


class HostPacer:
    """At least `delay` seconds between two requests to one host."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self.clock = clock
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - self.clock()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = self.clock()


@dataclasses.dataclass
class PollSummary:
    feeds: int = 0
    not_modified: int = 0
    failed_feeds: int = 0
    new_links: int = 0
    stored: int = 0
    already: int = 0  # the same text was stored before, under another URL or an earlier run
    failed: int = 0
    skipped: int = 0  # robots.txt says no

    def line(self, when: dt.datetime) -> str:
        return (
            f"poll {when.isoformat(timespec='seconds')}: {self.feeds} feeds ({self.not_modified} not modified, "
            f"{self.failed_feeds} failed), {self.new_links} new links: {self.stored} stored, "
            f"{self.already} already stored, {self.skipped} disallowed by robots.txt, {self.failed} failed"
        )


class Watcher:
    """Polls feeds into a store.

    Example:
        >>> with httpx.Client() as http:
        ...     summary = Watcher(store, http=http, report=print).poll(["https://example.org/rss"])
    """

    def __init__(
        self,
        store: Any,
        *,
        http: httpx.Client,
        report: Callable[[str], None],
        per_host_delay: float = 1.0,
        max_bytes: int = 10_000_000,
        batch_size: int = 16,
        pipeline: Any = None,
    ) -> None:
        self.store = store
        self.http = http
        self.report = report
        self.max_bytes = max_bytes
        self.batch_size = batch_size
        self.robots = Robots(http)
        self.pacer = HostPacer(per_host_delay)
        self._pipeline: Any = pipeline  # loaded at the first page when None

    def poll(self, feed_urls: Iterable[str]) -> PollSummary:
        summary = PollSummary()
        links: list[str] = []
        for feed in feed_urls:
            summary.feeds += 1
            found = self._poll_feed(feed, summary) or []
            if is_update_list(feed):
                # each 15-minute file is read once: its contents never change
                for file in found:
                    if self.store.feed_status(file) != "ok":
                        summary.feeds += 1
                        links.extend(self._poll_feed(file, summary) or [])
                continue
            links.extend(found)
        # pages that failed at an earlier poll are asked again, though their feed has not changed
        links = list(dict.fromkeys(links + self.store.retry_urls(MAX_ATTEMPTS)))
        record = self.store.fetch_record(links)
        todo = [
            u for u in links
            if u not in record or (record[u][0] == "failed" and record[u][1] < MAX_ATTEMPTS)
        ]  # fmt: skip
        summary.new_links = len(todo)
        articles = []
        for url in todo:
            if not self.robots.allows(url):
                summary.skipped += 1
                self.store.record_fetch(url, status="gone", error="disallowed by robots.txt")
                self.report(f"wirecoder: skipped: {url}: disallowed by robots.txt")
                continue
            self.pacer.wait(url)
            try:
                articles.append(read_url(url, self.http, published=None, max_bytes=self.max_bytes))
                if len(articles) >= 2 * self.batch_size:  # stored as the poll goes: memory stays flat
                    self._ingest(articles, summary)
                    articles = []
            except InputError as e:
                summary.failed += 1
                again = isinstance(e, FetchError) and e.transient  # a timeout, a server error
                self.store.record_fetch(url, status="failed" if again else "gone", error=e.problem)
                self.report(f"wirecoder: error: {e}")
        if articles:
            self._ingest(articles, summary)
        return summary

    def _poll_feed(self, feed: str, summary: PollSummary) -> list[str] | None:
        etag, modified = self.store.feed_validators(feed)
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
        try:
            self.pacer.wait(feed)
            response = self.http.get(feed, headers=headers)
            if response.status_code == 304:
                summary.not_modified += 1
                self.store.save_feed_poll(feed, etag=None, last_modified=None, status="not modified", links=None)
                return None
            if response.status_code >= 400:
                raise FeedError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            if len(response.content) > self.max_bytes:
                raise FeedError(f"feed over the {self.max_bytes:,}-byte limit")
            found = links_of(str(response.url), response.content, response.headers.get("content-type", ""))
        except (FeedError, httpx.HTTPError) as e:
            summary.failed_feeds += 1
            problem = str(e) if isinstance(e, FeedError) else f"cannot fetch: {e.__class__.__name__}: {e}"
            self.store.save_feed_poll(feed, etag=None, last_modified=None, status=f"failed: {problem}", links=None)
            self.report(f"wirecoder: error: {feed}: {problem}")
            return None
        self.store.save_feed_poll(
            feed,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            status="ok",
            links=len(found),
        )
        return found

    def _ingest(self, articles: list[Any], summary: PollSummary) -> None:
        from wirecoder.links.ingest import save_linked
        from wirecoder.pipeline import Pipeline
        from wirecoder.store import SaveOutcome

        if self._pipeline is None:
            self._pipeline = Pipeline(batch_size=self.batch_size)
        for result in self._pipeline.process(articles):
            url = result.article.path
            if result.failures:
                summary.failed += 1
                problem = "; ".join(f.error for f in result.failures)
                self.store.record_fetch(url, status="failed", doc_id=result.article.doc_id, error=problem)
                self.report(f"wirecoder: error: {url}: {problem}")
                continue
            outcome = save_linked(self.store, result)
            if outcome is SaveOutcome.UNCHANGED:
                summary.already += 1
                self.store.record_fetch(url, status="unchanged", doc_id=result.article.doc_id)
            else:
                summary.stored += 1
                self.store.record_fetch(url, status="stored", doc_id=result.article.doc_id)


__all__ = ["USER_AGENT", "FeedError", "PollSummary", "Watcher", "links_of", "read_feeds_file"]
