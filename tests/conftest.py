"""Shared fixtures: the real spaCy model, the real pipeline, and ../shared when present."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from wirecoder.parse import ParsedArticle, load_nlp, parse_articles
from wirecoder.pipeline import Pipeline
from wirecoder.records import Article, Granularity, TimeExpression, TimexType

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


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[..., ParsedArticle]:
    def _parse(
        text: str, published: str | None = None, doc_id: str = "testdoc0000001", body_start: int = 0
    ) -> ParsedArticle:
        day = dt.date.fromisoformat(published) if published else None
        art = Article(
            doc_id=doc_id, path=f"{doc_id}.txt", text=text, published=day, body_start=body_start
        )
        return next(parse_articles([art], nlp))

    return _parse


def _make_time(parsed: ParsedArticle, phrase: str, value: str) -> TimeExpression:
    start = parsed.text.index(phrase)
    return TimeExpression(
        prov=parsed.provenance(start, start + len(phrase), stage="timex"),
        value=value,
        type=TimexType.DATE,
        resolved=True,
        granularity=Granularity.DAY,
    )


@pytest.fixture(scope="session")
def make_time() -> Callable[[ParsedArticle, str, str], TimeExpression]:
    """A time expression as the timex stage would give it, for a phrase's first occurrence
    (the claims tests do not depend on the timex stage)."""
    return _make_time
