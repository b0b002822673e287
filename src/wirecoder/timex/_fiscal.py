"""Financial reporting periods: "the quarter", "the year-earlier quarter", "a year ago" in results.

Earnings reports date their figures against the quarter being reported, not the publication
date: in a late-October report on the third quarter, "the latest quarter" is 1989-Q3 and "net of
$5 million a year earlier" is 1988-Q3. No library resolves these (Microsoft Recognizers finds
"a year ago" as 1988 and misses "the quarter"), so the rules are hand-written: a table of period
phrases that name the focus quarter or the same quarter a year before, and a pass over the
article that takes the quarter the article names most as the one it reports on. Each table row has
a case in tests/timex/cases/fiscal.jsonl.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from wirecoder.rulebook.numbers import values
from wirecoder.timex._recognizer import RawHit

# Placeholders the grammar emits; `resolve_periods` replaces them by quarter values.
FOCUS = "FISCAL_FOCUS"  # the quarter under report
FOCUS_YEAR_BEFORE = "FISCAL_FOCUS-1Y"  # the same quarter a year earlier
FOCUS_IN_YEAR = "FISCAL_FOCUS@"  # "the 1988 quarter": the focus quarter's number in 1988
UNKNOWN_QUARTER = "XXXX-QX"

_ORDINAL = r"(?:" + "|".join(values("ordinal", 1, 4)) + r")"  # of the four quarters
_PERIOD = r"(?:quarter|period)"
_YEAR_BEFORE = (
    r"(?:year-ago|year-earlier|year\s+earlier|year\s+ago|prior-year|previous-year|"
    r"last\s+year's|last-year)"
)

# (pattern, placeholder). Longer phrases first: overlapping hits keep the longest.
PERIOD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "the corresponding period last year", "the same quarter a year earlier"
    (
        re.compile(
            r"\bthe\s+(?:same|corresponding|comparable|year-earlier)\s+" + _PERIOD
            + r"\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year)\b",
            re.I,
        ),
        FOCUS_YEAR_BEFORE,
    ),
    # "the year-ago quarter", "the comparable year-earlier third quarter", "last year's quarter"
    (
        re.compile(
            r"\b(?:(?:the|a)\s+)?(?:(?:comparable|same|corresponding)\s+)?" + _YEAR_BEFORE
            + r"(?:\s+" + _ORDINAL + r")?(?:\s+fiscal)?\s+" + _PERIOD + r"\b",
            re.I,
        ),
        FOCUS_YEAR_BEFORE,
    ),
    # "year-earlier profit", "the year-ago results": the adjective alone is the TIMEX3
    (re.compile(r"\byear-(?:ago|earlier)\b(?!\s+" + _PERIOD + ")", re.I), FOCUS_YEAR_BEFORE),
    # "the 1988 quarter", "the 1989 period"
    (re.compile(r"\bthe\s+(?:1\d|20)\d\d\s+" + _PERIOD + r"\b", re.I), FOCUS_IN_YEAR),
    # "the quarter", "the latest quarter", "this quarter", "the latest period"
    (
        re.compile(
            r"\b(?:the|this|that)\s+(?:(?:latest|most\s+recent|current|recent|just-ended|"
            r"reporting)\s+)?(?:fiscal\s+)?" + _PERIOD
            + r"\b(?!-|\s+(?:to|by|century|mile|point|percent|of)\b)",
            re.I,
        ),
        FOCUS,
    ),
)  # fmt: skip

# Recognizer expressions that, in a sentence of results, mean the focus quarter a year before.
# Not "last year": annotators read it as the calendar year even in results (9 of 13 in
# TimeBank sentences of results in quarterly reports).
YEAR_BEFORE_WORDS = re.compile(
    r"^(?:a\s+year\s+(?:earlier|ago|before)|the\s+previous\s+year|"
    r"the\s+prior\s+year)$",
    re.I,
)
# A sentence of reported results: money amounts or per-share figures.
_RESULTS = re.compile(
    r"[$#£]\s?\d|\bC\$|\b(?:cents?|pence|yen|marks|francs|guilders|lire)\b|\ba share\b"
    r"|\b(?:net|profit|earnings|revenue|sales|loss)\b",
    re.I,
)
# Figures for other spans than a quarter: "the nine months", "the full year", "fiscal 1989".
_OTHER_SPAN = re.compile(
    r"\b(?:nine|six)\s+months\b|\bfirst\s+half\b|\bfull\s+year\b|\bthe\s+year\b|"
    r"\bfiscal\s+(?:year|1\d\d\d|20\d\d)\b|\byear\s+end(?:ed|ing)\b",
    re.I,
)


@dataclass(frozen=True)
class Period:
    """A financial period's value and the quarter it was counted from ("" value: drop it)."""

    value: str
    focus: str | None  # the quarter counted from
    from_text: bool = True  # False: no quarter named, the focus is the one before publication


