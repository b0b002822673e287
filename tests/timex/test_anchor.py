"""Anchoring: no publication date, statement dates in reported speech, header offsets."""

from __future__ import annotations

from typing import Any

from wirecoder.timex import NO_ANCHOR, find_time_expressions


def _by_text(times: list[Any]) -> dict[str, Any]:
    return {t.prov.text: t for t in times}


def test_no_anchor_keeps_relative_unresolved(parse: Any) -> None:
    text = "Ukrainian troops advanced on Thursday and retook the town in March 2022."
    times = _by_text(find_time_expressions(parse(text, None)))
    thursday = times["Thursday"]
    assert thursday.value == "XXXX-WXX-4"
    assert thursday.resolved is False
    assert thursday.reason == NO_ANCHOR
    assert thursday.anchor is None
    assert thursday.granularity.value == "day"
    march = times["March 2022"]
    assert march.value == "2022-03"
    assert march.resolved is True


def test_no_anchor_relative_day_is_masked(parse: Any) -> None:
    times = _by_text(find_time_expressions(parse("The bridge was hit yesterday.", None)))
    assert times["yesterday"].value == "XXXX-XX-XX"
    assert times["yesterday"].resolved is False


def test_no_anchor_duration_still_resolves(parse: Any) -> None:
    text = "It will take at least one week to withdraw."
    times = _by_text(find_time_expressions(parse(text, None)))
    assert times["at least one week"].value == "P1W"
    assert times["at least one week"].resolved is True


def test_publication_anchor_recorded(parse: Any) -> None:
    times = _by_text(find_time_expressions(parse("The town fell on Wednesday.", "2022-11-11")))
    assert times["Wednesday"].anchor == "2022-11-11"
    assert times["Wednesday"].anchor_from == "publication"


def test_statement_date_anchors_reported_speech(parse: Any) -> None:
    # Published Monday 2022-04-04 (ISO week 14); the statement was on Friday 2022-04-01, so
    # "earlier this week" in what was said is week 13, not the publication's week 14.
    text = "Kirby said on Friday that Russian units had pulled back earlier this week."
    times = _by_text(find_time_expressions(parse(text, "2022-04-04")))
    assert times["Friday"].value == "2022-04-01"
    assert times["Friday"].anchor_from == "publication"
    week = times["earlier this week"]
    assert week.value == "2022-W13"
    assert week.anchor == "2022-04-01"
    assert week.anchor_from == "statement"


def test_without_statement_date_publication_wins(parse: Any) -> None:
    text = "Kirby said Russian units had pulled back earlier this week."
    times = _by_text(find_time_expressions(parse(text, "2022-04-04")))
    assert times["earlier this week"].value == "2022-W14"
    assert times["earlier this week"].anchor_from == "publication"


def test_header_offsets(parse: Any) -> None:
    header = " date 2022-04-02 "
    text = header + "Troops regained the region on Saturday."
    times = find_time_expressions(parse(text, "2022-04-02", body_start=len(header)))
    assert [t.prov.text for t in times] == ["Saturday"]
    t = times[0]
    assert text[t.prov.start : t.prov.end] == "Saturday"
    assert t.value == "2022-04-02"
