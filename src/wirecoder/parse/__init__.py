"""NLP parse with spaCy: sentences, tokens, dependencies, with offsets into the document text."""

from wirecoder.parse.parsed import ParsedArticle
from wirecoder.parse.spacy_parser import MODEL_NAME, load_nlp, parse_articles

__all__ = ["MODEL_NAME", "ParsedArticle", "load_nlp", "parse_articles"]
