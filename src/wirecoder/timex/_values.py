"""From a recognizer TIMEX to a TIMEX3 value, type and granularity, resolved against an anchor.

Microsoft Recognizers leaves underspecified what needs context (XXXX-WXX-4 for "Thursday",
XXXX-02 for "February") and gives ranges ((2019-04-02,2022-04-02,P3Y)) where TimeML wants a
duration or a calendar unit. The resolution rules here are hand-written for English news: a
weekday is the most recent such day not after the anchor unless the verb is future; a month or
day without a year goes back (past tense) or forward (future tense) to its nearest occurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from wirecoder.records import Granularity, TimexType
from wirecoder.rulebook.numbers import values, words
from wirecoder.timex._fiscal import quarter_year
from wirecoder.timex._rules import MONTHS, WEEKDAYS

Direction = Literal["past", "future"] | None

_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(T.*)?$")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?(T.*)?$")
_SEASON = re.compile(r"^(?:XXXX-)?(SP|SU|FA|WI)$")
_NTH_WEEKDAY = re.compile(r"^XXXX-(\d\d)-WXX-([1-7])-([1-5])$")  # Thanksgiving: XXXX-11-WXX-4-4
_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)([YMWD])|T(\d+(?:\.\d+)?)([HM]))$")
_POINT_WORDS = re.compile(r"\b(?:ago|earlier|before|later|after|hence|from now)$", re.I)
_LAST_MONTH = re.compile(
    r"^last\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.I
)
_HALF_OF = re.compile(r"^the\s+(first|second|last|latter)\s+half\s+of\b", re.I)
_PAST_SEASON = re.compile(r"^(?:this\s+|the\s+)?past\s+(spring|summer|fall|autumn)$", re.I)
_SEASON_ENDS = {"spring": ("SP", 5), "summer": ("SU", 8), "fall": ("FA", 11), "autumn": ("FA", 11)}
_MONTH_OF_YEAR = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(last|this|next)\s+year$",
    re.I,
)
_WEEK_OF = re.compile(r"^(?:the\s+)?week\s+of\b", re.I)
_UNIT_AGO = re.compile(r"\b(year|month|week)s?\s+(?:ago|earlier|before)$", re.I)
# Number words from the rulebook (rulebook/numbers.tsv), shared with quantities.
_COUNT_NOUNS = values("count_noun")  # "a couple of years": 2
_COUNT_NOUN_OF = re.compile(r"\b(" + "|".join(_COUNT_NOUNS) + r")\s+of\b", re.I)
# "a few days", "some years": an unknown count, TimeML X
_VAGUE_COUNT = re.compile(
    r"\b(?:" + "|".join(words("indefinite", "quantifier")) + r")\b", re.I
)
_QUARTER = re.compile(r"^\d{4}-Q([1-4])$")
_A_YEAR = re.compile(r"^the\s+(?:fiscal\s+|financial\s+)?year$", re.I)
_ENDED = re.compile(r"^,?\s+(?:ended|ending|that\s+ended|which\s+ended)\b", re.I)
_FULL_YEAR = re.compile(r"^(?:the\s+)?(?:full|whole|entire)\s+year$", re.I)
_WEEKEND = re.compile(r"^\d{4}-W\d\d-WE$")
_THE_WEEKEND = re.compile(r"^(?:the|this)\s+weekend$", re.I)
_RANGE = re.compile(r"^\(([^,]*),([^,]*),(P[^)]*)\)$")
_TIME_ONLY = re.compile(r"^T(\d\d(?::\d\d)?|MO|AF|EV|NI|DT|MI)$")
_YEAR_IN_TEXT = re.compile(r"\b(?:1\d{3}|20\d\d)s?\b|'\d\d\b")
# "the past two years", "the next few months", "the last hundred years": a counted span.
_COUNTED = re.compile(
    r"\b(?:past|last|next|coming|previous|recent|following|preceding|first|final)\s+"
    r"(?:\d+|"
    + "|".join(
        [*values("cardinal", 1), *_COUNT_NOUNS, *values("scale"), *words("indefinite")]
    )
    + r"|\w+teen)\b"  # and "umpteen"
    r"|\b(?:past|last|next|coming|previous|recent)\s+(?:\w+\s+)?\w+s\b",
    re.I,
)
_LAST_WEEKDAY = re.compile(
    r"\blast\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I
)


_COMING_WEEKDAY = re.compile(
    r"\bcoming\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)
_PART_OF_DAY = re.compile(
    r"\b(?!midnight\b)(?:mid|early|late)[-\s]?(morning|afternoon|evening|night)\b", re.I
)
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# With no tense to go by, a month or day this close ahead is the coming one, not last year's.
# News looks back more than ahead: a plain "in March" in October is the March just past.
FUTURE_WINDOW_DAYS = 92


@dataclass(frozen=True)
class Normalised:
    """A TIMEX3 value with its type and granularity; `relative` when it needed the anchor."""

    value: str
    type: TimexType
    granularity: Granularity
    relative: bool


def granularity_of(value: str) -> Granularity:
    """The granularity a TIMEX3 value is stated at."""
    if value.endswith("_REF"):
        return Granularity.REFERENCE
    if value.startswith("P"):
        return Granularity.DURATION
    if "T" in value:
        return Granularity.TIME
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}|XXXX-WXX-\d", value):
        return Granularity.DAY
    if re.fullmatch(r"[\dX]{4}-W[\dX]{2}(?:-WE)?", value):
        return Granularity.WEEK
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}", value):
        return Granularity.MONTH
    if re.fullmatch(r"[\dX]{4}-Q[\dX]", value):
        return Granularity.QUARTER
    if re.fullmatch(r"[\dX]{4}-(?:SP|SU|FA|WI)", value):
        return Granularity.SEASON
    if re.fullmatch(r"\d{3}X?", value):
        return Granularity.DECADE
    if re.fullmatch(r"[\dX]{4}", value):
        return Granularity.YEAR
    if re.fullmatch(r"\d{2}X?X?", value):
        return Granularity.CENTURY
    return Granularity.UNKNOWN


def type_of(value: str, recognizer_type: str) -> TimexType:
    """TIMEX3 type from the value's shape and the recognizer's category."""
    if value.endswith("_REF"):
        return TimexType.DATE
    if recognizer_type == "set":
        return TimexType.SET
    if value.startswith("P"):
        return TimexType.DURATION
    if "T" in value and not value.endswith("_REF"):
        return TimexType.TIME
    return TimexType.DATE


def weekday_date(anchor: dt.date, weekday: int, direction: Direction, strict: bool) -> dt.date:
    """The day named `weekday` (ISO 1-7) nearest the anchor in the given direction.

    Past and unstated: the most recent such day not after the anchor ("on Saturday" in a
    Saturday article is that Saturday), strictly before it when `strict` ("last Saturday").
    Future: the next such day on or after the anchor.
    """
    if direction == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7)
    back = (anchor.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def weekend_of(anchor: dt.date, direction: Direction) -> str:
    """ "the weekend": the one just past on a weekday unless the verb is future; on a Saturday
    or Sunday, that weekend (the recognizer always takes the coming one)."""
    day = anchor
    if anchor.isoweekday() < 6 and direction != "future":
        day = anchor - dt.timedelta(days=7)
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}-WE"


def month_year(anchor: dt.date, month: int, day: int | None, direction: Direction) -> int:
    """Year of a month (and day) named without one: nearest occurrence in the direction.

    With no tense, the coming occurrence when it is near ("payable Dec. 7" in late October is
    this December), else the last one: "from $29.75 in March" in late October is this March.
    """
    here = (anchor.month, anchor.day)
    there = (month, day if day is not None else (1 if direction == "future" else 31))
    if direction == "past":
        if day is None:
            return anchor.year if month <= anchor.month else anchor.year - 1
        return anchor.year if there <= here else anchor.year - 1
    if direction == "future":
        if day is None:
            return anchor.year if month >= anchor.month else anchor.year + 1
        return anchor.year if there >= here else anchor.year + 1
    mid = dt.date(anchor.year, month, min(day or 15, 28))
    candidates = [mid.replace(year=anchor.year + k) for k in (-1, 0, 1)]
    ahead = [c for c in candidates if c > anchor]
    if ahead and (ahead[0] - anchor).days <= FUTURE_WINDOW_DAYS:
        return ahead[0].year
    return max(c for c in candidates if c <= anchor).year


def _range_value(start: str, end: str, period: str, text: str) -> tuple[str, bool]:
    """A recognizer range as TimeML writes it; (value, is_duration)."""
    if _COUNTED.search(text):
        return period, True
    try:
        a = dt.date.fromisoformat(start[:10])
        b = dt.date.fromisoformat(end[:10])
    except ValueError:
        return period, True
    if a.day == 1 and b.day == 1:
        months = (b.year - a.year) * 12 + b.month - a.month
        if months == 3 and a.month in (1, 4, 7, 10):
            return f"{a.year}-Q{(a.month - 1) // 3 + 1}", False
        if months == 12 and a.month == 1:
            return f"{a.year}", False
        if months == 1:
            return f"{a.year:04d}-{a.month:02d}", False
        if months == 6 and a.month in (1, 7):
            return f"{a.year}-H{1 if a.month == 1 else 2}", False
    if (b - a).days == 7 and a.isoweekday() == 1:
        iso = a.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", False
    return period, True


def underspecified(value: str) -> str:
    """The anchor-free form of a resolved relative value (2022-11-10 -> XXXX-XX-XX)."""
    date_part, sep, time_part = value.partition("T")
    masked = re.sub(r"\d", "X", date_part)
    return masked + sep + time_part


def normalise(
    timex: str,
    recognizer_type: str,
    text: str,
    anchor: dt.date | None,
    direction: Direction,
    after: str = "",
) -> Normalised:
    """TIMEX3 value for one recognizer hit whose (final) span text is `text`.

    Args:
        timex: the recognizer's TIMEX string (XXXX-WXX-4, 2022-W13, P1W, (a,b,P3Y) ...).
        recognizer_type: its category without the "datetimeV2." prefix.
        text: the expression text as emitted (modifiers included).
        anchor: the date to resolve against, or None to keep the underspecified form.
        direction: "past"/"future" from the governing verb's tense, None when unknown.
        after: the text right after the expression ("ended March 31" makes "the year" a
            twelve-month period).

    Returns:
        The value; `relative` is True when it depends on the anchor.
    """
    has_year = _YEAR_IN_TEXT.search(text) is not None
    if _A_YEAR.match(text) and _ENDED.match(after):
        # "the year ended March 31": a fiscal twelve months, not the calendar year.
        return Normalised("P1Y", TimexType.DURATION, Granularity.DURATION, relative=False)
    if anchor is not None and _FULL_YEAR.match(text):
        # "the full year" of a results report: the current year, not a duration.
        return Normalised(f"{anchor.year:04d}", TimexType.DATE, Granularity.YEAR, relative=True)
    value = timex
    relative = False
    if recognizer_type == "duration" and (m := _DURATION.match(timex)):
        if _POINT_WORDS.search(text):
            # "a year earlier", "two weeks ago": a point, stated at the unit's granularity.
            relative = True
            value = _shift(anchor, m, text) if anchor is not None else _masked_shift(m)
    elif m := _WEEKDAY.match(timex):
        relative = True
        if anchor is not None:
            strict = _LAST_WEEKDAY.search(text) is not None
            day = weekday_date(anchor, int(m[1]), direction, strict)
            value = day.isoformat() + (m[2] or "")
    elif m := _NTH_WEEKDAY.match(timex):
        relative = True
        if anchor is not None:
            year = month_year(anchor, int(m[1]), None, direction)
            value = nth_weekday(year, int(m[1]), int(m[2]), int(m[3])).isoformat()
    elif m := _MONTH_DAY.match(timex):
        relative = True
        if anchor is not None:
            month, day_ = int(m[1]), int(m[2]) if m[2] else None
            year = month_year(anchor, month, day_, direction)
            value = f"{year:04d}" + timex[4:]
    elif m := _SEASON.match(timex):
        relative = True
        value = f"{anchor.year:04d}-{m[1]}" if anchor is not None else f"XXXX-{m[1]}"
    elif timex == "XXXX":  # "year-end": the anchor's year
        relative = True
        value = f"{anchor.year:04d}" if anchor is not None else timex
    elif (count := _count_unit(text)) and re.fullmatch(r"XXXX-XX-\d\d", timex):
        # "within 14 days": the recognizer reads "14" as the 14th of a month.
        value = f"P{count[0]}{count[1]}"
    elif (m := _RANGE.match(timex)) and (count := _count_unit(text)) and count[0] > 1 and (
        m[3] == f"P1{count[1]}"
    ):
        # "would be redeemed in five years": the recognizer gives the one-year range that ends
        # five years on; TimeML values the point it ends on, at the unit's granularity. Only
        # when the verb looks ahead: "his second letter in two weeks" is a duration.
        if direction == "future":
            value, relative = _at_unit(m[2], count[1]), True
            if anchor is None:
                value = underspecified(value)
        else:
            value = f"P{count[0]}{count[1]}"
    elif m := _RANGE.match(timex):
        value, is_duration = _range_value(m[1], m[2], m[3], text)
        relative = not is_duration and not has_year
    elif m := _TIME_ONLY.match(timex):
        relative = True
        value = (anchor.isoformat() if anchor else "XXXX-XX-XX") + timex
    elif not timex.startswith("P") and not timex.endswith("_REF"):
        # A concrete date the recognizer computed from the reference date: relative unless the
        # text itself names the year.
        relative = not has_year and recognizer_type != "set"
        if relative and anchor is None:
            value = underspecified(timex)
    if anchor is not None and (m := _LAST_MONTH.search(text)) and not has_year:
        # "last April" is the most recent April before the anchor (the recognizer takes the
        # previous year's, even in November).
        month = MONTHS[m[1].lower()]
        year = anchor.year if month < anchor.month else anchor.year - 1
        value, relative = f"{year:04d}-{month:02d}", True
    if anchor is not None and (m := _PAST_SEASON.search(text)):
        # "(this) past spring" is the latest spring over by the anchor (the recognizer takes
        # last year's, right for "last spring" but not for "this past spring" in October).
        code, last_month = _SEASON_ENDS[m[1].lower()]
        year = anchor.year if anchor.month > last_month else anchor.year - 1
        value, relative = f"{year:04d}-{code}", True
    if (m := _HALF_OF.match(text)) and re.fullmatch(r"\d{4}|XXXX", value):
        # "the second half of 1989" is the half year 1989-H2 (TimeML), not the year.
        value = f"{value}-H{1 if m[1].lower() == 'first' else 2}"
    if anchor is not None and (m := _MONTH_OF_YEAR.match(text)):
        # "June last year": the recognizer reads the whole as the past twelve months (P1Y).
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m[2].lower()]
        value, relative = f"{year:04d}-{MONTHS[m[1].lower()]:02d}", True
    if _WEEK_OF.match(text) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        # "the week of March 6" is that date's ISO week, not the day.
        iso = dt.date.fromisoformat(value).isocalendar()
        value = f"{iso.year}-W{iso.week:02d}"
    if (
        anchor is not None
        and relative
        and (m := _QUARTER.match(value))
        and not re.search(r"\byear", text, re.I)
    ):
        # "the fourth quarter" in January is the one just ended (the recognizer takes this year's).
        value = f"{quarter_year(anchor, int(m[1])):04d}-Q{m[1]}"
    if anchor is not None and _WEEKEND.match(value) and _THE_WEEKEND.match(text):
        value = weekend_of(anchor, direction)
    if (m := _UNIT_AGO.search(text)) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        value = _coarsen(value, m[1].lower())  # "two months ago" -> 1999-11, not a day
    if (m := _COUNT_NOUN_OF.search(text)) and re.fullmatch(r"PT?\d+[YMWDHS]", value):
        # the recognizer counts "a couple of years" as 3
        value = re.sub(r"\d+", str(_COUNT_NOUNS[m[1].lower()]), value)
    if _VAGUE_COUNT.search(text) and re.fullmatch(r"PT?\d+[YMWDHS]", value):
        value = re.sub(r"\d+", "X", value)  # "a few days", "several months": PXD, PXM
    if anchor is not None and (m := _COMING_WEEKDAY.search(text)):
        # "this coming Sunday" is the next Sunday after the anchor (the recognizer takes the
        # one a week later, as for "next Sunday").
        ahead = (WEEKDAYS[m[1].lower()] - anchor.isoweekday()) % 7 or 7
        clock = value.partition("T")[2]
        value = (anchor + dt.timedelta(days=ahead)).isoformat() + ("T" + clock if clock else "")
        relative = True
    if (m := _PART_OF_DAY.search(text)) and (at := re.search(r"T\d\d(?::\d\d)*$", value)):
        # "mid-afternoon": the recognizer picks a clock time (T14); TimeML keeps the part of
        # the day (TAF) and leaves "mid" to the modifier.
        value = value[: at.start()] + "T" + _PART_CODES[m[1].lower()]
    value = _tidy(value)
    return Normalised(
        value=value,
        type=type_of(value, recognizer_type),
        granularity=granularity_of(value),
        relative=relative,
    )


def _tidy(value: str) -> str:
    """TimeML clock times: T20:00:00 -> T20:00, T22 -> T22:00."""
    value = re.sub(r"(T\d\d:\d\d):00$", r"\1", value)
    return re.sub(r"(T\d\d)$", r"\1:00", value)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (ISO 1-7) of a month: Thanksgiving is the 4th Thursday of November."""
    first = dt.date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    day = first + dt.timedelta(days=offset + 7 * (n - 1))
    return day if day.month == month else day - dt.timedelta(days=7)


