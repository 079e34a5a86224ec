"""Benchmark: render_review against a plain ReportLab build of the same content.

Run by hand:  python bench/bench_pdf.py [-n 15]

Both sides use the same registered DejaVu Sans fonts and the same fully filled review (seven
competencies, ratings, comments, evidence notes including a 100,000-character one). The plain
side is SimpleDocTemplate + escaped Paragraphs on the same page frame (Letter, 2 cm margins, room
for header and footer, which it draws with drawString), with no tables, no "Page X of Y"
numbering and no fallback-font processing: the floor for laying out this much text.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "report"))

import report_samples as samples  # noqa: E402

from reviewapp.domain.framework import Framework  # noqa: E402
from reviewapp.report import DocumentSettings, ReviewDocumentData, render_review  # noqa: E402
from reviewapp.report.fonts import REGULAR  # noqa: E402
from reviewapp.report.layout import FOOTER, LATER_HEADER, MARGIN, PAGE_HEIGHT  # noqa: E402
from reviewapp.report.styles import make_styles  # noqa: E402


def _p(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def plain_build(data: ReviewDocumentData) -> bytes:
    """The same text as Paragraphs in a SimpleDocTemplate: no tables, no fallback fonts."""
    s = make_styles()
    fw, review = data.framework, data.review
    story: list[Flowable] = [
        Paragraph("Performance Review", s["Title"]),
        Paragraph(
            _p(f"{review.staff_name} {review.staff_position} {review.branch_name}"), s["Body"]
        ),
        Paragraph(_p(f"{fw.title} {fw.version} {fw.source}"), s["Body"]),
    ]
    for c in fw.competencies:
        story.append(Paragraph(_p(f"{c.code} {c.statement}"), s["H1"]))
        for indicator in c.indicators:
            assessment = review.indicator(indicator.id)
            story.append(
                Paragraph(_p(f"{indicator.code} {indicator.text} {assessment}"), s["Body"])
            )
        story.append(Paragraph(_p(review.competency(c.id).comment), s["Body"]))
        for note in sorted(data.notes, key=lambda n: n.observed_on):
            if note.competency_id == c.id:
                story.append(Paragraph(_p(f"{note.observed_on} {note.source.label}"), s["Small"]))
                for block in note.text.split("\n\n"):
                    story.append(Paragraph(_p(block), s["NoteText"]))
    for text in (review.strengths, review.development_areas, review.employee_comments):
        story.append(Paragraph(_p(text), s["Body"]))
    for goal in review.goals:
        story.append(Paragraph(_p(f"{goal.description} {goal.success_measure}"), s["Body"]))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + LATER_HEADER,
        bottomMargin=MARGIN + FOOTER,
    )

    def furniture(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        canvas.setFont(REGULAR, 8)
        canvas.drawString(MARGIN, PAGE_HEIGHT - MARGIN - 10, "Riverside Public Library")
        canvas.drawString(MARGIN, MARGIN, f"{review.staff_name} page {canvas.getPageNumber()}")

    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


def timed(action: Callable[[], bytes], runs: int) -> tuple[float, int]:
    times = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(action())
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=15)
    args = parser.parse_args()
    fw: Framework = samples.framework()
    data = ReviewDocumentData(
        fw, samples.review(fw, finalised=True), samples.notes(fw), samples.previous_goals()
    )
    settings = DocumentSettings(
        organisation="Riverside Public Library", generated_on=date(2025, 1, 15)
    )
    # Warm up both (font registration and fallback lookups happen once per process).
    render_review(data, settings)
    plain_build(data)
    ours, ours_size = timed(lambda: render_review(data, settings), args.runs)
    plain, plain_size = timed(lambda: plain_build(data), args.runs)
    print(f"runs: {args.runs}")
    print(f"render_review  median {ours * 1000:8.1f} ms  ({ours_size:,} bytes)")
    print(f"plain ReportLab median {plain * 1000:8.1f} ms  ({plain_size:,} bytes)")
    print(f"ratio          {ours / plain:.2f}x (target <= 1.20x)")


if __name__ == "__main__":
    main()
