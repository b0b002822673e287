"""Resolution: feature implied by the text, containment, country point, offsets, metonymy."""

from __future__ import annotations

from collections.abc import Callable

from wirecoder.parse import ParsedArticle
from wirecoder.places import Gazetteer, find_places
from wirecoder.places._geo import haversine_km
from wirecoder.records import PlaceMention

Parse = Callable[..., ParsedArticle]


def _places(parse: Parse, gazetteer: Gazetteer, text: str) -> list[PlaceMention]:
    parsed = parse(text)
    places = find_places(parsed, gazetteer)
    for p in places:
        assert parsed.text[p.prov.start : p.prov.end] == p.prov.text
        assert p.prov.stage == "places"
    return places


def test_city_versus_province(parse: Parse, gazetteer: Gazetteer) -> None:
    places = _places(parse, gazetteer, "Troops left the city of Kherson, the capital of Kherson province.")
    city, province = places
    assert city.prov.text == "Kherson" and city.feature == "PPL" and city.geo_precision == 1
    assert haversine_km(city.lat or 0, city.lon or 0, 46.6354, 32.6169) < 10
    assert province.prov.text == "Kherson province" and province.feature == "ADM1"
    assert province.geo_precision == 3 and province.geonames_id != city.geonames_id


def test_bare_name_is_the_city(parse: Parse, gazetteer: Gazetteer) -> None:
    (kharkiv,) = _places(parse, gazetteer, "Explosions were heard in Kharkiv on Monday.")
    assert kharkiv.feature == "PPL" and kharkiv.admin1 is not None


def test_region_around(parse: Parse, gazetteer: Gazetteer) -> None:
    (region,) = _places(parse, gazetteer, "Troops regained the region around the capital Kyiv.")
    assert region.feature == "ADM1" and region.country_code == "UA"


def test_country_is_the_country(parse: Parse, gazetteer: Gazetteer) -> None:
    (turkey,) = _places(parse, gazetteer, "Negotiators met for peace talks in Turkey this week.")
    assert turkey.feature == "PCLI" and turkey.geo_precision == 3
    assert haversine_km(turkey.lat or 0, turkey.lon or 0, 39.0, 35.0) < 100  # not Ankara


def test_river_not_city(parse: Parse, gazetteer: Gazetteer) -> None:
    places = _places(parse, gazetteer, "Russian forces pulled back across the Dnipro toward the east.")
    assert [(p.prov.text, p.feature) for p in places] == [("Dnipro", "STM")]


def test_containment(parse: Parse, gazetteer: Gazetteer) -> None:
    places = _places(parse, gazetteer, "The fair opened in Springfield, Illinois, on Saturday.")
    assert places[0].admin1 == "Illinois" and places[1].feature == "ADM1"
    places = _places(parse, gazetteer, "The fair opened in Springfield, Massachusetts, on Saturday.")
    assert places[0].admin1 == "Massachusetts"


def test_offset_confirms_candidate(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Soldiers reached the village of Snihurivka, about 55 kilometers (35 miles) north of the city of Kherson."
    village, _city = _places(parse, gazetteer, text)
    assert village.name == "Snihurivka" and village.relative_to == "55 km north of Kherson"
    assert haversine_km(village.lat or 0, village.lon or 0, 47.0758, 32.8053) < 25


def test_offset_places_unknown_village(parse: Parse, gazetteer: Gazetteer) -> None:
    text = "Troops entered the village of Zzyxovka, 30 km east of the city of Kherson."
    village, city = _places(parse, gazetteer, text)
    assert village.geonames_id is None and village.relative_to == "30 km east of Kherson"
    assert village.lat is not None and village.lon is not None and village.uncertainty_km
    assert 25 < haversine_km(village.lat, village.lon, city.lat or 0, city.lon or 0) < 35
    assert village.lon > (city.lon or 0) and village.geo_precision == 2


def test_unknown_place_has_reason(parse: Parse, gazetteer: Gazetteer) -> None:
    (village,) = _places(parse, gazetteer, "Villagers returned to the village of Zzyxovka.")
    assert not village.resolved and village.reason and village.lat is None


def test_metonymy(parse: Parse, gazetteer: Gazetteer) -> None:
    places = _places(parse, gazetteer, "Moscow announced a withdrawal, and Kyiv said it was a trap.")
    assert [(p.name, p.role) for p in places] == [("Moscow", "actor"), ("Kyiv", "actor")]
    places = _places(parse, gazetteer, "Missiles struck Kyiv and fighters gathered near Moscow.")
    assert [p.role for p in places] == ["location", "location"]
    assert places[1].geo_precision == 2  # "near Moscow"


def test_place_in_organisation_name_is_not_an_event_location(parse: Parse, gazetteer: Gazetteer) -> None:
    (oakland,) = _places(parse, gazetteer, "The Oakland Police Department released the names on Monday.")
    assert oakland.prov.text == "Oakland" and oakland.country_code == "US" and oakland.role == "actor"


def test_street_is_named_but_not_placed(parse: Parse, gazetteer: Gazetteer) -> None:
    (street,) = _places(parse, gazetteer, "The crash closed Main Street for most of Tuesday.")
    assert street.prov.text == "Main Street" and not street.resolved and street.lat is None
    assert "street" in (street.reason or "")


def test_street_placed_at_the_town_named_with_it(parse: Parse, gazetteer: Gazetteer) -> None:
    street, town, state = _places(parse, gazetteer, "The crash closed Main Street in Springfield, Illinois.")
    assert street.prov.text == "Main Street" and street.geo_precision == 2
    assert town.admin1 == "Illinois" and (street.lat, street.lon) == (town.lat, town.lon)
    assert street.relative_to == "in Springfield" and state.feature == "ADM1"


def test_capital_before_region_of_same_name(parse: Parse, gazetteer: Gazetteer) -> None:
    (washington,) = _places(parse, gazetteer, "Lawmakers returned to Washington for the vote.")
    assert washington.feature == "PPLC" and haversine_km(washington.lat or 0, washington.lon or 0, 38.9, -77.04) < 20


def test_namesake_chosen_by_the_state_the_document_names(parse: Parse, gazetteer: Gazetteer) -> None:
    text = ("Deputies in Henry County, Tennessee, arrested a man on Friday. He was held in the jail "
            "in Paris until his hearing.")  # fmt: skip
    places = _places(parse, gazetteer, text)
    paris = next(p for p in places if p.prov.text == "Paris")
    assert paris.country_code == "US" and paris.admin1 == "Tennessee"


def test_names_that_cohere_in_one_place(parse: Parse, gazetteer: Gazetteer) -> None:
    # No state is named: "Paris" and "Henry County" each have many entries, but only in
    # Tennessee do two of them lie together.
    text = "Volunteer crews from Paris and Henry County fought the barn fire on Tuesday night."
    places = {p.prov.text: p for p in _places(parse, gazetteer, text)}
    assert places["Paris"].admin1 == "Tennessee" and places["Henry County"].admin1 == "Tennessee"
