"""Attribution rules over the spaCy dependency parse for cue verbs: who speaks, what is said.

Hand-written (no maintained offline package does attribution for English news): a cue verb
from cues.tsv with its subject; the content is its clausal complement, its object, or the
clause the cue is appended to ("..., officials said"); quotation marks then widen the content
to the whole quote (in `__init__`). Noun cues and "according to" are in `_nominal.py`; the
shared helpers (`Candidate`, `trim`, `is_hedged`, `subject_of`) live here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from wirecoder.claims import _lexicon as lex
from wirecoder.claims._spans import (
    ADJUNCT_PREPS,
    MIN_CONTENT_TOKENS,
    as_clause_content,
    coordinated_cue,
    extend_right,
    own_clause_after,
    trim,
    trim_tokens,
)
from wirecoder.claims._speakers import SUBJECT_DEPS, describe_speaker, find_channel

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj"})
# Words around the cue that belong to the attribution, not to the content.
_CUE_MODIFIER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "prt", "npadvmod", "mark"})
# Prepositions that complete an object: "described X as Y", "put X at 40,000".
_OBJECT_COMPLEMENT_PREPS = frozenset({"as", "at", "from", "into", "with", "in"})
# Markers that make an adverbial clause after a cue its content ("called for X to ...").
_CONTENT_MARKS = frozenset({"for", "that", "whether", "if"})
# Dependents before a main-clause cue that are never its content.
_NOT_CONTENT_DEPS = frozenset(
    {"advcl", "prep", "npadvmod", "punct", "mark", "advmod", "cc", "aux", "auxpass", "neg"}
)
# Subjects that cannot hold a statement: "that doesn't imply ...", "what remains ...".
NON_SPEAKERS = frozenset({"there", "what", "which", "that", "this", "these", "those"})


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
    antecedent: Token | None = None  # what a relative-pronoun speaker ("who") stands for


def around(
    content: tuple[Token | None, int, int] | None,
    cue_start: int,
    cue_end: int,
    *,
    hedged: bool | None = False,
    **fields: object,
) -> Candidate | None:
    """A Candidate around a content as `trim` returns it, or None when trimming left nothing.
    `hedged=None` reads the hedge off the content ("may have", "reportedly")."""
    if content is None:
        return None
    root, cs, ce = content
    return Candidate(
        cue_start=cue_start, cue_end=cue_end, content_start=cs, content_end=ce, content_root=root,
        hedged=is_hedged(root) if hedged is None else hedged, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


# Governors that make a cue under them something asked for or refused, not said: "called on
# Russia to deny ...", "refused to confirm ...".
_REQUESTING = frozenset({"call", "urge", "ask", "demand", "appeal", "press", "push", "implore", "beg",
                         "encourage", "invite", "want", "expect", "refuse", "fail", "decline",
                         "pressure", "force", "challenge", "dare"})  # fmt: skip
# What "deny" withholds rather than disputes ("denied access to the crossing").
_WITHHELD = frozenset({"access", "entry", "permission", "permit", "visa", "passage", "right", "service"})
# Perception cues whose perceiver is the reader or the reporter ("you can see smoke", "I could
# see the tanks"): a description of the scene, not somebody's statement.
_PERCEPTION = frozenset({"see", "watch", "notice", "hear", "observe", "look", "witness"})


def _not_said(verb: Token, lemma: str) -> bool:
    """A cue that attributes nothing: requested or refused, a denial that withholds ("denied
    them entry", "are denied access"), the narrator's or the reader's own perception."""
    if verb.dep_ == "xcomp" and cue_lemma(verb.head) in _REQUESTING:
        return True
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
    if lemma == "deny" and (
        len(objects) > 1  # "denied them entry": two objects, a thing withheld from someone
        or any(c.lemma_ in _WITHHELD for c in objects)
        or (any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not any(c.dep_ == "ccomp" for c in verb.children))
    ):
        return True
    if lemma in _PERCEPTION:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and (
            subj.lower_ in ("you", "one")
            or (subj.lower_ == "i" and any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children))
        ):
            return True
    return False


