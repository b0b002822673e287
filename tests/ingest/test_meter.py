"""Bytes read for the progress bar's time left: the meter follows the position on disk of the
file being read (compressed or archived too) and ends at the inputs' total size."""

from __future__ import annotations

import gzip
import json
import tarfile
import zipfile
from pathlib import Path

from wirecoder.ingest import read_inputs
from wirecoder.ingest._meter import ReadMeter, input_bytes
from wirecoder.records import Article

TEXT = "Shelling hit the market in Orikhiv on Tuesday, the regional governor said. " * 20


def _records(n: int) -> bytes:
    lines = [json.dumps({"text": f"{i}. {TEXT}", "published": "2022-11-11"}) for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def _positions(paths: list[str]) -> tuple[list[int], ReadMeter, int]:
    meter = ReadMeter()
    seen: list[int] = []
    articles = 0
    for item in read_inputs(paths, meter=meter):
        articles += isinstance(item, Article)
        seen.append(meter.done)
    return seen, meter, articles


def test_a_jsonl_file_is_metered_a_record_at_a_time(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_records(400))
    seen, meter, articles = _positions([str(feed)])
    assert articles == 400
    assert seen == sorted(seen) and seen[0] < seen[-1]  # it moves while the file is read
    assert len(set(seen)) > 2
    assert meter.done == feed.stat().st_size == input_bytes([str(feed)])


def test_compressed_and_archived_inputs_count_their_size_on_disk(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with gzip.open(folder / "a.jsonl.gz", "wb") as f:
        f.write(_records(300))
    with zipfile.ZipFile(folder / "b.zip", "w") as z:
        z.writestr("one.txt", TEXT)
        z.writestr("two.jsonl", _records(3).decode())
    with tarfile.open(folder / "c.tar.gz", "w:gz") as t:
        member = folder / "three.txt"
        member.write_text(TEXT)
        t.add(member, arcname="three.txt")
    (folder / "notes.bin").write_bytes(b"\x00" * 1000)  # not an input: not counted
    total = sum(p.stat().st_size for p in folder.iterdir() if p.suffix != ".bin")
    assert input_bytes([str(folder)]) == total
    seen, meter, articles = _positions([str(folder)])
    assert articles == 300 + 1 + 3 + 1 + 1
    assert seen == sorted(seen)
    assert meter.done == total


def test_stdin_has_no_size() -> None:
    assert input_bytes(["-"]) is None