# Counts from two, in words ("within five days"): "one day" is as often "some day" ("one day
# we will return") as a count.
_COUNT_WORDS = values("cardinal", 2)
_COUNT_UNIT = re.compile(
    r"^(\d{1,3}|" + "|".join(_COUNT_WORDS) + r")\s+(year|month|week|day)s?$",
    re.I,
)


def _count_unit(text: str) -> tuple[int, str] | None:
    """(count, ISO unit letter) of a bare counted unit ("14 days" -> (14, "D")), else None."""
    m = _COUNT_UNIT.match(text.strip())
    if m is None:
        return None
    n = int(m[1]) if m[1].isdigit() else _COUNT_WORDS[m[1].lower()]
    return n, m[2][0].upper()


def _at_unit(iso_day: str, unit: str) -> str:
    """A day (first 10 characters of `iso_day`) stated at the granularity of `unit`."""
    day = dt.date.fromisoformat(iso_day[:10])
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "W":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return day.isoformat()


def _shift(anchor: dt.date, m: re.Match[str], text: str) -> str:
    """anchor -/+ a duration, at the duration unit's granularity."""
    forward = re.search(r"\b(?:later|after|hence|from now)$", text, re.I) is not None
    sign = 1 if forward else -1
    if m[1] is None:  # hours/minutes ago: the day
        return anchor.isoformat()
    n = int(float(m[1]))
    unit = m[2]
    if unit == "Y":
        return f"{anchor.year + sign * n:04d}"
    if unit == "M":
        months = anchor.year * 12 + anchor.month - 1 + sign * n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    days = n * 7 if unit == "W" else n
    day = anchor + dt.timedelta(days=sign * days)
    if unit == "W":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return day.isoformat()


def _coarsen(value: str, unit: str) -> str:
    """A day stated at the granularity of the unit it was counted in."""
    day = dt.date.fromisoformat(value)
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _masked_shift(m: re.Match[str]) -> str:
    unit = m[2] or "D"
    return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")
