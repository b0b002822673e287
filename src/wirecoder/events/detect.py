"""Find events: a trigger word from the lexicon, then its actor, date, place, figures and source.

First real form (issue #3): triggers from a table, arguments from the dependency parse. Each event
records how its date was found (`date_method`), whether it rests on a claim, and its status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Token

from wirecoder._timevalue import date_range, time_precision
from wirecoder.events._actors import normalise_actor
from wirecoder.events._lexicon import (
    ANNOUNCE_VERBS,
    ATTEMPT_VERBS,
    DEMINING_OBJECTS,
    DEMINING_VERBS,
    FUTURE_AUX,
    MODIFIER_REQUIRED,
    PARTICLE_REQUIRED,
    PREVENT_VERBS,
    STRATEGIC,
    TRIGGERS,
    Trigger,
)
from wirecoder.parse import ParsedArticle
from wirecoder.records import (
    Claim,
    Event,
    EventPlace,
    PlaceMention,
    Quantity,
    TimeExpression,
    TimexType,
)

STAGE = "events"
# Clause-forming dependencies: a time or place inside one of these belongs to another verb.
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj"}
# An event this long before publication is background, mentioned for context.
_BACKGROUND_DAYS = 21


def _trigger_for(tok: Token) -> Trigger | None:
    lemma = tok.lemma_.lower()
    trig = TRIGGERS.get(lemma)
    if trig is None:
        if tok.pos_ == "VERB" and lemma in DEMINING_VERBS:
            objects = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "obj")}
            objects |= {
                g.lemma_.lower()
                for c in tok.children
                if c.dep_ in ("dobj", "obj")
                for g in c.subtree
                if g.pos_ == "NOUN"
            }
            if objects & DEMINING_OBJECTS:
                return Trigger(STRATEGIC, "Disrupted weapons use", frozenset({"VERB"}))
        return None
    if tok.pos_ not in trig.pos:
        return None
    if lemma in PARTICLE_REQUIRED and not any(
        c.dep_ == "prt" and c.lower_ in PARTICLE_REQUIRED[lemma] for c in tok.children
    ):
        return None
    if lemma in MODIFIER_REQUIRED and not any(
        c.lower_ in MODIFIER_REQUIRED[lemma] for c in tok.children if c.dep_ in ("compound", "amod")
    ):
        return None
    return trig


def _clause_tokens(tok: Token) -> list[Token]:
    """The trigger's own clause: its subtree without nested clauses, plus the head verb's
    direct modifiers when the trigger is a noun or an xcomp ("attempting to advance")."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS or c is tok)
    head = tok.head
    if tok.dep_ in ("xcomp", "dobj", "pobj", "nsubj", "nsubjpass", "acl", "advcl", "pcomp") and head is not tok:
        for c in head.children:
            if c is not tok and c.dep_ in ("npadvmod", "prep", "advmod", "nsubj", "nsubjpass", "agent"):
                out.extend(c.subtree)
        out.append(head)
    return out


def _actor(tok: Token) -> str | None:
    node: Token | None = tok
    for _ in range(3):
        if node is None:
            break
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass" if node.tag_ != "VBN" else "agent"):
                span = tok.doc[c.left_edge.i : c.right_edge.i + 1]
                return span.text
            if c.dep_ == "poss" and node.pos_ == "NOUN":
                return tok.doc[c.left_edge.i : c.right_edge.i + 1].text
        if node.dep_ in ("xcomp", "conj", "pcomp", "acl") or node.pos_ == "NOUN":
            node = node.head if node.head is not node else None
        else:
            break
    return None


def _status(tok: Token, claim: Claim | None) -> tuple[str, bool]:
    """(status, claimed): announced/planned, claimed, denied, or confirmed by the outlet."""
    chain = [tok, *list(tok.ancestors)[:3]]
    for anc in chain:
        lemma = anc.lemma_.lower()
        if anc is not tok and lemma in ANNOUNCE_VERBS:
            return "announced", claim is not None
        if any(c.lower_ in FUTURE_AUX for c in anc.children if c.dep_ == "aux"):
            return "announced", claim is not None
        if anc.dep_ not in ("xcomp", "ccomp", "conj", "pcomp"):
            break
    if claim is not None:
        return ("denied" if claim.stance == "deny" else "claimed"), True
    return "confirmed", False


