"""Disagreements between claims, on hand-built claims (contents are parsed with the small model).

Each case is a short paraphrase written for the test: a real disagreement (same proposition,
opposite polarity or incompatible values) or one of the look-alikes an analyst rejected.
"""

from __future__ import annotations

import datetime as dt

from wirecoder.links import find_contradictions
from wirecoder.links.contradictions import find_cross_contradictions
from wirecoder.records import Claim, ClaimSpeaker, Provenance, Quantity, Span

TEXT = "x" * 2000


def _claim(
    i: int, speaker: str, content: str, stance: str = "assert", *, kind: str = "unknown",
    role: str | None = None, doc: str = "d", cue: str = "said",
) -> Claim:  # fmt: skip
    start = i * 100
    prov = Provenance(
        doc_id=doc,
        sentence=i,
        start=start,
        end=start + 10,
        text=TEXT[start : start + 10],
        evidence="e",
        stage="claims",
    )
    return Claim(
        prov=prov,
        id=f"{doc}-c{i}",
        speaker=ClaimSpeaker(
            text=speaker, start=0, end=0, canonical=speaker, entity_type=kind, role=role
        ),  # type: ignore[arg-type]
        cue=Span(text=cue, start=1990 - len(cue), end=1990),  # away from every content
        content=Span(text=content, start=start, end=start + len(content)),
        stance=stance,  # type: ignore[arg-type]
    )


def _pairs(claims: list[Claim], quantities: list[Quantity] | None = None) -> list[set[str]]:
    return [set(c.claims) for c in find_contradictions("d", claims, quantities or [])]


def test_assertion_against_rebuttal() -> None:
    a = _claim(0, "Russia", "it was withdrawing forces from around the capital", kind="government")
    b = _claim(
        1, "John Kirby", "We believe this is a repositioning, not a real withdrawal", kind="person"
    )
    (c,) = find_contradictions("d", [a, b], [])
    assert set(c.claims) == {"d-c0", "d-c1"} and "withdraw" in c.reason


def test_denial_against_assertion() -> None:
    a = _claim(
        0,
        "Oleh Synehubov",
        "Russian troops shelled the hospital in Kharkiv",
        kind="person",
        role="governor",
    )
    b = _claim(
        1,
        "Russia's defence ministry",
        "its troops shelled the hospital in Kharkiv",
        "deny",
        kind="government",
    )
    (c,) = find_contradictions("d", [a, b], [])
    assert "denial" in c.reason


def test_figure_against_lower_numbers() -> None:
    a = _claim(0, "NATO", "as many as 15,000 soldiers were killed", kind="organisation")
    b = _claim(1, "Kremlin", "significantly lower casualty numbers", kind="government")
    q = Quantity(prov=a.prov, value=15000, unit="troops", bound="as_many_as", claim_id="d-c0")
    (c,) = find_contradictions("d", [a, b], [q])
    assert c.reason == "conflicting figures"


def test_agreement_and_same_speaker_are_not_contradictions() -> None:
    a = _claim(0, "Oleh Synehubov", "the bridge in Izium was destroyed", kind="person")
    b = _claim(1, "Ihor Klymenko", "the bridge in Izium was destroyed overnight", kind="person")
    c = _claim(2, "Oleh Synehubov", "the bridge in Izium was not destroyed", kind="person")
    assert _pairs([a, b]) == []
    assert {"d-c0", "d-c2"} not in _pairs([a, c])


def test_one_speaker_under_a_name_and_a_title_is_one_source() -> None:
    named = _claim(
        0, "Oleksii Reznikov", "Russia will attack Odesa", kind="person", role="defence minister"
    )
    title = _claim(1, "Ukraine's defence minister", "Russia will not attack Odesa", kind="person")
    assert _pairs([named, title]) == []
    president = _claim(2, "Ukrainian president", "Russia will not attack Odesa", kind="person")
    zelensky = _claim(
        0, "Volodymyr Zelensky", "Russia will attack Odesa", kind="person", role="President"
    )
    assert _pairs([zelensky, president]) == []


def test_unrelated_negation_is_not_a_contradiction() -> None:
    a = _claim(0, "Oleh Synehubov", "the bridge was destroyed", kind="person")
    b = _claim(1, "Ihor Klymenko", "there is no electricity in the north", kind="person")
    assert _pairs([a, b]) == []


