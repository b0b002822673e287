"""Is a realis event a specific incident? Its anchors in time and place, its kind and confidence.

An incident is anchored: a time expression of its own clause dates it (a day, a week or a
month, not after publication), or the statement that reports it is dated, or a place below the
country (or a border) stands in its clause. Without an anchor, a candidate is war talk. An
incident dated more than three weeks before publication is told as background; one told in a
historical passage without a date of its own is not recorded. Hand-written: these are the
guidelines analysts code by (ACLED's, rulebook/README), put as tests on the parse.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from wirecoder._timevalue import date_range
from wirecoder.events._lexicon import AGREEMENT_VERBS, CUMULATIVE_CUES, SUMMARY_SUBJECTS
from wirecoder.records import Granularity, TimeExpression, TimexType

# An event this long before publication is background, mentioned for context.
BACKGROUND_DAYS = 21

# How much each kind of evidence says that a candidate is a specific incident (Event.confidence).
# Set by hand, then checked on the dev gold: `wirecoder eval` prints precision by confidence band.
CONFIDENCE_BASE = 0.4
CONFIDENCE_OWN_DATE = 0.25  # a time expression of its own clause (day, week or month)
CONFIDENCE_OWN_PLACE = 0.2  # a place below the country in the trigger's clause
CONFIDENCE_SENTENCE_PLACE = 0.1  # ... only near it in the sentence
CONFIDENCE_STATEMENT_DATE = 0.05  # dated only by the statement that reports it
CONFIDENCE_CLAIMED = -0.1  # rests on a party's claim
CONFIDENCE_GENERIC = 0.1  # a generic mention

_COARSE = {Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY, Granularity.SEASON, Granularity.QUARTER}
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
_RECENT_SPAN = re.compile(r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+|\w+\s+)?(?:days|weeks|months|years)\b", re.I)
_PHRASES = ("so far", "to date", "in total", "in all")
# Predicates that report an event going on, not a judgement of it.
_HAPPENING = frozenset({"underway", "ongoing", "continuing", "over"})


def own_date(governing: TimeExpression, published: dt.date | None, text: str) -> tuple[str | None, str | None, bool]:
    """(date, reason, anchors) from a time expression of the event's own clause.

    PRESENT_REF ("now") is the publication day and PAST_REF ("recently") its month, but neither
    anchors an incident; a date coarser than a month is the reason `coarse-date`, a date after
    publication `future`. "since autumn" starts something still going on: no date of its own.
    """
    if _SINCE.search(text[max(0, governing.prov.start - 12) : governing.prov.start]):
        return None, None, False
    value = governing.value
    if governing.granularity == Granularity.REFERENCE:
        if value == "PRESENT_REF" and published:
            return published.isoformat(), None, False
        if value == "PAST_REF" and published:
            return published.isoformat()[:7], None, False
        return None, ("future" if value == "FUTURE_REF" else None), False
    day = value.split("T")[0]
    if governing.granularity in _COARSE:
        return day, "coarse-date", False
    span = date_range(day)
    if published is not None and span is not None and span[0] > published:
        return day, "future", False
    return day, None, True


def clause_date(clause: Sequence[Token], times: Sequence[TimeExpression]) -> TimeExpression | None:
    """A resolved date standing inside the trigger's own clause (not in a nested clause) when no
    expression attaches to the trigger itself: "Following a revolution in 2014, forces took
    over the peninsula" dates the taking over to 2014."""
    offsets = {t.idx for t in clause}
    for t in times:
        if t.resolved and t.type in (TimexType.DATE, TimexType.TIME) and t.prov.start in offsets:
            return t
    return None


