"""TempEval-3 style scoring of the timex stage on TimeML (.tml) documents.

A .tml file holds the document creation time (DCT: the TIMEX3 whose functionInDocument is
CREATION_TIME) and, inside <TEXT>, the text with inline EVENT/TIMEX3/SIGNAL tags. We strip the
tags, keep the character offsets of each gold TIMEX3, run the timex stage on the plain text with
the DCT as publication date, and score as TempEval-3 does: strict (same span) and relaxed
(overlapping span) P/R/F1, type and value accuracy over relaxed matches, and value F1 (a relaxed
match with the same value is a true positive).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from spacy.language import Language

from wirecoder.parse import parse_articles
from wirecoder.records import Article, TimeExpression

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)\s*(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


class GoldTimex(BaseModel):
    """One gold TIMEX3 with its offsets into the plain text."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


class TimemlDocument(BaseModel):
    """A TimeML document reduced to what scoring needs."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    path: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def _parse_date(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def read_tml(path: Path) -> TimemlDocument:
    """Read one .tml file: plain text of <TEXT>, its gold TIMEX3 spans, and the DCT.

    Raises:
        ValueError: the file has no <TEXT> element.
    """
    raw = path.read_text(encoding="utf-8")
    dct: dt.date | None = None
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", raw):
        attrs = _attrs(m[1])
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_date(attrs.get("value", ""))
            break
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, flags=re.S)
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element; is this a TimeML file?")
    inner = body[1]
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    golds: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(inner):
        chunk = html.unescape(inner[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m[1] == "/", m[2]
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, _attrs(m[3])))
        elif open_timex:
            start, attrs = open_timex.pop()
            golds.append(
                GoldTimex(
                    start=start,
                    end=length,
                    text="",
                    type=attrs.get("type", ""),
                    value=attrs.get("value", ""),
                    mod=attrs.get("mod"),
                )
            )
    out.append(html.unescape(inner[pos:]))
    text = "".join(out)
    golds = [g.model_copy(update={"text": text[g.start : g.end]}) for g in golds]
    golds.sort(key=lambda g: (g.start, g.end))
    return TimemlDocument(
        doc_id=path.stem, path=str(path), text=text, dct=dct, timexes=tuple(golds)
    )


class Scores(BaseModel):
    """TempEval-3 figures for one set of documents."""

    model_config = ConfigDict(frozen=True)

    documents: int = 0
    gold: int = 0
    system: int = 0
    strict_tp: int = 0
    relaxed_tp_gold: int = 0  # gold items overlapped by some system item
    relaxed_tp_system: int = 0  # system items overlapping some gold item
    type_correct: int = 0
    value_correct: int = 0
    words: int = 0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_p(self) -> float:
        return self.strict_tp / self.system if self.system else 0.0

    @property
    def strict_r(self) -> float:
        return self.strict_tp / self.gold if self.gold else 0.0

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict_p, self.strict_r)

    @property
    def relaxed_p(self) -> float:
        return self.relaxed_tp_system / self.system if self.system else 0.0

    @property
    def relaxed_r(self) -> float:
        return self.relaxed_tp_gold / self.gold if self.gold else 0.0

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed_p, self.relaxed_r)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed_tp_gold if self.relaxed_tp_gold else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed_tp_gold if self.relaxed_tp_gold else 0.0

    @property
    def value_f1(self) -> float:
        # TempEval-3: a relaxed match with the same value is a true positive.
        p = self.value_correct / self.system if self.system else 0.0
        r = self.value_correct / self.gold if self.gold else 0.0
        return self._f1(p, r)

    @property
    def type_f1(self) -> float:
        p = self.type_correct / self.system if self.system else 0.0
        r = self.type_correct / self.gold if self.gold else 0.0
        return self._f1(p, r)

    def __add__(self, other: Scores) -> Scores:
        fields = type(self).model_fields
        return Scores(**{k: getattr(self, k) + getattr(other, k) for k in fields})


class Miss(BaseModel):
    """A gold/system disagreement, for error analysis."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    kind: str  # "missed", "spurious", "value", "type"
    text: str
    gold: str | None = None
    system: str | None = None


class TimemlReport(BaseModel):
    """Scores over all documents, per corpus, the timing, and the disagreements."""

    model_config = ConfigDict(frozen=True)

    total: Scores
    corpora: dict[str, Scores]
    parse_s: float
    timex_s: float
    misses: list[Miss] = []

    @property
    def speed_ratio(self) -> float:
        """Seconds in the timex stage per second of spaCy parse."""
        return self.timex_s / self.parse_s if self.parse_s else 0.0

    def lines(self) -> list[str]:
        """A small readable report."""
        rows = [("all", self.total), *sorted(self.corpora.items())]
        out = [
            f"{'corpus':<12}{'docs':>5}{'gold':>6}{'sys':>6}"
            f"{'strictP':>8}{'strictR':>8}{'strictF':>8}"
            f"{'relaxP':>8}{'relaxR':>8}{'relaxF':>8}{'typeAcc':>8}{'valAcc':>8}{'valF1':>8}"
        ]
        for name, s in rows:
            out.append(
                f"{name:<12}{s.documents:>5}{s.gold:>6}{s.system:>6}"
                f"{s.strict_p:>8.3f}{s.strict_r:>8.3f}{s.strict_f1:>8.3f}"
                f"{s.relaxed_p:>8.3f}{s.relaxed_r:>8.3f}{s.relaxed_f1:>8.3f}"
                f"{s.type_accuracy:>8.3f}{s.value_accuracy:>8.3f}{s.value_f1:>8.3f}"
            )
        words = self.total.words
        out.append(
            f"speed: parse {self.parse_s:.2f}s ({words / self.parse_s if self.parse_s else 0:,.0f}"
            f" words/s), timex {self.timex_s:.2f}s "
            f"({words / self.timex_s if self.timex_s else 0:,.0f} words/s), "
            f"timex/parse = {self.speed_ratio:.2f}"
        )
        return out


