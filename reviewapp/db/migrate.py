"""Bring a database to the schema this version of reviewapp expects, or refuse clearly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from reviewapp.domain.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


class NewerSchemaError(StoreError):
    """The database was written by a newer reviewapp; opening it could damage it."""


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def known_revisions() -> set[str]:
    """Every schema revision this version of reviewapp knows (and so can open or migrate)."""
    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def check_not_newer(engine: Engine) -> None:
    revision = current_revision(engine)
    if revision is None:
        return
    if revision not in known_revisions():
        raise NewerSchemaError(
            "This database was written by a newer version of reviewapp "
            f"(schema {revision}). Update reviewapp to open it; it has been left untouched."
        )


def upgrade(engine: Engine) -> None:
    """Create or migrate the schema to head in one transaction per migration step."""
    check_not_newer(engine)
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
