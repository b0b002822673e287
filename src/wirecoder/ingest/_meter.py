"""How much of the input has been read, in bytes of the files on disk, for a progress bar with
time left: the number of articles in a JSONL, CSV or archive is unknown until it is read, but
the size of every input file is known before.

`input_bytes(paths)` adds up the sizes (run it beside the ingest: a folder of a million files
takes a while to list); `ReadMeter.done` is the bytes of the files finished plus the position in
the file being read (of the compressed file for `.gz`, of the archive for `.zip` and `.tar`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import IO


class ReadMeter:
    """Bytes of input read so far. Read `done` in the thread that reads the inputs."""

    def __init__(self) -> None:
        self._finished = 0
        self._current: IO[bytes] | None = None
        self._current_size = 0

    def begin(self, path: Path, handle: IO[bytes] | None = None) -> None:
        """A file starts being read; `handle` is the raw file when it is read as a stream."""
        self.end()
        try:
            self._current_size = path.stat().st_size
        except OSError:
            self._current_size = 0
        self._current = handle

    def end(self) -> None:
        """The file begun last is read to its end (or given up)."""
        self._finished += self._current_size
        self._current, self._current_size = None, 0

    @property
    def done(self) -> int:
        position = 0
        if self._current is not None:
            try:
                position = min(self._current.tell(), self._current_size)
            except (OSError, ValueError):  # closed: it was read to the end
                position = self._current_size
        return self._finished + position


def input_bytes(paths: Iterable[str]) -> int | None:
    """Total size of the regular files `read_inputs(paths)` would read; None with stdin."""
    from wirecoder.ingest._fetch import is_url
    from wirecoder.ingest.readers import _expand

    paths = list(paths)
    if any(is_url(p) for p in paths):
        return None  # a page's size is known only once fetched
    total = 0
    try:
        for _raw, path in _expand(paths):
            if path is None:
                return None
            try:
                st = os.stat(path)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                total += st.st_size
    except (OSError, ValueError):  # a folder that cannot be listed: read_inputs names it
        return None
    return total
