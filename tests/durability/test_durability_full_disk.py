"""A full disk and a read-only medium: a clear error, nothing half-stored, saving works again."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from durability_helpers import Populated, folder_state, older_database
from sqlalchemy import event, text

from reviewapp.domain.errors import StoreError
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.staff import StaffDraft
from reviewapp.services import opening
from reviewapp.services.check import inspect
from reviewapp.services.container import Services


def test_a_full_disk_refuses_the_edit_whole_and_saving_works_when_space_returns(
    populated: tuple[Path, Populated],
) -> None:
    path, ids = populated
    services = Services.open(path)
    try:
        with services.engine.connect() as connection:
            pages = connection.execute(text("PRAGMA page_count")).scalar_one()

        def disk_nearly_full(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count={pages + 3}")

        event.listen(services.engine, "connect", disk_nearly_full)
        services.engine.dispose()
        competency = services.frameworks.current().competencies[0].id
        big = EvidenceDraft(competency, date(2026, 5, 5), EvidenceSource.OTHER, "x" * 150_000)
        notes_before = services.evidence.for_staff(ids.staff_id)
        with pytest.raises(StoreError, match="The disk is full, so the change could not be saved"):
            services.evidence.add(ids.staff_id, big)
        assert services.evidence.for_staff(ids.staff_id) == notes_before  # nothing half-stored
        services.staff.create(StaffDraft("Hal Small", "E800"))  # small edits still fit

        event.remove(services.engine, "connect", disk_nearly_full)
        services.engine.dispose()
        saved = services.evidence.add(ids.staff_id, big)  # the same edit, retried
        assert services.evidence.get(saved.id).text == big.text
    finally:
        services.close()
    assert inspect(path).ok


def test_a_read_only_medium_opens_read_only_and_is_not_touched(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run with rights that ignore file permissions, so the medium's answer is simulated.
    monkeypatch.setattr(opening, "is_writable", lambda _path: False)
    path = tmp_path / "reviews.sqlite3"
    path.write_bytes(template_db.read_bytes())
    before = folder_state(tmp_path)
    services = Services.open(path, lock=False, backups=True)
    try:
        assert services.access.read_only
        assert "write-protected" in services.access.read_only_reason
        assert len(services.reviews.list()) == 2
        with pytest.raises(StoreError, match="can be read but not changed"):
            services.staff.create(StaffDraft("Ida Nope", "E900"))
    finally:
        services.close()
    assert folder_state(tmp_path) == before  # immutable: not even a -wal or -shm file


def test_an_older_database_on_a_read_only_medium_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reviews.sqlite3"
    older_database(path)
    monkeypatch.setattr(opening, "is_writable", lambda _path: False)
    before = folder_state(tmp_path)
    with pytest.raises(StoreError, match="must be updated before use"):
        Services.open(path)
    assert folder_state(tmp_path) == before
