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


def test_rebuttal_answers_what_came_before_it() -> None:
    a = _claim(0, "Russia", "it was withdrawing its forces from the capital region")
    b = _claim(1, "Pentagon", "this is not a real withdrawal")
    later = _claim(2, "Defence ministry", "troops had withdrawn from the airport")
    found = find_contradictions("d", [a, b, later], [])
    assert [set(c.claims) for c in found] == [{"d-c0", "d-c1"}]


def test_same_thing_in_other_words() -> None:
    a = _claim(0, "Adviser", "Russia intended to turn the city into a ruin by mining every street")
    b = _claim(1, "Commentator", "there are no signs that a trap is being set in the city")
    fields = _claim(2, "Official", "fields are littered with landmines")  # mines already there
    found = find_contradictions("d", [a, fields, b], [])
    assert [set(c.claims) for c in found] == [{"d-c0", "d-c1"}]


def test_nested_claim_speaks_through_the_outer_one() -> None:
    outer = _claim(0, "Adviser", "that Moscow intended to set a trap in the city")
    inner = _claim(0, "Moscow", "to set a trap in the city")
    inner = inner.model_copy(update={"id": "d-c9", "content": Span(text="x", start=outer.content.start + 5, end=outer.content.end)})
    b = _claim(1, "Commentator", "there is no trap")
    found = find_contradictions("d", [outer, inner, b], [])
    assert [set(c.claims) for c in found] == [{"d-c0", "d-c1"}]
