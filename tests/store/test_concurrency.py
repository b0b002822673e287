"""Several processes at once on one store, on SQLite and PostgreSQL: the schema is created once,
and two overlapping ingests store the union with no error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _run_together(commands: list[list[str]], timeout: int = 600) -> list[subprocess.CompletedProcess[str]]:
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    out = []
    for p, c in zip(procs, commands, strict=True):
        stdout, stderr = p.communicate(timeout=timeout)
        out.append(subprocess.CompletedProcess(c, p.returncode, stdout, stderr))
    return out


def test_processes_opening_a_new_store_at_once_create_the_schema_once(store_url: str) -> None:
    code = f"from wirecoder.store import open_store; open_store({store_url!r}).close()"
    results = _run_together([[sys.executable, "-c", code] for _ in range(4)])
    assert all(r.returncode == 0 for r in results), [r.stderr[-500:] for r in results]
    engine = create_engine(store_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0005"]
    engine.dispose()


def test_two_overlapping_ingests_store_the_union_without_error(store_url: str, tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("Published: 2023-02-01\n\nRussian drones struck the port of Odesa overnight, the governor said.\n")
    cli = [sys.executable, "-m", "wirecoder.cli", "ingest", "--db", store_url]
    results = _run_together([[*cli, str(EXAMPLES)], [*cli, str(EXAMPLES), str(extra)]])
    assert all(r.returncode == 0 for r in results), [r.stderr[-800:] for r in results]
    assert not any("Traceback" in r.stderr for r in results)
    engine = create_engine(store_url)
    with engine.connect() as conn:
        docs = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
        events = conn.execute(text("SELECT count(*), count(DISTINCT event_id) FROM events")).one()
    engine.dispose()
    assert docs == 4  # the three samples once each, and the extra article
    assert events[0] == events[1] > 0


# Written for the test: each town's shelling reported by four outlets in their own words.
_TOWNS = ["Orikhiv", "Kupiansk", "Nikopol", "Kramatorsk", "Bakhmut", "Avdiivka", "Vuhledar", "Izium",
          "Lyman", "Kherson", "Mykolaiv", "Zaporizhzhia", "Sumy", "Marinka"]  # fmt: skip
_WORDINGS = {
    "Wire A": "Russian artillery shelled {town} on March {day}, killing two civilians, the regional governor said.",
    "Paper B": "Two civilians were killed in {town} on March {day} when Russian forces shelled the town, officials said.",
    "Radio C": "Russian shelling of {town} on March {day} killed two civilians, local authorities reported.",
    "Site D": "On March {day}, Russian troops shelled the town of {town}, killing two people, the governor said.",
}


def _reports(folder: Path, outlet: str) -> None:
    folder.mkdir()
    for k, town in enumerate(_TOWNS):
        day = 1 + 2 * k  # two days apart: no two towns' reports share a date
        body = _WORDINGS[outlet].format(town=town, day=day)
        (folder / f"{k:02d}.txt").write_text(f"Published: 2023-03-{day + 1:02d}\nOutlet: {outlet}\n\n{body}\n")


def test_writers_of_reports_of_the_same_events_link_them_into_one_cluster_each(
    store_url: str, tmp_path: Path
) -> None:
    """Four processes store four outlets' reports of the same fourteen events at once: each event
    is one cluster (linking and saving run under the store's linking lock)."""
    cli = [sys.executable, "-m", "wirecoder.cli", "ingest", "--db", store_url]
    commands = []
    for n, outlet in enumerate(_WORDINGS):
        _reports(tmp_path / str(n), outlet)
        commands.append([*cli, str(tmp_path / str(n))])
    results = _run_together(commands)
    assert all(r.returncode == 0 for r in results), [r.stderr[-800:] for r in results]
    engine = create_engine(store_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT place_name, cluster_id FROM events WHERE event_kind != 'generic'")).all()
    engine.dispose()
    by_place: dict[str | None, set[str]] = {}
    for place, cluster in rows:
        by_place.setdefault(place, set()).add(cluster)
    assert len(rows) == len(_WORDINGS) * len(_TOWNS)
    assert None not in by_place and len(by_place) == len(_TOWNS)  # every report placed
    split = {place: clusters for place, clusters in by_place.items() if len(clusters) > 1}
    assert not split, f"reports of one event in several clusters: {split}"
    assert len(set.union(*by_place.values())) == len(_TOWNS)  # and no two events merged
