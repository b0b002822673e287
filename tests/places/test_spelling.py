"""Transliteration keys and fuzzy lookup of East Slavic toponyms spelt in English."""

from __future__ import annotations

import pytest

from wirecoder.places import Gazetteer
from wirecoder.places._fold import fold, translit_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Vinnytsya", "Vinnitsa"),  # -ya / -a ending, y / i, doubled n
        ("Chuhuyiv", "Chuhuiv"),  # "yi"
        ("Mar'yinka", "Marinka"),  # apostrophe and "yi"
        ("Svyatohirsk", "Sviatohirs'k"),  # ya / ia, soft sign
        ("Petrovskyi", "Petrovsky"),  # adjective ending
        ("Luhansk", "Lugansk"),  # Ukrainian h / Russian g
    ],
)
def test_same_key(a: str, b: str) -> None:
    assert translit_key(fold(a)) == translit_key(fold(b))


@pytest.mark.parametrize(("a", "b"), [("Kyiv", "Kiev"), ("Paris", "Perm"), ("Sumy", "Summ")])
def test_different_key(a: str, b: str) -> None:
    assert translit_key(fold(a)) != translit_key(fold(b))


def test_lookup_adds_other_spellings_after_exact_ones(gazetteer: Gazetteer) -> None:
    names = [(c.name, c.country_code) for c in gazetteer.lookup("Vinnitsa")]
    assert names[0] == ("Vinnitsy", "RU") and ("Vinnytsya", "UA") in names


@pytest.mark.parametrize(
    ("typo", "name"),
    [("Maripol", "Mariupol"), ("Donestk", "Donetsk"), ("Popsana", "Popasna"), ("Zaporizhzia", "Zaporizhzhya")],
)
def test_fuzzy_lookup(gazetteer: Gazetteer, typo: str, name: str) -> None:
    assert name in [c.name for c in gazetteer.fuzzy_lookup(typo)]


@pytest.mark.parametrize("word", ["Zzyxovka", "Smithville", "Kyi", "Mariupolville", "House", "Strip"])
def test_fuzzy_lookup_rejects_distant_names(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.fuzzy_lookup(word) == []


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        # GeoNames lists "Sloviansk" among Nikopol's names too, a town of the same size: the
        # spelling of the city's own name decides, with no other place in the text to help.
        ("Russian artillery shelled Sloviansk on March 5, the governor said.", "Slovyansk", "Donetska oblast"),
        ("One of them, in the southern city of Mykolaiv, held 250,000 tons of grain.", "Mykolayiv", "Mykolaivska oblast"),
    ],
)
def test_a_spelling_of_the_own_name_beats_an_alternate_name(
    parse: object, gazetteer: Gazetteer, text: str, name: str, region: str
) -> None:
    from wirecoder.places import find_places

    (place,) = [p for p in find_places(parse(text, "2023-03-06"), gazetteer) if p.name]  # type: ignore[operator]
    assert (place.name, place.admin1) == (name, region)
