"""Financial periods and narrative anchoring: the date arithmetic, and what happens without a
date to count from."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wirecoder.timex import NO_ANCHOR, find_time_expressions
from wirecoder.timex._context import tense
from wirecoder.timex._fiscal import last_completed_quarter, quarter_year, resolve_periods
from wirecoder.timex._narrative import resolve_narrative


@pytest.mark.parametrize(
    ("anchor", "quarter", "year"),
    [
        (dt.date(2023, 1, 26), 4, 2022),  # January: the fourth quarter just ended
        (dt.date(2022, 11, 2), 4, 2022),  # November: the current fourth quarter
        (dt.date(2022, 11, 2), 3, 2022),
        (dt.date(2022, 2, 1), 2, 2021),  # the second quarter has not begun yet
    ],
)
def test_quarter_year(anchor: dt.date, quarter: int, year: int) -> None:
    assert quarter_year(anchor, quarter) == year


def test_last_completed_quarter() -> None:
    assert last_completed_quarter(dt.date(2022, 11, 2)) == "2022-Q3"
    assert last_completed_quarter(dt.date(2022, 2, 10)) == "2021-Q4"


def test_focus_is_the_quarter_named_most() -> None:
    # A forward-looking "fourth-quarter charge" does not move the focus off the third quarter.
    texts = ["third-quarter", "fourth-quarter", "third-quarter", "a year ago"]
    values = ["2022-Q3", "2022-Q4", "2022-Q3", "2021"]
    sentences = ["x", "x", "x", "Net rose to $5 million from $4 million a year ago."]
    out = resolve_periods(texts, values, sentences, dt.date(2022, 11, 2))
    assert out[:3] == [None, None, None]
    assert out[3] is not None and (out[3].value, out[3].focus) == ("2021-Q3", "2022-Q3")


def test_year_ago_outside_results_is_left_alone() -> None:
    out = resolve_periods(
        ["third-quarter", "a year ago"],
        ["2022-Q3", "2021"],
        ["x", "The army has 13 brigades in the south, up from seven a year ago."],
        dt.date(2022, 11, 2),
    )
    assert out == [None, None]


def test_narrative_without_earlier_date_is_unresolved() -> None:
    out = resolve_narrative(["that day"], ["NARRATIVE"], [4])
    assert out[0] is not None
    assert out[0].value == "XXXX-XX-XX"
    assert out[0].reference is None


def test_narrative_reference_too_far_back() -> None:
    out = resolve_narrative(
        ["May 22, 2014", "the following year"], ["2014-05-22", "NARRATIVE"], [0, 9]
    )
    assert out[1] is not None and out[1].reference is None


def test_narrative_unresolved_in_article(parse: Any) -> None:
    times = find_time_expressions(parse("Residents fled that day, officials said.", "2022-11-11"))
    found = [t for t in times if t.prov.text == "that day"]
    assert found and found[0].resolved is False and found[0].reason


def test_quarter_without_anchor_is_kept_unresolved(parse: Any) -> None:
    times = find_time_expressions(parse("Grain exports fell in the quarter.", None))
    found = [t for t in times if t.prov.text == "the quarter"]
    assert found and found[0].value == "XXXX-QX"
    assert found[0].resolved is False and found[0].reason == NO_ANCHOR


def test_could_is_not_future(parse: Any) -> None:
    parsed = parse("The commander could not be reached Wednesday.", "2022-11-11")
    verb = next(t for t in parsed.doc if t.lemma_ == "reach")
    assert tense(verb) != "future"
    times = find_time_expressions(parsed)
    assert [t.value for t in times if t.prov.text == "Wednesday"] == ["2022-11-09"]


def test_text_anchors_are_recorded(parse: Any) -> None:
    text = (
        "The arms maker reported third-quarter sales of $1.2 billion. Orders doubled in the "
        "quarter. On May 22, 2014, it opened a plant, and the following year it opened another."
    )
    times = {t.prov.text: t for t in find_time_expressions(parse(text, "2022-11-03"))}
    quarter = times["the quarter"]
    assert (quarter.anchor, quarter.anchor_from) == ("2022-Q3", "text")
    following = times["the following year"]
    assert (following.value, following.anchor, following.anchor_from) == (
        "2015",
        "2014-05-22",
        "text",
    )
    assert following.resolved is True
