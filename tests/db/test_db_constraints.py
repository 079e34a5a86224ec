"""CHECK and UNIQUE constraints reject rows that must never be stored, whoever writes them."""

# ruff: noqa: E501  (the SQL tables below read best one statement per line)

from __future__ import annotations

import sqlite3

import pytest
from db_seed import Seeded

REVIEW = (
    "INSERT INTO reviews (uuid, staff_id, framework_id, reviewer_name, review_type, period_start, "
    "period_end, status, overall_override, override_reason, strengths, development_areas, "
    "employee_comments, fingerprint, created_at, updated_at) VALUES ({uuid}, {staff_id}, "
    "{framework_id}, 'Rita', {type}, {start}, {end}, {status}, {override}, {reason}, '', '', '', "
    "{fingerprint}, '2025-01-01', '2025-01-01')"
)
REVIEW_OK = {
    "uuid": "'r-new'",
    "type": "'probationary'",
    "start": "'2025-01-01'",
    "end": "'2025-03-31'",
    "status": "'draft'",
    "override": "NULL",
    "reason": "''",
    "fingerprint": "NULL",
}
RATING = "INSERT INTO competency_ratings (review_id, competency_id, rating, not_observed, comment) VALUES ({open_id}, {competency}, {rating}, {not_observed}, '')"
INDICATOR = "INSERT INTO indicator_ratings (review_id, indicator_id, rating, not_observed) VALUES ({open_id}, {indicator}, {rating}, {not_observed})"
STAFF = "INSERT INTO staff (uuid, name, preferred_name, employee_number, position, email, active, sort_name) VALUES ({uuid}, {name}, '', {number}, '', '', 1, 'x')"
NOTE = "INSERT INTO evidence_notes (uuid, staff_id, competency_id, observed_on, source, text, created_at, updated_at) VALUES ('n-new', {staff_id}, {competency}, '2025-02-01', {source}, {text}, '2025-01-01', '2025-01-01')"
GOAL = "INSERT INTO goals (uuid, review_id, position, description, success_measure, support, status) VALUES ({uuid}, {open_id}, 3, {description}, '', '', {status})"
SIGNOFF = "INSERT INTO signoffs (review_id, role, name, signed_on, statement) VALUES ({open_id}, {role}, {name}, '2025-01-01', '')"


def review(**changes: str) -> tuple[str, dict[str, str]]:
    return REVIEW, {**REVIEW_OK, **changes}


BAD: list[tuple[str, str, dict[str, str], str]] = [
    ("period ends on its start", *review(end="'2025-01-01'"), "ck_reviews_period_order"),
    ("period ends before it starts", *review(end="'2024-12-31'"), "ck_reviews_period_order"),
    ("unknown review status", *review(status="'archived'"), "ck_reviews_status"),
    ("unknown review type", *review(type="'quarterly'"), "ck_reviews_review_type"),
    ("override without reason", *review(override="4", reason="''"), "ck_reviews_override_needs_reason"),
    ("override with blank reason", *review(override="4", reason="'   '"), "ck_reviews_override_needs_reason"),
    ("override off the scale", *review(override="10", reason="'x'"), "ck_reviews_override_needs_reason"),
    ("fingerprint on a draft", *review(fingerprint="'abc'"), "ck_reviews_fingerprint_iff_finalised"),
    ("duplicate review uuid", *review(uuid="(SELECT uuid FROM reviews LIMIT 1)"), "UNIQUE constraint failed: reviews.uuid"),
    ("rating 0", RATING, {"rating": "0", "not_observed": "0"}, "ck_competency_ratings_rating"),
    ("rating 10", RATING, {"rating": "10", "not_observed": "0"}, "ck_competency_ratings_rating"),
    ("rating and not observed", RATING, {"rating": "3", "not_observed": "1"}, "ck_competency_ratings_rating"),
    ("competency rated twice", RATING.replace("{competency}", "{rated}"), {"rating": "2", "not_observed": "0"}, "UNIQUE constraint failed"),
    ("indicator rating 0", INDICATOR, {"rating": "0", "not_observed": "0"}, "ck_indicator_ratings_rating"),
    ("indicator rating and not observed", INDICATOR, {"rating": "2", "not_observed": "1"}, "ck_indicator_ratings_rating"),
    ("duplicate employee number", STAFF, {"uuid": "'s-new'", "name": "'Other'", "number": "'E-100'"}, "UNIQUE constraint failed: staff.employee_number"),
    ("blank staff name", STAFF, {"uuid": "'s-new'", "name": "'  '", "number": "'E-200'"}, "ck_staff_name_not_blank"),
    ("blank employee number", STAFF, {"uuid": "'s-new'", "name": "'Bo'", "number": "' '"}, "ck_staff_employee_number_not_blank"),
    ("missing staff name", STAFF, {"uuid": "'s-new'", "name": "NULL", "number": "'E-200'"}, "NOT NULL constraint failed: staff.name"),
    ("blank branch name", "INSERT INTO branches (name) VALUES ('')", {}, "ck_branches_name_not_blank"),
    ("duplicate branch", "INSERT INTO branches (name) VALUES ('Central')", {}, "UNIQUE constraint failed: branches.name"),
    ("unknown evidence source", NOTE, {"source": "'gossip'", "text": "'x'"}, "ck_evidence_notes_source"),
    ("blank evidence text", NOTE, {"source": "'other'", "text": "' '"}, "ck_evidence_notes_text_not_blank"),
    ("unknown goal status", GOAL, {"uuid": "'g-new'", "description": "'x'", "status": "'maybe'"}, "ck_goals_status"),
    ("blank goal", GOAL, {"uuid": "'g-new'", "description": "''", "status": "'open'"}, "ck_goals_description_not_blank"),
    ("unknown sign-off role", SIGNOFF, {"role": "'witness'", "name": "'Bo'"}, "ck_signoffs_role"),
    ("blank sign-off name", SIGNOFF, {"role": "'employee'", "name": "' '"}, "ck_signoffs_name_not_blank"),
    ("scale level 0", "INSERT INTO scale_levels (framework_id, value, label, description) VALUES ({spare}, 0, 'Zero', '')", {}, "ck_scale_levels_value"),
    ("framework version 0", "INSERT INTO frameworks (key, version, title, description, source, attribution, indicator_heading, not_observed_label, created_at) VALUES ('k', 0, 't', '', '', '', 'I', 'N', '2025-01-01')", {}, "ck_frameworks_version"),
    ("framework key and version twice", "INSERT INTO frameworks (key, version, title, description, source, attribution, indicator_heading, not_observed_label, created_at) VALUES ('spare', 1, 't', '', '', '', 'I', 'N', '2025-01-01')", {}, "UNIQUE constraint failed: frameworks.key, frameworks.version"),
    ("review of unknown staff", REVIEW.replace("{staff_id}", "9999"), REVIEW_OK, "FOREIGN KEY"),
]  # fmt: skip


