"""Turn ORM rows into domain values, so nothing above the store sees an ORM instance."""

from __future__ import annotations

from reviewapp.db.models import (
    AddendumRow,
    EvidenceNoteRow,
    FrameworkRow,
    GoalRow,
    ReviewRow,
    StaffRow,
)
from reviewapp.domain.evidence import EvidenceNote, EvidenceSource
from reviewapp.domain.framework import (
    Competency,
    Framework,
    Indicator,
    RatingLevel,
    RatingScale,
)
from reviewapp.domain.review import (
    Addendum,
    Assessment,
    CompetencyAssessment,
    Goal,
    GoalStatus,
    Review,
    ReviewStatus,
    ReviewType,
    SignOff,
    SignOffRole,
)
from reviewapp.domain.staff import StaffMember


def framework(row: FrameworkRow, *, in_use: bool = False) -> Framework:
    return Framework(
        id=row.id,
        key=row.key,
        version=row.version,
        title=row.title,
        description=row.description,
        source=row.source,
        attribution=row.attribution,
        published=row.published,
        indicator_heading=row.indicator_heading,
        scale=RatingScale(
            tuple(RatingLevel(lv.value, lv.label, lv.description) for lv in row.levels),
            row.not_observed_label,
        ),
        competencies=tuple(
            Competency(
                c.id,
                c.code,
                c.statement,
                c.position,
                tuple(Indicator(i.id, i.code, i.text, i.position) for i in c.indicators),
            )
            for c in row.competencies
        ),
        in_use=in_use,
    )


def staff(row: StaffRow) -> StaffMember:
    return StaffMember(
        id=row.id,
        uuid=row.uuid,
        name=row.name,
        preferred_name=row.preferred_name,
        employee_number=row.employee_number,
        position=row.position,
        branch_id=row.branch_id,
        branch_name=row.branch.name if row.branch else "",
        start_date=row.start_date,
        email=row.email,
        active=row.active,
    )


def goal(row: GoalRow) -> Goal:
    return Goal(
        id=row.id,
        uuid=row.uuid,
        position=row.position,
        description=row.description,
        success_measure=row.success_measure,
        target_date=row.target_date,
        support=row.support,
        status=GoalStatus(row.status),
        carried_from_id=row.carried_from_id,
    )


def addendum(row: AddendumRow) -> Addendum:
    return Addendum(row.id, row.uuid, row.author, row.written_on, row.text, row.created_at)


def _kept(finalised: bool, snapshot: str | None, current: str) -> str:
    return snapshot if finalised and snapshot is not None else current


def review(row: ReviewRow) -> Review:
    member = row.staff
    finalised = row.status == ReviewStatus.FINALISED
    return Review(
        id=row.id,
        uuid=row.uuid,
        staff_id=row.staff_id,
        # A finalised review shows what the record said then, even a blank position or no branch.
        staff_name=_kept(finalised, row.staff_name_snapshot, member.name),
        employee_number=_kept(finalised, row.employee_number_snapshot, member.employee_number),
        staff_position=_kept(finalised, row.position_snapshot, member.position),
        branch_name=_kept(
            finalised, row.branch_snapshot, member.branch.name if member.branch else ""
        ),
        reviewer_name=row.reviewer_name,
        review_type=ReviewType(row.review_type),
        period_start=row.period_start,
        period_end=row.period_end,
        meeting_date=row.meeting_date,
        status=ReviewStatus(row.status),
        framework_id=row.framework_id,
        competencies=tuple(
            CompetencyAssessment(r.competency_id, Assessment(r.rating, r.not_observed), r.comment)
            for r in sorted(row.competency_ratings, key=lambda r: r.competency_id)
        ),
        indicators=tuple(
            (r.indicator_id, Assessment(r.rating, r.not_observed))
            for r in sorted(row.indicator_ratings, key=lambda r: r.indicator_id)
        ),
        overall_override=row.overall_override,
        override_reason=row.override_reason,
        strengths=row.strengths,
        development_areas=row.development_areas,
        employee_comments=row.employee_comments,
        goals=tuple(goal(g) for g in row.goals),
        signoffs=tuple(
            SignOff(SignOffRole(s.role), s.name, s.signed_on, s.statement)
            for s in sorted(row.signoffs, key=lambda s: s.role, reverse=True)
        ),
        addenda=tuple(addendum(a) for a in row.addenda),
        fingerprint=row.fingerprint,
        finalised_at=row.finalised_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def note(row: EvidenceNoteRow) -> EvidenceNote:
    return EvidenceNote(
        id=row.id,
        uuid=row.uuid,
        staff_id=row.staff_id,
        competency_id=row.competency_id,
        indicator_id=row.indicator_id,
        observed_on=row.observed_on,
        source=EvidenceSource(row.source),
        text=row.text,
        created_at=row.created_at,
        updated_at=row.updated_at,
        frozen=row.frozen_by_review_id is not None,
    )
