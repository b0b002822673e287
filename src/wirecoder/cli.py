"""The `wirecoder` command: thin Typer commands over the library.

Each command parses its options, calls one library function and formats the result. Library
errors become one line on stderr (`wirecoder: error: ...`) and a non-zero exit status.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from wirecoder import __version__
from wirecoder.config import Settings
from wirecoder.errors import InputError, WirecoderError

app = typer.Typer(
    name="wirecoder",
    help="Turn dated war reporting into a sourced, dated, geolocated event record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy URL or SQLite file [default: ./wirecoder.db, or $WIRECODER_DB]"),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, jsonl, json, csv or geojson")]


def _fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"wirecoder: error: {message}", markup=False, highlight=False)
    raise typer.Exit(code)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r} is not a date; use YYYY-MM-DD", code=2)
    return None


def _settings(db: str | None = None) -> Settings:
    return Settings(db=db) if db else Settings()


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None) -> None:
    from wirecoder import export

    if fmt == "table":
        table = Table(show_lines=False)
        cols = columns or (list(rows[0]) if rows else [])
        for col in cols:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row, c) for c in cols))
        out.print(table)
        return
    writers = {
        "jsonl": export.write_jsonl,
        "json": export.write_json,
        "csv": export.write_csv,
        "geojson": export.write_geojson,
    }
    if fmt not in writers:
        _fail(f"unknown --format {fmt!r}; choose table, jsonl, json, csv or geojson", code=2)
    writers[fmt](rows, sys.stdout)


def _point(name: str | None, flag: str) -> tuple[float, float] | None:
    """The gazetteer's best point for a place name given on the command line."""
    if not name:
        return None
    from wirecoder.places import open_gazetteer

    candidates = open_gazetteer().lookup(name, limit=1)
    if not candidates:
        _fail(f"{flag} {name!r}: unknown place; try `wirecoder places {name}`")
    return candidates[0].lat, candidates[0].lon


def _event_query(
    since: str | None, until: str | None, place: str | None, place_flag: str, km: float,
    event_type: str | None, doc: str | None, generic: bool = False, *, actor: str | None = None,
    status: str | None = None, kind: str | None = None,
) -> Any:
    """The EventQuery of the filter options the event commands share."""
    from wirecoder.store import EventQuery

    return EventQuery(
        since=_date(since, "--since"), until=_date(until, "--until"), event_type=event_type,
        near=_point(place, place_flag), km=km, doc_id=doc, generic=generic, actor=actor, status=status,
        kind=kind,
    )  # fmt: skip


GenericOpt = Annotated[
    bool,
    typer.Option(
        "--generic",
        help="also show generic mentions (war talk, plans, threats, negations, habits: event_kind "
        "generic, with their reason); by default only incidents and background incidents",
    ),
]


def _cell(row: dict[str, Any], col: str) -> str:
    value: Any = row
    for part in col.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log what each stage does")] = False,
    version: Annotated[bool, typer.Option("--version", help="print the version and exit")] = False,
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="wirecoder: %(levelname)s: %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if version:
        out.print(f"wirecoder {__version__}")
        raise typer.Exit(0)


