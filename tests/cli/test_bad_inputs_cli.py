"""Whole ingests over a folder of bad files among good ones: no traceback, one error line per
bad file naming it, the good files stored, and rejected input leaves the store as it was."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

GOOD = [
    "Published: 2022-11-11\n\nRussian artillery shelled Kherson on Monday, the governor said.\n",
    "Published: 2023-02-01\n\nDrones struck the port of Odesa overnight, officials said.\n",
]


def _bad_files(rng: random.Random) -> dict[str, bytes]:
    words = ["the", "of", "Kherson", "shelled", "'", '"', "{", "}", "[", "]", "\\", "\u202e", "\x00", "�", "\u200b", "2022", "today"]
    out: dict[str, bytes] = {
        "empty.txt": b"",
        "spaces.txt": b"   \n\t \n",
        "zero_width.txt": "\u200b\u200d\ufeff".encode(),
        "nul.txt": b"Troops shelled Kherson. " * 400 + b"\x00",
        "binary.txt": bytes(rng.randrange(256) for _ in range(3000)),
        "deep.json": b"[" * 3000 + b"]" * 3000,
        "bigint.json": b'{"text": "Troops shelled Kherson on Monday.", "n": ' + b"7" * 6000 + b"}",
        "notjson.json": b'{"text": "unterminated',
        "list_text.json": json.dumps({"text": ["a", "b"], "date": "2022-01-01"}).encode(),
        "today.json": json.dumps({"text": "Troops shelled Kherson on Monday.", "published": "today"}).encode(),
        "tiny.txt": b"xq\n",
        "html_empty.html": b"<html><body><script>alert(1)</script></body></html>",
    }
    for i in range(8):
        junk = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 6)))
        out[f"junk{i}.json"] = ("{" + junk).encode("utf-8", "surrogatepass")
    return out


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(db)
    out = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in ("documents", "items", "events", "claims")}
    con.close()
    return out


def test_bad_files_among_good_ones(tmp_path: Path) -> None:
    rng = random.Random(14)
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _bad_files(rng)
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    for i, text in enumerate(GOOD):
        (folder / f"good{i}.txt").write_text(text)
    db = tmp_path / "w.db"
    cli = [sys.executable, "-m", "wirecoder.cli", "ingest", "--db", str(db)]
    run = subprocess.run([*cli, str(folder)], capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    errors = [line for line in run.stderr.splitlines() if line.startswith("wirecoder: error:")]
    named = {name for name in bad if any(f"/{name}:" in line for line in errors)}
    assert named == set(bad), sorted(set(bad) - named)
    assert len(errors) == len(bad)
    before = _snapshot(db)
    assert len(before["documents"]) == len(GOOD)
    # the bad files alone, again: an error for each, the store unchanged
    bad_only = tmp_path / "bad_only"
    bad_only.mkdir()
    for name, data in bad.items():
        (bad_only / name).write_bytes(data)
    again = subprocess.run([*cli, str(bad_only)], capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert _snapshot(db) == before
