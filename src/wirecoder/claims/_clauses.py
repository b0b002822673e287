"""Helpers over the spaCy dependency parse for reading claims as propositions
(propositions.py): who is a verb's subject or controller, what a phrase names, which
negations and modal words bear on a predicate, and whether an eventive noun is said to happen.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.claims import _senses as sense

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "acl", "relcl", "advcl", "csubj", "pcomp", "parataxis"})
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})


def child(tok: Token, dep: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == dep), None)


def child_in(tok: Token, deps: frozenset[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def caused_by(verb: Token) -> Token | None:
    """What "cause" names as the cause: its passive agent or active subject."""
    if sense.lemma(verb) not in ("cause", "trigger", "provoke"):
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)
    return agent_of_passive(verb) if passive else child_in(verb, SUBJECTS)


def agent_of_passive(verb: Token) -> Token | None:
    by = child(verb, "agent")
    return child(by, "pobj") if by is not None else None


def has_relative_pronoun(clause: Token) -> bool:
    return any(
        t.lower_ in ("which", "who", "whom", "whose", "that") and t.dep_ != "mark"
        for t in clause.subtree
        if t.head.i == clause.i or t.head.head.i == clause.i
    )


def elaboration(tok: Token) -> bool:
    """A participle or adverbial clause the denier adds ("rejected the accusation ...,
    describing the claim as propaganda"): the denier's own words, outside the denial."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "advcl" or (node.dep_ in ("acl", "conj") and node.tag_ == "VBG" and node.i > 0
                                    and node.doc[node.left_edge.i - 1].text == ","):  # fmt: skip
            return True
        node = node.head
    return False


def governors(tok: Token) -> list[Token]:
    """The verbs an infinitive, gerund or conjunct hangs from, nearest first ("Russia intended
    to transform Kherson ... by mining": transform, intended)."""
    out: list[Token] = []
    node = tok
    while True:
        if node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head
        else:
            return out
        out.append(node)


def controller(tok: Token) -> Token | None:
    """The subject of the nearest governing verb that has one ("troops had stolen ... and
    intended to leave ..."), or the noun a gerund is said of ("the US and its allies of
    fighting a proxy war", the content of "accused ... of ...")."""
    if (
        tok.dep_ == "pcomp"
        and tok.head.lower_ == "of"
        and (tok.head.head.pos_ in ("NOUN", "PROPN") or tok.head.head.dep_ == "ROOT")
    ):
        return tok.head.head
    if (
        tok.dep_ == "acl" and sense.lemma(tok.head) in sense.INTENT_NOUNS
    ):  # "Russia has plans to attack"
        noun = tok.head
        poss = child(noun, "poss")
        if poss is not None:
            return poss
        if noun.dep_ in ("dobj", "attr"):
            return child_in(noun.head, SUBJECTS)
    for node in governors(tok):
        subj = child_in(node, SUBJECTS)
        if subj is not None:
            return subj
    return None


def is_content_root(tok: Token) -> bool:
    """The content's own main clause (or a verb chained to it by xcomp/conj)."""
    node = tok
    while node.dep_ in ("xcomp", "conj", "aux") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "ROOT"


def through_quantifier(tok: Token) -> Token:
    """ "a series of explosions", "dozens of soldiers": the noun after "of"."""
    if tok.lemma_.lower() in sense.QUANTIFIER_NOUNS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = child(of, "pobj") if of is not None else None
        if pobj is not None:
            return pobj
    return tok


def names(tok: Token, *, bare: bool = False) -> set[str]:
    """Party and place names in a noun phrase, not in clauses nested in it; `bare`: in the
    name itself only, not in its prepositional phrases ("Russia" of "Russia for the shelling
    of the plant")."""
    out: set[str] = set()
    words = (
        [tok, *(c for c in tok.children if c.dep_ in ("compound", "flat", "amod"))]
        if bare
        else phrase(tok)
    )
    for x in words:
        party = sense.party(x)
        if party:
            out.add(party)
            if x.lower_ not in sense.DEMONYMS:
                out.add(x.lower_)  # "Kyiv" is Ukraine as an actor, and also a place of its own
        elif is_name(x) and x.lower_ not in ("united", "white", "european"):
            out.add(x.lemma_.lower() if x.pos_ == "PROPN" else x.lower_)
    return out


def antecedent(noun: Token) -> Token:
    """What a relative clause's noun stands for: "the United States is the one who ...",
    "called the United States the one who ..." -> the United States."""
    if noun.dep_ == "attr":
        subj = child_in(noun.head, SUBJECTS)
        return subj if subj is not None else noun
    if noun.dep_ == "oprd":
        obj = child(noun.head, "dobj")
        return obj if obj is not None else noun
    if noun.dep_ == "appos":
        return noun.head
    return noun


def is_name(tok: Token) -> bool:
    """A proper name: tagged so, or a capitalised noun inside a sentence (the tagger takes
    unfamiliar place names such as "Dzhankoi" for plural nouns)."""
    if not tok.is_alpha or len(tok.text) < 2 or tok.lower_ in sense.MONTHS_AND_DAYS:
        return False
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title and not tok.is_sent_start)


