"""Toponym resolution: choose a gazetteer entry per toponym with the document's evidence.

Evidence, beyond a prior from population and prominence:
- the feature type the text implies ("the city of", "province", "river", "airport", "the X");
- administrative containment ("Springfield, Illinois");
- the document's country focus (countries named, places resolved with confidence);
- proximity to the document's other places: to confident picks, and coherence with the entries
  of every other name ("Paris" and "Henry County" both have one in Tennessee);
- stated offsets ("55 kilometers north of the city of Kherson") that place a point;
- one sense per document: every mention of a name (with the same implied type) gets one entry;
- a list holds one kind of place ("Istanbul, Geneva, New York or Beijing" are world cities), and
  a village listing a name among its alternates loses to a far better-known own-name entry.
What a name is not (`_screen.py`): a bloc ("Nato", "the West": dropped), a lone compass word
(kept unresolved), a yardstick ("larger than Belgium", "30 km from the border with Poland":
kept unresolved with the reason), a far-off namesake that only a weak cue made a place (dropped,
or kept unresolved where NER calls it a place). A seat of government ("the Kremlin", "the White
House") is an actor unless something happens at it.
A capital or country that is the subject of a verb of saying or deciding is the government
("Moscow announced"): role "actor". A town naming a facility ("Mykolaiv Oncology Hospital") is
where it happened: role "location", precision 2, unless the facility speaks ("the Kharkiv City
Council said"). A name matched only by another spelling keeps its entries only where the
document's other names do not point to other countries.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from wirecoder.parse import ParsedArticle
from wirecoder.places._fold import fold, translit_key
from wirecoder.places._geo import bearing_of, haversine_km, offset
from wirecoder.places._screen import NATURAL as _NATURAL
from wirecoder.places._screen import Geography, country_share, far_namesake, is_bloc, is_compass, yardstick
from wirecoder.places.gazetteer import LOOSE, Candidate, Gazetteer
from wirecoder.places.recognize import FACILITY_NAME, FACILITY_SEAT, ORG_SEAT, Toponym, recognize_toponyms
from wirecoder.records import PlaceMention

STAGE = "places"
_SPOT = frozenset({"AIRP", "PSN", "BDG", "DAM", "MFG", "ADMF"})
ACTOR_VERBS = frozenset({
    "say", "announce", "declare", "claim", "deny", "warn", "accuse", "state", "insist", "reject",
    "threaten", "demand", "agree", "sign", "recognize", "recognise", "respond", "retaliate",
    "vow", "urge", "condemn", "invade", "conquer", "annex", "order", "confirm", "admit",
    "acknowledge", "refuse", "propose", "intend", "want", "seek", "launch", "attack", "blame",
    "report", "expel", "sanction", "impose", "call", "request", "negotiate", "protest", "decide",
})  # fmt: skip
_OFFSET = re.compile(
    r"(?P<dist>\d[\d,]*(?:\.\d+)?)\s*(?:-\s*)?(?P<unit>kilometers|kilometres|km|miles|mi)\b"
    r"(?:\s*\([^)]{0,40}\))?\s+(?:to\s+the\s+)?"
    r"(?P<dir>(?:north|south)(?:[\s\-]?(?:east|west))?|east|west)\s+of\s+"
    r"(?:the\s+(?:city|town|village|capital|port)\s+of\s+)?$",
    re.IGNORECASE,
)
# Relative error of a distance given in the text ("approximately 55 km"), plus a floor; a guess
# from how wire reports round distances (to 5 or 10 km), not a measured figure.
_OFFSET_REL_ERROR, _OFFSET_FLOOR_KM = 0.2, 5.0


@dataclass
class _Offset:
    lat: float
    lon: float
    uncertainty_km: float
    text: str


def _prior(c: Candidate) -> float:
    score = 0.7 * math.log10(c.population + 1) + 0.8 * math.log10(c.n_names + 1)
    # A capital outranks a first-level region of the same name ("Washington" is the capital
    # more often than the state); a country still outranks its capital by population.
    score += {"PCLI": 4.0, "CONT": 4.0, "ADM1": 2.5, "PPLC": 3.0, "ADM2": 0.0}.get(c.feature, 0.0)
    if c.feature in _NATURAL or c.feature in _SPOT:
        score += 4.0  # hand-listed: only the features war reporting names
    if c.feature == "ADMF":
        # A seat of government is named for the government far more often than any town of
        # that name is named ("the White House" over White House, Tennessee, and over
        # Casablanca, whose name means it): only a stated state or country overrides it.
        score += 6.0
    score -= (0.0, ALTERNATE_NAME_PENALTY, 2.5, 1.0)[c.name_kind]  # own, alternate, short form, another spelling
    return score


ALTERNATE_NAME_PENALTY = 0.7


@functools.lru_cache(maxsize=65536)
def _own_name_spelt(written: str, own: str) -> bool:
    """Whether `written` is `own` in another East Slavic transliteration (`translit_key`)."""
    a, b = fold(written), fold(own)
    return a != b and translit_key(a) == translit_key(b)


def _hint_score(t: Toponym, c: Candidate) -> float:
    if t.hint == "city":
        return 5.0 if c.is_populated_place else -5.0
    if t.hint == "region":
        if c.feature in ("ADM1", "ADM2", "RGN"):
            # The bigger region: "the region around Kyiv" is Kyiv Oblast, not the city's own unit.
            return 5.0 + (1.0 if c.feature == "ADM1" else 0.0) + 1.5 * math.log10(c.size + 1)
        return -5.0
    if t.hint == "river":
        return 9.0 if c.feature == "STM" else -5.0
    if t.hint == "airport":
        return 9.0 if c.feature == "AIRP" else 0.0
    if t.has_article:
        # Rivers, seas and regions take an article ("the Dnipro"); towns do not.
        return 4.0 if c.feature in _NATURAL else -1.0
    if c.feature == "STM":
        # Without "the" or "river" a river's name is the town named after it ("in Oskil",
        # "in Dnipro"); a river alone among the entries still wins.
        return -5.0
    return 0.0


@dataclass
class _Context:
    toponyms: list[Toponym]
    containers: dict[int, list[Candidate]]  # toponym index -> candidates of ", Y" after it
    offsets: dict[int, _Offset] = field(default_factory=dict)
    # Confident picks, one per name and point: (folded name, lat, lon). Set by `set_anchors`.
    anchors: tuple[tuple[str, float, float], ...] = ()
    # Toponyms listed with world cities or countries only ("Istanbul, Geneva, New York or
    # Beijing"): a list holds one kind of place, so these are world cities too.
    in_world_list: set[int] = field(default_factory=set)
    _cache: dict[tuple[str, bool], dict[str, float]] = field(default_factory=dict)
    _points: dict[str, list[tuple[float, float]]] | None = None
    # Each name is scored once per pass for every mention of it, and every pass asks the same
    # distances again: coherence per (name, point), the nearest anchor per (name, point, anchors).
    _coherence: dict[tuple[str, float, float], float] = field(default_factory=dict)
    _nearest: dict[tuple[str, float, float], float | None] = field(default_factory=dict)
    _votes: dict[bool, list[tuple[tuple[str, float], ...]]] = field(default_factory=dict)

    def coherence(self, name: str, c: Candidate) -> float:
        """How many of the document's other names have an entry near `c` (each counts by
        exp(-distance / 50 km)): "Paris" and "Henry County" both have an entry in Tennessee."""
        key = fold(name)
        memo = (key, c.lat, c.lon)
        if memo in self._coherence:
            return self._coherence[memo]
        if self._points is None:
            self._points = _candidate_points(self.toponyms)
        total = 0.0
        for other, points in self._points.items():
            if other == key or not points:
                continue
            d = min(_fast_km(c.lat, c.lon, a, b) for a, b in points)
            total += math.exp(-d / COHERENCE_KM)
        self._coherence[memo] = total
        return total

    def nearest_anchor_km(self, key: str, c: Candidate) -> float | None:
        """Distance from `c` to the nearest confident pick of another name, None without one."""
        memo = (key, c.lat, c.lon)
        if memo not in self._nearest:
            near = [haversine_km(c.lat, c.lon, a, b) for k, a, b in self.anchors if k != key]
            self._nearest[memo] = min(near) if near else None
        return self._nearest[memo]

    def set_anchors(self, anchors: list[tuple[str, float, float]]) -> None:
        self.anchors = tuple(dict.fromkeys(anchors))  # a name said ten times is one anchor
        self._nearest = {}

    def regions_named(self, name: str) -> set[str]:
        """First-level regions (admin codes) of the document's other names: the regions they
        name, and those of their best-known towns under their own names."""
        key = fold(name)
        out: set[str] = set()
        for t in self.toponyms:
            if fold(t.name) == key:
                continue
            for c in t.candidates[:3]:
                if c.admin1_code and (c.feature == "ADM1" or (c.name_kind == 0 and c.is_populated_place)):
                    out.add(c.admin1_code)
        return out

    def focus(self, name: str, admin: bool = False) -> dict[str, float]:
        """Country (or first-level region) code -> share of the document's other names."""
        key = (fold(name), admin)
        if key not in self._cache:
            if admin not in self._votes:
                self._votes[admin] = [_name_votes(t, admin) for t in self.toponyms]
            self._cache[key] = _focus(self.toponyms, key[0], admin, self._votes[admin])
        return self._cache[key]


