"""Word lists of the recogniser: which nearby words make a capitalised name a place or not.

Hand-written: no pinned package carries English word lists that tell these constructions apart
(a town modifying "man", a news outlet's last word, a town's own offices).
"""

from __future__ import annotations

LOCATIVE = frozenset({
    "in", "at", "from", "near", "around", "to", "toward", "towards", "into", "outside", "across",
    "through", "via", "between", "throughout", "inside", "within", "of", "nearby", "beyond", "out",
    "and", "or", "onto", "along", "over", "past", "north", "south", "east", "west",
})  # fmt: skip

# Prepositions that put an organisation-labelled name in place ("in Whitestown").
STRONG_LOCATIVE = frozenset({
    "in", "at", "near", "from", "outside", "into", "throughout", "through", "over", "across",
    "inside", "toward", "towards",
})  # fmt: skip

CONNECTORS = frozenset({"of", "de", "del", "la", "le", "du", "des", "upon", "on", "-", "el", "al"})

# Capitalised common words that are also the names of small places (Street, England; North,
# Cameroon's region): alone, they need a place label or a pattern. Hand-written: the pinned
# packages carry no English word list that tells a common word from a name.
GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "central", "western", "eastern", "northern", "southern",
    "northeast", "northwest", "southeast", "southwest", "center", "centre", "street", "road",
    "avenue", "park", "valley", "ridge", "airport", "union", "police", "day", "town", "village",
    "city", "area", "court", "market", "station", "college", "lake", "creek", "hills", "metro",
    "region", "first", "act", "free", "no", "god", "man", "side", "grand", "delta", "commerce",
    "hall", "wood", "glacier", "lot", "olympic", "wilderness", "home", "church", "bay", "beach",
    "island", "river", "mountain", "highway", "bridge", "school", "university", "state", "county",
    "federal", "national", "capitol", "harbor", "harbour", "port", "gulf", "sea", "ocean", "lakes",
    "forest", "hill", "springs", "falls", "heights", "mill", "plains", "republic", "kingdom",
})  # fmt: skip

# Nouns a place name modifies in local news ("a Winona man", "Chicopee residents", "Cowley police
# station"): the name is where the people or thing are from. Hand-written: no package lists them.
RESIDENT_NOUNS = frozenset({
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "teen", "teens", "teenager",
    "teenagers", "youth", "couple", "family", "families", "resident", "residents", "native",
    "natives", "homeowner", "homeowners", "citizen", "citizens", "police", "firefighters",
    "homes", "houses", "residences", "churches", "stores",
    "officials", "official", "officers", "voters", "students", "schools", "school", "businesses",
    "business", "home", "house", "residence", "neighborhood", "neighbourhood", "area", "mayor",
    "council", "councillor", "councilman", "township", "city", "town", "village", "county",
    "community", "communities", "church", "hospital", "station", "pub", "store", "shop",
    "restaurant", "farmers", "workers", "fans", "players", "team", "motorist", "driver",
})  # fmt: skip

# What a place "has" in news copy ("Greer's main business district", "Ontario's largest cities").
OWNED_NOUNS = frozenset({
    "largest", "biggest", "main", "downtown", "city", "mayor", "governor", "premier",
    "population", "economy", "capital", "streets", "limits", "outskirts", "suburbs", "center",
    "centre", "district", "districts", "neighborhoods", "neighbourhoods", "borders", "border",
    "coast", "history", "oldest", "busiest", "second", "third", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "central",
})  # fmt: skip

# Last words of news outlets' names: "Kyiv Post" names a paper, not a place, even where the
# document names Kyiv as a place elsewhere.
MEDIA_WORDS = frozenset({
    "post", "times", "herald", "journal", "tribune", "news", "independent", "telegraph",
    "gazette", "guardian", "observer", "daily", "chronicle", "press", "express", "mail", "star",
    "sun", "courier", "register", "record", "review", "inquirer", "dispatch", "bulletin",
    "standard", "today", "tv", "radio",
})  # fmt: skip

# Capitalised words that begin organisation names and are also small places somewhere.
ORG_WORDS = frozenset({
    "university", "commerce", "chamber", "homeland", "human", "justice", "superior", "green",
    "hope", "bank", "police", "department", "board", "league", "society", "institute",
    "council", "community", "memorial", "medical", "general", "american", "united", "royal",
    "international", "global", "pacific", "atlantic", "america", "europe", "white", "saint",
})  # fmt: skip

# First words of a town's or county's own offices and services ("Rock Hill City Manager",
# "Cookville Fire Chief", "Athens Parks and Recreation"): the name before them is the place.
OFFICE_WORDS = frozenset({
    "fire", "police", "city", "county", "town", "township", "village", "borough", "mayor",
    "sheriff", "parks", "public", "school", "schools", "board", "council", "commonwealth",
    "commonwealth's", "municipal", "water", "utilities", "library", "housing", "planning",
    "zoning", "emergency", "rescue", "volunteer", "area", "regional", "community", "chamber",
    "elks", "lions", "rotary", "kiwanis", "high", "middle", "elementary", "senior", "harbour",
    "harbor", "historical", "heritage",
})  # fmt: skip

# Words that put a place's part before its name inside an organisation's name ("North Arlington
# Neighbors", "United Way of Metropolitan Atlanta").
COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "central", "metropolitan", "greater", "metro", "downtown", "upper", "lower",
})  # fmt: skip

# US party letters before a legislator's home town ("D-Raleigh", "DFL-Chisholm").
PARTIES = frozenset({"D", "R", "I", "DFL", "Ind"})

# Facilities a town's name can precede in war and local reporting ("the Okhtyrka railway
# station", "Mykolaiv Oncology Hospital", "Kyiv TV tower"): the town is where the facility is, so
# the place is the event's location (near the town), not an actor. Hand-written for the same
# reason as the lists above.
FACILITY_NOUNS = frozenset({
    "hospital", "clinic", "university", "uni", "school", "college", "academy", "lyceum",
    "kindergarten", "airbase", "airport", "airfield", "base", "barracks", "station", "depot",
    "terminal", "port", "tower", "bridge", "dam", "plant", "factory", "refinery", "warehouse",
    "market", "mall", "center", "centre", "stadium", "theatre", "theater", "museum", "library",
    "church", "cathedral", "monastery", "mosque", "synagogue", "checkpoint", "building",
    "buildings", "headquarters", "zoo", "square", "hotel", "cafe", "restaurant", "pool",
    "prison", "substation", "mine", "shipyard", "pier", "embankment", "council",
    "hall", "office", "offices", "bakery", "supermarket", "maternity", "park",
})  # fmt: skip

# Verbs whose direct object is a place in war reporting ("forces entering Slavutych", "guns
# facing Izyum", "troops encircled Mariupol"): the object names where it happens.
PLACE_VERBS = frozenset({
    "enter", "leave", "shell", "attack", "capture", "surround", "besiege", "bomb", "strike",
    "hit", "face", "reach", "approach", "encircle", "storm", "seize", "occupy", "liberate",
    "recapture", "retake", "defend", "evacuate", "bombard", "target", "raid", "invade", "flee",
    "cross", "blockade", "overrun",
})  # fmt: skip

# Titles before a surname ("Mr Bell", "Gen. Milley"): the name after one is a person, whatever
# town shares it.
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "gen", "col", "maj", "capt", "lt", "sgt", "adm",
    "sen", "rep", "gov", "president", "minister", "secretary", "general", "colonel", "mayor",
    "sir", "lord", "lady", "father", "pope", "king", "queen", "prince", "chancellor", "premier",
})  # fmt: skip
