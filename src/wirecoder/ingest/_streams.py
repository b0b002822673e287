"""Inputs read as streams, so memory stays bounded whatever their size: JSONL and CSV files of
millions of records (read a record at a time; `max_bytes` applies to each record, not the file),
gzip-compressed files (`.jsonl.gz`, `.txt.gz`, ...), and `.zip` and `.tar` archives (a member at a
time, each read as a file of its own and named `archive.zip:member`).

The standard library's gzip, zipfile, tarfile and csv do the reading; what is written here is the
bookkeeping: which member or line each error names, and the per-record size limit.
"""

from __future__ import annotations

import csv
import gzip
import io
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO, cast

from wirecoder.errors import InputError, MalformedInputError, TooLargeError

RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
ARCHIVE_SUFFIXES = {".zip", ".tar", ".tgz"}


def split_suffix(name: str) -> tuple[str, str | None]:
    """(format suffix, compression) of a file name: "a.jsonl.gz" -> (".jsonl", "gz"),
    "b.tar.gz" -> (".tar", "gz"), "c.txt" -> (".txt", None)."""
    path = PurePosixPath(name.lower())
    if path.suffix == ".tgz":
        return ".tar", "gz"
    if path.suffix == ".gz":
        return PurePosixPath(path.stem).suffix, "gz"
    return path.suffix, None


def open_stream(raw: IO[bytes], compression: str | None) -> IO[bytes]:
    """The bytes of an open file, uncompressed; `raw.tell()` stays the position on disk."""
    if compression == "gz":
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
    return raw


def lines(stream: IO[bytes], *, name: str, max_bytes: int) -> Iterator[tuple[int, bytes] | InputError]:
    """(line number, bytes) of each line, or a TooLargeError naming a line over `max_bytes`
    (which is skipped without being held in memory)."""
    n = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield TooLargeError(f"{name}:{n}", f"line over the {max_bytes:,}-byte limit (--max-bytes)")
            continue
        yield n, raw


def csv_records(stream: IO[bytes], *, name: str, max_bytes: int) -> Iterator[tuple[str, dict[str, str]] | InputError]:
    """(place, row) of each CSV row (header row first), or an error naming the row."""
    csv.field_size_limit(max(max_bytes, 131072))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    reader = csv.DictReader(text)
    try:
        yield from _rows(reader, name)
    finally:
        text.detach()  # the caller closes the stream; the wrapper must not close it again later


def _rows(reader: csv.DictReader[str], name: str) -> Iterator[tuple[str, dict[str, str]] | InputError]:
    try:
        for row in reader:
            where = f"{name}:{reader.line_num}"
            yield where, {k: v for k, v in row.items() if isinstance(k, str)}
    except UnicodeDecodeError as e:
        yield MalformedInputError(f"{name}:{reader.line_num + 1}", f"not UTF-8 text ({e.reason}); the rest of the file is skipped")
    except csv.Error as e:
        yield MalformedInputError(f"{name}:{reader.line_num}", f"malformed CSV ({e}); the rest of the file is skipped")


Member = tuple[str, Callable[[], bytes]] | InputError


def archive_members(path: str, *, name: str, max_bytes: int, raw: IO[bytes] | None = None) -> Iterator[Member]:
    """(member name, reader of its bytes) of each regular file in a .zip or .tar archive, in
    archive order; a member over `max_bytes` is an error and is never read. `raw`: the archive
    file already open."""
    suffix, compression = split_suffix(path)
    source: str | IO[bytes] = raw if raw is not None else path
    try:
        if suffix == ".zip":
            with zipfile.ZipFile(source) as archive:
                for info in archive.infolist():
                    if info.is_dir():
                        continue
                    where = f"{name}:{info.filename}"
                    if info.file_size > max_bytes:
                        yield TooLargeError(where, f"member is {info.file_size:,} bytes, over the {max_bytes:,}-byte limit")
                        continue
                    yield info.filename, (lambda i=info: archive.read(i))  # type: ignore[misc]
        else:
            with _open_tar(path, compression, raw) as tar:
                for member in tar:
                    if not member.isreg():
                        continue
                    where = f"{name}:{member.name}"
                    if member.size > max_bytes:
                        yield TooLargeError(where, f"member is {member.size:,} bytes, over the {max_bytes:,}-byte limit")
                        continue
                    handle = tar.extractfile(member)
                    if handle is not None:
                        yield member.name, handle.read
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as e:
        yield MalformedInputError(name, f"unreadable archive ({e.__class__.__name__}: {e})")


def _open_tar(path: str, compression: str | None, raw: IO[bytes] | None) -> tarfile.TarFile:
    if compression == "gz":
        return tarfile.open(path, "r:gz", fileobj=raw)
    return tarfile.open(path, "r:*", fileobj=raw)
