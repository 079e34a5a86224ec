"""Finalising: what it needs, what it freezes, and that nothing changes afterwards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from service_helpers import make_ready, snapshot

from reviewapp.domain.errors import ForbiddenChangeError, ValidationError
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import (
    UNRATED,
    Assessment,
    GoalDraft,
    Review,
    ReviewDraft,
    ReviewStatus,
    ReviewType,
    SignOffRole,
)
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services


def test_finalise_refused_listing_exactly_what_is_missing(
    services: Services, ready: Review, framework: Framework
) -> None:
    third, sixth = framework.competencies[2], framework.competencies[5]
    services.reviews.set_competency(ready.id, third.id, UNRATED)
    services.reviews.set_competency(ready.id, sixth.id, UNRATED)
    services.reviews.withdraw_sign_off(ready.id, SignOffRole.REVIEWER)
    expected = [
        f"Competency CS3 needs a rating or 'not observed': {third.statement}",
        f"Competency CS6 needs a rating or 'not observed': {sixth.statement}",
        "The reviewer has not signed off.",
    ]
    assert services.reviews.finalise_problems(ready.id) == expected
    before = snapshot(services)
    with pytest.raises(ForbiddenChangeError) as info:
        services.reviews.finalise(ready.id)
    assert str(info.value) == "The review cannot be finalised yet:\n- " + "\n- ".join(expected)
    assert snapshot(services) == before
    assert services.reviews.get(ready.id).status == ReviewStatus.IN_PROGRESS


def test_finalise(services: Services, ready: Review) -> None:
    assert services.reviews.finalise_problems(ready.id) == []
    final = services.reviews.finalise(ready.id)
    assert final.status == ReviewStatus.FINALISED
    assert final.is_finalised
    assert final.fingerprint is not None and len(final.fingerprint) == 64
    assert final.finalised_at is not None
    assert services.reviews.verify_fingerprint(ready.id) is True
    assert services.reviews.get(ready.id) == final
    assert services.reviews.finalise_problems(ready.id) == ["The review is already finalised."]


def test_fingerprint_verification_notices_tampering(services: Services, ready: Review) -> None:
    services.reviews.finalise(ready.id)
    with services.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER trg_reviews_finalised_upd")
        connection.exec_driver_sql(f"UPDATE reviews SET strengths = 'forged' WHERE id = {ready.id}")
    assert services.reviews.verify_fingerprint(ready.id) is False


def test_open_review_has_no_fingerprint_to_verify(services: Services, ready: Review) -> None:
    assert services.reviews.verify_fingerprint(ready.id) is False


def test_staff_details_are_kept_as_they_were(
    services: Services, ready: Review, member: StaffMember
) -> None:
    final = services.reviews.finalise(ready.id)
    services.staff.update(
        member.id, StaffDraft("Élodie Roy", "E-999", position="Branch Head", branch_name="North")
    )
    kept = services.reviews.get(ready.id)
    assert (kept.staff_name, kept.employee_number, kept.staff_position, kept.branch_name) == (
        "Élodie Tremblay",
        "E-100",
        "Library Assistant",
        "Central",
    )
    assert kept == final
    assert services.reviews.verify_fingerprint(ready.id)
    [summary] = services.reviews.list()
    assert (summary.staff_name, summary.branch_name) == ("Élodie Tremblay", "Central")


def test_open_review_follows_the_staff_record(
    services: Services, ready: Review, member: StaffMember
) -> None:
    services.staff.update(member.id, StaffDraft("Élodie Roy", "E-100", branch_name="North"))
    current = services.reviews.get(ready.id)
    assert (current.staff_name, current.branch_name) == ("Élodie Roy", "North")


def _note(services: Services, member: StaffMember, framework: Framework, day: date) -> int:
    draft = EvidenceDraft(framework.competencies[0].id, day, EvidenceSource.COMPLIMENT, f"On {day}")
    return services.evidence.add(member.id, draft).id


def test_notes_in_the_period_are_frozen_and_others_not(
    services: Services, ready: Review, member: StaffMember, framework: Framework
) -> None:
    inside = [_note(services, member, framework, date(2024, d, 1)) for d in (1, 6, 12)]
    edge = _note(services, member, framework, date(2024, 12, 31))
    outside = [
        _note(services, member, framework, day) for day in (date(2023, 12, 31), date(2025, 1, 1))
    ]
    services.reviews.finalise(ready.id)
    assert [services.evidence.get(n).frozen for n in [*inside, edge]] == [True] * 4
    assert [services.evidence.get(n).frozen for n in outside] == [False, False]
    assert [n.id for n in services.reviews.notes(ready.id)] == [*inside, edge]
    with pytest.raises(ForbiddenChangeError, match="finalised review"):
        services.evidence.update(
            inside[0],
            EvidenceDraft(
                framework.competencies[0].id, date(2024, 1, 1), EvidenceSource.OTHER, "Edited"
            ),
        )
    with pytest.raises(ForbiddenChangeError):
        services.evidence.delete(edge)
    services.evidence.delete(outside[0])
    assert services.reviews.verify_fingerprint(ready.id)


def _edits(
    services: Services, review_id: int, framework: Framework
) -> dict[str, Callable[[], object]]:
    first = framework.competencies[0]
    reviews, goals = services.reviews, services.goals
    return {
        "rating": lambda: reviews.set_competency(review_id, first.id, Assessment(1)),
        "comment": lambda: reviews.set_comment(review_id, first.id, "Changed"),
        "indicator": lambda: reviews.set_indicator(
            review_id, first.indicators[0].id, Assessment(1)
        ),
        "text": lambda: reviews.set_text(review_id, "strengths", "Changed"),
        "override": lambda: reviews.set_override(review_id, 1, "Changed"),
        "setup": lambda: reviews.update_setup(
            review_id,
            reviewer_name="X",
            review_type=ReviewType.ANNUAL,
            period_start=date(2024, 1, 1),
            period_end=date(2024, 12, 31),
            meeting_date=None,
        ),
        "sign-off": lambda: reviews.sign_off(
            review_id, SignOffRole.EMPLOYEE, "E", date(2025, 1, 1), ""
        ),
        "withdraw sign-off": lambda: reviews.withdraw_sign_off(review_id, SignOffRole.REVIEWER),
        "finalise again": lambda: reviews.finalise(review_id),
        "delete": lambda: reviews.delete(review_id),
        "add goal": lambda: goals.add(review_id, GoalDraft("New goal")),
        "update goal": lambda: goals.update(
            review_id, reviews.get(review_id).goals[0].id, GoalDraft("Changed")
        ),
        "remove goal": lambda: goals.remove(review_id, reviews.get(review_id).goals[0].id),
    }


EDITS = [
    "rating", "comment", "indicator", "text", "override", "setup", "sign-off", "withdraw sign-off",
    "finalise again", "delete", "add goal", "update goal", "remove goal",
]  # fmt: skip


@pytest.mark.parametrize("edit", EDITS)
def test_every_edit_of_a_finalised_review_is_refused(
    services: Services, ready: Review, framework: Framework, edit: str
) -> None:
    services.goals.add(ready.id, GoalDraft("Lead a workshop"))
    services.reviews.finalise(ready.id)
    before = snapshot(services)
    with pytest.raises(ForbiddenChangeError):
        _edits(services, ready.id, framework)[edit]()
    assert snapshot(services) == before
    assert services.reviews.verify_fingerprint(ready.id)


def test_edit_table_covers_every_edit(services: Services, framework: Framework) -> None:
    assert sorted(_edits(services, 0, framework)) == sorted(EDITS)


def test_addendum_only_after_finalisation(services: Services, ready: Review) -> None:
    with pytest.raises(ForbiddenChangeError, match="finalised reviews"):
        services.reviews.add_addendum(ready.id, "Rita", date(2025, 2, 1), "Too early")
    services.reviews.finalise(ready.id)
    added = services.reviews.add_addendum(ready.id, " Rita ", date(2025, 2, 1), "Corrected a date.")
    assert (added.author, added.text) == ("Rita", "Corrected a date.")
    stored = services.reviews.get(ready.id)
    assert [a.text for a in stored.addenda] == ["Corrected a date."]
    assert services.reviews.verify_fingerprint(ready.id)
    with pytest.raises(ValidationError) as info:
        services.reviews.add_addendum(ready.id, "Rita", date(2025, 2, 1), "  ")
    assert info.value.field == "text"


def test_empty_staff_details_are_kept_empty(
    services: Services, member: StaffMember, framework: Framework
) -> None:
    """A blank position or no branch at finalising stays blank, whatever the record says later."""
    bare = services.staff.create(StaffDraft("Bo Diddley", "E-300"))
    review = services.reviews.start(
        ReviewDraft(bare.id, "Rita", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 12, 31))
    )
    make_ready(services, review.id, framework)
    services.reviews.finalise(review.id)
    services.staff.update(bare.id, StaffDraft("Bo Diddley", "E-300", "Page", "North"))
    kept = services.reviews.get(review.id)
    assert (kept.staff_position, kept.branch_name) == ("", "")
    assert services.reviews.verify_fingerprint(review.id)
    [summary] = services.reviews.list(staff_id=bare.id)
    assert summary.branch_name == ""
