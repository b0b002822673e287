"""Number words (numbers.tsv): the one list timex and quantities read counts in words from.

Each row is a word, its kind and its value (see the table's header comment). The table is read
once per process and checked when first used: an unknown kind, a value that is not a whole
number (or X where the kind wants one), a decade that is not a multiple of ten, a scale that is
not a power of ten, or a word listed twice raises `RulebookError` naming the row.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, NamedTuple, get_args

from wirecoder.errors import RulebookError
from wirecoder.rulebook import table

NumberKind = Literal[
    "cardinal", "ordinal", "decade", "article", "count_noun", "scale", "suffix", "vague",
    "indefinite", "quantifier",
]  # fmt: skip
KINDS: tuple[NumberKind, ...] = get_args(NumberKind)
# Kinds whose value is X, an unknown count (TimeML's PXY); every other kind has a whole number.
UNKNOWN_KINDS: frozenset[NumberKind] = frozenset({"indefinite", "quantifier"})
UNKNOWN = "X"
# Lower-case letters, words joined by a hyphen or a space: the readers put words into regular
# expressions as they are, so nothing here may be a regex metacharacter.
_WORD = re.compile(r"[a-z]+(?:[- ][a-z]+)*")
_COLUMNS = ("word", "kind", "value")


class NumberWord(NamedTuple):
    word: str
    kind: NumberKind
    value: int | None  # None for X, an unknown count


@functools.cache
def number_words() -> tuple[NumberWord, ...]:
    """The rows of numbers.tsv, checked, in table order.

    Raises:
        RulebookError: a row with an unknown kind, a value its kind does not allow, or a word
            already listed.

    Example:
        >>> next(n for n in number_words() if n.word == "dozen")
        NumberWord(word='dozen', kind='count_noun', value=12)
    """
    rows = table("numbers")
    if not rows:
        raise RulebookError("numbers.tsv has no rows; timex and quantities read number words there")
    if list(rows[0]) != list(_COLUMNS):
        raise RulebookError(f"numbers.tsv: columns {list(rows[0])}, expected {list(_COLUMNS)}")
    out: list[NumberWord] = []
    seen: dict[str, str] = {}
    for row in rows:
        word = row["word"]
        where = f"numbers.tsv, word {word!r}"
        kind = _kind(row["kind"], where)
        if not _WORD.fullmatch(word):
            raise RulebookError(f"{where}: write lower-case letters, words joined by '-' or ' '")
        if word in seen:
            raise RulebookError(f"{where}: listed twice (also a {seen[word]}); one reading a word")
        seen[word] = kind
        out.append(NumberWord(word, kind, _value(row["value"], kind, where)))
    return tuple(out)


def _kind(raw: str, where: str) -> NumberKind:
    for kind in KINDS:
        if raw == kind:
            return kind
    raise RulebookError(f"{where}: unknown kind {raw!r}; kinds: {', '.join(KINDS)}")


def _value(raw: str, kind: NumberKind, where: str) -> int | None:
    if kind in UNKNOWN_KINDS:
        if raw != UNKNOWN:
            raise RulebookError(f"{where}: a {kind} is an unknown count: {UNKNOWN}, not {raw!r}")
        return None
    if not raw.isdigit():
        raise RulebookError(
            f"{where}: value {raw!r} is not a whole number ({UNKNOWN} only for "
            f"{', '.join(sorted(UNKNOWN_KINDS))})"
        )
    value = int(raw)
    if kind == "decade" and (value % 10 or not 10 <= value <= 90):
        raise RulebookError(f"{where}: a decade is 10, 20, ... 90, not {value}")
    if kind in ("scale", "suffix") and (value < 100 or str(value).rstrip("0") != "1"):
        raise RulebookError(f"{where}: a {kind} multiplies by a power of ten from 100, not {value}")
    return value


@functools.cache
def values(kind: NumberKind, low: int = 0, high: int | None = None) -> Mapping[str, int]:
    """Words of `kind` with a value from `low` to `high` (inclusive), to their value, in table
    order. Kinds whose value is an unknown count (X) have none: use `words`.

    Raises:
        RulebookError: `kind` is not a kind of the table, or one of unknown counts.

    Example:
        >>> dict(values("cardinal", 1, 3))
        {'one': 1, 'two': 2, 'three': 3}
    """
    if kind not in KINDS or kind in UNKNOWN_KINDS:
        known = [k for k in KINDS if k not in UNKNOWN_KINDS]
        raise RulebookError(f"numbers.tsv has no values of kind {kind!r}; kinds with them: {known}")
    return MappingProxyType(
        {
            n.word: n.value
            for n in number_words()
            if n.kind == kind
            and n.value is not None
            and low <= n.value
            and (high is None or n.value <= high)
        }
    )


@functools.cache
def words(*kinds: NumberKind) -> tuple[str, ...]:
    """The words of the given kinds, in table order.

    Raises:
        RulebookError: a kind that is not a kind of the table.

    Example:
        >>> words("indefinite")
        ('few', 'several')
    """
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise RulebookError(f"numbers.tsv has no kind {unknown[0]!r}; kinds: {', '.join(KINDS)}")
    return tuple(n.word for n in number_words() if n.kind in kinds)


def load() -> None:
    """Read and check numbers.tsv now (at start), so a bad row fails before any article."""
    number_words()


__all__ = [
    "KINDS", "UNKNOWN", "UNKNOWN_KINDS", "NumberKind", "NumberWord", "load",
    "number_words", "values", "words",
]  # fmt: skip
