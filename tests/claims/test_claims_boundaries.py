"""Claims round 2: content boundaries, separate quotes, speakerless and colon attributions.

Every text here is a short wire-style sentence written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from wirecoder.claims import find_claims


def _by_cue(claims: list[Any], cue: str) -> Any:
    found = [c for c in claims if c.cue is not None and c.cue.text == cue]
    assert found, f"no claim with cue {cue!r} in {[(c.cue and c.cue.text) for c in claims]}"
    return found[0]


def test_content_before_cue_stops_at_speaker_and_second_cue(parse: Any) -> None:
    # The "said" content is the clause before the speaker; what follows "adding that" is
    # the second cue's content, not a continuation of the first.
    text = (
        "Russian drones struck a fuel depot near Kupiansk overnight, the regional governor "
        "said in a Telegram post, adding that two workers were hurt."
    )
    claims = find_claims(parse(text, "2023-05-02"), [])
    said = _by_cue(claims, "said")
    assert said.content.text == "Russian drones struck a fuel depot near Kupiansk overnight"
    assert said.via == "Telegram"
    adding = _by_cue(claims, "adding")
    assert adding.content.text == "that two workers were hurt"
    for claim in claims:
        assert claim.cue is None or not (
            claim.content.start <= claim.cue.start < claim.content.end
        ), f"content {claim.content.text!r} holds its own cue {claim.cue.text!r}"


def test_two_adjacent_quotes_are_two_claims_of_one_speaker(parse: Any) -> None:
    # A second quotation right after the first, with no cue between them, is a separate
    # statement by the same speaker, not a continuation of the first.
    text = (
        'Olena Hrytsenko, the mayor, was quoted as saying, "There is no sign of an evacuation '
        'in the city." "Shelling went on all night near the river port and the rail yard."'
    )
    claims = find_claims(parse(text, "2023-05-02"), [])
    first = [c for c in claims if "no sign of an evacuation" in c.content.text]
    second = [c for c in claims if "Shelling went on" in c.content.text]
    assert len(first) == 1 and len(second) == 1
    assert "Shelling" not in first[0].content.text
    assert first[0].direct and second[0].direct
    for claim in (first[0], second[0]):
        assert claim.speaker is not None and claim.speaker.canonical == "Olena Hrytsenko"


def test_quote_split_by_its_cue_is_still_one_claim(parse: Any) -> None:
    text = (
        '"We pushed them back from the village," the commander said. '
        '"Now we are holding the line on the river."'
    )
    claims = find_claims(parse(text, "2023-05-02"), [])
    assert len(claims) == 1
    assert "pushed them back" in claims[0].content.text
    assert "holding the line" in claims[0].content.text


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a raising verb: the subject and the rest of the clause
        (
            "The rail bridge at Zatoka appears to have been destroyed.",
            "appears",
            "The rail bridge at Zatoka appears to have been destroyed",
        ),
        # a passive verb of expectation with an infinitive
        (
            "The new battalions are expected to reach the front by spring.",
            "expected",
            "The new battalions are expected to reach the front by spring",
        ),
        # an evidential adverb
        (
            "Two Russian generals were reportedly dismissed after the retreat.",
            "reportedly",
            "Two Russian generals were reportedly dismissed after the retreat",
        ),
        # uncertainty about a clause: only the clause is the content
        (
            "It is unclear whether the dam can still hold back the reservoir.",
            "unclear",
            "whether the dam can still hold back the reservoir",
        ),
    ],
)
def test_speakerless_attribution(parse: Any, text: str, cue: str, content: str) -> None:
    claims = find_claims(parse(text, "2023-05-02"), [])
    claim = _by_cue(claims, cue)
    assert claim.speaker is None
    assert claim.hedged
    assert claim.content.text == content


def test_reported_as_saying_keeps_its_speaker(parse: Any) -> None:
    # "was reported as saying" is the commentator's cue, not a speakerless "is reported".
    text = 'Ivan Petrenko, a local official, was reported as saying, "The convoy left at dawn."'
    claims = find_claims(parse(text, "2023-05-02"), [])
    assert len(claims) == 1
    assert claims[0].speaker is not None and claims[0].speaker.canonical == "Ivan Petrenko"


def test_hedge_inside_a_claim_marks_that_claim(parse: Any) -> None:
    # "reportedly" inside what the ministry said hedges the ministry's claim; it is not a
    # second, speakerless claim.
    text = "Russian units had reportedly left the airfield, the defence ministry said."
    claims = find_claims(parse(text, "2023-05-02"), [])
    assert len(claims) == 1
    assert claims[0].speaker is not None and claims[0].hedged


def test_headline_colon_attribution(parse: Any) -> None:
    text = "Kuleba: Talks with Moscow are not possible now\n\nKyiv, Ukraine - Fighting continued."
    claims = find_claims(parse(text, "2023-05-02"), [])
    claim = _by_cue(claims, ":")
    assert claim.speaker is not None and claim.speaker.text == "Kuleba"
    assert claim.content.text == "Talks with Moscow are not possible now"


def test_colon_after_a_common_word_is_not_a_claim(parse: Any) -> None:
    text = "Update: The bridge is closed to all traffic now\n"
    claims = find_claims(parse(text, "2023-05-02"), [])
    assert all(c.cue is None or c.cue.text != ":" for c in claims)


def test_colon_after_a_list_label_is_not_a_claim(parse: Any) -> None:
    text = "Kherson: Ivan Marchenko, Olena Bondar, Petro Kovalenko, Andrii Savchuk\n"
    claims = find_claims(parse(text, "2023-05-02"), [])
    assert all(c.cue is None or c.cue.text != ":" for c in claims)


def test_as_clause_cue(parse: Any) -> None:
    text = "As the governor said on Monday, the evacuation of the villages is not finished."
    claims = find_claims(parse(text, "2023-05-02"), [])
    claim = _by_cue(claims, "said")
    assert claim.content.text == "the evacuation of the villages is not finished"
    assert claim.speaker is not None and claim.speaker.canonical == "governor"


def test_poll_shows_its_finding(parse: Any) -> None:
    text = "A new poll shows most residents of the region in favour of the ceasefire."
    claims = find_claims(parse(text, "2023-05-02"), [])
    claim = _by_cue(claims, "shows")
    assert claim.content.text == "most residents of the region in favour of the ceasefire"


def test_content_after_cue_runs_to_clause_end(parse: Any) -> None:
    # The parser hangs "as traitors" on the cue verb; it is still part of what was said.
    text = "The commander described the deserters as traitors to their own unit."
    claims = find_claims(parse(text, "2023-05-02"), [])
    claim = _by_cue(claims, "described")
    assert claim.content.text == "the deserters as traitors to their own unit"


def test_role_before_appositive_name(parse: Any) -> None:
    # "The mayor, Olena Hrytsenko," names the speaker in the apposition; "mayor" is her role.
    text = "The mayor, Olena Hrytsenko, said the water supply was cut off again."
    (claim,) = find_claims(parse(text, "2023-05-02"), [])
    assert claim.speaker is not None
    assert claim.speaker.canonical == "Olena Hrytsenko"
    assert claim.speaker.role == "mayor"
    assert claim.speaker.entity_type == "person"


def test_concessive_phrase_on_the_cue_is_not_content(parse: Any) -> None:
    # "despite ..." is the writer's framing of the denial, not part of what was denied.
    text = "Moscow denies shelling the hospital, despite the strike killing four patients."
    claims = find_claims(parse(text, "2023-05-02"), [])
    claim = _by_cue(claims, "denies")
    assert claim.content.text == "shelling the hospital"
    assert claim.stance == "deny"


def test_quoted_title_is_not_a_statement(parse: Any) -> None:
    # A programme title in quotation marks after a claim is not a second statement.
    text = (
        "The minister said the grain corridor would reopen. He spoke on "
        '"The Evening Report with Anna Kovalenko" on Sunday.'
    )
    claims = find_claims(parse(text, "2023-05-02"), [])
    assert all("Evening Report" not in c.content.text for c in claims)


def test_participle_after_reported_clause_is_the_speakers(parse: Any) -> None:
    # The parser hangs ", calling ..." on the reported clause; it is the governor who calls
    # the attack a war crime, and the "said" content ends before it.
    text = (
        "The governor said Russian forces had shelled the town overnight, calling the attack "
        "a war crime."
    )
    claims = find_claims(parse(text, "2023-05-02"), [])
    said = _by_cue(claims, "said")
    assert said.content.text == "Russian forces had shelled the town overnight"
    calling = _by_cue(claims, "calling")
    assert calling.speaker is not None and calling.speaker.canonical == "governor"
    assert calling.content.text == "the attack a war crime"
