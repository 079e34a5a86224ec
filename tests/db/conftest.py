"""Store fixtures: a database holding a finalised review and an open one, and a raw connection.

The data is written through the services (the way the app writes it); the tests then go around
every layer with plain ``sqlite3`` to prove the database itself refuses what must never happen.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from db_seed import Seeded, seed


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    return seed(tmp_path_factory.mktemp("seeded") / "template.sqlite3")


@pytest.fixture
def seeded(seeded_template: Seeded, db_path: Path) -> Seeded:
    """A private copy of the seeded database (closed cleanly, so the file holds everything)."""
    assert not seeded_template.path.with_name("template.sqlite3-wal").exists()
    shutil.copyfile(seeded_template.path, db_path)
    return replace(seeded_template, path=db_path)


@pytest.fixture
def raw(seeded: Seeded) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection in autocommit mode: every statement is its own transaction."""
    connection = sqlite3.connect(seeded.path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    yield connection
    connection.close()
