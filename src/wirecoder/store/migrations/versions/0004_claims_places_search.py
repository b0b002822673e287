"""Claims and places in tables of their own, events with the columns the API filters on, full-text
search over documents and evidence, and a spatial and temporal index of events.

- `claims`: speaker, channel, stance, content and the place the content names, as real columns, so
  Datasette, DuckDB or psql users ask "who said what about Kherson" without JSON functions.
- `places`: every resolved or unresolved place mention with its coordinates.
- `events`: actor2, place name, country, outlet, evidence and a `disputed` flag.
- `event_days`: events per day and type, a count column per kind and status, kept by triggers,
  for the histogram (one row per day and type: the whole war's histogram is a few thousand rows).
- SQLite: FTS5 tables over document text and event evidence, and an R*Tree over (lon, lat, day),
  both kept by triggers. PostgreSQL: tsvector columns with GIN indexes, and, when the PostGIS
  extension can be created, a geography column with a GiST index.

Rows stored before this revision are copied into the new tables from their JSON payloads.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Days are Julian day numbers (SQLite's julianday(), PostgreSQL's date - '4713-11-24 BC').
# An event with no coordinates sits at this longitude in the R*Tree, outside every bounding box.
NO_LON = 1000.0

_SQLITE = [
    # Full-text search: external-content FTS5 tables over documents and event evidence.
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "END",
    "CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='events', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN "
    "INSERT INTO events_fts(rowid, evidence) VALUES (new.rowid, new.evidence); END",
    "CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN "
    "INSERT INTO events_fts(events_fts, rowid, evidence) VALUES ('delete', old.rowid, old.evidence); END",
    # Where and when: one box per event, (lon, lat, julian day), for bbox and date-window queries.
    "CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_day, max_day)",
    f"CREATE TRIGGER events_rtree_ai AFTER INSERT ON events WHEN new.date_start IS NOT NULL BEGIN "
    f"INSERT INTO events_rtree VALUES (new.rowid, coalesce(new.lon, {NO_LON}), coalesce(new.lon, {NO_LON}), "
    f"coalesce(new.lat, 0), coalesce(new.lat, 0), julianday(new.date_start), julianday(new.date_end)); END",
    "CREATE TRIGGER events_rtree_ad AFTER DELETE ON events BEGIN "
    "DELETE FROM events_rtree WHERE id = old.rowid; END",
]

_POSTGRES = [
    "ALTER TABLE documents ADD COLUMN text_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_documents_text_tsv ON documents USING gin (text_tsv)",
    "ALTER TABLE events ADD COLUMN evidence_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', coalesce(evidence, ''))) STORED",
    "CREATE INDEX ix_events_evidence_tsv ON events USING gin (evidence_tsv)",
]

_POSTGIS = [
    "ALTER TABLE events ADD COLUMN geog geography(Point, 4326) GENERATED ALWAYS AS "
    "(CASE WHEN lat IS NULL OR lon IS NULL THEN NULL "
    "ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography END) STORED",
    "CREATE INDEX ix_events_geog ON events USING gist (geog)",
]


# The count columns of event_days: one per event kind and status.
KINDS = ("incident", "background", "generic")
STATUSES = ("confirmed", "claimed", "denied", "announced")
COUNTS = [f"n_{k}_{s}" for k in KINDS for s in STATUSES]


def _day_count_triggers(dialect: str) -> list[str]:
    """Triggers that keep event_days in step with events, on each backend."""
    as_int = "" if dialect == "sqlite" else "::int"

    def flags(row: str) -> list[str]:
        return [f"({row}.event_kind = '{k}' AND {row}.status = '{s}'){as_int}" for k in KINDS for s in STATUSES]

    insert = (
        f"INSERT INTO event_days(day, event_type, {', '.join(COUNTS)}) "
        f"VALUES ({{row}}.date_start, {{row}}.event_type, {', '.join(flags('{row}'))}) "
        f"ON CONFLICT (day, event_type) DO UPDATE SET "
        + ", ".join(f"{c} = event_days.{c} + excluded.{c}" for c in COUNTS)
    )
    update = (
        "UPDATE event_days SET " + ", ".join(f"{c} = {c} - {f}" for c, f in zip(COUNTS, flags("{row}"), strict=True))
        + " WHERE day = {row}.date_start AND event_type = {row}.event_type"
    )
    if dialect == "sqlite":
        return [
            "CREATE TRIGGER event_days_ai AFTER INSERT ON events WHEN new.date_start IS NOT NULL BEGIN "
            + insert.format(row="new") + "; END",
            "CREATE TRIGGER event_days_ad AFTER DELETE ON events WHEN old.date_start IS NOT NULL BEGIN "
            + update.format(row="old") + "; END",
        ]
    return [
        "CREATE FUNCTION wirecoder_event_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP = 'INSERT' AND NEW.date_start IS NOT NULL THEN " + insert.format(row="NEW") + "; "
        "ELSIF TG_OP = 'DELETE' AND OLD.date_start IS NOT NULL THEN " + update.format(row="OLD") + "; "
        "END IF; RETURN NULL; END $$",
        "CREATE TRIGGER event_days_t AFTER INSERT OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION wirecoder_event_days()",
    ]


def _postgis(bind: Any) -> bool:
    """Create PostGIS when the server has it and we may; a store without it still works (the
    lat/lon columns are indexed either way)."""
    available = bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).first()
    if not available:
        return False
    bind.execute(sa.text("SAVEPOINT wirecoder_postgis"))
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except sa.exc.DBAPIError:
        bind.execute(sa.text("ROLLBACK TO SAVEPOINT wirecoder_postgis"))
        return False
    bind.execute(sa.text("RELEASE SAVEPOINT wirecoder_postgis"))
    return True


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(32), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("sentence", sa.Integer),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("text", sa.Text),
        sa.Column("evidence", sa.Text),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_type", sa.String(32)),
        sa.Column("channel", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("stance", sa.String(16)),
        sa.Column("direct", sa.Boolean),
        sa.Column("hedged", sa.Boolean),
        sa.Column("content", sa.Text),
        sa.Column("claim_date", sa.String(32)),
        sa.Column("place", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Index("ix_claims_doc", "doc_id"),
        sa.Index("ix_claims_speaker", "speaker"),
        sa.Index("ix_claims_place", "place"),
    )
    op.create_table(
        "places",
        sa.Column("place_id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(32), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("sentence", sa.Integer),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("text", sa.Text),
        sa.Column("name", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country_code", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("feature", sa.String(16)),
        sa.Column("geonames_id", sa.Integer),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("resolved", sa.Boolean),
        sa.Index("ix_places_doc", "doc_id"),
        sa.Index("ix_places_name", "name"),
        sa.Index("ix_places_latlon", "lat", "lon"),
    )
    op.create_table(
        "event_days",
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("event_type", sa.Text, primary_key=True),
        *(sa.Column(c, sa.Integer, nullable=False, server_default="0") for c in COUNTS),
        sqlite_with_rowid=False,  # clustered on its key: the histogram reads it in order
    )
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("actor2", sa.Text))
        batch.add_column(sa.Column("place_name", sa.Text))
        batch.add_column(sa.Column("country_code", sa.String(2)))
        batch.add_column(sa.Column("outlet", sa.Text))
        batch.add_column(sa.Column("evidence", sa.Text))
        batch.add_column(sa.Column("evidence_start", sa.Integer))
        batch.add_column(sa.Column("evidence_end", sa.Integer))
        batch.add_column(sa.Column("disputed", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.create_index("ix_events_type_start", ["event_type", "date_start"])
    # Keyset paging sorts on coalesce(date_start, ''): undated events first on both backends.
    op.create_index("ix_events_sortdate", "events", [sa.text("coalesce(date_start, '')"), "event_id"])
    _backfill(bind)
    if bind.dialect.name == "sqlite":
        for statement in _SQLITE:
            op.execute(statement)
        op.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
        op.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
        op.execute(
            f"INSERT INTO events_rtree SELECT rowid, coalesce(lon, {NO_LON}), coalesce(lon, {NO_LON}), "
            "coalesce(lat, 0), coalesce(lat, 0), julianday(date_start), julianday(date_end) "
            "FROM events WHERE date_start IS NOT NULL"
        )
    elif bind.dialect.name == "postgresql":
        for statement in _POSTGRES:
            op.execute(statement)
        if _postgis(bind):
            for statement in _POSTGIS:
                op.execute(statement)
    as_int = "" if bind.dialect.name == "sqlite" else "::int"
    sums = ", ".join(f"sum((event_kind = '{k}' AND status = '{s}'){as_int})" for k in KINDS for s in STATUSES)
    op.execute(
        f"INSERT INTO event_days(day, event_type, {', '.join(COUNTS)}) SELECT date_start, event_type, {sums} "
        "FROM events WHERE date_start IS NOT NULL GROUP BY date_start, event_type"
    )
    for statement in _day_count_triggers(bind.dialect.name):
        op.execute(statement)


def _backfill(bind: Any) -> None:
    """Fill the new columns and tables from the JSON payloads of rows stored before."""
    from wirecoder.store._rows import claim_columns, event_columns, place_columns

    outlets = dict(bind.execute(sa.text("SELECT doc_id, outlet FROM documents")).all())
    events = sa.table(
        "events", sa.column("event_id"), sa.column("actor2"), sa.column("place_name"), sa.column("country_code"),
        sa.column("outlet"), sa.column("evidence"),
    )  # fmt: skip
    for event_id, doc_id, payload in bind.execute(sa.text("SELECT event_id, doc_id, payload FROM events")).all():
        cols = event_columns(json.loads(payload), outlets.get(doc_id))
        bind.execute(
            events.update().where(events.c.event_id == event_id).values(
                actor2=cols["actor2"], place_name=cols["place_name"], country_code=cols["country_code"],
                outlet=cols["outlet"], evidence=cols["evidence"],
            )
        )  # fmt: skip
    rows = bind.execute(sa.text("SELECT doc_id, kind, payload FROM items WHERE kind IN ('claim', 'place')")).all()
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for doc_id, _kind, payload in rows:
        by_doc.setdefault(doc_id, []).append(json.loads(payload))
    claims_t = sa.table("claims", *(sa.column(c) for c in claim_columns({"id": "", "doc_id": ""}, [])))
    places_t = sa.table("places", *(sa.column(c) for c in place_columns({"doc_id": ""}, "")))
    for doc_rows in by_doc.values():
        places = [r for r in doc_rows if r["kind"] == "place"]
        doc_claims = [r for r in doc_rows if r["kind"] == "claim"]
        claims = [claim_columns(r, places, doc_claims) for r in doc_claims]
        place_rows = [place_columns(r, f"{r['doc_id']}-p{i}") for i, r in enumerate(places)]
        if claims:
            bind.execute(claims_t.insert(), claims)
        if place_rows:
            bind.execute(places_t.insert(), place_rows)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("documents_fts_ai", "documents_fts_ad", "events_fts_ai", "events_fts_ad", "events_rtree_ai",
                     "events_rtree_ad", "event_days_ai", "event_days_ad"):  # fmt: skip
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in ("documents_fts", "events_fts", "events_rtree"):
            op.execute(f"DROP TABLE IF EXISTS {name}")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS event_days_t ON events")
        op.execute("DROP FUNCTION IF EXISTS wirecoder_event_days()")
        op.execute("ALTER TABLE events DROP COLUMN IF EXISTS geog")
        op.execute("ALTER TABLE events DROP COLUMN IF EXISTS evidence_tsv")
        op.execute("ALTER TABLE documents DROP COLUMN IF EXISTS text_tsv")
    op.drop_index("ix_events_sortdate", "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_type_start")
        for name in ("disputed", "evidence_end", "evidence_start", "evidence", "outlet", "country_code", "place_name", "actor2"):
            batch.drop_column(name)
    op.drop_table("event_days")
    op.drop_table("places")
    op.drop_table("claims")