def test_a_shared_word_is_not_a_shared_proposition() -> None:
    a = _claim(
        0, "Oleh Synehubov", "the strike on Kharkiv disrupted television broadcasts", kind="person"
    )
    b = _claim(1, "Ihor Klymenko", "nobody was hurt in the strike on Kharkiv", kind="person")
    assert _pairs([a, b]) == []


def test_negative_phrasing_of_the_same_position_is_agreement() -> None:
    a = _claim(0, "Olaf Scholz", "Germany will continue to support Ukraine", kind="person")
    b = _claim(1, "Emmanuel Macron", "Europe should not stop supporting Ukraine", kind="person")
    assert _pairs([a, b]) == []


def test_a_demand_is_not_a_statement() -> None:
    a = _claim(
        0, "Ukraine", "Russia to withdraw its troops from Kherson", kind="government", cue="urged"
    )
    b = _claim(1, "Russia", "its troops would not withdraw from Kherson", kind="government")
    assert _pairs([a, b]) == []


def test_a_possibility_or_a_condition_is_not_an_assertion() -> None:
    a = _claim(
        0, "Jake Sullivan", "a Russian attack on Kyiv could begin at any time", kind="person"
    )
    b = _claim(1, "Sergei Lavrov", "Moscow will not attack Kyiv", kind="person")
    c = _claim(2, "Joe Biden", "if Russia attacks Kyiv, sanctions will follow", kind="person")
    assert _pairs([a, b]) == [] and _pairs([c, b]) == []


def test_rebuttal_answers_what_came_before_it() -> None:
    a = _claim(
        0, "Russia", "it was withdrawing its forces from the capital region", kind="government"
    )
    b = _claim(1, "Pentagon", "this is not a real withdrawal", kind="government")
    later = _claim(2, "Hanna Malyar", "troops had withdrawn from the airport", kind="person")
    assert _pairs([a, b, later]) == [{"d-c0", "d-c1"}]


def test_it_is_not_true_answers_the_claim_just_before() -> None:
    a = _claim(0, "the Russians", "they had captured the town of Lyman", kind="group")
    b = _claim(1, "Serhiy Haidai", "It's not true. Our soldiers are still there.", kind="person")
    (c,) = find_contradictions("d", [a, b], [])
    assert set(c.claims) == {"d-c0", "d-c1"} and "rebuttal" in c.reason


def test_same_thing_in_other_words() -> None:
    a = _claim(
        0,
        "Mykhailo Podolyak",
        "Russia intended to turn Kherson into a ruin by mining every street",
        kind="person",
    )
    b = _claim(
        1,
        "Volodymyr Molchanov",
        "there are no signs that a trap is being set in Kherson",
        kind="person",
    )
    fields = _claim(
        2, "Yuri Butusov", "fields near Kherson are littered with landmines", kind="person"
    )
    assert _pairs([a, fields, b]) == [{"d-c0", "d-c1"}]


def test_different_causes_of_one_incident() -> None:
    a = _claim(
        0,
        "Russia's defence ministry",
        "the explosions at the depot near Dzhankoi were an act of sabotage",
        kind="government",
    )
    b = _claim(
        1,
        "Oliver Alexander",
        "the explosions near Dzhankoi might have been caused by ballistic missiles",
        kind="person",
    )
    (c,) = find_contradictions("d", [a, b], [])
    assert "cause" in c.reason and "sabotage" in c.reason


def test_incompatible_manner_of_one_act() -> None:
    a = _claim(0, "Russia", "Ukraine wants to return Crimea by force", kind="government")
    b = _claim(
        1, "Volodymyr Zelensky", "Crimea will return to Ukraine, but only peacefully", kind="person"
    )
    (c,) = find_contradictions("d", [a, b], [])
    assert "force vs peace" in c.reason or "peace vs force" in c.reason


def test_nested_claim_speaks_through_the_outer_one() -> None:
    outer = _claim(
        0, "Mykhailo Podolyak", "that Moscow intended to set a trap in Kherson", kind="person"
    )
    inner = _claim(0, "Moscow", "to set a trap in Kherson", kind="government", cue="intended")
    inner = inner.model_copy(
        update={
            "id": "d-c9",
            "content": Span(
                text="to set a trap in Kherson",
                start=outer.content.start + 22,
                end=outer.content.end,
            ),
        }
    )
    b = _claim(1, "Volodymyr Molchanov", "there is no trap in Kherson", kind="person")
    assert _pairs([outer, inner, b]) == [{"d-c0", "d-c1"}]


