"""Unit names: measurement units to short symbols, counted nouns to a normal plural."""

from __future__ import annotations

import warnings
from types import MappingProxyType

MEASURES = MappingProxyType(
    {
        "kilometer": "km",
        "kilometre": "km",
        "km": "km",
        "kms": "km",
        "square kilometer": "km2",
        "square kilometre": "km2",
        "sq km": "km2",
        "km2": "km2",
        "mile": "mi",
        "mi": "mi",
        "square mile": "mi2",
        "sq mi": "mi2",
        "meter": "m",
        "metre": "m",
        "m": "m",
        "foot": "ft",
        "feet": "ft",
        "yard": "yd",
        "hectare": "ha",
        "acre": "acre",
        "tonne": "t",
        "ton": "t",
        "kilogram": "kg",
        "kg": "kg",
        "percent": "percent",
        "per cent": "percent",
        "%": "percent",
        "liter": "l",
        "litre": "l",
        "barrel": "barrel",
        "hour": "h",
        "minute": "min",
        "day": "days",
        "week": "weeks",
        "month": "months",
        "year": "years",
        "dollar": "USD",
        "$": "USD",
        "euro": "EUR",
        "\u20ac": "EUR",
        "pound": "GBP",
        "\u00a3": "GBP",
        "hryvnia": "UAH",
        "rouble": "RUB",
        "ruble": "RUB",
    }
)
# Counted nouns that are people; a plural nationality ("Ukrainians") is people too.
PEOPLE = frozenset(
    {
        "people",
        "person",
        "civilian",
        "resident",
        "refugee",
        "child",
        "woman",
        "man",
        "adult",
        "inhabitant",
        "citizen",
        "evacuee",
        "villager",
        "victim",
        "casualty",
        "prisoner",
        "hostage",
        "worker",
        "patient",
        "migrant",
    }
)
TROOPS = frozenset(
    {
        "troop",
        "soldier",
        "serviceman",
        "servicemen",
        "fighter",
        "service member",
        "personnel",
        "mercenary",
        "conscript",
        "reservist",
    }
)


# Verbs whose bare numeric object or subject counts people: "killing thousands",
# "displacing millions", "12 were wounded", "dozens fled".
PEOPLE_VERBS = frozenset(
    {
        "kill",
        "wound",
        "injure",
        "displace",
        "evacuate",
        "rescue",
        "detain",
        "arrest",
        "capture",
        "abduct",
        "deport",
        "execute",
        "flee",
        "die",
        "shelter",
    }
)


def measure_unit(words: str) -> str | None:
    """Symbol of a measurement unit ("square kilometers" -> "km2"), or None."""
    low = words.lower().strip()
    for form in (low, low.rstrip("s"), low.removesuffix("es")):
        if form in MEASURES:
            return MEASURES[form]
    if low.endswith("feet"):
        return "ft"
    return _quantulum_unit(low)


def _quantulum_unit(words: str) -> str | None:
    """quantulum3's unit table for measurement words our table lacks ("nautical miles")."""
    if not words or not words[0].isalpha():
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # optional-classifier warning at import
        from quantulum3 import load

    surfaces = load.units("en").surfaces_lower
    found = surfaces.get(words) or surfaces.get(words.rstrip("s"))
    if not found or len(found) != 1:
        return None  # unknown or ambiguous ("pound": mass or currency)
    unit = next(iter(found))
    if unit.entity.name in ("dimensionless", "unknown"):
        return None
    return str(unit.name)


def count_unit(lemma: str, plural_text: str, is_nationality: bool) -> str:
    """Unit of a count: "people" for persons, "troops" for soldiers, else the noun as written."""
    if lemma in PEOPLE or is_nationality:
        return "people"
    if lemma in TROOPS:
        return "troops"
    return plural_text.lower()
