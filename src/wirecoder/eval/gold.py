"""Score the system against a gold file in the format of shared/gold/seeds.yaml.

The matching rule is the one written in that file's header:
- event: evidence sentence (or the sentence of any of its further mentions) overlaps the gold
  evidence; ACLED type and sub-type equal; date equal,
  or inside the gold date when that is a month or a week; place within `within_km` (default 25)
  of `at` when given.
- claim: same speaker (any spelling: surname or fuzzy match), content overlapping `says` (at
  least half of its content words), channel matching `via` when given.
- quantity: value and unit equal (unit names normalised).
- place: a mention of that name resolved within 25 km of the gold point (rivers: a stream feature).
- date: a system time expression over the gold expression with the gold value.
- contradiction: the two gold claims' matches are linked as disagreeing.
Matching is one-to-one and greedy in document order.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from wirecoder._geo import haversine_km
from wirecoder._timevalue import date_range
from wirecoder.errors import GoldFileError, InputError
from wirecoder.eval._report import KindScore
from wirecoder.records import ArticleResult

KINDS = ("events", "claims", "quantities", "places", "dates", "contradictions")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "that", "was", "were", "is", "it", "its",
         "by", "for", "from", "with", "be", "has", "have", "had", "as", "at", "this", "there"}
_RIVER_FEATURES = {"STM", "STMS", "STMA", "STMX", "CNL", "RIV"}


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
            for m in s.missed:
                out.append(f"   missed {kind[:-1] if kind != 'quantities' else 'quantity'}: {m}")
            for u in s.unmatched:
                out.append(f"   unmatched system {kind}: {u}")
            for n in s.notes:
                out.append(f"   note {kind}: {n}")
        return out


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip()


def _words(s: str) -> set[str]:
    return {w for w in _WORD.findall(_fold(s)) if w not in _STOP}


def _find(text: str, needle: str) -> tuple[int, int] | None:
    """Where `needle` stands in `text`: exactly, case-insensitively, or by fuzzy alignment."""
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle)
    i = text.lower().find(needle.lower())
    if i >= 0:
        return i, i + len(needle)
    al = fuzz.partial_ratio_alignment(needle, text, score_cutoff=80)
    return (al.dest_start, al.dest_end) if al else None


def _same_name(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    if not fa or not fb:
        return False
    if fa == fb or fa in fb or fb in fa:
        return True
    last_a, last_b = fa.split()[-1], fb.split()[-1]
    if len(last_a) > 3 and (last_a == last_b or fuzz.ratio(last_a, last_b) >= 85):
        return True
    return fuzz.token_set_ratio(fa, fb) >= 85


def _doc_key(key: str, files: list[str]) -> str | None:
    for f in files:
        if f == key or Path(f).stem == key or f.startswith(str(key)):
            return f
    return None


def _unit(u: str | None) -> str:
    u = _fold(u or "")
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
    return su == gu or su in gu or gu in su or bool(_words(su) & _words(gu) - {"square"})


class _Doc:
    def __init__(self, file: str, result: ArticleResult) -> None:
        self.file = file
        self.result = result
        self.text = result.article.text


def _run(gold_path: Path, spec: dict[str, Any], published: dict[str, dt.date], seeds_dir: Path | None) -> dict[str, _Doc]:
    from wirecoder.ingest import read_inputs
    from wirecoder.pipeline import Pipeline

    pipe = Pipeline()
    docs: dict[str, _Doc] = {}
    for entry in spec.get("documents") or []:
        name = entry["file"]
        candidates = [d / name for d in ([seeds_dir] if seeds_dir else [gold_path.parent, gold_path.parent.parent / "seeds"])]
        path = next((p for p in candidates if p.exists()), None)
        if path is None:
            raise GoldFileError(f"{gold_path}: gold document {name} not found in {', '.join(map(str, candidates))}")
        date = next((d for k, d in published.items() if _doc_key(k, [name])), None)
        items = list(read_inputs([str(path)], published=date))
        if not items or isinstance(items[0], InputError):
            raise GoldFileError(f"{gold_path}: cannot read gold document {path}: {items[0] if items else 'empty'}")
        docs[name] = _Doc(name, pipe.process_one(items[0]))  # type: ignore[arg-type]
    return docs


def _score_places(spec: dict[str, Any], docs: dict[str, _Doc]) -> KindScore:
    score = KindScore(kind="places")
    mentions = [p for d in docs.values() for p in d.result.places if p.role == "location"]
    matched_names: set[str] = set()
    for name, g in (spec.get("places") or {}).items():
        hits = [p for p in mentions if _same_name(p.name, name) or _same_name(p.prov.text, name)]
        ok = False
        if g.get("lat") is None:  # a river or other feature: the right feature type
            ok = any((p.feature or "").upper() in _RIVER_FEATURES for p in hits)
        else:
            near = [p for p in hits if p.lat is not None and haversine_km(g["lat"], g["lon"], p.lat, p.lon) <= 25]
            ok = bool(near)
            if not ok and hits:
                best = min((haversine_km(g["lat"], g["lon"], p.lat, p.lon) for p in hits if p.lat is not None), default=None)
                score.notes.append(f"{name}: nearest mention {best:.0f} km away" if best is not None else f"{name}: mentioned, unresolved")
        if ok:
            score.tp += 1
            matched_names.update(_fold(p.name) for p in hits)
        else:
            score.fn += 1
            score.missed.append(name)
    gold_names = list((spec.get("places") or {}).keys())
    for p in {_fold(p.name): p for p in mentions}.values():
        if _fold(p.name) in matched_names or any(_same_name(p.name, g) for g in gold_names):
            continue
        score.fp += 1
        score.unmatched.append(f"{p.name} ({p.feature}, {p.lat}, {p.lon})")
    return score


def _score_dates(spec: dict[str, Any], docs: dict[str, _Doc]) -> KindScore:
    score = KindScore(kind="dates")
    covered: set[tuple[str, int]] = set()
    for key, exprs in (spec.get("dates") or {}).items():
        file = _doc_key(str(key), list(docs))
        if file is None:
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
                score.missed.append(f"{file[:3]} {expr!r} -> {gold_value} (system: {', '.join(values) or 'nothing'})")
    for file, doc in docs.items():
        for t in doc.result.times:
            if (file, t.prov.start) not in covered:
                score.fp += 1
                score.unmatched.append(f"{file[:3]} {t.prov.text!r} = {t.value}")
    return score


def _claim_matches(g: dict[str, Any], c: Any) -> bool:
    speaker = c.speaker.canonical if c.speaker else ""
    spoken = c.speaker.text if c.speaker else ""
    if not (_same_name(speaker, str(g["source"])) or _same_name(spoken, str(g["source"]))):
        return False
    says = _words(str(g["says"]))
    if not says or len(says & _words(c.content.text)) < 0.5 * len(says):
        return False
    via = g.get("via")
    return not via or bool(c.via and (_fold(via) in _fold(c.via) or _fold(c.via) in _fold(via)))


def _score_claims(spec: dict[str, Any], docs: dict[str, _Doc]) -> tuple[KindScore, dict[str, str]]:
    score = KindScore(kind="claims")
    mapping: dict[str, str] = {}  # gold claim id -> system claim id
    used: set[str] = set()
    flags = {"direct": [0, 0], "hedged": [0, 0], "stance": [0, 0]}
    for g in spec.get("claims") or []:
        file = _doc_key(str(g.get("doc", "")), list(docs))
        pool = [c for c in (docs[file].result.claims if file else []) if c.id not in used]
        hit = next((c for c in pool if _claim_matches(g, c)), None)
        if hit is None:
            score.fn += 1
            score.missed.append(f"{g['id']} {g['source']}: {g['says'][:70]}")
            continue
        score.tp += 1
        used.add(hit.id)
        mapping[g["id"]] = hit.id
        for flag, want, got in (
            ("direct", bool(g.get("direct_quote", False)), hit.direct),
            ("hedged", bool(g.get("hedged", False)), hit.hedged),
            ("stance", g.get("stance", "assert") == "denial", hit.stance == "deny"),
        ):
            flags[flag][1] += 1
            flags[flag][0] += int(want == got)
    for doc in docs.values():
        for c in doc.result.claims:
            if c.id not in used:
                score.fp += 1
                who = c.speaker.canonical if c.speaker else "?"
                score.unmatched.append(f"{c.id} {who}: {c.content.text[:70]}")
    for flag, (right, total) in flags.items():
        score.notes.append(f"{flag} flag right on {right}/{total} matched claims")
    return score, mapping


def _score_quantities(spec: dict[str, Any], docs: dict[str, _Doc]) -> KindScore:
    score = KindScore(kind="quantities")
    used: set[tuple[str, int]] = set()
    bounds = [0, 0]
    for g in spec.get("quantities") or []:
        file = _doc_key(str(g.get("doc", "")), list(docs))
        pool = [(file, q) for q in (docs[file].result.quantities if file else []) if (file, q.prov.start) not in used]
        hit = next(
            (q for f, q in pool if q.value is not None and float(q.value) == float(g["value"]) and _unit_match(q.unit, str(g["unit"]))),
            None,
        )
        if hit is None:
            score.fn += 1
            score.missed.append(f"{g['value']} {g['unit']} ({g.get('of', '')})")
            continue
        score.tp += 1
        used.add((file, hit.prov.start))  # type: ignore[arg-type]
        bounds[1] += 1
        bounds[0] += int(hit.bound == str(g.get("bound", "exact")).replace(" ", "_"))
    for file, doc in docs.items():
        for q in doc.result.quantities:
            if (file, q.prov.start) not in used:
                score.fp += 1
                score.unmatched.append(f"{q.prov.text!r} = {q.value} {q.unit}")
    score.notes.append(f"bound right on {bounds[0]}/{bounds[1]} matched quantities")
    return score


def _score_events(spec: dict[str, Any], docs: dict[str, _Doc]) -> KindScore:
    score = KindScore(kind="events")
    places = spec.get("places") or {}
    used: set[str] = set()
    for g in spec.get("events") or []:
        file = next(
            (f for f, d in docs.items() if _find(d.text, g["evidence"]) is not None), None
        )
        if file is None:
            score.fn += 1
            score.missed.append(f"{g['id']}: evidence not found in any document")
            continue
        doc = docs[file]
        ev_span = _find(doc.text, g["evidence"])
        assert ev_span is not None
        gold_type, gold_sub = g["acled"]
        gold_range = date_range(str(g["date"])) if g.get("date") else None
        at = places.get(g["at"]) if g.get("at") else None
        km = float(g.get("within_km", 25))
        reasons = []
        hit = None
        for e in doc.result.events:
            # An event reported in several sentences is found in any of them.
            sentences = [(e.prov.start, e.prov.end), *((m.start, m.end) for m in e.mentions)]
            if e.id in used or not any(a < ev_span[1] and ev_span[0] < b for a, b in sentences):
                continue
            if (e.acled_event_type, e.acled_sub_event_type) != (gold_type, gold_sub):
                reasons.append(f"type {e.acled_sub_event_type}")
                continue
            if gold_range:
                r = date_range(e.date)
                if r is None or not (gold_range[0] <= r[0] and r[1] <= gold_range[1]):
                    reasons.append(f"date {e.date}")
                    continue
            if at and at.get("lat") is not None:
                if e.place is None or e.place.lat is None or haversine_km(at["lat"], at["lon"], e.place.lat, e.place.lon) > km:
                    reasons.append(f"place {e.place.name if e.place else None}")
                    continue
            hit = e
            break
        if hit is None:
            score.fn += 1
            score.missed.append(f"{g['id']} {gold_sub} {g.get('date', '')}: {'; '.join(reasons) or 'no event in that sentence'}")
        else:
            score.tp += 1
            used.add(hit.id)
    for doc in docs.values():
        for e in doc.result.events:
            if e.id not in used:
                score.fp += 1
                score.unmatched.append(f"{e.id} {e.acled_sub_event_type} '{e.trigger.text}' {e.date} {e.place.name if e.place else ''}")
    return score


def _score_contradictions(spec: dict[str, Any], docs: dict[str, _Doc], mapping: dict[str, str]) -> KindScore:
    score = KindScore(kind="contradictions")
    found = {frozenset(c.claims) for d in docs.values() for c in d.result.contradictions}
    matched: set[frozenset[str]] = set()
    for g in spec.get("contradictions") or []:
        a, b = (mapping.get(x) for x in g["claims"])
        pair = frozenset((a, b)) if a and b else None
        if pair and pair in found:
            score.tp += 1
            matched.add(pair)
        else:
            score.fn += 1
            score.missed.append(f"{g['claims'][0]} vs {g['claims'][1]}: {g.get('about', '')}")
    for d in docs.values():
        for c in d.result.contradictions:
            if frozenset(c.claims) not in matched:
                score.fp += 1
                score.unmatched.append(f"{c.claims[0]} vs {c.claims[1]}: {c.reason}")
    return score


def evaluate_gold(
    gold_path: Path, *, published: dict[str, dt.date] | None = None, seeds_dir: Path | None = None
) -> GoldReport:
    """Run the pipeline on the gold file's documents and score every kind.

    Args:
        gold_path: the gold YAML file.
        published: publication dates by document (file name or its prefix, e.g. "000").
        seeds_dir: where the documents are; default beside the gold file or in ../seeds.
    Raises:
        GoldFileError: the gold file or a document cannot be read.
    """
    try:
        spec = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise GoldFileError(f"{gold_path}: cannot read the gold file: {e}") from e
    if not isinstance(spec, dict) or "documents" not in spec:
        raise GoldFileError(f"{gold_path}: not a gold file (no `documents:` list)")
    docs = _run(gold_path, spec, published or {}, seeds_dir)
    claims, mapping = _score_claims(spec, docs)
    scores = {
        "events": _score_events(spec, docs),
        "claims": claims,
        "quantities": _score_quantities(spec, docs),
        "places": _score_places(spec, docs),
        "dates": _score_dates(spec, docs),
        "contradictions": _score_contradictions(spec, docs, mapping),
    }
    return GoldReport(
        gold=str(gold_path),
        documents={
            f: (d.result.article.published.isoformat() if d.result.article.published else None)
            for f, d in docs.items()
        },
        scores=scores,
    )
