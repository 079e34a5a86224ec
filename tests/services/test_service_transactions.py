"""One transaction per use case: a failure part-way leaves nothing half-written."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from service_helpers import snapshot
from sqlalchemy.exc import IntegrityError, OperationalError

from reviewapp.db import engine as engine_module
from reviewapp.db import triggers
from reviewapp.domain.errors import ConflictError, ForbiddenChangeError, StoreError
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Review, ReviewStatus, SignOffRole
from reviewapp.domain.staff import StaffMember
from reviewapp.services import frameworks as frameworks_module
from reviewapp.services import reviews as reviews_module
from reviewapp.services import staff as staff_module
from reviewapp.services.container import Services
from reviewapp.services.store import translate


class Boom(Exception):
    """Stands for any failure in the middle of a use case."""


def test_finalise_failing_at_the_last_step_writes_nothing(
    services: Services, ready: Review, member: StaffMember, framework: Framework, monkeypatch: Any
) -> None:
    services.evidence.add(
        member.id,
        EvidenceDraft(framework.competencies[0].id, date(2024, 5, 1), EvidenceSource.OTHER, "Seen"),
    )
    before = snapshot(services)

    def fail(*_args: object) -> str:
        raise Boom

    # By the time the fingerprint is computed, notes are frozen and snapshots set in the session.
    monkeypatch.setattr(reviews_module, "fingerprint", fail)
    with pytest.raises(Boom):
        services.reviews.finalise(ready.id)
    assert snapshot(services) == before
    assert services.reviews.get(ready.id).status == ReviewStatus.IN_PROGRESS
    assert not any(n.frozen for n in services.evidence.for_staff(member.id))


def test_csv_import_failing_part_way_stores_nothing(services: Services, monkeypatch: Any) -> None:
    text = (
        "Name,Employee No,Position,Branch,Start Date\n"
        "Ada,E1,Clerk,Central,2020-01-01\n"
        "Bo,E2,Clerk,North,2020-01-01\n"
        "Cy,E3,Clerk,West,2020-01-01\n"
    )
    real_apply = staff_module._apply
    calls = []

    def apply_then_fail(session: Any, row: Any, draft: Any) -> None:
        calls.append(draft.name)
        if len(calls) == 3:
            session.flush()  # the first rows and their branches really reach the database
            raise Boom
        real_apply(session, row, draft)

    monkeypatch.setattr(staff_module, "_apply", apply_then_fail)
    before = snapshot(services)
    with pytest.raises(Boom):
        services.staff.import_csv(text)
    assert calls == ["Ada", "Bo", "Cy"]
    assert snapshot(services) == before
    assert services.staff.list() == [] and services.staff.branches() == []


def test_new_framework_version_failing_part_way_stores_nothing(
    services: Services, framework: Framework, review: Review, monkeypatch: Any
) -> None:
    real_load = frameworks_module.load

    def load_after_insert(session: Any, framework_id: int) -> Framework:
        if framework_id != framework.id:
            raise Boom  # the new version has been inserted and flushed
        return real_load(session, framework_id)

    monkeypatch.setattr(frameworks_module, "load", load_after_insert)
    before = snapshot(services)
    levels = [
        lv.__class__(lv.value, lv.label + "!", lv.description) for lv in framework.scale.levels
    ]
    with pytest.raises(Boom):
        services.frameworks.edit_scale(framework.id, levels)
    assert snapshot(services) == before


def test_database_refusal_mid_use_case_rolls_back_earlier_statements(
    services: Services, ready: Review, framework: Framework
) -> None:
    """A trigger refusing the last statement undoes the ones the use case already ran."""
    with services.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER test_refuse_signoff BEFORE INSERT ON signoffs "
            "WHEN NEW.role = 'employee' BEGIN SELECT RAISE(ABORT, 'reviewapp: test refusal'); END"
        )
    before = snapshot(services)
    with pytest.raises(ForbiddenChangeError, match="Test refusal"):
        services.reviews.sign_off(ready.id, SignOffRole.EMPLOYEE, "Élodie", date(2025, 1, 11), "")
    assert snapshot(services) == before


def test_busy_database_gives_a_plain_message_and_writes_nothing(
    services: Services, member: StaffMember, db_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    services.engine.dispose()  # new connections pick up the short timeout
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match="busy in another window"):
            services.settings.set("organisation", "Elsewhere")
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert services.settings.get("organisation") == "Public Library"


@pytest.mark.parametrize(
    ("message", "kind", "words"),
    [
        (triggers.MSG_OVERLAP, ConflictError, "overlapping period"),
        (triggers.MSG_FINALISED, ForbiddenChangeError, "finalised"),
        (triggers.MSG_FROZEN_NOTE, ForbiddenChangeError, "evidence note"),
        (triggers.MSG_FRAMEWORK_IN_USE, ForbiddenChangeError, "new version"),
        (triggers.MSG_ADDENDUM, ForbiddenChangeError, "Addenda cannot be changed."),
        ("UNIQUE constraint failed: staff.employee_number", ConflictError, "employee number"),
    ],
)
def test_database_refusals_become_domain_errors(
    message: str, kind: type[Exception], words: str
) -> None:
    error = translate(IntegrityError("SQL", {}, sqlite3.IntegrityError(message)))
    assert type(error) is kind
    assert words in str(error)


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("database or disk is full", "disk is full"),
        ("database is locked", "busy"),
        ("attempt to write a readonly database", "read-only"),
        ("disk I/O error", "could not be written"),
        ("file is not a database", "not a reviewapp database"),
        ("something new", "The database reported an error: something new"),
    ],
)
def test_environment_errors_are_plain_store_errors(message: str, words: str) -> None:
    error = translate(OperationalError("SQL", {}, sqlite3.OperationalError(message)))
    assert type(error) is StoreError
    assert words in str(error)
