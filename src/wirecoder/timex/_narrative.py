"""Narrative anchoring: "the following year", "that day", "the previous Friday".

These expressions count from a date the text has just given, not from the publication date:
"On May 22, 1995, he was promoted, and the following year ..." is 1996. Microsoft Recognizers
resolves them against the reference date (or misses "that year" altogether), so the rules are
hand-written: a table of phrases with their unit and offset, and a pass that takes the nearest
earlier date in the text (within a few sentences) that is stated at least as finely as the
unit. Each table row has a case in tests/timex/cases/narrative.jsonl.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from wirecoder.timex._recognizer import RawHit
from wirecoder.timex._rules import WEEKDAYS

NARRATIVE = "NARRATIVE"  # placeholder value of a hit from this table until `resolve_narrative`
# How far back the reference date may be: "the following month" opens a new paragraph about
# what the previous one dated, rarely more.
MAX_SENTENCES_BACK = 3

_UNIT = r"(?P<unit>day|week|month|year)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# (pattern, offset in units): each must match a whole expression.
NARRATIVE_RULES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"(?:the\s+)?(?:following|succeeding)\s+" + _UNIT, re.I), 1),
    (re.compile(r"the\s+next\s+(?P<unit>day)", re.I), 1),
    (re.compile(r"the\s+(?:previous|preceding|prior)\s+" + _UNIT, re.I), -1),
    (re.compile(r"(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?:same\s+)?" + _UNIT, re.I), 0),
    (re.compile(r"the\s+(?:previous|preceding|prior)\s+" + _WEEKDAY, re.I), -1),
)

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)")
_YEAR = re.compile(r"^(\d{4})(?!\d|-W|-Q|-H)")


@dataclass(frozen=True)
class Narrative:
    """A narrative expression resolved, or not, against an earlier date in the text."""

    value: str
    reference: str | None  # the earlier value it was counted from; None when unresolved


def narrative_hits(text: str, start: int, end: int) -> list[RawHit]:
    """Narrative expressions in `text[start:end]`, as hits with a placeholder value."""
    chunk = text[start:end]
    hits: list[RawHit] = []
    for pattern, _ in NARRATIVE_RULES:
        for m in re.finditer(r"\b(?:" + pattern.pattern + r")\b", chunk, re.I):
            hits.append(
                RawHit(
                    start=start + m.start(),
                    end=start + m.end(),
                    type_name="date",
                    timex=NARRATIVE,
                    mod=None,
                    values=({"timex": NARRATIVE},),
                )
            )
    return hits


def _rule(text: str) -> tuple[re.Match[str], int] | None:
    for pattern, offset in NARRATIVE_RULES:
        if m := pattern.fullmatch(text.strip()):
            return m, offset
    return None


def _shift(ref: str, unit: str, offset: int) -> str | None:
    """`ref` moved by `offset` units, stated at the unit; None when `ref` is too coarse."""
    if unit == "day":
        if not (m := _DAY.match(ref)):
            return None
        day = dt.date(int(m[1]), int(m[2]), int(m[3])) + dt.timedelta(days=offset)
        return day.isoformat()
    if unit == "week":
        if m := _DAY.match(ref):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif m := _WEEK.match(ref):
            day = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        else:
            return None
        iso = (day + dt.timedelta(weeks=offset)).isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if unit == "month":
        if not (m := _MONTH.match(ref)) or not m[2].isdigit():
            return None
        months = int(m[1]) * 12 + int(m[2]) - 1 + offset
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if m := _YEAR.match(ref):
        return f"{int(m[1]) + offset:04d}"
    return None


def _masked(unit: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")


def resolve_narrative(
    texts: list[str], values: list[str], sentences: list[int]
) -> list[Narrative | None]:
    """Values of the narrative expressions of an article, in text order.

    Args:
        texts: each expression's text, in text order.
        values: each expression's value so far (placeholders for this table's own hits).
        sentences: each expression's sentence index.

    Returns:
        Per expression: None when it is not a narrative expression; otherwise its value counted
        from the nearest earlier date in the text, or the underspecified value with
        no reference when no earlier date is close enough.
    """
    out: list[Narrative | None] = []
    for i, text in enumerate(texts):
        found = _rule(text)
        if found is None:
            out.append(None)
            continue
        m, offset = found
        unit = "day" if m.groupdict().get("weekday") else m["unit"].lower()
        value: str | None = None
        ref: str | None = None
        for j in range(i - 1, -1, -1):
            if sentences[i] - sentences[j] > MAX_SENTENCES_BACK:
                break
            earlier = out[j]
            ref = earlier.value if earlier is not None else values[j]
            if m.groupdict().get("weekday") and (d := _DAY.match(ref)):
                day = dt.date(int(d[1]), int(d[2]), int(d[3]))
                back = (day.isoweekday() - WEEKDAYS[m["weekday"].lower()]) % 7 or 7
                value = (day - dt.timedelta(days=back)).isoformat()
                break
            if not m.groupdict().get("weekday") and (value := _shift(ref, unit, offset)):
                break
        if value is None:
            if re.match(r"^\d{4}", values[i]):
                out.append(None)  # no date in the text to count from: the recognizer's value
                continue
            out.append(Narrative(_masked(unit), reference=None))
        else:
            out.append(Narrative(value, reference=ref))
    return out
