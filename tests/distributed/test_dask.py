"""Extraction on a real local Dask cluster: the same rows as one process, and nothing lost when a
worker is killed mid-run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

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