def phrase(tok: Token) -> list[Token]:
    """A phrase's tokens without its nested clauses."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in CLAUSE_DEPS or c.dep_ in ("punct", "cc"):
            continue
        out.extend(phrase(c))
    return out


def own_negations(tok: Token) -> int:
    n = 0
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ == "never":
            if negates_apposition(tok, c):
                continue
            n += 1
        elif (
            (c.dep_ == "det"
            and c.lower_ in ("no", "neither"))
            or (c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
            and c.lower_ in sense.NEGATIVE_PRONOUNS)
        ):
            n += 1
        elif (
            c.dep_ == "advmod"
            and c.lower_ == "longer"
            and any(g.lower_ == "no" for g in c.children)
        ):
            n += 1  # "no longer"
    # "a repositioning, not a real withdrawal": the parser hangs "not" on the first noun
    if tok.dep_ in ("appos", "conj"):
        head = tok.head
        n += sum(
            1
            for c in head.children
            if c.dep_ == "neg" and c.i < tok.i and c.i + 1 >= tok.left_edge.i - 1 and c.i > head.i
        )
    return n


def negates_apposition(head: Token, neg: Token) -> bool:
    return neg.i > head.i and any(
        c.dep_ in ("appos", "conj") and c.i > neg.i and c.left_edge.i <= neg.i + 2
        for c in head.children
    )


def has_neg(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def has_no(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children) or has_neg(
        tok.head
    )


def called_false(report: Token) -> bool:
    """ "the statements that ... sound absurd", "claims that ... are false"."""
    near = list(report.children) + ([report.head] if report.dep_ in SUBJECTS else [])
    if report.dep_ in SUBJECTS:  # "claims of an attack were a fabricated attempt ..."
        said = [c for c in report.head.children if c.dep_ in ("acomp", "attr")]
        near += said + [m for c in said for m in c.children if m.dep_ == "amod"]
    return (
        any(sense.lemma(x) in sense.FALSE_WORDS for x in near)
        or sense.lemma(report) in sense.FALSE_WORDS
    )


def asserted_noun(tok: Token) -> bool:
    """Whether an eventive noun is said to happen ("there was no invasion", "this is a
    withdrawal", "launched an attack", "denied the attack") rather than only mentioned ("a
    Russian invasion would be horrific", "the threat of an attack")."""
    if sense.lemma(tok) in sense.BLAME_NOUNS:
        return True
    if (
        tok.dep_ == "ROOT"
        or tok.dep_ == "attr"
        or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children)
    ):
        return True
    head = tok.head
    if tok.dep_ in ("appos", "conj"):
        return asserted_noun(head)
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return (
            sense.lemma(head)
            in sense.OCCURRENCE_VERBS
            | sense.LIGHT_VERBS
            | sense.NEGATIVE_GOVERNORS
            | sense.WITNESS_VERBS
        )
    if tok.dep_ == "pobj" and head.lower_ == "of":  # "no evidence of", "claims of an attack"
        return (
            sense.lemma(head.head)
            in sense.EVIDENCE_NOUNS | sense.NEGATIVE_GOVERNORS | sense.REPORT_NOUNS
        )
    if tok.dep_ == "pobj" and head.lower_ == "under":  # "to be under attack", "under shelling"
        return True
    if blamed_for(tok) is not None:  # "(blamed) Russia for the shelling of the plant"
        return True
    if tok.dep_ == "pobj" and head.lower_ == "for":  # "preparing for the invasion"
        return sense.lemma(head.head) in ("prepare", "plan", "ready")
    return False


