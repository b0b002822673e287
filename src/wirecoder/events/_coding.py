"""ACLED and PLOVER coding of an event: its sub-type's parent type, disorder type and PLOVER
type and mode (rulebook/taxonomy.py), and the trigger words whose PLOVER coding differs from
their sub-type's default (rulebook/plover.tsv): where a sub-type spans several PLOVER types
(ACLED's "Other", "Looting/property destruction"), the trigger decides.
"""

from __future__ import annotations

from wirecoder.rulebook import plover_overrides
from wirecoder.rulebook.taxonomy import SUB_TYPES, DisorderType, SubType

POLITICAL_VIOLENCE = DisorderType.POLITICAL_VIOLENCE
DEMONSTRATIONS = DisorderType.DEMONSTRATIONS
STRATEGIC_DEVELOPMENTS = DisorderType.STRATEGIC_DEVELOPMENTS

ACLED: dict[str, SubType] = {str(k): v for k, v in SUB_TYPES.items()}

EVENT_TYPES = tuple(dict.fromkeys(s.event_type for s in ACLED.values()))


def plover_for(sub_event_type: str, lemma: str) -> tuple[str, str | None]:
    """PLOVER (event type, mode) for an ACLED sub-type raised by the trigger `lemma`.

    Example:
        >>> plover_for("Non-violent transfer of territory", "withdraw")
        ('RETREAT', 'withdraw')
    """
    overrides = plover_overrides()
    if lemma in overrides:
        return overrides[lemma]
    sub = ACLED[sub_event_type]
    return sub.plover_type, sub.plover_mode
