"""The same store and services on PostgreSQL: schema, constraints, triggers, a whole review."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from reviewapp.domain.errors import ConflictError, ForbiddenChangeError
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.review import (
    NOT_OBSERVED,
    Assessment,
    GoalDraft,
    ReviewDraft,
    ReviewStatus,
    ReviewType,
    SignOffRole,
)
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


def _finalised_review(services: Services) -> int:
    member = services.staff.create(StaffDraft("Élodie Tremblay", "E100", "Clerk", "Main"))
    review = services.reviews.start(
        ReviewDraft(
            member.id, "Pat Manager", ReviewType.ANNUAL, date(2025, 1, 1), date(2025, 12, 31)
        )
    )
    framework = services.reviews.framework_of(review.id)
    services.evidence.add(
        member.id,
        EvidenceDraft(
            framework.competencies[0].id,
            date(2025, 3, 3),
            EvidenceSource.COMPLIMENT,
            "王小明 said AT&T <b>",
        ),
    )
    for n, competency in enumerate(framework.competencies):
        value = NOT_OBSERVED if n == 6 else Assessment(3 + n % 3)
        services.reviews.set_competency(review.id, competency.id, value)
    services.goals.add(review.id, GoalDraft("Lead a tech petting zoo", "Two sessions"))
    services.reviews.sign_off(review.id, SignOffRole.REVIEWER, "Pat", date(2026, 1, 10), "ok")
    return services.reviews.finalise(review.id).id


def test_whole_review_on_postgresql(pg_services: Services) -> None:
    assert pg_services.engine.dialect.name == "postgresql"
    review_id = _finalised_review(pg_services)
    review = pg_services.reviews.get(review_id)
    assert review.status == ReviewStatus.FINALISED
    assert pg_services.reviews.verify_fingerprint(review_id)
    [summary] = pg_services.reviews.list()
    assert summary.overall_rating == pytest.approx((3 + 4 + 5 + 3 + 4 + 5) / 6)
    assert summary.rated_count == 7
    assert [n.text for n in pg_services.reviews.notes(review_id)] == ["王小明 said AT&T <b>"]


def test_rules_hold_in_postgresql(pg_services: Services) -> None:
    review_id = _finalised_review(pg_services)
    review = pg_services.reviews.get(review_id)
    competency = pg_services.reviews.framework_of(review_id).competencies[0]
    with pytest.raises(ForbiddenChangeError):
        pg_services.reviews.set_competency(review_id, competency.id, Assessment(1))
    with pytest.raises(ConflictError, match="overlap"):
        pg_services.reviews.start(
            ReviewDraft(
                review.staff_id, "Pat", ReviewType.ANNUAL, date(2025, 6, 1), date(2026, 5, 31)
            )
        )
    refused = [
        "UPDATE reviews SET strengths = 'x'",
        "DELETE FROM competency_ratings",
        "UPDATE evidence_notes SET text = 'x'",
        "DELETE FROM goals",
        "UPDATE reviews SET period_end = period_start",
        "INSERT INTO staff (uuid, name, preferred_name, employee_number, position, email, active, "
        "sort_name) VALUES ('u', 'X', '', 'E100', '', '', true, 'x')",
    ]
    for statement in refused:
        with pytest.raises(DBAPIError), pg_services.engine.begin() as connection:
            connection.execute(text(statement))
    assert pg_services.reviews.verify_fingerprint(review_id)
