"""All attribution candidates of a document: each token tried as a cue, in text order."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.claims import _lexicon as lex
from wirecoder.claims._dashes import dash_cues
from wirecoder.claims._evidential import evidential_cue
from wirecoder.claims._nominal import according_cue, expressed_cue, nominal_cue, prep_cue
from wirecoder.claims._rules import Candidate, around, cue_lemma, trim, verb_cue


def find_candidates(doc: Doc) -> list[Candidate]:
    """All attributions in the document, in text order."""
    out: list[Candidate] = []
    text = doc.text  # Doc.text rebuilds the string on every access: once per document
    for tok in doc:
        cand: Candidate | None = evidential_cue(tok)
        if cand is not None:
            out.append(cand)
            continue
        if tok.text == ":":
            cand = colon_cue(tok, text)
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
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
    out.extend(dash_cues(doc))
    return out


# A name before a colon is a speaker only when it is this short ("Clinton:", "Sen. Lindsey
# Graham:", "Clinton to Planned Parenthood:"); longer lead-ins are sentences of their own.
_COLON_PREFIX_TOKENS = 6


def colon_cue(colon: Token, text: str) -> Candidate | None:
    """Headline and transcript attributions: "Graham: Trump's rhetoric is hurting us",
    "TAPPER: Do you think ...". The name opens the line; the content is the rest of the line.

    Args:
        colon: a ":" token.
        text: the document text (`colon.doc.text`, passed in because spaCy rebuilds it).

    Returns:
        A candidate with the colon as cue, or None when the line does not open with a name.
    """
    doc = colon.doc
    line_start = text.rfind("\n", 0, colon.idx) + 1
    line_end = text.find("\n", colon.idx)
    line_end = len(text) if line_end < 0 else line_end
    prefix = [
        t for t in doc[max(0, colon.i - _COLON_PREFIX_TOKENS - 1) : colon.i] if t.idx >= line_start
    ]
    if not prefix or prefix[0].idx != line_start + _leading_space(text, line_start):
        return None
    if len(prefix) > _COLON_PREFIX_TOKENS or not any(
        t.pos_ == "PROPN" or t.is_upper for t in prefix
    ):
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in prefix):
        return None  # "Trump said:" is a verb cue; "Update, 9 a.m.:" is no speaker
    after = [t for t in doc[colon.i + 1 :] if t.idx < line_end]
    if sum(1 for t in after if not t.is_punct) < 3:
        return None
    words = [t for t in after if not t.is_punct]
    if sum(1 for t in words if t.pos_ == "PROPN") > 0.6 * len(words):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, ...": a list of names, not a statement
    names = [t for t in prefix if (t.pos_ == "PROPN" or t.is_upper) and len(t) > 1]
    if not names:
        return None  # "Q:", "A:"
    speaker = next(
        (t for t in names if t.head.i == t.i or t.head.i not in {p.i for p in prefix}), names[-1]
    )
    return around(trim(doc, None, colon.i + 1, after[-1].i + 1), colon.idx, colon.idx + 1, speaker=speaker,
                  kind="colon", frame={t.i for t in prefix} | {colon.i})  # fmt: skip


def _leading_space(text: str, start: int) -> int:
    n = 0
    while start + n < len(text) and text[start + n] in " \t":
        n += 1
    return n
