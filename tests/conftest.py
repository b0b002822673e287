"""Shared fixtures: the real spaCy model, the real pipeline, and ../shared when present."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirecoder.pipeline import Pipeline
from wirecoder.records import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project root; tests that need it skip when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"needs the shared data folder {SHARED} (seeds, gold, dev data), which is absent")
    return SHARED


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The full pipeline with the real spaCy model and gazetteer, loaded once per test session."""
    return Pipeline()


@pytest.fixture
def article():
    """Build an Article from text, as ingest would (header lines recognised)."""
    from wirecoder.ingest import read_text

    def make(text: str, published: str | None = None, path: str = "test.txt") -> Article:
        date = dt.date.fromisoformat(published) if published else None
        return read_text(text, path=path, published=date)

    return make
