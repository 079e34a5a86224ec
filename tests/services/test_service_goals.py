"""Development goals: add, change, remove, and follow up the open ones of the previous review."""

from __future__ import annotations

from datetime import date

import pytest
from service_helpers import make_ready

from reviewapp.domain.errors import NotFoundError, ValidationError
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import (
    GoalDraft,
    GoalStatus,
    Review,
    ReviewDraft,
    ReviewStatus,
    ReviewType,
)
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services


def test_add_update_remove(services: Services, review: Review) -> None:
    first = services.goals.add(
        review.id, GoalDraft(" Run a story time ", "Twice a month", date(2025, 6, 30), "Coaching")
    )
    assert first.status == ReviewStatus.IN_PROGRESS
    [goal] = first.goals
    assert (goal.description, goal.success_measure, goal.support) == (
        "Run a story time",
        "Twice a month",
        "Coaching",
    )
    assert (goal.target_date, goal.status, goal.position) == (date(2025, 6, 30), GoalStatus.OPEN, 0)
    second = services.goals.add(review.id, GoalDraft("Learn the catalogue"))
    assert [g.position for g in second.goals] == [0, 1]
    updated = services.goals.update(
        review.id, goal.id, GoalDraft("Run a story time", status=GoalStatus.ACHIEVED)
    )
    assert updated.goals[0].status == GoalStatus.ACHIEVED
    assert updated.goals[0].target_date is None
    assert updated.goals[0].uuid == goal.uuid
    removed = services.goals.remove(review.id, goal.id)
    assert [g.description for g in removed.goals] == ["Learn the catalogue"]
    assert services.reviews.get(review.id).goals == removed.goals


def test_new_goal_goes_after_the_last_even_after_removal(
    services: Services, review: Review
) -> None:
    a = services.goals.add(review.id, GoalDraft("A")).goals[0]
    services.goals.add(review.id, GoalDraft("B"))
    services.goals.remove(review.id, a.id)
    after = services.goals.add(review.id, GoalDraft("C"))
    assert [(g.description, g.position) for g in after.goals] == [("B", 1), ("C", 2)]


def test_goal_needs_a_description(services: Services, review: Review) -> None:
    with pytest.raises(ValidationError) as info:
        services.goals.add(review.id, GoalDraft("   "))
    assert info.value.field == "description"
    assert services.reviews.get(review.id).goals == ()
    assert services.reviews.get(review.id).status == ReviewStatus.DRAFT


def test_goal_of_another_review(services: Services, review: Review, member: StaffMember) -> None:
    other = services.reviews.start(
        ReviewDraft(member.id, "Rita", ReviewType.ANNUAL, date(2025, 1, 1), date(2025, 12, 31))
    )
    goal = services.goals.add(other.id, GoalDraft("Elsewhere")).goals[0]
    with pytest.raises(NotFoundError, match="not part of this review"):
        services.goals.update(review.id, goal.id, GoalDraft("Moved"))
    with pytest.raises(NotFoundError):
        services.goals.remove(review.id, goal.id)
    assert services.reviews.get(other.id).goals == (goal,)


def test_previous_open_goals(
    services: Services, member: StaffMember, review: Review, framework: Framework
) -> None:
    earlier = services.reviews.start(
        ReviewDraft(member.id, "Rita", ReviewType.ANNUAL, date(2023, 1, 1), date(2023, 12, 31))
    )
    oldest = services.reviews.start(
        ReviewDraft(member.id, "Rita", ReviewType.ANNUAL, date(2022, 1, 1), date(2022, 12, 31))
    )
    services.goals.add(oldest.id, GoalDraft("Too old"))
    for description, status in [
        ("Open", GoalStatus.OPEN),
        ("Going", GoalStatus.IN_PROGRESS),
        ("Done", GoalStatus.ACHIEVED),
        ("Dropped", GoalStatus.WITHDRAWN),
        ("Missed", GoalStatus.NOT_ACHIEVED),
    ]:
        services.goals.add(earlier.id, GoalDraft(description, status=status))
    make_ready(services, earlier.id, framework)
    services.reviews.finalise(earlier.id)
    previous = services.goals.previous_open(review.id)
    assert [g.description for g in previous] == ["Open", "Going"]
    assert services.goals.previous_open(oldest.id) == []
    assert [g.description for g in services.goals.open_for_staff(member.id)] == []
    carried = services.goals.add(review.id, GoalDraft("Open"), carried_from_id=previous[0].id)
    assert carried.goals[0].carried_from_id == previous[0].id
    assert [g.description for g in services.goals.open_for_staff(member.id)] == ["Open"]


def test_previous_open_ignores_other_staff(services: Services, review: Review) -> None:
    other = services.staff.create(StaffDraft("Bo", "E-2"))
    theirs = services.reviews.start(
        ReviewDraft(other.id, "Rita", ReviewType.ANNUAL, date(2023, 1, 1), date(2023, 12, 31))
    )
    services.goals.add(theirs.id, GoalDraft("Not yours"))
    assert services.goals.previous_open(review.id) == []


def test_following_up_an_unknown_goal(services: Services, review: Review) -> None:
    with pytest.raises(NotFoundError, match="no goal with id 9999"):
        services.goals.add(review.id, GoalDraft("x"), carried_from_id=9999)
    assert services.reviews.get(review.id).goals == ()
