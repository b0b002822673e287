"""Peak memory of a whole `wirecoder ingest` as the input grows: N streamed documents from one
gzip-compressed JSONL file, into a fresh SQLite store, for each N given.

Usage: python benchmarks/memory.py [--docs 1000 10000] [--seed 3]

Documents are short wire items built from real towns (several sentences, a date, a source), each
different. Peak RSS of the ingest process (getrusage of the finished child) is printed per N, with
the ratio to the smallest N: memory that stays flat as N grows tenfold is bounded by the stream,
not by the corpus. As a baseline in the same run, the peak RSS of bare spaCy parsing the same
documents with nlp.pipe in a child process.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import save_results, towns

ROOT = Path(__file__).resolve().parents[1]
_SPACY = (
    "import gzip, json, sys; from wirecoder.parse import load_nlp; nlp = load_nlp(); "
    "texts = (json.loads(l)['text'] for l in gzip.open(sys.argv[1], 'rt')); "
    "[None for _ in nlp.pipe(texts, batch_size=16)]"
)


def _towns() -> list[str]:
    return [name for name, _, _ in towns(("UA",))]


def write_feed(path: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    towns = _towns()
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(n):
            a, b = rng.sample(towns, 2)
            text = (
                f"Russian forces shelled {a} overnight, the regional governor said on Telegram, adding that "
                f"{rng.randrange(2, 40)} people were wounded. Ukrainian troops advanced near {b}, about "
                f"{rng.randrange(5, 90)} kilometres to the east, according to the general staff. Report {i}."
            )
            day = f"2023-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            f.write(json.dumps({"text": text, "date": day, "title": f"Item {i}"}) + "\n")


def _peak_child_mb(cmd: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of a child process run to its end. Linux carries a process's
    peak RSS over into the children it forks, so this process stays small: the feeds are written
    by a child of their own."""
    t = time.perf_counter()
    pid = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).pid
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{cmd[:3]} failed with status {status}")
    return usage.ru_maxrss / 1024, time.perf_counter() - t


def main() -> None:
    if sys.argv[1:2] == ["--write-feed"]:
        write_feed(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    exe = Path(sys.executable).parent / "wirecoder"
    results: dict[str, object] = {"benchmark": "memory", "docs": args.docs}
    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.docs:
            feed = Path(tmp) / f"feed_{n}.jsonl.gz"
            subprocess.run([sys.executable, __file__, "--write-feed", str(feed), str(n), str(args.seed)], check=True)
            spacy_mb, spacy_s = _peak_child_mb([sys.executable, "-c", _SPACY, str(feed)])
            db = Path(tmp) / f"store_{n}.db"
            mb, seconds = _peak_child_mb([str(exe), "ingest", str(feed), "--db", str(db)])
            peaks[n] = mb
            results[str(n)] = {"ingest_peak_mb": round(mb, 1), "ingest_seconds": round(seconds, 1),
                               "spacy_peak_mb": round(spacy_mb, 1), "spacy_seconds": round(spacy_s, 1)}  # fmt: skip
            print(f"   {n:>7,} documents: ingest peak {mb:7.1f} MB ({seconds:6.1f} s; {n / seconds:5.1f} docs/s)   "
                  f"bare spaCy peak {spacy_mb:7.1f} MB ({spacy_s:5.1f} s)")  # fmt: skip
    base = peaks[min(peaks)]
    for n, mb in sorted(peaks.items()):
        print(f"   peak at {n:,} / peak at {min(peaks):,}: {mb / base:.3f}")
    results["ratio_largest_to_smallest"] = round(peaks[max(peaks)] / base, 3)
    save_results("memory", results)


if __name__ == "__main__":
    main()
