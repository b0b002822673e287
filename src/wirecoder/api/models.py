"""The API's response shapes (`*Public`), kept apart from the store's and the records' models so
the API stays stable while those change."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from wirecoder.store.base import StoredClaim, StoredEvent


class _Public(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Sourced(_Public):
    """Where an item is: its document, sentence, offsets, text and evidence sentence."""

    id: str
    doc_id: str
    sentence: int | None
    start: int | None
    end: int | None
    text: str | None
    evidence: str | None
    evidence_start: int | None
    evidence_end: int | None


class EventPublic(_Sourced):
    """One event mention, with the sentence it came from."""

    date: str | None
    date_start: str | None
    date_end: str | None
    event_type: str
    sub_event_type: str
    event_kind: str
    reason: str | None
    status: str
    confidence: float | None
    actor1: str | None
    actor2: str | None
    source: str | None
    channel: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    place_name: str | None
    country_code: str | None
    outlet: str | None
    cluster_id: str | None
    claim_id: str | None
    disputed: bool

    @classmethod
    def of(cls, e: StoredEvent, channel: str | None = None) -> EventPublic:
        r = e.row
        return cls(
            id=e.event_id, doc_id=e.doc_id, date=e.date, date_start=e.date_start, date_end=e.date_end,
            event_type=e.event_type, sub_event_type=e.sub_event_type, event_kind=e.event_kind,
            reason=r.get("reason"), status=e.status, confidence=e.confidence, actor1=e.actor1, actor2=e.actor2,
            source=e.source, channel=channel, lat=e.lat, lon=e.lon, geo_precision=e.geo_precision,
            place_name=e.place_name, country_code=e.country_code, outlet=e.outlet, sentence=r.get("sentence"),
            start=r.get("start"), end=r.get("end"), text=r.get("text"), evidence=e.evidence or r.get("evidence"),
            evidence_start=e.evidence_start, evidence_end=e.evidence_end, cluster_id=e.cluster_id,
            claim_id=r.get("claim_id"), disputed=e.disputed,
        )  # fmt: skip


class EventPage(_Public):
    items: list[EventPublic]
    next_cursor: str | None


class ClaimPublic(_Sourced):
    """Who said what, through which channel, how, about which place."""

    speaker: str | None
    speaker_type: str | None
    channel: str | None
    stance: str | None
    direct: bool | None
    hedged: bool | None
    content: str | None
    date: str | None
    place: str | None
    lat: float | None
    lon: float | None

    @classmethod
    def of(cls, c: StoredClaim) -> ClaimPublic:
        return cls(
            id=c.claim_id, doc_id=c.doc_id, sentence=c.sentence, start=c.start, end=c.end, text=c.text,
            evidence=c.evidence, evidence_start=c.evidence_start, evidence_end=c.evidence_end, speaker=c.speaker,
            speaker_type=c.speaker_type, channel=c.channel, stance=c.stance, direct=c.direct, hedged=c.hedged,
            content=c.content, date=c.claim_date, place=c.place, lat=c.lat, lon=c.lon,
        )  # fmt: skip


class ClaimPage(_Public):
    items: list[ClaimPublic]


class Side(_Public):
    """One side of a disagreement: who says what, where."""

    doc_id: str
    speaker: str | None
    outlet: str | None
    status: str | None
    says: str
    sentence: int | None
    start: int | None
    end: int | None


class DisagreementPublic(_Public):
    id: str
    scope: str
    reason: str | None
    about: str | None
    sides: list[Side]


class DisagreementPage(_Public):
    items: list[DisagreementPublic]


class QuantityPublic(_Public):
    text: str
    value: float | None
    unit: str | None
    start: int
    end: int


class EventDetail(_Public):
    event: EventPublic
    mentions: list[EventPublic]
    independent_sources: int
    claim: ClaimPublic | None
    quantities: list[QuantityPublic]
    disagreements: list[DisagreementPublic]


class DayCountPublic(_Public):
    day: str
    event_type: str
    n: int


class Stats(_Public):
    """Counts per day and type (the histogram), per type, and the span of days."""

    days: list[DayCountPublic]
    types: dict[str, int]
    total: int
    first: str | None
    last: str | None


class SpanPublic(_Public):
    kind: str
    id: str | None
    start: int
    end: int
    sentence: int | None
    label: str | None


class DocumentPublic(_Public):
    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    path: str
    text: str
    spans: list[SpanPublic]


class DocumentSummary(_Public):
    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    path: str


class DocumentPage(_Public):
    items: list[DocumentSummary]


class PlacePublic(_Public):
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    feature: str | None


class PlacePage(_Public):
    items: list[PlacePublic]


class TimelinePage(_Public):
    items: list[dict[str, Any]]


class Problem(_Public):
    """A 4xx body: what is wrong and with which parameter."""

    detail: str
    parameter: str | None = None
