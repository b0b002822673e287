"""Name folding shared by the gazetteer build and lookups: case, diacritics, punctuation."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

# Letters that NFKD does not decompose into a base letter plus a combining mark.
_LETTERS = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d",
        "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
    }
)  # fmt: skip
# Apostrophes and soft signs vanish ("Kharkiv'" = "Kharkiv", "Ivano-Frankivs'k" = "...Frankivsk");
# hyphens and dashes become spaces; periods go ("St. Louis" = "St Louis", "U.S." = "US").
_DROP = re.compile(r"[.'’‘`ʼʹ\"“”]")
_SPACE = re.compile(r"[\s\-‐‑–—_/,]+")
# Abbreviations GeoNames spells both ways across entries (Saint/St., Mount/Mt., Fort/Ft.), and
# local news abbreviations of admin words ("Platte Co.", "St. Clair Twp.").
_ABBREV = {"saint": "st", "mount": "mt", "fort": "ft", "sainte": "ste", "co": "county", "twp": "township"}


@functools.lru_cache(maxsize=65536)  # a pure function of the name, asked often
def fold(name: str) -> str:
    """The lookup key of a name: casefolded, without diacritics or punctuation.

    Example:
        >>> fold("Saint-Étienne")
        'st etienne'
    """
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACE.sub(" ", _DROP.sub("", text)).strip().casefold()
    words = [_ABBREV.get(w, w) for w in text.split(" ")]
    return " ".join(words)


def is_latin(key: str) -> bool:
    """Whether a folded key is plain Latin letters, digits and spaces (an English-usable name)."""
    return key.isascii() and any(ch.isalpha() for ch in key)


# Spelling variants of the same East Slavic name in English (Vinnitsa / Vinnytsia / Vinnytsya,
# Chuhuiv / Chuhuyiv, Mar'inka / Mar'yinka, Kharkov / Kharkiv's "kh"), folded to one key.
# Hand-written: the pinned transliteration packages map Cyrillic to Latin, not one Latin
# spelling to another. Order matters: "kh" before the "h"/"g" merge, "y" -> "i" before doubled
# letters collapse, which comes before the "-ia" ending.
_TRANSLIT_PAIRS = (("kh", "h"), ("g", "h"), ("tz", "ts"), ("y", "i"), ("j", "i"))
_IA_END = re.compile(r"(?<=\w)ia\b")


def translit_key(key: str) -> str:
    """A looser key of a folded name for East Slavic toponyms spelt in English.

    Example:
        >>> translit_key(fold("Vinnytsya")) == translit_key(fold("Vinnitsa"))
        True
    """
    for a, b in _TRANSLIT_PAIRS:
        key = key.replace(a, b)
    # doubled letters collapse ("Vinnytsya" = "Vinitsia"): runs of one character, as `(.)\1+`
    # replaced by `\1` would, without a regex template expanded per match
    return _IA_END.sub("a", "".join(ch for ch, _ in itertools.groupby(key)))
