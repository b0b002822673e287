"""Score the system against gold files in the format of shared/gold/seeds.yaml.

The matching rule is the one written in that file's header:
- event: evidence sentence (or the sentence of any of its further mentions) overlaps the gold
  evidence; ACLED type and sub-type equal; date equal, or inside the gold date when that is a
  month or a week; place within `within_km` (default 25) of `at` when given. A gold event with a
  `doc:` is looked for in that document only. Precision counts every event the system shows by
  default (incidents and background incidents; generic mentions are kept apart and counted in a
  note); recall is given over all gold events and over current incidents (`background` not set).
- claim: same speaker (any spelling: surname or fuzzy match), content overlapping `says` (at
  least half of its content words), channel matching `via` when given. A gold file that lists
  only the claims its contradictions pair scores claim recall only.
- quantity: value and unit equal (unit names normalised).
- place: a mention of that name resolved within 25 km of the gold point (rivers: a stream feature).
- date: a system time expression over the gold expression with the gold value.
- contradiction (disagreement): a row of `wirecoder disagreements` (the documents ingested into a
  fresh store) whose two sides are the two gold claims: each side in the gold claim's document,
  over the place the gold quote stands or holding half of its content words. Precision counts
  every row.
Documents are keyed by their whole file name (a stem or an unambiguous prefix also works).
Matching is one-to-one and greedy in gold order.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from wirecoder._geo import haversine_km
from wirecoder._timevalue import date_range
from wirecoder.errors import GoldFileError, InputError
from wirecoder.eval._matching import find, fold, overlaps, same_name, words
from wirecoder.eval._report import KindScore
from wirecoder.records import ArticleResult

KINDS = ("events", "current events", "claims", "quantities", "places", "dates", "contradictions")
_RIVER_FEATURES = {"STM", "STMS", "STMA", "STMX", "CNL", "RIV"}
_SHOWN = ("incident", "background")  # event kinds the CLI shows by default


class GoldReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    gold: str
    documents: dict[str, str | None]  # file -> publication date used
    scores: dict[str, KindScore]

    def lines(self) -> list[str]:
        out = [f"== gold: {self.gold}"]
        for name, date in self.documents.items():
            out.append(f"   {name}: published {date or 'unknown (relative dates unresolved)'}")
        for kind in KINDS:
            if kind in self.scores:
                out.append("   " + self.scores[kind].line())
        for kind in KINDS:
            s = self.scores.get(kind)
            if s is None:
                continue
            one = {"quantities": "quantity", "current events": "current event"}.get(kind, kind[:-1])
            out.extend(f"   missed {one}: {m}" for m in s.missed)
            if kind != "current events":  # the same system items as `events`
                out.extend(f"   unmatched system {kind}: {u}" for u in s.unmatched)
            out.extend(f"   note {kind}: {n}" for n in s.notes)
        return out


def shown(event: Any) -> bool:
    """Whether the CLI shows this event by default (not a generic mention)."""
    return getattr(event, "event_kind", "incident") in _SHOWN


def _unit(u: str | None) -> str:
    u = fold(u or "")
    table = {"square kilometers": "km2", "square kilometres": "km2", "km²": "km2", "sq km": "km2",
             "kilometers": "km", "kilometres": "km", "kilometer": "km", "miles": "mi"}
    return table.get(u, u)


# Unit names that count the same thing (the gold file's "unit names normalised").
_SAME_UNIT = [{"people", "civilians", "persons", "residents", "ukrainians"}, {"troops", "soldiers", "servicemen"}]


def _unit_match(sys_unit: str | None, gold_unit: str) -> bool:
    su, gu = _unit(sys_unit), _unit(gold_unit)
    if any(su in group and (gu in group or gu.split()[0] in group) for group in _SAME_UNIT):
        return True
    if not su:
        return False
    return su == gu or su in gu or gu in su or bool(words(su) & words(gu) - {"square"})


class _Doc:
    def __init__(self, file: str, result: ArticleResult) -> None:
        self.file = file
        self.result = result
        self.text = result.article.text


class _Gold:
    """Several gold files as one: items keep their file's place table and document names."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        self.documents: list[tuple[Path, dict[str, Any]]] = []  # (gold file, entry)
        self.events: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []
        self.contradictions: list[dict[str, Any]] = []
        self.quantities: list[dict[str, Any]] = []
        self.places: dict[str, dict[str, Any]] = {}
        self.dates: dict[str, dict[str, Any]] = {}
        self.present: set[str] = set()
        self.claims_complete_docs: set[str] = set()  # docs whose every claim the gold lists
        ids: set[str] = set()
        for path in self.paths:
            spec = self._read(path)
            prefix = f"{path.stem}:" if len(self.paths) > 1 else ""
            names = [str(d["file"]) for d in spec.get("documents") or []]
            self.documents.extend((path, d) for d in spec.get("documents") or [])
            table = spec.get("places") or {}
            for name, g in table.items():
                self.places.setdefault(name, g)
            for g in spec.get("events") or []:
                at = table.get(g["at"]) if g.get("at") else None
                self.events.append({**g, "_at": at, "_doc": self._key(g.get("doc"), names, path)})
            paired = {c for x in spec.get("contradictions") or [] for c in x["claims"]}
            claims = spec.get("claims") or []
            if claims and not all(c["id"] in paired for c in claims):
                self.claims_complete_docs.update(names)
            for g in claims:
                gid = f"{prefix}{g['id']}" if prefix or g["id"] in ids else g["id"]
                ids.add(gid)
                self.claims.append({**g, "id": gid, "_doc": self._key(g.get("doc"), names, path)})
            for x in spec.get("contradictions") or []:
                self.contradictions.append({**x, "claims": [f"{prefix}{c}" for c in x["claims"]]})
            for g in spec.get("quantities") or []:
                self.quantities.append({**g, "_doc": self._key(g.get("doc"), names, path)})
            for key, exprs in (spec.get("dates") or {}).items():
                doc = self._key(str(key), names, path)
                if doc:
                    self.dates.setdefault(doc, {}).update(exprs)
            self.present.update(k for k in ("events", "claims", "quantities", "places", "dates", "contradictions") if spec.get(k))
        if "events" in self.present:
            self.present.add("current events")

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        try:
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            raise GoldFileError(f"{path}: cannot read the gold file: {e}") from e
        if not isinstance(spec, dict) or not isinstance(spec.get("documents"), list):
            raise GoldFileError(f"{path}: not a gold file (no `documents:` list)")
        for d in spec["documents"]:
            if not isinstance(d, dict) or "file" not in d:
                raise GoldFileError(f"{path}: a `documents:` entry has no `file:` ({d!r})")
        return spec

    @staticmethod
    def _key(key: Any, names: list[str], path: Path) -> str | None:
        if key is None:
            return None
        found = doc_key(str(key), names)
        if found is None:
            raise GoldFileError(f"{path}: item names document {key!r}, which `documents:` does not list")
        return found