# Scale of "near" for coherence between two names of one document: a county's width.
COHERENCE_KM = 50.0
# Per name, only its best-known entries take part in coherence: enough for the namesakes a
# reader might mean, few enough to keep the cost down.
COHERENCE_CANDIDATES = 10


def _candidate_points(toponyms: list[Toponym]) -> dict[str, list[tuple[float, float]]]:
    """Per folded name: the points of its best-known local entries (not countries, continents
    or first-level regions, whose points say little about nearness)."""
    out: dict[str, list[tuple[float, float]]] = {}
    for t in toponyms:
        key = fold(t.name)
        if key in out or not t.candidates:
            continue
        local = [c for c in t.candidates if c.feature not in ("PCLI", "CONT", "ADM1") and c.name_kind < 2]
        local.sort(key=lambda c: -_prior(c))
        out[key] = [(c.lat, c.lon) for c in local[:COHERENCE_CANDIDATES]]
    return out


def _fast_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: within 1% of the great circle at the distances that matter
    here (under a few hundred km), and several times cheaper."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _named_after_city(t: Toponym, kind: int = 0) -> set[str]:
    """Admin codes of populated places that carry the name itself ("Kherson" the city), or, for a
    region that matched by an alternate name (`kind` 1: "Mykolaiv" for Mykolaivska oblast), a
    populated place that matched as well (the city Mykolayiv): a bare name is the city."""
    return {
        c.admin1_code for c in t.candidates
        if c.is_populated_place and (c.name_kind <= min(kind, 1) or kind == LOOSE == c.name_kind) and c.admin1_code
    }  # fmt: skip


