"""Page geometry, header and footer, the DRAFT marking and "Page X of Y" numbering."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from reviewapp.report.fonts import BOLD, REGULAR, ensure_fonts
from reviewapp.report.sections import SectionDocTemplate
from reviewapp.report.styles import ACCENT, INK, MUTED, RULE
from reviewapp.report.text import draw_text, fit

log = logging.getLogger(__name__)

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 2 * cm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FIRST_HEADER = 1.9 * cm
LATER_HEADER = 1.35 * cm
FOOTER = 1.2 * cm
FOOTER_SIZE = 7.5


@dataclass(frozen=True, slots=True)
class PageDecor:
    """What every page of a document shows around its content."""

    title: str
    organisation: str
    branch: str
    header_right: str
    footer_left: str
    footer_generated: str
    draft: bool = False
    logo: Path | None = None


def _logo(path: Path | None) -> ImageReader | None:
    if path is None:
        return None
    try:
        return ImageReader(str(path))
    except (OSError, ValueError) as error:
        log.warning("The logo %s cannot be read and is left out: %s", path, error)
        return None


class _Painter:
    """Draws header, footer and the DRAFT marking; one per document build.

    What repeats on every page (the later-page header and the footer) is drawn once into a PDF
    form and placed on each page by reference: one operator per page instead of a dozen text
    runs, and a smaller file. The DRAFT marking is drawn on each page itself: it is one text run,
    and its transparency needs the page's graphics-state resources, which ReportLab does not
    give a form.
    """

    def __init__(self, decor: PageDecor) -> None:
        self.decor = decor
        self.logo = _logo(decor.logo)
        self._forms: set[str] = set()

    def first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._header(canvas, FIRST_HEADER, first=True)
        self._place(canvas, "PageFooter", self._footer)

    def later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._place(canvas, "LaterHeader", self._later_header)
        self._place(canvas, "PageFooter", self._footer)

    def page_end(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.decor.draft:
            _draft_marking(canvas)

    def _place(self, canvas: Canvas, name: str, draw: Callable[[Canvas], None]) -> None:
        """Draw the form `name` on this page, recording it with `draw` the first time."""
        if name not in self._forms:
            canvas.beginForm(name)
            draw(canvas)
            canvas.endForm()
            self._forms.add(name)
        canvas.doForm(name)

    def _later_header(self, canvas: Canvas) -> None:
        self._header(canvas, LATER_HEADER, first=False)

    def _header(self, canvas: Canvas, height: float, *, first: bool) -> None:
        top = PAGE_HEIGHT - MARGIN
        bottom = top - height + 0.35 * cm
        left = MARGIN
        canvas.saveState()
        if self.logo is not None:
            logo_height = height - 0.5 * cm
            width, img_height = self.logo.getSize()
            logo_width = min(logo_height * width / max(img_height, 1), 4 * cm)
            canvas.drawImage(
                self.logo,
                left,
                bottom + 0.05 * cm,
                logo_width,
                logo_height,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
            left += logo_width + 0.4 * cm
        right = PAGE_WIDTH - MARGIN
        right_width = 7 * cm
        name_width = right - left - right_width - 0.5 * cm
        big, small = (12.5, 9) if first else (9.5, 8)
        canvas.setFillColor(ACCENT)
        draw_text(
            canvas, left, top - big, fit(self.decor.organisation, BOLD, big, name_width), BOLD, big
        )
        canvas.setFillColor(MUTED)
        draw_text(
            canvas,
            left,
            top - big - small - 3,
            fit(self.decor.branch, REGULAR, small, name_width),
            REGULAR,
            small,
        )
        canvas.setFillColor(INK)
        draw_text(canvas, right, top - big, self.decor.header_right, BOLD, small, "right")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, bottom, right, bottom)
        canvas.restoreState()

    def _footer(self, canvas: Canvas) -> None:
        canvas.saveState()
        top = MARGIN + FOOTER - 0.3 * cm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top, PAGE_WIDTH - MARGIN, top)
        canvas.setFillColor(MUTED)
        width = CONTENT_WIDTH - 3.5 * cm
        line1 = MARGIN + FOOTER_SIZE + 6
        draw_text(
            canvas,
            MARGIN,
            line1,
            fit(self.decor.footer_left, REGULAR, FOOTER_SIZE, width),
            REGULAR,
            FOOTER_SIZE,
        )
        draw_text(canvas, MARGIN, MARGIN, self.decor.footer_generated, REGULAR, FOOTER_SIZE)
        canvas.restoreState()


def _draft_marking(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFillColorRGB(0.55, 0.55, 0.55, alpha=0.2)
    canvas.setFont(BOLD, 120)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -42, "DRAFT")
    canvas.restoreState()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end, then writes "Page X of Y" on each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.saveState()
            self.setFillColor(MUTED)
            self.setFont(REGULAR, FOOTER_SIZE)
            self.drawRightString(
                PAGE_WIDTH - MARGIN, MARGIN + FOOTER_SIZE + 6, f"Page {number} of {total}"
            )
            self.restoreState()
            super().showPage()
        super().save()


def build_pdf(
    story: list[Flowable], decor: PageDecor, *, author: str, subject: str, language: str
) -> bytes:
    """Lay out `story` on Letter pages with header and footer; return the PDF bytes.

    Sections in `story` (see sections.py) repeat their heading on each page they run onto.
    """
    ensure_fonts()
    painter = _Painter(decor)
    buffer = io.BytesIO()
    doc = SectionDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=decor.title,
        author=author,
        subject=subject,
        creator="reviewapp",
        lang=language,
        initialFontName=REGULAR,
        displayDocTitle=1,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                [_frame(FIRST_HEADER)],
                onPage=painter.first_page,
                onPageEnd=painter.page_end,
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                "later",
                [_frame(LATER_HEADER)],
                onPage=painter.later_page,
                onPageEnd=painter.page_end,
            ),
        ]
    )
    doc.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue()


def _frame(header: float) -> Frame:
    height = PAGE_HEIGHT - 2 * MARGIN - header - FOOTER
    return Frame(
        MARGIN,
        MARGIN + FOOTER,
        CONTENT_WIDTH,
        height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
