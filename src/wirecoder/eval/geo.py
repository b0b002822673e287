"""Geoparsing eval on LGL / TR-News XML: toponym span P/R/F1, accuracy@161 km, error in km.

A system toponym matches a gold one when their spans overlap (one-to-one, in text order).
Accuracy@161 km (100 miles) is over the gold toponyms that have coordinates and that the system
matched and resolved to a point; mean and median error are over the same set.
"""

from __future__ import annotations

import datetime as dt
import statistics
import xml.etree.ElementTree as ET
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from spacy.language import Language

from wirecoder.errors import GoldFileError
from wirecoder.parse import parse_articles
from wirecoder.places import Gazetteer, find_places
from wirecoder.places._geo import haversine_km
from wirecoder.records import Article, PlaceMention

ACCURACY_KM = 161.0


class GoldToponym(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    phrase: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None


class GoldArticle(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


class GeoReport(BaseModel):
    """Figures of one geoparsing eval run."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    files: list[str]
    articles: int
    gold_toponyms: int
    system_toponyms: int
    matched: int
    precision: float
    recall: float
    f1: float
    scored: int  # gold toponyms with coordinates that we matched and resolved
    accuracy_161km: float
    mean_error_km: float
    median_error_km: float
    unresolved_matched: int  # matched gold toponyms with coordinates that we left unresolved
    gold_demonyms: int = 0  # gold toponyms that are demonyms ("American"): we do not tag them
    recall_without_demonyms: float = 0.0

    def lines(self) -> list[str]:
        """A small human-readable report."""
        return [
            f"geo eval: {', '.join(self.files)} ({self.articles} articles)",
            f"toponyms: gold {self.gold_toponyms}, system {self.system_toponyms}, matched {self.matched}",
            f"span precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            f"recall without the {self.gold_demonyms} demonym toponyms (\"American\"), which"
            f" wirecoder does not tag as places: {self.recall_without_demonyms:.3f}",
            f"resolution over {self.scored} matched gold toponyms with coordinates"
            f" ({self.unresolved_matched} more left unresolved):",
            f"accuracy@161km {self.accuracy_161km:.3f}  mean error {self.mean_error_km:.0f} km"
            f"  median error {self.median_error_km:.1f} km",
        ]


def _float(el: ET.Element | None) -> float | None:
    if el is None or el.text is None or not el.text.strip():
        return None
    return float(el.text)


def read_geo_xml(path: Path) -> list[GoldArticle]:
    """Articles and gold toponyms of an LGL / TR-News style XML file.

    Raises:
        GoldFileError: the file cannot be read or is not in that format.
    """
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise GoldFileError(f"{path}: cannot read geoparsing XML: {e}") from e
    articles: list[GoldArticle] = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text")
        if text is None:
            raise GoldFileError(f"{path}: article {n} has no <text>")
        gold: list[GoldToponym] = []
        for top in art.iter("toponym"):
            try:
                start, end = int(top.findtext("start") or ""), int(top.findtext("end") or "")
            except ValueError as e:
                raise GoldFileError(f"{path}: article {n}: toponym without start/end") from e
            gaz = top.find("gaztag")
            gid = gaz.get("geonameid") if gaz is not None else None
            gold.append(GoldToponym(
                start=start, end=end, phrase=top.findtext("phrase") or text[start:end],
                geonames_id=int(gid) if gid and gid.isdigit() else None,
                lat=_float(gaz.find("lat")) if gaz is not None else None,
                lon=_float(gaz.find("lon")) if gaz is not None else None,
            ))  # fmt: skip
        articles.append(GoldArticle(doc_id=art.get("docid") or f"{path.stem}-{n}", text=text,
                                    toponyms=tuple(gold)))  # fmt: skip
    return articles


def _match(gold: tuple[GoldToponym, ...], system: list[PlaceMention]) -> list[tuple[GoldToponym, PlaceMention]]:
    """One-to-one overlap matching, greedy in text order."""
    pairs: list[tuple[GoldToponym, PlaceMention]] = []
    used: set[int] = set()
    for g in gold:
        for k, s in enumerate(system):
            if k not in used and s.prov.start < g.end and g.start < s.prov.end:
                pairs.append((g, s))
                used.add(k)
                break
    return pairs


def evaluate_geo(
    paths: list[Path], *, gazetteer: Gazetteer, nlp: Language, limit: int | None = None
) -> GeoReport:
    """Run recognition and resolution on each article of the files and score them.

    Args:
        paths: LGL / TR-News style XML files.
        gazetteer: an open gazetteer.
        nlp: the spaCy pipeline (`load_nlp()`).
        limit: score at most this many articles per file.

    Returns:
        The GeoReport.

    Raises:
        GoldFileError: a file cannot be read.

    Example:
        >>> evaluate_geo([Path("lgl.xml")], gazetteer=open_gazetteer(), nlp=load_nlp()).recall
    """
    golds: list[GoldArticle] = []
    for path in paths:
        golds.extend(read_geo_xml(path)[:limit])
    articles = [Article(doc_id=g.doc_id, path=g.doc_id, text=g.text, published=dt.date(2000, 1, 1))
                for g in golds]  # fmt: skip
    n_gold = n_sys = n_match = unresolved = n_demonym = n_demonym_matched = 0
    errors: list[float] = []
    for gold, parsed in zip(golds, parse_articles(articles, nlp), strict=True):
        system = find_places(parsed, gazetteer)
        pairs = _match(gold.toponyms, system)
        n_gold += len(gold.toponyms)
        n_sys += len(system)
        n_match += len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        for g in gold.toponyms:
            if gazetteer.demonym(g.phrase) is not None:
                n_demonym += 1
                n_demonym_matched += id(g) in matched_gold
        for g, s in pairs:
            if g.lat is None or g.lon is None:
                continue
            if s.lat is None or s.lon is None:
                unresolved += 1
                continue
            errors.append(haversine_km(g.lat, g.lon, s.lat, s.lon))
    precision = n_match / n_sys if n_sys else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return GeoReport(
        files=[p.name for p in paths], articles=len(golds), gold_toponyms=n_gold,
        system_toponyms=n_sys, matched=n_match, precision=precision, recall=recall, f1=f1,
        scored=len(errors),
        accuracy_161km=sum(e <= ACCURACY_KM for e in errors) / len(errors) if errors else 0.0,
        mean_error_km=statistics.fmean(errors) if errors else 0.0,
        median_error_km=statistics.median(errors) if errors else 0.0,
        unresolved_matched=unresolved,
        gold_demonyms=n_demonym,
        recall_without_demonyms=(n_match - n_demonym_matched) / (n_gold - n_demonym)
        if n_gold > n_demonym else 0.0,
    )  # fmt: skip
