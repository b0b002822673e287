"""kill -9 in the middle of an ingest, then a re-run: the same rows as one clean run."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

TOWNS = ["Kherson", "Mykolaiv", "Izium", "Bakhmut", "Orikhiv", "Kupiansk", "Lyman", "Avdiivka", "Vuhledar",
         "Snihurivka", "Balakliia", "Marinka", "Siversk", "Soledar", "Kreminna", "Robotyne", "Tokmak",
         "Melitopol", "Berdiansk", "Nikopol"]  # fmt: skip


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(db)
    out = {
        "documents": sorted(con.execute("SELECT doc_id, path, published, text FROM documents").fetchall()),
        "items": sorted(con.execute("SELECT item_id, payload FROM items").fetchall()),
        "events": sorted(con.execute("SELECT event_id, payload, cluster_id, disputed FROM events").fetchall()),
        "claims": sorted(con.execute("SELECT * FROM claims").fetchall()),
    }
    con.close()
    return out


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_kill_9_mid_ingest_then_a_rerun_gives_the_rows_of_a_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        for i, town in enumerate(TOWNS):
            (folder / f"{n:02d}_{i:02d}_{town}.txt").write_text(
                f"Published: 2023-0{n + 3}-{i + 1:02d}\n\nRussian artillery shelled {town} on Monday, the governor "
                f"said. Two houses were damaged and {i + 2} people were wounded in {town}.\n"
            )
    cli = [sys.executable, "-m", "wirecoder.cli", "ingest", str(folder), "--db"]
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    assert subprocess.run([*cli, str(clean)], capture_output=True, timeout=600, check=False).returncode == 0

    proc = subprocess.Popen([*cli, str(crashed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _stored(crashed) < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _stored(crashed)
    assert 5 <= partial < 3 * len(TOWNS)

    again = subprocess.run([*cli, str(crashed)], capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 0, again.stderr[-2000:]
    assert _rows(crashed) == _rows(clean)
