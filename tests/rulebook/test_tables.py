"""Every rulebook table loads through its loader, and a bad row fails naming the table and row.

The bad-row tests copy the real tables into tmp_path, append one row built from the table's own
header (so a new column does not break them), point the loaders there (`rulebook._HERE`) and
clear their caches. Each test first loads the copy with a good row, so a loader that did not read
the copy, or a check that let everything through, fails the test.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from wirecoder import rulebook
from wirecoder.errors import RulebookError
from wirecoder.rulebook import numbers, taxonomy

RULEBOOK_DIR = Path(rulebook.__file__).parent
TABLES = sorted(p.stem for p in RULEBOOK_DIR.glob("*.tsv"))


def _clear_caches() -> None:
    """Forget every table and accessor read so far, so the next call reads the files again."""
    for module in (rulebook, numbers, taxonomy):
        for obj in vars(module).values():
            if callable(clear := getattr(obj, "cache_clear", None)):
                clear()


def _load_every_table() -> None:
    rulebook.load_all()
    numbers.load()


@pytest.fixture
def tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the rulebook's tables that the loaders read instead of the real ones."""
    for name in TABLES:
        shutil.copy(RULEBOOK_DIR / f"{name}.tsv", tmp_path / f"{name}.tsv")
    monkeypatch.setattr(rulebook, "_HERE", tmp_path)
    _clear_caches()
    yield tmp_path
    _clear_caches()  # before monkeypatch restores _HERE: later callers read the real tables


def _append_row(path: Path, **fields: str) -> None:
    """Append the table's first data row with `fields` replaced."""
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    row = dict(zip(header, lines[1].split("\t"), strict=True))
    assert set(fields) <= set(header), f"{path.name} has no column {set(fields) - set(header)}"
    row.update(fields)
    path.write_text(text.rstrip("\n") + "\n" + "\t".join(row[h] for h in header) + "\n", "utf-8")


def test_every_table_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    uncached = rulebook.table.__wrapped__

    def spy(name: str) -> tuple[dict[str, str], ...]:
        read.append(name)
        return uncached(name)

    monkeypatch.setattr(rulebook, "table", spy)
    monkeypatch.setattr(numbers, "table", spy)
    _clear_caches()
    try:
        _load_every_table()
    finally:
        _clear_caches()
    assert TABLES, f"no tables found in {RULEBOOK_DIR}"
    unread = set(TABLES) - set(read)
    assert not unread, f"tables no loader reads at start (add them to load_all): {sorted(unread)}"
    assert rulebook.triggers() and rulebook.weapons() and rulebook.plover_overrides()
    assert rulebook.realis_cues()["aux"]["will"] == "future"
    assert numbers.values("cardinal")["twenty"] == 20


def test_a_good_row_in_the_copy_is_read(tables: Path) -> None:
    _append_row(tables / "numbers.tsv", word="umpteen", kind="indefinite", value="X")
    _append_row(tables / "realis.tsv", cue="zzcue", slot="aux", reason="modal")
    _load_every_table()
    assert "umpteen" in numbers.words("indefinite")
    assert rulebook.realis_cues()["aux"]["zzcue"] == "modal"


REMOTE = "Explosions/Remote violence"


def _case(
    name: str, good: dict[str, str], bad: dict[str, str], loader: Callable[[], Any], *named: str
) -> Any:
    """One bad-row case: the table, a good row, the bad row, its loader, what the error names."""
    cells = "-".join(f"{k}={v}" for k, v in bad.items())
    return pytest.param(name, good, bad, loader, named, id=f"{name}-{cells}")


