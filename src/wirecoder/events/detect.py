"""Find events: a trigger, then its actor, date, place, figures and source, coded ACLED and PLOVER.

Per clause: triggers come from the lexicon (see _triggers.py), arguments from the dependency
parse. Each event records how its date was found (`date_method`), whether it rests on a claim, and
its status. Mentions of one event in several sentences are folded into one (see _merge.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Span, Token

from wirecoder._timevalue import date_range, time_precision
from wirecoder.events._actors import Actor, is_pronoun, normalise_actor
from wirecoder.events._coding import ACLED, plover_for
from wirecoder.events._lexicon import ANNOUNCE_VERBS, ARRIVAL_VERBS, ATTEMPT_VERBS, FORCE_NOUNS, FUTURE_AUX, PREVENT_VERBS, Trigger
from wirecoder.events._merge import merge_mentions
from wirecoder.events._triggers import CASUALTY_LEMMAS, find_trigger, is_fragment, refine, territory_for_actor
from wirecoder.parse import ParsedArticle
from wirecoder.records import (
    DATE_METHOD_RANK,
    Claim,
    Event,
    EventPlace,
    PlaceMention,
    Quantity,
    TimeExpression,
    TimexType,
)
from wirecoder.timex import time_for_clause

STAGE = "events"
# Clause-forming dependencies: a time or place inside one of these belongs to another verb.
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj"}
# An event this long before publication is background, mentioned for context.
_BACKGROUND_DAYS = 21


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
    chain = [tok, *list(tok.ancestors)[:6]]
    for anc in chain:
        lemma = anc.lemma_.lower()
        if anc is not tok and lemma in ANNOUNCE_VERBS:
            return "announced", claim is not None
        if any(c.lower_ in FUTURE_AUX for c in anc.children if c.dep_ == "aux"):
            return "announced", claim is not None
        if anc.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "prep", "advcl"):
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
            (p.feature or "").startswith("STM"),  # a river is a poor event location
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


def _resolve_pronoun(tok: Token, previous: Actor | None) -> Actor | None:
    """"Moscow declared its retreat", "Russia announced it would withdraw": a pronoun stands for
    the nearest subject before it that names a side, else for the last side named before."""
    for cand in reversed(list(tok.sent[: tok.i - tok.sent.start])):
        if cand.dep_ in ("nsubj", "nsubjpass", "poss") and cand.pos_ in ("PROPN", "NOUN"):
            actor = normalise_actor(_phrase(cand))
            if actor.country is not None:
                return actor
    return previous


def _phrase(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text


def _actor2(tok: Token) -> Actor | None:
    """The other side: the trigger's object, or the side it acts against or drives out."""
    for c in tok.children:
        heads = [c] if c.dep_ in ("dobj", "obj") else []
        if c.dep_ == "prep" and c.lower_ in ("against", "from", "with", "on"):
            heads = [g for g in c.children if g.dep_ == "pobj"]
        for h in heads:
            actor = normalise_actor(_phrase(h))
            if actor.country is not None:
                return actor
    return None


def _is_undated_background(tok: Token) -> bool:
    """"the only regional capital Moscow has conquered", "areas where fighting was ongoing": an
    event told inside a relative clause describes the thing the clause modifies; without a date
    of its own it is context, not a record."""
    return any(a.dep_ == "relcl" for a in [tok, *list(tok.ancestors)[:3]])


