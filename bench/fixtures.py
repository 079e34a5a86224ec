"""The review every editor benchmark opens: 7 competencies, 34 indicators rated, 50 notes.

It belongs to a dedicated staff member (employee number BENCH-0001) added to the benchmark
database the first time it is needed and reused afterwards, so every run opens the same review.
"""

from __future__ import annotations

from datetime import date, timedelta

from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.review import Assessment, GoalDraft, ReviewDraft, ReviewStatus, ReviewType
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services

EMPLOYEE_NUMBER = "BENCH-0001"
NOTES = 50
PERIOD = (date(2031, 1, 1), date(2031, 12, 31))  # after any demo data, so it overlaps nothing

_SOURCES = list(EvidenceSource)


def bench_review(services: Services) -> int:
    """The id of the benchmark review, created (in progress, fully rated) when missing."""
    existing = [m for m in services.staff.list() if m.employee_number == EMPLOYEE_NUMBER]
    if existing:
        for summary in services.reviews.list(staff_id=existing[0].id):
            if summary.status != ReviewStatus.FINALISED:
                return summary.id
    member = (
        existing[0]
        if existing
        else services.staff.create(
            StaffDraft("Benchmark Reviewee", EMPLOYEE_NUMBER, "Library Technician", "Central")
        )
    )
    framework = services.frameworks.current()
    review = services.reviews.start(
        ReviewDraft(member.id, "Bench Manager", ReviewType.ANNUAL, *PERIOD)
    )
    for n in range(NOTES):
        competency = framework.competencies[n % len(framework.competencies)]
        draft = EvidenceDraft(
            competency.id,
            PERIOD[0] + timedelta(days=n * 7),
            _SOURCES[n % len(_SOURCES)],
            f"Observation {n + 1}: helped a patron with the printer and an e-reader, explained "
            "the hold queue and followed up the next day. " * (1 + n % 3),
        )
        services.evidence.add(member.id, draft)
    for number, competency in enumerate(framework.competencies):
        services.reviews.set_competency(review.id, competency.id, Assessment(3 + number % 3))
        services.reviews.set_comment(
            review.id, competency.id, f"Comment on {competency.code}: steady and reliable."
        )
        for indicator in competency.indicators:
            services.reviews.set_indicator(review.id, indicator.id, Assessment(4))
    services.goals.add(review.id, GoalDraft("Lead one Tech Help drop-in a month."))
    return review.id
