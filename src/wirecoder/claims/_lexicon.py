"""Word lists for attribution: the speech-verb table (cues.tsv) and small closed word classes.

The cue table is data, not code, so that a new verb is a one-line change reviewed as data.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Literal

Stance = Literal["assert", "deny", "doubt"]


@dataclass(frozen=True)
class CueVerb:
    """One row of cues.tsv."""

    lemma: str
    stance: Stance
    hedged: bool
    takes_object: bool
    weak: bool


def _load_cues() -> MappingProxyType[str, CueVerb]:
    rows: dict[str, CueVerb] = {}
    with resources.files("wirecoder.claims").joinpath("cues.tsv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        stance = row["stance"]
        if stance not in ("assert", "deny", "doubt"):
            raise ValueError(f"cues.tsv: unknown stance {stance!r} for {row['lemma']!r}")
        rows[row["lemma"]] = CueVerb(
            lemma=row["lemma"],
            stance=stance,  # type: ignore[arg-type]
            hedged=row["hedged"] == "yes",
            takes_object=row["object"] == "yes",
            weak=row["weak"] == "yes",
        )
    return MappingProxyType(rows)


# Read once at import: an immutable table, not mutable state.
CUE_VERBS = _load_cues()

# "expressed skepticism about X", "voiced doubts that X", "cast doubt on X".
EXPRESSED_NOUNS: MappingProxyType[str, Stance] = MappingProxyType(
    {
        "skepticism": "doubt",
        "scepticism": "doubt",
        "doubt": "doubt",
        "concern": "assert",
        "confidence": "assert",
        "hope": "assert",
        "belief": "assert",
        "optimism": "assert",
        "fear": "assert",
        "denial": "deny",
    }
)
EXPRESS_VERBS = frozenset({"express", "voice", "cast", "raise", "signal"})

# Modal and adverbial hedges on the content's main verb (or on the cue).
HEDGE_WORDS = frozenset(
    {
        "may",
        "might",
        "could",
        "reportedly",
        "allegedly",
        "possibly",
        "perhaps",
        "apparently",
        "likely",
        "probably",
        "purportedly",
        "supposedly",
        "seemingly",
    }
)

# Objects that point back at content said earlier ("shared the news", "confirmed the report").
ANAPHORIC_OBJECTS = frozenset(
    {"news", "claim", "report", "information", "announcement", "this", "it", "that", "so"}
)

# Heads of "according to X estimates": the speaker is the modifier (X), not the document.
SOURCE_DOCUMENTS = frozenset(
    {
        "estimate",
        "figure",
        "data",
        "report",
        "statement",
        "assessment",
        "tally",
        "count",
        "account",
        "intelligence",
        "analysis",
        "update",
        "survey",
    }
)

# Subjects that hold a finding ("the poll shows ...", "emails revealed ...").
EVIDENCE_SOURCES = SOURCE_DOCUMENTS | frozenset(
    {
        "poll",
        "polling",
        "study",
        "research",
        "record",
        "document",
        "email",
        "e-mail",
        "footage",
        "video",
        "image",
        "photo",
        "evidence",
        "result",
        "number",
        "statistic",
        "investigation",
        "review",
        "audit",
        "test",
    }
)

# Nouns naming the medium a statement went out on ("in his video address", "in a post").
CHANNEL_NOUNS = frozenset(
    {
        "address",
        "post",
        "statement",
        "interview",
        "website",
        "site",
        "app",
        "application",
        "broadcast",
        "briefing",
        "tweet",
        "message",
        "channel",
        "video",
        "speech",
        "conference",
        "television",
        "tv",
        "radio",
        "blog",
        "podcast",
        "programme",
        "program",
        "column",
        "op-ed",
        "letter",
        "newspaper",
        "account",
        "page",
        "appearance",
        "bulletin",
        "communique",
        "release",
    }
)
CHANNEL_PREPS = frozenset({"via", "on", "in", "through", "during", "over", "to", "with"})

# Social platforms and messengers named on their own ("stated on Telegram").
PLATFORMS = frozenset(
    {
        "telegram",
        "facebook",
        "twitter",
        "x",
        "instagram",
        "youtube",
        "tiktok",
        "vkontakte",
        "vk",
        "whatsapp",
        "weibo",
        "linkedin",
        "truth social",
        "threads",
    }
)

# Outlets that, as the object of "told", are the channel, not the audience.
NEWS_OUTLET_WORDS = frozenset(
    {
        "reuters",
        "ap",
        "afp",
        "associated press",
        "agence france-presse",
        "cnn",
        "bbc",
        "interfax",
        "tass",
        "ria novosti",
        "ukrinform",
        "bloomberg",
        "al jazeera",
        "nbc",
        "abc",
        "cbs",
        "fox news",
        "npr",
        "politico",
        "axios",
        "dpa",
        "anadolu",
        "xinhua",
    }
)
NEWS_OUTLET_HEADS = frozenset(
    {"news", "times", "post", "journal", "tv", "radio", "agency", "newspaper", "magazine", "daily"}
)

# Capitals used as metonyms for their governments when they speak ("Moscow said").
CAPITAL_GOVERNMENTS = MappingProxyType(
    {
        "moscow": "Russia",
        "kyiv": "Ukraine",
        "kiev": "Ukraine",
        "washington": "United States",
        "beijing": "China",
        "london": "United Kingdom",
        "paris": "France",
        "berlin": "Germany",
        "minsk": "Belarus",
        "tehran": "Iran",
        "ankara": "Turkey",
        "warsaw": "Poland",
    }
)

# Bodies of state that speak as governments.
GOVERNMENT_WORDS = frozenset(
    {
        "kremlin",
        "pentagon",
        "white house",
        "government",
        "ministry",
        "cabinet",
        "administration",
        "department",
        "state department",
        "downing street",
        "foreign office",
        "general staff",
        "presidency",
    }
)
ORGANISATION_WORDS = frozenset(
    {
        "nato",
        "agency",
        "army",
        "military",
        "command",
        "office",
        "committee",
        "council",
        "campaign",
        "company",
        "group",
        "institute",
        "organization",
        "organisation",
        "commission",
        "mission",
        "service",
        "party",
        "union",
        "un",
        "poll",
        "newspaper",
        "network",
        "court",
        "police",
        "forces",
    }
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
# Titles dropped from a canonical person name ("President Volodymyr Zelenskyy").
TITLES = frozenset(
    {
        "president",
        "minister",
        "gov",
        "gov.",
        "governor",
        "sen",
        "sen.",
        "senator",
        "rep",
        "rep.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "gen",
        "gen.",
        "general",
        "col",
        "col.",
        "lt",
        "lt.",
        "mayor",
        "secretary",
        "prime",
        "chancellor",
        "spokesman",
        "spokeswoman",
        "adviser",
        "advisor",
        "commander",
        "defense",
        "defence",
        "foreign",
        "deputy",
        "colonel",
        "major",
        "captain",
        "lieutenant",
        "sergeant",
        "admiral",
        "commissioner",
    }
)

# Nouns that name an attributed statement, belief or intention; with a possessor or "by X"
# they are cues of their own: "Moscow's claim that ...", "Kyiv's call for ...", "the
# minister's plan to ...". Written from general knowledge of English nominalisations.
NOMINAL_CUES: MappingProxyType[str, Stance] = MappingProxyType(
    {
        "statement": "assert",
        "claim": "assert",
        "assertion": "assert",
        "allegation": "assert",
        "accusation": "assert",
        "call": "assert",
        "demand": "assert",
        "plea": "assert",
        "appeal": "assert",
        "request": "assert",
        "promise": "assert",
        "pledge": "assert",
        "vow": "assert",
        "threat": "assert",
        "warning": "assert",
        "plan": "assert",
        "proposal": "assert",
        "decision": "assert",
        "intention": "assert",
        "desire": "assert",
        "wish": "assert",
        "hope": "assert",
        "fear": "assert",
        "concern": "assert",
        "belief": "assert",
        "view": "assert",
        "opinion": "assert",
        "argument": "assert",
        "insistence": "assert",
        "suggestion": "assert",
        "denial": "deny",
        "admission": "assert",
        "acknowledgment": "assert",
        "acknowledgement": "assert",
        "announcement": "assert",
        "prediction": "assert",
        "estimate": "assert",
        "assessment": "assert",
        "criticism": "assert",
        "praise": "assert",
        "endorsement": "assert",
        "opposition": "assert",
        "refusal": "assert",
        "message": "assert",
        "remark": "assert",
        "comment": "assert",
        "complaint": "assert",
        "doubt": "doubt",
        "skepticism": "doubt",
        "scepticism": "doubt",
        "commitment": "assert",
        "report": "assert",
    }
)
# Prepositions that introduce what a nominal or prepositional cue is about.
CONTENT_PREPS = frozenset({"for", "about", "of", "against", "on", "over", "that"})

# Verbs that attribute only through a preposition ("referred to X", "talked about X",
# "focused on X"): the object of that preposition is the content; nothing else is.
PREP_CUE_VERBS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "refer": frozenset({"to"}),
        "allude": frozenset({"to"}),
        "point": frozenset({"to"}),
        "react": frozenset({"to"}),
        "respond": frozenset({"to"}),
        "object": frozenset({"to"}),
        "talk": frozenset({"about", "of"}),
        "speak": frozenset({"about", "of"}),
        "comment": frozenset({"on"}),
        "elaborate": frozenset({"on"}),
        "reflect": frozenset({"on"}),
        "insist": frozenset({"on"}),
        "rail": frozenset({"against"}),
        "lash": frozenset({"out"}),
        "weigh": frozenset({"in"}),
        "hint": frozenset({"at"}),
        "boast": frozenset({"about", "of"}),
        "complain": frozenset({"about", "of"}),
        "warn": frozenset({"about", "of", "against"}),
    }
)
# spaCy's small model lemmatises some cue forms wrongly ("hoping" -> "hop").
LEMMA_FIXES = MappingProxyType({"hoping": "hope", "hoped": "hope", "hopes": "hope"})
