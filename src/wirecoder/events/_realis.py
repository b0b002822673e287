"""Did the text say this event happened? Realis, modality, negation, genericity of a trigger.

Hand-written over the spaCy dependency parse (no package reads event modality off an English
parse): from the trigger up through the clauses that scope over it, a modal or future auxiliary,
a governing verb of planning, fearing, urging or accusing ("threatened to attack"), a frame noun
("fears of an invasion"), a conditional subordinator, negation, a habitual adverb or a question
make the trigger a generic mention, with the typed reason. The cue words are the rulebook's
`realis.tsv`. What the walk does not decide (tense, anchoring in time or place) is decided in
`detect`, where dates and places are known.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from wirecoder.rulebook import realis_cues, word_classes

# Dependencies through which a governor scopes over its dependent ("threatened [to attack]",
# "fears [of an invasion]", "accused Ukraine [of attacking]", "said [that it shelled]").
_SCOPED = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "advcl", "acomp", "oprd", "attr"})
# A to-infinitive modifying a noun ("plans to attack", "a bid to hit"): scoped by that noun.
_NOUN_INFINITIVE = "acl"
# Dependencies whose head's auxiliaries apply to the dependent: a subject of "would be".
_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj"})
# An event inside a relative clause or a participle modifier is told on its own terms.
_INDEPENDENT = frozenset({"relcl", "acl", "appos", "parataxis"})
_CLIMB = 6
# Prepositions that place the main clause in time relative to an event they presuppose.
TEMPORAL_PREPS = frozenset({"since", "after", "before", "following", "during", "amid", "amidst", "until", "despite"})


class Realis(NamedTuple):
    """`reason` is None when the trigger is realis; `announced` when a past decision governs it
    ("announced it would withdraw": for a strategic development, the decision is the event)."""

    reason: str | None
    announced: bool = False
    tense: str = "past"  # past, perfect, present, progressive, nonfinite, nominal


def _tense(verb: Token) -> str:
    if verb.pos_ in ("NOUN", "PROPN"):
        # "Firefights are breaking out": a noun takes the tense of the verb it is an argument of
        if verb.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
            return _tense(verb.head)
        return "nominal"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if not auxes and verb.i > verb.sent.start:
        # 'had "stolen equipment': an opening quote mark cuts the auxiliary off in the parse
        prev = verb.nbor(-1)
        while prev.is_punct and prev.i > verb.sent.start:
            prev = prev.nbor(-1)
        if prev.lemma_ in ("have", "be"):
            lowers = {prev.lower_}
    if lowers & {"has", "have", "had", "'ve", "having"}:
        return "perfect"
    if verb.tag_ == "VBG" and lowers & {"is", "are", "am", "'s", "'re"}:
        return "progressive"
    if verb.tag_ == "VBN" and lowers & {"is", "are", "am", "'s", "'re", "being"}:
        return "present"
    if verb.tag_ in ("VBD",) or lowers & {"was", "were", "did"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or lowers & {"do", "does"}:
        return "present"
    return "nonfinite"


def _own_cue(tok: Token, cues: dict[str, dict[str, str]]) -> str | None:
    """Cues on the trigger itself: its auxiliaries, negation, marker, habitual adverbs, and a noun
    trigger's modifiers ("a possible offensive", "no shelling", "daily shelling")."""
    for c in tok.children:
        low = c.lower_
        if (c.dep_ == "neg" and not _not_only(c)) or (c.dep_ == "det" and low == "no"):
            return "negated"
        if c.dep_ == "aux" and low in cues["aux"]:
            return cues["aux"][low]
        if c.dep_ == "mark" and low in cues["mark"]:
            return cues["mark"][low]
        if c.dep_ in ("advmod", "npadvmod", "amod") and low in cues["adverb"]:
            return cues["adverb"][low]
        if c.dep_ in ("amod", "det", "compound") and tok.pos_ in ("NOUN", "PROPN") and low in cues["modifier"]:
            return cues["modifier"][low]
        if c.dep_ in ("advmod", "npadvmod") and any(g.lower_ in cues["adverb"] for g in c.children):
            return "habitual"  # "almost daily"
    if tok.pos_ in ("NOUN", "PROPN"):  # "the attack that was supposed to start", "an offensive expected to begin"
        for c in tok.children:
            if c.dep_ not in ("relcl", "acl"):
                continue
            lemma = c.lemma_.lower()
            if lemma in cues["governor"]:
                return cues["governor"][lemma]
            aux = next((a.lower_ for a in c.children if a.dep_ == "aux" and a.lower_ in cues["aux"]), None)
            if aux is not None:
                return cues["aux"][aux]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "obj", "nsubj", "nsubjpass"):
        # "described Russia's invasion as imminent", "the attack is likely": a predicate judging it
        for c in tok.head.children:
            if c.dep_ in ("prep", "acomp", "oprd", "attr") and c.i != tok.i:
                words = [c] if c.dep_ != "prep" else ([c] if c.lower_ != "as" else list(c.subtree)[1:])
                hit = next((w.lower_ for w in words if w.lower_ in cues["modifier"]), None)
                if hit is not None and (c.dep_ != "prep" or c.lower_ == "as"):
                    return cues["modifier"][hit]
    if tok.pos_ == "NOUN":  # "not a real withdrawal", "neither shelling nor"
        i = tok.i - 1
        while i >= tok.sent.start and tok.doc[i].dep_ in ("det", "amod", "compound", "advmod"):
            i -= 1
        if i >= tok.sent.start and tok.doc[i].lower_ in ("not", "no", "never", "without"):
            return "negated"
    return None


