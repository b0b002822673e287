"""Geoparsing eval on LGL / TR-News XML: toponym span P/R/F1, accuracy@161 km, error in km.

A system toponym matches a gold one when their spans overlap (one-to-one, in text order). Gold
offsets that do not hold their phrase (a few TR-News articles drift) are moved onto the nearest
occurrence of the phrase first.
Accuracy@161 km (100 miles) is over the gold toponyms that have coordinates and that the system
matched and resolved to a point; mean and median error are over the same set.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
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
    realigned: bool = False  # the file's offsets missed the phrase; these are the phrase's


class GoldArticle(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


class GeoReport(BaseModel):
    """Figures of one geoparsing eval run: all files together, then each file alone."""

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
    realigned_gold: int = 0  # gold spans whose offsets missed their phrase, moved onto it
    accuracy_161km_all_matched: float = 0.0  # the unresolved matched toponyms counted as misses
    per_file: list[GeoReport] = []

    def lines(self) -> list[str]:
        """A small human-readable report: the total, then one block per file."""
        out = self._block()
        if len(self.per_file) > 1:
            for part in self.per_file:
                out.extend("  " + line for line in part._block())
        return out

    def _block(self) -> list[str]:
        return [
            f"geo eval: {', '.join(self.files)} ({self.articles} articles)",
            f"toponyms: gold {self.gold_toponyms}, system {self.system_toponyms}, matched {self.matched}"
            f" ({self.realigned_gold} gold spans realigned onto their phrase)",
            f"span precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            f"recall without the {self.gold_demonyms} demonym toponyms (\"American\"), which"
            f" wirecoder does not tag as places: {self.recall_without_demonyms:.3f}",
            f"resolution over {self.scored} matched gold toponyms with coordinates"
            f" ({self.unresolved_matched} more left unresolved):",
            f"accuracy@161km {self.accuracy_161km:.3f}  mean error {self.mean_error_km:.0f} km"
            f"  median error {self.median_error_km:.1f} km",
            f"accuracy@161km counting the {self.unresolved_matched} unresolved (streets, unknown"
            f" places) as misses: {self.accuracy_161km_all_matched:.3f}",
        ]


def _float(el: ET.Element | None) -> float | None:
    if el is None or el.text is None or not el.text.strip():
        return None
    return float(el.text)


# How far a gold span may sit from its phrase: some TR-News articles' offsets drift by a few
# characters (up to ~40) after whitespace in the text was changed; LGL's are exact.
REALIGN_CHARS = 60


def _realign(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    """The gold span moved onto the nearest occurrence of its phrase when the offsets do not hold
    it; unchanged when they do or when no occurrence is near."""
    if text[start:end] == phrase or not phrase:
        return start, end
    best: int | None = None
    k = text.find(phrase, max(0, start - REALIGN_CHARS))
    while k != -1 and k <= start + REALIGN_CHARS:
        if best is None or abs(k - start) < abs(best - start):
            best = k
        k = text.find(phrase, k + 1)
    return (best, best + len(phrase)) if best is not None else (start, end)


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
            phrase = top.findtext("phrase") or text[start:end]
            new_start, new_end = _realign(text, phrase, start, end)
            gold.append(GoldToponym(
                start=new_start, end=new_end, phrase=phrase, realigned=new_start != start,
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


# Endings of adjectives of place ("South Ossetian", "Sinhalese", "Dagestani", "Ohioans"): a gold
# phrase with one of these that names no gazetteer entry is a demonym too. Hand-written: the
# country demonyms the gazetteer holds do not cover regions and peoples.
_DEMONYM_END = re.compile(r"(?:an|ans|ian|ians|ese|i|is|ish|ic|ers?)$")


def is_demonym(phrase: str, gazetteer: Gazetteer) -> bool:
    """Whether a gold toponym is an adjective or people's name rather than a place name."""
    if gazetteer.demonym(phrase) is not None:
        return True
    return bool(_DEMONYM_END.search(phrase)) and phrase[:1].isupper() and not gazetteer.has(phrase)


