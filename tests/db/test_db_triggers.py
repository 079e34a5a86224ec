"""Triggers refuse, through raw SQL, every change a finalised record must never undergo."""

# ruff: noqa: E501  (the SQL tables below read best one statement per line)

from __future__ import annotations

import sqlite3

import pytest
from db_seed import Seeded
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from reviewapp.db import triggers
from reviewapp.db.engine import make_engine, make_session_factory

FINALISED = triggers.MSG_FINALISED
FROZEN = triggers.MSG_FROZEN_NOTE
IN_USE = triggers.MSG_FRAMEWORK_IN_USE

# (what, SQL with {placeholders} filled from Seeded, message the database must give)
REFUSED: list[tuple[str, str, str]] = [
    ("update finalised review", "UPDATE reviews SET strengths = 'x' WHERE id = {final_id}", FINALISED),
    ("reopen finalised review", "UPDATE reviews SET status = 'in_progress', fingerprint = NULL WHERE id = {final_id}", FINALISED),
    ("delete finalised review", "DELETE FROM reviews WHERE id = {final_id}", FINALISED),
    ("insert rating", "INSERT INTO competency_ratings (review_id, competency_id, rating, not_observed, comment) VALUES ({final_id}, {comp_other}, 2, 0, '')", FINALISED),
    ("update rating", "UPDATE competency_ratings SET rating = 1 WHERE review_id = {final_id}", FINALISED),
    ("delete rating", "DELETE FROM competency_ratings WHERE review_id = {final_id}", FINALISED),
    ("insert indicator rating", "INSERT INTO indicator_ratings (review_id, indicator_id, rating, not_observed) VALUES ({final_id}, {ind_other}, 2, 0)", FINALISED),
    ("update indicator rating", "UPDATE indicator_ratings SET rating = 5 WHERE review_id = {final_id}", FINALISED),
    ("delete indicator rating", "DELETE FROM indicator_ratings WHERE review_id = {final_id}", FINALISED),
    ("insert goal", "INSERT INTO goals (uuid, review_id, position, description, success_measure, support, status) VALUES ('g-new', {final_id}, 5, 'New', '', '', 'open')", FINALISED),
    ("update goal", "UPDATE goals SET status = 'achieved' WHERE id = {goal_id}", FINALISED),
    ("delete goal", "DELETE FROM goals WHERE id = {goal_id}", FINALISED),
    ("insert sign-off", "INSERT INTO signoffs (review_id, role, name, signed_on, statement) VALUES ({final_id}, 'employee', 'Sam', '2024-01-11', '')", FINALISED),
    ("update sign-off", "UPDATE signoffs SET name = 'Someone' WHERE review_id = {final_id}", FINALISED),
    ("delete sign-off", "DELETE FROM signoffs WHERE review_id = {final_id}", FINALISED),
    ("update frozen note", "UPDATE evidence_notes SET text = 'Edited' WHERE id = {frozen_note_id}", FROZEN),
    ("unfreeze note", "UPDATE evidence_notes SET frozen_by_review_id = NULL WHERE id = {frozen_note_id}", FROZEN),
    ("delete frozen note", "DELETE FROM evidence_notes WHERE id = {frozen_note_id}", FROZEN),
    ("insert note in finalised period", "INSERT INTO evidence_notes (uuid, staff_id, competency_id, observed_on, source, text, created_at, updated_at) VALUES ('n-new', {staff_id}, {comp_first}, '2023-06-01', 'other', 'Late', '2024-01-01', '2024-01-01')", FROZEN),
    ("insert note on period's first day", "INSERT INTO evidence_notes (uuid, staff_id, competency_id, observed_on, source, text, created_at, updated_at) VALUES ('n-new', {staff_id}, {comp_first}, '2023-01-01', 'other', 'Late', '2024-01-01', '2024-01-01')", FROZEN),
    ("insert note on period's last day", "INSERT INTO evidence_notes (uuid, staff_id, competency_id, observed_on, source, text, created_at, updated_at) VALUES ('n-new', {staff_id}, {comp_first}, '2023-12-31', 'other', 'Late', '2024-01-01', '2024-01-01')", FROZEN),
    ("rename framework in use", "UPDATE frameworks SET title = 'Other' WHERE id = {framework_id}", IN_USE),
    ("delete framework in use", "DELETE FROM frameworks WHERE id = {framework_id}", IN_USE),
    ("relabel scale in use", "UPDATE scale_levels SET label = 'Other' WHERE framework_id = {framework_id}", IN_USE),
    ("delete scale level in use", "DELETE FROM scale_levels WHERE framework_id = {framework_id} AND value = 5", IN_USE),
    ("reword competency in use", "UPDATE competencies SET statement = 'Other' WHERE id = {comp_first}", IN_USE),
    ("delete competency in use", "DELETE FROM competencies WHERE id = {comp_other}", IN_USE),
    ("reword indicator in use", "UPDATE indicators SET text = 'Other' WHERE id = {ind_other}", IN_USE),
    ("delete indicator in use", "DELETE FROM indicators WHERE id = {ind_other}", IN_USE),
    ("add competency to framework in use", "INSERT INTO competencies (framework_id, position, code, statement) VALUES ({framework_id}, 9, 'CS9', 'New')", IN_USE),
    ("add indicator to framework in use", "INSERT INTO indicators (competency_id, position, code, text) VALUES ({comp_first}, 9, 'CS1.9', 'New')", IN_USE),
    ("add scale level to framework in use", "INSERT INTO scale_levels (framework_id, value, label, description) VALUES ({framework_id}, 6, 'Six', '')", IN_USE),
    ("move note into finalised period", "UPDATE evidence_notes SET observed_on = '2023-06-01' WHERE id = {loose_note_id}", FROZEN),
    ("insert note already frozen", "INSERT INTO evidence_notes (uuid, staff_id, competency_id, observed_on, source, text, frozen_by_review_id, created_at, updated_at) VALUES ('n-new', {staff_id}, {comp_first}, '2023-06-01', 'other', 'Late', {final_id}, '2024-01-01', '2024-01-01')", FROZEN),
    ("delete addendum", "DELETE FROM addenda WHERE id = {addendum_id}", triggers.MSG_ADDENDUM),
    ("update addendum", "UPDATE addenda SET text = 'Changed' WHERE id = {addendum_id}", triggers.MSG_ADDENDUM),
    ("addendum on open review", "INSERT INTO addenda (uuid, review_id, author, written_on, text, created_at) VALUES ('a-new', {open_id}, 'Rita', '2024-05-01', 'Note', '2024-05-01')", "addenda are only for finalised reviews"),
    ("overlapping review", "INSERT INTO reviews (uuid, staff_id, framework_id, reviewer_name, review_type, period_start, period_end, status, override_reason, strengths, development_areas, employee_comments, created_at, updated_at) VALUES ('r-new', {staff_id}, {framework_id}, 'Rita', 'annual', '2024-06-01', '2025-05-31', 'draft', '', '', '', '', '2024-01-01', '2024-01-01')", triggers.MSG_OVERLAP),
    ("overlap sharing one day", "INSERT INTO reviews (uuid, staff_id, framework_id, reviewer_name, review_type, period_start, period_end, status, override_reason, strengths, development_areas, employee_comments, created_at, updated_at) VALUES ('r-new', {staff_id}, {framework_id}, 'Rita', 'annual', '2024-12-31', '2025-12-31', 'draft', '', '', '', '', '2024-01-01', '2024-01-01')", triggers.MSG_OVERLAP),
    ("move review onto another", "UPDATE reviews SET period_start = '2023-12-01' WHERE id = {open_id}", triggers.MSG_OVERLAP),
]  # fmt: skip