def doc_key(key: str, files: Sequence[str]) -> str | None:
    """The file a key names: the whole file name, its stem, or a prefix that only it has."""
    for f in files:
        if f == key or Path(f).stem == key:
            return f
    starting = [f for f in files if f.startswith(key)]
    return starting[0] if len(starting) == 1 else None


def _run(gold: _Gold, published: dict[str, dt.date], docs_dir: Path | None) -> dict[str, _Doc]:
    from wirecoder.ingest import read_inputs
    from wirecoder.pipeline import Pipeline

    pipe = Pipeline()
    docs: dict[str, _Doc] = {}
    for gold_path, entry in gold.documents:
        name = str(entry["file"])
        if name in docs:
            continue
        folders = [docs_dir] if docs_dir else [gold_path.parent, gold_path.parent.parent / "seeds"]
        candidates = [d / name for d in folders]
        path = next((p for p in candidates if p.exists()), None)
        if path is None:
            raise GoldFileError(f"{gold_path}: gold document {name} not found in {', '.join(map(str, folders))} (use --docs DIR)")
        date = next((d for k, d in published.items() if doc_key(k, [name])), None)
        items = list(read_inputs([str(path)], published=date))
        if not items or isinstance(items[0], InputError):
            raise GoldFileError(f"{gold_path}: cannot read gold document {path}: {items[0] if items else 'empty'}")
        docs[name] = _Doc(name, pipe.process_one(items[0]))
    return docs


