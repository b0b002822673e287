"""Text and name matching shared by the gold scorers: folding, content words, locating a quote."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "that", "was", "were", "is", "it", "its",
         "by", "for", "from", "with", "be", "has", "have", "had", "as", "at", "this", "there"}


def fold(s: str) -> str:
    """Lower case, ASCII, one space between words, one kind of apostrophe."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'")).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", s).strip()


def words(s: str) -> set[str]:
    """Content words (no function words), folded."""
    return {w for w in _WORD.findall(fold(s)) if w not in _STOP}


def find(text: str, needle: str) -> tuple[int, int] | None:
    """Where `needle` stands in `text`: exactly, case-insensitively, or by fuzzy alignment."""
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle)
    i = text.lower().find(needle.lower())
    if i >= 0:
        return i, i + len(needle)
    al = fuzz.partial_ratio_alignment(needle, text, score_cutoff=80)
    return (al.dest_start, al.dest_end) if al else None


def same_name(a: str, b: str) -> bool:
    """Two spellings of one person or organisation (surname, containment or fuzzy match)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb or fa in fb or fb in fa:
        return True
    last_a, last_b = fa.split()[-1], fb.split()[-1]
    if len(last_a) > 3 and (last_a == last_b or fuzz.ratio(last_a, last_b) >= 85):
        return True
    return fuzz.token_set_ratio(fa, fb) >= 85


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