class _RateColumn(ProgressColumn):
    """Articles done, and per second since the start. (The bar and the time left follow the
    bytes of input read: how many articles a JSONL, CSV or archive holds is unknown until it
    has been read, its size is not.)"""

    def render(self, task: Any) -> Text:
        done = task.fields.get("articles", 0)
        rate = done / task.elapsed if task.elapsed else 0.0
        shown = f"{done:,} articles" + (f", {rate:.1f}/s" if rate else "")
        return Text(shown, style="progress.data.speed")


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="files, directories (read recursively), http(s) URLs of article pages, or - for stdin")
    ],
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD for every input")] = None,
    db: DbOpt = None,
    max_bytes: Annotated[int | None, typer.Option(help="refuse inputs larger than this")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="extract on a local Dask cluster of N worker processes")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="extract on an existing Dask cluster (tcp://HOST:8786)")
    ] = None,
) -> None:
    """Extract everything from articles and store it (one transaction per article).

    With --workers or --scheduler the extraction runs on a Dask cluster (models loaded once per
    worker); the workers write to a PostgreSQL store themselves, this process writes a SQLite
    one. Articles already stored at the current pipeline version are skipped before they are
    sent, so a re-run resumes where a crash stopped.

    Re-ingesting an article already stored changes nothing. A bad input gets one line on stderr;
    the others are still processed, and the exit status is 1.
    """
    from wirecoder.ingest import read_inputs
    from wirecoder.ingest._meter import ReadMeter, input_bytes
    from wirecoder.links.ingest import save_linked
    from wirecoder.pipeline import PIPELINE_VERSION, Pipeline
    from wirecoder.records import ArticleResult
    from wirecoder.store import SaveOutcome, open_store

    settings = _settings(db)
    when = _date(published, "--published")
    try:
        store = open_store(settings.db)
    except WirecoderError as e:
        _fail(str(e))
    outcomes = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    kinds: dict[str, int] = {}
    meter = ReadMeter()

    def done_one(progress: Progress, task: Any) -> None:
        progress.update(task, articles=sum(outcomes.values()), completed=meter.done)

    def articles(progress: Progress, task: Any) -> Iterator[Any]:
        for item in read_inputs(
            paths,
            published=when,
            max_bytes=max_bytes or settings.max_bytes,
            meter=meter,
            fetch_timeout=settings.fetch_timeout,
        ):
            if isinstance(item, InputError):
                progress.console.print(f"wirecoder: error: {item}", markup=False, highlight=False)
                outcomes["failed"] += 1
                done_one(progress, task)
            elif store.is_current(item, PIPELINE_VERSION):
                outcomes["unchanged"] += 1
                done_one(progress, task)
            else:
                yield item

    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=None, articles=0)
        # The inputs' total size, listed beside the ingest (a folder of a million files takes a
        # while); until it is known, and for stdin, there is no time left to show.
        threading.Thread(
            target=lambda: progress.update(task, total=input_bytes(paths)), name="input-size", daemon=True
        ).start()
        if workers is not None and scheduler is not None:
            _fail("give --workers (a local cluster) or --scheduler (an existing one), not both", code=2)
        runner = None
        try:
            if workers is not None or scheduler is not None:
                from wirecoder.distributed import DaskRunner

                # PostgreSQL takes many writers: the workers store their own results. A SQLite
                # file is written by this process alone.
                store_url = settings.db if store.backend == "postgresql" else None
                runner = DaskRunner(
                    workers=workers, scheduler=scheduler, batch_size=settings.batch_size, store_url=store_url
                )
                results = runner.process(articles(progress, task))
            else:
                results = Pipeline(batch_size=settings.batch_size).process(articles(progress, task))
        except OSError as e:  # the scheduler cannot be reached
            _fail(f"cannot reach the Dask scheduler {scheduler}: {e}")
        try:
            for result in results:
                if not isinstance(result, ArticleResult):  # stored by a Dask worker
                    for error in result.failures:
                        progress.console.print(f"wirecoder: error: {result.path}: {error}", markup=False)
                    outcomes[result.outcome or "failed"] += 1
                    for kind, n in result.counts.items():
                        kinds[kind] = kinds.get(kind, 0) + n
                    done_one(progress, task)
                    continue
                if result.failures:
                    for f in result.failures:
                        progress.console.print(
                            f"wirecoder: error: {result.article.path}: {f.error}", markup=False
                        )
                    outcomes["failed"] += 1
                    done_one(progress, task)
                    continue
                outcome = save_linked(store, result)
                outcomes[outcome.value] += 1
                done_one(progress, task)
                if outcome is not SaveOutcome.UNCHANGED:
                    for kind, n in result.counts().items():
                        kinds[kind] = kinds.get(kind, 0) + n
        except WirecoderError as e:
            _fail(str(e))
        finally:
            if runner is not None:
                runner.close()
    table = Table(title=f"ingested into {store.display_url}")
    for col in ("new", "updated", "unchanged", "failed", *kinds):
        table.add_column(col, justify="right")
    table.add_row(*(str(outcomes[k]) for k in outcomes), *(str(v) for v in kinds.values()))
    err.print(table)
    if outcomes["failed"]:
        raise typer.Exit(1)


