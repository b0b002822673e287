"""Actor names the way ACLED writes them ("Military Forces of Russia (2000-)"), with their country.

Hand-written table: ACLED's actor list is not published as a package. A side is recognised from
its forces ("Ukrainian soldiers"), its state or capital used for its government ("Moscow",
"the Kremlin"), or its people ("civilians", "residents"). Pronouns ("it", "its", "they") are
resolved by `detect` to the nearest actor before them, so they never reach this table.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Actor(NamedTuple):
    name: str
    country: str | None  # ISO 3166 alpha-2


_FORCES = r"(?:forces?|troops?|soldiers?|army|military|occupiers?|units?|sappers?|servicemen|" \
    r"negotiators?|patrols?|paratroopers?|marines?|artillery|brigades?|battalions?|navy|air force|" \
    r"tanks?|convoys?|columns?|equipment|weaponry|vehicles?|invaders?|defenders?)"

# (side words, ACLED force name, country). ACLED dates a state's forces by its current regime.
_SIDES: list[tuple[str, str, str]] = [
    (r"ukrain\w*|kyiv|kiev|zelensk\w*", "Military Forces of Ukraine (2019-)", "UA"),
    (r"russia\w*|moscow|kremlin|putin", "Military Forces of Russia (2000-)", "RU"),
    (r"belarus\w*|minsk|lukashenk\w*", "Military Forces of Belarus (1994-)", "BY"),
]
_SEPARATISTS: list[tuple[str, str, str]] = [
    (r"donetsk|\bdpr\b|\bdnr\b", "DNR: Donetsk People's Republic", "UA"),
    (r"luhansk|lugansk|\blpr\b|\blnr\b", "LNR: Luhansk People's Republic", "UA"),
    (r"wagner", "Wagner Group", "RU"),
]
_CIVILIANS = re.compile(
    r"\b(?:civilians?|residents?|villagers?|people|inhabitants|locals|families|children|women|"
    r"refugees?|evacuees?)\b",
    re.I,
)
_SEPARATIST_WORD = re.compile(r"separatist|militia|rebel|proxy|proxies|wagner|\bdpr\b|\blpr\b|\bdnr\b|\blnr\b", re.I)
_PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "this", "that", "which", "who"}


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in _PRONOUNS


def normalise_actor(text: str) -> Actor:
    """ACLED-style actor for a subject phrase, or the phrase itself (no country) when none applies.

    Example:
        >>> normalise_actor("Ukrainian soldiers")
        Actor(name='Military Forces of Ukraine (2019-)', country='UA')
    """
    clean = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    clean = re.sub(r"’s|'s", "", clean)
    if _SEPARATIST_WORD.search(clean):
        for pattern, name, country in _SEPARATISTS:
            if re.search(pattern, clean, re.I):
                return Actor(name, country)
    if _CIVILIANS.search(clean) and not re.search(rf"\b{_FORCES}\b", clean, re.I):
        country = next((c for p, _, c in _SIDES if re.search(rf"\b(?:{p})", clean, re.I)), "UA")
        return Actor(f"Civilians ({_COUNTRY_NAMES[country]})", country)
    for pattern, name, country in _SIDES:
        side = rf"\b(?:{pattern})"
        if re.search(side, clean, re.I) and (
            re.search(rf"\b{_FORCES}\b", clean, re.I)
            or re.fullmatch(rf"(?:{pattern})(?:\s+(?:government|officials?|authorities|leadership))?",
                            clean.strip(), re.I)
        ):
            return Actor(name, country)
    return Actor(text.strip(), None)


_COUNTRY_NAMES = {"UA": "Ukraine", "RU": "Russia", "BY": "Belarus"}
