"""All attribution candidates of a document: each token tried as a cue, in text order."""

from __future__ import annotations

from spacy.tokens import Doc

from wirecoder.claims import _lexicon as lex
from wirecoder.claims._nominal import according_cue, expressed_cue, nominal_cue, prep_cue
from wirecoder.claims._rules import Candidate, cue_lemma, verb_cue


def find_candidates(doc: Doc) -> list[Candidate]:
    """All attributions in the document, in text order."""
    out: list[Candidate] = []
    for tok in doc:
        cand: Candidate | None = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cand = according_cue(tok)
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_ in lex.EXPRESS_VERBS:
            cand = expressed_cue(tok)
        elif tok.pos_ == "VERB" and cue_lemma(tok) in lex.CUE_VERBS:
            cand = verb_cue(tok)
            if cand is None and cue_lemma(tok) in lex.PREP_CUE_VERBS:
                cand = prep_cue(tok)
        elif tok.pos_ == "VERB" and cue_lemma(tok) in lex.PREP_CUE_VERBS:
            cand = prep_cue(tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.NOMINAL_CUES:
            cand = nominal_cue(tok)
        if cand is not None:
            out.append(cand)
    return out
