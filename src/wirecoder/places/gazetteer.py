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
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from wirecoder.errors import GazetteerError
from wirecoder.places._build import build_gazetteer
from wirecoder.places._fold import fold, is_latin, translit_key

logger = logging.getLogger(__name__)

# Bump when the build logic changes; the hand tables are hashed in automatically.
BUILD_LOGIC = "7"
# name_kind of a match by another spelling: a transliteration variant or a misspelling.
LOOSE = 3
# Countries whose place names reach English through transliteration from Cyrillic (or, for the
# Caucasus, through Russian): their entries are also found by `translit_key` and by fuzzy match.
TRANSLIT_COUNTRIES = ("UA", "RU", "BY", "MD", "KZ", "GE", "AM", "AZ", "KG", "TJ", "UZ", "TM")
# Fuzzy matching (`fuzzy_lookup`) considers towns of at least this size: misspelt names in the
# news are of towns the news names often, and an unlisted village ("the village of X") should
# not become a namesake-like village elsewhere; towns this big are few enough that a one-letter
# slip rarely lands on another one.
FUZZY_MIN_POPULATION = 10_000
# Misspellings are matched to towns of the countries at war only: "Buzova" (a Kyiv-oblast village
# the gazetteer lacks) is one letter from Buzovna in Azerbaijan.
FUZZY_COUNTRIES = frozenset({"UA", "RU", "BY"})
# rapidfuzz ratio (0-100, normalised Indel similarity of the transliteration keys) a misspelling
# must reach ("Maripol"/"Mariupol" 93, "Donestk"/"Donetsk" 86), and at most one edit (a swap of
# two letters counts one) per 8 letters: typing slips, not another name.
FUZZY_MIN_SCORE = 85.0
FUZZY_LETTERS_PER_EDIT = 8
# Shorter names are not fuzzy-matched: one edit from a five-letter English word ("House",
# "Strip") lands on some town's spelling.
FUZZY_MIN_LETTERS = 6


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
    # How the name matched: 0 own name, 1 alternate name, 2 short form, 3 another spelling
    # (LOOSE: a transliteration variant or a misspelling, see `translit_key`, `fuzzy_lookup`).
    name_kind: int = 0
    n_names: int = 1  # number of names the entry has: a prominence prior
    size: int = 1  # for a region or country: how many places it holds

    @property
    def is_region(self) -> bool:
        return self.feature.startswith("ADM") or self.feature in ("PCLI", "RGN", "PEN", "CONT")

    @property
    def is_populated_place(self) -> bool:
        return self.feature.startswith("PPL")


_FIELDS = ("geonames_id", "name", "lat", "lon", "feature", "country_code", "admin1",
           "population", "admin1_code", "admin2", "name_kind", "n_names", "size")  # fmt: skip
_COLUMNS = ("p.pid, p.geonames_id, p.name, p.lat, p.lon, p.feature, p.country_code, p.admin1,"
            " p.population, p.admin1_code, p.admin2, {kind}, p.n_names, p.size")  # fmt: skip


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
        self._translit: dict[str, tuple[int, ...]] | None = None  # built on first use
        self._fuzzy_keys: dict[str, list[str]] = {}  # first letter -> keys

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def _query(self, key: str) -> tuple[Candidate, ...]:
        rows = self._con.execute(
            f"SELECT {_COLUMNS.format(kind='n.kind')} FROM name n JOIN place p ON p.pid = n.pid WHERE n.key = ?"
            " ORDER BY n.kind, p.population DESC",
            (key,),
        ).fetchall()
        found = [Candidate(**dict(zip(_FIELDS, row[1:], strict=True))) for row in rows]
        seen = {row[0] for row in rows}
        # Another English spelling of an East Slavic name ("Vinnitsa" for Vinnytsya), after the
        # exact matches, which keep their place.
        extra = [pid for pid in self._translit_index().get(translit_key(key), ()) if pid not in seen]
        return tuple(found + self._by_pid(extra, kind=LOOSE))

    def _by_pid(self, pids: list[int], *, kind: int) -> list[Candidate]:
        if not pids:
            return []
        marks = ",".join("?" * len(pids))
        rows = self._con.execute(
            f"SELECT {_COLUMNS.format(kind='?')} FROM place p WHERE p.pid IN ({marks}) ORDER BY p.population DESC",
            (kind, *pids),
        ).fetchall()
        return [Candidate(**dict(zip(_FIELDS, row[1:], strict=True))) for row in rows]

    def _translit_index(self) -> dict[str, tuple[int, ...]]:
        """transliteration key -> place ids, for the TRANSLIT_COUNTRIES' Latin names."""
        if self._translit is None:
            marks = ",".join("?" * len(TRANSLIT_COUNTRIES))
            rows = self._con.execute(
                "SELECT n.key, n.pid, p.population, p.country_code FROM name n JOIN place p ON p.pid = n.pid"
                f" WHERE p.country_code IN ({marks}) AND n.kind < 2",
                TRANSLIT_COUNTRIES,
            ).fetchall()
            index: dict[str, set[int]] = {}
            fuzzy: set[str] = set()
            for key, pid, population, country in rows:
                if not is_latin(key):
                    continue
                tkey = translit_key(key)
                index.setdefault(tkey, set()).add(pid)
                if population >= FUZZY_MIN_POPULATION and country in FUZZY_COUNTRIES:
                    fuzzy.add(tkey)
            self._translit = {k: tuple(sorted(v)) for k, v in index.items()}
            self._fuzzy_keys = {}
            for tkey in sorted(fuzzy):
                self._fuzzy_keys.setdefault(tkey[0], []).append(tkey)
        return self._translit

    def fuzzy_lookup(self, name: str, *, limit: int = 10) -> list[Candidate]:
        """Entries of the FUZZY_COUNTRIES whose name is a likely misspelling of `name`
        ("Maripol" -> Mariupol, "Donestk" -> Donetsk): the closest transliteration key by
        rapidfuzz ratio, at least FUZZY_MIN_SCORE, same first letter, FUZZY_MIN_LETTERS or more.

        Args:
            name: a place name as written, that `lookup` did not find.
            limit: at most this many candidates.

        Returns:
            The candidates of the closest key (name_kind LOOSE), best-known first;
            empty when no key is close enough.

        Example:
            >>> gaz.fuzzy_lookup("Maripol")[0].name
            'Mariupol'
        """
        key = translit_key(fold(name))
        if len(key) < FUZZY_MIN_LETTERS or not is_latin(key):
            return []
        index = self._translit_index()
        best = process.extractOne(
            key, self._fuzzy_keys.get(key[0], []), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE
        )
        if best is None or OSA.distance(key, best[0]) > max(1, len(key) // FUZZY_LETTERS_PER_EDIT):
            return []
        return self._by_pid(list(index[best[0]]), kind=LOOSE)[:limit]

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
