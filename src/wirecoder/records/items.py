"""Extracted items. Each carries a Provenance; `contract()` gives its JSONL contract row.

The JSONL contract (what external tools read) is flat: `kind`, `doc_id`, `sentence`, `start`,
`end`, `text`, `evidence`, then the kind's own fields. The records nest provenance instead, so
that no stage can build an item without it.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar, Literal, get_args

from pydantic import Field

from wirecoder.records.provenance import Provenance, Record, Span


class TimexType(str, Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Granularity(str, Enum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    DURATION = "duration"
    REFERENCE = "reference"  # PAST_REF, PRESENT_REF, FUTURE_REF
    UNKNOWN = "unknown"


class Item(Record):
    """Base of every extracted item."""

    kind: ClassVar[str] = "item"
    prov: Provenance

    def contract(self) -> dict[str, Any]:
        """The item as one row of the JSONL contract."""
        row: dict[str, Any] = {
            "kind": self.kind,
            "doc_id": self.prov.doc_id,
            "sentence": self.prov.sentence,
            "start": self.prov.start,
            "end": self.prov.end,
            "text": self.prov.text,
            "evidence": self.prov.evidence,
            "stage": self.prov.stage,
        }
        row.update(self.model_dump(mode="json", exclude={"prov"}))
        return row


class TimeExpression(Item):
    """A TIMEX3-style time expression, normalised against an anchor date.

    `value` is the TIMEX3 value (2022-11-10, 2022-11-10TNI, 2022-W13, 2022-03, P1W, PAST_REF);
    when the expression cannot be resolved (no anchor), `value` keeps the underspecified form
    (XXXX-XX-XX, XXXX-WXX-4) and `resolved` is False with the `reason`.
    """

    kind: ClassVar[str] = "time"
    value: str
    type: TimexType
    resolved: bool
    reason: str | None = None
    granularity: Granularity
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN, ...
    anchor: str | None = None  # ISO date the value was resolved against
    anchor_from: str | None = None  # "publication" or "statement"


class PlaceMention(Item):
    """A place named in the text, resolved to a gazetteer entry when one fits."""

    kind: ClassVar[str] = "place"
    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # GeoNames feature code: PPL, PPLC, ADM1, PCLI, STM, AIRP, ...
    country_code: str | None = None
    admin1: str | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near/part of, 3 region
    role: Literal["location", "actor"] = "location"  # "Moscow announced": actor (metonymy)
    resolved: bool = True
    reason: str | None = None
    relative_to: str | None = None  # "55 km N of Kherson" when placed by an offset
    uncertainty_km: float | None = None


class Claim(Item):
    """Somebody said something: speaker, cue, content, channel, and how it was said."""

    kind: ClassVar[str] = "claim"
    id: str
    speaker: ClaimSpeaker | None
    cue: Span | None
    content: Span
    via: str | None = None
    direct: bool = False
    hedged: bool = False
    stance: Literal["assert", "deny", "doubt"] = "assert"
    date: str | None = None  # statement date (TIMEX value) when the text gives one


class ClaimSpeaker(Span):
    canonical: str
    entity_type: Literal["person", "organisation", "government", "group", "unknown"] = "unknown"
    role: str | None = None


class Quantity(Item):
    """A number with its unit and bound; vague counts ("dozens") keep their word in `vague`."""

    kind: ClassVar[str] = "quantity"
    value: float | None
    value_max: float | None = None  # for ranges
    unit: str | None = None
    bound: Literal[
        "exact", "more_than", "less_than", "at_least", "at_most", "approximately", "as_many_as"
    ] = "exact"
    vague: str | None = None
    of: str | None = None
    also: str | None = None  # the other half of a conversion: "66,000 square miles"
    claim_id: str | None = None


class EventPlace(Record):
    name: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None  # GeoNames feature code
    country_code: str | None = None  # ISO 3166 alpha-2
    admin1: str | None = None


DateMethod = Literal["governing", "statement", "sentence", "narrative", "publication", "none"]
# How well grounded each way of dating an event is, best first: the one rank every module uses.
DATE_METHOD_RANK: dict[str, int] = {m: i for i, m in enumerate(get_args(DateMethod))}


EventKind = Literal["incident", "background", "generic"]
# Why a candidate is a generic mention and not an incident (kept, as unresolved times keep theirs).
AbstainReason = Literal[
    "negated", "modal", "future", "conditional", "question", "plan", "prediction", "threat",
    "appeal", "hypothetical", "accusation", "denied", "habitual", "summary", "generic",
    "unanchored", "coarse-date", "relative-clause",
]


class Event(Item):
    """Something that happened (or was claimed, announced, denied), coded the ACLED way.

    `event_kind` says what the text supports: an `incident` (a specific event that happened, or
    that a source says happened, anchored in time or below the country), a `background` incident
    (an earlier one, dated by its own expression, told for context), or a `generic` mention (war
    talk, a plan, threat, hypothetical, negation, habit or summary: `reason` says which). The
    CLI shows incidents and background incidents by default.
    """

    kind: ClassVar[str] = "event"
    id: str
    acled_event_type: str
    acled_sub_event_type: str
    trigger: Span
    actor1: str | None = None
    actor2: str | None = None
    date: str | None = None
    time_precision: int | None = None  # ACLED: 1 day, 2 week, 3 month or coarser
    date_method: DateMethod = "none"
    # narrative: the article's news day (the day its time expressions point to most), when no
    # expression governs the event; publication: the date it was printed, when nothing else says
    place: EventPlace | None = None
    geo_precision: int | None = None
    source: str | None = None
    claim_id: str | None = None
    claimed: bool = False
    status: Literal["confirmed", "claimed", "denied", "announced"] = "confirmed"
    event_kind: EventKind = "incident"
    reason: AbstainReason | None = None  # set on generic mentions only
    confidence: float = 0.5  # events.confidence(): how well the text supports the event
    quantity: str | None = None  # e.g. "dozens communities", "41 communities"
    disorder_type: str | None = None  # ACLED: Political violence, Demonstrations, Strategic developments
    plover_event_type: str | None = None  # PLOVER: ASSAULT, COERCE, RETREAT, CONSULT ...
    plover_mode: str | None = None  # PLOVER mode: heavy-weapons, withdraw, confiscate ...
    actor1_country: str | None = None  # ISO 3166 alpha-2 of actor1's side, when known
    actor2_country: str | None = None
    fatalities: int | None = None  # a count of people killed stated for this event
    mentions: list[Provenance] = Field(default_factory=list)  # further sentences of the same document reporting this event


class Contradiction(Record):
    """Two claims that disagree. No span of its own: each claim carries its provenance."""

    kind: ClassVar[str] = "contradiction"
    id: str
    doc_id: str
    claims: tuple[str, str]
    about: str
    reason: str

    def contract(self) -> dict[str, Any]:
        row: dict[str, Any] = {"kind": self.kind}
        row.update(self.model_dump(mode="json"))
        row["claims"] = list(self.claims)
        return row


Claim.model_rebuild()
