"""Backups: online, verified, rotated (7 daily and 4 weekly), made on start and on exit."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from durability_helpers import Populated, RunCli

from reviewapp.domain.errors import StoreError
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.backup import BackupService, list_backups, rotation_victims
from reviewapp.services.check import inspect
from reviewapp.services.container import Services


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _names(rows: list[tuple[str]]) -> list[str]:
    return [row[0] for row in rows]


def _read(path: Path, sql: str) -> list[tuple[str]]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_a_backup_is_verified_self_contained_and_holds_uncheckpointed_commits(
    populated: tuple[Path, Populated],
) -> None:
    path, _ids = populated
    services = Services.open(path)
    try:
        services.staff.create(StaffDraft("Bo Newcomer", "E200"))  # still only in the WAL
        made = services.backups.make_backup()
    finally:
        services.close()
    assert made.path.parent == path.parent / "backups"
    assert made.kind == "manual" and made.review_count == 2
    assert inspect(made.path).ok
    assert made.path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: one file, no WAL
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]
    assert _names(_read(made.path, "SELECT name FROM staff ORDER BY name")) == [
        "Ann Example",
        "Bo Newcomer",
    ]


def test_backup_to_a_chosen_file_never_overwrites(
    populated: tuple[Path, Populated], tmp_path: Path
) -> None:
    path, _ids = populated
    target = tmp_path / "usb" / "copy.sqlite3"
    services = Services.open(path, read_only=True)
    try:
        made = services.backups.make_backup(target)
        assert made.path == target and inspect(target).ok
        with pytest.raises(StoreError, match="already exists"):
            services.backups.make_backup(target)
        with pytest.raises(StoreError, match="over the database itself"):
            services.backups.make_backup(path)
    finally:
        services.close()


def test_backup_command(populated: tuple[Path, Populated], run_cli: RunCli, tmp_path: Path) -> None:
    path, _ids = populated
    code, out, _err = run_cli("--db", str(path), "backup")
    assert code == 0 and "written and verified" in out and "2 reviews" in out
    code, out, _err = run_cli("--db", str(path), "backup", "-o", str(tmp_path / "mine.sqlite3"))
    assert code == 0 and inspect(tmp_path / "mine.sqlite3").ok
    code, out, _err = run_cli("--db", str(path), "backup", "--list")
    assert code == 0 and "manual" in out and "2 reviews" in out
    code, _out, err = run_cli("--db", str(tmp_path / "missing.sqlite3"), "backup")
    assert code == 1 and "nothing to back up" in err
    assert not (tmp_path / "missing.sqlite3").exists()


def _day_backups(days: int, start: datetime) -> list[tuple[Path, datetime]]:
    """One backup at 09:00 every day, and a second at 17:00 on even days."""
    items = []
    for n in range(days):
        day = start + timedelta(days=n)
        items.append((Path(f"{n:03}-morning"), day.replace(hour=9)))
        if n % 2 == 0:
            items.append((Path(f"{n:03}-evening"), day.replace(hour=17)))
    return items


def test_rotation_keeps_the_newest_of_7_days_and_of_the_4_weeks_before() -> None:
    start = datetime(2026, 1, 1)  # a Thursday
    items = _day_backups(60, start)
    victims = set(rotation_victims(items))
    kept = sorted((created, path.name) for path, created in items if path not in victims)
    days = [created.date() for created, _name in kept]
    assert len(kept) == 11 and len(set(days)) == 11
    last_day = (start + timedelta(days=59)).date()
    assert days[-7:] == [last_day - timedelta(days=n) for n in range(6, -1, -1)]
    assert all(name.endswith("evening") for _c, name in kept if int(name[:3]) % 2 == 0)
    weekly = days[:4]
    weeks = [d.isocalendar()[:2] for d in weekly]
    assert len(set(weeks)) == 4 and all(d.weekday() == 6 for d in weekly)  # each week's last day
    assert max(weekly) < min(days[-7:])


def test_rotation_of_few_backups_deletes_nothing() -> None:
    items = _day_backups(3, datetime(2026, 5, 1))
    assert set(rotation_victims(items)) == {Path("000-morning"), Path("002-morning")}
    assert rotation_victims([]) == []


def _service(services: Services, path: Path, clock: Clock) -> BackupService:
    return BackupService(services.engine, path, clock=clock)


def test_start_backup_at_most_once_a_day_and_rotation_over_weeks(
    populated: tuple[Path, Populated],
) -> None:
    path, _ids = populated
    clock = Clock(datetime(2026, 3, 2, 8, 30))
    services = Services.open(path)
    try:
        backups = _service(services, path, clock)
        assert backups.backup_on_start() is not None
        clock.now += timedelta(hours=3)
        assert backups.backup_on_start() is None  # already one today
        for _day in range(45):
            clock.now += timedelta(days=1)
            assert backups.backup_on_start() is not None
            clock.now += timedelta(hours=8)
            backups.backup_on_exit()
            clock.now -= timedelta(hours=8)
        manual = backups.make_backup()
    finally:
        services.close()
    autos = [b for b in list_backups(path) if b.kind == "auto"]
    assert len(autos) == 11
    assert all(b.created.hour == 19 for b in autos)  # the newest (exit) backup of each day
    assert manual in list_backups(path)  # manual backups are never rotated away
    assert all(inspect(b.path).ok for b in autos[:2])


def test_open_with_backups_makes_one_on_start_and_one_on_exit(
    populated: tuple[Path, Populated],
) -> None:
    path, _ids = populated
    services = Services.open(path, backups=True, lock=True)
    assert [b.kind for b in services.backups.list_backups()] == ["auto"]
    services.staff.create(StaffDraft("Cy Later", "E300"))
    services.close()
    backups = list_backups(path)
    assert [b.kind for b in backups] == ["auto"]  # the exit backup replaced today's start one
    assert "Cy Later" in _names(_read(backups[0].path, "SELECT name FROM staff"))
    without = Services.open(path)
    without.close()
    assert list_backups(path) == backups  # one-shot opens (tests, the CLI) make none


def test_a_failing_start_backup_is_a_warning_not_a_refusal(
    populated: tuple[Path, Populated], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ids = populated
    (path.parent / "backups").write_text("a file where the folder should be")
    services = Services.open(path, backups=True)
    try:
        assert (
            services.access.warnings
            and "daily backup could not be made" in (services.access.warnings[0])
        )
        assert services.staff.list()
    finally:
        with pytest.raises(StoreError, match="could not be written"):
            services.close()
    assert not (path.parent / "reviews.sqlite3.lock").exists()


ServerCall = Callable[[BackupService], object]


@pytest.mark.parametrize(
    "call",
    [lambda b: b.make_backup(), lambda b: b.restore(Path("x.sqlite3"))],
    ids=["backup", "restore"],
)
def test_a_server_database_says_backups_are_made_with_its_own_tools(
    services: Services, call: ServerCall
) -> None:
    on_server = BackupService(services.engine, None)
    with pytest.raises(StoreError, match="pg_dump"):
        call(on_server)
    assert on_server.list_backups() == []


def test_server_database_commands_say_so(run_cli: RunCli) -> None:
    for argv in (["backup"], ["restore", "x.sqlite3"], ["check"]):
        code, _out, err = run_cli("--db", "postgresql://reviews@hq/reviews", *argv)
        assert code == 1 and "pg_dump" in err
