"""The SQL of an EventQuery, on SQLite and on PostgreSQL.

Where and when are answered by the backend's own index: on SQLite an R*Tree over (lon, lat, day)
and FTS5 over the evidence (migration 0004); on PostgreSQL the lat/lon and date b-trees, a
tsvector GIN index and, with PostGIS, a geography column with a GiST index for `near`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select, text

from wirecoder._geo import bounding_box, haversine_km
from wirecoder.rulebook.taxonomy import EventType
from wirecoder.store._rows import stored_event
from wirecoder.store.base import MAX_SPAN_DAYS, EventQuery, StoredEvent
from wirecoder.store.schema import EVENT_KINDS, EVENT_STATUSES, day_count_column, event_days, events

NO_LON = 1000.0  # where migration 0004 puts an event without coordinates in the R*Tree
_JULIAN_EPOCH = dt.date(1858, 11, 17)  # julianday('1858-11-17') == 2400000.5
_WORD = re.compile(r"\w+", re.UNICODE)


def _julian(day: dt.date) -> float:
    return 2400000.5 + (day - _JULIAN_EPOCH).days


def fts5_match(q: str) -> str:
    """Free text as an FTS5 query: every word must occur (each quoted, so no operator leaks in)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(q))


def _sort_key(sort: str) -> tuple[ColumnElement[Any], bool]:
    """The column a sort name orders on and whether it is descending."""
    name = sort.lstrip("-")
    column: ColumnElement[Any] = {
        "date": func.coalesce(events.c.date_start, ""),
        "confidence": func.coalesce(events.c.confidence, -1.0),
        "type": events.c.event_type,
        "place": func.coalesce(events.c.place_name, ""),
        "status": events.c.status,
    }[name]
    return column, sort.startswith("-")


def sort_value(event: StoredEvent, sort: str) -> Any:
    """The value of the sort key of a row, for the cursor of the next page."""
    name = sort.lstrip("-")
    return {
        "date": event.date_start or "",
        "confidence": event.confidence if event.confidence is not None else -1.0,
        "type": event.event_type,
        "place": event.place_name or "",
        "status": event.status,
    }[name]


def _where(stmt: Select[Any], query: EventQuery, postgis: bool, dialect: str) -> Select[Any]:
    """Every filter of the query but `near`'s exact distance (checked on the rows)."""
    if not query.generic:
        stmt = stmt.where(events.c.event_kind != "generic")
    if query.kind:
        stmt = stmt.where(events.c.event_kind == query.kind)
    if query.event_type:
        t = query.event_type.lower()
        stmt = stmt.where(or_(func.lower(events.c.event_type) == t, func.lower(events.c.sub_event_type) == t))
    if query.sub_event_type:
        stmt = stmt.where(func.lower(events.c.sub_event_type) == query.sub_event_type.lower())
    if query.status:
        stmt = stmt.where(events.c.status == query.status)
    if query.disputed is not None:
        stmt = stmt.where(events.c.disputed.is_(query.disputed))
    if query.doc_id:
        stmt = stmt.where(events.c.doc_id.startswith(query.doc_id, autoescape=True))
    if query.actor:
        a = query.actor.lower()
        stmt = stmt.where(
            or_(
                func.lower(events.c.actor1).contains(a, autoescape=True),
                func.lower(events.c.actor2).contains(a, autoescape=True),
            )
        )
    if query.outlet:
        stmt = stmt.where(func.lower(events.c.outlet).contains(query.outlet.lower(), autoescape=True))
    box = query.bbox
    if query.near:
        lat0, lat1, lon0, lon1 = bounding_box(query.near[0], query.near[1], query.km)
        near_box = (lon0, lat0, lon1, lat1)
        box = near_box if box is None else (
            max(box[0], near_box[0]), max(box[1], near_box[1]), min(box[2], near_box[2]), min(box[3], near_box[3])
        )  # fmt: skip
    since = query.since - dt.timedelta(days=MAX_SPAN_DAYS) if query.since else None
    if dialect == "sqlite" and (box or query.since or query.until):
        # One R*Tree probe for where and when.
        conds = []
        params: dict[str, float] = {}
        if box:
            conds.append("max_lon >= :x0 AND min_lon <= :x1 AND max_lat >= :y0 AND min_lat <= :y1")
            params.update(x0=box[0], y0=box[1], x1=box[2], y1=box[3])
        else:
            conds.append(f"min_lon <= {NO_LON}")
        if query.since:
            conds.append("max_day >= :d0")
            params["d0"] = _julian(query.since)
        if query.until:
            conds.append("min_day <= :d1")
            params["d1"] = _julian(query.until)
        probe = text(f"SELECT id FROM events_rtree WHERE {' AND '.join(conds)}").bindparams(**params)
        stmt = stmt.where(literal_column("events.rowid").in_(probe))
    else:
        if box:
            stmt = stmt.where(events.c.lon.between(box[0], box[2]), events.c.lat.between(box[1], box[3]))
        if query.since and since:
            stmt = stmt.where(events.c.date_end >= query.since.isoformat(), events.c.date_start >= since.isoformat())
        if query.until:
            stmt = stmt.where(events.c.date_start <= query.until.isoformat())
    if query.near and postgis:
        lat, lon = query.near
        point = func.ST_SetSRID(func.ST_MakePoint(lon, lat), 4326)
        stmt = stmt.where(func.ST_DWithin(literal_column("events.geog"), func.geography(point), query.km * 1000.0))
    if query.q:
        if dialect == "sqlite":
            match = fts5_match(query.q)
            if not match:
                return stmt.where(text("0"))
            fts = text("SELECT rowid FROM events_fts WHERE events_fts MATCH :q").bindparams(q=match)
            stmt = stmt.where(literal_column("events.rowid").in_(fts))
        elif dialect == "postgresql":
            stmt = stmt.where(
                literal_column("events.evidence_tsv").op("@@")(func.websearch_to_tsquery("english", query.q))
            )
        else:
            stmt = stmt.where(func.lower(events.c.evidence).contains(query.q.lower(), autoescape=True))
    return stmt


