"""Score event places, dates and categories on a CSV of short event descriptions.

The CSV has one event a row, as the CIR / Bellingcat "Russia-Ukraine Monitor" publishes it:
`date`, `event_group`, `title`, `brief description`, `lat`, `lon`, `town/city`. Each description
runs through the whole pipeline with its date as the publication date. The system's event for
the row is its first event that has a place (else its first event). Scores:

- place within 25 km and within 161 km of the gold point, over the rows whose description names
  their town (the `town/city` value, found in the text allowing for transliteration), and apart
  for the rows that name no town (what the system says for those is counted: no event, an event
  with no place, an event placed at a country or region, an event placed at a town);
- the share of rows whose event has the gold date;
- a confusion table of the gold category, mapped to an ACLED event type, against the system's.

The mapping from the CSV's `event_group` to ACLED event types (month suffixes such as
"February 2022" or "Feb - June" are dropped first) is `GROUP_TO_ACLED` below; groups that name
no kind of event ("Other") are left out of the confusion table.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import statistics
import unicodedata
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from wirecoder._geo import haversine_km
from wirecoder.errors import GoldFileError
from wirecoder.records import Article, ArticleResult, Event

GROUP_TO_ACLED: dict[str, str] = {
    "Civilian Infrastructure Damage": "Explosions/Remote violence",
    "Bombing or Explosion": "Explosions/Remote violence",
    "Munitions": "Explosions/Remote violence",
    "Russian Firing Positions": "Explosions/Remote violence",
    "Military Infrastructure Damage": "Explosions/Remote violence",
    "Ground Battle": "Battles",
    "Russian Military Losses": "Battles",
    "Ukrainian Military Losses": "Battles",
    "Civilian Casualty": "Violence against civilians",
    "Mass grave or Burial": "Violence against civilians",
    "Russian Military Presence": "Strategic developments",
    "Russian Allies Presence/Losses": "Strategic developments",
    "Detentions or Arrests": "Strategic developments",
}
_GROUP_SUFFIX = re.compile(
    r"\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4}|[A-Z][a-z]{2}\s*-\s*[A-Z][a-z]+)$"
)
_DATE_PREFIX = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s*")
_NEAR_KM, _FAR_KM = 25.0, 161.0


class EventRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entry: str
    date: dt.date
    group: str
    text: str
    lat: float
    lon: float
    town: str


class PlaceShares(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rows: int = 0
    within_25km: int = 0
    within_161km: int = 0
    no_event: int = 0
    no_place: int = 0
    at_region_or_country: int = 0
    at_town: int = 0
    median_error_km: float | None = None

    def share(self, n: int) -> float:
        return n / self.rows if self.rows else 0.0


class EventsCsvReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    rows: int
    skipped: int
    named_town: PlaceShares
    no_town: PlaceShares
    with_gold_date: int
    with_event: int
    confusion: dict[str, dict[str, int]]  # gold ACLED type -> system type -> count

    def lines(self) -> list[str]:
        out = [f"== events CSV: {self.file}: {self.rows} rows scored ({self.skipped} skipped: no date or point)"]
        for label, s in (("description names its town", self.named_town), ("description names no town", self.no_town)):
            out.append(
                f"   {label}: {s.rows} rows; place within 25 km {s.share(s.within_25km):.3f}, "
                f"within 161 km {s.share(s.within_161km):.3f}"
                + (f", median error {s.median_error_km:.1f} km" if s.median_error_km is not None else "")
            )
            out.append(
                f"      system said: no event {s.no_event}, event without place {s.no_place}, "
                f"placed at a region or country {s.at_region_or_country}, placed at a town {s.at_town}"
            )
        out.append(f"   rows with an event: {self.with_event / self.rows if self.rows else 0:.3f}")
        out.append(f"   event date equals the gold date: {self.with_gold_date / self.rows if self.rows else 0:.3f}")
        systems = sorted({s for row in self.confusion.values() for s in row})
        width = max([len(s) for s in systems] + [10])
        out.append("   confusion (rows: gold category as ACLED type; columns: system event type)")
        out.append("   " + " " * 28 + " ".join(f"{s[:width]:>{width}}" for s in systems))
        for gold, row in sorted(self.confusion.items()):
            out.append(f"   {gold[:27]:<28}" + " ".join(f"{row.get(s, 0):>{width}}" for s in systems))
        return out


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9 ]+", "", s)


def names_town(text: str, town: str) -> bool:
    """Whether the description names the town, allowing for transliteration ("Mariupol'",
    "Kharkov") by a fuzzy match of the town against the text's words."""
    t = _fold(town).strip()
    if len(t) < 3:
        return False
    return fuzz.partial_ratio(t, _fold(text)) >= 85


