"""The store's tables (SQLAlchemy Core). Migrations in migrations/versions create the same shape."""

from __future__ import annotations

from sqlalchemy import (
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
    Index("ix_events_dates", "date_start", "date_end"),
    Index("ix_events_kind", "event_kind"),
    Index("ix_events_cluster", "cluster_id"),
    Index("ix_events_latlon", "lat", "lon"),
    Index("ix_events_doc", "doc_id"),
)