def _score_places(gold: _Gold, docs: dict[str, _Doc]) -> KindScore:
    score = KindScore(kind="places")
    mentions = [p for d in docs.values() for p in d.result.places if p.role == "location"]
    matched_names: set[str] = set()
    for name, g in gold.places.items():
        hits = [p for p in mentions if same_name(p.name, name) or same_name(p.prov.text, name)]
        ok = False
        if g.get("lat") is None:  # a river or other feature: the right feature type
            ok = any((p.feature or "").upper() in _RIVER_FEATURES for p in hits)
        else:
            near = [p for p in hits if p.lat is not None and p.lon is not None
                    and haversine_km(g["lat"], g["lon"], p.lat, p.lon) <= 25]
            ok = bool(near)
            if not ok and hits:
                best = min((haversine_km(g["lat"], g["lon"], p.lat, p.lon) for p in hits
                            if p.lat is not None and p.lon is not None), default=None)
                score.notes.append(f"{name}: nearest mention {best:.0f} km away" if best is not None else f"{name}: mentioned, unresolved")
        if ok:
            score.tp += 1
            matched_names.update(fold(p.name) for p in hits)
        else:
            score.fn += 1
            score.missed.append(name)
    for p in {fold(p.name): p for p in mentions}.values():
        if fold(p.name) in matched_names or any(same_name(p.name, g) for g in gold.places):
            continue
        score.fp += 1
        score.unmatched.append(f"{p.name} ({p.feature}, {p.lat}, {p.lon})")
    return score


def _score_dates(gold: _Gold, docs: dict[str, _Doc]) -> KindScore:
    score = KindScore(kind="dates")
    covered: set[tuple[str, int]] = set()
    for file, exprs in gold.dates.items():
        if file not in docs:
            continue
        doc = docs[file]
        for expr, gold_value in exprs.items():
            gold_value = str(gold_value)
            occurrences = [m.span() for m in re.finditer(re.escape(expr), doc.text, re.I)]
            values = []
            for s, e in occurrences:
                for t in doc.result.times:
                    if t.prov.start < e and s < t.prov.end:
                        values.append(t.value)
                        covered.add((file, t.prov.start))
            day = re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold_value) is not None
            good = [v for v in values if v == gold_value or (day and v.split("T")[0] == gold_value)]
            if good:
                score.tp += 1
            else:
                score.fn += 1
                score.missed.append(f"{file} {expr!r} -> {gold_value} (system: {', '.join(values) or 'nothing'})")
    for file, doc in docs.items():
        if file not in gold.dates:
            continue
        for t in doc.result.times:
            if (file, t.prov.start) not in covered:
                score.fp += 1
                score.unmatched.append(f"{file} {t.prov.text!r} = {t.value}")
    return score


def _claim_matches(g: dict[str, Any], c: Any) -> bool:
    speaker = c.speaker.canonical if c.speaker else ""
    spoken = c.speaker.text if c.speaker else ""
    if not (same_name(speaker, str(g["source"])) or same_name(spoken, str(g["source"]))):
        return False
    says = words(str(g["says"]))
    if not says or len(says & words(c.content.text)) < 0.5 * len(says):
        return False
    via = g.get("via")
    return not via or bool(c.via and (fold(via) in fold(c.via) or fold(c.via) in fold(via)))


