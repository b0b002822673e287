"""Writers for contract rows: JSONL, JSON, CSV (spreadsheets), GeoJSON (QGIS), Parquet (DuckDB)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

FORMATS = ("table", "jsonl", "json", "csv", "geojson", "parquet")


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Nested objects flattened with dotted names (place.lat), lists as JSON: one CSV cell each."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            for k, v in _flat(value).items():
                out[f"{key}.{k}"] = v
        elif isinstance(value, list | tuple):
            out[key] = json.dumps(value, ensure_ascii=False)
        else:
            out[key] = value
    return out


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    for row in rows:
        for key in row:
            if key not in cols:
                cols.append(key)
    return cols


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_json(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    json.dump(list(rows), out, ensure_ascii=False, indent=2)
    out.write("\n")


# A text cell starting with one of these is run as a formula by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string starting with =, +, -, @, tab or carriage
    return gets a leading single quote, as OWASP's CSV-injection advice says. Numbers are left
    alone (-3 is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class SafeDictWriter(csv.DictWriter):
    """csv.DictWriter whose cells are neutralised against formula injection."""

    def writerow(self, rowdict: Any) -> Any:
        return super().writerow({k: neutralise(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Any]) -> None:
        for row in rowdicts:
            self.writerow(row)


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    flat = [_flat(r) for r in rows]
    writer = SafeDictWriter(out, fieldnames=_columns(flat), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)


def geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the rows that have a point (events: `place.lat/lon`; places: lat/lon).
    Coordinates are [lon, lat] as RFC 7946 requires; rows without a point are left out."""
    features = []
    for row in rows:
        place = row.get("place")
        point = place if isinstance(place, dict) else row
        lat, lon = point.get("lat"), point.get("lon")
        if lat is None or lon is None:
            continue
        props = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v)
                 for k, v in row.items()}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    json.dump(geojson(rows), out, ensure_ascii=False)
    out.write("\n")


def write_parquet(rows: Iterable[dict[str, Any]], path: str) -> None:
    """Parquet file with flattened columns (DuckDB: `SELECT * FROM 'events.parquet'`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [_flat(r) for r in rows]
    cols = _columns(flat)
    table = pa.Table.from_pylist([{c: r.get(c) for c in cols} for r in flat])
    pq.write_table(table, path)
