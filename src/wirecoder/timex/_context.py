"""Context of a time expression: its TimeML span and modifier, the tense of its verb, and
statement dates in reported speech. Hand-written: no library applies TimeML span conventions or
reads tense and speech verbs off a spaCy parse for date resolution.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from wirecoder.rulebook import numbers, realis_cues
from wirecoder.timex._rules import (
    LEADING_SIGNALS,
    LOOKING_AHEAD_LEMMAS,
    MOD_INSIDE,
    MOD_PREFIXES,
    SPEECH_LEMMAS,
)
from wirecoder.timex._values import Direction

_LEADING = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in sorted(LEADING_SIGNALS, key=len, reverse=True))
    + r")\s+",
    re.I,
)
# Words that take a "the" before them into the span: "the past two years", "the two years",
# "the several weeks"; ordinals first to fourth only: TimeBank+AQUAINT take "the" with them
# ("the third quarter", 24 times) and leave it out of "the eighth day". Number words come from
# the rulebook (rulebook/numbers.tsv).
_THE_BEFORE_CORE = re.compile(
    r"^(?:past|last|next|coming|previous|following|"
    + "|".join(numbers.values("ordinal", 1, 4))
    + r"|final|same|current|present|end|beginning|middle|latter|early|late|mid|full|whole|"
    r"entire|\d+|"
    + "|".join([*numbers.values("cardinal", 1), *numbers.words("indefinite")])
    + r"|\w+teen|\w+ty|\w+ties|\w+s\b)",
    re.I,
)
# A year, "current" or a "14-day" compound used as an adjective leaves "the" to its noun.
_ADJECTIVAL = re.compile(
    r"^(?:\d{4}|current|\w+-(?:day|week|month|year|hour|minute)s?)$", re.I
)
_COUNTED_FROM = re.compile(r"\b(?:the\s+)?(?:first|latest|final)\s+$", re.I)
_POINT_AFTER = re.compile(r"\s+(?:ago|earlier|later)\b", re.I)
# Dependencies by which a time expression modifies the verb itself.
_DIRECT_DEPS = frozenset({"npadvmod", "advmod", "obl", "tmod", "prep", "dobj", "attr", "nsubj"})
_RECOGNIZER_MODS = {
    "start": "START",
    "mid": "MID",
    "end": "END",
    "more": "MORE_THAN",
    "less": "LESS_THAN",
    "approx": "APPROX",
}
# Words that put the verb in the future: the realis table's future auxiliaries
# (rulebook/realis.tsv, slot aux, reason future: will, 'll, shall, wo), which the events stage
# reads too, and "going"/"gon" ("is going to meet", "gonna meet"). The realis table has those
# as the governor "go" (slot governor), a lemma the events stage meets climbing up from a
# trigger; `tense` matches words, the verb's own or its auxiliaries', so it names them here.
_GOING_TO = frozenset({"going", "gon"})
_FUTURE_AUX = (
    frozenset(cue for cue, reason in realis_cues()["aux"].items() if reason == "future")
    | _GOING_TO
)
# Any other modal (tag MD: would, may, should, must, ...) points ahead as well ("would meet
# Friday"), whatever reason the realis table gives it (modal, appeal: whether the event is
# real, which is not the question here). Not "could": "could not be located Wednesday" is a
# modal of the past, not of the future.
_PAST_MODALS = frozenset({"could", "could've"})
_NON_FINITE = frozenset({"VB", "VBG", "VBN"})
_PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'d", "having"})


def adjust_span(
    text: str, start: int, end: int, *, is_duration: bool, recognizer_mod: str | None
) -> tuple[int, int, str | None]:
    """TimeML span and modifier around a recognizer hit.

    Leading prepositions ("by", "in", "on") leave the span (TimeML SIGNALs); modifier words
    before it ("at least", "the end of", "late") join it and set `mod`.
    """
    while m := _LEADING.match(text[start:end]):
        if start + m.end() >= end:
            break
        start += m.end()
    mod = _RECOGNIZER_MODS.get(recognizer_mod or "")
    inner = text[start:end]
    for pattern, inner_mod in MOD_INSIDE:
        if pattern.match(inner):
            mod = inner_mod
            break
    before = text[max(0, start - 40) : start].lower()
    for words, row_mod, durations_only in MOD_PREFIXES:
        if durations_only and (not is_duration or inner.lower().startswith("the ")):
            continue  # "over the past two years": a preposition, not "more than"
        gap = "" if words.endswith("-") else " "
        if before.endswith(words + gap) and _word_start(before, len(words) + len(gap)):
            start -= len(words) + len(gap)
            mod = row_mod
            before = text[max(0, start - 40) : start].lower()
            break
    if is_duration and (lead := _COUNTED_FROM.search(text, max(0, start - 20), start)):
        start = lead.start()  # "the first nine months": TimeML keeps the ordinal and "the"
    adjectival = _ADJECTIVAL.match(text[start:end]) and re.match(r"\s+[a-z]", text[end : end + 2])
    if before.endswith("the ") and _THE_BEFORE_CORE.match(text[start:end]) and not adjectival:
        start -= 4  # "the past two years"; not "the 1996 election", "the 14-day truce"
    if is_duration and (after := _POINT_AFTER.match(text, end)):
        end = after.end()  # "a year earlier": TimeML keeps the word that makes it a point
    return start, end, mod


def _word_start(before: str, length: int) -> bool:
    """True when the matched words in `before` start at a word boundary."""
    i = len(before) - length
    return i == 0 or not before[i - 1].isalnum()


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb the expression hangs from: the first verb or auxiliary up its head chain."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(12):
        if tok.pos_ in {"VERB", "AUX"} and tok.i not in range(span.start, span.end):
            return tok
        if tok.head.i == tok.i:
            return tok if tok.pos_ in {"VERB", "AUX"} else None
        tok = tok.head
    return None


def attaches_directly(doc: Doc, start: int, end: int) -> bool:
    """True when the expression modifies its verb itself ("met Monday", "said on Friday"),
    not a noun on the way ("Wednesday's ruling", "payable Dec. 7"), whose tense says nothing
    about the expression."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head
    return tok.dep_ in _DIRECT_DEPS and tok.head.pos_ in {"VERB", "AUX"}


