"""What a claim says, read as propositions: a predicate, who and what it is about, its polarity.

`read_propositions(doc, ...)` walks the spaCy dependency parse of a claim's content and returns
one `Proposition` per predicate worth comparing: a war-reporting predicate from the small
thesaurus in `_senses.py` ("invasion" and "attack" are one predicate), or any other content verb.
For each it records the participants (agent, theme, and the names in its other arguments), the
polarity (negation, "no", "denied", "stop ...", "no indications that ...", "the claims that ...
are absurd") and the mode (fact, possibility, demand, question, condition, someone else's report),
and two values a rival can contradict: the stated cause of an incident and the manner of an act.

Hand-written over the parse: no library offline reads English polarity and predicate-argument
structure for spaCy 3.8 (AllenNLP's SRL is archived and needs a transformer download; spaCy has
no negation-scope component). Precision is what matters here, so an unclear reading yields no
proposition rather than a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirecoder.claims import _senses as sense

__all__ = ["Participant", "Proposition", "party_keys", "read_propositions"]

# Clausal and nominal links along which a governor's polarity and mode reach its complement.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "acl", "relcl", "advcl", "csubj", "pcomp", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
# Links along which a governor's negation or mode reaches what it governs.
_GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "acl", "pcomp", "dobj", "pobj", "prep", "nsubjpass"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})


@dataclass(frozen=True)
class Participant:
    """Who or what takes part, as comparable keys: normalised party and place names
    ("Moscow", "the Kremlin" -> "russia") and the head noun's lemma."""

    keys: frozenset[str]
    names: frozenset[str]
    wildcard: bool = False  # "anyone", "this", a pronoun nobody resolved: matches anything

    @property
    def specific(self) -> frozenset[str]:
        """Keys that can anchor two claims to one matter: names and non-generic nouns."""
        return self.names | (self.keys - sense.GENERIC_NOUNS)


@dataclass(frozen=True)
class Proposition:
    """One predicate of a claim with its participants and how it is asserted."""

    concept: str  # a thesaurus class ("attack") or the predicate's lemma
    lemma: str  # the predicate word as lemmatised, for the reason shown to the reader
    negated: bool
    mode: str  # "fact", "intent", "possible", "deontic", "question", "condition", "reported"
    agent: Participant | None
    theme: Participant | None
    scene: frozenset[str]  # names and specific nouns in the other arguments
    cause: str | None = None  # class of a stated cause ("sabotage", "strike", "accident")
    manner: str | None = None  # "force" or "peace"
    anaphoric: bool = False  # "this is not a withdrawal": about something said before
    text: str = ""

    @property
    def listed(self) -> bool:
        """Whether the predicate is one of the thesaurus's acts (not any other verb)."""
        return self.concept in sense.CONCEPT_NAMES

    @property
    def names(self) -> frozenset[str]:
        out: set[str] = set(self.scene)
        for p in (self.agent, self.theme):
            if p is not None:
                out |= p.names
        return frozenset(out)

    @property
    def keys(self) -> frozenset[str]:
        out: set[str] = set(self.scene)
        for p in (self.agent, self.theme):
            if p is not None:
                out |= p.specific
        return frozenset(out)


def party_keys(text: str | None) -> frozenset[str]:
    """Normalised party keys named in a speaker's name or role ("Kremlin spokesman" -> russia)."""
    if not text:
        return frozenset()
    words = text.replace("’", "'").replace("'s", "").replace(".", "").split()
    out = {sense.PARTIES.get(w.lower(), "") for w in words}
    out |= {
        sense.PARTIES.get(" ".join(words[i : i + 2]).lower(), "") for i in range(len(words) - 1)
    }
    return frozenset(out - {""})


def read_propositions(
    doc: Doc, *, speaker: Iterable[str] = (), denied: bool = False, mode: str = "fact"
) -> list[Proposition]:
    """The propositions of a parsed claim content.

    Args:
        doc: the content, parsed on its own.
        speaker: party keys of the claim's speaker; a subject "it", "we" or "they" of the
            content's own clause is the speaker ("Russia said it would withdraw").
        denied: the claim's cue denies its content ("denied that ...").
        mode: the mode the cue gives the whole content ("urged ..." -> "deontic").

    Returns:
        Propositions in text order; none when no predicate can be read.

    Example:
        >>> [p.concept for p in read_propositions(nlp("there will be no invasion"))]
        ['attack']
    """
    reader = _Reader(doc, frozenset(speaker), denied)
    out: list[Proposition] = []
    for tok in doc:
        prop = reader.read(tok)
        if prop is None:
            continue
        if mode != "fact" and prop.mode in ("fact", "intent"):
            prop = _with_mode(prop, mode)
        out.append(prop)
    return out


