"""Progressive start-up: the window shell paints before the database layer is even imported, the
database opens on a worker thread and fills the pages, an opening problem gets the way forward,
and the daily backup runs once the window is in use without holding up an edit."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reviewapp import app
from reviewapp.domain.staff import StaffDraft
from reviewapp.services import backup as backup_module
from reviewapp.services.backup import BackupInfo, list_backups
from reviewapp.services.container import Services
from reviewapp.ui.main_window import MainWindow
from reviewapp.ui.open_problem import Choice
from reviewapp.ui.startup import QUIT_CODE, Startup

PROBE = Path(__file__).with_name("start_probe.py")
ROOT = Path(__file__).resolve().parents[2]

Opener = Callable[[str], Services]


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), PYTHONPATH=str(ROOT))
    env["XDG_CONFIG_HOME"] = str(home / "config")
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_the_window_paints_before_the_database_layer_is_imported(tmp_path: Path) -> None:
    database = tmp_path / "reviews.sqlite3"
    done = _run([str(PROBE), str(database)], tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["heavy"] == []  # no SQLAlchemy, Alembic, ReportLab or services at first paint
    assert result["attached"] is False
    assert result["opening"] == "Opening reviews.sqlite3…"
    assert result["add_staff_enabled"] is False
    assert result["attached_later"] is True  # then the database opened and the pages filled
    assert result["database_label"] == f"Database: {database.name}"
    assert result["code"] == 0
    assert [b.kind for b in list_backups(database)] == ["auto"]  # daily, then closing backup


def test_the_version_and_the_commands_never_import_qt(tmp_path: Path) -> None:
    check = (
        "import sys\n"
        "from reviewapp import cli\n"
        "try:\n"
        "    cli.main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO QT')\n"
    )
    database = str(tmp_path / "reviews.sqlite3")
    for args in (["--version"], ["--db", database, "staff", "list"]):
        done = _run(["-c", check, *args], tmp_path)
        assert done.stdout.strip().splitlines()[-1] == "NO QT", (args, done.stderr)


def test_the_shell_shows_where_it_is_opening_and_waits_for_the_database(
    qtbot, qsettings: QSettings, db_path: Path
) -> None:
    window = MainWindow(None, qsettings, location=str(db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.attached
    assert window.opening_label.text() == "Opening reviews.sqlite3…"
    assert window.database_label.text() == f"Opening database: {db_path.name}"
    assert window.database_label.toolTip() == str(db_path)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Review", "&Help"]
    actions = window.window_actions
    assert all(not a.isEnabled() for a in actions.needing_database())
    assert actions.quit.isEnabled() and actions.shortcuts.isEnabled()
    assert not window.nav.isEnabled()
    assert not hasattr(window, "staff_list")
    with pytest.raises(RuntimeError, match="not open yet"):
        _ = window.services
    window.close()  # closing before the database opened saves the window and nothing else
    assert qsettings.value("window/geometry") is not None
    assert qsettings.value("splitters/editor") is None


def test_attaching_the_database_fills_the_pages(
    qtbot, qsettings: QSettings, services: Services
) -> None:
    services.staff.create(StaffDraft("Ana Noël", "E100"))
    window = MainWindow(None, qsettings, location=services.location)
    qtbot.addWidget(window)
    window.show()
    window.attach(services)
    qtbot.waitUntil(lambda: not window.staff_list.loading)
    assert window.staff_list.model.rowCount() == 1
    assert window.pages.currentWidget() is window.staff_list
    assert window.pages.count() == 5  # the five pages; the "Opening …" one has gone
    assert window.database_label.text() == f"Database: {Path(services.location).name}"
    assert window.database_label.toolTip() == services.location
    actions = window.window_actions
    assert all(a.isEnabled() for a in actions.needing_database() if a is not actions.edit_staff)
    edit_menu = [a.text() for a in window.window_actions.edit_menu.actions() if a.text()]
    assert edit_menu[:2] == ["&Undo", "&Redo"] and "Find &evidence…" in edit_menu
    with pytest.raises(RuntimeError):
        window.attach(services)
    window.close()
    window.tasks.wait()


@pytest.fixture
def start(qtbot, qsettings: QSettings) -> Iterator[Callable[..., tuple[MainWindow, Startup]]]:
    """The app's start-up on a window shell; at the end the database is closed (finish)."""
    started: list[Startup] = []

    def make(location: Path, opener: Opener = app.open_services, **ways) -> tuple:
        window = MainWindow(None, qsettings, location=str(location))
        qtbot.addWidget(window)
        startup = Startup(window, opener, **ways)
        window.show()
        startup.start()
        started.append(startup)
        return window, startup

    yield make
    for startup in started:
        if startup.window.isVisible():
            startup.window.close()
        startup.finish()