def tense(verb: Token | None) -> Direction:
    """"past" or "future" from the verb and its auxiliaries; None when it says neither.

    News writes scheduled events with modals or infinitives ("will meet on Thursday", "is
    expected to join in April", "plans to hold ... Tuesday") and in the present ("meet
    separately Monday"): all future. Past tense and perfects are past, and so is an infinitive
    under a past verb that does not look ahead ("staged celebrations to mark ... Friday").
    """
    if verb is None:
        return None
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in {"acl", "amod"}
        and verb.lemma_.lower() not in LOOKING_AHEAD_LEMMAS
    ):
        # "shares issued July 1": a past participle on a noun says what was done, whatever
        # the tense of the clause the noun sits in; not "a summit set for April".
        return "past"
    chain = [verb]
    tok = verb
    # A non-finite verb takes its tense from the finite verb above it: "planned to leave on
    # Thursday", "has conquered since invading Ukraine in February". A finite verb has its own.
    while (
        tok.tag_ in _NON_FINITE
        and not any(c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO" for c in tok.children)
        and tok.head.i != tok.i
        and len(chain) < 4
    ):
        tok = tok.head
        while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
            tok = tok.head  # "since invading": up through the preposition
        chain.append(tok)
    auxes = [c for v in chain for c in v.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    tags = {a.tag_ for a in auxes}
    modals = {a.lower_ for a in auxes if a.tag_ == "MD"} - _PAST_MODALS
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX or modals:
        return "future"
    if verb.tag_ == "VB" and "to" in {c.lower_ for c in verb.children}:
        if any(v.lemma_.lower() in LOOKING_AHEAD_LEMMAS for v in chain[1:]):
            return "future"  # "planned to drive around the airport on Monday"
    head_tags = {v.tag_ for v in chain}
    if "VBD" in tags | head_tags or ("VBN" in head_tags and words & _PERFECT_AUX):
        return "past"
    if verb.tag_ == "VB" and "to" in words:
        return "future"  # "is expected to join in April"
    if (verb.tag_ in {"VBZ", "VBP"} or tags & {"VBZ", "VBP"}) and (
        verb.lemma_.lower() not in SPEECH_LEMMAS
    ):
        return "future"  # "He and Arafat meet separately Monday"
    return None


def statement_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The speech verb this expression dates ("said on Tuesday"), if it modifies one directly."""
    verb = governing_verb(doc, start, end)
    if verb is not None and verb.lemma_.lower() in SPEECH_LEMMAS:
        return verb
    return None


def in_complement(doc: Doc, verb: Token, start: int, end: int) -> bool:
    """True when the expression sits in what the speech verb reports, not on the verb itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.i not in {t.i for t in verb.subtree}:
        # Quoted speech often parses with the quote as head and "said" as its child.
        return verb.dep_ in {"parataxis", "ccomp"} and verb.head.i in {
            t.i for t in root.ancestors
        } | {root.i}
    return governing_verb(doc, start, end) is not verb
