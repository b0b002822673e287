"""Latency of the HTTP API over a store of N synthetic events (default 1,000,000).

Usage:
    python benchmarks/api_latency.py [--events 1000000] [--backend sqlite|postgresql|both]
        [--postgres URL] [--requests 300] [--seed 7]

The store is filled through the store's own schema (migrations, triggers, indexes) with events
at real towns of Ukraine and its neighbours over three years, six ACLED types, four statuses.
`wirecoder serve` then runs in a subprocess and this process asks it, over real HTTP:

- `/api/events` with a bounding box (about 2 by 2 degrees around a town), a 30-day window and
  a type, first page of 100 (what the page asks when an analyst zooms and brushes);
- `/api/stats` with the same filters, and with none (the whole histogram).

p50 and p95 of each are printed; as baselines measured in the same run, the same queries called
on the store directly (no HTTP) and bare spaCy parsing one evidence sentence of the same texts.
The SQLite store is kept in benchmarks/results/ for the next run with the same --events and seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from _common import RESULTS, save_results
from _common import towns as town_points
from sqlalchemy import func, insert, select

from wirecoder import __version__
from wirecoder.store import EventQuery, open_store
from wirecoder.store.schema import documents, events

ROOT = Path(__file__).resolve().parents[1]
_TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "{who} shelled {town} {when}."),
    ("Explosions/Remote violence", "Air/drone strike", "A drone strike hit {town} {when}."),
    ("Battles", "Armed clash", "Fighting broke out near {town} {when}."),
    ("Battles", "Government regains territory", "{who} recaptured the village of {town} {when}."),
    ("Strategic developments", "Disrupted weapons use", "Sappers cleared mines around {town} {when}."),
    ("Violence against civilians", "Attack", "Civilians were attacked in {town} {when}."),
    ("Protests", "Peaceful protest", "Residents of {town} protested {when}."),
]
_WHO = ["Russian forces", "Russian troops", "Ukrainian forces", "Ukraine's army"]
_WHEN = ["on Monday", "on Tuesday", "overnight", "early on Friday"]
_STATUSES = ["confirmed", "claimed", "claimed", "claimed", "denied", "announced"]
_FIRST_DAY = dt.date(2022, 2, 24)
_DAYS = 3 * 365
_PER_DOC = 10


def fill(url: str, n: int, seed: int) -> None:
    """Write n synthetic events (and a document per ten) through the store's schema."""
    rng = random.Random(seed)
    towns = town_points()
    store = open_store(url)
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(events)).scalar_one()
    if have == n:
        print(f"   store already holds {n:,} events: reused", file=sys.stderr)
        store.close()
        return
    if have:
        raise SystemExit(f"{url} holds {have:,} events, not {n:,}: remove it or use another")
    t0 = time.perf_counter()
    batch = 20_000
    for lo in range(0, n, batch):
        ev_rows, doc_rows = [], []
        for i in range(lo, min(n, lo + batch)):
            if i % _PER_DOC == 0:
                doc_rows.append({
                    "doc_id": f"d{i // _PER_DOC:07d}", "path": f"synthetic/{i // _PER_DOC}.txt", "title": None,
                    "url": None, "outlet": rng.choice(["Kyiv Wire", "Front Desk", "Steppe Daily"]),
                    "published": None, "published_from": None, "body_start": 0, "text": "", "sentences": 1,
                    "pipeline_version": "bench", "failures": "[]",
                })  # fmt: skip
            etype, sub, template = rng.choice(_TYPES)
            name, lat, lon = rng.choice(towns)
            day = (_FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS))).isoformat()
            text = template.format(who=rng.choice(_WHO), town=name, when=rng.choice(_WHEN))
            eid = f"e{i:08d}"
            doc_id = f"d{i // _PER_DOC:07d}"
            status = rng.choice(_STATUSES)
            payload = {
                "kind": "event", "doc_id": doc_id, "sentence": 0, "start": 0, "end": len(text), "text": text,
                "evidence": text, "stage": "events", "id": eid, "acled_event_type": etype,
                "acled_sub_event_type": sub, "date": day, "place": {"name": name, "lat": lat, "lon": lon},
                "status": status, "event_kind": "incident", "confidence": 0.7, "geo_precision": 1,
            }  # fmt: skip
            ev_rows.append({
                "event_id": eid, "doc_id": doc_id, "event_type": etype, "sub_event_type": sub, "date": day,
                "date_start": day, "date_end": day, "lat": lat, "lon": lon, "actor1": None, "source": None,
                "status": status, "payload": json.dumps(payload), "cluster_id": f"k-{eid}", "geo_precision": 1,
                "event_kind": "incident", "confidence": 0.7, "actor2": None, "place_name": name,
                "country_code": None, "outlet": None, "evidence": text, "evidence_start": 0,
                "evidence_end": len(text), "disputed": False,
            })  # fmt: skip
        with store.engine.begin() as conn:
            if doc_rows:
                conn.execute(insert(documents), doc_rows)
            conn.execute(insert(events), ev_rows)
        print(f"\r   filled {min(n, lo + batch):,} / {n:,} events", end="", file=sys.stderr)
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"\n   filled in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    store.close()


