"""places stage: toponym recognition and resolution against a GeoNames gazetteer."""

from wirecoder.places.gazetteer import Candidate, Gazetteer, open_gazetteer
from wirecoder.places.recognize import Toponym, recognize_toponyms
from wirecoder.places.resolve import find_places, resolve_toponyms

__all__ = [
    "Candidate",
    "Gazetteer",
    "Toponym",
    "find_places",
    "open_gazetteer",
    "recognize_toponyms",
    "resolve_toponyms",
]