def _score_claims(gold: _Gold, docs: dict[str, _Doc]) -> KindScore:
    score = KindScore(kind="claims")
    used: set[str] = set()
    flags = {"direct": [0, 0], "hedged": [0, 0], "stance": [0, 0]}
    for g in gold.claims:
        file = g["_doc"]
        pool = [c for c in (docs[file].result.claims if file in docs else []) if c.id not in used]
        hit = next((c for c in pool if _claim_matches(g, c)), None)
        if hit is None:
            score.fn += 1
            score.missed.append(f"{g['id']} {g['source']}: {g['says'][:70]}")
            continue
        score.tp += 1
        used.add(hit.id)
        for flag, want, got in (
            ("direct", bool(g.get("direct_quote", False)), hit.direct),
            ("hedged", bool(g.get("hedged", False)), hit.hedged),
            ("stance", g.get("stance", "assert") == "denial", hit.stance == "deny"),
        ):
            flags[flag][1] += 1
            flags[flag][0] += int(want == got)
    for file, doc in docs.items():
        if file not in gold.claims_complete_docs:
            continue
        for c in doc.result.claims:
            if c.id not in used:
                score.fp += 1
                who = c.speaker.canonical if c.speaker else "?"
                score.unmatched.append(f"{c.id} {who}: {c.content.text[:70]}")
    if set(docs) - gold.claims_complete_docs:
        score.notes.append("gold files that list only the claims their contradictions pair: recall only, no precision")
    for flag, (right, total) in flags.items():
        score.notes.append(f"{flag} flag right on {right}/{total} matched claims")
    return score


def _score_quantities(gold: _Gold, docs: dict[str, _Doc]) -> KindScore:
    score = KindScore(kind="quantities")
    used: set[tuple[str, int]] = set()
    bounds = [0, 0]
    files_with_gold = {g["_doc"] for g in gold.quantities}
    for g in gold.quantities:
        file = g["_doc"]
        pool = [q for q in (docs[file].result.quantities if file in docs else []) if (file, q.prov.start) not in used]
        hit = next(
            (q for q in pool if q.value is not None and float(q.value) == float(g["value"]) and _unit_match(q.unit, str(g["unit"]))),
            None,
        )
        if hit is None:
            score.fn += 1
            score.missed.append(f"{g['value']} {g['unit']} ({g.get('of', '')})")
            continue
        score.tp += 1
        used.add((file, hit.prov.start))
        bounds[1] += 1
        bounds[0] += int(hit.bound == str(g.get("bound", "exact")).replace(" ", "_"))
    for file, doc in docs.items():
        if file not in files_with_gold:
            continue
        for q in doc.result.quantities:
            if (file, q.prov.start) not in used:
                score.fp += 1
                score.unmatched.append(f"{q.prov.text!r} = {q.value} {q.unit}")
    score.notes.append(f"bound right on {bounds[0]}/{bounds[1]} matched quantities")
    return score


def _event_sentences(e: Any) -> list[tuple[int, int]]:
    """An event reported in several sentences is found in any of them."""
    return [(e.prov.start, e.prov.end), *((m.start, m.end) for m in e.mentions)]


def _why_not(e: Any, g: dict[str, Any]) -> str | None:
    """None when system event `e` matches gold event `g` on type, date and place; else why not."""
    gold_type, gold_sub = g["acled"]
    if (e.acled_event_type, e.acled_sub_event_type) != (gold_type, gold_sub):
        return f"type {e.acled_sub_event_type}"
    gold_range = date_range(str(g["date"])) if g.get("date") else None
    if gold_range:
        r = date_range(e.date)
        if r is None or not (gold_range[0] <= r[0] and r[1] <= gold_range[1]):
            return f"date {e.date}"
    at = g["_at"]
    if at and at.get("lat") is not None:
        km = float(g.get("within_km", 25))
        if e.place is None or e.place.lat is None or haversine_km(at["lat"], at["lon"], e.place.lat, e.place.lon) > km:
            return f"place {e.place.name if e.place else None}"
    return None


