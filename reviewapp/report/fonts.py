"""Fonts for the PDF documents: the shipped DejaVu Sans family plus system fallbacks.

DejaVu Sans covers Latin, Greek, Cyrillic and many symbols. Characters it lacks (Chinese,
Japanese, Korean, some symbols) are drawn with the first installed candidate font whose character
map has them. Everything is registered with ReportLab once per process; coverage lookups are
cached per character, so rendering a document costs no font work after the first one.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"

# (path, subfont index for .ttc collections); the first that has a character wins.
FALLBACK_CANDIDATES: tuple[tuple[Path, int], ...] = (
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 0),
    (Path("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"), 0),
    (_WINDOWS_FONTS / "msyh.ttc", 0),
    (_WINDOWS_FONTS / "msgothic.ttc", 0),
    (_WINDOWS_FONTS / "malgun.ttf", 0),
    (_WINDOWS_FONTS / "seguisym.ttf", 0),
    (_WINDOWS_FONTS / "seguiemj.ttf", 0),
)


@dataclass(frozen=True, slots=True)
class FallbackFont:
    name: str
    path: Path
    coverage: frozenset[int]


class FontRegistry:
    """The registered family, its coverage and the fallback fonts, loaded lazily and once."""

    def __init__(self, candidates: tuple[tuple[Path, int], ...] = FALLBACK_CANDIDATES) -> None:
        self._lock = threading.RLock()
        self._candidates = candidates
        self._family_registered = False
        self._base_coverage: frozenset[str] = frozenset()
        self._with_newline: frozenset[str] = frozenset()
        self._ascii_covered = False
        self._fallbacks: list[FallbackFont] = []
        self._next_candidate = 0
        self._by_char: dict[str, str | None] = {}

    def ensure_family(self) -> None:
        """Register DejaVu Sans regular/bold/oblique/bold-oblique as one family (idempotent)."""
        if self._family_registered:
            return
        with self._lock:
            if self._family_registered:
                return
            fonts = {
                name: TTFont(name, str(FONT_DIR / file)) for name, file in FAMILY_FILES.items()
            }
            for font in fonts.values():
                pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(
                REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
            )
            # Covered by every style: a character drawn in bold must exist in the bold face too.
            coverage = set(fonts[REGULAR].face.charToGlyph)
            for font in fonts.values():
                coverage &= set(font.face.charToGlyph)
            self._base_coverage = frozenset(chr(c) for c in coverage)
            self._with_newline = self._base_coverage | {"\n"}
            self._ascii_covered = self._base_coverage.issuperset(map(chr, range(0x20, 0x7F)))
            self._family_registered = True

    @property
    def base_coverage(self) -> frozenset[str]:
        """Characters the shipped family draws itself."""
        self.ensure_family()
        return self._base_coverage

    def covers(self, text: str) -> bool:
        """True if the family draws every character of `text` itself (line breaks included).

        Printable ASCII is answered without looking at each character: a 100,000-character note
        costs microseconds, not a set lookup per character.
        """
        self.ensure_family()
        if self._ascii_covered and text.isascii() and text.replace("\n", " ").isprintable():
            return True
        return self._with_newline.issuperset(text)

    def fallback_for(self, char: str) -> str | None:
        """The registered name of a fallback font that has `char`, or None if no font has it."""
        try:
            return self._by_char[char]
        except KeyError:
            pass
        with self._lock:
            code = ord(char)
            found = next((f.name for f in self._fallbacks if code in f.coverage), None)
            while found is None and self._next_candidate < len(self._candidates):
                font = self._load(*self._candidates[self._next_candidate])
                self._next_candidate += 1
                if font is not None:
                    self._fallbacks.append(font)
                    if code in font.coverage:
                        found = font.name
            self._by_char[char] = found
            return found

    def loaded_fallbacks(self) -> tuple[FallbackFont, ...]:
        return tuple(self._fallbacks)

    def _load(self, path: Path, subfont: int) -> FallbackFont | None:
        if not path.is_file():
            return None
        name = f"Fallback-{path.stem}-{subfont}"
        try:
            font = TTFont(name, str(path), subfontIndex=subfont)
        except (TTFError, OSError, ValueError) as error:
            log.warning("Skipping fallback font %s: %s", path, error)
            return None
        pdfmetrics.registerFont(font)
        # <b> and <i> inside a fallback run must resolve to a concrete font: the same face.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        return FallbackFont(name, path, frozenset(font.face.charToGlyph))


FONTS = FontRegistry()


def ensure_fonts() -> None:
    FONTS.ensure_family()
