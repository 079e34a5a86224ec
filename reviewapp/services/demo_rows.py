"""Demo reviews as rows for bulk inserts, stored the way ReviewService stores them.

A finalised review is inserted while in progress, with its parts, and finalised afterwards by an
UPDATE that adds the staff snapshots and the fingerprint: the triggers refuse parts added to a
finalised review.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.fingerprint import fingerprint
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Review, ReviewStatus
from reviewapp.services.demo_build import Batch
from reviewapp.services.staff import sort_key


def add_review(batch: Batch, review: Review) -> None:
    """The review row and its ratings, goals and sign-offs."""
    final = review.status == ReviewStatus.FINALISED
    batch.reviews.append(
        {
            "id": review.id,
            "uuid": review.uuid,
            "staff_id": review.staff_id,
            "framework_id": review.framework_id,
            "reviewer_name": review.reviewer_name,
            "review_type": review.review_type.value,
            "period_start": review.period_start,
            "period_end": review.period_end,
            "meeting_date": review.meeting_date,
            # A finalised review's parts are stored while it is still in progress.
            "status": ReviewStatus.IN_PROGRESS.value if final else review.status.value,
            "overall_override": review.overall_override,
            "override_reason": review.override_reason,
            "strengths": review.strengths,
            "development_areas": review.development_areas,
            "employee_comments": review.employee_comments,
            "staff_name_snapshot": None,
            "employee_number_snapshot": None,
            "position_snapshot": None,
            "branch_snapshot": None,
            "fingerprint": None,
            "finalised_at": None,
            "created_at": review.created_at,
            "updated_at": review.created_at if final else review.updated_at,
        }
    )
    for item in review.competencies:
        batch.competency_ratings.append(
            {
                "review_id": review.id,
                "competency_id": item.competency_id,
                "rating": item.assessment.rating,
                "not_observed": item.assessment.not_observed,
                "comment": item.comment,
            }
        )
    for indicator_id, assessment in review.indicators:
        batch.indicator_ratings.append(
            {
                "review_id": review.id,
                "indicator_id": indicator_id,
                "rating": assessment.rating,
                "not_observed": assessment.not_observed,
            }
        )
    for goal in review.goals:
        batch.goals.append(
            {
                "id": goal.id,
                "uuid": goal.uuid,
                "review_id": review.id,
                "position": goal.position,
                "description": goal.description,
                "success_measure": goal.success_measure,
                "target_date": goal.target_date,
                "support": goal.support,
                "status": goal.status.value,
                "carried_from_id": goal.carried_from_id,
            }
        )
    for signoff in review.signoffs:
        batch.signoffs.append(
            {
                "review_id": review.id,
                "role": signoff.role.value,
                "name": signoff.name,
                "signed_on": signoff.signed_on,
                "statement": signoff.statement,
            }
        )


def add_finalisation(
    batch: Batch, framework: Framework, review: Review, notes: Sequence[EvidenceNote]
) -> None:
    """What finalising stores: the status, snapshots of the staff record, the fingerprint."""
    assert review.finalised_at is not None
    batch.finalise.append(
        {
            "b_id": review.id,
            "b_status": ReviewStatus.FINALISED.value,
            "b_fingerprint": fingerprint(framework, review, notes),
            "b_name": review.staff_name,
            "b_number": review.employee_number,
            "b_position": review.staff_position,
            "b_branch": review.branch_name,
            "b_name_key": sort_key(review.staff_name),
            "b_branch_key": sort_key(review.branch_name),
            "b_finalised_at": review.finalised_at,
            "b_updated_at": review.finalised_at,
        }
    )
