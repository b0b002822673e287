"""Extraction on a real local Dask cluster: the same rows as one process, and nothing lost when a
worker is killed mid-run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wirecoder.distributed import DaskRunner
from wirecoder.ingest import read_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TOWNS = ["Kherson", "Mykolaiv", "Izium", "Bakhmut", "Orikhiv", "Kupiansk", "Lyman", "Avdiivka", "Vuhledar",
         "Snihurivka", "Balakliia", "Marinka", "Siversk", "Soledar", "Kreminna", "Robotyne"]  # fmt: skip


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(db)
    out = {
        "events": con.execute("SELECT event_id, payload, cluster_id FROM events ORDER BY event_id").fetchall(),
        "items": con.execute("SELECT item_id, payload FROM items ORDER BY item_id").fetchall(),
    }
    con.close()
    return out


def test_ingest_on_two_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    cli = [sys.executable, "-m", "wirecoder.cli", "ingest", str(EXAMPLES)]
    one = subprocess.run([*cli, "--db", str(tmp_path / "one.db")], capture_output=True, text=True, timeout=600)
    two = subprocess.run([*cli, "--db", str(tmp_path / "two.db"), "--workers", "2"], capture_output=True, text=True,
                         timeout=600)  # fmt: skip
    assert one.returncode == 0 and two.returncode == 0, two.stderr[-2000:]
    assert "Traceback" not in two.stderr
    assert _rows(tmp_path / "one.db") == _rows(tmp_path / "two.db")
    # resumable: a re-run on the cluster sends nothing and changes nothing
    again = subprocess.run([*cli, "--db", str(tmp_path / "two.db"), "--workers", "2"], capture_output=True,
                           text=True, timeout=600)  # fmt: skip
    assert again.returncode == 0 and _rows(tmp_path / "two.db") == _rows(tmp_path / "one.db")


def test_a_worker_killed_mid_run_loses_nothing() -> None:
    articles = [
        read_text(f"Published: 2023-03-{i + 1:02d}\n\nRussian artillery shelled {town} on Monday, the governor said. "
                  f"Two houses were damaged in {town}.\n", path=f"{town}.txt")
        for i, town in enumerate(TOWNS)
    ]  # fmt: skip
    got: list[str] = []
    with DaskRunner(workers=2) as runner:
        pids = list(runner.client.run(os.getpid).values())
        for n, result in enumerate(runner.process(articles)):
            got.append(result.article.doc_id)
            if n == 0:
                os.kill(pids[0], signal.SIGKILL)  # a worker dies with tasks queued on it
    assert sorted(got) == sorted(a.doc_id for a in articles)


def _stored(url: str) -> dict[str, list[tuple]]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        out = {
            "documents": conn.execute(text("SELECT doc_id FROM documents ORDER BY doc_id")).all(),
            "events": conn.execute(text("SELECT event_id, cluster_id FROM events ORDER BY event_id")).all(),
            "items": conn.execute(text("SELECT item_id FROM items ORDER BY item_id")).all(),
        }
    engine.dispose()
    return {k: [tuple(r) for r in v] for k, v in out.items()}


def test_workers_write_a_postgresql_store_themselves(store_url: str, tmp_path: Path) -> None:
    """On PostgreSQL the workers store their own results (the client gets tallies back); on
    SQLite the client writes. Either way the store holds what one process stores."""
    cli = [sys.executable, "-m", "wirecoder.cli", "ingest", str(EXAMPLES)]
    one = subprocess.run([*cli, "--db", f"sqlite:///{tmp_path / 'one.db'}"], capture_output=True, text=True,
                         timeout=600)  # fmt: skip
    two = subprocess.run([*cli, "--db", store_url, "--workers", "2"], capture_output=True, text=True, timeout=600)
    assert one.returncode == 0 and two.returncode == 0, two.stderr[-2000:]
    assert "Traceback" not in two.stderr
    assert _stored(store_url) == _stored(f"sqlite:///{tmp_path / 'one.db'}")
    tally = [line for line in two.stderr.splitlines() if line.strip().startswith("│")][-1]
    assert tally.split("│")[1].strip() == "3"  # three new articles, counted from the workers' tallies


def test_a_worker_killed_while_writing_postgresql_loses_nothing(store_url: str) -> None:
    from wirecoder.distributed import Written

    if not store_url.startswith("postgresql"):
        pytest.skip("SQLite: the client writes; test_a_worker_killed_mid_run_loses_nothing covers it")
    articles = [
        read_text(f"Published: 2023-04-{i + 1:02d}\n\nRussian drones struck {town} on Sunday, the governor said. "
                  f"A school was damaged in {town}.\n", path=f"{town}.txt")
        for i, town in enumerate(TOWNS)
    ]  # fmt: skip
    got: list[str] = []
    with DaskRunner(workers=2, store_url=store_url) as runner:
        pids = list(runner.client.run(os.getpid).values())
        for n, written in enumerate(runner.process(articles)):
            assert isinstance(written, Written) and written.outcome in ("new", "unchanged")
            got.append(written.path)
            if n == 0:
                os.kill(pids[0], signal.SIGKILL)  # a worker dies with tasks queued on it
    assert sorted(got) == sorted(a.path for a in articles)
    assert sorted(d for (d,) in _stored(store_url)["documents"]) == sorted(a.doc_id for a in articles)
