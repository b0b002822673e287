"""Find events: a trigger, then its actor, date, place, figures and source, coded ACLED and PLOVER.

Per clause: triggers come from the lexicon (see _triggers.py), arguments from the dependency
parse. Each event records how its date was found (`date_method`), whether it rests on a claim, and
its status. Mentions of one event in several sentences are folded into one (see _merge.py).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span, Token

from wirecoder._timevalue import date_range, time_precision
from wirecoder.events._actors import Actor, actor_for, is_pronoun, normalise_actor
from wirecoder.events._anchor import (
    BACKGROUND_DAYS,
    agreement_made,
    clause_date,
    confidence,
    in_history,
    is_cumulative,
    is_description,
    own_date,
    sentence_dates,
)
from wirecoder.events._coding import ACLED, plover_for
from wirecoder.events._lexicon import (
    ARRIVAL_VERBS,
    ATTEMPT_VERBS,
    DATED_ONLY,
    DISPATCH_VERBS,
    FORCE_NOUNS,
    MOVEMENT_VERBS,
    PLACE_PARTS,
    PREVENT_VERBS,
    Trigger,
)
from wirecoder.events._merge import merge_mentions
from wirecoder.events._place import (
    COUNTRY_FEATURES,
    FAR_EDGES,
    antecedent,
    below_country,
    best_place,
    coordinated,
    countries_by_mentions,
    focus_town,
    in_reach,
    place_distance,
    refers_back,
    region_seat,
    usable_places,
)
from wirecoder.events._realis import TEMPORAL_PREPS, realis
from wirecoder.events._triggers import (
    CASUALTY_LEMMAS,
    find_trigger,
    is_fragment,
    refine,
    territory_for_actor,
)
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
from wirecoder.rulebook import sides
from wirecoder.timex import time_for_clause

STAGE = "events"
# Clause-forming dependencies: a time or place inside one of these belongs to another verb.
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj"}


def _clause_tokens(tok: Token) -> list[Token]:
    """The trigger's own clause: its subtree without nested clauses, plus the head verb's
    direct modifiers when the trigger is a noun or an xcomp ("attempting to advance")."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(
            c for c in t.children
            if c.dep_ not in _CLAUSE_DEPS or c == tok
            or (c.dep_ == "conj" and not any(g.tag_.startswith("VB") or g.pos_ == "AUX" for g in c.subtree))
        )  # "into the west of the country and along Belarus": a coordinated phrase, not a clause
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head != head:
        # "a series of explosions at a depot near X": the quantifying noun carries the phrase
        head = head.head
        out.extend(t for c in head.children if c.dep_ not in _CLAUSE_DEPS and tok not in c.subtree for t in c.subtree)
        out.append(head)
        tok = head
        head = tok.head
    if tok.dep_ in ("xcomp", "dobj", "pobj", "nsubj", "nsubjpass", "acl", "advcl", "pcomp") and head != tok:
        for c in head.children:
            if c != tok and c.dep_ in ("npadvmod", "prep", "advmod", "nsubj", "nsubjpass", "agent"):
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
            node = node.head if node.head != node else None
        else:
            break
    return None


def _status(claim: Claim | None, *, announced: bool) -> tuple[str, bool]:
    """(status, claimed): announced (a decision told as made), claimed, denied, or confirmed by
    the outlet."""
    if announced:
        return "announced", claim is not None
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
    if tok.pos_ != "VERB":
        return False  # a noun in a relative clause ("which shows the attack on journalists") is judged on its own
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl":
            return True
        if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or node.head == node:
            return False
        node = node.head
    return False


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


# Sub-types for which a decision told as made ("announced it would withdraw", "ordered a
# mobilisation", "declared a ceasefire") is the event; for the others it is a plan.
_ANNOUNCED_EVENTS = {"Non-violent transfer of territory", "Agreement", "Other"}
# What a violent event leaves: an event of its own only when nothing else in the sentence caused it.
_CONSEQUENCES = frozenset(CASUALTY_LEMMAS | {"damage", "destroy", "destruction"})
# Developments that happen in the actor's own country when the text names no place.
_AT_HOME = frozenset({"mobilize", "mobilise", "mobilization", "mobilisation"})
# Nouns ("the Minsk agreements", "peace talks") that only refer to an event unless a
# verb makes, holds or breaks them or a date of their own says when.
_NEEDS_MAKING = {"agreement", "deal", "accord", "ceasefire", "truce", "talk", "negotiation"}
# "the region" refers to a place named at most this many characters before its sentence.
_ANAPHORA_CHARS = 600
_BORDER_WORDS = {"border", "borders", "frontier", "doorstep", "frontline", "front-line"}
# Monitors' short descriptions are written in headline grammar; in a long article a verbless
# sentence is a caption, a quote fragment or rhetoric, read as headline grammar only when first.
_SHORT_TEXT_SENTENCES = 5




