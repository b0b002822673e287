"""The gazetteer: GeoNames places in an indexed SQLite file, looked up by folded name.

The file is built on first use from data inside pinned packages (see `_build.py`) and cached at
`$WIRECODER_CACHE/gazetteer-<version>.sqlite` (default `~/.cache/wirecoder/`). The version
includes a hash of the hand-written tables, so editing them triggers a rebuild.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from wirecoder.errors import GazetteerError
from wirecoder.places._build import build_gazetteer
from wirecoder.places._fold import fold

logger = logging.getLogger(__name__)

# Bump when the build logic changes; the hand tables are hashed in automatically.
BUILD_LOGIC = "7"


class Candidate(BaseModel):
    """One gazetteer entry a name may refer to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    geonames_id: int | None  # None for hand-added features whose id we could not verify
    name: str
    lat: float
    lon: float
    feature: str  # GeoNames feature code: PPL, PPLC, ADM1, ADM2, PCLI, STM, SEA, AIRP, ...
    country_code: str | None
    admin1: str | None  # name of the first-level region
    population: int = 0
    admin1_code: str | None = None  # GeoNames "UA.08"
    admin2: str | None = None
    name_kind: int = 0  # how the name matched: 0 own name, 1 alternate name, 2 short form
    n_names: int = 1  # number of names the entry has: a prominence prior
    size: int = 1  # for a region or country: how many places it holds

    @property
    def is_region(self) -> bool:
        return self.feature.startswith("ADM") or self.feature in ("PCLI", "RGN", "PEN", "CONT")

    @property
    def is_populated_place(self) -> bool:
        return self.feature.startswith("PPL")


def build_version() -> str:
    """The build version: the build logic plus a hash of the hand tables."""
    digest = hashlib.sha256(BUILD_LOGIC.encode())
    for table in ("features.tsv", "aliases.tsv", "country_points.tsv"):
        digest.update((resources.files("wirecoder.places") / table).read_bytes())
    return digest.hexdigest()[:12]


def default_path() -> Path:
    """Where the gazetteer is cached: `$WIRECODER_CACHE` or `~/.cache/wirecoder/`."""
    base = os.environ.get("WIRECODER_CACHE")
    folder = Path(base) if base else Path.home() / ".cache" / "wirecoder"
    return folder / f"gazetteer-{build_version()}.sqlite"


class Gazetteer:
    """Read-only access to a built gazetteer file. Picklable: it reopens the file by path."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise GazetteerError(f"gazetteer file {path} does not exist: call open_gazetteer()")
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            self._con.execute("SELECT 1 FROM name LIMIT 1").fetchall()
        except sqlite3.DatabaseError as e:
            raise GazetteerError(f"{path} is not a gazetteer file ({e}): delete it to rebuild") from e
        self._cached = functools.lru_cache(maxsize=65536)(self._query)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def _query(self, key: str) -> tuple[Candidate, ...]:
        rows = self._con.execute(
            "SELECT p.geonames_id, p.name, p.lat, p.lon, p.feature, p.country_code, p.admin1,"
            " p.population, p.admin1_code, p.admin2, n.kind, p.n_names, p.size"
            " FROM name n JOIN place p ON p.pid = n.pid WHERE n.key = ?"
            " ORDER BY n.kind, p.population DESC",
            (key,),
        ).fetchall()
        fields = ("geonames_id", "name", "lat", "lon", "feature", "country_code", "admin1",
                  "population", "admin1_code", "admin2", "name_kind", "n_names", "size")  # fmt: skip
        return tuple(Candidate(**dict(zip(fields, row, strict=True))) for row in rows)

    def lookup(self, name: str, *, limit: int = 10) -> list[Candidate]:
        """Entries whose name (or alternate name) folds to the same key as `name`.

        Args:
            name: a place name as written ("Kiev", "Kharkov", "Saint-Étienne").
            limit: at most this many candidates, own-name matches first, then by population.

        Returns:
            The candidates, best-known first; empty when the name is not in the gazetteer.

        Example:
            >>> gaz.lookup("Kiev")[0].name
            'Kyiv'
        """
        key = fold(name)
        if not key:
            return []
        return list(self._cached(key)[:limit])

    def has(self, name: str) -> bool:
        """Whether any entry carries this name."""
        key = fold(name)
        return bool(key) and bool(self._cached(key))

    def demonym(self, word: str) -> str | None:
        """The country code a demonym refers to ("Ukrainians" -> "UA"), or None."""
        row = self._con.execute(
            "SELECT country_code FROM demonym WHERE key = ?", (fold(word),)
        ).fetchone()
        return str(row[0]) if row else None

    def close(self) -> None:
        self._con.close()


def open_gazetteer(path: Path | None = None) -> Gazetteer:
    """Open the gazetteer, building it first when the file is not there yet.

    Args:
        path: the SQLite file; default `default_path()`. Built there when missing.

    Returns:
        A Gazetteer; load it once and pass it to the stages.

    Raises:
        GazetteerError: the file cannot be built or opened.

    Example:
        >>> gaz = open_gazetteer()
        >>> gaz.lookup("Kharkov")[0].geonames_id
        706483
    """
    target = path or default_path()
    if not target.is_file():
        logger.info("building the gazetteer at %s (first use)", target)
        build_gazetteer(target, version=build_version())
    return Gazetteer(target)
