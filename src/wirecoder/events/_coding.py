"""ACLED's event taxonomy (6 types, 25 sub-types, with their disorder type) and its PLOVER coding.

Hand-written tables: neither codebook ships as a package. The ACLED rows follow ACLED's codebook
(2023 edition); the PLOVER column gives the PLOVER event type and mode that the same sub-type
takes (PLOVER manual and its CAMEO-to-PLOVER table). Where a sub-type spans several PLOVER
types (ACLED's "Other", "Looting/property destruction"), the trigger decides: see `plover_for`.
"""

from __future__ import annotations

from typing import NamedTuple

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubType(NamedTuple):
    event_type: str
    disorder_type: str
    plover_type: str
    plover_mode: str | None


_PV, _DEM, _SD = POLITICAL_VIOLENCE, DEMONSTRATIONS, STRATEGIC_DEVELOPMENTS
_PV_DEM = f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"

ACLED: dict[str, SubType] = {
    # Battles
    "Armed clash": SubType("Battles", _PV, "ASSAULT", "firearms"),
    "Government regains territory": SubType("Battles", _PV, "COERCE", "seize"),
    "Non-state actor overtakes territory": SubType("Battles", _PV, "COERCE", "seize"),
    # Explosions/Remote violence
    "Chemical weapon": SubType("Explosions/Remote violence", _PV, "ASSAULT", "cbrn"),
    "Air/drone strike": SubType("Explosions/Remote violence", _PV, "ASSAULT", "aerial"),
    "Suicide bomb": SubType("Explosions/Remote violence", _PV, "ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": SubType("Explosions/Remote violence", _PV, "ASSAULT", "heavy-weapons"),
    "Remote explosive/landmine/IED": SubType("Explosions/Remote violence", _PV, "ASSAULT", "explosives"),
    "Grenade": SubType("Explosions/Remote violence", _PV, "ASSAULT", "explosives"),
    # Violence against civilians
    "Sexual violence": SubType("Violence against civilians", _PV, "ASSAULT", "sexual"),
    "Attack": SubType("Violence against civilians", _PV, "ASSAULT", None),
    "Abduction/forced disappearance": SubType("Violence against civilians", _PV, "ASSAULT", "abduct"),
    # Protests
    "Peaceful protest": SubType("Protests", _DEM, "PROTEST", "demo"),
    "Protest with intervention": SubType("Protests", _DEM, "PROTEST", "demo"),
    "Excessive force against protesters": SubType("Protests", _PV_DEM, "ASSAULT", "beat"),
    # Riots
    "Violent demonstration": SubType("Riots", _PV_DEM, "PROTEST", "riot"),
    "Mob violence": SubType("Riots", _PV, "ASSAULT", "beat"),
    # Strategic developments
    "Agreement": SubType("Strategic developments", _SD, "AGREE", None),
    "Arrests": SubType("Strategic developments", _SD, "COERCE", "arrest"),
    "Change to group/activity": SubType("Strategic developments", _SD, "MOBILIZE", "troops"),
    "Disrupted weapons use": SubType("Strategic developments", _SD, "COERCE", "confiscate"),
    "Headquarters or base established": SubType("Strategic developments", _SD, "MOBILIZE", "troops"),
    "Looting/property destruction": SubType("Strategic developments", _SD, "COERCE", "confiscate"),
    "Non-violent transfer of territory": SubType("Strategic developments", _SD, "RETREAT", "withdraw"),
    "Other": SubType("Strategic developments", _SD, "COERCE", None),
}

EVENT_TYPES = tuple(dict.fromkeys(s.event_type for s in ACLED.values()))

# Triggers whose PLOVER coding differs from their sub-type's default.
_PLOVER_BY_LEMMA: dict[str, tuple[str, str | None]] = {
    "talk": ("CONSULT", "meet"),
    "negotiation": ("CONSULT", "meet"),
    "meet": ("CONSULT", "meet"),
    "annex": ("COERCE", "seize"),
    "annexation": ("COERCE", "seize"),
    "destroy": ("ASSAULT", "destroy"),
    "destruction": ("ASSAULT", "destroy"),
    "damage": ("ASSAULT", "destroy"),
    "burn": ("ASSAULT", "destroy"),
    "ceasefire": ("RETREAT", "ceasefire"),
    "truce": ("RETREAT", "ceasefire"),
    "execute": ("ASSAULT", "execute"),
    "kill": ("ASSAULT", None),
}


def plover_for(sub_event_type: str, lemma: str) -> tuple[str, str | None]:
    """PLOVER (event type, mode) for an ACLED sub-type raised by the trigger `lemma`.

    Example:
        >>> plover_for("Non-violent transfer of territory", "withdraw")
        ('RETREAT', 'withdraw')
    """
    if lemma in _PLOVER_BY_LEMMA:
        return _PLOVER_BY_LEMMA[lemma]
    sub = ACLED[sub_event_type]
    return sub.plover_type, sub.plover_mode
