"""Table helpers shared by the documents: a restrained style with a shaded header row."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from reviewapp.report.fonts import FONTS, REGULAR
from reviewapp.report.styles import LIGHT_SHADE, RULE, SHADE
from reviewapp.report.text import Para, clean, markup

PADDING = 5  # left and right of every cell


def text_cell(text: str, style: ParagraphStyle, width: float) -> str | Para:
    """`text` shown literally in a cell of a column `width` wide (padding included).

    One line of characters the shipped family draws that fits the column stays a plain string:
    the table draws it directly, in the font data_table gives the cell (which must be `style`'s),
    with no markup parsing or line breaking. Anything else (line breaks, characters needing a
    fallback font, text too long for one line) becomes an escaped, wrapping Paragraph.
    """
    cleaned = clean(text)
    if "\n" not in cleaned and FONTS.covers(cleaned):
        line = " ".join(cleaned.split())  # as a Paragraph would show it
        if stringWidth(line, style.fontName, style.fontSize) <= width - 2 * PADDING:
            return line
    return Para(markup(text), style)


def data_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    styles: StyleSheet1,
    *,
    header: bool = True,
    zebra: bool = False,
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    """A table with light horizontal rules, optional shaded header row repeated on each page.

    A `str` cell is text to show literally (see text_cell): in the CellHead style in the header
    row, CellSmall elsewhere. Other cells (Paragraphs, lists of flowables) are placed as given.
    """
    body, head = styles["CellSmall"], styles["CellHead"]
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), body.fontName, body.fontSize, body.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), body.textColor),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), head.fontName, head.fontSize, head.leading),
            ("TEXTCOLOR", (0, 0), (-1, 0), head.textColor),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [None, LIGHT_SHADE]))
    commands += list(extra)
    cells = [
        [
            text_cell(value, head if header and number == 0 else body, width)
            if isinstance(value, str)
            else value
            for value, width in zip(row, widths, strict=True)
        ]
        for number, row in enumerate(rows)
    ]
    table = Table(
        cells,
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(commands))
    return table


def boxed(content: Sequence[Flowable] | Flowable, width: float) -> Table:
    """Content in a softly shaded panel."""
    cell = list(content) if isinstance(content, Sequence) else [content]
    table = Table([[cell]], colWidths=[width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), LIGHT_SHADE),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table