def _seconds(value: str) -> float:
    """"15m", "30s", "1h" or a number of seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    text = value.strip().lower()
    try:
        number = float(text[:-1]) * units[text[-1]] if text and text[-1] in units else float(text)
    except ValueError:
        _fail(f"--interval {value!r}: give seconds or a number with s, m or h (15m)", code=2)
    if number <= 0:
        _fail(f"--interval {value!r}: must be more than 0", code=2)
    return number


@app.command()
def watch(
    feeds_file: Annotated[Path, typer.Argument(help="a text file of feed URLs, one a line (# comments)")],
    interval: Annotated[str, typer.Option(help="time between polls: 15m, 30s, 1h")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="poll once and exit")] = False,
    db: DbOpt = None,
    per_host_delay: Annotated[float, typer.Option(min=0, help="seconds between two requests to one host")] = 1.0,
    max_bytes: Annotated[int | None, typer.Option(help="refuse feeds and pages larger than this")] = None,
) -> None:
    """Follow RSS, Atom and JSON Feed feeds and GDELT 2.0 export and GKG files: fetch the new
    articles they list and store them, politely (conditional GET, robots.txt, a pause between
    requests to one host) and once (the store remembers every URL fetched; a restarted watcher
    resumes). One line per failing feed or page, a summary line per poll. With --once the exit
    status is 1 when anything failed."""
    from wirecoder.ingest._fetch import client
    from wirecoder.store import open_store
    from wirecoder.watch import Watcher, read_feeds_file

    settings = _settings(db)
    every = _seconds(interval)
    try:
        feeds = read_feeds_file(feeds_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        _fail(f"{feeds_file}: cannot read the feeds file: {e}")
    if not feeds:
        _fail(f"{feeds_file}: no feed URLs in it", code=2)
    try:
        store = open_store(settings.db)
    except WirecoderError as e:
        _fail(str(e))

    def report(line: str) -> None:
        err.print(line, markup=False, highlight=False)

    failed = False
    with client(timeout=settings.fetch_timeout) as http:
        watcher = Watcher(
            store, http=http, report=report, per_host_delay=per_host_delay,
            max_bytes=max_bytes or settings.max_bytes, batch_size=settings.batch_size,
        )  # fmt: skip
        try:
            while True:
                summary = watcher.poll(feeds)
                report(summary.line(dt.datetime.now(dt.UTC)))
                failed = failed or bool(summary.failed or summary.failed_feeds)
                if once:
                    break
                time.sleep(every)
        except KeyboardInterrupt:
            report("wirecoder: watch stopped")
        except WirecoderError as e:
            _fail(str(e))
    if once and failed:
        raise typer.Exit(1)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="a file, a directory or - for stdin")],
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD")] = None,
    fmt: FormatOpt = "jsonl",
    max_bytes: Annotated[int | None, typer.Option(help="refuse inputs larger than this")] = None,
    generic: GenericOpt = False,
) -> None:
    """Extract without storing. JSONL is the machine contract (see `wirecoder schema`)."""
    from wirecoder.ingest import read_inputs
    from wirecoder.pipeline import Pipeline

    settings = _settings()
    when = _date(published, "--published")
    failed = 0

    def articles() -> Iterator[Any]:
        nonlocal failed
        for item in read_inputs([path], published=when, max_bytes=max_bytes or settings.max_bytes):
            if isinstance(item, InputError):
                err.print(f"wirecoder: error: {item}", markup=False, highlight=False)
                failed += 1
            else:
                yield item

    rows: list[dict[str, Any]] = []
    try:
        for result in Pipeline().process(articles()):
            for f in result.failures:
                err.print(f"wirecoder: error: {result.article.path}: {f.error}", markup=False)
                failed += 1
            if fmt == "jsonl":  # stream the contract: one article at a time, nothing held
                from wirecoder.export import write_jsonl

                write_jsonl(result.contract_rows(generic=generic), sys.stdout)
            else:
                rows.extend(result.contract_rows(generic=generic))
    except WirecoderError as e:
        _fail(str(e))
    if fmt == "table":
        _emit(rows, "table", ["kind", "sentence", "start", "end", "text", "value", "name", "acled_sub_event_type"])
    elif fmt != "jsonl":
        _emit(rows, fmt)
    if failed:
        raise typer.Exit(1)


@app.command()
def events(
    since: Annotated[str | None, typer.Option(help="events on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="events on or before YYYY-MM-DD")] = None,
    near: Annotated[str | None, typer.Option(help="a place name (looked up in the gazetteer)")] = None,
    km: Annotated[float, typer.Option(help="radius around --near, in km")] = 25.0,
    event_type: Annotated[str | None, typer.Option("--type", help="ACLED event or sub-event type")] = None,
    doc: Annotated[str | None, typer.Option(help="only this document id")] = None,
    generic: GenericOpt = False,
    db: DbOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """List stored events, oldest first: incidents and background incidents (--generic adds the
    generic mentions)."""
    from wirecoder.store import open_store

    query = _event_query(since, until, near, "--near", km, event_type, doc, generic)
    try:
        rows = [e.row for e in open_store(_settings(db).db).get_events(query)]
    except WirecoderError as e:
        _fail(str(e))
    _emit(
        rows,
        fmt,
        ["date", "acled_event_type", "acled_sub_event_type", "actor1", "place.name", "status", "event_kind",
         "confidence", "source", "text"],
    )


EXPORT_FORMATS = ("acled-csv", "geojson", "plover-json", "parquet", "jsonl", "csv")


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="acled-csv, geojson, plover-json, parquet, jsonl or csv")
    ] = "acled-csv",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here [default: standard output; parquet needs a file]")
    ] = None,
    since: Annotated[str | None, typer.Option(help="events on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="events on or before YYYY-MM-DD")] = None,
    near: Annotated[str | None, typer.Option(help="a place name (looked up in the gazetteer)")] = None,
    km: Annotated[float, typer.Option(help="radius around --near, in km")] = 25.0,
    event_type: Annotated[str | None, typer.Option("--type", help="ACLED event or sub-event type")] = None,
    actor: Annotated[str | None, typer.Option(help="actor1 or actor2 contains this")] = None,
    status: Annotated[
        str | None, typer.Option(help="confirmed, claimed, denied or announced")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="incident or background (generic too with --generic)")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="only this document id")] = None,
    generic: GenericOpt = False,
    db: DbOpt = None,
) -> None:
    """Export stored events for other tools: ACLED's CSV layout (pandas, spreadsheets), GeoJSON
    (QGIS), PLOVER JSON, Parquet (DuckDB, pandas) or the JSONL contract; every row keeps the
    document, sentence and offsets it came from."""
    from wirecoder import export as wc_export
    from wirecoder.export.acled import ACLED_COLUMNS, WC_COLUMNS, acled_rows, plover_record
    from wirecoder.store import open_store

    if fmt not in EXPORT_FORMATS:
        _fail(f"unknown --format {fmt!r}; choose {', '.join(EXPORT_FORMATS)}", code=2)
    if fmt == "parquet" and output is None:
        _fail("--format parquet writes a binary file: give --output FILE.parquet", code=2)
    query = _event_query(
        since, until, near, "--near", km, event_type, doc, generic, actor=actor, status=status, kind=kind
    )
    try:
        store = open_store(_settings(db).db)
        rows = [e.row for e in store.get_events(query)]
        documents = {d.doc_id: d.model_dump() for d in store.get_documents()}
    except WirecoderError as e:
        _fail(str(e))
    if output is not None and not output.parent.is_dir():
        _fail(f"-o {output}: the folder {output.parent} does not exist", code=2)
    try:
        handle = sys.stdout if output is None or fmt == "parquet" else output.open("w", encoding="utf-8", newline="")
    except OSError as e:
        _fail(f"-o {output}: cannot write there: {e.strerror or e}", code=2)
    try:
        if fmt == "acled-csv":
            writer = wc_export.SafeDictWriter(handle, fieldnames=[*ACLED_COLUMNS, *WC_COLUMNS])
            writer.writeheader()
            writer.writerows(acled_rows(rows, documents))
        elif fmt == "parquet":
            wc_export.write_parquet(acled_rows(rows, documents), str(output))
        elif fmt == "plover-json":
            wc_export.write_json([plover_record(r, documents.get(r["doc_id"])) for r in rows], handle)
        elif fmt == "geojson":
            wc_export.write_geojson(rows, handle)
        elif fmt == "csv":
            wc_export.write_csv(rows, handle)
        else:
            wc_export.write_jsonl(rows, handle)
    except OSError as e:
        _fail(f"-o {output}: cannot write there: {e.strerror or e}")
    finally:
        if handle is not sys.stdout:
            handle.close()
    if output is not None:
        err.print(f"wrote {len(rows)} events to {output}")


def _timeline_entries(
    db: str | None, since: str | None, until: str | None, place: str | None, km: float,
    event_type: str | None, actor: str | None,
) -> list[Any]:
    from wirecoder.links.views import timeline_from_store
    from wirecoder.store import open_store

    query = _event_query(since, until, place, "--place", km, event_type, None)
    try:
        return timeline_from_store(open_store(_settings(db).db), query, actor)
    except WirecoderError as e:
        _fail(str(e))


@app.command()
def timeline(
    since: Annotated[str | None, typer.Option(help="events on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="events on or before YYYY-MM-DD")] = None,
    place: Annotated[str | None, typer.Option(help="a place name (looked up in the gazetteer)")] = None,
    km: Annotated[float, typer.Option(help="radius around --place, in km")] = 25.0,
    actor: Annotated[str | None, typer.Option(help="actor or source contains this")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="ACLED event or sub-event type")] = None,
    db: DbOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """A dated, sourced timeline: one entry per real-world event however many articles report
    it, with its independent sources, their sides, and any disagreement."""
    entries = _timeline_entries(db, since, until, place, km, event_type, actor)
    rows = [e.model_dump(mode="json") for e in entries]
    if fmt == "table":
        for row in rows:
            row["sources_brief"] = "; ".join(
                f"{s['speaker'] or s['outlet'] or s['path']}" + (f" ({s['side']})" if s["side"] else "")
                for s in row["sources"]
            )
            row["disagreement"] = "; ".join(row["disagreements"])
            row["evidence"] = row["evidence"][:120]
    _emit(
        rows, fmt,
        ["date", "sub_event_type", "place.name", "status", "mentions", "reports", "independent_sources", "sources_brief",
         "disagreement", "evidence"],
    )  # fmt: skip


@app.command()
def disagreements(
    since: Annotated[str | None, typer.Option(help="events on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="events on or before YYYY-MM-DD")] = None,
    doc: Annotated[str | None, typer.Option(help="only this document id (or its prefix)")] = None,
    db: DbOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Where sources disagree: two sources asserting the same act about the same participants
    with opposite polarity (assertion against denial or rebuttal) or incompatible values (cause,
    manner, who did it, figures), within one article and across articles (claims, and the
    reports of one incident); sharing a word is not enough, and copies of one wire story never
    disagree."""
    from wirecoder.links.views import disagreements_from_store
    from wirecoder.store import open_store

    query = _event_query(since, until, None, "--place", 25.0, None, None)
    try:
        rows = disagreements_from_store(open_store(_settings(db).db), query, doc)
    except WirecoderError as e:
        _fail(str(e))
    if fmt == "table":
        for row in rows:
            row["sides_brief"] = " | ".join(
                f"{x.get('speaker') or x.get('outlet') or '?'}: {x['says'][:80]}" for x in row["sides"]
            )
    _emit(rows, fmt, ["scope", "reason", "about", "sides_brief"])


