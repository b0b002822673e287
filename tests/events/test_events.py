"""Event detection and coding on short reports written for these tests."""

from __future__ import annotations

import pytest

# (text, published, expected (event_type, sub_event_type), expected fields) — one event each.
CASES = [
    # territory regained, dated by its own clause
    ("Ukrainian forces recaptured the town of Izium on Saturday, the army said.", "2022-09-14",
     ("Battles", "Government regains territory"), {"date": "2022-09-10", "place": (49.21, 37.26)}),
    # an announcement is not a withdrawal
    ("On Wednesday, Russia announced it would withdraw its troops from the city of Kherson.", "2022-11-11",
     ("Strategic developments", "Non-violent transfer of territory"), {"status": "announced", "date": "2022-11-09"}),
    # an attempt to advance is a clash, never a capture
    ("Ukrainian troops were attempting to advance toward Bucha on Saturday.", "2022-04-02",
     ("Battles", "Armed clash"), {"date": "2022-04-02"}),
    # prevented from seizing: a clash
    ("Russian troops were blocked in March from seizing Kyiv.", "2022-11-11",
     ("Battles", "Armed clash"), {"date": "2022-03", "kind": "background"}),
    # shelling with its place
    ("Russian artillery shelled Kharkiv on Tuesday.", "2022-03-04",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack"), {"date": "2022-03-01", "place": (49.99, 36.23)}),
]


@pytest.mark.parametrize(("text", "published", "category", "fields"), CASES)
def test_event_cases(pipeline, article, text, published, category, fields) -> None:
    result = pipeline.process_one(article(text, published))
    matching = [e for e in result.incidents if (e.acled_event_type, e.acled_sub_event_type) == category]
    assert matching, [(e.acled_sub_event_type, e.trigger.text) for e in result.incidents]
    event = matching[0]
    if "date" in fields:
        assert event.date == fields["date"]
    if "status" in fields:
        assert event.status == fields["status"]
    if "kind" in fields:
        assert event.event_kind == fields["kind"]
    if "place" in fields:  # within 25 km of the town
        from wirecoder._geo import haversine_km

        assert event.place is not None and event.place.lat is not None
        assert haversine_km(*fields["place"], event.place.lat, event.place.lon) < 25
    assert result.article.text[event.prov.start : event.prov.end] == event.prov.text


def test_negated_event_is_not_an_event(pipeline, article) -> None:
    result = pipeline.process_one(article("Russian forces did not shell the city on Monday.", "2022-03-04"))
    assert not [e for e in result.incidents if e.acled_event_type == "Explosions/Remote violence"]


def test_claimed_event_carries_its_source(pipeline, article) -> None:
    text = "The regional governor said on Telegram that Russian troops had looted shops in Kherson."
    result = pipeline.process_one(article(text, "2022-11-11"))
    loot = [e for e in result.incidents if e.acled_sub_event_type == "Looting/property destruction"]
    assert loot and loot[0].claimed and loot[0].status == "claimed"
    assert loot[0].source and "governor" in loot[0].source.lower()


def test_publication_fallback_is_marked(pipeline, article) -> None:
    result = pipeline.process_one(article("Russian troops shelled Mykolaiv, the mayor said.", "2022-06-01"))
    (event,) = [e for e in result.incidents if e.acled_event_type == "Explosions/Remote violence"]
    assert event.date_method in ("publication", "statement")
    assert event.date == "2022-06-01"


def test_no_date_means_no_event_date(pipeline, article) -> None:
    result = pipeline.process_one(article("Russian troops shelled Mykolaiv on Monday."))
    (event,) = [e for e in result.incidents if e.acled_event_type == "Explosions/Remote violence"]
    assert event.date is None and event.date_method == "none"
