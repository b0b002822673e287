"""Bytes to text: size limit, binary detection, charset detection (charset-normalizer)."""

from __future__ import annotations

import unicodedata

import charset_normalizer

from wirecoder.errors import BinaryInputError, EmptyInputError, TooLargeError

# Share of control characters (other than tab, newline, carriage return, form feed) above which a
# decoded file is taken for binary data that happened to decode.
_MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes, *, path: str, max_bytes: int) -> str:
    """Decode an input file's bytes to text.

    UTF-8 is tried first (a BOM is kept as U+FEFF so offsets match what a UTF-8 reader sees);
    anything else goes to charset-normalizer. Raises:
        TooLargeError: more than `max_bytes` bytes.
        EmptyInputError: nothing but whitespace.
        BinaryInputError: NUL bytes, control characters, or no charset fits.
    """
    if len(data) > max_bytes:
        raise TooLargeError(
            path, f"file is {len(data):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)"
        )
    if not data.strip():
        raise EmptyInputError(path, "file is empty")
    if (nul := data.find(b"\x00")) >= 0:
        raise BinaryInputError(path, f"NUL byte at offset {nul:,}: binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise BinaryInputError(path, "cannot detect a text encoding; is this a text file?") from None
        text = str(best)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise BinaryInputError(path, f"binary data ({controls} control characters), not text")
    if not "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip():
        raise EmptyInputError(path, "file holds only whitespace or invisible (zero-width) characters")
    return text
