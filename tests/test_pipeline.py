"""The pipeline core: the stage registry, the order check when a pipeline is built, and a failing
stage kept as a StageFailure while the run goes on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wirecoder import registrations  # noqa: F401  (fills the registry)
from wirecoder.errors import PipelineError
from wirecoder.pipeline import DEFAULT_STAGES, REGISTRY, Pipeline, StageInput, stage

# The registered stages, what each needs and what it makes (spaCy's test_factory_registrations):
# a change here is a change of the pipeline's contract.
GOLDEN = {
    "timex": (("parse",), "times"),
    "places": (("parse",), "places"),
    "claims": (("parse", "times"), "claims"),
    "quantities": (("parse", "claims"), "quantities"),
    "events": (("times", "places", "claims", "quantities"), "events"),
    "contradictions": (("claims", "quantities"), "contradictions"),
}


def test_registry_matches_the_golden_list() -> None:
    assert {name: (spec.requires, spec.produces) for name, spec in REGISTRY.items() if name in GOLDEN} == GOLDEN
    assert set(DEFAULT_STAGES) == set(GOLDEN)


def test_a_stage_before_what_it_requires_is_refused_when_built() -> None:
    with pytest.raises(PipelineError, match="requires"):
        Pipeline(["events", "timex"])


def test_an_unknown_stage_names_the_available_ones() -> None:
    with pytest.raises(PipelineError, match="available stages"):
        Pipeline(["timex", "sentiment"])


def test_a_stage_producing_no_known_field_is_refused() -> None:
    with pytest.raises(PipelineError, match="produces"):
        stage("bad", requires=["parse"], produces="opinions")


@pytest.fixture
def failing_stage() -> Iterator[str]:
    @stage("boom", requires=["parse"], produces="quantities")
    def boom(data: StageInput) -> list[object]:
        raise RuntimeError(f"disk on fire in {data.parsed.doc_id}")

    yield "boom"
    del REGISTRY["boom"]


def test_a_failing_stage_is_kept_as_a_failure_and_the_run_goes_on(pipeline: Pipeline, article, failing_stage: str) -> None:
    pipe = Pipeline(["timex", failing_stage], resources=pipeline.resources)
    arts = [article("Published: 2022-11-11\n\nTroops shelled Kherson on Monday.\n", path=f"{i}.txt") for i in range(2)]
    results = list(pipe.process(arts))
    assert len(results) == 2
    for result in results:
        (failure,) = result.failures
        assert failure.stage == "boom" and "disk on fire" in failure.error and failure.doc_id == result.article.doc_id
        assert result.times  # the stage before it still gave its items
        assert result.quantities == ()
