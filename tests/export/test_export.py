"""`wirecoder export`: ACLED CSV that pandas reads with ACLED's columns, GeoJSON, PLOVER, Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.export.acled import ACLED_COLUMNS, acled_row, plover_record

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "w.db"
    result = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_acled_csv_loads_in_pandas_with_acled_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert list(frame.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert len(frame) > 0
    assert set(frame["event_type"]) <= {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }  # fmt: skip
    assert frame["event_date"].str.match(r"^\d{4}-\d\d-\d\d$").all()
    assert frame["time_precision"].isin([1, 2, 3]).all()
    # provenance: the evidence is the document text at the offsets
    assert frame["wc_evidence"].notna().all() and (frame["wc_end"] > frame["wc_start"]).all()


def test_geojson_is_a_valid_feature_collection(db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "-f", "geojson"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["type"] == "FeatureCollection" and data["features"]
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(not isinstance(v, dict | list) for v in f["properties"].values())


def test_parquet_needs_a_file_and_reads_back(db: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", "--db", str(db), "-f", "parquet"]).exit_code == 2
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["export", "--db", str(db), "-f", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(out)
    assert "event_id_cnty" in frame.columns and len(frame) > 0


def test_filters_and_unknown_format(db: Path) -> None:
    everything = runner.invoke(app, ["export", "--db", str(db), "-f", "jsonl"]).stdout.splitlines()
    battles = runner.invoke(app, ["export", "--db", str(db), "-f", "jsonl", "--type", "Battles"]).stdout.splitlines()
    assert 0 < len(battles) < len(everything)
    assert all(json.loads(r)["acled_event_type"] == "Battles" for r in battles)
    bad = runner.invoke(app, ["export", "--db", str(db), "-f", "xlsx"])
    assert bad.exit_code == 2


def _event(**kw):  # a contract row, as the store returns it
    row = {
        "id": "abc-e0", "doc_id": "abc", "sentence": 0, "start": 0, "end": 10, "text": "x" * 10,
        "evidence": "x" * 10, "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Shelling/artillery/missile attack", "date": "2022-W13", "time_precision": 2,
        "actor1": "Military Forces of Russia (2000-)", "actor1_country": "RU",
        "actor2": "Civilians (Ukraine)", "actor2_country": "UA", "status": "claimed", "claimed": True,
        "place": {"name": "Kharkiv", "lat": 49.98, "lon": 36.25, "country_code": "UA", "admin1": "Kharkivska oblast"},
        "plover_event_type": "ASSAULT", "plover_mode": "heavy-weapons", "fatalities": 3,
    }  # fmt: skip
    row.update(kw)
    return row


def test_acled_row_codes_interaction_and_week_dates() -> None:
    row = acled_row(_event(), {"outlet": "Example Wire"})
    assert row["event_date"] == "2022-03-28"  # a week is dated by its first day, precision 2
    assert row["inter1"] == 8 and row["inter2"] == 7 and row["interaction"] == 78
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["country"] == "Ukraine" and row["iso"] == 804 and row["event_id_cnty"].startswith("UKR-")
    assert row["fatalities"] == 3 and row["source"] == "Example Wire"


def test_plover_record_keeps_provenance() -> None:
    rec = plover_record(_event())
    assert (rec["event_type"], rec["mode"]) == ("ASSAULT", "heavy-weapons")
    assert rec["provenance"]["doc_id"] == "abc" and rec["location"]["name"] == "Kharkiv"


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cell: str) -> None:
    """OWASP CSV injection: a leading quote makes the cell text; numbers stay numbers."""
    import csv
    import io

    from wirecoder.export import write_csv

    buf = io.StringIO()
    write_csv([{"kind": "claim", "text": cell, "value": -3.5}], buf)
    (row,) = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["text"] == "'" + cell and row["value"] == "-3.5"
