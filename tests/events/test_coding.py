"""Event coding added for issue #7: PLOVER, actors, headline grammar, modality, merged mentions."""

from __future__ import annotations

from wirecoder.events._coding import ACLED, EVENT_TYPES, plover_for


def test_acled_taxonomy_is_complete() -> None:
    assert len(EVENT_TYPES) == 6 and len(ACLED) == 25
    assert ACLED["Peaceful protest"].disorder_type == "Demonstrations"
    assert plover_for("Non-violent transfer of territory", "withdraw") == ("RETREAT", "withdraw")
    assert plover_for("Other", "talk")[0] == "CONSULT"


def _events(pipeline, article, text, published="2022-03-10"):
    return pipeline.process_one(article(text, published)).incidents


def test_headline_fragments_report_events(pipeline, article) -> None:
    (ev,) = _events(pipeline, article, "Apartment block hit by missile in Kharkiv")
    assert ev.acled_sub_event_type == "Shelling/artillery/missile attack" and ev.plover_event_type == "ASSAULT"
    assert ev.place is not None and ev.place.name.startswith("Kharkiv")
    (tank,) = _events(pipeline, article, "Destroyed Russian tank near Bucha")
    assert tank.acled_sub_event_type == "Armed clash"
    (presence,) = _events(pipeline, article, "Russian troops in Berdyansk")
    assert presence.acled_sub_event_type == "Change to group/activity"


def test_weapon_decides_remote_violence(pipeline, article) -> None:
    (ev,) = _events(pipeline, article, "A drone struck a fuel depot in Dnipro on Tuesday.")
    assert ev.acled_sub_event_type == "Air/drone strike"


def test_potential_and_summary_are_no_events(pipeline, article) -> None:
    assert not _events(pipeline, article, "Analysts said Russia was still capable of launching a counterattack.")
    assert not _events(pipeline, article, "The war has killed thousands and displaced millions.")


def test_toll_belongs_to_its_attack(pipeline, article) -> None:
    evs = _events(pipeline, article, "Russian rockets hit a school in Kharkiv on Monday, killing five civilians.")
    assert len(evs) == 1
    assert evs[0].acled_event_type == "Explosions/Remote violence" and evs[0].fatalities == 5


def test_pronoun_actor_and_territory_side(pipeline, article) -> None:
    evs = _events(pipeline, article, "On Tuesday, Moscow announced that it would withdraw its troops from Kherson.", "2022-11-11")
    (ev,) = evs
    assert ev.actor1 == "Military Forces of Russia (2000-)" and ev.actor1_country == "RU"
    assert ev.status == "announced"
    (cap,) = _events(pipeline, article, "Russian forces captured the town of Izium on Friday.", "2022-04-03")
    assert cap.acled_sub_event_type == "Non-state actor overtakes territory"


def test_mentions_of_one_event_are_merged(pipeline, article) -> None:
    text = (
        "Russian forces withdrew from Kherson on Wednesday, officials said. "
        "The withdrawal from Kherson was completed under fire. "
        "Separately, Ukrainian troops recaptured Snihurivka on Thursday."
    )
    evs = _events(pipeline, article, text, "2022-11-11")
    withdrawals = [e for e in evs if e.acled_sub_event_type == "Non-violent transfer of territory"]
    assert len(withdrawals) == 1 and len(withdrawals[0].mentions) == 1
    m = withdrawals[0].mentions[0]
    assert text[m.start : m.end] == m.text and "withdrawal" in m.text
    assert any(e.acled_sub_event_type == "Government regains territory" for e in evs)


def test_different_towns_stay_different_events(pipeline, article) -> None:
    text = "Russian troops withdrew from Hostomel on Friday. Russian troops withdrew from Bucha on Friday."
    evs = _events(pipeline, article, text, "2022-04-02")
    assert len([e for e in evs if e.acled_sub_event_type == "Non-violent transfer of territory"]) == 2


def test_habitual_rule_and_evacuation_are_no_events(pipeline, article) -> None:
    assert not _events(pipeline, article, '"Our forces strike only military targets," the ministry said.')
    assert not _events(pipeline, article, "About 200 residents were evacuated from the village on Monday.")


def test_undated_event_takes_the_news_day_not_the_print_day(pipeline, article) -> None:
    text = (
        "Ukrainian officials said on Thursday that the front had moved. "
        "By Thursday night, troops were near the river. "
        '"Firefights are breaking out near the crossings at Nova Kakhovka," an analyst said.'
    )
    evs = _events(pipeline, article, text, "2022-11-11")  # a Friday
    (clash,) = [e for e in evs if e.acled_sub_event_type == "Armed clash"]
    assert clash.date == "2022-11-10" and clash.date_method == "narrative"
    # one passing mention of a day is no news day
    (one,) = _events(pipeline, article, "Fighting broke out near the crossings, an official said on Thursday.", "2022-11-11")
    assert one.date_method in ("statement", "governing", "publication")


def test_monitor_descriptions(pipeline, article) -> None:
    cases = [
        ("Bodies lie in a courtyard in Chernihiv", "Violence against civilians"),
        ("Warehouse on fire in Brovary", "Explosions/Remote violence"),
        ("Rocket fragment found in a playground in Kharkiv", "Explosions/Remote violence"),
        ("Russian army in Melitopol", "Strategic developments"),
    ]
    for text, event_type in cases:
        evs = _events(pipeline, article, text)
        assert evs and evs[0].acled_event_type == event_type, (text, [(e.acled_sub_event_type, e.trigger.text) for e in evs])
    (taken,) = _events(pipeline, article, "Russian forces took over the airport in Hostomel on Friday.", "2022-03-01")
    assert taken.acled_sub_event_type == "Non-state actor overtakes territory"
    (base,) = _events(pipeline, article, "Russian troops set up a checkpoint near Kherson on Monday.", "2022-03-09")
    assert base.acled_sub_event_type == "Headquarters or base established"
    (fired,) = _events(pipeline, article, "The town of Irpin came under fire on Sunday, residents said.", "2022-03-08")
    assert fired.acled_event_type == "Explosions/Remote violence"
