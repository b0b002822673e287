"""The event rules' word tables, read from the rulebook (rulebook/triggers.tsv, event_words.tsv,
weapons.tsv, irregular_past.tsv) and checked against ACLED's taxonomy when first imported.

The names below are what _triggers.py and detect.py test clauses against; to add a trigger or a
word, edit the table, not this module.
"""

from __future__ import annotations

from typing import NamedTuple

from wirecoder.rulebook import irregular_past, triggers, weapons, word_classes
from wirecoder.rulebook.taxonomy import EventType

BATTLES = EventType.BATTLES
REMOTE = EventType.REMOTE_VIOLENCE
VAC = EventType.VIOLENCE_AGAINST_CIVILIANS
PROTESTS = EventType.PROTESTS
RIOTS = EventType.RIOTS
STRATEGIC = EventType.STRATEGIC_DEVELOPMENTS


class Trigger(NamedTuple):
    event_type: str
    sub_event_type: str
    pos: frozenset[str]


_ROWS = triggers()
TRIGGERS: dict[str, Trigger] = {lemma: Trigger(r.event_type, r.sub_event_type, r.pos) for lemma, r in _ROWS.items()}
# "pull" triggers only with these particles; "talk" only with these modifiers.
PARTICLE_REQUIRED = {lemma: set(r.particles) for lemma, r in _ROWS.items() if r.particles}
MODIFIER_REQUIRED = {lemma: set(r.modifiers) for lemma, r in _ROWS.items() if r.modifiers}

_W = word_classes()
WEAPON_NOUNS = _W["weapon_noun"]
IMPACT_VERBS = _W["impact_verb"]
WEAPON_SUBTYPES: list[tuple[frozenset[str], str]] = [(w, str(s)) for w, s in weapons()]
MILITARY_NOUNS = _W["military_noun"]
CIVILIAN_NOUNS = _W["civilian_noun"]
PERSONNEL_NOUNS = _W["personnel_noun"]
MOVEMENT_VERBS = _W["movement_verb"]
DISPATCH_VERBS = _W["dispatch_verb"]
ATTACK_EVIDENCE = _W["attack_evidence"]
CASUALTY_EVIDENCE = _W["casualty_evidence"]
SIGHTING_VERBS = _W["sighting_verb"]
FORCE_NOUNS = _W["force_noun"]
WEAPON_USE_VERBS = _W["weapon_use_verb"]
WEAPON_WORDS = _W["weapon_word"]
BASE_VERBS = _W["base_verb"]
BASE_NOUNS = _W["base_noun"]
FIRE_PREPS = _W["fire_prep"]
ARRIVAL_VERBS = _W["arrival_verb"]
DEMINING_VERBS = _W["demining_verb"]
DEMINING_OBJECTS = _W["demining_object"]
ATTEMPT_VERBS = _W["attempt_verb"]
PREVENT_VERBS = _W["prevent_verb"]
SUMMARY_SUBJECTS = _W["summary_subject"]
FACTIVE_NOUNS = _W["factive_noun"]
AGREEMENT_VERBS = _W["agreement_verb"]
TERRITORY_NOUNS = _W["territory_noun"]
EXERCISE_NOUNS = _W["exercise_noun"]
EXCHANGE_OBJECTS = _W["exchange_object"]
WAR_START_VERBS = _W["war_start_verb"]
CUMULATIVE_CUES = _W["cumulative_cue"]
DATED_ONLY = _W["dated_only"]
INFRASTRUCTURE_NOUNS = _W["infrastructure_noun"]
IRREGULAR_PAST = irregular_past()
NOT_KINETIC = _W["not_kinetic"]
STATE_VERBS = _W["state_verb"]
ABSTRACT_OBJECTS = _W["abstract_object"]
OFFICIAL_WORDS = _W["official_word"]
PLACE_PARTS = _W["place_part"]
