"""Actor names the way ACLED writes them ("Military Forces of Russia (2000-)").

Hand-written table: ACLED's actor list is not published as a package.
"""

from __future__ import annotations

import re

_FORCE_WORDS = r"(?:forces?|troops?|soldiers?|army|military|occupiers?|units?|sappers?|servicemen|negotiators?|patrols?)"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:ukrain\w*)\b.*\b{_FORCE_WORDS}\b|\b{_FORCE_WORDS}\b.*\bukrain", re.I),
     "Military Forces of Ukraine (2019-)"),
    (re.compile(rf"\b(?:russia\w*)\b.*\b{_FORCE_WORDS}\b|\b{_FORCE_WORDS}\b.*\brussia", re.I),
     "Military Forces of Russia (2000-)"),
    (re.compile(r"^(?:the\s+)?(?:russians?|moscow|kremlin|russia)$", re.I), "Military Forces of Russia (2000-)"),
    (re.compile(r"^(?:the\s+)?(?:ukrainians?|kyiv|kiev|ukraine)$", re.I), "Military Forces of Ukraine (2019-)"),
    (re.compile(r"\bcivilians?\b|\bresidents?\b|\bvillagers?\b", re.I), "Civilians (Ukraine)"),
]


def normalise_actor(text: str) -> str:
    """ACLED-style actor name for a subject phrase, or the phrase itself when none applies.

    Example:
        >>> normalise_actor("Ukrainian soldiers")
        'Military Forces of Ukraine (2019-)'
    """
    clean = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    clean = re.sub(r"’s|'s", "", clean)
    for pattern, name in _RULES:
        if pattern.search(clean):
            return name
    return text.strip()
