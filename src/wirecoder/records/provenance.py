"""Provenance and spans: where in which document an item came from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """Base of every record: immutable, and a misspelt field is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """A stretch of the document text: `text == document_text[start:end]`."""

    text: str
    start: int
    end: int


class Provenance(Record):
    """Where an item was read: document, sentence, character offsets and the evidence sentence.

    `start`/`end` are character offsets into the document's text (for a plain-text file, its
    whole decoded content, header lines included), so `document_text[start:end] == text`.
    """

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    evidence: str
    stage: str
