"""The recognizer's fast paths (regex calls, kept readings) answer as recognizers-text itself."""

from typing import Any

import regex

from wirecoder.timex._recognizer import _CompiledFirst, load_recognizer


def _spans(result):
    if result is None:
        return None
    if isinstance(result, list):
        return [m.span() if hasattr(m, "span") else m for m in result]
    return result.span()


def test_compiled_first_matches_regex_on_compiled_and_string_patterns():
    fast = _CompiledFirst(regex)
    text = "On Monday, Nov. 11, 2022, shelling hit 3 towns; on monday 12 more."
    compiled = regex.compile(r"\b(?:monday|nov\.)\b", regex.I)
    for pattern in (compiled, r"\d+", r"(?i)monday"):
        assert [m.span() for m in fast.finditer(pattern, text)] == [m.span() for m in regex.finditer(pattern, text)]
        assert _spans(fast.search(pattern, text)) == _spans(regex.search(pattern, text))
        assert _spans(fast.match(pattern, text)) == _spans(regex.match(pattern, text))
        assert fast.findall(pattern, text) == regex.findall(pattern, text)
        assert fast.split(pattern, text) == regex.split(pattern, text)
    # flags and options still go through regex itself, with its checks
    assert [m.span() for m in fast.finditer(r"monday", text, regex.I)] == [(3, 9), (51, 57)]
    assert fast.search(compiled, text, pos=20).span() == regex.search(compiled, text, pos=20).span()
    assert fast.compile(compiled) is compiled
    assert fast.escape("a.b") == regex.escape("a.b")  # everything else is regex's own


def test_recognizer_modules_use_the_fast_path():
    import sys

    load_recognizer()
    patched = [
        name
        for name, module in sys.modules.items()
        if name.startswith("recognizers_date_time") and isinstance(getattr(module, "regex", None), _CompiledFirst)
    ]
    assert patched, "no recognizers-text module was given the fast path"
    assert not any(
        getattr(module, "regex", None) is regex
        for name, module in sys.modules.items()
        if name.startswith("recognizers_") and module is not None
    )


def test_number_readings_are_kept_per_extractor_kind_and_handed_out_as_copies():
    import datetime as dt

    from recognizers_number.number.english.extractors import EnglishCardinalExtractor
    from recognizers_number.number.extractors import BaseNumberExtractor

    model = load_recognizer()
    memoised = BaseNumberExtractor.extract
    original = memoised._wirecoder_original
    text = "about twenty-five people and 3 towns, 1,200 troops"
    a, b = EnglishCardinalExtractor(), EnglishCardinalExtractor()
    first = a.extract(text)
    assert [(r.start, r.length, r.text, r.data) for r in first] == [
        (r.start, r.length, r.text, r.data) for r in original(b, text)
    ]
    first[0].start += 100  # a caller moving its offsets
    again = b.extract(text)  # same kind, same text: from the memo, unmoved
    assert again[0].start == original(a, text)[0].start
    # the whole model answers as without the memo, for windows with numbers, dates, times and
    # durations, read against two reference dates
    from recognizers_date_time.date_time.base_date import BaseDateExtractor
    from recognizers_date_time.date_time.base_duration import BaseDurationExtractor
    from recognizers_date_time.date_time.base_time import BaseTimeExtractor

    classes = (BaseNumberExtractor, BaseDateExtractor, BaseTimeExtractor, BaseDurationExtractor)
    windows = [
        "in the past 24 hours , two weeks ago on Nov. 11 , 2022",
        "shelled the city at 9am on Saturday , officials said",
        "for more than three months until last Friday night",
    ]

    def readings() -> list[Any]:
        return [
            [(r.start, r.end, r.type_name, r.resolution) for r in model.parse(w, ref)]
            for ref in (dt.datetime(2022, 11, 12), dt.datetime(2022, 2, 24))
            for w in windows
        ]

    with_memo = readings()
    memoised_all = [cls.__dict__["extract"] for cls in classes]
    for cls in classes:
        cls.extract = cls.__dict__["extract"]._wirecoder_original
    try:
        without = readings()
    finally:
        for cls, memo in zip(classes, memoised_all, strict=True):
            cls.extract = memo
    assert with_memo == without and all(with_memo)
