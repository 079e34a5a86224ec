"""Seed a database the way the app writes it: a finalised review, an open one, notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.review import Assessment, GoalDraft, ReviewDraft, ReviewType, SignOffRole
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


@dataclass(frozen=True)
class Seeded:
    path: Path
    staff_id: int
    framework_id: int
    competency_ids: list[int]
    indicator_ids: list[int]
    final_id: int
    open_id: int
    frozen_note_id: int
    loose_note_id: int
    goal_id: int
    addendum_id: int


def seed(path: Path) -> Seeded:
    services = Services.open(path)
    try:
        staff = services.staff.create(
            StaffDraft("Sam Staff", "E-100", position="Assistant", branch_name="Central")
        )
        framework = services.frameworks.current()
        comps = [c.id for c in framework.competencies]
        indicators = [i.id for i in framework.competencies[0].indicators]
        frozen = services.evidence.add(
            staff.id,
            EvidenceDraft(
                comps[0], date(2023, 5, 1), EvidenceSource.COMPLIMENT, "Kind", indicators[0]
            ),
        )
        final = services.reviews.start(
            ReviewDraft(
                staff.id, "Rita Reviewer", ReviewType.ANNUAL, date(2023, 1, 1), date(2023, 12, 31)
            )
        )
        for competency_id in comps:
            services.reviews.set_competency(final.id, competency_id, Assessment(4))
        services.reviews.set_indicator(final.id, indicators[0], Assessment(3))
        goal = services.goals.add(final.id, GoalDraft("Run a story time")).goals[0]
        services.reviews.sign_off(
            final.id, SignOffRole.REVIEWER, "Rita Reviewer", date(2024, 1, 10), "Reviewed."
        )
        services.reviews.finalise(final.id)
        addendum = services.reviews.add_addendum(final.id, "Rita", date(2024, 2, 1), "Late note.")
        opened = services.reviews.start(
            ReviewDraft(
                staff.id, "Rita Reviewer", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 12, 31)
            )
        )
        services.reviews.set_competency(opened.id, comps[0], Assessment(3))
        loose = services.evidence.add(
            staff.id, EvidenceDraft(comps[1], date(2024, 3, 1), EvidenceSource.OTHER, "Helpful")
        )
        return Seeded(
            path=path,
            staff_id=staff.id,
            framework_id=framework.id,
            competency_ids=comps,
            indicator_ids=indicators,
            final_id=final.id,
            open_id=opened.id,
            frozen_note_id=frozen.id,
            loose_note_id=loose.id,
            goal_id=goal.id,
            addendum_id=addendum.id,
        )
    finally:
        services.close()
