"""Start-up in the background, after the window shell has painted.

The database is opened (checked, locked, migrated if older) on a worker thread once the window
has painted its first frame; the window then attaches it and loads its pages. A database that
will not open gets the way forward of ``open_problem`` (another file, the newest good backup, or
quit). Then the daily backup is made in the background, while the window is in use; at the end
``finish`` waits for both and closes the database, which makes the closing backup.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from reviewapp.domain.errors import ReviewAppError
from reviewapp.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from reviewapp.services.backup import BackupInfo
    from reviewapp.services.container import Services
    from reviewapp.ui.open_problem import Ask, ChooseFile, Tell

log = logging.getLogger(__name__)

QUIT_CODE = 2
"""The exit code when the database did not open and the person chose to quit."""
AFTER_PAINT_MS = 1
"""Start the opening on a timer just after the first paint: a timer runs after everything the
paint pass queued, so the work that begins there never holds up the frame."""
PAINT_FALLBACK_MS = 250
"""Open anyway if no paint was seen by then (a window started minimised paints nothing)."""
BACKING_UP_AFTER_MS = 300
"""Say "Backing up…" only if the daily backup is still running then (none may be due)."""
BACKED_UP_SHOWN_MS = 10_000


class _Opening(QThread):
    """Opens one database on its own thread; the result is read after ``finished``."""

    def __init__(self, location: str, open_services: Callable[[str], Services]) -> None:
        super().__init__()
        self.location = location
        self._open_services = open_services
        self.services: Services | None = None
        self.error = ""

    def run(self) -> None:
        try:
            self.services = self._open_services(self.location)
        except ReviewAppError as exc:
            self.error = str(exc)
        except Exception as exc:  # a bug must still reach the person, not leave "Opening…"
            log.exception("opening the database failed")
            self.error = f"Something went wrong while opening the database ({exc!r})."


class OpeningHost(Protocol):
    """What the opening needs of the main window, beyond being a ``QMainWindow``."""

    location: str

    def show_opening(self, location: str) -> None: ...

    def attach(self, services: Services) -> None: ...

    def show_message(self, text: str) -> None: ...


class Startup(QObject):
    """Opens the window's database in the background, then makes the daily backup."""

    painted = Signal()  # the window shell has painted: what can wait until then, may start
    opened = Signal(object)  # the Services, once attached to the window
    backedUp = Signal(object)  # the daily BackupInfo, or None when none was due

    def __init__(
        self,
        window: QMainWindow,
        open_services: Callable[[str], Services],
        *,
        check_early: Callable[[str], None] | None = None,
        ask: Ask | None = None,
        choose_file: ChooseFile | None = None,
        tell: Tell | None = None,
    ) -> None:
        """``check_early(location)`` starts a check of the file on a thread of its own as the
        opening begins; ``ask``, ``choose_file`` and ``tell`` replace the way-forward dialogs."""
        super().__init__(window)
        self.setObjectName("startup")
        self.window = window
        self.host = cast("OpeningHost", window)
        self.services: Services | None = None
        self.quit_code: int | None = None
        self._open_services = open_services
        self._check_early = check_early
        self._ask, self._choose_file, self._tell = ask, choose_file, tell
        self._opening: _Opening | None = None
        self._started = False
        self._backups = TaskRunner(self)
        self.backup_label = QLabel()
        self.backup_label.setAccessibleName("Daily backup")
        self.backup_label.setVisible(False)
        # Index 1: after the message line, the status bar's one normal widget, and before the rest.
        window.statusBar().insertPermanentWidget(1, self.backup_label)

    # -- opening ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the database as soon as the window has painted (call after ``show``)."""
        self.window.installEventFilter(self)
        QTimer.singleShot(PAINT_FALLBACK_MS, self._open_first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(AFTER_PAINT_MS, self._open_first)
        return False

    def _open_first(self) -> None:
        if not self._started:
            self._started = True
            self.window.removeEventFilter(self)
            self.painted.emit()
            self._open(self.host.location)

    def _open(self, location: str) -> None:
        self.host.show_opening(location)
        if self._check_early is not None:
            self._check_early(location)
        opening = _Opening(location, self._open_services)
        opening.finished.connect(lambda: self._finished_opening(opening))
        self._opening = opening
        opening.start()

    @property
    def is_opening(self) -> bool:
        """The database is being opened on the worker thread right now."""
        return self._opening is not None and self._opening.isRunning()

    def _finished_opening(self, opening: _Opening) -> None:
        if opening is not self._opening or not self.window.isVisible():
            return  # closed meanwhile: finish() closes what was opened
        if opening.services is not None:
            self.services = opening.services
            self.host.attach(opening.services)
            self.opened.emit(opening.services)
            self._back_up()
            return
        following = self._find_a_way(opening.location, opening.error)
        if following is None:
            self.quit_code = QUIT_CODE
            self.window.close()
        else:
            self._open(following)

    def _find_a_way(self, location: str, message: str) -> str | None:
        from reviewapp.ui import open_problem

        return open_problem.find_a_way(
            location,
            message,
            self._ask or open_problem.ask_with_dialog,
            self._choose_file or open_problem.choose_with_dialog,
            self._tell or open_problem.tell_with_box,
        )

    # -- the daily backup -------------------------------------------------------------------------

    def _back_up(self) -> None:
        services = self.services
        if services is None or not services.access.backup_on_exit:
            return
        self._backups.run(services.daily_backup, self._backed_up, self._not_backed_up)
        QTimer.singleShot(BACKING_UP_AFTER_MS, self._say_backing_up)

    @property
    def backing_up(self) -> bool:
        """The daily backup is being made."""
        return self._backups.busy

    def _say_backing_up(self) -> None:
        if self._backups.busy:
            self._label("Backing up…", "Making today's backup of the database")

    def _backed_up(self, made: BackupInfo | None) -> None:
        if made is not None:
            self._label("Backed up", f"Today's backup was written and verified: {made.path.name}")
            QTimer.singleShot(BACKED_UP_SHOWN_MS, self._hide_backed_up)
        else:
            self.backup_label.setVisible(False)
        self.backedUp.emit(made)

    def _hide_backed_up(self) -> None:
        if self.backup_label.text() == "Backed up":
            self.backup_label.setVisible(False)

    def _not_backed_up(self, message: str) -> None:
        self._label("Not backed up", f"The daily backup could not be made: {message}")
        self.host.show_message(f"The daily backup could not be made: {message}")

    def _label(self, text: str, tip: str) -> None:
        self.backup_label.setText(text)
        self.backup_label.setToolTip(tip)
        self.backup_label.setAccessibleDescription(tip)
        self.backup_label.setVisible(True)

    # -- the end ----------------------------------------------------------------------------------

    def finish(self) -> None:
        """The window has closed: wait for the opening and the daily backup, then close the
        database (with its closing backup). A failure to close is raised as ReviewAppError."""
        opening, self._opening = self._opening, None
        if opening is not None:
            opening.wait()
            if self.services is None:
                self.services = opening.services
        self._backups.wait()
        if self.services is not None:
            services, self.services = self.services, None
            services.close()
