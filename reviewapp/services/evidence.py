"""The evidence journal: notes a manager keeps through the year, frozen once a review is final."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.db import convert
from reviewapp.db.models import (
    CompetencyRow,
    EvidenceNoteRow,
    IndicatorRow,
    ReviewRow,
    StaffRow,
)
from reviewapp.domain.errors import (
    ConflictError,
    ForbiddenChangeError,
    NotFoundError,
    ValidationError,
)
from reviewapp.domain.evidence import EvidenceDraft, EvidenceNote, EvidenceSource
from reviewapp.domain.rules import validate_text
from reviewapp.services.store import Store, utcnow


def notes_in_period(
    session: Session, staff_id: int, framework_id: int, start: date, end: date
) -> list[EvidenceNote]:
    query = (
        select(EvidenceNoteRow)
        .join(CompetencyRow, CompetencyRow.id == EvidenceNoteRow.competency_id)
        .where(
            EvidenceNoteRow.staff_id == staff_id,
            CompetencyRow.framework_id == framework_id,
            EvidenceNoteRow.observed_on.between(start, end),
        )
        .order_by(EvidenceNoteRow.observed_on, EvidenceNoteRow.id)
    )
    return [convert.note(row) for row in session.scalars(query)]


def _check(session: Session, staff_id: int, draft: EvidenceDraft) -> EvidenceDraft:
    text = validate_text(draft.text, "text", required=True)
    try:
        source = EvidenceSource(draft.source)
    except ValueError as exc:
        raise ValidationError(f"{draft.source!r} is not an evidence source.", "source") from exc
    if session.get(CompetencyRow, draft.competency_id) is None:
        raise ValidationError("Choose the competency this note is evidence for.", "competency")
    if draft.indicator_id is not None:
        indicator = session.get(IndicatorRow, draft.indicator_id)
        if indicator is None or indicator.competency_id != draft.competency_id:
            raise ValidationError(
                "The linked indicator does not belong to the chosen competency.", "indicator"
            )
    finalised = session.scalar(
        select(ReviewRow).where(
            ReviewRow.staff_id == staff_id,
            ReviewRow.status == "finalised",
            ReviewRow.period_start <= draft.observed_on,
            ReviewRow.period_end >= draft.observed_on,
        )
    )
    if finalised is not None:
        raise ForbiddenChangeError(
            f"{draft.observed_on:%Y-%m-%d} falls in a finalised review "
            f"({finalised.period_start:%Y-%m-%d} to {finalised.period_end:%Y-%m-%d}); "
            "notes in a finalised period cannot be added or moved there. "
            "Add an addendum to that review instead."
        )
    return EvidenceDraft(draft.competency_id, draft.observed_on, source, text, draft.indicator_id)


def _editable(session: Session, note_id: int) -> EvidenceNoteRow:
    row = session.get(EvidenceNoteRow, note_id)
    if row is None:
        raise NotFoundError(f"There is no evidence note with id {note_id}.")
    if row.frozen_by_review_id is not None:
        raise ForbiddenChangeError(
            "This note is part of a finalised review and can no longer be changed."
        )
    return row


class EvidenceService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, staff_id: int, draft: EvidenceDraft) -> EvidenceNote:
        with self._store.transaction() as session:
            if session.get(StaffRow, staff_id) is None:
                raise NotFoundError(f"There is no staff member with id {staff_id}.")
            draft = _check(session, staff_id, draft)
            now = utcnow()
            row = EvidenceNoteRow(
                uuid=str(uuid.uuid4()),
                staff_id=staff_id,
                competency_id=draft.competency_id,
                indicator_id=draft.indicator_id,
                observed_on=draft.observed_on,
                source=draft.source.value,
                text=draft.text,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            return convert.note(row)

    def update(self, note_id: int, draft: EvidenceDraft) -> EvidenceNote:
        with self._store.transaction() as session:
            row = _editable(session, note_id)
            draft = _check(session, row.staff_id, draft)
            row.competency_id = draft.competency_id
            row.indicator_id = draft.indicator_id
            row.observed_on = draft.observed_on
            row.source = draft.source.value
            row.text = draft.text
            row.updated_at = utcnow()
            session.flush()
            return convert.note(row)

    def delete(self, note_id: int) -> EvidenceNote:
        """Delete a note; returns it as it was, so the caller can offer to undo."""
        with self._store.transaction() as session:
            row = _editable(session, note_id)
            note = convert.note(row)
            session.delete(row)
            return note

    def restore(self, note: EvidenceNote) -> EvidenceNote:
        """Put back a deleted note with its original identity (undo of delete)."""
        with self._store.transaction() as session:
            existing = select(EvidenceNoteRow.id).where(EvidenceNoteRow.uuid == note.uuid)
            if session.scalar(existing) is not None:
                raise ConflictError("This note is already in the journal.")
            draft = _check(
                session,
                note.staff_id,
                EvidenceDraft(
                    note.competency_id, note.observed_on, note.source, note.text, note.indicator_id
                ),
            )
            row = EvidenceNoteRow(
                uuid=note.uuid,
                staff_id=note.staff_id,
                competency_id=draft.competency_id,
                indicator_id=draft.indicator_id,
                observed_on=draft.observed_on,
                source=draft.source.value,
                text=draft.text,
                created_at=note.created_at,
                updated_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return convert.note(row)

    def get(self, note_id: int) -> EvidenceNote:
        with self._store.read() as session:
            row = session.get(EvidenceNoteRow, note_id)
            if row is None:
                raise NotFoundError(f"There is no evidence note with id {note_id}.")
            return convert.note(row)

    def for_staff(
        self,
        staff_id: int,
        *,
        start: date | None = None,
        end: date | None = None,
        competency_id: int | None = None,
    ) -> list[EvidenceNote]:
        """A staff member's journal, newest first."""
        with self._store.read() as session:
            query = select(EvidenceNoteRow).where(EvidenceNoteRow.staff_id == staff_id)
            if start is not None:
                query = query.where(EvidenceNoteRow.observed_on >= start)
            if end is not None:
                query = query.where(EvidenceNoteRow.observed_on <= end)
            if competency_id is not None:
                query = query.where(EvidenceNoteRow.competency_id == competency_id)
            query = query.order_by(EvidenceNoteRow.observed_on.desc(), EvidenceNoteRow.id.desc())
            return [convert.note(row) for row in session.scalars(query)]

    def for_review(self, review_id: int) -> list[EvidenceNote]:
        """The notes a review contains: its staff member's, dated within its period."""
        with self._store.read() as session:
            review = session.get(ReviewRow, review_id)
            if review is None:
                raise NotFoundError(f"There is no review with id {review_id}.")
            return notes_in_period(
                session,
                review.staff_id,
                review.framework_id,
                review.period_start,
                review.period_end,
            )
