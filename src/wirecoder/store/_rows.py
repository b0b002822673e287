"""Contract rows (the JSONL an article yields) to the columns of the store's tables.

Used when an article is saved and by migration 0004 to fill the tables from rows stored before.
"""

from __future__ import annotations

import json
from typing import Any

from wirecoder.store.base import StoredEvent


def _inside(place: dict[str, Any], start: int | None, end: int | None) -> bool:
    return start is not None and end is not None and start <= (place.get("start") or -1) and (place.get("end") or 0) <= end


def _content_place(claim: dict[str, Any], places: list[dict[str, Any]]) -> dict[str, Any] | None:
    content = claim.get("content") or {}
    return next((p for p in places if _inside(p, content.get("start"), content.get("end"))), None)


def claim_place(
    claim: dict[str, Any], places: list[dict[str, Any]], claims: list[dict[str, Any]] = ()  # type: ignore[assignment]
) -> dict[str, Any] | None:
    """The place a claim is about: the first resolved place its content names; for a content
    that names none, the place of the same speaker's claim in the same sentence ("shelled Orikhiv,
    the governor said, adding that three civilians were wounded"). A place elsewhere in the
    sentence is not enough: it may belong to another clause or to the speaker's title."""
    same_doc = [p for p in places if p.get("doc_id") == claim.get("doc_id") and p.get("lat") is not None]
    own = _content_place(claim, same_doc)
    if own is not None:
        return own
    who = (claim.get("speaker") or {}).get("canonical") or (claim.get("speaker") or {}).get("text")
    for other in claims:
        if other is claim or other.get("sentence") != claim.get("sentence") or other.get("doc_id") != claim.get("doc_id"):
            continue
        other_who = (other.get("speaker") or {}).get("canonical") or (other.get("speaker") or {}).get("text")
        if who and other_who == who and (place := _content_place(other, same_doc)) is not None:
            return place
    return None


def claim_columns(
    row: dict[str, Any], places: list[dict[str, Any]], claims: list[dict[str, Any]] = ()  # type: ignore[assignment]
) -> dict[str, Any]:
    """The `claims` table's columns of a claim row; `places` and `claims` are the rows of its
    document."""
    speaker = row.get("speaker") or {}
    content = row.get("content") or {}
    place = claim_place(row, places, claims) if places else None
    return {
        "claim_id": row["id"],
        "doc_id": row["doc_id"],
        "sentence": row.get("sentence"),
        "start": row.get("start"),
        "end": row.get("end"),
        "text": row.get("text"),
        "evidence": row.get("evidence"),
        "speaker": speaker.get("canonical") or speaker.get("text"),
        "speaker_text": speaker.get("text"),
        "speaker_type": speaker.get("entity_type"),
        "channel": row.get("via"),
        "cue": (row.get("cue") or {}).get("text"),
        "stance": row.get("stance"),
        "direct": row.get("direct"),
        "hedged": row.get("hedged"),
        "content": content.get("text"),
        "claim_date": row.get("date"),
        "place": place.get("name") if place else None,
        "lat": place.get("lat") if place else None,
        "lon": place.get("lon") if place else None,
    }


def place_columns(row: dict[str, Any], place_id: str) -> dict[str, Any]:
    """The `places` table's columns of a place row."""
    return {
        "place_id": place_id,
        "doc_id": row["doc_id"],
        "sentence": row.get("sentence"),
        "start": row.get("start"),
        "end": row.get("end"),
        "text": row.get("text"),
        "name": row.get("name"),
        "lat": row.get("lat"),
        "lon": row.get("lon"),
        "country_code": row.get("country_code"),
        "admin1": row.get("admin1"),
        "feature": row.get("feature"),
        "geonames_id": row.get("geonames_id"),
        "geo_precision": row.get("geo_precision"),
        "resolved": row.get("resolved"),
    }


def event_columns(row: dict[str, Any], outlet: str | None) -> dict[str, Any]:
    """The columns the API filters events on that migration 0004 added."""
    place = row.get("place") or {}
    return {
        "actor2": row.get("actor2"),
        "place_name": place.get("name"),
        "country_code": place.get("country_code"),
        "outlet": outlet,
        "evidence": row.get("evidence"),
    }


def stored_event(m: Any) -> StoredEvent:
    """A StoredEvent of an `events` row mapping."""
    row = {**json.loads(m["payload"]), "cluster_id": m["cluster_id"]}
    fields = {k: m[k] for k in StoredEvent.model_fields if k != "row" and k in m}
    return StoredEvent(**fields, row=row)
