"""Quantities stage: counts and measures with unit, bound, range, vague words and conversions.

Public: `find_quantities(parsed, claims)`. Numbers come from the spaCy tokens (like_num, the
CARDINAL/QUANTITY/MONEY/PERCENT entities); dates, times and ordinals are left out. What is
counted comes from the dependency parse (the noun a number modifies); bound words, vague
counts and conversions ("170,000 square kilometers (66,000 square miles)") are hand-written
rules, because no offline package reads them from news prose (quantulum3 reads units and
values, not bounds or the counted noun; it is our fallback for both).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirecoder.parse import ParsedArticle
from wirecoder.quantities._numbers import SCALE_WORDS, VAGUE, bound_before, parse_number
from wirecoder.quantities._units import PEOPLE_VERBS, count_unit, measure_unit
from wirecoder.records import Claim, Quantity

__all__ = ["STAGE", "find_quantities"]

STAGE = "quantities"
log = logging.getLogger(__name__)

_SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
# Vague counts of several words ("tens of thousands"), longest first.
_VAGUE_PHRASES = tuple(sorted((p.split() for p in VAGUE if " " in p), key=len, reverse=True))
_RANGE_LINKS = frozenset({"to", "-", "\u2013", "and", "or"})
_AGE = re.compile(r"(\d{1,3})-year-old")
_CURRENCY = {"$": "USD", "\u20ac": "EUR", "\u00a3": "GBP"}


@dataclass
class _Group:
    start: int  # token indices [start, end)
    end: int
    value: float
    vague: str | None = None


def find_quantities(parsed: ParsedArticle, claims: Sequence[Claim]) -> list[Quantity]:
    """Quantities in a parsed article.

    Args:
        parsed: the parsed article.
        claims: the article's claims; a quantity inside a claim's content gets its `claim_id`.

    Returns:
        Quantities in text order. `value` is None only for vague counts that have no
        conventional floor; a range has `value` and `value_max`; a conversion is one quantity
        whose `also` holds the converted half.

    Example:
        >>> [q.value for q in find_quantities(parsed, claims)]  # doctest: +SKIP
        [40000.0, 170000.0]
    """
    doc = parsed.doc
    out: list[Quantity] = []
    consumed: set[int] = set()
    for group in _groups(doc):
        if group.start in consumed:
            continue
        q = _quantity(parsed, doc, group, claims, consumed)
        if q is not None:
            out.append(q)
    out.extend(_ages(parsed, claims))
    out.sort(key=lambda q: q.prov.start)
    return out


def _is_num(tok: Token) -> bool:
    if tok.ent_type_ in _SKIP_ENTS:
        return False
    return tok.like_num or (tok.lower_ in SCALE_WORDS and tok.i > 0 and tok.nbor(-1).like_num)


def _groups(doc: Doc) -> list[_Group]:
    groups: list[_Group] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        low = tok.lower_
        if phrase := _vague_phrase_at(doc, i):  # "tens of thousands"
            groups.append(_Group(i, i + len(phrase.split()), VAGUE[phrase], vague=phrase))
            i += len(phrase.split())
            continue
        if low in VAGUE and tok.pos_ in ("NOUN", "NUM") and tok.ent_type_ not in ("DATE", "TIME"):
            groups.append(_Group(i, i + 1, VAGUE[low], vague=low))
            i += 1
            continue
        if _is_num(tok) and not _is_year(tok):
            j = i + 1
            while (
                j < n and (_is_num(doc[j]) or doc[j].lower_ in SCALE_WORDS) and not _is_year(doc[j])
            ):
                j += 1
            value = parse_number([t.text for t in doc[i:j]])
            if value is not None:
                groups.append(_Group(i, j, value))
            i = j
            continue
        i += 1
    return groups


def _vague_phrase_at(doc: Doc, i: int) -> str | None:
    """The vague count of several words starting at token `i`, if any."""
    for words in _VAGUE_PHRASES:
        if doc[i].lower_ == words[0] and [t.lower_ for t in doc[i : i + len(words)]] == words:
            return " ".join(words)
    return None


def _is_year(tok: Token) -> bool:
    return tok.shape_ == "dddd" and 1800 <= int(tok.text) <= 2100 and tok.ent_type_ != "QUANTITY"


def _quantity(
    parsed: ParsedArticle, doc: Doc, group: _Group, claims: Sequence[Claim], consumed: set[int]
) -> Quantity | None:
    text = parsed.text
    first, last = doc[group.start], doc[group.end - 1]
    start = first.idx
    end = last.idx + len(last)
    value, value_max = group.value, None
    end_tok = group.end
    # Ranges: "between 200 and 300", "2,000-3,000", "10 to 15".
    if group.vague is None and end_tok + 1 < len(doc) and doc[end_tok].text in _RANGE_LINKS:
        nxt = doc[end_tok + 1]
        if _is_num(nxt) and not _is_year(nxt):
            k = end_tok + 1
            while k < len(doc) and (_is_num(doc[k]) or doc[k].lower_ in SCALE_WORDS):
                k += 1
            other = parse_number([t.text for t in doc[end_tok + 1 : k]])
            between = text[max(0, start - 9) : start].lower().rstrip().endswith("between")
            if other is not None and other > value and (doc[end_tok].text != "and" or between):
                value_max = other
                consumed.add(end_tok + 1)
                end_tok = k
                end = doc[k - 1].idx + len(doc[k - 1])
    sent = parsed.sentence_at(start)
    bound = "exact"
    found = bound_before(text[sent.start : start])
    if found is not None and value_max is None:
        bound, length = found
        start = len(text[:start].rstrip()) - length
    if group.vague is not None:
        bound = "at_least" if bound == "exact" else bound
    unit, of, end, also = _unit_and_object(doc, group, end_tok, end, consumed)
    if first.i > 0 and doc[first.i - 1].text in _CURRENCY:
        unit = _CURRENCY[doc[first.i - 1].text]
        start = min(start, doc[first.i - 1].idx)
    if unit is None and of is None and group.vague is None:
        return None  # a bare number ("one of four") says nothing countable
    prov = parsed.provenance(start, end, stage=STAGE)
    claim_id = next((c.id for c in claims if c.content.start <= first.idx < c.content.end), None)
    return Quantity(
        prov=prov,
        value=value,
        value_max=value_max,
        unit=unit,
        bound=bound,  # type: ignore[arg-type]
        vague=group.vague,
        of=of,
        also=also,
        claim_id=claim_id,
    )


def _unit_and_object(
    doc: Doc, group: _Group, end_tok: int, end: int, consumed: set[int]
) -> tuple[str | None, str | None, int, str | None]:
    """(unit, what is counted, end character, converted other half)."""
    last = doc[end_tok - 1]
    # Measurement: the words right after the number ("square kilometers", "km", "percent").
    for width in (2, 1):
        if end_tok + width <= len(doc):
            words = doc[end_tok : end_tok + width]
            if any(t.is_punct for t in words):
                continue
            unit = measure_unit(words.text) if group.vague is None else None
            if unit is not None:
                end = words[-1].idx + len(words[-1])
                also, end, after = _conversion(doc, end_tok + width, end, consumed)
                return unit, _of_phrase(doc, after), end, also
    # Vague noun: "dozens of communities".
    if group.vague is not None:
        k = end_tok
        if k + 1 < len(doc) and doc[k].lower_ == "of":
            noun = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
            if noun is not None:
                phrase, pend = _noun_phrase(noun)
                unit = count_unit(noun.lemma_, _conj_text(noun), noun.ent_type_ == "NORP")
                return unit, phrase, pend, None
        return (*_people_by_verb(doc[group.start]), end, None)
    # Count: the noun the number modifies ("41 communities", "15,000 Russian troops").
    first = doc[group.start]
    # In a range the second number hangs off the first ("300 and 400 civilians": conj).
    anchor = last if last.dep_ != "conj" else first
    head = anchor.head if anchor.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head.i >= end_tok:
        phrase, pend = _noun_phrase(head, skip_to=end_tok)
        counted = _conj_text(head)
        return count_unit(head.lemma_, counted, head.ent_type_ == "NORP"), phrase, pend, None
    return (*_people_by_verb(anchor), end, None)


def _people_by_verb(tok: Token) -> tuple[str | None, str | None]:
    """A bare number that a killing or displacing verb acts on counts people: "killing
    thousands", "displacing millions", "12 were wounded". Returns (unit, what is counted)."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj") and head.lemma_ in PEOPLE_VERBS:
        return "people", head.text
    return None, None