def blamed_for(tok: Token) -> Token | None:
    """The party a blaming content puts an act on: "Russia for the shelling of the plant" (the
    content of "blamed ... for ..."), the content's root naming the party."""
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.dep_ == "ROOT"
        and head.head.pos_ in ("PROPN", "NOUN")
    ):
        return head.head
    return None


def own_mode(tok: Token) -> str:
    """The mode a predicate's own auxiliaries and markers give it (and what it governs)."""
    mode = "fact"
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in sense.POSSIBLE_MODALS:
            mode = stronger(mode, "possible")
        elif c.dep_ == "aux" and c.lower_ in sense.DEONTIC_MODALS:
            mode = stronger(mode, "deontic")
        elif c.dep_ == "advmod" and c.lower_ in sense.HEDGE_ADVERBS:
            mode = stronger(mode, "possible")
        elif c.dep_ == "mark" and c.lower_ in sense.CONDITIONAL_MARKS:
            mode = stronger(mode, "condition")
        elif (c.dep_ == "mark" and c.lower_ == "whether") or (
            c.dep_ == "advmod"
            and c.lower_ in ("how", "why")
            and tok.pos_ in ("VERB", "AUX")
            and c.i < tok.i
        ):
            mode = stronger(mode, "question")
    return mode


def governor_mode(node: Token, edge: str) -> str:
    lemma = sense.lemma(node)
    if (
        edge == "acl"
        and node.pos_ == "NOUN"
        and lemma not in sense.REPORT_NOUNS | sense.EVIDENCE_NOUNS
    ):
        # "plans to attack": an intention; "options to attack", "the ability to strike": a possibility
        return "intent" if lemma in sense.INTENT_NOUNS else "possible"
    if (
        edge in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep")
        and lemma in sense.DEONTIC_GOVERNORS
    ):
        return "deontic"
    if edge in ("xcomp", "ccomp", "prep", "acl", "pcomp") and lemma in sense.POSSIBLE_GOVERNORS:
        return "possible"
    if edge in ("xcomp", "prep") and lemma in sense.INTENT_GOVERNORS | {"ready"}:
        return "intent"
    own = own_mode(node) if edge in ("xcomp", "ccomp", "conj") else "fact"
    if own == "question" and edge == "conj":
        return "fact"
    return own


# The order in which modes override each other: a possibility inside a question is a question.
MODE_RANK = {
    "fact": 0,
    "intent": 1,
    "mentioned": 2,
    "possible": 3,
    "deontic": 4,
    "reported": 5,
    "condition": 6,
    "question": 7,
}


def stronger(a: str, b: str) -> str:
    return a if MODE_RANK[a] >= MODE_RANK[b] else b


def clause_text(tok: Token) -> str:
    node = tok
    while (
        node.dep_ in ("xcomp", "dobj", "attr", "appos", "nsubjpass", "pobj", "prep")
        and node.head.i != node.i
    ):
        node = node.head
    toks = sorted(node.subtree, key=lambda t: t.i)
    return " ".join(t.text for t in toks)[:160]
