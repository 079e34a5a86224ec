"""The meeting worksheet."""

from __future__ import annotations

import pytest
import report_samples as samples
from report_helpers import read_pdf, squash
from reportlab.pdfgen.canvas import Canvas

from reviewapp.domain.framework import Framework
from reviewapp.report import DocumentSettings, render_worksheet
from reviewapp.report.flowables import FillingRuledLines
from reviewapp.report.layout import FOOTER, MARGIN


def test_worksheet_lists_every_competency_indicator_and_level(
    framework: Framework, settings: DocumentSettings
) -> None:
    pdf = read_pdf(render_worksheet(framework, settings))
    text = pdf.flat
    for competency in framework.competencies:
        assert squash(competency.statement) in text
        for indicator in competency.indicators:
            assert squash(indicator.text) in text
    for level in framework.scale.levels:
        assert squash(level.label) in text
        assert squash(level.description) in text
    assert "Not observed" in text
    assert "Staff member: ____" in text
    assert "Reviewer: ____" in squash(pdf.pages[0])  # a blank worksheet: room for both names
    assert "DRAFT" not in text
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {total}" in squash(page)
        assert "Review meeting worksheet" in squash(page)


def test_worksheet_for_a_staff_member_names_them_and_lists_open_goals(
    framework: Framework, settings: DocumentSettings
) -> None:
    pdf = read_pdf(render_worksheet(framework, settings, samples.staff(), samples.previous_goals()))
    first = squash(pdf.pages[0])
    assert "Staff member: Élodie Tremblay (Lodie)" in first
    assert "Library Assistant · Central Branch & Archives · Employee number E-1024" in first
    assert "Open goals from the previous review" in first
    assert "Finish the readers' advisory course" in first
    assert "September 30, 2024" in first


def test_worksheet_for_a_staff_member_without_open_goals(
    framework: Framework, settings: DocumentSettings
) -> None:
    pdf = read_pdf(render_worksheet(framework, settings, samples.staff()))
    assert "No open goals from a previous review." in pdf.flat


def test_filling_lines_take_the_rest_of_the_frame_in_the_same_rhythm() -> None:
    filler = FillingRuledLines(spacing=20, bottom_gap=1)
    assert filler.wrap(400, 305) == (400, 280)  # 14 lines, at least one line's space left
    assert filler.count == 14
    assert filler.wrap(400, 35) == (400, 0)  # no room for a line: takes none, never splits
    assert filler.split(400, 35) == []


def test_note_lines_fill_each_page_to_the_footer(
    framework: Framework, settings: DocumentSettings
) -> None:
    placed: list[tuple[float, int]] = []  # (bottom y, lines) of every filler drawn
    original = FillingRuledLines.drawOn

    def record(self: FillingRuledLines, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        placed.append((y, self.count))
        original(self, canvas, x, y, _sW)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(FillingRuledLines, "drawOn", record)
        pdf = read_pdf(render_worksheet(framework, settings))
    # General notes on the first page, then one competency per page, each ruled to the end.
    assert len(pdf.pages) == len(placed) == len(framework.competencies) + 1
    frame_bottom = MARGIN + FOOTER
    for bottom, count in placed:
        assert count >= 3
        assert frame_bottom + 20 <= bottom < frame_bottom + 40
