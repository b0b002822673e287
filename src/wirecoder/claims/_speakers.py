"""Speakers and channels: the speaker's span, role and type, and the medium a claim went out on.

Hand-written rules over the dependency parse: no offline package links "X said" to a role,
a channel and a pronoun antecedent for news prose.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from wirecoder.claims import _lexicon as lex

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_LEFT_DROP_DEPS = frozenset({"det", "poss", "case", "punct", "predet"})
_PERSON_ROLE_HEADS = frozenset(
    {
        "analyst",
        "official",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "adviser",
        "advisor",
        "president",
        "governor",
        "commander",
        "commentator",
        "expert",
        "source",
        "resident",
        "witness",
        "mayor",
        "secretary",
        "general",
        "officer",
        "soldier",
        "fellow",
        "pundit",
        "correspondent",
        "reporter",
        "diplomat",
        "lawmaker",
        "senator",
        "candidate",
        "chief",
        "head",
        "leader",
        "director",
        "daughter",
        "son",
        "mother",
        "father",
        "woman",
        "man",
        "villager",
        "local",
        "ambassador",
        "envoy",
        "negotiator",
        "aide",
        "researcher",
        "professor",
        "economist",
        "strategist",
        "pollster",
        "nominee",
        "chairman",
        "chairwoman",
        "member",
        "volunteer",
        "doctor",
        "prosecutor",
        "judge",
        "lawyer",
        "attorney",
        "manager",
        "founder",
        "voter",
        "supporter",
        "critic",
        "observer",
        "people",
    }
)


@dataclass(frozen=True)
class SpeakerInfo:
    """A speaker mention before canonicalisation."""

    start: int  # char offsets of the mention
    end: int
    head: str  # head word as written
    name: str | None  # the proper name in the mention, titles dropped
    role: str | None
    entity_type: str
    pronoun: bool
    plural: bool


def speaker_tokens(head: Token) -> tuple[int, int]:
    """Token range [i, j) of a speaker mention: modifiers on the left, conjuncts on the right,
    appositions and relative clauses left out (they give the role, not the name)."""
    left = head.i
    for child in head.lefts:
        left = min(left, child.left_edge.i)
    right = head.i + 1
    for child in head.rights:
        if child.dep_ in ("cc", "conj", "flat", "compound") or (
            child.dep_ == "punct" and child.text == ")"
        ):
            right = max(right, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ == "of" and head.lemma_ in lex.GOVERNMENT_WORDS:
            right = max(right, child.right_edge.i + 1)  # "the Ministry of Defense"
        elif child.dep_ == "prep" and child.lower_ == "of":
            right = max(right, child.right_edge.i + 1) if head.ent_type_ else right
    doc = head.doc
    while left < right - 1 and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    return left, right


def describe_speaker(head: Token) -> SpeakerInfo:
    """Span, name, role and entity type of the speaker whose syntactic head is `head`."""
    doc = head.doc
    i, j = speaker_tokens(head)
    span = doc[i:j]
    lower = head.lower_
    pronoun = head.pos_ == "PRON"
    named = next(
        (
            c
            for c in head.rights
            if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
        ),
        None,
    )
    if head.pos_ == "NOUN" and named is not None:
        # "The mayor, Olena Hrytsenko, said": the name is in the apposition, the role before it.
        ni, nj = speaker_tokens(named)
        name_span = doc[ni:nj]
        name = _proper_name(name_span)
        if name is not None:
            return SpeakerInfo(
                start=span.start_char,
                end=name_span.end_char,
                head=head.text,
                name=name,
                role=_role_phrase(head),
                entity_type=_entity_type(named, name_span, name, False),
                pronoun=False,
                plural=False,
            )
    name = None if pronoun else _proper_name(span)
    role = None if pronoun else _role(span, head)
    plural = head.tag_ in ("NNS", "NNPS") or lower in lex.GROUP_PRONOUNS or lower in ("we",)
    return SpeakerInfo(
        start=span.start_char,
        end=span.end_char,
        head=head.text,
        name=name,
        role=role,
        entity_type=_entity_type(head, span, name, plural),
        pronoun=pronoun,
        plural=plural,
    )


def _proper_name(span: object) -> str | None:
    """The proper name inside a mention, without leading titles or possessives."""
    from spacy.tokens import Span as SpacySpan

    assert isinstance(span, SpacySpan)
    best = None
    for ent in span.ents:
        holds_head = ent.start <= span.root.i < ent.end
        # A nationality or country inside a description names no one ("a Ukrainian analyst").
        if ent.label_ in ("NORP", "GPE") and not holds_head:
            continue
        if ent.label_ in NAME_ENTS and (best is None or len(ent) > len(best)):
            best = ent
    head = span.root
    if best is None or (
        best.label_ != "PERSON" and not best.start <= head.i < best.end and head.pos_ == "PROPN"
    ):
        # Untagged capitalised run ending at the head ("the Defense Ministry", "NATO").
        if head.pos_ != "PROPN":
            return None if best is None else best.text
        i = head.i
        while (
            i > span.start
            and span.doc[i - 1].pos_ == "PROPN"
            and span.doc[i - 1].dep_ in ("compound", "flat")
        ):
            i -= 1
        toks = list(span.doc[i : head.i + 1])
        toks += [t for t in span if t.i > head.i and (t.pos_ == "PROPN" or t.lower_ == "of")]
        # "Major Petro Lysenko" -> "Petro Lysenko"; "Defense Ministry" keeps its first word.
        while (
            len(toks) > 1
            and toks[0].lower_ in lex.TITLES
            and (len(toks) > 2 or toks[1].ent_type_ == "PERSON")
        ):
            toks = toks[1:]
        return " ".join(t.text for t in toks)
    words = [t.text for t in best if t.dep_ != "case" and t.text not in ("'s", "\u2019s")]
    # Titles go ("Major Petro Lysenko" is sometimes tagged ORG); an organisation's first
    # word stays when only one word would be left ("Defense Ministry").
    while (
        len(words) > 1
        and words[0].lower() in lex.TITLES
        and (len(words) > 2 or best.label_ == "PERSON")
    ):
        words = words[1:]
    while words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words) if words else None


def _role(span: object, head: Token) -> str | None:
    """The function a speaker is given: pre-name title words or an apposition's head phrase."""
    from spacy.tokens import Span as SpacySpan

    assert isinstance(span, SpacySpan)
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
            return _role_phrase(child)
    if head.ent_type_ == "PERSON":
        pre = [t for t in span if t.i < head.i and t.ent_type_ != "PERSON"]
        pre = _strip_leading(pre)
        return " ".join(t.text for t in pre) or None
    if head.pos_ == "NOUN" and head.lemma_ in _PERSON_ROLE_HEADS:
        return _role_phrase(head)
    return None


