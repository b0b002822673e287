"""The HTTP API over a store: thin handlers that read the request's parameters into the same
`EventQuery` the CLI builds, call the library, and answer with `*Public` models. No SQL here.

Every bad parameter gets a 400 with a JSON problem naming it (`{"detail": ..., "parameter": ...}`);
an unknown id a 404.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections import Counter
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from wirecoder import __version__
from wirecoder.api.models import (
    ClaimPage,
    ClaimPublic,
    DisagreementPage,
    DisagreementPublic,
    DocumentPage,
    DocumentPublic,
    DocumentSummary,
    EventDetail,
    EventPage,
    EventPublic,
    PlacePage,
    PlacePublic,
    Problem,
    QuantityPublic,
    Side,
    SpanPublic,
    Stats,
    TimelinePage,
)
from wirecoder.errors import WirecoderError
from wirecoder.export.writers import SafeDictWriter
from wirecoder.links.views import disagreements_from_store, event_detail, timeline_from_store
from wirecoder.store import EventQuery, SqlStore, open_store
from wirecoder.store._query import cursor_token, parse_cursor, sort_value
from wirecoder.store.base import SORTS

MAX_LIMIT = 1000
STATUSES = ("confirmed", "claimed", "denied", "announced")
KINDS = ("incident", "background", "generic")
FORMATS = ("json", "csv", "geojson")
_SPAN_KINDS = ("event", "claim", "place", "time", "quantity")


class BadParameter(Exception):
    """A request parameter the API cannot use; answered with a 400 problem naming it."""

    def __init__(self, parameter: str, detail: str) -> None:
        super().__init__(detail)
        self.parameter = parameter
        self.detail = detail


def _date(name: str, value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"{name}={value!r}: not a date; use YYYY-MM-DD") from None


def _floats(name: str, value: str, n: int) -> list[float]:
    try:
        out = [float(x) for x in value.split(",")]
    except ValueError:
        out = []
    if len(out) != n or not all(math.isfinite(x) for x in out):
        raise BadParameter(name, f"{name}={value!r}: expected {n} comma-separated numbers")
    return out


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    x0, y0, x1, y1 = _floats("bbox", value, 4)
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise BadParameter("bbox", f"bbox={value!r}: expected min_lon,min_lat,max_lon,max_lat within the globe")
    return x0, y0, x1, y1


def _near(value: str | None) -> tuple[float, float] | None:
    """A point, as 'lat,lon' or a place name looked up in the gazetteer."""
    if not value:
        return None
    if any(c.isdigit() for c in value) and "," in value:
        lat, lon = _floats("near", value, 2)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise BadParameter("near", f"near={value!r}: latitude or longitude out of range")
        return lat, lon
    from wirecoder.places import open_gazetteer

    found = open_gazetteer().lookup(value, limit=1)
    if not found:
        raise BadParameter("near", f"near={value!r}: unknown place (give 'lat,lon' or a gazetteer name)")
    return found[0].lat, found[0].lon


def _choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise BadParameter(name, f"{name}={value!r}: choose one of {', '.join(allowed)}")
    return value


def event_query(
    since: Annotated[str | None, Query(description="events on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="events on or before YYYY-MM-DD")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    near: Annotated[str | None, Query(description="'lat,lon' or a place name")] = None,
    km: Annotated[float, Query(gt=0, le=20000, description="radius around near, km")] = 25.0,
    type: Annotated[str | None, Query(description="ACLED event type or sub-event type")] = None,
    sub_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
    actor: Annotated[str | None, Query(description="actor1 or actor2 contains this")] = None,
    status: Annotated[str | None, Query(description="confirmed, claimed, denied or announced")] = None,
    kind: Annotated[str | None, Query(description="incident or background (generic with generic=true)")] = None,
    disputed: Annotated[bool | None, Query(description="only events a disagreement touches (or not)")] = None,
    outlet: Annotated[str | None, Query(description="the outlet contains this")] = None,
    q: Annotated[str | None, Query(description="words of the evidence sentence (all must occur)")] = None,
    doc_id: Annotated[str | None, Query(description="only this document (or id prefix)")] = None,
    generic: Annotated[bool, Query(description="also generic mentions (war talk, plans, negations)")] = False,
) -> EventQuery:
    """The filters /api/events, /api/stats, /api/timeline and /api/disagreements share."""
    start, end = _date("since", since), _date("until", until)
    if start and end and start > end:
        raise BadParameter("until", f"until={until} is before since={since}")
    return EventQuery(
        since=start, until=end, bbox=_bbox(bbox), near=_near(near), km=km, event_type=type or None,
        sub_event_type=sub_type or None, actor=actor or None, status=_choice("status", status, STATUSES),
        kind=_choice("kind", kind, KINDS), disputed=disputed, outlet=outlet or None, q=q or None,
        doc_id=doc_id or None, generic=generic or kind == "generic",
    )  # fmt: skip


def _problem(status: int, detail: str, parameter: str | None = None) -> JSONResponse:
    return JSONResponse(Problem(detail=detail, parameter=parameter).model_dump(), status_code=status)


_CSV_COLUMNS = list(EventPublic.model_fields)


def _csv(items: list[EventPublic]) -> Response:
    buf = io.StringIO()
    writer = SafeDictWriter(buf, fieldnames=_CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(e.model_dump() for e in items)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})  # fmt: skip


def _geojson(items: list[EventPublic], next_cursor: str | None) -> Response:
    features = [
        {"type": "Feature", "id": e.id, "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
         "properties": e.model_dump(exclude={"lat", "lon"})}
        for e in items if e.lat is not None and e.lon is not None
    ]  # fmt: skip
    body = {"type": "FeatureCollection", "features": features, "next_cursor": next_cursor}
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/geo+json")


def create_app(db: str = "sqlite:///wirecoder.db", *, web: bool = True) -> FastAPI:
    """The API (and, with `web`, the page) over the store at `db`.

    Example:
        >>> app = create_app("sqlite:///wirecoder.db")
        >>> uvicorn.run(app, host="127.0.0.1", port=8000)
    Raises:
        StoreError: the store cannot be opened.
    """
    store: SqlStore = open_store(db)
    app = FastAPI(
        redoc_url=None,  # /docs is enough; with the page, mount_web serves it without a CDN
        title="wirecoder",
        version=__version__,
        description="Sourced, dated, geolocated events from war reporting: every item points at its sentence.",
    )
    app.state.store = store

    @app.exception_handler(BadParameter)
    async def _bad_parameter(_: Request, exc: BadParameter) -> JSONResponse:
        return _problem(400, exc.detail, exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        err = exc.errors()[0]
        loc = [str(x) for x in err.get("loc", ())]
        name = loc[-1] if loc else None
        value = err.get("input")
        return _problem(400, f"{name}={value!r}: {err.get('msg')}", name)

    @app.exception_handler(WirecoderError)
    async def _wirecoder(_: Request, exc: WirecoderError) -> JSONResponse:
        return _problem(503, str(exc))

    @app.get("/api/events", response_model=EventPage, summary="Events, filtered, sorted, a page at a time")
    def list_events(
        query: Annotated[EventQuery, Depends(event_query)],
        sort: Annotated[str, Query(description=f"one of {', '.join(SORTS)}")] = "date",
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
        format: Annotated[str, Query(description="json, csv or geojson")] = "json",
    ) -> Any:
        _choice("sort", sort, SORTS)
        _choice("format", format, FORMATS)
        after = None
        if cursor:
            try:
                after = parse_cursor(cursor)
            except ValueError as e:
                raise BadParameter("cursor", str(e)) from None
        rows = store.get_events(query.model_copy(update={"sort": sort, "limit": limit + 1, "after": after}))
        more = len(rows) > limit
        rows = rows[:limit]
        channels = store.claim_channels({r.row["claim_id"] for r in rows if r.row.get("claim_id")})
        items = [EventPublic.of(r, channels.get(r.row.get("claim_id") or "")) for r in rows]
        next_cursor = cursor_token(sort_value(rows[-1], sort), rows[-1].event_id) if more and rows else None
        if format == "csv":
            return _csv(items)
        if format == "geojson":
            return _geojson(items, next_cursor)
        return EventPage(items=items, next_cursor=next_cursor)

    @app.get("/api/events/{event_id}", response_model=EventDetail, responses={404: {"model": Problem}},
             summary="One event: every report of it, its claim, quantities and disagreements")  # fmt: skip
    def get_event(event_id: str) -> Any:
        detail = event_detail(store, event_id)
        if detail is None:
            return _problem(404, f"no event {event_id!r}", "event_id")
        channels = store.claim_channels({m.row["claim_id"] for m in detail["mentions"] if m.row.get("claim_id")})
        return EventDetail(
            event=EventPublic.of(detail["event"], channels.get(detail["event"].row.get("claim_id") or "")),
            mentions=[EventPublic.of(m, channels.get(m.row.get("claim_id") or "")) for m in detail["mentions"]],
            independent_sources=detail["independent_sources"],
            claim=ClaimPublic.of(detail["claim"]) if detail["claim"] is not None else None,
            quantities=[
                QuantityPublic(text=q["text"], value=q.get("value"), unit=q.get("unit"), start=q["start"], end=q["end"])
                for q in detail["quantities"]
            ],
            disagreements=[DisagreementPublic(**d) for d in detail["disagreements"]],
        )

    @app.get("/api/stats", response_model=Stats, summary="Counts per day and type, for the histogram")
    def stats(query: Annotated[EventQuery, Depends(event_query)]) -> Any:
        days = store.day_counts(query)
        types: Counter[str] = Counter()
        for d in days:
            types[d.event_type] += d.n
        # Thousands of rows for a long war: written straight to JSON (the shape is Stats, as
        # documented), not validated row by row on the way out.
        body = {
            "days": [{"day": d.day, "event_type": d.event_type, "n": d.n} for d in days],
            "types": dict(types.most_common()), "total": sum(types.values()),
            "first": days[0].day if days else None, "last": days[-1].day if days else None,
        }  # fmt: skip
        return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")), media_type="application/json")

    @app.get("/api/timeline", response_model=TimelinePage,
             summary="One entry per real-world event, with its independent sources")  # fmt: skip
    def timeline(
        query: Annotated[EventQuery, Depends(event_query)],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500,
    ) -> TimelinePage:
        entries = timeline_from_store(store, query.model_copy(update={"actor": None}), query.actor)
        return TimelinePage(items=[e.model_dump(mode="json") for e in entries[:limit]])

    @app.get("/api/claims", response_model=ClaimPage, summary="Who said what, through which channel")
    def claims(
        speaker: Annotated[str | None, Query(description="the speaker's name contains this")] = None,
        doc_id: Annotated[str | None, Query(description="only this document (or id prefix)")] = None,
        place: Annotated[str | None, Query(description="the place the claim is about contains this")] = None,
        q: Annotated[str | None, Query(description="the claim's words contain this")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    ) -> ClaimPage:
        rows = store.get_claims(speaker=speaker, doc_id=doc_id, place=place, q=q, limit=limit)
        return ClaimPage(items=[ClaimPublic.of(c) for c in rows])

    @app.get("/api/disagreements", response_model=DisagreementPage, summary="Where sources disagree")
    def disagreements(query: Annotated[EventQuery, Depends(event_query)]) -> DisagreementPage:
        rows = disagreements_from_store(store, query, query.doc_id)
        items = []
        for r in rows:
            sides = []
            for s in r["sides"]:
                sides.append({
                    "doc_id": s["doc_id"], "speaker": s.get("speaker"), "outlet": s.get("outlet"),
                    "status": s.get("status") or s.get("stance"), "says": s["says"], "sentence": s.get("sentence"),
                    "start": s.get("start"), "end": s.get("end"),
                })  # fmt: skip
            items.append(DisagreementPublic(id=r["id"], scope=r["scope"], reason=r.get("reason"),
                                            about=r.get("about"), sides=[Side(**s) for s in sides]))  # fmt: skip
        return DisagreementPage(items=items)

    @app.get("/api/documents", response_model=DocumentPage, summary="Documents whose title or text hold every word")
    def search_documents(
        q: Annotated[str, Query(min_length=1, max_length=500, description="words (full text)")],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    ) -> DocumentPage:
        return DocumentPage(items=[
            DocumentSummary(doc_id=d.doc_id, title=d.title, url=d.url, outlet=d.outlet, published=d.published,
                            path=d.path)
            for d in store.search_documents(q, limit=limit)
        ])  # fmt: skip

    @app.get("/api/documents/{doc_id}", response_model=DocumentPublic, responses={404: {"model": Problem}},
             summary="A document's text and every item in it as a span")  # fmt: skip
    def document(doc_id: str) -> Any:
        doc = store.get_document(doc_id)
        if doc is None or doc.text is None:
            return _problem(404, f"no document {doc_id!r}", "doc_id")
        spans = []
        for kind in _SPAN_KINDS:
            for r in store.get_items(kind, doc_id=doc.doc_id):
                if r.get("start") is None or r.get("end") is None:
                    continue
                label = {
                    "event": r.get("acled_sub_event_type"), "claim": (r.get("speaker") or {}).get("canonical"),
                    "place": r.get("name"), "time": r.get("value"), "quantity": r.get("unit"),
                }[kind]  # fmt: skip
                spans.append(SpanPublic(kind=kind, id=r.get("id"), start=r["start"], end=r["end"],
                                        sentence=r.get("sentence"), label=label))  # fmt: skip
        spans.sort(key=lambda s: (s.start, s.end))
        return DocumentPublic(doc_id=doc.doc_id, title=doc.title, url=doc.url, outlet=doc.outlet,
                              published=doc.published, path=doc.path, text=doc.text, spans=spans)  # fmt: skip

    @app.get("/api/places", response_model=PlacePage, summary="Look a name up in the gazetteer")
    def places(
        q: Annotated[str, Query(min_length=1, max_length=200, description="a place name")],
        limit: Annotated[int, Query(ge=1, le=50)] = 10,
    ) -> PlacePage:
        from wirecoder.places import open_gazetteer

        found = open_gazetteer().lookup(q, limit=limit)
        return PlacePage(items=[
            PlacePublic(name=p.name, lat=p.lat, lon=p.lon, country_code=getattr(p, "country_code", None),
                        admin1=getattr(p, "admin1", None), feature=getattr(p, "feature", None))
            for p in found
        ])  # fmt: skip

    @app.get("/api/health", include_in_schema=False)
    def health() -> dict[str, Any]:
        return {"ok": True, "version": __version__}

    if web:
        from wirecoder.web import mount_web

        mount_web(app)
    return app
