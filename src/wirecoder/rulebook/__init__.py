"""The rulebook: the hand-written knowledge the rule stages read, as data tables.

One TSV table per kind of knowledge, beside this module, with a header row and `#` comment
lines. Each table is read once per process and validated when first used: a row that names an
unknown slot, reason, ACLED sub-type or PLOVER type raises `RulebookError` naming the table and
the row, so a bad edit fails at start, not halfway through a run.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import NamedTuple, get_args

from wirecoder.errors import RulebookError
from wirecoder.records import AbstainReason
from wirecoder.rulebook.taxonomy import SUB_TYPES, EventType, PloverType, SubEventType

_HERE = Path(__file__).parent
REALIS_SLOTS = ("aux", "governor", "decision", "aspect", "frame", "modifier", "mark", "adverb")


@functools.cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of table `name` (`name.tsv` beside this module), as dicts keyed by the header.

    Raises:
        RulebookError: the table is missing or a row has the wrong number of columns.
    """
    path = _HERE / f"{name}.tsv"
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    except OSError as e:
        raise RulebookError(f"rulebook table {name!r} cannot be read: {e}") from e
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if not header:
        raise RulebookError(f"rulebook table {name!r} ({path}) has no header row")
    rows = []
    for n, row in enumerate(reader, start=2):
        if len(row) != len(header):
            raise RulebookError(f"{path}: row {n} has {len(row)} columns, the header {len(header)}: {row!r}")
        rows.append(dict(zip(header, row, strict=True)))
    return tuple(rows)


@functools.cache
def realis_cues() -> dict[str, dict[str, str]]:
    """Realis cues by slot: `{"aux": {"would": "modal", ...}, "governor": {...}, ...}`."""
    reasons = set(get_args(AbstainReason)) | {"-"}
    out: dict[str, dict[str, str]] = {slot: {} for slot in REALIS_SLOTS}
    for row in table("realis"):
        if row["slot"] not in out:
            raise RulebookError(f"realis.tsv: cue {row['cue']!r} has unknown slot {row['slot']!r}; slots: {REALIS_SLOTS}")
        if row["reason"] not in reasons:
            raise RulebookError(f"realis.tsv: cue {row['cue']!r} has unknown reason {row['reason']!r}; reasons: {sorted(reasons)}")
        out[row["slot"]][row["cue"]] = row["reason"]
    return out


class TriggerRow(NamedTuple):
    event_type: EventType
    sub_event_type: SubEventType
    pos: frozenset[str]
    particles: frozenset[str]  # the word triggers only with one of these particles ("pull out")
    modifiers: frozenset[str]  # ... or, as a noun, with one of these modifiers ("peace talks")


_POS = {"VERB", "NOUN", "ADJ"}


def _sub_type(value: str, where: str) -> SubEventType:
    try:
        return SubEventType(value)
    except ValueError:
        raise RulebookError(
            f"{where}: unknown ACLED sub-event type {value!r}; known: {', '.join(SubEventType)}"
        ) from None


@functools.cache
def triggers() -> dict[str, TriggerRow]:
    """The trigger lexicon (triggers.tsv) by lemma, checked against ACLED's taxonomy."""
    out: dict[str, TriggerRow] = {}
    for row in table("triggers"):
        where = f"triggers.tsv, lemma {row['lemma']!r}"
        sub = _sub_type(row["sub_event_type"], where)
        if SUB_TYPES[sub].event_type != row["event_type"]:
            raise RulebookError(
                f"{where}: {sub} is a sub-type of {SUB_TYPES[sub].event_type!r}, not {row['event_type']!r}"
            )
        pos = frozenset(row["pos"].split("|"))
        if not pos <= _POS:
            raise RulebookError(f"{where}: unknown part of speech in {row['pos']!r}; use {sorted(_POS)}")
        kind, _, words = row["requires"].partition(":")
        if kind not in ("-", "particle", "modifier"):
            raise RulebookError(f"{where}: `requires` must be -, particle:... or modifier:..., not {row['requires']!r}")
        need = frozenset(words.split("|")) if words else frozenset()
        out[row["lemma"]] = TriggerRow(
            SUB_TYPES[sub].event_type, sub, pos,
            need if kind == "particle" else frozenset(), need if kind == "modifier" else frozenset(),
        )  # fmt: skip
    return out


WORD_CLASSES = (
    "weapon_noun", "impact_verb", "military_noun", "civilian_noun", "personnel_noun", "movement_verb",
    "dispatch_verb", "attack_evidence", "casualty_evidence", "sighting_verb", "force_noun",
    "weapon_use_verb", "weapon_word", "base_verb", "base_noun", "fire_prep", "arrival_verb",
    "demining_verb", "demining_object", "attempt_verb", "prevent_verb", "summary_subject",
    "factive_noun", "agreement_verb", "territory_noun", "exercise_noun", "exchange_object",
    "war_start_verb", "cumulative_cue", "dated_only", "infrastructure_noun",
    "not_kinetic", "state_verb", "abstract_object", "official_word", "place_part",
)


