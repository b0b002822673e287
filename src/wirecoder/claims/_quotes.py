"""Quotation spans over the document text.

Hand-written: spaCy has no quotation component, and textacy's direct_quotations needs a cue
verb in the same sentence and does not follow a quote across sentences. Wire style is regular
enough for a scanner: curly pairs, straight quotes toggling, and a paragraph break closing an
unclosed quote (a quote running on into the next paragraph reopens it with a fresh mark).
"""

from __future__ import annotations

OPEN_MARKS = frozenset({"\u201c", "\u00ab", "\u201e"})
CLOSE_MARKS = frozenset({"\u201d", "\u00bb"})
STRAIGHT = '"'
# Smallest quote that counts as a statement rather than a scare quote ("city of death").
MIN_STATEMENT_WORDS = 4
# Titles of shows, books and reports: every word capitalised but these, and short.
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "for", "with", "to", "at"}
)
_MAX_TITLE_WORDS = 12


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, marks included, in document order.

    Args:
        text: the document text.

    Returns:
        `(start, end)` pairs with `text[start] ` an opening mark and `text[end - 1]` the closing
        mark, or the last non-space character before the paragraph break for an unclosed quote.

    Example:
        >>> quote_spans('He said "no way" and left.')
        [(8, 16)]
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if text.startswith("''", i) or text.startswith("``", i):
            # Two apostrophes (or backticks) are a double quote in some wire and NYT copy.
            if start is None and (ch == "`" or _opens(text, i)):
                start = i
            elif start is not None:
                spans.append((start, i + 2))
                start = None
            i += 2
            continue
        if ch == "\n" and start is not None:
            end = i
            while end > start and text[end - 1].isspace():
                end -= 1
            spans.append((start, end))
            start = None
        elif start is None and (ch in OPEN_MARKS or (ch == STRAIGHT and _opens(text, i))):
            start = i
        elif start is not None and (ch in CLOSE_MARKS or ch == STRAIGHT):
            spans.append((start, i + 1))
            start = None
        i += 1
    if start is not None:
        end = n
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


def _opens(text: str, i: int) -> bool:
    """A straight quote opens when it is not glued to a preceding word character."""
    return i == 0 or not text[i - 1].isalnum()


def is_statement(text: str, span: tuple[int, int]) -> bool:
    """Whether a quotation is long enough to be a quoted statement, not a quoted phrase, and
    is not a title ("The Lead with Jake Tapper": most words capitalised)."""
    words = text[span[0] : span[1]].split()
    if len(words) < MIN_STATEMENT_WORDS:
        return False
    alpha = [w.strip("\"'\u201c\u201d\u2018\u2019,.!?") for w in words]
    alpha = [w for w in alpha if w[:1].isalpha()]
    capitalised = sum(1 for w in alpha if w[0].isupper() or w in _TITLE_SMALL_WORDS)
    return not (alpha and capitalised == len(alpha) and len(alpha) <= _MAX_TITLE_WORDS)


def enclosing_quote(
    spans: list[tuple[int, int]], start: int, end: int, *, slack: int = 3
) -> tuple[int, int] | None:
    """The quotation that holds `start:end` (allowing `slack` characters of marks/punctuation)."""
    for qs, qe in spans:
        if qs - slack <= start and end <= qe + slack and start < qe and end > qs:
            return qs, qe
    return None
