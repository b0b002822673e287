"""Recogniser passes over a document's toponyms: weak matches near or listed with found places
become places; a facility's "town" far from the place its sentence names is dropped."""

from __future__ import annotations

import dataclasses
import re

from wirecoder._geo import haversine_km
from wirecoder.parse import ParsedArticle
from wirecoder.places._toponym import FACILITY_NAME, FACILITY_SEAT, Toponym

# A facility's town and a place the same sentence locates it in ("the Orion Hotel in Dnipro")
# are this far apart at most when both are right; farther, the facility's first word is a name.
FACILITY_PLACE_KM = 150.0


def facility_elsewhere(found: list[Toponym], parsed: ParsedArticle) -> list[Toponym]:
    """Drop the first word of a facility's proper name when no entry of it lies near a town the
    same sentence names: "the Orion Hotel in Dnipro" is a hotel called Orion, not a hotel in a
    town called Orion. Only towns count as the other places (a region's point says little about
    nearness), and only proper names ("X Hotel"): "a Calais swimming pool" is in Calais."""
    out: list[Toponym] = []
    for t in found:
        if t.evidence == FACILITY_NAME:
            sent = parsed.sentence_index(t.start)
            towns = [
                c for o in found
                if o is not t and o.evidence not in (FACILITY_SEAT, FACILITY_NAME)
                and parsed.sentence_index(o.start) == sent
                for c in o.candidates[:5] if c.is_populated_place
            ]  # fmt: skip
            mine = [c for c in t.candidates[:5] if c.name_kind != 2]
            if towns and not any(
                haversine_km(a.lat, a.lon, b.lat, b.lon) <= FACILITY_PLACE_KM for b in towns for a in mine
            ):
                continue
        out.append(t)
    return out


# A weak match counts as a place when one of its entries lies this close to a place the document
# names with evidence: local news names a town's neighbours. 40 km is about a county's width.
NEAR_KM = 40.0


def _anchor_points(found: list[Toponym]) -> tuple[list[tuple[float, float]], set[str]]:
    """Points of the found places whose entry is clear (one entry, or one far bigger than the
    rest), and the first-level regions the document names as regions."""
    points: list[tuple[float, float]] = []
    regions: set[str] = set()
    for t in found:
        cands = [c for c in t.candidates if c.name_kind < 2]
        if not cands:
            continue
        top = cands[0]
        if top.feature == "ADM1" and top.admin1_code:
            regions.add(top.admin1_code)
        elif top.feature in ("PCLI", "CONT"):
            continue
        clear = len(cands) == 1 or top.population >= 5 * max(c.population for c in cands[1:]) + 1
        if clear:
            points.append((top.lat, top.lon))
    return points, regions


def near_found(found: list[Toponym], weak: list[Toponym]) -> list[Toponym]:
    """Weak matches with an entry near the document's clear places or inside a region it names
    ("Winchester" in a story that names Muncie and Indiana)."""
    points, regions = _anchor_points(found)
    out: list[Toponym] = []
    for w in weak:
        for c in w.candidates:
            if c.name_kind == 2 or c.feature in ("PCLI", "CONT"):
                continue
            inside = c.feature != "ADM1" and c.admin1_code in regions
            if inside or any(haversine_km(c.lat, c.lon, a, b) <= NEAR_KM for a, b in points):
                out.append(dataclasses.replace(w, evidence="near the document's places"))
                break
    return out


_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")


def coordinated(text: str, found: list[Toponym], weak: list[Toponym]) -> list[Toponym]:
    """Weak matches listed with a place ("Bucha and Hostomel", "Irpin, Bucha"): places too."""
    out: list[Toponym] = []
    changed = True
    while changed:
        changed = False
        for w in weak:
            if w in out:
                continue
            places = found + out
            if any(_COORDINATION.match(text[p.end : w.start]) or _COORDINATION.match(text[w.end : p.start])
                   for p in places):  # fmt: skip
                out.append(w)
                changed = True
    return out
