"""Microsoft Recognizers (recognizers-text-suite) run on candidate windows of a sentence.

The recognizer is accurate but slow (about 1,600 words/s on TimeML, under half the speed of the
spaCy parse) and its `parse` swallows any internal exception and drops every result of the
call. So it only sees short windows around trigger words (`_rules.TRIGGER_WORDS`): most of the
text is never scanned, and a failure costs one window, not the document.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span as SpacySpan

from wirecoder.timex._rules import TRIGGER_TOKEN, TRIGGER_WORDS

# Tokens either side of a trigger that the recognizer sees. Longer expressions hold several
# triggers ("the first nine months of 1989"), whose windows merge. 3 keeps TimeBank+AQUAINT
# scores within 0.002 of 6 at about 60% of the cost.
WINDOW_TOKENS = 3


# A range the recognizer merged although its ends are separate expressions.
_RANGE_WORDS = re.compile(
    r"^(?:between\s+)?(?P<a>.+?)\s+(?:through|and|until|till|to)\s+(?P<b>.+)$", re.I | re.S
)


@dataclass(frozen=True)
class RawHit:
    """One recognizer result, with offsets into the document text (end exclusive)."""

    start: int
    end: int
    type_name: str  # "date", "daterange", "datetime", "time", "duration", "set", ...
    timex: str
    mod: str | None
    values: tuple[dict[str, Any], ...]


class _CompiledFirst:
    """The `regex` module as recognizers-text sees it, with a fast path for compiled patterns.

    recognizers-text calls `regex.finditer(pattern, text)` (and search, match) with patterns it
    compiled once; `regex` then looks each one up in its cache of pattern strings, misses (a
    compiled pattern is never cached) and only then hands it back: about 40% of the recognizer's
    time. A compiled pattern with no flags or options comes back unchanged from that lookup, so
    calling its own method gives the same result. No library offers this; written here.
    """

    _PATTERN_FIRST = ("finditer", "search", "match", "fullmatch", "findall", "split")

    def __init__(self, module: Any) -> None:
        self._module = module
        pattern_type = module.Pattern
        for name in self._PATTERN_FIRST:
            setattr(self, name, _pattern_first(getattr(module, name), getattr(pattern_type, name), pattern_type))
        slow_compile = module.compile

        def compile_(pattern: Any, flags: int = 0, *args: Any, **kwargs: Any) -> Any:
            if type(pattern) is pattern_type and not flags and not args and not kwargs:
                return pattern
            return slow_compile(pattern, flags, *args, **kwargs)

        self.compile = compile_

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def _pattern_first(slow: Any, method: Any, pattern_type: type) -> Any:
    """`slow(pattern, string)` as `pattern.method(string)` when `pattern` is compiled."""

    def call(pattern: Any, string: Any, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs and type(pattern) is pattern_type:
            return method(pattern, string)
        return slow(pattern, string, *args, **kwargs)

    return call


def _speed_up_regex_calls() -> None:
    """Point the recognizers-text modules' `regex` (or `regex as re`) at `_CompiledFirst`."""
    import sys

    import regex

    fast = _CompiledFirst(regex)
    for name, module in list(sys.modules.items()):
        if name.startswith("recognizers_") and module is not None:
            for attr, value in list(vars(module).items()):
                if value is regex:
                    setattr(module, attr, fast)


# Windows whose readings are kept per extractor kind (a few hundred windows an article batch).
READING_MEMO = 4096
MAX_KINDS = 1000


class _Memo:
    """Readings of one window by one kind of recognizers-text extractor, kept and handed out as
    copies (callers move offsets and fill in fields of what they get).

    recognizers-text builds the same extractors many times over (a date extractor inside the
    date-time, the period, the set and the merged extractors; a dozen number extractors) and
    each re-reads the same window: a window's numbers were read about forty times, its dates
    eleven, its times and durations ten, most of the recognizer's time. Two extractors of one
    kind (class, configuration class, options, flags and, for numbers, patterns) give the same
    readings of the same text and reference date. Written here: the library has no such option.
    """

    def __init__(self) -> None:
        self.kinds: dict[int, tuple[Any, ...]] = {}
        self.alive: list[Any] = []  # the extractors whose ids key `kinds` (the model keeps them too)
        self.readings: OrderedDict[tuple[Any, ...], list[Any]] = OrderedDict()

    def kind(self, extractor: Any) -> tuple[Any, ...]:
        kind = self.kinds.get(id(extractor))
        if kind is None:
            config = getattr(extractor, "config", None)
            flags = tuple(
                sorted((k, v) for k, v in vars(extractor).items() if isinstance(v, (bool, int, str)))
            )
            kind = (type(extractor), type(config), repr(getattr(config, "options", None)), flags)
            if hasattr(extractor, "regexes"):  # a number extractor: its patterns
                negative = extractor._negative_number_terms
                filters = extractor.ambiguity_filters_dict or ()
                kind += (
                    tuple((getattr(r.re, "pattern", r.re), r.val) for r in extractor.regexes),
                    getattr(negative, "pattern", negative),
                    tuple((getattr(f.reKey, "pattern", f.reKey), getattr(f.reVal, "pattern", f.reVal)) for f in filters),
                )
            self.kinds[id(extractor)] = kind
            self.alive.append(extractor)
        return kind

    def wrap(self, cls: Any, *, with_reference: bool) -> None:
        read = cls.__dict__["extract"]
        if getattr(read, "_wirecoder_original", None) is not None:
            return

        def extract(extractor: Any, source: str, *args: Any, **kwargs: Any) -> list[Any]:
            reference = (args[0] if args else kwargs.get("reference")) if with_reference else None
            if (
                (with_reference and reference is None)
                or len(args) + len(kwargs) > int(with_reference)
                or (len(self.kinds) >= MAX_KINDS and id(extractor) not in self.kinds)
            ):
                # the clock, an unknown call, or extractors made anew per call (none are, in
                # 1.0.2a2: 68 kinds after 1,738 windows), which the memo would keep alive
                return read(extractor, source, *args, **kwargs)
            key = (self.kind(extractor), source, reference)
            found = self.readings.get(key)
            if found is None:
                found = read(extractor, source, *args, **kwargs)
                self.readings[key] = found
                if len(self.readings) > READING_MEMO:
                    self.readings.popitem(last=False)
            return copy.deepcopy(found) if found else []  # most windows hold none

        extract._wirecoder_original = read  # type: ignore[attr-defined]
        cls.extract = extract


