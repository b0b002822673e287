"""The gazetteer build (tiny fixture and real data) and lookups."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from wirecoder.errors import GazetteerError
from wirecoder.places import Gazetteer, open_gazetteer
from wirecoder.places._build import _box_middle, build_gazetteer
from wirecoder.places._fold import fold
from wirecoder.places._geo import haversine_km

from .conftest import write_tiny_sources


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kyiv", "kyiv"),
        ("Saint-Étienne", "st etienne"),  # Saint = St, hyphen = space, accents dropped
        ("St. Louis", "st louis"),
        ("U.S.", "us"),
        ("Łódź", "lodz"),  # a letter NFKD does not decompose
        ("Kharkiv’s", "kharkivs"),
        ("Platte Co.", "platte county"),  # local news abbreviations of admin words
        ("St. Clair Twp.", "st clair township"),
    ],
)
def test_fold(name: str, key: str) -> None:
    assert fold(name) == key


def test_tiny_build_features_and_points(tiny_gazetteer: Gazetteer) -> None:
    city = tiny_gazetteer.lookup("Alphaville")
    # The city is the capital (PPLC); the province it names is a region with its own point.
    assert [c.feature for c in city] == ["PPLC", "ADM1"]
    region = tiny_gazetteer.lookup("North Province")[0]
    assert region.feature == "ADM1" and region.geonames_id == 201
    assert (region.lat, region.lon) != (city[0].lat, city[0].lon)
    assert 10.0 <= region.lat <= 11.0 and 20.0 <= region.lon <= 21.0
    country = tiny_gazetteer.lookup("Aland")[0]
    assert country.feature == "PCLI" and (country.lat, country.lon) == (11.5, 21.5)
    assert city[0].admin1 == "North Province"


def test_tiny_build_names(tiny_gazetteer: Gazetteer) -> None:
    assert tiny_gazetteer.lookup("alfaville")[0].geonames_id == 1  # alternate name, any case
    assert tiny_gazetteer.lookup("ALPHAVILLE")[0].geonames_id == 1
    assert tiny_gazetteer.lookup("Álphavílle")[0].geonames_id == 1
    assert tiny_gazetteer.lookup("ALF") == []  # airport-style codes are dropped
    assert tiny_gazetteer.lookup("alfa ville") == []  # lower-case romanisations are dropped
    assert tiny_gazetteer.lookup("Alandia")[0].feature == "PCLI"  # hand alias
    assert tiny_gazetteer.lookup("S. Prov.")[0].geonames_id == 202
    assert tiny_gazetteer.lookup("North")[0].name_kind == 2  # short form of "North Province"
    assert tiny_gazetteer.lookup("River Alpha")[0].feature == "STM"
    assert tiny_gazetteer.demonym("Alandians") == "AA"
    assert tiny_gazetteer.lookup("Nowhere") == []


def test_build_is_atomic(tmp_path: Path) -> None:
    sources = write_tiny_sources(tmp_path)
    (tmp_path / "aliases.tsv").write_text("country:ZZ\tNowhere\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="ZZ"):
        build_gazetteer(tmp_path / "out" / "gaz.sqlite", sources=sources)
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []  # no half-built file, no temp file


def test_build_failure_in_sqlite_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = write_tiny_sources(tmp_path)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("crash halfway")

    monkeypatch.setattr("wirecoder.places._build._rows", broken)
    with pytest.raises(RuntimeError):
        build_gazetteer(tmp_path / "out" / "gaz.sqlite", sources=sources)
    assert list((tmp_path / "out").iterdir()) == []


def test_open_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="does not exist"):
        Gazetteer(tmp_path / "none.sqlite")


def test_open_builds_at_given_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "wirecoder.places.gazetteer.build_gazetteer",
        lambda dest, version: build_gazetteer(dest, sources=write_tiny_sources(tmp_path), version=version),
    )
    gaz = open_gazetteer(tmp_path / "cache" / "g.sqlite")
    assert gaz.lookup("Betatown")[0].population == 900


def test_pickles(tiny_gazetteer: Gazetteer) -> None:
    again = pickle.loads(pickle.dumps(tiny_gazetteer))
    assert again.lookup("Betatown") == tiny_gazetteer.lookup("Betatown")


@pytest.mark.parametrize(
    ("name", "geonames_id", "feature"),
    [
        ("Kyiv", 703448, "PPLC"),
        ("Kiev", 703448, "PPLC"),
        ("Kharkov", 706483, "PPL"),
        ("Odessa", 698740, "PPL"),
        ("Nikolaev", None, "PPL"),  # Mykolaiv; checked by name below
        ("Dnipro", 709930, "PPL"),  # the city; the river is the STM entry below
        ("Turkey", 298795, "PCLI"),
    ],
)
def test_real_lookup(gazetteer: Gazetteer, name: str, geonames_id: int | None, feature: str) -> None:
    cands = gazetteer.lookup(name, limit=20)
    hit = [c for c in cands if c.feature == feature and c.country_code in ("UA", "TR")]
    assert hit, f"{name}: {[(c.name, c.feature) for c in cands]}"
    if geonames_id is not None:
        assert hit[0].geonames_id == geonames_id
    else:
        assert hit[0].name.startswith("Mykola")


def test_real_river_and_regions(gazetteer: Gazetteer) -> None:
    dnieper = [c for c in gazetteer.lookup("Dnieper") if c.feature == "STM"]
    dnipro = [c for c in gazetteer.lookup("Dnipro") if c.feature == "STM"]
    assert len(dnieper) == 1 and len(dnipro) == 1  # one river under both names
    assert dnieper[0].name == dnipro[0].name and dnieper[0].lat == dnipro[0].lat
    oblast = gazetteer.lookup("Kherson Oblast")[0]
    city = next(c for c in gazetteer.lookup("Kherson") if c.feature == "PPL")
    assert oblast.feature == "ADM1" and oblast.geonames_id != city.geonames_id
    ukraine = gazetteer.lookup("Ukraine")[0]
    kyiv = gazetteer.lookup("Kyiv")[0]
    assert ukraine.feature == "PCLI" and haversine_km(ukraine.lat, ukraine.lon, kyiv.lat, kyiv.lon) > 100


def test_real_lookup_is_fast(gazetteer: Gazetteer) -> None:
    names = [f"Name{i}" for i in range(500)] + ["Springfield", "Kharkov", "Paris"] * 10
    start = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)  # distinct names: no cache hit for most
    per_lookup_ms = (time.perf_counter() - start) * 1000 / len(names)
    assert per_lookup_ms < 1.0


def test_region_point_spans_sparse_country_but_not_far_outliers() -> None:
    # Places crowd one end of a region (a coast) and thin out over the rest: the point is the
    # middle of the whole extent, as GeoNames' own region points are, not of the crowd.
    crowd = [(-28.0 + 0.01 * k, 153.0) for k in range(200)]
    sparse = [(-24.0, 150.0), (-20.0, 146.0), (-16.0, 144.0), (-11.0, 142.0)]
    lat, lon = _box_middle(crowd + sparse)
    assert lat == pytest.approx(-19.5) and lon == pytest.approx(147.5)
    # One mis-coded place 20 degrees away from the rest does not move it.
    assert _box_middle(crowd + sparse + [(10.0, 142.0)])[0] == pytest.approx(-19.5)
