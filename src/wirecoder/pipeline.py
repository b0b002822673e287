"""Pipeline: ordered stages from the registry, their requires/produces checked when built.

A stage is a function of a StageInput returning a list of items; it is registered with
`@stage(name, requires=..., produces=...)` in `registrations.py` (one place, as spaCy's
factories). A stage that raises on an article becomes a StageFailure and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from wirecoder import __version__
from wirecoder.errors import PipelineError, StageError
from wirecoder.parse import ParsedArticle, load_nlp, parse_articles
from wirecoder.records import Article, ArticleResult, StageFailure

log = logging.getLogger(__name__)

# Bumped whenever a stage changes what it extracts: the store re-processes an article whose
# stored result came from another pipeline version.
PIPELINE_VERSION = f"{__version__}+p6"  # bump when any stage's output changes

# ArticleResult fields a stage may produce.
RESULT_FIELDS = ("times", "places", "claims", "quantities", "events", "contradictions")


class Resources:
    """Heavy things loaded once per process and handed to stages (spaCy model, gazetteer)."""

    def __init__(self, *, model: str | None = None, gazetteer: Any = None) -> None:
        self._model = model
        self._gazetteer = gazetteer

    @functools.cached_property
    def nlp(self) -> Language:
        return load_nlp(self._model) if self._model else load_nlp()

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from wirecoder.places import open_gazetteer

            self._gazetteer = open_gazetteer()
        return self._gazetteer


@dataclass
class StageInput:
    """What a stage sees: the parsed article, the resources, and what earlier stages produced."""

    parsed: ParsedArticle
    resources: Resources
    produced: dict[str, list[Any]] = field(default_factory=dict)

    def get(self, name: str) -> list[Any]:
        return self.produced.get(name, [])


StageFunc = Callable[[StageInput], Sequence[Any]]


@dataclass(frozen=True)
class StageSpec:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    produces: str


REGISTRY: dict[str, StageSpec] = {}


def stage(name: str, *, requires: Sequence[str], produces: str) -> Callable[[StageFunc], StageFunc]:
    """Register a stage. `requires` names results ("parse" or ArticleResult fields)."""
    if produces not in RESULT_FIELDS:
        raise PipelineError(f"stage {name!r} produces {produces!r}; choose one of {RESULT_FIELDS}")

    def register(func: StageFunc) -> StageFunc:
        REGISTRY[name] = StageSpec(name, func, tuple(requires), produces)
        return func

    return register


DEFAULT_STAGES = ("timex", "places", "claims", "quantities", "events", "contradictions")


class Pipeline:
    """The ordered stages and the resources they share.

    Example:
        >>> pipe = Pipeline()
        >>> result = pipe.process_one(article)
        >>> result.counts()["event"]

    Raises:
        PipelineError: an unknown stage, or a stage placed before what it requires.
    """

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        *,
        resources: Resources | None = None,
        batch_size: int = 16,
    ) -> None:
        from wirecoder import registrations  # noqa: F401  (fills REGISTRY)

        self.resources = resources or Resources()
        self.batch_size = batch_size
        available: set[str] = {"parse"}
        specs: list[StageSpec] = []
        for name in stages:
            spec = REGISTRY.get(name)
            if spec is None:
                raise PipelineError(f"unknown stage {name!r}; available stages: {sorted(REGISTRY)}")
            missing = [r for r in spec.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {name!r} requires {missing}, which no earlier stage produces; "
                    f"order the stages so that these come first"
                )
            available.add(spec.produces)
            specs.append(spec)
        self.stages = tuple(specs)

    def run_stages(self, parsed: ParsedArticle) -> ArticleResult:
        """Run every stage on one parsed article."""
        data = StageInput(parsed=parsed, resources=self.resources)
        failures: list[StageFailure] = []
        for spec in self.stages:
            try:
                data.produced[spec.produces] = list(spec.func(data))
            except Exception as e:  # a failing stage must not stop the run: keep it as a record
                err = StageError(spec.name, parsed.doc_id, e)
                log.warning("%s", err, exc_info=log.isEnabledFor(logging.DEBUG))
                failures.append(StageFailure(stage=spec.name, doc_id=parsed.doc_id, error=str(err)))
                data.produced[spec.produces] = []
        return ArticleResult(
            article=parsed.article,
            sentences=parsed.sentences,
            failures=tuple(failures),
            pipeline_version=PIPELINE_VERSION,
            **{k: tuple(v) for k, v in data.produced.items()},
        )

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Parse articles in nlp.pipe batches and run the stages on each, in order."""
        for parsed in parse_articles(articles, self.resources.nlp, batch_size=self.batch_size):
            yield self.run_stages(parsed)

    def process_one(self, article: Article) -> ArticleResult:
        return next(self.process([article]))


def process_article(
    article: Article | str,
    *,
    published: dt.date | None = None,
    path: str = "<text>",
    pipeline: Pipeline | None = None,
) -> ArticleResult:
    """Extract everything from one article (an Article, or plain text with optional headers).

    Example:
        >>> result = process_article("Kyiv, Saturday: ...", published=dt.date(2022, 4, 2))
        >>> [e.acled_sub_event_type for e in result.events]
    """
    if isinstance(article, str):
        from wirecoder.ingest import read_text

        article = read_text(article, path=path, published=published)
    return (pipeline or Pipeline()).process_one(article)
