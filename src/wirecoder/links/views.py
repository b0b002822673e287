"""What `wirecoder timeline` and `wirecoder disagreements` show, read from a Store.

The store keeps each event mention with its cluster (links/linking.py); these functions gather
the mentions of the clusters a query touches, the documents, claims and contradictions, and fold
them into timeline entries and disagreement rows (JSONL contract rows: kind, doc_id, sentence,
start, end, text, evidence, then their own fields).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wirecoder.links.contradictions import claim_from_row, find_cross_contradictions
from wirecoder.links.timeline import TimelineEntry, build_timeline
from wirecoder.store.base import EventQuery, Store


@dataclass(frozen=True)
class _Stored:
    """What both views read from the store, read once."""

    documents: dict[str, dict[str, Any]]
    claims: dict[str, dict[str, Any]]
    contradictions: list[dict[str, Any]]

    @classmethod
    def read(cls, store: Store) -> _Stored:
        return cls(
            documents={d.doc_id: d.model_dump() for d in store.get_documents()},
            claims={c["id"]: c for c in store.get_items("claim")},
            contradictions=store.get_items("contradiction"),
        )


def _timeline(store: Store, stored: _Stored, query: EventQuery, actor: str | None) -> list[TimelineEntry]:
    matched = store.get_events(query)
    mentions = [m.row for m in store.get_cluster_mentions({m.cluster_id for m in matched if m.cluster_id})]
    contradicted = {c for row in stored.contradictions for c in row.get("claims", [])}
    roles = {
        i: " ".join(x for x in (c["speaker"].get("canonical"), c["speaker"].get("role"), c["speaker"].get("text")) if x)
        for i, c in stored.claims.items() if c.get("speaker")
    }  # fmt: skip
    entries = build_timeline(mentions, stored.documents, contradicted, roles)
    if actor:
        needle = actor.lower()
        entries = [
            e for e in entries
            if needle in (e.actor1 or "").lower() or any(needle in (s.speaker or "").lower() for s in e.sources)
        ]  # fmt: skip
    return entries


def timeline_from_store(store: Store, query: EventQuery, actor: str | None = None) -> list[TimelineEntry]:
    """One entry per real-world event that has a mention matching `query`, oldest first.

    Args:
        store: an open store.
        query: date, place, type and document filters on the mentions.
        actor: keep entries whose actor or one of whose sources contains this text.
    """
    return _timeline(store, _Stored.read(store), query, actor)


def _claim_side(claim: dict[str, Any]) -> dict[str, Any]:
    return {"claim": claim["id"], "doc_id": claim["doc_id"], "speaker": (claim.get("speaker") or {}).get("canonical"),
            "stance": claim.get("stance"), "says": claim["content"]["text"], "sentence": claim.get("sentence"),
            "start": claim.get("start"), "end": claim.get("end")}  # fmt: skip


def _anchored(row: dict[str, Any], first: dict[str, Any] | None) -> dict[str, Any]:
    """A disagreement row takes its provenance from its first side."""
    for key in ("sentence", "start", "end", "text", "evidence"):
        row[key] = first.get(key) if first else None
    return row


# Only an incident pinned to a town (or near one) and a day or week can be disputed: country-
# wide or month-long clusters gather reports of different incidents.
_SPECIFIC_PLACE = (1, 2)
_SPECIFIC_TIME = (1, 2)


def _event_disputes(entry: TimelineEntry) -> list[str]:
    """The reasons a linked event is disputed between documents, for the disagreements list:
    a denial in one document of what another reports, or two documents' figures. A claim the
    event rests on being contradicted is listed as that claim's own row, not again here."""
    if entry.reports < 2 or entry.geo_precision not in _SPECIFIC_PLACE or entry.time_precision not in _SPECIFIC_TIME:
        return []
    out = []
    for reason in entry.disagreements:
        if reason.startswith("a claim it rests on"):
            continue
        if reason.startswith("denied by"):
            deniers = {s.doc_id for s in entry.sources if s.status == "denied"}
            reporters = {s.doc_id for s in entry.sources if s.status in ("confirmed", "claimed")}
            if not reporters - deniers:
                continue  # denied and reported in one article only: that article's own claims say so
        out.append(reason)
    return out


