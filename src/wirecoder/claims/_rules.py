"""Attribution rules over the spaCy dependency parse: which token is a cue, who speaks, what
is said.

Hand-written (no maintained offline package does attribution for English news): a cue verb
from cues.tsv with its subject; the content is its clausal complement, or the clause the cue
is appended to ("..., officials said"), or what "according to X" is attached to; quotation
marks then widen the content to the whole quote, across sentences when the quote runs on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from wirecoder.claims import _lexicon as lex
from wirecoder.claims._speakers import SUBJECT_DEPS, describe_speaker, find_channel

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj"})
# Words around the cue that belong to the attribution, not to the content.
_CUE_MODIFIER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "prt", "npadvmod", "mark"})
_EDGE_PUNCT = frozenset({",", ";", ":", "-", "\u2014", "\u2013", "."})
MIN_CONTENT_TOKENS = 2


@dataclass
class Candidate:
    """One attribution found in the parse, in token and character terms."""

    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    content_root: Token | None
    speaker: Token | None
    stance: str = "assert"
    hedged: bool = False
    via: str | None = None
    kind: str = "verb"  # verb | according | express | anaphoric | quote
    frame: set[int] = field(default_factory=set)  # tokens of the attribution frame (dates)


def find_candidates(doc: Doc) -> list[Candidate]:
    """All attributions in the document, in text order."""
    out: list[Candidate] = []
    for tok in doc:
        cand: Candidate | None = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cand = _according(tok)
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_ in lex.EXPRESS_VERBS:
            cand = _expressed(tok)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in lex.CUE_VERBS:
            cand = _verb_cue(tok)
        if cand is not None:
            out.append(cand)
    return out


def _verb_cue(verb: Token) -> Candidate | None:
    entry = lex.CUE_VERBS[verb.lemma_.lower()]
    # "was reported as saying": the speaker belongs to the governing verb.
    governors = [verb]
    if verb.dep_ in ("pcomp", "xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        governors.append(verb.head)
        if verb.head.dep_ == "prep" or verb.dep_ == "pcomp":
            governors.append(verb.head.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governors = [verb, verb.head.head]
    speaker = _subject(verb) or _adjacent_subject(verb)
    if speaker is None:
        for gov in governors[1:]:
            speaker = _subject(gov)
            if speaker is not None:
                break
    if speaker is None or speaker.pos_ in ("DET",) or speaker.lower_ in ("there", "what", "which"):
        return None
    if speaker.lower_ in ("it",) and verb.lemma_ not in ("say", "state", "report", "announce"):
        return None
    if entry.weak and describe_speaker(speaker).entity_type == "unknown":
        return None  # "the silence indicates ...": evidence verbs need a speaking subject
    frame = _frame_tokens(verb, speaker)
    via, via_toks = find_channel(governors, exclude=set())
    frame |= via_toks
    content = _clausal_content(verb, speaker)
    if content is None or (content[0] is not None and content[0].i < verb.i):
        # A cue after its content ("X happened, officials said"): everything before the
        # cue is the content, not only the clause the parser hung under the verb.
        appended = _appended_content(verb, frame)
        if appended is not None:
            root = content[0] if content is not None else appended[0]
            content = (root, appended[1], appended[2])
    if content is None and entry.takes_object:
        content = _object_content(verb, frame, speaker)
    if content is None:
        return None
    root, cs, ce = content
    cue_start, cue_end = _cue_extent(verb, governors)
    hedged = (
        entry.hedged
        or _hedged(root)
        or any(c.lower_ in lex.HEDGE_WORDS for c in verb.children if c.dep_ == "advmod")
    )
    return Candidate(
        cue_start=cue_start,
        cue_end=cue_end,
        content_start=cs,
        content_end=ce,
        content_root=root,
        speaker=speaker,
        stance=_stance(verb, entry.stance),
        hedged=hedged,
        via=via,
        frame=frame,
    )


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.pos_ != "VERB":
            return child
    for child in verb.children:  # passive with agent: "it was reported by X"
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _adjacent_subject(verb: Token) -> Token | None:
    """A noun right before a subjectless cue is its subject even when the parser made it a
    conjunct of something earlier ("... the claim and the Pentagon said ...")."""
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    if i < 0 or verb.dep_ not in ("conj", "ccomp", "advcl", "parataxis"):
        return None
    prev = doc[i]
    if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("conj", "appos") and prev.head.i < verb.i:
        return prev
    return None


def _stance(verb: Token, stance: str) -> str:
    negated = any(c.dep_ == "neg" for c in verb.children)
    if negated and stance == "assert" and verb.lemma_ in ("confirm", "believe", "think", "accept"):
        return "doubt"
    return stance


def _cue_extent(verb: Token, governors: list[Token]) -> tuple[int, int]:
    """Cue characters: the verb with its auxiliaries and particles, and "was reported as"."""
    toks = [verb]
    if verb.dep_ == "pcomp" and len(governors) > 1:
        # "was reported as saying": the whole chain is the cue.
        gov = governors[-1]
        toks.extend([verb.head, gov])
        toks.extend(c for c in gov.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i)
    toks.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt"))
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    doc = verb.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _frame_tokens(verb: Token, speaker: Token) -> set[int]:
    frame = {verb.i} | {t.i for t in speaker.subtree}
    for child in verb.children:
        if (
            child.dep_ in _CUE_MODIFIER_DEPS | {"prep", "dobj", "dative", "agent"}
            and child.dep_ not in CLAUSE_DEPS
        ):
            frame |= {t.i for t in child.subtree}
    return frame


def _object_content(
    verb: Token, frame: set[int], speaker: Token
) -> tuple[Token | None, int, int] | None:
    """A noun object and what completes it: "denied the report", "called the charges false",
    "blasted him for not paying taxes". Time and channel phrases stay out."""
    doc = verb.doc
    parts: list[Token] = []
    for c in verb.rights:
        if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "attr", "dative"):
            if c.dep_ == "dobj" and c.lemma_ in lex.ANAPHORIC_OBJECTS:
                return None
            parts.append(c)
        elif (
            c.dep_ == "prep"
            and parts
            and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
            and not ({t.i for t in c.subtree} & frame - {t.i for p in parts for t in p.subtree})
        ):
            parts.append(c)
    if not parts or all(p.dep_ == "dative" for p in parts):
        return None
    lo = min(p.left_edge.i for p in parts)
    hi = max(p.right_edge.i for p in parts) + 1
    if lo <= speaker.i < hi:
        return None
    return _trim(doc, parts[0], lo, hi)


def _clausal_content(verb: Token, speaker: Token) -> tuple[Token, int, int] | None:
    """The cue's complement clause."""
    kids = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i != speaker.i]
    if not kids:
        # "called on X to ..."; "told reporters that ..." puts the clause under the object.
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "prep"):
                kids.extend(g for g in c.children if g.dep_ in CLAUSE_DEPS)
    if not kids:
        return None
    kid = min(kids, key=lambda c: (c.i < verb.i, abs(c.i - verb.i)))
    # Only the side of the cue the complement is on ("that Putin claimed to have annexed").
    if kid.i > verb.i:
        toks = [t for t in kid.subtree if t.i > verb.i]
    else:
        speaker_toks = {t.i for t in speaker.subtree}
        toks = [t for t in kid.subtree if t.i < verb.i and t.i not in speaker_toks]
    if not toks:
        return None
    return _trim(verb.doc, kid, min(t.i for t in toks), max(t.i for t in toks) + 1)