# What an alternate-name entry loses against an own-name entry ten times as big; the size of a
# country's focus bonus at about half the document's names (see `_score`).
BETTER_KNOWN_PENALTY = 4.0


def _far_better_known(t: Toponym, c: Candidate) -> bool:
    """Whether another entry carries the name as its own and is far better known than `c`: ten
    times the population and a city of 100,000 or more, or a country or first-level region."""
    return any(
        o.name_kind == 0 and o is not c and (
            (o.feature in ("PCLI", "ADM1") and o.population >= 10 * c.population)
            or o.population >= max(100_000, 10 * c.population)
        )
        for o in t.candidates
    )  # fmt: skip


def _score(t: Toponym, c: Candidate, ctx: _Context | None, i: int) -> float:
    score = _prior(c) + _hint_score(t, c)
    if c.name_kind == 1 and _own_name_spelt(t.name, c.name):
        # The name as written is the entry's own name in another English spelling ("Sloviansk"
        # for Slovyansk): not just one of its alternate names. GeoNames also lists "Sloviansk"
        # among Nikopol's names, a town of the same size; the spelling decides, not the census.
        score += ALTERNATE_NAME_PENALTY
    if c.name_kind == 1 and c.is_populated_place and _far_better_known(t, c):
        # "New York" is an alternate name of Niu-York, a Donetsk-oblast village; among Donbas
        # names it must not win over the state and city by focus and nearness alone. Only a
        # much better-known own-name entry does this: "Odessa" stays Odesa over Odessa, Texas.
        score -= BETTER_KNOWN_PENALTY
    if t.hint != "region" and c.feature.startswith("ADM") and c.admin1_code in _named_after_city(t, c.name_kind):
        # A region named after its main city ("Kherson" for Khersonska oblast, the city-region
        # of Kyiv): the bare name means the city unless the text says region.
        score -= 6.0
    elif t.hint == "region" and c.name_kind == 0 and c.admin1_code in _named_after_city(t):
        # "the region around Kyiv": the surrounding oblast, not the city's own unit.
        score -= 3.0
    if ctx is None:
        return score
    for y in ctx.containers.get(i, []):
        if y.feature == "ADM1" and c.admin1_code == y.admin1_code and c.feature != "ADM1":
            score += 8.0
        elif y.feature == "PCLI" and c.country_code == y.country_code:
            score += 5.0
    score += 6.0 * ctx.focus(t.name).get(c.country_code or "", 0.0)
    if c.feature != "ADM1":
        # The region focus weighs more than the country's: local news names a state's towns, and the
        # state decides between namesakes (measured on LGL and TR-News: 5 -> 10 helps both).
        score += 10.0 * ctx.focus(t.name, admin=True).get(c.admin1_code or "", 0.0)
    if c.feature not in ("PCLI", "CONT", "ADM1"):
        # Up to two other names near this entry; 2 per name measured best on LGL and TR-News
        # (1.5 and 3 a little worse on both).
        score += 2.0 * min(ctx.coherence(t.name, c), 2.0)
    near = ctx.nearest_anchor_km(fold(t.name), c)
    if near is not None:
        score += 3.0 * math.exp(-near / 100.0)
    if i in ctx.in_world_list and _is_world_place(c):
        score += WORLD_LIST_BONUS
    off = ctx.offsets.get(i)
    if off is not None:
        d = haversine_km(c.lat, c.lon, off.lat, off.lon)
        score += 10.0 if d <= max(2 * off.uncertainty_km, 15.0) else -3.0
    return score