def _queries(rng: random.Random, k: int) -> list[dict[str, str]]:
    towns = town_points()
    out = []
    for _ in range(k):
        _, lat, lon = rng.choice(towns)
        start = _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS - 30))
        out.append({
            "bbox": f"{lon - 1:.3f},{lat - 1:.3f},{lon + 1:.3f},{lat + 1:.3f}",
            "since": start.isoformat(), "until": (start + dt.timedelta(days=29)).isoformat(),
            "type": rng.choice(_TYPES)[0],
        })  # fmt: skip
    return out


def _percentiles(ms: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(ms, n=100, method="inclusive")
    return {"p50_ms": round(qs[49], 2), "p95_ms": round(qs[94], 2), "max_ms": round(max(ms), 2), "n": len(ms)}


def _serve(url: str) -> tuple[subprocess.Popen[bytes], str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    exe = Path(sys.executable).parent / "wirecoder"
    proc = subprocess.Popen([str(exe), "serve", "--db", url, "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("wirecoder serve did not start")


def measure(url: str, queries: list[dict[str, str]]) -> dict[str, Any]:
    """p50/p95 over HTTP and of the same store calls made directly (after one unmeasured pass
    over every query, so that both meet a warm page cache)."""
    out: dict[str, Any] = {}
    store = open_store(url)
    event_queries = []
    for q in queries:
        x0, y0, x1, y1 = (float(v) for v in q["bbox"].split(","))
        event_queries.append(EventQuery(
            since=dt.date.fromisoformat(q["since"]), until=dt.date.fromisoformat(q["until"]),
            bbox=(x0, y0, x1, y1), event_type=q["type"], limit=101,
        ))  # fmt: skip
    for eq in event_queries:  # warm up
        store.get_events(eq)
    direct = []
    for eq in event_queries:
        t = time.perf_counter()
        store.get_events(eq)
        direct.append((time.perf_counter() - t) * 1000)
    store.close()
    out["store_events_direct"] = _percentiles(direct)
    proc, base = _serve(url)
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for q in queries[:10]:  # warm up: connections, caches, the gazetteer-free code paths
                client.get("/api/events", params=q)
            for name, path, params in (
                ("api_events_bbox_30d_type", "/api/events", None),
                ("api_stats_bbox_30d_type", "/api/stats", None),
                ("api_stats_all", "/api/stats", {}),
            ):
                ms, sizes = [], []
                for q in queries:
                    t = time.perf_counter()
                    r = client.get(path, params=q if params is None else params)
                    ms.append((time.perf_counter() - t) * 1000)
                    r.raise_for_status()
                    body = r.json()
                    sizes.append(len(body.get("items", body.get("days", []))))
                out[name] = {**_percentiles(ms), "mean_rows": round(statistics.mean(sizes), 1)}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return out


def spacy_baseline(sentences: list[str]) -> float:
    """Median ms of bare spaCy parsing one evidence sentence (the project's common baseline)."""
    from wirecoder.parse import load_nlp

    nlp = load_nlp()
    ms = []
    for s in sentences:
        t = time.perf_counter()
        nlp(s)
        ms.append((time.perf_counter() - t) * 1000)
    return statistics.median(ms)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--postgres", default=os.environ.get("WIRECODER_BENCH_POSTGRES")
                    or os.environ.get("WIRECODER_TEST_POSTGRES"),
                    help="PostgreSQL URL (its database gets a schema 'bench_<N>') [$WIRECODER_BENCH_POSTGRES]")  # fmt: skip
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed + 1)
    queries = _queries(rng, args.requests)
    results: dict[str, Any] = {
        "benchmark": "api_latency", "version": __version__, "events": args.events, "requests": args.requests,
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
    }  # fmt: skip
    texts = [t.format(who="Russian forces", town="Kherson", when="on Monday") for _, _, t in _TYPES] * 30
    results["spacy_sentence_ms"] = round(spacy_baseline(texts), 3)
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        if backend == "sqlite":
            url = f"sqlite:///{RESULTS / f'api_bench_{args.events}_{args.seed}.db'}"
        else:
            if not args.postgres:
                print("== postgresql skipped: give --postgres URL or $WIRECODER_BENCH_POSTGRES", file=sys.stderr)
                continue
            schema = f"bench_{args.events}_{args.seed}"
            from sqlalchemy import create_engine

            engine = create_engine(args.postgres)
            with engine.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            engine.dispose()
            sep = "&" if "?" in args.postgres else "?"
            url = f"{args.postgres}{sep}options=-csearch_path%3D{schema},public"
        print(f"== {backend}: {args.events:,} events", file=sys.stderr)
        fill(url, args.events, args.seed)
        res = measure(url, queries)
        base = results["spacy_sentence_ms"]
        for v in res.values():
            v["p95_vs_spacy_sentence"] = round(v["p95_ms"] / base, 2)
        results[backend] = res
        for name, v in res.items():
            print(f"   {backend:10s} {name:28s} p50 {v['p50_ms']:8.2f} ms  p95 {v['p95_ms']:8.2f} ms  "
                  f"(p95 = {v['p95_vs_spacy_sentence']}x spaCy on one sentence)"
                  + (f"  rows {v['mean_rows']}" if "mean_rows" in v else ""))  # fmt: skip
    print(f"   baseline: bare spaCy parses one evidence sentence in {results['spacy_sentence_ms']} ms (median)")
    save_results(f"api_latency_{args.events}", results)


if __name__ == "__main__":
    main()
