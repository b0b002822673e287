"""Text patterns that mark a place and the kind of place ("the city of X", "X Oblast", ...).

Hand-written regular expressions: no library recognises these English constructions with the
feature type they imply, and a spaCy Matcher would need the same patterns spelt as token dicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Hint = Literal["city", "region", "river", "airport", "country", "sea", "street"]

# A capitalised name of one to four words ("Kherson", "Los Angeles", "Ivano-Frankivsk").
# A joining word ("Rostov upon Don", "Ville de Paris") counts only before a capitalised word, as a
# whole word: "the town of Izium last weekend" names "Izium", not "Izium la".
NAME = r"(?P<name>[A-Z][\w’'\-]*[\w](?:\s+(?:[A-Z][\w’'\-]*[\w]|(?:of|de|la|upon)\s+[A-Z][\w’'\-]*[\w])){0,3}|[A-Z])"
_CITY_WORDS = r"village|city|town|settlement|hamlet|port(?:\s+city)?|(?:regional\s+)?capital(?:\s+city)?"
_REGION_WORDS = r"province|region|oblast|state|county|district|governorate|parish"

# (pattern, hint, whether the suffix word belongs to the item span)
# In order of priority: where two patterns cover one name, the first one's hint wins ("the city
# of Kherson province" is the province; "the region around capital city Kyiv" is the region).
_PATTERNS: list[tuple[re.Pattern[str], Hint, bool]] = [
    (re.compile(rf"{NAME}\s+(?:Oblast|oblast|[Pp]rovince|[Rr]egion|Governorate|governorate|County|Parish|[Dd]istrict|Raion|raion)\b"), "region", True),
    (re.compile(rf"{NAME}\s+(?:International\s+)?(?:[Aa]irport|[Aa]irfield|[Aa]ir\s*[Bb]ase)\b"), "airport", True),
    (re.compile(rf"{NAME}\s+(?:River|river)\b"), "river", True),
    (re.compile(rf"\b(?:[Tt]he\s+)?(?:River|river)\s+{NAME}"), "river", False),
    (re.compile(rf"\b(?:[Tt]he\s+)?(?:region|area|province|oblast)\s+around\s+(?:(?:the\s+)?capital(?:\s+city)?\s+)?{NAME}"), "region", False),
    (re.compile(rf"\b(?:[Tt]he|[Aa])\s+(?:{_REGION_WORDS})\s+of\s+{NAME}"), "region", False),
    (re.compile(rf"\b(?:{_CITY_WORDS})\s+of\s+{NAME}"), "city", False),
    (re.compile(rf"\bcapital(?:\s+city)?\s+{NAME}"), "city", False),
]  # fmt: skip

_PART = re.compile(
    r"(?:\b(?:near|outside|outskirts\s+of|vicinity\s+of|suburbs?\s+of|(?:north|south|east|west)"
    r"(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$)"
)
_PART_AFTER = re.compile(
    r"^(?:[’']s)?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|outer)\s+"
    r"(?:sector|part|outskirts|suburbs|districts?|neighbou?rhoods?|edge|flank)"
)


@dataclass(frozen=True)
class PatternHit:
    """A name marked by a pattern: where the name is, where the item span is, the implied kind."""

    name_start: int
    name_end: int
    start: int
    end: int
    hint: Hint


# "Walton and Oconee counties", "Dakota, Otoe and Washington counties": each name is a region.
_ONE = r"[A-Z][\w’'\-]*[\w](?:\s+[A-Z][\w’'\-]*[\w])?"
_REGION_LIST = re.compile(
    rf"\b(?P<names>{_ONE}(?:,\s+{_ONE})*,?\s+(?:and|or)\s+{_ONE})\s+(?:counties|parishes|provinces|oblasts|regions|states)\b"
)
_LIST_NAME = re.compile(_ONE)


def pattern_hits(text: str, start: int, end: int) -> list[PatternHit]:
    """Pattern matches inside text[start:end] (one sentence), with document offsets."""
    hits: list[PatternHit] = []
    for m in _REGION_LIST.finditer(text, start, end):
        for name in _LIST_NAME.finditer(text, m.start("names"), m.end("names")):
            hits.append(PatternHit(name.start(), name.end(), name.start(), name.end(), "region"))
    for regex, hint, with_suffix in _PATTERNS:
        for m in regex.finditer(text, start, end):
            ns, ne = m.span("name")
            span_end = m.end() if with_suffix else ne
            hits.append(PatternHit(ns, ne, ns, span_end, hint))
    return hits


def is_part_of(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] is named as "near X", "outskirts of X", "X's north"."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    return bool(_PART.search(before) or _PART_AFTER.match(after))


# Streets and numbered roads ("North Main Street", "Main St.", "County Road 42", "Interstate 395").
# "Court", "Place" and "Way" are left out: "Superior Court", "the American Way" are not streets.
_STREET_WORDS = (
    r"Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Boulevard|Blvd\.|Lane|Ln\.|Parkway|Pkwy\."
    r"|Highway|Hwy\.|Pike|Turnpike|Expressway|Freeway|Circle|Terrace|Trail"
)
_STREET = re.compile(
    rf"\b(?:(?:[NSEW]\.|North|South|East|West|Old)\s+)?(?:(?:[A-Z][\w’'\-]*|\d+(?:st|nd|rd|th))\s+){{1,3}}"
    rf"(?:{_STREET_WORDS})(?![\w])"
)
_ROAD_NUMBER = re.compile(
    r"\b(?:Interstate|Highway|Route|State\s+Route|County\s+Road|State\s+Road|U\.S\.(?:\s+Highway|\s+Route)?"
    r"|US|I-|Hwy\.?|SR|State\s+Highway)\s?\d{1,4}[A-Z]?\b"
)
_NOT_IN_STREET = frozenset({"The", "A", "In", "On", "At", "Of", "And", "But", "From", "To", "Near"})


def street_hits(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Street and road names inside text[start:end], as document offsets."""
    out: list[tuple[int, int]] = []
    for regex in (_STREET, _ROAD_NUMBER):
        for m in regex.finditer(text, start, end):
            s, e = m.span()
            words = text[s:e].split(" ")
            while len(words) > 1 and words[0] in _NOT_IN_STREET:
                s += len(words[0]) + 1
                words = words[1:]
            if len(words) > 1 or regex is _ROAD_NUMBER:
                out.append((s, e))
    # "County Road" inside "County Road 42": keep the longer name.
    return sorted(h for h in out if not any(o != h and o[0] <= h[0] and h[1] <= o[1] for o in out))
