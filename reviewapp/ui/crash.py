"""Faults in reviewapp itself, kept apart from errors a person can act on.

An exception nobody expected (in a slot on the window's thread, on a worker thread, or in
background work) is written with its traceback to a rotating log file, and the person sees
one dialog: what was being done, that it is a fault in reviewapp and not their doing, and
where the log is. A windowed program has no console, so without the log the details would
be lost.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp import paths
from reviewapp.ui.common import accessible, fit_to_contents, heading, wrapping_label

log = logging.getLogger(__name__)

LOG_NAME = "reviewapp.log"
NOT_YOUR_DOING = "This is a fault in reviewapp, not something you did."


_handler: RotatingFileHandler | None = None


def start_logging(folder: Path | None = None) -> Path | None:
    """Send warnings and errors to ``reviewapp.log`` in ``folder`` (the user log folder by
    default), keeping three older files of 1 MB, and return the file. None when the file
    cannot be made: the program still runs, and the crash dialog shows the details itself."""
    global _handler
    folder = folder or paths.log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        log.warning("cannot write a log file in %s", folder, exc_info=True)
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    )
    stop_logging()
    logging.getLogger().addHandler(handler)
    _handler = handler
    return Path(handler.baseFilename)


def stop_logging() -> None:
    """Close the log file ``start_logging`` opened."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def _log(exc: BaseException, doing: str) -> None:
    trace = (type(exc), exc, exc.__traceback__)
    log.error("unexpected error while %s", doing or "running", exc_info=trace)


class FaultMessage(str):
    """The sentence for work that failed because of a fault. The crash dialog has already said
    it, so a caller shows it in the status bar, not in a second dialog."""

    __slots__ = ()


def unexpected_failure(doing: str) -> FaultMessage:
    """What to tell the person whose background work failed because of a fault."""
    return FaultMessage(
        f"Something went wrong while {doing}. {NOT_YOUR_DOING} The details are in the log."
    )


class CrashDialog(QDialog):
    """One fault (and a count of any that follow while it is open), in plain words."""

    def __init__(
        self, doing: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # With no parent it would count as a window of its own: closing the main window while
        # it shows would leave the app running, the closing backup waiting.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setWindowTitle("reviewapp: something went wrong")
        what = f"Something went wrong while {doing}." if doing else "Something went wrong."
        self.headline = accessible(heading(what, 1.15), "What went wrong", what)
        if log_file is not None:
            where = (
                f"{NOT_YOUR_DOING} The details have been written to the log file below. If it "
                "happens again, please send that file to whoever looks after reviewapp for you."
            )
        else:
            where = f"{NOT_YOUR_DOING} The log file could not be written; the details are below."
        self.explanation = accessible(wrapping_label(where), "Explanation", where)
        self.log_path = accessible(QLineEdit(str(log_file or "")), "Log file")
        self.log_path.setReadOnly(True)
        self.log_path.setVisible(log_file is not None)
        self.more = accessible(wrapping_label(), "More faults")
        self.more.hide()
        self.details = accessible(QPlainTextEdit(details), "Details of the fault")
        self.details.setReadOnly(True)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setVisible(log_file is None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        accessible(close, "Close")
        close.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.show_details = accessible(QPushButton("Show &details"), "Show the details")
        self.show_details.setCheckable(True)
        self.show_details.setChecked(log_file is None)
        self.show_details.toggled.connect(self.details.setVisible)
        self.buttons.addButton(self.show_details, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder = accessible(QPushButton("Open log &folder"), "Open the log folder")
        if log_file is not None:
            folder = QUrl.fromLocalFile(str(log_file.parent))
            self.open_folder.clicked.connect(lambda: QDesktopServices.openUrl(folder))
        self.buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.setVisible(log_file is not None)  # the button box shows what it adds
        self._more = 0
        layout = QVBoxLayout(self)
        for widget in (self.headline, self.explanation, self.log_path, self.more, self.details):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.show_details.toggled.connect(lambda _shown: fit_to_contents(self))
        room = self.screen().availableGeometry()
        path_width = self.fontMetrics().horizontalAdvance(self.log_path.text()) + 24
        width = min(
            max(self.fontMetrics().averageCharWidth() * 72, path_width), room.width() * 9 // 10
        )
        self.resize(width, min(layout.totalHeightForWidth(width), room.height() * 9 // 10))

    def another(self) -> None:
        """A further fault arrived while this one is shown: counted here, not a new dialog."""
        self._more += 1
        noun = "fault" if self._more == 1 else "faults"
        text = f"{self._more} more {noun} happened since; the log has them too."
        self.more.setText(text)
        self.more.setAccessibleDescription(text)
        self.more.show()
        fit_to_contents(self)


class CrashReporter(QObject):
    """Logs faults from any thread and shows them on the window's thread, one dialog at a time."""

    _arrived = Signal(str, str)

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: CrashDialog | None = None
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc: BaseException, doing: str = "") -> None:
        """Write ``exc`` with its traceback to the log, then show the dialog (on the window's
        thread, whichever thread this is called from)."""
        _log(exc, doing)
        self._arrived.emit(doing, "".join(traceback.format_exception(exc)))

    def _show(self, doing: str, details: str) -> None:
        if self.dialog is not None:
            self.dialog.another()
            return
        try:
            self.dialog = CrashDialog(doing, details, self.log_file)
        except Exception:  # reported to the hook, this would come straight back here
            log.exception("the crash dialog could not be shown")
            return
        self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.activateWindow()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None


_reporter: CrashReporter | None = None
_previous_hooks: tuple[object, object] | None = None


def report(exc: BaseException, doing: str = "") -> None:
    """A fault: logged with its traceback, and shown once the app has installed the hooks."""
    if _reporter is None:
        _log(exc, doing)
    else:
        _reporter.report(exc, doing)


def _on_exception(
    kind: type[BaseException], exc: BaseException, trace: TracebackType | None
) -> None:
    if _reporter is None or not isinstance(exc, Exception):
        sys.__excepthook__(kind, exc, trace)  # Ctrl+C and the like end the program as usual
        return
    _reporter.report(exc.with_traceback(trace))


def _on_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or not isinstance(args.exc_value, Exception) or _reporter is None:
        threading.__excepthook__(args)
        return
    name = args.thread.name if args.thread is not None else "a worker thread"
    _reporter.report(args.exc_value, f"working in the background ({name})")


def install(log_file: Path | None, parent: QObject | None = None) -> CrashReporter:
    """Route unexpected exceptions on every thread to the log and the crash dialog. Call on
    the window's thread once the QApplication exists."""
    global _reporter, _previous_hooks
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)
    _reporter = CrashReporter(log_file, parent)
    sys.excepthook = _on_exception
    threading.excepthook = _on_thread_exception
    return _reporter


def installed() -> bool:
    return _reporter is not None


def current() -> CrashReporter | None:
    """The reporter installed now, if any."""
    return _reporter


def uninstall() -> None:
    """Put back the hooks that were there before ``install``."""
    global _reporter, _previous_hooks
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks  # type: ignore[assignment]
    _reporter, _previous_hooks = None, None