def events_statement(conn: Any, query: EventQuery, postgis: bool) -> list[StoredEvent]:
    """Run the query: rows in sort order after the keyset cursor, `limit` of them."""
    dialect = conn.dialect.name
    key, desc = _sort_key(query.sort)
    stmt = _where(select(events), query, postgis, dialect)
    if query.after is not None:
        value, last_id = query.after
        if desc:
            stmt = stmt.where(or_(key < value, and_(key == value, events.c.event_id < last_id)))
        else:
            stmt = stmt.where(or_(key > value, and_(key == value, events.c.event_id > last_id)))
    stmt = stmt.order_by(key.desc(), events.c.event_id.desc()) if desc else stmt.order_by(key, events.c.event_id)
    exact_near = query.near is not None and not postgis
    if query.limit and not exact_near:
        stmt = stmt.limit(query.limit)
    out: list[StoredEvent] = []
    for row in conn.execute(stmt):
        m = row._mapping
        if exact_near and query.near:
            if m["lat"] is None or haversine_km(query.near[0], query.near[1], m["lat"], m["lon"]) > query.km:
                continue
        out.append(stored_event(m))
        if query.limit and len(out) >= query.limit:
            break
    return out


_ACLED_TYPES = frozenset(t.value.lower() for t in EventType)


def _plain_window(query: EventQuery) -> bool:
    """True when only the date window, the ACLED type, kind and status filter: event_days answers."""
    if query.event_type and query.event_type.lower() not in _ACLED_TYPES:
        return False  # a sub-type: event_days does not keep them
    return not any(
        (query.sub_event_type, query.near, query.bbox, query.actor, query.disputed is not None, query.outlet,
         query.q, query.doc_id)
    )  # fmt: skip


def stats_statement(query: EventQuery, postgis: bool, dialect: str) -> Select[Any]:
    """Events per start day and type under the query's filters (rows with a count of 0 may come
    from event_days; the caller drops them)."""
    if _plain_window(query):
        kinds = [query.kind] if query.kind else [k for k in EVENT_KINDS if query.generic or k != "generic"]
        statuses = [query.status] if query.status else list(EVENT_STATUSES)
        n: Any = sum((event_days.c[day_count_column(k, s)] for k in kinds for s in statuses), start=literal_column("0"))
        stmt = select(event_days.c.day, event_days.c.event_type, n).order_by(event_days.c.day, event_days.c.event_type)
        if query.event_type:
            stmt = stmt.where(func.lower(event_days.c.event_type) == query.event_type.lower())
        if query.since:
            stmt = stmt.where(event_days.c.day >= query.since.isoformat())
        if query.until:
            stmt = stmt.where(event_days.c.day <= query.until.isoformat())
        return stmt
    counted: Select[Any] = select(events.c.date_start, events.c.event_type, func.count())
    stmt = _where(counted, query, postgis, dialect).where(events.c.date_start.is_not(None))
    return stmt.group_by(events.c.date_start, events.c.event_type).order_by(events.c.date_start, events.c.event_type)


def cursor_token(value: Any, event_id: str) -> str:
    """An opaque cursor for the page after (value, event_id)."""
    return base64.urlsafe_b64encode(json.dumps([value, event_id]).encode()).decode().rstrip("=")


def parse_cursor(token: str) -> tuple[Any, str]:
    """The (value, event_id) of a cursor; ValueError when it is not one of ours."""
    try:
        value, event_id = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, TypeError) as e:
        raise ValueError(f"not a cursor: {token!r}") from e
    if not isinstance(event_id, str) or not isinstance(value, (str, int, float)):
        raise ValueError(f"not a cursor: {token!r}")
    return value, event_id