def test_the_database_opens_in_the_background_and_fills_the_window(
    qtbot, start, db_path: Path
) -> None:
    window, startup = start(db_path)
    assert not window.attached  # shown first
    order: list[str] = []
    startup.painted.connect(lambda: order.append("painted"))
    startup.opened.connect(lambda _services: order.append("opened"))
    with qtbot.waitSignal(startup.opened, timeout=20_000):
        pass
    assert order == ["painted", "opened"]
    assert window.services is startup.services
    assert not window.services.access.read_only  # this window holds the writer's lock
    qtbot.waitUntil(lambda: not window.staff_list.loading)
    assert window.window_actions.add_staff.isEnabled()


def test_an_opening_problem_gets_the_way_forward_and_quit_leaves_the_file_alone(
    qtbot, start, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database at all " * 200)
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    asked: list[str] = []

    def ask(location: str, message: str, _backup: BackupInfo | None) -> Choice:
        asked.append(message)
        return Choice.QUIT

    window, startup = start(damaged, ask=ask)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert asked == [
        "damaged.sqlite3 is not a reviewapp database (it is not a database file at all). "
        "It has been left as it is: choose another file."
    ]
    assert startup.quit_code == QUIT_CODE
    assert not window.attached
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before


def test_choosing_another_file_opens_that_one(qtbot, start, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"\0" * 4096)
    good = tmp_path / "good.sqlite3"
    window, startup = start(
        damaged, ask=lambda *_args: Choice.ANOTHER_FILE, choose_file=lambda _now: str(good)
    )
    with qtbot.waitSignal(startup.opened, timeout=20_000):
        pass
    assert window.location == str(good)
    assert window.attached and window.services.location == str(good)
    assert startup.quit_code is None


def test_closing_while_opening_still_closes_what_was_opened(qtbot, start, db_path: Path) -> None:
    release = threading.Event()
    opened: list[Services] = []

    def slow_open(location: str) -> Services:
        release.wait(20)
        opened.append(app.open_services(location))
        return opened[0]

    window, startup = start(db_path, opener=slow_open)
    qtbot.waitUntil(lambda: startup.is_opening)
    window.close()
    release.set()
    startup.finish()
    assert not window.attached  # never attached to a closed window
    assert opened and opened[0].access.lock is None  # closed: the writer's lock released
    assert [b.kind for b in list_backups(db_path)] == ["auto"]  # with its closing backup


def test_the_daily_backup_runs_after_the_window_is_shown_and_an_edit_is_saved_meanwhile(
    qtbot, start, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "STEP_PAGES", 1)
    copying, edited = threading.Event(), threading.Event()
    real_write = backup_module.write_backup

    def progress(_status: int, remaining: int, _total: int) -> None:
        if remaining and not copying.is_set():
            copying.set()
            edited.wait(20)  # hold the backup half-copied until the edit is saved

    def write_with_progress(source, target: Path, **_kw) -> object:
        return real_write(source, target, progress=progress)

    monkeypatch.setattr(backup_module, "write_backup", write_with_progress)
    window, startup = start(db_path)
    with qtbot.waitSignal(startup.opened, timeout=20_000):
        pass
    assert window.isVisible()
    qtbot.waitUntil(copying.is_set, timeout=20_000)
    assert list_backups(db_path) == []  # not made before the window: it is under way now
    qtbot.waitUntil(lambda: startup.backup_label.text() == "Backing up…")
    assert window.attached
    window.services.staff.create(StaffDraft("Saved Meanwhile", "E555"))  # not held up
    edited.set()
    with qtbot.waitSignal(startup.backedUp, timeout=20_000) as made:
        pass
    assert isinstance(made.args[0], BackupInfo)
    assert startup.backup_label.text() == "Backed up" and startup.backup_label.isVisible()
    assert [b.kind for b in list_backups(db_path)] == ["auto"]
    assert "Saved Meanwhile" in [m.name for m in window.services.staff.list()]
