"""Helpers for the durability tests: a populated database, file fingerprints, the CLI."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from alembic import command

from reviewapp.db import migrate
from reviewapp.db.engine import make_engine
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.review import Assessment, GoalDraft, ReviewDraft, ReviewType, SignOffRole
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services

FIRST = "0001"  # the schema of the first release

RunCli = Callable[..., tuple[int, str, str]]


@dataclass(frozen=True)
class Populated:
    staff_id: int
    finalised_id: int
    in_progress_id: int


def populate(services: Services, *, number: str = "E100", name: str = "Ann Example") -> Populated:
    """One person with a finalised review (evidence, goal, sign-offs, addendum) and an open one."""
    framework = services.frameworks.current()
    first, second = framework.competencies[0], framework.competencies[1]
    member = services.staff.create(StaffDraft(name, number, "Library Clerk", "Main Branch"))
    review = services.reviews.start(
        ReviewDraft(
            member.id, "Pat Manager", ReviewType.ANNUAL, date(2025, 1, 1), date(2025, 12, 31)
        )
    )
    services.evidence.add(
        member.id,
        EvidenceDraft(
            first.id,
            date(2025, 3, 4),
            EvidenceSource.COMPLIMENT,
            "Helped a patron & <friend>",
            first.indicators[0].id,
        ),
    )
    services.evidence.add(
        member.id, EvidenceDraft(second.id, date(2025, 6, 1), EvidenceSource.OTHER, "Ran storytime")
    )
    for n, competency in enumerate(framework.competencies):
        assessment = Assessment(None, True) if n == 3 else Assessment(3 + n % 2)
        services.reviews.set_competency(review.id, competency.id, assessment)
    services.reviews.set_indicator(review.id, first.indicators[1].id, Assessment(4))
    services.reviews.set_comment(review.id, first.id, "Warm with patrons — «always»")
    services.reviews.set_text(review.id, "strengths", "Patience\nand care")
    goal = services.goals.add(
        review.id, GoalDraft("Learn cataloguing", target_date=date(2026, 6, 30))
    ).goals[0]
    services.reviews.sign_off(
        review.id, SignOffRole.REVIEWER, "Pat Manager", date(2026, 1, 8), "ok"
    )
    services.reviews.sign_off(review.id, SignOffRole.EMPLOYEE, name, date(2026, 1, 9), "Read it")
    services.reviews.finalise(review.id)
    services.reviews.add_addendum(review.id, "HR Office", date(2026, 2, 1), "Filed.")
    later = services.reviews.start(
        ReviewDraft(
            member.id, "Pat Manager", ReviewType.ANNUAL, date(2026, 1, 1), date(2026, 12, 31)
        )
    )
    services.goals.add(
        later.id, GoalDraft("Lead a program", support="Training budget"), carried_from_id=goal.id
    )
    services.evidence.add(
        member.id,
        EvidenceDraft(first.id, date(2026, 2, 2), EvidenceSource.SELF_REFLECTION, "Notes"),
    )
    return Populated(member.id, review.id, later.id)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256: equal states mean nothing was touched."""
    return {str(p.relative_to(folder)): sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def revision_of(path: Path) -> str:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def make_populated_db(path: Path) -> Populated:
    services = Services.open(path)
    try:
        return populate(services)
    finally:
        services.close()


def older_database(path: Path) -> None:
    """A database as the first release of reviewapp left it, with someone in it."""
    engine = make_engine(path)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, FIRST)
    engine.dispose()
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO staff (uuid, name, preferred_name, employee_number, position, email, active,"
        " sort_name) VALUES ('6f1c3c1e-8a5e-4d8e-9c53-0d1b2c3d4e5f', 'Old Timer', '', 'E1', '',"
        " '', 1, 'old timer')"
    )
    connection.commit()
    connection.close()
