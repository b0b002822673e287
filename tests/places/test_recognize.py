"""Toponym recognition on short wire-style cases (tests/places/cases/recognize.jsonl)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wirecoder.parse import ParsedArticle
from wirecoder.places import Gazetteer, recognize_toponyms

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases" / "recognize.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_recognize_case(
    case: dict[str, Any], parse: Callable[..., ParsedArticle], gazetteer: Gazetteer
) -> None:
    parsed = parse(case["text"], case["published"])
    found = recognize_toponyms(parsed, gazetteer)
    assert [parsed.text[t.start : t.end] for t in found] == case["expected"]


def test_spans_are_document_offsets(parse: Callable[..., ParsedArticle], gazetteer: Gazetteer) -> None:
    parsed = parse("Header line\n\nShelling hit the city of Kherson again.")
    (top,) = recognize_toponyms(parsed, gazetteer)
    assert parsed.text[top.start : top.end] == "Kherson" and top.hint == "city"