# What a world city gains when listed among world cities: about a country's focus bonus.
WORLD_LIST_BONUS = 4.0
_LIST_GLUE = frozenset({",", "and", "or", ", and", ", or", "&"})


def _is_world_place(c: Candidate) -> bool:
    """Under its own name: a country, a capital, a first-level region or a city of 100,000."""
    big = c.is_populated_place and c.population >= 100_000
    return c.name_kind == 0 and (c.feature in ("PCLI", "PPLC", "ADM1") or big)


def _world_lists(parsed: ParsedArticle, toponyms: list[Toponym]) -> set[int]:
    """Indexes of toponyms in a list ("A, B, C or D") whose other members, two or more, each
    have a world place among their entries (`_is_world_place`)."""
    out: set[int] = set()
    i = 0
    while i < len(toponyms):
        j = i
        while j + 1 < len(toponyms) and parsed.text[toponyms[j].end : toponyms[j + 1].start].strip() in _LIST_GLUE:
            j += 1
        members = [m for m in range(i, j + 1) if toponyms[m].candidates]
        world = {m for m in members if any(_is_world_place(c) for c in toponyms[m].candidates)}
        for k in members:
            if len(members) >= 3 and len(world - {k}) == len(members) - 1:
                out.add(k)
        i = j + 1
    return out


def _best(scored: dict[int, float]) -> tuple[int, float]:
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    margin = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else 99.0
    return ranked[0][0], margin


def _group_key(t: Toponym) -> tuple[str, str | None, tuple[tuple[str, str], ...]]:
    # The candidates are part of the key: "Kherson province" was looked up as a phrase. A bare
    # name and "the" name are grouped apart where a river is among the entries ("in Dnipro",
    # "along the Dnipro").
    hint = t.hint
    if hint is None and t.has_article and any(c.feature == "STM" for c in t.candidates):
        hint = "river"
    return fold(t.name), hint, tuple((c.name, c.feature) for c in t.candidates[:3])


def _choose(toponyms: list[Toponym], ctx: _Context | None) -> dict[int, tuple[Candidate, float]]:
    """Per toponym index: the chosen candidate and its margin, one choice per name group."""
    groups: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], list[int]] = defaultdict(list)
    keys = {_group_key(t) for t in toponyms if t.candidates}
    for i, t in enumerate(toponyms):
        if t.candidates:
            key = _group_key(t)
            if key[1] is None and (key[0], "city", key[2]) in keys:
                key = (key[0], "city", key[2])  # the bare name, where the text also says "the city of"
            groups[key].append(i)
    out: dict[int, tuple[Candidate, float]] = {}
    for members in groups.values():
        cands = toponyms[members[0]].candidates
        total: dict[int, float] = defaultdict(float)
        for i in members:
            for k, c in enumerate(cands):
                total[k] += _score(toponyms[i], c, ctx, i)
        k, margin = _best(total)
        for i in members:
            out[i] = (cands[k], margin)
    return out


