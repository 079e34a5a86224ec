"""Where a database's backups live and what their names say: folder, naming, listing, rotation.

Backups live in a ``backups`` folder beside the database, named
``<database>-<YYYYmmdd-HHMMSS>-<kind>.sqlite3`` in local time (see backup.py for the kinds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reviewapp.services.check import review_count

FOLDER_NAME = "backups"
KINDS = ("auto", "manual", "before-update", "before-restore", "damaged")
DAILY_KEPT = 7
WEEKLY_KEPT = 4

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<kind>" + "|".join(KINDS) + r")"
    r"\.sqlite3$"
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    review_count: int | None
    kind: str
    sequence: int = 1  # several backups in one second: 1, 2, 3...


def backup_folder(database: Path) -> Path:
    return database.parent / FOLDER_NAME


def file_stem(database: Path) -> str:
    return database.name.removesuffix(".sqlite3").removesuffix(".db")


def new_backup_path(database: Path, created: datetime, kind: str) -> Path:
    folder = backup_folder(database)
    stamp = created.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{file_stem(database)}-{stamp}-{kind}.sqlite3"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{file_stem(database)}-{stamp}-{counter}-{kind}.sqlite3"
        counter += 1
    return candidate


def info(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    sequence = int(match["n"] or 1)
    return BackupInfo(path, created, size, review_count(path), match["kind"], sequence)


def list_backups(database: Path) -> list[BackupInfo]:
    """The backups of a database file, newest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    prefix = file_stem(database) + "-"
    found = (info(path) for path in folder.iterdir() if path.name.startswith(prefix))
    return sorted(
        (i for i in found if i is not None), key=lambda i: (i.created, i.sequence), reverse=True
    )


def rotation_victims(
    backups: Iterable[tuple[Path, datetime]], *, days: int = DAILY_KEPT, weeks: int = WEEKLY_KEPT
) -> list[Path]:
    """Which automatic backups to delete: keep the newest of each of the last ``days`` days that
    have a backup, then the newest of each of the ``weeks`` calendar weeks before those.

    Of backups made in the same second, the one listed first counts as the newer.
    """
    ordered = sorted(backups, key=lambda item: item[1], reverse=True)
    daily: dict[date, Path] = {}
    for path, created in ordered:
        if created.date() not in daily and len(daily) < days:
            daily[created.date()] = path
    oldest_daily = min(daily, default=None)
    weekly: dict[tuple[int, int], Path] = {}
    for path, created in ordered:
        week = created.isocalendar()[:2]
        if oldest_daily is not None and created.date() >= oldest_daily:
            continue
        if week not in weekly and len(weekly) < weeks:
            weekly[week] = path
    keep = set(daily.values()) | set(weekly.values())
    return [path for path, _created in ordered if path not in keep]
