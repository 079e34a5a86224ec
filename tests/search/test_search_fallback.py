"""Where SQLite has no FTS5, nothing breaks: no index is made and search scans the notes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from search_helpers import make_search

from reviewapp.db import migrate, search_index
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


def _no_fts5(_connection: object) -> bool:
    return False


@pytest.fixture
def without_fts5(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Services]:
    """A database migrated by an SQLite that lacks FTS5."""
    monkeypatch.setattr(search_index, "fts5_available", _no_fts5)
    opened = Services.open(tmp_path / "plain.sqlite3")
    yield opened
    opened.close()


def test_migration_skips_the_index_but_reaches_head(without_fts5: Services) -> None:
    assert migrate.current_revision(without_fts5.engine) == migrate.head_revision()
    with without_fts5.engine.connect() as connection:
        assert not search_index.index_exists(connection)


def test_notes_are_stored_and_found_by_scanning(without_fts5: Services) -> None:
    services = without_fts5
    staff = services.staff.create(StaffDraft("Zoë Ng", "Z-1"))
    competency = services.frameworks.current().competencies[0].id

    def add(text: str, day: int) -> int:
        draft = EvidenceDraft(competency, date(2025, 1, day), EvidenceSource.OTHER, text)
        return services.evidence.add(staff.id, draft).id

    first = add("Zoë showed a patron the e-reader app.", 1)
    second = add("Restocked the printer paper.", 2)
    services.evidence.update(
        second, EvidenceDraft(competency, date(2025, 1, 2), EvidenceSource.OTHER, "Printer jam.")
    )
    search = make_search(services, use_index=None)
    assert not search.uses_index
    assert [h.note.id for h in search.evidence("zoe eReader")] == [first]
    assert [h.note.text for h in search.evidence("printer")] == ["Printer jam."]
    assert [h.staff_name for h in search.evidence('"(e-READER')] == ["Zoë Ng"]
    services.evidence.delete(first)
    assert search.evidence("zoe") == []


def test_index_present_but_fts5_missing_at_query_time(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database indexed on one PC and searched on another whose SQLite lacks FTS5."""
    staff = services.staff.create(StaffDraft("Ana Silva", "A-1"))
    competency = services.frameworks.current().competencies[0].id
    draft = EvidenceDraft(competency, date(2025, 1, 1), EvidenceSource.OTHER, "Printer fixed.")
    note = services.evidence.add(staff.id, draft)
    monkeypatch.setattr(search_index, "fts5_available", _no_fts5)
    search = make_search(services, use_index=None)
    assert not search.uses_index
    assert [h.note for h in search.evidence("printer")] == [note]
