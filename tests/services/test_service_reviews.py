"""Reviews before finalising: starting, refusing overlaps, assessing, texts and overrides."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from service_helpers import make_ready

from reviewapp.domain.errors import (
    ConflictError,
    ForbiddenChangeError,
    NotFoundError,
    ValidationError,
)
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import (
    NOT_OBSERVED,
    UNRATED,
    Assessment,
    GoalDraft,
    Review,
    ReviewDraft,
    ReviewStatus,
    ReviewType,
    SignOffRole,
)
from reviewapp.domain.staff import StaffMember
from reviewapp.services.container import Services


def _draft(
    member: StaffMember, start: str, end: str, kind: ReviewType = ReviewType.ANNUAL
) -> ReviewDraft:
    return ReviewDraft(
        member.id, "Rita Reviewer", kind, date.fromisoformat(start), date.fromisoformat(end)
    )


def test_start_uses_the_default_framework(
    review: Review, framework: Framework, member: StaffMember
) -> None:
    assert review.status == ReviewStatus.DRAFT
    assert review.framework_id == framework.id
    assert review.staff_id == member.id
    assert review.staff_name == "Élodie Tremblay"
    assert review.branch_name == "Central"
    assert review.competencies == ()
    assert review.fingerprint is None
    assert len(review.uuid) == 36


def test_start_with_a_chosen_framework(
    services: Services, member: StaffMember, framework: Framework
) -> None:
    data = services.frameworks.export_text(framework.key).replace('"version": 1', '"version": 2')
    newer, created = services.frameworks.import_text(data)
    assert created
    draft = _draft(member, "2024-01-01", "2024-06-30")
    chosen = services.reviews.start(replace(draft, framework_id=framework.id))
    assert chosen.framework_id == framework.id
    later = services.reviews.start(_draft(member, "2025-01-01", "2025-06-30"))
    assert later.framework_id == newer.id


@pytest.mark.parametrize(
    ("start", "end"),
    [("2024-12-31", "2025-12-30"), ("2023-01-01", "2024-01-01"), ("2024-03-01", "2024-04-01")],
)
def test_overlapping_review_of_the_same_type_is_refused(
    services: Services, member: StaffMember, review: Review, start: str, end: str
) -> None:
    with pytest.raises(ConflictError, match="overlaps"):
        services.reviews.start(_draft(member, start, end))
    assert len(services.reviews.list()) == 1


def test_adjacent_or_other_type_is_allowed(
    services: Services, member: StaffMember, review: Review
) -> None:
    services.reviews.start(_draft(member, "2025-01-01", "2025-12-31"))
    services.reviews.start(_draft(member, "2024-01-01", "2024-06-30", ReviewType.MID_YEAR))
    assert len(services.reviews.list()) == 3


def test_period_order_is_refused(services: Services, member: StaffMember) -> None:
    with pytest.raises(ValidationError) as info:
        services.reviews.start(_draft(member, "2024-06-01", "2024-06-01"))
    assert info.value.field == "period_end"
    assert services.reviews.list() == []


def test_start_for_unknown_staff_or_without_reviewer(
    services: Services, member: StaffMember
) -> None:
    with pytest.raises(NotFoundError, match="staff member"):
        services.reviews.start(
            ReviewDraft(9999, "Rita", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 2, 1))
        )
    with pytest.raises(ValidationError) as info:
        services.reviews.start(
            ReviewDraft(member.id, "  ", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 2, 1))
        )
    assert info.value.field == "reviewer_name"


def test_update_setup_checks_overlap_and_order(
    services: Services, member: StaffMember, review: Review
) -> None:
    other = services.reviews.start(_draft(member, "2025-01-01", "2025-12-31"))
    with pytest.raises(ConflictError):
        services.reviews.update_setup(
            other.id,
            reviewer_name="Rita",
            review_type=ReviewType.ANNUAL,
            period_start=date(2024, 12, 1),
            period_end=date(2025, 12, 31),
            meeting_date=None,
        )
    with pytest.raises(ValidationError):
        services.reviews.update_setup(
            other.id,
            reviewer_name="Rita",
            review_type=ReviewType.ANNUAL,
            period_start=date(2025, 12, 31),
            period_end=date(2025, 1, 1),
            meeting_date=None,
        )
    moved = services.reviews.update_setup(
        other.id,
        reviewer_name="Rob",
        review_type=ReviewType.OTHER,
        period_start=date(2024, 6, 1),
        period_end=date(2025, 5, 31),
        meeting_date=date(2025, 6, 2),
    )
    assert (moved.reviewer_name, moved.review_type, moved.meeting_date) == (
        "Rob",
        ReviewType.OTHER,
        date(2025, 6, 2),
    )
    assert services.reviews.get(other.id).period_start == date(2024, 6, 1)


def test_first_edit_moves_draft_to_in_progress(
    services: Services, review: Review, framework: Framework
) -> None:
    first = framework.competencies[0]
    updated = services.reviews.set_competency(review.id, first.id, Assessment(4))
    assert updated.status == ReviewStatus.IN_PROGRESS
    assert updated.competency(first.id).assessment == Assessment(4)
    assert updated.updated_at >= review.updated_at
    assert services.reviews.get(review.id).status == ReviewStatus.IN_PROGRESS


@pytest.mark.parametrize("edit", ["comment", "indicator", "text", "override"])
def test_every_kind_of_edit_starts_the_review(
    services: Services, review: Review, framework: Framework, edit: str
) -> None:
    first = framework.competencies[0]
    if edit == "comment":
        services.reviews.set_comment(review.id, first.id, "Greets everyone")
    elif edit == "indicator":
        services.reviews.set_indicator(review.id, first.indicators[0].id, Assessment(2))
    elif edit == "text":
        services.reviews.set_text(review.id, "strengths", "Warm")
    else:
        services.reviews.set_override(review.id, 3, "Part year")
    assert services.reviews.get(review.id).status == ReviewStatus.IN_PROGRESS


def test_assessments_can_change_and_be_cleared(
    services: Services, review: Review, framework: Framework
) -> None:
    first = framework.competencies[0]
    services.reviews.set_competency(review.id, first.id, Assessment(4))
    services.reviews.set_competency(review.id, first.id, NOT_OBSERVED)
    assert services.reviews.get(review.id).competency(first.id).assessment == NOT_OBSERVED
    services.reviews.set_competency(review.id, first.id, UNRATED)
    stored = services.reviews.get(review.id)
    assert stored.competency(first.id).assessment == UNRATED
    assert len(stored.competencies) == 1


def test_comment_and_indicator_are_kept(
    services: Services, review: Review, framework: Framework
) -> None:
    first = framework.competencies[0]
    services.reviews.set_comment(review.id, first.id, "  Greets every patron  ")
    services.reviews.set_competency(review.id, first.id, Assessment(5))
    services.reviews.set_indicator(review.id, first.indicators[2].id, NOT_OBSERVED)
    stored = services.reviews.get(review.id)
    assert stored.competency(first.id).comment == "Greets every patron"
    assert stored.competency(first.id).assessment == Assessment(5)
    assert stored.indicator(first.indicators[2].id) == NOT_OBSERVED
    assert stored.indicator(first.indicators[0].id) == UNRATED


def test_ratings_off_the_scale_or_contradictory_are_refused(
    services: Services, review: Review, framework: Framework
) -> None:
    first = framework.competencies[0]
    for bad in (Assessment(6), Assessment(0), Assessment(3, True)):
        with pytest.raises(ValidationError) as info:
            services.reviews.set_competency(review.id, first.id, bad)
        assert info.value.field == "rating"
    with pytest.raises(ValidationError):
        services.reviews.set_indicator(review.id, first.indicators[0].id, Assessment(9))
    stored = services.reviews.get(review.id)
    assert stored.competencies == () and stored.indicators == ()
    assert stored.status == ReviewStatus.DRAFT


def test_competency_of_another_framework_is_refused(
    services: Services, review: Review, framework: Framework
) -> None:
    with pytest.raises(NotFoundError, match="Competency 99999 is not part"):
        services.reviews.set_competency(review.id, 99_999, Assessment(3))
    with pytest.raises(NotFoundError, match="Competency 99999"):
        services.reviews.set_comment(review.id, 99_999, "x")
    with pytest.raises(NotFoundError, match="Indicator 99999 is not part"):
        services.reviews.set_indicator(review.id, 99_999, Assessment(3))
    assert services.reviews.get(review.id).status == ReviewStatus.DRAFT


def test_texts(services: Services, review: Review) -> None:
    for field in ("strengths", "development_areas", "employee_comments"):
        services.reviews.set_text(review.id, field, f" {field} text ")
    stored = services.reviews.get(review.id)
    assert stored.strengths == "strengths text"
    assert stored.development_areas == "development_areas text"
    assert stored.employee_comments == "employee_comments text"
    with pytest.raises(ValueError, match="reviewer_name"):
        services.reviews.set_text(review.id, "reviewer_name", "x")


def test_override_needs_a_reason_and_can_be_cleared(services: Services, review: Review) -> None:
    with pytest.raises(ValidationError) as info:
        services.reviews.set_override(review.id, 4, "  ")
    assert info.value.field == "override_reason"
    assert services.reviews.get(review.id).overall_override is None
    set_ = services.reviews.set_override(review.id, 4, "Acting supervisor all year")
    assert (set_.overall_override, set_.override_reason) == (4, "Acting supervisor all year")
    cleared = services.reviews.set_override(review.id, None, "ignored")
    assert (cleared.overall_override, cleared.override_reason) == (None, "")


def test_unknown_review(services: Services) -> None:
    with pytest.raises(NotFoundError, match="9999"):
        services.reviews.get(9999)
    with pytest.raises(NotFoundError):
        services.reviews.set_text(9999, "strengths", "x")


def test_delete_a_review_in_progress(
    services: Services, review: Review, framework: Framework
) -> None:
    services.reviews.set_competency(review.id, framework.competencies[0].id, Assessment(3))
    services.reviews.delete(review.id)
    with pytest.raises(NotFoundError):
        services.reviews.get(review.id)
    assert services.reviews.list() == []


def test_start_with_an_unknown_framework(services: Services, member: StaffMember) -> None:
    draft = replace(_draft(member, "2024-01-01", "2024-06-30"), framework_id=9999)
    with pytest.raises(NotFoundError, match="no framework with id 9999"):
        services.reviews.start(draft)
    assert services.reviews.list() == []


def test_sign_off_and_withdraw_accept_role_names(services: Services, review: Review) -> None:
    signed = services.reviews.sign_off(review.id, "employee", "Élodie", date(2025, 1, 2), "")  # type: ignore[arg-type]
    assert [s.role for s in signed.signoffs] == [SignOffRole.EMPLOYEE]
    withdrawn = services.reviews.withdraw_sign_off(review.id, "employee")  # type: ignore[arg-type]
    assert withdrawn.signoffs == ()


def test_review_whose_goals_were_followed_up_in_a_finalised_one_is_kept(
    services: Services, member: StaffMember, review: Review, framework: Framework
) -> None:
    goal = services.goals.add(review.id, GoalDraft("Learn the catalogue")).goals[0]
    later = services.reviews.start(_draft(member, "2025-01-01", "2025-12-31"))
    services.goals.add(later.id, GoalDraft("Learn the catalogue"), carried_from_id=goal.id)
    make_ready(services, later.id, framework)
    services.reviews.finalise(later.id)
    with pytest.raises(ForbiddenChangeError, match="followed up in a finalised review"):
        services.reviews.delete(review.id)
    assert services.reviews.get(review.id).goals == (goal,)
    assert services.reviews.verify_fingerprint(later.id)


def test_review_whose_goals_were_followed_up_in_an_open_one_can_go(
    services: Services, member: StaffMember, review: Review
) -> None:
    goal = services.goals.add(review.id, GoalDraft("Learn the catalogue")).goals[0]
    later = services.reviews.start(_draft(member, "2025-01-01", "2025-12-31"))
    services.goals.add(later.id, GoalDraft("Learn the catalogue"), carried_from_id=goal.id)
    services.reviews.delete(review.id)
    assert services.reviews.get(later.id).goals[0].carried_from_id is None