def test_a_denied_report_disagrees_with_the_report() -> None:
    report = _claim(
        0, "media", "that Washington knew Russia would invade Ukraine on Wednesday", kind="unknown"
    )
    denial = _claim(
        0,
        "Jake Sullivan",
        "reports that Washington knew Russia would invade Ukraine on Wednesday",
        "deny",
        kind="person",
    )
    report = report.model_copy(
        update={
            "id": "d-c5",
            "content": Span(text=report.content.text, start=8, end=8 + len(report.content.text)),
        }
    )
    assert _pairs([denial, report]) == [{"d-c5", "d-c0"}]


def test_across_documents_only_when_they_name_the_same_place() -> None:
    a = _claim(
        0,
        "Russia's defence ministry",
        "its forces had completed the withdrawal from Kherson",
        kind="government",
        doc="a",
    )
    b = _claim(
        0,
        "Ukrainian commander",
        "there was no withdrawal from Kherson, only a regrouping",
        kind="person",
        doc="b",
    )
    c = _claim(0, "a local official", "there was no withdrawal from Izium", kind="person", doc="c")
    day = dt.date(2022, 11, 10)
    found = find_cross_contradictions([a, b, c], {"a": day, "b": day, "c": day})
    assert [set(x.claims) for x in found] == [{"a-c0", "b-c0"}]


def test_a_denial_that_points_back_at_a_statement() -> None:
    a = _claim(
        0, "US", "that Russia was preparing for an invasion", kind="government", cue="warned"
    )
    b = _claim(1, "Moscow", "these accusations", "deny", kind="government", cue="denied")
    assert _pairs([a, b]) == [{"d-c0", "d-c1"}]
    demand = _claim(1, "NATO", "that demand", "deny", kind="organisation", cue="rejected")
    assert _pairs([a, demand]) == []  # a demand turned down is no statement disputed


def test_a_possessive_denial_answers_the_named_speaker() -> None:
    truss = _claim(
        0, "Liz Truss", "all countries must play by the rules of the market", kind="person"
    )
    other = _claim(1, "Olaf Scholz", "sanctions on Moscow are working", kind="person")
    wang = _claim(2, "Wang Wenbin", "Truss's comments", "deny", kind="person", cue="dismissed")
    assert _pairs([truss, other, wang]) == [{"d-c0", "d-c2"}]


def test_a_rejected_accusation_repeated_in_other_words() -> None:
    lavrov = _claim(
        0,
        "Sergei Lavrov",
        "the US and its allies of fighting a proxy war in Ukraine",
        kind="person",
        cue="accused",
    )
    biden = _claim(
        1,
        "Joe Biden",
        "the accusation he was fighting a proxy war",
        "deny",
        kind="person",
        cue="rejected",
    )
    (c,) = find_contradictions("d", [lavrov, biden], [])
    assert "fight" in c.reason


def test_an_event_is_disputed_between_documents_only_when_it_is_one_incident() -> None:
    from wirecoder.links.timeline import build_timeline
    from wirecoder.links.views import _event_disputes

    base = {"acled_event_type": "Explosions/Remote violence", "acled_sub_event_type": "Shelling/artillery/missile attack",
            "sentence": 0, "start": 0, "end": 5, "text": "x", "date": "2022-03-01"}  # fmt: skip
    town = {**base, "time_precision": 1, "geo_precision": 1, "cluster_id": "k"}
    report = {**town, "id": "a-e0", "doc_id": "a", "evidence": "Russian forces shelled the plant on Tuesday"}
    denial = {**town, "id": "b-e0", "doc_id": "b", "status": "denied", "source": "Russia",
              "evidence": "Moscow denied that its troops fired at the plant"}  # fmt: skip
    (entry,) = build_timeline([report, denial], {})
    assert [r for r in _event_disputes(entry) if r.startswith("denied by")]
    # "an armed clash in Ukraine": a country-wide cluster gathers many incidents
    (vague,) = build_timeline([{**m, "geo_precision": 3} for m in (report, denial)], {})
    assert _event_disputes(vague) == []
    # denied and reported in one article only: that article's own claims say so
    other = {**denial, "id": "c-e0", "doc_id": "c", "evidence": "The Kremlin rejected the report"}
    (same,) = build_timeline([{**report, "doc_id": "b"}, denial, other], {})
    assert not [r for r in _event_disputes(same) if r.startswith("denied by")]


