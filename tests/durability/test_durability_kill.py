"""Kill test: a writer is killed with SIGKILL at random moments, again and again; afterwards the
database is intact and every edit it acknowledged is there, whole."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reviewapp.services.check import inspect
from reviewapp.services.container import Services

WRITER = Path(__file__).with_name("kill_writer.py")
ROUNDS = 30
SEED = 20261129

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _run_and_kill(database: Path, first: int, delay: float) -> list[int]:
    """Start the writer, kill it after ``delay`` seconds; the numbers it acknowledged."""
    command = [sys.executable, str(WRITER), str(database), str(first)]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        stdout = process.stdout
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(stdout), daemon=True)
        reader.start()
        time.sleep(delay)
        early_exit = process.poll()
        process.send_signal(signal.SIGKILL)
        process.wait()
        reader.join()
        errors = process.stderr.read()
    assert early_exit is None, f"the writer stopped by itself:\n{errors}"
    return [int(line) for line in lines if line.strip()]


def _stored(database: Path) -> tuple[set[int], set[int]]:
    """The edit numbers stored as notes, and those stored as staff members with their branch."""
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        notes = {
            int(text.removeprefix("edit "))
            for (text,) in connection.execute("SELECT text FROM evidence_notes")
        }
        staff = {
            int(name.removeprefix("Kill "))
            for (name, branch) in connection.execute(
                "SELECT s.name, b.name FROM staff s JOIN branches b ON b.id = s.branch_id"
            )
            if branch == f"Branch {name.removeprefix('Kill ')}"
        }
        return notes, staff
    finally:
        connection.close()


def test_every_acknowledged_edit_survives_sigkill(tmp_path: Path) -> None:
    database = tmp_path / "reviews.sqlite3"
    rng = random.Random(SEED)
    acknowledged: set[int] = set()
    first = 0
    killed_while_writing = 0
    for _round in range(ROUNDS):
        numbers = _run_and_kill(database, first, rng.uniform(0.1, 1.4))
        killed_while_writing += bool(numbers)
        acknowledged.update(numbers)
        if not database.exists():
            assert not acknowledged  # killed while the very first start built the database
            continue
        report = inspect(database)
        assert report.ok, report.message
        notes, staff = _stored(database)
        assert acknowledged <= notes, f"lost: {sorted(acknowledged - notes)[:10]}"
        assert {n for n in acknowledged if n % 10 == 0} <= staff
        first = max(notes | acknowledged, default=-1) + 1

    assert killed_while_writing >= ROUNDS // 3, "too few kills landed while edits were made"
    assert len(acknowledged) >= 100
    services = Services.open(database, lock=True, if_in_use="refuse")  # the stale lock is gone
    try:
        assert not services.access.read_only
        member = next(m for m in services.staff.list() if m.employee_number == "K0")
        texts = {n.text for n in services.evidence.for_staff(member.id)}
        assert {f"edit {n}" for n in acknowledged} <= texts
        last = max(acknowledged)
        hits = services.search.evidence(f"edit {last}", staff_id=member.id)
        assert f"edit {last}" in {hit.note.text for hit in hits}
    finally:
        services.close()
    connection = sqlite3.connect(database)
    try:
        # The search index was written in the same transactions as the notes: still in step.
        connection.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')")
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
