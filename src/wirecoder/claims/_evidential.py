"""Attributions without a speaker: hedged or second-hand statements the text does not pin on
anyone ("the town appears to have fallen", "troops are expected to withdraw", "the convoy was
reportedly hit", "it is unclear whether the bridge still stands").

Hand-written rules on the dependency parse (no offline package marks evidential frames). The
word lists are general English grammar: raising verbs, passive verbs of saying and thinking
that take an infinitive ("is said to"), evidential adverbs, and adjectives of (un)certainty
that take a clause. The content is the proposition: for a raising frame that is the subject
with the rest of the clause ("the town ... to have fallen"), which the single-span `content`
can only give as subject-to-clause-end, cue included.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.claims import _lexicon as lex
from wirecoder.claims._rules import Candidate, around, trim

# "X appears to / seems to / seems weak".
_RAISING_VERBS = frozenset({"appear", "seem"})
# "X is expected / said / believed / thought / reported to ...", "X is seen as ...".
_PASSIVE_VERBS = frozenset(
    {
        "expect",
        "say",
        "believe",
        "think",
        "report",
        "rumor",
        "rumour",
        "allege",
        "consider",
        "know",
        "see",
        "estimate",
        "predict",
        "project",
        "suppose",
        "presume",
        "understand",
        "suspect",
        "fear",
    }
)
# Adverbs that mark a statement as second-hand or uncertain.
_EVIDENTIAL_ADVERBS = frozenset(
    {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"}
)
# "it is unclear whether ...": uncertainty about a clause. ("likely", "possible" and
# "apparently" are left out: measured on PolNeAR train they are mostly the writer's own
# forecast, not an attribution, 2 right for 9 wrong.)
_CERTAINTY_ADJECTIVES = frozenset({"unclear", "uncertain", "doubtful"})
_CLAUSE_DEPS = ("ccomp", "csubj", "xcomp")


def evidential_cue(tok: Token) -> Candidate | None:
    """A speakerless attribution cued by `tok`, or None.

    Args:
        tok: any token of the document.

    Returns:
        A candidate with no speaker, `hedged=True`, and the cue's clause as content.

    Example:
        >>> evidential_cue(doc[3])  # doctest: +SKIP  ("Troops appear to have withdrawn")
    """
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in _RAISING_VERBS:
        return _raising(tok, tok)
    if tok.pos_ == "VERB" and lemma in _PASSIVE_VERBS and _is_passive(tok):
        return _raising(tok, tok)
    if tok.dep_ == "advmod" and tok.lower_ in _EVIDENTIAL_ADVERBS:
        return _adverb(tok)
    if tok.pos_ == "ADJ" and tok.lower_ in _CERTAINTY_ADJECTIVES and tok.dep_ == "acomp":
        return _adjective(tok)
    return None


def _is_passive(verb: Token) -> bool:
    kids = list(verb.children)
    # "was reported as saying ...": a speaker's cue chain, handled with the speaker's claim.
    reports_speech = any(
        t.lemma_.lower() in lex.CUE_VERBS and t.pos_ == "VERB" and t.tag_ == "VBG"
        for c in kids
        if c.dep_ in ("prep", "xcomp")
        for t in c.subtree
        if t.head.i == c.i
    )
    return (
        not reports_speech
        and any(c.dep_ == "auxpass" for c in kids)
        and not any(c.dep_ == "agent" for c in kids)
        and (
            any(c.dep_ == "xcomp" for c in kids)
            or any(c.dep_ == "prep" and c.lower_ == "as" for c in kids)
        )
    )


def _raising(verb: Token, cue: Token) -> Candidate | None:
    """ "X appears to ...", "X is expected to ...": the subject and the rest of the clause;
    "it seems that ...": only the clause."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return None
    comp = [c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp")]
    comp += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("as", "like")]
    if not comp:
        return None
    doc = verb.doc
    if subj.lower_ == "it":
        clause = _clause_in(comp)  # "it seems that ...": only the clause
        if clause is None:
            return None
        return _candidate(cue, trim(doc, clause, clause.left_edge.i, clause.right_edge.i + 1))
    if subj.lower_ in ("that", "this", "there", "what", "which"):
        return None
    hi = max(c.right_edge.i for c in comp) + 1
    return _candidate(cue, trim(doc, verb, subj.left_edge.i, hi))


def _clause_in(comp: list[Token]) -> Token | None:
    for c in comp:
        if c.dep_ in ("ccomp", "csubj"):
            return c
        for g in c.children:
            if g.dep_ in _CLAUSE_DEPS:
                return g
    return None


def _adverb(adv: Token) -> Candidate | None:
    """ "the convoy was reportedly hit": the clause the adverb sits in."""
    verb = adv.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("which", "that", "who"):
        return None
    kids = [c for c in verb.children if c.dep_ not in ("punct", "cc", "conj") and c.i > verb.i]
    hi = max([verb.i] + [c.right_edge.i for c in kids]) + 1
    return _candidate(adv, trim(verb.doc, verb, subj.left_edge.i, hi))


def _adjective(adj: Token) -> Candidate | None:
    """ "it is unclear whether ...": the clause; "X is likely to win": the subject and the rest."""
    verb = adj.head
    clause = next((c for c in adj.children if c.dep_ in _CLAUSE_DEPS), None)
    if clause is None:
        clause = next(
            (c for c in verb.children if c.dep_ in ("ccomp", "csubj") and c.i > adj.i), None
        )
    if clause is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    doc = adj.doc
    if subj is None or subj.lower_ == "it":
        return _candidate(adj, trim(doc, clause, clause.left_edge.i, clause.right_edge.i + 1))
    if clause.dep_ != "xcomp" or subj.lower_ in ("that", "this", "there", "what", "which"):
        return None
    return _candidate(adj, trim(doc, clause, subj.left_edge.i, clause.right_edge.i + 1))


def _candidate(cue: Token, content: tuple[Token | None, int, int] | None) -> Candidate | None:
    return around(content, cue.idx, cue.idx + len(cue), hedged=True, speaker=None, kind="evidential", frame={cue.i})
