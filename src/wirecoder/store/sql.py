"""SqlStore: the Store over SQLAlchemy 2, for an embedded SQLite file (default) or PostgreSQL.

One transaction per article; SQLite writes go through one writer lock (as datasette's
execute_write_fn). The schema is created and upgraded by alembic when the store opens. The store
keeps and queries; it does not link or judge: the ingest path (links/ingest.py `save_linked`)
gives each event its cluster and says which events a disagreement touches.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from wirecoder._timevalue import date_range
from wirecoder.errors import StoreError
from wirecoder.records import Article, ArticleResult
from wirecoder.store._query import events_statement, fts5_match, stats_statement
from wirecoder.store._rows import claim_columns, event_columns, place_columns, stored_event
from wirecoder.store.base import (
    DayCount,
    EventQuery,
    SaveOutcome,
    StoredClaim,
    StoredDocument,
    StoredEvent,
)
from wirecoder.store.schema import claims, documents, events, feeds, fetched, items, places

_MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 0x77697265  # "wire": the advisory lock key schema changes take on PostgreSQL
_LINKING_LOCK = 0x6C696E6B  # "link": the advisory lock key linking and saving take


@contextlib.contextmanager
def _file_lock(database: str | None) -> Iterator[None]:
    """An exclusive flock on a SQLite database file (created if absent) while the block runs;
    nothing for an in-memory database or another backend."""
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    Path(database).parent.mkdir(parents=True, exist_ok=True)
    with open(database, "ab") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    # Write-ahead log: readers (`serve`) go on while an ingest writes, and a commit per document
    # appends to the log instead of rewriting a journal; with it, synchronous=NORMAL keeps the
    # file consistent after a crash (only the last commits may be lost on power failure).
    try:
        if cur.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() == "wal":
            cur.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.OperationalError:
        pass  # a read-only file or folder keeps its journal mode; reading still works
    cur.close()


def _masked(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1] if "@" in url else url


def _first_line(e: BaseException) -> str:
    """An exception's message without SQLAlchemy's appended statement and background link."""
    orig = getattr(e, "orig", None)
    return str(orig if orig is not None else e).strip().splitlines()[0]


def _label(row: dict[str, Any]) -> str | None:
    kind = row["kind"]
    if kind == "claim":
        speaker = row.get("speaker") or {}
        return speaker.get("canonical") or speaker.get("text")
    if kind == "place":
        return row.get("name")
    if kind == "time":
        return row.get("value")
    if kind == "quantity":
        return row.get("unit")
    return None


class SqlStore:
    """Store backed by SQLAlchemy.

    Example:
        >>> store = SqlStore("sqlite:///wirecoder.db")
        >>> store.save_article_result(result)
        <SaveOutcome.NEW: 'new'>
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._link_lock = threading.RLock()
        try:
            self.engine: Engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self._migrate()
            self._postgis = self._has_postgis()
        except SQLAlchemyError as e:
            raise StoreError(f"cannot open the store at {_masked(url)}: {e.__class__.__name__}: {_first_line(e)}") from e
        except ImportError as e:  # a dialect whose driver is not installed (mysql://, ...)
            raise StoreError(
                f"cannot open the store at {_masked(url)}: no driver for it ({e.name or e}); "
                "use a SQLite file or postgresql+psycopg://user@host/db"
            ) from e

    def _migrate(self) -> None:
        """Create or upgrade the schema, once however many processes open a new store at once:
        PostgreSQL holds a transaction-level advisory lock (its DDL is transactional), a SQLite
        file is flock()ed for the while (SQLite's own locks are fcntl locks and do not interact)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        with _file_lock(self.engine.url.database if self.engine.dialect.name == "sqlite" else None):
            with self.engine.begin() as conn:
                if self.engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")

    @property
    def backend(self) -> str:
        """The database: "sqlite" or "postgresql"."""
        return str(self.engine.dialect.name)

    @property
    def display_url(self) -> str:
        """The URL with its password masked, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def _has_postgis(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return False
        with self.engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND table_name = 'events' AND column_name = 'geog'"
                )
            ).first() is not None

    # -- writes ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def linking_lock(self) -> Iterator[None]:
        """Held while an article is linked to the stored events and saved, so that two writers
        (processes, Dask workers, threads) of reports of one event never both miss the other
        and start two clusters: a session advisory lock on PostgreSQL, a flock of the database
        file on SQLite. Extraction, the costly part, runs outside it."""
        with self._link_lock:
            if self.engine.dialect.name == "postgresql":
                with self.engine.connect() as conn:
                    conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _LINKING_LOCK})
                    try:
                        yield
                    finally:
                        conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _LINKING_LOCK})
                        conn.commit()
            else:
                with _file_lock(self.engine.url.database if self.engine.dialect.name == "sqlite" else None):
                    yield

    # -- what `wirecoder watch` remembers --------------------------------------------------

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) the feed at `url` last answered with."""
        with self.engine.connect() as conn:
            row = conn.execute(select(feeds.c.etag, feeds.c.last_modified).where(feeds.c.url == url)).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def feed_status(self, url: str) -> str | None:
        """How the last poll of the feed at `url` went ("ok", "not modified", "failed: ..."); None if never."""
        with self.engine.connect() as conn:
            row = conn.execute(select(feeds.c.last_status).where(feeds.c.url == url)).first()
        return row.last_status if row else None

    def save_feed_poll(
        self, url: str, *, etag: str | None, last_modified: str | None, status: str, links: int | None
    ) -> None:
        """A poll of the feed at `url`: its validators (kept when the answer had none), status, links."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._lock, self.engine.begin() as conn:
            old = conn.execute(select(feeds).where(feeds.c.url == url)).first()
            values = {
                "etag": etag if etag is not None else (old.etag if old else None),
                "last_modified": last_modified if last_modified is not None else (old.last_modified if old else None),
                "last_poll": now, "last_status": status, "links": links,
            }  # fmt: skip
            if old is None:
                conn.execute(insert(feeds).values(url=url, **values))
            else:
                conn.execute(update(feeds).where(feeds.c.url == url).values(**values))

    def fetch_record(self, urls: list[str]) -> dict[str, tuple[str, int]]:
        """Per URL already fetched: (status, attempts)."""
        out: dict[str, tuple[str, int]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(urls), 500):
                chunk = urls[i : i + 500]
                for row in conn.execute(select(fetched.c.url, fetched.c.status, fetched.c.attempts).where(fetched.c.url.in_(chunk))):
                    out[row.url] = (row.status, row.attempts)
        return out

    def retry_urls(self, max_attempts: int) -> list[str]:
        """URLs whose fetch failed (a timeout, a server error) fewer than `max_attempts` times."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(fetched.c.url).where(fetched.c.status == "failed", fetched.c.attempts < max_attempts)
            )
            return [r.url for r in rows]

    def record_fetch(self, url: str, *, status: str, doc_id: str | None = None, error: str | None = None) -> None:
        """What fetching `url` gave: stored, unchanged (its text is stored already), gone (an
        HTTP 4xx, never asked again) or failed (asked again at the next polls, a few times)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._lock, self.engine.begin() as conn:
            old = conn.execute(select(fetched.c.attempts).where(fetched.c.url == url)).first()
            values = {"status": status, "doc_id": doc_id, "error": error, "fetched_at": now}
            if old is None:
                conn.execute(insert(fetched).values(url=url, attempts=1, **values))
            else:
                conn.execute(update(fetched).where(fetched.c.url == url).values(attempts=old.attempts + 1, **values))

    def is_current(self, article: Article, pipeline_version: str) -> bool:
        """True when saving this article's result would change nothing (so it need not be run)."""
        published = article.published.isoformat() if article.published else None
        with self.engine.connect() as conn:
            old = conn.execute(
                select(documents.c.pipeline_version, documents.c.published).where(
                    documents.c.doc_id == article.doc_id
                )
            ).first()
        return (
            old is not None
            and old.pipeline_version == pipeline_version
            and (old.published == published or published is None)
        )

    def _save(
        self, result: ArticleResult, *, clusters: dict[str, str] | None, disputed: frozenset[str]
    ) -> SaveOutcome:
        art = result.article
        published = art.published.isoformat() if art.published else None
        with self._lock, self.engine.begin() as conn:
            old = conn.execute(
                select(documents.c.pipeline_version, documents.c.published).where(
                    documents.c.doc_id == art.doc_id
                )
            ).first()
            if old is not None:
                same_version = old.pipeline_version == result.pipeline_version
                if same_version and (old.published == published or published is None):
                    return SaveOutcome.UNCHANGED
                for table in (events, claims, places, items, documents):
                    conn.execute(delete(table).where(table.c.doc_id == art.doc_id))
            self._insert(conn, result, clusters or {}, disputed)
        return SaveOutcome.NEW if old is None else SaveOutcome.UPDATED

    def save_article_result(
        self, result: ArticleResult, *, clusters: dict[str, str] | None = None, disputed: frozenset[str] = frozenset()
    ) -> SaveOutcome:
        """Store one article's result in one transaction; idempotent for the same input.

        A document already stored with the same pipeline version is left as it is, unless this
        result brings a publication date the stored one lacks or a different one given by the user.

        Args:
            result: the article's result.
            clusters: event id -> cluster id (the real-world event it reports); an incident not
                named here stands alone, a generic mention has none.
            disputed: ids of the events a disagreement touches.
        Raises:
            StoreError: the store refused the write (read-only, full, gone); nothing was written.
        """
        try:
            try:
                return self._save(result, clusters=clusters, disputed=disputed)
            except IntegrityError:
                # Another writer stored this document between our look and our insert: look again
                # (its copy is then current, or ours replaces it).
                return self._save(result, clusters=clusters, disputed=disputed)
        except SQLAlchemyError as e:
            raise StoreError(
                f"cannot write {result.article.path} to the store at {self.display_url}: {_first_line(e)}"
            ) from e

    def _insert(self, conn: Any, result: ArticleResult, clusters: dict[str, str], disputed: frozenset[str]) -> None:
        art = result.article
        conn.execute(
            insert(documents).values(
                doc_id=art.doc_id,
                path=art.path,
                title=art.title,
                url=art.url,
                outlet=art.outlet,
                published=art.published.isoformat() if art.published else None,
                published_from=art.published_from.value if art.published_from else None,
                body_start=art.body_start,
                text=art.text,
                sentences=len(result.sentences),
                pipeline_version=result.pipeline_version,
                failures=json.dumps([f.model_dump(mode="json") for f in result.failures]),
            )
        )
        rows = result.contract_rows()[1:]
        sentences = {s.index: s for s in result.sentences}

        def evidence_span(row: dict[str, Any]) -> dict[str, int | None]:
            s = sentences.get(row.get("sentence"))  # type: ignore[arg-type]
            return {"evidence_start": s.start if s else None, "evidence_end": s.end if s else None}

        item_rows, event_rows = [], []
        per_kind: dict[str, int] = {}
        for row in rows:
            kind = row["kind"]
            seq = per_kind[kind] = per_kind.get(kind, -1) + 1
            item_id = row.get("id") or f"{art.doc_id}-{kind[0]}{seq}"
            item_rows.append(
                {
                    "item_id": f"{kind}:{item_id}",
                    "doc_id": art.doc_id,
                    "kind": kind,
                    "seq": seq,
                    "sentence": row.get("sentence"),
                    "start": row.get("start"),
                    "end": row.get("end"),
                    "text": row.get("text"),
                    "label": _label(row),
                    "payload": json.dumps(row, ensure_ascii=False),
                }
            )
            if kind == "event":
                span = date_range(row.get("date"))
                place = row.get("place") or {}
                event_kind = row.get("event_kind") or "incident"
                cluster = None if event_kind == "generic" else clusters.get(row["id"], f"k-{row['id']}")
                event_rows.append(
                    {
                        "event_id": row["id"],
                        "doc_id": art.doc_id,
                        "event_type": row["acled_event_type"],
                        "sub_event_type": row["acled_sub_event_type"],
                        "date": row.get("date"),
                        "date_start": span[0].isoformat() if span else None,
                        "date_end": span[1].isoformat() if span else None,
                        "lat": place.get("lat"),
                        "lon": place.get("lon"),
                        "actor1": row.get("actor1"),
                        "source": row.get("source"),
                        "status": row.get("status") or "confirmed",
                        "geo_precision": row.get("geo_precision"),
                        "event_kind": event_kind,
                        "confidence": row.get("confidence"),
                        "cluster_id": cluster,
                        "disputed": row["id"] in disputed,
                        **event_columns(row, art.outlet),
                        **evidence_span(row),
                        "payload": json.dumps(row, ensure_ascii=False),
                    }
                )
        place_rows = [r for r in rows if r["kind"] == "place"]
        doc_claims = [r for r in rows if r["kind"] == "claim"]
        claim_rows = [{**claim_columns(r, place_rows, doc_claims), **evidence_span(r)} for r in doc_claims]
        if item_rows:
            conn.execute(insert(items), item_rows)
        if event_rows:
            conn.execute(insert(events), event_rows)
        if claim_rows:
            conn.execute(insert(claims), claim_rows)
        if place_rows:
            conn.execute(insert(places), [place_columns(r, f"{art.doc_id}-p{i}") for i, r in enumerate(place_rows)])

    # -- reads ----------------------------------------------------------------------------

    def get_events(self, query: EventQuery) -> list[StoredEvent]:
        """Events matching the query in its sort order (date, then id, by default).

        Example:
            >>> store.get_events(EventQuery(since=dt.date(2022, 11, 1), event_type="Battles", limit=10))
        """
        with self.engine.connect() as conn:
            return events_statement(conn, query, self._postgis)

    def get_event(self, event_id: str) -> StoredEvent | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(events).where(events.c.event_id == event_id)).first()
        return stored_event(row._mapping) if row else None

    def get_cluster_mentions(self, cluster_ids: set[str]) -> list[StoredEvent]:
        """Every stored mention of the given clusters (real-world events)."""
        out: list[StoredEvent] = []
        ids = sorted(cluster_ids)
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):  # keep each IN list small for SQLite
                stmt = select(events).where(events.c.cluster_id.in_(ids[i : i + 500]))
                out.extend(stored_event(r._mapping) for r in conn.execute(stmt))
        return out

    def link_candidates(self, doc_id: str, event_types: set[str], lo: dt.date, hi: dt.date) -> list[StoredEvent]:
        """Incidents of other documents, of these types, whose dates overlap [lo, hi]: what a
        new document's events may report again."""
        stmt = select(events).where(
            events.c.doc_id != doc_id,
            events.c.event_kind != "generic",
            events.c.event_type.in_(sorted(event_types)),
            events.c.date_end >= lo.isoformat(),
            events.c.date_start <= hi.isoformat(),
        )
        with self.engine.connect() as conn:
            return [stored_event(r._mapping) for r in conn.execute(stmt)]

    def day_counts(self, query: EventQuery) -> list[DayCount]:
        """Events per day (the day their date range starts) and type, under the query's filters."""
        with self.engine.connect() as conn:
            rows = conn.execute(stats_statement(query, self._postgis, conn.dialect.name)).all()
        return [DayCount(d, t, int(n)) for d, t, n in rows if n]

    def get_claims(
        self, *, speaker: str | None = None, doc_id: str | None = None, place: str | None = None,
        q: str | None = None, ids: set[str] | None = None, limit: int | None = None,
    ) -> list[StoredClaim]:
        """Claims, optionally by a speaker, in a document, about a place, or saying some words
        (each a case-insensitive substring), or with these ids."""  # fmt: skip
        stmt = select(claims).order_by(claims.c.doc_id, claims.c.start, claims.c.claim_id)
        if ids is not None:
            stmt = stmt.where(claims.c.claim_id.in_(sorted(ids)))
        if speaker:
            stmt = stmt.where(func.lower(claims.c.speaker).contains(speaker.lower(), autoescape=True))
        if doc_id:
            stmt = stmt.where(claims.c.doc_id.startswith(doc_id, autoescape=True))
        if place:
            stmt = stmt.where(func.lower(claims.c.place).contains(place.lower(), autoescape=True))
        if q:
            stmt = stmt.where(func.lower(claims.c.text).contains(q.lower(), autoescape=True))
        if limit:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [StoredClaim(**r._mapping) for r in conn.execute(stmt)]

    def claim_channels(self, ids: set[str]) -> dict[str, str]:
        """Claim id -> the channel it came through, for the claims that name one."""
        if not ids:
            return {}
        stmt = select(claims.c.claim_id, claims.c.channel).where(
            claims.c.claim_id.in_(sorted(ids)), claims.c.channel.is_not(None)
        )
        with self.engine.connect() as conn:
            return dict(conn.execute(stmt).all())

    def get_items(
        self, kind: str, *, doc_id: str | None = None, label: str | None = None
    ) -> list[dict[str, Any]]:
        """Contract rows of one kind, optionally for one document or with a label containing `label`."""
        stmt = select(items.c.payload).where(items.c.kind == kind)
        if doc_id:
            stmt = stmt.where(items.c.doc_id.startswith(doc_id, autoescape=True))
        if label:
            stmt = stmt.where(func.lower(items.c.label).contains(label.lower(), autoescape=True))
        stmt = stmt.order_by(items.c.doc_id, items.c.seq)
        with self.engine.connect() as conn:
            return [json.loads(p) for (p,) in conn.execute(stmt)]

    def get_documents(self, doc_ids: set[str] | None = None) -> list[StoredDocument]:
        """Documents (without their text), all or those named, ordered by path."""
        cols = [c for c in documents.c if c.name != "text"]
        stmt = select(*cols).order_by(documents.c.path)
        if doc_ids is not None:
            stmt = stmt.where(documents.c.doc_id.in_(sorted(doc_ids)))
        with self.engine.connect() as conn:
            return [StoredDocument(**r._mapping) for r in conn.execute(stmt)]

    def search_documents(self, q: str, *, limit: int = 50) -> list[StoredDocument]:
        """Documents (without their text) whose title or text hold every word of `q`, by path."""
        cols = [c for c in documents.c if c.name != "text"]
        stmt = select(*cols).order_by(documents.c.path).limit(limit)
        if self.engine.dialect.name == "sqlite":
            match = fts5_match(q)
            if not match:
                return []
            hits = text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q").bindparams(q=match)
            stmt = stmt.where(literal_column("documents.rowid").in_(hits))
        elif self.engine.dialect.name == "postgresql":
            stmt = stmt.where(literal_column("documents.text_tsv").op("@@")(func.websearch_to_tsquery("english", q)))
        else:
            stmt = stmt.where(func.lower(documents.c.text).contains(q.lower(), autoescape=True))
        with self.engine.connect() as conn:
            return [StoredDocument(**r._mapping) for r in conn.execute(stmt)]

    def get_document(self, doc_id: str) -> StoredDocument | None:
        """One document with its text."""
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).first()
        return StoredDocument(**row._mapping) if row else None

    def get_document_text(self, doc_id: str) -> str | None:
        doc = self.get_document(doc_id)
        return doc.text if doc else None

    def counts(self) -> dict[str, int]:
        """Number of documents and of items by kind."""
        with self.engine.connect() as conn:
            out = {"document": conn.execute(select(func.count()).select_from(documents)).scalar_one()}
            for kind, n in conn.execute(select(items.c.kind, func.count()).group_by(items.c.kind)):
                out[kind] = n
        return out

    def close(self) -> None:
        self.engine.dispose()

