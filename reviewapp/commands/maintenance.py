"""``reviewapp check|backup|restore|export|import``: keeping the database safe, moving reviews.

These commands open the database themselves (``direct_handler``) because each needs it opened a
particular way: ``check`` must not create or change anything, ``restore`` must work on a file that
will not open, ``export`` reads while the app may be open elsewhere, ``import`` needs the lock.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from reviewapp.domain.errors import ReviewAppError, StoreError
from reviewapp.services.backup import NOT_SQLITE, list_backups, newest_good_backup
from reviewapp.services.check import inspect
from reviewapp.services.container import Services
from reviewapp.services.opening import sqlite_path
from reviewapp.services.restore import restore_file

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_OLDER = 3


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    check = subparsers.add_parser(
        "check", help="check the database file without changing it", parents=[common]
    )
    check.set_defaults(direct_handler=_check)
    backup = subparsers.add_parser("backup", help="make a verified backup now", parents=[common])
    backup.add_argument(
        "-o", "--output", metavar="FILE", help="backup file (default: the backups folder)"
    )
    backup.add_argument("--list", action="store_true", help="list the backups instead")
    backup.set_defaults(direct_handler=_backup)
    restore = subparsers.add_parser(
        "restore",
        help="replace the database with a backup (the current state is backed up first)",
        parents=[common],
    )
    restore.add_argument("file", help="the backup file to restore")
    restore.set_defaults(direct_handler=_restore)
    export = subparsers.add_parser(
        "export", help="write reviews to a review package (JSON)", parents=[common]
    )
    export.add_argument("review_ids", nargs="+", type=int, metavar="REVIEW_ID")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.set_defaults(direct_handler=_export)
    imp = subparsers.add_parser(
        "import", help="add the reviews of a review package (all or nothing)", parents=[common]
    )
    imp.add_argument("file")
    imp.set_defaults(direct_handler=_import)


def _file(database: str) -> Path:
    path = sqlite_path(database)
    if path is None:
        raise StoreError(NOT_SQLITE)
    return path.expanduser()


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size // 1024, 1)} kB"


def _check(args: argparse.Namespace, database: str) -> int:
    report = inspect(_file(database))
    print(report.message)
    for detail in report.details[1:]:
        print(f"  {detail}")
    if report.ok:
        if report.review_count is not None:
            print(f"It holds {report.review_count} reviews.")
        return EXIT_OLDER if report.older else EXIT_OK
    good = newest_good_backup(report.path) if report.path.parent.is_dir() else None
    if good is not None:
        print(
            f"The newest good backup is {good.path} ({good.created:%Y-%m-%d %H:%M}); "
            f"to restore it: reviewapp --db {report.path} restore {good.path}",
        )
    return EXIT_PROBLEM


def _backup(args: argparse.Namespace, database: str) -> int:
    path = _file(database)
    if args.list:
        backups = list_backups(path)
        if not backups:
            print(f"There are no backups of {path.name} yet.")
        for item in backups:
            count = "?" if item.review_count is None else str(item.review_count)
            print(
                f"{item.created:%Y-%m-%d %H:%M:%S}  {item.kind:<14} {_size(item.size):>9} "
                f"{count:>6} reviews  {item.path}"
            )
        return EXIT_OK
    if not path.exists():
        raise StoreError(f"There is no database file at {path}, so there is nothing to back up.")
    services = Services.open(path, read_only=True)
    try:
        target = Path(args.output).expanduser() if args.output else None
        made = services.backups.make_backup(target)
    finally:
        services.close()
    print(f"Backup written and verified: {made.path} ({made.review_count} reviews).")
    return EXIT_OK


def _restore(args: argparse.Namespace, database: str) -> int:
    path = _file(database)
    result = restore_file(path, Path(args.file).expanduser(), datetime.now)
    print(f"Restored {result.source} into {path} ({result.review_count} reviews).")
    if result.previous is not None:
        print(f"The state it replaced is kept in {result.previous}.")
    return EXIT_OK


def _export(args: argparse.Namespace, database: str) -> int:
    path = _file(database)
    if not path.exists():
        raise StoreError(f"There is no database file at {path}.")
    services = Services.open(path, read_only=True)
    try:
        report = services.packages.export_reviews(args.review_ids, Path(args.output).expanduser())
    finally:
        services.close()
    print(f"Wrote {report.review_count} reviews to {report.path}.")
    return EXIT_OK


def _import(args: argparse.Namespace, database: str) -> int:
    services = Services.open(database, lock=True, if_in_use="refuse")
    try:
        try:
            report = services.packages.import_package(Path(args.file).expanduser())
        except ReviewAppError as exc:
            print(f"reviewapp: {args.file}: nothing was imported.", file=sys.stderr)
            print(str(exc), file=sys.stderr)
            return EXIT_PROBLEM
    finally:
        services.close()
    for line in report.lines():
        print(line)
    return EXIT_OK