def _with_mode(p: Proposition, mode: str) -> Proposition:
    return Proposition(**{**p.__dict__, "mode": mode})


class _Reader:
    def __init__(self, doc: Doc, speaker: frozenset[str], denied: bool) -> None:
        self.doc = doc
        self.speaker = speaker
        self.denied = denied
        self.question = doc.text.rstrip(" \"'”’").endswith("?")

    # --- which tokens are predicates, and of which concept -------------------------------

    def concept(self, tok: Token) -> str | None:
        lemma = sense.lemma(tok)
        if tok.pos_ == "VERB":
            if lemma in sense.LIGHT_VERBS and self._eventive_object(tok) is not None:
                return None  # "launch an attack": the noun is the predicate
            if lemma in sense.OBJECT_CONCEPTS:  # "set a trap", "leave behind a trap"
                obj = _child(tok, "dobj") or _child(tok, "nsubjpass")
                if obj is not None and sense.lemma(obj) in sense.OBJECT_CONCEPTS[lemma]:
                    return sense.OBJECT_CONCEPTS[lemma][sense.lemma(obj)]
            if lemma in sense.CONCEPTS:
                return sense.CONCEPTS[lemma]
            if lemma in sense.GENERIC_VERBS or lemma in sense.CONTROL_VERBS or len(lemma) < 3:
                return None
            return lemma
        if (
            tok.pos_ == "NOUN"
            and lemma in sense.BLAME_NOUNS
            and tok.dep_ in _SUBJECTS
            and sense.lemma(tok.head) in ("lie", "rest")
        ):
            return "blame"  # "responsibility for the war lies with X"
        if tok.pos_ == "ADJ" and lemma == "responsible" and tok.dep_ == "acomp":
            return "blame"  # "X is responsible for the war"
        if (
            tok.pos_ == "NOUN"
            and lemma in sense.CONCEPTS
            and lemma not in sense.VERB_ONLY
            and tok.dep_ != "compound"
        ):
            if lemma in sense.OBJECT_CONCEPTS.get(sense.lemma(tok.head), {}) and tok.dep_ in (
                "dobj",
                "nsubjpass",
            ):
                return None  # "set a trap": the verb carries it
            return sense.CONCEPTS[lemma]
        return None

    def _eventive_object(self, verb: Token) -> Token | None:
        obj = _child(verb, "dobj")
        if obj is not None and sense.lemma(obj) in sense.CONCEPTS:
            return obj
        return None

    # --- one predicate -------------------------------------------------------------------

    def read(self, tok: Token) -> Proposition | None:
        concept = self.concept(tok)
        if concept is None:
            return None
        negated, mode = self._polarity_and_mode(tok)
        if self.question:
            mode = "question"
        agent, theme = self._core(tok)
        scene = self._scene(tok, agent, theme)
        anaphoric = self._anaphoric(tok)
        return Proposition(
            concept=concept,
            lemma=sense.lemma(tok),
            negated=negated,
            mode=mode,
            agent=agent,
            theme=theme,
            scene=scene,
            cause=self._cause(tok),
            manner=self._manner(tok),
            anaphoric=anaphoric,
            text=_clause_text(tok),
        )

    def _polarity_and_mode(self, tok: Token) -> tuple[bool, str]:
        """Negations and modes from the predicate up to the content's root."""
        flips = _own_negations(tok)
        mode = _own_mode(tok)
        if tok.pos_ == "NOUN" and not _asserted_noun(tok):
            mode = "mentioned"  # "a Russian invasion would be horrific" asserts no invasion
        child, node = tok, tok.head
        while node.i != child.i:
            edge, lemma = child.dep_, sense.lemma(node)
            direct = child.i == tok.i or (tok.dep_ in ("appos", "conj") and child.i == tok.head.i)
            if edge == "advcl" and any(
                m.lower_ in sense.CONDITIONAL_MARKS for m in child.children if m.dep_ == "mark"
            ):
                mode = _stronger(mode, "condition")
            if lemma in ("case", "event") and node.dep_ == "pobj" and node.head.lower_ == "in":
                mode = _stronger(mode, "condition")  # "in the case of an invasion"
            if direct and edge in ("attr", "acomp", "oprd") and _has_neg(node):
                flips += 1  # "this is not a withdrawal"
            if (
                direct
                and edge in _SUBJECTS | _PASSIVE_SUBJECTS
                and lemma in sense.OCCURRENCE_VERBS | {"cause"}
            ):
                flips += _has_neg(node)  # "the attack did not happen"
                mode = _stronger(mode, _own_mode(node))  # "an attack could begin"
            if edge in _GOVERNED_DEPS:
                if lemma in sense.NEGATIVE_GOVERNORS and node.pos_ in ("VERB", "NOUN"):
                    flips += 1  # "denied that ...", "stopped supporting ..."
                elif (
                    lemma in sense.EVIDENCE_NOUNS
                    and edge in ("acl", "ccomp", "prep")
                    and _has_no(node)
                ):
                    flips += 1  # "no indications that ..."
                if edge in ("ccomp", "xcomp") and _has_neg(node):
                    flips += 1  # "I don't think ...", "is not going to ...", "should not stop ..."
                if lemma in sense.REPORT_NOUNS and edge == "acl":
                    if _called_false(node):
                        flips += 1  # "the statements that ... sound absurd"
                    elif (
                        not (node.dep_ == "ROOT" and self.denied)
                        and sense.lemma(node.head) not in sense.NEGATIVE_GOVERNORS
                    ):
                        mode = _stronger(
                            mode, "reported"
                        )  # "reports that ...", told as someone else's
                if node.pos_ == "VERB" and lemma in sense.REPORT_VERBS and edge == "ccomp":
                    subj = _child(node, "nsubj")
                    if subj is not None and subj.lower_ not in ("i", "we"):
                        mode = _stronger(mode, "reported")  # "the Russians assured that ..."
                mode = _stronger(mode, _governor_mode(node, edge))
                mode = _stronger(mode, _own_mode(node))  # "could launch a pretext to invade"
            child, node = node, node.head
        if self.denied:
            flips += 1
        return flips % 2 == 1, mode

    def _core(self, tok: Token) -> tuple[Participant | None, Participant | None]:
        if tok.pos_ == "VERB":
            subj = _child_in(tok, _SUBJECTS)
            psubj = _child_in(tok, _PASSIVE_SUBJECTS)
            agent_tok = _agent_of_passive(tok) if psubj is not None else subj
            theme_tok = psubj if psubj is not None else _child(tok, "dobj")
            if (
                subj is not None
                and sense.lemma(tok) in sense.UNACCUSATIVE
                and _child(tok, "dobj") is None
            ):
                agent_tok, theme_tok = None, subj
            if agent_tok is None and psubj is None and subj is None:
                agent_tok = _controller(tok)
            agent = self._participant(agent_tok, root=tok) if agent_tok is not None else None
            if agent is None and psubj is None and subj is None and _is_content_root(tok):
                agent = Participant(self.speaker, self.speaker) if self.speaker else None
            theme = self._participant(theme_tok, root=tok) if theme_tok is not None else None
            if (
                sense.lemma(tok) in sense.LOCATIVE_OBJECT_VERBS
            ):  # "mining the streets": traps in them
                theme = Participant(
                    frozenset({sense.LOCATIVE_OBJECT_VERBS[sense.lemma(tok)]}), frozenset()
                )
            return agent, theme
        if tok.pos_ == "ADJ":  # "X is responsible for ..."
            subj = _child_in(tok.head, _SUBJECTS)
            return (self._participant(subj, root=tok.head) if subj is not None else None), None
        if sense.lemma(tok) in sense.BLAME_NOUNS:  # "responsibility ... lies (solely) with X"
            with_ = next(
                (c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with"), None
            )
            pobj = _child(with_, "pobj") if with_ is not None else None
            return (self._participant(pobj, root=tok.head) if pobj is not None else None), None
        # a noun predicate: "Russia's invasion of Ukraine", "the attack on Kyiv"
        agent = theme = None
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and sense.party(c)):
                agent = self._participant(c, root=tok)
            elif c.dep_ == "prep" and c.lower_ == "by":
                pobj = _child(c, "pobj")
                agent = self._participant(pobj, root=tok) if pobj is not None else agent
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "into"):
                pobj = _child(c, "pobj")
                theme = self._participant(pobj, root=tok) if pobj is not None else theme
        if theme is None and sense.lemma(tok) in sense.ACT_OBJECTS:
            theme = Participant(
                frozenset({sense.lemma(tok)}), frozenset()
            )  # "no trap" as "set no trap"
        governor = tok.head
        if (
            agent is None
            and tok.dep_ in ("dobj", "nsubjpass")
            and sense.lemma(governor) in sense.LIGHT_VERBS | sense.OCCURRENCE_VERBS
        ):
            # "Russia launched an attack", "the shelling is carried out by Ukraine"
            by = (
                _agent_of_passive(governor)
                if tok.dep_ == "nsubjpass"
                else _child_in(governor, _SUBJECTS)
            )
            if by is None and tok.dep_ == "dobj":
                by = _controller(governor)
            agent = self._participant(by, root=governor) if by is not None else None
        if agent is None and tok.dep_ == "attr":
            subj = _child_in(governor, _SUBJECTS)
            if subj is not None and subj.lower_ not in sense.ANAPHORS:
                agent = self._participant(subj, root=governor)
        return agent, theme

    def _participant(self, tok: Token | None, *, root: Token) -> Participant | None:
        if tok is None:
            return None
        tok = _through_quantifier(tok)
        word = tok.lower_
        if tok.pos_ == "PRON" or word in sense.ANAPHORS or word in sense.INDEFINITES:
            if word in sense.INDEFINITES:
                return Participant(frozenset(), frozenset(), wildcard=True)
            # "we", or "it"/"they" as the content's own subject: the speaker ("Russia said it
            # would withdraw")
            own = word in ("i", "we", "me", "us", "our") or (
                word in ("it", "they", "he", "she") and _is_content_root(root)
            )
            if own and self.speaker:
                return Participant(self.speaker, self.speaker)
            if word in ("which", "that", "who") and tok.head.dep_ == "relcl":
                return self._participant(_antecedent(tok.head.head), root=tok.head.head)
            return Participant(frozenset(), frozenset(), wildcard=True)
        names = _names(tok)
        keys = set(names)
        lemma = sense.lemma(tok)
        if tok.pos_ == "NOUN":
            keys.add(sense.CONCEPTS.get(lemma, lemma))
        vague = not names and lemma in sense.PLACE_DESCRIPTIONS  # "a neighbouring country"
        return Participant(frozenset(keys), frozenset(names), wildcard=vague)

    def _scene(
        self, tok: Token, agent: Participant | None, theme: Participant | None
    ) -> frozenset[str]:
        """Names and specific nouns in the predicate's other arguments (no nested clauses)."""
        out: set[str] = set()
        targets = [tok] + (
            [tok.head] if tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.pos_ == "NOUN" else []
        )
        # the arguments of the verbs it hangs from: "transform Kherson ... by mining" is in Kherson
        targets += _governors(tok)
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and sense.lemma(tok.head.head) in sense.QUANTIFIER_NOUNS
        ):
            targets.append(tok.head.head)  # "a series of explosions at the depot"
        inside = {t.i for t in targets}
        for t in targets:
            for c in t.children:
                if c.dep_ in ("prep", "advmod", "npadvmod", "dobj") and c.i not in inside:
                    out |= _names(c)
        return frozenset(out)

    def _anaphoric(self, tok: Token) -> bool:
        """ "This is not a real withdrawal": the subject points at what was said before."""
        head = tok.head if tok.dep_ in ("attr", "appos") else tok
        if tok.dep_ == "appos" and head.dep_ == "attr":
            head = head.head
        subj = _child_in(head, _SUBJECTS)
        return subj is not None and subj.lower_ in ("this", "that", "these", "those")

    def _cause(self, tok: Token) -> str | None:
        """A stated cause of an incident: "(the explosions) were an act of sabotage", "were
        caused by missiles", "which he believes might have been caused by missiles"."""
        if sense.CONCEPTS.get(sense.lemma(tok)) != "explosion":
            return None
        causer = _caused_by(tok.head) if tok.dep_ in ("nsubjpass", "dobj") else None
        if causer is None:  # in a relative clause on the incident
            for rel in (c for c in tok.children if c.dep_ == "relcl"):
                causer = next((v for v in rel.subtree if _caused_by(v) is not None), None)
                causer = _caused_by(causer) if causer is not None else None
        if causer is not None:
            return sense.cause_class(_phrase(causer))
        governor = tok.head
        while governor.dep_ in ("pobj", "prep"):  # "a series of explosions"
            governor = governor.head
        if tok.dep_ == "pobj" and governor.dep_ in _SUBJECTS:
            governor = governor.head
        elif tok.dep_ in _SUBJECTS:
            governor = tok.head
        else:
            return None
        for c in governor.children:  # "were an act of sabotage", "were due to negligence"
            if c.dep_ in ("attr", "acomp", "prep"):
                found = sense.cause_class(_phrase(c))
                if found:
                    return found
        return None

    def _manner(self, tok: Token) -> str | None:
        for c in tok.children:  # "by force", "through diplomacy", "peacefully"
            if (c.dep_ == "prep" and c.lower_ in ("by", "through", "via")) or (
                c.pos_ == "ADV" and c.dep_ in ("advmod", "conj")
            ):
                found = sense.manner_class(_phrase(c))
                if found:
                    return found
        return None


