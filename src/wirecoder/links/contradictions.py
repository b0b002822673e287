"""Contradictions between claims of one document (first real form, issue #3).

Two kinds, each with its reason:
- polarity: two speakers, one asserts and the other negates, denies or doubts, about a shared
  topic term ("withdrawing" / "not a real withdrawal"; "a trap" / "no indications that a trap").
- figures: one speaker gives a figure and another calls the figures lower or higher
  ("as many as 15,000" / "significantly lower casualty numbers").
Across documents (`find_cross_contradictions`), the same polarity test runs on claims of
different documents published within a week of each other that also name the same place or
party, so that two articles' "withdrawal" are about one withdrawal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

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
# Stems that name one thing in war reporting, so that "no indications that a trap is being set"
# answers "mining everything from residences to sewers". Hand-written: a small domain thesaurus.
_CONCEPTS = {
    # setting traps: the act, not the mines already lying in fields ("littered with landmines")
    "trap": "trap-setting", "traps": "trap-setting", "minin": "trap-setting", "booby": "trap-setting",
    "withd": "withdrawal", "retre": "withdrawal", "pullo": "withdrawal",
    "casua": "casualties", "kille": "casualties", "death": "casualties", "losse": "casualties",
}
_SCOPE_END = re.compile(r"[,;:.!?]|\bbut\b|\band\b", re.I)
_STEM = 5  # crude prefix stem: "withdrawing"/"withdrawal" -> "withd"


def _terms(text: str) -> set[str]:
    """Stems of the content words, and the concepts they name. Capitalised words (names, places)
    are left out: two claims that merely name the same city are not about the same thing."""
    words = (w.strip("'’-") for w in _WORD.findall(text))
    stems = {
        w.lower()[:_STEM]
        for w in words
        if len(w) >= 4 and w.lower() not in _STOP and not w[:1].isupper()
    }
    return stems | {_CONCEPTS[s] for s in stems if s in _CONCEPTS}


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
    # A claim nested in another's content by another speaker ("X stated that Russia intended
    # to ...") speaks through the outer one; nested by the same speaker ("..., the governor
    # said, adding that ..."), it is the more precise of the two.
    def inside(c: Claim, o: Claim) -> bool:
        return o is not c and o.content.start <= c.content.start and c.content.end <= o.content.end and (
            (o.content.start, o.content.end) != (c.content.start, c.content.end)
        )

    outer = [
        c for c in claims
        if not any(inside(c, o) and _speaker(o) != _speaker(c) for o in claims)
        and not any(inside(i, c) and _speaker(i) == _speaker(c) for i in claims)
    ]  # fmt: skip
    negated = {c.id: _negated_terms(c) for c in outer}
    plain = [c for c in outer if not _COMPARATIVE_FIGURES.search(c.content.text)]
    asserted = [(c, _terms(c.content.text)) for c in plain if not negated[c.id]]
    for neg in (c for c in plain if negated[c.id]):
        scope = negated[neg.id]
        rivals = [
            (pos, terms & scope)
            for pos, terms in asserted
            if not (_speaker(pos) and _speaker(pos) == _speaker(neg))
        ]
        rivals = [(pos, shared) for pos, shared in rivals if shared]
        # A rebuttal answers what was said before it; a later claim is its rival only when
        # nothing earlier is.
        earlier = [r for r in rivals if r[0].prov.start < neg.prov.start]
        for pos, shared in earlier or rivals[:1]:
            add(
                pos,
                neg,
                f"{pos.content.text[:80]} vs {neg.content.text[:80]}",
                f"{'hedged assertion' if pos.hedged else 'assertion'} vs "
                f"{'denial' if neg.stance == 'deny' else 'negation'} "
                f"(shared: {', '.join(sorted(shared))})",
            )
    return found


_NAME = re.compile(r"\b[A-Z][a-z]{3,}(?:[-’'][A-Za-z]+)?\b")
_CROSS_DAYS = 7


def _names(text: str) -> set[str]:
    """Capitalised words after the first (places, parties, people) in a claim's content."""
    found = _NAME.findall(text)
    return {w.lower()[:_STEM] for w in found[1:] if w.lower() not in _STOP} | {
        w.lower()[:_STEM] for w in found[:1] if text[:1] != w[:1] and w.lower() not in _STOP
    }


def claim_from_row(row: dict) -> Claim:  # type: ignore[type-arg]
    """A claim read back from its JSONL contract row (as the store keeps it)."""
    from wirecoder.records import Provenance

    prov = Provenance(doc_id=row["doc_id"], sentence=row["sentence"], start=row["start"], end=row["end"],
                      text=row["text"], evidence=row["evidence"], stage=row.get("stage") or "claims")  # fmt: skip
    fields = {k: v for k, v in row.items() if k in Claim.model_fields and k != "prov"}
    return Claim(prov=prov, **fields)


def find_cross_contradictions(
    claims: Sequence[Claim], published: dict[str, dt.date | None]
) -> list[Contradiction]:
    """Pairs of claims from different documents that disagree: one asserts what the other
    negates or denies, about a shared term, naming the same place or party, published within a
    week of each other. `published` maps doc_id to the document's date."""
    found: list[Contradiction] = []
    # Each claim's terms, negated terms and names, worked out once (the pass below is pairwise).
    negated = {c.id: _negated_terms(c) for c in claims}
    terms = {c.id: _terms(c.content.text) for c in claims}
    names = {c.id: _names(c.content.text) for c in claims}
    by_day: dict[dt.date, list[Claim]] = {}
    for c in claims:  # blocked by publication day: no pass over all pairs
        when = published.get(c.prov.doc_id)
        if when is not None and not negated[c.id] and not _COMPARATIVE_FIGURES.search(c.content.text):
            by_day.setdefault(when, []).append(c)
    for neg in claims:
        day = published.get(neg.prov.doc_id)
        scope = negated[neg.id]
        if not scope or not names[neg.id] or day is None or _COMPARATIVE_FIGURES.search(neg.content.text):
            continue
        nearby = (c for k in range(-_CROSS_DAYS, _CROSS_DAYS + 1)
                  for c in by_day.get(day + dt.timedelta(days=k), ()))  # fmt: skip
        for pos in nearby:
            if pos.prov.doc_id == neg.prov.doc_id or (_speaker(pos) and _speaker(pos) == _speaker(neg)):
                continue
            shared = terms[pos.id] & scope
            if shared and names[pos.id] & names[neg.id]:
                kind = "denial" if neg.stance == "deny" else "negation"
                firm = "hedged assertion" if pos.hedged else "assertion"
                found.append(Contradiction(
                    id=f"{neg.id}-{pos.id}", doc_id=neg.prov.doc_id, claims=(pos.id, neg.id),
                    about=f"{pos.content.text[:80]} vs {neg.content.text[:80]}",
                    reason=f"{firm} vs {kind} across documents (shared: {', '.join(sorted(shared))})",
                ))  # fmt: skip
    return found
