"""The ingest path's part of linking: before an article is saved, give each of its incidents the
cluster (real-world event) it reports, found among stored events of the same type and dates, and
mark the events a disagreement in the article touches. The store only keeps what this decides.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wirecoder._timevalue import date_range
from wirecoder.links.linking import Linker, LinkEvent
from wirecoder.records import ArticleResult
from wirecoder.store.base import SaveOutcome, Store, StoredEvent


def _from_row(row: dict[str, Any]) -> LinkEvent:
    """A new event's contract row in the shape linking compares."""
    span = date_range(row.get("date"))
    place = row.get("place") or {}
    return LinkEvent(
        event_id=row["id"], doc_id=row["doc_id"], event_type=row["acled_event_type"],
        sub_event_type=row["acled_sub_event_type"], start=span[0] if span else None, end=span[1] if span else None,
        lat=place.get("lat"), lon=place.get("lon"), geo_precision=row.get("geo_precision"),
        actor1=row.get("actor1"), text=row.get("evidence") or "", status=row.get("status") or "confirmed",
    )  # fmt: skip


def _from_stored(ev: StoredEvent) -> LinkEvent:
    return LinkEvent(
        event_id=ev.event_id, doc_id=ev.doc_id, event_type=ev.event_type, sub_event_type=ev.sub_event_type,
        start=dt.date.fromisoformat(ev.date_start) if ev.date_start else None,
        end=dt.date.fromisoformat(ev.date_end) if ev.date_end else None,
        lat=ev.lat, lon=ev.lon, geo_precision=ev.geo_precision, actor1=ev.actor1,
        text=ev.evidence or ev.row.get("evidence") or "", status=ev.status,
    )  # fmt: skip


def assign_clusters(store: Store, doc_id: str, event_rows: list[dict[str, Any]]) -> dict[str, str]:
    """Event id -> cluster id for a new document's incidents (generic mentions get none).

    An incident that reports an event already stored from another document joins that event's
    cluster; the others start their own.
    """
    new = [_from_row(r) for r in event_rows if (r.get("event_kind") or "incident") != "generic"]
    dated = [e for e in new if e.start is not None and e.end is not None]
    linker = Linker()
    if dated:
        lo = min(e.start for e in dated if e.start) - dt.timedelta(days=1)
        hi = max(e.end for e in dated if e.end) + dt.timedelta(days=1)
        for stored in store.link_candidates(doc_id, {e.event_type for e in dated}, lo, hi):
            linker.add(_from_stored(stored), stored.cluster_id or f"k-{stored.event_id}")
    return {ev.event_id: linker.link(ev) for ev in new}


def disputed_events(rows: list[dict[str, Any]]) -> frozenset[str]:
    """Events a disagreement within the article touches: the event rests on one of the
    contradicting claims, or is told in the sentence of one."""
    claims = {r["id"]: r for r in rows if r["kind"] == "claim"}
    contradicted = {i for r in rows if r["kind"] == "contradiction" for i in r.get("claims", [])}
    sentences = {(claims[i]["doc_id"], claims[i].get("sentence")) for i in contradicted if i in claims}
    return frozenset(
        r["id"]
        for r in rows
        if r["kind"] == "event"
        and (r.get("claim_id") in contradicted or (r["doc_id"], r.get("sentence")) in sentences)
    )


def save_linked(store: Store, result: ArticleResult) -> SaveOutcome:
    """Save an article's result with its events linked to those already stored.

    Example:
        >>> save_linked(open_store("wirecoder.db"), process_article(article))
        <SaveOutcome.NEW: 'new'>
    """
    art = result.article
    if store.is_current(art, result.pipeline_version):
        return SaveOutcome.UNCHANGED
    rows = result.contract_rows()[1:]
    events = [r for r in rows if r["kind"] == "event"]
    disputed = disputed_events(rows)
    with store.linking_lock():  # another writer's report of the same event is stored, or waits
        clusters = assign_clusters(store, art.doc_id, events)
        return store.save_article_result(result, clusters=clusters, disputed=disputed)
