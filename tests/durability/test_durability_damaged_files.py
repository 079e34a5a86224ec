"""Damaged and unexpected files: a plain message, a refusal, and not one byte changed."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from durability_helpers import RunCli, folder_state

from reviewapp.services.check import Problem, inspect
from reviewapp.services.container import Services
from reviewapp.services.opening import DatabaseProblemError


def _page_of(data: bytes, table: str) -> int:
    """The first page of a table's b-tree, read from a copy of the bytes."""
    scratch = sqlite3.connect(":memory:")
    scratch.deserialize(data[:18] + b"\x01\x01" + data[20:])  # as a rollback-journal file
    page = scratch.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    scratch.close()
    return int(page[0])


def _damaged_pages(good: bytes) -> bytes:
    page = _page_of(good, "indicators")
    start = (page - 1) * 4096 + 300
    noise = bytes((n * 151 + 7) % 256 for n in range(3000))
    return good[:start] + noise + good[start + len(noise) :]


def _foreign(_good: bytes) -> bytes:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('bread')")
    connection.commit()
    data = connection.serialize()
    connection.close()
    return data


CASES: dict[str, tuple[Callable[[bytes], bytes], Problem, str]] = {
    "text file": (
        lambda good: b"Name,Employee number\nAnn,E100\n",
        Problem.NOT_DATABASE,
        "not a reviewapp database",
    ),
    "empty file": (lambda good: b"", Problem.EMPTY, "is empty (0 bytes)"),
    "truncated": (lambda good: good[: len(good) // 2], Problem.TRUNCATED, "is incomplete"),
    "truncated header": (lambda good: good[:60], Problem.TRUNCATED, "inside its header"),
    "partial page": (lambda good: good[:-1000], Problem.TRUNCATED, "is incomplete"),
    "damaged pages": (_damaged_pages, Problem.DAMAGED, "is damaged"),
    "damaged header": (
        lambda good: good[:16] + b"\x00\x03" + good[18:],
        Problem.DAMAGED,
        "header is not valid",
    ),
    "other program's database": (_foreign, Problem.FOREIGN, "not one made by reviewapp"),
}


@pytest.fixture(params=list(CASES), ids=list(CASES))
def case(request: pytest.FixtureRequest, template_db: Path, tmp_path: Path) -> tuple[Path, str]:
    make, _problem, _words = CASES[request.param]
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "reviews.sqlite3"
    path.write_bytes(make(template_db.read_bytes()))
    return path, request.param


def test_check_names_the_problem_in_plain_words(case: tuple[Path, str]) -> None:
    path, name = case
    _make, problem, words = CASES[name]
    before = folder_state(path.parent)
    report = inspect(path)
    assert report.problem is problem
    assert words in report.message
    assert path.name in report.message
    assert folder_state(path.parent) == before


def test_opening_refuses_and_leaves_every_byte(case: tuple[Path, str]) -> None:
    path, name = case
    before = folder_state(path.parent)
    for options in ({}, {"lock": True, "backups": True}, {"read_only": True}):
        with pytest.raises(DatabaseProblemError) as raised:
            Services.open(path, **options)  # type: ignore[arg-type]
        assert raised.value.report.problem is CASES[name][1]
    assert folder_state(path.parent) == before  # no -wal, -shm, lock file or backups either


def test_cli_check_exits_non_zero_and_changes_nothing(
    case: tuple[Path, str], run_cli: RunCli
) -> None:
    path, name = case
    before = folder_state(path.parent)
    code, out, err = run_cli("--db", str(path), "check")
    assert code == 1
    assert CASES[name][2] in out
    assert "Traceback" not in out + err
    assert folder_state(path.parent) == before


def test_the_other_commands_refuse_a_damaged_file_without_a_traceback(
    case: tuple[Path, str], run_cli: RunCli, tmp_path: Path
) -> None:
    path, _name = case
    before = folder_state(path.parent)
    for argv in (["backup"], ["export", "1", "-o", str(tmp_path / "out.json")]):
        code, _out, err = run_cli("--db", str(path), *argv)
        assert code == 1
        assert err.startswith("reviewapp: ") and "Traceback" not in err
    assert folder_state(path.parent) == before
    assert not (tmp_path / "out.json").exists()


def test_a_missing_path_is_reported_and_not_created(tmp_path: Path, run_cli: RunCli) -> None:
    path = tmp_path / "nowhere" / "reviews.sqlite3"
    code, out, _err = run_cli("--db", str(path), "check")
    assert code == 1
    assert "There is no database file" in out
    assert not path.exists() and not path.parent.exists()
    with pytest.raises(DatabaseProblemError):
        Services.open(path, read_only=True)
    assert not path.parent.exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    report = inspect(tmp_path)
    assert report.problem is Problem.NOT_A_FILE
    assert "is a folder" in report.message


def test_a_file_locked_by_another_program_is_reported_untouched(
    template_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "reviews.sqlite3"
    path.write_bytes(template_db.read_bytes())
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO app_settings VALUES ('organisation', 'Elsewhere')")
        holder.execute("COMMIT")
        before = folder_state(tmp_path)
        report = inspect(path)
        assert report.problem is Problem.LOCKED
        assert "locked by another program" in report.message
        with pytest.raises(DatabaseProblemError):
            Services.open(path)
        assert folder_state(tmp_path) == before
    finally:
        holder.close()


def test_a_healthy_file_is_checked_without_creating_anything(
    template_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "reviews.sqlite3"
    path.write_bytes(template_db.read_bytes())
    before = folder_state(tmp_path)
    report = inspect(path)
    assert report.ok and not report.older
    assert report.review_count == 2
    assert folder_state(tmp_path) == before
    assert sorted(os.listdir(tmp_path)) == ["reviews.sqlite3"]


def test_an_empty_file_is_never_turned_into_a_database(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    path.touch()
    with pytest.raises(DatabaseProblemError, match="empty"):
        Services.open(path, lock=True)
    assert path.stat().st_size == 0
    assert sorted(os.listdir(tmp_path)) == ["reviews.sqlite3"]