def _memoise_readings() -> None:
    from recognizers_date_time.date_time.base_date import BaseDateExtractor
    from recognizers_date_time.date_time.base_duration import BaseDurationExtractor
    from recognizers_date_time.date_time.base_time import BaseTimeExtractor
    from recognizers_number.number.extractors import BaseNumberExtractor

    memo = _Memo()
    memo.wrap(BaseNumberExtractor, with_reference=False)
    for cls in (BaseDateExtractor, BaseTimeExtractor, BaseDurationExtractor):
        memo.wrap(cls, with_reference=True)


@functools.lru_cache(maxsize=1)
def load_recognizer() -> Any:
    """The English date-time model of Microsoft Recognizers, built once per process."""
    from recognizers_date_time import Culture, DateTimeRecognizer
    from recognizers_date_time.date_time.utilities import DateTimeOptions

    # TimeML annotates "from Sept. 14 to Thursday" as two TIMEX3s, not one range.
    options = DateTimeOptions.SKIP_FROM_TO_MERGE
    model = DateTimeRecognizer(Culture.English, options).get_datetime_model()
    _speed_up_regex_calls()
    _memoise_readings()
    return model


def _is_trigger(text: str) -> bool:
    if text in {"may", "march"}:
        return False  # the modal, the protest march; the months are capitalised
    low = text.lower()
    return low in TRIGGER_WORDS or TRIGGER_TOKEN.match(text) is not None


def candidate_windows(sent: SpacySpan) -> list[tuple[int, int]]:
    """Character windows (document offsets) of a sentence worth showing to the recognizer."""
    token_windows: list[list[int]] = []
    for tok in sent:
        if not _is_trigger(tok.text):
            continue
        lo = max(sent.start, tok.i - WINDOW_TOKENS)
        hi = min(sent.end, tok.i + WINDOW_TOKENS + 1)
        if token_windows and lo <= token_windows[-1][1]:
            token_windows[-1][1] = max(token_windows[-1][1], hi)
        else:
            token_windows.append([lo, hi])
    doc = sent.doc
    return [(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)) for lo, hi in token_windows]


def recognize(model: Any, text: str, start: int, end: int, reference: dt.date) -> list[RawHit]:
    """Recognizer hits in `text[start:end]`, resolved against `reference` (never the clock)."""
    chunk = text[start:end]
    ref = dt.datetime(reference.year, reference.month, reference.day)
    hits: list[RawHit] = []
    for r in model.parse(chunk, ref):
        values = tuple(r.resolution.get("values", ())) if r.resolution else ()
        if not values:
            # "later Thursday" comes back unresolved; its last word alone resolves.
            head, _, rest = chunk[r.start : r.end + 1].partition(" ")
            if rest and start + r.start + len(head) + 1 < end:
                rest_start = start + r.start + len(head) + 1
                hits.extend(recognize(model, text, rest_start, start + r.end + 1, reference))
            continue
        first = values[0]
        split = _RANGE_WORDS.match(chunk[r.start : r.end + 1])
        if split and r.type_name.endswith("range"):
            # "today through Nov. 17", "between now and Feb. 10": TimeML marks each end.
            a0, b0 = start + r.start + split.start("a"), start + r.start + split.start("b")
            parts = recognize(model, text, a0, a0 + len(split["a"]), reference)
            parts += recognize(model, text, b0, b0 + len(split["b"]), reference)
            if parts:
                hits.extend(parts)
                continue
        hits.append(
            RawHit(
                start=start + r.start,
                end=start + r.end + 1,  # the recognizer's end is inclusive
                type_name=r.type_name.removeprefix("datetimeV2."),
                timex=str(first.get("timex", "")),
                mod=first.get("Mod"),
                values=values,
            )
        )
    return hits