def disagreements_from_store(store: Store, query: EventQuery, doc: str | None = None) -> list[dict[str, Any]]:
    """Contradictions within documents (stored with each article), between claims of different
    documents, and between the reports of one event (a denial, conflicting figures)."""
    stored = _Stored.read(store)
    claims = stored.claims
    rows: list[dict[str, Any]] = []
    for c in stored.contradictions:
        if doc and not c["doc_id"].startswith(doc):
            continue
        sides = [claims[i] for i in c.get("claims", []) if i in claims]
        rows.append(_anchored({**c, "scope": "within document", "sides": [_claim_side(x) for x in sides]},
                              sides[0] if sides else None))  # fmt: skip
    published = {
        i: (dt.date.fromisoformat(d["published"]) if d.get("published") else None)
        for i, d in stored.documents.items()
    }
    for x in find_cross_contradictions([claim_from_row(c) for c in claims.values()], published):
        sides = [claims[i] for i in x.claims]
        if doc and not any(s["doc_id"].startswith(doc) for s in sides):
            continue
        rows.append(_anchored({**x.contract(), "scope": "across documents", "sides": [_claim_side(s) for s in sides]},
                              sides[0]))  # fmt: skip
    for entry in _timeline(store, stored, query, None):
        reasons = _event_disputes(entry)
        if not reasons:
            continue
        if doc and not any(s.doc_id.startswith(doc) for s in entry.sources):
            continue
        rows.append({
            "kind": "contradiction", "id": f"{entry.cluster_id}-x", "doc_id": entry.doc_id,
            "sentence": entry.sentence, "start": entry.start, "end": entry.end, "text": entry.text,
            "evidence": entry.evidence, "claims": [s.event_id for s in entry.sources],
            "about": f"{entry.sub_event_type}, {entry.date}, {(entry.place or {}).get('name')}",
            "reason": "; ".join(reasons), "scope": "across documents",
            "sides": [{"event": s.event_id, "doc_id": s.doc_id, "speaker": s.speaker, "outlet": s.outlet,
                       "status": s.status, "says": s.evidence, "sentence": s.sentence, "start": s.start,
                       "end": s.end} for s in entry.sources],
        })  # fmt: skip
    return rows


def _touches(event: dict[str, Any], contradiction: dict[str, Any], claims: dict[str, dict[str, Any]]) -> bool:
    """A disagreement in the event's document touches the event when the event rests on one of
    its claims or is told in the sentence of one (as links/ingest.py marks `disputed`)."""
    ids = contradiction.get("claims", [])
    if event.get("claim_id") in ids:
        return True
    return any(claims[i].get("sentence") == event.get("sentence") for i in ids if i in claims)


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with every report of the real-world event it belongs to, the claim it rests
    on, its quantities, its independent sources and each disagreement with both sides; None when
    no event has this id. Reads only the documents that report it."""
    event = store.get_event(event_id)
    if event is None:
        return None
    mentions = store.get_cluster_mentions({event.cluster_id}) if event.cluster_id else [event]
    doc_ids = {m.doc_id for m in mentions} | {event.doc_id}
    documents = {d.doc_id: d.model_dump() for d in store.get_documents(doc_ids)}
    claims = {c["id"]: c for d in sorted(doc_ids) for c in store.get_items("claim", doc_id=d)}
    contradictions = [x for d in sorted(doc_ids) for x in store.get_items("contradiction", doc_id=d)]
    roles = {
        i: " ".join(x for x in (c["speaker"].get("canonical"), c["speaker"].get("role"), c["speaker"].get("text")) if x)
        for i, c in claims.items() if c.get("speaker")
    }  # fmt: skip
    contradicted = {c for row in contradictions for c in row.get("claims", [])}
    entries = build_timeline([m.row for m in mentions], documents, contradicted, roles)
    entry = entries[0] if entries else None
    disagreements = []
    for x in contradictions:
        if x["doc_id"] != event.doc_id or not _touches(event.row, x, claims):
            continue
        sides = [claims[i] for i in x.get("claims", []) if i in claims]
        disagreements.append({
            "id": x["id"], "scope": "within document", "reason": x.get("reason"), "about": x.get("about"),
            "sides": [{"doc_id": s["doc_id"], "speaker": (s.get("speaker") or {}).get("canonical"),
                       "outlet": documents.get(s["doc_id"], {}).get("outlet"), "status": s.get("stance"),
                       "says": s["evidence"], "sentence": s.get("sentence"), "start": s.get("start"),
                       "end": s.get("end")} for s in sides],
        })  # fmt: skip
    if entry is not None:
        for reason in _event_disputes(entry):
            disagreements.append({
                "id": f"{entry.cluster_id}-x", "scope": "across documents", "reason": reason,
                "about": f"{entry.sub_event_type}, {entry.date}, {(entry.place or {}).get('name')}",
                "sides": [{"doc_id": s.doc_id, "speaker": s.speaker, "outlet": s.outlet, "status": s.status,
                           "says": s.evidence, "sentence": s.sentence, "start": s.start, "end": s.end}
                          for s in entry.sources],
            })  # fmt: skip
    quantities = [
        q for q in store.get_items("quantity", doc_id=event.doc_id) if q.get("sentence") == event.row.get("sentence")
    ]
    return {
        "event": event,
        "mentions": sorted(mentions, key=lambda m: (m.doc_id, m.row.get("start") or 0)),
        "independent_sources": entry.independent_sources if entry else 1,
        "claim": next(iter(store.get_claims(ids={event.row["claim_id"]})), None) if event.row.get("claim_id") else None,
        "quantities": quantities,
        "disagreements": disagreements,
    }
