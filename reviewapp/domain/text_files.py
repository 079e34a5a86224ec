"""What to say about a text file that is not in the encoding it has to be in."""

from __future__ import annotations


def not_utf8_reason(data: bytes, error: UnicodeDecodeError) -> str:
    """ "not UTF-8 text (byte 0xC9 on line 2). Save it again as UTF-8 …", to follow "is"."""
    line = data[: error.start].count(b"\n") + 1
    return (
        f"not UTF-8 text (byte 0x{data[error.start]:02X} on line {line}). "
        "Save it again as UTF-8 (in a spreadsheet: 'CSV UTF-8')."
    )