def _locative(tok: Token, clause: Sequence[Token]) -> bool:
    """The clause says where, with a concrete place noun ("breaking out in the vicinity of the river
    crossings"), not only "in the east" or "against Ukraine"."""
    return any(
        t.dep_ == "prep" and t.lower_ in ("in", "near", "at", "around", "outside", "along", "on", "across")
        and any(g.lemma_.lower() in PLACE_PARTS for c in t.children if c.dep_ == "pobj" for g in c.subtree)
        for t in clause
    )


# Verbs whose date is the day something was said, not the day of what is said.
_REPORTING = frozenset({"say", "tell", "report", "announce", "state", "add", "note", "write", "claim",
                        "warn", "declare", "explain", "confirm", "insist", "argue", "post", "publish"})


@functools.cache
def _state_words() -> frozenset[str]:
    return frozenset(w for w, _, kind in sides() if kind == "state")


def _on_a_state(tok: Token) -> bool:
    """An attack on a whole state of the war ("Putin's attack on Ukraine", "the aggression
    against Russia"): the war itself, not an incident."""
    states = _state_words()
    return any(
        c.dep_ == "prep" and c.lower_ in ("on", "against") and g.dep_ == "pobj" and g.lower_ in states
        for c in tok.children for g in c.children
    )


def _dates_itself(tok: Token, governing: TimeExpression | None) -> bool:
    """Whether the time expression dates the trigger itself ("the invasion on 24 February",
    "launched its invasion back in February", "in late February following Russia's invasion"),
    not the statement it sits in ("underperformed in Putin's invasion, the ministry said this
    week")."""
    if governing is None:
        return False
    if tok.pos_ == "VERB":
        return True
    span = tok.doc.char_span(governing.prov.start, governing.prov.end, alignment_mode="expand")
    if span is None:
        return False
    owners = {a.i for a in span.root.ancestors}
    if tok.i in owners:
        return True  # "the invasion on 24 February"
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() in _REPORTING:
        return False
    if tok.dep_ in ("dobj", "obj") and tok.head.i == verb.i:
        return True  # "launched its invasion back in February"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i in owners:
        return True  # "in the first hours of its invasion on February 24"
    # "spoke out in late February following Russia's invasion": a temporal phrase beside the date
    return tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS and tok.head.head.i == verb.i


