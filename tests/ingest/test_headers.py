"""Header lines, metadata dates and file-name timestamps."""

from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.ingest import read_text
from wirecoder.ingest._headers import date_from_filename, read_header
from wirecoder.records import PublishedFrom


@pytest.mark.parametrize(
    ("text", "published", "body"),
    [
        # a keyword and an ISO date on its own line
        ("date 2022-04-02\nTroops moved in.", dt.date(2022, 4, 2), "Troops moved in."),
        # the body starting on the same line as the date (wire dumps do this)
        (" date 2022-04-02 Troops moved in.", dt.date(2022, 4, 2), "Troops moved in."),
        # Key: value headers, a blank line, then the body
        ("Title: Kyiv\nDate: April 2, 2022\n\nTroops moved in.", dt.date(2022, 4, 2), "Troops moved in."),
        ("Published: 2022-11-11T08:00:00Z\nTroops moved in.", dt.date(2022, 11, 11), "Troops moved in."),
    ],
)
def test_header_recognised(text: str, published: dt.date, body: str) -> None:
    header = read_header(text)
    assert header.published == published
    assert text[header.body_start :] == body


@pytest.mark.parametrize(
    "text",
    [
        "Date palms line the road into the city.",  # "Date" as a word, no date after it
        "Title: the fight for the east\nis far from over.",  # no blank line, yet a title...
        "Date: sometime next week the talks resume.",  # not a full calendar date
        "Troops moved in on 2022-04-02.",
    ],
)
def test_body_text_is_not_a_header(text: str) -> None:
    header = read_header(text)
    if header.fields:
        # Only a genuine title line may be taken, never a date from prose.
        assert header.published is None
        assert "title" in header.fields
    else:
        assert header.body_start == 0


def test_header_date_sets_published_from() -> None:
    art = read_text("date 2022-04-02\nTroops advanced.", path="a.txt")
    assert art.published == dt.date(2022, 4, 2)
    assert art.published_from is PublishedFrom.HEADER


def test_option_beats_header_and_filename() -> None:
    art = read_text("date 2022-04-02\nTroops advanced.", path="20220101T000000Z_a.txt", published=dt.date(2022, 5, 5))
    assert art.published == dt.date(2022, 5, 5)
    assert art.published_from is PublishedFrom.OPTION


def test_filename_timestamp_is_last_resort() -> None:
    art = read_text("Troops advanced, with no header.", path="dir/20220402T101500Z_kyiv.txt")
    assert art.published == dt.date(2022, 4, 2)
    assert art.published_from is PublishedFrom.FILENAME


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("20220402T101500Z_kyiv.txt", dt.date(2022, 4, 2)),
        ("2022-11-11-kherson.txt", dt.date(2022, 11, 11)),
        ("000_160ca2489a0774a9.txt", None),  # hex ids are not dates
        ("report_99999999.txt", None),  # not a calendar date
    ],
)
def test_date_from_filename(name: str, expected: dt.date | None) -> None:
    assert date_from_filename(name) == expected


def test_no_date_anywhere_is_none() -> None:
    art = read_text("Troops advanced overnight.", path="plain.txt")
    assert art.published is None
    assert art.published_from is None
