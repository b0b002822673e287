"""The cost of fetching: one `wirecoder watch` poll of N article pages served on 127.0.0.1, against
ingesting the same pages from files, in the same run.

Usage: python benchmarks/watch_overhead.py [--pages 1000]

The pages are short wire items written by this script (real town names, distinct dates,
figures and wording), each an HTML page with a title and a publication date. A local HTTP server
serves them and an RSS feed that lists them all; the watcher polls the feed with no pause
between requests (one host here; a real poll pauses per host). Both runs store into a fresh
SQLite file with the same pipeline, loaded before the clock starts. As the baseline in the same
run, bare spaCy (`nlp.pipe`) on the pages' extracted texts. Prints articles/s of each and the
fetch overhead as a ratio.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _common import save_results

TOWNS = ["Orikhiv", "Kupiansk", "Nikopol", "Kramatorsk", "Bakhmut", "Avdiivka", "Vuhledar", "Izium", "Lyman",
         "Kherson", "Mykolaiv", "Zaporizhzhia", "Sumy", "Marinka", "Siversk", "Kreminna", "Balakliia", "Chuhuiv",
         "Vovchansk", "Huliaipole", "Pokrovsk", "Toretsk", "Selydove", "Kurakhove", "Druzhkivka"]  # fmt: skip
WEAPONS = ["artillery", "drones", "missiles", "rocket launchers", "glide bombs"]
SOURCES = ["the regional governor said on Telegram", "local officials said", "police said in a statement",
           "the mayor told reporters", "the emergency service said"]  # fmt: skip


def page(n: int) -> bytes:
    town, weapon, source = TOWNS[n % len(TOWNS)], WEAPONS[n % 5], SOURCES[(n // 5) % 5]
    month, day = 1 + (n // 28) % 12, 1 + n % 28
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{town}: attack report {n}</title>
<meta property="article:published_time" content="2023-{month:02d}-{day:02d}T09:00:00Z"></head><body><article>
<h1>Russian {weapon} hit {town}</h1>
<p>Russian {weapon} struck {town} overnight into {day} {['January', 'February', 'March', 'April', 'May', 'June',
'July', 'August', 'September', 'October', 'November', 'December'][month - 1]}, wounding {2 + n % 9} civilians and
damaging {10 + n % 40} homes, {source}.</p>
<p>Rescue teams searched the rubble until the afternoon. Power was cut to {100 + n} households in the district,
and repair crews were expected to restore it within two days, according to the regional energy company.</p>
<p>Russia's defence ministry said its forces had hit a Ukrainian military target near {town} and denied
striking residential areas.</p>
</article></body></html>""".encode()


def serve(pages: int) -> tuple[ThreadingHTTPServer, str]:
    class Site(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # http.server's method name
            base = f"http://{self.headers['Host']}"
            status, body, kind = 404, b"", "text/plain"
            if self.path == "/feed.xml":
                items = "".join(f"<item><title>{n}</title><link>{base}/a/{n}.html</link></item>" for n in range(pages))
                body = f'<rss version="2.0"><channel><title>bench</title>{items}</channel></rss>'.encode()
                status, kind = 200, "application/rss+xml"
            elif self.path.startswith("/a/") and self.path[3:-5].isdigit():
                status, body, kind = 200, page(int(self.path[3:-5])), "text/html; charset=utf-8"
            elif self.path == "/robots.txt":
                status = 200  # no rules
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000)
    args = ap.parse_args()

    from wirecoder.ingest import read_inputs
    from wirecoder.ingest._fetch import client
    from wirecoder.links.ingest import save_linked
    from wirecoder.parse import parse_articles
    from wirecoder.pipeline import Pipeline
    from wirecoder.records import Article
    from wirecoder.store import open_store
    from wirecoder.watch import Watcher

    tmp = Path(tempfile.mkdtemp(prefix="wirecoder-watch-bench-"))
    folder = tmp / "pages"
    folder.mkdir()
    for n in range(args.pages):
        (folder / f"{n:05d}.html").write_bytes(page(n))
    pipe = Pipeline()
    _ = pipe.resources.gazetteer
    articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    pipe.process_one(articles[0])  # models, gazetteer, recognizer loaded before any clock

    t0 = time.perf_counter()
    list(parse_articles(articles, pipe.resources.nlp))
    t_spacy = time.perf_counter() - t0

    store = open_store(str(tmp / "files.db"))
    t0 = time.perf_counter()
    read = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    for result in pipe.process(read):
        save_linked(store, result)
    t_files = time.perf_counter() - t0
    store.close()

    server, base = serve(args.pages)
    store = open_store(str(tmp / "watch.db"))
    with client() as http:
        # the same loaded pipeline: the clock measures fetching, not loading
        watcher = Watcher(store, http=http, report=lambda line: None, per_host_delay=0.0, pipeline=pipe)
        t0 = time.perf_counter()
        summary = watcher.poll([f"{base}/feed.xml"])
        t_poll = time.perf_counter() - t0
    store.close()
    server.shutdown()

    n = len(articles)
    result = {
        "pages": n,
        "stored_by_poll": summary.stored,
        "spacy_articles_per_s": n / t_spacy,
        "files_articles_per_s": n / t_files,
        "poll_articles_per_s": summary.stored / t_poll,
        "poll_over_files_time": t_poll / t_files,
        "files_over_spacy_speed": t_spacy / t_files,
        "poll_over_spacy_speed": t_spacy / t_poll,
    }
    print(f"{n} pages, {summary.stored} stored by the poll ({summary.failed} failed)")
    print(f"bare spaCy           {result['spacy_articles_per_s']:7.1f} articles/s  ({t_spacy:.1f} s)")
    print(f"ingest from files    {result['files_articles_per_s']:7.1f} articles/s  ({t_files:.1f} s; "
          f"{result['files_over_spacy_speed']:.2f}x bare spaCy)")
    print(f"watch poll over HTTP {result['poll_articles_per_s']:7.1f} articles/s  ({t_poll:.1f} s; "
          f"{result['poll_over_spacy_speed']:.2f}x bare spaCy)")
    print(f"fetch overhead       the poll takes {result['poll_over_files_time']:.2f}x the time of the ingest from files")
    save_results(f"watch-overhead-{int(time.time())}", result)


if __name__ == "__main__":
    main()
