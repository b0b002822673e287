"""Geoparsing eval: reading the LGL / TR-News XML format and scoring, on a file written here and,
when ../shared is present, on a slice of the dev data."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from wirecoder.errors import GoldFileError
from wirecoder.eval.geo import evaluate_geo, is_demonym, read_geo_xml
from wirecoder.parse import load_nlp
from wirecoder.places import Gazetteer, open_gazetteer

TEXT = "Police in Springfield, Illinois, said the Americans left for Paris."


def _at(word: str) -> str:
    start = TEXT.index(word)
    return f"<start>{start}</start><end>{start + len(word)}</end><phrase>{word}</phrase>"

XML = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym>{_at("Springfield")}
        <gaztag geonameid="4250542"><lat>39.80172</lat><lon>-89.64371</lon></gaztag></toponym>
      <toponym>{_at("Illinois")}
        <gaztag geonameid="4896861"><lat>40.00032</lat><lon>-89.25037</lon></gaztag></toponym>
      <toponym>{_at("Americans")}</toponym>
      <toponym>{_at("Paris")}
        <gaztag geonameid="4717560"><lat>33.66094</lat><lon>-95.55551</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return open_gazetteer()


def test_read_geo_xml(tmp_path: Path) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(XML, encoding="utf-8")
    (article,) = read_geo_xml(path)
    assert [article.text[t.start : t.end] for t in article.toponyms] == [
        "Springfield", "Illinois", "Americans", "Paris",
    ]  # fmt: skip
    assert article.toponyms[2].lat is None and article.toponyms[0].geonames_id == 4250542


def test_read_geo_xml_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"bad\.xml"):
        read_geo_xml(path)


def test_evaluate_geo_tiny(tmp_path: Path, nlp: Language, gazetteer: Gazetteer) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(XML, encoding="utf-8")
    report = evaluate_geo([path], gazetteer=gazetteer, nlp=nlp)
    # Springfield and Illinois are found and placed; the demonym is not tagged; Paris (France or
    # Texas: the text does not say) is found.
    assert report.gold_toponyms == 4 and report.gold_demonyms == 1
    assert report.matched == 3 and report.recall == 0.75 and report.recall_without_demonyms == 1.0
    assert report.scored == 3 and report.accuracy_161km >= 2 / 3
    assert any("accuracy@161km" in line for line in report.lines())


@pytest.mark.shared
def test_evaluate_geo_dev_slice(shared_dir: Path, nlp: Language, gazetteer: Gazetteer) -> None:
    # A slice keeps the default run short; the full figures come from `wirecoder eval --geo`.
    paths = [shared_dir / "dev" / "geo" / "lgl.xml", shared_dir / "dev" / "geo" / "TR-News.xml"]
    report = evaluate_geo(paths, gazetteer=gazetteer, nlp=nlp, limit=40)
    assert report.articles == 80
    assert report.recall > 0.65 and report.precision > 0.7
    assert report.accuracy_161km > 0.75


def test_drifted_gold_offsets_are_realigned(tmp_path: Path) -> None:
    # The file's offsets point two characters early (as in some TR-News articles): the span is
    # moved onto the phrase, and the move is counted.
    start = TEXT.index("Paris") - 2
    xml = XML.replace(_at("Paris"), f"<start>{start}</start><end>{start + 5}</end><phrase>Paris</phrase>")
    path = tmp_path / "drift.xml"
    path.write_text(xml, encoding="utf-8")
    paris = read_geo_xml(path)[0].toponyms[3]
    assert TEXT[paris.start : paris.end] == "Paris" and paris.realigned


def test_demonyms_beyond_the_country_list(gazetteer: Gazetteer) -> None:
    assert is_demonym("Americans", gazetteer) and is_demonym("South Ossetian", gazetteer)
    assert not is_demonym("Springfield", gazetteer) and not is_demonym("Milan", gazetteer)


def test_report_per_file(tmp_path: Path, nlp: Language, gazetteer: Gazetteer) -> None:
    for name in ("a.xml", "b.xml"):
        (tmp_path / name).write_text(XML, encoding="utf-8")
    report = evaluate_geo([tmp_path / "a.xml", tmp_path / "b.xml"], gazetteer=gazetteer, nlp=nlp)
    assert [r.files for r in report.per_file] == [["a.xml"], ["b.xml"]]
    assert report.gold_toponyms == 8 and report.per_file[0].gold_toponyms == 4
    text = "\n".join(report.lines())
    assert "a.xml" in text and "b.xml" in text and text.count("mean error") == 3
