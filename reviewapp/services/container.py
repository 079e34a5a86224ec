"""Open a database and build every service on it: the one place services are wired."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from reviewapp.domain.errors import ReviewAppError
from reviewapp.services.backup import BackupInfo, BackupService
from reviewapp.services.documents import DocumentService
from reviewapp.services.evidence import EvidenceService
from reviewapp.services.fingerprints import FingerprintService
from reviewapp.services.frameworks import FrameworkService
from reviewapp.services.goals import GoalService
from reviewapp.services.opening import DatabaseAccess, InUse, make_store, prepare
from reviewapp.services.packages import PackageService
from reviewapp.services.reviews import ReviewService
from reviewapp.services.search import SearchService
from reviewapp.services.settings import SettingsService
from reviewapp.services.staff import StaffService


@dataclass(frozen=True)
class Services:
    engine: Engine
    location: str
    frameworks: FrameworkService
    staff: StaffService
    reviews: ReviewService
    goals: GoalService
    evidence: EvidenceService
    fingerprints: FingerprintService
    settings: SettingsService
    documents: DocumentService
    search: SearchService
    backups: BackupService
    packages: PackageService
    access: DatabaseAccess

    @classmethod
    def open(
        cls,
        path_or_url: str | Path,
        *,
        backups: bool = False,
        lock: bool = False,
        read_only: bool = False,
        if_in_use: InUse = "read_only",
        defer_daily_backup: bool = False,
    ) -> Services:
        """Open a database safely, creating it (with the default framework) if it is new.

        The file is checked first and left untouched when damaged, not a database, or from a
        newer reviewapp (``DatabaseProblemError``); an older one is backed up, migrated and
        verified. ``lock`` makes this the single writer (``if_in_use``: open read-only, or
        refuse with ``DatabaseInUseError``); ``backups`` makes the daily backup now and one on
        ``close()``. ``access`` tells how it was opened (read-only and why, migration, warnings).
        With ``defer_daily_backup`` the caller makes the daily backup itself, later, with
        ``daily_backup()`` (the app does, in the background once its window is shown).
        """
        engine, access = prepare(path_or_url, lock=lock, read_only=read_only, if_in_use=if_in_use)
        store = make_store(engine, access)
        frameworks = FrameworkService(store)
        staff = StaffService(store)
        reviews = ReviewService(store)
        goals = GoalService(store)
        settings = SettingsService(store)
        services = cls(
            engine=engine,
            location=str(path_or_url),
            frameworks=frameworks,
            staff=staff,
            reviews=reviews,
            goals=goals,
            evidence=EvidenceService(store),
            fingerprints=FingerprintService(store),
            settings=settings,
            documents=DocumentService(
                str(path_or_url), frameworks, reviews, goals, staff, settings
            ),
            search=SearchService(store),
            backups=BackupService(engine, access.path, read_only_reason=access.read_only_reason),
            packages=PackageService(store),
            access=access,
        )
        if not access.read_only:
            services.frameworks.ensure_default()
        access.backup_on_exit = backups and access.path is not None and not access.read_only
        if access.backup_on_exit and not defer_daily_backup:
            try:
                services.daily_backup()
            except ReviewAppError as exc:
                access.warnings.append(f"The daily backup could not be made: {exc}")
        return services

    def daily_backup(self) -> BackupInfo | None:
        """Make today's automatic backup if there is none yet (only when opened with backups).

        Safe beside edits: the copy reads one snapshot while the writer goes on (WAL). Returns
        the backup made, or None when none was due; a failure is raised as StoreError.
        """
        if not self.access.backup_on_exit:
            return None
        return self.backups.backup_on_start()

    def close(self) -> None:
        """Make the closing backup (when opened with backups), release the database and lock.

        A failed closing backup is raised as StoreError, after everything has been released.
        """
        try:
            if self.access.backup_on_exit:
                self.backups.backup_on_exit()
        finally:
            self.engine.dispose()
            self.access.release()
