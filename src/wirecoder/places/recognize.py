"""Toponym recognition: a gazetteer matcher in front of spaCy NER, plus place patterns.

The small spaCy model tags many Ukrainian towns as PERSON (Kyiv, Kherson, Bucha), so capitalised
token runs are looked up in the gazetteer (longest match first, one indexed query per run start,
not a PhraseMatcher over millions of names) and unioned with spaCy's GPE/LOC entities. A match
needs evidence that it is a place here: a place label, a pattern ("the city of X", "X Oblast"),
a locative preposition, a containing region after a comma, a dateline, a noun it modifies ("a
Winona man"), an organisation it is the seat of ("Oakland Police Department": role actor), a
legislator's home town ("D-Raleigh"), nearness to the document's other places, or a prominent
entry; demonyms, news outlets, person names and common words are dropped. Streets and roads
("Main Street", "County Road 42") are recognised by pattern; the gazetteer holds none.

Short event descriptions ("Explosion in central Kyiv", "Okhtyrka railway station destroyed",
"Destroyed cars in a parking space, Kharkiv") add cues: a preposition before a centre or compass
word, a facility the name qualifies (role location, see `_cues.py`), the object of a verb such
as enter or shell, a fragment's closing ", Town", a town with its state after a comma. A name
the gazetteer lacks as spelt is looked up by transliteration key and, after a locative word,
as a misspelling of a Ukrainian, Russian or Belarusian town (`Gazetteer.fuzzy_lookup`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from wirecoder.parse import ParsedArticle
from wirecoder.places._cues import (
    COMMON_POS,
    SEAT_POPULATION,
    all_caps_sentence,
    can_seat,
    facility_after,
    is_abbreviation,
    is_cap,
    is_cap_text,
    is_dateline,
    is_name_token,
    object_of_place_verb,
    preposition_before,
)
from wirecoder.places._patterns import PatternHit, is_part_of, pattern_hits, street_hits
from wirecoder.places._spread import coordinated, facility_elsewhere, near_found
from wirecoder.places._toponym import FACILITY_NAME, FACILITY_SEAT, ORG_SEAT, Toponym
from wirecoder.places._words import (
    COMPASS_WORDS,
    CONNECTORS,
    FACILITY_NOUNS,
    GENERIC_WORDS,
    LOCATIVE,
    MEDIA_WORDS,
    OFFICE_WORDS,
    ORG_WORDS,
    OWNED_NOUNS,
    PARTIES,
    PERSON_TITLES,
    RESIDENT_NOUNS,
    STRONG_LOCATIVE,
)
from wirecoder.places.gazetteer import Candidate, Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that make a capitalised run something other than a place.
NOT_PLACE_LABELS = frozenset({
    "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "EVENT",
    "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT",
})  # fmt: skip
# Labels no place name gets, even by a mistake of the small model ("Hugo, Oklahoma" is EVENT).
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"})
MAX_TOKENS = 6
# Labels the small model gives some well-known places ("Aleppo" NORP, "Winnipeg" PRODUCT).
MISTAKEN_LABELS = frozenset({"NORP", "LANGUAGE", "PRODUCT"})


def _well_known(c: Candidate) -> bool:
    """A country, a first-level region, or a town of 10,000 or more under its own name."""
    return c.name_kind == 0 and (c.feature in ("PCLI", "ADM1") or c.population >= 10_000)


# An unlabelled proper noun found in the gazetteer counts as a place without other evidence when
# its best entry is this big: below it, surnames and brand names that are also villages win.
PROMINENT_POPULATION = 50_000


def _common_opener(doc: Doc, i: int, cands: list[Candidate]) -> bool:
    """Whether token i opens its sentence as a common word ("Power station hit", "Water tower
    damaged") rather than a town ("Chicopee residents"): tagged as a common word, and no
    populated place carries it as its own name."""
    return bool(
        doc[i].is_sent_start and doc[i].pos_ in COMMON_POS
        and not any(c.name_kind == 0 and c.is_populated_place and c.population >= 1_000 for c in cands)
    )  # fmt: skip


def _state_follows(scan: _Scan, j: int) -> bool:
    """Whether ", <state or country>" follows doc[j-1] ("Ada, Oklahoma", "Barrie, Ont.")."""
    doc = scan.parsed.doc
    if j + 1 >= len(doc) or doc[j].text != "," or not is_cap(doc[j + 1]):
        return False
    for k in range(min(len(doc), j + 4), j + 1, -1):
        if all(is_cap(t) or t.text == "." for t in doc[j + 1 : k]):
            cands = scan.lookup(j + 1, k)[1]
            if any(c.feature in ("ADM1", "PCLI") and c.name_kind < 2 for c in cands[:3]):
                return True
    return False


def _extends(doc: Doc, es: int, ee: int, i: int, j: int, town: bool = False) -> bool:
    """Whether the entity doc[es:ee] goes on past the run doc[i:j] as one name: not just a
    leading "the" or a comma-joined container ("Paris, Texas" holds two names)."""
    before = es < i and not (doc[i - 1].lower_ == "the" or doc[i - 1].is_punct)
    if town:
        # Compass words before a town ("Central Kharkiv", "South East Kyiv") name part of it;
        # before a region they name another region ("Southern California").
        before = before and not all(t.lower_ in COMPASS_WORDS or t.lower_ == "the" for t in doc[es:i])
    after = ee > j and not doc[j].is_punct
    return before or after


def _names_seat(doc: Doc, es: int, ee: int, i: int, j: int, top: Candidate) -> bool:
    """Whether the run doc[i:j] names the seat of the organisation doc[es:ee]: a country or
    state anywhere in it ("Environment Canada"), or a place that starts the name ("Oakland
    Police Department") or follows its "of" or a compass word ("Bank of Canada", "North
    Arlington Neighbors"). Never inside a news outlet's name ("Kyiv Post")."""
    if doc[ee - 1].lower_ in MEDIA_WORDS or top.name_kind == 2:
        return False
    if top.name_kind != 0 and top.feature != "PCLI" and not (
        (j < ee and doc[j].lower_ in OFFICE_WORDS) or doc[ee - 1].lower_ in FACILITY_NOUNS
    ):
        # Another spelling heading a name is rarely a seat: "Volodymyr Zelenskiy" tagged ORG
        # (Volodymyr-Volynskyi's alternate), "Google" (an old nickname of Topeka); a country's
        # English short names ("U.K.", "U.S.") are.
        return False
    if word_is_generic(doc[i].text) or any(t.lower_ in ORG_WORDS for t in doc[i:j]):
        return False  # "First Bank", "University of ...", "Chamber of Commerce"
    if top.name_kind == 0 and top.feature in ("PCLI", "ADM1"):
        return True  # "Environment Canada", "the Western Pennsylvania Kennel Association"
    if ee == j and i - es == 1 and doc[es].text.isupper() and 2 <= len(doc[es].text) <= 5 and _well_known(top):
        return True  # a broadcaster's local station: "CTV Winnipeg", "CBC Toronto"
    if not (_starts(doc, es, i) or (i - 1 > es and doc[i - 1].lower_ in ("of", *COMPASS_WORDS))):
        return False
    if j < ee and doc[j].lower_ in OFFICE_WORDS and (top.is_populated_place or top.is_region):
        return True  # "Litchfield Fire Chief", "Tega Cay Fire Department": a town's own office
    return top.feature in ("ADM1", "ADM2", "PCLI") or top.population >= SEAT_POPULATION


def _starts(doc: Doc, es: int, i: int) -> bool:
    """Whether the run starting at i starts the entity starting at es (after a leading "the")."""
    return es == i or (es == i - 1 and doc[es].lower_ == "the")


def word_is_generic(word: str) -> bool:
    return word.lower() in GENERIC_WORDS


def _ent_labels(doc: Doc) -> list[tuple[str, int, int] | None]:
    """For each token: its entity (label, first token, end token) or None."""
    out: list[tuple[str, int, int] | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            out[i] = (ent.label_, ent.start, ent.end)
    return out


def _person_words(doc: Doc) -> set[str]:
    """Words of multi-word PERSON entities ("Hanna Malyar" -> Hanna, Malyar): person names."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ not in FACILITY_NOUNS:
            # ("Chuhuiv Airbase" tagged PERSON is a facility, not a person.)
            words.update(t.text for t in ent if t.is_alpha)
    return words


def _lower_words(doc: Doc) -> set[str]:
    return {t.text for t in doc if t.is_lower}


class _Tokens(NamedTuple):
    starts: list[int]
    ends: list[int]
    caps: list[bool]
    lowers: list[str]


@dataclass
class _Scan:
    parsed: ParsedArticle
    gazetteer: Gazetteer
    ents: list[tuple[str, int, int] | None]
    persons: set[str]
    lower: set[str]
    hits: list[PatternHit]
    weak: list[Toponym] = field(default_factory=list)  # found, without evidence, not vetoed

    @functools.cached_property
    def tokens(self) -> _Tokens:
        """Per token: offsets, capitalised, lower case, read in one pass (a spaCy token is built
        anew on every `doc[i]`)."""
        doc = self.parsed.doc
        texts = [t.text for t in doc]
        starts = [t.idx for t in doc]
        return _Tokens(
            starts=starts,
            ends=[s + len(text) for s, text in zip(starts, texts, strict=True)],
            caps=[is_cap_text(text) for text in texts],
            lowers=[t.lower_ for t in doc],
        )

    def name(self, i: int, j: int) -> str:
        return self.parsed.text[self.tokens.starts[i] : self.tokens.ends[j - 1]]

    def lookup(self, i: int, j: int) -> tuple[str, list[Candidate]]:
        name = self.name(i, j)
        return name, self.gazetteer.lookup(name, limit=100)

    def pattern_at(self, start: int, end: int) -> PatternHit | None:
        for hit in self.hits:
            if hit.name_start <= start and end <= hit.name_end:
                return hit
        return None


def _evidence(scan: _Scan, i: int, j: int, cands: list[Candidate]) -> str | None:
    """Why the run doc[i:j], found in the gazetteer, is a place here; None when it is not."""
    doc = scan.parsed.doc
    ent = scan.ents[i]
    prev = doc[i - 1] if i > 0 else None
    prev_lower = preposition_before(doc, i)
    single = j - i == 1
    if prev is not None and prev.text == "-" and prev.idx + 1 == doc[i].idx:
        if i >= 2 and doc[i - 2].text in PARTIES and (j >= len(doc) or doc[j].text in (",", ")", ";", ".")):
            return "party and home town"  # "Sen. Hugh Leatherman, R-Florence,"
        return None  # inside a hyphenated word: "pro-Western"
    if single and scan.gazetteer.demonym(doc[i].text) is not None:
        return None  # "Ukrainian", "Russians"
    top = cands[0]
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    if is_dateline(doc, i, j):
        return "dateline"  # before the NER labels: the small model mislabels upper-case text
    if ent is not None and ent[1] < i and doc[i - 1].is_punct and doc[i - 1].whitespace_ and _well_known(top):
        # NER ran one entity across a spaced dash or comma ("Mr Trump - Wisconsin"): the name
        # after it stands alone.
        ent = None
    if ent is not None and ent[0] in MISTAKEN_LABELS and _starts(doc, ent[1], i) and ent[2] == j and (
        _well_known(top)
        or (prev_lower in LOCATIVE and any(c.is_populated_place and c.population >= 10_000 for c in cands))
    ):
        # spaCy's small model calls some cities NORP or LANGUAGE ("the destruction of Aleppo");
        # a demonym was turned away above, so a well-known place name here is the place.
        ent = None
    if scan.pattern_at(start, end) is not None and (ent is None or ent[0] not in NOT_PLACE_LABELS):
        return "pattern"
    if prev_lower in STRONG_LOCATIVE | {"of"} and _state_follows(scan, j) and (ent is None or ent[0] not in _NUMERIC_LABELS):
        return "comma-state"  # "of Ada, Oklahoma", "in Hugo, Okla.": a town with its state
    if (
        (ent is None or (ent[2] <= j and ent[0] not in NOT_PLACE_LABELS)
         or (ent[0] in ("PERSON", "ORG", "FAC") and (_starts(doc, ent[1], i) or doc[i - 1].lower_ == "of")))
        and not (single and (word_is_generic(doc[i].text) or doc[i].is_stop or doc[i].text in scan.persons))
        and not (i > 0 and is_cap(doc[i - 1]) and not doc[i - 1].is_sent_start)  # "X Cave Monastery"
        and any(can_seat(c) for c in cands)
        and facility_after(doc, j) is not None
        and not _common_opener(doc, i, cands)  # "Power station hit"
    ):  # fmt: skip
        return FACILITY_SEAT  # "Okhtyrka railway station", "Vasylkiv's oil depot"
    if ent is not None:
        label, es, ee = ent
        if label in PLACE_LABELS:
            if _extends(doc, es, ee, i, j, town=top.is_populated_place):
                return None  # part of a longer place name ("Main Street"): NER keeps the whole
            return f"ner:{label}"
        if label in NOT_PLACE_LABELS:
            return None
        if label in ("PERSON", "ORG", "FAC") and _extends(doc, es, ee, i, j):
            # Part of a longer name: "Hanna Malyar", "Kyiv Post", "Ministry of Defense". Keep a
            # place that names an organisation's seat or jurisdiction ("Athens Police
            # Department", "University of Kentucky"), not a news outlet ("Kyiv Post").
            if label in ("ORG", "PERSON") and _names_seat(doc, es, ee, i, j, top) and (
                label == "ORG" or doc[j].lower_ in OFFICE_WORDS
            ):
                # "Mykolaiv Oncology Hospital", "Okhtyrka City Council": a building, where it happens.
                return FACILITY_NAME if doc[ee - 1].lower_ in FACILITY_NOUNS else ORG_SEAT
            if label == "PERSON" and j - i > 1 and top.feature in ("ADM1", "ADM2") and _starts(doc, es, i):
                # "McMinn County Sheriff Steve Frisbie": a county in an official's title.
                return ORG_SEAT
            return None
    if single and (word_is_generic(doc[i].text) or (doc[i].is_stop and not doc[i].text.isupper())):
        return None  # "Street", or a sentence-initial "But" that a hamlet shares
    if j < len(doc) and is_cap(doc[j]) and doc[j].lower_ in FACILITY_NOUNS and ent is None:
        return None  # the first word of a facility's name ("Neptune Pool"), not a town
    if single and doc[i].lower_ in FACILITY_NOUNS and i > 0 and is_cap(doc[i - 1]) and not doc[i - 1].is_sent_start:
        return None  # the last word of a facility's name ("Neptune Pool")
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.lower_ in RESIDENT_NOUNS and nxt.is_lower and (ent is None or ent[2] <= j) and not (
        _common_opener(doc, i, cands)
    ):
        return f"modifies:{nxt.lower_}"
    if nxt is not None and nxt.lower_ in ("'s", "’s") and doc[i].text not in scan.persons and any(
        t.lower_ in OWNED_NOUNS for t in doc[j + 1 : j + 3]
    ):
        return "possessive"  # "Greer's city limits", "Toronto's mayor"
    if object_of_place_verb(doc, i, j) and any(can_seat(c) for c in cands) and doc[i].text not in scan.persons and (
        ent is None or (ent[0] in ("ORG", "PERSON", "GPE", "LOC") and ent[1] >= i and ent[2] <= j)
    ):
        return "object of a place verb"  # "forces entering Slavutych", "guns facing Izyum"
    if (
        (j >= len(doc) or (doc[j].is_punct and doc[j].text in ".:"))
        and doc[i].is_sent_start and any(can_seat(c) for c in cands) and (ent is None or ent[0] in PLACE_LABELS)
    ):  # fmt: skip
        return "heading"  # "Kharkiv. Shelling damaged a school.": a fragment naming the scene
    if ent is not None and ent[0] == "ORG":
        # spaCy calls some towns ORG; an organisation that is exactly a place name is rarer.
        big = top.feature in ("PCLI", "ADM1") or top.population >= PROMINENT_POPULATION
        big = big or (not single and top.feature == "ADM2" and top.name_kind < 2)  # "Platte Co."
        if big:
            return "prominent"
        if prev_lower in STRONG_LOCATIVE and (
            top.name_kind == 0
            or (top.name_kind in (1, 3) and top.population >= SEAT_POPULATION and (j >= len(doc) or doc[j].text != "-"))
        ):
            # "volunteers from Crockett", "lines in Whitestown"; an English spelling of a town
            # ("in Marinka" for Mar'yinka) when the town is not tiny.
            return f"preposition:{prev_lower}"
        return None
    word = doc[i].text
    if single and (word in scan.persons or word.lower() in scan.lower):
        return None  # a person's name here, or a common word that is lower case elsewhere
    if prev_lower in LOCATIVE:
        return f"preposition:{prev_lower}"
    if nxt is not None and nxt.text == "," and j + 1 < len(doc) and is_cap(doc[j + 1]):
        return "comma-container"
    if top.name_kind == 0 and top.feature in ("PCLI", "ADM1") and doc[i].pos_ == "PROPN":
        return "country or state"
    if is_name_token(doc[i]) and top.population >= PROMINENT_POPULATION:
        return "prominent"
    if (
        prev is not None and prev.text == "," and (nxt is None or (nxt.is_punct and nxt.text != ","))
        and any(can_seat(c) for c in cands)
        and not any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[i].sent)
    ):  # fmt: skip
        # A subjectless fragment's closing ", Kharkiv" names the scene; in a sentence, a name
        # after a comma is more often an apposition ("his wife, Dora.").
        return "trailing place"
    if ent is not None and ent[0] == "PERSON" and top.population >= PROMINENT_POPULATION and top.name_kind == 0:
        return "prominent"
    return ""  # no evidence here, but nothing against it: see _coordinated()


def _gazetteer_runs(scan: _Scan, sent_start: int, sent_end: int) -> list[Toponym]:
    doc = scan.parsed.doc
    out: list[Toponym] = []
    i = sent_start
    caps, lowers = scan.tokens.caps, scan.tokens.lowers
    while i < sent_end:
        if not caps[i] or doc[i].is_punct:
            i += 1
            continue
        found = None
        limit = min(sent_end, i + MAX_TOKENS)
        for j in range(limit, i, -1):
            if not caps[j - 1]:
                continue
            if any(not (caps[k] or lowers[k] in CONNECTORS) for k in range(i, j)):
                continue
            name, cands = scan.lookup(i, j)
            if cands and is_abbreviation(doc[i:j].text) and not all_caps_sentence(doc, i):
                # "NATO", "US", "Ky.": only a country's or a state's abbreviation counts.
                cands = [c for c in cands if c.feature in ("PCLI", "ADM1") and c.name_kind == 1]
            if cands:
                found = (j, name, cands)
                break
        found = _misspelt(scan, i, limit, found) or found
        if found is None:
            i += 1
            continue
        j, name, cands = found
        why = _evidence(scan, i, j, cands)
        if why:
            out.append(_toponym(scan, i, j, name, cands, why))
        elif why == "":
            scan.weak.append(_toponym(scan, i, j, name, cands, "coordinated with a place"))
        i = j
    return out


# A misspelt name is looked for only after these words, or where NER calls it a place: fuzzy
# matching anything capitalised would turn surnames and brands into villages.
_FUZZY_CONTEXT = frozenset({"in", "at", "near", "from", "outside", "into", "through", "over", "of", "to"})


def _misspelt(
    scan: _Scan, i: int, limit: int, found: tuple[int, str, list[Candidate]] | None
) -> tuple[int, str, list[Candidate]] | None:
    """A misspelling or unlisted spelling of a transliterated town ("Maripol", "Donestk",
    "Kamyanka-Dniprovsk"), for a capitalised run the exact lookup did not find whole, when the
    context says place. None when there is nothing better than `found`."""
    doc = scan.parsed.doc
    j = i + 1  # the whole run: capitalised words joined by hyphens ("Kamyanka-Dniprovsk")
    while j + 1 < limit and doc[j].text == "-" and not doc[j].whitespace_ and is_cap(doc[j + 1]):
        j += 2
    if found is not None and found[0] >= j:
        return None
    token = doc[i]
    ent = scan.ents[i]
    placed = ent is not None and ent[0] in ("GPE", "LOC") and ent[1] == i and ent[2] == j
    if not (placed or (preposition_before(doc, i) in _FUZZY_CONTEXT and (ent is None or ent[2] <= j))):
        return None
    if token.is_stop or token.text in scan.persons or token.text.lower() in scan.lower or is_abbreviation(token.text):
        return None
    name = scan.parsed.text[token.idx : doc[j - 1].idx + len(doc[j - 1])]
    cands = scan.gazetteer.fuzzy_lookup(name, limit=100)
    return (j, name, cands) if cands else None


def _toponym(scan: _Scan, i: int, j: int, name: str, cands: list[Candidate], why: str) -> Toponym:
    doc, text = scan.parsed.doc, scan.parsed.text
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    ent = scan.ents[i]
    hit = scan.pattern_at(start, end)
    hint = hit.hint if hit else None
    if hit is not None and hit.end > end:
        # "Kherson province", "Hostomel airport": the item is the whole phrase.
        phrase = text[start : hit.end]
        own = scan.gazetteer.lookup(phrase, limit=100)
        if own:
            cands = own
        end = hit.end
    if hint == "region" and not any(c.is_region for c in cands):
        cands = cands + _region_of_town(scan.gazetteer, cands)
    has_article = i > 0 and doc[i - 1].lower_ == "the"
    return Toponym(
        start=start,
        end=end,
        name=name,
        candidates=tuple(cands),
        hint=hint,
        part_of=is_part_of(text, start, end) or why == FACILITY_SEAT,
        has_article=has_article,
        label=ent[0] if ent else None,
        evidence=why,
        token_i=j - 1,
    )


def _region_of_town(gazetteer: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """For "Kharkov region", where the spelling names only the city: the regions named after the
    city under its own name ("Kharkiv" -> Kharkivska oblast) that hold it."""
    out: list[Candidate] = []
    for town in [c for c in cands if c.is_populated_place][:3]:
        out.extend(r for r in gazetteer.lookup(town.name, limit=20)
                   if r.is_region and r.admin1_code == town.admin1_code and r not in out)  # fmt: skip
    return out


def _streets(scan: _Scan, taken: list[tuple[int, int]]) -> list[Toponym]:
    """Street and road names ("Main Street", "County Road 42"): places no gazetteer holds. A
    street replaces a place match inside it ("Washington" in "Washington Avenue")."""
    out: list[Toponym] = []
    doc, text = scan.parsed.doc, scan.parsed.text
    for sent in scan.parsed.sentences:
        for start, end in street_hits(text, sent.start, sent.end):
            if any(s < end and start < e and not (start <= s and e <= end) for s, e in taken):
                continue  # crosses a place already found: "Kyiv Oblast Road" stays the oblast
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            ent = scan.ents[span.start]
            if ent is not None and ent[0] in ("PERSON", "DATE", "ORG") and ent[1] < span.start:
                continue  # inside a person's or organisation's name
            out.append(Toponym(start=start, end=end, name=text[start:end], candidates=(),
                               hint="street", part_of=False, label=ent[0] if ent else None,
                               evidence="street", token_i=span.end - 1))  # fmt: skip
            taken.append((start, end))
    return out


def _ner_only(scan: _Scan, taken: list[tuple[int, int]]) -> list[Toponym]:
    """GPE/LOC/FAC entities the gazetteer did not match (streets, buildings, unknown villages):
    places we cannot resolve, kept so that the record names them."""
    out: list[Toponym] = []
    for ent in scan.parsed.doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        tokens = [t for t in ent if not (t.lower_ == "the" or t.is_punct)]
        if not tokens or not any(is_cap(t) for t in tokens):
            continue  # "the west bank": a description, not a name
        if len(tokens) == 1 and scan.gazetteer.demonym(tokens[0].text) is not None:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if any(s < end and start < e for s, e in taken):
            continue
        name = scan.parsed.text[start:end]
        hit = scan.pattern_at(start, end)
        prev = scan.parsed.doc[tokens[0].i - 1].lower_ if tokens[0].i > 0 else ""
        if len(tokens) == 1 and hit is None and prev not in LOCATIVE:
            # One unknown word that spaCy calls a place is more often a surname ("Farrin
            # said"): without a preposition or pattern it is not kept.
            continue
        out.append(Toponym(start=start, end=end, name=name, candidates=(),
                           hint=hit.hint if hit else None,
                           part_of=is_part_of(scan.parsed.text, start, end),
                           has_article=ent[0].lower_ == "the", label=ent.label_,
                           evidence=f"ner:{ent.label_}", token_i=tokens[-1].i))  # fmt: skip
    return out


def recognize_toponyms(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[Toponym]:
    """Find the place names in an article, in text order.

    Args:
        parsed: the parsed article.
        gazetteer: an open gazetteer.

    Returns:
        Toponyms with their gazetteer candidates (empty for a place the gazetteer lacks).

    Example:
        >>> [t.name for t in recognize_toponyms(parsed, gaz)]  # "... the city of Kherson ..."
        ['Kherson']
    """
    doc = parsed.doc
    hits: list[PatternHit] = []
    for sent in parsed.sentences:
        hits.extend(pattern_hits(parsed.text, sent.start, sent.end))
    scan = _Scan(parsed, gazetteer, _ent_labels(doc), _person_words(doc), _lower_words(doc), hits)
    found: list[Toponym] = []
    for span in doc.sents:
        found.extend(_gazetteer_runs(scan, span.start, span.end))
    # Same name, same document, same place: a run rejected for want of evidence in one sentence
    # is accepted when the name was accepted elsewhere (spaCy labels "Kherson" differently
    # sentence by sentence), unless it is part of a longer non-place name there.
    found.extend(coordinated(parsed.text, found, scan.weak))
    found.extend(near_found(found, [w for w in scan.weak if w not in found]))
    accepted = {t.name for t in found}
    taken = [(t.start, t.end) for t in found]
    for span in doc.sents:
        for top in _rescan(scan, span.start, span.end, accepted, taken):
            found.append(top)
            taken.append((top.start, top.end))
    streets = _streets(scan, taken)
    found = [t for t in found if not any(s.start <= t.start and t.end <= s.end for s in streets)]
    found.extend(streets)
    taken = [(t.start, t.end) for t in found]
    found.extend(_ner_only(scan, taken))
    taken.extend((t.start, t.end) for t in found)
    found.extend(_pattern_only(scan, taken))
    found.sort(key=lambda t: t.start)
    return facility_elsewhere(found, parsed)


def _rescan(
    scan: _Scan, s: int, e: int, accepted: set[str], taken: list[tuple[int, int]]
) -> list[Toponym]:
    doc = scan.parsed.doc
    out: list[Toponym] = []
    text, starts, ends = scan.parsed.text, scan.tokens.starts, scan.tokens.ends
    for i in range(s, e):
        for j in range(min(e, i + MAX_TOKENS), i, -1):
            start, end = starts[i], ends[j - 1]
            name = text[start:end]
            if name not in accepted or any(a < end and start < b for a, b in taken):
                continue
            ent = scan.ents[i]
            if ent is not None and ent[0] in NOT_PLACE_LABELS and ent[0] != "WORK_OF_ART":
                continue
            titled = i > 0 and doc[i - 1].lower_.rstrip(".") in PERSON_TITLES
            if j - i == 1 and (doc[i].text in scan.persons or (ent is not None and ent[0] == "PERSON")) and not (
                doc[i].text not in scan.persons and _big_town(scan, name) and not titled
            ):
                # "Bell" the town elsewhere, but "Mr. Bell" here; the small model's PERSON on a
                # big town accepted elsewhere ("Zaporizhzhia, part of the corridor") is a slip.
                continue
            if ent is not None and _extends(doc, ent[1], ent[2], i, j):
                # A place named elsewhere in the document that starts an organisation's name
                # ("the Dublin Historical Society"), but not a news outlet ("Kyiv Post").
                inside_org = ent[0] in ("ORG", "WORK_OF_ART", "FAC") and _starts(doc, ent[1], i)
                if not inside_org or doc[ent[2] - 1].lower_ in MEDIA_WORDS:
                    continue
            cands = scan.gazetteer.lookup(name, limit=100)
            out.append(_toponym(scan, i, j, name, cands, "same name accepted elsewhere"))
            taken.append((start, end))
            break
    return out


def _big_town(scan: _Scan, name: str) -> bool:
    """Whether a town of PROMINENT_POPULATION or more carries `name` as its own name."""
    return any(c.name_kind == 0 and c.is_populated_place and c.population >= PROMINENT_POPULATION
               for c in scan.gazetteer.lookup(name, limit=5))  # fmt: skip


_FUNCTION_WORDS = frozenset({"The", "A", "In", "On", "At", "Of", "And", "But", "From", "To"})


def _pattern_only(scan: _Scan, taken: list[tuple[int, int]]) -> list[Toponym]:
    """"the village of X" where X is in neither the gazetteer nor NER: an unknown place."""
    out: list[Toponym] = []
    text = scan.parsed.text
    for hit in scan.hits:
        if hit.hint not in ("city", "region") or hit.end != hit.name_end:
            continue  # suffix patterns ("X Oblast") may have caught a sentence-initial word
        words = text[hit.name_start : hit.name_end].split()
        while words and words[0] in _FUNCTION_WORDS:
            words = words[1:]
        if not words:
            continue
        end = hit.name_end
        start = end - len(" ".join(words))
        if text[start:end] != " ".join(words) or any(a < end and start < b for a, b in taken):
            continue
        span = scan.parsed.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        ent = scan.ents[span.start]
        if ent is not None and ent[0] in NOT_PLACE_LABELS:
            continue
        out.append(Toponym(start=start, end=end, name=text[start:end], candidates=(),
                           hint=hit.hint, part_of=is_part_of(text, start, end),
                           evidence="pattern", token_i=span.end - 1))  # fmt: skip
        taken.append((start, end))
    return out