def _role_phrase(noun: Token) -> str:
    mods = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod")
        and t.text.islower()
        and t.ent_type_ not in NAME_ENTS
        and not list(t.children)  # "63-year-old", "Ukrainian-appointed": not part of a role
    ]
    phrase = [t for t in noun.doc[mods[0].i : noun.i + 1]] if mods else [noun]
    phrase = [t for t in phrase if t.dep_ not in _LEFT_DROP_DEPS]
    return " ".join(t.text for t in phrase)


def _strip_leading(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    while out and (
        out[0].dep_ in _LEFT_DROP_DEPS
        or out[0].ent_type_ in ("NORP", "GPE")
        or (out[0].i + 1 < len(out[0].doc) and out[0].nbor().dep_ == "case")
    ):
        out = out[1:]
    return out


def _entity_type(head: Token, span: object, name: str | None, plural: bool) -> str:
    lower = head.lower_
    text = str(span).lower()
    if head.pos_ == "PRON":
        if lower in lex.PERSON_PRONOUNS or lower == "i":
            return "person"
        return "group" if lower in lex.GROUP_PRONOUNS or lower == "we" else "unknown"
    if head.ent_type_ == "PERSON" or (head.lemma_ in _PERSON_ROLE_HEADS and not plural):
        return "person"
    if head.ent_type_ == "GPE" or lower in lex.CAPITAL_GOVERNMENTS:
        return "government"
    if any(w in text for w in lex.GOVERNMENT_WORDS):
        return "government"
    if (
        head.ent_type_ == "ORG"
        or head.lemma_ in lex.ORGANISATION_WORDS
        or lower in lex.ORGANISATION_WORDS
    ):
        return "organisation"
    if head.lemma_ in _PERSON_ROLE_HEADS and plural:
        return "group"
    if head.ent_type_ == "NORP" and head.pos_ in ("PROPN", "NOUN"):
        return "group"  # "Democrats said", "Ukrainians believe"
    return "unknown"


def find_channel(verbs: list[Token], exclude: set[int]) -> tuple[str | None, set[int]]:
    """The medium of a statement: "via Telegram", "in a video address", "told Reuters".

    Returns the channel text and the tokens it covers (kept out of the content).
    """
    for verb in verbs:
        for child in verb.children:
            if child.i in exclude:
                continue
            if child.dep_ in ("dobj", "dative") and verb.lemma_ == "tell" and _is_outlet(child):
                return _channel_text(child), {t.i for t in child.subtree}
            if child.dep_ == "prep" and child.lower_ in lex.CHANNEL_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and _is_channel(pobj):
                        return _channel_text(pobj), {t.i for t in child.subtree}
    return None, set()


def _is_outlet(tok: Token) -> bool:
    phrase = " ".join(t.lower_ for t in tok.subtree if t.dep_ != "det")
    if phrase in lex.NEWS_OUTLET_WORDS or tok.lower_ in lex.NEWS_OUTLET_WORDS:
        return True
    return tok.ent_type_ == "ORG" and tok.lower_ in lex.NEWS_OUTLET_HEADS


def _is_channel(pobj: Token) -> bool:
    words = {t.lower_ for t in pobj.subtree}
    if pobj.lemma_.lower() in lex.CHANNEL_NOUNS or pobj.lower_ in lex.PLATFORMS:
        return True
    # "via the Telegram messaging application": a platform inside the phrase.
    return bool(words & lex.PLATFORMS - {"x", "threads"}) or any(
        w in lex.NEWS_OUTLET_WORDS for w in words
    )


def _channel_text(head: Token) -> str:
    """The channel's name: its capitalised run ("Espreso TV", "Telegram"), or else the noun
    phrase without determiners and time words ("video address")."""
    toks = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("compound", "flat")]
    named: list[Token] = []
    for t in toks:
        proper = (t.pos_ == "PROPN" or (t.text[:1].isupper() and named)) and t.ent_type_ not in (
            "NORP",
            "DATE",
            "TIME",
        )
        if proper and t.lower_ not in ("the",):
            if named and t.i != named[-1].i + 1:
                break
            named.append(t)
        elif named:
            break
    if named:
        return " ".join(t.text for t in named)
    plain = [
        t
        for t in toks
        if t.dep_ not in _LEFT_DROP_DEPS
        and t.dep_ != "amod"  # "nightly", "latest": not part of the medium's name
        and t.ent_type_ not in ("DATE", "TIME")
        and t.pos_ not in ("ADP", "PUNCT")
    ]
    return " ".join(t.text for t in plain) or head.text
