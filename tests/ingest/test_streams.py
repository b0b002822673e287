"""Streamed inputs: JSONL and CSV a record at a time (the size limit per record), gzip, .zip and
.tar archives, and folders walked a directory at a time."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

from wirecoder.errors import InputError, MalformedInputError, TooLargeError
from wirecoder.ingest import read_inputs
from wirecoder.records import Article

TEXT = "Russian artillery shelled {town} on Monday, the governor said."
TOWNS = ["Kherson", "Mykolaiv", "Izium", "Bakhmut", "Orikhiv"]


def _records(n: int) -> list[dict[str, str]]:
    return [{"text": TEXT.format(town=TOWNS[i % 5]) + f" Report {i}.", "date": "2022-11-11", "title": f"t{i}"}
            for i in range(n)]  # fmt: skip


def test_a_jsonl_file_larger_than_the_limit_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _records(300)) + "\n")
    items = list(read_inputs([str(path)], max_bytes=500))  # the file is ~30 KB; each line ~120 B
    assert len(items) == 300 and all(isinstance(i, Article) for i in items)
    assert items[7].path.endswith("feed.jsonl:8")


def test_a_line_over_the_limit_is_one_error_and_the_next_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    big = {"text": TEXT.format(town="Kherson") + " x" * 5000, "date": "2022-11-11"}
    path.write_text("\n".join(json.dumps(r) for r in [_records(1)[0], big, _records(2)[1]]) + "\n")
    first, second, third = read_inputs([str(path)], max_bytes=2000)
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(second, TooLargeError) and "feed.jsonl:2" in str(second)


def test_gzip_compressed_jsonl_and_text(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt") as f:
        f.write("\n".join(json.dumps(r) for r in _records(5)))
    with gzip.open(tmp_path / "one.txt.gz", "wt") as f:
        f.write("Published: 2022-11-11\n\n" + TEXT.format(town="Izium"))
    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"text": "a"}\n' * 50)[:60])
    items = list(read_inputs([str(tmp_path)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 6 and any(a.path.endswith("one.txt.gz") and a.published for a in articles)
    errors = [i for i in items if isinstance(i, InputError)]
    assert errors and all("broken.jsonl.gz" in str(e) for e in errors)


def test_csv_rows_with_long_texts_and_a_bad_row(tmp_path: Path) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["Title", "Text", "Published"])
    writer.writeheader()
    writer.writerow({"Title": "a", "Text": TEXT.format(town="Kherson") + " more" * 40000, "Published": "2022-11-11"})
    writer.writerow({"Title": "b", "Text": "", "Published": "2022-11-11"})
    writer.writerow({"Title": "c", "Text": TEXT.format(town="Lyman"), "Published": "2022-10-01"})
    (tmp_path / "feed.csv").write_text(buf.getvalue())
    long_row, empty_row, short_row = read_inputs([str(tmp_path / "feed.csv")])
    assert isinstance(long_row, Article) and len(long_row.text) > 200_000 and long_row.title == "a"
    assert isinstance(empty_row, MalformedInputError) and "feed.csv:3" in str(empty_row)
    assert isinstance(short_row, Article) and str(short_row.published) == "2022-10-01"


def test_zip_and_tar_archives_are_read_member_by_member(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "batch.zip", "w") as z:
        z.writestr("a/one.txt", "Published: 2022-11-11\n\n" + TEXT.format(town="Kherson"))
        z.writestr("a/feed.jsonl", "\n".join(json.dumps(r) for r in _records(3)))
        z.writestr("a/.hidden.txt", "Published: 2022-11-11\n\n" + TEXT.format(town="Lyman"))
        z.writestr("a/bad.json", "{nope")
        z.writestr("image.png", b"\x89PNG")
    with tarfile.open(tmp_path / "batch.tar.gz", "w:gz") as t:
        data = ("Published: 2022-11-12\n\n" + TEXT.format(town="Bakhmut")).encode()
        info = tarfile.TarInfo("b/two.txt")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    (tmp_path / "corrupt.zip").write_bytes(b"PK\x03\x04 not really")
    items = list(read_inputs([str(tmp_path)]))
    paths = sorted(i.path for i in items if isinstance(i, Article))
    assert paths == sorted([
        str(tmp_path / "batch.tar.gz") + ":b/two.txt",
        str(tmp_path / "batch.zip") + ":a/feed.jsonl:1", str(tmp_path / "batch.zip") + ":a/feed.jsonl:2",
        str(tmp_path / "batch.zip") + ":a/feed.jsonl:3", str(tmp_path / "batch.zip") + ":a/one.txt",
    ])  # fmt: skip
    errors = sorted(str(i) for i in items if isinstance(i, InputError))
    assert len(errors) == 2 and "a/bad.json" in errors[0] and "corrupt.zip" in errors[1]


def test_folders_are_walked_in_order_skipping_hidden_ones(tmp_path: Path) -> None:
    for sub in ("b", "a", ".git", "a/c"):
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
        (tmp_path / sub / "x.txt").write_text(f"Published: 2022-11-11\n\nTroops advanced near {sub}.\n")
    items = list(read_inputs([str(tmp_path)]))
    assert [Path(i.path).parent.name for i in items] == ["a", "c", "b"]