def _sub_type(tok: Token, trig: Trigger) -> Trigger:
    """An attempted or prevented capture is a clash, not a change of territory."""
    if trig.event_type == "Battles" and trig.sub_event_type != "Armed clash":
        for anc in [tok.head, tok.head.head]:
            if anc.lemma_.lower() in ATTEMPT_VERBS | PREVENT_VERBS:
                return Trigger("Battles", "Armed clash", trig.pos)
    return trig


def _claim_at(claims: Sequence[Claim], start: int, end: int) -> Claim | None:
    for c in claims:
        if c.content.start <= start and end <= c.content.end:
            return c
    return None


def _best_place(places: Sequence[PlaceMention]) -> PlaceMention | None:
    usable = [p for p in places if p.role == "location" and p.lat is not None]
    if not usable:
        return None
    return min(usable, key=lambda p: (p.geo_precision or 3, p.prov.start))


def find_events(
    parsed: ParsedArticle,
    times: Sequence[TimeExpression],
    places: Sequence[PlaceMention],
    claims: Sequence[Claim],
    quantities: Sequence[Quantity],
) -> list[Event]:
    """Events in the article, each with ACLED type, actor, date, place, figures and source.

    Date: the time expression inside the trigger's clause, else the date of the statement the
    event is claimed in, else the publication date (marked so). Place: a place inside the clause,
    else the most precise place of the sentence.
    """
    published = parsed.article.published
    events: list[Event] = []
    for sent in parsed.sentences:
        span = parsed.spacy_sentence(sent.index)
        sent_times = [t for t in times if sent.start <= t.prov.start < sent.end]
        sent_places = [p for p in places if sent.start <= p.prov.start < sent.end]
        sent_quants = [q for q in quantities if sent.start <= q.prov.start < sent.end]
        seen_heads: set[int] = set()
        for tok in span:
            trig = _trigger_for(tok)
            if trig is None or tok.i in seen_heads:
                continue
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            seen_heads.add(tok.i)
            trig = _sub_type(tok, trig)
            clause = _clause_tokens(tok)
            lo = min(t.idx for t in clause)
            hi = max(t.idx + len(t.text) for t in clause)
            in_clause = {t.idx for t in clause}
            claim = _claim_at(claims, tok.idx, tok.idx + len(tok.text))
            status, claimed = _status(tok, claim)

            date, method = None, "none"
            own = [
                t
                for t in sent_times
                if t.type in (TimexType.DATE, TimexType.TIME)
                and t.resolved
                and any(lo <= i < hi and i in in_clause for i in range(t.prov.start, t.prov.end))
            ]
            if own:
                date, method = own[0].value, "governing"
            elif claim is not None and claim.date:
                date, method = claim.date, "statement"
            elif published is not None:
                date, method = published.isoformat(), "publication"
            date_value = date.split("T")[0] if date else None
            span_dates = date_range(date_value)
            if (
                status == "confirmed"
                and published is not None
                and span_dates is not None
                and (published - span_dates[1]) > dt.timedelta(days=_BACKGROUND_DAYS)
            ):
                status = "background"

            own_places = [p for p in sent_places if lo <= p.prov.start < hi]
            place = _best_place(own_places) or _best_place(sent_places)
            quantity = next((q for q in sent_quants if lo <= q.prov.start < hi), None)
            actor_text = _actor(tok)
            n = len(events)
            events.append(
                Event(
                    prov=parsed.provenance(sent.start, sent.end, STAGE),
                    id=f"{parsed.doc_id[:12]}-e{n}",
                    acled_event_type=trig.event_type,
                    acled_sub_event_type=trig.sub_event_type,
                    trigger=parsed.span(tok.idx, tok.idx + len(tok.text)),
                    actor1=normalise_actor(actor_text) if actor_text else None,
                    actor2=None,
                    date=date_value,
                    time_precision=time_precision(date_value),
                    date_method=method,  # type: ignore[arg-type]
                    place=EventPlace(
                        name=place.name, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id
                    )
                    if place
                    else None,
                    geo_precision=place.geo_precision if place else None,
                    source=claim.speaker.canonical if claim and claim.speaker else None,
                    claim_id=claim.id if claim else None,
                    claimed=claimed,
                    status=status,  # type: ignore[arg-type]
                    quantity=(q_text(quantity) if quantity else None),
                )
            )
    return events


def q_text(q: Quantity) -> str:
    value = q.vague or (f"{q.value:g}" if q.value is not None else "?")
    return " ".join(x for x in (value, q.of or q.unit) if x)
