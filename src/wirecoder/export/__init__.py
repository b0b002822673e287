"""Writers: JSONL (the contract), JSON, CSV, GeoJSON, Parquet."""

from wirecoder.export.writers import (
    FORMATS,
    SafeDictWriter,
    geojson,
    neutralise,
    write_csv,
    write_geojson,
    write_json,
    write_jsonl,
    write_parquet,
)

__all__ = [
    "FORMATS",
    "SafeDictWriter",
    "geojson",
    "neutralise",
    "write_csv",
    "write_geojson",
    "write_json",
    "write_jsonl",
    "write_parquet",
]
