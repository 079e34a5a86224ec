"""What a page of the review list asks for (filter words, status, order) and what it gets back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from reviewapp.domain.review import ReviewStatus, ReviewSummary


class ReviewSort(StrEnum):
    """The columns a review list can be ordered by."""

    STAFF = "staff"
    BRANCH = "branch"
    TYPE = "type"
    PERIOD = "period"
    STATUS = "status"
    OVERALL = "overall"
    RATED = "rated"


@dataclass(frozen=True, slots=True)
class ReviewListQuery:
    """Which reviews, in which order.

    ``text`` holds words that must each appear in a review's row (staff name, branch, type,
    period as "YYYY-MM-DD to YYYY-MM-DD", status), case- and accent-insensitively. ``sort`` None
    is newest first (latest period end first, then highest id). Rows with equal keys are ordered
    by period end, then id, in the direction asked for, so every order is total and stable.
    """

    text: str = ""
    status: ReviewStatus | None = None
    staff_id: int | None = None
    sort: ReviewSort | None = None
    descending: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())


@dataclass(frozen=True, slots=True)
class ReviewPage:
    """Rows ``offset`` to ``offset + len(summaries) - 1`` of the list a query describes.

    ``total`` counts every review the query matches and ``unfiltered`` those it matches without
    its words (status and person only); both are None when the page was read without counting.
    """

    query: ReviewListQuery
    offset: int
    summaries: tuple[ReviewSummary, ...] = field(default=())
    total: int | None = None
    unfiltered: int | None = None
