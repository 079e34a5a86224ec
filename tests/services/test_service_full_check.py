"""The full check of an open database, and restoring over one found damaged."""

from __future__ import annotations

import hashlib
from pathlib import Path

from damage_helpers import damage_an_index

from reviewapp.domain.staff import StaffDraft
from reviewapp.services.check import Problem, check_open, inspect
from reviewapp.services.container import Services


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_damaged(tmp_path: Path) -> tuple[Path, Path]:
    """A database with one staff member and a good backup, then damaged in its pages."""
    path = tmp_path / "reviews.sqlite3"
    services = Services.open(path)
    services.staff.create(StaffDraft("Zora Quill", "E1", position="Page", branch_name="Central"))
    good = services.backups.make_backup()
    services.close()
    damage_an_index(path, "zora quill")
    assert inspect(path, thorough=False).ok  # start-up's quick check does not see it
    return path, good.path


def test_the_full_check_of_an_open_database_finds_damage_the_quick_check_missed(
    tmp_path: Path,
) -> None:
    path, _good = make_damaged(tmp_path)
    services = Services.open(path, lock=True)
    try:
        before = digest(path)
        report = check_open(path)
        assert report.problem is Problem.DAMAGED
        assert "missing from index" in report.message
        assert report.details and "ix_staff_sort_name" in report.details[0]
        assert digest(path) == before  # read-only: not a byte written
    finally:
        services.close()


def test_the_full_check_passes_a_healthy_open_database_being_edited(
    services: Services, db_path: Path
) -> None:
    services.staff.create(StaffDraft("Ann Example", "E2", position="Page", branch_name="North"))
    report = check_open(db_path)
    assert report.ok and "integrity check passed" in report.message
    assert report.review_count == 0


def test_restoring_over_a_damaged_open_database_keeps_the_damaged_state_aside(
    tmp_path: Path,
) -> None:
    path, good = make_damaged(tmp_path)
    services = Services.open(path, lock=True)
    try:
        result = services.backups.restore(good)
        assert result.previous_kind == "damaged"
        assert result.previous is not None and result.previous.name.endswith("-damaged.sqlite3")
        assert inspect(result.previous).problem is Problem.DAMAGED  # kept as it was
        assert check_open(path).ok
        assert [m.name for m in services.staff.list()] == ["Zora Quill"]
        assert services.backups.newest_good_backup().path == good  # never the damaged copy
    finally:
        services.close()
