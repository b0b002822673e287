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
    "attack": Trigger(BATTLES, "Armed clash", _VN),  # refined by target and weapon
    "offensive": Trigger(BATTLES, "Armed clash", _N),
    "raid": Trigger(BATTLES, "Armed clash", _VN),
    "skirmish": Trigger(BATTLES, "Armed clash", _VN),
    "combat": Trigger(BATTLES, "Armed clash", _N),
    "gunfight": Trigger(BATTLES, "Armed clash", _N),
    "shootout": Trigger(BATTLES, "Armed clash", _N),
    "repulse": Trigger(BATTLES, "Armed clash", _V),
    "besiege": Trigger(BATTLES, "Armed clash", _V),
    "siege": Trigger(BATTLES, "Armed clash", _N),
    "surround": Trigger(BATTLES, "Armed clash", _V),
    "shoot": Trigger(BATTLES, "Armed clash", _V),  # "shot down a helicopter"
    "downing": Trigger(BATTLES, "Armed clash", _N),  # "the downing of a missile": refined by weapon
    "take": Trigger(BATTLES, "Non-state actor overtakes territory", _V),  # only "take over"
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
    "detonate": Trigger(REMOTE, "Remote explosive/landmine/IED", _V),
    "bombing": Trigger(REMOTE, "Air/drone strike", _N),
    "hit": Trigger(REMOTE, "Shelling/artillery/missile attack", _V),  # refined by weapon
    "target": Trigger(REMOTE, "Shelling/artillery/missile attack", _V),
    "pound": Trigger(REMOTE, "Shelling/artillery/missile attack", _V),
    # Damage whose cause the text leaves open: in this war's reporting, remote violence unless a
    # weapon or a military target says otherwise (see _triggers.refine).
    "damage": Trigger(REMOTE, "Shelling/artillery/missile attack", _VN),
    "destroy": Trigger(REMOTE, "Shelling/artillery/missile attack", _V),
    "destruction": Trigger(REMOTE, "Shelling/artillery/missile attack", _N),
    # Violence against civilians
    "execute": Trigger(VAC, "Attack", _V),
    "massacre": Trigger(VAC, "Attack", _VN),
    "abduct": Trigger(VAC, "Abduction/forced disappearance", _V),
    "abduction": Trigger(VAC, "Abduction/forced disappearance", _N),
    "kidnap": Trigger(VAC, "Abduction/forced disappearance", _V),
    "rape": Trigger(VAC, "Sexual violence", _VN),
    "torture": Trigger(VAC, "Attack", _VN),
    # Harm to people: an event of its own only when no other violent event in the sentence
    # carries it (then it gives that event its fatalities); see detect.CASUALTY_LEMMAS.
    "kill": Trigger(VAC, "Attack", _V),
    "killing": Trigger(VAC, "Attack", _N),
    "wound": Trigger(VAC, "Attack", _V),
    "injure": Trigger(VAC, "Attack", _V),
    "casualty": Trigger(VAC, "Attack", _N),
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
    "detention": Trigger(STRATEGIC, "Arrests", _N),
    "agreement": Trigger(STRATEGIC, "Agreement", _N),
    "convoy": Trigger(STRATEGIC, "Change to group/activity", _N),
    "column": Trigger(STRATEGIC, "Change to group/activity", _N),
    "deploy": Trigger(STRATEGIC, "Change to group/activity", _V),
    "deployment": Trigger(STRATEGIC, "Change to group/activity", _N),
    "buildup": Trigger(STRATEGIC, "Change to group/activity", _N),
    "build-up": Trigger(STRATEGIC, "Change to group/activity", _N),
    "mobilize": Trigger(STRATEGIC, "Change to group/activity", _V),
    "mobilization": Trigger(STRATEGIC, "Change to group/activity", _N),
    "reinforcement": Trigger(STRATEGIC, "Change to group/activity", _N),
    "loot": Trigger(STRATEGIC, "Looting/property destruction", _V),
    "steal": Trigger(STRATEGIC, "Looting/property destruction", _V),
    "plunder": Trigger(STRATEGIC, "Looting/property destruction", _V),
    "demine": Trigger(STRATEGIC, "Disrupted weapons use", _V),
    "defuse": Trigger(STRATEGIC, "Disrupted weapons use", _V),
}

# "pull" triggers only with these particles; "talk" only with these modifiers.
PARTICLE_REQUIRED = {"pull": {"out", "back"}, "shoot": {"down"}, "take": {"over"}}
MODIFIER_REQUIRED = {
    "talk": {"peace", "ceasefire"},
    "strike": {"air", "drone", "missile", "rocket", "artillery", "munition", "cluster", "bomb"},
    "column": {"military", "armored", "armoured", "tank", "vehicle", "russian", "ukrainian"},
}
# "missile", "rocket": a weapon named alone ("armed with missiles") is no event; it is one as the
# subject of an impact verb ("a missile landed", "rockets slammed into"), or as the head of a
# headline ("Missile strike on Kharkiv"). See _triggers.
WEAPON_NOUNS = {"missile", "rocket"}
IMPACT_VERBS = {"land", "slam", "fall", "hit", "strike", "explode", "crash", "rain", "pound"}

