"""What a recognised name is not, in war reporting: a political bloc rather than a place, a
yardstick rather than where something happened, a far-off namesake rather than the place meant.

Hand-written: no pinned package tells "the West" the bloc from West, Cameroon's region, or a
place named for comparison ("larger than Belgium") from one where something happened.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from wirecoder.parse import ParsedArticle
from wirecoder.places._fold import fold
from wirecoder.places._toponym import FACILITY_NAME, FACILITY_SEAT, Toponym
from wirecoder.places._words import COMPASS_WORDS
from wirecoder.places.gazetteer import Candidate

# Alliances, blocs and unions that news copy names like places ("talks in Nato", "the West's
# answer") while the gazetteer holds towns of that spelling (Nato in the Philippines; West, a
# region of Cameroon). They are actors, never places: their members lie in many countries. The
# planet is here too ("when the Earth freezes"): Earth, Texas is never meant.
BLOC_NAMES = frozenset({
    "nato", "otan", "eu", "e u", "west", "the west", "east", "the east", "csto", "osce", "g7",
    "g20", "brics", "asean", "un", "u n", "schengen", "schengen area", "warsaw pact", "earth",
    "the earth",
})  # fmt: skip


def is_bloc(t: Toponym) -> bool:
    """Whether the toponym names a bloc or alliance ("Nato", "the West")."""
    return fold(t.name) in BLOC_NAMES


def is_compass(t: Toponym) -> bool:
    """Whether the toponym is a lone compass word ("Southern", "North"): it names a direction or
    a part of something, never the far-off regions called that (Western Province, Rwanda)."""
    return fold(t.name) in COMPASS_WORDS and t.hint != "city"


# "larger than Belgium", "the size of France", "as big as Switzerland, the Netherlands or
# Belgium", "compared with Poland": a place named as a yardstick. The tail lets a list of names
# run between the cue and the toponym.
_NAME = r"(?:the\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*"
_LIST_TAIL = rf"(?:{_NAME}\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+))*(?:the\s+)?$"
_COMPARISON = re.compile(
    r"(?:\b(?:[a-z]+er|more|less|fewer|bigger|larger|smaller|rather|other)\s+(?:in\s+\w+\s+)?than"
    r"|\bthe\s+size\s+of|\bas\s+(?:big|large|small|populous|long|wide)\s+as|\bcompared\s+(?:to|with))\s+"
    + _LIST_TAIL
)
# "30km (19 miles) from the border with Nato member Poland", "16 miles from the Ukraine border":
# a distance from a country or region. Its point is the middle of the country, far from the
# border the text measures from, so it locates nothing; a distance from a town is kept (the town
# is the best point there is: "19 miles from Kyiv").
_UNIT = r"(?:km|kms|kilomet(?:er|re)s?|miles?|mi)"
_DISTANCE = re.compile(
    rf"\d[\d,.]*\s*(?:-\s*)?{_UNIT}\b(?:\s*\([^)]{{0,40}}\))?\s+(?:away\s+)?(?:from|of)\s+"
    r"(?:the\s+)?(?:(?:border|frontier)\s+(?:with|of)\s+)?(?:[A-Za-z]+\s+){0,2}?(?:the\s+)?$"
)


def yardstick(parsed: ParsedArticle, t: Toponym, c: Candidate | None) -> str | None:
    """Why the toponym is named as a yardstick rather than as where something happened, or None.

    Args:
        parsed: the parsed article.
        t: the toponym.
        c: its chosen entry, if any.

    Returns:
        A reason for the record, or None when the toponym is no yardstick.

    Example:
        >>> yardstick(parsed, belgium, belgium_entry)  # "a territory larger than Belgium"
        'named for comparison ("larger than Belgium"), not where anything happened'
    """
    sent = parsed.sentence_at(t.start)
    before = parsed.text[max(sent.start, t.start - 120) : t.start]
    m = _COMPARISON.search(before)
    if m is not None:
        cue = " ".join(parsed.text[m.start() : t.end].split())
        return f'named for comparison ("{cue}"), not where anything happened'
    if c is None or not (c.is_region or c.feature in ("RGN", "CONT")):
        return None
    m = _DISTANCE.search(before)
    if m is not None:
        cue = " ".join(parsed.text[m.start() : t.end].split())
        return f'a distance reference ("{cue}"): the point of {c.name}, a region or country, locates nothing'
    return None


NATURAL = frozenset({"STM", "SEA", "STRT", "RSV", "RGN", "PEN", "ISL", "LK", "MTS", "BAY", "GULF"})
# Evidence that says place whatever the gazetteer holds: a pattern ("the city of X"), a state
# after a comma, a dateline, a legislator's home town, a facility the name qualifies.
_STRONG = ("pattern", "comma-state", "dateline", "party and home town", FACILITY_SEAT, FACILITY_NAME)
# A name outside the document's geography keeps its entry when the entry is well known: a
# country, capital or first-level region, or a town of this size under its own name ("Geneva",
# "Munich" in a Ukraine article). Smaller ones are namesakes more often than not: "Nato" (a
# Philippine town), "Peninsula" (Ohio), "Earth" (Texas).
KNOWN_POPULATION = 100_000
# Under another spelling, only a city this big is well known ("Frankfurt" for Frankfurt am
# Main); below it, alternate names are old names and nicknames ("Google" for Topeka).
KNOWN_CITY_POPULATION = 500_000
# A hamlet found only by one of its alternate names (old names, nicknames) is no place without
# strong evidence outside the document's own country.
SMALL_ALTERNATE_POPULATION = 5_000
# The document's other names give the entry's country less than this share (see resolve._focus).
FAR_FOCUS = 0.02


# A neighbouring country's share counts this much towards an entry's country: a war article
# naming only Russia still places "from Hostomel" in Ukraine, next door.
NEIGHBOUR_WEIGHT = 0.5


@functools.cache
def _neighbours() -> dict[str, frozenset[str]]:
    """ISO alpha-2 code -> the codes of the countries it borders (countryinfo's `borders`)."""
    from countryinfo import all_countries  # imported here: read once, on first use

    alpha2: dict[str, str] = {}
    borders: dict[str, list[str]] = {}
    for country in all_countries():
        info = country.info()
        iso = info.get("ISO") or {}
        if iso.get("alpha2") and iso.get("alpha3"):
            alpha2[str(iso["alpha3"])] = str(iso["alpha2"])
            borders[str(iso["alpha2"])] = list(info.get("borders") or [])
    return {k: frozenset(alpha2[b] for b in v if b in alpha2) for k, v in borders.items()}


def country_share(focus: dict[str, float], country_code: str | None) -> float:
    """The document's focus on a country: its own share plus NEIGHBOUR_WEIGHT of its neighbours'."""
    if not country_code:
        return 0.0
    near = _neighbours().get(country_code, frozenset())
    return focus.get(country_code, 0.0) + NEIGHBOUR_WEIGHT * sum(focus.get(n, 0.0) for n in near)


# A small place in a country the document names only in passing (the United States in most
# war articles) still needs the document to be about that country (this share of its names), or
# to name its first-level region or another place in it, or to name places near it (coherence,
# see resolve._Context): "Independence" (Missouri) and "Marathon" (Florida) in a Ukraine article
# fail all three; "Alice Springs" with the Northern Territory named passes.
COUNTRY_FOCUS = 0.15
COUNTRY_FOCUS_PLACE_LABEL = 0.05
NEAR_OTHERS = 0.3


@dataclass(frozen=True)
class Geography:
    """How well the document's other names support an entry: country share (with neighbours),
    whether they name its first-level region, and coherence with their entries."""

    country: float
    region_named: bool
    near: float


def far_namesake(t: Toponym, c: Candidate, geo: Geography) -> bool:
    """Whether `c` is a namesake outside the document's geography that only a weak cue made a
    place: not a well-known entry, and in a country the document's other names do not point to,
    or a small place in a country named only in passing; recognised without strong evidence."""
    if t.evidence in _STRONG or t.hint is not None:
        return False
    if c.feature in ("PCLI", "PPLC", "CONT", "ADMF") or c.feature in NATURAL:
        return False
    person_or_org = t.label in ("PERSON", "ORG")
    # Well known under this name: own name and big, or another spelling of a city ("Frankfurt").
    known = not person_or_org and (
        (c.name_kind == 0 and ((c.feature == "ADM1" and t.label in ("GPE", "LOC")) or c.population >= KNOWN_POPULATION))
        or (c.name_kind == 1 and c.population >= KNOWN_CITY_POPULATION and t.label in ("GPE", "LOC"))
    )
    if c.name_kind >= 1 and c.population < SMALL_ALTERNATE_POPULATION and not c.is_region and geo.country < COUNTRY_FOCUS:
        # "Janes", an alternate name of a Pennsylvania hamlet, for Jane's the publisher; in the
        # document's own country such names stay ("Chernobyl" for Chornobyl).
        return True
    if geo.country < FAR_FOCUS:
        return not known
    if known or c.feature == "ADM1":
        return False  # a region of a country the document names ("the war in Tigray")
    # NER calling it a place lowers the bar: "Banbridge" in a Northern Ireland story whose other
    # names are mostly people's names that matched towns.
    bar = COUNTRY_FOCUS_PLACE_LABEL if t.label in ("GPE", "LOC") else COUNTRY_FOCUS
    return geo.country < bar and not geo.region_named and geo.near < NEAR_OTHERS