def _appended_content(verb: Token, frame: set[int]) -> tuple[Token | None, int, int] | None:
    """Content of a cue appended to its clause: "X happened, officials said"; "'...,' said Y"."""
    doc = verb.doc
    sent = verb.sent
    host = (
        verb.head
        if verb.dep_ in ("conj", "parataxis", "ccomp", "advcl") and verb.head.i < verb.i
        else None
    )
    frame_lo = min(frame)
    frame_hi = max(frame) + 1
    before = (sent.start, frame_lo)
    after = (frame_hi, sent.end)
    if host is None and verb.dep_ == "parataxis":
        host = verb.head  # "Acts of protest, he said, are acts of patriotism"
        after = (frame_hi, sent.end)
    elif host is not None:
        toks = [t.i for t in host.subtree if t.i not in frame]
        if toks:
            before = (min(toks), frame_lo)
            after = (frame_hi, max(toks) + 1) if max(toks) >= frame_hi else (frame_hi, frame_hi)
    n_before = sum(1 for t in doc[before[0] : before[1]] if not t.is_punct)
    n_after = sum(1 for t in doc[after[0] : after[1]] if not t.is_punct)
    if n_before < MIN_CONTENT_TOKENS:
        # "He said: ..." or a quote after the cue: content is what follows.
        if (
            n_after >= MIN_CONTENT_TOKENS
            and frame_hi < len(doc)
            and _follows_colon_or_quote(doc, frame_hi)
        ):
            return _trim(doc, None, after[0], after[1])
        return None
    if frame_lo > 0 and not (doc[frame_lo - 1].is_punct or doc[frame_lo - 1].is_quote):
        return None  # the cue is not set off from the clause before it
    lo, hi = before
    parenthetical = (
        frame_hi < sent.end
        and doc[frame_hi].text == ","
        and frame_lo > sent.start
        and doc[frame_lo - 1].text == ","
    )
    if n_after >= 3 and (host is not None or parenthetical):
        hi = after[1]  # "'A,' he said, 'B.'": one span over both halves
    return _trim(doc, host, lo, hi)


