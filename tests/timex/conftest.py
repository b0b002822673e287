"""Fixtures for the timex stage: spaCy loaded once per session, articles parsed on demand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language

from wirecoder.parse import ParsedArticle, load_nlp, parse_articles
from wirecoder.records import Article


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[..., ParsedArticle]:
    """parse(text, published="2022-11-11" | None, body_start=0) -> ParsedArticle."""

    def make(text: str, published: str | None = None, body_start: int = 0) -> ParsedArticle:
        date = dt.date.fromisoformat(published) if published else None
        art = Article(doc_id="t", path="t.txt", text=text, published=date, body_start=body_start)
        return next(parse_articles([art], nlp))

    return make
