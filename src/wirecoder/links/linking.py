"""One real-world event however many documents report it: cross-document event linking.

Each event is compared only with events in the same block: the same ACLED event type, days that
overlap its date (a day either side, for time zones and late copy), and the same or a
neighbouring grid cell of `CELL_DEG` degrees. Within a block two mentions link when their dates
and places agree, their actors do not clash, and either the structure agrees closely (same
sub-type, same day, within `NEAR_KM`) or their sentences say the same thing (rapidfuzz token
set similarity). Linking is incremental: `Linker.link` places one new event against what is
already indexed, so a new article never re-processes the store.

Hand-written: no package does blocked record linkage over dated, geolocated event records; the
string similarity is rapidfuzz's.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from wirecoder._geo import haversine_km

CELL_DEG = 0.5  # about 55 km north-south: blocks stay small, neighbours catch the border cases
NEAR_KM = 25.0  # two town-level places this close are one place for an event
REGION_KM = 150.0  # a region-level place (precision 3) agrees with anything this close
TEXT_SAME = 0.62  # token-set similarity above which two sentences report the same thing
_SLACK = dt.timedelta(days=1)


class LinkEvent(BaseModel):
    """What linking needs to know of one event mention."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event_id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    start: dt.date | None
    end: dt.date | None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    actor1: str | None = None
    text: str = ""
    status: str = "confirmed"


def _cell(lat: float | None, lon: float | None) -> tuple[int, int] | None:
    if lat is None or lon is None:
        return None
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def _days(ev: LinkEvent) -> Iterable[dt.date]:
    assert ev.start is not None and ev.end is not None
    day = ev.start - _SLACK
    while day <= ev.end + _SLACK:
        yield day
        day += dt.timedelta(days=1)


def similarity(a: str, b: str) -> float:
    """Token-set similarity of two sentences, 0..1 (word order and repeats ignored)."""
    return fuzz.token_set_ratio(a.lower(), b.lower()) / 100.0


def same_event(a: LinkEvent, b: LinkEvent) -> bool:
    """Whether two mentions from different documents report one event."""
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return False
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    if not (a.start - _SLACK <= b.end and b.start - _SLACK <= a.end):
        return False
    if a.actor1 and b.actor1 and a.actor1.startswith("Military Forces") and b.actor1.startswith("Military Forces"):
        if a.actor1 != b.actor1:
            return False
    close = None
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        limit = REGION_KM if 3 in (a.geo_precision, b.geo_precision) else NEAR_KM
        if km > limit:
            return False
        close = km <= NEAR_KM
    structural = (
        a.sub_event_type == b.sub_event_type
        and close is True
        and a.start == b.start
        and a.end == b.end
        and (a.end - a.start).days == 0
    )
    return structural or similarity(a.text, b.text) >= TEXT_SAME


class Linker:
    """An in-memory, blocked index of event mentions and the cluster each belongs to.

    Example:
        >>> linker = Linker()
        >>> linker.link(event_a)   # a new cluster: event_a's own id
        >>> linker.link(event_b)   # event_a's cluster when both report one event
    """

    def __init__(self) -> None:
        self._blocks: dict[tuple[str, dt.date, tuple[int, int] | None], list[LinkEvent]] = defaultdict(list)
        self.cluster_of: dict[str, str] = {}
        self._docs_in: dict[str, set[str]] = defaultdict(set)

    def add(self, ev: LinkEvent, cluster_id: str) -> None:
        """Index a mention already assigned to `cluster_id` (for instance, read from the store)."""
        self.cluster_of[ev.event_id] = cluster_id
        self._docs_in[cluster_id].add(ev.doc_id)
        if ev.start is None or ev.end is None:
            return
        cell = _cell(ev.lat, ev.lon)
        for day in (ev.start, ev.end) if (ev.end - ev.start).days > 31 else _days(ev):
            self._blocks[(ev.event_type, day, cell)].append(ev)

    def _candidates(self, ev: LinkEvent) -> Iterable[LinkEvent]:
        assert ev.start is not None and ev.end is not None
        cell = _cell(ev.lat, ev.lon)
        cells: list[tuple[int, int] | None] = [None]
        if cell is not None:
            cells += [(cell[0] + i, cell[1] + j) for i in (-1, 0, 1) for j in (-1, 0, 1)]
            # a region-level place may lie a few cells away from the town it contains
            if ev.geo_precision == 3:
                cells += [(cell[0] + i, cell[1] + j) for i in (-2, 2) for j in (-2, 0, 2)]
        seen: set[str] = set()
        for day in (ev.start, ev.end) if (ev.end - ev.start).days > 31 else _days(ev):
            for c in cells:
                for other in self._blocks.get((ev.event_type, day, c), ()):
                    if other.event_id not in seen:
                        seen.add(other.event_id)
                        yield other

    def find(self, ev: LinkEvent) -> str | None:
        """The cluster `ev` belongs to, or None for a new event."""
        if ev.start is None or ev.end is None:
            return None
        best: tuple[float, str] | None = None
        for other in self._candidates(ev):
            cluster = self.cluster_of[other.event_id]
            if ev.doc_id in self._docs_in[cluster]:
                continue  # the document told this event apart from its own other mentions
            if same_event(ev, other):
                score = similarity(ev.text, other.text)
                if best is None or score > best[0]:
                    best = (score, cluster)
        return best[1] if best else None

    def link(self, ev: LinkEvent) -> str:
        """Place `ev` in an existing cluster or a new one (named after `ev`), index it, and return
        the cluster id."""
        cluster = self.find(ev) or f"k-{ev.event_id}"
        self.add(ev, cluster)
        return cluster
