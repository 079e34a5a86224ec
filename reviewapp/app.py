"""The desktop app's composition root: database path -> window shell -> Services (background).

Start-up is progressive: only Qt and the window shell are imported before the window paints;
the database layer (SQLAlchemy, Alembic) is imported and the database opened on a worker thread
afterwards (``ui.startup``), and the daily backup is made in the background once the window is
in use. On closing, the window disappears first; the closing backup then completes before the
process ends.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from reviewapp import paths
from reviewapp.domain.errors import ReviewAppError

if TYPE_CHECKING:
    from types import TracebackType

    from PySide6.QtWidgets import QApplication

    from reviewapp.services.container import Services
    from reviewapp.ui.main_window import MainWindow


def open_services(location: str) -> Services:
    """How the app opens its database (on the start-up worker thread).

    One writer at a time: a second window on the same file opens read-only and says why. The
    daily backup is left for later, so that it never delays the window.
    """
    from reviewapp.services.container import Services

    return Services.open(
        location, backups=True, lock=True, if_in_use="read_only", defer_daily_backup=True
    )


def _check_early(location: str) -> None:
    """Read the file through SQLite's quick check on the other core while the opening thread
    imports the database layer; started after the first paint, so it does not slow that."""
    if "://" not in location:
        from reviewapp.services import quick_check

        quick_check.start(location)


def _check_fully(window: MainWindow) -> None:
    """Start-up ran only SQLite's quick check: once the window shows the database, the full
    integrity and foreign key checks run in the background (a warning and a way forward if
    they find damage)."""
    from reviewapp.ui.full_check import check_after_opening

    check_after_opening(window, window.features.backups)


def _report_faults(app: QApplication) -> None:
    """The log file and the crash dialog, installed once the window shell has painted (their
    modules, logging's among them, would otherwise delay that first paint)."""
    from reviewapp.ui import crash

    if not crash.installed():
        crash.install(crash.start_logging(), parent=app)


def report_early_fault(
    kind: type[BaseException], exc: BaseException, trace: TracebackType | None
) -> None:
    """A fault in the moment before the first paint: the log and the dialog are set up for it."""
    from PySide6.QtWidgets import QApplication

    from reviewapp.ui import crash

    app = QApplication.instance()
    if not crash.installed() and isinstance(app, QApplication):
        crash.install(crash.start_logging(), parent=app)
    hook = sys.excepthook  # the crash reporter's now, unless there was no app to show it in
    (sys.__excepthook__ if hook is report_early_fault else hook)(kind, exc, trace)


def _scale_indicators(app: QApplication) -> None:
    """Check boxes and radio buttons grow with the text. Installed once the window shell has
    painted (it has neither): the style's Python hooks would otherwise slow that first paint."""
    from reviewapp.ui import text_scaled_style

    text_scaled_style.install(app)


def main(database: str | None = None) -> int:
    location = database or str(paths.default_database())
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reviewapp.ui.main_window import MainWindow
    from reviewapp.ui.startup import Startup

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    # From here on a fault anywhere is logged and shown once, in words, with where the log is.
    sys.excepthook = report_early_fault
    app.setOrganizationName(paths.APP_NAME)
    app.setApplicationName(paths.APP_NAME)
    window = MainWindow(None, QSettings(paths.APP_NAME, paths.APP_NAME), location=location)
    # A file that will not open gets a way forward: another file, the newest good backup, or quit.
    startup = Startup(window, open_services, check_early=_check_early)
    startup.painted.connect(lambda: _report_faults(app))
    startup.painted.connect(lambda: _scale_indicators(app))
    startup.opened.connect(lambda _services: _check_fully(window))
    window.show()
    startup.start()
    code = int(app.exec())
    window.hide()  # closed already; the closing backup below runs with no window left waiting
    try:
        startup.finish()
    except ReviewAppError as exc:
        from reviewapp.ui.message_list import MessageListDialog, split_message

        summary, items = split_message(f"Closing the database: {exc}")
        MessageListDialog("reviewapp", summary, items, "Problems").exec()
    return startup.quit_code if startup.quit_code is not None else code
