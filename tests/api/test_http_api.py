"""The HTTP API over real HTTP on 127.0.0.1, on SQLite and on PostgreSQL, over the bundled sample."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from wirecoder.api import create_app
from wirecoder.links.ingest import save_linked
from wirecoder.store import open_store


@pytest.fixture
def api(store_url: str, sample_results: list, serve_app):
    store = open_store(store_url)
    for result in sample_results:
        save_linked(store, result)
    store.close()
    base = serve_app(create_app(store_url, web=False))
    with httpx.Client(base_url=base, timeout=30) as client:
        yield client


def test_events_list_filters_and_pages(api: httpx.Client) -> None:
    body = api.get("/api/events").json()
    assert len(body["items"]) == 6 and body["next_cursor"] is None
    first = body["items"][0]
    for key in ("id", "doc_id", "sentence", "start", "end", "evidence", "evidence_start", "lat", "outlet"):
        assert key in first
    south = api.get("/api/events", params={"bbox": "35,47,36.5,48", "since": "2023-06-01", "until": "2023-06-30",
                                           "type": "Explosions/Remote violence"}).json()["items"]  # fmt: skip
    assert [e["place_name"] for e in south] == ["Orikhiv"]
    assert [e["place_name"] for e in api.get("/api/events", params={"q": "warehouse"}).json()["items"]] == ["Mykolayiv"]
    assert [e["place_name"] for e in api.get("/api/events", params={"disputed": "true"}).json()["items"]] == ["Orikhiv"]
    assert api.get("/api/events", params={"near": "47.5761,35.7833", "km": 5}).json()["items"][0]["place_name"] == "Orikhiv"
    ids, cursor = [], None
    while True:
        page = api.get("/api/events", params={"limit": 4, "sort": "-date", **({"cursor": cursor} if cursor else {})}).json()
        ids += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(ids) == len(set(ids)) == 6


def test_events_as_csv_and_geojson(api: httpx.Client) -> None:
    r = api.get("/api/events", params={"format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 6 and rows[0]["evidence"]
    g = api.get("/api/events", params={"format": "geojson"}).json()
    assert g["type"] == "FeatureCollection" and len(g["features"]) == 6
    lon, lat = g["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_event_detail_has_claim_quantities_and_both_sides(api: httpx.Client) -> None:
    orikhiv = api.get("/api/events", params={"q": "Orikhiv shelled"}).json()["items"][0]
    d = api.get(f"/api/events/{orikhiv['id']}").json()
    assert d["event"]["channel"] == "Telegram" and d["claim"]["speaker"] == "regional governor"
    assert d["independent_sources"] >= 1 and d["mentions"][0]["id"] == orikhiv["id"]
    sides = d["disagreements"][0]["sides"]
    assert {s["speaker"] for s in sides} == {"regional governor", "Russia"}
    assert any("civilians were wounded" in s["says"] for s in sides)
    assert any("targeting civilian areas" in s["says"] for s in sides)
    assert api.get("/api/events/no-such-event").status_code == 404


def test_stats_claims_disagreements_documents_places_timeline(api: httpx.Client) -> None:
    stats = api.get("/api/stats").json()
    assert stats["total"] == 6 and stats["first"] == "2022-09-10" and sum(stats["types"].values()) == 6
    window = api.get("/api/stats", params={"since": "2023-06-01", "bbox": "35,47,36.5,48"}).json()
    assert window["total"] == 2
    claims = api.get("/api/claims", params={"place": "orikhiv"}).json()["items"]
    assert claims and all(c["place"] == "Orikhiv" for c in claims)
    assert any(c["speaker"] == "regional governor" for c in claims)
    assert len(api.get("/api/disagreements").json()["items"]) == 2
    doc_id = claims[0]["doc_id"]
    doc = api.get(f"/api/documents/{doc_id}").json()
    assert doc["spans"] and all(doc["text"][s["start"]:s["end"]] for s in doc["spans"])
    assert api.get("/api/documents/nope").status_code == 404
    found = api.get("/api/documents", params={"q": "tanks regrouped"}).json()["items"]
    assert [d["title"] for d in found] == ["Villagers return after Russian retreat in Kharkiv region"]
    assert api.get("/api/documents", params={"q": ""}).status_code == 400
    assert api.get("/api/places", params={"q": "Kiev"}).json()["items"][0]["name"] == "Kyiv"
    assert api.get("/api/timeline").json()["items"]
    assert api.get("/openapi.json").json()["paths"]["/api/events"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"since": "yesterday"}, "since"),
        ({"since": "2023-02-01", "until": "2023-01-01"}, "until"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "10,10,5,5"}, "bbox"),
        ({"near": "Atlantis-on-Sea"}, "near"),
        ({"near": "91,0"}, "near"),
        ({"km": "-3", "near": "50,30"}, "km"),
        ({"limit": "0"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"status": "rumoured"}, "status"),
        ({"kind": "gossip"}, "kind"),
        ({"sort": "colour"}, "sort"),
        ({"format": "xml"}, "format"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"disputed": "perhaps"}, "disputed"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(api: httpx.Client, params: dict, parameter: str) -> None:
    r = api.get("/api/events", params=params)
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["parameter"] == parameter and body["detail"]


def test_free_text_with_query_syntax_is_words_not_operators(api: httpx.Client) -> None:
    for q in ('"', "AND OR NOT", "warehouse*", "a:b", "(", "'; DROP TABLE events; --"):
        r = api.get("/api/events", params={"q": q})
        assert r.status_code == 200, (q, r.text)
    assert api.get("/api/events").json()["items"]  # still there