def _containers(parsed: ParsedArticle, toponyms: list[Toponym]) -> dict[int, list[Candidate]]:
    """ "X, Y" (and "X in Y"): Y's region and country candidates, for X."""
    out: dict[int, list[Candidate]] = {}
    for i in range(len(toponyms) - 1):
        a, b = toponyms[i], toponyms[i + 1]
        between = parsed.text[a.end : b.start]
        if between.strip() in (",", "in", ", in") and b.candidates:
            out[i] = [c for c in b.candidates if c.feature in ("ADM1", "PCLI")]
    return out


def _offsets(
    parsed: ParsedArticle, toponyms: list[Toponym], chosen: dict[int, tuple[Candidate, float]]
) -> dict[int, _Offset]:
    """ "X, approximately 55 kilometers north of Y": for X, the point that far from Y."""
    out: dict[int, _Offset] = {}
    for j, anchor in enumerate(toponyms):
        if j not in chosen or j == 0:
            continue
        sent = parsed.sentence_at(anchor.start)
        m = _OFFSET.search(parsed.text, sent.start, anchor.start)
        if m is None:
            continue
        targets = [i for i in range(j) if toponyms[i].end <= m.start() and toponyms[i].start >= sent.start]
        bearing = bearing_of(m.group("dir"))
        if not targets or bearing is None:
            continue
        dist = float(m.group("dist").replace(",", ""))
        if m.group("unit").lower() in ("miles", "mi"):
            dist *= 1.609344
        c = chosen[j][0]
        lat, lon = offset(c.lat, c.lon, dist, bearing)
        unc = _OFFSET_REL_ERROR * dist + _OFFSET_FLOOR_KM
        label = f"{dist:g} km {m.group('dir')} of {c.name}"
        out[targets[-1]] = _Offset(lat, lon, unc, label)
    return out


def _vote(c: Candidate) -> float:
    """How much of a name's focus vote goes to one of its entries: a fourth root of population,
    so "Dallas" votes mostly for Texas without its small namesakes counting for nothing
    (measured on LGL and TR-News: slightly better than an even split)."""
    return (c.population + 1000) ** 0.25


def _focus(
    toponyms: list[Toponym],
    key: str,
    admin: bool = False,
    votes: list[tuple[tuple[str, float], ...]] | None = None,
) -> dict[str, float]:
    """The document's focus as seen from the name `key`: each other name votes for the countries
    (or first-level regions) of its candidates, split by `_vote`, so an unambiguous name votes
    fully and "Dublin" (Ireland, and a dozen US states) spreads its vote. A name does not vote for
    itself: its own candidates would otherwise confirm themselves. `votes`: each toponym's
    `_name_votes`, when the caller asks for many names' focus."""
    weights: dict[str, float] = defaultdict(float)
    for n, t in enumerate(toponyms):
        if fold(t.name) == key:
            continue
        for k, share in votes[n] if votes is not None else _name_votes(t, admin):
            weights[k] += share
    total = sum(weights.values())
    return {k: v / total for k, v in weights.items()} if total else {}


def _name_votes(t: Toponym, admin: bool) -> tuple[tuple[str, float], ...]:
    """One name's focus vote: its share for each country (or first-level region)."""
    share: dict[str, float] = defaultdict(float)
    for c in t.candidates:
        k = c.admin1_code if admin else c.country_code
        if k is not None:
            share[k] = max(share[k], _vote(c))
    total = sum(share.values())
    return tuple((k, v / total) for k, v in share.items())


def _precision(c: Candidate, part_of: bool) -> int:
    if c.is_region or c.feature in _NATURAL:
        return 3
    return 2 if part_of else 1