def read_events_csv(path: Path) -> tuple[list[EventRow], int]:
    """The scorable rows of the CSV and how many rows were skipped (no date or no point).

    Raises:
        GoldFileError: the file cannot be read or lacks the columns.
    """
    try:
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            need = {"date", "event_group", "lat", "lon"}
            if not need <= set(reader.fieldnames or []):
                raise GoldFileError(f"{path}: missing columns {sorted(need - set(reader.fieldnames or []))}")
            rows: list[EventRow] = []
            skipped = 0
            for i, r in enumerate(reader):
                text = (r.get("brief description") or "").strip() or _DATE_PREFIX.sub("", r.get("title") or "").strip()
                try:
                    rows.append(EventRow(
                        entry=r.get("entry") or f"row{i}", date=dt.date.fromisoformat(r["date"].strip()),
                        group=_GROUP_SUFFIX.sub("", (r["event_group"] or "").strip()), text=text,
                        lat=float(r["lat"]), lon=float(r["lon"]), town=(r.get("town/city") or "").strip(),
                    ))  # fmt: skip
                except ValueError:
                    skipped += 1
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise GoldFileError(f"{path}: cannot read the events CSV ({e})") from e
    return [r for r in rows if r.text], skipped + sum(1 for r in rows if not r.text)


def _chosen(result: ArticleResult) -> Event | None:
    """The system's record for a description: its best-placed incident (a town over a region or
    country), else its best-placed event of any kind."""
    def rank(e: Event) -> tuple[bool, bool, bool]:
        return (e.event_kind == "generic", e.place is None, e.geo_precision == 3)

    return min(result.events, key=rank, default=None)


def _count(shares: PlaceShares, row: EventRow, event: Event | None, errors: list[float]) -> None:
    shares.rows += 1
    if event is None:
        shares.no_event += 1
        return
    if event.place is None or event.place.lat is None or event.place.lon is None:
        shares.no_place += 1
        return
    if event.geo_precision == 3:
        shares.at_region_or_country += 1
    else:
        shares.at_town += 1
    km = haversine_km(row.lat, row.lon, event.place.lat, event.place.lon)
    errors.append(km)
    shares.within_25km += km <= _NEAR_KM
    shares.within_161km += km <= _FAR_KM


def evaluate_events_csv(path: Path, *, pipeline, limit: int | None = None) -> EventsCsvReport:
    """Run the pipeline on each description of the CSV and score places, dates and categories.

    Args:
        path: the events CSV.
        pipeline: a `wirecoder.pipeline.Pipeline`.
        limit: score at most this many rows (spread over the file).

    Example:
        >>> evaluate_events_csv(Path("cir.csv"), pipeline=Pipeline()).named_town.within_25km
    """
    rows, skipped = read_events_csv(path)
    if limit:
        rows = rows[:: max(1, len(rows) // limit)][:limit]
    articles = [Article(doc_id=f"csv{i:06d}", path=f"{path.name}:{r.entry}", text=r.text, published=r.date)
                for i, r in enumerate(rows)]  # fmt: skip
    named, unnamed = PlaceShares(), PlaceShares()
    named_err: list[float] = []
    unnamed_err: list[float] = []
    confusion: dict[str, Counter[str]] = {}
    with_date = with_event = 0
    for row, result in zip(rows, pipeline.process(articles), strict=True):
        event = _chosen(result)
        if names_town(row.text, row.town):
            _count(named, row, event, named_err)
        else:
            _count(unnamed, row, event, unnamed_err)
        with_event += event is not None
        with_date += event is not None and event.date == row.date.isoformat()
        gold_type = GROUP_TO_ACLED.get(row.group)
        if gold_type is not None:
            confusion.setdefault(gold_type, Counter())[event.acled_event_type if event else "(none)"] += 1
    named.median_error_km = statistics.median(named_err) if named_err else None
    unnamed.median_error_km = statistics.median(unnamed_err) if unnamed_err else None
    return EventsCsvReport(
        file=path.name, rows=len(rows), skipped=skipped, named_town=named, no_town=unnamed,
        with_gold_date=with_date, with_event=with_event,
        confusion={k: dict(v) for k, v in confusion.items()},
    )  # fmt: skip
