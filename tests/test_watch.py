"""`wirecoder watch --once` against a real HTTP server on 127.0.0.1 serving three feeds (RSS 2.0,
Atom, JSON Feed) of 50 items, a GDELT 2.0 export file, and article pages, all written for these
tests (never copied from an outlet), with every failure the watcher must name."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from wirecoder.watch import FeedError, links_of

TOWNS = ["Orikhiv", "Kupiansk", "Nikopol", "Kramatorsk", "Bakhmut", "Avdiivka", "Vuhledar", "Izium",
         "Lyman", "Kherson", "Mykolaiv", "Zaporizhzhia", "Sumy", "Marinka", "Siversk", "Kreminna",
         "Balakliia", "Chuhuiv", "Vovchansk", "Huliaipole"]  # fmt: skip


def _page(n: int) -> bytes:
    town = TOWNS[n % len(TOWNS)]
    day = 1 + n % 28
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Report {n}: {town}</title>
<meta property="article:published_time" content="2023-05-{day:02d}T08:00:00Z"></head><body><article>
<h1>Report {n}: shelling in {town}</h1>
<p>Russian artillery shelled {town} on the night of May {day}, damaging {n + 2} houses and a school,
the regional governor said on Telegram in report number {n}.</p>
<p>Emergency crews worked through the morning to clear the debris in {town}, officials said.</p>
</article></body></html>""".encode()


GOOD = 46  # /a/0.html .. /a/45.html
FAILING = {"/a/gone.html": "HTTP 404", "/a/loop": "redirect loop", "/a/report.pdf": "not an HTML page",
           "/a/slow.html": "timed out"}  # fmt: skip


def _feed_items() -> list[str]:
    """50 item paths across the three feeds: the good pages, the failing ones, and a page whose
    text is the same as /a/0.html under another URL."""
    return [f"/a/{n}.html" for n in range(GOOD)] + list(FAILING)


def _rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>t</title><link>{base}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def _atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>t</title><id>{base}{p}</id><link href="{base}{p}"/><updated>2023-05-01T00:00:00Z</updated></entry>'
        for p in paths
    )
    return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Paper</title>'
            f"<id>{base}/atom</id><updated>2023-05-01T00:00:00Z</updated>{entries}</feed>").encode()  # fmt: skip


def _json_feed(base: str, paths: list[str]) -> bytes:
    items = [{"id": p, "url": f"{base}{p}", "title": "t"} for p in paths]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Radio", "items": items}).encode()


