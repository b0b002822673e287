"""The exception hierarchy. The library raises these; only the CLI turns them into exit codes.

    WirecoderError
    ├── InputError              an input file or record cannot be read as an article
    │   ├── EmptyInputError     nothing but whitespace
    │   ├── BinaryInputError    not text (NUL bytes, or no charset fits)
    │   ├── TooLargeError       over the configured size limit
    │   └── MalformedInputError bad JSON, a record with no text, a bad date
    ├── ModelNotFoundError      the spaCy model package is not installed
    ├── GazetteerError          the gazetteer cannot be built or opened
    ├── StageError              a pipeline stage failed on an article (names stage and article)
    ├── PipelineError           stages registered in an order that cannot run
    ├── StoreError              the store cannot be opened or written
    ├── GoldFileError           a gold or dev file cannot be read for eval
    └── RulebookError           a rulebook table is missing or names an unknown category
"""

from __future__ import annotations


class WirecoderError(Exception):
    """Root of every error wirecoder raises on purpose."""


class InputError(WirecoderError):
    """An input cannot be read as an article. `path` names it."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class ModelNotFoundError(WirecoderError):
    pass


class GazetteerError(WirecoderError):
    pass


class StageError(WirecoderError):
    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on document {doc_id}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.doc_id = doc_id


class PipelineError(WirecoderError):
    pass


class StoreError(WirecoderError):
    pass


class GoldFileError(WirecoderError):
    pass


class RulebookError(WirecoderError):
    """A rulebook table cannot be read, or a row names a slot, reason or category that does not exist."""
