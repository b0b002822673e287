"""The gold scorer: several gold files, documents keyed by whole file name, every shown event
counted, recall over current incidents and over all, disagreements from a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.errors import GoldFileError
from wirecoder.eval.gold import doc_key, evaluate_gold

REPORT = (
    "Russian artillery shelled the town of Izium on Tuesday, the regional governor said.\n"
    "Since the invasion on 24 February, the town has changed hands twice.\n"
)
QUIET = "Ministers met in Brussels to discuss energy prices and the budget for next year.\n"


def _write(folder: Path) -> None:
    (folder / "20220913T090000Z_aa.txt").write_text(REPORT, encoding="utf-8")
    (folder / "20220913T090000Z_ab.txt").write_text(QUIET, encoding="utf-8")


def _gold(path: Path, file: str, events: str) -> Path:
    path.write_text(
        f"documents:\n  - {{file: {file}}}\n"
        "places:\n  Izium: {lat: 49.2128, lon: 37.2569, kind: town}\n"
        f"events:\n{events}",
        encoding="utf-8",
    )
    return path


def test_doc_key_takes_whole_names_stems_and_unambiguous_prefixes() -> None:
    files = ["20220913T090000Z_aa.txt", "20220913T090000Z_ab.txt", "000_x.txt"]
    assert doc_key("20220913T090000Z_ab.txt", files) == "20220913T090000Z_ab.txt"
    assert doc_key("20220913T090000Z_aa", files) == "20220913T090000Z_aa.txt"
    assert doc_key("000", files) == "000_x.txt"
    assert doc_key("2022", files) is None  # two files start so: no guess


def test_two_gold_files_score_together(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs)
    shelling = (
        "  - {id: a1, doc: 20220913T090000Z_aa.txt, acled: [Explosions/Remote violence, Shelling/artillery/missile attack],"
        " date: 2022-09-13, at: Izium, evidence: 'Russian artillery shelled the town of Izium'}\n"
    )
    background = (
        "  - {id: b1, doc: 20220913T090000Z_aa.txt, acled: [Battles, Armed clash], date: 2022-02-24,"
        " background: true, at: null, evidence: 'Since the invasion on 24 February'}\n"
    )
    a = _gold(tmp_path / "a.yaml", "20220913T090000Z_aa.txt", shelling)
    b = _gold(tmp_path / "b.yaml", "20220913T090000Z_aa.txt", background)
    quiet = tmp_path / "c.yaml"
    quiet.write_text("documents:\n  - {file: 20220913T090000Z_ab.txt}\n", encoding="utf-8")
    report = evaluate_gold([a, b, quiet], docs_dir=docs)
    every, current = report.scores["events"], report.scores["current events"]
    assert current.tp + current.fn == 1  # the background incident is not a current one
    assert every.tp + every.fn == 2
    assert current.fp == every.fp  # every shown event that matches no gold item is an error
    assert any("articles the gold records none for" in n for n in every.notes)
    assert set(report.documents) == {"20220913T090000Z_aa.txt", "20220913T090000Z_ab.txt"}
    text = "\n".join(report.lines())
    assert "20220913T090000Z_aa.txt" in text


def test_an_item_naming_an_unknown_document_is_an_error(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs)
    bad = _gold(
        tmp_path / "bad.yaml",
        "20220913T090000Z_aa.txt",
        "  - {id: x, doc: nowhere.txt, acled: [Battles, Armed clash], evidence: 'x'}\n",
    )
    with pytest.raises(GoldFileError, match=r"nowhere\.txt"):
        evaluate_gold([bad], docs_dir=docs)