def test_claims_called_fabricated_disagree_with_the_claims() -> None:
    leaders = _claim(
        0, "separatist leaders", "to be under Ukrainian attack", kind="group", cue="claimed"
    )
    biden = _claim(
        1,
        "Joe Biden",
        "claims of a Ukrainian attack were a fabricated pretext for an invasion",
        kind="person",
    )
    assert _pairs([leaders, biden]) == [{"d-c0", "d-c1"}]


def test_each_side_names_the_other_as_the_doer() -> None:
    kyiv = _claim(
        0,
        "Ukraine",
        "Moscow of shelling the Zaporizhzhia nuclear plant",
        kind="government",
        cue="accused",
    )
    moscow = _claim(
        1,
        "Russia",
        "Kyiv of shelling the Zaporizhzhia nuclear plant",
        kind="government",
        cue="accused",
    )
    (c,) = find_contradictions("d", [kyiv, moscow], [])
    assert "who did" in c.reason
    elsewhere = _claim(
        1, "Russia", "Kyiv of shelling the city of Donetsk", kind="government", cue="accused"
    )
    assert _pairs([kyiv, elsewhere]) == []  # two targets: two acts


def test_denying_who_did_it_is_not_denying_that_it_happened() -> None:
    accused = _claim(
        0, "Ivan Moroz", "he killed the journalist in Bucha", "deny", kind="person", cue="denied"
    )
    book = _claim(1, "Anna Koval", "the death of the journalist in Bucha", kind="person")
    police = _claim(2, "police", "Ivan Moroz killed the journalist in Bucha", kind="group")
    assert _pairs([accused, book]) == []
    assert _pairs([accused, police]) == [{"d-c0", "d-c2"}]


def test_options_and_abilities_are_possibilities() -> None:
    analysts = _claim(
        0, "analysts", "Russia has a range of options to attack Kyiv at any moment", kind="group"
    )
    kremlin = _claim(
        1, "Kremlin", "it is planning to attack Kyiv", "deny", kind="government", cue="denies"
    )
    plans = _claim(0, "Antony Blinken", "Russia has plans to attack Kyiv", kind="person")
    assert _pairs([analysts, kremlin]) == [] and _pairs([plans, kremlin]) == [{"d-c0", "d-c1"}]


def test_one_statement_given_two_speakers_is_not_two() -> None:
    a = _claim(0, "Hillary Clinton", "we are not going to send troops to Libya", kind="person")
    b = a.model_copy(update={"id": "d-c1", "stance": "deny",
                             "speaker": ClaimSpeaker(text="Republicans", start=0, end=0, canonical="Republicans", entity_type="group")})  # fmt: skip
    assert _pairs([a, b]) == []


def test_a_halted_mission_and_a_wish_deny_nothing() -> None:
    launched = _claim(
        0,
        "CNN",
        "coalition forces launched an attack on military targets in Libya",
        kind="organisation",
    )
    halted = _claim(
        1,
        "British Ministry of Defence",
        "it halted a mission to attack a target in Libya",
        kind="government",
    )
    assert _pairs([launched, halted]) == []
    killed = _claim(
        0, "Abdel Shaaban", "bin Laden's killing in Abbottabad was a criminal act", kind="person"
    )
    wish = _claim(
        1,
        "Umm Mohammed",
        "she hoped the news of bin Laden's death in Abbottabad was a lie",
        kind="person",
    )
    assert _pairs([killed, wish]) == []


def test_a_name_and_a_thing_of_its_are_two_targets() -> None:
    nato = _claim(
        0, "NATO", "targeting Gaddafi or his family", "deny", kind="organisation", cue="denies"
    )
    cameron = _claim(
        1, "David Cameron", "NATO is targeting Gaddafi's war-making machine", kind="person"
    )
    assert _pairs([nato, cameron]) == []


def test_a_challenged_statement_but_not_an_expressed_doubt() -> None:
    moscow = _claim(0, "Russia", "it began to withdraw some forces from the border", kind="government")
    kyiv = _claim(1, "Ukraine", "this statement", "doubt", kind="government", cue="challenged")
    biden = _claim(1, "Joe Biden", "the claim", "doubt", kind="person", cue="expressed skepticism")
    assert _pairs([moscow, kyiv]) == [{"d-c0", "d-c1"}] and _pairs([moscow, biden]) == []
