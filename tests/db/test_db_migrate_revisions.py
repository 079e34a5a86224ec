"""Opening a current database needs no Alembic; revisions read from the scripts are Alembic's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from reviewapp.db import migrate
from reviewapp.services.container import Services


def test_revisions_read_from_the_scripts_match_alembic() -> None:
    scripts = ScriptDirectory.from_config(migrate._config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {s.revision for s in scripts.walk_revisions()}
    assert migrate._revisions() == migrate._revisions_from_alembic()


def test_current_revision_of_new_and_migrated_databases(tmp_path: Path) -> None:
    from reviewapp.db.engine import make_engine

    engine = make_engine(tmp_path / "empty.sqlite3")
    try:
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        migrate.upgrade(engine)  # already current: nothing to do
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    Services.open(path).close()
    probe = (
        "import sys\n"
        "from reviewapp.services.container import Services\n"
        f"Services.open({str(path)!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