def _role(parsed: ParsedArticle, t: Toponym, c: Candidate | None) -> str:
    if t.evidence == ORG_SEAT:
        return "actor"  # "the Oakland Police Department": names who acts, not where it happened
    if t.evidence in (FACILITY_SEAT, FACILITY_NAME):
        # "Mykolaiv Oncology Hospital was hit": where it happened; "the Kharkiv City Council
        # said": who speaks.
        head = parsed.doc[t.token_i]
        while head.dep_ in ("compound", "poss", "nmod", "amod", "case") and head.head.i != head.i:
            head = head.head
        speaks = head.dep_ == "nsubj" and head.head.lemma_ in ACTOR_VERBS
        return "actor" if speaks else "location"
    if c is not None and c.feature == "ADMF":
        # "the Kremlin said", "a White House official": the government; "talks at the White
        # House": the building, where it happened.
        first = parsed.doc.char_span(t.start, t.end, alignment_mode="expand")
        k = first.start - 1 if first is not None else -1
        while k >= 0 and parsed.doc[k].lower_ == "the":
            k -= 1
        return "location" if k >= 0 and parsed.doc[k].lower_ in _AT_WORDS else "actor"
    if c is None or c.feature not in ("PCLI", "PPLC", "CONT"):
        return "location"  # ("Europe must act": a continent speaks the way a country does)
    token = parsed.doc[t.token_i]
    if token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX") and token.head.lemma_ in ACTOR_VERBS:
        return "actor"
    return "location"


# Words that put something at a seat of government rather than make it the government.
_AT_WORDS = frozenset({"at", "in", "inside", "outside", "near", "into", "to", "from", "around"})


# A town's streets lie within a few km of its point; 10 km covers a mid-sized US town.
STREET_UNCERTAINTY_KM = 10.0


def _street_town(
    parsed: ParsedArticle, toponyms: list[Toponym], final: dict[int, tuple[Candidate, float]], i: int
) -> Candidate | None:
    """The town a street is in, when the text names it right after the street ("Main Street in
    Lombard", "1935 Orchard St., Alexandria"). The document's most-named town is no guide: on
    LGL it was the street's town for only a third of the streets."""
    if i + 1 < len(toponyms) and i + 1 in final:
        between = parsed.text[toponyms[i].end : toponyms[i + 1].start].strip()
        town = final[i + 1][0]
        if between in (",", "in", "of", ", in") and town.is_populated_place:
            return town
    return None


# A name found only by another spelling (a transliteration variant, a misspelling) keeps its
# entries when the document's other names give their countries at least this share: "Maripol"
# alone or among Ukrainian towns is Mariupol; "Abbasiya" among Egyptian places is no Russian town.
LOOSE_MIN_FOCUS = 0.1


def _loose_in_focus(toponyms: list[Toponym]) -> list[Toponym]:
    """The toponyms, without the entries of names matched only by another spelling whose
    countries the rest of the document does not name (and without the name itself when only
    the spelling made it a place)."""
    out: list[Toponym] = []
    votes: list[tuple[tuple[str, float], ...]] | None = None
    for t in toponyms:
        if t.candidates and all(c.name_kind == LOOSE for c in t.candidates):
            votes = votes or [_name_votes(x, False) for x in toponyms]
            focus = _focus(toponyms, fold(t.name), votes=votes)
            countries = {c.country_code for c in t.candidates if c.country_code}
            if focus and sum(focus.get(cc, 0.0) for cc in countries) < LOOSE_MIN_FOCUS:
                if t.label not in ("GPE", "LOC") and t.hint is None:
                    continue  # nothing but the spelling said place ("Baltia's shares")
                t = dataclasses.replace(t, candidates=())  # a place, but not that one
        out.append(t)
    return out


def _not_here(parsed: ParsedArticle, ctx: _Context, t: Toponym, c: Candidate) -> str | None:
    """Why the chosen entry is not to be stored as where something is: a yardstick, or a far-off
    namesake (an empty reason: not a place here at all, the mention is dropped). None when the
    entry stands."""
    why = yardstick(parsed, t, c)
    if why is not None:
        return why
    focus = ctx.focus(t.name)
    geo = Geography(
        country=country_share(focus, c.country_code),
        region_named=c.admin1_code is not None and c.admin1_code in ctx.regions_named(t.name),
        near=ctx.coherence(t.name, c),
    )
    if focus and far_namesake(t, c, geo):
        if t.label in ("GPE", "LOC", "FAC"):
            where = f"{c.name}, {c.country_code}" if c.country_code else c.name
            return f"only a namesake far from the document's places ({where}) has this name"
        return ""
    return None


