"""What a claim says and who says it, read for comparing claims (links/contradictions.py).

`read_claims` reads each claim's content from the document's own parse (or parses it on its
own when the claims come from the store) and reads its propositions (propositions.py),
in the mode its cue gives it ("urged ..." is a demand, "warned ..." a possibility, "decided
to ..." nobody's statement); `same_source` tells whether two claims may come from one
speaker under two names ("Oleksii Reznikov" and "Ukraine's defence minister").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.claims import _lexicon as lex
from wirecoder.claims.propositions import (
    Proposition,
    party_keys,
    read_propositions,
    report_referred_to,
)
from wirecoder.records import Claim

__all__ = ["ClaimReading", "read_claims", "same_source"]

# Cues whose content nobody said: what somebody decided or planned ("Putin had decided to
# attack" is the reporter's inference, not Putin's statement).
_UNSAID_CUES = frozenset({"plan", "intend", "aim", "seek", "decide", "want", "wish", "try",
                          "refuse", "decline", "choose", "consider", "discuss", "order"})  # fmt: skip
# Cues that make a content a demand or a wish: "urged Russia to withdraw" asserts no withdrawal.
_DEMAND_CUES = frozenset({"urge", "call", "demand", "appeal", "request", "implore", "beg", "plead",
                          "push", "press", "lobby", "campaign", "encourage", "propose",
                          "recommend", "advise", "hope", "expect", "invite", "ask"})  # fmt: skip
# Doubting cues that dispute a statement outright ("challenged this statement"); an expressed
# doubt ("expressed skepticism of the claim") is not a denial.
_DISPUTE_CUES = frozenset({"challenge", "dispute", "contest"})
_CALL_FOR = re.compile(r"\bcall(?:s|ed|ing)?\s+(?:on|upon|for)\b", re.IGNORECASE)
# Cues that make a content a possibility: "warned that Russia could ...", "feared an attack".
_WARNING_CUES = frozenset({"warn", "fear", "worry", "predict", "forecast", "speculate", "suspect"})
# Heads of descriptions that can stand for a named person ("the minister", "the Ukrainian leader").
_PERSON_TITLES = lex.TITLES | frozenset({"leader", "head", "official", "diplomat", "ambassador", "envoy",
                                         "chief", "spokesperson", "aide", "politician", "lawmaker",
                                         "candidate", "nominee", "representative", "prosecutor",
                                         "premier", "king", "director", "officer", "author", "expert"})  # fmt: skip


@dataclass(frozen=True)
class ClaimReading:
    """A claim with its propositions, the parties its speaker speaks for, and, for a denial
    that only points back ("denied these accusations"), whom it points at."""

    claim: Claim
    props: tuple[Proposition, ...]
    parties: frozenset[str]
    refers_to: str | None = None  # a denial of "these accusations" / "Truss's comments"

    @property
    def id(self) -> str:
        return self.claim.id


def _nlp(nlp: Language | None) -> Language:
    if nlp is not None:
        return nlp
    from wirecoder.parse.spacy_parser import load_nlp

    return load_nlp()


def _content_for_parse(claim: Claim) -> str:
    """The content with its own cue and speaker blanked out when they sit inside it ('"A," he
    said. "B."'), so that "he said" is not read as somebody else's report."""
    text = claim.content.text
    start = claim.content.start
    for span in (claim.cue, claim.speaker):
        if span is not None and start <= span.start and span.end <= claim.content.end:
            a, b = span.start - start, span.end - start
            text = text[:a] + " " * (b - a) + text[b:]
    return text.replace("’", "'")  # the small model parses "Truss’s comments" as no possessive


def _content_from(doc: Doc, claim: Claim) -> Doc | None:
    """The claim's content cut out of the document's parse, without its own cue and speaker
    when they sit inside it ('"A," he said. "B."'): a Doc of its own whose words keep their
    tags, lemmas and dependencies; a word whose head is outside the content heads its own
    clause. None when the content's offsets do not fall on the document's tokens."""
    span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if span is None or len(span) == 0 or "’" in span.text:
        return None  # the small model parses "Truss’s comments" as no possessive: parse alone
    drop: set[int] = set()
    for inner in (claim.cue, claim.speaker):
        if inner is not None and claim.content.start <= inner.start and inner.end <= claim.content.end:
            drop.update(t.i for t in span if inner.start <= t.idx < inner.end)
    keep = [t for t in span if t.i not in drop]
    if not keep:
        return None
    where = {t.i: n for n, t in enumerate(keep)}
    heads = [where.get(t.head.i, n) for n, t in enumerate(keep)]
    roots: dict[int, int] = {}  # sentence start -> the content's one root word in it
    for n, t in enumerate(keep):
        if heads[n] == n and not t.is_punct:
            if t.sent.start in roots:
                # Not one constituent of its sentence ('called the United States "the one who
                # started it"'): these words only make a clause when parsed on their own.
                return None
            roots[t.sent.start] = n
    if not roots:
        return None
    deps = [t.dep_ for t in keep]
    for n, t in enumerate(keep):
        if heads[n] == n:
            root = roots.get(t.sent.start, next(iter(roots.values())))
            heads[n], deps[n] = (n, "ROOT") if n == root else (root, "punct")
    return Doc(
        doc.vocab,
        words=[t.text for t in keep],
        spaces=[bool(t.whitespace_) for t in keep[:-1]] + [False],
        tags=[t.tag_ for t in keep],
        pos=[t.pos_ for t in keep],
        morphs=[str(t.morph) for t in keep],
        lemmas=[t.lemma_ for t in keep],
        heads=heads,
        deps=deps,
    )


def read_claims(
    claims: Sequence[Claim], nlp: Language | None = None, *, doc: Doc | None = None
) -> list[ClaimReading]:
    """Read every claim's propositions.

    Args:
        claims: the claims, of one document or many.
        nlp: the spaCy pipeline that parses contents on their own (claims read back from the
            store, of many documents); the default model when None.
        doc: the parse of the claims' one document: contents are read from it, not parsed again.

    Example:
        >>> [p.concept for p in read_claims([claim])[0].props]  # doctest: +SKIP
        ['withdrawal']
    """
    if not claims:
        return []
    # What somebody decided or planned is nobody's statement: its content is never read.
    cues = [_cue_lemma(c.cue.text if c.cue is not None else "") for c in claims]
    unsaid = [cue in _UNSAID_CUES for cue in cues]
    docs: list[Doc | None] = [
        None if skip or doc is None else _content_from(doc, c) for c, skip in zip(claims, unsaid, strict=True)
    ]
    missing = [i for i, d in enumerate(docs) if d is None and not unsaid[i]]
    if missing:
        model = _nlp(nlp)
        with model.select_pipes(disable=[p for p in ("ner",) if p in model.pipe_names]):
            parsed = model.pipe((_content_for_parse(claims[i]) for i in missing), batch_size=256)
            for i, d in zip(missing, parsed, strict=True):
                docs[i] = d
    out: list[ClaimReading] = []
    for i, claim in enumerate(claims):
        cue = cues[i]
        speaker = claim.speaker
        words = (speaker.canonical, speaker.role or "", speaker.text) if speaker else ()
        parties = party_keys(" ".join(x for x in words if x))
        if cue in _UNSAID_CUES:
            out.append(ClaimReading(claim, (), parties))
            continue
        if cue == "call" and not _CALL_FOR.search(claim.prov.text):
            cue = "label"  # "called the US the one who started it": a label, not a demand
        mode = "deontic" if cue in _DEMAND_CUES else "possible" if cue in _WARNING_CUES else "fact"
        # the speaker as a participant ("Russia said it ..."): its parties, or its own name
        # ("Guandique denied he killed her": the denier is the one said not to have done it)
        own = parties or (
            frozenset({speaker.canonical.split()[-1].lower()}) if speaker is not None and _named(claim) else frozenset()
        )
        content = docs[i]
        assert content is not None
        props = read_propositions(content, speaker=own, denied=claim.stance == "deny", mode=mode)
        disputes = claim.stance == "deny" or cue in _DISPUTE_CUES  # "challenged this statement"
        refers = report_referred_to(content) if disputes else None
        out.append(ClaimReading(claim, tuple(props), parties, refers))
    return out


_IRREGULAR = {"told": "tell", "sought": "seek", "thought": "think", "saw": "see", "seen": "see",
              "knew": "know", "known": "know", "wrote": "write", "chose": "choose", "spoke": "speak",
              "began": "begin", "felt": "feel", "said": "say"}  # fmt: skip


@functools.lru_cache(maxsize=4096)  # a pure function of the cue's words; cues repeat
def _cue_lemma(cue: str) -> str:
    """The cue-table verb a cue's words inflect ("has repeatedly denied" -> deny), without
    parsing the cue (parsing costs as much per cue as per content)."""
    best = ""
    for word in cue.lower().split():
        if word in _IRREGULAR:
            return _IRREGULAR[word]
        for lemma in lex.CUE_VERBS:
            stem = lemma[:-1] if lemma.endswith(("e", "y")) else lemma
            if word.startswith(stem) and len(word) - len(stem) <= 3 and len(lemma) > len(best):
                best = lemma
    return best


# --- one source or two --------------------------------------------------------------------

_NAME_WORD = re.compile(r"^[A-Z][a-z’'-]+$")


def _named(claim: Claim) -> bool:
    """A speaker given by a proper name ("Oleksii Reznikov", "NATO"), not a description."""
    sp = claim.speaker
    if sp is None:
        return False
    words = sp.canonical.split()
    return bool(words) and all(_NAME_WORD.match(w) or w.isupper() for w in words)


def same_source(a: ClaimReading, b: ClaimReading) -> bool:
    """Whether two claims may come from one source; when in doubt, yes (no pair is reported).

    One speaker appears under several names in news text: a name and a title ("Oleksii
    Reznikov", "Ukraine's defence minister"), a surname and a pronoun, a ministry and its
    spokesman. Distinct sources are two different names, or two descriptions that name
    different parties."""
    sa, sb = a.claim.speaker, b.claim.speaker
    if sa is None or sb is None:
        return sa is None and sb is None  # the outlet's own words, both
    ca, cb = sa.canonical.lower(), sb.canonical.lower()
    if ca == cb:
        return True
    if a.parties and b.parties and not a.parties & b.parties:
        return False
    wa, wb = set(ca.split()), set(cb.split())
    role_a, role_b = set((sa.role or "").lower().split()), set((sb.role or "").lower().split())
    if wa <= wb | role_b or wb <= wa | role_a:
        return True  # "Pentagon" and "John Kirby, Pentagon press secretary"
    if (
        (a.parties & b.parties
        and "person" not in (sa.entity_type, sb.entity_type))
        or (a.parties & b.parties and not (_named(a.claim) and _named(b.claim)))
    ):
        return True  # "Russia" and "the Kremlin"; "the Ukrainian president" and "Zelensky"
    named_a, named_b = _named(a.claim), _named(b.claim)
    if named_a and named_b:
        if sa.entity_type == "person" and sb.entity_type == "person":
            return _surname(ca) == _surname(cb)
        return bool(a.parties & b.parties)
    if (sa.entity_type == "group") != (sb.entity_type == "group"):
        return False  # "military analysts" and "Ben Barry"
    if not named_a and not named_b:
        return ca.split()[-1] == cb.split()[-1]  # "the governor" and "the ministry" are two
    # A description and a name: one person when the description is a pronoun, the name's
    # known role, or a person's title and the name has no other role ("the minister" and
    # "Vladimir Makei"); "media" or "the alliance" and a named person are two.
    desc, name = (sa, sb) if named_b else (sb, sa)
    head = desc.canonical.lower().split()[-1]
    if head in lex.PERSON_PRONOUNS:
        return name.entity_type in ("person", "unknown")
    if name.role and head in name.role.lower():
        return True
    return head in _PERSON_TITLES and name.entity_type in ("person", "unknown") and not name.role


def _surname(name: str) -> str:
    return name.split()[-1][:6]
