"""The Dask runner: extraction on the workers of a Dask cluster, a local one (`--workers N`) or an
existing one (`--scheduler tcp://HOST:8786`). The only module that imports dask.

Each worker loads the pipeline once (a worker plugin: spaCy, the gazetteer and the recognizers
stay in memory between tasks). Articles go out in small batches, a bounded number in flight, so
memory stays flat however long the input. Results come back as they finish, for the caller to
write (SQLite: one writer), or, given a PostgreSQL store URL, each worker writes its own results
(per-article transactions; linking under the store's linking lock) and sends back only what
the caller tallies (`Written`). A task whose worker dies is run again on another worker (Dask
reschedules the work of a lost worker; `RETRIES` covers exceptions); writes are idempotent, so
an article stored before its worker died is found unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, cast

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker
from wirecoder.records import Article, ArticleResult

log = logging.getLogger(__name__)

PLUGIN_NAME = "wirecoder-pipeline"
BATCH = 2  # articles per task: enough for nlp.pipe to batch, small enough to spread the work
IN_FLIGHT_PER_WORKER = 3  # tasks queued per worker: keeps workers busy, memory bounded
RETRIES = 2


@dataclass(frozen=True)
class Written:
    """An article a worker ran and stored itself: what the caller tallies and reports."""

    path: str
    outcome: str | None  # a SaveOutcome value; None when a stage failed and nothing was stored
    counts: dict[str, int] = field(default_factory=dict)  # items stored, by kind (none if unchanged)
    failures: tuple[str, ...] = ()


class PipelinePlugin(WorkerPlugin):
    """Loads the wirecoder pipeline once on each worker, as the worker starts, and opens the
    store when the worker writes its results itself."""

    name = PLUGIN_NAME

    def __init__(self, batch_size: int = 16, store_url: str | None = None) -> None:
        self.batch_size = batch_size
        self.store_url = store_url
        self.pipeline: Any = None
        self.store: Any = None

    def setup(self, worker: Any) -> None:
        from wirecoder.pipeline import Pipeline

        self.pipeline = Pipeline(batch_size=self.batch_size)
        _ = self.pipeline.resources.nlp, self.pipeline.resources.gazetteer  # load now, not in a task
        if self.store_url is not None:
            from wirecoder.store import open_store

            self.store = open_store(self.store_url)

    def teardown(self, worker: Any) -> None:
        if self.store is not None:
            self.store.close()


def _run_batch(articles: list[Article]) -> list[ArticleResult] | list[Written]:
    """Run on a worker: the pipeline over a batch of articles; stored here when the worker
    has the store open."""
    plugin = cast(PipelinePlugin, get_worker().plugins[PLUGIN_NAME])
    results = list(plugin.pipeline.process(articles))
    if plugin.store is None:
        return results
    from wirecoder.links.ingest import save_linked
    from wirecoder.store import SaveOutcome

    written: list[Written] = []
    for r in results:
        if r.failures:
            written.append(Written(r.article.path, None, failures=tuple(f.error for f in r.failures)))
            continue
        outcome = save_linked(plugin.store, r)
        counts = r.counts() if outcome is not SaveOutcome.UNCHANGED else {}
        written.append(Written(r.article.path, outcome.value, counts))
    return written


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


class DaskRunner:
    """A client on a Dask cluster that runs the pipeline on its workers.

    Example:
        >>> with DaskRunner(workers=2) as runner:
        ...     for result in runner.process(articles):
        ...         save_linked(store, result)

    Args:
        workers: start a local cluster of this many single-threaded worker processes.
        scheduler: or connect to this scheduler address (tcp://HOST:8786).
        batch_size: nlp.pipe batch size on the workers.
        store_url: a store the workers write to themselves (PostgreSQL; every worker must
            reach it): `process` then yields `Written` tallies, not results.
    """

    def __init__(
        self,
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        batch_size: int = 16,
        store_url: str | None = None,
    ) -> None:
        if (workers is None) == (scheduler is None):
            raise ValueError("give workers (a local cluster) or scheduler (an existing one), not both")
        self._cluster: LocalCluster | None = None
        # Dask's own INFO lines (scheduler started, worker registered) are not the user's news.
        for name in ("distributed", "dask"):
            if logging.getLogger(name).getEffectiveLevel() < logging.WARNING and not log.isEnabledFor(logging.DEBUG):
                logging.getLogger(name).setLevel(logging.WARNING)
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                scheduler_kwargs={"dashboard": False}, silence_logs=logging.ERROR,
            )  # fmt: skip
            self.client = Client(self._cluster)
        else:
            self.client = Client(scheduler, timeout="30s")
        self.client.register_plugin(PipelinePlugin(batch_size, store_url))

    @property
    def n_workers(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleResult | Written]:
        """Results of the articles (or, with a `store_url`, what the workers stored), as they
        finish (not in input order); at most IN_FLIGHT_PER_WORKER batches per worker are out."""
        batches = _batches(articles, BATCH)
        limit = IN_FLIGHT_PER_WORKER * self.n_workers
        pending = as_completed()
        for batch in islice(batches, limit):
            pending.add(self.client.submit(_run_batch, batch, retries=RETRIES, pure=False))
        for future in pending:
            results = future.result()
            future.release()
            nxt = next(batches, None)
            if nxt is not None:
                pending.add(self.client.submit(_run_batch, nxt, retries=RETRIES, pure=False))
            yield from results

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DaskRunner", "PipelinePlugin", "Written"]
