"""The analyst's page in a real browser (Debian's chromium driven by Playwright) over the real API.

The bundled sample and a hostile article are ingested with the CLI into a SQLite file, the app
from `create_app` is served by uvicorn on 127.0.0.1, and the page is used as a reader would:
points on the map, a brushed timeline, a clicked marker, a copied URL, a phone-sized screen.
Skipped, with the reason, when chromium or the page's npm packages are absent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wirecoder.web import web_assets_status

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
TIMEOUT_MS = 30_000

if not CHROMIUM.is_file():
    pytest.skip(
        f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )
if not web_assets_status().is_ready:
    pytest.skip(
        f"needs the page's npm packages: {web_assets_status().message}", allow_module_level=True
    )
playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="needs playwright (pip install -e '.[test]')"
)

INCIDENT = "Russian artillery shelled the city of Kherson on Tuesday, the regional governor said."
LONG_LINE = "Ж" * 524_288  # 1 MiB of UTF-8 on one line, with no space to break at
HOSTILE = (
    "Title: <script>window.__pwned=1</script> &lt;b&gt;not bold&lt;/b&gt; report\n"
    "Date: 2023-06-15\n"
    "\n"
    f"{INCIDENT}\n"
    "\n"
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"> &lt;b&gt;entities&lt;/b&gt; &amp; &#x3C;i&#x3E;\n'
    "\n"
    "قال المحافظ إن القصف استمر. אמר המושל שההפגזה נמשכה. \u202eRTL override\u202c ends here.\n"
    "\n"
    f"{LONG_LINE}\n"
)


def _get_json(base: str, path: str, **params: Any) -> Any:
    url = f"{base}{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample and the hostile article, ingested by the CLI into a fresh SQLite file."""
    folder = tmp_path_factory.mktemp("page")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{folder / 'events.db'}"
    done = subprocess.run(
        [sys.executable, "-m", "wirecoder.cli", "ingest", str(EXAMPLES), str(hostile), "--db", url],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return url


@pytest.fixture(scope="module")
def server(db_url: str, tmp_path_factory: pytest.TempPathFactory, serve_app_module) -> str:
    """create_app(db_url) served by uvicorn in a thread on a free port of 127.0.0.1."""
    from wirecoder.api import create_app

    # The basemap is prepared into a cache of the test's own (the app reads the folder once).
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WIRECODER_CACHE", str(cache))
        app = create_app(db_url)
    return serve_app_module(app)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Recorder:
    """What a page asked for and what went wrong in it."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on(
            "requestfailed", lambda r: self.errors.append(f"request failed: {r.url} {r.failure}")
        )


@pytest.fixture
def open_page(browser: Any, server: str) -> Iterator[Any]:
    """Open the page at a query string in a fresh browser context; returns (page, recorder)."""
    contexts = []

    def _open(query: str = "", *, width: int = 1280, height: int = 800) -> tuple[Any, Recorder]:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        recorder = Recorder(page)
        page.goto(f"{server}/{query}")
        page.wait_for_selector("body[data-ready='true']")
        if "event=" in query:
            page.wait_for_selector("body[data-panel='ready']")
        return page, recorder

    yield _open
    for context in contexts:
        context.close()


def _events(server: str, **params: Any) -> list[dict[str, Any]]:
    return _get_json(server, "/api/events", limit=1000, **params)["items"]


def _one(server: str, q: str) -> dict[str, Any]:
    (event,) = _events(server, q=q)
    return event


_COUNT_POINTS = """() => document.querySelectorAll('path.event-marker').length +
    [...document.querySelectorAll('.marker-cluster span')].reduce((n, s) => n + Number(s.textContent), 0)"""


def _points_on_map(page: Any, expected: int | None = None) -> int:
    """Single markers plus the counts written on clusters, once the clusters' animation (old and
    new clusters overlap while they fade) has settled on `expected`, or after a short wait."""
    if expected is not None:
        try:
            page.wait_for_function(f"() => ({_COUNT_POINTS})() === {expected}", timeout=5000)
        except playwright_sync.TimeoutError:
            pass  # the assertion that follows shows the count
    else:
        page.wait_for_timeout(600)
    return int(page.evaluate(_COUNT_POINTS))


def _row_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#list tbody tr[data-event-id]", "rows => rows.map(r => r.dataset.eventId)"
    )


def _query(url: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)


def _same_origin(server: str, recorder: Recorder) -> None:
    assert recorder.requests, "the page made no request"
    strangers = [u for u in recorder.requests if not u.startswith(f"{server}/")]
    assert strangers == [], f"requests to other origins: {strangers}"


def test_page_loads_with_a_point_per_located_event(open_page: Any, server: str) -> None:
    page, recorder = open_page()
    events = _events(server)
    located = [e for e in events if e["lat"] is not None and e["lon"] is not None]
    assert len(located) >= 7  # six sample events and the hostile article's Kherson shelling
    assert _points_on_map(page, len(located)) == len(located)
    assert sorted(_row_ids(page)) == sorted(e["id"] for e in events)
    # The offline basemap is drawn (canvas layers in its pane) and the timeline has its bars.
    assert page.locator(".leaflet-basemap-pane canvas").count() >= 1
    assert page.locator("#timeline rect").count() >= 5
    for prefix in (
        "/vendor/",
        "/basemap/countries.json",
        "/basemap/admin1/ukr.json",
        "/api/events",
        "/api/stats",
    ):
        assert any(u.startswith(f"{server}{prefix}") for u in recorder.requests), prefix
    _same_origin(server, recorder)
    assert recorder.errors == []


def test_brushing_the_timeline_filters_the_map_and_the_list(open_page: Any, server: str) -> None:
    page, recorder = open_page()
    before_rows = len(_row_ids(page))
    before_points = _points_on_map(page, before_rows)
    box = page.locator("#timeline .brush .overlay").bounding_box()
    assert box is not None
    # Drag over the last tenth of the axis: the sample's June 2023 reports.
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.9, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.95, y, steps=5)
    page.mouse.move(box["x"] + box["width"] - 1, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => new URL(location.href).searchParams.has('since')")
    page.wait_for_selector("body[data-loading='false']")
    query = _query(page.url)
    since, until = query["since"][0], query["until"][0]
    assert since <= until
    expected = _events(server, since=since, until=until)
    rows = _row_ids(page)
    assert 0 < len(rows) < before_rows
    assert sorted(rows) == sorted(e["id"] for e in expected)
    located = len([e for e in expected if e["lat"] is not None])
    assert _points_on_map(page, located) == located < before_points
    assert page.locator("#timeline .brush .selection").get_attribute("width") not in (None, "0")
    _same_origin(server, recorder)
    assert recorder.errors == []


def test_clicking_a_marker_shows_the_evidence_and_both_sides(
    open_page: Any, server: str, tmp_path: Path
) -> None:
    orikhiv = _one(server, "Orikhiv shelled")
    # Zoomed in on Orikhiv, where no cluster hides its marker.
    page, recorder = open_page(f"?map={orikhiv['lat']:.4f},{orikhiv['lon']:.4f},11")
    marker = page.locator(f"path.event-marker[data-event-id='{orikhiv['id']}']")
    marker.click()
    page.wait_for_selector("body[data-panel='ready']")
    assert _query(page.url)["event"] == [orikhiv["id"]]
    mark = page.locator("#panel .article mark")
    assert mark.count() == 1
    assert mark.text_content() == orikhiv["evidence"]
    # The article box scrolled the evidence into sight.
    inside = page.locator("#panel .article").bounding_box()
    where = mark.bounding_box()
    assert inside and where and inside["y"] <= where["y"] < inside["y"] + inside["height"]
    panel = page.locator("#panel")
    assert "claimed by regional governor" in panel.text_content()
    assert "Telegram" in panel.text_content()
    sides = page.locator("#panel .disagreement .party")
    assert sides.count() == 2
    texts = sides.all_text_contents()
    assert any(
        "regional governor" in t and "at least three civilians were wounded" in t for t in texts
    )
    assert any("Russia" in t and "targeting civilian areas" in t for t in texts)
    # Both sides are shown, side by side or one above the other, never one over the other.
    sides.first.scroll_into_view_if_needed()
    a, b = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert a and b and sides.nth(0).is_visible() and sides.nth(1).is_visible()
    assert a["x"] + a["width"] <= b["x"] or a["y"] + a["height"] <= b["y"]
    # The selected row is marked in the list too.
    assert (
        page.locator(f"#list tr[data-event-id='{orikhiv['id']}']").get_attribute("aria-current")
        == "true"
    )
    # The screenshot: the whole sample on the map, the panel open at the disagreement.
    page.goto(f"{server}/?event={orikhiv['id']}")
    page.wait_for_selector("body[data-panel='ready']")
    page.locator("#panel .disagreement").first.scroll_into_view_if_needed()
    shot = tmp_path / "page.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    if os.environ.get("WIRECODER_SCREENSHOT"):
        target = Path(os.environ["WIRECODER_SCREENSHOT"])
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
    _same_origin(server, recorder)
    assert recorder.errors == []


def test_keyboard_opens_a_row_and_escape_closes_the_panel(open_page: Any, server: str) -> None:
    page, _ = open_page()
    # The skip link, then Tab past the sort buttons to the first row.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the event list"
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "TR":
            break
    event_id = page.evaluate("document.activeElement.dataset.eventId")
    assert event_id == _row_ids(page)[0]
    # A visible focus ring: the row's outline is drawn.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    # The list is one tab stop: Tab leaves it, Shift+Tab comes back to the same row.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") != "TR"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.eventId") == event_id
    page.keyboard.press("ArrowDown")
    second_id = page.evaluate("document.activeElement.dataset.eventId")
    assert second_id and second_id != event_id
    page.keyboard.press("Enter")
    page.wait_for_selector("body[data-panel='ready']")
    assert _query(page.url)["event"] == [second_id]
    assert page.locator("#panel").is_visible()
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()
    assert "event" not in _query(page.url)
    assert page.evaluate("document.activeElement.dataset.eventId") == second_id


def test_a_copied_url_restores_the_same_view(open_page: Any, server: str) -> None:
    page, _ = open_page("?since=2023-01-01&until=2023-12-31")
    brush = page.locator("#timeline .brush .selection")
    assert brush.is_visible()  # the dates of the URL are drawn as a brushed range
    page.select_option("#f-type", "Explosions/Remote violence")
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('type') === 'Explosions/Remote violence'"
    )
    page.wait_for_selector("body[data-loading='false']")
    page.locator("#list th[data-sort='place'] button").click()
    page.wait_for_function("() => new URL(location.href).searchParams.get('sort') === 'place'")
    page.fill("#f-actor", "Russia")
    page.wait_for_function("() => new URL(location.href).searchParams.get('actor') === 'Russia'")
    page.wait_for_selector("body[data-loading='false']")
    rows = _row_ids(page)
    assert rows, "the filters left no event"
    page.locator(f"#list tr[data-event-id='{rows[-1]}']").click()
    page.wait_for_selector("body[data-panel='ready']")
    title = page.locator("#panel-title").text_content()
    mark = page.locator("#panel .article mark").text_content()
    url = page.url

    copy, _ = open_page("?" + urllib.parse.urlsplit(url).query)
    restored = _query(copy.url)
    for key in ("since", "until", "type", "sort", "actor", "event"):
        assert restored[key] == _query(url)[key], key
    assert copy.locator("#timeline .brush .selection").bounding_box() == brush.bounding_box()
    assert copy.input_value("#f-type") == "Explosions/Remote violence"
    assert copy.input_value("#f-actor") == "Russia"
    assert _row_ids(copy) == rows  # same rows, same order
    assert copy.locator("#panel-title").text_content() == title
    assert copy.locator("#panel .article mark").text_content() == mark
    assert copy.locator("#list th[data-sort='place']").get_attribute("aria-sort") == "ascending"
    lat, lon, zoom = (float(x) for x in restored["map"][0].split(","))
    lat0, lon0, zoom0 = (float(x) for x in _query(url)["map"][0].split(","))
    assert zoom == zoom0 and abs(lat - lat0) < 1e-3 and abs(lon - lon0) < 1e-3


@pytest.mark.parametrize(
    ("act", "params"),
    [
        (lambda page: page.check("#f-disputed"), {"disputed": "true"}),
        (lambda page: page.select_option("#f-status", "claimed"), {"status": "claimed"}),
        (lambda page: page.fill("#f-q", "Kherson shelled"), {"q": "Kherson shelled"}),
    ],
    ids=["disputed", "status", "q"],
)
def test_each_filter_lists_what_the_api_selects(
    open_page: Any, server: str, act: Any, params: dict[str, str]
) -> None:
    page, recorder = open_page()
    everything = _row_ids(page)
    act(page)
    key, value = next(iter(params.items()))
    page.wait_for_function(
        f"() => new URL(location.href).searchParams.get({json.dumps(key)}) === {json.dumps(value)}"
    )
    page.wait_for_selector("body[data-loading='false']")
    selected = _events(server, **params)
    assert selected and sorted(_row_ids(page)) == sorted(e["id"] for e in selected)
    located = len([e for e in selected if e["lat"] is not None])
    assert _points_on_map(page, located) == located
    page.click("#f-reset")
    page.wait_for_function(f"() => !new URL(location.href).searchParams.has({json.dumps(key)})")
    page.wait_for_selector("body[data-loading='false']")
    assert sorted(_row_ids(page)) == sorted(everything)
    assert recorder.errors == []


def test_a_hostile_article_renders_as_inert_text(open_page: Any, server: str) -> None:
    kherson = _one(server, "Kherson shelled")
    assert kherson["evidence"] == INCIDENT
    started = time.monotonic()
    page, recorder = open_page(f"?event={kherson['id']}")
    assert time.monotonic() - started < 10, "the page took too long with a 1 MB article"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    box = page.locator("#panel .article")
    assert box.locator("script, img, b, i").count() == 0
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
    text = box.text_content()
    assert "<script>window.__pwned=1</script>" in text
    assert "&lt;b&gt;entities&lt;/b&gt;" in text and "&#x3C;i&#x3E;" in text
    assert "قال المحافظ" in text and "אמר המושל" in text
    assert LONG_LINE in text
    assert box.locator("mark").text_content() == INCIDENT
    # The literal markup is visible as characters (the title too), and the 1 MB line wraps
    # inside a box that scrolls instead of widening the page.
    assert "<script>" in page.locator("#panel .doc-meta").inner_text()
    size = box.evaluate(
        "b => ({sw: b.scrollWidth, cw: b.clientWidth, sh: b.scrollHeight, ch: b.clientHeight})"
    )
    assert size["sw"] <= size["cw"] + 1 and size["sh"] > size["ch"]
    assert box.evaluate("b => getComputedStyle(b).overflowWrap") == "anywhere"
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    page.keyboard.press("Escape")  # still responsive
    assert page.locator("#panel").is_hidden()
    _same_origin(server, recorder)
    assert recorder.errors == []


def test_at_phone_width_the_panels_stack_without_sideways_scrolling(
    open_page: Any, server: str
) -> None:
    orikhiv = _one(server, "Orikhiv shelled")
    page, recorder = open_page(f"?event={orikhiv['id']}", width=390, height=844)
    for selector in ("#map", "#timeline", "#panel", "#list"):
        assert page.locator(selector).is_visible(), selector
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 0.5, selector
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Stacked: map above the panel, the panel above the list.
    top = {s: page.locator(s).bounding_box()["y"] for s in ("#map", "#panel", "#list")}
    assert top["#map"] < top["#panel"] < top["#list"]
    assert page.locator("#panel .article mark").text_content() == orikhiv["evidence"]
    _same_origin(server, recorder)
    assert recorder.errors == []
