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

from wirecoder.claims import _clauses as cl
from wirecoder.claims import _senses as sense

__all__ = ["Participant", "Proposition", "party_keys", "read_propositions", "report_referred_to"]

# Clausal and nominal links along which a governor's polarity and mode reach its complement.
# Links along which a governor's negation or mode reaches what it governs.
_GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "acl", "pcomp", "dobj", "pobj", "prep", "nsubjpass"})


@dataclass(frozen=True)
class Participant:
    """Who or what takes part, as comparable keys: normalised party and place names
    ("Moscow", "the Kremlin" -> "russia") and the head noun's lemma."""

    keys: frozenset[str]
    names: frozenset[str]
    wildcard: bool = False  # "anyone", "this", a pronoun nobody resolved: matches anything
    head: str = ""  # the phrase's own head ("machine" of "Gaddafi's war-making machine")

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
    echo: bool = False  # a report repeated to be rejected: "rejected the accusation that ..."
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


def report_referred_to(doc: Doc) -> str | None:
    """For a content that names an earlier statement instead of restating it ("these
    accusations", "the claim", "Truss's comments"): the possessor's name, or "" when only a
    determiner points back. None for any other content (one with its own clause, "the
    accusation that he ...", or a demand or proposal, which is not a statement of fact)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "NOUN" or sense.lemma(root) not in sense.STATEMENT_NOUNS:
        return None
    if any(
        c.dep_ in cl.CLAUSE_DEPS or (c.dep_ == "prep" and c.lower_ != "as") for c in root.children
    ):
        return None  # "... as baseless pretexts" still points back
    poss = next((c for c in root.children if c.dep_ == "poss"), None)
    if poss is not None:
        return " ".join(t.text for t in poss.subtree if t.dep_ != "case" and t.is_alpha)
    if any(
        c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those", "the", "such")
        for c in root.children
    ):
        return ""
    return None


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
                obj = cl.child(tok, "dobj") or cl.child(tok, "nsubjpass")
                if obj is not None and sense.lemma(obj) in sense.OBJECT_CONCEPTS[lemma]:
                    return sense.OBJECT_CONCEPTS[lemma][sense.lemma(obj)]
            particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
            if (lemma, particle) in sense.PARTICLE_CONCEPTS:  # "blew up the dam"
                return sense.PARTICLE_CONCEPTS[(lemma, particle)]
            if lemma in sense.CONCEPTS:
                return sense.CONCEPTS[lemma]
            if lemma in sense.GENERIC_VERBS or lemma in sense.CONTROL_VERBS or len(lemma) < 3:
                return None
            return lemma
        if (
            tok.pos_ == "NOUN"
            and lemma in sense.BLAME_NOUNS
            and tok.dep_ in cl.SUBJECTS
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
        obj = cl.child(verb, "dobj")
        if obj is not None and sense.lemma(obj) in sense.CONCEPTS:
            return obj
        return None

    # --- one predicate -------------------------------------------------------------------

    def read(self, tok: Token) -> Proposition | None:
        concept = self.concept(tok)
        if concept is None:
            return None
        negated, mode, echo = self._polarity_and_mode(tok)
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
            echo=echo,
            text=cl.clause_text(tok),
        )

    def _polarity_and_mode(self, tok: Token) -> tuple[bool, str, bool]:
        """Negations and modes from the predicate up to the content's root, and whether the
        predicate is a report repeated to be rejected ("denied reports that ...")."""
        echo = False
        flips = cl.own_negations(tok)
        mode = cl.own_mode(tok)
        if tok.pos_ == "NOUN" and not cl.asserted_noun(tok):
            mode = "mentioned"  # "a Russian invasion would be horrific" asserts no invasion
        child, node = tok, tok.head
        while node.i != child.i:
            edge, lemma = child.dep_, sense.lemma(node)
            direct = child.i == tok.i or (tok.dep_ in ("appos", "conj") and child.i == tok.head.i)
            if edge == "advcl" and any(
                m.lower_ in sense.CONDITIONAL_MARKS for m in child.children if m.dep_ == "mark"
            ):
                mode = cl.stronger(mode, "condition")
            if lemma in ("case", "event") and node.dep_ == "pobj" and node.head.lower_ == "in":
                mode = cl.stronger(mode, "condition")  # "in the case of an invasion"
            if direct and edge in ("attr", "acomp", "oprd") and cl.has_neg(node):
                flips += 1  # "this is not a withdrawal"
            if (
                direct
                and edge in cl.SUBJECTS | cl.PASSIVE_SUBJECTS
                and lemma in sense.OCCURRENCE_VERBS | {"cause"}
            ):
                flips += cl.has_neg(node)  # "the attack did not happen"
                mode = cl.stronger(mode, cl.own_mode(node))  # "an attack could begin"
            if (
                edge == "relcl"
                and lemma in sense.REPORT_NOUNS
                and not cl.has_relative_pronoun(child)
            ):
                edge = "acl"  # "the accusation he was fighting ...": a content clause, no "that"
            if edge in _GOVERNED_DEPS:
                if lemma in sense.DENIAL_GOVERNORS and node.pos_ in ("VERB", "NOUN"):
                    flips += 1  # "denied that ...", "denial of the attack"
                elif (
                    lemma in sense.ASPECT_NEGATORS
                    and node.pos_ == "VERB"
                    and edge in ("xcomp", "pcomp", "ccomp")
                ):
                    flips += 1  # "stopped supporting ...", "refused to withdraw"
                elif lemma in sense.ASPECT_NEGATORS and child.tag_ == "VBG" and edge == "dobj":
                    flips += 1  # "stopped shelling" parsed with the gerund as object
                elif (
                    lemma in sense.EVIDENCE_NOUNS
                    and edge in ("acl", "ccomp", "prep")
                    and cl.has_no(node)
                ):
                    flips += 1  # "no indications that ..."
                if edge in ("ccomp", "xcomp") and cl.has_neg(node):
                    flips += 1  # "I don't think ...", "is not going to ...", "should not stop ..."
                # "(denied) media reports that ...": the tagger may read "reports" as a verb
                report_root = node.dep_ == "ROOT" and self.denied and edge == "ccomp"
                if lemma in sense.REPORT_NOUNS and (
                    edge == "acl"
                    or (edge == "prep" and child.lower_ in ("of", "about"))
                    or report_root
                ):
                    rejected = (node.dep_ == "ROOT" and self.denied) or sense.lemma(
                        node.head
                    ) in sense.DENIAL_GOVERNORS
                    echo = echo or rejected or cl.called_false(node)
                    if cl.called_false(node):
                        flips += 1  # "the statements that ... sound absurd"
                    elif not rejected:
                        mode = cl.stronger(
                            mode, "reported"
                        )  # "reports that ...", told as someone else's
                if node.pos_ == "VERB" and lemma in sense.REPORT_VERBS and edge == "ccomp":
                    subj = cl.child(node, "nsubj")
                    if subj is not None and subj.lower_ not in ("i", "we"):
                        mode = cl.stronger(mode, "reported")  # "the Russians assured that ..."
                mode = cl.stronger(mode, cl.governor_mode(node, edge))
                mode = cl.stronger(mode, cl.own_mode(node))  # "could launch a pretext to invade"
            child, node = node, node.head
        if self.denied and not cl.elaboration(tok):
            flips += 1
        return flips % 2 == 1, mode, echo

    def _core(self, tok: Token) -> tuple[Participant | None, Participant | None]:
        if tok.pos_ == "VERB":
            subj = cl.child_in(tok, cl.SUBJECTS)
            psubj = cl.child_in(tok, cl.PASSIVE_SUBJECTS)
            agent_tok = cl.agent_of_passive(tok) if psubj is not None else subj
            theme_tok = psubj if psubj is not None else cl.child(tok, "dobj")
            if (
                subj is not None
                and sense.lemma(tok) in sense.UNACCUSATIVE
                and cl.child(tok, "dobj") is None
            ):
                agent_tok, theme_tok = None, subj
            if agent_tok is None and psubj is None and subj is None:
                agent_tok = cl.controller(tok)
            agent = self._participant(agent_tok, root=tok) if agent_tok is not None else None
            if agent is None and psubj is None and subj is None and cl.is_content_root(tok):
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
            subj = cl.child_in(tok.head, cl.SUBJECTS)
            return (self._participant(subj, root=tok.head) if subj is not None else None), None
        if sense.lemma(tok) in sense.BLAME_NOUNS:  # "responsibility ... lies (solely) with X"
            with_ = next(
                (c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with"), None
            )
            pobj = cl.child(with_, "pobj") if with_ is not None else None
            return (self._participant(pobj, root=tok.head) if pobj is not None else None), None
        # a noun predicate: "Russia's invasion of Ukraine", "the attack on Kyiv"
        agent = theme = None
        blamed = cl.blamed_for(tok)
        if blamed is not None:
            found = frozenset(cl.names(blamed, bare=True))
            agent = Participant(found, found)
        patient = self.concept(tok) in sense.PATIENT_NOUN_CONCEPTS
        for c in tok.children:
            if c.dep_ == "poss" and patient:
                theme = self._participant(c, root=tok)  # "bin Laden's death"
            elif c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and sense.party(c)):
                agent = self._participant(c, root=tok)
            elif c.dep_ == "prep" and c.lower_ == "by":
                pobj = cl.child(c, "pobj")
                agent = self._participant(pobj, root=tok) if pobj is not None else agent
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "into"):
                pobj = cl.child(c, "pobj")
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
                cl.agent_of_passive(governor)
                if tok.dep_ == "nsubjpass"
                else cl.child_in(governor, cl.SUBJECTS)
            )
            if by is None and tok.dep_ == "dobj":
                by = cl.controller(governor)
            agent = self._participant(by, root=governor) if by is not None else None
        if agent is None and tok.dep_ == "attr":
            subj = cl.child_in(governor, cl.SUBJECTS)
            if subj is not None and subj.lower_ not in sense.ANAPHORS:
                agent = self._participant(subj, root=governor)
        return agent, theme

    def _participant(self, tok: Token | None, *, root: Token) -> Participant | None:
        if tok is None:
            return None
        tok = cl.through_quantifier(tok)
        word = tok.lower_
        if tok.pos_ == "PRON" or word in sense.ANAPHORS or word in sense.INDEFINITES:
            if word in sense.INDEFINITES:
                return Participant(frozenset(), frozenset(), wildcard=True)
            # "we", or "it"/"they" as the content's own subject: the speaker ("Russia said it
            # would withdraw")
            own = word in ("i", "we", "me", "us", "our") or (
                word in ("it", "they", "he", "she") and cl.is_content_root(root)
            )
            if own and self.speaker:
                return Participant(self.speaker, self.speaker)
            if word in ("which", "that", "who") and tok.head.dep_ == "relcl":
                return self._participant(cl.antecedent(tok.head.head), root=tok.head.head)
            return Participant(frozenset(), frozenset(), wildcard=True)
        names: set[str] | frozenset[str] = cl.names(tok)
        # "their troops" in what Russian officials say: the speaker's own forces
        if not names and self.speaker and any(
            c.dep_ == "poss" and c.lower_ in ("their", "our", "its") for c in tok.children
        ):
            names = frozenset(self.speaker)
        keys = set(names)
        lemma = sense.lemma(tok)
        if tok.pos_ == "NOUN":
            keys.add(sense.CONCEPTS.get(lemma, lemma))
        vague = not names and lemma in sense.PLACE_DESCRIPTIONS  # "a neighbouring country"
        bare_names = cl.names(tok, bare=True)
        head = min(bare_names) if tok.pos_ == "PROPN" and bare_names else lemma
        return Participant(frozenset(keys), frozenset(names), wildcard=vague, head=head)

    def _scene(
        self, tok: Token, agent: Participant | None, theme: Participant | None
    ) -> frozenset[str]:
        """Names and specific nouns in the predicate's other arguments (no nested clauses)."""
        out: set[str] = set()
        targets = [tok] + (
            [tok.head] if tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.pos_ == "NOUN" else []
        )
        # the arguments of the verbs it hangs from: "transform Kherson ... by mining" is in Kherson
        targets += cl.governors(tok)
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
                    out |= cl.names(c)
        return frozenset(out)

    def _anaphoric(self, tok: Token) -> bool:
        """ "This is not a real withdrawal": the subject points at what was said before."""
        head = tok.head if tok.dep_ in ("attr", "appos") else tok
        if tok.dep_ == "appos" and head.dep_ == "attr":
            head = head.head
        subj = cl.child_in(head, cl.SUBJECTS)
        return subj is not None and subj.lower_ in ("this", "that", "these", "those")

    def _cause(self, tok: Token) -> str | None:
        """A stated cause of an incident: "(the explosions) were an act of sabotage", "were
        caused by missiles", "which he believes might have been caused by missiles"."""
        if sense.CONCEPTS.get(sense.lemma(tok)) != "explosion":
            return None
        causer = cl.caused_by(tok.head) if tok.dep_ in ("nsubjpass", "dobj") else None
        if causer is None:  # in a relative clause on the incident
            for rel in (c for c in tok.children if c.dep_ == "relcl"):
                causer = next((v for v in rel.subtree if cl.caused_by(v) is not None), None)
                causer = cl.caused_by(causer) if causer is not None else None
        if causer is not None:
            return sense.cause_class(cl.phrase(causer))
        governor = tok.head
        while governor.dep_ in ("pobj", "prep"):  # "a series of explosions"
            governor = governor.head
        if tok.dep_ == "pobj" and governor.dep_ in cl.SUBJECTS:
            governor = governor.head
        elif tok.dep_ in cl.SUBJECTS:
            governor = tok.head
        else:
            return None
        for c in governor.children:  # "were an act of sabotage", "were due to negligence"
            if c.dep_ in ("attr", "acomp", "prep"):
                found = sense.cause_class(cl.phrase(c))
                if found:
                    return found
        return None

    def _manner(self, tok: Token) -> str | None:
        for c in tok.children:  # "by force", "through diplomacy", "peacefully", "in an orderly fashion"
            manner_phrase = c.dep_ == "prep" and c.lower_ == "in" and any(
                g.lemma_.lower() in ("fashion", "manner", "way") for g in c.subtree
            )
            if (c.dep_ == "prep" and c.lower_ in ("by", "through", "via")) or manner_phrase or (
                c.pos_ == "ADV" and c.dep_ in ("advmod", "conj")
            ):
                found = sense.manner_class(cl.phrase(c))
                if found:
                    return found
        return sense.manner_class([tok])  # the predicate itself: "fled", "regrouped"