def fill(sql: str, s: Seeded) -> str:
    return sql.format(
        final_id=s.final_id,
        open_id=s.open_id,
        staff_id=s.staff_id,
        framework_id=s.framework_id,
        comp_first=s.competency_ids[0],
        comp_other=s.competency_ids[-1],
        ind_other=s.indicator_ids[-1],
        goal_id=s.goal_id,
        frozen_note_id=s.frozen_note_id,
        addendum_id=s.addendum_id,
        loose_note_id=s.loose_note_id,
    )


def dump(connection: sqlite3.Connection) -> list[str]:
    return list(connection.iterdump())


@pytest.mark.parametrize(("sql", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_raw_sql_is_refused(
    raw: sqlite3.Connection, seeded: Seeded, sql: str, message: str
) -> None:
    before = dump(raw)
    with pytest.raises(sqlite3.IntegrityError, match=message):
        raw.execute(fill(sql, seeded))
    assert dump(raw) == before


@pytest.mark.parametrize(("sql", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_refused_through_a_session_too(seeded: Seeded, sql: str, message: str) -> None:
    engine = make_engine(seeded.path)
    try:
        with (
            make_session_factory(engine)() as session,
            pytest.raises(IntegrityError, match=message),
        ):
            session.execute(text(fill(sql, seeded)))
    finally:
        engine.dispose()


ALLOWED = [
    ("edit open review", "UPDATE reviews SET strengths = 'x' WHERE id = {open_id}"),
    ("rate open review", "UPDATE competency_ratings SET rating = 5 WHERE review_id = {open_id}"),
    ("add goal to open review", "INSERT INTO goals (uuid, review_id, position, description, success_measure, support, status) VALUES ('g-new', {open_id}, 0, 'New', '', '', 'open')"),
    ("edit loose note", "UPDATE evidence_notes SET text = 'Edited' WHERE id = {loose_note_id}"),
    ("move loose note within open period", "UPDATE evidence_notes SET observed_on = '2024-04-01' WHERE id = {loose_note_id}"),
    ("note outside finalised period", "INSERT INTO evidence_notes (uuid, staff_id, competency_id, observed_on, source, text, created_at, updated_at) VALUES ('n-new', {staff_id}, {comp_first}, '2024-01-01', 'other', 'New', '2024-01-01', '2024-01-01')"),
    ("second addendum", "INSERT INTO addenda (uuid, review_id, author, written_on, text, created_at) VALUES ('a-new', {final_id}, 'Rita', '2024-05-01', 'More', '2024-05-01')"),
    ("review of another type", "INSERT INTO reviews (uuid, staff_id, framework_id, reviewer_name, review_type, period_start, period_end, status, override_reason, strengths, development_areas, employee_comments, created_at, updated_at) VALUES ('r-new', {staff_id}, {framework_id}, 'Rita', 'mid_year', '2024-01-01', '2024-06-30', 'draft', '', '', '', '', '2024-01-01', '2024-01-01')"),
    ("next adjacent review", "INSERT INTO reviews (uuid, staff_id, framework_id, reviewer_name, review_type, period_start, period_end, status, override_reason, strengths, development_areas, employee_comments, created_at, updated_at) VALUES ('r-new', {staff_id}, {framework_id}, 'Rita', 'annual', '2025-01-01', '2025-12-31', 'draft', '', '', '', '', '2024-01-01', '2024-01-01')"),
    ("delete open review", "DELETE FROM reviews WHERE id = {open_id}"),
]  # fmt: skip


@pytest.mark.parametrize("sql", [r[1] for r in ALLOWED], ids=[r[0] for r in ALLOWED])
def test_ordinary_changes_still_pass(raw: sqlite3.Connection, seeded: Seeded, sql: str) -> None:
    before = dump(raw)
    cursor = raw.execute(fill(sql, seeded))
    assert cursor.rowcount >= 1
    assert dump(raw) != before


def test_unused_framework_may_change(raw: sqlite3.Connection, seeded: Seeded) -> None:
    raw.execute(
        "INSERT INTO frameworks (key, version, title, description, source, attribution, "
        "indicator_heading, not_observed_label, created_at) "
        "VALUES ('spare', 1, 'Spare', '', '', '', 'Indicators', 'Not observed', '2024-01-01')"
    )
    spare = raw.execute("SELECT id FROM frameworks WHERE key = 'spare'").fetchone()[0]
    raw.execute(
        f"INSERT INTO scale_levels (framework_id, value, label, description) VALUES ({spare}, 1, 'Low', '')"
    )
    raw.execute(f"UPDATE scale_levels SET label = 'Lowest' WHERE framework_id = {spare}")
    raw.execute(f"UPDATE frameworks SET title = 'Spare two' WHERE id = {spare}")
    raw.execute(f"DELETE FROM frameworks WHERE id = {spare}")
    assert raw.execute(
        "SELECT count(*) FROM scale_levels WHERE framework_id = ?", (spare,)
    ).fetchone() == (0,)