def _describe(file: str, e: Any) -> str:
    where = e.place.name if e.place else ""
    return f"{file} {e.id} {e.acled_sub_event_type} '{e.trigger.text}' {e.date} {where} [{getattr(e, 'event_kind', 'incident')}]"


def _score_events(gold: _Gold, docs: dict[str, _Doc]) -> tuple[KindScore, KindScore]:
    """(recall over all gold events, recall over current incidents); both count every shown
    system event that matches no gold event as a false positive."""
    every, current = KindScore(kind="events"), KindScore(kind="current events")
    used: set[str] = set()
    evidence_only = 0
    for g in gold.events:
        files = [g["_doc"]] if g["_doc"] else list(docs)
        located = [(f, find(docs[f].text, g["evidence"])) for f in files if f in docs]
        found = [(f, span) for f, span in located if span is not None]
        label = f"{g['id']} {g['acled'][1]} {g.get('date') or ''} {'(background) ' if g.get('background') else ''}"
        scores = [every] if g.get("background") else [every, current]
        if not found:
            for s in scores:
                s.fn += 1
                s.missed.append(f"{label}: evidence not found in {g['_doc'] or 'any document'}")
            continue
        file, ev_span = found[0]
        in_sentence = [
            e for e in docs[file].result.events
            if shown(e) and e.id not in used and any(overlaps(ev_span, s) for s in _event_sentences(e))
        ]  # fmt: skip
        evidence_only += bool(in_sentence)
        reasons = []
        hit = None
        for e in in_sentence:
            why = _why_not(e, g)
            if why is None:
                hit = e
                break
            reasons.append(why)
        for s in scores:
            if hit is None:
                s.fn += 1
                s.missed.append(f"{label}: {'; '.join(reasons) or 'no event in that sentence'}")
            else:
                s.tp += 1
        if hit is not None:
            used.add(hit.id)
    empty = {str(d["file"]) for _, d in gold.documents} - {g["_doc"] for g in gold.events if g["_doc"]}
    generic = 0
    on_empty = 0
    for file, doc in docs.items():
        for e in doc.result.events:
            if not shown(e):
                generic += 1
                continue
            if e.id in used:
                continue
            for s in (every, current):
                s.fp += 1
            every.unmatched.append(_describe(file, e))
            on_empty += file in empty and any(g["_doc"] for g in gold.events)
    total = len(gold.events)
    every.notes.append(f"recall if only the evidence had to overlap: {evidence_only}/{total}")
    every.notes.append("precision by confidence: " + _by_confidence(docs, used))
    if any(g["_doc"] for g in gold.events):
        every.notes.append(f"{on_empty} events shown on the {len(empty & set(docs))} articles the gold records none for")
    every.notes.append(f"{generic} generic mentions kept apart (not shown by default, not counted)")
    return every, current


_BANDS = (0.0, 0.5, 0.6, 0.7, 1.01)


def _by_confidence(docs: dict[str, _Doc], used: set[str]) -> str:
    """Matched / shown events per confidence band, to check the confidence weights."""
    out = []
    for lo, hi in itertools.pairwise(_BANDS):
        shown_here = [e for d in docs.values() for e in d.result.events if shown(e) and lo <= getattr(e, "confidence", 0.5) < hi]
        right = sum(e.id in used for e in shown_here)
        out.append(f"[{lo:.1f}, {min(hi, 1.0):.1f}) {right}/{len(shown_here)}")
    return ", ".join(out)


class _Side(BaseModel):
    model_config = ConfigDict(frozen=True)

    file: str
    start: int
    end: int
    text: str


def _sides(row: dict[str, Any], docs: dict[str, _Doc], by_doc_id: dict[str, str]) -> list[_Side]:
    """Each side of a disagreement row as the place in its document it stands."""
    claims = {c.id: c for d in docs.values() for c in d.result.claims}
    events = {e.id: e for d in docs.values() for e in d.result.events}
    out = []
    for side in row.get("sides", []):
        file = by_doc_id.get(side.get("doc_id", ""))
        item = claims.get(side.get("claim", "")) or events.get(side.get("event", ""))
        if file is None or item is None:
            continue
        text = item.content.text if hasattr(item, "content") else item.prov.evidence
        out.append(_Side(file=file, start=item.prov.start, end=item.prov.end, text=text))
    return out


