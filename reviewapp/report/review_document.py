"""The review document: cover page, one section per competency, goals, comments, signatures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.framework import Competency, Framework
from reviewapp.domain.review import Assessment, Goal, Review, SignOffRole
from reviewapp.domain.rules import derive_overall
from reviewapp.report.flowables import SignatureLine
from reviewapp.report.fonts import REGULAR
from reviewapp.report.layout import CONTENT_WIDTH, PageDecor, build_pdf
from reviewapp.report.sections import section
from reviewapp.report.settings import DocumentSettings, ReviewDocumentData
from reviewapp.report.styles import make_styles
from reviewapp.report.tables import boxed, data_table
from reviewapp.report.text import Para, long_date, markup, paragraphs

NOT_RATED = "Not rated"
RATING_WIDTH = 4.2 * cm
CODE_WIDTH = 1.5 * cm


def period_text(review: Review) -> str:
    return f"{long_date(review.period_start)} – {long_date(review.period_end)}"


def rating_text(framework: Framework, assessment: Assessment) -> str:
    if assessment.not_observed:
        return framework.scale.not_observed_label
    if assessment.rating is None:
        return NOT_RATED
    return f"{assessment.rating} · {framework.scale.label(assessment.rating)}"


def goals_table(goals: Sequence[Goal], styles: StyleSheet1) -> Table:
    """Description, measure, target date, support and status of each goal."""
    rows: list[list[object]] = [["Goal", "Measure of success", "Target date", "Support", "Status"]]
    cell = styles["CellSmall"]
    for goal in sorted(goals, key=lambda g: g.position):
        rows.append(
            [
                paragraphs(goal.description, cell),
                paragraphs(goal.success_measure, cell, empty="–"),
                long_date(goal.target_date, "–"),
                paragraphs(goal.support, cell, empty="–"),
                goal.status.label,
            ]
        )
    date_width, status_width = 3.5 * cm, 2.4 * cm  # "September 30, 2024" on one line
    flexible = CONTENT_WIDTH - date_width - status_width
    widths = [flexible * 0.38, flexible * 0.32, date_width, flexible * 0.30, status_width]
    return data_table(rows, widths, styles)


class _ReviewStory:
    def __init__(self, data: ReviewDocumentData, settings: DocumentSettings) -> None:
        self.framework = data.framework
        self.review = data.review
        self.data = data
        self.settings = settings
        self.s = make_styles()
        self.notes: dict[int, list[EvidenceNote]] = defaultdict(list)
        for note in sorted(data.notes, key=lambda n: (n.observed_on, n.created_at, n.id)):
            self.notes[note.competency_id].append(note)

    def build(self) -> list[Flowable]:
        story = self.cover()
        story.append(PageBreak())
        for competency in self.framework.competencies:
            story += self.competency(competency)
        story += self.unlinked_notes()
        story += self.narrative()
        story += self.signatures()
        story += self.fingerprint()
        return story

    # -- first page -------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        r, f, s = self.review, self.framework, self.s
        story: list[Flowable] = [
            Para("Performance Review", s["Title"]),
            Para(f"{r.review_type.label} review · {period_text(r)}", s["Subtitle"]),
        ]
        details = [
            ("Employee", r.staff_name, "Employee number", r.employee_number or "–"),
            ("Position", r.staff_position or "–", "Branch", r.branch_name or "–"),
            ("Reviewer", r.reviewer_name, "Review type", r.review_type.label),
            ("Period", period_text(r), "Meeting date", long_date(r.meeting_date)),
            ("Framework", f"{f.title} (version {f.version})", "Status", r.status.label),
        ]
        rows: list[list[object]] = [
            [Para(a, s["Label"]), b, Para(c, s["Label"]), d] for a, b, c, d in details
        ]
        rows.append([Para("Source", s["Label"]), f.source, "", ""])
        widths = [2.6 * cm, 6.2 * cm, 3.5 * cm]
        widths.append(CONTENT_WIDTH - sum(widths))
        table = data_table(rows, widths, s, header=False, extra=[("SPAN", (1, -1), (3, -1))])
        story.append(table)
        story += [Para("Summary of ratings", s["H1"]), self.summary(), Spacer(1, 10)]
        story.append(self.overall())
        return story

    def summary(self) -> Table:
        s = self.s
        rows: list[list[object]] = [["Code", "Competency", "Rating"]]
        for c in self.framework.competencies:
            assessment = self.review.competency(c.id).assessment
            rows.append(
                [
                    Para(f"<b>{markup(c.code)}</b>", s["CellSmall"]),
                    c.statement,
                    rating_text(self.framework, assessment),
                ]
            )
        widths = [CODE_WIDTH, CONTENT_WIDTH - CODE_WIDTH - RATING_WIDTH, RATING_WIDTH]
        return data_table(rows, widths, s, zebra=True)

    def overall(self) -> Table:
        s = self.s
        overall = derive_overall(self.framework, self.review)
        content: list[Flowable] = [Para("Overall rating", s["Label"])]
        if overall.override is not None:
            level = overall.override
            content.append(Para(markup(f"{level.value} · {level.label}"), s["H2"]))
            note = "Set by the reviewer, overriding the derived rating."
            content.append(Para(note, s["Small"]))
            content.append(Spacer(1, 4))
            content.append(Para("Reason for the override", s["Label"]))
            content += paragraphs(overall.override_reason, s["Cell"])
            content.append(Spacer(1, 4))
            content.append(Para(markup(f"Derived rating: {overall.formula}"), s["Small"]))
        elif overall.derived is not None and overall.derived_level is not None:
            level = overall.derived_level
            content.append(Para(markup(f"{overall.derived:.2f} · {level.label}"), s["H2"]))
            content.append(Para(markup(level.description), s["Cell"]))
            content.append(Spacer(1, 4))
            content.append(
                Para(markup(f"Mean of the rated competencies: {overall.formula}"), s["Small"])
            )
        else:
            content.append(Para("Not yet rated", s["H2"]))
            content.append(Para(markup(overall.formula), s["Small"]))
        for flowable in content:
            flowable.keepWithNext = 0
        return boxed(content, CONTENT_WIDTH)

    # -- competencies -----------------------------------------------------------------------

    def competency(self, c: Competency) -> list[Flowable]:
        s, f = self.s, self.framework
        assessed = self.review.competency(c.id)
        rows: list[list[object]] = [["Code", f.indicator_heading or "Indicators", "Rating"]]
        for indicator in c.indicators:
            rating = rating_text(f, self.review.indicator(indicator.id))
            rows.append([indicator.code, indicator.text, rating])
        widths = [CODE_WIDTH, CONTENT_WIDTH - CODE_WIDTH - RATING_WIDTH, RATING_WIDTH]
        body: list[Flowable] = [data_table(rows, widths, s), Spacer(1, 8)]
        body.append(self.competency_rating(c, assessed.assessment))
        body.append(Para("Manager's comment", s["H3"]))
        body += paragraphs(assessed.comment, s["Body"], empty="No comment recorded.")
        body.append(Para(f"Evidence ({len(self.notes.get(c.id, []))})", s["H3"]))
        body += self.evidence(self.notes.get(c.id, []), "No evidence notes in the review period.")
        head = f"{markup(c.code)}&nbsp;&nbsp;{markup(c.statement)}"
        return [*self.section(head, body), Spacer(1, 10)]

    def section(self, heading: str, body: list[Flowable]) -> list[Flowable]:
        """An H1 section from escaped `heading`, repeated on each later page it runs onto."""
        return section(heading, self.s["H1"], self.s["Continued"], body)

    def competency_rating(self, c: Competency, assessment: Assessment) -> Table:
        # Named with the code: after a page break it may stand apart from its table.
        s, scale = self.s, self.framework.scale
        rating = markup(rating_text(self.framework, assessment))
        text = f"<b>{markup(c.code)} competency rating:</b> {rating}"
        content: list[Flowable] = [Para(text, s["Cell"])]
        if assessment.rating is not None:
            description = scale.level(assessment.rating).description
            content.append(Para(markup(description), s["Small"]))
        return boxed(content, CONTENT_WIDTH)

    def evidence(self, notes: Iterable[EvidenceNote], empty: str) -> list[Flowable]:
        s, story = self.s, []
        for note in notes:
            meta = f"{long_date(note.observed_on)} · {note.source.label}"
            if note.indicator_id is not None:
                try:
                    _, indicator = self.framework.indicator(note.indicator_id)
                    meta += f" · {indicator.code} {indicator.text}"
                except KeyError:
                    meta += " · indicator no longer in this framework"
            story.append(Para(markup(meta), s["NoteMeta"]))
            story += paragraphs(note.text, s["NoteText"], empty="(empty note)")
        return story or [Para(empty, s["Empty"])]

    def unlinked_notes(self) -> list[Flowable]:
        known = {c.id for c in self.framework.competencies}
        notes = [n for cid, group in self.notes.items() if cid not in known for n in group]
        if not notes:
            return []
        notes.sort(key=lambda n: (n.observed_on, n.created_at, n.id))
        return self.section("Other evidence", self.evidence(notes, ""))

    # -- after the competencies -------------------------------------------------------------

    def narrative(self) -> list[Flowable]:
        r, s = self.review, self.s
        story: list[Flowable] = []
        for title, text in (("Strengths", r.strengths), ("Development areas", r.development_areas)):
            story += self.section(title, paragraphs(text, s["Body"], empty="None recorded."))
        if self.data.previous_open_goals:
            previous = goals_table(self.data.previous_open_goals, s)
            story += self.section("Open goals from the previous review", [previous])
        goals = goals_table(r.goals, s) if r.goals else Para("No goals recorded.", s["Empty"])
        story += self.section("Goals", [goals])
        comments = paragraphs(r.employee_comments, s["Body"], empty="None recorded.")
        story += self.section("Employee comments", comments)
        if r.addenda:
            addenda: list[Flowable] = []
            for addendum in sorted(r.addenda, key=lambda a: (a.written_on, a.created_at)):
                meta = f"{long_date(addendum.written_on)} · {addendum.author}"
                addenda.append(Para(markup(meta), s["NoteMeta"]))
                addenda += paragraphs(addendum.text, s["NoteText"], empty="(empty addendum)")
            story += self.section("Addenda", addenda)
        return story

    def signatures(self) -> list[Flowable]:
        s, r = self.s, self.review
        columns: list[list[Flowable]] = []
        for role, title, name in (
            (SignOffRole.REVIEWER, "Reviewer", r.reviewer_name),
            (SignOffRole.EMPLOYEE, "Employee", r.staff_name),
        ):
            cell: list[Flowable] = [
                Para(title, s["H2"]),
                Para(f"<b>Name:</b> {markup(name)}", s["Cell"]),
                Spacer(1, 10),
                SignatureLine("Signature"),
                SignatureLine("Date"),
                Spacer(1, 6),
            ]
            signoff = r.signoff(role)
            if signoff is not None:
                text = f"Signed electronically by {signoff.name} on {long_date(signoff.signed_on)}:"
                cell.append(Para(markup(text), s["Small"]))
                cell += paragraphs(f"“{signoff.statement}”", s["Quote"])
            else:
                cell.append(Para("No electronic sign-off recorded.", s["SmallItalic"]))
            for flowable in cell:
                flowable.keepWithNext = 0
            columns.append(cell)
        gap = 1 * cm
        # The left column carries the gap as its right padding: both columns get the same room
        # and the right one ends at the right margin, like every other block.
        widths = [(CONTENT_WIDTH + gap) / 2, (CONTENT_WIDTH - gap) / 2]
        table = Table([columns], colWidths=widths, hAlign="LEFT")
        table.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), gap),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ]
        )
        return [KeepTogether([Para("Signatures", s["H1"]), table])]

    def fingerprint(self) -> list[Flowable]:
        r = self.review
        if not r.is_finalised:
            return []
        when = long_date(r.finalised_at.date()) if r.finalised_at else "an unrecorded date"
        text = (
            f"Finalised on {when}. SHA-256 fingerprint of the review content: "
            f"{r.fingerprint or 'not recorded'}"
        )
        return [Para(markup(text), self.s["Fingerprint"])]


def render_review(data: ReviewDocumentData, settings: DocumentSettings) -> bytes:
    """The complete review document as PDF bytes."""
    review = data.review
    decor = PageDecor(
        title=f"Performance review: {review.staff_name}, {period_text(review)}",
        organisation=settings.organisation,
        branch=review.branch_name,
        header_right="Performance review - Confidential",
        footer_left=f"{review.staff_name} · {period_text(review)}",
        footer_generated=f"Generated on {long_date(settings.generation_date)}",
        draft=not review.is_finalised,
        logo=settings.logo_path,
    )
    subject = f"{review.review_type.label} performance review, {data.framework.title}"
    story = _ReviewStory(data, settings).build()
    return build_pdf(
        story, decor, author=review.reviewer_name, subject=subject, language=settings.language
    )
