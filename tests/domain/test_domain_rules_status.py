"""Status rules: which changes a review may go through, and what each status allows."""

from __future__ import annotations

import itertools

import pytest

from reviewapp.domain.errors import ForbiddenChangeError
from reviewapp.domain.review import ReviewStatus
from reviewapp.domain.rules import (
    TRANSITIONS,
    check_transition,
    may_add_addendum,
    may_delete,
    require_editable,
    status_after_edit,
)

DRAFT, IN_PROGRESS, FINALISED = ReviewStatus.DRAFT, ReviewStatus.IN_PROGRESS, ReviewStatus.FINALISED
ALLOWED = {(DRAFT, IN_PROGRESS), (IN_PROGRESS, FINALISED)}
ALL_PAIRS = list(itertools.product(ReviewStatus, ReviewStatus))


def test_transition_table_lists_exactly_the_allowed_changes() -> None:
    assert set(TRANSITIONS) == set(ReviewStatus)
    table = {(current, new) for current, targets in TRANSITIONS.items() for new in targets}
    assert table == ALLOWED


@pytest.mark.parametrize(("current", "new"), sorted(ALLOWED))
def test_allowed_transitions_pass(current: ReviewStatus, new: ReviewStatus) -> None:
    check_transition(current, new)


@pytest.mark.parametrize(("current", "new"), [p for p in ALL_PAIRS if p not in ALLOWED])
def test_other_transitions_are_refused(current: ReviewStatus, new: ReviewStatus) -> None:
    with pytest.raises(ForbiddenChangeError) as info:
        check_transition(current, new)
    message = str(info.value)
    assert current.label.lower() in message
    assert new.label.lower() in message


def test_refusal_reads_as_a_sentence() -> None:
    with pytest.raises(ForbiddenChangeError, match=r"^A review that is finalised cannot become "):
        check_transition(FINALISED, IN_PROGRESS)


@pytest.mark.parametrize("status", [DRAFT, IN_PROGRESS])
def test_drafts_and_reviews_in_progress_are_editable(status: ReviewStatus) -> None:
    require_editable(status)


def test_finalised_review_is_not_editable_and_points_to_addenda() -> None:
    with pytest.raises(ForbiddenChangeError, match="addendum"):
        require_editable(FINALISED)


@pytest.mark.parametrize(
    ("before", "after"),
    [(DRAFT, IN_PROGRESS), (IN_PROGRESS, IN_PROGRESS), (FINALISED, FINALISED)],
)
def test_status_after_edit(before: ReviewStatus, after: ReviewStatus) -> None:
    assert status_after_edit(before) is after


@pytest.mark.parametrize(
    ("status", "deletable", "addendum"),
    [(DRAFT, True, False), (IN_PROGRESS, True, False), (FINALISED, False, True)],
)
def test_delete_and_addendum_depend_on_finalisation(
    status: ReviewStatus, deletable: bool, addendum: bool
) -> None:
    assert may_delete(status) is deletable
    assert may_add_addendum(status) is addendum


def test_status_labels() -> None:
    assert [s.label for s in ReviewStatus] == ["Draft", "In progress", "Finalised"]
