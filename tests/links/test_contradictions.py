"""Contradictions between claims, on hand-built claims (no parse needed)."""

from __future__ import annotations

from wirecoder.links import find_contradictions
from wirecoder.records import Claim, ClaimSpeaker, Provenance, Quantity, Span

TEXT = "x" * 400


def _claim(i: int, speaker: str, content: str, stance: str = "assert") -> Claim:
    start = i * 100
    prov = Provenance(doc_id="d", sentence=i, start=start, end=start + 10, text=TEXT[start : start + 10], evidence="e", stage="claims")
    return Claim(
        prov=prov,
        id=f"d-c{i}",
        speaker=ClaimSpeaker(text=speaker, start=0, end=0, canonical=speaker),
        cue=None,
        content=Span(text=content, start=start, end=start + len(content)),
        stance=stance,  # type: ignore[arg-type]
    )


def test_assertion_against_rebuttal() -> None:
    a = _claim(0, "Russia", "it was withdrawing forces from around the capital")
    b = _claim(1, "John Kirby", "We believe this is a repositioning, not a real withdrawal")
    (c,) = find_contradictions("d", [a, b], [])
    assert set(c.claims) == {"d-c0", "d-c1"} and "withd" in c.reason


def test_denial_against_assertion() -> None:
    a = _claim(0, "Governor", "troops shelled the hospital")
    b = _claim(1, "Defence ministry", "troops shelled the hospital", stance="deny")
    (c,) = find_contradictions("d", [a, b], [])
    assert "denial" in c.reason


def test_figure_against_lower_numbers() -> None:
    a = _claim(0, "NATO", "as many as 15,000 soldiers were killed")
    b = _claim(1, "Kremlin", "significantly lower casualty numbers")
    q = Quantity(prov=a.prov, value=15000, unit="troops", bound="as_many_as", claim_id="d-c0")
    (c,) = find_contradictions("d", [a, b], [q])
    assert c.reason == "conflicting figures"


def test_agreement_and_same_speaker_are_not_contradictions() -> None:
    a = _claim(0, "Governor", "the bridge was destroyed")
    b = _claim(1, "Mayor", "the bridge was destroyed overnight")
    c = _claim(2, "Governor", "the bridge was not destroyed")
    assert find_contradictions("d", [a, b], []) == []
    assert all({"d-c0", "d-c2"} != set(x.claims) for x in find_contradictions("d", [a, c], []))


def test_unrelated_negation_is_not_a_contradiction() -> None:
    a = _claim(0, "Governor", "the bridge was destroyed")
    b = _claim(1, "Mayor", "there is no electricity in the north")
    assert find_contradictions("d", [a, b], []) == []
