"""Throughput of the full pipeline against bare spaCy on the same texts, in the same run.

Usage: python benchmarks/throughput.py [PATH ...] [--limit N] [--batch-size N]
PATH defaults to ../shared/dev/corpus/t17 (articles.json files). Prints words/s for bare spaCy,
for the pipeline's stages, and for the whole ingest (reading the files, parse, stages, store
writes with linking into a fresh SQLite file), their ratios to bare spaCy, each stage's time as a
ratio to the parse, and peak memory.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

from _common import save_results

from wirecoder import __version__
from wirecoder.ingest import read_inputs
from wirecoder.parse import parse_articles
from wirecoder.pipeline import Pipeline
from wirecoder.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "dev" / "corpus" / "t17"


def load_articles(paths: list[str], limit: int) -> list[Article]:
    """Articles spread evenly over the corpus files (every topic, not just the first)."""
    files: list[str] = []
    for p in paths:
        found = sorted(Path(p).rglob("articles.json")) if Path(p).is_dir() else []
        if found:
            files.extend(str(f) for f in found)
        else:
            files.append(p)
    per_file = max(1, limit // max(1, len(files)))
    out: list[Article] = []
    for f in files:
        got = [a for a in read_inputs([f]) if isinstance(a, Article)][:per_file]
        out.extend(got)
    return out[:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT_CORPUS)])
    ap.add_argument("--limit", type=int, default=200, help="articles to run (default 200)")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    if args.paths == [str(DEFAULT_CORPUS)] and not DEFAULT_CORPUS.exists():
        print(f"benchmark skipped: {DEFAULT_CORPUS} is absent; give a PATH", file=sys.stderr)
        return 0
    t0 = time.perf_counter()
    articles = load_articles(args.paths, args.limit)
    t_read = time.perf_counter() - t0
    if not articles:
        print("no articles found", file=sys.stderr)
        return 1
    pipe = Pipeline(batch_size=args.batch_size)
    nlp = pipe.resources.nlp
    _ = pipe.resources.gazetteer  # load (and build if needed) outside the timings
    pipe.process_one(articles[0])  # warm up lazy loads (recognizers, tables)
    words = sum(len(a.text.split()) for a in articles)

    t0 = time.perf_counter()
    parsed = list(parse_articles(articles, nlp, batch_size=args.batch_size))
    t_spacy = time.perf_counter() - t0

    stage_s = {s.name: 0.0 for s in pipe.stages}
    t0 = time.perf_counter()
    from wirecoder.pipeline import StageInput

    for p in parse_articles(articles, nlp, batch_size=args.batch_size):
        data = StageInput(parsed=p, resources=pipe.resources)
        for spec in pipe.stages:
            ts = time.perf_counter()
            data.produced[spec.produces] = list(spec.func(data))
            stage_s[spec.name] += time.perf_counter() - ts
    t_full = time.perf_counter() - t0
    del parsed

    import tempfile

    from wirecoder.links.ingest import save_linked
    from wirecoder.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        for result_ in pipe.process(articles):
            save_linked(store, result_)
        t_ingest = time.perf_counter() - t0 + t_read
        store.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "version": __version__,
        "machine": platform.platform(),
        "articles": len(articles),
        "words": words,
        "spacy_words_per_s": words / t_spacy,
        "pipeline_words_per_s": words / t_full,
        "pipeline_over_spacy_time": t_full / t_spacy,
        "ingest_words_per_s": words / t_ingest,
        "ingest_over_spacy_speed": t_spacy / t_ingest,
        "stage_over_parse_time": {k: v / t_spacy for k, v in stage_s.items()},
        "peak_rss_mb": peak_mb,
    }
    print(f"articles {len(articles)}, words {words:,}")
    print(f"bare spaCy   {result['spacy_words_per_s']:8.0f} words/s  ({t_spacy:.1f} s)")
    print(f"pipeline     {result['pipeline_words_per_s']:8.0f} words/s  ({t_full:.1f} s)")
    print(f"ratio        pipeline takes {result['pipeline_over_spacy_time']:.2f}x the time of bare spaCy")
    print(f"whole ingest {result['ingest_words_per_s']:8.0f} words/s  ({t_ingest:.1f} s: reading {t_read:.1f} s, "
          f"parse, stages, store writes and linking)")
    print(f"ratio        whole ingest runs at {result['ingest_over_spacy_speed']:.2f}x bare spaCy's words/s")
    for name, ratio in result["stage_over_parse_time"].items():
        print(f"  stage {name:<15} {ratio:6.2f}x the parse time")
    print(f"peak memory  {peak_mb:.0f} MB (RSS)")
    save_results(f"throughput-{int(time.time())}", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
