"""Numbers as written in news copy: digits, words ("four million"), vague counts ("dozens"),
and the bound words in front of them ("more than", "as many as", "approximately")."""

from __future__ import annotations

import logging
import re
import warnings
from types import MappingProxyType

log = logging.getLogger(__name__)

_SMALL = MappingProxyType(
    {
        "zero": 0,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "a": 1,
        "an": 1,
        "dozen": 12,
    }
)
_SCALES = MappingProxyType(
    {
        "hundred": 100,
        "thousand": 1_000,
        "million": 1_000_000,
        "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000,
        "mln": 1_000_000,
        "bn": 1_000_000_000,
        "m": 1_000_000,
        "k": 1_000,
    }
)
# Vague counts and the conventional lower bound we give them ("dozens" is at least two dozen).
VAGUE = MappingProxyType(
    {
        "dozens": 24.0,
        "scores": 40.0,
        "hundreds": 200.0,
        "thousands": 2_000.0,
        "tens of thousands": 20_000.0,
        "hundreds of thousands": 200_000.0,
        "millions": 2_000_000.0,
        "billions": 2_000_000_000.0,
    }
)
# Bound words before a number, longest first so "no more than" wins over "more than".
BOUNDS: tuple[tuple[str, str], ...] = (
    ("no more than", "at_most"),
    ("not more than", "at_most"),
    ("no fewer than", "at_least"),
    ("no less than", "at_least"),
    ("more than", "more_than"),
    ("greater than", "more_than"),
    ("in excess of", "more_than"),
    ("upwards of", "more_than"),
    ("fewer than", "less_than"),
    ("less than", "less_than"),
    ("at least", "at_least"),
    ("at most", "at_most"),
    ("as many as", "as_many_as"),
    ("as much as", "as_many_as"),
    ("up to", "as_many_as"),
    ("an estimated", "approximately"),
    ("approximately", "approximately"),
    ("about", "approximately"),
    ("around", "approximately"),
    ("roughly", "approximately"),
    ("nearly", "approximately"),
    ("almost", "approximately"),
    ("some", "approximately"),
    ("some", "approximately"),
    ("estimated", "approximately"),
    ("over", "more_than"),
    ("under", "less_than"),
    ("below", "less_than"),
    ("above", "more_than"),
    ("minimum of", "at_least"),
    ("maximum of", "at_most"),
)
_DIGITS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$")


def parse_number(words: list[str]) -> float | None:
    """Value of a number written in digits, words or both ("1.5 million", "four million",
    "40,000", "twenty-five"). None when the words are not a number.

    Example:
        >>> parse_number(["four", "million"])
        4000000.0
    """
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        w = raw.lower().replace("\u2009", "")
        if _DIGITS.match(w):
            current += float(w.replace(",", ""))
            seen = True
        elif "-" in w and all(p in _SMALL for p in w.split("-")):
            current += sum(_SMALL[p] for p in w.split("-"))
            seen = True
        elif w in _SMALL:
            current += _SMALL[w]
            seen = True
        elif w in _SCALES and seen:
            scale = _SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        elif w == "and" and seen:
            continue
        else:
            return _quantulum_value(" ".join(words)) if seen else None
    return total + current if seen else None


def _quantulum_value(text: str) -> float | None:
    """quantulum3 for what the word parser cannot read ("1/2", "3.5bn")."""
    with warnings.catch_warnings():
        # quantulum3 warns at import that its optional scikit-learn classifier is missing.
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    try:
        found = parser.parse(text)
    except (ValueError, KeyError, IndexError) as e:  # quantulum3 raises on odd input
        log.debug("quantulum3 could not read %r: %s", text, e)
        return None
    return float(found[0].value) if found else None


def bound_before(text_before: str) -> tuple[str, int] | None:
    """The bound phrase ending `text_before` and its length in characters, if any."""
    low = text_before.lower().rstrip()
    for phrase, bound in BOUNDS:
        if low.endswith(phrase) and (
            len(low) == len(phrase) or not low[-len(phrase) - 1].isalnum()
        ):
            return bound, len(text_before.rstrip()) - (len(text_before.rstrip()) - len(phrase))
    return None
