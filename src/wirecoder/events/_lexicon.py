"""Trigger lexicon: word lemmas to ACLED event_type / sub_event_type (ACLED codebook, 2023).

Hand-written: no package maps English event words to ACLED categories. One row a lemma; `pos`
says whether the verb or the noun form triggers. Rows are data, so a new trigger is one line.
"""

from __future__ import annotations

from typing import NamedTuple

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"


class Trigger(NamedTuple):
    event_type: str
    sub_event_type: str
    pos: frozenset[str]


_V = frozenset({"VERB"})
_N = frozenset({"NOUN"})
_VN = frozenset({"VERB", "NOUN"})

TRIGGERS: dict[str, Trigger] = {
    # Battles
    "recapture": Trigger(BATTLES, "Government regains territory", _VN),
    "retake": Trigger(BATTLES, "Government regains territory", _V),
    "regain": Trigger(BATTLES, "Government regains territory", _V),
    "liberate": Trigger(BATTLES, "Government regains territory", _V),
    "liberation": Trigger(BATTLES, "Government regains territory", _N),
    "reclaim": Trigger(BATTLES, "Government regains territory", _V),
    "expel": Trigger(BATTLES, "Government regains territory", _V),
    "capture": Trigger(BATTLES, "Non-state actor overtakes territory", _VN),
    "seize": Trigger(BATTLES, "Non-state actor overtakes territory", _V),
    "occupy": Trigger(BATTLES, "Non-state actor overtakes territory", _V),
    "conquer": Trigger(BATTLES, "Non-state actor overtakes territory", _V),
    "clash": Trigger(BATTLES, "Armed clash", _VN),
    "fight": Trigger(BATTLES, "Armed clash", _VN),
    "fighting": Trigger(BATTLES, "Armed clash", _N),
    "firefight": Trigger(BATTLES, "Armed clash", _N),
    "battle": Trigger(BATTLES, "Armed clash", _VN),
    "repel": Trigger(BATTLES, "Armed clash", _V),
    "advance": Trigger(BATTLES, "Armed clash", _V),
    "invade": Trigger(BATTLES, "Armed clash", _V),
    "block": Trigger(BATTLES, "Armed clash", _V),
    "counterattack": Trigger(BATTLES, "Armed clash", _VN),
    "counteroffensive": Trigger(BATTLES, "Armed clash", _N),
    "assault": Trigger(BATTLES, "Armed clash", _VN),
    "ambush": Trigger(BATTLES, "Armed clash", _VN),
    "storm": Trigger(BATTLES, "Armed clash", _V),
    "encircle": Trigger(BATTLES, "Armed clash", _V),
    # Explosions/Remote violence
    "shell": Trigger(REMOTE, "Shelling/artillery/missile attack", _V),
    "shelling": Trigger(REMOTE, "Shelling/artillery/missile attack", _N),
    "bombard": Trigger(REMOTE, "Shelling/artillery/missile attack", _V),
    "bombardment": Trigger(REMOTE, "Shelling/artillery/missile attack", _N),
    "missile": Trigger(REMOTE, "Shelling/artillery/missile attack", _N),
    "rocket": Trigger(REMOTE, "Shelling/artillery/missile attack", _N),
    "airstrike": Trigger(REMOTE, "Air/drone strike", _N),
    "strike": Trigger(REMOTE, "Air/drone strike", _N),
    "bomb": Trigger(REMOTE, "Air/drone strike", _V),
    "explosion": Trigger(REMOTE, "Remote explosive/landmine/IED", _N),
    "explode": Trigger(REMOTE, "Remote explosive/landmine/IED", _V),
    "blast": Trigger(REMOTE, "Remote explosive/landmine/IED", _N),
    # Violence against civilians
    "execute": Trigger(VAC, "Attack", _V),
    "massacre": Trigger(VAC, "Attack", _VN),
    "abduct": Trigger(VAC, "Abduction/forced disappearance", _V),
    "kidnap": Trigger(VAC, "Abduction/forced disappearance", _V),
    "rape": Trigger(VAC, "Sexual violence", _VN),
    # Protests and riots
    "protest": Trigger(PROTESTS, "Peaceful protest", _VN),
    "rally": Trigger(PROTESTS, "Peaceful protest", _VN),
    "demonstrate": Trigger(PROTESTS, "Peaceful protest", _V),
    "demonstration": Trigger(PROTESTS, "Peaceful protest", _N),
    "riot": Trigger(RIOTS, "Violent demonstration", _VN),
    # Strategic developments
    "withdraw": Trigger(STRATEGIC, "Non-violent transfer of territory", _V),
    "withdrawal": Trigger(STRATEGIC, "Non-violent transfer of territory", _N),
    "retreat": Trigger(STRATEGIC, "Non-violent transfer of territory", _VN),
    "pull": Trigger(STRATEGIC, "Non-violent transfer of territory", _V),  # "pull out/back"
    "evacuate": Trigger(STRATEGIC, "Non-violent transfer of territory", _V),
    "annex": Trigger(STRATEGIC, "Other", _V),
    "annexation": Trigger(STRATEGIC, "Other", _N),
    "talk": Trigger(STRATEGIC, "Other", _N),  # "peace talks"
    "negotiation": Trigger(STRATEGIC, "Other", _N),
    "ceasefire": Trigger(STRATEGIC, "Agreement", _N),
    "truce": Trigger(STRATEGIC, "Agreement", _N),
    "arrest": Trigger(STRATEGIC, "Arrests", _VN),
    "detain": Trigger(STRATEGIC, "Arrests", _V),
    "loot": Trigger(STRATEGIC, "Looting/property destruction", _V),
    "steal": Trigger(STRATEGIC, "Looting/property destruction", _V),
    "plunder": Trigger(STRATEGIC, "Looting/property destruction", _V),
    "demine": Trigger(STRATEGIC, "Disrupted weapons use", _V),
    "defuse": Trigger(STRATEGIC, "Disrupted weapons use", _V),
}

# "pull" triggers only with these particles; "talk" only with these modifiers.
PARTICLE_REQUIRED = {"pull": {"out", "back"}}
MODIFIER_REQUIRED = {"talk": {"peace", "ceasefire"}, "strike": {"air", "drone", "missile"}}

# Removing mines or munitions ("sappers were removing thousands of landmines"): the verb is
# generic, its object makes the event.
DEMINING_VERBS = {"remove", "clear", "defuse", "neutralize", "destroy", "dispose"}
DEMINING_OBJECTS = {"mine", "landmine", "munition", "ordnance", "explosive", "uxo"}

# Words that make the governed event something that did not (yet) happen.
ANNOUNCE_VERBS = {"announce", "declare", "plan", "pledge", "promise", "threaten", "order", "vow", "intend"}
ATTEMPT_VERBS = {"attempt", "try", "seek", "aim", "prepare"}
PREVENT_VERBS = {"block", "prevent", "stop", "halt", "fail", "thwart"}
FUTURE_AUX = {"will", "would", "could", "may", "might", "shall", "should"}

# Past forms of triggers that en_core_web_sm sometimes returns as their own lemma.
IRREGULAR_PAST = {
    "retook": "retake", "retaken": "retake", "overtook": "overtake", "fought": "fight",
    "stole": "steal", "stolen": "steal", "shot": "shoot", "struck": "strike", "drew": "draw",
    "withdrew": "withdraw", "withdrawn": "withdraw", "blew": "blow",
}
