"""Rule tables for the English-news TIMEX3 grammar that Microsoft Recognizers does not cover.

Written by hand (no library covers these TimeML conventions): which words make a sentence worth
handing to the recognizer, which words around a recognised span belong to the TIMEX3 (TimeML
keeps "at least", "the", "early" inside the span and leaves prepositions out), which modifier they
carry, and which verbs report speech. Each table row is exercised by tests/timex/cases/*.jsonl.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip

# Words that can start or carry a time expression. A sentence with none of them is never shown
# to the recognizer (it costs ~0.6 ms a word), and the recognizer only sees a window around them.
TRIGGER_WORDS = frozenset(
    {m for m in MONTHS if len(m) > 3 or m in {"may"}}
    | {d for d in WEEKDAYS if len(d) > 3}
    | {
        "today", "tonight", "yesterday", "tomorrow", "now", "currently", "recently", "lately",
        "ago", "earlier", "later", "past", "seconds", "minute", "minutes", "hour", "hours",
        "day", "days", "daily", "week", "weeks", "weekly", "weekend", "weekends", "fortnight",
        "month", "months", "monthly", "year", "years", "yearly", "annually", "decade", "decades",
        "century", "centuries", "millennium", "quarter", "quarters", "spring", "summer", "fall",
        "autumn", "winter", "morning", "mornings", "afternoon", "evening", "evenings", "night",
        "nights", "overnight", "noon", "midnight", "dawn", "dusk", "midday", "a.m.", "p.m.",
        "o'clock", "hourly", "nightly", "eve", "christmas", "easter", "yearlong", "thanksgiving",
        "halloween",
        "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "mon.", "tue.", "wed.",
        "thu.", "fri.", "sat.", "sun.", "season", "semester", "weeklong", "monthlong", "fiscal",
        "nowadays",
    }
)  # fmt: skip
TRIGGER_TOKEN = re.compile(
    r"^(?:1[0-9]{3}|20[0-9]{2})s?$"  # a year or decade: 1998, 1990s
    r"|^'\d\ds?$"  # '98, '90s
    r"|^\d{1,2}:\d\d"  # 10:35
    r"|^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$"  # 1998-01-08, 1/8/98
    r"|^\d+(?:-|\s)?(?:day|week|month|year|hour|minute|decade)s?(?:-old)?$"  # 16-hour, 5-year
    r"|^(?:mid|late|early|pre|post)-",  # mid-March, post-1959
    re.I,
)

# Prepositions TimeML leaves outside a TIMEX3 ("by late March" -> "late March"; they are SIGNALs).
LEADING_SIGNALS = (
    "by", "before", "after", "since", "until", "till", "in", "on", "at", "during", "from",
    "to", "for", "through", "throughout", "within", "of", "as of", "prior to", "starting",
    "as early as", "as soon as", "as late as",
)  # fmt: skip

# Modifier words before the core expression, kept inside the span with their TIMEX3 mod.
# Ordered longest first: the first table row that matches the words before the span wins.
# `durations_only` rows apply only to durations ("over a week"), never to dates ("over March").
MOD_PREFIXES: tuple[tuple[str, str, bool], ...] = (
    ("no more than", "EQUAL_OR_LESS", False),
    ("no less than", "EQUAL_OR_MORE", False),
    ("not more than", "EQUAL_OR_LESS", False),
    ("at least", "EQUAL_OR_MORE", False),
    ("at most", "EQUAL_OR_LESS", False),
    ("more than", "MORE_THAN", False),
    ("longer than", "MORE_THAN", False),
    ("less than", "LESS_THAN", False),
    ("fewer than", "LESS_THAN", False),
    ("shorter than", "LESS_THAN", False),
    ("up to", "EQUAL_OR_LESS", True),
    ("upwards of", "MORE_THAN", True),
    ("well over", "MORE_THAN", True),
    ("just over", "MORE_THAN", True),
    ("just under", "LESS_THAN", True),
    ("over", "MORE_THAN", True),
    ("under", "LESS_THAN", True),
    ("almost", "LESS_THAN", False),
    ("nearly", "LESS_THAN", False),
    ("about", "APPROX", False),
    ("around", "APPROX", False),
    ("approximately", "APPROX", False),
    ("roughly", "APPROX", False),
    ("some", "APPROX", True),
    ("an estimated", "APPROX", True),
    ("early on", "START", False),
    ("late on", "END", False),
    ("earlier on", "START", False),
    ("the end of", "END", False),
    ("the beginning of", "START", False),
    ("the start of", "START", False),
    ("the middle of", "MID", False),
    ("the latter part of", "END", False),
    ("the early part of", "START", False),
    ("the first half of", "START", False),
    ("the second half of", "END", False),
    ("the last half of", "END", False),
    ("the early", "START", False),
    ("the late", "END", False),
    ("the mid", "MID", False),
    ("end of", "END", False),
    ("beginning of", "START", False),
    ("start of", "START", False),
    ("middle of", "MID", False),
    ("early", "START", False),
    ("earlier", "START", False),
    ("late", "END", False),
    ("later", "END", False),
    ("mid-", "MID", False),
    ("mid", "MID", False),
)

# The same modifiers when the recognizer already put them inside the span.
MOD_INSIDE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"^" + re.escape(words) + (r"" if words.endswith("-") else r"\b"), re.I), mod)
    for words, mod, _ in MOD_PREFIXES
)

# Verbs of saying: a date on one of these is a statement date for the sentence's complement.
SPEECH_LEMMAS = frozenset(
    {
        "say", "tell", "state", "announce", "report", "claim", "add", "confirm", "deny",
        "warn", "write", "post", "tweet", "insist", "declare", "acknowledge", "admit",
        "assert", "explain", "note", "predict", "estimate", "suggest", "indicate", "reveal",
        "disclose", "allege", "argue", "promise", "pledge", "vow", "threaten",
        "brief", "accuse", "concede", "comment", "respond", "reply", "inform", "signal",
    }
)  # fmt: skip

# Bare parts of the day are not time expressions unless something pins them to a day
# ("the first quiet night" is not a TIMEX3; "last night", "Thursday night" are).
PART_OF_DAY_VALUES = frozenset({"TMO", "TAF", "TEV", "TNI", "TDT", "TMI"})  # timex of "night"

# Words that make a bare recognizer hit a false positive in news prose.
NOT_TIME_FOLLOWERS = re.compile(r"^[-\s]*(?:old|olds)\b", re.I)  # "63-year-old"

# Recognizer hits that TimeBank/AQUAINT annotators never (annual: 0 of 6) or rarely
# (previously: 3 of 23) marked as TIMEX3s.
NOT_TIMEX_WORDS = frozenset({"annual", "previously", "may"})
# Fractions and decimals the recognizer reads as dates: "5 1/2 hours", "7/8 point", "2082.1".
NOT_TIMEX_SHAPE = re.compile(r"^\d{1,2}/\d{1,2}$|^\d+\.\d+$")

# Verbs whose infinitive complement lies ahead of them: "planned to drive ... on Monday".
LOOKING_AHEAD_LEMMAS = frozenset(
    {
        "plan", "expect", "intend", "schedule", "set", "hope", "aim", "want", "seek",
        "prepare", "threaten", "vow", "promise", "pledge", "agree", "decide", "propose",
        "arrange", "wish", "mean", "ask", "urge", "call", "order", "invite", "be",
    }
)  # fmt: skip
