"""ACLED's event taxonomy and PLOVER's event types as typed enumerations.

ACLED: 6 event types, 25 sub-event types, each under one disorder type (ACLED codebook, 2023).
PLOVER: the 16 event types of the PLOVER ontology (PLOVER manual, 2021). Hand-written: neither
codebook ships as a package. `SUB_TYPES` gives each ACLED sub-type its parent type, disorder type
and the PLOVER type and mode the same sub-type takes by default (events/_coding.py).
The enumerations are `StrEnum`s: a member equals its codebook string, so records and the store
keep the plain names.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class EventType(StrEnum):
    BATTLES = "Battles"
    REMOTE_VIOLENCE = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING_ARTILLERY_MISSILE_ATTACK = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE_LANDMINE_IED = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION_FORCED_DISAPPEARANCE = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE_AGAINST_PROTESTERS = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP_ACTIVITY = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING_PROPERTY_DESTRUCTION = "Looting/property destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "Non-violent transfer of territory"
    OTHER = "Other"


class DisorderType(StrEnum):
    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    POLITICAL_VIOLENCE_DEMONSTRATIONS = "Political violence; Demonstrations"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class PloverType(StrEnum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class SubType(NamedTuple):
    event_type: EventType
    disorder_type: DisorderType
    plover_type: PloverType
    plover_mode: str | None


_E, _S, _D, _P = EventType, SubEventType, DisorderType, PloverType
_PV, _DEM, _PVD, _SD = _D.POLITICAL_VIOLENCE, _D.DEMONSTRATIONS, _D.POLITICAL_VIOLENCE_DEMONSTRATIONS, _D.STRATEGIC_DEVELOPMENTS

SUB_TYPES: dict[SubEventType, SubType] = {
    _S.ARMED_CLASH: SubType(_E.BATTLES, _PV, _P.ASSAULT, "firearms"),
    _S.GOVERNMENT_REGAINS_TERRITORY: SubType(_E.BATTLES, _PV, _P.COERCE, "seize"),
    _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY: SubType(_E.BATTLES, _PV, _P.COERCE, "seize"),
    _S.CHEMICAL_WEAPON: SubType(_E.REMOTE_VIOLENCE, _PV, _P.ASSAULT, "cbrn"),
    _S.AIR_DRONE_STRIKE: SubType(_E.REMOTE_VIOLENCE, _PV, _P.ASSAULT, "aerial"),
    _S.SUICIDE_BOMB: SubType(_E.REMOTE_VIOLENCE, _PV, _P.ASSAULT, "suicide-attack"),
    _S.SHELLING_ARTILLERY_MISSILE_ATTACK: SubType(_E.REMOTE_VIOLENCE, _PV, _P.ASSAULT, "heavy-weapons"),
    _S.REMOTE_EXPLOSIVE_LANDMINE_IED: SubType(_E.REMOTE_VIOLENCE, _PV, _P.ASSAULT, "explosives"),
    _S.GRENADE: SubType(_E.REMOTE_VIOLENCE, _PV, _P.ASSAULT, "explosives"),
    _S.SEXUAL_VIOLENCE: SubType(_E.VIOLENCE_AGAINST_CIVILIANS, _PV, _P.ASSAULT, "sexual"),
    _S.ATTACK: SubType(_E.VIOLENCE_AGAINST_CIVILIANS, _PV, _P.ASSAULT, None),
    _S.ABDUCTION_FORCED_DISAPPEARANCE: SubType(_E.VIOLENCE_AGAINST_CIVILIANS, _PV, _P.ASSAULT, "abduct"),
    _S.PEACEFUL_PROTEST: SubType(_E.PROTESTS, _DEM, _P.PROTEST, "demo"),
    _S.PROTEST_WITH_INTERVENTION: SubType(_E.PROTESTS, _DEM, _P.PROTEST, "demo"),
    _S.EXCESSIVE_FORCE_AGAINST_PROTESTERS: SubType(_E.PROTESTS, _PVD, _P.ASSAULT, "beat"),
    _S.VIOLENT_DEMONSTRATION: SubType(_E.RIOTS, _PVD, _P.PROTEST, "riot"),
    _S.MOB_VIOLENCE: SubType(_E.RIOTS, _PV, _P.ASSAULT, "beat"),
    _S.AGREEMENT: SubType(_E.STRATEGIC_DEVELOPMENTS, _SD, _P.AGREE, None),
    _S.ARRESTS: SubType(_E.STRATEGIC_DEVELOPMENTS, _SD, _P.COERCE, "arrest"),
    _S.CHANGE_TO_GROUP_ACTIVITY: SubType(_E.STRATEGIC_DEVELOPMENTS, _SD, _P.MOBILIZE, "troops"),
    _S.DISRUPTED_WEAPONS_USE: SubType(_E.STRATEGIC_DEVELOPMENTS, _SD, _P.COERCE, "confiscate"),
    _S.HEADQUARTERS_OR_BASE_ESTABLISHED: SubType(_E.STRATEGIC_DEVELOPMENTS, _SD, _P.MOBILIZE, "troops"),
    _S.LOOTING_PROPERTY_DESTRUCTION: SubType(_E.STRATEGIC_DEVELOPMENTS, _SD, _P.COERCE, "confiscate"),
    _S.NON_VIOLENT_TRANSFER_OF_TERRITORY: SubType(_E.STRATEGIC_DEVELOPMENTS, _SD, _P.RETREAT, "withdraw"),
    _S.OTHER: SubType(_E.STRATEGIC_DEVELOPMENTS, _SD, _P.COERCE, None),
}

__all__ = ["SUB_TYPES", "DisorderType", "EventType", "PloverType", "SubEventType", "SubType"]
