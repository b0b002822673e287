"""Date arithmetic of resolution, without spaCy or the recognizer."""

from __future__ import annotations

import datetime as dt

import pytest

from wirecoder._timevalue import date_range, time_precision
from wirecoder.records import Granularity, TimexType
from wirecoder.timex._values import (
    granularity_of,
    month_year,
    normalise,
    nth_weekday,
    underspecified,
    weekday_date,
)

SAT = dt.date(2022, 4, 2)


@pytest.mark.parametrize(
    ("weekday", "direction", "strict", "expected"),
    [
        (6, None, False, dt.date(2022, 4, 2)),  # Saturday in a Saturday article: that day
        (6, "past", True, dt.date(2022, 3, 26)),  # "last Saturday"
        (2, None, False, dt.date(2022, 3, 29)),  # Tuesday: most recent
        (2, "future", False, dt.date(2022, 4, 5)),  # "will meet Tuesday"
    ],
)
def test_weekday_date(weekday: int, direction: str | None, strict: bool, expected: dt.date) -> None:
    assert weekday_date(SAT, weekday, direction, strict) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "day", "direction", "year"),
    [
        (2, None, "past", 2022),
        (2, None, "future", 2023),
        (12, 7, None, 2022),  # nearest: Dec 7 from Nov 11
        (3, None, None, 2022),  # no tense, far ahead: the March just past
        (1, 20, None, 2023),  # no tense, within the window ahead: the coming January
        (3, None, "past", 2022),
        (12, None, "past", 2021),
    ],
)
def test_month_year(month: int, day: int | None, direction: str | None, year: int) -> None:
    anchor = dt.date(2022, 11, 11)
    assert month_year(anchor, month, day, direction) == year  # type: ignore[arg-type]


def test_nth_weekday() -> None:
    assert nth_weekday(2022, 11, 4, 4) == dt.date(2022, 11, 24)  # Thanksgiving 2022


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("2022-11-10", Granularity.DAY),
        ("2022-11-10TNI", Granularity.TIME),
        ("2022-W13", Granularity.WEEK),
        ("2022-03", Granularity.MONTH),
        ("2022-Q1", Granularity.QUARTER),
        ("2022", Granularity.YEAR),
        ("198X", Granularity.DECADE),
        ("P1W", Granularity.DURATION),
        ("PAST_REF", Granularity.REFERENCE),
        ("XXXX-WXX-4", Granularity.DAY),
    ],
)
def test_granularity(value: str, granularity: Granularity) -> None:
    assert granularity_of(value) == granularity


def test_underspecified() -> None:
    assert underspecified("2022-11-10TNI") == "XXXX-XX-XXTNI"


def test_normalise_range_to_duration() -> None:
    n = normalise("(2019-04-02,2022-04-02,P3Y)", "daterange", "the past three years", SAT, None)
    assert (n.value, n.type) == ("P3Y", TimexType.DURATION)


def test_normalise_ref_is_a_date() -> None:
    n = normalise("PRESENT_REF", "datetime", "now", SAT, None)
    assert (n.value, n.type, n.relative) == ("PRESENT_REF", TimexType.DATE, False)


def test_weekend_of() -> None:
    from wirecoder.timex._values import weekend_of

    monday = dt.date(2022, 11, 14)
    assert weekend_of(monday, "past") == "2022-W45-WE"  # the weekend just past
    assert weekend_of(monday, None) == "2022-W45-WE"
    assert weekend_of(monday, "future") == "2022-W46-WE"  # "will meet over the weekend"
    assert weekend_of(dt.date(2022, 11, 12), None) == "2022-W45-WE"  # a Saturday: this one


def test_midnight_is_not_a_modified_night() -> None:
    # "mid-night" would make the part-of-day rule turn a clock time into TNI.
    n = normalise("XXXX-WXX-5T00", "datetime", "midnight Friday", SAT, None)
    assert n.value.endswith("T00:00")


def test_mid_afternoon_keeps_the_part_of_day() -> None:
    n = normalise("T14", "time", "mid-afternoon", SAT, None)
    assert n.value == SAT.isoformat() + "TAF"


def test_half_year_value_and_range() -> None:
    n = normalise("2023", "daterange", "the second half of 2023", SAT, None)
    assert n.value == "2023-H2"
    assert date_range("2023-H1") == (dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    assert time_precision("2023-H2") == 3
