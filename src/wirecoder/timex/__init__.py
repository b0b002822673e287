"""timex stage: TIMEX3 time expressions, normalised against the article's anchor date.

Recognition is Microsoft Recognizers (recognizers-text-suite) on candidate windows, plus
hand-written rule tables for what it misses (`_grammar`). Span conventions, modifiers,
tense-driven resolution and statement-date anchoring are ours (`_context`, `_values`, `_rules`),
and so are the two anchors taken from the text itself: the quarter a results report is about
(`_fiscal`) and the date a narrative counts from ("the following year", `_narrative`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from wirecoder.parse import ParsedArticle
from wirecoder.records import Granularity, TimeExpression, TimexType
from wirecoder.rulebook.numbers import values
from wirecoder.timex._clause import time_for_clause
from wirecoder.timex._context import (
    adjust_span,
    attaches_directly,
    governing_verb,
    in_complement,
    statement_verb,
    tense,
)
from wirecoder.timex._fiscal import FOCUS, period_hits, resolve_periods
from wirecoder.timex._grammar import grammar_hits
from wirecoder.timex._narrative import NARRATIVE, narrative_hits, resolve_narrative
from wirecoder.timex._recognizer import RawHit, candidate_windows, load_recognizer, recognize
from wirecoder.timex._rules import (
    NOT_TIME_FOLLOWERS,
    NOT_TIMEX_SHAPE,
    NOT_TIMEX_WORDS,
    PART_OF_DAY_VALUES,
)
from wirecoder.timex._values import Direction, Normalised, granularity_of, normalise

__all__ = ["STAGE", "find_time_expressions", "load_recognizer", "time_for_clause"]

STAGE = "timex"
NO_ANCHOR = "no publication date to anchor relative expression"
NO_TEXT_ANCHOR = "no earlier date in the text to count from"

# The recognizer needs some reference date; with no anchor its relative results are masked
# back to their underspecified form, so this date never reaches a record. Not the clock.
_NO_ANCHOR_REFERENCE = dt.date(2000, 1, 1)
_EVENT_RELATIVE = re.compile(r"^the\s+(?:day|week|month|year)\s+(?:after|before)$", re.I)
# "the first", "the 21st": an ordinal alone (ordinals from rulebook/numbers.tsv)
_BARE_ORDINAL = re.compile(
    r"^(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(values("ordinal")) + r"|\w+teenth)$",
    re.I,
)
# A deadline or end point goes to the nearest occurrence whatever the verb's tense: "until
# mid-November", "between now and Feb. 10", "the offer was extended to Nov. 16" (two weeks after
# the article, not last year). Not "by": neutral on TimeBank+AQUAINT (+1, -1).
_DEADLINE = re.compile(
    r"\b(?:until|till|through|between\s+now\s+and|(?:extended|postponed|delayed|moved|"
    r"pushed\s+back|brought\s+forward|put\s+off)\s+(?:to|until))\s+$",
    re.I,
)
_EARLIEST = re.compile(r"\bas\s+(?:early|soon)\s+as\s+$", re.I)
_PAREN_DAY = re.compile(r"^\s*\(\s*$")
# Stands in for the value of a financial period phrase until `resolve_periods` places it.
_PLACEHOLDER = Normalised("", TimexType.DATE, Granularity.QUARTER, relative=True)
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$|^XXXX-WXX-\d$")


@dataclass(frozen=True)
class _Hit:
    """A recognizer hit on its way to a TimeExpression."""

    start: int
    end: int
    raw: RawHit
    mod: str | None
    sentence: int


def _keep(hit: RawHit, text: str, doc: Doc) -> bool:
    """Drop recognizer hits that are not TIMEX3s in news prose."""
    surface = text[hit.start : hit.end]
    if not hit.timex or NOT_TIMEX_SHAPE.match(surface):
        return False
    # "may" only lower-case: the modal; "May" is left to the part-of-speech check below.
    if surface in NOT_TIMEX_WORDS or surface.lower() in NOT_TIMEX_WORDS - {"may"}:
        return False
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is not None and len(span) == 1 and (span[0].tag_ == "MD" or span[0].pos_ == "VERB"):
        return False  # "may" the modal, "fall" the verb
    if span is not None and _in_a_title(span):
        return False  # ABC's "This Week", CBS's "60 Minutes", the film "High Noon"
    if hit.timex in PART_OF_DAY_VALUES:
        return False  # "the first tranquil night": a bare part of the day names no time
    if NOT_TIME_FOLLOWERS.match(text[hit.end : hit.end + 6]):
        return False  # "63-year-old" is an age
    if re.match(r"-[a-z]", text[hit.end : hit.end + 2], re.I):
        return False  # "the year" cut out of "the year-ago quarter", a compound it is part of
    if _BARE_ORDINAL.match(surface) and not re.match(r"\s+of\b", text[hit.end : hit.end + 4]):
        return False  # "for the first time": an ordinal, not the first of the month
    if re.search(r"\b(?:march|may)\b", surface):
        return False  # lower case: the protest march, the modal; the months are capitalised
    if surface.isdigit() and (
        re.match(r"[.,]\d", text[hit.end : hit.end + 2])
        or re.search(r"\d[.,]$", text[max(0, hit.start - 2) : hit.start])
    ):
        return False  # "fell to 1462.93": part of a decimal number, not a year
    if re.search(r"\bdecades?\b", surface, re.I):
        return False  # its decade values are wrong ("two decades" -> P21); `_grammar` has them
    if _EVENT_RELATIVE.match(text[hit.start : hit.end]):
        return False  # "the day after Moscow declared": anchored to an event, not a date
    return True


# Unit words that, capitalised inside a sentence of ordinary prose, belong to a name; not "Day"
# (Election Day, Independence Day are holidays) and not months or weekdays.
_TITLE_UNITS = frozenset(
    {"Week", "Weeks", "Minute", "Minutes", "Hour", "Hours", "Month", "Months", "Year", "Years",
     "Noon", "Spring", "Summer", "Winter", "Autumn"}
)  # fmt: skip


def _in_a_title(span: Any) -> bool:
    """True when a unit word of the expression is capitalised mid-sentence in prose that is not
    itself title case (a headline capitalises every word; a show or film title stands out)."""
    for tok in span:
        if tok.text in _TITLE_UNITS and not tok.is_sent_start:
            words = [t for t in tok.sent if t.is_alpha]
            capitalised = sum(t.text[0].isupper() for t in words)
            if capitalised < len(words) / 2:
                return True
    return False


def _dedupe(hits: list[RawHit]) -> list[RawHit]:
    """Keep the longest of overlapping hits (windows overlap and the recognizer repeats)."""
    out: list[RawHit] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if out and h.start < out[-1].end:
            if h.end - h.start > out[-1].end - out[-1].start:
                out[-1] = h
            continue
        out.append(h)
    return out


def _merge_adjacent(
    hits: list[RawHit], join: Callable[[RawHit, RawHit], RawHit | None]
) -> list[RawHit]:
    """Replace each pair of neighbouring hits that `join` makes one by that one hit."""
    out: list[RawHit] = []
    i = 0
    while i < len(hits):
        merged = join(hits[i], hits[i + 1]) if i + 1 < len(hits) else None
        out.append(merged or hits[i])
        i += 2 if merged else 1
    return out


def _parenthesised(a: RawHit, b: RawHit, text: str) -> RawHit | None:
    """ "yesterday (Wednesday)": one expression, valued by the named day."""
    close = re.match(r"\s*\)", text[b.end :])
    if _PAREN_DAY.match(text[a.end : b.start]) and close and _DAY_VALUE.match(b.timex):
        return replace(b, start=a.start, end=b.end + close.end())
    return None


# "5 p.m. EST, Nov. 6", "4 a.m. EDT Thursday": the recognizer splits a clock time from its day
# when a time zone stands between them; TimeML marks one TIMEX3 (hand-written: no library
# option joins them).
_CLOCK = re.compile(r"^T\d\d(?::\d\d)?$")
_ZONE_GAP = re.compile(r"^\s*(?:\(?[A-Z]{2,4}\)?)?\s*,?\s*(?:on\s+)?$")
_DAY_TIMEX = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)$")


def _clock_day(a: RawHit, b: RawHit, text: str) -> RawHit | None:
    """A clock time and the day right after it, as one date-time."""
    if _CLOCK.match(a.timex) and _DAY_TIMEX.match(b.timex) and _ZONE_GAP.match(text[a.end : b.start]):
        timex = b.timex + a.timex
        return replace(b, start=a.start, type_name="datetime", timex=timex, values=({"timex": timex},))
    return None


def _recognize_article(parsed: ParsedArticle, model: Any, reference: dt.date) -> list[_Hit]:
    text = parsed.text
    hits: list[_Hit] = []
    for sent in parsed.sentences:
        span = parsed.spacy_sentence(sent.index)
        raw: list[RawHit] = []
        for lo, hi in candidate_windows(span):
            raw.extend(recognize(model, text, lo, hi, reference))
        raw = [h for h in raw if _keep(h, text, parsed.doc)]
        raw.extend(grammar_hits(text, sent.start, sent.end))
        raw.extend(period_hits(text, sent.start, sent.end))
        raw.extend(narrative_hits(text, sent.start, sent.end))
        raw = _merge_adjacent(_dedupe(raw), lambda a, b: _parenthesised(a, b, text))
        raw = _merge_adjacent(raw, lambda a, b: _clock_day(a, b, text))
        for h in raw:
            start, end, mod = adjust_span(
                text,
                h.start,
                h.end,
                is_duration=h.type_name == "duration",
                recognizer_mod=h.mod,
            )
            hits.append(_Hit(start=start, end=end, raw=h, mod=mod, sentence=sent.index))
    return hits


def _statement_dates(
    parsed: ParsedArticle, hits: list[_Hit], values: list[Normalised]
) -> dict[int, tuple[int, dt.date]]:
    """Hits dated by a statement in their sentence: hit index -> (statement hit, date)."""
    doc = parsed.doc
    out: dict[int, tuple[int, dt.date]] = {}
    for i, (hit, norm) in enumerate(zip(hits, values, strict=True)):
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", norm.value):
            continue
        verb = statement_verb(doc, hit.start, hit.end)
        if verb is None:
            continue
        said_on = dt.date.fromisoformat(norm.value)
        for j, other in enumerate(hits):
            if j == i or other.sentence != hit.sentence or not values[j].relative:
                continue
            if values[j] is _PLACEHOLDER:  # a financial period: dated by its quarter
                continue
            if in_complement(doc, verb, other.start, other.end):
                out.setdefault(j, (i, said_on))
    return out


# What a value was resolved against (a date, or a value from the text) and where that came from.
_Anchor = tuple[dt.date | str | None, str | None]


def _iso(anchor: dt.date | str) -> str:
    return anchor if isinstance(anchor, str) else anchor.isoformat()


def _direction(parsed: ParsedArticle, hit: _Hit) -> Direction:
    """Which way a date without a year or week goes from the anchor, from its verb's tense.

    A date that hangs off a noun takes the tense only when it is future ("will be named
    commander for a mission in December"); a deadline ("until mid-November", "through
    January") goes to the nearest occurrence whatever the tense of the verb.
    """
    if _DEADLINE.search(parsed.text[max(0, hit.start - 20) : hit.start]):
        return None
    direction = tense(governing_verb(parsed.doc, hit.start, hit.end))
    if direction is None and _EARLIEST.search(parsed.text[max(0, hit.start - 20) : hit.start]):
        return "future"  # "could come as early as Tuesday": the earliest of what is to come
    if attaches_directly(parsed.doc, hit.start, hit.end):
        return direction
    return None


def _place_periods(
    parsed: ParsedArticle,
    hits: list[_Hit],
    values: list[Normalised],
    anchors: list[_Anchor],
) -> tuple[list[_Hit], list[Normalised], list[_Anchor]]:
    """Financial periods valued by the quarter the article reports on; vague ones dropped."""
    text = parsed.text
    periods = resolve_periods(
        [text[h.start : h.end] for h in hits],
        [h.raw.timex if v is _PLACEHOLDER else v.value for h, v in zip(hits, values, strict=True)],
        [parsed.sentences[h.sentence].text for h in hits],
        parsed.article.published,
    )
    out: tuple[list[_Hit], list[Normalised], list[_Anchor]] = ([], [], [])
    for h, norm, used, period in zip(hits, values, anchors, periods, strict=True):
        if (period is not None and not period.value) or (
            period is None and h.raw.timex.startswith(FOCUS)
        ):
            continue  # "the period" in an article that names no quarter
        if period is not None:
            norm = Normalised(period.value, TimexType.DATE, Granularity.QUARTER, relative=True)
            if period.focus is None:
                used = (None, None)  # no quarter named and no publication date
            elif period.from_text:
                used = (period.focus, "text")  # the quarter the article reports on
            else:
                used = (parsed.article.published, "publication")
        out[0].append(h)
        out[1].append(norm)
        out[2].append(used)
    return out


def find_time_expressions(
    parsed: ParsedArticle, *, recognizer: Any | None = None
) -> list[TimeExpression]:
    """Every time expression in the article, as TIMEX3 values resolved against an anchor.

    The anchor is the publication date, or, inside what a dated statement reports ("Kirby
    said on Tuesday that ... earlier this week"), the statement's date. Without a publication
    date, relative expressions keep their underspecified value (XXXX-WXX-4) with
    `resolved=False`; absolute ones ("March 3, 2022") still resolve. The clock is never read.

    Two anchors come from the text itself (`anchor_from="text"`, `anchor` the value counted
    from): in a results report, "the quarter" and "a year earlier" count from the quarter the
    report is about (2022-Q3, 2021-Q3); "the following year", "that day", "the previous
    Friday" count from the nearest earlier date in the text, and stay unresolved (with the
    reason) when there is none close enough.

    Args:
        parsed: the parsed article.
        recognizer: a loaded Microsoft Recognizers date-time model; `load_recognizer()` when
            None (built once per process).

    Returns:
        Time expressions in text order, each with provenance from stage "timex".

    Example:
        >>> times = find_time_expressions(parsed)  # doctest: +SKIP
        >>> [(t.prov.text, t.value) for t in times]  # doctest: +SKIP
        [('Thursday night', '2022-11-10TNI'), ('at least one week', 'P1W'), ...]
    """
    model = recognizer if recognizer is not None else load_recognizer()
    anchor = parsed.article.published
    text = parsed.text
    hits = _recognize_article(parsed, model, anchor or _NO_ANCHOR_REFERENCE)
    directions = [_direction(parsed, h) for h in hits]
    values = [
        _PLACEHOLDER
        if h.raw.timex.startswith((FOCUS, NARRATIVE))
        else normalise(
            h.raw.timex, h.raw.type_name, text[h.start : h.end], anchor, d, text[h.end : h.end + 20]
        )
        for h, d in zip(hits, directions, strict=True)
    ]
    anchors: list[_Anchor] = [
        (anchor, "publication") if anchor else (None, None) for _ in hits
    ]
    if anchor is not None:
        for j, (_, said_on) in _statement_dates(parsed, hits, values).items():
            h = hits[j]
            again = [
                r
                for r in recognize(model, text, h.raw.start, h.raw.end, said_on)
                if r.timex
            ]
            timex = again[0].timex if again else h.raw.timex
            values[j] = normalise(
                timex, h.raw.type_name, text[h.start : h.end], said_on, directions[j]
            )
            anchors[j] = (said_on, "statement")
    hits, values, anchors = _place_periods(parsed, hits, values, anchors)
    narrative = resolve_narrative(
        [text[h.start : h.end] for h in hits],
        [h.raw.timex if v is _PLACEHOLDER else v.value for h, v in zip(hits, values, strict=True)],
        [h.sentence for h in hits],
    )
    out: list[TimeExpression] = []
    for h, norm, (used, source), told in zip(hits, values, anchors, narrative, strict=True):
        reason = NO_ANCHOR
        if told is not None:
            # Counted from the date the text gave just before, not from the publication date.
            norm = Normalised(
                told.value, TimexType.DATE, granularity_of(told.value), relative=True
            )
            used, source = (told.reference, "text") if told.reference else (None, None)
            reason = NO_TEXT_ANCHOR
        elif norm is _PLACEHOLDER:
            continue
        unresolved = norm.relative and used is None
        out.append(
            TimeExpression(
                prov=parsed.provenance(h.start, h.end, stage=STAGE),
                value=norm.value,
                type=norm.type,
                resolved=not unresolved,
                reason=reason if unresolved else None,
                granularity=norm.granularity,
                mod=h.mod,
                anchor=_iso(used) if used and norm.relative else None,
                anchor_from=source if used and norm.relative else None,
            )
        )
    return out
