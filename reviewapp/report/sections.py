"""Sections whose heading is repeated, marked "(continued)", on every later page they reach.

A section starts with a `SectionHeading` and ends with a `SectionEnd`. `SectionDocTemplate`
remembers the section whose heading it last placed; when a new page begins while that section
is still open, a `ContinuedHeading` is the first thing placed on it, so a page never starts
with, say, "Manager's comment" without saying which competency it belongs to.

A huge evidence note can take thirty pages: the repeated heading is laid out once per section
and drawn once into a PDF form that each page places by reference, which keeps its cost per
page near nothing.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable

from reviewapp.report.text import Para

CONTINUED = "(continued)"


class SectionHeading(Para):
    """The heading that opens a section; build it with `section_heading`."""

    # Set by section_heading. A part of a split heading (never expected: headings are short)
    # is a SectionHeading without it, and opens no section.
    continued_style: ParagraphStyle | None = None

    def continuation(self, form: str) -> ContinuedHeading:
        assert self.continued_style is not None
        return ContinuedHeading(Para(f"{self.text} {CONTINUED}", self.continued_style), form)


class ContinuedHeading(Flowable):  # type: ignore[misc]
    """The heading of an open section, repeated at the top of each page it runs onto.

    One instance serves every page of its section: the heading is drawn into the PDF form
    `form` (one per width) the first time and placed by reference after that.
    """

    def __init__(self, heading: Para, form: str) -> None:
        super().__init__()
        self.heading = heading
        self.form = form
        self._recorded: set[str] = set()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.heading.wrap(available_width, available_height)
        return self.width, self.height

    def getSpaceAfter(self) -> float:
        return float(self.heading.getSpaceAfter())

    def draw(self) -> None:
        name = f"{self.form}-{self.width:.2f}"
        if name not in self._recorded:
            self.canv.beginForm(name)
            self.heading.drawOn(self.canv, 0, 0)
            self.canv.endForm()
            self._recorded.add(name)
        self.canv.doForm(name)


class SectionEnd(ActionFlowable):  # type: ignore[misc]
    """Closes the open section: the pages after this one need no continued heading."""

    def __init__(self) -> None:
        super().__init__(("sectionEnd",))


def section_heading(
    text: str, style: ParagraphStyle, continued_style: ParagraphStyle
) -> SectionHeading:
    """A heading from already escaped `text`; it repeats in `continued_style` on later pages."""
    heading = SectionHeading(text, style)
    heading.continued_style = continued_style
    return heading


def section(
    text: str, style: ParagraphStyle, continued_style: ParagraphStyle, body: list[Flowable]
) -> list[Flowable]:
    """A whole section: its heading, `body`, and the mark that closes it."""
    return [section_heading(text, style, continued_style), *body, SectionEnd()]


class SectionDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A document template that repeats the open section's heading on each new page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._open_section: SectionHeading | None = None
        self._continuation: ContinuedHeading | None = None
        self._sections = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, ContinuedHeading):
            # The repeated heading is page furniture: what follows is laid out as at the top
            # of the page. Otherwise a keep-together group a little taller than the rest of the
            # page would be pushed to the next page, leaving the heading alone, again and again.
            self.frame._atTop = 1
        elif isinstance(flowable, SectionHeading) and flowable.continued_style is not None:
            self._open_section = flowable
            self._continuation = None

    def handle_sectionEnd(self) -> None:
        self._open_section = None
        self._continuation = None

    def handle_frameBegin(
        self,
        resume: int = 0,
        pageTopFlowables: list[Flowable] | None = None,
    ) -> None:
        if self._open_section is None:
            super().handle_frameBegin(resume, pageTopFlowables)
            return
        if self._continuation is None:
            self._sections += 1
            self._continuation = self._open_section.continuation(f"Continued{self._sections}")
        super().handle_frameBegin(resume, [*(pageTopFlowables or []), self._continuation])
