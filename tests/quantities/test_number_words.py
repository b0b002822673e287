"""Every number word of rulebook/numbers.tsv is read by the quantities number parser."""

from __future__ import annotations

import pytest

from wirecoder.quantities._numbers import SCALE_WORDS, VAGUE, parse_number
from wirecoder.rulebook.numbers import values


@pytest.mark.parametrize(
    ("word", "n"),
    [*values("cardinal").items(), *values("article").items(), *values("count_noun").items()],
)
def test_one_word(word: str, n: int) -> None:
    assert parse_number([word]) == n


@pytest.mark.parametrize(("ten", "n"), values("cardinal", 20).items())
def test_compounds(ten: str, n: int) -> None:
    assert parse_number([f"{ten}-seven"]) == n + 7


@pytest.mark.parametrize(("word", "n"), [*values("scale").items(), *values("suffix").items()])
def test_scales(word: str, n: int) -> None:
    assert parse_number(["2", word]) == 2 * n


def test_suffixes_do_not_extend_a_number() -> None:
    # "5 m" is five metres: only the written-out scales join the tokens of a number
    assert set(values("scale")) == SCALE_WORDS
    assert not set(values("suffix")) & SCALE_WORDS


@pytest.mark.parametrize(("word", "floor"), values("vague").items())
def test_vague_floors(word: str, floor: int) -> None:
    assert VAGUE[word] == floor