# --- helpers over the parse ---------------------------------------------------------------


def _child(tok: Token, dep: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == dep), None)


def _child_in(tok: Token, deps: frozenset[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _caused_by(verb: Token) -> Token | None:
    """What "cause" names as the cause: its passive agent or active subject."""
    if sense.lemma(verb) not in ("cause", "trigger", "provoke"):
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)
    return _agent_of_passive(verb) if passive else _child_in(verb, _SUBJECTS)


def _agent_of_passive(verb: Token) -> Token | None:
    by = _child(verb, "agent")
    return _child(by, "pobj") if by is not None else None


def _governors(tok: Token) -> list[Token]:
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


def _controller(tok: Token) -> Token | None:
    """The subject of the nearest governing verb that has one ("troops had stolen ... and
    intended to leave ...")."""
    for node in _governors(tok):
        subj = _child_in(node, _SUBJECTS)
        if subj is not None:
            return subj
    return None


def _is_content_root(tok: Token) -> bool:
    """The content's own main clause (or a verb chained to it by xcomp/conj)."""
    node = tok
    while node.dep_ in ("xcomp", "conj", "aux") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "ROOT"


def _through_quantifier(tok: Token) -> Token:
    """ "a series of explosions", "dozens of soldiers": the noun after "of"."""
    if tok.lemma_.lower() in sense.QUANTIFIER_NOUNS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _child(of, "pobj") if of is not None else None
        if pobj is not None:
            return pobj
    return tok


def _names(tok: Token) -> set[str]:
    """Party and place names in a noun phrase, not in clauses nested in it."""
    out: set[str] = set()
    for x in _phrase(tok):
        party = sense.party(x)
        if party:
            out.add(party)
            if x.lower_ not in sense.DEMONYMS:
                out.add(x.lower_)  # "Kyiv" is Ukraine as an actor, and also a place of its own
        elif _is_name(x) and x.lower_ not in ("united", "white", "european"):
            out.add(x.lemma_.lower() if x.pos_ == "PROPN" else x.lower_)
    return out


def _antecedent(noun: Token) -> Token:
    """What a relative clause's noun stands for: "the United States is the one who ...",
    "called the United States the one who ..." -> the United States."""
    if noun.dep_ == "attr":
        subj = _child_in(noun.head, _SUBJECTS)
        return subj if subj is not None else noun
    if noun.dep_ == "oprd":
        obj = _child(noun.head, "dobj")
        return obj if obj is not None else noun
    if noun.dep_ == "appos":
        return noun.head
    return noun


def _is_name(tok: Token) -> bool:
    """A proper name: tagged so, or a capitalised noun inside a sentence (the tagger takes
    unfamiliar place names such as "Dzhankoi" for plural nouns)."""
    if not tok.is_alpha or len(tok.text) < 2 or tok.lower_ in sense.MONTHS_AND_DAYS:
        return False
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title and not tok.is_sent_start)


