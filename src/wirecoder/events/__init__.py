"""Events: ACLED-coded events assembled from triggers, times, places, claims and quantities."""

from wirecoder.events._actors import normalise_actor
from wirecoder.events.detect import find_events

__all__ = ["find_events", "normalise_actor"]
