"""Documents as read by ingest, and their sentences."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from wirecoder.records.provenance import Record


class PublishedFrom(str, Enum):
    """Where a document's publication date came from, in priority order."""

    OPTION = "option"
    HEADER = "header"
    METADATA = "metadata"
    FILENAME = "filename"


class Article(Record):
    """One document: its text exactly as offsets count it, and what is known about it.

    `text` is the text that every offset points into: a plain-text file's whole decoded content
    (header lines included), a JSON record's text field, an HTML page's extracted main text.
    `body_start` is where the body begins after any header lines.
    """

    doc_id: str
    path: str
    text: str
    body_start: int = 0
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


class Sentence(Record):
    """A sentence of the document, with its 0-based index and offsets into the text."""

    index: int
    start: int
    end: int
    text: str