def verb_cue(verb: Token) -> Candidate | None:
    lemma = cue_lemma(verb)
    entry = lex.CUE_VERBS[lemma]
    if _not_said(verb, lemma):
        return None
    # "was reported as saying": the speaker belongs to the governing verb.
    governors = [verb]
    if verb.dep_ in ("pcomp", "xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        governors.append(verb.head)
        if verb.head.dep_ == "prep" or verb.dep_ == "pcomp":
            governors.append(verb.head.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governors = [verb, verb.head.head]
    if coordinated_cue(verb):
        # "He said the economy was weak and criticized him": the parser hangs the second
        # cue under the first one's complement; its speaker is the first cue's.
        governors = [verb, verb.head.head]
    # "released a statement saying ...", "made a point of saying ...": the speaker is the
    # subject of the verb that governs the noun.
    noun = verb.head if verb.dep_ == "acl" else None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "NOUN":
        noun = verb.head.head
    if (
        noun is not None
        and noun.pos_ == "NOUN"
        and noun.head.pos_ in ("VERB", "AUX")
        and noun.dep_ in ("dobj", "attr")
    ):
        governors.append(noun.head)
    speaker = subject_of(verb) or _adjacent_subject(verb)
    if speaker is None:
        for gov in governors[1:]:
            speaker = subject_of(gov)
            if speaker is not None:
                break
    if speaker is None:
        speaker = _inherited_subject(verb)
    if speaker is None:
        speaker = _stranded_subject(verb)
    if (
        speaker is None
        and verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ in ("NOUN", "PROPN", "PRON")
    ):
        speaker = verb.head  # "staff members suggesting ...", "a sign saying ..."
    antecedent = None
    if (
        speaker is not None
        and verb.dep_ == "relcl"
        and speaker.lower_ in ("who", "that", "which")
        and verb.head.pos_ in ("NOUN", "PROPN")
    ):
        antecedent = verb.head  # "the polls that show ...", "Lee, who declared ..."
    if speaker is None or (
        antecedent is None and (speaker.pos_ == "DET" or speaker.lower_ in NON_SPEAKERS)
    ):
        return None
    if speaker.lower_ in ("it",) and verb.lemma_ not in ("say", "state", "report", "announce"):
        return None
    holder = antecedent if antecedent is not None else speaker
    if (
        entry.weak
        and describe_speaker(holder).entity_type == "unknown"
        and not (holder.pos_ == "NOUN" and _that_clause(verb))
        and not _evidence_holder(verb, holder)
    ):
        # "the silence indicates ...": evidence verbs need a speaking subject, or a noun
        # subject with a that-clause ("records show that ...").
        return None
    frame = _frame_tokens(verb, speaker)
    via, via_toks = find_channel(governors, exclude=set())
    frame |= via_toks
    content = _clausal_content(verb, speaker) or as_clause_content(verb, speaker)
    if content is None and entry.takes_object and any(c.dep_ == "oprd" for c in verb.children):
        # "called the United States 'the one who started ...'": the object is part of what
        # was said, not of the frame, or the label would lose whom it is about.
        content = _object_content(verb, frame, speaker)
    if content is None and _evidence_holder(verb, holder):
        # "a new poll shows Clinton and Sanders in a dead heat": the whole predicate.
        frame -= {t.i for c in verb.rights if c.dep_ in ("dobj", "prep") for t in c.subtree}
        content = _object_content(verb, frame, speaker)
    # A relative clause or a participle ("Zuckerberg, who announced plans ...", "...,
    # calling him a stiff") is never appended to a clause it reports.
    # ('"...," the candidate said' misparsed as a relative clause still is one.)
    embedded = (
        verb.dep_ in ("relcl", "acl") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    ) and not _after_quote(verb.doc, min(frame))
    if not embedded and (content is None or (content[0] is not None and content[0].i < verb.i)):
        # A cue after its content ("X happened, officials said"): everything before the
        # cue is the content, not only the clause the parser hung under the verb.
        appended = _appended_content(verb, frame)
        if appended is not None:
            root = content[0] if content is not None else appended[0]
            content = (root, appended[1], appended[2])
    hi = max(frame) + 1
    if content is None and embedded and hi < len(verb.doc) and _opens_quote(verb.doc, hi):
        content = trim(verb.doc, None, hi, verb.sent.end)  # "a message that said, '...'"
    if content is None and entry.takes_object:
        content = _object_content(verb, frame, speaker)
    if content is None:
        content = _prep_content(verb, via_toks)
    if content is None:
        return None
    if content[1] > verb.idx:
        # Prepositional phrases on the cue are frame only when they give time or channel.
        loose = {
            t.i
            for c in verb.rights
            if c.dep_ == "prep"
            and c.i not in via_toks
            and c.lower_ not in ADJUNCT_PREPS
            and not any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree)
            for t in c.subtree
        }
        content = extend_right(verb, content, frame - loose)
    root, cs, ce = content
    cue_start, cue_end = _cue_extent(verb, governors)
    hedged = (
        entry.hedged
        or is_hedged(root)
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
        antecedent=antecedent,
    )


def cue_lemma(tok: Token) -> str:
    """The token's lemma for the cue tables, with the parser's known lemma slips mended."""
    return lex.LEMMA_FIXES.get(tok.lower_, tok.lemma_.lower())


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the agent of a passive ("it was reported by X")."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.pos_ != "VERB":
            return child
    for child in verb.children:  # passive with agent: "it was reported by X"
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _inherited_subject(verb: Token) -> Token | None:
    """The subject a subjectless cue shares with the verbs it hangs on: "pointing to the
    bottles and telling viewers that ...", "calling them rapists and vowing to ..."."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("conj", "advcl", "xcomp") or cur.head.pos_ not in ("VERB", "AUX"):
            return None
        cur = cur.head
        found = subject_of(cur)
        if found is not None:
            return found
    return None


def _stranded_subject(verb: Token) -> Token | None:
    """A finite cue with a clause after it but no subject in the parse ("Activists clamoring
    to block him say they ...", "about two-thirds, 67 percent, say ..."): the parser lost
    the subject; the nearest earlier subject-like noun of the sentence stands in for it."""
    if verb.tag_ not in ("VBD", "VBP", "VBZ") or verb.dep_ not in ("ROOT", "dep"):
        return None
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    for tok in reversed(verb.doc[verb.sent.start : verb.i]):
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ in ("nsubj", "ROOT", "appos"):
            return tok
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
            # A quotation before the cue that the parser hung on it as a modifier
            # ('"Throughout the county ...," Stanton wrote') is the content, not the frame.
            and not (child.i < speaker.i and _after_quote(verb.doc, speaker.left_edge.i))
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
    channel = find_channel([verb], exclude=set())[1]  # "in a statement", "on Telegram"
    for c in verb.rights:
        if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "attr", "dative"):
            if (
                c.dep_ == "dobj"
                and c.lemma_ in lex.ANAPHORIC_OBJECTS
                # "denied media reports that ...": the report has its own content
                and not any(g.dep_ in ("acl", "ccomp", "relcl") for g in c.children)
                # "call it the nerd prom": a complement after the pronoun is the content
                and not any(x.dep_ in ("oprd", "xcomp") and x.i > c.i for x in verb.children)
            ):
                return None
            parts.append(c)
        elif (
            c.dep_ == "prep"
            and parts
            and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
            and (
                c.lower_ in lex.CONTENT_PREPS | _OBJECT_COMPLEMENT_PREPS
                or not ({t.i for t in c.subtree} & frame - {t.i for p in parts for t in p.subtree})
            )
            and c.i not in channel
        ):
            # "accused X of Y", "described X as Y": the reason or the label belongs in it.
            parts.append(c)
        elif c.dep_ in ("conj", "advmod") and parts and c.pos_ in ("NOUN", "PROPN", "ADV"):
            # "... east of the city", "reductions in early voting, restrictions on ...": the
            # parser hangs the rest of the object on the verb.
            if c.pos_ == "ADV" and not any(g.dep_ == "prep" for g in c.children):
                continue
            parts.append(c)
    if not parts or all(p.dep_ == "dative" for p in parts):
        return None
    lo = min(p.left_edge.i for p in parts)
    hi = max(p.right_edge.i for p in parts) + 1
    if lo <= speaker.i < hi:
        return None
    return trim(doc, parts[0], lo, hi)


def _clausal_content(verb: Token, speaker: Token) -> tuple[Token | None, int, int] | None:
    """The cue's complement clause."""
    kids = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i != speaker.i]
    # "called for the strongholds to be hit", "asked whether ...": the parser makes these
    # adverbial clauses; their marker says they are the content.
    kids += [
        c
        for c in verb.rights
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in _CONTENT_MARKS for m in c.children)
        and any(m.dep_ == "mark" and m.i == c.left_edge.i for m in c.children)
    ]
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
        coordinated = [c for c in kid.children if coordinated_cue(c)]
        cut = {t.i for c in coordinated for t in c.subtree}
        if coordinated:
            cut |= {c.i for c in kid.children if c.dep_ == "cc"}
        toks = [t for t in kid.subtree if t.i > verb.i and t.i not in cut]
        if toks and toks[0].dep_ == "mark" and toks[0].lower_ == "for":
            toks = toks[1:]  # "called for X to ...": "for" belongs to the cue
    else:
        speaker_toks = {t.i for t in speaker.subtree}
        toks = [t for t in kid.subtree if t.i < verb.i and t.i not in speaker_toks]
    return trim_tokens(kid, [t.i for t in toks])


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
    if (
        host is None
        and not _after_quote(doc, frame_lo)
        and _only_adverbials(doc, sent.start, frame_lo)
    ):
        # "While celebrating X, Trump mocked Y": an adverbial before a main-clause cue is
        # not what was said; only a clause hung on the cue is ("X happened, he said"), or a
        # quotation or colon right after it.
        if frame_hi < len(doc) and (_opens_quote(doc, frame_hi) or doc[frame_hi].text == ":"):
            return trim(doc, None, after[0], after[1])
        return None
    n_before = sum(1 for t in doc[before[0] : before[1]] if not t.is_punct)
    n_after = sum(1 for t in doc[after[0] : after[1]] if not t.is_punct)
    if n_before < MIN_CONTENT_TOKENS and frame_lo == sent.start and _after_quote(doc, frame_lo):
        # "''... didn't he?'' Mrs. Clinton said.": the parser closed the sentence inside
        # the quotation; the quotation before the cue is the content.
        opening = _quote_start(doc, frame_lo - 1)
        if opening is not None:
            return trim(doc, None, opening, frame_lo)
    if n_before < MIN_CONTENT_TOKENS:
        # "He said: ..." or a quote after the cue: content is what follows.
        if (
            n_after >= MIN_CONTENT_TOKENS
            and frame_hi < len(doc)
            and _follows_colon_or_quote(doc, frame_hi)
        ):
            return trim(doc, None, after[0], after[1])
        return None
    if frame_lo > 0 and not (doc[frame_lo - 1].is_punct or doc[frame_lo - 1].is_quote):
        # "He frowned and said: 'We stay.'": the quotation after the cue is the content.
        if n_after >= MIN_CONTENT_TOKENS and _opens_quote(doc, frame_hi):
            return trim(doc, None, after[0], after[1])
        return None  # the cue is not set off from the clause before it
    lo, hi = before
    parenthetical = (
        frame_hi < sent.end
        and doc[frame_hi].text == ","
        and frame_lo > sent.start
        and doc[frame_lo - 1].text == ","
    )
    if n_after >= 3 and (host is not None or parenthetical) and not own_clause_after(verb, after):
        hi = after[1]  # "'A,' he said, 'B.'": one span over both halves
    return trim(doc, host, lo, hi)


