"""The FTS5 index follows every change to the notes, in the same transaction, and never more."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from search_helpers import AddNote, make_search
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from reviewapp.db import migrate, search_index
from reviewapp.domain.errors import ForbiddenChangeError, ValidationError
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.review import ReviewDraft, ReviewType
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services
from reviewapp.services.search import SearchService


def ids(search: SearchService, query: str) -> list[int]:
    return [hit.note.id for hit in search.evidence(query)]


def index_rows(services: Services, query: str) -> list[int]:
    """Ask the index itself, bypassing the join to the notes table."""
    with services.engine.connect() as connection:
        rows = connection.execute(
            text(f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH :q"),
            {"q": query},
        )
        return sorted(row[0] for row in rows)


def draft_of(note_text: str, competency_id: int) -> EvidenceDraft:
    return EvidenceDraft(competency_id, date(2025, 3, 1), EvidenceSource.COMPLIMENT, note_text)


def test_added_note_is_indexed(indexed: SearchService, add_note: AddNote) -> None:
    note = add_note("Printer fixed before opening.")
    assert ids(indexed, "printer") == [note.id]


def test_updated_text_replaces_the_old_words(
    indexed: SearchService, add_note: AddNote, services: Services
) -> None:
    note = add_note("Printer fixed before opening.")
    services.evidence.update(note.id, draft_of("Scanner fixed before opening.", note.competency_id))
    assert ids(indexed, "printer") == []
    assert ids(indexed, "scanner") == [note.id]
    assert index_rows(services, "printer") == []


def test_update_without_text_change_keeps_the_entry(
    indexed: SearchService, add_note: AddNote, services: Services, competency_ids: list[int]
) -> None:
    note = add_note("Printer fixed before opening.")
    services.evidence.update(note.id, draft_of(note.text, competency_ids[3]))
    assert ids(indexed, "printer") == [note.id]


def test_deleted_note_leaves_the_index_and_restore_puts_it_back(
    indexed: SearchService, add_note: AddNote, services: Services
) -> None:
    note = add_note("Printer fixed before opening.")
    removed = services.evidence.delete(note.id)
    assert ids(indexed, "printer") == []
    assert index_rows(services, "printer") == []
    restored = services.evidence.restore(removed)
    assert ids(indexed, "printer") == [restored.id]


def test_refused_change_leaves_the_index_untouched(
    indexed: SearchService, add_note: AddNote, services: Services
) -> None:
    note = add_note("Printer fixed before opening.")
    with pytest.raises(ValidationError):
        services.evidence.update(note.id, draft_of("  ", note.competency_id))
    assert ids(indexed, "printer") == [note.id]


def test_frozen_note_triggers_coexist(
    indexed: SearchService, add_note: AddNote, services: Services, staff_member: StaffMember
) -> None:
    note = add_note("Printer fixed before opening.", date(2024, 5, 1))
    review = services.reviews.start(
        ReviewDraft(
            staff_member.id, "Pat Lee", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 12, 31)
        )
    )
    with services.engine.begin() as connection:  # freezing as finalising does, in one statement
        connection.execute(
            text("UPDATE evidence_notes SET frozen_by_review_id = :r WHERE id = :n"),
            {"r": review.id, "n": note.id},
        )
    assert ids(indexed, "printer") == [note.id]  # freezing does not touch the text
    with pytest.raises(ForbiddenChangeError):
        services.evidence.update(note.id, draft_of("Scanner fixed.", note.competency_id))
    with pytest.raises(ForbiddenChangeError):
        services.evidence.delete(note.id)
    with services.engine.connect() as connection, pytest.raises(DBAPIError, match="finalised"):
        connection.execute(text("DELETE FROM evidence_notes WHERE id = :n"), {"n": note.id})
    assert ids(indexed, "printer") == [note.id]
    assert ids(indexed, "scanner") == []
    assert index_rows(services, "printer") == [note.id]


def test_index_integrity_after_many_changes(
    indexed: SearchService, add_note: AddNote, services: Services
) -> None:
    notes = [add_note(f"Note {n} about the printer queue.") for n in range(20)]
    for note in notes[::2]:
        services.evidence.delete(note.id)
    for note in notes[1::4]:
        services.evidence.update(note.id, draft_of("Moved to scanner.", note.competency_id))
    with services.engine.begin() as connection:
        # FTS5 raises if the index disagrees with the content table.
        connection.execute(
            text(
                f"INSERT INTO {search_index.TABLE}({search_index.TABLE}, rank) "
                "VALUES ('integrity-check', 1)"
            )
        )
    assert sorted(ids(indexed, "printer")) == [n.id for n in notes[3::4]]


def test_upgrade_indexes_notes_stored_before_the_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    services = Services.open(path)
    try:
        staff = services.staff.create(StaffDraft("Ana Silva", "N1"))
        competency = services.frameworks.current().competencies[0].id
        config = migrate._config()
        with services.engine.begin() as connection:  # back to the schema before the index
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
            connection.execute(
                text(
                    "INSERT INTO evidence_notes (uuid, staff_id, competency_id, observed_on, "
                    "source, text, created_at, updated_at) VALUES ('n-1', :staff, :competency, "
                    "'2025-03-04', 'compliment', 'Élodie mended the printer', "
                    "'2025-03-04 10:00:00', '2025-03-04 10:00:00')"
                ),
                {"staff": staff.id, "competency": competency},
            )
    finally:
        services.close()
    reopened = Services.open(path)
    try:
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
        search = make_search(reopened, use_index=None)
        assert search.uses_index
        assert [h.note.text for h in search.evidence("elodie printer")] == [
            "Élodie mended the printer"
        ]
    finally:
        reopened.close()
