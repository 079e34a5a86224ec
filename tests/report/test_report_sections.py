"""Sections that run onto another page repeat their heading there; no heading ends a page."""

from __future__ import annotations

import dataclasses

import pytest
import report_samples as samples
from report_helpers import RenderedPdf, read_pdf, squash

from reviewapp.domain.framework import Competency, Framework, Indicator
from reviewapp.report import DocumentSettings, ReviewDocumentData, render_review, render_worksheet

LONG_COMMENT = samples.long_note(9_000)


def heading(competency: Competency) -> str:
    return squash(f"{competency.code} {competency.statement}")


def continued(competency: Competency) -> str:
    return f"{heading(competency)} (continued)"


@pytest.fixture(scope="module")
def long_section_pdf(framework: Framework, settings: DocumentSettings) -> RenderedPdf:
    """A review whose CS2 comment runs over two page breaks."""
    review = samples.review(framework)
    second = framework.competencies[1].id
    competencies = tuple(
        dataclasses.replace(c, comment=LONG_COMMENT) if c.competency_id == second else c
        for c in review.competencies
    )
    review = dataclasses.replace(review, competencies=competencies)
    notes = samples.notes(framework, huge=False)
    return read_pdf(render_review(ReviewDocumentData(framework, review, notes), settings))


def pages_showing(pdf: RenderedPdf, text: str) -> list[int]:
    """The pages after the first (whose summary names every competency) showing `text`."""
    return [number for number in range(1, len(pdf.pages)) if text in pdf.content(number)]


def test_a_competency_running_onto_later_pages_repeats_its_heading(
    long_section_pdf: RenderedPdf, framework: Framework
) -> None:
    cs2 = framework.competencies[1]
    sentence = "The patron asked about interlibrary loans"
    comment_pages = pages_showing(long_section_pdf, sentence)
    first = pages_showing(long_section_pdf, heading(cs2))[0]
    assert len(comment_pages) >= 3, "the comment should span at least two page breaks"
    later = [number for number in comment_pages if number > first]
    assert later, "the comment should continue after the page where CS2 starts"
    for number in later:
        assert long_section_pdf.content(number).startswith(continued(cs2)), number
    # The first page of the section carries the real heading, not the continued one.
    assert continued(cs2) not in long_section_pdf.content(first)


def test_the_continued_heading_stops_where_the_section_ends(
    long_section_pdf: RenderedPdf, framework: Framework
) -> None:
    cs2, cs3 = framework.competencies[1], framework.competencies[2]
    after = pages_showing(long_section_pdf, heading(cs3))[0]
    for number in range(after + 1, len(long_section_pdf.pages)):
        assert continued(cs2) not in long_section_pdf.content(number)
    assert "Manager's comment" in long_section_pdf.flat


@pytest.mark.parametrize("which", ["long_section_pdf", "draft_pdf", "final_pdf"])
def test_no_page_ends_with_a_heading(
    which: str, request: pytest.FixtureRequest, framework: Framework
) -> None:
    pdf: RenderedPdf = request.getfixturevalue(which)
    headings = [heading(c) for c in framework.competencies]
    headings += [continued(c) for c in framework.competencies]
    headings += ["Manager's comment", "Strengths", "Development areas", "Goals", "Addenda"]
    headings += [f"Evidence ({count})" for count in range(10)]
    headings += ["Employee comments", "Open goals from the previous review", "Other evidence"]
    for number in range(len(pdf.pages)):
        content = pdf.content(number)
        for text in headings:
            assert not content.endswith(text), f"page {number + 1} ends with {text!r}"


def test_the_huge_note_repeats_its_competency_on_every_page(draft_pdf: RenderedPdf) -> None:
    pages = pages_showing(draft_pdf, "interlibrary loans")
    assert len(pages) > 20
    starts = [draft_pdf.content(number) for number in pages[1:]]
    assert all(text.startswith("CS3 Demonstrates comfort") for text in starts)
    assert all("(continued)" in text[:140] for text in starts)


def _long_competency(framework: Framework) -> Framework:
    """The framework with 70 indicators in its second competency: a table over two pages."""
    second = framework.competencies[1]
    indicators = tuple(
        Indicator(1_000 + n, f"{second.code}.{n}", f"Indicator number {n} of many", n)
        for n in range(1, 71)
    )
    long = dataclasses.replace(second, indicators=indicators)
    competencies = (framework.competencies[0], long, *framework.competencies[2:])
    return dataclasses.replace(framework, competencies=competencies)


def test_a_worksheet_competency_over_two_pages_repeats_its_heading(
    framework: Framework, settings: DocumentSettings
) -> None:
    long = _long_competency(framework)
    # For a staff member: the header has its usual five lines (a blank one has no branch).
    pdf = read_pdf(render_worksheet(long, settings, samples.staff()))
    cs2 = long.competencies[1]
    pages = pages_showing(pdf, "Indicator number")  # the first page is general notes
    assert len(pages) >= 2
    assert continued(cs2) not in pdf.content(pages[0])
    for number in pages[1:]:
        assert pdf.content(number).startswith(continued(cs2)), number
    assert "Indicator number 70 of many" in pdf.flat
    # The competency after it starts afresh.
    cs3 = long.competencies[2]
    after = pages_showing(pdf, heading(cs3))[0]
    assert pdf.content(after).startswith(heading(cs3))