def _follows_colon_or_quote(doc: Doc, i: int) -> bool:
    for t in doc[i : i + 2]:
        if t.text == ":" or t.is_quote or t.text == ",":
            return True
    return False


def _trim(doc: Doc, root: Token | None, lo: int, hi: int) -> tuple[Token | None, int, int] | None:
    """Token range -> character range, without edge punctuation or spaces (quotes kept)."""
    while lo < hi and (
        doc[lo].text in _EDGE_PUNCT
        or doc[lo].is_space
        or doc[lo].dep_ == "cc"
        and lo + 1 < hi
        and not doc[lo].is_sent_start
    ):
        lo += 1
    while hi > lo and (
        doc[hi - 1].text in _EDGE_PUNCT or doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc"
    ):
        hi -= 1
    if hi - lo < MIN_CONTENT_TOKENS:
        return None
    return root, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


def _hedged(root: Token | None) -> bool:
    if root is None:
        return False
    for c in root.children:
        if c.dep_ in ("aux", "advmod") and c.lower_ in lex.HEDGE_WORDS:
            return True
    return root.lemma_ in ("believe", "think", "suspect") and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in root.children
    )


def _according(tok: Token) -> Candidate | None:
    doc = tok.doc
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    speaker = pobj
    if pobj.lemma_ in lex.SOURCE_DOCUMENTS:
        mod = next(
            (
                c
                for c in pobj.children
                if c.dep_ in ("compound", "poss") and c.pos_ in ("PROPN", "NOUN")
            ),
            None,
        )
        speaker = mod or pobj
    pp = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i, to.i}
    lo_pp, hi_pp = min(pp), max(pp) + 1
    sent = tok.sent
    host = tok.head if tok.head.i != tok.i else None
    region = [t.i for t in (host.subtree if host is not None and host.dep_ != "ROOT" else sent)]
    if host is not None and host.dep_ == "ROOT":
        region = list(range(sent.start, sent.end))
    rest = [i for i in region if i not in pp]
    if not rest:
        return None
    before = [i for i in rest if i < lo_pp]
    after = [i for i in rest if i >= hi_pp]
    n_b = sum(1 for i in before if not doc[i].is_punct)
    n_a = sum(1 for i in after if not doc[i].is_punct)
    joined = (
        bool(after)
        and next((doc[i] for i in after if not doc[i].is_punct), doc[after[0]]).dep_ == "cc"
    )
    if n_b >= 3 and n_a >= 3 and not joined:
        lo, hi = min(before), max(after) + 1
    elif n_b >= n_a:
        lo, hi = min(before), max(before) + 1
    else:
        lo, hi = min(after), max(after) + 1
    trimmed = _trim(doc, host, lo, hi)
    if trimmed is None:
        return None
    root, cs, ce = trimmed
    return Candidate(
        cue_start=tok.idx,
        cue_end=to.idx + len(to),
        content_start=cs,
        content_end=ce,
        content_root=root,
        speaker=speaker,
        hedged=_hedged(root),
        kind="according",
        frame=pp,
    )


def _expressed(verb: Token) -> Candidate | None:
    """ "expressed skepticism about X", "cast doubt on X": the noun carries the stance."""
    noun = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in lex.EXPRESSED_NOUNS), None
    )
    speaker = _subject(verb)
    if noun is None or speaker is None:
        return None
    target: list[Token] = []
    for c in list(noun.children) + list(verb.children):
        if c.dep_ == "prep" and c.lower_ in ("about", "over", "on", "of", "regarding"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                # Not the conjuncts: "about the claim and the Pentagon said" is a misparse.
                cut = {t.i for c2 in pobj.children if c2.dep_ in ("cc", "conj") for t in c2.subtree}
                target = [t for t in pobj.subtree if t.i not in cut]
        elif c.dep_ in ("acl", "ccomp") and c.i > noun.i:
            target = list(c.subtree)
        if target:
            break
    if not target:
        return None
    trimmed = _trim(
        verb.doc, target[0].head, min(t.i for t in target), max(t.i for t in target) + 1
    )
    if trimmed is None:
        return None
    root, cs, ce = trimmed
    return Candidate(
        cue_start=verb.idx,
        cue_end=noun.idx + len(noun),
        content_start=cs,
        content_end=ce,
        content_root=root,
        speaker=speaker,
        stance=lex.EXPRESSED_NOUNS[noun.lemma_],
        hedged=False,
        kind="express",
        frame={verb.i} | {t.i for t in speaker.subtree} | {noun.i},
    )


def anaphoric_object(verb: Token) -> bool:
    """ "shared the news", "confirmed the report": a cue whose object points back."""
    return any(c.dep_ == "dobj" and c.lemma_ in lex.ANAPHORIC_OBJECTS for c in verb.children)
