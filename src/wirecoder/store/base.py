"""The Store protocol: what every backend (SQLite, PostgreSQL) offers the library and the CLI."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from enum import Enum
from typing import Any, NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict

from wirecoder.records import Article, ArticleResult


class SaveOutcome(str, Enum):
    NEW = "new"  # first time this document is stored
    UNCHANGED = "unchanged"  # same text, same pipeline version, same date: nothing written
    UPDATED = "updated"  # same text re-processed (new pipeline version or a publication date given)


SORTS = ("date", "-date", "confidence", "-confidence", "type", "-type", "place", "-place", "status", "-status")


class EventQuery(BaseModel):
    """Filters for `Store.get_events`; every field optional.

    A date window (`since`, `until`) matches events whose date range overlaps it; an event whose
    range spans more than `MAX_SPAN_DAYS` matches only if it starts within that many days before
    `since` (the bound lets the date index answer the query).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None  # ACLED event_type or sub_event_type, case-insensitive
    sub_event_type: str | None = None  # exactly this ACLED sub-event type, case-insensitive
    near: tuple[float, float] | None = None  # (lat, lon)
    km: float = 25.0
    bbox: tuple[float, float, float, float] | None = None  # (min_lon, min_lat, max_lon, max_lat)
    actor: str | None = None  # actor1 or actor2 contains this, case-insensitive
    status: str | None = None  # confirmed, claimed, denied, announced
    kind: str | None = None  # incident, background (generic with generic=True)
    disputed: bool | None = None
    outlet: str | None = None  # the outlet contains this
    q: str | None = None  # full text over the evidence sentence
    doc_id: str | None = None
    limit: int | None = None
    generic: bool = False  # also generic mentions (war talk, plans, negations), not only incidents
    sort: str = "date"  # one of SORTS; a leading '-' sorts descending
    after: tuple[Any, str] | None = None  # keyset paging: the sort value and id of the last row seen


MAX_SPAN_DAYS = 400


class StoredDocument(BaseModel):
    """A stored document, without its text unless asked for."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    path: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: str | None = None
    body_start: int = 0
    sentences: int = 0
    pipeline_version: str = ""
    failures: str = "[]"
    text: str | None = None


class StoredEvent(BaseModel):
    """A stored event mention: the columns queries filter on, and its JSONL contract row."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    lat: float | None = None
    lon: float | None = None
    actor1: str | None = None
    actor2: str | None = None
    source: str | None = None
    status: str = "confirmed"
    event_kind: str = "incident"
    confidence: float | None = None
    geo_precision: int | None = None
    cluster_id: str | None = None
    place_name: str | None = None
    country_code: str | None = None
    outlet: str | None = None
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    disputed: bool = False
    row: dict[str, Any]  # the JSONL contract row, with its cluster_id


class StoredClaim(BaseModel):
    """A stored claim: who said what, through which channel, about which place."""

    model_config = ConfigDict(frozen=True)

    claim_id: str
    doc_id: str
    sentence: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_type: str | None = None
    channel: str | None = None
    cue: str | None = None
    stance: str | None = None
    direct: bool | None = None
    hedged: bool | None = None
    content: str | None = None
    claim_date: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None


class DayCount(NamedTuple):
    """Events of one type on one day (the day their date range starts). A named tuple, not a
    model: the whole war's histogram is thousands of them per request."""

    day: str
    event_type: str
    n: int


class Store(Protocol):
    """A place to keep article results. Writes are one transaction per article and idempotent."""

    url: str

    def is_current(self, article: Article, pipeline_version: str) -> bool: ...

    def linking_lock(self) -> AbstractContextManager[None]: ...

    def save_article_result(
        self, result: ArticleResult, *, clusters: dict[str, str] | None = None, disputed: frozenset[str] = frozenset()
    ) -> SaveOutcome: ...

    def get_events(self, query: EventQuery) -> list[StoredEvent]: ...

    def get_event(self, event_id: str) -> StoredEvent | None: ...

    def get_cluster_mentions(self, cluster_ids: set[str]) -> list[StoredEvent]: ...

    def link_candidates(self, doc_id: str, event_types: set[str], lo: dt.date, hi: dt.date) -> list[StoredEvent]: ...

    def get_claims(
        self, *, speaker: str | None = None, doc_id: str | None = None, place: str | None = None,
        q: str | None = None, ids: set[str] | None = None, limit: int | None = None,
    ) -> list[StoredClaim]: ...

    def claim_channels(self, ids: set[str]) -> dict[str, str]: ...

    def day_counts(self, query: EventQuery) -> list[DayCount]: ...

    def get_items(
        self, kind: str, *, doc_id: str | None = None, label: str | None = None
    ) -> list[dict[str, Any]]: ...

    def get_documents(self, doc_ids: set[str] | None = None) -> list[StoredDocument]: ...

    def get_document(self, doc_id: str) -> StoredDocument | None: ...

    def search_documents(self, q: str, *, limit: int = 50) -> list[StoredDocument]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
