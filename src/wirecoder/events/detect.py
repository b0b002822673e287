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
    IRREGULAR_PAST,
    MODIFIER_REQUIRED,
    PARTICLE_REQUIRED,
    PREVENT_VERBS,
    STRATEGIC,
    TRIGGERS,
    Trigger,
)
from wirecoder.parse import ParsedArticle
from wirecoder.timex import time_for_clause
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
_METHOD_RANK = {"governing": 0, "statement": 1, "sentence": 2, "publication": 3, "none": 4}


_MODAL = {"would", "could", "might", "may", "should"}


def _is_state_or_hypothetical(tok: Token) -> bool:
    """"locations retaken from Russian forces", "a destroyed village": a participle modifying a
    noun describes a state, not a new event; "A withdrawal would mark ...": a hypothetical."""
    if tok.dep_ in ("amod", "compound") or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        # ... unless an auxiliary stands right before it: 'had "stolen equipment' is a verb the
        # parser misread because of the opening quote mark.
        prev = tok.nbor(-1) if tok.i > 0 else None
        while prev is not None and prev.is_punct and prev.i > 0:
            prev = prev.nbor(-1)
        return not (prev is not None and prev.lemma_ in ("have", "be"))
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
        return any(c.dep_ == "aux" and c.lower_ in _MODAL for c in tok.head.children)
    return False


def _trigger_for(tok: Token) -> Trigger | None:
    if _is_state_or_hypothetical(tok):
        return None
    lemma = tok.lemma_.lower()
    trig = TRIGGERS.get(lemma)
    if trig is None and tok.lower_ in IRREGULAR_PAST:  # the small model leaves some unlemmatised
        lemma = IRREGULAR_PAST[tok.lower_]
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
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    if lemma in MODIFIER_REQUIRED and not modifiers & MODIFIER_REQUIRED[lemma]:
        return None
    if lemma == "strike" and modifiers & {"missile", "rocket", "artillery"}:
        # ACLED codes missile strikes as shelling/artillery/missile attacks, not air strikes.
        return Trigger(trig.event_type, "Shelling/artillery/missile attack", trig.pos)
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


def _actor_token(tok: Token) -> Token | None:
    """The head of the trigger's actor phrase: its subject (or the agent of a passive), climbing
    through "attempting to advance" and noun triggers to the verb that has one."""
    node: Token | None = tok
    for _ in range(3):
        if node is None:
            break
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass" if node.tag_ != "VBN" else "agent"):
                return c
            if c.dep_ == "poss" and node.pos_ == "NOUN":
                return c
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


_COUNTRY_FEATURES = {"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"}


def _best_place(places: Sequence[PlaceMention], avoid: set[int] = frozenset()) -> PlaceMention | None:  # type: ignore[assignment]
    """The most precise location, preferring places outside the actor phrase ("Ukraine's forces")
    and anything over a whole country."""
    usable = [p for p in places if p.role == "location" and p.lat is not None]
    if not usable:
        return None
    return min(
        usable,
        key=lambda p: (
            p.prov.start in avoid,
            (p.feature or "") in _COUNTRY_FEATURES,
            p.geo_precision or 3,
            p.prov.start,
        ),
    )


def _focus_place(places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The document's focus: its most often named town (ties: the first named). Used, with a
    coarser precision, for events whose sentence names no place."""
    towns = [p for p in places if p.role == "location" and p.lat is not None and (p.feature or "").startswith("PPL")]
    if not towns:
        return None
    counts: dict[int | None, int] = {}
    for p in towns:
        counts[p.geonames_id] = counts.get(p.geonames_id, 0) + 1
    best = max(counts.values())
    return next(p for p in towns if counts[p.geonames_id] == best)


def _statement_date(claim: Claim, claims: Sequence[Claim], sentence: int) -> str | None:
    """A claim's own date, else that of the same speaker's statement just before it ("In his
    Thursday address, X said ... He stated that ...": one statement, one date)."""
    if claim.date:
        return claim.date
    speaker = claim.speaker.canonical if claim.speaker else None
    for other in reversed(claims):
        if other.prov.sentence >= claim.prov.sentence or sentence - other.prov.sentence > 2:
            continue
        if speaker and other.speaker and other.speaker.canonical == speaker and other.date:
            return other.date
    return None


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
    focus = _focus_place(places)
    focus_country = focus.country_code if focus else None
    events: list[Event] = []
    for sent in parsed.sentences:
        span = parsed.spacy_sentence(sent.index)
        sent_times = [t for t in times if sent.start <= t.prov.start < sent.end]
        sent_places = [p for p in places if sent.start <= p.prov.start < sent.end]
        sent_quants = [q for q in quantities if sent.start <= q.prov.start < sent.end]
        candidates: list[Event] = []
        for tok in span:
            trig = _trigger_for(tok)
            if trig is None or any(c.dep_ == "neg" for c in tok.children):
                continue
            trig = _sub_type(tok, trig)
            clause = _clause_tokens(tok)
            lo = min(t.idx for t in clause)
            hi = max(t.idx + len(t.text) for t in clause)
            claim = _claim_at(claims, tok.idx, tok.idx + len(tok.text))
            status, claimed = _status(tok, claim)

            date, method = None, "none"
            governing = time_for_clause(
                parsed,
                tok.idx,
                tok.idx + len(tok.text),
                [t for t in sent_times if t.type in (TimexType.DATE, TimexType.TIME) and t.resolved],
            )
            if governing is not None:
                date, method = governing.value, "governing"
            elif claim is not None and (said_on := _statement_date(claim, claims, sent.index)):
                date, method = said_on, "statement"
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

            actor_tok = _actor_token(tok)
            avoid = (
                {t.idx for t in actor_tok.subtree} if actor_tok is not None else set()
            )
            own_places = [p for p in sent_places if lo <= p.prov.start < hi]
            place = _best_place(own_places, avoid) or _best_place(sent_places, avoid)
            from_focus = False
            vague = place is None or place.prov.start in avoid or (
                (place.feature or "") in _COUNTRY_FEATURES and place.country_code == focus_country
            )
            if vague and focus is not None:  # "in southern Ukraine", "Ukraine's forces"
                place, from_focus = focus, True
            quantity = next((q for q in sent_quants if lo <= q.prov.start < hi), None)
            actor_text = actor_tok and tok.doc[actor_tok.left_edge.i : actor_tok.right_edge.i + 1].text
            candidates.append(
                Event(
                    prov=parsed.provenance(sent.start, sent.end, STAGE),
                    id="",
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
                    geo_precision=(3 if from_focus else place.geo_precision) if place else None,
                    source=claim.speaker.canonical if claim and claim.speaker else None,
                    claim_id=claim.id if claim else None,
                    claimed=claimed,
                    status=status,  # type: ignore[arg-type]
                    quantity=(q_text(quantity) if quantity else None),
                )
            )
        # One event of a kind per sentence: the one whose date is best grounded.
        best: dict[str, Event] = {}
        for ev in candidates:
            kept = best.get(ev.acled_sub_event_type)
            if kept is None or _METHOD_RANK[ev.date_method] < _METHOD_RANK[kept.date_method]:
                best[ev.acled_sub_event_type] = ev
        for ev in sorted(best.values(), key=lambda e: e.trigger.start):
            events.append(ev.model_copy(update={"id": f"{parsed.doc_id[:12]}-e{len(events)}"}))
    return events


def q_text(q: Quantity) -> str:
    value = q.vague or (f"{q.value:g}" if q.value is not None else "?")
    return " ".join(x for x in (value, q.of or q.unit) if x)
