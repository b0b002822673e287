"""Read articles from files, directories, JSON/JSONL records, HTML pages and stdin.

The only stage that does input I/O. A bad input becomes an InputError value in the stream, so one
bad file never stops the others; the CLI reports it and sets the exit status.
"""

from __future__ import annotations

import datetime as dt
import errno
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

import trafilatura

from wirecoder.errors import BinaryInputError, EmptyInputError, InputError, MalformedInputError, TooLargeError
from wirecoder.ingest._decode import decode_bytes
from wirecoder.ingest._fetch import TIMEOUT_S as FETCH_TIMEOUT_S
from wirecoder.ingest._fetch import client as fetch_client
from wirecoder.ingest._fetch import is_url, read_url
from wirecoder.ingest._headers import date_from_filename, parse_date, read_header
from wirecoder.ingest._meter import ReadMeter
from wirecoder.ingest._streams import (
    ARCHIVE_SUFFIXES,
    archive_members,
    csv_records,
    lines,
    open_stream,
    split_suffix,
)
from wirecoder.records import Article, PublishedFrom

TEXT_SUFFIXES = {".txt", ".text"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
CSV_SUFFIXES = {".csv"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | CSV_SUFFIXES

_TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
_DATE_FIELDS = ("published", "date", "dct", "publication_date", "published_at", "datetime", "pubdate")
_TITLE_FIELDS = ("title", "headline")
_URL_FIELDS = ("url", "link")
_OUTLET_FIELDS = ("outlet", "source", "publisher", "domain")

InputResult = Article | InputError
_SURROGATE = re.compile("[\ud800-\udfff]")
# An article has at least this many words of two letters or more: a few random characters, or
# only zero-width characters, are not one.
_MIN_WORDS = 2
_WORD = re.compile(r"[^\W\d_]{2,}")


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
    body = text[body_start:]
    if (nul := text.find("\x00")) >= 0:
        raise BinaryInputError(path, f"NUL character at offset {nul:,}: binary data, not text")
    if len(_WORD.findall(body)) < _MIN_WORDS:
        raise EmptyInputError(path, f"no article text: fewer than {_MIN_WORDS} words")
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
    date = parse_date(_clean(raw_date)) if isinstance(raw_date, str) else None
    if raw_date is not None and date is None and published is None:
        raise MalformedInputError(
            path, f"JSON record has an unreadable date {_clean(str(raw_date))[:80]!r} (give YYYY-MM-DD or --published)"
        )
    return _article(
        path=path,
        text=_clean(text),
        published=date,
        published_from=PublishedFrom.METADATA if date else None,
        option_date=published,
        title=_metadata(record, _TITLE_FIELDS),
        url=_metadata(record, _URL_FIELDS),
        outlet=_metadata(record, _OUTLET_FIELDS),
    )


def _clean(value: str) -> str:
    """A JSON string as storable text: a lone surrogate (an escape such as \\ud800 that names no
    character) becomes U+FFFD, one character for one, so offsets stay put."""
    return _SURROGATE.sub("\ufffd", value)


def _metadata(record: dict[str, Any], names: Iterable[str]) -> str | None:
    """A title, url or outlet: a string, or nothing (a list, number or object there is not one)."""
    value = _pick(record, names)
    return _clean(value)[:2000] if isinstance(value, str) else None


def _loads(text: str, *, path: str) -> Any:
    """json.loads, every way it can fail as a MalformedInputError naming the input."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise MalformedInputError(path, f"malformed JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    except RecursionError:
        raise MalformedInputError(path, "JSON nested too deeply to be an article") from None
    except ValueError as e:  # an integer of more digits than Python converts (sys.int_info)
        raise MalformedInputError(path, f"JSON holds an unreadable value: {str(e).split(';')[0]}") from None


def _read_json(text: str, *, path: str, published: dt.date | None) -> Iterator[InputResult]:
    try:
        data = _loads(text, path=path)
    except MalformedInputError as e:
        yield e
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        where = f"{path}[{i}]" if isinstance(data, list) else path
        try:
            yield read_record(record, path=where, published=published)
        except InputError as e:
            yield e


def _jsonl_line(line: str, *, where: str, published: dt.date | None) -> InputResult | None:
    """One JSONL line as an Article or the error naming it; None for a blank line."""
    if not line.strip():
        return None
    try:
        return read_record(_loads(line, path=where), path=where, published=published)
    except InputError as e:
        return e


def _read_jsonl(text: str, *, path: str, published: dt.date | None) -> Iterator[InputResult]:
    for n, line in enumerate(text.splitlines(), 1):
        if (item := _jsonl_line(line, where=f"{path}:{n}", published=published)) is not None:
            yield item


def _read_csv(stream: IO[bytes], *, path: str, published: dt.date | None, max_bytes: int) -> Iterator[InputResult]:
    for item in csv_records(stream, name=path, max_bytes=max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        where, row = item
        try:
            yield read_record({k.strip().lower(): v for k, v in row.items()}, path=where, published=published)
        except InputError as e:
            yield e


def _read_record_stream(
    path: Path,
    *,
    name: str,
    fmt: str,
    compression: str | None,
    published: dt.date | None,
    max_bytes: int,
    meter: ReadMeter,
) -> Iterator[InputResult]:
    """A JSONL or CSV file (maybe gzip-compressed) a record at a time: memory stays bounded and
    `max_bytes` limits each record, not the file."""
    try:
        with open(path, "rb") as handle, open_stream(handle, compression) as stream:
            meter.begin(path, handle)
            if fmt in CSV_SUFFIXES:
                yield from _read_csv(stream, path=name, published=published, max_bytes=max_bytes)
                return
            for item in lines(stream, name=name, max_bytes=max_bytes):
                if isinstance(item, InputError):
                    yield item
                    continue
                n, raw = item
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield MalformedInputError(f"{name}:{n}", "line is not UTF-8 text")
                    continue
                if (found := _jsonl_line(line, where=f"{name}:{n}", published=published)) is not None:
                    yield found
    except (OSError, EOFError) as e:  # a truncated or corrupt .gz, a file gone while read
        yield InputError(name, f"cannot read: {e}")


def _read_archive(
    path: Path, *, name: str, published: dt.date | None, max_bytes: int, meter: ReadMeter
) -> Iterator[InputResult]:
    """Each known file in a .zip or .tar archive, read as a file named `archive:member`."""
    try:
        with open(path, "rb") as handle:
            meter.begin(path, handle)
            yield from _archive_members(path, handle, name=name, published=published, max_bytes=max_bytes)
    except OSError as e:
        yield InputError(name, f"cannot read: {e.strerror or e}")


def _archive_members(
    path: Path, raw: IO[bytes], *, name: str, published: dt.date | None, max_bytes: int
) -> Iterator[InputResult]:
    for member in archive_members(str(path), name=name, max_bytes=max_bytes, raw=raw):
        if isinstance(member, InputError):
            yield member
            continue
        member_name, read = member
        fmt, compression = split_suffix(member_name)
        if fmt not in KNOWN_SUFFIXES or any(part.startswith(".") for part in PurePosixPath(member_name).parts):
            continue
        where = f"{name}:{shown_path(member_name)}"
        try:
            data = read()
            if compression == "gz":
                data = _gunzip(data, max_bytes=max_bytes, where=where)
        except InputError as e:
            yield e
            continue
        except (OSError, EOFError) as e:
            yield InputError(where, f"cannot read: {e}")
            continue
        yield from _read_bytes(data, path=where, suffix=fmt, published=published, max_bytes=max_bytes)


def _gunzip(data: bytes, *, max_bytes: int, where: str) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(max_bytes + 1)
    if len(out) > max_bytes:
        raise TooLargeError(where, f"decompressed over the {max_bytes:,}-byte limit (--max-bytes)")
    return out


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


def _read_bytes(
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
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(io.BytesIO(text.encode("utf-8")), path=path, published=published, max_bytes=max_bytes)
    else:
        try:
            if suffix in HTML_SUFFIXES:
                yield read_html(text, path=path, published=published)
            else:
                yield read_text(text, path=path, published=published)
        except InputError as e:
            yield e


def shown_path(name: str) -> str:
    """A path as text that can be printed and stored: bytes of a file name that are not UTF-8
    (kept by Python as lone surrogates) shown as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _readable(name: str) -> bool:
    fmt, _ = split_suffix(name)
    return fmt in KNOWN_SUFFIXES or fmt in ARCHIVE_SUFFIXES


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder` in sorted order, a directory at a time (os.walk: a folder of a
    million files is never listed whole into Path objects), hidden names skipped."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield Path(root) / f


def _expand(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        p = Path(raw)
        if p.is_dir():
            for child in _walk(p):
                if not _readable(child.name):
                    continue
                if child.is_symlink() and not child.exists():
                    yield str(child), child  # broken or looping: read_inputs says which
                elif child.is_file():
                    yield str(child), child
        else:
            yield raw, p


def read_inputs(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    max_bytes: int = 10_000_000,
    meter: ReadMeter | None = None,
    fetch_timeout: float = FETCH_TIMEOUT_S,
) -> Iterator[InputResult]:
    """Every article in `paths` (files, directories read recursively, `-` for stdin), or an
    InputError naming the input and its problem. An `http://` or `https://` path is fetched
    (`fetch_timeout` seconds at most). `meter` counts the bytes read (for time left).

    Example:
        >>> for item in read_inputs(["examples/"]):
        ...     print(item.doc_id if isinstance(item, Article) else item)
    """
    meter = meter or ReadMeter()
    yield from _read_inputs(paths, published=published, max_bytes=max_bytes, meter=meter, timeout=fetch_timeout)
    meter.end()


def _read_inputs(
    paths: Iterable[str], *, published: dt.date | None, max_bytes: int, meter: ReadMeter, timeout: float
) -> Iterator[InputResult]:
    http = None
    try:
        for raw in paths:
            if is_url(raw):
                meter.end()
                http = http or fetch_client(timeout=timeout)
                try:
                    yield read_url(raw, http, published=published, max_bytes=max_bytes)
                except InputError as e:
                    yield e
                continue
            yield from _read_files([raw], published=published, max_bytes=max_bytes, meter=meter)
    finally:
        if http is not None:
            http.close()


def _read_files(
    paths: Iterable[str], *, published: dt.date | None, max_bytes: int, meter: ReadMeter
) -> Iterator[InputResult]:
    for raw_name, path in _expand(paths):
        meter.end()
        if path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from _read_bytes(
                data, path="<stdin>", suffix="", published=published, max_bytes=max_bytes
            )
            continue
        name = shown_path(raw_name)
        if path.is_symlink() and not path.exists():
            try:
                path.resolve(strict=True)
                problem = "broken symbolic link"
            except RuntimeError:
                problem = "symbolic link loop"
            except OSError as e:
                problem = "symbolic link loop" if e.errno == errno.ELOOP else "broken symbolic link (its target is missing)"
            yield InputError(name, problem)
            continue
        if not path.exists():
            yield InputError(name, "no such file or directory")
            continue
        try:
            if not stat.S_ISREG(path.stat().st_mode):  # /dev/zero, a FIFO, a socket: never read
                yield InputError(name, "not a regular file (a device, pipe or socket); give a file or a folder")
                continue
        except OSError as e:
            yield InputError(name, f"cannot read: {e.strerror or e}")
            continue
        fmt, compression = split_suffix(path.name)
        if fmt in ARCHIVE_SUFFIXES:
            yield from _read_archive(path, name=name, published=published, max_bytes=max_bytes, meter=meter)
            continue
        if fmt in JSONL_SUFFIXES | CSV_SUFFIXES:
            yield from _read_record_stream(
                path,
                name=name,
                fmt=fmt,
                compression=compression,
                published=published,
                max_bytes=max_bytes,
                meter=meter,
            )
            continue
        meter.begin(path)
        try:
            size = path.stat().st_size
            if size > max_bytes:  # refuse before reading a huge file into memory
                yield TooLargeError(
                    name, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)"
                )
                continue
            data = path.read_bytes()
            if compression == "gz":
                data = _gunzip(data, max_bytes=max_bytes, where=name)
        except InputError as e:
            yield e
            continue
        except (OSError, EOFError) as e:
            yield InputError(name, f"cannot read: {e.strerror if isinstance(e, OSError) and e.strerror else e}")
            continue
        yield from _read_bytes(data, path=name, suffix=fmt, published=published, max_bytes=max_bytes)