def find_events(
    parsed: ParsedArticle,
    times: Sequence[TimeExpression],
    places: Sequence[PlaceMention],
    claims: Sequence[Claim],
    quantities: Sequence[Quantity],
    *,
    gazetteer: Any = None,
) -> list[Event]:
    """Events in the article, each with ACLED and PLOVER codes, actors, date, place, figures,
    source, kind (incident, background incident, generic mention) and confidence; mentions of one
    event in several sentences folded into one.

    Kind: a candidate is an incident when its clause reports that it happened (realis: no modal,
    future, plan, threat, appeal, condition, negation, question, habit or summary frames it) and
    it is anchored (see _anchor.py); an incident dated more than three weeks before publication
    is background; everything else is a generic mention with its reason.

    Date: the time expression of the trigger's clause, else the date of the statement the event
    is claimed in, else the article's news day (`narrative`), else the publication date (marked
    so). Place: a place in the trigger's phrase, else one near it in the sentence (never one
    named for comparison or distance, nor a strike's origin); a region is coded at its seat when
    the gazetteer is given; the country when the text names no place. Places listed together
    ("in Chernihiv, Zhytomyr and Lviv") make one event each.
    """
    published = parsed.article.published
    text = parsed.text
    news_day = _news_day(times, published)
    ranked_countries = countries_by_mentions(places)
    land = ranked_countries[0] if ranked_countries else None
    war_parties = {side.country for _, side, _ in sides() if side.forces and side.country}
    short_text = len(parsed.sentences) <= _SHORT_TEXT_SENTENCES
    # A short description is about the one town it names; an article needs it named repeatedly.
    focus = focus_town(places, at_least=1) if short_text else focus_town(places)
    countries = {p.country_code: p for p in places if (p.feature or "") in COUNTRY_FEATURES and p.lat is not None}
    dated = sentence_dates(times, len(parsed.sentences))
    events: list[Event] = []
    own_place: dict[str, bool] = {}
    anaphoric: dict[str, bool] = {}
    last_actor: Actor | None = None
    for sent in parsed.sentences:
        span = parsed.spacy_sentence(sent.index)
        fragment = is_fragment(span) and (short_text or sent.index == 0)
        sent_times = [t for t in times if sent.start <= t.prov.start < sent.end]
        day_times = [t for t in sent_times if t.type in (TimexType.DATE, TimexType.TIME) and t.resolved]
        sent_places = [p for p in places if sent.start <= p.prov.start < sent.end]
        sent_quants = [q for q in quantities if sent.start <= q.prov.start < sent.end]
        history = in_history(sent.index, dated, published)
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
            frame = realis(tok, strategic=trig.event_type == "Strategic developments")
            reason = found.reason or frame.reason
            announced = frame.announced
            if announced and trig.sub_event_type not in _ANNOUNCED_EVENTS:
                reason, announced = reason or "plan", False  # "announced it would send troops": a plan
            status, claimed = _status(claim, announced=announced)
            if reason == "denied":  # "denied that its forces shelled Kharkiv on Tuesday": a denied event
                reason, status, claimed = found.reason, "denied", True

            # -- when
            date, method, has_own_date, statement = None, "none", False, False
            governing = time_for_clause(parsed, tok.idx, tok.idx + len(tok.text), day_times)
            if governing is None and tok.pos_ == "VERB":
                governing = clause_date(clause, day_times)
            if governing is not None:
                date, date_reason, has_own_date = own_date(governing, published, text)
                reason = reason or date_reason
                method = "governing" if date else "none"
            if date is None:
                if _is_undated_background(tok):
                    reason = reason or "relative-clause"
                if claim is not None and (said_on := _statement_date(claim, claims, sent.index)):
                    date, method = said_on, "statement"
                    statement = announced or frame.tense in ("past", "perfect", "nominal")
                elif claim is not None and claim.speaker is not None and news_day is not None:
                    # A named source reporting what was done, in an article about one news day:
                    # the statement is of that day ("the governor stated on Telegram that troops
                    # had stolen equipment").
                    date, method = news_day, "narrative"
                    statement = frame.tense in ("past", "perfect") and claim.speaker.entity_type != "unknown"
                elif news_day is not None:
                    date, method = news_day, "narrative"
                elif published is not None:
                    date, method = published.isoformat(), "publication"
            date_value = date.split("T")[0] if date else None

            # -- who
            actor_tok = _actor_token(tok)
            if found.lemma in ARRIVAL_VERBS:  # "soldiers were received by villagers": the soldiers act
                actor_tok = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), actor_tok)
            if actor_tok is not None and (actor_tok == tok or tok in actor_tok.subtree):
                actor_tok = None  # "Firefights are breaking out": the event is no actor
            if actor_tok is not None and any(
                p.role == "location" and p.prov.start <= actor_tok.idx < p.prov.end
                and (actor_tok.dep_ == "nsubjpass" or fragment or (p.feature or "") not in COUNTRY_FEATURES)
                for p in sent_places
            ):  # fmt: skip
                actor_tok = None  # "Kharkiv shelled again": a town is the target, not the actor
            if actor_tok is not None and actor_tok.ent_type_ in ("DATE", "TIME"):
                actor_tok = None  # "Tuesday's attack"
            if actor_tok is not None and actor_tok.tag_ in ("WDT", "WP"):
                # "the Russian Federation, which ... started a war": the noun the clause describes
                relcl = next((a for a in actor_tok.ancestors if a.dep_ == "relcl"), None)
                actor_tok = relcl.head if relcl is not None else actor_tok
            actor: Actor | None = None
            if actor_tok is not None:
                phrase = _phrase(actor_tok)
                actor = _resolve_pronoun(actor_tok, last_actor) if is_pronoun(phrase) else actor_for(actor_tok, gazetteer)
            if actor is not None and actor.country is not None:
                last_actor = actor

            if trig.sub_event_type == "Non-violent transfer of territory" and actor and actor.country and actor.country not in war_parties:
                # "the United States decided to withdraw their soldiers from Ukraine": no territory
                # changes hands; a third state's forces change their activity
                trig = Trigger("Strategic developments", "Change to group/activity", trig.pos)

            other = _actor2(tok)

            # -- where
            avoid = {t.idx for t in actor_tok.subtree} if actor_tok is not None else set()
            if claim is not None and claim.speaker is not None:  # "Russia's defence ministry said ..."
                avoid |= {p.prov.start for p in sent_places if claim.speaker.start <= p.prov.start < claim.speaker.end}
            usable = usable_places(
                sent_places, text, avoid=avoid, remote=trig.event_type == "Explosions/Remote violence", doc=tok.doc
            )
            own_places = [p for p in usable if lo <= p.prov.start < hi]
            near_places = [p for p in usable if place_distance(p, tok) <= FAR_EDGES and in_reach(p, tok)]
            clause_anchor = any(below_country(p, text) for p in own_places) or bool({t.lower_ for t in clause} & _BORDER_WORDS)
            if trig.sub_event_type == "Change to group/activity" and own_places:
                # troops moved to or drilling in a named country ("moved 3,000 troops to Poland",
                # "manoeuvres are underway in Belarus"); "is sending troops" is not done yet
                clause_anchor = not (frame.tense == "progressive" or (tok.tag_ == "VBG" and tok.dep_ == "ROOT"))
            sentence_anchor = any(below_country(p, text) for p in near_places)
            place = best_place([*own_places, *(p for p in near_places if p not in own_places)], tok)
            named_in = from_country = False
            if place is None:  # "Kyiv TV tower", "Okhtyrka City Council": the facility's town
                place = next(
                    (p for p in sent_places if p.role == "actor" and p.lat is not None
                     and (p.feature or "").startswith("PPL") and p.prov.start not in avoid),
                    None,
                )  # fmt: skip
                named_in = place is not None
            from_focus = False
            if place is None or (place.feature or "") in COUNTRY_FEATURES:
                # "in the region", "the governor of the region": the place named just before, else
                # the town the article is about
                earlier = antecedent(span, places, sent.start) if refers_back(span) else None
                if earlier is not None and sent.start - earlier.prov.start < _ANAPHORA_CHARS:
                    place, from_focus = earlier, True
                    clause_anchor = clause_anchor or refers_back(clause)
                elif focus is not None and (short_text or refers_back(span) or _locative(tok, clause)):
                    place, from_focus = focus, True
                    clause_anchor = clause_anchor or refers_back(clause)
            if place is None:
                # No place in the text: the country, as analysts code it (geo precision 3): the
                # actor's own for a mobilisation, else the country the document is about.
                own = actor.country if actor and found.lemma in _AT_HOME else None
                target = other.country if other is not None else None
                if target is None and found.lemma in DATED_ONLY and actor and actor.country:
                    # "started an all-out war", "Russia's invasion": the war is fought in the
                    # other party's country the document names most
                    target = next((c for c in ranked_countries if c != actor.country and c in war_parties), None)
                place = countries.get(own or target or land or "")
                from_country = place is not None

            # -- is it an incident?
            if status == "denied" and method != "governing" and not clause_anchor:
                reason = reason or "denied"  # "Russia denies attacking civilians": a denial of a practice
            if reason == "accusation" and (clause_anchor or sentence_anchor):
                # "accused Ukraine of attacking an oil depot in Belgorod": a specific incident a
                # party says happened is a claimed event; "of trying to destroy Russia" is not.
                reason, claimed = None, True
                status = "denied" if status == "denied" else "claimed"
            war_itself = found.lemma in DATED_ONLY or (tok.pos_ == "NOUN" and _on_a_state(tok))
            if reason is None and war_itself and not (has_own_date and _dates_itself(tok, governing)):
                reason = "generic"  # "Russia's invasion of Ukraine", "Putin's attack on Ukraine": the war itself
            if reason is None and tok.pos_ == "NOUN" and found.lemma in _NEEDS_MAKING and not (
                (has_own_date and _dates_itself(tok, governing)) or agreement_made(tok)
            ):
                reason = "generic"
            if reason is None and is_description(tok):
                reason = "generic"
            if reason is None and trig.event_type != "Strategic developments" and is_cumulative(tok, clause, span):
                reason = "summary"
            if reason is None and history and method != "governing" and not statement and frame.tense == "past":
                reason = "unanchored"  # told in a passage about the past (simple past), with no date of its own
            counted = found.lemma not in CASUALTY_LEMMAS and any(
                lo <= q.prov.start < hi and q.value is not None and not q.vague for q in sent_quants
            )
            if reason is None and not (has_own_date or clause_anchor or fragment):
                present = frame.tense in ("present", "progressive")
                located = _locative(tok, clause) and (statement or claim is not None) and method in ("statement", "narrative")
                if (present and not located) or (not present and not (statement or sentence_anchor or counted)):
                    reason = "unanchored"
            kind = "generic" if reason else "incident"
            span_dates = date_range(date_value)
            if (
                kind == "incident" and published is not None and span_dates is not None
                and method == "governing" and (published - span_dates[1]) > dt.timedelta(days=BACKGROUND_DAYS)
            ):  # fmt: skip
                kind = "background"

            place_country = land or (place.country_code if place else None)
            trig = territory_for_actor(trig, found.lemma, actor.country if actor else None, place_country)

            quantity = next((q for q in sent_quants if lo <= q.prov.start < hi), None)
            plover_type, plover_mode = plover_for(trig.sub_event_type, found.lemma)
            temp_id = f"t{len(own_place)}"
            # the place is named in the event's own sentence (not the country or the focus stood in)
            own_place[temp_id] = (
                place is not None and not from_country and not from_focus and not named_in
                and not (place.feature or "").startswith("STM")
            )  # fmt: skip
            anaphoric[temp_id] = _is_anaphoric(tok)
            seat = region_seat(place, gazetteer) if place is not None and not from_country else None
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
                    name=place.name, lat=seat[0] if seat else place.lat, lon=seat[1] if seat else place.lon,
                    geonames_id=place.geonames_id, feature=place.feature, country_code=place.country_code,
                    admin1=place.admin1,
                ) if place else None,  # fmt: skip
                geo_precision=(3 if from_country or from_focus else 2 if named_in else place.geo_precision) if place else None,
                source=claim.speaker.canonical if claim and claim.speaker else None,
                claim_id=claim.id if claim else None,
                claimed=claimed,
                status=status,  # type: ignore[arg-type]
                event_kind=kind,  # type: ignore[arg-type]
                reason=reason,  # type: ignore[arg-type]
                confidence=confidence(
                    kind=kind, own_date=has_own_date, own_place=clause_anchor, sentence_place=sentence_anchor,
                    statement=statement, claimed=claimed,
                ),
                quantity=(q_text(quantity) if quantity else None),
            )
            candidates.append((event, found.lemma, trig.event_type != "Strategic developments"))
            if place is not None and own_place[temp_id]:
                for n, extra in enumerate(coordinated(place, usable, tok)):
                    at = region_seat(extra, gazetteer) or (extra.lat, extra.lon)
                    twin = f"{temp_id}.{n}"
                    own_place[twin], anaphoric[twin] = True, anaphoric[temp_id]
                    candidates.append((event.model_copy(update={
                        "id": twin, "geo_precision": extra.geo_precision,
                        "place": EventPlace(name=extra.name, lat=at[0], lon=at[1], geonames_id=extra.geonames_id,
                                            feature=extra.feature, country_code=extra.country_code, admin1=extra.admin1),
                    }), found.lemma, trig.event_type != "Strategic developments"))  # fmt: skip
        if fragment and len(candidates) > 1:  # "Destroyed Russian tank": the tank is no sighting
            candidates = [c for c in candidates if c[1] not in FORCE_NOUNS] or candidates
        deaths = _fatalities(span, sent_quants)
        # Harm to people and damage belong to the violent event that caused them, when the
        # sentence has one; troops moved in an invasion are the invasion.
        if any(violent and lemma not in _CONSEQUENCES and ev.event_kind != "generic" for ev, lemma, violent in candidates):
            candidates = [c for c in candidates if c[1] not in _CONSEQUENCES]
        if any(lemma in DATED_ONLY and ev.event_kind != "generic" for ev, lemma, _ in candidates):
            candidates = [c for c in candidates if c[1] not in MOVEMENT_VERBS | DISPATCH_VERBS]
        # One event of a kind per sentence and place: an incident over a mention, then the
        # best-dated one. Several incidents of one kind are several events when their own places
        # differ ("deployed troops to Poland and to Romania").
        best: dict[str, dict[str | None, Event]] = {}
        for ev, _, violent in candidates:
            if deaths is not None and violent:
                ev = ev.model_copy(update={"fatalities": deaths})
            where = best.setdefault(ev.acled_sub_event_type, {})
            key = ev.place.name if ev.place and own_place[ev.id] else None
            kept = where.get(key)
            if kept is None or (ev.event_kind == "generic", DATE_METHOD_RANK[ev.date_method]) < (
                kept.event_kind == "generic", DATE_METHOD_RANK[kept.date_method]
            ):
                where[key] = ev
        for where in best.values():
            placed = [e for k, e in where.items() if k is not None]
            events.extend(placed or list(where.values()))  # a mention with no place of its own joins a placed one
        events.sort(key=lambda e: e.trigger.start)
    merged = merge_mentions(events, own_place, anaphoric)
    return [ev.model_copy(update={"id": f"{parsed.doc_id[:12]}-e{i}"}) for i, ev in enumerate(merged)]


def q_text(q: Quantity) -> str:
    value = q.vague or (f"{q.value:g}" if q.value is not None else "?")
    return " ".join(x for x in (value, q.of or q.unit) if x)
