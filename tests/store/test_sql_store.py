"""The store on SQLite and PostgreSQL: idempotent writes, one transaction per article, queries."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from wirecoder.records import (
    Article,
    ArticleResult,
    Event,
    EventPlace,
    Provenance,
    Sentence,
    Span,
)
from wirecoder.store import EventQuery, SaveOutcome, open_store

TEXT = "Troops shelled Kherson on Monday. Villagers fled."


def _result(doc_id: str = "d1", published: dt.date | None = dt.date(2022, 11, 11), version: str = "v1", date: str = "2022-11-07", lat: float = 46.63) -> ArticleResult:
    art = Article(doc_id=doc_id, path=f"{doc_id}.txt", text=TEXT, published=published)
    sent = Sentence(index=0, start=0, end=33, text=TEXT[:33])
    prov = Provenance(doc_id=doc_id, sentence=0, start=0, end=33, text=TEXT[:33], evidence=TEXT[:33], stage="events")
    event = Event(
        prov=prov,
        id=f"{doc_id}-e0",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        trigger=Span(text="shelled", start=7, end=14),
        date=date,
        time_precision=1,
        place=EventPlace(name="Kherson", lat=lat, lon=32.61, geonames_id=706448),
    )
    return ArticleResult(article=art, sentences=(sent,), events=(event,), pipeline_version=version)


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    yield s
    s.close()


def test_save_is_idempotent(store) -> None:
    assert store.save_article_result(_result()) is SaveOutcome.NEW
    before = store.counts()
    assert store.save_article_result(_result()) is SaveOutcome.UNCHANGED
    assert store.counts() == before == {"document": 1, "event": 1}


def test_new_pipeline_version_replaces_not_duplicates(store) -> None:
    store.save_article_result(_result())
    assert store.save_article_result(_result(version="v2")) is SaveOutcome.UPDATED
    assert store.counts() == {"document": 1, "event": 1}


def test_a_date_given_later_updates_but_no_date_never_erases_one(store) -> None:
    store.save_article_result(_result(published=None))
    assert store.save_article_result(_result()) is SaveOutcome.UPDATED
    assert store.save_article_result(_result(published=None)) is SaveOutcome.UNCHANGED
    assert store.get_documents()[0].published == "2022-11-11"


def test_failed_write_leaves_the_stored_document_intact(store, monkeypatch) -> None:
    store.save_article_result(_result())
    original = store._insert

    def broken(conn, result, *args):
        original(conn, result, *args)
        raise RuntimeError("disk on fire halfway through")

    monkeypatch.setattr(store, "_insert", broken)
    with pytest.raises(RuntimeError):
        store.save_article_result(_result(version="v2", date="2022-11-08"))
    monkeypatch.undo()
    rows = store.get_events(EventQuery())
    assert [r.date for r in rows] == ["2022-11-07"]  # the old content, whole
    assert store.counts() == {"document": 1, "event": 1}


def test_event_queries(store) -> None:
    store.save_article_result(_result("d1", date="2022-11-07"))
    store.save_article_result(_result("d2", date="2022-03", lat=50.45))
    assert len(store.get_events(EventQuery(since=dt.date(2022, 11, 1)))) == 1
    # a month overlaps a day range inside it
    assert len(store.get_events(EventQuery(since=dt.date(2022, 3, 10), until=dt.date(2022, 3, 12)))) == 1
    assert len(store.get_events(EventQuery(near=(46.6354, 32.6169), km=25))) == 1
    assert len(store.get_events(EventQuery(event_type="shelling/artillery/missile attack"))) == 2
    assert store.get_events(EventQuery(event_type="Protests")) == []


def test_file_is_a_real_sqlite_database(tmp_path: Path) -> None:
    s = open_store(str(tmp_path / "x.db"))
    s.save_article_result(_result())
    s.close()
    con = sqlite3.connect(tmp_path / "x.db")
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {"documents", "items", "events", "alembic_version"} <= tables
    assert con.execute("select version_num from alembic_version").fetchone() == ("0005",)


def test_a_store_from_the_first_schema_is_upgraded_in_place(tmp_path: Path) -> None:
    """A 0.1 store (alembic 0001, no clusters) opens under 0.2: its events keep their rows and
    each stands in a cluster of its own until its document is re-ingested."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from wirecoder.store.sql import _MIGRATIONS

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql(
            "INSERT INTO documents (doc_id, path, body_start, text, sentences, pipeline_version, failures)"
            " VALUES ('d0', 'd0.txt', 0, 'x', 1, 'old', '[]')"
        )
        conn.exec_driver_sql(
            "INSERT INTO events (event_id, doc_id, event_type, sub_event_type, status, payload)"
            " VALUES ('d0-e0', 'd0', 'Battles', 'Armed clash', 'confirmed', '{}')"
        )
    engine.dispose()
    store = open_store(f"sqlite:///{path}")
    store.close()
    con = sqlite3.connect(path)
    assert con.execute("select version_num from alembic_version").fetchone() == ("0005",)
    assert con.execute("select cluster_id from events").fetchall() == [("k-d0-e0",)]
    con.close()


def _sample_store(store_url: str, sample_results: list):
    from wirecoder.links.ingest import save_linked

    s = open_store(store_url)
    for result in sample_results:
        save_linked(s, result)
    return s


