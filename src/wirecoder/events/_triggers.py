"""Which tokens trigger an event, and which ACLED sub-type the clause around them makes of it.

Hand-written over the dependency parse: no package codes English clauses to ACLED sub-types.
The word tables live in _lexicon.py; this module holds the few decisions that need the parse:
states and hypotheticals, negation, headline grammar, the weapon or target that refines a
sub-type, and verbs that make an event only with a military subject or object.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from wirecoder.events._lexicon import (
    ABSTRACT_OBJECTS,
    ARRIVAL_VERBS,
    ATTACK_EVIDENCE,
    BASE_NOUNS,
    BASE_VERBS,
    BATTLES,
    CASUALTY_EVIDENCE,
    CIVILIAN_NOUNS,
    DEMINING_OBJECTS,
    DEMINING_VERBS,
    DISPATCH_VERBS,
    EXCHANGE_OBJECTS,
    FIRE_PREPS,
    FORCE_NOUNS,
    IMPACT_VERBS,
    INFRASTRUCTURE_NOUNS,
    IRREGULAR_PAST,
    MILITARY_NOUNS,
    MODIFIER_REQUIRED,
    MOVEMENT_VERBS,
    NOT_KINETIC,
    OFFICIAL_WORDS,
    PARTICLE_REQUIRED,
    PERSONNEL_NOUNS,
    REMOTE,
    SIGHTING_VERBS,
    STATE_VERBS,
    STRATEGIC,
    SUMMARY_SUBJECTS,
    TERRITORY_NOUNS,
    TRIGGERS,
    VAC,
    WAR_START_VERBS,
    WEAPON_NOUNS,
    WEAPON_SUBTYPES,
    WEAPON_USE_VERBS,
    WEAPON_WORDS,
    Trigger,
)
from wirecoder.rulebook import realis_cues

_OBJECT_DEPS = ("dobj", "obj", "nsubjpass", "attr")
# Harm to people: raises an event only when nothing else in the sentence carries it.
CASUALTY_LEMMAS = {"kill", "killing", "wound", "injure", "casualty"}
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


class Found(NamedTuple):
    trigger: Trigger
    lemma: str
    reason: str | None = None  # set when the trigger is only a generic mention (records.AbstainReason)


def is_fragment(sent: Span) -> bool:
    """A headline or a short description with no finite verb ("Apartment block hit by missile",
    "Destroyed Russian tank near X", "Burning down of warehouse in Kyiv"): its participles and
    nouns report events."""
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent):
        return False
    return sent.root.pos_ in ("NOUN", "PROPN") or sent.root.tag_ in ("VBN", "VBG")


def _is_state_or_hypothetical(tok: Token, fragment: bool) -> bool:
    """"locations retaken from Russian forces", "a destroyed village": a participle modifying a
    noun describes a state, not a new event; "A withdrawal would mark ...": a hypothetical."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in CASUALTY_LEMMAS and any(
        c.dep_ == "npadvmod" or (c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "near")) for c in tok.children
    ):
        return False  # "two soldiers killed in Ukraine today": a reduced relative clause reports the harm
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBG" and tok.lemma_.lower() in STATE_VERBS:
        return True  # "the military presence surrounding Ukraine": a state
    if tok.dep_ in ("amod", "compound") or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        if fragment:
            return False  # headline grammar: "Footage of destroyed theatre", "Shelled station"
        # ... unless an auxiliary stands right before it: 'had "stolen equipment' is a verb the
        # parser misread because of the opening quote mark.
        prev = tok.nbor(-1) if tok.i > 0 else None
        while prev is not None and prev.is_punct and prev.i > 0:
            prev = prev.nbor(-1)
        return not (prev is not None and prev.lemma_ in ("have", "be"))
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
        return any(c.dep_ == "aux" and c.lower_ in realis_cues()["aux"] for c in tok.head.children)
    return False


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if lemma == "build" and tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" and tok.nbor(2).lower_ == "up":
        return "build-up"  # "the build-up of troops", split by the tokenizer
    if tok.lower_ == "up" and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "build":
        return "build-up"  # ... with "up" as the phrase's head
    if tok.pos_ == "PROPN":  # capitalised headline words: "Shelled train station"
        low = tok.lower_
        lemma = next(
            (c for c in (low, low[:-2], low[:-1], low[:-3]) if c in TRIGGERS and len(c) > 2),
            IRREGULAR_PAST.get(low, lemma),
        )
    if lemma not in TRIGGERS and tok.lower_ in IRREGULAR_PAST:  # the small model misses some
        lemma = IRREGULAR_PAST[tok.lower_]
    return lemma


