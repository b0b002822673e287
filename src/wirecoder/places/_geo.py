"""Offsets ("55 km north of X") and compass words; distances come from wirecoder._geo."""

from __future__ import annotations

import math
import re

from wirecoder._geo import EARTH_RADIUS_KM, haversine_km

__all__ = ["BEARINGS", "bearing_of", "haversine_km", "offset"]

BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
    "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}  # fmt: skip


def offset(lat: float, lon: float, distance_km: float, bearing_deg: float) -> tuple[float, float]:
    """The point `distance_km` from (lat, lon) along the initial bearing `bearing_deg`."""
    d = distance_km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def bearing_of(word: str) -> float | None:
    """Bearing in degrees of a compass word ("north-east", "Northwest"); None if not one."""
    return BEARINGS.get(re.sub(r"[\s\-]", "", word.lower()))
