"""Helpers for command-line tests: run ``reviewapp`` in-process against a test database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reviewapp import cli

Run = Callable[..., int]


@pytest.fixture
def run(db_path: Path) -> Run:
    """``run("staff", "list")`` runs ``reviewapp --db <test db> staff list``; returns its code."""

    def invoke(*args: str) -> int:
        return cli.main(["--db", str(db_path), *args])

    return invoke
