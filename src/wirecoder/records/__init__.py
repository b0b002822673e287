"""Typed records shared by every stage (pydantic v2, frozen, extra fields forbidden)."""

from wirecoder.records.article import Article, PublishedFrom, Sentence
from wirecoder.records.items import (
    DATE_METHOD_RANK,
    AbstainReason,
    Claim,
    ClaimSpeaker,
    Contradiction,
    Event,
    EventKind,
    EventPlace,
    Granularity,
    Item,
    PlaceMention,
    Quantity,
    TimeExpression,
    TimexType,
)
from wirecoder.records.provenance import Provenance, Record, Span
from wirecoder.records.result import ArticleResult, StageFailure

__all__ = [
    "DATE_METHOD_RANK",
    "AbstainReason",
    "Article",
    "ArticleResult",
    "Claim",
    "ClaimSpeaker",
    "Contradiction",
    "Event",
    "EventKind",
    "EventPlace",
    "Granularity",
    "Item",
    "PlaceMention",
    "Provenance",
    "PublishedFrom",
    "Quantity",
    "Record",
    "Sentence",
    "Span",
    "StageFailure",
    "TimeExpression",
    "TimexType",
]
