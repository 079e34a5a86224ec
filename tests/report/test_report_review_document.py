"""The review document: every competency, indicator and rating is there, user text exactly."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import report_samples as samples
from pypdf import PdfReader
from report_helpers import RenderedPdf, read_pdf, require_cjk_font, squash

from reviewapp.domain.framework import Framework
from reviewapp.report import DocumentSettings, ReviewDocumentData, render_review
from reviewapp.report.review_document import NOT_RATED


def test_every_competency_indicator_and_rating_is_printed(
    draft_pdf: RenderedPdf, framework: Framework
) -> None:
    text = draft_pdf.flat
    for competency in framework.competencies:
        assert squash(competency.statement) in text
        for indicator in competency.indicators:
            assert squash(indicator.text) in text, indicator.code
    for label in ("3 · Proficient", "4 · Strong", "5 · Role model", "2 · Developing"):
        assert label in text
    assert framework.scale.not_observed_label in text
    assert NOT_RATED in text
    # The rating panel names its competency: a page break may separate it from the table.
    assert "CS5 competency rating: 2 · Developing" in text
    assert "CS3 competency rating: Not observed" in text


def test_first_page_has_staff_details_summary_and_overall(draft_pdf: RenderedPdf) -> None:
    first = squash(draft_pdf.pages[0])
    for expected in (
        "Élodie Tremblay",
        "E-1024",
        "Library Assistant",
        "Central Branch & Archives",
        "Maria Gonzalez",
        "Annual",
        "January 1, 2024 – December 31, 2024",
        "January 9, 2025",
        "Customer Service (version 1)",
        "Southern Ontario Library Service (SOLS)",
        "Summary of ratings",
        "3.50 · Strong",
        "(3 + 4 + 5 + 2 + 4 + 3) / 6 = 3.50",
    ):
        assert expected in first, expected


def test_override_and_its_reason_are_shown(
    framework: Framework, settings: DocumentSettings
) -> None:
    review = samples.review(framework, override=True)
    pdf = read_pdf(render_review(ReviewDocumentData(framework, review, ()), settings))
    first = squash(pdf.pages[0])
    assert "4 · Strong" in first
    assert f"Exceptional year: {samples.UNCLOSED} {samples.ATT}" in first
    assert "(3 + 4 + 5 + 2 + 4 + 3) / 6 = 3.50" in first


def test_header_and_footer_on_every_page(draft_pdf: RenderedPdf) -> None:
    total = len(draft_pdf.pages)
    assert total > 1
    for number, page in enumerate(draft_pdf.pages, start=1):
        flat = squash(page)
        assert f"Page {number} of {total}" in flat
        assert "Performance review - Confidential" in flat
        assert "Riverside Public Library" in flat
        assert "Central Branch & Archives" in flat
        assert "Élodie Tremblay · January 1, 2024 – December 31, 2024" in flat
        assert "Generated on January 15, 2025" in flat


@pytest.mark.parametrize("special", samples.SPECIALS)
def test_user_text_is_printed_exactly_as_typed(draft_pdf: RenderedPdf, special: str) -> None:
    assert special in draft_pdf.flat
    assert "AT&T;" not in draft_pdf.text


def test_markup_in_user_text_is_not_applied(draft_pdf: RenderedPdf) -> None:
    # Literally "<b>bold</b>", never "bold" on its own after "text:" (tags dropped).
    assert "Markup stays text: <b>bold</b>" in draft_pdf.flat
    assert "Markup stays text: bold" not in draft_pdf.flat


def test_cjk_text_is_drawn_with_a_fallback_font(draft_pdf: RenderedPdf) -> None:
    require_cjk_font()
    assert samples.CJK in draft_pdf.flat


def test_long_url_wraps_and_is_complete(draft_pdf: RenderedPdf) -> None:
    assert samples.LONG_URL in draft_pdf.joined


def test_huge_note_flows_across_pages(draft_pdf: RenderedPdf) -> None:
    note = samples.long_note()
    assert len(note) == 100_000
    assert len(draft_pdf.pages) > 20
    assert re.sub(r"\s+", "", note) in draft_pdf.body


def test_evidence_notes_are_in_date_order(draft_pdf: RenderedPdf) -> None:
    text = draft_pdf.flat
    positions = [text.index(day) for day in ("February 14, 2024", "April 9, 2024", "June 3, 2024")]
    assert positions == sorted(positions)
    assert "Self-reflection · CS1.1 Uses every interaction" in text


def test_newlines_and_tabs_in_notes(draft_pdf: RenderedPdf) -> None:
    page = next(p for p in draft_pdf.pages if "Line one" in p)
    assert "Line one\nLine two\nTabbed" in page


def test_goals_comments_and_signatures(final_pdf: RenderedPdf) -> None:
    text = final_pdf.flat
    for expected in (
        "Lead the AT&T R&D outreach pilot",
        "Three sessions held",
        "June 30, 2025",
        "Training budget",
        "In progress",
        "Strengths",
        "Development areas",
        "Use <b>bold</b> sparingly.",
        "Employee comments",
        "Corrected date. AT&T R&D.",
        "February 1, 2025 · Maria Gonzalez",
        "Signed electronically by Maria Gonzalez on January 10, 2025",
        "Signed electronically by Élodie Tremblay on January 11, 2025",
        "I have conducted this review and discussed it with the employee.",
    ):
        assert expected in text, expected


def test_previous_open_goals_are_listed(draft_pdf: RenderedPdf) -> None:
    assert "Open goals from the previous review" in draft_pdf.flat
    assert "Finish the readers' advisory course" in draft_pdf.flat


def test_finalised_review_prints_fingerprint_on_last_page_and_no_draft(
    final_pdf: RenderedPdf,
) -> None:
    assert samples.FINGERPRINT in final_pdf.pages[-1].replace("\n", "")
    assert "DRAFT" not in final_pdf.text


def test_draft_marking_on_every_page(draft_pdf: RenderedPdf) -> None:
    for page in draft_pdf.pages:
        assert "DRAFT" in page
    assert samples.FINGERPRINT not in draft_pdf.joined


def test_metadata_and_language(final_pdf: RenderedPdf) -> None:
    reader = PdfReader(__import__("io").BytesIO(final_pdf.data))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Performance review: Élodie Tremblay, January 1, 2024 – December 31, 2024"
    assert meta.author == "Maria Gonzalez"
    assert meta.subject == "Annual performance review, Customer Service"
    assert meta.creation_date is not None
    assert reader.trailer["/Root"]["/Lang"] == "en-CA"
    assert reader.pages[0].mediabox.width == pytest.approx(612)
    assert reader.pages[0].mediabox.height == pytest.approx(792)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package: poppler-utils / qpdf)")
    return path


@pytest.mark.parametrize("which", ["draft_pdf", "final_pdf"])
def test_fonts_embedded_and_qpdf_check(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    pdf: RenderedPdf = request.getfixturevalue(which)
    path = tmp_path / "review.pdf"
    path.write_bytes(pdf.data)
    fonts = subprocess.run(
        [_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "pdffonts listed no fonts"
    for line in fonts:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
    check = subprocess.run([_tool("qpdf"), "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_logo_is_drawn_and_a_broken_logo_is_left_out(
    framework: Framework, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), (31, 78, 121)).save(logo)
    data = ReviewDocumentData(framework, samples.review(framework), ())
    with_logo = render_review(data, DocumentSettings(logo_path=logo))
    reader = PdfReader(__import__("io").BytesIO(with_logo))
    assert len(reader.pages) > 1
    assert [len(page.images) for page in reader.pages] == [1] * len(reader.pages)

    broken = tmp_path / "broken.png"
    broken.write_text("not an image")
    without = render_review(data, DocumentSettings(logo_path=broken))
    assert "Performance Review" in read_pdf(without).flat
    assert "cannot be read" in caplog.text


def test_empty_review_renders(framework: Framework, settings: DocumentSettings) -> None:
    import dataclasses

    review = dataclasses.replace(
        samples.review(framework),
        competencies=(),
        indicators=(),
        goals=(),
        signoffs=(),
        strengths="",
        development_areas="",
        employee_comments="",
    )
    pdf = read_pdf(render_review(ReviewDocumentData(framework, review, ()), settings))
    assert "Not yet rated" in pdf.flat
    assert "No goals recorded." in pdf.flat
    assert "No electronic sign-off recorded." in pdf.flat
