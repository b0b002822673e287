"""Claims an analyst rejected, and statements the stage used to miss (short cases written for
the tests): a denial somebody asked for, a denial that withholds, the reader's own
perception, a pronoun read as a pipeline; dash-quoted statements and "called X 'Y'"."""

from __future__ import annotations

from typing import Any

from wirecoder.claims import find_claims


def _claims(parse: Any, text: str) -> list[Any]:
    return find_claims(parse(text, "2023-02-02"), [])


def test_a_requested_denial_is_no_denial(parse: Any) -> None:
    # Blinken asked for a denial; nobody denied anything.
    claims = _claims(
        parse, "The secretary of state called on Moscow to deny that it would attack the capital."
    )
    assert all(c.stance != "deny" for c in claims)
    assert all(c.speaker is None or c.speaker.canonical != "Moscow" for c in claims)


def test_a_denial_that_withholds_is_no_statement(parse: Any) -> None:
    for text in (
        "Residents were denied entry to the occupied town.",
        "The border guards denied the journalists access to the crossing.",
    ):
        assert all(c.stance != "deny" for c in _claims(parse, text)), text


def test_the_readers_own_perception_is_no_claim(parse: Any) -> None:
    assert _claims(parse, "On the footage you can see thick smoke rising over the air base.") == []


def test_a_pronoun_is_not_resolved_to_a_pipeline(parse: Any) -> None:
    text = "Officials fear that Nord Stream 2 will be used as a weapon. He said the pipeline must be stopped."
    speakers = [c.speaker.canonical for c in _claims(parse, text) if c.speaker is not None]
    assert "Nord Stream 2" not in speakers


def test_a_pronoun_after_a_titled_name(parse: Any) -> None:
    text = (
        "Foreign ministry spokesperson Oleg Nikolenko said this in a comment to reporters.\n\n"
        "According to him, the blame for the war lies with Moscow alone."
    )
    (claim,) = [c for c in _claims(parse, text) if "blame" in c.content.text]
    assert claim.speaker is not None and claim.speaker.canonical == "Oleg Nikolenko"


def test_a_dash_quoted_statement_with_its_cue_after_it(parse: Any) -> None:
    text = "The fighting goes on.- The bridge is still standing and our units hold it - said the regional governor Oleh Petrenko."
    (claim,) = [c for c in _claims(parse, text) if "bridge" in c.content.text]
    assert claim.content.text == "The bridge is still standing and our units hold it"
    assert claim.speaker is not None and claim.speaker.canonical == "Oleh Petrenko"
    assert "said" not in claim.speaker.text


def test_a_label_keeps_whom_it_is_about(parse: Any) -> None:
    text = 'Foreign ministry spokesman Li Wei on Monday called the alliance "the one that started the crisis."'
    (claim,) = _claims(parse, text)
    assert claim.content.text.startswith("the alliance")
