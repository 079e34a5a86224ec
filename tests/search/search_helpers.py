"""Helpers for the search tests."""

from __future__ import annotations

from collections.abc import Callable

from reviewapp.db.engine import make_session_factory
from reviewapp.domain.evidence import EvidenceNote
from reviewapp.services.container import Services
from reviewapp.services.search import SearchService
from reviewapp.services.store import Store

AddNote = Callable[..., EvidenceNote]


def make_search(services: Services, *, use_index: bool | None) -> SearchService:
    return SearchService(Store(make_session_factory(services.engine)), use_index=use_index)
