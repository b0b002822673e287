"""What the pipeline returns for one article."""

from __future__ import annotations

from typing import Any

from wirecoder.records.article import Article, Sentence
from wirecoder.records.items import (
    Claim,
    Contradiction,
    Event,
    PlaceMention,
    Quantity,
    TimeExpression,
)
from wirecoder.records.provenance import Record


class StageFailure(Record):
    """A stage that failed on an article: the run goes on, the failure is kept."""

    stage: str
    doc_id: str
    error: str


class ArticleResult(Record):
    """Every item extracted from one article, in contract order."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    failures: tuple[StageFailure, ...] = ()
    pipeline_version: str

    @property
    def incidents(self) -> tuple[Event, ...]:
        """The events shown by default: incidents and background incidents, not generic mentions."""
        return tuple(e for e in self.events if e.event_kind != "generic")

    def document_row(self) -> dict[str, Any]:
        a = self.article
        return {
            "kind": "document",
            "doc_id": a.doc_id,
            "path": a.path,
            "published": a.published.isoformat() if a.published else None,
            "published_from": a.published_from.value if a.published_from else None,
            "title": a.title,
            "url": a.url,
            "outlet": a.outlet,
            "sentences": len(self.sentences),
            "pipeline_version": self.pipeline_version,
        }

    def contract_rows(self, *, generic: bool = True) -> list[dict[str, Any]]:
        """The document row, then every item as a JSONL contract row (generic event mentions
        only when `generic`)."""
        rows = [self.document_row()]
        events = self.events if generic else self.incidents
        for group in (self.times, self.places, self.claims, self.quantities, events):
            rows.extend(item.contract() for item in group)
        rows.extend(c.contract() for c in self.contradictions)
        return rows

    def counts(self) -> dict[str, int]:
        return {
            "time": len(self.times),
            "place": len(self.places),
            "claim": len(self.claims),
            "quantity": len(self.quantities),
            "event": len(self.incidents),
            "generic": len(self.events) - len(self.incidents),
            "contradiction": len(self.contradictions),
        }
