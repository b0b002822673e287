"""Contradictions between claims of one document (first real form, issue #3).

Two kinds, each with its reason:
- polarity: two speakers, one asserts and the other negates, denies or doubts, about a shared
  topic term ("withdrawing" / "not a real withdrawal"; "a trap" / "no indications that a trap").
- figures: one speaker gives a figure and another calls the figures lower or higher
  ("as many as 15,000" / "significantly lower casualty numbers").
Across documents, and with embeddings, this grows in the cross-source issue (#8).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from wirecoder.records import Claim, Contradiction, Quantity

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|none|neither|nor|without|deny|denies|denied)\b|n[’']t\b", re.I
)
_COMPARATIVE_FIGURES = re.compile(
    r"\b(?:lower|higher|fewer|smaller|larger|greater|inflated|exaggerated)\b.{0,40}?"
    r"\b(?:numbers?|figures?|casualt\w*|toll|estimates?|counts?|losses)\b",
    re.I,
)
# Words too common in war reporting to make two claims "about the same thing".
_STOP = {
    "about", "after", "again", "against", "also", "among", "around", "because", "been", "before",
    "being", "between", "both", "could", "does", "doing", "during", "each", "even", "from",
    "have", "having", "here", "into", "just", "like", "many", "more", "most", "much", "must",
    "only", "other", "over", "same", "should", "since", "some", "still", "such", "than", "that",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "under",
    "until", "very", "were", "what", "when", "where", "which", "while", "will", "with", "would",
    "your", "said", "says", "stated", "told", "believe", "indications", "indication", "real",
    "really", "actually", "already", "people", "russia", "russian", "russians", "ukraine",
    "ukrainian", "ukrainians", "forces", "troops", "military", "government", "officials",
    # verbs of intent and phase, and their adverbs: they frame a claim, they are not its topic
    "intend", "intends", "intended", "intentionally", "intention", "attempt", "attempting",
    "attempted", "begin", "began", "begun", "start", "started", "continue", "continued",
}
_SCOPE_END = re.compile(r"[,;:.!?]|\bbut\b|\band\b", re.I)
_STEM = 5  # crude prefix stem: "withdrawing"/"withdrawal" -> "withd"


def _terms(text: str) -> set[str]:
    """Stems of the content words. Capitalised words (names, places) are left out: two claims
    that merely name the same city are not about the same thing."""
    words = (w.strip("'’-") for w in _WORD.findall(text))
    return {
        w.lower()[:_STEM]
        for w in words
        if len(w) >= 4 and w.lower() not in _STOP and not w[:1].isupper()
    }


def _negated_terms(claim: Claim) -> set[str]:
    """Terms under negation: the whole content of a denial or doubt, else the words from each
    negation cue to the end of its clause ("not a real withdrawal" -> {withd})."""
    text = claim.content.text
    if claim.stance in ("deny", "doubt"):
        return _terms(text)
    out: set[str] = set()
    for m in _NEGATION.finditer(text):
        rest = text[m.end() :]
        end = _SCOPE_END.search(rest)
        out |= _terms(rest[: end.start()] if end else rest)
    return out


def _speaker(claim: Claim) -> str:
    return (claim.speaker.canonical if claim.speaker else "").lower()


def find_contradictions(
    doc_id: str, claims: Sequence[Claim], quantities: Sequence[Quantity]
) -> list[Contradiction]:
    """Pairs of claims in one document that disagree, each with what about and why."""
    figures_by_claim: dict[str, list[Quantity]] = {}
    for q in quantities:
        if q.claim_id:
            figures_by_claim.setdefault(q.claim_id, []).append(q)
    found: list[Contradiction] = []

    def add(a: Claim, b: Claim, about: str, reason: str) -> None:
        found.append(
            Contradiction(
                id=f"{doc_id[:12]}-x{len(found)}",
                doc_id=doc_id,
                claims=(a.id, b.id),
                about=about,
                reason=reason,
            )
        )

    # A figure against "lower/higher numbers": the nearest earlier claim with a figure.
    for y in claims:
        if not _COMPARATIVE_FIGURES.search(y.content.text):
            continue
        earlier = [
            x for x in claims
            if figures_by_claim.get(x.id) and x.prov.start < y.prov.start and _speaker(x) != _speaker(y)
        ]
        if earlier:
            x = earlier[-1]
            q = figures_by_claim[x.id][0]
            about = f"{q.of or q.unit or 'figure'}: {q.prov.text} vs {y.content.text}"
            add(x, y, about[:200], "conflicting figures")
    for a, b in combinations(claims, 2):
        if _speaker(a) and _speaker(a) == _speaker(b):
            continue
        if _COMPARATIVE_FIGURES.search(a.content.text) or _COMPARATIVE_FIGURES.search(b.content.text):
            continue
        neg_a, neg_b = _negated_terms(a), _negated_terms(b)
        if bool(neg_a) == bool(neg_b):
            continue
        pos, neg = (b, a) if neg_a else (a, b)
        shared = _terms(pos.content.text) & (neg_a or neg_b)
        if shared:
            add(
                pos,
                neg,
                f"{pos.content.text[:80]} vs {neg.content.text[:80]}",
                f"assertion vs {'denial' if neg.stance == 'deny' else 'negation'} "
                f"(shared: {', '.join(sorted(shared))})",
            )
    return found