def is_cumulative(tok: Token, clause: Sequence[Token], sentence: Span) -> bool:
    """A running total, not an incident: "have been killed since the start of the war", "so far",
    "in total"; "in recent weeks" anywhere in the sentence (it scopes over every conjunct)."""
    words = {t.lower_ for t in clause}
    text = " ".join(t.lower_ for t in sorted(clause, key=lambda t: t.i))
    # "recaptured dozens of villages ... and struck targets in recent weeks": shared by conjuncts
    shared = [t for c in [tok, *tok.conjuncts] for t in c.subtree] if tok.pos_ == "VERB" else list(clause)
    spread = " ".join(t.text for t in sorted(set(shared), key=lambda t: t.i))
    if words & CUMULATIVE_CUES or any(p in text for p in _PHRASES) or _RECENT_SPAN.search(spread):
        return True
    for t in clause:
        if t.lower_ == "since" and tok not in t.subtree:
            obj = {g.lemma_.lower() for c in t.children if c.dep_ == "pobj" for g in c.subtree}
            if obj & (SUMMARY_SUBJECTS | {"start", "beginning", "outbreak", "onset"}):
                return True
    return False


def agreement_made(tok: Token) -> bool:
    """An agreement or talks named as a noun are an event when a verb makes, holds or breaks them
    ("signed a ceasefire", "talks began"); "the Minsk agreements" alone is a reference."""
    if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":  # "negotiators met for peace talks"
        return tok.head.head.lemma_.lower() in AGREEMENT_VERBS
    return tok.head != tok and tok.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr") and (
        tok.head.lemma_.lower() in AGREEMENT_VERBS
    )


def is_description(tok: Token) -> bool:
    """A noun trigger as the subject of a copula: "Torture at the prison has become a symbol",
    "the invasion was a mistake": the event is characterised, not reported."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = tok.head
    if head.lemma_.lower() in ("become", "remain", "seem", "represent", "symbolise", "symbolize", "mark"):
        return True
    # "the invasion was a mistake" characterises; "the strike on X was 30 km from the border"
    # places; "manoeuvres are underway" reports it happening
    return head.lemma_.lower() == "be" and any(
        c.dep_ in ("attr", "acomp") and c.lower_ not in _HAPPENING for c in head.children
    )


def sentence_dates(times: Sequence[TimeExpression], sentences: int) -> list[tuple[dt.date, dt.date] | None]:
    """Per sentence, the span of its last resolved calendar date (no durations, no references)."""
    out: list[tuple[dt.date, dt.date] | None] = [None] * sentences
    for t in times:
        if not t.resolved or t.type not in (TimexType.DATE, TimexType.TIME) or t.granularity == Granularity.REFERENCE:
            continue
        span = date_range(t.value.split("T")[0])
        if span is not None and 0 <= t.prov.sentence < sentences:
            out[t.prov.sentence] = span
    return out


def in_history(sentence: int, dated: Sequence[tuple[dt.date, dt.date] | None], published: dt.date | None) -> bool:
    """Whether an undated sentence continues a passage about the past: the nearest dated sentence
    among the two before it is dated more than three weeks before publication ("In 2014 ...
    Russia responded by annexing Crimea")."""
    if published is None or dated[sentence] is not None:
        return False
    for back in (1, 2):
        i = sentence - back
        span = dated[i] if i >= 0 else None
        if span is not None:
            return (published - span[1]).days > BACKGROUND_DAYS
    return False


def confidence(*, kind: str, own_date: bool, own_place: bool, sentence_place: bool, statement: bool, claimed: bool) -> float:
    """How well the text supports the event, from the anchors it has (weights above)."""
    if kind == "generic":
        return CONFIDENCE_GENERIC
    score = CONFIDENCE_BASE
    score += CONFIDENCE_OWN_DATE if own_date else CONFIDENCE_STATEMENT_DATE if statement else 0.0
    score += CONFIDENCE_OWN_PLACE if own_place else CONFIDENCE_SENTENCE_PLACE if sentence_place else 0.0
    score += CONFIDENCE_CLAIMED if claimed else 0.0
    return round(min(1.0, max(0.0, score)), 2)
