"""Staff members and branches."""

from __future__ import annotations

import builtins
import unicodedata
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.db import convert
from reviewapp.db.models import BranchRow, StaffRow
from reviewapp.domain.errors import (
    ConflictError,
    NotFoundError,
    ValidationError,
)
from reviewapp.domain.rules import MAX_NAME_LENGTH, validate_text
from reviewapp.domain.staff import Branch, StaffDraft, StaffMember
from reviewapp.domain.staff_csv import StaffCsvError, decode_staff_csv, parse_staff_csv_rows
from reviewapp.services.files import read_bytes
from reviewapp.services.store import Store


def sort_key(name: str) -> str:
    """Case- and accent-insensitive sort text ("Élodie" sorts with "Elodie")."""
    if name.isascii():  # nothing to decompose: the common case, ten times faster
        return name.lower()[:200]
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))[:200]


def branch_id(session: Session, name: str) -> int | None:
    """The id of the named branch, created when new; None for no branch."""
    name = name.strip()
    if not name:
        return None
    # Compared in Python: SQLite's lower() folds only ASCII, so "Île" and "île" would differ there
    # (and not on PostgreSQL). A library system has few branches.
    wanted = name.casefold()
    for existing, existing_name in session.execute(select(BranchRow.id, BranchRow.name)):
        if existing_name.casefold() == wanted:
            return int(existing)
    row = BranchRow(name=name, sort_name=sort_key(name))
    session.add(row)
    session.flush()
    return row.id


def _clean(draft: StaffDraft) -> StaffDraft:
    if draft.start_date and draft.start_date > date(2200, 1, 1):
        raise ValidationError("The start date is too far in the future.", "start_date")
    email = validate_text(draft.email, "email", limit=254)
    if email and ("@" not in email or " " in email):
        raise ValidationError(f"{email!r} is not an e-mail address.", "email")
    return StaffDraft(
        name=validate_text(draft.name, "name", required=True, limit=MAX_NAME_LENGTH),
        employee_number=validate_text(
            draft.employee_number, "employee_number", required=True, limit=50
        ),
        position=validate_text(draft.position, "position", limit=MAX_NAME_LENGTH),
        branch_name=validate_text(draft.branch_name, "branch", limit=MAX_NAME_LENGTH),
        start_date=draft.start_date,
        preferred_name=validate_text(draft.preferred_name, "preferred_name", limit=MAX_NAME_LENGTH),
        email=email,
        active=draft.active,
    )


def _number_taken(session: Session, number: str, other_than: int | None = None) -> bool:
    query = select(StaffRow.id).where(StaffRow.employee_number == number)
    if other_than is not None:
        query = query.where(StaffRow.id != other_than)
    return session.scalar(query) is not None


def _apply(session: Session, row: StaffRow, draft: StaffDraft) -> None:
    row.name = draft.name
    row.sort_name = sort_key(draft.name)
    row.preferred_name = draft.preferred_name
    row.employee_number = draft.employee_number
    row.position = draft.position
    # Set the relationship, not just the id: a loaded ``row.branch`` would otherwise stay stale
    # and the member returned after an update would still show the old branch.
    new_branch = branch_id(session, draft.branch_name)
    row.branch = session.get(BranchRow, new_branch) if new_branch is not None else None
    row.start_date = draft.start_date
    row.email = draft.email
    row.active = draft.active


class StaffService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(
        self, *, include_inactive: bool = True, branch: str | None = None
    ) -> list[StaffMember]:
        with self._store.read() as session:
            query = select(StaffRow).order_by(StaffRow.sort_name, StaffRow.id)
            if not include_inactive:
                query = query.where(StaffRow.active.is_(True))
            if branch:
                query = query.join(BranchRow).where(BranchRow.name == branch)
            return [convert.staff(row) for row in session.scalars(query)]

    def get(self, staff_id: int) -> StaffMember:
        with self._store.read() as session:
            row = session.get(StaffRow, staff_id)
            if row is None:
                raise NotFoundError(f"There is no staff member with id {staff_id}.")
            return convert.staff(row)

    def branches(self) -> builtins.list[Branch]:
        with self._store.read() as session:
            rows = session.execute(select(BranchRow.id, BranchRow.name).order_by(BranchRow.name))
            return [Branch(*row) for row in rows]

    def create(self, draft: StaffDraft) -> StaffMember:
        draft = _clean(draft)
        with self._store.transaction() as session:
            if _number_taken(session, draft.employee_number):
                raise ConflictError(
                    f"Employee number {draft.employee_number} belongs to another staff member."
                )
            row = StaffRow(uuid=str(uuid.uuid4()))
            _apply(session, row, draft)
            session.add(row)
            session.flush()
            return convert.staff(row)

    def update(self, staff_id: int, draft: StaffDraft) -> StaffMember:
        draft = _clean(draft)
        with self._store.transaction() as session:
            row = session.get(StaffRow, staff_id)
            if row is None:
                raise NotFoundError(f"There is no staff member with id {staff_id}.")
            if _number_taken(session, draft.employee_number, other_than=staff_id):
                raise ConflictError(
                    f"Employee number {draft.employee_number} belongs to another staff member."
                )
            _apply(session, row, draft)
            session.flush()
            return convert.staff(row)

    def import_csv_file(self, path: Path) -> builtins.list[StaffMember]:
        """Add every row of a staff CSV file, or none (see ``import_csv``); a file that cannot
        be read or is not UTF-8 is refused with a sentence saying why."""
        return self.import_csv(decode_staff_csv(read_bytes(path, "CSV file")))

    def import_csv(self, text: str) -> builtins.list[StaffMember]:
        """Add every row of a staff CSV, or none: each problem is reported by line number."""
        rows, problems = parse_staff_csv_rows(text)
        if not rows and not problems:
            raise StaffCsvError(["The file has a header but no staff rows."])
        with self._store.transaction() as session:
            taken = set(
                session.scalars(
                    select(StaffRow.employee_number).where(
                        StaffRow.employee_number.in_([r.draft.employee_number for r in rows])
                    )
                )
            )
            cleaned: builtins.list[StaffDraft] = []
            for item in rows:
                if item.draft.employee_number in taken:
                    number = item.draft.employee_number
                    problems.append(
                        (item.line, f"Line {item.line}: employee number {number} already exists.")
                    )
                    continue
                try:
                    cleaned.append(_clean(item.draft))
                except ValidationError as exc:
                    problems.append((item.line, f"Line {item.line}: {exc}"))
            if problems:
                raise StaffCsvError([message for _line, message in sorted(problems)])
            created = []
            for draft in cleaned:
                row = StaffRow(uuid=str(uuid.uuid4()))
                _apply(session, row, draft)
                session.add(row)
                created.append(row)
            session.flush()
            return [convert.staff(row) for row in created]
