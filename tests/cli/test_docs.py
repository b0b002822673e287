"""Guard: every CLI command is documented in the README (as sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented(command: str) -> None:
    assert f"wirecoder {command}" in README, f"`wirecoder {command}` is missing from README.md"
