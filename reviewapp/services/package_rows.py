"""Between stored rows and package records: how a review is written out and built back in."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reviewapp.db import convert
from reviewapp.db.models import (
    AddendumRow,
    CompetencyRatingRow,
    CompetencyRow,
    EvidenceNoteRow,
    GoalRow,
    IndicatorRatingRow,
    IndicatorRow,
    ReviewRow,
    SignOffRow,
    StaffRow,
)
from reviewapp.domain.framework import Framework
from reviewapp.domain.package_format import (
    PackagedAddendum,
    PackagedGoal,
    PackagedNote,
    PackagedRating,
    PackagedReview,
    PackagedSnapshot,
    PackagedStaff,
)
from reviewapp.domain.review import GoalStatus, ReviewStatus, ReviewType
from reviewapp.services.evidence import notes_in_period
from reviewapp.services.staff import branch_id, sort_key

Codes = tuple[dict[str, int], dict[str, int]]  # competency code -> id, indicator code -> id


def packaged_staff(row: StaffRow) -> PackagedStaff:
    return PackagedStaff(
        uuid=row.uuid,
        employee_number=row.employee_number,
        name=row.name,
        preferred_name=row.preferred_name,
        position=row.position,
        branch=row.branch.name if row.branch else "",
        start_date=row.start_date,
        email=row.email,
        active=row.active,
    )


def packaged_review(session: Session, row: ReviewRow, framework: Framework) -> PackagedReview:
    """A stored review as it appears in a package (ratings in framework order)."""
    codes = {c.id: c.code for c in framework.competencies}
    order = {c.id: c.position for c in framework.competencies}
    indicator_codes = {i.id: i.code for c in framework.competencies for i in c.indicators}
    indicator_order = {
        i.id: n for n, i in enumerate(i for c in framework.competencies for i in c.indicators)
    }
    carried = {g.carried_from_id for g in row.goals if g.carried_from_id is not None}
    carried_uuids: dict[int, str] = dict(
        session.execute(select(GoalRow.id, GoalRow.uuid).where(GoalRow.id.in_(carried)))
        .tuples()
        .all()
    )
    review = convert.review(row)
    finalised = row.status == ReviewStatus.FINALISED
    return PackagedReview(
        uuid=row.uuid,
        staff=row.staff.uuid,
        framework=(framework.key, framework.version),
        reviewer_name=row.reviewer_name,
        review_type=ReviewType(row.review_type),
        period_start=row.period_start,
        period_end=row.period_end,
        meeting_date=row.meeting_date,
        status=ReviewStatus(row.status),
        competencies=tuple(
            PackagedRating(codes[r.competency_id], r.rating, r.not_observed, r.comment)
            for r in sorted(row.competency_ratings, key=lambda r: order[r.competency_id])
        ),
        indicators=tuple(
            PackagedRating(indicator_codes[r.indicator_id], r.rating, r.not_observed)
            for r in sorted(row.indicator_ratings, key=lambda r: indicator_order[r.indicator_id])
        ),
        overall_override=row.overall_override,
        override_reason=row.override_reason,
        strengths=row.strengths,
        development_areas=row.development_areas,
        employee_comments=row.employee_comments,
        goals=tuple(
            PackagedGoal(
                g.uuid,
                g.position,
                g.description,
                g.success_measure,
                g.target_date,
                g.support,
                GoalStatus(g.status),
                carried_uuids.get(g.carried_from_id) if g.carried_from_id else None,
            )
            for g in row.goals
        ),
        signoffs=review.signoffs,
        addenda=tuple(
            PackagedAddendum(a.uuid, a.author, a.written_on, a.text, a.created_at)
            for a in row.addenda
        ),
        snapshot=PackagedSnapshot(
            row.staff_name_snapshot or "",
            row.employee_number_snapshot or "",
            row.position_snapshot or "",
            row.branch_snapshot or "",
        )
        if finalised
        else None,
        fingerprint=row.fingerprint,
        finalised_at=row.finalised_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def packaged_notes(
    session: Session, row: ReviewRow, framework: Framework, staff_uuid: str
) -> list[PackagedNote]:
    codes = {c.id: c.code for c in framework.competencies}
    indicator_codes = {i.id: i.code for c in framework.competencies for i in c.indicators}
    return [
        PackagedNote(
            uuid=n.uuid,
            staff=staff_uuid,
            framework=(framework.key, framework.version),
            competency=codes[n.competency_id],
            indicator=indicator_codes[n.indicator_id] if n.indicator_id else None,
            observed_on=n.observed_on,
            source=n.source,
            text=n.text,
            created_at=n.created_at,
            updated_at=n.updated_at,
        )
        for n in notes_in_period(
            session, row.staff_id, row.framework_id, row.period_start, row.period_end
        )
    ]


def framework_codes(session: Session, framework_id: int) -> Codes:
    competencies: dict[str, int] = dict(
        session.execute(
            select(CompetencyRow.code, CompetencyRow.id).where(
                CompetencyRow.framework_id == framework_id
            )
        )
        .tuples()
        .all()
    )
    indicators: dict[str, int] = dict(
        session.execute(
            select(IndicatorRow.code, IndicatorRow.id)
            .join(CompetencyRow, CompetencyRow.id == IndicatorRow.competency_id)
            .where(CompetencyRow.framework_id == framework_id)
        )
        .tuples()
        .all()
    )
    return competencies, indicators


def new_staff(session: Session, member: PackagedStaff) -> int:
    row = StaffRow(
        uuid=member.uuid,
        name=member.name,
        sort_name=sort_key(member.name),
        preferred_name=member.preferred_name,
        employee_number=member.employee_number,
        position=member.position,
        branch_id=branch_id(session, member.branch),
        start_date=member.start_date,
        email=member.email,
        active=member.active,
    )
    session.add(row)
    session.flush()
    return row.id


def new_review(
    session: Session, review: PackagedReview, staff_id: int, framework_id: int, codes: Codes
) -> ReviewRow:
    """Store a review with its ratings, goals and sign-offs; a finalised one as in progress."""
    competencies, indicators = codes
    status = review.status
    if status == ReviewStatus.FINALISED:
        status = ReviewStatus.IN_PROGRESS
    row = ReviewRow(
        uuid=review.uuid,
        staff_id=staff_id,
        framework_id=framework_id,
        reviewer_name=review.reviewer_name,
        review_type=review.review_type.value,
        period_start=review.period_start,
        period_end=review.period_end,
        meeting_date=review.meeting_date,
        status=status.value,
        overall_override=review.overall_override,
        override_reason=review.override_reason,
        strengths=review.strengths,
        development_areas=review.development_areas,
        employee_comments=review.employee_comments,
        created_at=review.created_at,
        updated_at=review.updated_at,
        competency_ratings=[
            CompetencyRatingRow(
                competency_id=competencies[r.code],
                rating=r.rating,
                not_observed=r.not_observed,
                comment=r.comment,
            )
            for r in review.competencies
        ],
        indicator_ratings=[
            IndicatorRatingRow(
                indicator_id=indicators[r.code], rating=r.rating, not_observed=r.not_observed
            )
            for r in review.indicators
        ],
        goals=[
            GoalRow(
                uuid=g.uuid,
                position=g.position,
                description=g.description,
                success_measure=g.success_measure,
                target_date=g.target_date,
                support=g.support,
                status=g.status.value,
            )
            for g in review.goals
        ],
        signoffs=[
            SignOffRow(role=s.role.value, name=s.name, signed_on=s.signed_on, statement=s.statement)
            for s in review.signoffs
        ],
    )
    session.add(row)
    return row


def new_note(session: Session, note: PackagedNote, staff_id: int, codes: Codes) -> None:
    competencies, indicators = codes
    session.add(
        EvidenceNoteRow(
            uuid=note.uuid,
            staff_id=staff_id,
            competency_id=competencies[note.competency],
            indicator_id=indicators[note.indicator] if note.indicator else None,
            observed_on=note.observed_on,
            source=note.source.value,
            text=note.text,
            created_at=note.created_at,
            updated_at=note.updated_at,
        )
    )


def finalise_row(session: Session, row: ReviewRow, review: PackagedReview) -> None:
    """Finalise as ReviewService.finalise does, but with the package's snapshot and times."""
    assert review.snapshot is not None and review.fingerprint is not None
    notes = notes_in_period(
        session, row.staff_id, row.framework_id, row.period_start, row.period_end
    )
    session.execute(
        update(EvidenceNoteRow)
        .where(EvidenceNoteRow.id.in_([n.id for n in notes]))
        .where(EvidenceNoteRow.frozen_by_review_id.is_(None))
        .values(frozen_by_review_id=row.id)
    )
    row.staff_name_snapshot = review.snapshot.staff_name
    row.employee_number_snapshot = review.snapshot.employee_number
    row.position_snapshot = review.snapshot.position
    row.branch_snapshot = review.snapshot.branch
    row.sort_name_snapshot = sort_key(review.snapshot.staff_name)
    row.branch_sort_snapshot = sort_key(review.snapshot.branch)
    row.status = ReviewStatus.FINALISED.value
    row.fingerprint = review.fingerprint
    row.finalised_at = review.finalised_at
    row.updated_at = review.updated_at


def new_addendum(session: Session, review_id: int, addendum: PackagedAddendum) -> None:
    session.add(
        AddendumRow(
            uuid=addendum.uuid,
            review_id=review_id,
            author=addendum.author,
            written_on=addendum.written_on,
            text=addendum.text,
            created_at=addendum.created_at,
        )
    )
