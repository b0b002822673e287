"""Every gold place of the seed reports (../shared/gold/seeds.yaml) is found and placed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from spacy.language import Language

from wirecoder.ingest import read_text
from wirecoder.parse import parse_articles
from wirecoder.places import Gazetteer, find_places
from wirecoder.places._geo import haversine_km
from wirecoder.records import PlaceMention

WITHIN_KM = 25.0


@pytest.fixture(scope="module")
def seed_places(shared_dir: Path, nlp: Language, gazetteer: Gazetteer) -> tuple[dict, list[PlaceMention]]:
    gold = yaml.safe_load((shared_dir / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    found: list[PlaceMention] = []
    for doc in gold["documents"]:
        path = shared_dir / "seeds" / doc["file"]
        art = read_text(path.read_text(encoding="utf-8"), path=doc["file"], published=doc["published"])
        parsed = next(parse_articles([art], nlp))
        found.extend(find_places(parsed, gazetteer))
    return gold["places"], found


def _ok(spec: dict, p: PlaceMention) -> bool:
    if spec["kind"] == "river":
        return p.feature == "STM"
    if p.lat is None or p.lon is None:
        return False
    return haversine_km(p.lat, p.lon, spec["lat"], spec["lon"]) <= WITHIN_KM


def test_every_gold_place_within_25_km(seed_places: tuple[dict, list[PlaceMention]]) -> None:
    gold, found = seed_places
    for name, spec in gold.items():
        mentions = [p for p in found if p.prov.text == name]
        assert mentions, f"{name} not recognised"
        wrong = [(p.name, p.feature, p.lat, p.lon) for p in mentions if not _ok(spec, p) and p.feature != "ADM1"]
        assert not wrong, f"{name}: {wrong}"


def test_seed_special_cases(seed_places: tuple[dict, list[PlaceMention]]) -> None:
    _, found = seed_places
    province = [p for p in found if p.prov.text == "Kherson province"]
    assert province and all(p.feature == "ADM1" and p.admin1 for p in province)
    rivers = {p.name for p in found if p.prov.text in ("Dnipro", "Dnieper River")}
    assert len(rivers) == 1  # Dnieper and Dnipro: one river
    kyiv_region = [p for p in found if p.prov.text == "Kyiv" and "region around" in p.prov.evidence]
    assert kyiv_region and kyiv_region[0].feature in ("ADM1", "PPLC")
    assert haversine_km(kyiv_region[0].lat or 0, kyiv_region[0].lon or 0, 50.4501, 30.5234) < 40
    turkey = [p for p in found if p.prov.text == "Turkey"]
    assert turkey and turkey[0].feature == "PCLI"
    snihurivka = [p for p in found if p.prov.text == "Snihurivka"]
    assert snihurivka and snihurivka[0].relative_to  # placed or confirmed by "55 km north of"
    airport = [p for p in found if p.prov.text == "Hostomel airport"]
    assert airport and airport[0].feature == "AIRP"
    assert any(p.prov.text == "Moscow" and p.role == "actor" for p in found)
