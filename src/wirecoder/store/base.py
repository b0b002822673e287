"""The Store protocol: what every backend (SQLite, PostgreSQL) offers the library and the CLI."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from wirecoder.records import Article, ArticleResult


class SaveOutcome(str, Enum):
    NEW = "new"  # first time this document is stored
    UNCHANGED = "unchanged"  # same text, same pipeline version, same date: nothing written
    UPDATED = "updated"  # same text re-processed (new pipeline version or a publication date given)


class EventQuery(BaseModel):
    """Filters for `Store.get_events`; every field optional."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None  # ACLED event_type or sub_event_type, case-insensitive
    near: tuple[float, float] | None = None  # (lat, lon)
    km: float = 25.0
    doc_id: str | None = None
    limit: int | None = None
    generic: bool = False  # also generic mentions (war talk, plans, negations), not only incidents


class Store(Protocol):
    """A place to keep article results. Writes are one transaction per article and idempotent."""

    url: str

    def is_current(self, article: Article, pipeline_version: str) -> bool: ...

    def save_article_result(self, result: ArticleResult) -> SaveOutcome: ...

    def get_events(self, query: EventQuery) -> list[dict[str, Any]]: ...

    def get_cluster_mentions(self, cluster_ids: set[str]) -> list[dict[str, Any]]: ...

    def get_items(
        self, kind: str, *, doc_id: str | None = None, label: str | None = None
    ) -> list[dict[str, Any]]: ...

    def get_documents(self) -> list[dict[str, Any]]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
