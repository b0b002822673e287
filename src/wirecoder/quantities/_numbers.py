"""Numbers as written in news copy: digits, words ("four million"), vague counts ("dozens"),
and the bound words in front of them ("more than", "as many as", "approximately")."""

from __future__ import annotations

import logging
import re
import warnings
from types import MappingProxyType

from wirecoder.rulebook.numbers import values

log = logging.getLogger(__name__)

# Number words come from the rulebook (rulebook/numbers.tsv), shared with timex. A word the
# parser reads alone: cardinals, "a"/"an" ("a hundred") and count nouns ("dozen").
_SMALL = MappingProxyType({**values("cardinal"), **values("article"), **values("count_noun")})
# Multipliers of the count before them: written out ("million", "bn") and suffixes ("3m").
_SCALES = MappingProxyType({**values("scale"), **values("suffix")})
# Scale words that extend a number the tokens are grouping ("four million"); not the suffixes,
# which alone are other words ("5 m" is five metres).
SCALE_WORDS = frozenset(values("scale"))
# Vague counts and the conventional lower bound we give them ("dozens" is at least two dozen).
VAGUE = MappingProxyType({word: float(floor) for word, floor in values("vague").items()})
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
