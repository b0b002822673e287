"""Score the claims stage on brat standoff attribution files (PolNeAR).

Layout read: a directory with `text/<article>.txt` and `attributions/<article>_<hex>.ann`
(one .ann per annotator; `metadata.tsv` in the directory or its parent gives publication
dates). T lines are spans (`T3<TAB>Content 115 290<TAB>text`, discontinuous as
`start end;start end`); E lines tie them (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`).

Gold: for each article, the FIRST annotator's .ann file in sorted file-name order; the other
annotators' files are not read (no adjudicated layer exists). A relation counts as gold when
it has a Content argument.

Matching, per document, one to one (greedy, best-scoring pair first). Spans are compared as
sets of non-whitespace character offsets (a discontinuous gold span is the union of its
pieces):
- content exact: the predicted and gold content cover the same characters after dropping
  whitespace and edge punctuation `.,;:` (quote marks count).
- content overlap: |P ∩ G| / max(|P|, |G|) >= 0.5, i.e. the shared characters are at least
  half of the longer span.
- content+source: a content-overlap match whose predicted speaker span shares at least one
  character with the gold Source (both absent also counts).
- content+cue: a content-overlap match whose predicted cue shares a character with the gold Cue.
Precision divides by predicted claims, recall by gold relations.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from spacy.language import Language

from wirecoder.claims import find_claims
from wirecoder.errors import GoldFileError
from wirecoder.eval._report import KindScore
from wirecoder.parse import parse_articles
from wirecoder.records import Article, Claim

OVERLAP_THRESHOLD = 0.5
_EDGE = ".,;:"


class GoldAttribution(BaseModel):
    """One gold relation as character-offset sets."""

    model_config = ConfigDict(frozen=True)

    content: frozenset[int]
    source: frozenset[int] | None
    cue: frozenset[int] | None
    content_text: str


class AttributionReport(BaseModel):
    """P/R/F1 of the claims stage against brat attribution files, and its cost."""

    model_config = ConfigDict(extra="forbid")

    documents: int
    gold: int
    predicted: int
    content_exact: KindScore
    content_overlap: KindScore
    content_source: KindScore
    content_cue: KindScore
    parse_seconds: float
    claims_seconds: float
    gold_rule: str = "first annotator .ann per article (sorted by file name)"

    def lines(self) -> list[str]:
        """The report as printable lines."""
        ratio = self.claims_seconds / self.parse_seconds if self.parse_seconds else 0.0
        return [
            (
                f"attribution: {self.documents} documents, {self.gold} gold relations, "
                f"{self.predicted} predicted claims (gold: {self.gold_rule})"
            ),
            self.content_exact.line(),
            self.content_overlap.line(),
            self.content_source.line(),
            self.content_cue.line(),
            (
                f"time: parse {self.parse_seconds:.2f}s, claims {self.claims_seconds:.2f}s "
                f"({ratio:.1%} of the parse)"
            ),
        ]


def _chars(text: str, pieces: Sequence[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in pieces for i in range(s, e) if not text[i].isspace())


def _strip_edges(text: str, chars: frozenset[int]) -> frozenset[int]:
    ordered = sorted(chars)
    while ordered and text[ordered[0]] in _EDGE:
        ordered.pop(0)
    while ordered and text[ordered[-1]] in _EDGE:
        ordered.pop()
    return frozenset(ordered)


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """Gold relations of one brat .ann file.

    Raises:
        GoldFileError: a T line cannot be read or an E line names a missing T.
    """
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, list[str]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if line.startswith("T"):
            try:
                label, ranges = parts[1].split(" ", 1)
                pieces = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
            except (IndexError, ValueError) as e:
                raise GoldFileError(
                    f"{path}:{n}: cannot read span line {line!r}; expected "
                    "'T1<TAB>Label start end[;start end]<TAB>text'"
                ) from e
            spans[parts[0]] = (label, pieces)
        elif line.startswith("E") and len(parts) > 1:
            args: dict[str, list[str]] = defaultdict(list)
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                args[re.sub(r"\d+$", "", role)].append(ref)
            relations.append(args)
    out: list[GoldAttribution] = []
    for args in relations:

        def union(role: str, args: dict[str, list[str]] = args) -> frozenset[int] | None:
            refs = args.get(role, [])
            missing = [r for r in refs if r not in spans]
            if missing:
                raise GoldFileError(f"{path}: relation names missing span(s) {missing}")
            if not refs:
                return None
            return _chars(text, [p for r in refs for p in spans[r][1]])

        content = union("Content")
        if not content:
            continue
        pieces = [p for r in args["Content"] for p in spans[r][1]]
        out.append(
            GoldAttribution(
                content=content,
                source=union("Source"),
                cue=union("Cue"),
                content_text=" ... ".join(text[s:e] for s, e in pieces),
            )
        )
    return out


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def _collect(paths: list[Path]) -> list[tuple[str, Path, Path]]:
    """(article key, text path, gold .ann path) for every article, first annotator only."""
    anns: list[Path] = []
    for p in paths:
        if p.is_dir():
            anns.extend(sorted((p / "attributions").glob("*.ann")) or sorted(p.glob("*.ann")))
        elif p.suffix == ".ann":
            anns.append(p)
        else:
            raise GoldFileError(f"{p}: not a directory with attributions/*.ann nor an .ann file")
    first: dict[str, Path] = {}
    for ann in sorted(anns):
        key = ann.stem.rsplit("_", 1)[0]
        first.setdefault(key, ann)
    out = []
    for key, ann in first.items():
        text_path = ann.parent.parent / "text" / f"{key}.txt"
        if not text_path.exists():
            raise GoldFileError(f"{ann}: no text file at {text_path}")
        out.append((key, text_path, ann))
    return out


def _dates(paths: list[Path]) -> dict[str, dt.date]:
    dates: dict[str, dt.date] = {}
    for p in paths:
        base = p if p.is_dir() else p.parent.parent
        for meta in (base / "metadata.tsv", base.parent / "metadata.tsv"):
            if meta.exists():
                with meta.open(encoding="utf-8") as fh:
                    for row in csv.DictReader(fh, delimiter="\t"):
                        try:
                            dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
                        except (KeyError, ValueError):
                            continue
                break
    return dates


def _score_document(
    text: str, gold: list[GoldAttribution], claims: list[Claim], scores: dict[str, KindScore]
) -> None:
    preds = []
    for c in claims:
        content = _chars(text, [(c.content.start, c.content.end)])
        source = _chars(text, [(c.speaker.start, c.speaker.end)]) if c.speaker else None
        cue = _chars(text, [(c.cue.start, c.cue.end)]) if c.cue else None
        preds.append((content, source, cue, c.content.text))
    pairs = sorted(
        (
            (_overlap(p[0], g.content), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(gold)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    tp = {"exact": 0, "overlap": 0, "source": 0, "cue": 0}
    for score, i, j in pairs:
        if score < OVERLAP_THRESHOLD:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = preds[i], gold[j]
        tp["overlap"] += 1
        tp["exact"] += _strip_edges(text, p[0]) == _strip_edges(text, g.content)
        if (p[1] is None and g.source is None) or (p[1] and g.source and p[1] & g.source):
            tp["source"] += 1
        if p[2] and g.cue and p[2] & g.cue:
            tp["cue"] += 1
    for key, name in (
        ("exact", "content_exact"),
        ("overlap", "content_overlap"),
        ("source", "content_source"),
        ("cue", "content_cue"),
    ):
        s = scores[name]
        s.tp += tp[key]
        s.fp += len(preds) - tp[key]
        s.fn += len(gold) - tp[key]
    overlap = scores["content_overlap"]
    for j, g in enumerate(gold):
        if j not in used_g and len(overlap.missed) < 50:
            overlap.missed.append(g.content_text[:120])
    for i, p in enumerate(preds):
        if i not in used_p and len(overlap.unmatched) < 50:
            overlap.unmatched.append(p[3][:120])


def evaluate_attribution(
    paths: list[Path], *, nlp: Language, limit: int | None = None
) -> AttributionReport:
    """Run the claims stage on brat attribution data and score it (see the module docstring).

    Args:
        paths: directories holding `text/` and `attributions/` (e.g. PolNeAR's `dev`), or
            single `.ann` files (their text is looked up in `../text/`).
        nlp: the loaded spaCy pipeline (`wirecoder.parse.load_nlp()`).
        limit: score only the first `limit` articles (sorted by name).

    Returns:
        The report: content exact / overlap, content+source, content+cue P/R/F1, and the
        time spent parsing versus finding claims.

    Raises:
        GoldFileError: no .ann files, a text file is missing, or a line cannot be read.

    Example:
        >>> dev = [Path("dev/attribution/dev")]
        >>> report = evaluate_attribution(dev, nlp=load_nlp())  # doctest: +SKIP
        >>> print("\\n".join(report.lines()))  # doctest: +SKIP
    """
    docs = _collect(paths)[:limit] if limit else _collect(paths)
    if not docs:
        raise GoldFileError(f"no .ann files under {', '.join(map(str, paths))}")
    dates = _dates(paths)
    articles = []
    golds = []
    for key, text_path, ann in docs:
        text = text_path.read_text(encoding="utf-8")
        articles.append(
            Article(doc_id=key, path=str(text_path), text=text, published=dates.get(key))
        )
        golds.append(read_ann(ann, text))
    scores = {
        n: KindScore(kind=n.replace("_", " "))
        for n in ("content_exact", "content_overlap", "content_source", "content_cue")
    }
    parse_s = claims_s = 0.0
    predicted = 0
    t0 = time.perf_counter()
    for parsed, gold in zip(parse_articles(articles, nlp), golds, strict=True):
        t1 = time.perf_counter()
        parse_s += t1 - t0
        claims = find_claims(parsed, [])
        t0 = time.perf_counter()
        claims_s += t0 - t1
        predicted += len(claims)
        _score_document(parsed.text, gold, claims, scores)
    return AttributionReport.model_validate({
        "documents": len(docs), "gold": sum(len(g) for g in golds), "predicted": predicted,
        "parse_seconds": round(parse_s, 3), "claims_seconds": round(claims_s, 3), **scores,
    })  # fmt: skip
