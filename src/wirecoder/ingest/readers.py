"""Read articles from files, directories, JSON/JSONL records, HTML pages and stdin.

The only stage that does input I/O. A bad input becomes an InputError value in the stream, so one
bad file never stops the others; the CLI reports it and sets the exit status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import trafilatura

from wirecoder.errors import InputError, MalformedInputError, TooLargeError
from wirecoder.ingest._decode import decode_bytes
from wirecoder.ingest._headers import date_from_filename, parse_date, read_header
from wirecoder.records import Article, PublishedFrom

TEXT_SUFFIXES = {".txt", ".text"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

_TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
_DATE_FIELDS = ("published", "date", "dct", "publication_date", "published_at", "datetime", "pubdate")
_TITLE_FIELDS = ("title", "headline")
_URL_FIELDS = ("url", "link")
_OUTLET_FIELDS = ("outlet", "source", "publisher", "domain")

InputResult = Article | InputError


def doc_id_for(body: str) -> str:
    """Document id: a hash of the normalised body text, so one article under two names is one
    document. Normalised: Unicode NFC, BOM dropped, runs of white space folded to one space."""
    norm = unicodedata.normalize("NFC", body.replace("\ufeff", ""))
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def _pick(record: dict[str, Any], names: Iterable[str]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _article(
    *,
    path: str,
    text: str,
    body_start: int = 0,
    published: dt.date | None,
    published_from: PublishedFrom | None,
    option_date: dt.date | None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    if option_date is not None:
        published, published_from = option_date, PublishedFrom.OPTION
    elif published is None:
        published = date_from_filename(Path(path.split(":")[0]).name)
        published_from = PublishedFrom.FILENAME if published else None
    return Article(
        doc_id=doc_id_for(text[body_start:]),
        path=path,
        text=text,
        body_start=body_start,
        published=published,
        published_from=published_from if published else None,
        title=title,
        url=url,
        outlet=outlet,
    )


def read_text(text: str, *, path: str, published: dt.date | None = None) -> Article:
    """A plain-text article: header lines recognised, offsets into the whole text."""
    header = read_header(text)
    return _article(
        path=path,
        text=text,
        body_start=header.body_start,
        published=header.published,
        published_from=PublishedFrom.HEADER if header.published else None,
        option_date=published,
        title=header.fields.get("title"),
        url=header.fields.get("url"),
        outlet=header.fields.get("outlet"),
    )


def read_record(record: Any, *, path: str, published: dt.date | None = None) -> Article:
    """A JSON record (text/body, published/date, title, url, outlet) as an Article."""
    if not isinstance(record, dict):
        raise MalformedInputError(path, f"JSON record is a {type(record).__name__}, not an object")
    text = _pick(record, _TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        raise MalformedInputError(
            path, f"JSON record has no text (looked for fields {', '.join(_TEXT_FIELDS)})"
        )
    raw_date = _pick(record, _DATE_FIELDS)
    date = parse_date(str(raw_date)) if raw_date is not None else None
    if raw_date is not None and date is None and published is None:
        raise MalformedInputError(path, f"JSON record has an unreadable date {raw_date!r}")
    outlet = _pick(record, _OUTLET_FIELDS)
    return _article(
        path=path,
        text=text,
        published=date,
        published_from=PublishedFrom.METADATA if date else None,
        option_date=published,
        title=_pick(record, _TITLE_FIELDS),
        url=_pick(record, _URL_FIELDS),
        outlet=outlet if isinstance(outlet, str) else None,
    )


def _read_json(text: str, *, path: str, published: dt.date | None) -> Iterator[InputResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield MalformedInputError(path, f"malformed JSON at line {e.lineno} column {e.colno}: {e.msg}")
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        where = f"{path}[{i}]" if isinstance(data, list) else path
        try:
            yield read_record(record, path=where, published=published)
        except InputError as e:
            yield e


def _read_jsonl(text: str, *, path: str, published: dt.date | None) -> Iterator[InputResult]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield MalformedInputError(where, f"malformed JSON line: {e.msg} at column {e.colno}")
            continue
        try:
            yield read_record(record, path=where, published=published)
        except InputError as e:
            yield e


def read_html(html: str, *, path: str, published: dt.date | None = None) -> Article:
    """An HTML page: main text and metadata extracted with trafilatura."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise MalformedInputError(path, "no article text found in the HTML page")
    raw_date = getattr(doc, "date", None)
    date = parse_date(raw_date) if raw_date else None
    return _article(
        path=path,
        text=text,
        published=date,
        published_from=PublishedFrom.METADATA if date else None,
        option_date=published,
        title=getattr(doc, "title", None),
        url=getattr(doc, "url", None),
        outlet=getattr(doc, "sitename", None),
    )


# spaCy's own limit (nlp.max_length): its parser and NER take about 1 GB of memory per 100,000
# characters, so a longer text is refused as one bad input instead of failing the parse of a batch.
MAX_CHARS = 1_000_000


def _within_parser_limit(item: InputResult) -> InputResult:
    if isinstance(item, Article) and len(item.text) > MAX_CHARS:
        return TooLargeError(
            item.path, f"text is {len(item.text):,} characters, over the parser's {MAX_CHARS:,}; split the article"
        )
    return item


def _read_bytes(
    data: bytes, *, path: str, suffix: str, published: dt.date | None, max_bytes: int
) -> Iterator[InputResult]:
    for item in _read_decoded(data, path=path, suffix=suffix, published=published, max_bytes=max_bytes):
        yield _within_parser_limit(item)


def _read_decoded(
    data: bytes, *, path: str, suffix: str, published: dt.date | None, max_bytes: int
) -> Iterator[InputResult]:
    try:
        text = decode_bytes(data, path=path, max_bytes=max_bytes)
    except InputError as e:
        yield e
        return
    if suffix in JSON_SUFFIXES or (suffix == "" and text.lstrip()[:1] in "[{"):
        yield from _read_json(text, path=path, published=published)
    elif suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, path=path, published=published)
    else:
        try:
            if suffix in HTML_SUFFIXES:
                yield read_html(text, path=path, published=published)
            else:
                yield read_text(text, path=path, published=published)
        except InputError as e:
            yield e


def _expand(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                rel = child.relative_to(p).parts
                if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES and not any(
                    part.startswith(".") for part in rel
                ):
                    yield str(child), child
        else:
            yield raw, p


def read_inputs(
    paths: Iterable[str], *, published: dt.date | None = None, max_bytes: int = 10_000_000
) -> Iterator[InputResult]:
    """Every article in `paths` (files, directories read recursively, `-` for stdin), or an
    InputError naming the input and its problem.

    Example:
        >>> for item in read_inputs(["examples/"]):
        ...     print(item.doc_id if isinstance(item, Article) else item)
    """
    for name, path in _expand(paths):
        if path is None:
            data = sys.stdin.buffer.read()
            yield from _read_bytes(
                data, path="<stdin>", suffix="", published=published, max_bytes=max_bytes
            )
            continue
        if not path.exists():
            yield InputError(name, "no such file or directory")
            continue
        try:
            size = path.stat().st_size
            if size > max_bytes:  # refuse before reading a huge file into memory
                yield TooLargeError(
                    name, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)"
                )
                continue
            data = path.read_bytes()
        except OSError as e:
            yield InputError(name, f"cannot read: {e.strerror or e}")
            continue
        yield from _read_bytes(
            data, path=name, suffix=path.suffix.lower(), published=published, max_bytes=max_bytes
        )