def _not_only(neg: Token) -> bool:
    """"has not only amassed troops but deployed more": a focus, not a negation."""
    return neg.i + 1 < len(neg.doc) and neg.doc[neg.i + 1].lower_ in ("only", "just", "merely", "simply")


def _infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _decision_above(tok: Token, cues: dict[str, dict[str, str]]) -> bool:
    """A past decision verb scopes over the trigger: "Russia announced it would withdraw"."""
    node = tok
    for _ in range(_CLIMB):
        head, dep = node.head, node.dep_
        if head == node or dep not in _SCOPED | {"conj"}:
            return False
        if head.pos_ == "VERB" and head.lemma_.lower() in cues["decision"]:
            return _tense(head) in ("past", "perfect")
        node = head
    return False


def realis(tok: Token, *, strategic: bool) -> Realis:
    """Whether the trigger `tok` reports something that happened, as its clause frames it.

    Args:
        tok: the trigger token (verb or event noun).
        strategic: whether it codes as a strategic development, for which a past decision
            ("ordered a withdrawal", "announced it would withdraw") is the event.

    Example:
        >>> realis(nlp("Russia threatened to attack Kyiv.")[3], strategic=False).reason
        'threat'
    """
    cues = realis_cues()
    tense = _tense(tok)
    own = _own_cue(tok, cues)
    if own is not None:
        if strategic and own in ("modal", "future", "plan") and _decision_above(tok, cues):
            return Realis(None, announced=True, tense=tense)
        return Realis(own, tense=tense)
    if tok.sent.text.rstrip().rstrip("\"”’'").endswith("?"):
        return Realis("question", tense=tense)
    if _infinitive(tok) and tok.dep_ == "ROOT":
        return Realis("future", tense=tense)  # headline grammar: "US to move more troops"
    node = tok
    infinitive = _infinitive(tok)
    factive = word_classes()["factive_noun"]
    for _ in range(_CLIMB):
        head, dep = node.head, node.dep_
        if head == node or (dep in _INDEPENDENT and not (dep == _NOUN_INFINITIVE and _infinitive(node))):
            break
        lemma = head.lemma_.lower()
        if dep in ("pobj", "pcomp") and head.pos_ == "ADP" and head.lower_ in TEMPORAL_PREPS:
            break  # "since the invasion on 24 February", "after Russia invaded": presupposed, whatever frames the clause
        if head.pos_ == "NOUN" and lemma in factive and dep in ("pobj", "prep", "compound"):
            break  # "an investigation into the killing": the killing happened, whatever is asked
        if dep in _SCOPED or dep == "conj" or dep == _NOUN_INFINITIVE:
            if dep == "conj" and any(c.dep_ == "aux" for c in node.children):
                break  # "has shelled X and will attack Y": each conjunct has its own auxiliaries
            if head.pos_ == "VERB" and lemma in cues["aspect"]:
                infinitive = False  # "began to withdraw", "tried to break through": it happens
            elif head.pos_ == "VERB" and lemma in cues["decision"]:
                if strategic and _tense(head) in ("past", "perfect"):
                    return Realis(None, announced=True, tense=tense)
                return Realis(cues["decision"][lemma], tense=tense)
            elif head.pos_ in ("VERB", "ADJ", "AUX") and lemma in cues["governor"]:
                return Realis(cues["governor"][lemma], tense=tense)
            elif head.pos_ == "NOUN" and lemma in cues["frame"] and dep in ("pobj", "prep", "compound", "dobj", "acl"):
                return Realis(cues["frame"][lemma], tense=tense)
            if infinitive and dep in ("xcomp", "advcl") and head.pos_ in ("VERB", "AUX"):
                return Realis("plan", tense=tense)  # "massed troops to invade": a purpose
        if dep != "ccomp" and (dep in _SCOPED or dep in _SUBJECT or dep == "conj"):
            # A modal on a reporting verb ("could say") does not make what is said modal.
            for c in head.children:
                low = c.lower_
                if c.dep_ == "aux" and low in cues["aux"]:
                    if strategic and _decision_above(head, cues):
                        return Realis(None, announced=True, tense=tense)
                    return Realis(cues["aux"][low], tense=tense)
                if c.dep_ == "mark" and low in cues["mark"]:
                    return Realis(cues["mark"][low], tense=tense)
                if c.dep_ == "neg" and not _not_only(c) and dep in ("xcomp", "conj", "pcomp", "prep", "pobj", "dobj"):
                    return Realis("negated", tense=tense)
        if dep in _SUBJECT:
            # "The deployment ... has frequently occurred", "the attack did not happen"
            for c in head.children:
                if c.dep_ == "neg" and not _not_only(c):
                    return Realis("negated", tense=tense)
                if c.dep_ in ("advmod", "npadvmod") and c.lower_ in cues["adverb"]:
                    return Realis(cues["adverb"][c.lower_], tense=tense)
            break
        node = head
    return Realis(None, tense=tense)
