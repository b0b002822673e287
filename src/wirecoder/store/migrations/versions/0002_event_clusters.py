"""Cross-document event clusters: each event row names the cluster (real-world event) it reports.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("cluster_id", sa.String(80)))
        batch.add_column(sa.Column("geo_precision", sa.Integer))
        batch.create_index("ix_events_cluster", ["cluster_id"])
    # Events stored before this revision each stand alone until their document is re-ingested.
    op.execute("UPDATE events SET cluster_id = 'k-' || event_id WHERE cluster_id IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_cluster")
        batch.drop_column("geo_precision")
        batch.drop_column("cluster_id")
