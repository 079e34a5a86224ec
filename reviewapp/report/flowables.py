"""Small drawn flowables: tick boxes, ruled writing lines and signature lines."""

from __future__ import annotations

from reportlab.platypus import Flowable

from reviewapp.report.fonts import REGULAR
from reviewapp.report.styles import INK, MUTED, RULE


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square to tick by hand."""

    def __init__(self, size: float = 9) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        canvas.rect(0, 0, self.size, self.size, stroke=1, fill=0)


class RuledLines(Flowable):  # type: ignore[misc]
    """`count` light horizontal lines to write notes on."""

    def __init__(self, count: int, spacing: float = 20) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.count * self.spacing

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for index in range(self.count):
            y = index * self.spacing
            canvas.line(0, y, self.width, y)


class FillingRuledLines(RuledLines):
    """More ruled lines, as many as the rest of the frame holds, in the same rhythm.

    Placed right after a RuledLines (inside whatever keeps a section together), it gives the
    writer the page's whole remaining height; `bottom_gap` lines' worth of space stays blank
    above the footer. Where less than one line fits, it takes no room at all.
    """

    def __init__(self, spacing: float = 20, bottom_gap: float = 1.0) -> None:
        super().__init__(0, spacing)
        self.bottom_gap = bottom_gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        room = available_height - self.bottom_gap * self.spacing
        self.count = max(int(room // self.spacing), 0)
        return available_width, self.count * self.spacing

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []  # fills whatever is left; on a new page it would only push content down


class SignatureLine(Flowable):  # type: ignore[misc]
    """A line to sign or write a date on, with a small caption under it."""

    def __init__(self, caption: str, height: float = 30) -> None:
        super().__init__()
        self.caption = caption
        self.line_height = height
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.line_height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(0, 10, self.width, 10)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7)
        canvas.drawString(0, 2, self.caption)