@functools.cache
def word_classes() -> dict[str, frozenset[str]]:
    """The word classes of event_words.tsv, every class in `WORD_CLASSES` present."""
    out: dict[str, set[str]] = {c: set() for c in WORD_CLASSES}
    for row in table("event_words"):
        if row["class"] not in out:
            raise RulebookError(f"event_words.tsv: word {row['word']!r} has unknown class {row['class']!r}; classes: {WORD_CLASSES}")
        out[row["class"]].add(row["word"])
    return {c: frozenset(w) for c, w in out.items()}


@functools.cache
def weapons() -> tuple[tuple[frozenset[str], SubEventType], ...]:
    """(words, sub-type) in rank order: the instrument that decides the kind of remote violence."""
    groups: dict[int, tuple[set[str], SubEventType]] = {}
    for row in table("weapons"):
        sub = _sub_type(row["sub_event_type"], f"weapons.tsv, word {row['word']!r}")
        words, known = groups.setdefault(int(row["rank"]), (set(), sub))
        if known != sub:
            raise RulebookError(f"weapons.tsv: rank {row['rank']} mixes {known!r} and {sub!r}")
        words.add(row["word"])
    return tuple((frozenset(w), s) for _, (w, s) in sorted(groups.items()))


@functools.cache
def irregular_past() -> dict[str, str]:
    """Past forms the parser leaves as their own lemma, to the trigger lemma."""
    return {row["form"]: row["lemma"] for row in table("irregular_past")}


@functools.cache
def plover_overrides() -> dict[str, tuple[PloverType, str | None]]:
    """PLOVER (type, mode) of triggers whose coding differs from their sub-type's default."""
    out = {}
    for row in table("plover"):
        try:
            kind = PloverType(row["plover_type"])
        except ValueError:
            raise RulebookError(
                f"plover.tsv: lemma {row['lemma']!r} has unknown PLOVER type {row['plover_type']!r}; known: {', '.join(PloverType)}"
            ) from None
        out[row["lemma"]] = (kind, None if row["plover_mode"] == "-" else row["plover_mode"])
    return out


class Side(NamedTuple):
    name: str  # "Ukraine", "Western governments"
    country: str | None  # ISO 3166 alpha-2, None for a bloc
    forces: str | None  # ACLED's name of its armed forces
    government: str | None  # ACLED's name of its state


@functools.cache
def _acled_sides() -> dict[str, Side]:
    return {
        row["side"]: Side(row["side"], *(None if row[k] == "-" else row[k] for k in ("country", "forces", "government")))
        for row in table("acled_actors")
    }


_SIDE_KINDS = frozenset({"state", "bloc", "capital", "institution", "leader", "official", "group"})


@functools.cache
def sides() -> tuple[tuple[str, Side, str], ...]:
    """(word, side, kind) rows of sides.tsv that name a side of the war, longest word first, each
    side from acled_actors.tsv."""
    known = _acled_sides()
    out = []
    for row in table("sides"):
        if row["kind"] not in _SIDE_KINDS:
            raise RulebookError(f"sides.tsv: word {row['word']!r} has unknown kind {row['kind']!r}; kinds: {sorted(_SIDE_KINDS)}")
        if row["side"] == "-":
            continue
        if row["side"] not in known:
            raise RulebookError(f"sides.tsv: word {row['word']!r} names side {row['side']!r}, which acled_actors.tsv lacks")
        out.append((row["word"], known[row["side"]], row["kind"]))
    return tuple(sorted(out, key=lambda r: -len(r[0])))


@functools.cache
def parties() -> dict[str, tuple[str, str]]:
    """Word or name -> (party, kind), from sides.tsv: "kremlin" -> ("russia", "institution")."""
    sides()  # validates the table
    return {row["word"]: (row["party"], row["kind"]) for row in table("sides")}


THESAURUS_KINDS = ("concept", "particle", "object", "cause", "manner")


@functools.cache
def thesaurus() -> dict[str, dict[str, str]]:
    """The contradiction thesaurus (thesaurus.tsv) by kind: word (or "verb particle", "verb
    object") -> the class it names. Two claims are about one act when their predicates name one
    concept; stated causes or manners of different classes exclude each other."""
    out: dict[str, dict[str, str]] = {k: {} for k in THESAURUS_KINDS}
    for row in table("thesaurus"):
        if row["kind"] not in out:
            raise RulebookError(f"thesaurus.tsv: word {row['word']!r} has unknown kind {row['kind']!r}; kinds: {THESAURUS_KINDS}")
        if row["kind"] in ("particle", "object") and len(row["word"].split()) != 2:
            raise RulebookError(f"thesaurus.tsv: a {row['kind']} row needs two words (verb and {row['kind']}), not {row['word']!r}")
        out[row["kind"]][row["word"]] = row["class"]
    return out


def load_all() -> None:
    """Read and validate every table now (at start), so a bad row fails before any article."""
    realis_cues()
    triggers()
    word_classes()
    weapons()
    irregular_past()
    plover_overrides()
    sides()
    parties()
    thesaurus()


__all__ = [
    "REALIS_SLOTS",
    "THESAURUS_KINDS",
    "WORD_CLASSES",
    "Side",
    "TriggerRow",
    "irregular_past",
    "load_all",
    "parties",
    "plover_overrides",
    "realis_cues",
    "sides",
    "table",
    "thesaurus",
    "triggers",
    "weapons",
    "word_classes",
]