# The instrument named in the clause decides the kind of remote violence (ACLED's sub-types).
WEAPON_SUBTYPES: list[tuple[frozenset[str], str]] = [
    (frozenset({"chemical", "sarin", "chlorine"}), "Chemical weapon"),
    (frozenset({"suicide"}), "Suicide bomb"),
    (frozenset({"grenade"}), "Grenade"),
    (frozenset({"drone", "airstrike", "air", "aircraft", "jet", "plane", "warplane", "helicopter",
                "bomber", "bombing", "aerial"}), "Air/drone strike"),
    (frozenset({"mine", "landmine", "ied", "booby", "tripwire"}), "Remote explosive/landmine/IED"),
    (frozenset({"missile", "rocket", "shell", "shelling", "artillery", "mortar", "grad", "mlrs",
                "howitzer", "cluster", "munition", "iskander", "kalibr", "tochka", "smerch",
                "uragan", "tornado"}), "Shelling/artillery/missile attack"),
]
# Military targets and equipment: destroying or capturing them is part of a battle.
MILITARY_NOUNS = {
    "tank", "vehicle", "apc", "bmp", "btr", "helicopter", "aircraft", "jet", "convoy", "column",
    "artillery", "equipment", "weaponry", "troops", "soldier", "unit", "position", "base",
    "airbase", "depot", "drone", "truck", "howitzer", "launcher", "mlrs", "armor", "armour",
    "military", "ammunition", "warship", "ship", "boat", "plane",
}
CIVILIAN_NOUNS = {
    "civilian", "resident", "villager", "people", "child", "children", "family", "woman",
    "women", "man", "men", "refugee", "evacuee", "journalist", "volunteer", "passenger",
}
# Verbs that make an event only with military equipment or troops as subject or object
# ("equipment moving west", "a train transporting tanks").
MOVEMENT_VERBS = {"move", "transport", "carry", "mass", "amass", "gather", "arrive", "head", "roll", "fly",
                  "drive", "hide", "dig",
                  "station", "redeploy", "relocate", "concentrate"}
# Evidence of an attack that a monitor's short description names in place of a verb ("Oil depot
# on fire in Okhtyrka", "Artillery craters in Kharkiv", "Aftermath of strike"): an event only in
# headline grammar (see _triggers.is_fragment), never in running prose.
ATTACK_EVIDENCE = {"fire", "blaze", "flame", "smoke", "crater", "aftermath", "wreckage", "debris",
                   "fragment", "ruin", "rubble", "burn", "burning", "shrapnel", "incendiary", "booster",
                   "impact", "remnant"}
# Harm to people named without a verb in a monitor's description ("Bodies lie in the street",
# "Deceased civilians in X"): violence against civilians unless a weapon says otherwise.
CASUALTY_EVIDENCE = {"body", "bodies", "corpse", "deceased", "dead", "victim", "injured", "wounded"}
# Forces seen somewhere ("Russian troops in Bucha", "T-72 tank spotted in Kherson"): a change
# in the forces' activity, the way monitors of troop movements record presence.
SIGHTING_VERBS = {"see", "spot", "film", "observe", "record", "photograph", "sight", "notice", "locate"}
FORCE_NOUNS = {"troops", "troop", "force", "forces", "soldier", "fighter", "unit", "tank", "vehicle",
               "convoy", "column", "equipment", "artillery", "weaponry", "paratrooper", "apc", "btr",
               "bmp", "helicopter", "launcher", "mlrs", "howitzer", "personnel", "movement", "camp",
               "buildup", "position", "line", "checkpoint", "truck", "plane", "jet", "aircraft",
               "warplane", "drone", "army", "military", "servicemen", "serviceman", "lorry", "lorries",
               "tent", "system"}
# Verbs that make an attack of their object when it is a weapon ("incendiary weapons used in X",
# "launched cluster munitions").
WEAPON_USE_VERBS = {"use", "launch", "fire", "deploy", "drop"}
WEAPON_WORDS = {"weapon", "munition", "missile", "rocket", "shell", "bomb", "incendiary", "grenade",
                "artillery", "mortar", "drone", "mlrs", "grad"}

# Setting up a position: a base established ("troops setting up a checkpoint").
BASE_VERBS = {"set", "establish", "build", "erect"}
BASE_NOUNS = {"base", "checkpoint", "camp", "headquarters", "roadblock", "outpost", "position"}
# "came under fire", "is on fire": an attack named by its fire, in any sentence.
FIRE_PREPS = {"under", "on"}

# Troops received, welcomed or greeted by residents: they entered the place (a liberation or a
# capture, by the side the troops belong to).
ARRIVAL_VERBS = {"enter", "welcome", "greet", "receive", "cheer"}

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
    "hit": "hit", "killed": "kill", "destroyed": "destroy", "damaged": "damage",
}
