"""The meeting worksheet."""

from __future__ import annotations

import report_samples as samples
from conftest import read_pdf, squash

from reviewapp.domain.framework import Framework
from reviewapp.report import DocumentSettings, render_worksheet


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
