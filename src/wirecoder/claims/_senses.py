"""Word classes for reading claims as propositions (propositions.py).

A small hand-written thesaurus of war reporting: which words name one predicate ("invasion",
"invade", "offensive"), which name the parties ("the Kremlin", "Moscow" -> russia), which turn a
clause negative ("denied", "no indications that"), and which values exclude each other (a blast
caused by sabotage is not one caused by a missile). WordNet would give synonyms but not these
domain senses ("shelling" and "strike" are one act here, "withdrawal" and "retreat" one move),
and it is not installed; so the lists are short, written by hand, and each says what it is for.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from spacy.tokens import Token

from wirecoder.claims import _lexicon as lex
from wirecoder.rulebook import parties, thesaurus

# Lemmas spaCy gets wrong in news text, by surface form.
_LEMMA_FIXES = MappingProxyType({"shelling": "shelling", "bombing": "bombing", "killings": "killing",
                                 "talks": "talks", "casualties": "casualty", "media": "media"})  # fmt: skip


def lemma(tok: Token) -> str:
    word = tok.lower_
    return _LEMMA_FIXES.get(word) or lex.LEMMA_FIXES.get(word) or tok.lemma_.lower()


def _classes(table: dict[str, Iterable[str]]) -> MappingProxyType[str, str]:
    return MappingProxyType({w: name for name, words in table.items() for w in words})


# Predicates that are one act in war reporting, whatever the word (noun or verb): the rulebook's
# thesaurus.tsv, as the other thesaurus tables below.
_THESAURUS = thesaurus()
CONCEPTS = MappingProxyType(dict(_THESAURUS["concept"]))
VERB_ONLY = frozenset(
    {"mine", "target", "wound"}
)  # "mining the city" sets traps; "leftover mines" lie there already
# Verb + particle that name one of the acts ("blew up the dam", "shot down a drone").
PARTICLE_CONCEPTS = MappingProxyType({tuple(k.split()): c for k, c in _THESAURUS["particle"].items()})
# Verb + object that name one of the acts above ("set a trap", "take control of").
_OBJECTS: dict[str, dict[str, str]] = {}
for _pair, _concept in _THESAURUS["object"].items():
    _verb, _object = _pair.split()
    _OBJECTS.setdefault(_verb, {})[_object] = _concept
OBJECT_CONCEPTS = MappingProxyType(_OBJECTS)
# Who started the war: "X started the crisis", "responsibility for the war lies with X", "X is
# responsible for the war". Two claims naming different parties disagree.
WAR_NOUNS = frozenset(
    {"war", "crisis", "conflict", "aggression", "hostility", "hostilities", "bloodshed"}
)
BLAME_VERBS = frozenset(
    {"start", "unleash", "provoke", "instigate", "trigger", "begin", "initiate", "cause"}
)
BLAME_NOUNS = frozenset({"responsibility", "blame", "guilt", "fault"})
OBJECT_CONCEPTS = MappingProxyType(
    {**OBJECT_CONCEPTS, **{v: {n: "blame" for n in WAR_NOUNS} for v in BLAME_VERBS}}
)
CONCEPT_NAMES = (
    frozenset(CONCEPTS.values())
    | frozenset(PARTICLE_CONCEPTS.values())
    | frozenset(c for objects in OBJECT_CONCEPTS.values() for c in objects.values())
)
# Verbs whose object is where the act happens, and the act's own object ("mining the streets").
LOCATIVE_OBJECT_VERBS = MappingProxyType({"mine": "trap"})
ACT_OBJECTS = frozenset(o for objects in OBJECT_CONCEPTS.values() for o in objects)
# Verbs whose eventive object or subject is the act ("launched an attack", "the shelling is
# carried out by", "the attack was supposed to start").
LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "commit", "perpetrate",
                         "undertake", "wage", "make", "begin", "start", "resume", "continue",
                         "prepare", "plan", "order", "unleash", "initiate"})  # fmt: skip
# Verbs that say their eventive object happened or was seen ("reported an attack").
WITNESS_VERBS = frozenset({"confirm", "report", "announce", "claim", "acknowledge", "admit", "see",
                           "witness", "record", "complete", "finish", "observe"})  # fmt: skip
OCCURRENCE_VERBS = frozenset({"start", "begin", "happen", "occur", "take", "continue", "suppose"})
# Intransitive verbs whose subject undergoes the act ("Crimea will return", "the depot exploded").
UNACCUSATIVE = frozenset({"return", "fall", "die", "explode", "collapse", "sink", "happen", "occur",
                          "arrive", "burn"})  # fmt: skip
# Verbs too common to be the matter two claims disagree about (they frame a content).
GENERIC_VERBS = frozenset({
    "be", "have", "do", "make", "take", "get", "give", "go", "come", "say", "tell", "see", "know",
    "think", "believe", "want", "need", "seem", "become", "remain", "keep", "let", "put", "use",
    "include", "happen", "occur", "call", "ask", "mean", "show", "find", "look", "feel", "like",
    "appear", "hope", "expect", "allow", "stay", "consider", "face", "hold", "lead", "play",
    "work", "change", "move", "set", "leave", "add", "note", "understand", "accept", "agree",
    "thank", "welcome", "open", "close", "bring", "turn", "follow", "receive", "help", "report",
    "claim", "state", "announce", "declare", "suppose", "speak", "talk", "live", "remember",
    "learn", "stand", "sit", "run", "win", "lose", "pay", "buy", "sell",
    "read", "write", "hear", "watch", "wait", "ensure", "carry", "conduct", "launch",
    "stage", "mount", "commit", "undertake", "wage", "continue", "resume", "order", "affect",
    "increase", "reduce", "provide", "require", "involve", "concern", "exist", "matter", "try",
    "cause",
})  # fmt: skip
# Verbs that govern another predicate and are not the matter themselves ("intended to ...").
CONTROL_VERBS = frozenset({"go", "try", "want", "seek", "plan", "intend", "decide", "begin",
                           "start", "stop", "attempt", "aim", "manage", "fail", "refuse", "able",
                           "threaten", "cease", "quit", "prepare", "choose", "promise", "vow",
                           "pledge", "suppose", "tend", "appear", "seem"})  # fmt: skip
# A governor that negates what it governs: "denied that ...", "rejected reports that ...".
DENIAL_GOVERNORS = frozenset({"deny", "reject", "refute", "dismiss", "rebut", "debunk", "disprove",
                              "denial"})  # fmt: skip
# Verbs that negate the act they take as an infinitive or gerund ("stopped supporting",
# "refused to withdraw"), not a noun's ("halted a mission to attack" is one mission stopped).
ASPECT_NEGATORS = frozenset({"stop", "cease", "quit", "refuse", "fail", "avoid", "halt", "abandon"})
NEGATIVE_GOVERNORS = DENIAL_GOVERNORS | ASPECT_NEGATORS
# "no indications that ...", "no evidence that ...": absence of evidence offered as denial.
EVIDENCE_NOUNS = frozenset({"indication", "evidence", "sign", "proof", "information", "intelligence",
                            "data", "confirmation", "reason"})  # fmt: skip
# A content told as somebody else's: "reports that ...", "the statements that ...".
REPORT_NOUNS = frozenset({"report", "claim", "statement", "allegation", "assertion", "accusation",
                          "rumor", "rumour", "suggestion", "speculation", "narrative", "story",
                          "idea", "notion", "assumption", "charge", "version", "thesis", "news"})  # fmt: skip
# Nouns by which a denial points back at a statement ("denied these accusations").
STATEMENT_NOUNS = frozenset({"accusation", "claim", "allegation", "report", "charge", "statement",
                             "assertion", "argument", "comment", "remark", "assessment", "suggestion",
                             "speculation", "rumor", "rumour", "version", "narrative", "words"})  # fmt: skip
# Reporting verbs inside a content: "the Russians assured that ..." is theirs, not the speaker's.
REPORT_VERBS = frozenset({"say", "claim", "report", "allege", "assert", "insist", "assure",
                          "state", "announce", "declare", "tell", "argue", "maintain", "accuse",
                          "suggest", "write", "add", "boast", "promise", "warn", "predict"})  # fmt: skip
# Words that call a report false: "the statements that ... sound absurd".
FALSE_WORDS = frozenset({"false", "untrue", "absurd", "baseless", "groundless", "unfounded",
                         "nonsense", "lie", "fake", "fabrication", "ridiculous", "preposterous",
                         "myth", "rubbish", "disinformation", "fiction", "hoax", "fabricated",
                         "fabricate", "invented", "fictitious", "bogus", "pretext"})  # fmt: skip
# Governors that make their complement a demand or wish, not a statement of fact.
DEONTIC_GOVERNORS = frozenset({"urge", "call", "ask", "demand", "appeal", "request", "hope", "need", "propose", "recommend", "advise",
                               "encourage", "order", "require", "implore", "beg", "plead", "push",
                               "press", "invite", "expect", "insist", "necessary", "important",
                               "ready", "willing", "must"})  # fmt: skip
POSSIBLE_GOVERNORS = frozenset({"fear", "suspect", "speculate", "guess", "wonder", "possible",
                                "likely", "risk", "possibility", "chance", "threat", "seem",
                                "appear", "afraid", "concerned", "worried", "worry", "danger",
                                "prospect", "scenario", "warn", "warning", "prediction", "predict",
                                "forecast", "expect", "expectation", "potential", "option"})  # fmt: skip
INTENT_GOVERNORS = frozenset({"intend", "plan", "seek", "aim", "try", "attempt", "decide",
                             "prepare", "threaten", "mean", "choose", "want", "wish"})  # fmt: skip
# Nouns whose infinitive is what someone means to do ("plans to attack", "the decision to").
INTENT_NOUNS = frozenset({"plan", "intention", "decision", "order", "attempt", "goal", "aim", "bid",
                          "intent", "readiness", "preparation", "effort"})  # fmt: skip
POSSIBLE_MODALS = frozenset({"may", "might", "could", "can", "ca"})
DEONTIC_MODALS = frozenset({"should", "must", "ought", "shall"})
HEDGE_ADVERBS = frozenset({"possibly", "perhaps", "maybe", "probably", "likely", "reportedly",
                           "allegedly", "apparently", "presumably", "potentially"})  # fmt: skip
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "once", "until", "lest"})
NEGATIVE_PRONOUNS = frozenset({"nothing", "nobody", "none", "noone"})
INDEFINITES = frozenset({"anyone", "anybody", "anything", "someone", "somebody", "something",
                         "everyone", "everybody", "everything", "whoever", "whatever"})  # fmt: skip
ANAPHORS = frozenset({"this", "that", "these", "those", "it", "which", "such"})
QUANTIFIER_NOUNS = frozenset({"series", "number", "dozen", "dozens", "hundred", "hundreds",
                              "thousand", "thousands", "wave", "spate", "string", "lot", "couple",
                              "pair", "group", "part", "kind", "type", "act"})  # fmt: skip
# Acts whose noun's possessor undergoes them ("bin Laden's death", "Kherson's capture"); for the
# others it is the doer ("Russia's invasion").
PATIENT_NOUN_CONCEPTS = frozenset({"killing", "injury", "capture", "liberation", "destruction",
                                   "damage", "evacuation", "annexation", "encirclement"})  # fmt: skip
# Descriptions that stand for a named place ("a neighbouring country"): they match any place.
PLACE_DESCRIPTIONS = frozenset({"country", "city", "town", "village", "region", "area", "territory",
                                "state", "capital", "neighbour", "neighbor", "place", "land",
                                "nation", "oblast", "province", "district", "side"})  # fmt: skip
# Nouns too common to tie two claims to one matter.
GENERIC_NOUNS = PLACE_DESCRIPTIONS | frozenset({
    "troop", "troops", "force", "forces", "soldier", "military", "army", "people", "person",
    "civilian", "thing", "situation", "way", "time", "day", "year", "week", "month", "one",
    "part", "number", "government", "official", "authority", "leader", "president", "minister",
    "country", "world", "everything", "anything", "something", "war", "conflict", "weapon",
    "action", "decision", "issue", "problem", "question", "point", "fact", "case", "lot", "kind",
})  # fmt: skip
MONTHS_AND_DAYS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                             "august", "september", "october", "november", "december", "monday",
                             "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})  # fmt: skip

# Parties by the words that name them, leaders and capitals included (the rulebook's sides.tsv):
# for who did what, the Kremlin, Moscow and Putin are one actor.
PARTIES = MappingProxyType({word: party for word, (party, _) in parties().items()})
# Names of a party as a whole (not a capital, leader or body that also names itself), with the
# last word of a two-word name ("States" of "United States").
DEMONYMS = frozenset(
    {w for w, (_, kind) in parties().items() if kind in ("state", "bloc") and " " not in w}
    | {w.split()[-1] for w, (_, kind) in parties().items() if kind in ("state", "bloc") and " " in w and "'" not in w}
)
# Two-word names told apart from their first word ("United States", not "united").
_COMPOUND_PARTIES = MappingProxyType(
    {tuple(w.split()): p for w, p in PARTIES.items() if len(w.split()) == 2 and "'" not in w}
)


_COMPOUND_LAST = frozenset(last for _, last in _COMPOUND_PARTIES)
_COMPOUND_FIRST = frozenset(first for first, _ in _COMPOUND_PARTIES) - frozenset(PARTIES)


def party(tok: Token) -> str | None:
    """The party a token names, if any ("Kremlin" -> russia; "States" in "United States" -> us)."""
    word = tok.lower_.rstrip(".")
    if word in _COMPOUND_LAST:
        for c in tok.children:
            found = _COMPOUND_PARTIES.get((c.lower_, word))
            if found:
                return found
        return None
    if word in _COMPOUND_FIRST:
        return None
    if tok.pos_ not in ("PROPN", "ADJ", "NOUN", "PRON") and word not in PARTIES:
        return None
    if word == "us" and tok.text != "US":  # the pronoun "us"
        return None
    return PARTIES.get(word)


# Stated causes of an incident, by class: two claims naming different classes disagree.
_CAUSES = MappingProxyType(dict(_THESAURUS["cause"]))
# Manners that exclude each other: taking something back by force or peacefully.
_MANNERS = MappingProxyType(dict(_THESAURUS["manner"]))


def cause_class(tokens: Iterable[Token]) -> str | None:
    found = {_CAUSES[lemma(t)] for t in tokens if lemma(t) in _CAUSES}
    return found.pop() if len(found) == 1 else None


def manner_class(tokens: Iterable[Token]) -> str | None:
    found = {_MANNERS[lemma(t)] for t in tokens if lemma(t) in _MANNERS}
    return found.pop() if len(found) == 1 else None
