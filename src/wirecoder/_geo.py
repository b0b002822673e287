"""Great-circle distance and bounding boxes (shared by store queries, events and eval)."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box holding every point within `km`."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    coslat = max(math.cos(math.radians(lat)), 1e-6)
    dlon = min(180.0, math.degrees(km / (EARTH_RADIUS_KM * coslat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
