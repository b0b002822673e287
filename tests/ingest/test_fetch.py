"""`wirecoder ingest URL`: pages served by a real HTTP server on 127.0.0.1, written for these
tests (never copied from an outlet), including every failure the fetcher must name."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wirecoder.errors import InputError
from wirecoder.ingest import read_inputs
from wirecoder.records import Article

ARTICLE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Shelling damages market in Orikhiv | Test Wire</title>
<meta property="og:title" content="Shelling damages market in Orikhiv">
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2023-06-14T09:15:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Shelling damages market in Orikhiv</h1>
<p>Russian artillery shelled the central market in Orikhiv on Tuesday morning, the regional
governor said on Telegram, adding that at least three civilians were wounded.</p>
<p>Russia's defence ministry denied targeting civilian areas and said its forces had struck a
Ukrainian ammunition depot near the town.</p>
<p>Repair crews began clearing the debris on Wednesday, local officials said.</p>
</article>
<footer>Copyright Test Wire</footer>
</body></html>
"""
# Latin-1 bytes, named so only by the server's header.
LATIN1 = ARTICLE.replace('<meta charset="utf-8">', "").replace("Repair crews", "Café owners and repair crews")


class _Pages(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/article.html":
            self._send(200, ARTICLE.encode())
        elif path == "/moved":
            self._send(301, b"", Location="/article.html")
        elif path == "/latin1.html":
            self._send(200, LATIN1.encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/big.html":
            self._send(200, ARTICLE.encode() + b"<p>" + b"x" * 300_000 + b"</p>")
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4 not a page", "application/pdf")
        elif path in ("/loop-a", "/loop-b"):
            self._send(302, b"", Location="/loop-b" if path == "/loop-a" else "/loop-a")
        elif path == "/slow.html":
            time.sleep(3)
            self._send(200, ARTICLE.encode())
        else:
            self._send(404, b"<h1>Not found</h1>")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_gives_its_text_title_date_outlet_and_url(site: str) -> None:
    (article,) = read_inputs([f"{site}/moved"])
    assert isinstance(article, Article)
    assert "shelled the central market in Orikhiv" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text  # boilerplate left out
    assert article.title == "Shelling damages market in Orikhiv"
    assert article.published is not None and article.published.isoformat() == "2023-06-14"
    assert article.outlet == "Test Wire"
    assert article.url == f"{site}/article.html"  # where the redirect ended
    assert article.path == f"{site}/moved"


def test_the_charset_named_by_the_server_is_used(site: str) -> None:
    (article,) = read_inputs([f"{site}/latin1.html"])
    assert isinstance(article, Article) and "Café owners" in article.text


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        ("/missing.html", "HTTP 404"),
        ("/report.pdf", "not an HTML page (content-type application/pdf)"),
        ("/big.html", "over the 200,000-byte limit"),
        ("/loop-a", "redirect loop"),
        ("/slow.html", "timed out (1 s)"),
    ],
)
def test_a_failing_page_is_one_error_naming_its_url(site: str, page: str, problem: str) -> None:
    (error,) = read_inputs([f"{site}{page}"], max_bytes=200_000, fetch_timeout=1.0)
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{site}{page}: ") and problem in str(error), str(error)


def test_ingest_stores_the_page_and_names_each_failing_url(site: str, tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    urls = [f"{site}/article.html", f"{site}/missing.html", f"{site}/loop-a", f"{site}/report.pdf"]
    cmd = [sys.executable, "-m", "wirecoder.cli", "ingest", *urls, "--db", str(db)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "WIRECODER_FETCH_TIMEOUT": "5"})  # fmt: skip
    assert done.returncode == 1  # some inputs failed
    errors = [line for line in done.stderr.splitlines() if line.startswith("wirecoder: error:")]
    assert len(errors) == 3 and all(any(u in e for e in errors) for u in urls[1:]), done.stderr
    assert "Traceback" not in done.stderr
    con = sqlite3.connect(db)
    row = con.execute("SELECT url, title, published, outlet, text FROM documents").fetchall()
    events = con.execute("SELECT count(*) FROM events WHERE event_kind != 'generic'").fetchone()[0]
    con.close()
    assert len(row) == 1
    url, title, published, outlet, text = row[0]
    assert (url, title, published, outlet) == (f"{site}/article.html", "Shelling damages market in Orikhiv",
                                               "2023-06-14", "Test Wire")  # fmt: skip
    assert "Orikhiv" in text and events >= 1
    again = subprocess.run([*cmd[:5], "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "Traceback" not in again.stderr  # re-ingesting a URL: unchanged
