"""Schema versions: a newer database is refused untouched; an older one is backed up, migrated and
verified; a migration that fails leaves the database as it was."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from durability_helpers import FIRST, RunCli, folder_state, older_database, revision_of, sha256

from reviewapp.db import migrate
from reviewapp.domain.errors import StoreError
from reviewapp.services.backup import list_backups
from reviewapp.services.check import Problem, inspect
from reviewapp.services.container import Services
from reviewapp.services.opening import DatabaseProblemError

BROKEN_MIGRATION = '''"""A migration that fails half-way (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("UPDATE staff SET name = 'CHANGED'")
    raise RuntimeError("the disk was unplugged")


def downgrade() -> None:
    op.drop_table("half_done")
'''


@pytest.fixture(autouse=True)
def _forget_known_revisions() -> Iterator[None]:
    migrate._revisions.cache_clear()
    yield
    migrate._revisions.cache_clear()


def _use_migrations(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)
    migrate._revisions.cache_clear()


def test_a_newer_database_is_refused_and_left_byte_for_byte(
    template_db: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    path = tmp_path / "reviews.sqlite3"
    path.write_bytes(template_db.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0042'")
    connection.commit()
    connection.close()
    before = folder_state(tmp_path)

    report = inspect(path)
    assert report.problem is Problem.NEWER
    assert "newer version of reviewapp" in report.message and "0042" in report.message
    for options in ({}, {"lock": True, "backups": True}):
        with pytest.raises(DatabaseProblemError, match="newer version"):
            Services.open(path, **options)  # type: ignore[arg-type]
    code, out, _err = run_cli("--db", str(path), "check")
    assert code == 1 and "Update reviewapp" in out
    assert folder_state(tmp_path) == before


def test_an_older_database_is_backed_up_then_migrated_and_verified(tmp_path: Path) -> None:
    assert migrate.head_revision() != FIRST, "needs a schema newer than the first release"
    path = tmp_path / "reviews.sqlite3"
    older_database(path)
    original = sha256(path)
    report = inspect(path)
    assert report.ok and report.older and report.revision == FIRST

    services = Services.open(path)
    try:
        assert services.access.migrated_from == FIRST
        backup = services.access.migration_backup
        assert backup is not None and backup.parent == tmp_path / "backups"
        assert [s.name for s in services.staff.list()] == ["Old Timer"]
    finally:
        services.close()

    assert revision_of(backup) == FIRST and inspect(backup).ok
    saved = sqlite3.connect(f"{backup.as_uri()}?mode=ro&immutable=1", uri=True)
    assert saved.execute("SELECT name FROM staff").fetchall() == [("Old Timer",)]
    saved.close()
    assert sha256(path) != original
    assert [b.kind for b in list_backups(path)] == ["before-update"]
    after = inspect(path)
    assert after.ok and not after.older and after.revision == migrate.head_revision()


def test_check_reports_an_older_database_with_its_own_exit_code(
    tmp_path: Path, run_cli: RunCli
) -> None:
    path = tmp_path / "reviews.sqlite3"
    older_database(path)
    before = folder_state(tmp_path)
    code, out, _err = run_cli("--db", str(path), "check")
    assert code == 3
    assert "older version of reviewapp" in out and "backed up first" in out
    assert folder_state(tmp_path) == before


def test_a_failed_migration_leaves_the_original_in_place(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data" / "reviews.sqlite3"
    path.parent.mkdir()
    path.write_bytes(template_db.read_bytes())
    head = migrate.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_broken.py").write_text(BROKEN_MIGRATION.format(head=head))
    _use_migrations(monkeypatch, scripts)

    with pytest.raises(StoreError, match="could not be updated") as raised:
        Services.open(path, lock=True)
    assert "left as it was" in str(raised.value)

    assert revision_of(path) == head
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    names = [row[0] for row in connection.execute("SELECT name FROM staff")]
    connection.close()
    assert "half_done" not in tables
    assert names == ["Ann Example"]
    assert [b.kind for b in list_backups(path)] == ["before-update"]
    assert not (path.parent / "reviews.sqlite3.lock").exists()

    _use_migrations(monkeypatch, Path(migrate.__file__).with_name("migrations"))
    reopened = Services.open(path)
    try:
        assert [s.name for s in reopened.staff.list()] == ["Ann Example"]
    finally:
        reopened.close()
