"""Dash-quoted statements: "- The city is ours - said the mayor." / "... are underway -
assures Serhiy Haidai, head of the region."

Some outlets (Polish and Ukrainian ones translated into English) quote with dashes instead of
quotation marks, with the cue after the closing dash. The parser reads "- said the mayor" as
a noun phrase hung on the quoted clause, so no verb rule sees a cue there; this rule finds the
pattern in the text and lets the parse name only the speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from wirecoder.claims._rules import Candidate

# " - said the minister", " – assures Serhiy Haidai": a dash, a speech verb, then the speaker.
_CUE = re.compile(
    r"\s[-–—]\s*(?P<cue>(?:said|says|say|assures|assured|added|adds|emphasized|emphasised|stressed|"
    r"wrote|writes|explained|explains|stated|states|announced|noted|notes|argued|argues|"
    r"claimed|claims|admitted|admits|warned|warns|concluded|commented|pointed out|recalled|"
    r"recalls|insisted|insists|declared|informed|reported|reports|told)\b)"
    r"\s+(?P<speaker>[^.,;:!?\n\"“”]{2,80})"
)
# An opening dash: at a line start or right after the end of a sentence ("city.- A few ...").
_OPENING = re.compile(r"(?:^|\n|[.!?\"”]\s*)[-–—]\s*(?=\S)")
_REACH = 900  # characters a dash-quoted statement may run before its cue
_SENTENCE_END = re.compile(r"[.!?](?=\s*[A-Z\"“])")


def dash_cues(doc: Doc) -> list[Candidate]:
    """Candidates for every dash-quoted statement with a cue after it.

    Example:
        >>> [text[c.content_start:c.content_end] for c in dash_cues(nlp("- We hold it - said the mayor."))]  # doctest: +SKIP
        ['We hold it']
    """
    text = doc.text
    out: list[Candidate] = []
    for m in _CUE.finditer(text):
        dash = m.start() + 1
        line_start = text.rfind("\n", 0, dash) + 1
        window_start = max(line_start, dash - _REACH)
        openings = [o for o in _OPENING.finditer(text, window_start, dash) if o.end() < dash]
        if openings:
            start = openings[-1].end()
        else:  # no opening dash: the sentence the cue closes
            ends = [e.end() for e in _SENTENCE_END.finditer(text, window_start, dash)]
            start = ends[-1] if ends else window_start
        while start < dash and text[start] in " \t":
            start += 1
        end = dash - 1
        while end > start and text[end - 1] in " \t,":
            end -= 1
        if end - start < 15:
            continue
        speaker = _speaker(doc, m.start("speaker"), m.end("speaker"))
        if speaker is None:
            continue
        cue = doc.char_span(m.start("cue"), m.end("cue"), alignment_mode="expand")
        frame = {t.i for t in cue} if cue is not None else set()
        out.append(Candidate(
            cue_start=m.start("cue"), cue_end=m.end("cue"), content_start=start, content_end=end,
            content_root=None, speaker=speaker, kind="verb", frame=frame,
        ))  # fmt: skip
    return out


def _speaker(doc: Doc, start: int, end: int):
    """The head of the speaker phrase: its last noun before any "on Tuesday" or "in a ..."."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    toks: list[Token] = []
    for t in span:
        if t.lower_ in ("on", "in", "at", "during", "after", "to", "for", "who", "that") and toks:
            break
        toks.append(t)
    nouns = [t for t in toks if t.pos_ in ("PROPN", "NOUN") and t.is_alpha]
    return nouns[-1] if nouns else None
