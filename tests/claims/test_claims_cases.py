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


def test_cue_inside_quote_stays_inside(parse: Any) -> None:
    # The verb "finds" inside the quotation must not take the cue after the closing mark as
    # its content; the two quoted halves around "Smith said" are one statement.
    text = (
        '"Every day he finds a new way to show he cannot lead," Anna Smith said. '
        '"Today he is accepting praise while the city burns."'
    )
    parsed = parse(text, "2023-02-02")
    claims = find_claims(parsed, [])
    quote_end = text.index('," Anna')
    for c in claims:
        if c.cue is not None and c.cue.start < quote_end:
            assert c.content.end <= quote_end + 2, c.content.text
    smith = [c for c in claims if c.speaker is not None and c.speaker.canonical == "Anna Smith"]
    assert len(smith) == 1
    assert "new way" in smith[0].content.text and "city burns" in smith[0].content.text


def test_demonstrative_subject_is_not_a_speaker(parse: Any) -> None:
    text = "It is a turning point, but that does not imply the war is over, said Ben Ford."
    claims = find_claims(parse(text, "2023-02-02"), [])
    assert claims, "the appended 'said Ben Ford' claim is missing"
    assert all(c.speaker is None or c.speaker.text.lower() != "that" for c in claims)


def test_cue_inside_a_quote_is_not_a_second_claim(parse: Any) -> None:
    # "I think" inside the commander's quotation is part of what he said, not a claim of
    # its own: one claim, the commander's.
    text = '"I think the town will fall soon," the commander said.'
    claims = find_claims(parse(text, "2023-02-02"), [])
    assert [c.speaker.canonical if c.speaker else None for c in claims] == ["commander"]


def test_adverbial_before_main_clause_cue_is_not_content(parse: Any) -> None:
    text = (
        "While visiting the front line on Monday, the president criticised the slow delivery "
        "of air defence systems."
    )
    (claim,) = find_claims(parse(text, "2023-02-02"), [])
    assert claim.content.text == "the slow delivery of air defence systems"


def test_coordinated_cue_takes_the_first_speaker(parse: Any) -> None:
    # The parser hangs "criticised" under "said"'s complement; its speaker is still the mayor.
    text = "The mayor said the water supply was restored and criticised the army for the delay."
    claims = find_claims(parse(text, "2023-02-02"), [])
    said = next(c for c in claims if c.cue is not None and c.cue.text == "said")
    assert "criticised" not in said.content.text
    other = [c for c in claims if c.cue is not None and c.cue.text == "criticised"]
    assert other and other[0].speaker is not None and other[0].speaker.canonical == "mayor"