def test_claims_table_answers_who_said_what_about_a_place_in_plain_sql(store_url, sample_results) -> None:
    """A Datasette, DuckDB or psql user asks who said what about Orikhiv with no JSON functions."""
    from sqlalchemy import text

    s = _sample_store(store_url, sample_results)
    with s.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT speaker, channel, stance, content FROM claims WHERE place = 'Orikhiv' ORDER BY start")
        ).all()
    s.close()
    assert rows, "no claim about Orikhiv"
    assert all(r.speaker for r in rows)
    governor = [r for r in rows if r.speaker == "regional governor"]
    assert governor and governor[0].channel == "Telegram" and governor[0].stance == "assert"
    assert any("civilians were wounded" in r.content for r in governor)


def test_places_table_has_coordinates(store_url, sample_results) -> None:
    from sqlalchemy import text

    s = _sample_store(store_url, sample_results)
    with s.engine.connect() as conn:
        row = conn.execute(text("SELECT name, lat, lon, country_code FROM places WHERE name = 'Mykolayiv'")).first()
    s.close()
    assert row is not None and row.country_code == "UA" and 46 < row.lat < 48 and 31 < row.lon < 33


def test_full_text_bbox_filters_and_keyset_paging(store_url, sample_results) -> None:
    s = _sample_store(store_url, sample_results)
    everything = s.get_events(EventQuery())
    assert len(everything) == 6
    assert [e.place_name for e in s.get_events(EventQuery(q="warehouse"))] == ["Mykolayiv"]
    assert s.get_events(EventQuery(q="zebra")) == []
    # Zaporizhzhia front only: Orikhiv and Robotyne
    south = s.get_events(EventQuery(bbox=(35.0, 47.0, 36.5, 48.0)))
    assert {e.place_name for e in south} == {"Orikhiv", "Robotyne"}
    assert {e.place_name for e in s.get_events(EventQuery(near=(47.57, 35.78), km=10))} == {"Orikhiv"}
    assert all(e.status == "claimed" for e in s.get_events(EventQuery(status="claimed")))
    assert [e.place_name for e in s.get_events(EventQuery(disputed=True))] == ["Orikhiv"]
    assert s.get_events(EventQuery(outlet="sample desk")) and s.get_events(EventQuery(actor="russia"))
    # pages of two, newest first, cover everything once
    seen, after = [], None
    while True:
        page = s.get_events(EventQuery(sort="-date", limit=2, after=after))
        if not page:
            break
        seen += [e.event_id for e in page]
        after = ((page[-1].date_start or ""), page[-1].event_id)
    assert len(seen) == len(set(seen)) == 6
    assert seen == [e.event_id for e in s.get_events(EventQuery(sort="-date"))]
    s.close()


def test_day_counts_come_from_the_summary_or_the_events_alike(store_url, sample_results) -> None:
    s = _sample_store(store_url, sample_results)
    plain = s.day_counts(EventQuery())
    assert sum(c.n for c in plain) == 6
    assert {(c.day, c.event_type, c.n) for c in plain} == {
        (c.day, c.event_type, c.n) for c in s.day_counts(EventQuery(bbox=(-180, -90, 180, 90)))
    }
    window = s.day_counts(EventQuery(since=dt.date(2023, 6, 1), until=dt.date(2023, 6, 30)))
    assert sum(c.n for c in window) == 2
    world = (-180.0, -90.0, 180.0, 90.0)
    for q in (EventQuery(status="claimed"), EventQuery(kind="incident"), EventQuery(generic=True),
              EventQuery(event_type="Battles", since=dt.date(2022, 9, 1))):  # fmt: skip
        summary = {(c.day, c.event_type, c.n) for c in s.day_counts(q)}
        scanned = {(c.day, c.event_type, c.n) for c in s.day_counts(q.model_copy(update={"bbox": world}))}
        assert summary == scanned, q
    assert sum(c.n for c in s.day_counts(EventQuery(generic=True))) > 6
    assert [c.n for c in s.day_counts(EventQuery(event_type="Armed clash"))] == [1]  # a sub-type
    s.close()


def test_day_counts_follow_deletes(store_url, sample_results) -> None:
    """Re-ingesting an article under a new pipeline version replaces its events: the summary
    the triggers keep is what a scan of the events says."""
    s = _sample_store(store_url, sample_results)
    before = {(c.day, c.event_type, c.n) for c in s.day_counts(EventQuery())}
    for result in sample_results:
        s.save_article_result(result.model_copy(update={"pipeline_version": "next"}))
    assert {(c.day, c.event_type, c.n) for c in s.day_counts(EventQuery())} == before
    s.close()


def test_the_store_does_not_link_the_ingest_path_does(store_url) -> None:
    """Two documents reporting one shelling: the store alone keeps them apart; save_linked (the
    ingest path) puts them in one cluster."""
    from wirecoder.links.ingest import save_linked

    s = open_store(store_url)
    s.save_article_result(_result("d1"))
    s.save_article_result(_result("d2"))
    assert len({e.cluster_id for e in s.get_events(EventQuery())}) == 2
    save_linked(s, _result("d3"))
    clusters = {e.event_id: e.cluster_id for e in s.get_events(EventQuery())}
    assert clusters["d3-e0"] in (clusters["d1-e0"], clusters["d2-e0"])
    s.close()


def test_display_url_masks_the_password(store_url: str) -> None:
    s = open_store(store_url)
    assert s.display_url.startswith(store_url.split(":")[0])
    s.close()
    from sqlalchemy.engine import make_url

    password = make_url(store_url).password
    if password:  # a server URL with credentials
        assert f":{password}@" not in s.display_url and "***" in s.display_url
