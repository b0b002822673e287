"""Timelines and disagreements over linked events: one entry per real-world event, with its
sources, how independent they are, whose side each is on, and where they disagree.

Pure functions over rows read from the store (contract rows of events with their `cluster_id`,
the documents, the claims and the stored contradictions); the CLI does the reading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from wirecoder._timevalue import date_range
from wirecoder.events._actors import side_named
from wirecoder.links.linking import similarity
from wirecoder.records import DATE_METHOD_RANK

_WIRE_COPY = 0.9  # two documents whose sentence for an event is this alike carry one wire story
_STATUS_ORDER = ("confirmed", "claimed", "announced", "denied")
_NUMBER = re.compile(r"\d[\d,.]*")


class TimelineSource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: str
    doc_id: str
    outlet: str | None = None
    path: str | None = None
    published: str | None = None
    speaker: str | None = None
    side: str | None = None
    status: str
    sentence: int
    start: int
    end: int
    evidence: str


class TimelineEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str = "timeline"
    cluster_id: str
    date: str | None
    time_precision: int | None
    event_type: str
    sub_event_type: str
    place: dict[str, Any] | None
    geo_precision: int | None
    actor1: str | None
    status: str
    disputed: bool
    disagreements: list[str]
    mentions: int
    documents: int
    reports: int  # distinct stories among the documents: copies of one wire story count once
    independent_sources: int
    sources: list[TimelineSource]
    # the lead mention, so that a JSONL row carries provenance like every other row
    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    evidence: str


def side_of(text: str | None) -> str | None:
    """The side a speaker or outlet speaks for, when its name or role says ("Ukrainian official",
    "the Kremlin"); None when the text does not say."""
    if not text:
        return None
    side = side_named(text)
    return side.name if side is not None else None


def _families(mentions: Sequence[dict[str, Any]], documents: dict[str, dict[str, Any]]) -> int:
    """Independent reports among mentions that cite nobody: one per outlet, and documents of
    unknown outlet that carry the same sentence (wire copies) count once. (A mention that rests
    on a speaker counts that speaker instead: the outlet only relays it.)"""
    families: list[tuple[str | None, str]] = []
    for m in mentions:
        outlet = (documents.get(m["doc_id"]) or {}).get("outlet")
        if any((outlet and outlet == o) or similarity(m["evidence"], e) >= _WIRE_COPY for o, e in families):
            continue
        families.append((outlet, m["evidence"]))
    return len(families)


def _stories(mentions: Sequence[dict[str, Any]]) -> int:
    """Distinct reports among the documents of a cluster: documents whose sentences for the event
    are this alike (_WIRE_COPY) carry one wire story, whatever outlet printed them."""
    stories: list[str] = []
    seen: set[str] = set()
    for m in sorted(mentions, key=lambda m: m["doc_id"]):
        if m["doc_id"] in seen:
            continue
        seen.add(m["doc_id"])
        if not any(similarity(m["evidence"], e) >= _WIRE_COPY for e in stories):
            stories.append(m["evidence"])
    return len(stories)


def _figure_conflicts(mentions: Sequence[dict[str, Any]]) -> list[str]:
    """Two documents counting the same thing differently ("41 communities" vs "dozens")."""
    out: list[str] = []
    by_thing: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        q = m.get("quantity")
        if not q:
            continue
        number = _NUMBER.search(q)
        thing = _NUMBER.sub("", q).strip().lower()
        if number and thing:
            by_thing[thing].add(number.group().replace(",", ""))
    for thing, values in by_thing.items():
        if len(values) > 1:
            out.append(f"conflicting figures for {thing}: {', '.join(sorted(values))}")
    return out


def build_timeline(
    mentions: Sequence[dict[str, Any]],
    documents: dict[str, dict[str, Any]],
    contradicted_claims: set[str] | None = None,
    speaker_roles: dict[str, str] | None = None,
) -> list[TimelineEntry]:
    """One entry per cluster of event mentions, oldest first.

    Args:
        mentions: event contract rows, each with its `cluster_id`.
        documents: document rows by doc_id (outlet, path, published).
        contradicted_claims: ids of claims that a stored contradiction involves.
        speaker_roles: claim id -> the speaker's name and role, to tell the speaker's side.
    """
    contradicted = contradicted_claims or set()
    roles = speaker_roles or {}
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        clusters[m.get("cluster_id") or f"k-{m['id']}"].append(m)
    entries: list[TimelineEntry] = []
    for cid, group in clusters.items():
        lead = min(
            group,
            key=lambda m: (m.get("time_precision") or 9, DATE_METHOD_RANK[m.get("date_method") or "none"],
                           m.get("geo_precision") or 9, m["doc_id"], m["start"]),
        )  # fmt: skip
        statuses = {m.get("status") or "confirmed" for m in group}
        status = next((s for s in _STATUS_ORDER if s in statuses), "confirmed")
        disagreements = _figure_conflicts(group)
        if "denied" in statuses and statuses & {"confirmed", "claimed"}:
            deniers = sorted({m.get("source") or "a source" for m in group if m.get("status") == "denied"})
            disagreements.append(f"denied by {', '.join(deniers)} while others report it")
        if any(m.get("claim_id") in contradicted for m in group):
            disagreements.append("a claim it rests on is contradicted")
        sources = [
            TimelineSource(
                event_id=m["id"], doc_id=m["doc_id"], outlet=(documents.get(m["doc_id"]) or {}).get("outlet"),
                path=(documents.get(m["doc_id"]) or {}).get("path"),
                published=(documents.get(m["doc_id"]) or {}).get("published"),
                speaker=m.get("source"),
                side=side_of(roles.get(m.get("claim_id") or "") or m.get("source")),
                status=m.get("status") or "confirmed", sentence=m["sentence"], start=m["start"], end=m["end"],
                evidence=m["evidence"],
            )  # fmt: skip
            for m in sorted(group, key=lambda m: (m["doc_id"], m["start"]))
        ]
        speakers = {s.speaker for s in sources if s.speaker}
        entries.append(
            TimelineEntry(
                cluster_id=cid, date=lead.get("date"), time_precision=lead.get("time_precision"),
                event_type=lead["acled_event_type"], sub_event_type=lead["acled_sub_event_type"],
                place=lead.get("place"), geo_precision=lead.get("geo_precision"), actor1=lead.get("actor1"),
                status=status, disputed=bool(disagreements), disagreements=disagreements,
                mentions=len(group), documents=len({m["doc_id"] for m in group}), reports=_stories(group),
                independent_sources=_families([m for m in group if not m.get("source")], documents) + len(speakers),
                sources=sources,
                doc_id=lead["doc_id"], sentence=lead["sentence"], start=lead["start"], end=lead["end"],
                text=lead["text"], evidence=lead["evidence"],
            )  # fmt: skip
        )
    def when(e: TimelineEntry) -> str:  # weeks and months sort by their first day
        span = date_range(e.date)
        return span[0].isoformat() if span else "9999"

    return sorted(entries, key=lambda e: (when(e), e.cluster_id))
