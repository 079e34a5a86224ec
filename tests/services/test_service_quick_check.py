"""The start-up quick check: used only for the very file state it checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reviewapp.services import quick_check
from reviewapp.services.check import Problem, inspect
from reviewapp.services.container import Services


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "reviews.sqlite3"
    Services.open(path).close()
    return path


def test_result_for_the_checked_file(tmp_path: Path) -> None:
    path = _database(tmp_path)
    quick_check.start(path)
    assert quick_check.result(path) == ["ok"]
    assert quick_check.result(path) is None  # used once


def test_no_result_without_a_start_or_for_a_missing_file(tmp_path: Path) -> None:
    assert quick_check.result(_database(tmp_path)) is None
    quick_check.start(tmp_path / "missing.sqlite3")
    assert quick_check.result(tmp_path / "missing.sqlite3") is None


def test_no_result_when_the_file_changed_after_the_check(tmp_path: Path) -> None:
    path = _database(tmp_path)
    quick_check.start(path)
    with path.open("ab") as stream:
        stream.write(b"\0" * 4096)
    assert quick_check.result(path) is None


def test_damage_found_in_the_background_is_reported_by_inspect(tmp_path: Path) -> None:
    path = _database(tmp_path)
    with sqlite3.connect(path) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'indicators'"
        ).fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * 4096 + 300
    data[start : start + 3000] = bytes((n * 151 + 7) % 256 for n in range(3000))
    path.write_bytes(bytes(data))
    quick_check.start(path)
    report = inspect(path, thorough=False)
    assert report.problem is Problem.DAMAGED
    assert "is damaged" in report.message