@app.command()
def claims(
    speaker: Annotated[str | None, typer.Option(help="speaker name contains this")] = None,
    doc: Annotated[str | None, typer.Option(help="only this document id (or its prefix)")] = None,
    db: DbOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """List stored claims: who said what, via which channel, how."""
    from wirecoder.store import open_store

    try:
        rows = open_store(_settings(db).db).get_items("claim", doc_id=doc, label=speaker)
    except WirecoderError as e:
        _fail(str(e))
    _emit(rows, fmt, ["speaker.canonical", "cue.text", "via", "direct", "hedged", "stance", "date", "content.text"])


@app.command()
def places(
    name: Annotated[str, typer.Argument(help="a place name, any common spelling")],
    limit: Annotated[int, typer.Option(help="at most this many candidates")] = 10,
    fmt: FormatOpt = "table",
) -> None:
    """Look a name up in the gazetteer: candidates, GeoNames ids, coordinates."""
    from wirecoder.places import open_gazetteer

    try:
        rows = [c.model_dump(mode="json") for c in open_gazetteer().lookup(name, limit=limit)]
    except WirecoderError as e:
        _fail(str(e))
    if not rows:
        _fail(f"no place called {name!r} in the gazetteer")
    _emit(rows, fmt)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="interface to listen on (0.0.0.0 exposes it to the network)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port")] = 8000,
    open_browser: Annotated[bool, typer.Option("--open", help="open the page in a web browser")] = False,
) -> None:
    """Serve the web page (map, timeline, evidence, disagreements) and the JSON API (OpenAPI at
    /docs) over a store; Ctrl-C stops."""
    import gc

    import uvicorn

    from wirecoder.api import create_app
    from wirecoder.web import web_assets_status

    status = web_assets_status()
    if not status.is_ready:
        err.print(f"wirecoder: warning: {status.message}", markup=False)
    try:
        application = create_app(_settings(db).db)
    except WirecoderError as e:
        _fail(str(e))
    # Everything loaded so far lives as long as the server: keep it out of the collector's way,
    # so a full collection scans only what requests allocate (gc.freeze, as forking servers do).
    gc.collect()
    gc.freeze()
    url = f"http://{host}:{port}/"
    err.print(f"wirecoder: serving {application.state.store.display_url} at {url} (API docs: {url}docs)", markup=False)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning")
    except OSError as e:  # the port is taken, or the host is not ours
        _fail(f"cannot listen on {host}:{port}: {e}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSONL contract."""
    from wirecoder.export.schema import contract_schema

    sys.stdout.write(json.dumps(contract_schema(), indent=2) + "\n")


@app.command(name="eval")
def evaluate(
    gold: Annotated[
        list[Path] | None, typer.Argument(help="gold files in the seeds.yaml format, scored together")
    ] = None,
    published: Annotated[
        list[str] | None,
        typer.Option(help="DOC=YYYY-MM-DD: publication date for a gold document (repeatable)"),
    ] = None,
    docs: Annotated[
        Path | None,
        typer.Option("--docs", "--seeds-dir", help="folder of the gold documents [default: beside the gold file, or ../seeds]"),
    ] = None,
    timeml: Annotated[list[Path] | None, typer.Option(help="TimeML .tml files or folders")] = None,
    geo: Annotated[list[Path] | None, typer.Option(help="geoparsing XML (LGL / TR-News format)")] = None,
    attribution: Annotated[list[Path] | None, typer.Option(help="brat attribution folders")] = None,
    events_csv: Annotated[
        list[Path] | None, typer.Option("--events-csv", help="CSV of short event descriptions with date, lat/lon, category")
    ] = None,
    t17: Annotated[
        list[Path] | None, typer.Option("--t17", help="Timeline17 topic folders (articles.json + *.timeline.json)")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="score at most this many documents per dataset")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="also write the scores as JSON here")] = None,
) -> None:
    """Score the system: on a gold file, on TimeML, on geoparsing XML, on attribution data, on an
    events CSV."""
    from wirecoder import eval as wc_eval

    if not any([gold, timeml, geo, attribution, events_csv, t17]):
        _fail("nothing to score: give a gold file, --timeml, --geo, --attribution, --events-csv or --t17", code=2)
    reports: dict[str, Any] = {}
    try:
        if gold:
            dates: dict[str, dt.date] = {}
            for spec in published or []:
                doc, _, value = spec.partition("=")
                day = _date(value, "--published")
                if not doc or day is None:
                    _fail(f"--published {spec!r}: use DOC=YYYY-MM-DD", code=2)
                dates[doc] = day
            reports["gold"] = wc_eval.evaluate_gold(gold, published=dates, docs_dir=docs)
        if timeml:
            reports["timeml"] = wc_eval.run_timeml(timeml, limit=limit)
        if geo:
            reports["geo"] = wc_eval.run_geo(geo, limit=limit)
        if attribution:
            reports["attribution"] = wc_eval.run_attribution(attribution, limit=limit)
        if events_csv:
            for i, report in enumerate(wc_eval.run_events_csv(events_csv, limit=limit)):
                reports[f"events_csv{i or ''}"] = report
        if t17:
            reports["t17"] = wc_eval.run_t17(t17, limit=limit)
    except WirecoderError as e:
        _fail(str(e))
    for report in reports.values():
        for line in report.lines():
            out.print(line, markup=False, highlight=False)
    if json_out:
        payload = {k: r.model_dump(mode="json") for k, r in reports.items()}
        payload["version"] = __version__
        json_out.write_text(json.dumps(payload, indent=2) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
