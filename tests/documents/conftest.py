"""Reviews with content, made through the services, for document tests."""

from __future__ import annotations

from datetime import date

import pytest

from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.review import Assessment, ReviewDraft, ReviewType, SignOffRole
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


def make_review(services: Services, name: str, number: str, *, finalise: bool = False) -> int:
    member = services.staff.create(StaffDraft(name, number, "Library Technician", "Central"))
    review = services.reviews.start(
        ReviewDraft(
            member.id, "Pat Manager", ReviewType.ANNUAL, date(2025, 1, 1), date(2025, 12, 31)
        )
    )
    framework = services.reviews.framework_of(review.id)
    for n, competency in enumerate(framework.competencies):
        services.evidence.add(
            member.id,
            EvidenceDraft(
                competency.id, date(2025, 3, n + 1), EvidenceSource.COMPLIMENT, f"Note {n} AT&T <b>"
            ),
        )
        services.reviews.set_competency(review.id, competency.id, Assessment(3 + n % 3))
    if finalise:
        services.reviews.sign_off(
            review.id, SignOffRole.REVIEWER, "Pat Manager", date(2026, 1, 15), "Discussed."
        )
        services.reviews.finalise(review.id)
    return review.id


@pytest.fixture
def review_ids(services: Services) -> list[int]:
    return [
        make_review(services, "Élodie Tremblay", "E1", finalise=True),
        make_review(services, "王小明", "E2"),
        make_review(services, "Sam O'Neil", "E3"),
        make_review(services, "Sam O'Neil", "E4"),
        make_review(services, "CON", "E5"),
        make_review(services, "Zoë: A/B?", "E6"),
    ]