def _conversion(doc: Doc, k: int, end: int, consumed: set[int]) -> tuple[str | None, int, int]:
    """ "(66,000 square miles)" right after a measure: the other half of the same quantity.
    Returns the other half, the end character and the token index after it."""
    if k + 2 < len(doc) and doc[k].text == "(" and _is_num(doc[k + 1]):
        close = next((t.i for t in doc[k + 1 : k + 8] if t.text == ")"), None)
        if close is not None:
            inner = doc[k + 1 : close]
            consumed.add(k + 1)
            return inner.text, doc[close].idx + 1, close + 1
    return None, end, k


def _of_phrase(doc: Doc, k: int) -> str | None:
    """ "170,000 square kilometers of farmland": the "of" phrase after a measure."""
    if k + 1 < len(doc) and doc[k].lower_ == "of":
        noun = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
        if noun is not None:
            return _noun_phrase(noun)[0]
    return None


def _shared_conjuncts(head: Token) -> list[Token]:
    """Conjuncts counted by the same number ("30 towns and villages"), not ones with their
    own number ("14 tanks and 30 vehicles")."""
    return [
        c
        for c in head.children
        if c.dep_ == "conj"
        and c.pos_ in ("NOUN", "PROPN")
        and not any(g.like_num for g in c.subtree)
    ]


def _conj_text(head: Token) -> str:
    conj = _shared_conjuncts(head)
    if conj:
        return head.doc[head.i : conj[-1].i + 1].text
    return head.text


def _noun_phrase(head: Token, skip_to: int | None = None) -> tuple[str, int]:
    """The counted noun with its left modifiers and conjuncts: "Russian troops", "towns and
    villages". Returns the phrase and its end character."""
    doc = head.doc
    lo = head.i
    for c in head.lefts:
        if c.dep_ in ("amod", "compound", "nmod") and not c.like_num:
            lo = min(lo, c.left_edge.i)
    if skip_to is not None:
        lo = max(lo, skip_to)
    hi = head.i + 1
    conj = _shared_conjuncts(head)
    if conj:
        hi = conj[-1].i + 1
    span = doc[lo:hi]
    return span.text, span.end_char


def _ages(parsed: ParsedArticle, claims: Sequence[Claim]) -> list[Quantity]:
    """ "63-year-old": an age, unit years."""
    out = []
    for m in _AGE.finditer(parsed.text):
        out.append(
            Quantity(
                prov=parsed.provenance(m.start(), m.end(), stage=STAGE),
                value=float(m.group(1)),
                unit="years",
                of="age",
                claim_id=next(
                    (c.id for c in claims if c.content.start <= m.start() < c.content.end), None
                ),
            )
        )
    return out
