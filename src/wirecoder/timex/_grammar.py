"""Hand-written TIMEX3 rules for what Microsoft Recognizers misses in news prose.

Recognizers 1.0.2a2 finds no decades ("the late 1970s", "the '80s"), centuries, or the TimeML
reference words ("currently", "current", "the future", "the past", "the near term"); it values
decade durations wrongly ("two decades" -> P21), misses bare plural units ("for years": PXY),
"between 1985 and 1987", "January this year" and "5 1/2 hours"; and it drops some expressions
it half-recognises ("later Thursday" comes back without a resolution). Each rule is one table row
producing a recognizer-shaped hit, so the rest of the stage treats both sources alike; each row
has a case in tests/timex/cases/grammar.jsonl. Rates quoted are TimeBank+AQUAINT counts of how
often the phrase is a gold TIMEX3, which is why some tempting rows ("soon", "previously",
"former": under 1 in 3) are absent. A row pays for itself in value F1 when more than about F1/2
of its hits are right (F1 = 2 x right / (gold + system)), not only when most are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wirecoder.rulebook.numbers import values, words
from wirecoder.timex._recognizer import RawHit

# Number words come from the rulebook (rulebook/numbers.tsv), shared with quantities.
_ORDINAL_CENTURY = values("ordinal")


def _decade(m: re.Match[str]) -> str:
    # "the 1990s" is "199": the TIMEX2/TimeML guideline form, which TimeBank follows (5 of 5);
    # AQUAINT writes "199X" (4 of 4), a convention of that corpus we do not copy.
    return f"{m['century']}{m['decade']}"


_DECADE_WORDS = values("decade")  # "the nineties": 90


def _short_decade(m: re.Match[str]) -> str:
    if m.groupdict().get("word"):
        return f"19{_DECADE_WORDS[m['word'].lower()] // 10}"
    return f"19{m['decade']}"


def _century(m: re.Match[str]) -> str:
    raw = m["cent"].lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else _ORDINAL_CENTURY[raw]
    return f"{n - 1:02d}"


_UNITS = values("cardinal", 1, 9)
_TEENS = values("cardinal", 10, 19)
_TENS = values("cardinal", 20)
# One to nineteen, the counts written as one word: a ten may start a compound ("twenty-five
# more years") that a row reading one word would cut in half.
_ONE_WORD = values("cardinal", 1, 19)
_ARTICLES = values("article")  # "a decade"
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
        year += _ONE_WORD.get(m["rest"].lower(), 0)
    if m["month"]:
        month = _MONTH_NAMES.split("|").index(m["month"].lower()) + 1
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _quarters(m: re.Match[str]) -> str:
    n = m["n"].lower()
    count = _COUNTS.get(n) or (int(n) if n.isdigit() else None)
    return f"P{count}Q" if count else "PXQ"


# Half of each unit in the next smaller one: 2 1/2 years is P2Y6M.
_HALF = {
    "year": "P{}Y6M", "month": "P{}M15D", "day": "P{}DT12H", "hour": "PT{}H30M",
    "minute": "PT{}M30S",
}  # fmt: skip


def _and_a_half(m: re.Match[str]) -> str:
    return _HALF[m["unit"].lower()].format(int(m["n"]))


def _month_of_year(m: re.Match[str]) -> str:
    name = m["month"].lower().rstrip(".")[:3]
    months = [n[:3] for n in _MONTH_NAMES.split("|")]
    return f"XXXX-{months.index(name) + 1:02d}"


def _year(m: re.Match[str]) -> str:
    return m[0]


def _decades(m: re.Match[str]) -> str:
    n = (m["n"] or "a").lower()
    count = _ARTICLES.get(n) or _ONE_WORD.get(n) or int(n)
    return f"P{10 * count}Y"  # ISO 8601 has no decade unit; TimeBank writes P20Y too


def _counted_duration(m: re.Match[str]) -> str:
    n = m["n"].lower()
    count = _ONE_WORD.get(n) or (int(n) if n.isdigit() else 0)
    return f"P{count}{m['unit'][0].upper()}" if count else f"PX{m['unit'][0].upper()}"


def _vague_duration(m: re.Match[str]) -> str:
    # Decades in years, as `_decades` does: ISO 8601 has no decade unit ("decades-long": PXY).
    return "PX" + {"decades": "Y"}.get(m["unit"].lower(), m["unit"][0].upper())


_NUMBER_WORDS = "|".join(_ONE_WORD)
# Counts of quarters: two or more ("the past two quarters"), or an unknown few ("the next
# several quarters": PXQ).
_COUNTS = values("cardinal", 2)
_QUARTER_COUNTS = "|".join([*_COUNTS, *words("indefinite")])

# (pattern, recognizer-shaped type, TIMEX value or a function of the match)
RULES: tuple[tuple[re.Pattern[str], str, str | Callable[[re.Match[str]], str]], ...] = (
    # the 1990s, the mid-1990s, the late '70s is too rare to bother with
    (
        re.compile(r"\b(?P<century>1\d|20)(?P<decade>\d)0'?s\b"),
        "daterange",
        _decade,
    ),
    # "the '80s", "the nineties": decades of the 1900s as news writes them
    (re.compile(r"(?:\bthe\s+)?(?<!\w)'(?P<decade>\d)0s\b", re.I), "daterange", _short_decade),
    (
        re.compile(
            r"\bthe\s+(?:(?:early|mid|late)[-\s])?(?P<word>" + "|".join(_DECADE_WORDS) + r")\b",
            re.I,
        ),
        "daterange",
        _short_decade,
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
            r"(?:\s+(?:and\s+)?(?P<rest>" + _NUMBER_WORDS + r"))?)\b",
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
            r"(?P<n>" + _QUARTER_COUNTS + r"|\d{1,2})\s+quarters\b",
            re.I,
        ),
        "duration",
        _quarters,
    ),
    # "two decades", "about a decade", "the past decade", "four decades ago": the recognizer
    # values decades as P21, P11 (and dates "two decades ago" as XXXX-12-02), so they are ours.
    # A trailing "ago"/"earlier" makes the duration a point (`_values.normalise`).
    (
        re.compile(
            r"\b(?:(?P<n>" + "|".join([*_ARTICLES, *_ONE_WORD]) + r"|\d{1,2})[\s-]+|"
            r"(?:past|last|previous|next|coming)\s+)decades?\b(?!-)"
            r"(?:\s+(?:ago|earlier|later)\b)?",
            re.I,
        ),
        "duration",
        _decades,
    ),
    # "two more weeks", "20 additional years", "eight trading days": the recognizer stops at
    # the word between the count and the unit.
    (
        re.compile(
            r"\b(?P<n>" + _NUMBER_WORDS + r"|\d{1,3})\s+(?:more|additional|further|straight|"
            r"consecutive|trading|working|business)\s+(?P<unit>years|months|weeks|days)\b",
            re.I,
        ),
        "duration",
        _counted_duration,
    ),
    # "between 1985 and 1987": the recognizer returns nothing for the whole window; TimeML marks
    # each year
    (
        re.compile(r"(?<=between\s)(?:1[5-9]|20)\d\d(?=\s+and\s+(?:1[5-9]|20)\d\d\b)"),
        "date",
        _year,
    ),
    (re.compile(r"(?<=\d{4}\sand\s)(?:1[5-9]|20)\d\d\b"), "date", _year),
    # "January this year", "June last year": the recognizer misses the first or reads the
    # second as the past twelve months; `_values.normalise` counts the year from the anchor.
    (
        re.compile(
            r"\b(?P<month>" + _MONTH_NAMES
            + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
            r"\s+(?:last|this|next)\s+year\b",
            re.I,
        ),
        "date",
        _month_of_year,
    ),
    # "current" as in "the current government": the present (TimeML PRESENT_REF; 9 of 18 a gold
    # TIMEX3 in TimeBank+AQUAINT where no longer expression holds it, which pays at a value
    # F1 under .9). "the current quarter" is a longer hit and wins.
    (re.compile(r"\bcurrent\b(?![-\w])", re.I), "datetime", "PRESENT_REF"),
    # "these days": the present (TimeML PRESENT_REF), not a count of days
    (re.compile(r"\bthese\s+days\b", re.I), "datetime", "PRESENT_REF"),
    # "for years", "weeks of talks", "decades-long": a bare plural unit is a vague duration
    # (TimeML PXY). Counted plurals ("two years", "recent years") are longer hits of the
    # recognizer or of the rows around this one and win over it; ages ("years old") are not
    # durations of anything. Not after "the": "in the weeks since the coup" counts from an
    # event, and annotators valued it as a date (6 of 8), not as a duration.
    (
        re.compile(
            r"(?<![\w-])(?<!\d\s)(?<!the\s)(?<!these\s)"
            r"(?P<unit>years|months|weeks|days|decades)\b(?!\s+old\b|-old\b)",
            re.I,
        ),
        "duration",
        _vague_duration,
    ),
    # "5 1/2 hours", "2 1/2 years": the recognizer reads "1/2" as a date and drops the unit
    (
        re.compile(r"\b(?P<n>\d{1,3})\s+1/2[\s-]+(?P<unit>year|month|day|hour|minute)s?\b", re.I),
        "duration",
        _and_a_half,
    ),
    # "the near term", "a later date": the future (TimeML FUTURE_REF; 3 of 3 in TimeBank)
    (
        re.compile(r"\bthe\s+(?:near|short|long)\s+term\b|\ba\s+later\s+date\b", re.I),
        "date",
        "FUTURE_REF",
    ),
    # "the weeks ahead": a vague duration from now on, as "the coming weeks"
    (
        re.compile(r"\bthe\s+(?P<unit>years|months|weeks|days|decades)\s+ahead\b", re.I),
        "duration",
        _vague_duration,
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
