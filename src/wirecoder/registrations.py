"""Every pipeline stage registered in one place (as spaCy's registrations), so imports stay acyclic.

Each wrapper only unpacks the StageInput and calls the stage's library function.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wirecoder.pipeline import StageInput, stage


@stage("timex", requires=["parse"], produces="times")
def timex_stage(data: StageInput) -> Sequence[Any]:
    from wirecoder.timex import find_time_expressions

    return find_time_expressions(data.parsed)


@stage("places", requires=["parse"], produces="places")
def places_stage(data: StageInput) -> Sequence[Any]:
    from wirecoder.places import find_places

    return find_places(data.parsed, data.resources.gazetteer)


@stage("claims", requires=["parse", "times"], produces="claims")
def claims_stage(data: StageInput) -> Sequence[Any]:
    from wirecoder.claims import find_claims

    return find_claims(data.parsed, data.get("times"))


@stage("quantities", requires=["parse", "claims"], produces="quantities")
def quantities_stage(data: StageInput) -> Sequence[Any]:
    from wirecoder.quantities import find_quantities

    return find_quantities(data.parsed, data.get("claims"))


@stage("events", requires=["times", "places", "claims", "quantities"], produces="events")
def events_stage(data: StageInput) -> Sequence[Any]:
    from wirecoder.events import find_events

    return find_events(
        data.parsed, data.get("times"), data.get("places"), data.get("claims"), data.get("quantities"),
        gazetteer=data.resources.gazetteer,
    )


@stage("contradictions", requires=["claims", "quantities"], produces="contradictions")
def contradictions_stage(data: StageInput) -> Sequence[Any]:
    from wirecoder.links import find_contradictions

    return find_contradictions(
        data.parsed.doc_id, data.get("claims"), data.get("quantities"), doc=data.parsed.doc
    )
