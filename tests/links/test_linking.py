"""Cross-document linking: one event however many articles report it; timelines; disagreements."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.links.linking import Linker, LinkEvent, same_event
from wirecoder.links.timeline import build_timeline, side_of

runner = CliRunner()

# A wire story written for this test, and a second outlet's copy with its own headline and tail.
WIRE = (
    "Russian forces shelled the city of Kharkiv on Tuesday, the regional governor said on Telegram.\n"
    "At least four civilians were wounded, he said.\n"
)
COPY_A = "Outlet: Example Daily\n\nKharkiv shelled again\n" + WIRE
COPY_B = "Outlet: Sample Herald\n\n" + WIRE + "The city has been shelled almost daily since February.\n"
OTHER = "Outlet: Sample Herald\n\nUkrainian troops recaptured the town of Izium on Tuesday, the army said.\n"
DENIAL = (
    "Outlet: Other Wire\n\nRussia's defence ministry denied that its forces shelled Kharkiv on Tuesday.\n"
)


def _ev(eid: str, doc: str, day: str = "2022-03-01", lat: float = 49.99, text: str = "shelling of Kharkiv", **kw) -> LinkEvent:
    d = dt.date.fromisoformat(day)
    base = dict(event_id=eid, doc_id=doc, event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack", start=d, end=d, lat=lat, lon=36.23,
                geo_precision=1, text=text)  # fmt: skip
    base.update(kw)
    return LinkEvent(**base)


def test_same_event_needs_type_date_and_place() -> None:
    a = _ev("a", "d1")
    assert same_event(a, _ev("b", "d2"))
    assert not same_event(a, _ev("c", "d1"))  # same document: told apart on purpose
    assert not same_event(a, _ev("d", "d2", day="2022-03-05"))
    assert not same_event(a, _ev("e", "d2", lat=46.6))  # Kherson, 400 km away
    assert not same_event(a, _ev("f", "d2", event_type="Battles", sub_event_type="Armed clash"))


def test_linker_is_incremental_and_blocked() -> None:
    linker = Linker()
    first = linker.link(_ev("a", "d1"))
    assert linker.link(_ev("b", "d2")) == first
    assert linker.link(_ev("c", "d3", day="2022-03-20")) != first
    assert linker.link(_ev("d", "d4", lat=46.6, text="a different town entirely")) != first


def test_two_outlets_copies_make_one_event_with_two_mentions(tmp_path: Path) -> None:
    for name, text in (("a.txt", COPY_A), ("b.txt", COPY_B), ("c.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "w.db"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--published", "2022-03-03"])
    assert result.exit_code == 0, result.output
    out = runner.invoke(app, ["timeline", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    entries = [json.loads(line) for line in out.stdout.splitlines()]
    shelling = [e for e in entries if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert len(shelling) == 1
    (entry,) = shelling
    assert entry["mentions"] == 2 and entry["documents"] == 2
    assert entry["reports"] == 1  # two outlets' copies of one wire story are one report
    assert entry["date"] == "2022-03-01"
    # one wire story quoting one governor: one independent source, not two
    assert entry["independent_sources"] == 1
    assert any(e["sub_event_type"] == "Government regains territory" for e in entries)
    # every source keeps its provenance
    for s in entry["sources"]:
        assert s["end"] > s["start"] and s["evidence"]


def test_a_denial_in_another_article_makes_the_event_disputed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(COPY_A, encoding="utf-8")
    (tmp_path / "d.txt").write_text(DENIAL, encoding="utf-8")
    db = tmp_path / "w.db"
    assert runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--published", "2022-03-03"]).exit_code == 0
    out = runner.invoke(app, ["disagreements", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    across = [r for r in rows if r["scope"] == "across documents"]
    assert any("denied" in r["reason"] for r in across)  # the event is disputed
    assert any("denial across documents" in r["reason"] for r in across)  # and the claims clash
    assert all(r["kind"] == "contradiction" and r["end"] > r["start"] for r in rows)


def test_timeline_flags_conflicting_figures() -> None:
    base = {"acled_event_type": "Battles", "acled_sub_event_type": "Government regains territory",
            "sentence": 0, "start": 0, "end": 5, "text": "x", "time_precision": 1, "date": "2022-11-10"}  # fmt: skip
    mentions = [
        {**base, "id": "a-e0", "doc_id": "a", "cluster_id": "k", "quantity": "41 communities", "evidence": "one"},
        {**base, "id": "b-e0", "doc_id": "b", "cluster_id": "k", "quantity": "12 communities", "evidence": "two"},
    ]
    (entry,) = build_timeline(mentions, {})
    assert entry.disputed and "conflicting figures" in entry.disagreements[0]
    assert side_of("the Ukrainian-appointed governor") == "Ukraine" and side_of("the Kremlin") == "Russia"


def test_claims_of_two_articles_that_disagree(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Outlet: Example Daily\n\nThe defence ministry in Moscow said its forces had completed a withdrawal from Kherson.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Outlet: Sample Herald\n\nA Ukrainian commander said there was no withdrawal from Kherson, only a regrouping.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text(  # same words, another place: no disagreement with a.txt
        "Outlet: Other Wire\n\nA local official said there was no withdrawal from Izium.\n", encoding="utf-8"
    )
    db = tmp_path / "w.db"
    assert runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--published", "2022-11-10"]).exit_code == 0
    out = runner.invoke(app, ["disagreements", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines() if '"across documents"' in line]
    pairs = [{s["doc_id"] for s in r["sides"]} for r in rows if "claim" in r["sides"][0]]
    assert len(pairs) == 1 and len(pairs[0]) == 2
    assert "across documents" in rows[0]["reason"]


def test_timeline_orders_weeks_and_months_by_their_first_day() -> None:
    base = {"acled_event_type": "Battles", "acled_sub_event_type": "Armed clash", "sentence": 0, "start": 0,
            "end": 1, "text": "x", "evidence": "x"}  # fmt: skip
    mentions = [
        {**base, "id": "a", "doc_id": "a", "cluster_id": "ka", "date": "2022-09-16", "time_precision": 1},
        {**base, "id": "b", "doc_id": "b", "cluster_id": "kb", "date": "2022-W36", "time_precision": 2},
        {**base, "id": "c", "doc_id": "c", "cluster_id": "kc", "date": "2022-08", "time_precision": 3},
    ]
    assert [e.date for e in build_timeline(mentions, {})] == ["2022-08", "2022-W36", "2022-09-16"]
