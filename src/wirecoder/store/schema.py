"""The store's tables (SQLAlchemy Core). Migrations in migrations/versions create the same shape."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("path", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", String(10)),  # ISO date or NULL
    Column("published_from", String(16)),
    Column("body_start", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    Column("sentences", Integer, nullable=False),
    Column("pipeline_version", String(32), nullable=False),
    Column("failures", Text, nullable=False, default="[]"),  # JSON list of StageFailure
)

items = Table(
    "items",
    metadata,
    Column("item_id", String(64), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("sentence", Integer),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("label", Text),  # speaker for claims, name for places, value for times
    Column("payload", Text, nullable=False),  # the JSONL contract row
    Index("ix_items_doc_kind", "doc_id", "kind"),
    Index("ix_items_kind_label", "kind", "label"),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("date", String(32)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("lat", Float),
    Column("lon", Float),
    Column("actor1", Text),
    Column("source", Text),
    Column("status", String(16), nullable=False),
    Column("payload", Text, nullable=False),
    Column("cluster_id", String(80)),  # the real-world event this mention reports (links/linking.py)
    Column("geo_precision", Integer),
    Column("event_kind", String(16), nullable=False, server_default="incident"),  # incident, background, generic
    Column("confidence", Float),
    Column("actor2", Text),
    Column("place_name", Text),
    Column("country_code", String(2)),
    Column("outlet", Text),
    Column("evidence", Text),
    Column("evidence_start", Integer),  # the evidence sentence's offsets in the document text
    Column("evidence_end", Integer),
    Column("disputed", Boolean, nullable=False, default=False),  # a disagreement touches it
    Index("ix_events_dates", "date_start", "date_end"),
    Index("ix_events_type_start", "event_type", "date_start"),
    # ix_events_sortdate on (coalesce(date_start, ''), event_id) is made by migration 0004.
    Index("ix_events_kind", "event_kind"),
    Index("ix_events_cluster", "cluster_id"),
    Index("ix_events_latlon", "lat", "lon"),
    Index("ix_events_doc", "doc_id"),
)

# Who said what, in columns (migration 0004): no JSON functions needed to ask about a place.
claims = Table(
    "claims",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("evidence", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("speaker", Text),  # canonical name, else as written
    Column("speaker_text", Text),
    Column("speaker_type", String(32)),
    Column("channel", Text),  # "in a Telegram post", "on state television"
    Column("cue", Text),
    Column("stance", String(16)),  # assert, deny, rebut, ...
    Column("direct", Boolean),
    Column("hedged", Boolean),
    Column("content", Text),
    Column("claim_date", String(32)),
    Column("place", Text),  # the place its content names (store/_rows.py)
    Column("lat", Float),
    Column("lon", Float),
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_speaker", "speaker"),
    Index("ix_claims_place", "place"),
)

places = Table(
    "places",
    metadata,
    Column("place_id", String(64), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("feature", String(16)),
    Column("geonames_id", Integer),
    Column("geo_precision", Integer),
    Column("resolved", Boolean),
    Index("ix_places_doc", "doc_id"),
    Index("ix_places_name", "name"),
    Index("ix_places_latlon", "lat", "lon"),
)

# Events per day and type, a count per kind and status, kept by triggers (migration 0004), for
# the histogram.
EVENT_KINDS = ("incident", "background", "generic")
EVENT_STATUSES = ("confirmed", "claimed", "denied", "announced")


def day_count_column(kind: str, status: str) -> str:
    return f"n_{kind}_{status}"


event_days = Table(
    "event_days",
    metadata,
    Column("day", String(10), primary_key=True),
    Column("event_type", Text, primary_key=True),
    *(Column(day_count_column(k, s), Integer, nullable=False, default=0) for k in EVENT_KINDS for s in EVENT_STATUSES),
)

# `wirecoder watch`: feed validators and the article URLs already fetched (migration 0005).
feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll", String(32)),
    Column("last_status", Text),
    Column("links", Integer),
)

fetched = Table(
    "fetched",
    metadata,
    Column("url", Text, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("doc_id", String(32)),
    Column("error", Text),
    Column("attempts", Integer, nullable=False, default=1),
    Column("fetched_at", String(32), nullable=False),
)
