"""PostgreSQL trigger DDL checked as text (no server here): a function and a trigger per rule."""

from __future__ import annotations

import re

import pytest

from reviewapp.db import triggers

FUNCTION = re.compile(
    r"^CREATE FUNCTION trgf_(?P<name>\w+)\(\) RETURNS trigger AS \$\$ BEGIN "
    r"IF (?P<condition>.+) THEN RAISE EXCEPTION '(?P<message>reviewapp: [^']+)' "
    r"USING ERRCODE = '23000'; END IF; RETURN (?P<result>NEW|OLD); END \$\$ LANGUAGE plpgsql$"
)
TRIGGER = re.compile(
    r"^CREATE TRIGGER trg_(?P<name>\w+) BEFORE (?P<event>INSERT|UPDATE|DELETE) ON (?P<table>\w+) "
    r"FOR EACH ROW EXECUTE FUNCTION trgf_(?P<function>\w+)\(\)$"
)


def _pairs() -> list[tuple[re.Match[str], re.Match[str]]]:
    statements = triggers.create_statements("postgresql")
    assert len(statements) % 2 == 0
    pairs = []
    for function_sql, trigger_sql in zip(statements[::2], statements[1::2], strict=True):
        function, trigger = FUNCTION.match(function_sql), TRIGGER.match(trigger_sql)
        assert function is not None, function_sql
        assert trigger is not None, trigger_sql
        pairs.append((function, trigger))
    return pairs


def _balanced(sql: str) -> bool:
    depth = 0
    for ch in re.sub(r"'[^']*'", "''", sql):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0 and sql.count("'") % 2 == 0


def test_one_function_and_one_trigger_per_rule() -> None:
    pairs = _pairs()
    sqlite = triggers.create_statements("sqlite")
    assert len(pairs) == len(sqlite)
    names = [function["name"] for function, _ in pairs]
    assert len(set(names)) == len(names)
    for function, trigger in pairs:
        assert trigger["name"] == function["name"] == trigger["function"]


def test_same_rules_as_sqlite() -> None:
    sqlite_rules = {
        (m.group(1), m.group(2), m.group(3))
        for s in triggers.create_statements("sqlite")
        if (m := re.match(r"CREATE TRIGGER trg_(\w+) BEFORE (\w+) ON (\w+) ", s))
    }
    pg_rules = {(t["name"], t["event"], t["table"]) for _, t in _pairs()}
    assert pg_rules == sqlite_rules


def test_functions_return_the_row_postgresql_expects() -> None:
    for function, trigger in _pairs():
        expected = "OLD" if trigger["event"] == "DELETE" else "NEW"
        assert function["result"] == expected, function["name"]


def test_conditions_only_use_rows_the_event_has() -> None:
    for function, trigger in _pairs():
        condition = function["condition"]
        assert _balanced(function.group(0)), function["name"]
        if trigger["event"] == "INSERT":
            assert "OLD." not in condition, function["name"]
        if trigger["event"] == "DELETE":
            assert "NEW." not in condition, function["name"]
        # SQLite-only syntax must not leak into the PostgreSQL text.
        assert "RAISE(" not in condition
        assert not re.search(r"\bWHEN\b", condition)


def test_expected_rules_are_present() -> None:
    rules = {(t["table"], t["event"]) for _, t in _pairs()}
    for table in ("competency_ratings", "indicator_ratings", "goals", "signoffs"):
        assert {(table, "INSERT"), (table, "UPDATE"), (table, "DELETE")} <= rules
    assert {("reviews", "UPDATE"), ("reviews", "DELETE"), ("reviews", "INSERT")} <= rules
    assert {("evidence_notes", "UPDATE"), ("evidence_notes", "DELETE")} <= rules
    assert {("addenda", "UPDATE"), ("addenda", "INSERT"), ("addenda", "DELETE")} <= rules
    for table in ("frameworks", "scale_levels", "competencies", "indicators"):
        assert {(table, "UPDATE"), (table, "DELETE")} <= rules


def test_drop_statements_undo_every_trigger_and_function() -> None:
    names = [function["name"] for function, _ in _pairs()]
    drops = triggers.drop_statements("postgresql")
    for function, trigger in _pairs():
        name, table = function["name"], trigger["table"]
        assert f"DROP TRIGGER IF EXISTS trg_{name} ON {table}" in drops
        assert f"DROP FUNCTION IF EXISTS trgf_{name}()" in drops
    assert len(drops) == 2 * len(names)
    assert len(triggers.drop_statements("sqlite")) == len(names)


def test_unknown_dialect_is_refused() -> None:
    with pytest.raises(ValueError, match="mysql"):
        triggers.create_statements("mysql")