def _words(tokens: list[Token] | Span) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _arguments(tok: Token) -> list[Token]:
    """The trigger's object or patient phrase, and for a participle or noun the noun it
    modifies ("Destroyed Russian tank", "damage to buildings", "destruction of homes")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in ("to", "of", "on")):
            out.extend(c.subtree)
    if tok.dep_ in ("amod", "acl") or (tok.dep_ == "compound" and tok.pos_ != "VERB"):
        out.append(tok.head)
        out.extend(c for c in tok.head.children if c.dep_ in ("compound", "amod"))
    return out


def _subject(tok: Token) -> list[Token]:
    node = tok
    for _ in range(3):  # "killing thousands and destroying cities": conjuncts share a subject
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return list(c.subtree)
        if node.dep_ != "conj":
            break
        node = node.head
    return []


def _fragment_trigger(tok: Token, lemma: str) -> Trigger | None:
    """Headline grammar: the evidence of an attack or of harm, or forces named where they were
    seen."""
    low = tok.lower_
    if (lemma in ATTACK_EVIDENCE or low in ATTACK_EVIDENCE) and tok.pos_ in ("NOUN", "VERB", "PROPN"):
        return Trigger(REMOTE, "Shelling/artillery/missile attack", frozenset({"NOUN", "VERB"}))
    if (lemma in CASUALTY_EVIDENCE or low in CASUALTY_EVIDENCE) and tok.pos_ in ("NOUN", "ADJ", "VERB"):
        return Trigger(VAC, "Attack", frozenset({"NOUN", "ADJ"}))
    if lemma == "shoot" or (lemma == "fire" and tok.tag_ == "VBG"):  # "fighters shooting in X"
        return Trigger(BATTLES, "Armed clash", frozenset({"VERB"}))
    if tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN"):
        head = {tok.lemma_.lower(), tok.lower_}
        compounds = {c.lower_ for c in tok.children if c.dep_ == "compound"}
        placed = any(c.dep_ == "prep" for c in tok.children) or any(c.dep_ in ("amod", "compound") for c in tok.children)
        if head & FORCE_NOUNS and placed:
            return Trigger(STRATEGIC, "Change to group/activity", frozenset({"NOUN"}))
        if (head | compounds) & (WEAPON_WORDS - FORCE_NOUNS) and placed:
            # "Rocket motor in a park in X", "Tochka-U rocket in X": what an attack left behind
            return Trigger(REMOTE, "Shelling/artillery/missile attack", frozenset({"NOUN"}))
    return None


_FOUND_VERBS = {"lie", "find", "discover", "recover", "exhume", "see", "remain"}


def _subject_heads(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]


def _head_words(heads: list[Token]) -> set[str]:
    """Lemmas of the head words (not their whole phrases), and PROPN for a proper name."""
    return {h.lemma_.lower() for h in heads} | {"PROPN" for h in heads if h.pos_ == "PROPN"}


def _special_noun(tok: Token, lemma: str) -> Trigger | None:
    """Nouns that make an event only with the right governor or complement: a war started ("in
    February started an all-out war"), an exchange of prisoners."""
    if lemma in ("war", "operation") and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in WAR_START_VERBS:
        if lemma == "war" or {c.lower_ for c in tok.children} & {"military", "special", "ground"}:
            return Trigger(BATTLES, "Armed clash", frozenset({"NOUN"}))
    if lemma in ("exchange", "swap") and _words([g for c in tok.children if c.dep_ in ("prep", "compound")
                                                 for g in c.subtree]) & EXCHANGE_OBJECTS:  # fmt: skip
        return Trigger(STRATEGIC, "Agreement", frozenset({"NOUN"}))
    return None


def _special(tok: Token, lemma: str) -> Trigger | None:
    """Verbs that make an event only with the right participants."""
    if tok.pos_ == "NOUN":
        return _special_noun(tok, lemma)
    if tok.pos_ != "VERB":
        return None
    args = _words(_arguments(tok))
    if lemma in DEMINING_VERBS and args & DEMINING_OBJECTS:
        return Trigger(STRATEGIC, "Disrupted weapons use", frozenset({"VERB"}))
    subject = _words(_subject(tok))
    if lemma in _FOUND_VERBS and subject & {"body", "bodies", "corpse", "corpses"}:
        return Trigger(VAC, "Attack", frozenset({"VERB"}))  # "bodies lie in the street", "were found"
    if lemma in BASE_VERBS and args & BASE_NOUNS and (subject & FORCE_NOUNS or lemma != "set"):
        return Trigger(STRATEGIC, "Headquarters or base established", frozenset({"VERB"}))
    if lemma in WEAPON_USE_VERBS and (args | subject) & WEAPON_WORDS:
        return Trigger(REMOTE, "Shelling/artillery/missile attack", frozenset({"VERB"}))
    if lemma in DISPATCH_VERBS and _head_words([c for c in tok.children if c.dep_ in ("dobj", "obj")]) & PERSONNEL_NOUNS:
        return Trigger(STRATEGIC, "Change to group/activity", frozenset({"VERB"}))  # "sent 3,000 troops"
    if lemma == "fall" and _head_words(_subject_heads(tok)) & (TERRITORY_NOUNS | {"PROPN"}):
        return Trigger(BATTLES, "Non-state actor overtakes territory", frozenset({"VERB"}))  # "Kreminna has fallen"
    if lemma == "take" and _head_words([c for c in tok.children if c.dep_ in ("dobj", "obj")]) & TERRITORY_NOUNS:
        return Trigger(BATTLES, "Non-state actor overtakes territory", frozenset({"VERB"}))  # "took control of"
    if lemma in MOVEMENT_VERBS | SIGHTING_VERBS and (subject | args | _words([tok.head])) & FORCE_NOUNS:
        return Trigger(STRATEGIC, "Change to group/activity", frozenset({"VERB"}))
    if lemma in ARRIVAL_VERBS and subject & {"soldier", "troops", "troop", "force", "unit", "army"}:
        agents = _words([t for c in tok.children if c.dep_ == "agent" for t in c.subtree])
        if lemma == "enter" or agents & CIVILIAN_NOUNS:
            # The side is read off the actor later (detect.territory_for_actor).
            return Trigger(BATTLES, "Government regains territory", frozenset({"VERB"}))
    return None


# Subjects that make a summary of the war, not an event: "the conflict killing thousands".
_SUMMARY_SUBJECTS = SUMMARY_SUBJECTS


def _is_rule_of_conduct(tok: Token) -> bool:
    """"Our forces strike only military objects": a rule of conduct, not one event. (Habitual
    adverbs, "shelled almost daily", are realis cues: _realis.py.)"""
    return tok.tag_ in ("VBP", "VBZ") and any(
        c.lower_ == "only" for c in tok.subtree if c.dep_ in ("advmod", "amod", "preconj")
    )


def _is_participial_adjunct(tok: Token, lemma: str) -> bool:
    """", killing as many as 15,000 troops", ", displacing millions and destroying cities": a
    participle adding a consequence to its clause, not an event of its own."""
    if tok.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    if lemma in MOVEMENT_VERBS | DISPATCH_VERBS:
        return False  # ", amassing tens of thousands of troops": the movement is the news
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return node.tag_ == "VBG" and (node.dep_ == "advcl" or (node.dep_ == "acl" and lemma in CASUALTY_LEMMAS))


_VERB_CUES = (DEMINING_VERBS | MOVEMENT_VERBS | SIGHTING_VERBS | ARRIVAL_VERBS | BASE_VERBS
              | WEAPON_USE_VERBS | _FOUND_VERBS | DISPATCH_VERBS
              | {"fire", "fall", "take", "war", "operation", "exchange", "swap"})  # fmt: skip
_FRAGMENT_WORDS = ATTACK_EVIDENCE | CASUALTY_EVIDENCE | {"shoot"}


def _may_trigger(tok: Token, lemma: str, fragment: bool) -> bool:
    """A cheap test before the parse walks: could any rule below fire on this token?"""
    if lemma in TRIGGERS or lemma in _VERB_CUES:
        return True
    return fragment and (lemma in _FRAGMENT_WORDS or tok.lower_ in _FRAGMENT_WORDS or tok.dep_ == "ROOT")


def _generic_reason(tok: Token) -> str | None:
    """Why a trigger is war talk rather than an event, by the few tests on its own arguments;
    negation, modality and habit are read by realis (_realis.py) from the rulebook's cues."""
    if _head_words(_subject_heads(tok)) & _SUMMARY_SUBJECTS:
        return "summary"  # "the war has killed thousands"
    if _is_rule_of_conduct(tok):
        return "habitual"
    if tok.lemma_.lower() in ("casualty", "dead", "wounded", "injured") and tok.pos_ in ("NOUN", "ADJ"):
        return "summary"  # "heavy casualties", "the dead and wounded": a toll, not an incident
    return None


def find_trigger(tok: Token, fragment: bool) -> Found | None:
    """The event `tok` triggers, with its sub-type before refinement, or None when `tok` is no
    event word here. A trigger that is only a generic mention carries its `reason`."""
    found = _find_trigger(tok, fragment)
    if found is None:
        return None
    reason = _generic_reason(tok)
    return found._replace(reason=reason) if reason else found


_WITHDRAW_LEMMAS = {"withdraw", "withdrawal", "retreat", "pull"}
_PROTEST_LEMMAS = {"protest", "rally", "demonstrate", "demonstration"}


def _participants_fit(tok: Token, lemma: str) -> bool:
    """Words that are events only with the right participants: a blockade by forces ("troops
    were blocked"), a withdrawal from ground or by forces ("withdrew from Kherson", not "from
    talks"), a protest by people (not a government's protest note)."""
    subject = _subject_heads(tok)
    if tok.dep_ == "relcl":  # "the Russians, who were blocked": the relative pronoun stands for its noun
        subject = [*subject, tok.head]
    if lemma == "block":
        words = _words(_subject(tok)) | _words(_arguments(tok)) | _head_words(subject)
        return bool(words & (FORCE_NOUNS | MILITARY_NOUNS)) or any(
            h.pos_ == "PROPN" or h.ent_type_ in ("NORP", "GPE") for h in subject
        )
    if lemma in _WITHDRAW_LEMMAS:
        heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "out") for g in c.children
                 if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]  # fmt: skip
        if heads:
            return any(h.pos_ == "PROPN" or h.lemma_.lower() in TERRITORY_NOUNS | {"bank", "front", "positions", "line"} for h in heads)
        if tok.pos_ == "NOUN" and any(c.dep_ == "prep" for c in tok.children):
            return True  # "the withdrawal of troops"
        return True
    if lemma in ("hit", "strike", "target", "destroy", "damage", "attack") and tok.pos_ == "VERB":
        objects = _head_words([c for c in tok.children if c.dep_ in ("dobj", "obj")])
        return not objects & ABSTRACT_OBJECTS  # "hitting morale", "hit a record"
    if lemma in _PROTEST_LEMMAS:
        words = {h.lemma_.lower() for h in subject} | {h.lower_ for h in subject}
        return not (words & OFFICIAL_WORDS or any(h.ent_type_ in ("GPE", "NORP") or (h.pos_ == "PROPN" and h.ent_type_ in ("PERSON", "ORG")) for h in subject))
    return True


