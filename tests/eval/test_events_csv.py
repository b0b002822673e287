"""`wirecoder eval --events-csv`: places, dates and categories on short event descriptions."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.errors import GoldFileError
from wirecoder.eval.events_csv import GROUP_TO_ACLED, evaluate_events_csv, names_town, read_events_csv

HEADER = "entry,date,event_group,title,brief description,lat,lon,country,province,district,town/city\n"
# Written for this test in the style of a monitor's records.
ROWS = [
    "A1,2022-03-02,Bombing or Explosion Feb - June,,Missile strike on a school in Kharkiv,49.99,36.23,Ukraine,,,Kharkiv",
    "A2,2022-03-03,Russian Military Presence March 2022,,Russian tanks moving through Bucha,50.54,30.21,Ukraine,,,Bucha",
    "A3,2022-03-04,Civilian Infrastructure Damage March 2022,,Damage to residential buildings,47.10,37.55,Ukraine,,,Mariupol",
    "A4,2022-03-05,Other,,Rally in Lviv,49.84,24.03,Ukraine,,,Lviv",
    "A5,not a date,Other,,Broken row,0,0,Ukraine,,,X",
]


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    return path


def test_reads_rows_and_strips_group_months(csv_file: Path) -> None:
    rows, skipped = read_events_csv(csv_file)
    assert skipped == 1 and len(rows) == 4
    assert rows[0].group == "Bombing or Explosion" and rows[1].group == "Russian Military Presence"
    assert all(r.group in GROUP_TO_ACLED or r.group == "Other" for r in rows)


def test_town_named_allows_transliteration() -> None:
    assert names_town("Explosion in central Kharkov", "Kharkiv")
    assert names_town("Damage to buildings in Mariupol", "Mariupol'")
    assert not names_town("Damage to residential buildings", "Mariupol")


def test_scores_places_dates_and_categories(csv_file: Path, pipeline) -> None:
    report = evaluate_events_csv(csv_file, pipeline=pipeline)
    assert report.rows == 4 and report.named_town.rows == 3 and report.no_town.rows == 1
    assert report.named_town.within_25km >= 2  # Kharkiv and Bucha at least
    assert report.confusion["Explosions/Remote violence"].get("Explosions/Remote violence", 0) >= 1
    assert "Other" not in report.confusion
    assert any("names no town" in line for line in report.lines())


def test_missing_columns_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="missing columns"):
        read_events_csv(path)


def test_dev_file_when_present(pipeline) -> None:
    path = Path(__file__).resolve().parents[3] / "shared" / "dev" / "events" / "cir_monitor_2022-01_to_03.csv"
    if not path.exists():
        pytest.skip(f"dev events CSV not present at {path}")
    report = evaluate_events_csv(path, pipeline=pipeline, limit=60)
    assert report.rows == 60 and report.with_event > 0
