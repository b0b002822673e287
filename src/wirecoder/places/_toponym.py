"""The Toponym record of the recogniser and the evidence labels the resolver reads."""

from __future__ import annotations

from dataclasses import dataclass

from wirecoder.places._patterns import Hint
from wirecoder.places.gazetteer import Candidate

ORG_SEAT = "place in an organisation name"
# A town naming a facility ("the Okhtyrka railway station"): where the facility is.
FACILITY_SEAT = "place naming a facility"
# A place inside a facility's proper name ("Mykolaiv Oncology Hospital"): where the facility is.
FACILITY_NAME = "place in a facility's name"


@dataclass(frozen=True)
class Toponym:
    """A recognised place name: the item span, the name to look up, and what the text implies."""

    start: int  # item span (document offsets)
    end: int
    name: str  # the name as looked up
    candidates: tuple[Candidate, ...]
    hint: Hint | None = None
    part_of: bool = False
    has_article: bool = False  # "the Dnipro": rivers, seas and regions take an article
    label: str | None = None  # spaCy label when NER saw it
    evidence: str = "gazetteer"  # why it counts as a place; ORG_SEAT: inside an organisation name
    token_i: int = 0  # index of its last token in the Doc, for the dependency parse