def score_document(
    gold: Sequence[GoldTimex], system: Sequence[TimeExpression], doc_id: str = ""
) -> tuple[Scores, list[Miss]]:
    """Score one document's system expressions against its gold TIMEX3s."""
    misses: list[Miss] = []
    strict = relaxed_gold = type_ok = value_ok = 0
    matched_sys: set[int] = set()
    for g in gold:
        overlaps = [
            (i, s) for i, s in enumerate(system) if s.prov.start < g.end and g.start < s.prov.end
        ]
        if not overlaps:
            misses.append(Miss(doc_id=doc_id, kind="missed", text=g.text, gold=g.value))
            continue
        relaxed_gold += 1
        # Prefer the same span, then the longest overlap.
        i, s = max(
            overlaps,
            key=lambda p: (
                (p[1].prov.start, p[1].prov.end) == (g.start, g.end),
                min(p[1].prov.end, g.end) - max(p[1].prov.start, g.start),
            ),
        )
        matched_sys.update(j for j, _ in overlaps)
        if (s.prov.start, s.prov.end) == (g.start, g.end):
            strict += 1
        if s.type.value == g.type:
            type_ok += 1
        else:
            misses.append(
                Miss(doc_id=doc_id, kind="type", text=g.text, gold=g.type, system=s.type.value)
            )
        if s.value == g.value:
            value_ok += 1
        else:
            misses.append(
                Miss(
                    doc_id=doc_id,
                    kind="value",
                    text=f"{g.text} | {s.prov.text}",
                    gold=g.value,
                    system=s.value,
                )
            )
    for i, s in enumerate(system):
        if i not in matched_sys:
            misses.append(Miss(doc_id=doc_id, kind="spurious", text=s.prov.text, system=s.value))
    scores = Scores(
        documents=1,
        gold=len(gold),
        system=len(system),
        strict_tp=strict,
        relaxed_tp_gold=relaxed_gold,
        relaxed_tp_system=len(matched_sys),
        type_correct=type_ok,
        value_correct=value_ok,
    )
    return scores, misses


def _collect(paths: Iterable[Path]) -> list[tuple[str, Path]]:
    """(corpus name, file) pairs: a directory is a corpus; a lone file is its parent's."""
    found: list[tuple[str, Path]] = []
    for p in paths:
        if p.is_dir():
            subdirs = sorted(d for d in p.iterdir() if d.is_dir() and any(d.rglob("*.tml")))
            if subdirs and not any(p.glob("*.tml")):
                for d in subdirs:
                    found.extend((d.name, f) for f in sorted(d.rglob("*.tml")))
            else:
                found.extend((p.name, f) for f in sorted(p.rglob("*.tml")))
        elif p.is_file():
            found.append((p.parent.name, p))
        else:
            raise FileNotFoundError(f"{p}: no such file or directory (expected .tml or a folder)")
    return found


def evaluate_timeml(paths: list[Path], *, nlp: Language) -> TimemlReport:
    """Run the timex stage on TimeML documents and score it TempEval-3 style.

    Args:
        paths: .tml files and/or directories (searched recursively for *.tml). A directory whose
            only .tml files sit in sub-directories (TimeBank/, AQUAINT/) gets per-corpus figures.
        nlp: the loaded spaCy pipeline (`wirecoder.parse.load_nlp()`).

    Returns:
        The report: overall and per-corpus scores, timings and the disagreements.

    Raises:
        FileNotFoundError: a path does not exist.

    Example:
        >>> report = evaluate_timeml([Path("dev/timeml")], nlp=load_nlp())  # doctest: +SKIP
        >>> print("\\n".join(report.lines()))  # doctest: +SKIP
    """
    from wirecoder.timex import find_time_expressions

    docs = [(corpus, read_tml(f)) for corpus, f in _collect(paths)]
    articles = [
        Article(doc_id=d.doc_id, path=d.path, text=d.text, published=d.dct) for _, d in docs
    ]
    t0 = time.perf_counter()
    parsed = list(parse_articles(articles, nlp))
    parse_s = time.perf_counter() - t0
    timex_s = 0.0
    corpora: dict[str, Scores] = {}
    misses: list[Miss] = []
    for (corpus, doc), p in zip(docs, parsed, strict=True):
        t0 = time.perf_counter()
        system = find_time_expressions(p)
        timex_s += time.perf_counter() - t0
        scores, doc_misses = score_document(doc.timexes, system, doc.doc_id)
        scores = scores.model_copy(update={"words": len(doc.text.split())})
        corpora[corpus] = corpora.get(corpus, Scores()) + scores
        misses.extend(doc_misses)
    total = sum(corpora.values(), Scores())
    return TimemlReport(
        total=total, corpora=corpora, parse_s=parse_s, timex_s=timex_s, misses=misses
    )
