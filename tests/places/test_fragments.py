"""Places in short event descriptions ("Explosion in central X", "X railway station destroyed"):
which entry, which role, which precision. Cases written for these tests in the style of
conflict-monitor event descriptions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirecoder.parse import ParsedArticle
from wirecoder.places import Gazetteer, find_places
from wirecoder.records import PlaceMention

Parse = Callable[..., ParsedArticle]


def _places(parse: Parse, gazetteer: Gazetteer, text: str) -> list[PlaceMention]:
    return find_places(parse(text, "2022-03-10"), gazetteer)


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        # A region named after its city: the bare name is the city, "region" makes it the oblast.
        ("Rocket fire reported in Mykolaiv at dawn", "Mykolayiv", "PPL"),
        ("Shelling hit Mykolaiv region overnight", "Mykolaivska oblast", "ADM1"),
        # A river's name without "the" is the town named after it.
        ("Shells landed in Oskil on Tuesday", "Oskil", "PPL"),
        # Another English spelling of a Ukrainian city, where a Russian village has the exact one.
        ("Air raid sirens sounded in Vinnitsa overnight", "Vinnytsya", "PPL"),
        # Misspellings of towns: a slipped letter, two swapped letters.
        ("Strikes reported in Mariupl", "Mariupol", "PPL"),
        ("Missile debris found in Donestk", "Donetsk", "PPL"),
    ],
)
def test_entry(parse: Parse, gazetteer: Gazetteer, text: str, name: str, feature: str) -> None:
    places = [p for p in _places(parse, gazetteer, text) if p.resolved]
    assert [(p.name, p.feature, p.country_code) for p in places] == [(name, feature, "UA")]


def test_river_with_article_stays_a_river(parse: Parse, gazetteer: Gazetteer) -> None:
    town, river = _places(parse, gazetteer, "Strikes in Dnipro and along the Dnipro.")
    assert town.feature == "PPL" and river.feature == "STM"


@pytest.mark.parametrize(
    "text",
    [
        "Lozova railway station damaged by rockets",
        "Fires burned at Melitopol Airbase overnight",
        "Kramatorsk City Council building destroyed.",
        "Windows blown out at the Institute of Radio Astronomy of Kharkiv University",
    ],
)
def test_facility_town_is_the_location(parse: Parse, gazetteer: Gazetteer, text: str) -> None:
    (place,) = _places(parse, gazetteer, text)
    assert place.role == "location" and place.geo_precision == 2 and place.feature == "PPL"
    assert place.country_code == "UA"


def test_facility_that_speaks_is_an_actor(parse: Parse, gazetteer: Gazetteer) -> None:
    (place,) = _places(parse, gazetteer, "The Berdiansk city council said two people died.")
    assert place.name == "Berdyansk" and place.role == "actor"


def test_news_outlet_is_no_facility(parse: Parse, gazetteer: Gazetteer) -> None:
    assert _places(parse, gazetteer, "The Kyiv Independent reported the strike.") == []


def test_unknown_village_with_region_is_not_fuzzy_matched(parse: Parse, gazetteer: Gazetteer) -> None:
    village, region = _places(parse, gazetteer, "Burnt tanks in Zzyxovka, Kyiv Oblast")
    assert not village.resolved and region.feature == "ADM1"


def test_other_spelling_needs_the_documents_countries(parse: Parse, gazetteer: Gazetteer) -> None:
    # "Baltia" is a spelling of Balta (Ukraine) and nothing else: among US places it is a company.
    places = _places(parse, gazetteer, "Shares of Baltia rose in New York and Chicago on Monday.")
    assert [p.prov.text for p in places] == ["New York", "Chicago"]
    # A district NER calls a place, whose only spelling match is in another country: unresolved.
    district, cairo, egypt = _places(parse, gazetteer, "The blast hit the Abbasiya district of Cairo, Egypt.")
    assert not district.resolved and cairo.country_code == egypt.country_code == "EG"
