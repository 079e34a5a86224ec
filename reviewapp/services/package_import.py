"""Import a checked review package inside one transaction: plan, refuse on any conflict, apply.

First every record is matched against the database (frameworks by key and version, staff by
employee number, everything else by UUID) and every conflict is collected. Only when there is
none are the new records written, in the order the database's rules allow: reviews and their
parts while in progress, then the evidence notes, then finalising (freezing the notes of the
period), then addenda. Finally each imported finalised review's fingerprint is recomputed from
what was stored; a mismatch rolls everything back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reviewapp.db.models import (
    CompetencyRow,
    EvidenceNoteRow,
    FrameworkRow,
    GoalRow,
    IndicatorRow,
    ReviewRow,
    StaffRow,
)
from reviewapp.domain.errors import ConflictError
from reviewapp.domain.framework_file import same_content
from reviewapp.domain.package_format import Package, PackagedAddendum, PackagedReview
from reviewapp.domain.review import ReviewStatus
from reviewapp.services import frameworks as framework_queries
from reviewapp.services.fingerprints import stored_fingerprint
from reviewapp.services.frameworks import insert_framework
from reviewapp.services.package_rows import (
    finalise_row,
    framework_codes,
    new_addendum,
    new_note,
    new_review,
    new_staff,
    packaged_review,
)
from reviewapp.services.reviews import load_row

MAX_CONFLICTS_SHOWN = 30


class ImportConflictError(ConflictError):
    """The package clashes with the database; ``conflicts`` lists every clash."""

    def __init__(self, conflicts: list[str]) -> None:
        shown = conflicts[:MAX_CONFLICTS_SHOWN]
        text = "Nothing was imported; the package clashes with this database:\n- " + "\n- ".join(
            shown
        )
        if len(conflicts) > len(shown):
            text += f"\n- ... and {len(conflicts) - len(shown)} more."
        super().__init__(text)
        self.conflicts = conflicts


@dataclass
class ImportReport:
    reviews_added: list[str] = field(default_factory=list)
    reviews_unchanged: list[str] = field(default_factory=list)
    staff_added: list[str] = field(default_factory=list)
    staff_matched: list[str] = field(default_factory=list)
    frameworks_added: list[str] = field(default_factory=list)
    notes_added: int = 0
    addenda_added: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.reviews_added
            or self.staff_added
            or self.frameworks_added
            or self.notes_added
            or self.addenda_added
        )

    def lines(self) -> list[str]:
        lines = [f"Imported review: {r}" for r in self.reviews_added]
        lines += [f"Already here, unchanged: {r}" for r in self.reviews_unchanged]
        lines += [f"Staff member added: {s}" for s in self.staff_added]
        lines += [f"Staff member matched by employee number: {s}" for s in self.staff_matched]
        lines += [f"Framework added: {f}" for f in self.frameworks_added]
        if self.notes_added:
            lines.append(f"Evidence notes added: {self.notes_added}")
        if self.addenda_added:
            lines.append(f"Addenda added: {self.addenda_added}")
        if not self.changed:
            lines.append("Nothing changed: everything in the package was already here.")
        return lines


@dataclass
class _Plan:
    package: Package
    conflicts: list[str] = field(default_factory=list)
    framework_ids: dict[tuple[str, int], int] = field(default_factory=dict)
    staff_ids: dict[str, int] = field(default_factory=dict)
    new_reviews: list[PackagedReview] = field(default_factory=list)
    new_notes: set[str] = field(default_factory=set)
    new_addenda: list[tuple[int, PackagedAddendum]] = field(default_factory=list)


def describe(package: Package, review: PackagedReview) -> str:
    name = next((s.name for s in package.staff if s.uuid == review.staff), "?")
    return (
        f"{name}, {review.review_type.label.lower()} review {review.period_start:%Y-%m-%d} to "
        f"{review.period_end:%Y-%m-%d} ({review.status.label.lower()})"
    )


def _plan_frameworks(session: Session, plan: _Plan, report: ImportReport) -> None:
    for framework in plan.package.frameworks:
        found = session.scalar(
            select(FrameworkRow.id).where(
                FrameworkRow.key == framework.key, FrameworkRow.version == framework.version
            )
        )
        label = f"{framework.key} version {framework.version}"
        if found is None:
            report.frameworks_added.append(label)
        elif not same_content(framework_queries.load(session, found), framework):
            plan.conflicts.append(f"Framework {label} exists here with different content.")
        else:
            plan.framework_ids[(framework.key, framework.version)] = found


def _plan_staff(session: Session, plan: _Plan, report: ImportReport) -> None:
    for member in plan.package.staff:
        by_number = session.scalar(
            select(StaffRow).where(StaffRow.employee_number == member.employee_number)
        )
        by_uuid = session.scalar(select(StaffRow).where(StaffRow.uuid == member.uuid))
        label = f"{member.employee_number} {member.name}"
        if by_number is not None:
            if by_uuid is not None and by_uuid.id != by_number.id:
                plan.conflicts.append(
                    f"Staff member {label}: here that record has employee number "
                    f"{by_uuid.employee_number}, and {member.employee_number} is someone else."
                )
            plan.staff_ids[member.uuid] = by_number.id
            report.staff_matched.append(label)
        elif by_uuid is not None:
            plan.conflicts.append(
                f"Staff member {label}: the same person is stored here under employee number "
                f"{by_uuid.employee_number}."
            )
        else:
            report.staff_added.append(label)


def _plan_reviews(session: Session, plan: _Plan, report: ImportReport) -> None:
    package = plan.package
    for review in package.reviews:
        label = describe(package, review)
        row = session.scalar(select(ReviewRow.id).where(ReviewRow.uuid == review.uuid))
        if row is None:
            plan.new_reviews.append(review)
            _plan_overlaps(session, plan, review, label)
            continue
        stored_row = load_row(session, row)
        framework = framework_queries.load(session, stored_row.framework_id)
        stored = packaged_review(session, stored_row, framework)
        same_person = stored_row.staff_id == plan.staff_ids.get(review.staff)
        if not same_person or stored.content() != review.content():
            plan.conflicts.append(f"{label}: this review exists here with different content.")
            continue
        report.reviews_unchanged.append(label)
        stored_addenda = {a.uuid: a for a in stored.addenda}
        for addendum in review.addenda:
            if addendum.uuid not in stored_addenda:
                plan.new_addenda.append((row, addendum))
            elif stored_addenda[addendum.uuid] != addendum:
                plan.conflicts.append(f"{label}: an addendum differs from the one stored here.")


def _plan_overlaps(session: Session, plan: _Plan, review: PackagedReview, label: str) -> None:
    staff_id = plan.staff_ids.get(review.staff)
    if staff_id is None:
        return
    clash = session.scalar(
        select(ReviewRow.uuid).where(
            ReviewRow.staff_id == staff_id,
            ReviewRow.review_type == review.review_type.value,
            ReviewRow.period_start <= review.period_end,
            ReviewRow.period_end >= review.period_start,
        )
    )
    if clash is not None:
        plan.conflicts.append(
            f"{label}: this person already has a {review.review_type.label.lower()} review here "
            "for an overlapping period."
        )


def _plan_notes(session: Session, plan: _Plan) -> None:
    package = plan.package
    finalised_new = [r for r in plan.new_reviews if r.status == ReviewStatus.FINALISED]
    for note in package.notes:
        stored = session.scalar(select(EvidenceNoteRow).where(EvidenceNoteRow.uuid == note.uuid))
        if stored is None:
            plan.new_notes.add(note.uuid)
            _plan_note_period(session, plan, note.staff, note.observed_on)
        elif (
            stored.text != note.text
            or stored.observed_on != note.observed_on
            or stored.source != note.source.value
            or stored.staff_id != plan.staff_ids.get(note.staff)
            or _codes_of(session, stored) != (note.competency, note.indicator)
        ):
            plan.conflicts.append(
                f"Evidence note of {note.observed_on:%Y-%m-%d} ({note.uuid}) differs from the one "
                "stored here."
            )
    for review in finalised_new:
        staff_id = plan.staff_ids.get(review.staff)
        framework_id = plan.framework_ids.get(review.framework)
        if staff_id is None or framework_id is None:
            continue
        ours = {n.uuid for n in package.notes_of(review)}
        extra = session.scalars(
            select(EvidenceNoteRow.uuid)
            .join(CompetencyRow, CompetencyRow.id == EvidenceNoteRow.competency_id)
            .where(
                EvidenceNoteRow.staff_id == staff_id,
                CompetencyRow.framework_id == framework_id,
                EvidenceNoteRow.observed_on.between(review.period_start, review.period_end),
            )
        ).all()
        if set(extra) - ours:
            plan.conflicts.append(
                f"{describe(package, review)}: this database holds other evidence notes for that "
                "person in that period, which would change the finalised review."
            )


def _codes_of(session: Session, note: EvidenceNoteRow) -> tuple[str | None, str | None]:
    competency = session.get(CompetencyRow, note.competency_id)
    indicator = session.get(IndicatorRow, note.indicator_id) if note.indicator_id else None
    return (competency.code if competency else None, indicator.code if indicator else None)


def _plan_note_period(session: Session, plan: _Plan, staff: str, day: date) -> None:
    staff_id = plan.staff_ids.get(staff)
    if staff_id is None:
        return
    frozen = session.scalar(
        select(ReviewRow.uuid).where(
            ReviewRow.staff_id == staff_id,
            ReviewRow.status == ReviewStatus.FINALISED.value,
            ReviewRow.period_start <= day,
            ReviewRow.period_end >= day,
        )
    )
    if frozen is not None:
        plan.conflicts.append(
            f"An evidence note of {day:%Y-%m-%d} falls in a review finalised here, which can no "
            "longer take new notes."
        )


def _plan_overlaps_within(plan: _Plan) -> None:
    """Two new reviews in the package for one person, of one type, with overlapping periods."""
    reviews = plan.new_reviews
    for n, first in enumerate(reviews):
        for second in reviews[n + 1 :]:
            if (
                first.staff == second.staff
                and first.review_type == second.review_type
                and first.period_start <= second.period_end
                and second.period_start <= first.period_end
            ):
                plan.conflicts.append(
                    f"{describe(plan.package, second)}: overlaps another review of the same "
                    "person and type in the package."
                )


def _apply(session: Session, plan: _Plan, report: ImportReport) -> None:
    package = plan.package
    for framework in package.frameworks:
        ref = (framework.key, framework.version)
        if ref not in plan.framework_ids:
            plan.framework_ids[ref] = insert_framework(session, framework)
    for member in package.staff:
        if member.uuid not in plan.staff_ids:
            plan.staff_ids[member.uuid] = new_staff(session, member)
    codes = {ref: framework_codes(session, fid) for ref, fid in plan.framework_ids.items()}
    rows: dict[str, ReviewRow] = {}
    for review in plan.new_reviews:
        rows[review.uuid] = new_review(
            session,
            review,
            plan.staff_ids[review.staff],
            plan.framework_ids[review.framework],
            codes[review.framework],
        )
        report.reviews_added.append(describe(package, review))
    session.flush()
    for review in plan.new_reviews:
        for goal in review.goals:
            if goal.carried_from:
                source = session.scalar(select(GoalRow.id).where(GoalRow.uuid == goal.carried_from))
                session.execute(
                    update(GoalRow).where(GoalRow.uuid == goal.uuid).values(carried_from_id=source)
                )
    for note in package.notes:
        if note.uuid in plan.new_notes:
            new_note(session, note, plan.staff_ids[note.staff], codes[note.framework])
            report.notes_added += 1
    session.flush()
    finalised = [r for r in plan.new_reviews if r.status == ReviewStatus.FINALISED]
    for review in finalised:
        finalise_row(session, rows[review.uuid], review)
        session.flush()
        for addendum in review.addenda:
            new_addendum(session, rows[review.uuid].id, addendum)
            report.addenda_added += 1
    for review_id, addendum in plan.new_addenda:
        new_addendum(session, review_id, addendum)
        report.addenda_added += 1
    session.flush()
    session.expire_all()
    for review in finalised:
        stored = load_row(session, rows[review.uuid].id)
        if stored_fingerprint(session, stored) != review.fingerprint:
            raise ImportConflictError(
                [f"{describe(package, review)}: its fingerprint does not match once stored here."]
            )


def import_into(session: Session, package: Package) -> ImportReport:
    """Import a checked package in the caller's transaction; raises before writing on conflict."""
    report = ImportReport()
    plan = _Plan(package)
    _plan_frameworks(session, plan, report)
    _plan_staff(session, plan, report)
    _plan_reviews(session, plan, report)
    _plan_overlaps_within(plan)
    _plan_notes(session, plan)
    if plan.conflicts:
        raise ImportConflictError(plan.conflicts)
    _apply(session, plan, report)
    return report
