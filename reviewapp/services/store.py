"""One transaction per use case, with store errors turned into messages a person can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from reviewapp.db import triggers
from reviewapp.db.engine import READ_ONLY_TRANSACTION
from reviewapp.domain.errors import ConflictError, ForbiddenChangeError, StoreError

_PLAIN_STORE_ERRORS = (
    ("database or disk is full", "The disk is full, so the change could not be saved."),
    ("database is locked", "The database is busy in another window or on another PC."),
    ("readonly database", "The database file is read-only, so changes cannot be saved."),
    ("disk i/o error", "The disk could not be written (it may have been removed or be failing)."),
    ("unable to open database", "The database file could not be opened."),
    ("file is not a database", "The file is not a reviewapp database, or it is damaged."),
    ("malformed", "The database file is damaged."),
)


def utcnow() -> datetime:
    """Naive UTC timestamps: portable across SQLite and PostgreSQL columns without zones."""
    return datetime.now(UTC).replace(tzinfo=None)


def translate(exc: DBAPIError) -> Exception:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    if triggers.MSG_OVERLAP in text:
        return ConflictError(
            "This person already has a review of the same type for an overlapping period."
        )
    if triggers.MSG_FINALISED in text:
        return ForbiddenChangeError("This review is finalised and can no longer be changed.")
    if triggers.MSG_FROZEN_NOTE in text:
        return ForbiddenChangeError(
            "This evidence note belongs to a finalised review and can no longer be changed."
        )
    if triggers.MSG_FRAMEWORK_IN_USE in text:
        return ForbiddenChangeError(
            "This framework version is used by a review and cannot be changed; "
            "make a new version instead."
        )
    if "reviewapp:" in text:
        return ForbiddenChangeError(text.split("reviewapp:", 1)[1].strip().capitalize() + ".")
    if isinstance(exc, IntegrityError):
        if "employee_number" in lowered:
            return ConflictError("Another staff member already has this employee number.")
        return ConflictError(f"The change clashes with stored data ({text}).")
    for needle, message in _PLAIN_STORE_ERRORS:
        if needle in lowered:
            return StoreError(message)
    return StoreError(f"The database reported an error: {text}")


class Store:
    """The session factory, and the one way services open a transaction."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A writing transaction: commit when the block ends, roll back everything if it raises."""
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            raise translate(exc) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A reading transaction: one consistent snapshot that never waits for the write lock."""
        try:
            with self._sessions() as session:
                session.connection(execution_options={READ_ONLY_TRANSACTION: True})
                yield session
                session.rollback()
        except DBAPIError as exc:
            raise translate(exc) from exc
