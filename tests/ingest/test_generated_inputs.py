"""Generated bad inputs (hypothesis): never an exception, one InputError per bad file naming it,
the good file beside them still read. WIRECODER_FUZZ_EXAMPLES sets the count (CI: 150; the
README's slow run: 10,000)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecoder.errors import InputError
from wirecoder.ingest import read_inputs
from wirecoder.records import Article

EXAMPLES = int(os.environ.get("WIRECODER_FUZZ_EXAMPLES", "150"))
GOOD = "Published: 2022-11-11\n\nRussian artillery shelled Kherson on Monday, the governor said.\n"

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(), st.integers(), st.lists(st.text(), max_size=2), st.none()),
        "title": _json_values, "url": _json_values, "outlet": _json_values,
        "published": st.one_of(st.text(max_size=20), st.integers(), st.none(), st.just("today")),
    },
)  # fmt: skip
_contents = st.one_of(
    st.binary(max_size=2000).map(lambda b: (".txt", b)),
    st.binary(max_size=200).map(lambda b: (".json", b)),
    st.text(max_size=500).map(lambda t: (".txt", t.encode("utf-8", "surrogatepass"))),
    _json_values.map(lambda v: (".json", json.dumps(v).encode())),
    _records.map(lambda r: (".json", json.dumps(r).encode())),
    st.lists(_records, max_size=3).map(lambda rs: (".jsonl", "\n".join(json.dumps(r) for r in rs).encode())),
    st.text(max_size=300).map(lambda t: (".html", f"<html><body><p>{t}</p></body></html>".encode("utf-8", "surrogatepass"))),
    st.tuples(st.sampled_from(["Date", "Published", "Title"]), st.text(max_size=40), st.text(max_size=200)).map(
        lambda h: (".txt", f"{h[0]}: {h[1]}\n\n{h[2]}".encode("utf-8", "surrogatepass"))
    ),
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_contents, min_size=1, max_size=4))
def test_generated_inputs_never_raise_and_the_good_file_is_read(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, (suffix, data) in enumerate(files):
            (folder / f"in{i}{suffix}").write_bytes(data)
        (folder / "zz_good.txt").write_text(GOOD)
        items = list(read_inputs([str(folder)]))
    assert all(isinstance(i, Article | InputError) for i in items)
    for item in items:
        if isinstance(item, InputError):
            assert item.path and str(item).startswith(item.path) and "\n" not in str(item)
        else:
            item.text.encode("utf-8")  # storable: no lone surrogates
            assert "\x00" not in item.text
            for value in (item.title, item.url, item.outlet):
                assert value is None or isinstance(value, str)
    good = [i for i in items if isinstance(i, Article) and i.path.endswith("zz_good.txt")]
    assert len(good) == 1 and good[0].published is not None
