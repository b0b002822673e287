"""A text over the model's max_length is parsed in pieces joined into one Doc: nothing is
refused, and every offset still points into the article."""

from __future__ import annotations

import pytest

from wirecoder.parse import spacy_parser
from wirecoder.parse.spacy_parser import parse_articles, pieces
from wirecoder.pipeline import Pipeline
from wirecoder.records import Article


@pytest.mark.parametrize("text", ["a\nb\nc\n" * 50, "word " * 300, "x" * 1000, "short"])
def test_pieces_join_back_into_the_text(text: str) -> None:
    parts = pieces(text, 64)
    assert "".join(parts) == text
    assert all(len(p) <= 64 for p in parts)


def test_a_long_text_is_parsed_in_pieces_with_offsets_kept(
    pipeline: Pipeline, article, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = pipeline.resources.nlp
    monkeypatch.setattr(nlp, "max_length", 3000)
    monkeypatch.setattr(spacy_parser, "PIECE_CHARS", 1000)
    towns = ["Kherson", "Mykolaiv", "Izium", "Bakhmut", "Orikhiv", "Kupiansk"] * 8
    body = "".join(f"Russian artillery shelled {t} on Monday, the governor said.\n" for t in towns)
    art: Article = article("Published: 2022-11-11\n\n" + body)
    assert len(art.text) > 3000
    short: Article = article("Published: 2022-11-11\n\nDrones struck Odesa overnight, officials said.\n")
    parsed = list(parse_articles([short, art, short], nlp, batch_size=2))
    assert [p.article.doc_id for p in parsed] == [short.doc_id, art.doc_id, short.doc_id]
    long_one = parsed[1]
    assert long_one.doc.text.endswith(body) and len(long_one.doc.text) == len(art.text)
    for s in long_one.sentences:
        assert art.text[s.start : s.end] == s.text
    result = pipeline.run_stages(long_one)
    names = [p.prov.text for p in result.places]
    assert names.count("Kherson") == 8 and names.count("Bakhmut") == 8
    for p in result.places:
        assert art.text[p.prov.start : p.prov.end] == p.prov.text
