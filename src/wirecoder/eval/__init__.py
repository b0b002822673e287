"""`wirecoder eval`: score the system on gold files and on the dev data formats.

Each scorer returns a report model with the figures and `lines()` for printing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wirecoder.eval.gold import GoldReport, evaluate_gold


def _files(paths: list[Path], pattern: str) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.rglob(pattern)) if p.is_dir() else [p])
    return out


def run_timeml(paths: list[Path], *, limit: int | None = None) -> Any:
    """TempEval-3 scores on TimeML files or folders."""
    from wirecoder.eval.timeml import evaluate_timeml
    from wirecoder.parse import load_nlp

    files = _files(paths, "*.tml")
    if limit:  # spread over the corpora rather than the first folder only
        files = files[:: max(1, len(files) // limit)][:limit]
    return evaluate_timeml(files, nlp=load_nlp())


def run_geo(paths: list[Path], *, limit: int | None = None) -> Any:
    """Toponym span P/R/F1 and accuracy@161km on geoparsing XML."""
    from wirecoder.eval.geo import evaluate_geo
    from wirecoder.parse import load_nlp
    from wirecoder.places import open_gazetteer

    return evaluate_geo(_files(paths, "*.xml"), gazetteer=open_gazetteer(), nlp=load_nlp(), limit=limit)


def run_attribution(paths: list[Path], *, limit: int | None = None) -> Any:
    """Content / content+source / content+cue P/R/F1 on brat attribution folders."""
    from wirecoder.eval.attribution import evaluate_attribution
    from wirecoder.parse import load_nlp

    return evaluate_attribution(paths, nlp=load_nlp(), limit=limit)


def run_events_csv(paths: list[Path], *, limit: int | None = None) -> list[Any]:
    """Event place / date / category scores on CSVs of short event descriptions."""
    from wirecoder.eval.events_csv import evaluate_events_csv
    from wirecoder.pipeline import Pipeline

    pipeline = Pipeline()
    return [evaluate_events_csv(p, pipeline=pipeline, limit=limit) for p in _files(paths, "*.csv")]


def run_t17(paths: list[Path], *, limit: int | None = None) -> Any:
    """Timeline date P/R/F1 per Timeline17 topic folder."""
    from wirecoder.eval.t17 import evaluate_t17
    from wirecoder.pipeline import Pipeline

    folders: list[Path] = []
    for p in paths:
        folders.extend([p] if (p / "articles.json").exists() else sorted(f.parent for f in p.glob("*/articles.json")))
    return evaluate_t17(folders, pipeline=Pipeline(), limit=limit)


__all__ = ["GoldReport", "evaluate_gold", "run_attribution", "run_events_csv", "run_geo", "run_t17", "run_timeml"]