# Evidence verbs whose object is the finding when a document or poll is the subject.
_EVIDENCE_VERBS = frozenset({"show", "find", "reveal", "indicate", "suggest"})


def _evidence_holder(verb: Token, holder: Token) -> bool:
    """ "the poll shows X ahead", "records reveal ...": a poll, survey or document subject."""
    return (
        verb.lemma_.lower() in _EVIDENCE_VERBS
        and holder.pos_ in ("NOUN", "PROPN")
        and holder.lemma_.lower() in lex.EVIDENCE_SOURCES
    )


def _opens_quote(doc: Doc, i: int) -> bool:
    """A quotation mark opens at token i, or right after a comma or colon there."""
    toks = list(doc[i : i + 2])
    if toks and toks[0].text in (",", ":"):
        toks = toks[1:]
    return bool(toks) and toks[0].is_quote


def _follows_colon_or_quote(doc: Doc, i: int) -> bool:
    for t in doc[i : i + 2]:
        if t.text == ":" or t.is_quote or t.text == ",":
            return True
    return False


def is_hedged(root: Token | None) -> bool:
    """A modal or hedge adverb on the content's main verb, or "we believe/think"."""
    if root is None:
        return False
    for c in root.children:
        if c.dep_ in ("aux", "advmod") and c.lower_ in lex.HEDGE_WORDS:
            return True
    return root.lemma_ in ("believe", "think", "suspect") and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in root.children
    )


