"""Cross-document linking at scale: N synthetic event mentions through the incremental Linker.

Usage: python benchmarks/linking.py [--events 100000] [--seed 7] [--parse-sample 1000]

Synthetic mentions are built from real towns of the gazetteer: each underlying event (a type,
a day in 2022, a town) is reported by one to four documents, whose sentences vary in wording,
and whose places are the town or its region. The benchmark prints the linking time, mentions per
second, pairwise precision and recall of the clusters against the synthetic truth, and, as the
project's common baseline, the cost per mention as a ratio to spaCy parsing the same sentences
(measured on a sample of them in the same run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import resource
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from _common import save_results, towns

from wirecoder import __version__
from wirecoder.links.linking import Linker, LinkEvent

ROOT = Path(__file__).resolve().parents[1]
_TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "{who} shelled {town} {when}"),
    ("Explosions/Remote violence", "Air/drone strike", "A drone strike hit {town} {when}"),
    ("Battles", "Armed clash", "Fighting broke out near {town} {when}"),
    ("Battles", "Government regains territory", "{who} recaptured the village of {town} {when}"),
    ("Strategic developments", "Non-violent transfer of territory", "{who} withdrew from {town} {when}"),
    ("Violence against civilians", "Attack", "Civilians were attacked in {town} {when}"),
]
_WHO = ["Russian forces", "Russian troops", "the Russian army", "Ukrainian forces", "Ukraine's army"]
_WHEN = ["on Monday", "on Tuesday", "overnight", "early on Friday", "yesterday", ""]
_TAILS = ["", ", officials said", ", the governor said on Telegram", ", according to the military",
          ". Several buildings were damaged"]  # fmt: skip


def _towns(n: int) -> list[tuple[str, float, float]]:
    """Populated places of Ukraine and its neighbours from the gazetteer's source package."""
    out = towns(("UA", "RU", "BY"))
    random.shuffle(out)
    return out[:n]


def synthesise(n: int) -> tuple[list[LinkEvent], dict[str, int]]:
    towns = _towns(3000)
    events: list[LinkEvent] = []
    truth: dict[str, int] = {}
    k = 0
    while len(events) < n:
        etype, sub, template = random.choice(_TYPES)
        name, lat, lon = random.choice(towns)
        day = dt.date(2022, 1, 1) + dt.timedelta(days=random.randrange(365))
        for copy in range(random.choice((1, 1, 2, 2, 3, 4))):
            text = template.format(who=random.choice(_WHO), town=name, when=random.choice(_WHEN))
            text = (text + random.choice(_TAILS)).strip() + "."
            jitter = random.uniform(-0.03, 0.03) if copy else 0.0
            report_day = day + dt.timedelta(days=random.choice((0, 0, 0, 1)) if copy else 0)
            ev = LinkEvent(
                event_id=f"e{len(events)}", doc_id=f"d{len(events)}", event_type=etype, sub_event_type=sub,
                start=report_day, end=report_day, lat=lat + jitter, lon=lon + jitter, geo_precision=1,
                actor1=None, text=text,
            )  # fmt: skip
            events.append(ev)
            truth[ev.event_id] = k
            if len(events) >= n:
                break
        k += 1
    return events, truth


def pair_scores(assigned: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the clusters (pairs of mentions put together)."""
    by_sys: dict[str, list[str]] = defaultdict(list)
    by_gold: dict[int, list[str]] = defaultdict(list)
    for eid, c in assigned.items():
        by_sys[c].append(eid)
        by_gold[truth[eid]].append(eid)
    sys_pairs = {frozenset(p) for members in by_sys.values() for p in combinations(members, 2)}
    gold_pairs = {frozenset(p) for members in by_gold.values() for p in combinations(members, 2)}
    tp = len(sys_pairs & gold_pairs)
    return (tp / len(sys_pairs) if sys_pairs else 1.0, tp / len(gold_pairs) if gold_pairs else 1.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--parse-sample", type=int, default=1000, help="sentences parsed for the spaCy baseline")
    args = ap.parse_args()
    random.seed(args.seed)
    events, truth = synthesise(args.events)

    t0 = time.perf_counter()
    linker = Linker()
    assigned = {ev.event_id: linker.link(ev) for ev in events}
    link_s = time.perf_counter() - t0

    from wirecoder.parse import load_nlp

    nlp = load_nlp()
    sample = [e.text for e in random.sample(events, min(args.parse_sample, len(events)))]
    t0 = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=64):
        pass
    parse_per_event = (time.perf_counter() - t0) / len(sample)

    precision, recall = pair_scores(assigned, truth)
    result = {
        "version": __version__,
        "machine": platform.platform(),
        "events": len(events),
        "true_events": len(set(truth.values())),
        "clusters": len(set(assigned.values())),
        "link_seconds": round(link_s, 2),
        "events_per_second": round(len(events) / link_s),
        "pair_precision": round(precision, 4),
        "pair_recall": round(recall, 4),
        "link_cost_vs_spacy_parse": round((link_s / len(events)) / parse_per_event, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    for k, v in result.items():
        print(f"{k:>26}: {v}")
    save_results("linking", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
