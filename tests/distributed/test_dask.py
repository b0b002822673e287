"""Extraction on a real local Dask cluster: the same rows as one process, and nothing lost when a
worker is killed mid-run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wirecoder.distributed import DaskRunner
from wirecoder.ingest import read_text
from wirecoder.records import Article

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TOWNS = ["Kherson", "Mykolaiv", "Izium", "Bakhmut", "Orikhiv", "Kupiansk", "Lyman", "Avdiivka", "Vuhledar",
         "Snihurivka", "Balakliia", "Marinka", "Siversk", "Soledar", "Kreminna", "Robotyne"]  # fmt: skip


def _stored(url: str) -> dict[str, list[tuple]]:
    """The rows that must match between two ingests of the same articles, by id."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        out = {
            "documents": conn.execute(text("SELECT doc_id FROM documents ORDER BY doc_id")).all(),
            "events": conn.execute(text("SELECT event_id, payload, cluster_id FROM events ORDER BY event_id")).all(),
            "items": conn.execute(text("SELECT item_id, payload FROM items ORDER BY item_id")).all(),
        }
    engine.dispose()
    return {k: [tuple(r) for r in v] for k, v in out.items()}


def test_ingest_on_two_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    cli = [sys.executable, "-m", "wirecoder.cli", "ingest", str(EXAMPLES)]
    one = subprocess.run([*cli, "--db", str(tmp_path / "one.db")], capture_output=True, text=True, timeout=600)
    two = subprocess.run([*cli, "--db", str(tmp_path / "two.db"), "--workers", "2"], capture_output=True, text=True,
                         timeout=600)  # fmt: skip
    assert one.returncode == 0 and two.returncode == 0, two.stderr[-2000:]
    assert "Traceback" not in two.stderr
    assert _stored(f"sqlite:///{tmp_path / 'one.db'}") == _stored(f"sqlite:///{tmp_path / 'two.db'}")
    # resumable: a re-run on the cluster sends nothing and changes nothing
    again = subprocess.run([*cli, "--db", str(tmp_path / "two.db"), "--workers", "2"], capture_output=True,
                           text=True, timeout=600)  # fmt: skip
    assert again.returncode == 0 and _stored(f"sqlite:///{tmp_path / 'two.db'}") == _stored(f"sqlite:///{tmp_path / 'one.db'}")


def _reports(month: int, sentences: str) -> list[Article]:
    """One short report per town (written for the tests); `sentences` names {town}."""
    return [
        read_text(f"Published: 2023-{month:02d}-{i + 1:02d}\n\n{sentences.format(town=town)}\n", path=f"{town}.txt")
        for i, town in enumerate(TOWNS)
    ]


def _killing_a_worker(runner: DaskRunner, articles: list[Article]) -> list[Any]:
    """What the runner sends back when one of its two workers is SIGKILLed after the first
    result, with tasks still queued on it."""
    pids = list(runner.client.run(os.getpid).values())
    got = []
    for n, result in enumerate(runner.process(articles)):
        got.append(result)
        if n == 0:
            os.kill(pids[0], signal.SIGKILL)
    return got


def test_a_worker_killed_mid_run_loses_nothing() -> None:
    articles = _reports(3, "Russian artillery shelled {town} on Monday, the governor said. Two houses were damaged in {town}.")
    with DaskRunner(workers=2) as runner:
        got = _killing_a_worker(runner, articles)
    assert sorted(r.article.doc_id for r in got) == sorted(a.doc_id for a in articles)


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
    articles = _reports(4, "Russian drones struck {town} on Sunday, the governor said. A school was damaged in {town}.")
    with DaskRunner(workers=2, store_url=store_url) as runner:
        got = _killing_a_worker(runner, articles)
    assert all(isinstance(w, Written) and w.outcome in ("new", "unchanged") for w in got)
    assert sorted(w.path for w in got) == sorted(a.path for a in articles)
    assert sorted(d for (d,) in _stored(store_url)["documents"]) == sorted(a.doc_id for a in articles)
