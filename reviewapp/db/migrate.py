"""Bring a database to the schema this version of reviewapp expects, or refuse clearly.

Alembic is imported only when a database actually needs migrating: the revisions this version
knows are read straight from the migration scripts, and the stored revision with one query, so
opening a database that is already current costs no Alembic import (about 0.2 s at start-up).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from reviewapp.domain.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_ANNOTATION = r"(?:\s*:\s*[^=\n]+)?"
_REVISION = re.compile(rf"^revision{_ANNOTATION}\s*=\s*['\"]([^'\"]+)['\"]\s*$", re.MULTILINE)
_DOWN_REVISION = re.compile(
    rf"^down_revision{_ANNOTATION}\s*=\s*(?:None|['\"]([^'\"]+)['\"])\s*$", re.MULTILINE
)


class NewerSchemaError(StoreError):
    """The database was written by a newer reviewapp; opening it could damage it."""


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def _revisions() -> dict[str, str | None]:
    """Each migration script's revision and the revision it follows, read from the files.

    Scripts written in a form this reader does not know (a merge of two branches, say) are left
    to Alembic itself.
    """
    found: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        if script.name == "__init__.py":
            continue
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return _revisions_from_alembic()
        found[revision.group(1)] = down.group(1)
    return found


def _revisions_from_alembic() -> dict[str, str | None]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_config()).walk_revisions()
    return {s.revision: s.down_revision for s in scripts}  # type: ignore[misc]


def head_revision() -> str:
    revisions = _revisions()
    heads = set(revisions) - set(revisions.values())
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, not {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    if len(versions) > 1:
        raise StoreError("The database records more than one schema version; it is damaged.")
    return str(versions[0][0]) if versions else None


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def known_revisions() -> set[str]:
    """Every schema revision this version of reviewapp knows (and so can open or migrate)."""
    return set(_revisions())


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
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
