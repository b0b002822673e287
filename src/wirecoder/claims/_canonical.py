"""Speaker canonicalisation within one document, and rule-based pronoun resolution.

Hand-written: spaCy has no coreference component offline (coreferee and spacy-experimental's
coref need older spaCy or a transformer download). News attribution needs only the narrow
case: "he said" refers to the last person quoted, "the Ukrainian president" to the speaker
last given that title, "Zelensky" to "President Volodymyr Zelenskyy".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from wirecoder.claims import _lexicon as lex
from wirecoder.claims._speakers import SpeakerInfo

# Surname spellings at least this similar are one person (Zelenskyy / Zelensky: 94).
SURNAME_SIMILARITY = 85.0
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "two",
        "three",
        "four",
        "five",
        "several",
        "some",
        "many",
        "other",
        "another",
        "both",
        "all",
        "most",
        "few",
        "dozens",
        "hundreds",
    }
)
_STOP = frozenset({"the", "a", "an", "'s", "\u2019s", "of", "for", "and"})


@dataclass
class Entity:
    """One speaker as a cluster of mentions."""

    names: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    entity_type: str = "unknown"
    description: str | None = None  # for nameless speakers: "officials"

    @property
    def canonical(self) -> str:
        if self.names:
            best = max(self.names, key=lambda n: (len(n.split()), len(n)))
            return lex.CAPITAL_GOVERNMENTS.get(best.lower(), best)
        return self.description or "unknown"


def _words(text: str) -> set[str]:
    return {
        w for w in text.lower().replace("\u2019s", " ").replace("'s", " ").split() if w not in _STOP
    }


def _same_person(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    if fuzz.ratio(ta[-1].lower(), tb[-1].lower()) < SURNAME_SIMILARITY:
        return False
    if len(ta) > 1 and len(tb) > 1:
        return fuzz.ratio(ta[0].lower(), tb[0].lower()) >= SURNAME_SIMILARITY - 15
    return True


def _same_body(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    ca = lex.CAPITAL_GOVERNMENTS.get(a.lower(), a).lower()
    cb = lex.CAPITAL_GOVERNMENTS.get(b.lower(), b).lower()
    return ca == cb or wa <= wb or wb <= wa


class Resolver:
    """Assigns each speaker mention, in text order, to an entity."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.history: list[tuple[int, Entity]] = []  # (char offset, entity) of resolved mentions

    def add(self, info: SpeakerInfo, mention_text: str, person_anchor: Entity | None) -> Entity:
        """Resolve a mention; `person_anchor` is the entity of a nearer PERSON name, if any."""
        if info.pronoun:
            ent = self._pronoun(info, person_anchor)
        else:
            ent = self._match(info, mention_text)
        self.history.append((info.start, ent))
        return ent

    def _pronoun(self, info: SpeakerInfo, person_anchor: Entity | None) -> Entity:
        word = info.head.lower()
        wanted: set[str]
        if word in lex.PERSON_PRONOUNS:
            wanted = {"person"}
        elif word in lex.GROUP_PRONOUNS:
            wanted = {"group", "organisation", "government"}
        elif word in lex.THING_PRONOUNS:
            wanted = {"organisation", "government"}
        else:
            wanted = set()
        if person_anchor is not None and "person" in wanted:
            return person_anchor
        for _, ent in reversed(self.history):
            if ent.entity_type in wanted:
                return ent
        ent = Entity(entity_type=info.entity_type, description=info.head)
        self.entities.append(ent)
        return ent

    def _match(self, info: SpeakerInfo, mention_text: str) -> Entity:
        name = info.name
        for ent in reversed(self.entities):
            if name and ent.names and self._compatible(info, name, ent):
                return self._absorb(ent, info, name)
        if not name:
            words = mention_text.split()
            # "Two military analysts", "the ministry": the description without its determiner.
            while words and (
                words[0].lower() in _DETERMINERS or words[0].replace(",", "").isdigit()
            ):
                words = words[1:]
            desc = " ".join(words) or mention_text
            definite = mention_text.lower().startswith("the ")
            head = info.head.lower()
            if definite:
                for ent in reversed(self.entities):
                    if (
                        head in {r.split()[-1].lower() for r in ent.roles}
                        and ent.entity_type == info.entity_type
                    ):
                        return ent
                    if ent.names and any(_words(desc) <= _words(n) for n in ent.names):
                        return ent
            for ent in reversed(self.entities):
                if not ent.names and ent.description and ent.description.lower() == desc.lower():
                    return ent
            ent = Entity(entity_type=info.entity_type, description=desc)
            if info.role:
                ent.roles.add(info.role)
            self.entities.append(ent)
            return ent
        ent = Entity(entity_type=info.entity_type)
        self.entities.append(ent)
        return self._absorb(ent, info, name)

    @staticmethod
    def _compatible(info: SpeakerInfo, name: str, ent: Entity) -> bool:
        if info.entity_type == "person" or ent.entity_type == "person":
            # A bare surname is often mistyped by the tagger (ORG, GPE) at a sentence start:
            # trust the surname match when one side is a known person.
            return any(_same_person(name, n) for n in ent.names) and (
                "person" in (info.entity_type, ent.entity_type)
                and (
                    len(name.split()) == 1
                    or all(len(n.split()) == 1 for n in ent.names)
                    or info.entity_type == ent.entity_type
                )
            )
        return any(_same_body(name, n) for n in ent.names)

    @staticmethod
    def _absorb(ent: Entity, info: SpeakerInfo, name: str) -> Entity:
        if name not in ent.names:
            ent.names.append(name)
        if info.entity_type == "person":
            ent.entity_type = "person"
        if info.role:
            ent.roles.add(info.role)
            for word in info.role.split():
                ent.roles.add(word)
        if ent.entity_type == "unknown":
            ent.entity_type = info.entity_type
        return ent