def _present_forces(tok: Token) -> Found | None:
    """"there are now 150,000 Russian troops on its borders": forces counted where they stand."""
    if tok.dep_ != "attr" or tok.lemma_.lower() not in PERSONNEL_NOUNS or tok.head.lemma_ != "be":
        return None
    if not any(t.lemma_.lower() in ("border", "frontier", "doorstep") for t in tok.sent):
        return None  # forces massed at a border; troops merely stationed somewhere are no change
    if not any(c.dep_ == "expl" for c in tok.head.children) or not any(c.like_num or c.dep_ == "nummod" for c in tok.subtree):
        return None
    return Found(Trigger(STRATEGIC, "Change to group/activity", frozenset({"NOUN"})), tok.lemma_.lower())


def _find_trigger(tok: Token, fragment: bool) -> Found | None:
    if (present := _present_forces(tok)) is not None:
        return present
    lemma = _lemma(tok)
    if not _may_trigger(tok, lemma, fragment):
        return None  # most tokens: no parse walk for them
    if _is_state_or_hypothetical(tok, fragment) or tok.dep_ == "attr":
        return None  # "this is a withdrawal": a description of an event told elsewhere
    if _is_participial_adjunct(tok, lemma):
        return None
    if lemma == "evacuate" and not (
        (_words(_subject(tok)) | _words(_arguments(tok))) & (FORCE_NOUNS | MILITARY_NOUNS)
        or any(c.pos_ == "PROPN" for c in tok.children if c.dep_ in ("dobj", "obj"))
    ):
        return None  # people or a hospital taken to safety: no transfer of territory
    if not _participants_fit(tok, lemma):
        return None
    if lemma == "fire" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in FIRE_PREPS:
        return Found(Trigger(REMOTE, "Shelling/artillery/missile attack", frozenset({"NOUN"})), lemma)
    special = _special(tok, lemma) or (_fragment_trigger(tok, lemma) if fragment else None)
    if special is not None:
        return Found(special, lemma)
    trig = TRIGGERS.get(lemma)
    if trig is None:
        return None
    # "Damaged houses": the small model tags some participles of headlines as adjectives.
    # Capitalised headline words come out as proper nouns ("Bombing of Neptune Pool").
    pos = {"ADJ": "VERB", "PROPN": "NOUN"}.get(tok.pos_, tok.pos_) if fragment else tok.pos_
    if pos not in trig.pos and not (lemma == "strike" and pos == "VERB") and lemma != "build-up":
        return None  # ("build" of a split "build-up" is tagged either way)
    if lemma in WEAPON_NOUNS and not (
        (tok.dep_ in ("nsubj", "pobj") and tok.head.lemma_.lower() in IMPACT_VERBS | {"by"})
        or (fragment and tok.dep_ == "ROOT")
    ):
        return None
    if lemma in PARTICLE_REQUIRED and not any(
        c.dep_ == "prt" and c.lower_ in PARTICLE_REQUIRED[lemma] for c in tok.children
    ):
        return None
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if modifiers & NOT_KINETIC:
        return None  # "cyber attacks", "information war": no ACLED event
    targeted = lemma == "strike" and any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children)
    if (lemma in MODIFIER_REQUIRED and tok.pos_ == "NOUN" and not fragment and not targeted
            and not modifiers & MODIFIER_REQUIRED[lemma]):  # "the strike on X": an attack on a target
        return None
    if lemma in DEMINING_VERBS and lemma in TRIGGERS and _words(_arguments(tok)) & DEMINING_OBJECTS:
        return Found(Trigger(STRATEGIC, "Disrupted weapons use", trig.pos), lemma)
    return Found(trig, lemma)