@pytest.fixture
def spare(raw: sqlite3.Connection) -> int:
    """A framework no review uses, so that only constraints (not triggers) can refuse."""
    raw.execute(
        "INSERT INTO frameworks (key, version, title, description, source, attribution, "
        "indicator_heading, not_observed_label, created_at) "
        "VALUES ('spare', 1, 'Spare', '', '', '', 'Indicators', 'Not observed', '2025-01-01')"
    )
    return int(raw.execute("SELECT id FROM frameworks WHERE key = 'spare'").fetchone()[0])


def _sql(
    template: str, values: dict[str, str], s: Seeded, raw: sqlite3.Connection, spare: int
) -> str:
    rated = raw.execute(
        "SELECT competency_id FROM competency_ratings WHERE review_id = ?", (s.open_id,)
    ).fetchone()[0]
    unrated = next(c for c in s.competency_ids if c != rated)
    return template.format(
        **values,
        staff_id=s.staff_id,
        framework_id=s.framework_id,
        open_id=s.open_id,
        competency=unrated,
        rated=rated,
        indicator=s.indicator_ids[1],
        spare=spare,
    )


@pytest.mark.parametrize(
    ("template", "values", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_rows_are_rejected(
    raw: sqlite3.Connection,
    seeded: Seeded,
    spare: int,
    template: str,
    values: dict[str, str],
    message: str,
) -> None:
    before = list(raw.iterdump())
    with pytest.raises(sqlite3.IntegrityError, match=message):
        raw.execute(_sql(template, values, seeded, raw, spare))
    assert list(raw.iterdump()) == before


GOOD: list[tuple[str, str, dict[str, str]]] = [
    ("valid review", *review()),
    ("override with reason", *review(override="4", reason="'Covered a branch'")),
    ("rating 1", RATING, {"rating": "1", "not_observed": "0"}),
    ("rating 9", RATING, {"rating": "9", "not_observed": "0"}),
    ("not observed", RATING, {"rating": "NULL", "not_observed": "1"}),
    ("unrated", RATING, {"rating": "NULL", "not_observed": "0"}),
    ("new staff", STAFF, {"uuid": "'s-new'", "name": "'Bo'", "number": "'E-200'"}),
    ("evidence", NOTE, {"source": "'complaint'", "text": "'Late reply'"}),
    ("employee sign-off", SIGNOFF, {"role": "'employee'", "name": "'Sam'"}),
]  # fmt: skip


@pytest.mark.parametrize(("template", "values"), [g[1:] for g in GOOD], ids=[g[0] for g in GOOD])
def test_good_rows_are_accepted(
    raw: sqlite3.Connection, seeded: Seeded, spare: int, template: str, values: dict[str, str]
) -> None:
    assert raw.execute(_sql(template, values, seeded, raw, spare)).rowcount == 1
