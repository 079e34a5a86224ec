"""User text made safe for ReportLab Paragraph markup.

Everything a person typed goes through `markup()` or `paragraphs()`: it is cleaned (NFC, no
control characters, tabs to spaces), XML-escaped (so `<b>` stays literal text and `AT&T` stays
`AT&T`), and characters the shipped font lacks are wrapped in `<font name="Fallback-...">` runs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reviewapp.report.fonts import FONTS

REPLACEMENT = "\ufffd"
TAB = "    "
# Text longer than this is cut (at a space where possible) into several Paragraphs, so that a
# huge note flows across pages in linear time instead of being re-wrapped on every page.
CHUNK = 2_000

_ENTITIES = {'"': "&quot;", "'": "&#39;"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n\s*\n")
_INVISIBLE = frozenset({"Cf", "Mn", "Me", "Cc", "Cs"})
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

Run = tuple[str | None, str]


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that wraps again only for a new width.

    Tables wrap every cell to measure rows and again to draw them, and keep-together groups
    wrap their content more than once; the line breaks only change when the width does.
    """

    _wrapped_width: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Paragraph.split deletes blPara when it gives up, forcing a fresh wrap.
        if available_width != self._wrapped_width or "blPara" not in self.__dict__:
            super().wrap(available_width, available_height)
            self._wrapped_width = available_width
        return self.width, self.height


def clean(text: str) -> str:
    """NFC, Unix newlines, tabs as spaces, no control characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text.replace("\t", TAB))


def runs(text: str) -> list[Run]:
    """Split text into (font name or None for the base family, text) runs."""
    if FONTS.covers(text):
        return [(None, text)]
    covered = FONTS.base_coverage
    result: list[Run] = []
    current: str | None = None
    buffer: list[str] = []
    for char in text:
        font: str | None = None
        if char not in covered and char != "\n":
            font = FONTS.fallback_for(char)
            if font is None:
                if unicodedata.category(char) in _INVISIBLE:
                    continue
                char = REPLACEMENT
        if font != current and buffer:
            result.append((current, "".join(buffer)))
            buffer = []
        current = font
        buffer.append(char)
    if buffer:
        result.append((current, "".join(buffer)))
    return result


def _escape(text: str) -> str:
    return escape(text, _ENTITIES).replace("\n", "<br/>")


def _markup(cleaned: str) -> str:
    if FONTS.covers(cleaned):
        return _escape(cleaned)
    parts = []
    for font, part in runs(cleaned):
        escaped = _escape(part)
        parts.append(escaped if font is None else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def markup(text: str) -> str:
    """Paragraph markup showing `text` literally, with fallback-font runs."""
    return _markup(clean(text))


def _chunks(block: str) -> Iterable[str]:
    while len(block) > CHUNK:
        cut = block.rfind(" ", CHUNK // 2, CHUNK)
        cut = CHUNK if cut < 0 else cut + 1
        yield block[:cut]
        block = block[cut:]
    yield block


def paragraphs(text: str, style: ParagraphStyle, *, empty: str = "") -> list[Para]:
    """One Paragraph per typed paragraph (blank-line separated); very long ones cut further."""
    blocks = [b.strip("\n") for b in _BLANK_LINES.split(clean(text).strip())]
    blocks = [b for b in blocks if b.strip()]
    if not blocks:
        return [Para(_escape(empty), style)] if empty else []
    return [Para(_markup(chunk), style) for block in blocks for chunk in _chunks(block)]


def text_width(text: str, font: str, size: float) -> float:
    return float(sum(stringWidth(part, name or font, size) for name, part in runs(clean(text))))


@lru_cache(maxsize=512)
def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, cut with an ellipsis if it is wider than `width` (cached: headers
    and footers ask for the same lines on every page)."""
    text = " ".join(clean(text).split())
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


@lru_cache(maxsize=512)
def _line(text: str, font: str, size: float) -> tuple[tuple[str, str, float], ...]:
    """(font, text, width) runs of one line of user text."""
    return tuple(
        (name or font, part, stringWidth(part, name or font, size))
        for name, part in runs(clean(text))
    )


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left"
) -> None:
    """Draw one line of user text on the canvas, with fallback-font runs."""
    parts = _line(text, font, size)
    total = sum(width for _, _, width in parts)
    if align == "right":
        x -= total
    elif align == "centre":
        x -= total / 2
    for name, part, width in parts:
        canvas.setFont(name, size)
        canvas.drawString(x, y, part)
        x += width


def long_date(value: date | None, missing: str = "Not set") -> str:
    if value is None:
        return missing
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"