def _hits_a_named_place(tok: Token) -> bool:
    """The attack's object or its "on X" target is a named place ("attacks on Kiev")."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children if g.dep_ == "pobj"]
    return any(h.ent_type_ in ("GPE", "LOC", "FAC") or (h.pos_ == "PROPN" and h.ent_type_ != "PERSON") for h in heads)


def refine(found: Found, tok: Token, clause: list[Token]) -> Trigger:
    """The sub-type the clause makes of the trigger: the weapon decides the kind of remote
    violence, a military target turns destruction into a battle, civilians an attack into
    violence against civilians."""
    trig, lemma = found.trigger, found.lemma
    words = _words(clause)
    args = _words(_arguments(tok))
    # The weapon the trigger's own arguments name ("missiles were launched from bombers": the
    # missiles), else any the clause names.
    own_words = args | _words(_subject(tok))
    weapon = next((sub for names, sub in WEAPON_SUBTYPES if own_words & names), None) or next(
        (sub for names, sub in WEAPON_SUBTYPES if words & names), None
    )
    if lemma in ("damage", "destroy", "destruction", "capture", "seize") and args & MILITARY_NOUNS:
        return Trigger(BATTLES, "Armed clash", trig.pos)
    if lemma in ("destroy", "damage", "destruction") and not weapon and (
        words & {"fire", "burn", "arson", "loot"}
    ):
        return Trigger(STRATEGIC, "Looting/property destruction", trig.pos)
    if lemma in CASUALTY_LEMMAS or lemma in ("attack", "downing") or (trig.event_type, trig.sub_event_type) == (VAC, "Attack"):
        if weapon:
            return Trigger(REMOTE, weapon, trig.pos)
        victims = args | _words([t for c in tok.children if c.dep_ in ("compound", "amod") for t in c.subtree])
        victims |= _words(_subject(tok)) if tok.pos_ == "VERB" and tok.lemma_ in ("lie", "find", "remain") else set()
        if victims & CIVILIAN_NOUNS:
            return Trigger(VAC, "Attack", trig.pos)
        if lemma == "attack" and (victims & INFRASTRUCTURE_NOUNS or _hits_a_named_place(tok)):
            # "attacks on Kyiv", "attacking targets ... an oil depot": with no weapon named, what
            # strikes towns and facilities in this war is remote fire, not a ground battle
            return Trigger(REMOTE, "Shelling/artillery/missile attack", trig.pos)
        if trig.event_type == VAC and lemma not in CASUALTY_LEMMAS and lemma != "attack" and not victims & MILITARY_NOUNS:
            return trig  # the dead named without a side ("bodies lie in the street"): harm to civilians
        return Trigger(BATTLES, "Armed clash", trig.pos)
    if trig.event_type == REMOTE and weapon and lemma not in ("explosion", "explode", "blast", "detonate"):
        return Trigger(REMOTE, weapon, trig.pos)
    if trig.event_type == REMOTE and weapon == "Remote explosive/landmine/IED":
        return Trigger(REMOTE, weapon, trig.pos)
    return trig


_REGAIN_LEMMAS = {"recapture", "retake", "regain", "liberate", "liberation", "reclaim"}


def territory_for_actor(
    trig: Trigger, lemma: str, actor_country: str | None, land_country: str | None
) -> Trigger:
    """Territory changing hands: the government of the land regains it; anyone else overtakes
    it (ACLED counts a foreign state's forces as non-state for this sub-type). `land_country`
    is the document's focus country, else the place's. A "re-" verb ("recaptured",
    "liberated") says the actor held the land before, so only a clear mismatch overrides it."""
    if trig.sub_event_type not in _TERRITORY or actor_country is None:
        return trig
    if land_country is None:
        return trig if lemma in _REGAIN_LEMMAS else Trigger(BATTLES, "Non-state actor overtakes territory", trig.pos)
    if actor_country == land_country:
        return Trigger(BATTLES, "Government regains territory", trig.pos)
    return Trigger(BATTLES, "Non-state actor overtakes territory", trig.pos)
