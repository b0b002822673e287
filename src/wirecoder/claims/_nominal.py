"""Attribution frames headed by something other than a cue verb with a complement: "according
to X", noun cues ("Moscow's claim that ...", "issued a statement: ..."), verbs that attribute
through a preposition ("referred to X") and "expressed skepticism about X".

Hand-written over the dependency parse, like `_rules.py` (no offline package does this).
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.claims import _lexicon as lex
from wirecoder.claims._rules import (
    NON_SPEAKERS,
    Candidate,
    around,
    cue_lemma,
    subject_of,
    trim,
)
from wirecoder.claims._spans import trim_tokens

# Verbs that put out a statement named by their object ("issued a statement: ...").
_ISSUING_VERBS = frozenset({"issue", "release", "make", "post", "publish", "give", "deliver"})


def prep_cue(verb: Token) -> Candidate | None:
    """ "referred to X", "talked about X": a subject and the preposition's object."""
    speaker = subject_of(verb)
    if speaker is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ == "VERB":
        speaker = subject_of(verb.head)  # "..., referring to X"
    if speaker is None or speaker.pos_ == "DET" or speaker.lower_ in NON_SPEAKERS | {"it"}:
        return None
    preps = lex.PREP_CUE_VERBS[cue_lemma(verb)]
    for c in verb.rights:
        if c.dep_ not in ("prep", "prt") or c.lower_ not in preps:
            continue
        obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            continue
        return around(
            trim(verb.doc, obj, obj.left_edge.i, obj.right_edge.i + 1), verb.idx, c.idx + len(c),
            speaker=speaker, frame={verb.i, c.i} | {t.i for t in speaker.subtree},
        )  # fmt: skip
    return None


def according_cue(tok: Token) -> Candidate | None:
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
        # "according to an analysis by the Pew Research Center": the author speaks.
        author = next(
            (
                g
                for c in pobj.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        speaker = mod or author or pobj
    pp = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i, to.i}
    lo_pp, hi_pp = min(pp), max(pp) + 1
    sent = tok.sent
    host = tok.head if tok.head.i != tok.i else None
    region = [t.i for t in (host.subtree if host is not None and host.dep_ != "ROOT" else sent)]
    set_off = (lo_pp == sent.start or doc[lo_pp - 1].text in (",", "(", "\u2014")) and (
        hi_pp >= sent.end or doc[hi_pp].text in (",", ".", ")", "\u2014", ";")
    )
    if (host is not None and host.dep_ == "ROOT") or set_off:
        # Set off by commas, "according to X" covers its whole sentence, whatever clause
        # the parser hung it on.
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
    return around(trim(doc, host, lo, hi), tok.idx, to.idx + len(to), hedged=None, speaker=speaker,
                  kind="according", frame=pp)  # fmt: skip


def expressed_cue(verb: Token) -> Candidate | None:
    """ "expressed skepticism about X", "cast doubt on X": the noun carries the stance."""
    noun = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in lex.EXPRESSED_NOUNS), None
    )
    speaker = subject_of(verb)
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
    return around(
        trim_tokens(target[0].head, [t.i for t in target]), verb.idx, noun.idx + len(noun),
        speaker=speaker, stance=lex.EXPRESSED_NOUNS[noun.lemma_], kind="express",
        frame={verb.i} | {t.i for t in speaker.subtree} | {noun.i},
    )  # fmt: skip


def _nominal_source(noun: Token) -> Token | None:
    """Who holds a nominal cue: "Moscow's claim", "the Kremlin statement", "a call by NATO"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.i < noun.i:
            return c
    for c in noun.children:
        if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return c
        if c.dep_ == "compound" and c.lemma_.lower() in _PRESS_NOUNS and _outlet_holder(noun, any_prep=True) is None:
            return c  # "media reports that ..."
    if noun.dep_ == "dobj" and noun.head.lemma_ in _ISSUING_VERBS:
        # "the ministry issued a statement: ..."
        subj = subject_of(noun.head)
        if subj is not None:
            return subj
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (pobj.ent_type_ or pobj.pos_ in ("PROPN", "PRON")):
                return pobj
    return _outlet_holder(noun)


# Nouns that name the press as a whole: "reports in Western media (outlets)".
_PRESS_NOUNS = frozenset({"media", "medium", "outlet", "press", "newspaper", "paper", "tabloid"})


def _outlet_holder(noun: Token, *, any_prep: bool = False) -> Token | None:
    """ "reports in various Western media outlets on ...": the press holds the report."""
    if noun.lemma_.lower() not in ("report", "claim", "allegation", "story", "article") and not any_prep:
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.i > noun.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (pobj.lemma_.lower() in _PRESS_NOUNS | lex.NEWS_OUTLET_HEADS):
                return pobj
    return None


def nominal_cue(noun: Token) -> Candidate | None:
    """A noun cue with a holder: "Kyiv's claim that ...", "NATO's call for more troops".

    The content is the noun's clausal complement ("that ...", "to ...") or the object of
    its about-preposition ("for X", "about X", "of X").
    """
    speaker = _nominal_source(noun)
    if speaker is None:
        return None
    target: list[Token] = []
    # "reports in Western media on the attack": the parser hangs the content on the holder
    holders = [speaker] if speaker.i > noun.i and speaker.head.head.i == noun.i else []
    for c in [*noun.rights, *(x for h in holders for x in h.rights)]:
        if c.dep_ in ("acl", "ccomp"):
            target = list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in lex.CONTENT_PREPS:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                target = list(obj.subtree)
        if target:
            break
    colon = noun.right_edge.i + 1
    if not target and colon < noun.sent.end and noun.doc[colon].text == ":":
        # "issued a statement: '...'": what follows the colon.
        target = list(noun.doc[colon + 1 : noun.sent.end])
    if not target:
        return None
    return around(
        trim_tokens(target[0].head, [t.i for t in target]), noun.idx, noun.idx + len(noun), hedged=None,
        speaker=speaker, stance=lex.NOMINAL_CUES[noun.lemma_.lower()], kind="nominal",
        frame={noun.i} | {t.i for t in speaker.subtree},
    )  # fmt: skip