BAD_ROWS = [
    # an unknown ACLED sub-type; a real one under the wrong ACLED type
    _case(
        "triggers",
        {"lemma": "zzbomb", "event_type": REMOTE, "sub_event_type": "Air/drone strike"},
        {"lemma": "zzbomb", "event_type": REMOTE, "sub_event_type": "Carpet strike"},
        rulebook.triggers, "triggers.tsv", "zzbomb", "Carpet strike",
    ),
    _case(
        "triggers",
        {"lemma": "zzbomb", "event_type": REMOTE, "sub_event_type": "Air/drone strike"},
        {"lemma": "zzbomb", "event_type": "Battles", "sub_event_type": "Air/drone strike"},
        rulebook.triggers, "triggers.tsv", "zzbomb", "Battles",
    ),
    _case(
        "weapons",
        {"rank": "99", "word": "zzray", "sub_event_type": "Grenade"},
        {"rank": "99", "word": "zzray", "sub_event_type": "Death ray"},
        rulebook.weapons, "weapons.tsv", "zzray", "Death ray",
    ),
    # an unknown PLOVER type
    _case(
        "plover",
        {"lemma": "zzport", "plover_type": "ASSAULT"},
        {"lemma": "zzport", "plover_type": "TELEPORT"},
        rulebook.plover_overrides, "plover.tsv", "zzport", "TELEPORT",
    ),
    # an unknown realis slot, an unknown realis reason
    _case(
        "realis",
        {"cue": "zzcue", "slot": "aux"},
        {"cue": "zzcue", "slot": "elsewhere"},
        rulebook.realis_cues, "realis.tsv", "zzcue", "elsewhere",
    ),
    _case(
        "realis",
        {"cue": "zzcue", "reason": "modal"},
        {"cue": "zzcue", "reason": "whimsy"},
        rulebook.realis_cues, "realis.tsv", "zzcue", "whimsy",
    ),
    # number words: an unknown kind; a value that is no number; X where a number is wanted and a
    # number where X is; a word read two ways; a decade or a scale that cannot be one; a word
    # the readers could not put into a regular expression as it is
    _case(
        "numbers",
        {"word": "umpteen", "kind": "indefinite", "value": "X"},
        {"word": "umpteen", "kind": "lots", "value": "X"},
        numbers.load, "numbers.tsv", "umpteen", "lots",
    ),
    _case(
        "numbers",
        {"word": "hundredfold", "kind": "cardinal", "value": "100"},
        {"word": "hundredfold", "kind": "cardinal", "value": "a hundred"},
        numbers.load, "numbers.tsv", "hundredfold", "a hundred",
    ),
    _case(
        "numbers",
        {"word": "hundredfold", "kind": "cardinal", "value": "100"},
        {"word": "hundredfold", "kind": "cardinal", "value": "X"},
        numbers.load, "numbers.tsv", "hundredfold", "'X'",
    ),
    _case(
        "numbers",
        {"word": "umpteen", "kind": "indefinite", "value": "X"},
        {"word": "umpteen", "kind": "indefinite", "value": "20"},
        numbers.load, "numbers.tsv", "umpteen", "'20'",
    ),
    _case(
        "numbers",
        {"word": "tenner", "kind": "cardinal", "value": "10"},
        {"word": "two", "kind": "cardinal", "value": "3"},
        numbers.load, "numbers.tsv", "'two'", "twice",
    ),
    _case(
        "numbers",
        {"word": "tens", "kind": "decade", "value": "10"},
        {"word": "tens", "kind": "decade", "value": "25"},
        numbers.load, "numbers.tsv", "tens", "25",
    ),
    _case(
        "numbers",
        {"word": "lakh", "kind": "scale", "value": "100000"},
        {"word": "lakh", "kind": "scale", "value": "150000"},
        numbers.load, "numbers.tsv", "lakh", "150000",
    ),
    _case(
        "numbers",
        {"word": "twenty one", "kind": "cardinal", "value": "21"},
        {"word": "twenty.one", "kind": "cardinal", "value": "21"},
        numbers.load, "numbers.tsv", "twenty.one",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "good", "bad", "loader", "named"), BAD_ROWS)
def test_bad_row_names_table_and_row(
    tables: Path,
    name: str,
    good: dict[str, str],
    bad: dict[str, str],
    loader: Callable[[], Any],
    named: tuple[str, ...],
) -> None:
    path = tables / f"{name}.tsv"
    original = path.read_text(encoding="utf-8")
    _append_row(path, **good)
    loader()  # the good row loads: the loader reads the copy and the row is well formed
    path.write_text(original, encoding="utf-8")
    _append_row(path, **bad)
    _clear_caches()
    with pytest.raises(RulebookError) as raised:
        loader()
    for word in named:
        assert word in str(raised.value), f"{word!r} not in: {raised.value}"


def test_row_with_too_few_columns_names_the_row(tables: Path) -> None:
    path = tables / "numbers.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "umpteen\tindefinite\n", encoding="utf-8")
    with pytest.raises(RulebookError, match=r"numbers\.tsv.*'umpteen', 'indefinite'"):
        numbers.load()


def test_missing_table_is_named(tables: Path) -> None:
    (tables / "numbers.tsv").unlink()
    with pytest.raises(RulebookError, match="'numbers'"):
        numbers.load()


def test_values_of_an_unknown_count_kind_is_an_error() -> None:
    with pytest.raises(RulebookError, match="indefinite"):
        numbers.values("indefinite")
