"""Reports told and denied (short cases written for the tests): "denied media reports that
...", "reports in Western media on ..."."""

from __future__ import annotations

from typing import Any

from wirecoder.claims import find_claims


def _claims(parse: Any, text: str) -> list[Any]:
    return find_claims(parse(text, "2023-02-02"), [])


def test_a_denied_report_and_the_report_itself(parse: Any) -> None:
    text = "The adviser Jack Harlow denied media reports that Washington knew the date of the offensive."
    claims = _claims(parse, text)
    denial = [c for c in claims if c.stance == "deny"]
    assert denial and denial[0].content.text.startswith("media reports that Washington knew")
    report = [c for c in claims if c.speaker is not None and c.speaker.canonical == "media"]
    assert report and report[0].content.text == "that Washington knew the date of the offensive"


def test_reports_in_the_press_on_something(parse: Any) -> None:
    text = "The minister mocked the reports in Western media outlets on the attack from the territory of Belarus."
    (claim,) = [c for c in _claims(parse, text) if "attack" in c.content.text]
    assert claim.speaker is not None and "media outlets" in claim.speaker.canonical
    assert claim.content.text == "the attack from the territory of Belarus"

