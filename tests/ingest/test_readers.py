"""Reading files, directories, JSON/JSONL, HTML and stdin; every bad input named with its problem."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wirecoder.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    TooLargeError,
)
from wirecoder.ingest import doc_id_for, read_inputs
from wirecoder.records import Article, PublishedFrom


def _read(*paths: Path, **kw) -> list:
    return list(read_inputs([str(p) for p in paths], **kw))


def test_same_text_under_two_names_is_one_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Troops entered the town on Monday.\n")
    (tmp_path / "b.txt").write_text("Troops  entered the town\non Monday.")  # white space differs
    a, b = _read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert a.doc_id == b.doc_id


def test_doc_id_ignores_header_lines() -> None:
    assert doc_id_for("Body.") == doc_id_for(" Body. ")


def test_directory_is_read_recursively_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("One short report.")
    (tmp_path / "two.jsonl").write_text(json.dumps({"text": "Two reports.", "date": "2022-03-01"}) + "\n")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    items = _read(tmp_path)
    assert sorted(i.text for i in items) == ["One short report.", "Two reports."]


def test_json_record_fields(tmp_path: Path) -> None:
    rec = {"body": "Shelling hit the city.", "published": "2022-03-05", "title": "T", "url": "u", "outlet": "O"}
    (tmp_path / "a.json").write_text(json.dumps(rec))
    (art,) = _read(tmp_path / "a.json")
    assert isinstance(art, Article)
    assert (art.published, art.published_from) == (dt.date(2022, 3, 5), PublishedFrom.METADATA)
    assert (art.title, art.url, art.outlet) == ("T", "u", "O")


def test_jsonl_bad_line_and_missing_text_do_not_stop_the_rest(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "Good one."}), "{not json", json.dumps({"title": "no text"}), json.dumps({"text": "Good two."})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))
    items = _read(tmp_path / "a.jsonl")
    assert [type(i) for i in items] == [Article, MalformedInputError, MalformedInputError, Article]
    assert "a.jsonl:2" in str(items[1]) and "malformed JSON" in str(items[1])
    assert "a.jsonl:3" in str(items[2]) and "no text" in str(items[2])


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    para = "Ukrainian troops advanced near the town on Tuesday, the army said in a statement. " * 3
    html = f"<html><head><title>Front</title></head><body><nav>Menu Home About</nav><article><h1>Front</h1><p>{para}</p><p>{para}</p></article></body></html>"
    (tmp_path / "a.html").write_text(html)
    (art,) = _read(tmp_path / "a.html")
    assert isinstance(art, Article)
    assert "Ukrainian troops advanced" in art.text
    assert "Menu Home About" not in art.text


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Le maire de Kherson a déclaré que la ville était libérée. Les habitants fêtaient déjà."
    (tmp_path / "a.txt").write_bytes(text.encode("latin-1"))
    (art,) = _read(tmp_path / "a.txt")
    assert isinstance(art, Article)
    assert "déclaré" in art.text


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b"   \n\n  ", EmptyInputError, "empty"),
        (b"\x00\x01\x02binary\x00", BinaryInputError, "binary"),
        (bytes(range(1, 32)) * 20, BinaryInputError, "binary"),
    ],
)
def test_bad_bytes(tmp_path: Path, content: bytes, error: type, words: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = _read(path)
    assert isinstance(item, error)
    assert str(path) in str(item) and words in str(item)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    (item,) = _read(path, max_bytes=100)
    assert isinstance(item, TooLargeError)
    assert "100-byte limit" in str(item)


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text": "unterminated')
    (item,) = _read(path)
    assert isinstance(item, MalformedInputError)
    assert "malformed JSON at line 1" in str(item)


def test_missing_file(tmp_path: Path) -> None:
    (item,) = _read(tmp_path / "nope.txt")
    assert isinstance(item, InputError) and "no such file" in str(item)


def test_unreadable_date_in_json_is_an_error_unless_given(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"text": "Troops shelled the town.", "date": "the other day"}))
    (item,) = _read(tmp_path / "a.json")
    assert isinstance(item, MalformedInputError) and "unreadable date" in str(item)
    (item,) = _read(tmp_path / "a.json", published=dt.date(2022, 1, 1))
    assert isinstance(item, Article) and item.published == dt.date(2022, 1, 1)
