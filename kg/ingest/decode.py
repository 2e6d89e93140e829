"""Bytes to text: UTF-8, or Arabic in Windows-1256, and nothing else.

Old Arabic sites and Windows tools still save Windows-1256. Every byte sequence
decodes as cp1256, so a cp1256 reading is only trusted when it comes out as
mostly Arabic letters; anything else would feed mojibake to the models.
"""

from __future__ import annotations

import codecs
import unicodedata

from kg.ingest.document import Unreadable

MAX_CONTROL_SHARE = 0.05  # text has almost no control characters; binary data has many
MIN_ARABIC_SHARE = 0.5  # of the letters in a cp1256 reading
SAMPLE = 1 << 16  # characters inspected for the checks above
TEXT_CONTROLS = "\t\n\r\f\v"
NOT_TEXT = "not UTF-8 or Windows-1256 text; re-save as UTF-8"


def decode(data: bytes) -> str:
    """The text in ``data``; Unreadable with the reason for binary or undecodable data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_decode_utf16(data))
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes), not text; if it is UTF-16 text, re-save as UTF-8")
    try:
        return _checked(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # UTF-8 cut inside its last character (a cut download)
            return _checked(data[: exc.start].decode("utf-8-sig"))
    text = _checked(data.decode("cp1256"))
    if _arabic_share(text) < MIN_ARABIC_SHARE:
        raise Unreadable(NOT_TEXT)
    return text


def _decode_utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"broken UTF-16 text ({exc.reason}); re-save as UTF-8") from exc


def _checked(text: str) -> str:
    """Reject "text" that is mostly control characters (binary data without NUL bytes)."""
    sample = text[:SAMPLE]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in TEXT_CONTROLS)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise Unreadable("binary file (mostly control characters), not text")
    return text


def _arabic_share(text: str) -> float:
    """Share of Arabic-script letters among all letters (0 when there are none)."""
    letters = [ch for ch in text[:SAMPLE] if ch.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    return arabic / len(letters)
