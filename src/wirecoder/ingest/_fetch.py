"""Article pages fetched over HTTP(S): `wirecoder ingest https://...`.

httpx does the fetching (timeouts, bounded redirects, streaming); the body is read up to the
size limit and no further, decoded by the charset the server names or else by charset detection
(`_decode`), and the page's text, title, date and outlet come from trafilatura (`read_html`).
Every failure is one InputError naming the URL: an HTTP error status, a timeout, a redirect loop,
a page over the size limit, a body that is not HTML.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import httpx

from wirecoder import __version__
from wirecoder.errors import InputError, TooLargeError
from wirecoder.records import Article

USER_AGENT = f"wirecoder/{__version__} (news event extraction; +https://pypi.org/project/wirecoder/)"
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(InputError):
    """A page that could not be fetched; `transient` when asking again later may work (a
    timeout, a server error, a dropped connection), not for a 4xx, a redirect loop, a page
    too big or not HTML."""

    def __init__(self, url: str, problem: str, *, transient: bool) -> None:
        super().__init__(url, problem)
        self.transient = transient


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def client(*, timeout: float = TIMEOUT_S) -> httpx.Client:
    """An HTTP client with the project's timeouts, redirect bound and user agent."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"},
    )


@dataclasses.dataclass(frozen=True)
class Page:
    """A fetched page: where it ended up after redirects, and its bytes."""

    url: str
    body: bytes
    charset: str | None


def fetch(url: str, http: httpx.Client, *, max_bytes: int) -> Page:
    """The page at `url`, read up to `max_bytes`.

    Raises:
        InputError: (naming the URL) the page could not be fetched, or is not an HTML page of
            at most `max_bytes` bytes.
    """
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                raise FetchError(url, status, transient=response.status_code >= 500 or response.status_code == 429)
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and kind not in _HTML_TYPES:
                raise FetchError(url, f"not an HTML page (content-type {kind})", transient=False)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise TooLargeError(url, f"page is {int(declared):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise TooLargeError(url, f"page is over the {max_bytes:,}-byte limit (--max-bytes)")
            return Page(str(response.url), bytes(body), response.charset_encoding)
    except httpx.TooManyRedirects:
        raise FetchError(url, f"redirect loop, or more than {MAX_REDIRECTS} redirects", transient=False) from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out ({http.timeout.read or TIMEOUT_S:g} s)", transient=True) from None
    except httpx.InvalidURL as e:
        raise FetchError(url, f"not a valid URL ({e})", transient=False) from None
    except httpx.HTTPError as e:
        raise FetchError(url, f"cannot fetch: {e.__class__.__name__}: {e}", transient=True) from None


def page_text(page: Page, *, max_bytes: int) -> str:
    """The page's HTML as text: the charset the server names, else detected."""
    from wirecoder.ingest._decode import decode_bytes

    if page.charset:
        try:
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: detect instead
    return decode_bytes(page.body, path=page.url, max_bytes=max_bytes)


def read_url(url: str, http: httpx.Client, *, published: dt.date | None, max_bytes: int) -> Article:
    """The article at `url` (an Article), stored with the URL it was fetched from."""
    from wirecoder.ingest.readers import read_html

    page = fetch(url, http, max_bytes=max_bytes)
    article = read_html(page_text(page, max_bytes=max_bytes), path=url, published=published)
    return article.model_copy(update={"url": article.url or page.url})
