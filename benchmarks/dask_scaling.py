"""Articles per second of extraction on a local Dask cluster of 1 and of 2 workers, on real articles.

Usage: python benchmarks/dask_scaling.py [CORPUS_DIR] [--limit 200] [--workers 1 2]

Each run starts a LocalCluster (the worker plugin loads the pipeline on every worker before the
clock starts), sends the articles, and times until the last result is back in this process
(results are collected, not stored: the store's writes are the same whatever the cluster). As the
baseline measured in the same run, bare spaCy (`nlp.pipe`, same model) on the same texts in this
process. The corpus defaults to ../shared/dev/corpus/ukraine_2022.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

from _common import save_results

from wirecoder import __version__
from wirecoder.distributed import DaskRunner
from wirecoder.ingest import read_inputs
from wirecoder.records import Article

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "dev" / "corpus" / "ukraine_2022"))
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    articles = [a for a in read_inputs([args.corpus]) if isinstance(a, Article)][: args.limit]
    words = sum(len(a.text.split()) for a in articles)
    print(f"== {len(articles)} articles, {words:,} words from {args.corpus}")

    from wirecoder.parse import load_nlp

    nlp = load_nlp()
    t = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    spacy_s = time.perf_counter() - t
    results: dict[str, object] = {
        "benchmark": "dask_scaling", "version": __version__, "articles": len(articles), "words": words,
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "spacy_articles_per_s": round(len(articles) / spacy_s, 2),
    }  # fmt: skip
    print(f"   bare spaCy (one process): {len(articles) / spacy_s:6.2f} articles/s")
    rates: dict[int, float] = {}
    for n in args.workers:
        with DaskRunner(workers=n) as runner:
            t = time.perf_counter()
            done = sum(1 for _ in runner.process(articles))
            seconds = time.perf_counter() - t
        assert done == len(articles), (done, len(articles))
        rates[n] = len(articles) / seconds
        print(f"   {n} worker(s): {rates[n]:6.2f} articles/s  ({seconds:.1f} s; "
              f"{rates[n] * spacy_s / len(articles):.2f}x bare spaCy)")  # fmt: skip
    results["workers"] = {str(n): round(r, 2) for n, r in rates.items()}
    if 1 in rates and 2 in rates:
        results["speedup_2_vs_1"] = round(rates[2] / rates[1], 2)
        print(f"   2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")
    save_results("dask_scaling", results)


if __name__ == "__main__":
    main()
