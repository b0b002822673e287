"""Bad inputs found by trying the CLI as a new user would: each is one error naming the file, and
the inputs after it are still read (issue 14's list, one regression test each)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from wirecoder.errors import BinaryInputError, EmptyInputError, InputError, MalformedInputError
from wirecoder.ingest import read_inputs
from wirecoder.records import Article

GOOD = "Published: 2022-11-11\n\nRussian artillery shelled Kherson on Monday, the governor said.\n"


def _read(*paths: Path | str) -> list:
    return list(read_inputs([str(p) for p in paths]))


def _one_bad_then_good(tmp_path: Path, name: str, content: str | bytes) -> InputError:
    bad = tmp_path / name
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    (tmp_path / "zz_good.txt").write_text(GOOD)
    first, second = _read(tmp_path)
    assert isinstance(first, InputError), first
    assert name in str(first)
    assert isinstance(second, Article) and second.published is not None
    return first


def test_json_nested_two_thousand_deep(tmp_path: Path) -> None:
    err = _one_bad_then_good(tmp_path, "deep.json", "[" * 2000 + "]" * 2000)
    assert isinstance(err, MalformedInputError) and "nested too deeply" in str(err)


def test_json_integer_of_five_thousand_digits(tmp_path: Path) -> None:
    err = _one_bad_then_good(tmp_path, "big.json", '{"text": "Troops shelled Kherson.", "n": ' + "9" * 5000 + "}")
    assert isinstance(err, MalformedInputError) and "digits" in str(err)


def test_jsonl_line_of_huge_integer_is_one_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"n": ' + "9" * 5000 + '}\n{"text": "Troops shelled the town of Kherson on Monday.", "date": "2022-11-11"}\n')
    bad, good = _read(path)
    assert isinstance(bad, MalformedInputError) and "a.jsonl:1" in str(bad)
    assert isinstance(good, Article)


@pytest.mark.parametrize("field", ["text", "title", "outlet", "url"])
def test_lone_surrogate_becomes_a_replacement_character(tmp_path: Path, field: str) -> None:
    record = {"text": "Troops shelled the town of Kherson on Monday.", "date": "2022-11-11"}
    record[field] = "Troops shelled the \ud800 town of Kherson." if field == "text" else "x\ud800y"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(record))  # written as the escape \ud800, which names no character
    (article,) = _read(path)
    assert isinstance(article, Article)
    value = article.text if field == "text" else getattr(article, field)
    assert "\ufffd" in value
    value.encode("utf-8")  # storable


@pytest.mark.parametrize("value", ['["a"]', "5", '{"a": 1}', "true"])
def test_title_url_outlet_of_another_type_are_ignored(tmp_path: Path, value: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(
        '{"text": "Troops shelled the town of Kherson on Monday.", "date": "2022-11-11", '
        f'"title": {value}, "url": {value}, "outlet": {value}}}'
    )
    (article,) = _read(path)
    assert isinstance(article, Article) and article.title is None and article.url is None and article.outlet is None


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_text(GOOD)
    (article,) = _read(tmp_path)
    assert isinstance(article, Article) and "\ufffd" in article.path
    article.path.encode("utf-8")


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_devices_and_pipes_are_refused_without_reading(tmp_path: Path, special: str) -> None:
    target = special
    if special == "fifo":
        target = str(tmp_path / "pipe")
        os.mkfifo(target)
    (tmp_path / "good.txt").write_text(GOOD)
    bad, good = _read(target, tmp_path / "good.txt")
    assert isinstance(bad, InputError) and "not a regular file" in str(bad)
    assert isinstance(good, Article)


def test_nul_byte_after_the_first_8_kb(tmp_path: Path) -> None:
    err = _one_bad_then_good(tmp_path, "nul.txt", b"Troops shelled Kherson on Monday. " * 300 + b"\x00 tail")
    assert isinstance(err, BinaryInputError) and "NUL" in str(err)


def test_nul_character_from_a_json_escape(tmp_path: Path) -> None:
    err = _one_bad_then_good(tmp_path, "nul.json", '{"text": "Troops shelled the town \\u0000 of Kherson.", "date": "2022-11-11"}')
    assert isinstance(err, BinaryInputError)


def test_symlink_loops_and_dangling_links_are_named(tmp_path: Path) -> None:
    (tmp_path / "loop_a.txt").symlink_to(tmp_path / "loop_b.txt")
    (tmp_path / "loop_b.txt").symlink_to(tmp_path / "loop_a.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing" / "x.txt")
    (tmp_path / "zz_good.txt").write_text(GOOD)
    items = _read(tmp_path)
    errors = {Path(e.path).name: str(e) for e in items if isinstance(e, InputError)}
    assert "loop" in errors["loop_a.txt"] and "loop" in errors["loop_b.txt"]
    assert "broken" in errors["dangling.txt"]
    assert sum(isinstance(i, Article) for i in items) == 1


@pytest.mark.parametrize("header", ["Date: yesterday", "Published: today", "Date: Monday"])
def test_relative_words_in_a_header_date_are_never_resolved(tmp_path: Path, header: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{header}\n\nRussian artillery shelled Kherson on Monday, the governor said.\n")
    (article,) = _read(path)
    assert isinstance(article, Article) and article.published is None


def test_relative_words_in_a_json_date_are_refused(tmp_path: Path) -> None:
    err = _one_bad_then_good(tmp_path, "today.json", '{"text": "Troops shelled the town of Kherson.", "published": "today"}')
    assert isinstance(err, MalformedInputError) and "today" in str(err)


@pytest.mark.parametrize("content", ["xq\n", "a 1 b\n", "\u200b\u200c\u200d\ufeff\n"])
def test_a_few_random_or_invisible_characters_are_not_an_article(tmp_path: Path, content: str) -> None:
    err = _one_bad_then_good(tmp_path, "tiny.txt", content)
    assert isinstance(err, EmptyInputError)
