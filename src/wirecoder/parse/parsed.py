"""ParsedArticle: an Article with its spaCy Doc and sentences, and provenance helpers."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from wirecoder.records import Article, Provenance, Sentence, Span


@dataclass(frozen=True)
class ParsedArticle:
    """The article, its spaCy Doc and its sentences.

    The Doc was made from the article text with any header lines blanked to spaces (newlines
    kept), so a token's `idx` is already an offset into `article.text`: no shifting anywhere.
    Not a pydantic record because it holds the spaCy Doc; stages only read it.
    """

    article: Article
    doc: Doc
    sentences: tuple[Sentence, ...]
    _starts: tuple[int, ...] = field(repr=False, default=())

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding character offset `char` (the nearest one before it)."""
        starts = self._starts or tuple(s.start for s in self.sentences)
        i = bisect.bisect_right(starts, char) - 1
        return max(i, 0)

    def sentence_at(self, char: int) -> Sentence:
        return self.sentences[self.sentence_index(char)]

    def span(self, start: int, end: int) -> Span:
        """A Span over the document text, checked."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the document ({len(self.text)} chars)")
        return Span(text=self.text[start:end], start=start, end=end)

    def provenance(self, start: int, end: int, stage: str) -> Provenance:
        """Provenance for the text at `start:end`: its sentence, the sentence as evidence."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the document ({len(self.text)} chars)")
        sent = self.sentence_at(start)
        return Provenance(
            doc_id=self.doc_id,
            sentence=sent.index,
            start=start,
            end=end,
            text=self.text[start:end],
            evidence=sent.text,
            stage=stage,
        )

    def spacy_sentence(self, index: int) -> SpacySpan:
        """The spaCy span of sentence `index` (alignment by character offsets)."""
        sent = self.sentences[index]
        span = self.doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:  # pragma: no cover - expand mode always aligns inside the doc
            raise ValueError(f"sentence {index} does not align with the tokens")
        return span

    @classmethod
    def build(cls, article: Article, doc: Doc) -> ParsedArticle:
        sentences: list[Sentence] = []
        for sent in doc.sents:
            raw = sent.text
            stripped = raw.strip()
            if not stripped:
                continue
            start = sent.start_char + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            sentences.append(
                Sentence(index=len(sentences), start=start, end=end, text=article.text[start:end])
            )
        if not sentences and article.text.strip():
            body = article.text[article.body_start :]
            start = article.body_start + (len(body) - len(body.lstrip()))
            end = start + len(body.strip())
            sentences.append(Sentence(index=0, start=start, end=end, text=article.text[start:end]))
        return cls(
            article=article,
            doc=doc,
            sentences=tuple(sentences),
            _starts=tuple(s.start for s in sentences),
        )
