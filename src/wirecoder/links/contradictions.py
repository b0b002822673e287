"""Disagreements between claims: the same proposition with opposite polarity or incompatible
values, said by two different sources (issue #3).

Each claim's content is parsed and read as propositions (claims/readings.py, propositions.py):
a predicate ("invasion" and "attack" are one act of a small war thesaurus), its agent, theme and
the names around it, its polarity and its mode. Two claims disagree when
- polarity: one asserts and the other negates, denies or calls false the same act about the
  same participants ("Russia is withdrawing from Kherson" / "this is not a real withdrawal");
  a demand only answers a demand, and a possibility, question, condition or somebody else's
  report inside a content is no assertion at all;
- values: both assert one act with incompatible values: the cause of one incident ("an act of
  sabotage" / "caused by ballistic missiles"), its manner ("by force" / "peacefully"), who
  started the war, or who did an act to one named target (each side naming the other);
- rebuttal: "It's not true" answers the claim told just before it, and a denial that only
  points back ("denied these accusations", "dismissed Truss's comments") the claim it names;
- figures: one source gives a figure and another calls such figures lower or higher;
- harm: civilians reported killed or wounded against a denial of targeting civilians.
Sharing a word is not enough: the claims must share an act and a participant (a name, or a noun
more specific than "troops"), and must not name different agents, themes or places. One speaker
under two names ("Zelensky" / "the Ukrainian president") is one source and never disagrees with
itself (`same_source`). When unsure, no pair is reported.

Across documents (`find_cross_contradictions`) the polarity and doer tests run on claims of
documents published within a week of each other that share a place or person name, not only a
party, and that come from different parties.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.claims import _senses as sense
from wirecoder.claims.propositions import Participant, Proposition
from wirecoder.claims.readings import ClaimReading, read_claims, same_source
from wirecoder.records import Claim, Contradiction, Quantity
from wirecoder.rulebook import word_classes

__all__ = ["claim_from_row", "find_contradictions", "find_cross_contradictions"]

_COMPARATIVE_FIGURES = re.compile(
    r"\b(?:lower|higher|fewer|smaller|larger|greater|inflated|exaggerated)\b.{0,40}?"
    r"\b(?:numbers?|figures?|casualt\w*|toll|estimates?|counts?|losses)\b",
    re.IGNORECASE,
)
# What a comparative's noun and a figure's unit must share to be about one count.
_FIGURE_KINDS = {
    "casualties": re.compile(
        r"casualt|kill|dead|death|loss|toll|fatalit|wounded|injur", re.IGNORECASE
    ),
}
# "It's not true." opening a content answers what was said just before it.
_REBUTTAL = re.compile(
    r"(?:^|(?<=[.!?]))[\W]*(?:(?:it|this|that|these|those|all this|everything)\s*(?:'s|’s|\s+is|\s+was|\s+are)\s+"
    r"(?:simply\s+|absolutely\s+|just\s+|completely\s+)?(?:not\s+true|untrue|false|a\s+lie|lies|"
    r"nonsense|a\s+fake|fake|fakes|absurd|rubbish|fiction)|not\s+true|nonsense|lies)\b",
    re.IGNORECASE,
)
_REBUTTAL_REACH = 300  # characters between the claim rebutted and "It's not true"
_NEAR = 600  # an anaphoric "this is not a withdrawal" answers a claim at most this far before it
_COMPARABLE_MODES = frozenset({"fact", "intent"})
_PARTY_KEYS = frozenset(sense.PARTIES.values())


# --- two propositions ---------------------------------------------------------------------


def _conflict(
    p: Participant | None, q: Participant | None, p_all: frozenset[str], q_all: frozenset[str]
) -> bool:
    """Two participants in one role that are plainly different ("Russia" / "Ukraine")."""
    if p is None or q is None or p.wildcard or q.wildcard:
        return False
    generic = sense.GENERIC_NOUNS | sense.PLACE_DESCRIPTIONS
    if p.head and q.head and p.head != q.head and not {p.head, q.head} & generic:
        return True  # "targeting Gaddafi" / "targeting Gaddafi's war machine"
    if not p.keys or not q.keys or p.keys & q.keys:
        return False
    return not (p.names & q_all or q.names & p_all)


def _same_matter(p: Proposition, q: Proposition, *, near: bool, cross: bool) -> bool:
    """Same predicate about the same participants: a shared name or specific noun, and no
    role filled by two different participants. `near`: q's claim follows p's closely, so an
    anaphoric q ("this is not a real withdrawal") may be about p."""
    if p.concept != q.concept:
        return False
    pk, qk = p.keys, q.keys
    if _conflict(p.agent, q.agent, pk, qk) or _conflict(p.theme, q.theme, pk, qk):
        return False
    if (
        p.scene
        and q.scene
        and not (p.scene & q.scene or p.scene & _specific(q.theme) or q.scene & _specific(p.theme))
    ):
        return False  # sending troops to Eastern Europe, not sending them to Ukraine
    if cross:  # across documents, a shared place or person name: two articles' "withdrawal"
        return bool(p.names & q.names - _PARTY_KEYS)  # are one withdrawal only if both say where
    if near and (q.anaphoric or q.echo):
        return True  # "this is not a withdrawal"; "rejected the accusation that he ..."
    themes = _specific(p.theme) & _specific(q.theme)
    if themes or p.scene & q.scene:
        return True
    # a name where the act happens or what it is done to, in whichever slot ("an attack against
    # a neighbouring country from the territory of Belarus" / "no invasion ... from Belarus")
    if (_names_in(p.theme) | p.scene) & (_names_in(q.theme) | q.scene):
        return True
    # The same agent is enough only for a bare predicate ("Moscow will not attack anyone").
    agents = _specific(p.agent) & _specific(q.agent)
    bare = (p.theme is None or p.theme.wildcard or q.theme is None or q.theme.wildcard) and not (
        p.scene and q.scene
    )
    return bool(agents) and bare


def _names_in(p: Participant | None) -> frozenset[str]:
    return p.names if p is not None else frozenset()


def _specific(p: Participant | None) -> frozenset[str]:
    return p.specific if p is not None and not p.wildcard else frozenset()


# Harm to civilians reported against a denial of targeting them ("three civilians were wounded"
# / "Moscow denied targeting civilian areas"): one act told by its result and by its aim.
_HARM = frozenset({"injury", "killing"})
_TARGETING = frozenset({"attack", "shelling"})
_CIVILIAN_WORDS = word_classes()["civilian_noun"]  # the rulebook's people who are not combatants


def _harm_denied(harm: Proposition, denial: Proposition) -> str | None:
    if harm.concept not in _HARM or harm.negated or harm.mode != "fact":
        return None
    if harm.theme is None or not harm.theme.keys & _CIVILIAN_WORDS:
        return None
    if denial.concept not in _TARGETING or not denial.negated or denial.mode not in _COMPARABLE_MODES:
        return None
    if not any(w in denial.text.lower() for w in ("civilian", "residential", "people", "homes")):
        return None
    return f"civilians harmed ({harm.lemma}) vs denial of targeting civilians ({denial.lemma})"


def _clash(p: Proposition, q: Proposition, *, near: bool, cross: bool = False) -> str | None:
    """Why two propositions disagree, or None."""
    if p.concept == q.concept == "blame" and not cross:
        return _blame(p, q)
    if not cross and (harm := _harm_denied(p, q) or _harm_denied(q, p)):
        return harm
    if p.cause and q.cause and p.concept == q.concept and not cross:
        return _causes(p, q)
    if p.concept == q.concept and p.concept in _ATTRIBUTABLE:
        who = _who_did_it(p, q, cross=cross)
        if who:
            return who
    if not _same_matter(p, q, near=near, cross=cross):
        return None
    if p.negated != q.negated:
        # Only the thesaurus's acts: on any other verb ("release", "describe", "implement")
        # opposite polarity was, in every case read on the dev articles, two different matters;
        # unless one side repeats the other's report to reject it ("rejected the accusation
        # that he was fighting a proxy war").
        if not p.listed and not (p.echo or q.echo):
            return None
        modes = {p.mode, q.mode}
        if not (modes <= _COMPARABLE_MODES or modes == {"deontic"}):
            return None
        pos, neg = (q, p) if p.negated else (p, q)
        if _specific(neg.agent) and pos.agent is None:
            return None  # "he did not kill her" denies who did it, not "her death"
        return f"{pos.lemma} vs not {neg.lemma}"
    if p.negated or q.negated:
        return None
    if (
        p.manner
        and q.manner
        and p.manner != q.manner
        and {p.mode, q.mode} <= _COMPARABLE_MODES | {"possible"}
    ):
        return f"{p.lemma} {p.manner} vs {q.manner}"
    return None


_UNSAID_MODES = frozenset({"question", "condition", "reported", "deontic"})


def _causes(p: Proposition, q: Proposition) -> str | None:
    """One incident of a document, two causes ("sabotage" / "caused by missiles"): the
    incident is the same when both name it with one word and no different places."""
    if p.cause == q.cause or p.negated or q.negated or {p.mode, q.mode} & _UNSAID_MODES:
        return None
    if p.scene and q.scene and not p.scene & q.scene:
        return None
    return f"cause of the {p.lemma}: {p.cause} vs {q.cause}"


# Acts whose doer the sides dispute ("Kyiv accused Moscow of shelling the plant; Moscow
# accused Kyiv"): two parties named as the doer of one act on one target disagree.
_ATTRIBUTABLE = frozenset(
    {"shelling", "attack", "destruction", "killing", "theft", "weapon-use", "damage", "explosion"}
)


def _who_did_it(p: Proposition, q: Proposition, *, cross: bool) -> str | None:
    """One act on one named target (not a party: "the Zaporizhzhia plant", "the Kakhovka dam"),
    asserted by both, each with another party as its doer."""
    if (
        p.negated
        or q.negated
        or not {p.mode, q.mode} <= _COMPARABLE_MODES
        or p.agent is None
        or q.agent is None
    ):
        return None
    a, b = p.agent.names & _PARTY_KEYS, q.agent.names & _PARTY_KEYS
    if len(a) != 1 or len(b) != 1 or a == b:
        return None
    target = ((_names_in(p.theme) | p.scene) & (_names_in(q.theme) | q.scene)) - _PARTY_KEYS
    if not target:
        return None
    return f"who did the {p.lemma} ({', '.join(sorted(target))}): {min(a)} vs {min(b)}"


def _blame(p: Proposition, q: Proposition) -> str | None:
    """Who started the war: two parties named as the one responsible."""
    if (
        p.negated
        or q.negated
        or {p.mode, q.mode} & (_UNSAID_MODES | {"possible"})
        or p.agent is None
        or q.agent is None
    ):
        return None
    a, b = p.agent.names & _PARTY_KEYS, q.agent.names & _PARTY_KEYS
    if not a or not b or a & b:
        return None
    return f"who is responsible for the war: {', '.join(sorted(a))} vs {', '.join(sorted(b))}"


def _pair_reason(
    a: ClaimReading, b: ClaimReading, *, near: bool, cross: bool = False
) -> str | None:
    ca, cb = a.claim.content, b.claim.content
    if (ca.start, ca.end) == (cb.start, cb.end) and ca.text:
        return None  # one statement given two speakers by the parser, not two statements
    for p in a.props:
        for q in b.props:
            why = _clash(p, q, near=near, cross=cross)
            if why:
                return why
    return None


def _inside(inner: Claim, outer: Claim) -> bool:
    i, o = inner.content, outer.content
    return (
        inner is not outer
        and o.start <= i.start
        and i.end <= o.end
        and (o.start, o.end) != (i.start, i.end)
    )


def find_contradictions(
    doc_id: str,
    claims: Sequence[Claim],
    quantities: Sequence[Quantity],
    *,
    nlp: Language | None = None,
    doc: Doc | None = None,
) -> list[Contradiction]:
    """Pairs of claims in one document that disagree, each with what about and why.

    Args:
        doc_id: the document's id.
        claims: its claims, in text order.
        quantities: its quantities (a figure tied to a claim by `claim_id`).
        nlp: the spaCy pipeline to parse claim contents with when `doc` is None; the default
            model when None.
        doc: the document's parse, which the claims' contents are read from.

    Example:
        >>> [x.reason for x in find_contradictions("d", claims, [])]  # doctest: +SKIP
        ['disagreement: withdraw vs not withdrawal']
    """
    found: list[Contradiction] = []
    pairs: set[frozenset[str]] = set()
    reads = read_claims(claims, nlp, doc=doc)
    # A claim nested in one of the same source ("said the explosions, which he believes were
    # caused by missiles, ...") is one statement with it: one pair per rival for both.
    family = {r.id: r.id for r in reads}
    for r in sorted(reads, key=lambda r: r.claim.content.end - r.claim.content.start, reverse=True):
        for o in reads:
            if _inside(r.claim, o.claim) and same_source(r, o):
                family[r.id] = family[o.id]
                break

    def add(a: Claim, b: Claim, about: str, reason: str) -> None:
        key = frozenset((family[a.id], family[b.id]))
        if key in pairs or len(key) < 2:
            return
        pairs.add(key)
        found.append(Contradiction(id=f"{doc_id[:12]}-x{len(found)}", doc_id=doc_id, claims=(a.id, b.id),
                                   about=about[:200], reason=reason))  # fmt: skip

    _figures(claims, quantities, reads, add)
    # A claim nested in another's content by another speaker ("X stated that Russia intended
    # to ...") speaks through the outer one: it is paired only with that outer claim, which
    # may deny it ("denied reports that ...").
    outer = [
        r
        for r in reads
        if not any(_inside(r.claim, o.claim) and not same_source(r, o) for o in reads)
    ]
    for r in reads:
        for o in reads:
            # only a denial or rebuttal of the report it quotes ("denied media reports that
            # ..."): a claim the parser cut out of another's negated sentence is no rival
            if _inside(r.claim, o.claim) and not same_source(r, o) and any(p.echo for p in o.props):
                why = _pair_reason(r, o, near=False)
                if why:
                    add(r.claim, o.claim, _about(r.claim, o.claim), f"{_kind(r, o)}: {why}")
    for b in outer:
        rivals = [
            (a, why) for a in outer
            if a is not b and not same_source(a, b)
            and (why := _pair_reason(a, b, near=0 <= b.claim.content.start - a.claim.content.end <= _NEAR)
                 if a.claim.prov.start <= b.claim.prov.start else _pair_reason(b, a, near=False))
        ]  # fmt: skip
        # A rebuttal answers what was said before it; a later claim is its rival only when
        # nothing earlier is.
        earlier = [(a, why) for a, why in rivals if a.claim.prov.start < b.claim.prov.start]
        for a, why in earlier[-1:] or rivals[:1]:
            first, second = (a, b) if a.claim.prov.start <= b.claim.prov.start else (b, a)
            add(
                first.claim,
                second.claim,
                _about(first.claim, second.claim),
                f"{_kind(first, second)}: {why}",
            )
        denied = _denied_statement(b, outer)
        if denied is not None:
            add(denied.claim, b.claim, _about(denied.claim, b.claim),
                f"denial: {b.claim.content.text[:60]!r} answers the claim before it")  # fmt: skip
        answered = _rebutted(b, reads)
        if answered is not None:
            a, phrase = answered
            add(
                a.claim,
                b.claim,
                _about(a.claim, b.claim),
                f"rebuttal: {phrase!r} answers the claim before it",
            )
    return found


def _kind(a: ClaimReading, b: ClaimReading) -> str:
    denial = any(r.claim.stance == "deny" for r in (a, b))
    return "assertion vs denial" if denial else "disagreement"


def _about(a: Claim, b: Claim) -> str:
    return f"{a.content.text[:90]} vs {b.content.text[:90]}"


def _denied_statement(b: ClaimReading, reads: Sequence[ClaimReading]) -> ClaimReading | None:
    """The statement a denial points back at ("Moscow denied these accusations", "dismissed
    Truss's comments"): the last claim of another source before it, by the named speaker when
    the denial names one, that asserts something, ending at most `_REBUTTAL_REACH` before."""
    if b.refers_to is None:
        return None
    before = [
        a for a in reads
        if a.claim.content.end <= b.claim.content.start and not same_source(a, b)
        and b.claim.content.start - a.claim.content.end <= _REBUTTAL_REACH
    ]  # fmt: skip
    if b.refers_to:  # "Truss's comments": the last claim of that speaker
        surname = b.refers_to.split()[-1].lower()
        before = [
            a for a in before if a.claim.speaker and surname in a.claim.speaker.canonical.lower()
        ]
    else:  # "these accusations": the last statement, any statement ("warned that ...",
        # "says the operation was necessary ..."), only not a question or a condition
        before = [
            a
            for a in before
            if any(not p.negated and p.mode not in ("question", "condition") for p in a.props)
        ]
    return max(before, key=lambda r: r.claim.content.end) if before else None


def _rebutted(b: ClaimReading, reads: Sequence[ClaimReading]) -> tuple[ClaimReading, str] | None:
    """The claim that "It's not true" (opening a sentence of b's content) answers: the last
    claim of another source ending just before it (also one quoted inside b: "The Russians
    said they took the city. It's not true."), which asserts something."""
    m = _REBUTTAL.search(b.claim.content.text)
    if m is None:
        return None
    at = b.claim.content.start + m.start()
    before = [a for a in reads if a.claim.content.end <= at + 1 and a is not b]
    if not before:
        return None
    a = max(before, key=lambda r: r.claim.content.end)
    if at - a.claim.content.end > _REBUTTAL_REACH or same_source(a, b):
        return None
    if not any(not p.negated and p.mode in _COMPARABLE_MODES for p in a.props):
        return None
    return a, m.group().strip(" -–—.\n")


def _figures(
    claims: Sequence[Claim], quantities: Sequence[Quantity], reads: Sequence[ClaimReading], add
) -> None:
    """A figure against "lower/higher numbers" of the same kind: the nearest earlier claim of
    another source with such a figure."""
    by_claim: dict[str, list[Quantity]] = {}
    for q in quantities:
        if q.claim_id:
            by_claim.setdefault(q.claim_id, []).append(q)
    read = {r.id: r for r in reads}
    for y in claims:
        m = _COMPARATIVE_FIGURES.search(y.content.text)
        if not m:
            continue
        kinds = [k for k, rx in _FIGURE_KINDS.items() if rx.search(m.group())]
        earlier = [
            (x, q) for x in claims if x.prov.start < y.prov.start and not same_source(read[x.id], read[y.id])
            for q in by_claim.get(x.id, [])
            if any(_FIGURE_KINDS[k].search(f"{q.of or ''} {q.unit or ''} {x.content.text}") for k in kinds)
        ]  # fmt: skip
        if earlier:
            x, q = earlier[-1]
            add(
                x,
                y,
                f"{q.of or q.unit or 'figure'}: {q.prov.text} vs {y.content.text}",
                "conflicting figures",
            )


# --- across documents ---------------------------------------------------------------------

_CROSS_DAYS = 7


def claim_from_row(row: dict) -> Claim:
    """A claim read back from its JSONL contract row (as the store keeps it)."""
    from wirecoder.records import Provenance

    prov = Provenance(doc_id=row["doc_id"], sentence=row["sentence"], start=row["start"], end=row["end"],
                      text=row["text"], evidence=row["evidence"], stage=row.get("stage") or "claims")  # fmt: skip
    fields = {k: v for k, v in row.items() if k in Claim.model_fields and k != "prov"}
    return Claim(prov=prov, **fields)


_NEGATIVE_CUE = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|neither|nor|without|deny|denies|denied|false|untrue|"
    r"absurd|lie|lies|nonsense|fake|stop|stopped|halt|halted|refuse|refused)\b|n[’']t\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}")
# A cheap test for a word of the thesaurus's acts ("withdrawing", "invasion"): a stem of five.
_ACT_WORD = re.compile(
    r"\b(?:"
    + "|".join(sorted({w[:5] for w in sense.CONCEPTS} | {w[:5] for w in sense.ACT_OBJECTS}))
    + r")",
    re.IGNORECASE,
)


def find_cross_contradictions(
    claims: Sequence[Claim], published: dict[str, dt.date | None], *, nlp: Language | None = None
) -> list[Contradiction]:
    """Pairs of claims from different documents that disagree: the same proposition, one side
    negated or denied, naming the same place or person, published within a week of each other.

    Args:
        claims: claims of many documents.
        published: doc_id -> the document's publication date.
        nlp: the spaCy pipeline; the default model when None.
    """

    # Only claims that could be a side are parsed (a pass over all would parse every claim of
    # the store): ones that name an act of the thesaurus and a place or person, and of those,
    # a negated one and the ones sharing such a name with a negated one within the week.
    def names(c: Claim) -> set[str]:
        return {w for w in _CAPITALISED.findall(c.content.text) if w.lower() not in sense.PARTIES}

    eligible = [
        c
        for c in claims
        if published.get(c.prov.doc_id) and _ACT_WORD.search(c.content.text) and names(c)
    ]
    negative = [c for c in eligible if c.stance == "deny" or _NEGATIVE_CUE.search(c.content.text)]
    names_by_day: dict[dt.date, set[str]] = {}
    for c in negative:
        day = published[c.prov.doc_id]
        if day is not None:  # eligible claims all have one
            names_by_day.setdefault(day, set()).update(names(c))
    candidates = []
    for c in eligible:
        day = published[c.prov.doc_id]
        assert day is not None
        near_names = set().union(*(names_by_day.get(day + dt.timedelta(days=k), set())
                                   for k in range(-_CROSS_DAYS, _CROSS_DAYS + 1)))  # fmt: skip
        if near_names & names(c):
            candidates.append(c)
    reads = read_claims(candidates, nlp)
    found: list[Contradiction] = []
    by_concept: dict[str, list[ClaimReading]] = {}
    for r in reads:
        for concept in {p.concept for p in r.props}:
            by_concept.setdefault(concept, []).append(r)
    seen: set[frozenset[str]] = set()
    for group in by_concept.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                da, db = published.get(a.claim.prov.doc_id), published.get(b.claim.prov.doc_id)
                if a.claim.prov.doc_id == b.claim.prov.doc_id or da is None or db is None:
                    continue
                if (
                    abs((da - db).days) > _CROSS_DAYS
                    or frozenset((a.id, b.id)) in seen
                    or same_source(a, b)
                    # two voices of one party a week apart: an update (the US "had no
                    # information" on Friday, "is convinced" the next week), not a dispute
                    or a.parties & b.parties
                ):
                    continue
                why = _pair_reason(a, b, near=False, cross=True)
                if not why or not (" vs not " in why or why.startswith("who did")):
                    continue
                seen.add(frozenset((a.id, b.id)))
                pos, neg = (a, b) if any(p.negated for p in b.props) else (b, a)
                found.append(Contradiction(
                    id=f"{neg.id}-{pos.id}", doc_id=neg.claim.prov.doc_id, claims=(pos.id, neg.id),
                    about=_about(pos.claim, neg.claim)[:200],
                    reason=f"{_kind(pos, neg)} across documents: {why}",
                ))  # fmt: skip
    return found
