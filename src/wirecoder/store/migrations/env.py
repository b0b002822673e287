"""Alembic environment: runs on the connection the store hands over (no ini file, no logging setup)."""

from __future__ import annotations

from alembic import context

from wirecoder.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always passes its connection
    raise RuntimeError("wirecoder migrations run through wirecoder.store.open_store()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
