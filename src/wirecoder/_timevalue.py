"""Date ranges of TIMEX3 values: 2022-11-10, 2022-11-10TNI, 2022-W13, 2022-03, 2022-Q1, 2022-H2,
2022.

Used by the store (event date filters) and by eval (a day inside a gold month or week).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")


def date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a TIMEX3 date value, or None when it names no calendar span.

    Example:
        >>> date_range("2022-W13")
        (datetime.date(2022, 3, 28), datetime.date(2022, 4, 3))
    """
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:  # the weekend of that week
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if m := _QUARTER.match(value):
            year, q = int(m[1]), int(m[2])
            first = dt.date(year, 3 * q - 2, 1)
            last_month = 3 * q
            return first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        if m := _HALF.match(value):
            year, first_month = int(m[1]), 1 if m[2] == "1" else 7
            last = dt.date(year, 6, 30) if m[2] == "1" else dt.date(year, 12, 31)
            return dt.date(year, first_month, 1), last
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def time_precision(value: str | None) -> int | None:
    """ACLED time_precision of a TIMEX3 value: 1 day, 2 week, 3 month or coarser."""
    span = date_range(value)
    if span is None:
        return None
    days = (span[1] - span[0]).days
    return 1 if days == 0 else 2 if days <= 6 else 3
