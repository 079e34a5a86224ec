"""Open a database and build every service on it: the one place services are wired."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from reviewapp.db.engine import make_engine, make_session_factory
from reviewapp.db.migrate import upgrade
from reviewapp.services.documents import DocumentService
from reviewapp.services.evidence import EvidenceService
from reviewapp.services.frameworks import FrameworkService
from reviewapp.services.goals import GoalService
from reviewapp.services.reviews import ReviewService
from reviewapp.services.search import SearchService
from reviewapp.services.settings import SettingsService
from reviewapp.services.staff import StaffService
from reviewapp.services.store import Store


@dataclass(frozen=True)
class Services:
    engine: Engine
    location: str
    frameworks: FrameworkService
    staff: StaffService
    reviews: ReviewService
    goals: GoalService
    evidence: EvidenceService
    settings: SettingsService
    documents: DocumentService
    search: SearchService

    @classmethod
    def open(cls, path_or_url: str | Path) -> Services:
        """Open (creating and migrating if needed) a database, with the default framework."""
        if "://" not in str(path_or_url):
            Path(path_or_url).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(path_or_url)
        upgrade(engine)
        store = Store(make_session_factory(engine))
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
            settings=settings,
            documents=DocumentService(
                str(path_or_url), frameworks, reviews, goals, staff, settings
            ),
            search=SearchService(store),
        )
        services.frameworks.ensure_default()
        return services

    def close(self) -> None:
        self.engine.dispose()
