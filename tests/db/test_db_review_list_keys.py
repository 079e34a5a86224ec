"""Migration 0004: folded sort keys filled in for rows already stored, finalised ones included."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from db_seed import Seeded

from reviewapp.db import migrate
from reviewapp.db.engine import make_engine


def _schema(path: object) -> tuple[set[str], set[str], str]:
    """(trigger names, review columns, the finalised-review trigger's SQL)."""
    plain = sqlite3.connect(str(path))
    try:
        found = {
            name for (name,) in plain.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        columns = {row[1] for row in plain.execute("PRAGMA table_info(reviews)")}
        (sql,) = plain.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'trg_reviews_finalised_upd'"
        ).fetchone()
        return found, columns, sql
    finally:
        plain.close()


def test_upgrade_fills_the_keys_and_keeps_finalised_reviews_protected(seeded: Seeded) -> None:
    triggers_before, _columns, trigger_sql = _schema(seeded.path)
    engine = make_engine(seeded.path)
    try:
        config = migrate._config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
        down_triggers, down_columns, _sql = _schema(seeded.path)
        assert "sort_name_snapshot" not in down_columns
        assert down_triggers == triggers_before  # dropping the columns kept every trigger
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    triggers_after, columns, sql_after = _schema(seeded.path)
    assert {"sort_name_snapshot", "branch_sort_snapshot"} <= columns
    assert triggers_after == triggers_before
    assert sql_after == trigger_sql
    raw = sqlite3.connect(seeded.path, isolation_level=None)
    try:
        keys = raw.execute(
            "SELECT sort_name_snapshot, branch_sort_snapshot FROM reviews WHERE id = ?",
            (seeded.final_id,),
        ).fetchone()
        assert keys == ("sam staff", "central")
        assert raw.execute(
            "SELECT sort_name_snapshot FROM reviews WHERE id = ?", (seeded.open_id,)
        ).fetchone() == (None,)
        assert raw.execute("SELECT name, sort_name FROM branches").fetchall() == [
            ("Central", "central")
        ]
        with pytest.raises(sqlite3.IntegrityError, match="the review is finalised"):
            raw.execute(
                "UPDATE reviews SET sort_name_snapshot = 'x' WHERE id = ?", (seeded.final_id,)
            )
    finally:
        raw.close()
