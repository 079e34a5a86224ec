"""The meeting worksheet: every competency and indicator with boxes to tick and lines to write."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from reviewapp.domain.framework import Competency, Framework
from reviewapp.domain.review import Goal
from reviewapp.domain.staff import StaffMember
from reviewapp.report.flowables import FillingRuledLines, RuledLines, TickBox
from reviewapp.report.layout import CONTENT_WIDTH, PageDecor, build_pdf
from reviewapp.report.review_document import goals_table
from reviewapp.report.sections import SectionEnd, section_heading
from reviewapp.report.settings import DocumentSettings
from reviewapp.report.styles import LIGHT_SHADE, make_styles
from reviewapp.report.tables import data_table
from reviewapp.report.text import Para, long_date, markup, text_width

CODE_WIDTH = 1.6 * cm
MIN_BOX_COLUMN = 1.3 * cm
BOX_PADDING = 6
NOTE_LINES = 4


def _scale_legend(framework: Framework, s: StyleSheet1) -> Table:
    rows: list[list[object]] = [["Rating", "Label", "Meaning"]]
    for level in framework.scale.levels:
        rows.append([str(level.value), level.label, level.description])
    not_observed = "No opportunity to observe this in the review period."
    rows.append(["N/O", framework.scale.not_observed_label, not_observed])
    return data_table(rows, [CODE_WIDTH, 3.8 * cm, CONTENT_WIDTH - CODE_WIDTH - 3.8 * cm], s)


def _box_labels(framework: Framework) -> list[tuple[str, str]]:
    labels = [(str(level.value), level.label) for level in framework.scale.levels]
    return [*labels, ("N/O", framework.scale.not_observed_label)]


def _box_column(labels: list[tuple[str, str]], s: StyleSheet1) -> float:
    """Wide enough for the longest word of any level label, within reason."""
    style = s["CellHeadCentre"]
    widest = max(
        text_width(word, style.fontName, style.fontSize)
        for _, label in labels
        for word in label.split() or [""]
    )
    limit = CONTENT_WIDTH * 0.64 / len(labels)
    return float(min(max(widest + BOX_PADDING, MIN_BOX_COLUMN), limit))


def _competency(framework: Framework, c: Competency, s: StyleSheet1) -> list[Flowable]:
    labels = _box_labels(framework)
    head_style = s["CellHeadCentre"]
    header: list[object] = [
        Para(markup(framework.indicator_heading or "Indicators"), s["CellHead"])
    ]
    header += [Para(f"<b>{markup(v)}</b><br/>{markup(label)}", head_style) for v, label in labels]
    rows: list[list[object]] = [header]
    for indicator in c.indicators:
        text = f"<b>{markup(indicator.code)}</b>&nbsp;&nbsp;{markup(indicator.text)}"
        rows.append([Para(text, s["CellSmall"]), *[TickBox() for _ in labels]])
    rows.append(
        [
            Para(f"{markup(c.code)}&nbsp;&nbsp;Competency rating", s["CellBold"]),
            *[TickBox(10) for _ in labels],
        ]
    )
    column = _box_column(labels, s)
    table = data_table(
        rows,
        [CONTENT_WIDTH - len(labels) * column, *[column] * len(labels)],
        s,
        extra=[
            ("ALIGN", (1, 1), (-1, -1), "CENTER"),
            ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, -1), (-1, -1), LIGHT_SHADE),
            ("LEFTPADDING", (1, 0), (-1, -1), BOX_PADDING / 2),
            ("RIGHTPADDING", (1, 0), (-1, -1), BOX_PADDING / 2),
        ],
    )
    title = f"{markup(c.code)}&nbsp;&nbsp;{markup(c.statement)}"
    heading = section_heading(title, s["H1"], s["Continued"])
    notes = [Para("Notes", s["H3"]), Spacer(1, 4), RuledLines(NOTE_LINES)]
    # At least NOTE_LINES lines stay with the competency; the rest of its page is ruled too.
    # A table too long for one page repeats the heading on the next (see sections.py).
    return [KeepTogether([heading, table, *notes]), SectionEnd(), FillingRuledLines()]


def _staff_block(staff: StaffMember, goals: Sequence[Goal], s: StyleSheet1) -> list[Flowable]:
    details = " · ".join(
        part
        for part in (
            staff.position,
            staff.branch_name,
            f"Employee number {staff.employee_number}" if staff.employee_number else "",
        )
        if part
    )
    story: list[Flowable] = [
        Para(f"<b>Staff member:</b> {markup(staff.display_name)}", s["Body"]),
    ]
    if details:
        story.append(Para(markup(details), s["Small"]))
    story.append(Para("Open goals from the previous review", s["H1"]))
    if goals:
        story.append(goals_table(goals, s))
    else:
        story.append(Para("No open goals from a previous review.", s["Empty"]))
    return story


def render_worksheet(
    framework: Framework,
    settings: DocumentSettings,
    staff: StaffMember | None = None,
    open_goals: tuple[Goal, ...] = (),
) -> bytes:
    """A printable worksheet to take into the review meeting, as PDF bytes."""
    s = make_styles()
    subtitle = f"{framework.title} (version {framework.version}) · Meeting on: ____________________"
    story: list[Flowable] = [
        Para("Review Meeting Worksheet", s["Title"]),
        Para(markup(subtitle), s["Subtitle"]),
    ]
    if staff is not None:
        story += _staff_block(staff, open_goals, s)
    else:  # a blank worksheet: room to write who it is for
        blank = "_" * 30
        who_line = f"<b>Staff member:</b> {blank}&nbsp;&nbsp;&nbsp;<b>Reviewer:</b> {blank}"
        story.append(Para(who_line, s["Body"]))
    story += [Para("Rating scale", s["H1"]), _scale_legend(framework, s)]
    # The rest of the first page is for the meeting's general notes; competencies follow.
    general = [Para("General notes", s["H1"]), Spacer(1, 4), RuledLines(NOTE_LINES)]
    story += [KeepTogether(general), FillingRuledLines()]
    for competency in framework.competencies:
        story += _competency(framework, competency, s)
    who = staff.display_name if staff is not None else "Staff member: ______________________"
    decor = PageDecor(
        title=f"Review meeting worksheet: {framework.title}"
        + (f", {staff.name}" if staff is not None else ""),
        organisation=settings.organisation,
        branch=staff.branch_name if staff is not None else "",
        header_right="Review meeting worksheet",
        footer_left=f"{who} · {framework.title}",
        footer_generated=f"Generated on {long_date(settings.generation_date)}",
        logo=settings.logo_path,
    )
    return build_pdf(
        story,
        decor,
        author=settings.organisation,
        subject=f"Meeting worksheet, {framework.title}",
        language=settings.language,
    )