def _side_matches(side: _Side, g: dict[str, Any], docs: dict[str, _Doc]) -> bool:
    if side.file != g["_doc"]:
        return False
    span = find(docs[side.file].text, str(g["says"]))
    if span is not None and overlaps(span, (side.start, side.end)):
        return True
    says = words(str(g["says"]))
    return bool(says) and len(says & words(side.text)) >= 0.5 * len(says)


def _score_disagreements(gold: _Gold, docs: dict[str, _Doc]) -> KindScore:
    from wirecoder.links.ingest import save_linked
    from wirecoder.links.views import disagreements_from_store
    from wirecoder.store import EventQuery, open_store

    score = KindScore(kind="contradictions")
    by_doc_id = {d.result.article.doc_id: f for f, d in docs.items()}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "eval.db"))
        try:
            for d in docs.values():
                save_linked(store, d.result)
            rows = disagreements_from_store(store, EventQuery())
        finally:
            store.close()
    gold_claims = {g["id"]: g for g in gold.claims}
    used: set[int] = set()
    for x in gold.contradictions:
        a, b = (gold_claims.get(c) for c in x["claims"])
        hit = None
        if a is not None and b is not None:
            for i, row in enumerate(rows):
                if i in used:
                    continue
                sides = _sides(row, docs, by_doc_id)
                if any(_side_matches(s, a, docs) and _side_matches(t, b, docs)
                       for s in sides for t in sides if s is not t):  # fmt: skip
                    hit = i
                    break
        if hit is None:
            score.fn += 1
            score.missed.append(f"{x['claims'][0]} vs {x['claims'][1]}: {x.get('about', '')}")
        else:
            score.tp += 1
            used.add(hit)
    for i, row in enumerate(rows):
        if i not in used:
            score.fp += 1
            file = by_doc_id.get(row.get("doc_id", ""), row.get("doc_id", ""))
            score.unmatched.append(f"{file} [{row.get('scope')}] {row.get('reason', '')}: {str(row.get('about', ''))[:160]}")
    return score


def evaluate_gold(
    gold_paths: Path | Sequence[Path],
    *,
    published: dict[str, dt.date] | None = None,
    docs_dir: Path | None = None,
) -> GoldReport:
    """Run the pipeline on the gold files' documents and score every kind the gold lists.

    Args:
        gold_paths: one or more gold YAML files (their items are scored together).
        published: publication dates by document (file name, stem or prefix, e.g. "000").
        docs_dir: the folder holding the documents; default beside the gold file or in ../seeds.
    Raises:
        GoldFileError: a gold file or a document cannot be read.

    Example:
        >>> evaluate_gold([Path("part_a.yaml"), Path("part_b.yaml")], docs_dir=Path("corpus"))
    """
    paths = [gold_paths] if isinstance(gold_paths, Path) else list(gold_paths)
    gold = _Gold(paths)
    docs = _run(gold, published or {}, docs_dir)
    scores: dict[str, KindScore] = {}
    if "events" in gold.present:
        scores["events"], scores["current events"] = _score_events(gold, docs)
    if "claims" in gold.present:
        scores["claims"] = _score_claims(gold, docs)
    if "quantities" in gold.present:
        scores["quantities"] = _score_quantities(gold, docs)
    if "places" in gold.present:
        scores["places"] = _score_places(gold, docs)
    if "dates" in gold.present:
        scores["dates"] = _score_dates(gold, docs)
    if "contradictions" in gold.present:
        scores["contradictions"] = _score_disagreements(gold, docs)
    return GoldReport(
        gold=", ".join(map(str, paths)),
        documents={
            f: (d.result.article.published.isoformat() if d.result.article.published else None)
            for f, d in docs.items()
        },
        scores=scores,
    )
