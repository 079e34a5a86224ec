"""A fresh stylesheet of named paragraph styles, and the colours the documents share."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from reviewapp.report.fonts import BOLD, ITALIC, REGULAR, ensure_fonts

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#c5ced8")
SHADE = colors.HexColor("#e8eef4")
LIGHT_SHADE = colors.HexColor("#f5f7fa")
WATERMARK = colors.HexColor("#d9d9d9")

BASE_SIZE = 9.5
LEADING = 13


def make_styles() -> StyleSheet1:
    """A new stylesheet per document, so no caller can change another document's styles."""
    ensure_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "Body",
        fontName=REGULAR,
        fontSize=BASE_SIZE,
        leading=LEADING,
        textColor=INK,
        spaceAfter=4,
    )
    sheet.add(base)

    def add(name: str, parent: ParagraphStyle = base, **values: object) -> None:
        sheet.add(ParagraphStyle(name, parent=parent, **values))

    add("Title", fontName=BOLD, fontSize=18, leading=22, textColor=ACCENT, spaceAfter=2)
    add("Subtitle", fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=10)
    add(
        "H1",
        fontName=BOLD,
        fontSize=13,
        leading=17,
        textColor=ACCENT,
        spaceBefore=14,
        spaceAfter=6,
        keepWithNext=1,
    )
    # An open section's heading repeated at the top of a later page: smaller than H1, so a
    # long competency statement costs little room on every page it runs onto.
    add(
        "Continued",
        fontName=BOLD,
        fontSize=10.5,
        leading=14,
        textColor=ACCENT,
        spaceAfter=6,
    )
    add(
        "H2",
        fontName=BOLD,
        fontSize=11,
        leading=15,
        textColor=INK,
        spaceBefore=10,
        spaceAfter=4,
        keepWithNext=1,
    )
    add(
        "H3",
        fontName=BOLD,
        fontSize=BASE_SIZE,
        leading=LEADING,
        textColor=MUTED,
        spaceBefore=6,
        spaceAfter=2,
        keepWithNext=1,
    )
    add("Small", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=0)
    add("SmallItalic", fontName=ITALIC, fontSize=8, leading=10.5, textColor=MUTED)
    add("Cell", spaceAfter=0)
    add("CellSmall", fontSize=8.5, leading=11, spaceAfter=0)
    add("CellBold", fontName=BOLD, spaceAfter=0)
    add("CellHead", fontName=BOLD, fontSize=8.5, leading=11, textColor=INK, spaceAfter=0)
    add(
        "CellHeadCentre",
        fontName=REGULAR,
        fontSize=6.5,
        leading=8,
        alignment=TA_CENTER,
        spaceAfter=0,
    )
    add("CellCentre", alignment=TA_CENTER, spaceAfter=0)
    add("CellRight", alignment=TA_RIGHT, spaceAfter=0)
    add("Label", fontName=BOLD, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=0)
    add(
        "NoteMeta",
        fontSize=8,
        leading=10.5,
        textColor=MUTED,
        spaceBefore=6,
        spaceAfter=1,
        keepWithNext=1,
    )
    add("NoteText", leftIndent=10, spaceAfter=3)
    add("Quote", fontName=ITALIC, leftIndent=10, textColor=INK, spaceAfter=3)
    add("Empty", fontName=ITALIC, textColor=MUTED)
    add("Fingerprint", fontSize=7.5, leading=10, textColor=MUTED, spaceBefore=14)
    return sheet
