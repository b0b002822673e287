"""Cues of the recogniser that look at tokens and entries only: the preposition before a name,
a facility after it, a verb taking it as object, whether an entry can name a facility, a
dateline, an abbreviation, an upper-case headline.

Hand-written: these English constructions of war and local reporting have no library model.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.places._words import COMPASS_WORDS, FACILITY_NOUNS, LOCATIVE, PLACE_VERBS
from wirecoder.places.gazetteer import Candidate

# A place named inside an organisation's name counts when it is at least this big or a region:
# below it, "Jackson" in "Jackson Hewitt" is a surname more often than a town.
SEAT_POPULATION = 5_000


def preposition_before(doc: Doc, i: int) -> str:
    """The lower-cased word before token i, skipping lower-case compass and centre words ("in
    central Kyiv", "across northern Syria") and up to a few describing words ("in nearby Bucha",
    "on besieged Mariupol", "in Russian-occupied Kherson"): the preposition that governs the name."""
    k = i - 1
    skipped = 0
    while k > 0 and skipped < MAX_DESCRIBING_WORDS and _describes(doc, k):
        k -= 1
        skipped += 1
    return doc[k].lower_ if k >= 0 else ""


# War copy puts at most a few words between a preposition and a town: "in the Russian-occupied"
# is four tokens; more than that is another construction.
MAX_DESCRIBING_WORDS = 4


def _describes(doc: Doc, k: int) -> bool:
    """Whether doc[k] is a word describing the name after it: a lower-case compass word,
    adjective or participle ("nearby", "besieged"), or part of a hyphenated one ("Russian-occupied")."""
    token = doc[k]
    if token.is_lower and (token.lower_ in COMPASS_WORDS or token.pos_ == "ADJ" or token.tag_ == "VBN"):
        return True
    if token.text == "-" and not token.whitespace_:
        return True
    return k + 1 < len(doc) and doc[k + 1].text == "-" and not token.whitespace_ and token.is_alpha


def is_name_token(token: Token) -> bool:
    """A proper noun, or a capitalised word inside a sentence that the small model tags NOUN in
    headline fragments ("Explosion in central Kyiv")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and not token.is_sent_start and is_cap(token))


def facility_after(doc: Doc, j: int) -> str | None:
    """The facility noun a name before doc[j] qualifies: "X railway station", "X's oil depot",
    "X TV tower" (up to two words between); None if there is none. A capitalised facility word
    makes a proper name ("Washington Latin School", "Mykolaiv Oncology Hospital"), often after a
    person: that case is left to the organisation-name rule (`_names_seat`)."""
    k = j
    if k < len(doc) and doc[k].lower_ in ("'s", "’s"):
        k += 1
    for m in range(k, min(len(doc), k + 3)):
        token = doc[m]
        if token.lower_ in FACILITY_NOUNS and token.pos_ in ("NOUN", "PROPN") and token.is_lower:
            return token.lower_
        if not token.is_alpha or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
    return None


# A sentence's first word tagged as one of these is a common word ("Water tower damaged"), even
# where a place shares it; an unknown town there is tagged PROPN or ADJ.
COMMON_POS = frozenset({"NOUN", "VERB", "ADV", "PRON", "DET", "ADP", "AUX"})


def object_of_place_verb(doc: Doc, i: int, j: int) -> bool:
    """Whether the run doc[i:j] is the direct object of a verb such as enter, shell, face."""
    head = doc[j - 1]
    if i > 0 and doc[i - 1].lower_ == "the":
        return False  # "hit the Crescent": a thing with a name, not a town
    return head.dep_ == "dobj" and head.head.pos_ == "VERB" and head.head.lemma_ in PLACE_VERBS


def can_seat(c: Candidate) -> bool:
    """Whether an entry is a town or region big enough to name a facility after: under its own
    name, or a sizeable town under another spelling ("Chuhuiv" for Chuhuyiv). "Power" is an
    alternate name of Power County, but "Power station" is no county's station."""
    if c.name_kind == 0:
        return c.feature in ("ADM1", "ADM2", "PPLC") or (c.is_populated_place and c.population >= FACILITY_POPULATION)
    return c.name_kind in (1, 3) and c.is_populated_place and c.population >= SEAT_POPULATION


# A town named before a facility counts from this size: "the Sviatohirsk monastery" (a town of
# 4,000) is a place; below it, first words of facility names are often surnames or hamlets.
FACILITY_POPULATION = 1_000


def is_cap(token: Token) -> bool:
    return is_cap_text(token.text)


def is_cap_text(text: str) -> bool:
    """A capitalised word: an upper-case first character and a letter somewhere."""
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


# "\x96" and "\x97" are the en and em dashes of Windows-1252 text decoded as Latin-1.
_DATELINE_AFTER = frozenset({",", "-", "--", "—", "(", "–", ":", "―", "\x96", "\x97"})


def is_dateline(doc: Doc, i: int, j: int) -> bool:
    """ "BEIRUT:", "HUME –", "DeKALB --": an upper-case name opening a sentence or line and
    followed by a dateline mark."""
    letters = [ch for t in doc[i:j] for ch in t.text if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) < 0.6 * len(letters) or len(letters) < 2:
        return False
    starts = doc[i].is_sent_start or (i > 0 and ("\n" in doc[i - 1].whitespace_ + doc[i - 1].text or doc[i - 1].text == "."))
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.is_space and j + 1 < len(doc) and "\n" not in nxt.text:
        nxt = doc[j + 1] if nxt.text.count(" ") < 2 else None  # "TEGA CAY  Local fire crews"
        if nxt is None:
            return starts
    return starts and nxt is not None and (nxt.text in _DATELINE_AFTER or nxt.text.startswith("--"))


def all_caps_sentence(doc: Doc, i: int) -> bool:
    """Whether token i stands in an upper-case headline after a locative word or a verb such as
    strike ("MISSILES STRIKE LVIV", "FIGHTING IN SUMY"), where a short upper-case word is a
    word, not an abbreviation ("AID HUB" stays a common word)."""
    words = [t for t in doc[i].sent if t.is_alpha and len(t) > 1]
    if len(words) < 3 or sum(t.is_upper for t in words) < 0.8 * len(words) or i == 0:
        return False
    before = doc[i - 1].lower_
    return preposition_before(doc, i) in LOCATIVE or before in PLACE_VERBS or before.rstrip("s") in PLACE_VERBS


def is_abbreviation(text: str) -> bool:
    """ "NATO", "Ky.": short upper-case or dotted words, which match places only as a country's
    or state's abbreviation."""
    letters = [ch for ch in text if ch.isalpha()]
    return (text.isupper() and len(letters) <= 4) or ("." in text and len(letters) <= 5)

