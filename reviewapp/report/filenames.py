"""File names for exported documents that are safe on Windows, macOS and Linux."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Protocol

from reviewapp.domain.review import ReviewType

MAX_BYTES = 150  # UTF-8 bytes for the whole name: well under 255 on every file system
_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"[\s_]+")
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{prefix}{digit}" for prefix in ("COM", "LPT") for digit in "0123456789¹²³"}
)


class NamedReview(Protocol):
    """What a file name is made from: a Review and a ReviewSummary both have it."""

    @property
    def staff_name(self) -> str: ...

    @property
    def period_start(self) -> date: ...

    @property
    def period_end(self) -> date: ...

    @property
    def review_type(self) -> ReviewType: ...


def safe_component(text: str, fallback: str = "unnamed") -> str:
    """One part of a file name: illegal characters and whitespace become '_', letters kept."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    text = _SPACES.sub("_", _ILLEGAL.sub("_", text)).strip("._ ")
    return text or fallback


def _truncate(text: str, limit: int) -> str:
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text.rstrip("._ ")


def safe_file_name(review: NamedReview) -> str:
    """`<staff>_<periodstart>_<periodend>_<type>.pdf`, usable as a file name on any system."""
    start, end = review.period_start, review.period_end
    tail = f"_{start:%Y-%m-%d}_{end:%Y-%m-%d}_{review.review_type.value}"
    staff = _truncate(safe_component(review.staff_name, "review"), MAX_BYTES - len(tail) - 4)
    if staff.split(".")[0].upper() in _RESERVED:
        staff = f"_{staff}"
    return f"{staff or 'review'}{tail}.pdf"
