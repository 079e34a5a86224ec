"""Helpers for the PDF tests: reading a rendered PDF back, and the CJK font requirement."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from reviewapp.report.fonts import FALLBACK_CANDIDATES, FONTS

GENERATED_ON = date(2025, 1, 15)
FURNITURE_LINES = 5


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All text with runs of whitespace as one space (lines wrap anywhere)."""
        return squash(self.text)

    @property
    def body(self) -> str:
        """The text of all pages without the page furniture, joined with no whitespace.

        Header and footer (five lines) are drawn before the content and extracted first; the
        DRAFT marking and "Page X of Y" come last.
        """
        parts = []
        for page in self.pages:
            lines = content_lines(page)
            head = continued_heading_lines(lines)
            parts.append("".join(lines[head:]))
        return re.sub(r"\s+", "", "".join(parts))

    def content(self, number: int) -> str:
        """The text of page `number` (from 0) without its furniture, whitespace squashed."""
        return squash(" ".join(content_lines(self.pages[number])))

    @property
    def joined(self) -> str:
        """All text with no whitespace at all (for URLs split across lines)."""
        return re.sub(r"\s+", "", self.text)


def content_lines(page: str) -> list[str]:
    """The lines of a page's text between the header and footer and the DRAFT marking."""
    lines = page.splitlines()[FURNITURE_LINES:]
    while lines and (lines[-1] == "DRAFT" or lines[-1].startswith("Page ")):
        lines.pop()
    return lines


def continued_heading_lines(lines: list[str]) -> int:
    """How many of a page's first content lines are a repeated "(continued)" heading."""
    for number, line in enumerate(lines[:3], start=1):
        if line.rstrip().endswith("(continued)"):
            return number
    return 0


def squash(text: str) -> str:
    return " ".join(text.split())


def read_pdf(data: bytes) -> RenderedPdf:
    reader = PdfReader(BytesIO(data))
    return RenderedPdf(data, tuple(page.extract_text() for page in reader.pages))


def require_cjk_font() -> None:
    """Skip when no CJK font is installed, except on CI (CI=true), where it must be there."""
    if FONTS.fallback_for("图") is not None:
        return
    tried = ", ".join(str(path) for path, _ in FALLBACK_CANDIDATES)
    reason = (
        "no font with CJK glyphs is installed (install fonts-wqy-microhei or fonts-noto-cjk); "
        f"tried {tried}"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)
