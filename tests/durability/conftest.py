"""Durability fixtures: a populated database file, and the maintenance commands run in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from durability_helpers import Populated, RunCli, make_populated_db

from reviewapp import cli


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed, populated database to copy from (bytes only: never opened by a test)."""
    path = tmp_path_factory.mktemp("template") / "reviews.sqlite3"
    make_populated_db(path)
    return path


@pytest.fixture
def populated(tmp_path: Path) -> tuple[Path, Populated]:
    path = tmp_path / "reviews.sqlite3"
    return path, make_populated_db(path)


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """``reviewapp`` with only the maintenance commands registered: (exit code, stdout, stderr)."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("reviewapp.commands.maintenance",))

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
