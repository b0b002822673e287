"""Header lines before the body of a plain-text article, and dates in metadata and file names.

Recognised headers (only at the very top, one per line, before the first body line):
    date 2022-04-02            a keyword and an ISO date; body text may follow on the same line
    Date: Sat, 2 Apr 2022      `Key: value` for date/published/title/source/outlet/url/author
A line counts as a header only when its value parses (a date key needs a full calendar date), so
body text such as "Date palms line the road" or "Title: the fight" mid-text is never taken.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import dateparser

_KEYS = {
    "date": "date",
    "published": "date",
    "publication date": "date",
    "dateline": "date",
    "title": "title",
    "headline": "title",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
}
_KEY_COLON = re.compile(r"[ \t]*(?P<key>[A-Za-z][A-Za-z ]{1,20}?)[ \t]*:[ \t]*(?P<value>[^\n]*)")
# "date 2022-04-02" with no colon: only an ISO date is accepted, since the body may follow.
_KEY_ISO = re.compile(
    r"[ \t]*(?:date|published)[ \t]+(?P<value>\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"(?=\s|$)[ \t]*",
    re.IGNORECASE,
)
# Settings that refuse relative or partial dates: a header date must be a full calendar date.
_STRICT = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),  # never the clock; REQUIRE_PARTS rejects relatives
}
_FILENAME_STAMP = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?:T\d{4,6}Z?)?(?!\d)")


@dataclass
class Header:
    body_start: int = 0
    published: dt.date | None = None
    fields: dict[str, str] = field(default_factory=dict)


def parse_date(value: str) -> dt.date | None:
    """A full calendar date from a metadata value (ISO or written), else None."""
    value = value.strip()
    if not re.search(r"\d{4}", value):
        # A publication date names its year; "today", "yesterday" or "Monday" would be resolved
        # against whatever day the parser runs, so they are refused.
        return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    if re.fullmatch(r"\d{8}", value):
        try:
            return dt.datetime.strptime(value, "%Y%m%d").date()
        except ValueError:
            return None
    parsed = dateparser.parse(value, languages=["en"], settings=_STRICT)
    return parsed.date() if parsed else None


def read_header(text: str) -> Header:
    """Header lines at the top of `text`; `body_start` is where the body begins."""
    header = Header()
    pos = 0
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end == -1 else line_end
        line = text[pos:line_end]
        if not line.strip():
            if header.fields:  # a blank line ends the header block
                pos = line_end + 1
                break
            pos = line_end + 1
            continue
        iso = _KEY_ISO.match(line)
        if iso and "date" not in header.fields:
            date = parse_date(iso["value"])
            if date is None:
                break
            header.fields["date"] = iso["value"]
            header.published = date
            if iso.end() < len(line):  # body text follows on the same line
                pos += iso.end()
                break
            pos = line_end + 1
            continue
        kv = _KEY_COLON.fullmatch(line)
        key = _KEYS.get(kv["key"].strip().lower()) if kv else None
        if kv is None or key is None or key in header.fields or not kv["value"].strip():
            break
        value = kv["value"].strip()
        if key == "date":
            date = parse_date(value)
            if date is None:
                break
            header.published = date
        header.fields[key] = value
        pos = line_end + 1
    if not header.fields:
        return Header()
    # Skip whitespace so the body starts at its first character.
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    header.body_start = min(pos, len(text))
    return header


def date_from_filename(name: str) -> dt.date | None:
    """A timestamp in a file name (`20220402T101500Z_kyiv.txt`, `2022-04-02-report.txt`)."""
    for m in _FILENAME_STAMP.finditer(name):
        try:
            date = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        if 1900 <= date.year <= 2100:
            return date
    return None