def _phrase(tok: Token) -> list[Token]:
    """A phrase's tokens without its nested clauses."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in _CLAUSE_DEPS or c.dep_ in ("punct", "cc"):
            continue
        out.extend(_phrase(c))
    return out


def _own_negations(tok: Token) -> int:
    n = 0
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ == "never":
            if _negates_apposition(tok, c):
                continue
            n += 1
        elif (
            c.dep_ == "det"
            and c.lower_ in ("no", "neither")
            or c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
            and c.lower_ in sense.NEGATIVE_PRONOUNS
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


def _negates_apposition(head: Token, neg: Token) -> bool:
    return neg.i > head.i and any(
        c.dep_ in ("appos", "conj") and c.i > neg.i and c.left_edge.i <= neg.i + 2
        for c in head.children
    )


def _has_neg(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _has_no(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children) or _has_neg(
        tok.head
    )


def _called_false(report: Token) -> bool:
    """ "the statements that ... sound absurd", "claims that ... are false"."""
    near = list(report.children) + ([report.head] if report.dep_ in _SUBJECTS else [])
    near += (
        [c for c in report.head.children if c.dep_ in ("acomp", "attr")]
        if report.dep_ in _SUBJECTS
        else []
    )
    return (
        any(sense.lemma(x) in sense.FALSE_WORDS for x in near)
        or sense.lemma(report) in sense.FALSE_WORDS
    )


def _asserted_noun(tok: Token) -> bool:
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
        return _asserted_noun(head)
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return (
            sense.lemma(head)
            in sense.OCCURRENCE_VERBS
            | sense.LIGHT_VERBS
            | sense.NEGATIVE_GOVERNORS
            | sense.WITNESS_VERBS
        )
    if tok.dep_ == "pobj" and head.lower_ == "of":
        return sense.lemma(head.head) in sense.EVIDENCE_NOUNS | sense.NEGATIVE_GOVERNORS
    return False


def _own_mode(tok: Token) -> str:
    """The mode a predicate's own auxiliaries and markers give it (and what it governs)."""
    mode = "fact"
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in sense.POSSIBLE_MODALS:
            mode = _stronger(mode, "possible")
        elif c.dep_ == "aux" and c.lower_ in sense.DEONTIC_MODALS:
            mode = _stronger(mode, "deontic")
        elif c.dep_ == "advmod" and c.lower_ in sense.HEDGE_ADVERBS:
            mode = _stronger(mode, "possible")
        elif c.dep_ == "mark" and c.lower_ in sense.CONDITIONAL_MARKS:
            mode = _stronger(mode, "condition")
        elif (c.dep_ == "mark" and c.lower_ == "whether") or (
            c.dep_ == "advmod"
            and c.lower_ in ("how", "why")
            and tok.pos_ in ("VERB", "AUX")
            and c.i < tok.i
        ):
            mode = _stronger(mode, "question")
    return mode


