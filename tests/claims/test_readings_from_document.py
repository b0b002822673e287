"""Claim contents are read from the document's own parse, not parsed again (texts written for
the tests); a content that is not one constituent of its sentence is parsed on its own."""

from __future__ import annotations

from typing import Any

from wirecoder.claims import find_claims
from wirecoder.claims.readings import _content_from, read_claims


def _read(parse: Any, text: str) -> tuple[Any, list[Any]]:
    parsed = parse(text, "2023-02-02")
    return parsed, find_claims(parsed, [])


def _summary(reading: Any) -> list[tuple[str, bool, str]]:
    return [(p.concept, p.negated, p.mode) for p in reading.props]


def test_a_clause_is_read_from_the_document_parse(parse: Any) -> None:
    text = "The Russian defence ministry denied that its forces had shelled the market in Orikhiv."
    parsed, claims = _read(parse, text)
    (claim,) = claims
    content = _content_from(parsed.doc, claim)
    assert content is not None
    assert content.text == claim.content.text
    roots = [t for t in content if t.dep_ == "ROOT"]
    assert [t.text for t in roots] == ["shelled"]  # its head ("denied") is outside the content
    (from_doc,) = read_claims(claims, doc=parsed.doc)
    (alone,) = read_claims(claims)
    assert _summary(from_doc) == _summary(alone)
    assert ("shelling", True, "fact") in _summary(from_doc)  # denied: the shelling, negated


def test_the_claims_own_cue_inside_its_content_is_left_out(parse: Any) -> None:
    text = '"We will not withdraw," the governor said. "The troops stay in Kherson."'
    parsed, claims = _read(parse, text)
    inside = [c for c in claims if c.cue is not None and c.content.start <= c.cue.start < c.content.end]
    for claim in inside:
        content = _content_from(parsed.doc, claim)
        assert content is None or "said" not in [t.text for t in content]


def test_a_fragment_of_a_sentence_is_parsed_on_its_own(parse: Any) -> None:
    text = 'A spokesman called the United States "the one who started the crisis" on Tuesday.'
    parsed, claims = _read(parse, text)
    fragments = [c for c in claims if c.content.text.startswith("the United States")]
    assert fragments, [c.content.text for c in claims]
    assert _content_from(parsed.doc, fragments[0]) is None
    (reading,) = read_claims(fragments, doc=parsed.doc)
    assert reading.props  # read from its own parse
