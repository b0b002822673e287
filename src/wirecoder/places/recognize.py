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
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from wirecoder._geo import haversine_km
from wirecoder.parse import ParsedArticle
from wirecoder.places._patterns import Hint, PatternHit, is_part_of, pattern_hits, street_hits
from wirecoder.places._words import (
    COMPASS_WORDS,
    CONNECTORS,
    GENERIC_WORDS,
    LOCATIVE,
    MEDIA_WORDS,
    OFFICE_WORDS,
    ORG_WORDS,
    OWNED_NOUNS,
    PARTIES,
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
MAX_TOKENS = 6
# Labels the small model gives some well-known places ("Aleppo" NORP, "Winnipeg" PRODUCT).
MISTAKEN_LABELS = frozenset({"NORP", "LANGUAGE", "PRODUCT"})


def _well_known(c: Candidate) -> bool:
    """A country, a first-level region, or a town of 10,000 or more under its own name."""
    return c.name_kind == 0 and (c.feature in ("PCLI", "ADM1") or c.population >= 10_000)


# An unlabelled proper noun found in the gazetteer counts as a place without other evidence when
# its best entry is this big: below it, surnames and brand names that are also villages win.
PROMINENT_POPULATION = 50_000


@dataclass(frozen=True)
class Toponym:
    """A recognised place name: the item span, the name to look up, and what the text implies."""

    start: int  # item span (document offsets)
    end: int
    name: str  # the name as looked up
    candidates: tuple[Candidate, ...]
    hint: Hint | None = None
    part_of: bool = False
    has_article: bool = False  # "the Dnipro": rivers, seas and regions take an article
    label: str | None = None  # spaCy label when NER saw it
    evidence: str = "gazetteer"  # why it counts as a place; ORG_SEAT: inside an organisation name
    token_i: int = 0  # index of its last token in the Doc, for the dependency parse


def _is_cap(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _extends(doc: Doc, es: int, ee: int, i: int, j: int) -> bool:
    """Whether the entity doc[es:ee] goes on past the run doc[i:j] as one name: not just a
    leading "the" or a comma-joined container ("Paris, Texas" holds two names)."""
    before = es < i and not (doc[i - 1].lower_ == "the" or doc[i - 1].is_punct)
    after = ee > j and not doc[j].is_punct
    return before or after


ORG_SEAT = "place in an organisation name"
# A place named inside an organisation's name counts when it is at least this big or a region:
# below it, "Jackson" in "Jackson Hewitt" is a surname more often than a town.
SEAT_POPULATION = 5_000


def _names_seat(doc: Doc, es: int, ee: int, i: int, j: int, top: Candidate) -> bool:
    """Whether the run doc[i:j] names the seat of the organisation doc[es:ee]: a country or
    state anywhere in it ("Environment Canada"), or a place that starts the name ("Oakland
    Police Department") or follows its "of" or a compass word ("Bank of Canada", "North
    Arlington Neighbors"). Never inside a news outlet's name ("Kyiv Post")."""
    if doc[ee - 1].lower_ in MEDIA_WORDS or top.name_kind == 2:
        return False
    if word_is_generic(doc[i].text) or any(t.lower_ in ORG_WORDS for t in doc[i:j]):
        return False  # "First Bank", "University of ...", "Chamber of Commerce"
    if top.name_kind == 0 and top.feature in ("PCLI", "ADM1"):
        return True  # "Environment Canada", "the Western Pennsylvania Kennel Association"
    if not (_starts(doc, es, i) or (i - 1 > es and doc[i - 1].lower_ in ("of", *COMPASS_WORDS))):
        return False
    if j < ee and doc[j].lower_ in OFFICE_WORDS and (top.is_populated_place or top.is_region):
        return True  # "Litchfield Fire Chief", "Tega Cay Fire Department": a town's own office
    return top.feature in ("ADM1", "ADM2", "PCLI") or top.population >= SEAT_POPULATION


# "\x96" and "\x97" are the en and em dashes of Windows-1252 text decoded as Latin-1.
_DATELINE_AFTER = frozenset({",", "-", "--", "—", "(", "–", ":", "―", "\x96", "\x97"})


def _is_dateline(doc: Doc, i: int, j: int) -> bool:
    """ "BEIRUT:", "HUME –", "DeKALB --": an upper-case name opening a sentence or line and
    followed by a dateline mark."""
    letters = [ch for t in doc[i:j] for ch in t.text if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) < 0.6 * len(letters) or len(letters) < 2:
        return False
    starts = doc[i].is_sent_start or (i > 0 and ("\n" in doc[i - 1].whitespace_ + doc[i - 1].text or doc[i - 1].text == "."))
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.is_space and j + 1 < len(doc) and "\n" not in nxt.text:
        nxt = doc[j + 1] if nxt.text.count(" ") < 2 else None  # "TEGA CAY  Local fire crews"
        if nxt is None:
            return starts
    return starts and nxt is not None and (nxt.text in _DATELINE_AFTER or nxt.text.startswith("--"))


def _starts(doc: Doc, es: int, i: int) -> bool:
    """Whether the run starting at i starts the entity starting at es (after a leading "the")."""
    return es == i or (es == i - 1 and doc[es].lower_ == "the")


def word_is_generic(word: str) -> bool:
    return word.lower() in GENERIC_WORDS


def _is_abbreviation(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (text.isupper() and len(letters) <= 4) or ("." in text and len(letters) <= 5)


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
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(t.text for t in ent if t.is_alpha)
    return words


def _lower_words(doc: Doc) -> set[str]:
    return {t.text for t in doc if t.is_lower}


@dataclass
class _Scan:
    parsed: ParsedArticle
    gazetteer: Gazetteer
    ents: list[tuple[str, int, int] | None]
    persons: set[str]
    lower: set[str]
    hits: list[PatternHit]
    weak: list[Toponym] = field(default_factory=list)  # found, without evidence, not vetoed

    def lookup(self, i: int, j: int) -> tuple[str, list[Candidate]]:
        doc = self.parsed.doc
        name = self.parsed.text[doc[i].idx : doc[j - 1].idx + len(doc[j - 1])]
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
    prev_lower = prev.lower_ if prev is not None else ""
    single = j - i == 1
    if prev is not None and prev.text == "-" and prev.idx + 1 == doc[i].idx:
        if i >= 2 and doc[i - 2].text in PARTIES and (j >= len(doc) or doc[j].text in (",", ")", ";", ".")):
            return "party and home town"  # "Sen. Hugh Leatherman, R-Florence,"
        return None  # inside a hyphenated word: "pro-Western"
    if single and scan.gazetteer.demonym(doc[i].text) is not None:
        return None  # "Ukrainian", "Russians"
    top = cands[0]
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    if _is_dateline(doc, i, j):
        return "dateline"  # before the NER labels: the small model mislabels upper-case text
    if ent is not None and ent[1] < i and doc[i - 1].is_punct and doc[i - 1].whitespace_ and _well_known(top):
        # NER ran one entity across a spaced dash or comma ("Mr Trump - Wisconsin"): the name
        # after it stands alone.
        ent = None
    if ent is not None and ent[0] in MISTAKEN_LABELS and _starts(doc, ent[1], i) and ent[2] == j and _well_known(top):
        # spaCy's small model calls some cities NORP or LANGUAGE ("the destruction of Aleppo");
        # a demonym was turned away above, so a well-known place name here is the place.
        ent = None
    if scan.pattern_at(start, end) is not None and (ent is None or ent[0] not in NOT_PLACE_LABELS):
        return "pattern"
    if ent is not None:
        label, es, ee = ent
        if label in PLACE_LABELS:
            if _extends(doc, es, ee, i, j):
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
                return ORG_SEAT
            if label == "PERSON" and j - i > 1 and top.feature in ("ADM1", "ADM2") and _starts(doc, es, i):
                # "McMinn County Sheriff Steve Frisbie": a county in an official's title.
                return ORG_SEAT
            return None
    if single and (word_is_generic(doc[i].text) or doc[i].is_stop and not doc[i].text.isupper()):
        return None  # "Street", or a sentence-initial "But" that a hamlet shares
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.lower_ in RESIDENT_NOUNS and nxt.is_lower and (ent is None or ent[2] <= j):
        return f"modifies:{nxt.lower_}"
    if nxt is not None and nxt.lower_ in ("'s", "’s") and doc[i].text not in scan.persons and any(
        t.lower_ in OWNED_NOUNS for t in doc[j + 1 : j + 3]
    ):
        return "possessive"  # "Greer's city limits", "Toronto's mayor"
    if ent is not None and ent[0] == "ORG":
        # spaCy calls some towns ORG; an organisation that is exactly a place name is rarer.
        big = top.feature in ("PCLI", "ADM1") or top.population >= PROMINENT_POPULATION
        big = big or (not single and top.feature == "ADM2" and top.name_kind < 2)  # "Platte Co."
        if big:
            return "prominent"
        if prev_lower in STRONG_LOCATIVE and top.name_kind == 0:
            return f"preposition:{prev_lower}"  # "volunteers from Crockett", "lines in Whitestown"
        return None
    word = doc[i].text
    if single and (word in scan.persons or word.lower() in scan.lower):
        return None  # a person's name here, or a common word that is lower case elsewhere
    if prev_lower in LOCATIVE:
        return f"preposition:{prev_lower}"
    if nxt is not None and nxt.text == "," and j + 1 < len(doc) and _is_cap(doc[j + 1]):
        return "comma-container"
    if top.name_kind == 0 and top.feature in ("PCLI", "ADM1") and doc[i].pos_ == "PROPN":
        return "country or state"
    if doc[i].pos_ == "PROPN" and top.population >= PROMINENT_POPULATION:
        return "prominent"
    if ent is not None and ent[0] == "PERSON" and top.population >= PROMINENT_POPULATION and top.name_kind == 0:
        return "prominent"
    return ""  # no evidence here, but nothing against it: see _coordinated()


def _gazetteer_runs(scan: _Scan, sent_start: int, sent_end: int) -> list[Toponym]:
    doc = scan.parsed.doc
    out: list[Toponym] = []
    i = sent_start
    while i < sent_end:
        token = doc[i]
        if not _is_cap(token) or token.is_punct:
            i += 1
            continue
        found = None
        limit = min(sent_end, i + MAX_TOKENS)
        for j in range(limit, i, -1):
            if not _is_cap(doc[j - 1]):
                continue
            if any(not (_is_cap(t) or t.lower_ in CONNECTORS) for t in doc[i:j]):
                continue
            name, cands = scan.lookup(i, j)
            if cands and _is_abbreviation(doc[i:j].text):
                # "NATO", "US", "Ky.": only a country's or a state's abbreviation counts.
                cands = [c for c in cands if c.feature in ("PCLI", "ADM1") and c.name_kind == 1]
            if cands:
                found = (j, name, cands)
                break
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
    has_article = i > 0 and doc[i - 1].lower_ == "the"
    return Toponym(
        start=start,
        end=end,
        name=name,
        candidates=tuple(cands),
        hint=hint,
        part_of=is_part_of(text, start, end),
        has_article=has_article,
        label=ent[0] if ent else None,
        evidence=why,
        token_i=j - 1,
    )


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
        if not tokens or not any(_is_cap(t) for t in tokens):
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
    for sent in doc.sents:
        found.extend(_gazetteer_runs(scan, sent.start, sent.end))
    # Same name, same document, same place: a run rejected for want of evidence in one sentence
    # is accepted when the name was accepted elsewhere (spaCy labels "Kherson" differently
    # sentence by sentence), unless it is part of a longer non-place name there.
    found.extend(_coordinated(parsed.text, found, scan.weak))
    found.extend(_near_found(found, [w for w in scan.weak if w not in found]))
    accepted = {t.name for t in found}
    taken = [(t.start, t.end) for t in found]
    for sent in doc.sents:
        for top in _rescan(scan, sent.start, sent.end, accepted, taken):
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
    return found


def _rescan(
    scan: _Scan, s: int, e: int, accepted: set[str], taken: list[tuple[int, int]]
) -> list[Toponym]:
    doc = scan.parsed.doc
    out: list[Toponym] = []
    for i in range(s, e):
        for j in range(min(e, i + MAX_TOKENS), i, -1):
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
            name = scan.parsed.text[start:end]
            if name not in accepted or any(a < end and start < b for a, b in taken):
                continue
            ent = scan.ents[i]
            if ent is not None and ent[0] in NOT_PLACE_LABELS and ent[0] != "WORK_OF_ART":
                continue
            if j - i == 1 and (doc[i].text in scan.persons or ent is not None and ent[0] == "PERSON"):
                continue  # "Bell" the town elsewhere, but "Mr. Bell" here
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


# A weak match counts as a place when one of its entries lies this close to a place the document
# names with evidence: local news names a town's neighbours. 40 km is about a county's width.
NEAR_KM = 40.0


def _anchor_points(found: list[Toponym]) -> tuple[list[tuple[float, float]], set[str]]:
    """Points of the found places whose entry is clear (one entry, or one far bigger than the
    rest), and the first-level regions the document names as regions."""
    points: list[tuple[float, float]] = []
    regions: set[str] = set()
    for t in found:
        cands = [c for c in t.candidates if c.name_kind < 2]
        if not cands:
            continue
        top = cands[0]
        if top.feature == "ADM1" and top.admin1_code:
            regions.add(top.admin1_code)
        elif top.feature in ("PCLI", "CONT"):
            continue
        clear = len(cands) == 1 or top.population >= 5 * max(c.population for c in cands[1:]) + 1
        if clear:
            points.append((top.lat, top.lon))
    return points, regions


def _near_found(found: list[Toponym], weak: list[Toponym]) -> list[Toponym]:
    """Weak matches with an entry near the document's clear places or inside a region it names
    ("Winchester" in a story that names Muncie and Indiana)."""
    points, regions = _anchor_points(found)
    out: list[Toponym] = []
    for w in weak:
        for c in w.candidates:
            if c.name_kind == 2 or c.feature in ("PCLI", "CONT"):
                continue
            inside = c.feature != "ADM1" and c.admin1_code in regions
            if inside or any(haversine_km(c.lat, c.lon, a, b) <= NEAR_KM for a, b in points):
                out.append(dataclasses.replace(w, evidence="near the document's places"))
                break
    return out


_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")


def _coordinated(text: str, found: list[Toponym], weak: list[Toponym]) -> list[Toponym]:
    """Weak matches listed with a place ("Bucha and Hostomel", "Irpin, Bucha"): places too."""
    out: list[Toponym] = []
    changed = True
    while changed:
        changed = False
        for w in weak:
            if w in out:
                continue
            places = found + out
            if any(_COORDINATION.match(text[p.end : w.start]) or _COORDINATION.match(text[w.end : p.start])
                   for p in places):  # fmt: skip
                out.append(w)
                changed = True
    return out


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
        if span is None or scan.ents[span.start] is not None and scan.ents[span.start][0] in NOT_PLACE_LABELS:
            continue
        out.append(Toponym(start=start, end=end, name=text[start:end], candidates=(),
                           hint=hit.hint, part_of=is_part_of(text, start, end),
                           evidence="pattern", token_i=span.end - 1))  # fmt: skip
        taken.append((start, end))
    return out
