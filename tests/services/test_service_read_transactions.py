"""Reading use cases never wait for the write lock; writing ones take it up front."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


def test_reads_proceed_while_another_connection_holds_the_write_lock(
    services: Services, db_path: Path
) -> None:
    services.staff.create(StaffDraft("Élodie Tremblay", "E1", "Clerk", "Main"))
    writer = sqlite3.connect(db_path, isolation_level=None, timeout=0.1)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE staff SET position = 'Manager'")
        # The reader sees the last committed state, not the writer's uncommitted change.
        [member] = services.staff.list()
        assert member.position == "Clerk"
        assert len(services.reviews.list()) == 0
        assert services.frameworks.current().indicator_count == 34
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_read_does_not_leave_a_transaction_open(services: Services, db_path: Path) -> None:
    services.staff.list()
    other = sqlite3.connect(db_path, isolation_level=None, timeout=0.1)
    try:
        other.execute("BEGIN IMMEDIATE")  # would fail with "database is locked" otherwise
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_unknown_choices_are_validation_errors(services: Services) -> None:
    import pytest

    from reviewapp.domain.errors import ValidationError
    from reviewapp.domain.review import GoalDraft, ReviewDraft

    member = services.staff.create(StaffDraft("Sam", "E9"))
    with pytest.raises(ValidationError, match=r"not a valid review type.*annual"):
        services.reviews.start(
            ReviewDraft(member.id, "Pat", "yearly", date(2025, 1, 1), date(2025, 12, 31))  # type: ignore[arg-type]
        )
    review = services.reviews.start(
        ReviewDraft(member.id, "Pat", "annual", date(2025, 1, 1), date(2025, 12, 31))  # type: ignore[arg-type]
    )
    with pytest.raises(ValidationError, match="not a valid goal status"):
        services.goals.add(review.id, GoalDraft("Learn Libby", status="done"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="not a valid status"):
        services.reviews.list(status="closed")  # type: ignore[arg-type]