def _governor_mode(node: Token, edge: str) -> str:
    lemma = sense.lemma(node)
    if (
        edge in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep")
        and lemma in sense.DEONTIC_GOVERNORS
    ):
        return "deontic"
    if edge in ("xcomp", "ccomp", "prep", "acl", "pcomp") and lemma in sense.POSSIBLE_GOVERNORS:
        return "possible"
    if edge in ("xcomp",) and lemma in sense.INTENT_GOVERNORS:
        return "intent"
    own = _own_mode(node) if edge in ("xcomp", "ccomp", "conj") else "fact"
    if own == "question" and edge == "conj":
        return "fact"
    return own


# The order in which modes override each other: a possibility inside a question is a question.
_MODE_RANK = {
    "fact": 0,
    "intent": 1,
    "mentioned": 2,
    "possible": 3,
    "deontic": 4,
    "reported": 5,
    "condition": 6,
    "question": 7,
}


def _stronger(a: str, b: str) -> str:
    return a if _MODE_RANK[a] >= _MODE_RANK[b] else b


def _clause_text(tok: Token) -> str:
    node = tok
    while (
        node.dep_ in ("xcomp", "dobj", "attr", "appos", "nsubjpass", "pobj", "prep")
        and node.head.i != node.i
    ):
        node = node.head
    toks = sorted(node.subtree, key=lambda t: t.i)
    return " ".join(t.text for t in toks)[:160]
