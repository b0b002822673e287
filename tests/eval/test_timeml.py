"""TimeML reader and TempEval-3 scoring, on a tiny .tml written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.eval.timeml import GoldTimex, evaluate_timeml, read_tml, score_document
from wirecoder.parse import load_nlp

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wire_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-11-11" temporalFunction="false" functionInDocument="CREATION_TIME">20221111</TIMEX3></DCT>
<TEXT>
Ukrainian troops <EVENT eid="e1" class="OCCURRENCE">entered</EVENT> the city <SIGNAL sid="s1">on</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="2022-11-10" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Thursday</TIMEX3>, R&amp;D officials <EVENT eid="e2" class="REPORTING">said</EVENT>.
The withdrawal will take <TIMEX3 tid="t2" type="DURATION" value="P1W" mod="EQUAL_OR_MORE" temporalFunction="false" functionInDocument="NONE">at least one week</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus" / "Wire"
    corpus.mkdir(parents=True)
    path = corpus / "wire_0001.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_read_tml_offsets(tml: Path) -> None:
    doc = read_tml(tml)
    assert doc.dct is not None and doc.dct.isoformat() == "2022-11-11"
    assert "<" not in doc.text and "R&D officials" in doc.text
    assert [(g.text, g.type, g.value) for g in doc.timexes] == [
        ("Thursday", "DATE", "2022-11-10"),
        ("at least one week", "DURATION", "P1W"),
    ]
    for g in doc.timexes:
        assert doc.text[g.start : g.end] == g.text
    assert doc.timexes[1].mod == "EQUAL_OR_MORE"


def test_read_tml_rejects_non_timeml(tmp_path: Path) -> None:
    bad = tmp_path / "x.tml"
    bad.write_text("<TimeML></TimeML>", encoding="utf-8")
    with pytest.raises(ValueError, match="no <TEXT>"):
        read_tml(bad)


def test_score_document_counts() -> None:
    from wirecoder.records import Provenance, TimeExpression

    def sys(start: int, end: int, value: str, type_: str = "DATE") -> TimeExpression:
        prov = Provenance(
            doc_id="d", sentence=0, start=start, end=end, text="x", evidence="x", stage="timex"
        )
        return TimeExpression(
            prov=prov, value=value, type=type_, resolved=True, granularity="day"
        )

    gold = [
        GoldTimex(start=0, end=8, text="Thursday", type="DATE", value="2022-11-10"),
        GoldTimex(start=20, end=30, text="last March", type="DATE", value="2022-03"),
        GoldTimex(start=40, end=45, text="today", type="DATE", value="2022-11-11"),
    ]
    system = [sys(0, 8, "2022-11-10"), sys(25, 30, "2021-03"), sys(60, 65, "P1D", "DURATION")]
    scores, misses = score_document(gold, system, "d")
    assert (scores.strict_tp, scores.relaxed_tp_gold, scores.value_correct) == (1, 2, 1)
    assert scores.relaxed_p == pytest.approx(2 / 3)
    assert scores.relaxed_r == pytest.approx(2 / 3)
    assert scores.value_f1 == pytest.approx(1 / 3)
    assert sorted(m.kind for m in misses) == ["missed", "spurious", "value"]


def test_evaluate_timeml_end_to_end(tml: Path) -> None:
    report = evaluate_timeml([tml.parent.parent], nlp=load_nlp())
    assert set(report.corpora) == {"Wire"}
    total = report.total
    assert (total.documents, total.gold) == (1, 2)
    assert total.relaxed_r == 1.0
    assert total.value_correct == 2
    lines = report.lines()
    assert lines[0].startswith("corpus") and any(line.startswith("Wire") for line in lines)
    assert any("timex/parse" in line for line in lines)


def test_evaluate_timeml_missing_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        evaluate_timeml([tmp_path / "nope"], nlp=load_nlp())
