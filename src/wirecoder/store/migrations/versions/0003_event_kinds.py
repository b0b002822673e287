"""Event kinds: each event row says whether it is an incident, a background incident or a generic
mention, and how confident the extraction is, so that queries show incidents by default.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        # Rows stored before this revision were all shown: they stay incidents until re-ingested.
        batch.add_column(sa.Column("event_kind", sa.String(16), nullable=False, server_default="incident"))
        batch.add_column(sa.Column("confidence", sa.Float))
        batch.create_index("ix_events_kind", ["event_kind"])


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_kind")
        batch.drop_column("confidence")
        batch.drop_column("event_kind")