_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_PERIOD_WORD = re.compile(r"period", re.I)


def period_hits(text: str, start: int, end: int) -> list[RawHit]:
    """Financial period phrases in `text[start:end]`, as hits with placeholder values."""
    chunk = text[start:end]
    hits: list[RawHit] = []
    for pattern, placeholder in PERIOD_RULES:
        for m in pattern.finditer(chunk):
            timex = placeholder
            if placeholder == FOCUS_IN_YEAR:
                timex = placeholder + re.search(r"\d{4}", m[0])[0]  # type: ignore[index]
            hits.append(
                RawHit(
                    start=start + m.start(),
                    end=start + m.end(),
                    type_name="date",
                    timex=timex,
                    mod=None,
                    values=({"timex": timex},),
                )
            )
    return hits


def quarter_year(anchor: dt.date, quarter: int) -> int:
    """Year of a quarter named without one: the latest such quarter begun by the anchor.

    In a January report "the fourth quarter" is the one just ended; in November it is the
    current one ("a fourth-quarter charge").
    """
    first_month = 3 * quarter - 2
    return anchor.year if first_month <= anchor.month else anchor.year - 1


def last_completed_quarter(anchor: dt.date) -> str:
    """The quarter before the anchor's own: what a report with no quarter named is about."""
    q = (anchor.month - 1) // 3  # 0-based quarter of the anchor, i.e. the previous one 1-based
    return f"{anchor.year}-Q{q}" if q else f"{anchor.year - 1}-Q4"


def _year_before(quarter: str) -> str:
    m = _QUARTER_VALUE.match(quarter)
    assert m is not None
    return f"{int(m[1]) - 1:04d}-Q{m[2]}"


def resolve_periods(
    texts: list[str],
    values: list[str],
    sentences: list[str],
    anchor: dt.date | None,
) -> list[Period | None]:
    """Values of the financial period expressions of an article, in text order.

    Args:
        texts: each expression's text, in text order.
        values: each expression's value so far (placeholders for period phrases).
        sentences: the text of each expression's sentence.
        anchor: the publication date (for "the quarter" before any quarter is named).

    Returns:
        Per expression: its period, or None to keep the value it has. A period phrase with no
        quarter named in the article gets the last completed quarter before the anchor, XXXX-QX
        without an anchor, and an empty value (drop it) when it is a vague "the period".
    """
    named = [v for v in values if _QUARTER_VALUE.match(v)]
    # The quarter the article reports on: the one it names most (the earliest on a tie). A
    # forward-looking "fourth-quarter charge" in a third-quarter report does not move it.
    focus = max(named, key=lambda v: (named.count(v), -named.index(v))) if named else None
    out: list[Period | None] = []
    for text, value, sentence in zip(texts, values, sentences, strict=True):
        if _QUARTER_VALUE.match(value):
            out.append(None)
            continue
        current = focus
        if value.startswith(FOCUS):
            if current is None:
                # No quarter named anywhere: "the period" says nothing; "the quarter" is the
                # last completed one.
                if _PERIOD_WORD.search(text):
                    out.append(Period("", None))
                    continue
                if anchor is None:
                    out.append(Period(UNKNOWN_QUARTER, None))  # kept, unresolved
                    continue
                current = last_completed_quarter(anchor)
            from_text = focus is not None
            if value == FOCUS:
                out.append(Period(current, current, from_text))
            elif value == FOCUS_YEAR_BEFORE:
                out.append(Period(_year_before(current), current, from_text))
            else:
                year = value.removeprefix(FOCUS_IN_YEAR)
                out.append(Period(year + current[4:], current, from_text))
            continue
        if (
            current is not None
            and YEAR_BEFORE_WORDS.match(text)
            and _RESULTS.search(sentence)
            and not _OTHER_SPAN.search(sentence)
        ):
            out.append(Period(_year_before(current), current))
            continue
        out.append(None)
    return out
