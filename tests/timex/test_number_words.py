"""Every number word of rulebook/numbers.tsv reaches the timex rules that read its kind.

The rules once held their own copies of these words; a row added to the table must now reach
every rule without touching timex. No spaCy or recognizer: the rule table is run on the phrase.
"""

from __future__ import annotations

import pytest

from wirecoder.rulebook.numbers import values, words
from wirecoder.timex import _BARE_ORDINAL
from wirecoder.timex._grammar import grammar_hits
from wirecoder.timex._values import _count_unit


def _value_of(phrase: str) -> str | None:
    """The value of the grammar's hit covering the whole phrase, if any."""
    hits = [h for h in grammar_hits(phrase, 0, len(phrase)) if (h.start, h.end) == (0, len(phrase))]
    return hits[0].timex if hits else None


@pytest.mark.parametrize(("word", "n"), values("ordinal").items())
def test_ordinal_centuries(word: str, n: int) -> None:
    assert _value_of(f"the {word} century") == f"{n - 1:02d}"


@pytest.mark.parametrize("word", values("ordinal"))
def test_bare_ordinals_are_no_dates(word: str) -> None:
    assert _BARE_ORDINAL.match(f"the {word}")  # "for the first time"


@pytest.mark.parametrize(("word", "decade"), values("decade").items())
def test_decade_words(word: str, decade: int) -> None:
    assert _value_of(f"the {word}") == f"19{decade // 10}"


@pytest.mark.parametrize(
    ("word", "n"), [*values("article").items(), *values("cardinal", 1, 19).items()]
)
def test_counted_decades(word: str, n: int) -> None:
    assert _value_of(f"{word} decades" if n > 1 else f"{word} decade") == f"P{10 * n}Y"


@pytest.mark.parametrize(("word", "n"), values("cardinal", 2).items())
def test_counted_quarters(word: str, n: int) -> None:
    assert _value_of(f"the past {word} quarters") == f"P{n}Q"


@pytest.mark.parametrize("word", words("indefinite"))
def test_unknown_counts_of_quarters(word: str) -> None:
    assert _value_of(f"the next {word} quarters") == "PXQ"


@pytest.mark.parametrize(("word", "n"), values("cardinal", 2).items())
def test_counted_units(word: str, n: int) -> None:
    assert _count_unit(f"{word} days") == (n, "D")
