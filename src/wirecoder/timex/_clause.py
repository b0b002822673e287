"""Which time expression dates a verb: the one attached to its own clause, not any date nearby.

Hand-written over the spaCy dependency parse: "Russia announced on Wednesday it would withdraw"
dates the announcement, not the withdrawal (the withdrawal sits in a ccomp, which does not
inherit); "began withdrawing yesterday" dates the withdrawing (xcomp inherits); "attacked and
seized the town on Monday" dates both conjuncts.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from wirecoder.parse import ParsedArticle
from wirecoder.records import TimeExpression
from wirecoder.timex._context import governing_verb

# Dependencies through which a verb shares its clause's time expression.
_SHARES_TIME = frozenset({"xcomp", "conj", "aux", "auxpass", "prep", "pobj", "dobj", "acomp"})


def _trigger_verb(parsed: ParsedArticle, start: int, end: int) -> Token | None:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.pos_ in {"VERB", "AUX"}:
        return root
    return governing_verb(parsed.doc, start, end)


def _link(verb: Token, other: Token) -> int | None:
    """0 same verb; 1 the other verb shares its time with this one (xcomp/conj chain)."""
    if other.i == verb.i:
        return 0
    tok = verb
    for _ in range(6):  # up from the trigger: "began [withdrawing]" -> began holds the date
        if tok.dep_ not in _SHARES_TIME or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.i == other.i:
            return 1
    if other.dep_ == "conj" and other.head.i == verb.i:
        return 2  # "attacked and seized ... on Monday"
    return None


def time_for_clause(
    parsed: ParsedArticle,
    trigger_start: int,
    trigger_end: int,
    times: Sequence[TimeExpression],
) -> TimeExpression | None:
    """The time expression that syntactically governs the verb at `trigger_start:trigger_end`.

    Considers only expressions in the trigger's sentence that attach to the trigger's own
    clause (the same verb, a verb it is the xcomp/conjunct of, or a noun trigger's own
    modifier such as "Thursday's strike"); a date on a reporting verb does not date what is
    reported.

    Args:
        parsed: the parsed article.
        trigger_start: character offset of the trigger (a verb or event noun).
        trigger_end: end offset of the trigger.
        times: the article's time expressions (from `find_time_expressions`).

    Returns:
        The governing time expression, or None when no expression governs the clause.

    Example:
        >>> time_for_clause(parsed, 30, 38, times).value  # doctest: +SKIP
        '2022-11-09'
    """
    sentence = parsed.sentence_index(trigger_start)
    verb = _trigger_verb(parsed, trigger_start, trigger_end)
    trigger = parsed.doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    trigger_ids = {t.i for t in trigger} if trigger is not None else set()
    best: tuple[int, int, TimeExpression] | None = None
    for t in times:
        if t.prov.sentence != sentence:
            continue
        span = parsed.doc.char_span(t.prov.start, t.prov.end, alignment_mode="expand")
        if span is None:
            continue
        if trigger_ids & {a.i for a in span.root.ancestors} and not (
            verb is not None and verb.i in trigger_ids and verb.pos_ in {"VERB", "AUX"}
        ):
            rank: int | None = 0  # the event noun's own modifier: "Thursday's strike"
        else:
            tv = governing_verb(parsed.doc, t.prov.start, t.prov.end)
            rank = _link(verb, tv) if verb is not None and tv is not None else None
        if rank is None:
            continue
        distance = abs(t.prov.start - trigger_start)
        if best is None or (rank, distance) < (best[0], best[1]):
            best = (rank, distance, t)
    return best[2] if best else None
