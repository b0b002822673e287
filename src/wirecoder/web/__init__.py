"""The analyst's web page for `wirecoder serve`: one static page over the JSON API, fully offline.

`mount_web(app)` adds to a FastAPI app (the API's `create_app` calls it):

    GET /                           the page (static/index.html)
    GET /static/<file>              the page's own script and style sheet
    GET /vendor/<file>              whitelisted files of the pinned npm packages (leaflet, d3, ...)
    GET /basemap/countries.json     country borders (TopoJSON; see _basemap.py)
    GET /basemap/admin1/<iso3>.json first-level region borders of one country (TopoJSON)

The page asks nothing of any other host: libraries, borders and data all come from this server.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from wirecoder.web._assets import (
    ASSETS_ENV,
    SETUP_COMMAND,
    VENDOR_FILES,
    AssetsStatus,
    default_assets_dir,
    web_assets_status,
)
from wirecoder.web._basemap import Basemap, BasemapError, UnknownCountryError, extract_admin1

__all__ = [
    "ASSETS_ENV",
    "SETUP_COMMAND",
    "AssetsStatus",
    "Basemap",
    "BasemapError",
    "UnknownCountryError",
    "extract_admin1",
    "mount_web",
    "web_assets_status",
]

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"

# The same policy as the page's <meta> tag, sent as a header too (a header also covers what a
# meta tag cannot, such as frame-ancestors). Inline styles are allowed because Leaflet and d3
# position elements with style attributes; scripts come only from this server.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def _error(status: int, detail: str, parameter: str | None = None) -> JSONResponse:
    # The API's error shape: {"detail": ..., "parameter": name}.
    return JSONResponse({"detail": detail, "parameter": parameter}, status_code=status)


def _assets_missing_page(status: AssetsStatus) -> HTMLResponse:
    body = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>wirecoder: set-up needed</title>"
        f"<h1>The web page cannot start</h1><p>{html.escape(status.message)}</p>"
        f"<pre>{html.escape(SETUP_COMMAND)}</pre>"
    )
    return HTMLResponse(body, status_code=500, headers=_PAGE_HEADERS)


def mount_web(app: FastAPI, *, assets: Path | None = None) -> None:
    """Add the web page, its libraries and the offline basemap to `app`.

    Args:
        app: the FastAPI app serving the JSON API under /api/.
        assets: the node_modules folder from `npm ci --prefix src/wirecoder/web`; None uses
            `$WIRECODER_WEB_ASSETS` or the folder beside this package. When it is missing the
            page and its files answer 500 with a message saying what to run; the API still works.

    Example:
        >>> app = FastAPI()
        >>> mount_web(app)
    """
    folder = assets if assets is not None else default_assets_dir()
    basemap = Basemap(folder)
    status = web_assets_status(folder)
    if not status.is_ready:
        logger.warning("%s", status.message)

    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def page() -> Response:
        # Checked on each load, so running npm ci while the server runs is enough.
        current = web_assets_status(folder)
        if not current.is_ready:
            return _assets_missing_page(current)
        return FileResponse(
            STATIC_DIR / "index.html", media_type="text/html", headers=_PAGE_HEADERS
        )

    # FastAPI's own /docs page loads Swagger UI from a CDN: replaced by one that does not.
    app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) != "/docs"]

    @router.get("/docs")
    def docs() -> Response:
        # FastAPI's Swagger UI page, with its script and style from /vendor/ (no CDN).
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} API",
            swagger_js_url="/vendor/swagger-ui-bundle.js", swagger_css_url="/vendor/swagger-ui.css",
            swagger_favicon_url="/vendor/swagger-favicon.png",
        )  # fmt: skip

    @router.get("/vendor/{name}")
    def vendor(name: str) -> Response:
        relative = VENDOR_FILES.get(name)
        if relative is None:
            return _error(404, f"no vendor file {name!r}; served: {sorted(VENDOR_FILES)}", "name")
        path = folder / relative
        if not path.is_file():
            return _error(500, web_assets_status(folder).message)
        return FileResponse(path, headers={"Cache-Control": "max-age=3600"})

    @router.get("/basemap/countries.json")
    def countries() -> Response:
        if not web_assets_status(folder).is_ready:
            return _error(500, web_assets_status(folder).message)
        try:
            path = basemap.countries()
        except (OSError, BasemapError) as e:
            return _error(500, f"cannot prepare the countries basemap: {e}")
        return FileResponse(path, media_type="application/json")

    @router.get("/basemap/admin1/{iso3}.json")
    def admin1(iso3: str) -> Response:
        if not web_assets_status(folder).is_ready:
            return _error(500, web_assets_status(folder).message)
        try:
            path = basemap.admin1(iso3)
        except UnknownCountryError as e:
            return _error(404, str(e), "iso3")
        except (OSError, BasemapError) as e:
            return _error(500, f"cannot prepare the regions of {iso3!r}: {e}")
        return FileResponse(path, media_type="application/json")

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
