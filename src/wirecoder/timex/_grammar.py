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
    (re.compile(r"\brecent\s+(?:years|months|weeks|days|decades)\b", re.I), "date", "PAST_REF"),
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