def _is_anaphoric(tok: Token) -> bool:
    """"its retreat", "the withdrawal": a nominal that refers back to an event told elsewhere."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in tok.children
    )


def _fatalities(span: Span, quantities: Sequence[Quantity]) -> int | None:
    """People killed, when the sentence counts them ("killing five civilians", "12 were killed")."""
    for tok in span:
        if tok.lemma_.lower() not in ("kill", "die", "dead"):
            continue
        victims = [t for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj") for t in c.subtree]
        if tok.dep_ == "amod":  # "12 dead"
            victims.extend(tok.head.subtree)
        offsets = {t.idx for t in victims}
        for q in quantities:
            if q.prov.start in offsets and q.value is not None and q.value == int(q.value):
                return int(q.value)
    return None


_NEWS_DAY_WINDOW = dt.timedelta(days=7)


def _news_day(times: Sequence[TimeExpression], published: dt.date | None) -> str | None:
    """The day the article's news happened: the day its relative day expressions ("on Thursday",
    "Thursday night", "yesterday") point to most often, within a week before publication. A
    Friday report of Thursday's fighting dates its undated events to Thursday, not Friday."""
    if published is None:
        return None
    counts: dict[str, int] = {}
    for t in times:
        if not t.resolved or t.type not in (TimexType.DATE, TimexType.TIME) or not t.value:
            continue
        day = t.value.split("T")[0]
        try:
            when = dt.date.fromisoformat(day)
        except ValueError:
            continue
        if published - _NEWS_DAY_WINDOW <= when <= published:
            counts[day] = counts.get(day, 0) + 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    # one passing mention is no news day; the publication day itself needs no fallback
    return best[0] if best[1] >= 2 and best[0] != published.isoformat() else None


