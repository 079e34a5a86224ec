"""Who and what the open review is about, its status and how far it has got."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reviewapp.domain import rules
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Review
from reviewapp.ui.common import accessible, heading, wrapping_label
from reviewapp.ui.flow_layout import button_row

FINGERPRINT_MATCHES = "✓ Fingerprint verified: matches the stored content"
FINGERPRINT_DIFFERS = "⚠ Fingerprint does not match the stored content"


def fingerprint_status(review: Review, fingerprint_ok: bool | None) -> str:
    """The status line of a finalised review: read-only, and whether its record is intact."""
    short = f"{(review.fingerprint or '')[:16]}…"
    if fingerprint_ok:
        return f"Status: 🔒 Finalised, read-only · {FINGERPRINT_MATCHES} ({short})"
    return (
        f"Status: 🔒 Finalised · {FINGERPRINT_DIFFERS} ({short}): changed outside reviewapp; "
        "see Summary and sign-off"
    )


def progress_text(framework: Framework, review: Review) -> str:
    done, total = rules.progress(framework, review)
    return f"{done} of {total} competencies rated"


class ReviewHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("", 1.35)
        self.details = wrapping_label()
        self.progress = QLabel()  # short: one line, its own width
        self.status = wrapping_label()  # a warning about the fingerprint runs long
        for label, name in ((self.progress, "Progress"), (self.status, "Status")):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            label.setAccessibleName(name)
        self.staff_button = accessible(
            QPushButton("Staff page"), "Open the staff page", "Shows this person's page."
        )
        self.meeting_button = accessible(
            QPushButton("Meeting view (F11)"),
            "Meeting view",
            "Larger, uncluttered view of the current competency for the meeting. F11 toggles it.",
        )
        self.meeting_button.setCheckable(True)
        self.pdf_button = accessible(
            QPushButton("Export PDF…"), "Export PDF", "Writes this review as a PDF document."
        )
        self.worksheet_button = accessible(
            QPushButton("Print worksheet…"),
            "Print worksheet",
            "A PDF of the framework with room for handwritten notes, with this person's goals.",
        )
        # Every line takes the whole width, and the buttons wrap onto another line when there
        # is no room: at large text sizes the header grows taller, never wider than the window.
        state = QHBoxLayout()
        state.addWidget(self.status, 1)
        state.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        state.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addLayout(state)
        layout.addWidget(
            button_row(
                self.meeting_button, self.staff_button, self.pdf_button, self.worksheet_button
            )
        )

    def show_review(
        self, framework: Framework, review: Review, fingerprint_ok: bool | None = None
    ) -> None:
        where = ", ".join(p for p in (review.staff_position, review.branch_name) if p)
        self.title.setText(f"{review.staff_name}" + (f" — {where}" if where else ""))
        meeting = f" · meeting {review.meeting_date:%Y-%m-%d}" if review.meeting_date else ""
        self.details.setText(
            f"{review.review_type.label} review · {review.period_start:%Y-%m-%d} to "
            f"{review.period_end:%Y-%m-%d}{meeting} · reviewer {review.reviewer_name} · "
            f"{framework.title} v{framework.version}"
        )
        if review.is_finalised and review.fingerprint:
            self.status.setText(fingerprint_status(review, fingerprint_ok))
        else:
            self.status.setText(f"Status: {review.status.label}")
        self.progress.setText(progress_text(framework, review))
