"""What `wirecoder watch` remembers between polls: each feed's validators (ETag, Last-Modified)
and last poll, and each article URL it has fetched, so a restarted watcher resumes and never
fetches or stores a page twice.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_poll", sa.String(32)),
        sa.Column("last_status", sa.Text),
        sa.Column("links", sa.Integer),
    )
    op.create_table(
        "fetched",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),  # stored, unchanged, gone, failed
        sa.Column("doc_id", sa.String(32)),
        sa.Column("error", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
        sa.Column("fetched_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("fetched")
    op.drop_table("feeds")
