"""Review lists: the summary figures and every filter."""

from __future__ import annotations

from datetime import date

import pytest
from service_helpers import RATINGS, make_ready

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import (
    NOT_OBSERVED,
    Assessment,
    Review,
    ReviewDraft,
    ReviewStatus,
    ReviewType,
)
from reviewapp.domain.rules import derive_overall
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services


def _start(
    services: Services, member: StaffMember, year: int, kind: ReviewType = ReviewType.ANNUAL
) -> Review:
    return services.reviews.start(
        ReviewDraft(member.id, "Rita", kind, date(year, 1, 1), date(year, 12, 31))
    )


def test_summary_of_a_new_review(services: Services, review: Review, member: StaffMember) -> None:
    [summary] = services.reviews.list()
    assert summary.id == review.id
    assert summary.staff_id == member.id
    assert (summary.staff_name, summary.branch_name) == ("Élodie Tremblay", "Central")
    assert summary.status == ReviewStatus.DRAFT
    assert summary.review_type == ReviewType.ANNUAL
    assert (summary.period_start, summary.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert summary.overall_rating is None
    assert (summary.rated_count, summary.competency_count) == (0, 7)


def test_overall_is_the_mean_of_rated_competencies(
    services: Services, ready: Review, framework: Framework
) -> None:
    [summary] = services.reviews.list()
    rated = [v for v in RATINGS if v is not None]
    assert summary.overall_rating == pytest.approx(sum(rated) / len(rated))
    assert summary.rated_count == 7  # not observed counts as assessed
    stored = services.reviews.get(ready.id)
    assert summary.overall_rating == pytest.approx(derive_overall(framework, stored).derived)


def test_partly_rated_review(services: Services, review: Review, framework: Framework) -> None:
    services.reviews.set_competency(review.id, framework.competencies[0].id, Assessment(2))
    services.reviews.set_competency(review.id, framework.competencies[1].id, Assessment(5))
    services.reviews.set_competency(review.id, framework.competencies[2].id, NOT_OBSERVED)
    services.reviews.set_comment(review.id, framework.competencies[3].id, "Only a comment")
    [summary] = services.reviews.list()
    assert summary.overall_rating == pytest.approx(3.5)
    assert summary.rated_count == 3
    assert summary.status == ReviewStatus.IN_PROGRESS


def test_override_replaces_the_mean(services: Services, ready: Review) -> None:
    services.reviews.set_override(ready.id, 2, "Long absence")
    [summary] = services.reviews.list()
    assert summary.overall_rating == pytest.approx(2.0)
    assert isinstance(summary.overall_rating, float)


def test_filters(
    services: Services, member: StaffMember, review: Review, framework: Framework
) -> None:
    other = services.staff.create(StaffDraft("Bo Diddley", "E-200", branch_name="North"))
    older = _start(services, member, 2023)
    make_ready(services, older.id, framework)
    services.reviews.finalise(older.id)
    bo = _start(services, other, 2024)
    mid = _start(services, member, 2024, ReviewType.MID_YEAR)

    def ids(**filters: object) -> set[int]:
        return {s.id for s in services.reviews.list(**filters)}  # type: ignore[arg-type]

    assert ids() == {review.id, older.id, bo.id, mid.id}
    assert ids(staff_id=member.id) == {review.id, older.id, mid.id}
    assert ids(staff_id=other.id) == {bo.id}
    assert ids(status=ReviewStatus.FINALISED) == {older.id}
    assert ids(status=ReviewStatus.DRAFT) == {review.id, bo.id, mid.id}
    assert ids(branch="North") == {bo.id}
    assert ids(branch="Central") == {review.id, older.id, mid.id}
    assert ids(branch="") == ids()
    assert ids(period_from=date(2024, 1, 1)) == {review.id, bo.id, mid.id}
    assert ids(period_to=date(2023, 12, 31)) == {older.id}
    assert ids(period_from=date(2023, 12, 31), period_to=date(2023, 12, 31)) == {older.id}
    assert ids(period_from=date(2023, 6, 1), period_to=date(2024, 1, 1)) == ids()
    assert ids(review_ids=[older.id, bo.id]) == {older.id, bo.id}
    assert ids(staff_id=member.id, status=ReviewStatus.DRAFT, branch="Central") == {
        review.id,
        mid.id,
    }


def test_branch_filter_uses_the_finalised_snapshot(
    services: Services, member: StaffMember, ready: Review
) -> None:
    services.reviews.finalise(ready.id)
    services.staff.update(
        member.id, StaffDraft(member.name, member.employee_number, branch_name="North")
    )
    assert [s.id for s in services.reviews.list(branch="Central")] == [ready.id]
    assert services.reviews.list(branch="North") == []


def test_newest_period_first(services: Services, member: StaffMember, review: Review) -> None:
    older = _start(services, member, 2022)
    newer = _start(services, member, 2025)
    assert [s.id for s in services.reviews.list()] == [newer.id, review.id, older.id]
