"""The floor for bench_pdf.py: the review document's content built with plain ReportLab.

`plain_build` lays out the same text in the same kinds of flowables as the review document: the
same Paragraph styles and DejaVu Sans fonts, the details, summary, indicator, goals and signature
tables, the shaded rating panels and every evidence note, on the same Letter page and frame, with
a plain header and footer ("Page N") and the DRAFT marking drawn with drawString. It is what a
careful ReportLab user writes by hand: escaped Paragraphs where text wraps, plain strings for
short fixed cells, SimpleDocTemplate, one pass. It leaves out only reviewapp's own machinery: no
fallback-font runs for characters DejaVu Sans lacks (they print as boxes), no "Page X of Y" (that
needs the page count) and no ellipsis fitting of header lines.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Assessment, Goal, SignOffRole
from reviewapp.domain.rules import derive_overall
from reviewapp.report import DocumentSettings, ReviewDocumentData
from reviewapp.report.fonts import BOLD, REGULAR
from reviewapp.report.layout import FOOTER, LATER_HEADER, MARGIN, PAGE_HEIGHT
from reviewapp.report.styles import make_styles

WIDTH = LETTER[0] - 2 * MARGIN
RULE, SHADE, LIGHT = HexColor("#c5ced8"), HexColor("#e8eef4"), HexColor("#f5f7fa")
CELL = [
    ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
]
HEAD = [("FONT", (0, 0), (-1, 0), BOLD, 8.5), ("BACKGROUND", (0, 0), (-1, 0), SHADE)]
PANEL = [
    ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
    ("BOX", (0, 0), (-1, -1), 0.5, RULE),
    ("LEFTPADDING", (0, 0), (-1, -1), 9),
    ("TOPPADDING", (0, 0), (-1, -1), 7),
]


def _p(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _date(value: date | None) -> str:
    return f"{value:%B} {value.day}, {value.year}" if value else "Not set"


def _rating(fw: Framework, a: Assessment) -> str:
    if a.not_observed:
        return fw.scale.not_observed_label
    return "Not rated" if a.rating is None else f"{a.rating} · {fw.scale.label(a.rating)}"


def _table(rows: list[list[object]], widths: list[float], style: list[tuple[object, ...]]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def plain_build(data: ReviewDocumentData, settings: DocumentSettings | None = None) -> bytes:
    """The review document's content built with plain ReportLab: the floor for render_review."""
    s = make_styles()
    fw, r = data.framework, data.review
    org = settings.organisation if settings else "Riverside Public Library"
    generated = _date(settings.generation_date if settings else date.today())
    period = f"{_date(r.period_start)} – {_date(r.period_end)}"

    def para(text: str, style: str = "CellSmall") -> Paragraph:
        return Paragraph(_p(text), s[style])

    def blocks(text: str, style: str) -> list[Flowable]:
        return [para(b, style) for b in text.split("\n\n") if b.strip()] or [para("–", style)]

    def goals(items: tuple[Goal, ...]) -> Table:
        rows: list[list[object]] = [
            ["Goal", "Measure of success", "Target date", "Support", "Status"]
        ]
        for g in items:
            when = _date(g.target_date)
            rows.append([para(g.description), para(g.success_measure), when, para(g.support)])
            rows[-1].append(g.status.label)
        flexible = WIDTH - 5.4 * cm
        widths = [flexible * 0.38, flexible * 0.32, 3 * cm, flexible * 0.3, 2.4 * cm]
        return _table(rows, widths, CELL + HEAD)

    overall = derive_overall(fw, r)
    level = overall.level
    details = [
        ["Employee", para(r.staff_name), "Employee number", para(r.employee_number or "–")],
        ["Position", para(r.staff_position), "Branch", para(r.branch_name)],
        ["Reviewer", para(r.reviewer_name), "Review type", r.review_type.label],
        ["Period", period, "Meeting date", _date(r.meeting_date)],
        ["Framework", para(f"{fw.title} (version {fw.version})"), "Status", r.status.label],
        ["Source", para(fw.source), "", ""],
    ]
    summary: list[list[object]] = [["Code", "Competency", "Rating"]] + [
        [c.code, para(c.statement), _rating(fw, r.competency(c.id).assessment)]
        for c in fw.competencies
    ]
    widths = [1.5 * cm, WIDTH - 5.7 * cm, 4.2 * cm]
    panel = [para("Overall rating", "Label"), para(level.label if level else "Not yet rated", "H2")]
    panel += [para(level.description if level else "", "Cell"), para(overall.formula, "Small")]
    if overall.override is not None:
        panel += [para("Reason for the override", "Label"), para(overall.override_reason, "Cell")]
    story: list[Flowable] = [
        para("Performance Review", "Title"),
        para(f"{r.review_type.label} review · {period}", "Subtitle"),
        _table(details, [2.6 * cm, 6.2 * cm, 3.5 * cm, WIDTH - 12.3 * cm], CELL),
        para("Summary of ratings", "H1"),
        _table(summary, widths, CELL + HEAD),
        Spacer(1, 10),
        _table([[panel]], [WIDTH], PANEL),
        PageBreak(),
    ]
    notes = sorted(data.notes, key=lambda n: (n.observed_on, n.created_at, n.id))
    indicators = {i.id: f"{i.code} {i.text}" for c in fw.competencies for i in c.indicators}
    for c in fw.competencies:
        assessed = r.competency(c.id)
        rows: list[list[object]] = [["Code", fw.indicator_heading or "Indicators", "Rating"]]
        rows += [[i.code, para(i.text), _rating(fw, r.indicator(i.id))] for i in c.indicators]
        rated = [para(f"Competency rating: {_rating(fw, assessed.assessment)}", "Cell")]
        if assessed.assessment.rating is not None:
            rated.append(para(fw.scale.level(assessed.assessment.rating).description, "Small"))
        story += [
            para(f"{c.code}  {c.statement}", "H1"),
            _table(rows, widths, CELL + HEAD),
            Spacer(1, 8),
            _table([[rated]], [WIDTH], PANEL),
            para("Manager's comment", "H3"),
            *blocks(assessed.comment, "Body"),
            para("Evidence", "H3"),
        ]
        for note in (n for n in notes if n.competency_id == c.id):
            meta = f"{_date(note.observed_on)} · {note.source.label}"
            if note.indicator_id in indicators:
                meta += f" · {indicators[note.indicator_id]}"
            story += [para(meta, "NoteMeta"), *blocks(note.text, "NoteText")]
    for title, text in (("Strengths", r.strengths), ("Development areas", r.development_areas)):
        story += [para(title, "H1"), *blocks(text, "Body")]
    if data.previous_open_goals:
        story += [
            para("Open goals from the previous review", "H1"),
            goals(data.previous_open_goals),
        ]
    story += [para("Goals", "H1"), goals(r.goals)]
    story += [para("Employee comments", "H1"), *blocks(r.employee_comments, "Body")]
    for addendum in r.addenda:
        story += [para(f"{_date(addendum.written_on)} · {addendum.author}", "NoteMeta")]
        story += blocks(addendum.text, "NoteText")
    columns = []
    for title, name, role in (
        ("Reviewer", r.reviewer_name, SignOffRole.REVIEWER),
        ("Employee", r.staff_name, SignOffRole.EMPLOYEE),
    ):
        signoff = r.signoff(role)
        cell: list[Flowable] = [para(title, "H2"), para(f"Name: {name}", "Cell"), Spacer(1, 20)]
        cell += [HRFlowable(width="100%"), para("Signature", "Small"), Spacer(1, 20)]
        cell += [HRFlowable(width="100%"), para("Date", "Small")]
        if signoff is not None:
            cell.append(
                para(f"Signed electronically by {signoff.name}: {signoff.signed_on}", "Small")
            )
            cell.append(para(f"“{signoff.statement}”", "Quote"))
        columns.append(cell)
    signatures = Table(
        [columns], colWidths=[WIDTH / 2] * 2, style=[("VALIGN", (0, 0), (1, 0), "TOP")]
    )
    story.append(KeepTogether([para("Signatures", "H1"), signatures]))
    if r.is_finalised:
        story.append(para(f"Finalised. SHA-256 fingerprint: {r.fingerprint}", "Fingerprint"))

    def furniture(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 9.5)
        canvas.drawString(MARGIN, PAGE_HEIGHT - MARGIN - 10, org)
        canvas.drawRightString(MARGIN + WIDTH, PAGE_HEIGHT - MARGIN - 10, "Performance review")
        canvas.setFont(REGULAR, 8)
        canvas.drawString(MARGIN, PAGE_HEIGHT - MARGIN - 21, r.branch_name)
        canvas.line(MARGIN, PAGE_HEIGHT - MARGIN - 30, MARGIN + WIDTH, PAGE_HEIGHT - MARGIN - 30)
        canvas.line(MARGIN, MARGIN + 25, MARGIN + WIDTH, MARGIN + 25)
        canvas.drawString(MARGIN, MARGIN + 13, f"{r.staff_name} · {period}")
        canvas.drawString(MARGIN, MARGIN, f"Generated on {generated}")
        canvas.drawRightString(MARGIN + WIDTH, MARGIN + 13, f"Page {canvas.getPageNumber()}")
        if not r.is_finalised:
            canvas.setFont(BOLD, 120)
            canvas.setFillColorRGB(0.55, 0.55, 0.55, alpha=0.2)
            canvas.translate(LETTER[0] / 2, PAGE_HEIGHT / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -42, "DRAFT")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + LATER_HEADER,
        bottomMargin=MARGIN + FOOTER,
        title=f"Performance review: {r.staff_name}",
        author=r.reviewer_name,
    )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()
