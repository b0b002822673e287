"""The claims stage on short wire-style cases (tests/claims/cases/*.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirecoder.claims import find_claims

CASES = [
    json.loads(line)
    for path in sorted((Path(__file__).parent / "cases").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _match(claim: Any, want: dict[str, Any]) -> list[str]:
    """What differs between a claim and an expected row (empty when it matches)."""
    errors = []
    if claim.speaker is None or claim.speaker.canonical != want["speaker"]:
        errors.append(
            f"speaker {claim.speaker.canonical if claim.speaker else None!r} != {want['speaker']!r}"
        )
    if want["content"] not in claim.content.text:
        errors.append(f"content {claim.content.text!r} lacks {want['content']!r}")
    checks = {
        "via": claim.via,
        "direct": claim.direct,
        "hedged": claim.hedged,
        "stance": claim.stance,
        "date": claim.date,
        "entity_type": claim.speaker.entity_type if claim.speaker else None,
        "speaker_text": claim.speaker.text if claim.speaker else None,
        "cue": claim.cue.text.lower() if claim.cue else None,
    }
    for key, got in checks.items():
        if key in want and got != want[key]:
            errors.append(f"{key} {got!r} != {want[key]!r}")
    if "role" in want and (claim.speaker is None or want["role"] not in (claim.speaker.role or "")):
        errors.append(
            f"role {claim.speaker.role if claim.speaker else None!r} lacks {want['role']!r}"
        )
    return errors


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], parse: Any, make_time: Any) -> None:
    parsed = parse(case["text"], case.get("published"))
    times = [make_time(parsed, phrase, value) for phrase, value in case.get("times", [])]
    claims = find_claims(parsed, times)
    for claim in claims:
        assert claim.prov.text == parsed.text[claim.prov.start : claim.prov.end]
        assert claim.content.text == parsed.text[claim.content.start : claim.content.end]
        assert claim.prov.stage == "claims"
    if not case["expected"]:
        assert claims == []
        return
    for want in case["expected"]:
        candidates = [c for c in claims if want["content"] in c.content.text]
        assert candidates, (
            f"no claim with content {want['content']!r} in {[c.content.text for c in claims]}"
        )
        problems = [_match(c, want) for c in candidates]
        assert min(problems, key=len) == [], min(problems, key=len)


def test_ids_are_deterministic_and_numbered(parse: Any) -> None:
    text = "Officials said the road was open. The governor said the bridge was closed."
    parsed = parse(text, "2023-01-01", doc_id="abcdefghijklmnop")
    first = find_claims(parsed, [])
    again = find_claims(parsed, [])
    assert [c.id for c in first] == ["abcdefghijkl-c1", "abcdefghijkl-c2"]
    assert first == again


def test_statement_date_ignores_dates_inside_content(parse: Any, make_time: Any) -> None:
    text = "The strike on Monday destroyed a depot, the army said."
    parsed = parse(text, "2023-01-04")
    times = [make_time(parsed, "on Monday", "2023-01-02")]
    (claim,) = find_claims(parsed, times)
    assert claim.date is None  # Monday is when the strike happened, not when the army spoke
