"""Timeline dates against journalists' reference timelines (Timeline17 layout).

Each topic folder holds `articles.json` (`[{dct, text, ...}]`, `dct` the publication date) and
`*.timeline.json` (`[{date, text}]`). The system reads the articles (publication date = dct),
links their events across documents (links/linking.py) and ranks each day by the documents that
report an event on it. As timeline-summarisation papers do, the top k days (k = the number of
reference days) are compared with the reference days: date precision, recall and F1.

For context the same run scores the classic baseline of the field: days ranked by how many
documents mention them in any day-level time expression, which needs no event at all.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from wirecoder.errors import GoldFileError
from wirecoder.links.linking import Linker, LinkEvent
from wirecoder.records import Article

_DAY_LEN = 10


class TopicScore(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topic: str
    articles: int
    reference_days: int
    events: int
    clusters: int
    precision: float
    recall: float
    f1: float
    baseline_f1: float


class T17Report(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topics: list[TopicScore]

    @property
    def mean_f1(self) -> float:
        return statistics.fmean(t.f1 for t in self.topics) if self.topics else 0.0

    def lines(self) -> list[str]:
        out = ["== T17 timeline dates (top-k days vs the reference timeline; k = reference days)"]
        for t in self.topics:
            out.append(
                f"   {t.topic:<22} articles {t.articles:>4}  ref days {t.reference_days:>3}  events {t.events:>5}"
                f"  clusters {t.clusters:>5}  date P {t.precision:.3f} R {t.recall:.3f} F1 {t.f1:.3f}"
                f"  (baseline, time-expression counts: F1 {t.baseline_f1:.3f})"
            )
        if self.topics:
            base = statistics.fmean(t.baseline_f1 for t in self.topics)
            out.append(f"   mean date F1 {self.mean_f1:.3f} over {len(self.topics)} topics (baseline {base:.3f})")
        return out


def _prf(system: list[str], reference: set[str]) -> tuple[float, float, float]:
    hit = len(set(system) & reference)
    p = hit / len(system) if system else 0.0
    r = hit / len(reference) if reference else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _read_topic(folder: Path, limit: int | None) -> tuple[list[Article], set[str]]:
    try:
        raw = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
        timeline_files = sorted(folder.glob("*.timeline.json"))
        if not timeline_files:
            raise GoldFileError(f"{folder}: no *.timeline.json reference timeline")
        reference = {str(e["date"])[:_DAY_LEN] for f in timeline_files for e in json.loads(f.read_text(encoding="utf-8"))}
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GoldFileError(f"{folder}: cannot read the T17 topic ({e})") from e
    if limit:
        raw = raw[:: max(1, len(raw) // limit)][:limit]
    articles = []
    for i, a in enumerate(raw):
        text = str(a.get("text") or "").strip()
        try:
            published = dt.date.fromisoformat(str(a.get("dct"))[:_DAY_LEN])
        except ValueError:
            continue
        if text:
            articles.append(Article(doc_id=f"{folder.name}-{a.get('uid', i)}", path=f"{folder.name}/{a.get('uid', i)}",
                                    text=text, published=published))  # fmt: skip
    return articles, reference


def evaluate_t17(folders: list[Path], *, pipeline, limit: int | None = None) -> T17Report:
    """Score timeline days per topic folder.

    Args:
        folders: T17 topic folders (or one folder holding them).
        pipeline: a `wirecoder.pipeline.Pipeline`.
        limit: read at most this many articles per topic (spread over the topic).
    """
    from wirecoder._timevalue import date_range

    topics: list[TopicScore] = []
    for folder in folders:
        articles, reference = _read_topic(folder, limit)
        linker = Linker()
        docs_per_cluster: dict[str, set[str]] = defaultdict(set)
        day_of_cluster: dict[str, str] = {}
        mentions_by_day: dict[str, set[str]] = defaultdict(set)
        n_events = 0
        for result in pipeline.process(articles):
            for t in result.times:
                if t.resolved and t.value and len(t.value) == _DAY_LEN and t.value[4] == "-":
                    mentions_by_day[t.value].add(result.article.doc_id)
            for e in result.events:
                if e.time_precision != 1 or e.date_method == "publication" or not e.date:
                    continue  # a day the text states, not the day it was printed
                span = date_range(e.date)
                n_events += 1
                ev = LinkEvent(
                    event_id=e.id, doc_id=e.prov.doc_id, event_type=e.acled_event_type,
                    sub_event_type=e.acled_sub_event_type, start=span[0] if span else None,
                    end=span[1] if span else None, lat=e.place.lat if e.place else None,
                    lon=e.place.lon if e.place else None, geo_precision=e.geo_precision,
                    actor1=e.actor1, text=e.prov.evidence,
                )  # fmt: skip
                cluster = linker.link(ev)
                docs_per_cluster[cluster].add(e.prov.doc_id)
                day_of_cluster.setdefault(cluster, e.date[:_DAY_LEN])
        k = len(reference)
        day_score: dict[str, int] = defaultdict(int)
        for cluster, docs in docs_per_cluster.items():
            day_score[day_of_cluster[cluster]] += len(docs)
        ranked = sorted(day_score, key=lambda d: (-day_score[d], d))[:k]
        baseline = sorted(mentions_by_day, key=lambda d: (-len(mentions_by_day[d]), d))[:k]
        p, r, f = _prf(ranked, reference)
        topics.append(TopicScore(
            topic=folder.name, articles=len(articles), reference_days=k, events=n_events,
            clusters=len(docs_per_cluster), precision=p, recall=r, f1=f, baseline_f1=_prf(baseline, reference)[2],
        ))  # fmt: skip
    return T17Report(topics=topics)
