"""One event however many sentences of a document report it.

"Moscow declared its retreat" in the lead, "Russia announced it would withdraw" in the body and
"Russian forces began withdrawing yesterday" in a quote are one withdrawal. Mentions merge when
they have the same sub-type, compatible actors and dates, no conflicting figures, and either
compatible own places or the same day. The mention whose date is best grounded leads; the others
are kept as `mentions`, each with its own span. Hand-written: the rule is specific to events
already coded with ACLED categories.
"""

from __future__ import annotations

from wirecoder._geo import haversine_km
from wirecoder._timevalue import date_range
from wirecoder.records import DATE_METHOD_RANK, Event

_GROUNDED = {"governing", "statement", "sentence"}


def _actors_fit(a: Event, b: Event) -> bool:
    return a.actor1 is None or b.actor1 is None or a.actor1 == b.actor1


def _dates_fit(a: Event, b: Event) -> bool:
    if "announced" in (a.status, b.status):
        return True  # an announcement's date is when it was said, not when the event happens
    if a.date_method not in _GROUNDED or b.date_method not in _GROUNDED:
        return True  # a date the text does not give is no evidence either way
    ra, rb = date_range(a.date), date_range(b.date)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _places_fit(a: Event, b: Event, own: dict[str, bool]) -> bool | None:
    """True: the same place; False: different places; None: no evidence (a place missing or
    only the document's focus)."""
    if not (own[a.id] and own[b.id]) or a.place is None or b.place is None:
        return None
    if a.place.geonames_id is not None and a.place.geonames_id == b.place.geonames_id:
        return True
    if _inside(a, b) or _inside(b, a):
        return None  # a region and a town in it: neither confirms nor rules out
    # Neighbouring towns (Bucha and Hostomel lie 4 km apart) are different places; only one name
    # under two gazetteer entries is the same place.
    return a.place.name.casefold() == b.place.name.casefold()


def _same_day(a: Event, b: Event) -> bool:
    return (
        a.date_method in _GROUNDED
        and b.date_method in _GROUNDED
        and a.time_precision == 1
        and a.date == b.date
    )


def same_event(a: Event, b: Event, own: dict[str, bool], anaphoric: dict[str, bool]) -> bool:
    """Whether two mentions in one document report the same event."""
    if a.acled_sub_event_type != b.acled_sub_event_type or a.event_kind != "incident" or b.event_kind != "incident":
        return False  # a background incident or a generic mention stands alone
    if not (_actors_fit(a, b) and _dates_fit(a, b)):
        return False
    if a.quantity and b.quantity and a.quantity != b.quantity and a.quantity.split()[-1] == b.quantity.split()[-1]:
        return False  # "dozens of communities" and "41 communities" are two reports
    places = _places_fit(a, b, own)
    if places is False:
        return False
    if places is True or _same_day(a, b):
        return True
    # "its retreat", "the withdrawal" with no date of its own: the event told elsewhere
    return any(anaphoric[e.id] and e.date_method not in _GROUNDED for e in (a, b))


_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _violent(e: Event) -> bool:
    return e.acled_event_type in _VIOLENT


def _refers_back(e: Event, anaphoric: dict[str, bool]) -> bool:
    """A definite nominal of violence ("the attacks", "Tuesday's attack")."""
    return anaphoric[e.id] and _violent(e) and e.event_kind == "incident"


_INSIDE_KM = 150  # a town this close to a region's point lies in it, as far as merging goes


def _inside(a: Event, b: Event) -> bool:
    """Whether `a`'s place is more precise than `b`'s and lies in it."""
    if a.place is None or b.place is None or a.place.lat is None or b.place.lat is None:
        return False
    region = (b.place.feature or "")[:3] in ("ADM", "PCL", "RGN", "PEN") or (b.place.feature or "") == "TERR"
    if not region or ((a.place.feature or "")[:3] in ("ADM", "PCL", "RGN") and (a.geo_precision or 3) >= (b.geo_precision or 3)):
        return False  # only a town or a smaller region lies inside a region
    if (b.place.feature or "").startswith("PCL"):
        return a.place.country_code == b.place.country_code
    if a.place.lat is None or a.place.lon is None or b.place.lat is None or b.place.lon is None:
        return False  # no point to measure from
    return haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= _INSIDE_KM


def merge_mentions(
    events: list[Event], own_place: dict[str, bool], anaphoric: dict[str, bool]
) -> list[Event]:
    """Fold mentions of one event into the best-grounded one, in document order.

    `own_place[event.id]` says whether the event's place was named in its own sentence (and not
    taken from the document's focus); `anaphoric[event.id]` whether its trigger is a nominal
    that refers back ("its retreat").
    """
    groups: list[list[Event]] = []
    by_reference: set[str] = set()  # mentions that only refer back: they bring no place
    for ev in events:
        # The same event as the group's first report, and compatible with every dated report in it
        home = next(
            (g for g in groups if same_event(ev, g[0], own_place, anaphoric)
             and all(_dates_fit(ev, m) for m in g)),
            None,
        )  # fmt: skip
        if home is None and _refers_back(ev, anaphoric):
            # "The attacks have sparked panic", "Tuesday's attack was on a supply hub": the
            # violent incident told just before (of the same day when it has one), whatever
            # sub-type its first report took
            home = next(
                (g for g in reversed(groups) if _violent(g[0]) and g[0].event_kind == "incident"
                 and (ev.date_method != "governing" or g[0].date == ev.date)),
                None,
            )  # fmt: skip
            if home is not None:
                by_reference.add(ev.id)
        if home is None:
            groups.append([ev])
        else:
            home.append(ev)
    merged: list[Event] = []
    for group in groups:
        lead = min(group, key=lambda e: (DATE_METHOD_RANK[e.date_method], not own_place[e.id], e.prov.start))
        others = [e for e in group if e is not lead]
        if not others:
            merged.append(lead)
            continue
        update: dict[str, object] = {
            "mentions": [*lead.mentions, *(e.prov for e in others)],
            "actor1": lead.actor1 or next((e.actor1 for e in others if e.actor1), None),
            "actor1_country": lead.actor1_country or next((e.actor1_country for e in others if e.actor1_country), None),
            "quantity": lead.quantity or next((e.quantity for e in others if e.quantity), None),
            "fatalities": lead.fatalities or next((e.fatalities for e in others if e.fatalities), None),
        }
        # The lead's own place, unless another mention names a more precise one inside it
        # ("withdraw from Kherson" within "from the Kherson region"); with none, any named one.
        named = [e for e in group if own_place[e.id] and e.place and e.id not in by_reference]
        placed = min(named, key=lambda e: (e.geo_precision or 3, e.prov.start), default=None)
        if own_place[lead.id] and placed is not None and not _inside(placed, lead):
            placed = None
        if placed is not None and placed is not lead:
            update.update(place=placed.place, geo_precision=placed.geo_precision)
        merged.append(lead.model_copy(update=update))
    return sorted(merged, key=lambda e: e.prov.start)