def resolve_toponyms(parsed: ParsedArticle, toponyms: list[Toponym]) -> list[PlaceMention]:
    """Resolve recognised toponyms to PlaceMentions (see the module docstring for the evidence)."""
    # "Nato", "the West": blocs, never places; "Southern": a direction, kept unresolved.
    toponyms = [dataclasses.replace(t, candidates=()) if is_compass(t) else t for t in toponyms if not is_bloc(t)]
    toponyms = _loose_in_focus(toponyms)
    first = _choose(toponyms, None)
    ctx = _Context(toponyms, _containers(parsed, toponyms))
    ctx.in_world_list = _world_lists(parsed, toponyms)
    ctx.set_anchors([(fold(toponyms[i].name), c.lat, c.lon) for i, (c, m) in first.items() if m >= 2.0])
    second = _choose(toponyms, ctx)
    ctx.offsets = _offsets(parsed, toponyms, second)
    ctx.set_anchors([(fold(toponyms[i].name), c.lat, c.lon) for i, (c, m) in second.items() if m >= 1.0])
    final = _choose(toponyms, ctx) if ctx.offsets or ctx.anchors else second
    mentions: list[PlaceMention] = []
    for i, t in enumerate(toponyms):
        prov = parsed.provenance(t.start, t.end, stage=STAGE)
        off = ctx.offsets.get(i)
        if i in final and (why := _not_here(parsed, ctx, t, final[i][0])) is not None:
            if why:
                mentions.append(PlaceMention(prov=prov, name=t.name, resolved=False, reason=why))
        elif i in final:
            c = final[i][0]
            relative = None
            if off is not None and haversine_km(c.lat, c.lon, off.lat, off.lon) <= max(2 * off.uncertainty_km, 15.0):
                relative = off.text
            mentions.append(PlaceMention(
                prov=prov, name=c.name, geonames_id=c.geonames_id, lat=c.lat, lon=c.lon,
                feature=c.feature, country_code=c.country_code, admin1=c.admin1,
                # "Chuhuiv Airbase" resolved to the town: near it, not at its centre.
                geo_precision=_precision(c, t.part_of or (t.hint == "airport" and c.is_populated_place)
                                         or t.evidence == FACILITY_NAME),
                role=_role(parsed, t, c),  # type: ignore[arg-type]
                relative_to=relative,
            ))  # fmt: skip
        elif off is not None:
            mentions.append(PlaceMention(
                prov=prov, name=t.name, lat=off.lat, lon=off.lon, geo_precision=2,
                reason="not in the gazetteer; placed by the stated offset", relative_to=off.text,
                uncertainty_km=round(off.uncertainty_km, 1),
            ))  # fmt: skip
        elif t.hint == "street" and (town := _street_town(parsed, toponyms, final, i)) is not None:
            mentions.append(PlaceMention(
                prov=prov, name=t.name, lat=town.lat, lon=town.lon, country_code=town.country_code,
                admin1=town.admin1, geo_precision=2, relative_to=f"in {town.name}",
                reason=f"a street: the gazetteer holds no streets; placed at {town.name}",
                uncertainty_km=STREET_UNCERTAINTY_KM,
            ))  # fmt: skip
        else:
            reason = "unknown place: no gazetteer entry has this name"
            if is_compass(t):
                reason = "a compass word: it names a direction or part of a place, not one the gazetteer holds"
            if t.hint == "street":
                reason = "a street or road: the gazetteer holds no streets"
            mentions.append(PlaceMention(
                prov=prov, name=t.name, resolved=False, reason=reason,
                role="actor" if t.evidence == ORG_SEAT else "location",
            ))  # fmt: skip
    return mentions


def find_places(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The places stage: recognise the place names of an article and resolve each one.

    Args:
        parsed: the parsed article.
        gazetteer: an open gazetteer (`open_gazetteer()`), loaded once and passed in.

    Returns:
        One PlaceMention per place name, in text order; each carries provenance whose text is
        the toponym ("Kherson" in "the city of Kherson"; "Kherson province" for the region).
        A name no entry fits has `resolved=False` and a `reason`.

    Example:
        >>> [(p.name, p.feature) for p in find_places(parsed, gaz)]  # "...the city of Kherson"
        [('Kherson', 'PPL')]
    """
    return resolve_toponyms(parsed, recognize_toponyms(parsed, gazetteer))
