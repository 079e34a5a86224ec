"""Reviews: start, assess, sign off, finalise, and read back."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Row, select, update
from sqlalchemy.orm import Session, selectinload

from reviewapp.db import convert
from reviewapp.db.models import (
    AddendumRow,
    CompetencyRatingRow,
    EvidenceNoteRow,
    FrameworkRow,
    GoalRow,
    IndicatorRatingRow,
    ReviewRow,
    SignOffRow,
    StaffRow,
)
from reviewapp.domain import rules
from reviewapp.domain.errors import ConflictError, ForbiddenChangeError, NotFoundError
from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.fingerprint import fingerprint
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import (
    Addendum,
    Assessment,
    Review,
    ReviewDraft,
    ReviewStatus,
    ReviewType,
    SignOffRole,
)
from reviewapp.services import frameworks as framework_queries
from reviewapp.services.evidence import notes_in_period
from reviewapp.services.fingerprints import stored_fingerprint
from reviewapp.services.review_queries import ReviewQueries
from reviewapp.services.staff import sort_key
from reviewapp.services.store import Store, utcnow

TEXT_FIELDS = ("strengths", "development_areas", "employee_comments")
_LOAD = (
    selectinload(ReviewRow.competency_ratings),
    selectinload(ReviewRow.indicator_ratings),
    selectinload(ReviewRow.goals),
    selectinload(ReviewRow.signoffs),
    selectinload(ReviewRow.addenda),
)


def load_row(session: Session, review_id: int, *, for_edit: bool = False) -> ReviewRow:
    row = session.scalar(select(ReviewRow).where(ReviewRow.id == review_id).options(*_LOAD))
    if row is None:
        raise NotFoundError(f"There is no review with id {review_id}.")
    if for_edit:
        rules.require_editable(ReviewStatus(row.status))
    return row


def review_key(session: Session, review_id: int) -> Row[tuple[int, int, int, date, date]]:
    """Who, which framework and which period a review covers: one small query, no children.

    For reads that need only these (its framework, its notes, earlier goals), instead of
    load_row's six queries.
    """
    key = session.execute(
        select(
            ReviewRow.id,
            ReviewRow.staff_id,
            ReviewRow.framework_id,
            ReviewRow.period_start,
            ReviewRow.period_end,
        ).where(ReviewRow.id == review_id)
    ).first()
    if key is None:
        raise NotFoundError(f"There is no review with id {review_id}.")
    return key


def touch(row: ReviewRow) -> None:
    """Mark an edit: a draft becomes in progress, and the change time moves on."""
    row.status = rules.status_after_edit(ReviewStatus(row.status)).value
    row.updated_at = utcnow()


def check_overlap(session: Session, row: ReviewRow) -> None:
    query = select(ReviewRow.id).where(
        ReviewRow.staff_id == row.staff_id,
        ReviewRow.review_type == row.review_type,
        ReviewRow.period_start <= row.period_end,
        ReviewRow.period_end >= row.period_start,
    )
    if row.id is not None:
        query = query.where(ReviewRow.id != row.id)
    if session.scalar(query.limit(1)) is not None:
        raise ConflictError(
            "This person already has a review of the same type whose period overlaps "
            f"{row.period_start:%Y-%m-%d} to {row.period_end:%Y-%m-%d}."
        )


class ReviewService(ReviewQueries):
    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._store = store

    # -- starting and setting up -------------------------------------------------------------

    def start(self, draft: ReviewDraft) -> Review:
        rules.validate_period(draft.period_start, draft.period_end, draft.meeting_date)
        reviewer = rules.validate_text(
            draft.reviewer_name, "reviewer_name", required=True, limit=rules.MAX_NAME_LENGTH
        )
        with self._store.transaction() as session:
            staff = session.get(StaffRow, draft.staff_id)
            if staff is None:
                raise NotFoundError(f"There is no staff member with id {draft.staff_id}.")
            framework_id = draft.framework_id or framework_queries.latest_id(
                session, "sols-customer-service"
            )
            if framework_id is None:
                raise NotFoundError("No competency framework is loaded.")
            if session.get(FrameworkRow, framework_id) is None:
                raise NotFoundError(f"There is no framework with id {framework_id}.")
            now = utcnow()
            row = ReviewRow(
                uuid=str(uuid.uuid4()),
                staff_id=staff.id,
                framework_id=framework_id,
                reviewer_name=reviewer,
                review_type=rules.choice(ReviewType, draft.review_type, "review type").value,
                period_start=draft.period_start,
                period_end=draft.period_end,
                meeting_date=draft.meeting_date,
                status=ReviewStatus.DRAFT.value,
                created_at=now,
                updated_at=now,
            )
            check_overlap(session, row)
            session.add(row)
            session.flush()
            return convert.review(load_row(session, row.id))

    def update_setup(
        self,
        review_id: int,
        *,
        reviewer_name: str,
        review_type: ReviewType,
        period_start: date,
        period_end: date,
        meeting_date: date | None,
    ) -> Review:
        rules.validate_period(period_start, period_end, meeting_date)
        reviewer = rules.validate_text(
            reviewer_name, "reviewer_name", required=True, limit=rules.MAX_NAME_LENGTH
        )
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            row.reviewer_name = reviewer
            row.review_type = rules.choice(ReviewType, review_type, "review type").value
            row.period_start, row.period_end = period_start, period_end
            row.meeting_date = meeting_date
            check_overlap(session, row)
            row.updated_at = utcnow()
            session.flush()
            return convert.review(row)

    def delete(self, review_id: int) -> None:
        with self._store.transaction() as session:
            row = load_row(session, review_id)
            if not rules.may_delete(ReviewStatus(row.status)):
                raise ForbiddenChangeError("A finalised review is a record and cannot be deleted.")
            followed_up = (
                select(GoalRow.id)
                .join(ReviewRow, ReviewRow.id == GoalRow.review_id)
                .where(ReviewRow.status == ReviewStatus.FINALISED.value)
                .where(GoalRow.carried_from_id.in_([g.id for g in row.goals]))
            )
            if row.goals and session.scalar(followed_up.limit(1)) is not None:
                raise ForbiddenChangeError(
                    "Goals of this review were followed up in a finalised review, "
                    "so it cannot be deleted."
                )
            session.delete(row)

    # -- assessing -----------------------------------------------------------------------------

    def _framework(self, session: Session, row: ReviewRow) -> Framework:
        return framework_queries.load(session, row.framework_id)

    @staticmethod
    def _require_part(framework: Framework, *, competency: int = 0, indicator: int = 0) -> None:
        """NotFoundError (not a bare KeyError) for an id outside the review's framework."""
        try:
            if competency:
                framework.competency(competency)
            if indicator:
                framework.indicator(indicator)
        except KeyError:
            what = f"Competency {competency}" if competency else f"Indicator {indicator}"
            raise NotFoundError(f"{what} is not part of this review's framework.") from None

    def set_competency(self, review_id: int, competency_id: int, assessment: Assessment) -> Review:
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            framework = self._framework(session, row)
            self._require_part(framework, competency=competency_id)
            rules.validate_assessment(framework.scale, assessment)
            rating = self._competency_row(row, competency_id)
            rating.rating, rating.not_observed = assessment.rating, assessment.not_observed
            touch(row)
            session.flush()
            return convert.review(row)

    def set_comment(self, review_id: int, competency_id: int, comment: str) -> Review:
        comment = rules.validate_text(comment, "comment")
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            self._require_part(self._framework(session, row), competency=competency_id)
            self._competency_row(row, competency_id).comment = comment
            touch(row)
            session.flush()
            return convert.review(row)

    def set_indicator(self, review_id: int, indicator_id: int, assessment: Assessment) -> Review:
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            framework = self._framework(session, row)
            self._require_part(framework, indicator=indicator_id)
            rules.validate_assessment(framework.scale, assessment)
            existing = next(
                (r for r in row.indicator_ratings if r.indicator_id == indicator_id), None
            )
            if existing is None:
                existing = IndicatorRatingRow(indicator_id=indicator_id)
                row.indicator_ratings.append(existing)
            existing.rating, existing.not_observed = assessment.rating, assessment.not_observed
            touch(row)
            session.flush()
            return convert.review(row)

    @staticmethod
    def _competency_row(row: ReviewRow, competency_id: int) -> CompetencyRatingRow:
        for rating in row.competency_ratings:
            if rating.competency_id == competency_id:
                return rating
        rating = CompetencyRatingRow(competency_id=competency_id, not_observed=False, comment="")
        row.competency_ratings.append(rating)
        return rating

    def set_override(self, review_id: int, value: int | None, reason: str) -> Review:
        """Override the derived overall rating; a reason is required. None clears it."""
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            framework = self._framework(session, row)
            row.override_reason = rules.validate_override(framework.scale, value, reason)
            row.overall_override = value
            touch(row)
            session.flush()
            return convert.review(row)

    def set_text(self, review_id: int, field: str, text: str) -> Review:
        if field not in TEXT_FIELDS:
            raise ValueError(f"unknown review text field {field!r}")
        text = rules.validate_text(text, field)
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            setattr(row, field, text)
            touch(row)
            session.flush()
            return convert.review(row)

    # -- signing and finalising ----------------------------------------------------------------

    def sign_off(
        self, review_id: int, role: SignOffRole, name: str, signed_on: date, statement: str
    ) -> Review:
        name = rules.validate_text(name, "name", required=True, limit=rules.MAX_NAME_LENGTH)
        statement = rules.validate_text(statement, "statement", limit=5_000)
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            existing = next((s for s in row.signoffs if s.role == role.value), None)
            if existing is None:
                existing = SignOffRow(role=rules.choice(SignOffRole, role, "sign-off role").value)
                row.signoffs.append(existing)
            existing.name, existing.signed_on, existing.statement = name, signed_on, statement
            touch(row)
            session.flush()
            return convert.review(row)

    def withdraw_sign_off(self, review_id: int, role: SignOffRole) -> Review:
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            gone = rules.choice(SignOffRole, role, "sign-off role").value
            row.signoffs = [s for s in row.signoffs if s.role != gone]
            touch(row)
            session.flush()
            return convert.review(row)

    def finalise_problems(self, review_id: int) -> list[str]:
        with self._store.read() as session:
            row = load_row(session, review_id)
            return rules.finalise_problems(self._framework(session, row), convert.review(row))

    def finalise(self, review_id: int) -> Review:
        """Freeze the review and the notes it contains, and store its fingerprint."""
        with self._store.transaction() as session:
            row = load_row(session, review_id, for_edit=True)
            framework = self._framework(session, row)
            review = convert.review(row)
            problems = rules.finalise_problems(framework, review)
            if problems:
                raise ForbiddenChangeError(
                    "The review cannot be finalised yet:\n- " + "\n- ".join(problems)
                )
            if row.status == ReviewStatus.DRAFT:
                row.status = ReviewStatus.IN_PROGRESS.value
            rules.check_transition(ReviewStatus(row.status), ReviewStatus.FINALISED)
            staff = row.staff
            row.staff_name_snapshot = staff.name
            row.employee_number_snapshot = staff.employee_number
            row.position_snapshot = staff.position
            row.branch_snapshot = staff.branch.name if staff.branch else ""
            row.sort_name_snapshot = sort_key(staff.name)
            row.branch_sort_snapshot = sort_key(staff.branch.name if staff.branch else "")
            notes = notes_in_period(
                session, row.staff_id, row.framework_id, row.period_start, row.period_end
            )
            session.execute(
                update(EvidenceNoteRow)
                .where(EvidenceNoteRow.id.in_([n.id for n in notes]))
                .where(EvidenceNoteRow.frozen_by_review_id.is_(None))
                .values(frozen_by_review_id=row.id)
            )
            now = utcnow()
            row.status = ReviewStatus.FINALISED.value
            row.finalised_at = now
            row.updated_at = now
            snapshot = convert.review(row)
            row.fingerprint = fingerprint(framework, snapshot, notes)
            session.flush()
            return convert.review(row)

    def verify_fingerprint(self, review_id: int) -> bool:
        """True when a finalised review's stored fingerprint still matches its content."""
        with self._store.read() as session:
            row = load_row(session, review_id)
            if row.fingerprint is None:
                return False
            framework = self._framework(session, row)
            return stored_fingerprint(session, row, framework) == row.fingerprint

    def add_addendum(self, review_id: int, author: str, written_on: date, text: str) -> Addendum:
        author = rules.validate_text(author, "author", required=True, limit=rules.MAX_NAME_LENGTH)
        text = rules.validate_text(text, "text", required=True)
        with self._store.transaction() as session:
            row = load_row(session, review_id)
            if not rules.may_add_addendum(ReviewStatus(row.status)):
                raise ForbiddenChangeError(
                    "Addenda are for finalised reviews; edit the review itself instead."
                )
            addendum = AddendumRow(
                uuid=str(uuid.uuid4()),
                review_id=row.id,
                author=author,
                written_on=written_on,
                text=text,
                created_at=utcnow(),
            )
            session.add(addendum)
            session.flush()
            return convert.addendum(addendum)

    # -- reading -------------------------------------------------------------------------------

    def get(self, review_id: int) -> Review:
        with self._store.read() as session:
            return convert.review(load_row(session, review_id))

    def framework_of(self, review_id: int) -> Framework:
        with self._store.read() as session:
            return framework_queries.load(session, review_key(session, review_id).framework_id)

    def notes(self, review_id: int) -> list[EvidenceNote]:
        with self._store.read() as session:
            row = review_key(session, review_id)
            return notes_in_period(
                session, row.staff_id, row.framework_id, row.period_start, row.period_end
            )
