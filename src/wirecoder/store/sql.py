"""SqlStore: the Store over SQLAlchemy 2, for an embedded SQLite file (default) or PostgreSQL.

One transaction per article; SQLite writes go through one writer lock (as datasette's
execute_write_fn). The schema is created and upgraded by alembic when the store opens.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from wirecoder._geo import bounding_box, haversine_km
from wirecoder._timevalue import date_range
from wirecoder.errors import StoreError
from wirecoder.links.linking import LinkEvent, Linker
from wirecoder.records import Article, ArticleResult
from wirecoder.store.base import EventQuery, SaveOutcome
from wirecoder.store.schema import documents, events, items

_MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _link_event(row: dict[str, Any]) -> LinkEvent:
    """An event row (as inserted or as read back) in the shape linking compares."""
    payload = row["payload"] if isinstance(row["payload"], dict) else json.loads(row["payload"])
    return LinkEvent(
        event_id=row["event_id"], doc_id=row["doc_id"], event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        start=dt.date.fromisoformat(row["date_start"]) if row.get("date_start") else None,
        end=dt.date.fromisoformat(row["date_end"]) if row.get("date_end") else None,
        lat=row.get("lat"), lon=row.get("lon"), geo_precision=row.get("geo_precision"),
        actor1=row.get("actor1"), text=payload.get("evidence") or "", status=row.get("status") or "confirmed",
    )  # fmt: skip


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
        try:
            self.engine: Engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self._migrate()
        except SQLAlchemyError as e:
            raise StoreError(f"cannot open the store at {url}: {e.__class__.__name__}: {e}") from e

    def _migrate(self) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    # -- writes ---------------------------------------------------------------------------

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

    def save_article_result(self, result: ArticleResult) -> SaveOutcome:
        """Store one article's result in one transaction; idempotent for the same input.

        A document already stored with the same pipeline version is left as it is, unless this
        result brings a publication date the stored one lacks or a different one given by the user.
        """
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
                conn.execute(delete(events).where(events.c.doc_id == art.doc_id))
                conn.execute(delete(items).where(items.c.doc_id == art.doc_id))
                conn.execute(delete(documents).where(documents.c.doc_id == art.doc_id))
            self._insert(conn, result)
        return SaveOutcome.NEW if old is None else SaveOutcome.UPDATED

    def _insert(self, conn: Any, result: ArticleResult) -> None:
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
        item_rows, event_rows = [], []
        per_kind: dict[str, int] = {}
        for row in result.contract_rows()[1:]:
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
                        "event_kind": row.get("event_kind") or "incident",
                        "confidence": row.get("confidence"),
                        "payload": json.dumps(row, ensure_ascii=False),
                    }
                )
        if item_rows:
            conn.execute(insert(items), item_rows)
        if event_rows:
            self._link(conn, art.doc_id, event_rows)
            conn.execute(insert(events), event_rows)

    def _link(self, conn: Any, doc_id: str, event_rows: list[dict[str, Any]]) -> None:
        """Give each new event its cluster: an event already stored from another document that
        reports the same thing, found among stored events of the same type and dates only."""
        # Clusters hold incidents only: a generic mention reports no real-world event.
        linked = [r for r in event_rows if r["event_kind"] != "generic"]
        for r in event_rows:
            r["cluster_id"] = None
        event_rows = linked
        new = [_link_event(r) for r in event_rows]
        dated = [e for e in new if e.start is not None and e.end is not None]
        linker = Linker()
        if dated:
            lo = (min(e.start for e in dated if e.start) - dt.timedelta(days=1)).isoformat()
            hi = (max(e.end for e in dated if e.end) + dt.timedelta(days=1)).isoformat()
            stored = conn.execute(
                select(events).where(
                    events.c.doc_id != doc_id,
                    events.c.event_kind != "generic",
                    events.c.event_type.in_({e.event_type for e in dated}),
                    events.c.date_end >= lo,
                    events.c.date_start <= hi,
                )
            )
            for row in stored:
                data = dict(row._mapping)
                linker.add(_link_event(data), data["cluster_id"] or f"k-{data['event_id']}")
        for row, ev in zip(event_rows, new, strict=True):
            row["cluster_id"] = linker.link(ev)

    # -- reads ----------------------------------------------------------------------------

    def get_events(self, query: EventQuery) -> list[dict[str, Any]]:
        """Events matching the query, ordered by date then id, as contract rows."""
        stmt = select(events.c.payload, events.c.lat, events.c.lon, events.c.cluster_id).order_by(
            events.c.date_start, events.c.event_id
        )
        if query.since:
            stmt = stmt.where(events.c.date_end >= query.since.isoformat())
        if query.until:
            stmt = stmt.where(events.c.date_start <= query.until.isoformat())
        if query.event_type:
            t = query.event_type.lower()
            stmt = stmt.where(
                (func.lower(events.c.event_type) == t) | (func.lower(events.c.sub_event_type) == t)
            )
        if query.doc_id:
            stmt = stmt.where(events.c.doc_id == query.doc_id)
        if not query.generic:
            stmt = stmt.where(events.c.event_kind != "generic")
        if query.near:
            lat, lon = query.near
            lat0, lat1, lon0, lon1 = bounding_box(lat, lon, query.km)
            stmt = stmt.where(events.c.lat.between(lat0, lat1), events.c.lon.between(lon0, lon1))
        out = []
        with self.engine.connect() as conn:
            for payload, elat, elon, cluster in conn.execute(stmt):
                if query.near and haversine_km(query.near[0], query.near[1], elat, elon) > query.km:
                    continue
                out.append({**json.loads(payload), "cluster_id": cluster})
                if query.limit and len(out) >= query.limit:
                    break
        return out

    def get_cluster_mentions(self, cluster_ids: set[str]) -> list[dict[str, Any]]:
        """Every stored mention of the given clusters (real-world events), as contract rows."""
        out: list[dict[str, Any]] = []
        ids = sorted(cluster_ids)
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):  # keep each IN list small for SQLite
                stmt = select(events.c.payload, events.c.cluster_id).where(events.c.cluster_id.in_(ids[i : i + 500]))
                out.extend({**json.loads(p), "cluster_id": c} for p, c in conn.execute(stmt))
        return out

    def get_items(
        self, kind: str, *, doc_id: str | None = None, label: str | None = None
    ) -> list[dict[str, Any]]:
        """Items of one kind, optionally for one document or with a label containing `label`."""
        stmt = select(items.c.payload).where(items.c.kind == kind)
        if doc_id:
            stmt = stmt.where(items.c.doc_id.startswith(doc_id))
        if label:
            stmt = stmt.where(func.lower(items.c.label).contains(label.lower()))
        stmt = stmt.order_by(items.c.doc_id, items.c.seq)
        with self.engine.connect() as conn:
            return [json.loads(p) for (p,) in conn.execute(stmt)]

    def get_documents(self) -> list[dict[str, Any]]:
        cols = [c for c in documents.c if c.name not in ("text",)]
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(*cols).order_by(documents.c.path))]

    def get_document_text(self, doc_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(documents.c.text).where(documents.c.doc_id == doc_id)
            ).scalar_one_or_none()

    def counts(self) -> dict[str, int]:
        """Number of documents and of items by kind."""
        with self.engine.connect() as conn:
            out = {"document": conn.execute(select(func.count()).select_from(documents)).scalar_one()}
            for kind, n in conn.execute(select(items.c.kind, func.count()).group_by(items.c.kind)):
                out[kind] = n
        return out

    def close(self) -> None:
        self.engine.dispose()
