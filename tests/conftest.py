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


POSTGRES_ENV = "WIRECODER_TEST_POSTGRES"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, empty store URL on each backend: a SQLite file, and a schema of its own on the
    PostgreSQL server named by $WIRECODER_TEST_POSTGRES (.ci/run starts one; skipped without)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    import os
    import uuid

    from sqlalchemy import create_engine

    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL backend: set {POSTGRES_ENV}=postgresql+psycopg://user:pw@127.0.0.1/db")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema},public"
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    engine.dispose()


@pytest.fixture(scope="session")
def sample_results(pipeline: Pipeline) -> list:
    """The bundled sample (examples/) run through the real pipeline, once per session."""
    from wirecoder.ingest import read_inputs

    articles = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    return list(pipeline.process(iter(articles)))


def _start_server(app):
    """Serve an ASGI app over real HTTP on a free port of 127.0.0.1 in a thread; (url, stop)."""
    import socket
    import threading
    import time

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()

    return f"http://127.0.0.1:{port}", stop


def _servers():
    """A function that serves an ASGI app and returns its base URL, and the servers it started."""
    stops = []

    def start(app) -> str:
        url, stop = _start_server(app)
        stops.append(stop)
        return url

    return start, stops


@pytest.fixture
def serve_app():
    """A function that serves an ASGI app over real HTTP on 127.0.0.1 and returns its base URL;
    every server stops at the test's teardown."""
    start, stops = _servers()
    yield start
    for stop in stops:
        stop()


@pytest.fixture(scope="module")
def serve_app_module():
    """As serve_app, the servers living for the test module."""
    start, stops = _servers()
    yield start
    for stop in stops:
        stop()