def _gdelt(base: str, paths: list[str]) -> bytes:
    rows = ["\t".join([str(1000 + i)] + [""] * 59 + [f"{base}{p}"]) for i, p in enumerate(paths)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("20230501000000.export.CSV", "\n".join(rows) + "\n")
    return buf.getvalue()


class _Site(BaseHTTPRequestHandler):
    requests: ClassVar[Counter[str]] = Counter()
    not_modified: ClassVar[Counter[str]] = Counter()

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except BrokenPipeError:
            pass  # the watcher gave up waiting (the slow page)

    def do_GET(self) -> None:  # http.server's method name
        base = f"http://{self.headers['Host']}"
        path = self.path
        type(self).requests[path] += 1
        items = _feed_items()
        feeds = {
            "/rss.xml": (lambda: _rss(base, items[:20]), "application/rss+xml"),
            "/atom.xml": (lambda: _atom(base, items[20:35]), "application/atom+xml"),
            "/feed.json": (lambda: _json_feed(base, [*items[35:], "/a/copy.html", "/private/secret.html"]),
                           "application/feed+json"),
            "/gdelt/20230501000000.export.CSV.zip": (lambda: _gdelt(base, ["/a/0.html", "/a/46.html"]),
                                                      "application/zip"),
        }  # fmt: skip
        if path in feeds:
            etag = f'"{path}-v1"'
            if self.headers.get("If-None-Match") == etag:
                type(self).not_modified[path] += 1
                self._send(304)
                return
            make, kind = feeds[path]
            self._send(200, make(), kind, ETag=etag)
        elif path == "/gdeltv2/lastupdate.txt":
            # GDELT's list of its newest files; the second poll sees a newer export file
            stamp = "20230501000000" if type(self).requests[path] == 1 else "20230501001500"
            body = (f"100 abc {base}/gdeltv2/{stamp}.export.CSV.zip\n"
                    f"90 def {base}/gdeltv2/{stamp}.mentions.CSV.zip\n").encode()  # fmt: skip
            self._send(200, body, "text/plain")
        elif path.startswith("/gdeltv2/") and path.endswith(".export.CSV.zip"):
            pages = ["/a/40.html", "/a/47.html"] if "001500" in path else ["/a/40.html"]
            self._send(200, _gdelt(base, pages), "application/zip")
        elif path == "/broken.xml":
            self._send(200, b"<rss><channel><title>cut off", "application/rss+xml")
        elif path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path.startswith("/a/") and path.endswith(".html") and path[3:-5].isdigit():
            self._send(200, _page(int(path[3:-5])))
        elif path == "/a/copy.html":
            self._send(200, _page(0))  # the same text as /a/0.html
        elif path == "/a/loop":
            self._send(302, Location="/a/loop-2")
        elif path == "/a/loop-2":
            self._send(302, Location="/a/loop")
        elif path == "/a/report.pdf":
            self._send(200, b"%PDF-1.4", "application/pdf")
        elif path == "/a/slow.html":
            time.sleep(3)
            self._send(200, _page(1))
        else:
            self._send(404, b"<h1>Not found</h1>")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _watch(feeds: Path, db: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "wirecoder.cli", "watch", str(feeds), "--once", "--db", str(db),
           "--per-host-delay", "0"]  # fmt: skip
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "WIRECODER_FETCH_TIMEOUT": "1"})  # fmt: skip