@dataclass
class _Tally:
    articles: int = 0
    gold: int = 0
    system: int = 0
    matched: int = 0
    unresolved: int = 0
    demonyms: int = 0
    demonyms_matched: int = 0
    realigned: int = 0
    errors: list[float] = field(default_factory=list)

    def add(self, other: _Tally) -> None:
        for name in ("articles", "gold", "system", "matched", "unresolved", "demonyms",
                     "demonyms_matched", "realigned"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def report(self, files: list[str], per_file: list[GeoReport] | None = None) -> GeoReport:
        precision = self.matched / self.system if self.system else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        errors = self.errors
        kept = self.gold - self.demonyms
        return GeoReport(
            files=files, articles=self.articles, gold_toponyms=self.gold,
            system_toponyms=self.system, matched=self.matched, precision=precision,
            recall=recall, f1=f1, scored=len(errors),
            accuracy_161km=sum(e <= ACCURACY_KM for e in errors) / len(errors) if errors else 0.0,
            mean_error_km=statistics.fmean(errors) if errors else 0.0,
            median_error_km=statistics.median(errors) if errors else 0.0,
            unresolved_matched=self.unresolved, gold_demonyms=self.demonyms,
            recall_without_demonyms=(self.matched - self.demonyms_matched) / kept if kept else 0.0,
            realigned_gold=self.realigned, per_file=per_file or [],
            accuracy_161km_all_matched=sum(e <= ACCURACY_KM for e in errors) / (len(errors) + self.unresolved)
            if errors or self.unresolved else 0.0,
        )  # fmt: skip


def _score_article(gold: GoldArticle, system: list[PlaceMention], gazetteer: Gazetteer) -> _Tally:
    pairs = _match(gold.toponyms, system)
    tally = _Tally(articles=1, gold=len(gold.toponyms), system=len(system), matched=len(pairs))
    matched_gold = {id(g) for g, _ in pairs}
    for g in gold.toponyms:
        tally.realigned += g.realigned
        if is_demonym(g.phrase, gazetteer):
            tally.demonyms += 1
            tally.demonyms_matched += id(g) in matched_gold
    for g, s in pairs:
        if g.lat is None or g.lon is None:
            continue
        if s.lat is None or s.lon is None:
            tally.unresolved += 1
            continue
        tally.errors.append(haversine_km(g.lat, g.lon, s.lat, s.lon))
    return tally


def evaluate_geo(
    paths: list[Path], *, gazetteer: Gazetteer, nlp: Language, limit: int | None = None
) -> GeoReport:
    """Run recognition and resolution on each article of the files and score them.

    Recall is given on all gold spans and, beside it, on the gold spans that are not demonyms
    (wirecoder does not tag "Ukrainian" as a place); both are always printed.

    Args:
        paths: LGL / TR-News style XML files.
        gazetteer: an open gazetteer.
        nlp: the spaCy pipeline (`load_nlp()`).
        limit: score at most this many articles per file.

    Returns:
        The GeoReport over all files, with one report per file in `per_file`.

    Raises:
        GoldFileError: a file cannot be read.

    Example:
        >>> evaluate_geo([Path("lgl.xml")], gazetteer=open_gazetteer(), nlp=load_nlp()).recall
    """
    total = _Tally()
    per_file: list[GeoReport] = []
    for path in paths:
        golds = read_geo_xml(path)[:limit]
        articles = [Article(doc_id=g.doc_id, path=g.doc_id, text=g.text, published=dt.date(2000, 1, 1))
                    for g in golds]  # fmt: skip
        tally = _Tally()
        for gold, parsed in zip(golds, parse_articles(articles, nlp), strict=True):
            tally.add(_score_article(gold, find_places(parsed, gazetteer), gazetteer))
        per_file.append(tally.report([path.name]))
        total.add(tally)
    return total.report([p.name for p in paths], per_file if len(paths) > 1 else None)
