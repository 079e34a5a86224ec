"""The fingerprint of a review as a package gives it, computed without a database."""

from __future__ import annotations

from dataclasses import replace

from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.fingerprint import fingerprint
from reviewapp.domain.framework import Competency, Framework, Indicator
from reviewapp.domain.package_format import Package, PackagedReview, PackagedSnapshot
from reviewapp.domain.review import (
    Addendum,
    Assessment,
    CompetencyAssessment,
    Goal,
    Review,
)


def _numbered(framework: Framework) -> Framework:
    """The framework with distinct ids, so that ratings can be looked up as in a database."""
    counter = iter(range(1, 1_000_000))
    competencies = tuple(
        Competency(
            n + 1,
            c.code,
            c.statement,
            n,
            tuple(Indicator(next(counter), i.code, i.text, m) for m, i in enumerate(c.indicators)),
        )
        for n, c in enumerate(framework.competencies)
    )
    return replace(framework, id=1, competencies=competencies)


def package_fingerprint(package: Package, review: PackagedReview) -> str:
    """The fingerprint the review's content in the package has (compare with the stored one)."""
    framework = _numbered(package.framework(review.framework))
    competency_ids = {c.code: c.id for c in framework.competencies}
    indicator_ids = {i.code: i.id for c in framework.competencies for i in c.indicators}
    snapshot = review.snapshot or PackagedSnapshot("", "", "", "")
    as_review = Review(
        id=0,
        uuid=review.uuid,
        staff_id=0,
        staff_name=snapshot.staff_name,
        employee_number=snapshot.employee_number,
        staff_position=snapshot.position,
        branch_name=snapshot.branch,
        reviewer_name=review.reviewer_name,
        review_type=review.review_type,
        period_start=review.period_start,
        period_end=review.period_end,
        meeting_date=review.meeting_date,
        status=review.status,
        framework_id=framework.id,
        competencies=tuple(
            CompetencyAssessment(
                competency_ids[r.code], Assessment(r.rating, r.not_observed), r.comment
            )
            for r in review.competencies
        ),
        indicators=tuple(
            (indicator_ids[r.code], Assessment(r.rating, r.not_observed)) for r in review.indicators
        ),
        overall_override=review.overall_override,
        override_reason=review.override_reason,
        strengths=review.strengths,
        development_areas=review.development_areas,
        employee_comments=review.employee_comments,
        goals=tuple(
            Goal(
                0,
                g.uuid,
                g.position,
                g.description,
                g.success_measure,
                g.target_date,
                g.support,
                g.status,
            )
            for g in review.goals
        ),
        signoffs=review.signoffs,
        addenda=tuple(
            Addendum(0, a.uuid, a.author, a.written_on, a.text, a.created_at)
            for a in review.addenda
        ),
        fingerprint=review.fingerprint,
        finalised_at=review.finalised_at,
        created_at=review.created_at,
        updated_at=review.updated_at,
    )
    notes = [
        EvidenceNote(
            id=0,
            uuid=n.uuid,
            staff_id=0,
            competency_id=competency_ids[n.competency],
            indicator_id=indicator_ids[n.indicator] if n.indicator else None,
            observed_on=n.observed_on,
            source=n.source,
            text=n.text,
            created_at=n.created_at,
            updated_at=n.updated_at,
        )
        for n in package.notes_of(review)
    ]
    return fingerprint(framework, as_review, notes)