def find_events(
    parsed: ParsedArticle,
    times: Sequence[TimeExpression],
    places: Sequence[PlaceMention],
    claims: Sequence[Claim],
    quantities: Sequence[Quantity],
) -> list[Event]:
    """Events in the article, each with ACLED and PLOVER codes, actors, date, place, figures and
    source; mentions of one event in several sentences folded into one.

    Date: the time expression inside the trigger's clause, else the date of the statement the
    event is claimed in, else the article's news day (`narrative`), else the publication date
    (marked so). Place: a place inside the clause,
    else the most precise place of the sentence, else the document's focus (region precision).
    """
    published = parsed.article.published
    news_day = _news_day(times, published)
    focus = _focus_place(places)
    focus_country = focus.country_code if focus else None
    events: list[Event] = []
    own_place: dict[str, bool] = {}
    anaphoric: dict[str, bool] = {}
    last_actor: Actor | None = None
    for sent in parsed.sentences:
        span = parsed.spacy_sentence(sent.index)
        fragment = is_fragment(span)
        sent_times = [t for t in times if sent.start <= t.prov.start < sent.end]
        sent_places = [p for p in places if sent.start <= p.prov.start < sent.end]
        sent_quants = [q for q in quantities if sent.start <= q.prov.start < sent.end]
        candidates: list[tuple[Event, str, bool]] = []
        for tok in span:
            found = find_trigger(tok, fragment)
            if found is None:
                continue
            clause = _clause_tokens(tok)
            trig = _sub_type(tok, refine(found, tok, clause))
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
            elif _is_undated_background(tok):
                continue
            elif claim is not None and (said_on := _statement_date(claim, claims, sent.index)):
                date, method = said_on, "statement"
            elif news_day is not None:
                date, method = news_day, "narrative"
            elif published is not None:
                date, method = published.isoformat(), "publication"
            if status == "announced" and trig.event_type != "Strategic developments":
                continue  # an intention or a threat of violence is not yet an event
            date_value = date.split("T")[0] if date else None
            span_dates = date_range(date_value)
            if (
                status in ("confirmed", "claimed")
                and published is not None
                and span_dates is not None
                and method == "governing"
                and (published - span_dates[1]) > dt.timedelta(days=_BACKGROUND_DAYS)
            ):
                status = "background"

            actor_tok = _actor_token(tok)
            if found.lemma in ARRIVAL_VERBS:  # "soldiers were received by villagers": the soldiers act
                actor_tok = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), actor_tok)
            if actor_tok is not None and (actor_tok is tok or tok in actor_tok.subtree):
                actor_tok = None  # "Firefights are breaking out": the event is no actor
            if actor_tok is not None and any(
                p.role == "location" and p.prov.start <= actor_tok.idx < p.prov.end for p in sent_places
            ):
                actor_tok = None  # "Kharkiv shelled again": a place is the target, not the actor
            actor: Actor | None = None
            if actor_tok is not None:
                text = _phrase(actor_tok)
                actor = _resolve_pronoun(actor_tok, last_actor) if is_pronoun(text) else normalise_actor(text)
            if actor is not None and actor.country is not None:
                last_actor = actor
            avoid = {t.idx for t in actor_tok.subtree} if actor_tok is not None else set()
            own_places = [p for p in sent_places if lo <= p.prov.start < hi]
            if status == "denied" and method != "governing" and _best_place(own_places, avoid) is None:
                continue  # "Russia denies attacking civilians": a denial of a practice, kept as a claim
            place = _best_place(own_places, avoid) or _best_place(sent_places, avoid)
            from_focus = False
            vague = place is None or place.prov.start in avoid or (
                (place.feature or "") in _COUNTRY_FEATURES and place.country_code == focus_country
            )
            if vague and focus is not None:  # "in southern Ukraine", "Ukraine's forces"
                place, from_focus = focus, True
            named_in = False
            if place is None:  # "Kyiv TV tower", "Okhtyrka City Council": the facility's town
                place = next(
                    (p for p in sent_places if p.role == "actor" and p.lat is not None
                     and (p.feature or "").startswith("PPL") and p.prov.start not in avoid),
                    None,
                )  # fmt: skip
                named_in = place is not None
            place_country = focus_country or (place.country_code if place else None)
            trig = territory_for_actor(trig, found.lemma, actor.country if actor else None, place_country)
            quantity = next((q for q in sent_quants if lo <= q.prov.start < hi), None)
            other = _actor2(tok)
            plover_type, plover_mode = plover_for(trig.sub_event_type, found.lemma)
            temp_id = f"t{len(own_place)}"
            own_place[temp_id] = (
                place is not None and not from_focus and not (place.feature or "").startswith("STM")
            )
            anaphoric[temp_id] = _is_anaphoric(tok)
            event = Event(
                prov=parsed.provenance(sent.start, sent.end, STAGE),
                id=temp_id,
                acled_event_type=trig.event_type,
                acled_sub_event_type=trig.sub_event_type,
                disorder_type=ACLED[trig.sub_event_type].disorder_type,
                plover_event_type=plover_type,
                plover_mode=plover_mode,
                trigger=parsed.span(tok.idx, tok.idx + len(tok.text)),
                actor1=actor.name if actor else None,
                actor1_country=actor.country if actor else None,
                actor2=other.name if other and (not actor or other.name != actor.name) else None,
                actor2_country=other.country if other and (not actor or other.name != actor.name) else None,
                date=date_value,
                time_precision=time_precision(date_value),
                date_method=method,  # type: ignore[arg-type]
                place=EventPlace(
                    name=place.name, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id,
                    feature=place.feature, country_code=place.country_code, admin1=place.admin1,
                ) if place else None,  # fmt: skip
                geo_precision=(3 if from_focus else 2 if named_in else place.geo_precision) if place else None,
                source=claim.speaker.canonical if claim and claim.speaker else None,
                claim_id=claim.id if claim else None,
                claimed=claimed,
                status=status,  # type: ignore[arg-type]
                quantity=(q_text(quantity) if quantity else None),
            )
            candidates.append((event, found.lemma, trig.event_type != "Strategic developments"))
        if fragment and len(candidates) > 1:  # "Destroyed Russian tank": the tank is no sighting
            candidates = [c for c in candidates if c[1] not in FORCE_NOUNS] or candidates
        deaths = _fatalities(span, sent_quants)
        # Harm to people belongs to the violent event that caused it, when the sentence has one.
        if any(violent and lemma not in CASUALTY_LEMMAS for _, lemma, violent in candidates):
            candidates = [c for c in candidates if c[1] not in CASUALTY_LEMMAS]
        # One event of a kind per sentence: the one whose date is best grounded.
        best: dict[str, Event] = {}
        for ev, _, violent in candidates:
            if deaths is not None and violent:
                ev = ev.model_copy(update={"fatalities": deaths})
            kept = best.get(ev.acled_sub_event_type)
            if kept is None or DATE_METHOD_RANK[ev.date_method] < DATE_METHOD_RANK[kept.date_method]:
                best[ev.acled_sub_event_type] = ev
        events.extend(sorted(best.values(), key=lambda e: e.trigger.start))
    merged = merge_mentions(events, own_place, anaphoric)
    return [ev.model_copy(update={"id": f"{parsed.doc_id[:12]}-e{i}"}) for i, ev in enumerate(merged)]


def q_text(q: Quantity) -> str:
    value = q.vague or (f"{q.value:g}" if q.value is not None else "?")
    return " ".join(x for x in (value, q.of or q.unit) if x)
