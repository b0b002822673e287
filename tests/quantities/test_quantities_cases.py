"""The quantities stage on short wire-style cases (tests/quantities/cases/*.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirecoder.claims import find_claims
from wirecoder.quantities import find_quantities

CASES = [
    json.loads(line)
    for path in sorted((Path(__file__).parent / "cases").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], parse: Any) -> None:
    parsed = parse(case["text"], case.get("published"))
    quantities = find_quantities(parsed, [])
    for q in quantities:
        assert q.prov.text == parsed.text[q.prov.start : q.prov.end]
        assert q.prov.stage == "quantities"
    if "count" in case:
        assert len(quantities) == case["count"], [q.prov.text for q in quantities]
    by_text = {q.prov.text: q for q in quantities}
    for want in case["expected"]:
        assert want["text"] in by_text, f"{want['text']!r} not in {list(by_text)}"
        q = by_text[want["text"]]
        for key, value in want.items():
            if key != "text":
                assert getattr(q, key) == value, (
                    f"{want['text']!r}: {key} {getattr(q, key)!r} != {value!r}"
                )


def test_claim_id_when_inside_claim_content(parse: Any) -> None:
    parsed = parse(
        "Seventeen soldiers were wounded near the border, the ministry said.", "2023-05-02"
    )
    claims = find_claims(parsed, [])
    (quantity,) = find_quantities(parsed, claims)
    assert claims and quantity.claim_id == claims[0].id
    assert quantity.value == 17 and quantity.unit == "troops"


def test_no_claim_id_outside_claims(parse: Any) -> None:
    parsed = parse("Seventeen soldiers were wounded near the border.", "2023-05-02")
    (quantity,) = find_quantities(parsed, find_claims(parsed, []))
    assert quantity.claim_id is None
