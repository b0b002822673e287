"""Scoring the claims stage on brat attribution files (wirecoder.eval.attribution)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from wirecoder.errors import GoldFileError
from wirecoder.eval.attribution import evaluate_attribution, read_ann
from wirecoder.parse import load_nlp

TEXT = (
    "The bridge was closed after the strike, the governor said.\n\n"
    "Residents queued for water on Monday.\n\n"
    '"We are repairing the pipes," the mayor said. "It will take a week."\n'
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _span(text: str, part: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return f"{start} {start + len(part)}"


def _write(tmp_path: Path, ann_lines: list[str], other: list[str] | None = None) -> Path:
    root = tmp_path / "dev"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "pub_2016-01-01_story.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "pub_2016-01-01_story_aaaa.ann").write_text(
        "\n".join(ann_lines) + "\n", encoding="utf-8"
    )
    if other is not None:  # a second annotator, sorted after the first: must be ignored
        (root / "attributions" / "pub_2016-01-01_story_ffff.ann").write_text(
            "\n".join(other) + "\n", encoding="utf-8"
        )
    (root / "metadata.tsv").write_text(
        "filename\tpublication_date\npub_2016-01-01_story\t2016-01-01\n", encoding="utf-8"
    )
    return root


def _gold() -> list[str]:
    first = TEXT.index('"We are')
    second = TEXT.index('"It will')
    q1 = f"{first} {first + len(chr(34) + 'We are repairing the pipes,' + chr(34))}"
    q2 = f"{second} {second + len(chr(34) + 'It will take a week.' + chr(34))}"
    return [
        f"T1\tSource {_span(TEXT, 'the governor')}\tthe governor",
        f"T2\tCue {_span(TEXT, 'said')}\tsaid",
        f"T3\tContent {_span(TEXT, 'The bridge was closed after the strike')}\tx",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        f"T4\tSource {_span(TEXT, 'the mayor')}\tthe mayor",
        f"T5\tCue {_span(TEXT, 'said', 1)}\tsaid",
        f"T6\tContent {q1};{q2}\tx",  # discontinuous: the quote split by its cue
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
    ]


def test_read_ann_discontinuous_union(tmp_path: Path) -> None:
    root = _write(tmp_path, _gold())
    gold = read_ann(root / "attributions" / "pub_2016-01-01_story_aaaa.ann", TEXT)
    assert len(gold) == 2
    quote = gold[1]
    assert "We are repairing" in quote.content_text and "take a week" in quote.content_text
    assert min(quote.content) == TEXT.index('"We are')


def test_scores_and_first_annotator(tmp_path: Path, nlp: Language) -> None:
    wrong = ["T1\tContent 0 5\tThe b", "E1\tAttribution:T1 Content:T1"]
    root = _write(tmp_path, _gold(), other=wrong)
    report = evaluate_attribution([root], nlp=nlp)
    assert report.documents == 1 and report.gold == 2
    assert report.content_overlap.tp == 2 and report.content_overlap.fn == 0
    assert report.content_source.tp == 2
    assert report.content_cue.tp == 2
    assert report.content_exact.tp >= 1
    assert any("overlap" in line for line in report.lines())


def test_missing_text_is_an_error(tmp_path: Path, nlp: Language) -> None:
    root = _write(tmp_path, _gold())
    (root / "text" / "pub_2016-01-01_story.txt").unlink()
    with pytest.raises(GoldFileError, match="no text file"):
        evaluate_attribution([root], nlp=nlp)


def test_bad_span_line_is_an_error(tmp_path: Path) -> None:
    root = _write(tmp_path, ["T1\tContent twelve\tx"])
    with pytest.raises(GoldFileError, match="cannot read span line"):
        read_ann(root / "attributions" / "pub_2016-01-01_story_aaaa.ann", TEXT)
