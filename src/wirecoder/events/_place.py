"""Where an event happened: the place mention its clause names, chosen over the parse.

Hand-written over the dependency parse: the place nearest the trigger in the tree wins ("moved
troops to Poland" over "amid the build-up on Ukraine's borders"), a town over its country, and
places named for comparison or distance ("not in Frankfurt", "30 km from the border with
Poland"), as the origin of a strike ("fired from Belarus") or inside the actor phrase
("Ukraine's forces") are never the event's place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span, Token

from wirecoder._geo import haversine_km
from wirecoder.events._lexicon import PLACE_PARTS
from wirecoder.records import PlaceMention

COUNTRY_FEATURES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
# A place this close to the trigger in the parse belongs to the trigger's own phrase.
NEAR_EDGES = 4
# A place further than this from the trigger belongs to another part of the sentence.
FAR_EDGES = 7
_DIRECTION = re.compile(r"(?:north|south|east|west|central|centre|center)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\s+$", re.I)
_CONTRAST = re.compile(r"\b(?:not(?:\s+(?:in|on|at|to))?|than|unlike|instead\s+of)\s+(?:the\s+)?$", re.I)
_DISTANCE = re.compile(r"\b(?:km|kms|kilomet\w*|miles?|drive|hours?|away)\b\)?[^.;:]{0,40}\b(?:from|to|of)\b[^.;:]{0,40}$", re.I)
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$", re.I)
# Dependencies that open a clause of its own.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj", "pcomp"})


def below_country(p: PlaceMention, text: str) -> bool:
    """A place more precise than a whole country: a town, region, facility, or a part of a country
    named by its direction ("eastern Ukraine")."""
    if p.role != "location" or p.lat is None:
        return False
    feature = p.feature or ""
    if feature in COUNTRY_FEATURES:
        return bool(_DIRECTION.search(text[max(0, p.prov.start - 20) : p.prov.start]))
    if feature in ("CONT", "RGN", "AREA") and not p.country_code:
        return False  # "Europe", "the Middle East"
    return True


def is_reference(p: PlaceMention, text: str, *, remote: bool) -> bool:
    """A place named for comparison, as a distance reference, or (for a strike) as where the
    weapon came from: not where the event happened."""
    before = text[max(0, p.prov.start - 60) : p.prov.start]
    if _CONTRAST.search(before[-20:]) or _DISTANCE.search(before):
        return True
    return remote and bool(_ORIGIN.search(before[-40:]))


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99


def _clause_head(tok: Token) -> Token:
    while tok.dep_ not in _CLAUSE_DEPS and tok.head != tok:
        tok = tok.head
    return tok


def in_reach(p: PlaceMention, trigger: Token) -> bool:
    """Whether a place of the sentence stands in the trigger's clause, in one that encloses it
    ("In Kherson, officials said Russia shelled ...") or in one its phrase holds, not in a side clause ("... and officials
    are meeting in Germany", "after Moscow blocked gas supplies")."""
    span = trigger.doc.char_span(p.prov.start, p.prov.end, alignment_mode="expand")
    if span is None:
        return False
    home = _clause_head(span.root)
    own = _clause_head(trigger)
    return (
        home.i == own.i or home.dep_ == "ROOT"
        or any(a.i == home.i for a in trigger.ancestors)  # an enclosing clause
        # a clause describing one of its phrases: "from the west bank, which includes Kherson"
        or (home.dep_ in ("relcl", "acl", "appos") and any(a.i in (trigger.i, own.i) for a in home.ancestors))
    )


def place_distance(p: PlaceMention, trigger: Token) -> int:
    span = trigger.doc.char_span(p.prov.start, p.prov.end, alignment_mode="expand")
    return tree_distance(trigger, span.root) if span is not None else 99




def _acts(p: PlaceMention, doc: Any) -> bool:
    """A place that acts or owns: "Beijing and Moscow announced", "with Beijing's blessing"."""
    span = doc.char_span(p.prov.start, p.prov.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    if root.dep_ == "poss":  # "Kharkiv's northeastern sector" is a place, "Beijing's blessing" is not
        return root.head.lemma_.lower() not in PLACE_PARTS
    return root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX")


def usable_places(
    places: Sequence[PlaceMention], text: str, *, avoid: set[int], remote: bool, doc: Any = None
) -> list[PlaceMention]:
    """Location mentions with coordinates that are not references, outside the actor phrase, and
    not acting themselves."""
    return [
        p for p in places
        if p.role == "location" and p.lat is not None and p.prov.start not in avoid
        and not is_reference(p, text, remote=remote) and not (doc is not None and _acts(p, doc))
    ]  # fmt: skip


def best_place(places: Sequence[PlaceMention], trigger: Token, *, max_edges: int = 99) -> PlaceMention | None:
    """The most precise usable place near the trigger: places in the trigger's own phrase first,
    then anything over a whole country or a river, then the most precise, then the nearest."""
    near = [(p, place_distance(p, trigger)) for p in places]
    near = [(p, d) for p, d in near if d <= max_edges]
    if not near:
        return None
    return min(
        near,
        key=lambda pd: (
            pd[1] > NEAR_EDGES,  # "invaded Ukraine ... the government in Kyiv": the phrase first
            (pd[0].feature or "") in COUNTRY_FEATURES,
            (pd[0].feature or "").startswith("STM"),  # a river is a poor event location
            pd[0].geo_precision or 3,
            pd[1],
            pd[0].prov.start,
        ),
    )[0]


# "the city", "the region": a place the article is about, named before.
ANAPHORIC_PLACES = frozenset({"city", "town", "village", "region", "oblast", "province", "area", "district",
                              "territory", "peninsula"})
# A focus town must be named this often, and more often than any other, to stand for "the city".
FOCUS_MENTIONS = 3


def focus_town(places: Sequence[PlaceMention], *, at_least: int = FOCUS_MENTIONS) -> PlaceMention | None:
    """The town or region the article is about: named at least FOCUS_MENTIONS times and more
    often than any other; it stands for "the city" or "the region" the text refers back to."""
    towns = [
        p for p in places
        if p.role == "location" and p.lat is not None and p.country_code
        and ((p.feature or "").startswith("PPL") or (p.feature or "") in ("ADM1", "ADM2", "RGN", "PEN"))
    ]  # fmt: skip
    counts = Counter(p.geonames_id for p in towns)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < at_least or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(p for p in towns if p.geonames_id == ranked[0][0])


_TOWN_WORDS = frozenset({"city", "town", "village"})


def antecedent(tokens: Sequence[Token] | Span, places: Sequence[PlaceMention], before: int) -> PlaceMention | None:
    """The place "the city" or "the region" in `tokens` refers back to: the last one of its kind
    (a town for "the city", a region for "the region" or "the territory") named before `before`."""
    words = {t.lemma_.lower() for t in tokens if t.lemma_.lower() in ANAPHORIC_PLACES}
    towns = bool(words & _TOWN_WORDS)
    regions = bool(words - _TOWN_WORDS)
    earlier = [
        p for p in places
        if p.prov.end <= before and p.role == "location" and p.lat is not None and p.country_code
        and ((towns and (p.feature or "").startswith("PPL"))
             or (regions and (p.feature or "") in ("ADM1", "ADM2", "RGN", "PEN")))
    ]  # fmt: skip
    return earlier[-1] if earlier else None


def refers_back(tokens: Sequence[Token] | Span) -> bool:
    """Whether the tokens hold "the city", "the region" (a place named before, by its kind)."""
    return any(
        t.lemma_.lower() in ANAPHORIC_PLACES and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
        and not any(c.dep_ in ("compound", "amod", "prep") for c in t.children if c.lower_ != "of" or c.dep_ != "prep")
        for t in tokens
    )


_REGION_WORDS = re.compile(r"\b(?:the|region|oblast|province|district|raion|krai|area|of)\b|['’]s\b", re.I)
# A region's seat lies this close to the region's own point.
SEAT_KM = 250


def region_seat(p: PlaceMention, gazetteer: Any) -> tuple[float, float] | None:
    """Where an event placed only at a region is coded: the region's seat, the town the region is
    named after ("the Kharkiv region" at Kharkiv), as ACLED codes region-level events at the
    provincial capital. None when the region is not named after a town."""
    if gazetteer is None or p.lat is None or not (p.feature or "").startswith("ADM"):
        return None
    stem = " ".join(_REGION_WORDS.sub(" ", p.prov.text).split())
    if len(stem) < 3:
        return None
    towns = [
        c for c in gazetteer.lookup(stem, limit=10)
        if c.is_populated_place and c.country_code == p.country_code and c.name_kind == 0
        and p.lat is not None and p.lon is not None and haversine_km(c.lat, c.lon, p.lat, p.lon) <= SEAT_KM
    ]  # fmt: skip
    best = max(towns, key=lambda c: c.population, default=None)
    return (best.lat, best.lon) if best is not None else None


def coordinated(place: PlaceMention, others: Sequence[PlaceMention], trigger: Token) -> list[PlaceMention]:
    """Places listed with `place` ("in the regions of Chernihiv, Zhytomyr and Lviv"): each is an
    incident of its own, as analysts code one event per place."""
    doc = trigger.doc
    root = doc.char_span(place.prov.start, place.prov.end, alignment_mode="expand")
    if root is None:
        return []
    chain = {t.i for t in root.root.conjuncts} | {root.root.i}
    out = []
    for p in others:
        span = doc.char_span(p.prov.start, p.prov.end, alignment_mode="expand")
        if p is not place and span is not None and span.root.i in chain and span.root.i != root.root.i:
            out.append(p)
    return out


def countries_by_mentions(places: Sequence[PlaceMention]) -> list[str]:
    """Country codes, the document's own first: the one its places are named in most often, a
    town counting twice (towns say where things happen)."""
    counts = Counter(p.country_code for p in places if p.role == "location" and p.country_code)
    counts.update(p.country_code for p in places
                  if p.role == "location" and p.country_code and (p.feature or "").startswith("PPL"))
    return [code for code, _ in counts.most_common()]


__all__ = [
    "COUNTRY_FEATURES", "FAR_EDGES", "NEAR_EDGES", "below_country", "best_place", "countries_by_mentions", "focus_town",
    "in_reach", "is_reference", "place_distance", "refers_back", "usable_places",
]
