"""Engine settings and migrations: durable SQLite settings, head schema, refusing the future."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from db_seed import Seeded
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from reviewapp.db import migrate, triggers
from reviewapp.db.engine import database_url, make_engine, make_session_factory
from reviewapp.db.migrate import NewerSchemaError
from reviewapp.domain.errors import StoreError


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    created = make_engine(db_path)
    migrate.upgrade(created)
    yield created
    created.dispose()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sqlite_triggers(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {name for (name,) in rows}


def test_fresh_database_is_at_head(engine: Engine) -> None:
    head = migrate.head_revision()
    assert head
    assert migrate.current_revision(engine) == head
    assert not migrate.needs_upgrade(engine)


def test_connections_use_durable_settings(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_wal_mode_is_kept_in_the_file(engine: Engine, db_path: Path) -> None:
    plain = sqlite3.connect(db_path)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        plain.close()


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO competencies (framework_id, position, code, statement) "
                "VALUES (9999, 0, 'X', 'X')"
            )
        )


def test_session_transaction_takes_the_write_lock_at_once(engine: Engine, db_path: Path) -> None:
    """BEGIN IMMEDIATE: even a reading session holds the write lock until it ends."""
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with make_session_factory(engine).begin() as session:
            session.execute(text("SELECT count(*) FROM frameworks")).scalar()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_every_trigger_is_installed(engine: Engine, db_path: Path) -> None:
    expected = {statement.split()[2] for statement in triggers.create_statements("sqlite")}
    plain = sqlite3.connect(db_path)
    try:
        installed = _sqlite_triggers(plain)
    finally:
        plain.close()
    assert expected <= installed
    assert len(expected) == len(triggers.create_statements("sqlite"))


def test_every_table_of_the_models_exists(engine: Engine) -> None:
    from reviewapp.db.models import Base

    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_migrations_build_exactly_the_models(engine: Engine) -> None:
    """Autogenerate finds no difference between models.py and the migrated schema."""
    from reviewapp.db.models import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    # The full-text index is SQLite-only and lives outside the ORM models on purpose.
    others = [
        d
        for d in differences
        if not (d[0] == "remove_table" and d[1].name.startswith("evidence_fts"))
    ]
    assert others == []


def test_upgrade_twice_changes_nothing(engine: Engine, db_path: Path) -> None:
    engine.dispose()
    before = _sha256(db_path)
    migrate.upgrade(engine)
    engine.dispose()
    assert _sha256(db_path) == before


def test_newer_schema_is_refused_and_left_untouched(seeded: Seeded) -> None:
    plain = sqlite3.connect(seeded.path, isolation_level=None)
    plain.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    plain.close()
    wal = seeded.path.with_name(seeded.path.name + "-wal")
    assert not wal.exists()
    before = _sha256(seeded.path)
    engine = make_engine(seeded.path)
    try:
        with pytest.raises(NewerSchemaError) as info:
            migrate.upgrade(engine)
        assert isinstance(info.value, StoreError)
        assert "newer version of reviewapp" in str(info.value)
        assert "9999_from_the_future" in str(info.value)
    finally:
        engine.dispose()
    assert _sha256(seeded.path) == before
    plain = sqlite3.connect(seeded.path)
    try:
        assert plain.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("9999_from_the_future",)
        ]
        assert plain.execute("SELECT count(*) FROM reviews").fetchone() == (2,)
    finally:
        plain.close()


def test_services_refuse_a_newer_database(seeded: Seeded) -> None:
    from reviewapp.services.container import Services

    plain = sqlite3.connect(seeded.path, isolation_level=None)
    plain.execute("UPDATE alembic_version SET version_num = 'ffff'")
    plain.close()
    before = _sha256(seeded.path)
    with pytest.raises(StoreError, match="newer version of reviewapp"):
        Services.open(seeded.path)
    assert _sha256(seeded.path) == before


def test_downgrade_to_nothing_and_back(engine: Engine, db_path: Path) -> None:
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    plain = sqlite3.connect(db_path)
    try:
        left = {
            name
            for (name,) in plain.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') "
                "AND name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        plain.close()
    assert left == {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_database_url() -> None:
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    url = database_url(Path("some dir") / "reviews.sqlite3")
    assert url.startswith("sqlite:///")
    assert url.endswith("some dir/reviews.sqlite3")
    assert Path(url.removeprefix("sqlite:///")).is_absolute()
