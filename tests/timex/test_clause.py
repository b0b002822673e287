"""time_for_clause: the time expression that dates a verb's own clause."""

from __future__ import annotations

from typing import Any

from wirecoder.timex import find_time_expressions, time_for_clause


def _clause_time(parse: Any, text: str, trigger: str) -> str | None:
    parsed = parse(text, "2022-11-11")
    times = find_time_expressions(parsed)
    start = text.index(trigger)
    t = time_for_clause(parsed, start, start + len(trigger), times)
    return t.prov.text if t else None


def test_same_clause(parse: Any) -> None:
    text = "Russian forces shelled Kherson on Wednesday."
    assert _clause_time(parse, text, "shelled") == "Wednesday"


def test_reported_clause_does_not_inherit(parse: Any) -> None:
    text = "On Wednesday, Russia announced it would withdraw from the west bank."
    assert _clause_time(parse, text, "announced") == "Wednesday"
    assert _clause_time(parse, text, "withdraw") is None


def test_xcomp_inherits(parse: Any) -> None:
    text = "Russian forces began withdrawing on Wednesday."
    assert _clause_time(parse, text, "withdrawing") == "Wednesday"


def test_noun_trigger_own_modifier(parse: Any) -> None:
    text = "Officials described Thursday's strike as the heaviest yet."
    assert _clause_time(parse, text, "strike") == "Thursday"
