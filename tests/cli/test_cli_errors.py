"""Clear one-line errors where the CLI used to print a traceback (issue 14's findings)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wirecoder.cli", *args], capture_output=True, text=True,
                          timeout=600, check=False)  # fmt: skip


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "w.db"
    assert _cli("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0
    return db


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("wirecoder: error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_export_into_a_missing_folder(sample_db: Path, tmp_path: Path) -> None:
    result = _cli("export", "--db", str(sample_db), "-o", str(tmp_path / "nope" / "x.csv"))
    assert result.returncode == 2 and "does not exist" in _one_error_line(result)


def test_unsupported_url_masks_the_password() -> None:
    result = _cli("events", "--db", "mysql://analyst:s3cret@db.example/events")
    line = _one_error_line(result)
    assert result.returncode == 1 and "no driver" in line and "s3cret" not in line


def test_read_only_store(sample_db: Path, tmp_path: Path) -> None:
    new = tmp_path / "odesa.txt"
    new.write_text("Published: 2023-02-01\n\nRussian drones struck the port of Odesa overnight, the governor said.\n")
    result = _cli("ingest", str(new), "--db", f"sqlite:///file:{sample_db}?mode=ro&uri=true")
    assert result.returncode == 1 and "readonly" in _one_error_line(result)


def test_like_wildcards_are_literal(sample_db: Path) -> None:
    every = _cli("claims", "--db", str(sample_db), "--format", "jsonl")
    percent = _cli("claims", "--db", str(sample_db), "--format", "jsonl", "--speaker", "%")
    underscore = _cli("claims", "--db", str(sample_db), "--format", "jsonl", "--doc", "_")
    assert every.stdout.strip() and percent.returncode == 0
    assert percent.stdout.strip() == "" and underscore.stdout.strip() == ""
