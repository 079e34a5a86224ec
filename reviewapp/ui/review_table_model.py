"""Lists of reviews (all reviews, or one person's) as a table model."""

from __future__ import annotations

from typing import Any

from reviewapp.domain.review import ReviewStatus, ReviewSummary, ReviewType
from reviewapp.ui.record_table_model import RecordTableModel, fold

TYPE_LABELS = {kind: kind.label for kind in ReviewType}
STATUS_LABELS = {status: status.label for status in ReviewStatus}


COLUMN_STAFF = 0
COLUMN_BRANCH = 1
COLUMN_TYPE = 2
COLUMN_PERIOD = 3
COLUMN_STATUS = 4
COLUMN_OVERALL = 5
COLUMN_PROGRESS = 6
HEADERS = ("Staff member", "Branch", "Type", "Period", "Status", "Overall", "Rated")
COLUMN_CHARS = (28, 18, 14, 27, 13, 9, 9)


def overall_text(summary: ReviewSummary) -> str:
    return "—" if summary.overall_rating is None else f"{summary.overall_rating:.2f}"


def review_cell(review: ReviewSummary, column: int) -> str:
    """The text of one cell of a review list (this model's and the paged Reviews list's)."""
    if column == COLUMN_STAFF:
        return review.staff_name
    if column == COLUMN_BRANCH:
        return review.branch_name
    if column == COLUMN_TYPE:
        return TYPE_LABELS[review.review_type]
    if column == COLUMN_PERIOD:
        return f"{review.period_start.isoformat()} to {review.period_end.isoformat()}"
    if column == COLUMN_STATUS:
        return STATUS_LABELS[review.status]
    if column == COLUMN_OVERALL:
        return overall_text(review)
    if column == COLUMN_PROGRESS:
        return f"{review.rated_count} of {review.competency_count}"
    return ""


class ReviewTableModel(RecordTableModel):
    COLUMN_STAFF = COLUMN_STAFF
    COLUMN_BRANCH = COLUMN_BRANCH
    COLUMN_TYPE = COLUMN_TYPE
    COLUMN_PERIOD = COLUMN_PERIOD
    COLUMN_STATUS = COLUMN_STATUS
    COLUMN_OVERALL = COLUMN_OVERALL
    COLUMN_PROGRESS = COLUMN_PROGRESS
    HEADERS = HEADERS
    COLUMN_CHARS = COLUMN_CHARS

    def display(self, record: Any, column: int) -> str:
        return review_cell(record, column)

    def search_text(self, record: Any) -> str:
        review: ReviewSummary = record
        return (
            f"{review.staff_name} {review.branch_name} {TYPE_LABELS[review.review_type]} "
            f"{review.period_start.isoformat()} to {review.period_end.isoformat()} "
            f"{STATUS_LABELS[review.status]}"
        )

    def sort_value(self, record: Any, column: int) -> Any:
        review: ReviewSummary = record
        if column == self.COLUMN_PERIOD:
            return (review.period_end, review.period_start)
        if column == self.COLUMN_OVERALL:
            return (review.overall_rating is None, review.overall_rating or 0.0)
        if column == self.COLUMN_PROGRESS:
            return review.rated_count
        return (fold(self.display(review, column)), review.period_end)
