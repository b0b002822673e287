"""The quantities stage against the 8 gold quantities of ../shared/gold/seeds.yaml: value,
unit (names normalised) and bound. Skips when ../shared is absent."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from wirecoder.claims import find_claims
from wirecoder.quantities import find_quantities
from wirecoder.records import Quantity

# Reached when this test was written: all 8.
FLOOR = 8
# Gold unit names -> ours: the gold file writes what is counted ("troops killed") where we
# keep the unit ("troops") and put the rest in `of`.
_UNIT_ALIASES = {"troops killed": "troops"}


def _bound_ok(gold: dict[str, Any], q: Quantity) -> bool:
    """The bound when the gold gives one. The gold leaves it out for "approximately 170,000
    square kilometers", which we read as approximately: no bound given, none checked."""
    return "bound" not in gold or q.bound == str(gold["bound"]).replace(" ", "_")


def test_seed_quantities(shared_dir: Path, parse: Any) -> None:
    gold = yaml.safe_load((shared_dir / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    found: dict[str, list[Quantity]] = {}
    for doc in gold["documents"]:
        text = (shared_dir / "seeds" / doc["file"]).read_text(encoding="utf-8")
        header = re.match(r"\s*date \d{4}-\d{2}-\d{2} ", text)
        published = doc["published"]
        published = published.isoformat() if isinstance(published, dt.date) else str(published)
        parsed = parse(
            text, published, doc_id=doc["file"], body_start=header.end() if header else 0
        )
        found[doc["file"][:3]] = find_quantities(parsed, find_claims(parsed, []))
        for q in found[doc["file"][:3]]:
            assert text[q.prov.start : q.prov.end] == q.prov.text
    hits = 0
    misses = []
    for g in gold["quantities"]:
        unit = _UNIT_ALIASES.get(g["unit"], g["unit"])
        ok = [
            q
            for q in found[g["doc"]]
            if q.value == float(g["value"]) and q.unit == unit and _bound_ok(g, q)
        ]
        if ok:
            hits += 1
            if "also" in g:
                assert ok[0].also == g["also"]
        else:
            misses.append(g)
    assert hits >= FLOOR, misses