def anaphoric_object(verb: Token) -> bool:
    """ "shared the news", "confirmed the report": a cue whose object points back."""
    return any(c.dep_ == "dobj" and c.lemma_ in lex.ANAPHORIC_OBJECTS for c in verb.children)


def _prep_content(verb: Token, channel: set[int]) -> tuple[Token | None, int, int] | None:
    """What a cue verb is about when it takes a preposition instead of an object: "called
    for a ceasefire", "complained about the shelling", "warned against escalation"."""
    for c in verb.rights:
        if c.dep_ != "prep" or c.lower_ not in lex.CONTENT_PREPS or c.i in channel:
            continue
        obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None or any(t.ent_type_ in ("DATE", "TIME") for t in obj.subtree):
            continue
        return trim(verb.doc, obj, obj.left_edge.i, obj.right_edge.i + 1)
    return None


def _that_clause(verb: Token) -> bool:
    """The verb has a complement clause after it ("show that ...", "show Russia lost ...")."""
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _after_quote(doc: Doc, i: int) -> bool:
    """A closing quotation mark (maybe with a comma) sits right before token i."""
    return (i >= 1 and doc[i - 1].is_quote) or (
        i >= 2 and doc[i - 1].text == "," and doc[i - 2].is_quote
    )


# How far back a quotation's opening mark is looked for (tokens).
_QUOTE_REACH = 200


def _quote_start(doc: Doc, i: int) -> int | None:
    """The opening mark of the quotation whose closing mark is at or just before token i."""
    close = i if doc[i].is_quote else i - 1
    if close < 1 or not doc[close].is_quote:
        return None
    for k in range(close - 1, max(-1, close - _QUOTE_REACH), -1):
        tok = doc[k]
        if tok.is_quote and (k == 0 or doc[k - 1].whitespace_ or doc[k - 1].is_space):
            return k
        if "\n\n" in tok.text:
            return None
    return None


def _only_adverbials(doc: Doc, lo: int, hi: int) -> bool:
    """Tokens lo..hi are only adverbial phrases ("In a direct appeal to voters, ...",
    "So far, ..."): no clause of their own that could be what was said."""
    region = range(lo, hi)
    roots = [t for t in doc[lo:hi] if t.head.i not in region or t.head.i == t.i]
    return all(t.dep_ in _NOT_CONTENT_DEPS or t.is_punct for t in roots)
