"""Data-driven cases: tests/timex/cases/*.jsonl (short sentences written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirecoder.timex import find_time_expressions

CASES = Path(__file__).parent / "cases"


def _load(*names: str) -> list[Any]:
    rows = []
    for name in names:
        for line in (CASES / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append(pytest.param(row, id=row["id"]))
    return rows


@pytest.mark.parametrize(
    "case", _load("resolution.jsonl", "grammar.jsonl", "fiscal.jsonl", "narrative.jsonl")
)
def test_expression_value(case: dict[str, Any], parse: Any) -> None:
    parsed = parse(case["text"], case["published"])
    times = find_time_expressions(parsed)
    for want in case["expected"]:
        found = [t for t in times if t.prov.text == want["text"]]
        assert found, f"{want['text']!r} not found; got {[t.prov.text for t in times]}"
        t = found[0]
        assert case["text"][t.prov.start : t.prov.end] == want["text"]
        assert t.value == want["value"], case["source"]
        assert t.type.value == want["type"]
        assert t.resolved
        if "mod" in want:
            assert t.mod == want["mod"]
        if "granularity" in want:
            assert t.granularity.value == want["granularity"]


@pytest.mark.parametrize("case", _load("not_times.jsonl"))
def test_not_a_time(case: dict[str, Any], parse: Any) -> None:
    times = find_time_expressions(parse(case["text"], case["published"]))
    texts = [t.prov.text for t in times]
    for absent in case["absent"]:
        assert not any(absent in t for t in texts), f"{absent!r} taken as a time: {texts}"


def test_provenance_points_into_text(parse: Any) -> None:
    text = "Kyiv said on Tuesday that troops would stay until at least March."
    parsed = parse(text, "2022-11-11")
    times = find_time_expressions(parsed)
    assert times
    for t in times:
        assert text[t.prov.start : t.prov.end] == t.prov.text
        assert t.prov.stage == "timex"
        assert t.prov.evidence == text
