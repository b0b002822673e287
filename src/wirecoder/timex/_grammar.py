"""Hand-written TIMEX3 rules for what Microsoft Recognizers misses in news prose.

Recognizers 1.0.2a2 finds no decades ("the late 1970s"), centuries, or the TimeML reference
words ("currently", "the future", "the past", "recent years"); and it drops some expressions it
half-recognises ("later Thursday" comes back without a resolution). Each rule is one table row
producing a recognizer-shaped hit, so the rest of the stage treats both sources alike; each row
has a case in tests/timex/cases/grammar.jsonl. Rates quoted are TimeBank+AQUAINT counts of how
often the phrase is a gold TIMEX3, which is why some tempting rows ("soon", "current",
"previously": under 1 in 3) are absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wirecoder.timex._recognizer import RawHit

_ORDINAL_CENTURY = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip


def _decade(m: re.Match[str]) -> str:
    # "199X": the form TimeBank/AQUAINT annotators wrote most (4 of 6 decades).
    return f"{m['century']}{m['decade']}X"


def _century(m: re.Match[str]) -> str:
    raw = m["cent"].lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else _ORDINAL_CENTURY[raw]
    return f"{n - 1:02d}"


_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_TWO_DIGITS = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(_UNITS) + r"))?|"
    + "|".join(_TEENS) + r")"
)
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)


def _two_digits(words: str) -> int:
    parts = re.split(r"[-\s]+", words.lower())
    if parts[0] in _TEENS:
        return _TEENS[parts[0]]
    return _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) > 1 else 0)


def _spelled_year(m: re.Match[str]) -> str:
    year = 2000 if m["millennium"] else 1900 + _two_digits(m["decade"])
    if m["millennium"] and m["rest"]:
        year += _UNITS.get(m["rest"].lower(), 0) or _TEENS.get(m["rest"].lower(), 0)
    if m["month"]:
        month = _MONTH_NAMES.split("|").index(m["month"].lower()) + 1
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _quarters(m: re.Match[str]) -> str:
    n = m["n"].lower()
    count = _UNITS.get(n) or (int(n) if n.isdigit() else None)
    return f"P{count}Q" if count else "PXQ"


def _vague_duration(m: re.Match[str]) -> str:
    return "PX" + {"decades": "E"}.get(m["unit"].lower(), m["unit"][0].upper())


# (pattern, recognizer-shaped type, TIMEX value or a function of the match)
RULES: tuple[tuple[re.Pattern[str], str, str | Callable[[re.Match[str]], str]], ...] = (
    # the 1990s, the mid-1990s, the late '70s is too rare to bother with
    (
        re.compile(r"\b(?P<century>1\d|20)(?P<decade>\d)0'?s\b"),
        "daterange",
        _decade,
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?P<cent>\d{1,2}(?:st|nd|rd|th)|"
            + "|".join(sorted(_ORDINAL_CENTURY, key=len, reverse=True))
            + r")\s+century\b",
            re.I,
        ),
        "daterange",
        _century,
    ),
    # currently: 10 of 16 a gold TIMEX3
    (re.compile(r"\bcurrently\b", re.I), "datetime", "PRESENT_REF"),
    # the future: 6 of 9; the near/distant future
    (
        re.compile(r"\bthe\s+(?:(?:near|distant|foreseeable)\s+)?future\b", re.I),
        "date",
        "FUTURE_REF",
    ),
    # the past (not "the past two years"): 4 of 5
    (
        re.compile(
            r"\bthe\s+past\b(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|hours?|"
            r"quarters?|centur(?:y|ies)|summers?|winters?))",
            re.I,
        ),
        "date",
        "PAST_REF",
    ),
    # Years as broadcast transcripts spell them: "nineteen ninety-seven", "the year two
    # thousand", "January nineteen ninety-one" (TimeBank's CNN/ABC/VOA/PRI transcripts)
    (
        re.compile(
            r"\b(?:(?P<month>" + _MONTH_NAMES + r")\s+|(?P<the_year>the\s+year)\s+)?"
            # "two thousand" is a year only after "the year" or a month ("two thousand people")
            r"(?:nineteen\s+(?P<decade>" + _TWO_DIGITS + r")|"
            r"(?(month)|(?(the_year)|(?!)))(?P<millennium>two\s+thousand)"
            r"(?:\s+(?:and\s+)?(?P<rest>" + "|".join([*_UNITS, *_TEENS]) + r"))?)\b",
            re.I,
        ),
        "date",
        _spelled_year,
    ),
    # "year-end", "by year end", "at year's end": the anchor's year (as "the end of the year")
    (re.compile(r"\byear(?:-end|\s+end|'s\s+end)\b", re.I), "daterange", "XXXX"),
    # "the past two quarters", "the next several quarters": the recognizer has no quarter
    # durations
    (
        re.compile(
            # the counting word is required: "two quarters of the city" are districts
            r"\b(?:the\s+)?(?:past|last|next|previous|coming|first|final)\s+"
            r"(?P<n>two|three|four|five|six|seven|eight|several|few|\d{1,2})\s+quarters\b",
            re.I,
        ),
        "duration",
        _quarters,
    ),
    # "recent years", "coming months": 8 of 14 annotated as vague durations (PXY), the rest
    # PAST_REF/FUTURE_REF
    (
        re.compile(
            r"\b(?:recent|(?:the\s+)?coming)\s+(?P<unit>years|months|weeks|days|decades)\b", re.I
        ),
        "duration",
        _vague_duration,
    ),
)


def grammar_hits(text: str, start: int, end: int) -> list[RawHit]:
    """Hits of the rule table in `text[start:end]`, with document offsets."""
    chunk = text[start:end]
    hits: list[RawHit] = []
    for pattern, type_name, value in RULES:
        for m in pattern.finditer(chunk):
            timex = value(m) if callable(value) else value
            hits.append(
                RawHit(
                    start=start + m.start(),
                    end=start + m.end(),
                    type_name=type_name,
                    timex=timex,
                    mod=None,
                    values=({"timex": timex},),
                )
            )
    return hits
