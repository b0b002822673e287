"""The seeds gold `dates:` section (../shared/gold/seeds.yaml), read at run time."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from wirecoder.timex import find_time_expressions

pytestmark = pytest.mark.shared

HEADER = re.compile(r"^\s*date\s+\d{4}-\d\d-\d\d\s")


def _gold(shared: Path) -> dict[str, Any]:
    gold = shared / "gold" / "seeds.yaml"
    if not gold.is_file():
        pytest.skip(f"{gold} is absent")
    return yaml.safe_load(gold.read_text(encoding="utf-8"))


def test_seed_dates(shared_dir: Path, parse: Any) -> None:
    gold = _gold(shared_dir)
    files = {d["file"][:3]: d for d in gold["documents"]}
    checked = 0
    for prefix, expressions in gold["dates"].items():
        doc = files[prefix]
        text = (shared_dir / "seeds" / doc["file"]).read_text(encoding="utf-8")
        header = HEADER.match(text)
        published = doc["published"]
        published = published.isoformat() if isinstance(published, dt.date) else str(published)
        parsed = parse(text, published, body_start=header.end() if header else 0)
        times = find_time_expressions(parsed)
        for phrase, value in expressions.items():
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
            starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
            assert starts, f"{phrase!r} is not in {doc['file']}"
            for start in starts:
                end = start + len(phrase)
                hits = [t for t in times if t.prov.start < end and start < t.prov.end]
                assert hits, f"{doc['file']}: {phrase!r} at {start} not found"
                # Gold gives days; "Thursday night" is the day with a part-of-day suffix.
                assert any(t.value.startswith(value) for t in hits), (
                    phrase,
                    value,
                    [(t.prov.text, t.value) for t in hits],
                )
                checked += 1
    assert checked >= 17


def test_seed_000_without_date_stays_unresolved(shared_dir: Path, parse: Any) -> None:
    gold = _gold(shared_dir)
    name = next(d["file"] for d in gold["documents"] if d["file"].startswith("000"))
    text = (shared_dir / "seeds" / name).read_text(encoding="utf-8")
    times = find_time_expressions(parse(text, None))
    weekdays = [t for t in times if "Thursday" in t.prov.text or "Wednesday" in t.prov.text]
    assert weekdays
    assert all(not t.resolved and t.reason and "XXXX" in t.value for t in weekdays)