def test_two_polls_store_each_article_once_and_name_every_failure(site: str, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(
        f"# three feeds of 50 items, a GDELT export file, a broken feed\n{site}/rss.xml\n{site}/atom.xml\n"
        f"{site}/feed.json\n{site}/gdelt/20230501000000.export.CSV.zip\n{site}/broken.xml\n{site}/no-such-feed.xml\n"
    )
    db = tmp_path / "watch.db"
    first = _watch(feeds, db)
    assert first.returncode == 1, first.stderr  # something failed
    assert "Traceback" not in first.stderr
    errors = [line for line in first.stderr.splitlines() if line.startswith("wirecoder: error:")]
    for path, problem in FAILING.items():
        assert any(f"{site}{path}" in e and problem in e for e in errors), (path, errors)
    assert any(f"{site}/broken.xml" in e for e in errors), errors
    assert any(f"{site}/no-such-feed.xml" in e and "HTTP 404" in e for e in errors), errors
    assert any(f"{site}/private/secret.html" in line and "robots.txt" in line for line in first.stderr.splitlines())
    assert _Site.requests["/private/secret.html"] == 0
    con = sqlite3.connect(db)
    docs = con.execute("SELECT count(*), count(DISTINCT url) FROM documents").fetchone()
    con.close()
    # 46 pages from the feeds, one more from the GDELT file; /a/copy.html repeats /a/0.html
    assert docs == (GOOD + 1, GOOD + 1)
    summary = [line for line in first.stderr.splitlines() if line.startswith("poll ")]
    assert len(summary) == 1 and f"{GOOD + 1} stored, 1 already stored" in summary[0], summary

    pages_before = sum(n for p, n in _Site.requests.items() if p.startswith("/a/") and p[3:-5].isdigit())
    second = _watch(feeds, db)
    assert "Traceback" not in second.stderr
    # every feed that sends an ETag was answered 304; no stored page was fetched again
    assert set(_Site.not_modified) == {"/rss.xml", "/atom.xml", "/feed.json", "/gdelt/20230501000000.export.CSV.zip"}
    pages_after = sum(n for p, n in _Site.requests.items() if p.startswith("/a/") and p[3:-5].isdigit())
    assert pages_after == pages_before
    assert _Site.requests["/a/slow.html"] == 2  # a page that timed out is asked again
    assert _Site.requests["/a/gone.html"] == 1  # a 404 is not
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == GOOD + 1
    states = dict(con.execute("SELECT status, count(*) FROM fetched GROUP BY status").fetchall())
    con.close()
    assert states["stored"] == GOOD + 1 and states["unchanged"] == 1
    summary = [line for line in second.stderr.splitlines() if line.startswith("poll ")]
    assert "4 not modified" in summary[0] and "1 new links" in summary[0], summary


def test_feed_formats_give_their_links() -> None:
    base = "http://example.test"
    paths = ["/a/1.html", "/a/2.html"]
    assert links_of(f"{base}/rss.xml", _rss(base, paths)) == [f"{base}{p}" for p in paths]
    assert links_of(f"{base}/atom.xml", _atom(base, paths)) == [f"{base}{p}" for p in paths]
    assert links_of(f"{base}/f.json", _json_feed(base, paths), "application/feed+json") == [f"{base}{p}" for p in paths]
    assert links_of(f"{base}/x.export.CSV.zip", _gdelt(base, paths)) == [f"{base}{p}" for p in paths]
    with pytest.raises(FeedError):
        links_of(f"{base}/broken.xml", b"<rss><channel><title>cut off")
    with pytest.raises(FeedError):
        links_of(f"{base}/f.json", b'{"items": ', "application/json")


def test_gkg_rows_give_their_web_documents() -> None:
    rows = [
        "\t".join(["20230501-1", "20230501000000", "1", "wire.test", "http://wire.test/a/1.html", "", ""]),
        "\t".join(["20230501-2", "20230501000000", "2", "print", "ISSN 1234", "", ""]),  # not the web
    ]
    assert links_of("http://x/20230501000000.gkg.csv", "\n".join(rows).encode()) == ["http://wire.test/a/1.html"]


def test_requests_to_one_host_are_paced() -> None:
    from wirecoder.watch import HostPacer

    pacer = HostPacer(0.2)
    start = time.monotonic()
    for url in ("http://a.test/1", "http://b.test/1", "http://a.test/2", "http://a.test/3"):
        pacer.wait(url)
    assert time.monotonic() - start >= 0.4  # two pauses on a.test, none for b.test


def test_a_running_watcher_polls_at_its_interval_and_stops_on_interrupt(site: str, tmp_path: Path) -> None:
    import signal

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site}/atom.xml\n")
    cmd = [sys.executable, "-m", "wirecoder.cli", "watch", str(feeds), "--interval", "1s", "--db",
           str(tmp_path / "w.db"), "--per-host-delay", "0"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "WIRECODER_FETCH_TIMEOUT": "1"})  # fmt: skip
    polls = []
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("poll "):
            polls.append(line)
            if len(polls) == 2:
                break
    proc.send_signal(signal.SIGINT)
    rest = proc.communicate(timeout=60)[1]
    assert proc.returncode == 0, rest
    assert "watch stopped" in rest and "Traceback" not in rest
    assert "(1 not modified, 0 failed), 0 new links" in polls[1], polls  # the second poll: a 304


def test_gdelt_update_list_is_followed_to_each_new_file_once(site: str, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site}/gdeltv2/lastupdate.txt\n")
    db = tmp_path / "gdelt.db"
    first, second = _watch(feeds, db), _watch(feeds, db)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert _Site.requests["/gdeltv2/20230501000000.export.CSV.zip"] == 1
    assert _Site.requests["/gdeltv2/20230501001500.export.CSV.zip"] == 1
    assert not any("mentions" in p for p in _Site.requests)  # only export and GKG files are read
    con = sqlite3.connect(db)
    urls = {u for (u,) in con.execute("SELECT url FROM documents")}
    con.close()
    assert urls == {f"{site}/a/40.html", f"{site}/a/47.html"}
