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
    village, city = _places(parse, gazetteer, text)
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
