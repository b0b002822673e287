"""Initial schema: documents, items, events.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(32), primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("published_from", sa.String(16)),
        sa.Column("body_start", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentences", sa.Integer, nullable=False),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("failures", sa.Text, nullable=False),
    )
    op.create_table(
        "items",
        sa.Column("item_id", sa.String(64), primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(32),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Integer),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("text", sa.Text),
        sa.Column("label", sa.Text),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_items_doc_kind", "items", ["doc_id", "kind"])
    op.create_index("ix_items_kind_label", "items", ["kind", "label"])
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(32),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("date", sa.String(32)),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("actor1", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_events_dates", "events", ["date_start", "date_end"])
    op.create_index("ix_events_latlon", "events", ["lat", "lon"])
    op.create_index("ix_events_doc", "events", ["doc_id"])


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("items")
    op.drop_table("documents")
