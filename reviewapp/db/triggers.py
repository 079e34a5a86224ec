"""Triggers that refuse changes to finalised reviews, frozen evidence and frameworks in use.

Triggers have no portable SQL form, so each supported dialect gets its own text; the rules are the
same. Messages start with ``reviewapp:`` so the services can tell them from other integrity errors.
"""

from __future__ import annotations

_FINALISED = "(SELECT status FROM reviews WHERE id = {ref}.review_id) = 'finalised'"
_REVIEW_CHILDREN = ("competency_ratings", "indicator_ratings", "goals", "signoffs")
_FRAMEWORK_IN_USE = {
    "frameworks": "EXISTS (SELECT 1 FROM reviews WHERE framework_id = OLD.id)",
    "scale_levels": "EXISTS (SELECT 1 FROM reviews WHERE framework_id = OLD.framework_id)",
    "competencies": "EXISTS (SELECT 1 FROM reviews WHERE framework_id = OLD.framework_id)",
    "indicators": (
        "EXISTS (SELECT 1 FROM reviews r JOIN competencies c ON c.framework_id = r.framework_id "
        "WHERE c.id = OLD.competency_id)"
    ),
}
_OVERLAP = (
    "EXISTS (SELECT 1 FROM reviews r WHERE r.staff_id = NEW.staff_id "
    "AND r.review_type = NEW.review_type AND r.id <> NEW.id "
    "AND r.period_start <= NEW.period_end AND NEW.period_start <= r.period_end)"
)
_NOTE_IN_FINALISED_PERIOD = (
    "EXISTS (SELECT 1 FROM reviews r WHERE r.staff_id = NEW.staff_id "
    "AND r.status = 'finalised' AND NEW.observed_on BETWEEN r.period_start AND r.period_end "
    "AND NEW.frozen_by_review_id IS NULL)"
)
# Adding to a framework version in use changes it as much as editing it does.
_FRAMEWORK_IN_USE_INSERT = {
    "scale_levels": "EXISTS (SELECT 1 FROM reviews WHERE framework_id = NEW.framework_id)",
    "competencies": "EXISTS (SELECT 1 FROM reviews WHERE framework_id = NEW.framework_id)",
    "indicators": (
        "EXISTS (SELECT 1 FROM reviews r JOIN competencies c ON c.framework_id = r.framework_id "
        "WHERE c.id = NEW.competency_id)"
    ),
}

MSG_FINALISED = "reviewapp: the review is finalised"
MSG_FROZEN_NOTE = "reviewapp: the evidence note belongs to a finalised review"
MSG_FRAMEWORK_IN_USE = "reviewapp: the framework version is used by a review"
MSG_OVERLAP = "reviewapp: overlapping review period"
MSG_ADDENDUM = "reviewapp: addenda cannot be changed"


def _rules() -> list[tuple[str, str, str, str, str]]:
    """(name, timing event, table, condition, message) for every rule."""
    rules: list[tuple[str, str, str, str, str]] = [
        ("reviews_finalised_upd", "UPDATE", "reviews", "OLD.status = 'finalised'", MSG_FINALISED),
        ("reviews_finalised_del", "DELETE", "reviews", "OLD.status = 'finalised'", MSG_FINALISED),
        ("reviews_overlap_ins", "INSERT", "reviews", _OVERLAP, MSG_OVERLAP),
        ("reviews_overlap_upd", "UPDATE", "reviews", _OVERLAP, MSG_OVERLAP),
        ("addenda_upd", "UPDATE", "addenda", "1 = 1", MSG_ADDENDUM),
        ("addenda_del", "DELETE", "addenda", "1 = 1", MSG_ADDENDUM),
        (
            "addenda_ins",
            "INSERT",
            "addenda",
            "(SELECT status FROM reviews WHERE id = NEW.review_id) <> 'finalised'",
            "reviewapp: addenda are only for finalised reviews",
        ),
        (
            "evidence_frozen_upd",
            "UPDATE",
            "evidence_notes",
            "OLD.frozen_by_review_id IS NOT NULL",
            MSG_FROZEN_NOTE,
        ),
        (
            "evidence_frozen_del",
            "DELETE",
            "evidence_notes",
            "OLD.frozen_by_review_id IS NOT NULL",
            MSG_FROZEN_NOTE,
        ),
        (
            "evidence_period_ins",
            "INSERT",
            "evidence_notes",
            # Notes are frozen by finalising a review (an UPDATE), never born frozen.
            f"NEW.frozen_by_review_id IS NOT NULL OR {_NOTE_IN_FINALISED_PERIOD}",
            MSG_FROZEN_NOTE,
        ),
        (
            "evidence_period_upd",
            "UPDATE",
            "evidence_notes",
            _NOTE_IN_FINALISED_PERIOD,
            MSG_FROZEN_NOTE,
        ),
    ]
    for table in _REVIEW_CHILDREN:
        rules.append((f"{table}_ins", "INSERT", table, _FINALISED.format(ref="NEW"), MSG_FINALISED))
        rules.append((f"{table}_upd", "UPDATE", table, _FINALISED.format(ref="OLD"), MSG_FINALISED))
        rules.append((f"{table}_del", "DELETE", table, _FINALISED.format(ref="OLD"), MSG_FINALISED))
    for table, condition in _FRAMEWORK_IN_USE.items():
        message = MSG_FRAMEWORK_IN_USE
        rules.append((f"{table}_inuse_upd", "UPDATE", table, condition, message))
        rules.append((f"{table}_inuse_del", "DELETE", table, condition, message))
    for table, condition in _FRAMEWORK_IN_USE_INSERT.items():
        rules.append((f"{table}_inuse_ins", "INSERT", table, condition, MSG_FRAMEWORK_IN_USE))
    return rules


def create_statements(dialect: str) -> list[str]:
    """The DDL that creates every trigger on ``dialect`` ('sqlite' or 'postgresql')."""
    statements: list[str] = []
    for name, event, table, condition, message in _rules():
        if dialect == "sqlite":
            statements.append(
                f"CREATE TRIGGER trg_{name} BEFORE {event} ON {table} FOR EACH ROW "
                f"WHEN {condition} BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
        elif dialect == "postgresql":
            result = "OLD" if event == "DELETE" else "NEW"
            statements.append(
                f"CREATE FUNCTION trgf_{name}() RETURNS trigger AS $$ BEGIN "
                f"IF {condition} THEN RAISE EXCEPTION '{message}' USING ERRCODE = '23000'; "
                f"END IF; RETURN {result}; END $$ LANGUAGE plpgsql"
            )
            statements.append(
                f"CREATE TRIGGER trg_{name} BEFORE {event} ON {table} FOR EACH ROW "
                f"EXECUTE FUNCTION trgf_{name}()"
            )
        else:
            raise ValueError(f"no triggers written for the {dialect} dialect")
    return statements


def drop_statements(dialect: str) -> list[str]:
    statements: list[str] = []
    for name, _event, table, _condition, _message in _rules():
        if dialect == "sqlite":
            statements.append(f"DROP TRIGGER IF EXISTS trg_{name}")
        else:
            statements.append(f"DROP TRIGGER IF EXISTS trg_{name} ON {table}")
            statements.append(f"DROP FUNCTION IF EXISTS trgf_{name}()")
    return statements
