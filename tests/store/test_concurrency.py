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
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0004"]
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
