"""Where a content span starts and ends: token ranges to character spans, how far a content
after its cue runs, where a second cue takes over, and "As X said, ..." clauses.

Hand-written over the dependency parse, like `_rules.py`, which uses these helpers.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.claims import _lexicon as lex
from wirecoder.claims._speakers import SUBJECT_DEPS

_EDGE_PUNCT = frozenset({",", ";", ":", "-", "\u2014", "\u2013", "."})
MIN_CONTENT_TOKENS = 2


def as_clause_content(verb: Token, speaker: Token) -> tuple[Token | None, int, int] | None:
    """ "As the governor said, the road is closed": the clause the "as" phrase hangs on."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    ):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None  # "as he told reporters the ..." has its own content
    host = verb.head
    own = {t.i for t in verb.subtree}
    toks = [t.i for t in host.subtree if t.i not in own]
    if not toks:
        return None
    if verb.i < host.i:
        toks = [i for i in toks if i > max(own)]
    else:
        toks = [i for i in toks if i < min(own)]
    return trim_tokens(host, toks)


def extend_right(
    verb: Token, content: tuple[Token | None, int, int], frame: set[int]
) -> tuple[Token | None, int, int]:
    """A content after its cue runs on to the end of the cue's clause: the parser often hangs
    the rest of the content on the cue verb ("suggested she would do an about-face and
    support ...", "referred to Mexican immigrants as 'criminals'"). It stops at the
    attribution frame (time, channel), at a participle or conjunct of the speaker's own
    ("..., while calling to ...", "..., adding that ..."), and at the clause's end."""
    root, cs, ce = content
    doc = verb.doc
    sent = verb.sent
    last = next((t.i for t in doc[verb.i : sent.end] if t.idx + len(t) >= ce), None)
    if last is None:
        return content
    hi = last + 1
    while hi < sent.end:
        tok = doc[hi]
        if tok.i in frame or (tok.is_quote and _opens_statement(doc, hi)) or coordinated_cue(tok):
            break
        if not _descends_from(tok, verb):
            break
        branch = _branch_under(tok, verb)
        if branch is not None and branch.i != (root.i if root is not None else -1):
            if branch.dep_ in ("advcl", "conj", "parataxis") and branch.pos_ in ("VERB", "AUX"):
                break
            if any(t.ent_type_ in ("DATE", "TIME") for t in branch.subtree) and branch.dep_ in (
                "prep",
                "npadvmod",
            ):
                break
        hi += 1
    if hi == last + 1:
        return content
    grown = trim(doc, root, _token_at(doc, cs), hi)
    return grown if grown is not None else content


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _descends_from(tok: Token, verb: Token) -> bool:
    return verb in tok.ancestors


def _branch_under(tok: Token, verb: Token) -> Token | None:
    """The child of `verb` whose subtree holds `tok`."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.head.i == verb.i:
            return cur
        cur = cur.head
    return None


def _opens_statement(doc: Doc, i: int) -> bool:
    """Token i is an opening quotation mark: spaced from the word before, glued to the next."""
    return (
        i > 0
        and not doc[i - 1].is_quote
        and doc[i].whitespace_ == ""
        and doc[i - 1].whitespace_ != ""
    )


# Prepositions that set a cue in time or circumstance ("denies X, despite ...", "said X
# after the meeting"): the writer's framing, never what was said.
ADJUNCT_PREPS = frozenset(
    {"despite", "after", "before", "since", "amid", "during", "following", "until", "because", "at"}
)


def own_clause_after(verb: Token, after: tuple[int, int]) -> bool:
    """The words after an appended cue are the cue's own clause, not the rest of the content:
    "X happened, the governor said in a post, adding that ..." (a second cue with its own
    content) or "..., Trump says, warning against ..." (a participle of the speaker's)."""
    return any(
        after[0] <= child.i < after[1]
        and child.dep_ in ("advcl", "conj", "xcomp", "dobj")
        and (child.pos_ in ("VERB", "AUX") or child.dep_ == "dobj")
        for child in verb.rights
    )


def trim_tokens(root: Token, toks: list[int]) -> tuple[Token | None, int, int] | None:
    """`trim` over the stretch from the first to the last of the token indices `toks`."""
    return trim(root.doc, root, min(toks), max(toks) + 1) if toks else None


def trim(doc: Doc, root: Token | None, lo: int, hi: int) -> tuple[Token | None, int, int] | None:
    """Token range -> character range, without edge punctuation or spaces (quotes kept)."""
    while lo < hi and (
        doc[lo].text in _EDGE_PUNCT
        or doc[lo].is_space
        or (doc[lo].dep_ == "cc"
        and lo + 1 < hi
        and not doc[lo].is_sent_start)
    ):
        lo += 1
    while hi > lo and (
        doc[hi - 1].text in _EDGE_PUNCT or doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc"
    ):
        hi -= 1
    # One word is content only when it names someone ("endorsed Clinton", "criticized NATO").
    named = hi - lo == 1 and doc[lo].pos_ == "PROPN"
    if hi - lo < MIN_CONTENT_TOKENS and not named:
        return None
    return root, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


def coordinated_cue(tok: Token) -> bool:
    """A subjectless cue verb coordinated inside another cue's complement clause ("said X
    and criticised Y"), or a cue participle set off by a comma after it ("said X had shelled
    the town, calling it a war crime"): the parser hangs both under the complement, but they
    are the first speaker's own statements."""
    participle = (
        tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ","
    )
    return (
        (tok.dep_ == "conj" or participle)
        and tok.pos_ == "VERB"
        and tok.lemma_.lower() in lex.CUE_VERBS
        and tok.head.dep_ == "ccomp"
        and tok.head.head.lemma_.lower() in lex.CUE_VERBS
        and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        # "... had stolen equipment and intended to leave a trap": a verb whose only complement
        # is an infinitive continues the reported content; it is not a second cue
        and not (
            any(c.dep_ == "xcomp" for c in tok.children)
            and not any(c.dep_ in ("ccomp", "dobj", "obj") for c in tok.children)
        )
    )
